"""Uploaded images: the rules every upload must pass, and what is made of it.

Django's ImageField already lets Pillow verify that the upload is an image (and
turns Pillow's decompression-bomb error into a form error); the validators add
the limits a small server and a phone on a prepaid plan need. The functions
below re-encode an upload without its metadata and make the smaller copies
that pages link instead of the original.
"""

import io

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.images import get_image_dimensions
from django.utils.translation import gettext_lazy as _
from PIL import Image, ImageOps

MAX_IMAGE_BYTES = 5 * 1024 * 1024
MAX_IMAGE_PIXELS = 30_000_000  # e.g. 6000 x 5000: more than any phone camera
ALLOWED_IMAGE_EXTENSIONS = ["jpg", "jpeg", "png", "webp"]
RENDITION_WIDTHS = (480, 960, 1440)
MAX_RENDITION_WIDTH = 1920


def validate_image_file(file) -> None:
    if getattr(file, "_committed", False):
        return  # the image already stored (checked when it was uploaded): saving the form again keeps it
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


def strip_metadata(upload) -> bytes:
    """The upload re-encoded without EXIF/GPS or other metadata (privacy of the people in the photo)."""
    upload.seek(0)
    with Image.open(upload) as original:
        fmt = original.format
        # Turn the picture upright first: once EXIF is gone, its orientation tag is gone too.
        bild = ImageOps.exif_transpose(original)
        if fmt == "JPEG" and bild.mode not in ("RGB", "L"):
            bild = bild.convert("RGB")
        buffer = io.BytesIO()
        # Pillow writes EXIF, XMP or PNG text only when asked to: a plain save drops them.
        bild.save(buffer, format=fmt, **({"quality": 90, "optimize": True} if fmt == "JPEG" else {}))
    return buffer.getvalue()


def create_renditions(upload, *, name: str, storage) -> dict[str, list[list]]:
    """WebP plus a JPEG fallback in a few widths, never wider than the original.

    Returns {"webp": [[width, stored name], ...], "jpeg": [...]}, stored next to `name`.
    """
    stem = name.rsplit(".", 1)[0]
    varianten = {"webp": [], "jpeg": []}
    upload.seek(0)
    with Image.open(upload) as original:
        original.load()
        breiten = [w for w in RENDITION_WIDTHS if w < original.width] + [min(original.width, MAX_RENDITION_WIDTH)]
        for breite in sorted(set(breiten)):
            hoehe = round(original.height * breite / original.width)
            kopie = original.convert("RGB").resize((breite, hoehe), Image.Resampling.LANCZOS)
            for fmt, ext, options in (("webp", "webp", {"quality": 80}), ("jpeg", "jpg", {"quality": 82})):
                buffer = io.BytesIO()
                kopie.save(buffer, format=fmt.upper(), optimize=True, **options)
                stored = storage.save(f"{stem}-{breite}.{ext}", ContentFile(buffer.getvalue()))
                varianten[fmt].append([breite, stored])
    return varianten


# Link previews (Open Graph, JSON-LD) want about 1200 px; every service reads JPEG, not all read WebP.
SHARE_IMAGE_WIDTH = 1200


def share_image(objekt) -> dict | None:
    """The rendition a link preview shows of `objekt`'s image: {"url", "breite", "hoehe", "alt"}, None without one.

    The smallest JPEG at least SHARE_IMAGE_WIDTH wide, else the widest; never
    the original upload. `url` is the storage's (relative unless in S3).
    """
    jpegs = sorted((objekt.bild_varianten or {}).get("jpeg") or []) if objekt.bild else []
    if not jpegs:
        return None
    breite, name = next((j for j in jpegs if j[0] >= SHARE_IMAGE_WIDTH), jpegs[-1])
    hoehe = round(objekt.bild_hoehe * breite / objekt.bild_breite) if objekt.bild_breite and objekt.bild_hoehe else None
    return {
        "url": objekt.bild.storage.url(name),
        "breite": breite,
        "hoehe": hoehe,
        "alt": "" if objekt.bild_dekorativ else objekt.bild_alt,
    }
