from django.core.exceptions import ValidationError
from django.core.validators import FileExtensionValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from integrationsrat.images import ALLOWED_IMAGE_EXTENSIONS, validate_image_file


class PublishableQuerySet(models.QuerySet):
    """Read rules shared by everything staff publish (topics, events, pages)."""

    def published(self):
        return self.filter(veroeffentlicht=True)

    def visible_to(self, user):
        """Published objects, plus drafts for staff allowed to preview them."""
        if (
            user.is_active
            and user.is_staff
            and user.has_perm(f"{self.model._meta.app_label}.view_{self.model._meta.model_name}")
        ):
            return self.all()
        return self.published()


class BildMixin(models.Model):
    """An optional image with the alt text the public page needs.

    Width and height are stored on upload so pages can render `width`/`height`
    without opening the file: a missing file never breaks a page.
    """

    bild = models.ImageField(
        _("Bild"),
        upload_to="bilder/%Y/",
        blank=True,
        width_field="bild_breite",
        height_field="bild_hoehe",
        validators=[FileExtensionValidator(ALLOWED_IMAGE_EXTENSIONS), validate_image_file],
        help_text=_("JPEG, PNG oder WebP, höchstens 5 MB. Bitte nur Bilder, an denen Sie die Rechte haben."),
    )
    bild_alt = models.CharField(
        _("Bildbeschreibung (Alternativtext)"),
        max_length=250,
        blank=True,
        help_text=_(
            "Pflicht bei einem Bild: Beschreiben Sie in einem Satz, was zu sehen ist – "
            "für Menschen, die das Bild nicht sehen können."
        ),
    )
    bild_dekorativ = models.BooleanField(
        _("Bild ist rein dekorativ"),
        default=False,
        help_text=_("Nur ankreuzen, wenn das Bild keine Information trägt. Dann ist keine Beschreibung nötig."),
    )
    bild_breite = models.PositiveIntegerField(editable=False, null=True)
    bild_hoehe = models.PositiveIntegerField(editable=False, null=True)

    class Meta:
        abstract = True

    def clean(self):
        super().clean()
        if self.bild and not self.bild_alt.strip() and not self.bild_dekorativ:
            raise ValidationError(
                {
                    "bild_alt": ValidationError(
                        _("Bitte beschreiben Sie das Bild oder markieren Sie es als dekorativ."),
                        code="alt_text_required",
                    )
                }
            )
