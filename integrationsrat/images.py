"""Rules every uploaded image must pass, shared by topics and events.

Django's ImageField already lets Pillow verify that the upload is an image (and
turns Pillow's decompression-bomb error into a form error); these validators
add the limits a small server and a phone on a prepaid plan need.
"""

from django.core.exceptions import ValidationError
from django.core.files.images import get_image_dimensions
from django.utils.translation import gettext_lazy as _

MAX_IMAGE_BYTES = 5 * 1024 * 1024
MAX_IMAGE_PIXELS = 30_000_000  # e.g. 6000 x 5000: more than any phone camera
ALLOWED_IMAGE_EXTENSIONS = ["jpg", "jpeg", "png", "webp"]


def validate_image_file(file) -> None:
    if file.size > MAX_IMAGE_BYTES:
        raise ValidationError(
            _("Das Bild ist zu groß (höchstens %(max)s MB). Bitte verkleinern Sie es."),
            code="image_too_large",
            params={"max": MAX_IMAGE_BYTES // (1024 * 1024)},
        )
    width, height = get_image_dimensions(file)
    if width is None or height is None:
        raise ValidationError(_("Die Datei ist kein lesbares Bild."), code="invalid_image")
    if width * height > MAX_IMAGE_PIXELS:
        raise ValidationError(
            _("Das Bild hat zu viele Pixel (%(w)s × %(h)s). Bitte verkleinern Sie es."),
            code="image_too_many_pixels",
            params={"w": width, "h": height},
        )
