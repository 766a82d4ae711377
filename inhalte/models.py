"""What every piece of public content is built from.

A model that public pages show inherits `OeffentlicherInhalt` (or one of the
bases below, which do): that alone renews the whole-page cache whenever one is
saved or deleted (`public_models()` is the registry the project's wiring reads).
`Veroeffentlichbar` adds the publish flag and its read rules, `UebersetzbarMixin`
the translation state per language, `BildMixin` an image with alt text,
renditions and clean-up.
"""

import datetime
import hashlib
from contextlib import contextmanager
from contextvars import ContextVar

from django.apps import apps
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.validators import FileExtensionValidator
from django.db import models, transaction
from django.db.models import Count, F, Q
from django.db.models.fields.json import KT
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from modeltranslation.utils import build_localized_fieldname

from inhalte import richtext
from inhalte.fields import FormatierterTextField
from inhalte.images import ALLOWED_IMAGE_EXTENSIONS, create_renditions, strip_metadata, validate_image_file


class OeffentlicherInhalt(models.Model):
    """Anything a public page shows: saving or deleting one makes every cached page stale."""

    class Meta:
        abstract = True


class Angelegt(models.Model):
    """When it was created (open data such as OParl names it for every object)."""

    erstellt_am = models.DateTimeField(_("angelegt am"), auto_now_add=True)

    class Meta:
        abstract = True


class Zeitstempel(Angelegt):
    """When it was created and last changed."""

    geaendert_am = models.DateTimeField(_("geändert am"), auto_now=True)

    class Meta:
        abstract = True


def validate_end_after_start(beginn, ende, *, same_allowed: bool = False) -> None:
    """A period's end (`ende`) after its start, else the form error on "ende"; open ends pass."""
    if beginn is None or ende is None or ende > beginn or (same_allowed and ende == beginn):
        return
    raise ValidationError(
        {"ende": ValidationError(_("Das Ende muss nach dem Beginn liegen."), code="end_before_start")}
    )


def public_models() -> list[type[models.Model]]:
    """Every concrete model that public pages show."""
    return [model for model in apps.get_models() if issubclass(model, OeffentlicherInhalt)]


def can_preview(model, user) -> bool:
    """Staff who may look at drafts of `model` before they are published."""
    return user.is_active and user.is_staff and user.has_perm(f"{model._meta.app_label}.view_{model._meta.model_name}")


class VeroeffentlichbarQuerySet(models.QuerySet):
    """Read rules shared by everything staff publish (topics, events, pages, reviews)."""

    def published(self, now: datetime.datetime | None = None):
        """Published, and within its publishing window (from `veroeffentlichen_ab`, until `veroeffentlichen_bis`)."""
        now = now or timezone.now()
        return self.filter(
            Q(veroeffentlichen_ab__isnull=True) | Q(veroeffentlichen_ab__lte=now),
            Q(veroeffentlichen_bis__isnull=True) | Q(veroeffentlichen_bis__gt=now),
            veroeffentlicht=True,
        )

    def scheduled(self, now: datetime.datetime | None = None):
        """Published, but waiting for their `veroeffentlichen_ab`."""
        return self.filter(veroeffentlicht=True, veroeffentlichen_ab__gt=now or timezone.now())

    def ended(self, now: datetime.datetime | None = None):
        """Published, but their `veroeffentlichen_bis` has passed."""
        return self.filter(veroeffentlicht=True, veroeffentlichen_bis__lte=now or timezone.now())

    def ending(self, now: datetime.datetime | None = None):
        """Public now, and set to disappear at their `veroeffentlichen_bis`."""
        return self.published(now).filter(veroeffentlichen_bis__isnull=False)

    def drafts(self):
        return self.filter(veroeffentlicht=False)

    def marked_published(self):
        """Marked published, whatever their window says (the search keeps the window with each entry)."""
        return self.filter(veroeffentlicht=True)

    def visible_to(self, user):
        """Published objects, plus drafts for staff allowed to preview them."""
        return self.all() if can_preview(self.model, user) else self.published()


def veroeffentlicht_field(*, default: bool = False) -> models.BooleanField:
    return models.BooleanField(
        _("veröffentlicht"),
        default=default,
        help_text=_(
            "Nur Veröffentlichtes ist öffentlich sichtbar. Entwürfe sehen angemeldete Mitarbeitende als Vorschau."
        ),
    )


class Veroeffentlichbar(OeffentlicherInhalt):
    """Content staff publish when it is ready: drafts answer 404 to the public and show as a preview to staff.

    It can be prepared to appear at a minute (`veroeffentlichen_ab`) and to
    disappear at another (`veroeffentlichen_bis`) without anyone saving then:
    the page cache renews itself at those moments (integrationsrat.cache).
    """

    veroeffentlicht = veroeffentlicht_field()
    veroeffentlichen_ab = models.DateTimeField(
        _("veröffentlichen ab"),
        null=True,
        blank=True,
        help_text=_("Leer lassen: sofort. Sonst erscheint es erst dann, ohne dass jemand noch einmal speichern muss."),
    )
    veroeffentlichen_bis = models.DateTimeField(
        _("veröffentlichen bis"),
        null=True,
        blank=True,
        help_text=_("Optional: Danach ist es nicht mehr öffentlich zu sehen."),
    )
    geaendert_am = models.DateTimeField(_("geändert am"), auto_now=True)

    objects = VeroeffentlichbarQuerySet.as_manager()

    class Meta:
        abstract = True

    def clean(self):
        super().clean()
        if (
            self.veroeffentlichen_ab
            and self.veroeffentlichen_bis
            and self.veroeffentlichen_bis <= self.veroeffentlichen_ab
        ):
            raise ValidationError(
                {
                    "veroeffentlichen_bis": ValidationError(
                        _("„Veröffentlichen bis“ muss nach „Veröffentlichen ab“ liegen."),
                        code="window_ends_before_start",
                    )
                }
            )

    @property
    def oeffentlich(self) -> bool:
        """Whether the public sees it now (the object's side of `published()`)."""
        return self.veroeffentlicht and not self.erscheint_noch and not self.beendet

    @property
    def beendet(self) -> bool:
        """Published, but its `veroeffentlichen_bis` has passed."""
        return (
            self.veroeffentlicht
            and self.veroeffentlichen_bis is not None
            and self.veroeffentlichen_bis <= timezone.now()
        )

    @property
    def erscheint_noch(self) -> bool:
        """Published, but waiting for its `veroeffentlichen_ab`."""
        return (
            self.veroeffentlicht and self.veroeffentlichen_ab is not None and self.veroeffentlichen_ab > timezone.now()
        )


def public_versions_change_at(now: datetime.datetime | None = None) -> datetime.datetime | None:
    """The next moment any publishable content appears or disappears on its own (None: nothing is scheduled).

    One query for all publishable models (a UNION of their future start and end times).
    """
    now = now or timezone.now()
    parts = [
        model._default_manager.filter(veroeffentlicht=True, **{f"{field}__gt": now})
        .order_by()
        .values_list(field, flat=True)
        for model in apps.get_models()
        if issubclass(model, Veroeffentlichbar) and not model._meta.abstract
        # A model whose objects also disappear at another stored moment names it (organisationen.Organisation).
        for field in getattr(model, "SICHTBARKEIT_WECHSEL", ("veroeffentlichen_ab", "veroeffentlichen_bis"))
    ]
    first, *rest = parts
    return next(iter(first.union(*rest, all=True).order_by("veroeffentlichen_ab")[:1]), None)


def bilddateien_delete(instance, names) -> None:
    """Delete these files of `instance`'s image once the transaction commits (a rollback keeps them).

    The dates of a series share one image file: it stays while another object still shows it.
    """
    storage = instance._meta.get_field("bild").storage
    names = set(names)
    if names and type(instance)._default_manager.exclude(pk=instance.pk).filter(bild__in=names).exists():
        return
    if names:
        transaction.on_commit(lambda: [storage.delete(name) for name in names])


def bilddateien_delete_with(sender, instance, **kwargs) -> None:
    """post_delete receiver: an object's image files go with it."""
    bilddateien_delete(instance, instance.bilddateien())


# While an older version is being restored (inhalte.admin.VersionenMixin): the images the
# objects of its revision have now, {(model, pk): {field: value}}.
_kept_images: ContextVar[dict | None] = ContextVar("inhalte_kept_images", default=None)


def image_field_names(model) -> list[str]:
    """The image and everything that belongs to it: file, renditions, size, alt texts in every language."""
    return [f.attname for f in model._meta.concrete_fields if f.name.startswith("bild")]


@contextmanager
def images_kept(objects: list[tuple[type, object]]):
    """Within this block, `objects` ((model, pk) pairs) keep the image they have now, whatever is restored.

    The history stores no image (an image removed because the person shown
    withdrew consent must never come back), so a restored snapshot carries
    empty image fields: without this, a restore would drop the current image
    and leave its files on the server.
    """
    kept = {}
    for model, pk in objects:
        if issubclass(model, BildMixin):
            current = model._base_manager.filter(pk=pk).values(*image_field_names(model)).first()
            if current is not None:  # a deleted object comes back without an image
                kept[(model, str(pk))] = current
    token = _kept_images.set(kept)
    try:
        yield
    finally:
        _kept_images.reset(token)


def keep_current_image(instance) -> None:
    """Put the image `instance` has now back onto it (within `images_kept`, else nothing)."""
    kept = (_kept_images.get() or {}).get((type(instance), str(instance.pk)))
    for name, value in (kept or {}).items():
        setattr(instance, name, value)


def keep_current_image_on_restore(sender, instance, raw, **kwargs) -> None:
    """pre_save receiver: the raw save of a restored snapshot keeps the current image."""
    if raw:
        keep_current_image(instance)


class BildMixin(models.Model):
    """An optional image with the alt text the public page needs.

    Width and height are stored on upload so pages can render `width`/`height`
    without opening the file: a missing file never breaks a page. A replaced or
    removed image is deleted from storage with all its renditions, and so are
    the images of a deleted object (the receiver is connected for every
    subclass in `InhalteConfig.ready`).
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
    # Smaller copies made at upload: {"webp": [[width, name], ...], "jpeg": [...]}.
    # Pages only ever link these, never the (possibly huge) original.
    bild_varianten = models.JSONField(default=dict, editable=False)

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        if self.bild and not self.bild._committed:
            self.bild.save(self.bild.name, ContentFile(strip_metadata(self.bild.file)), save=False)
            self.bild_varianten = create_renditions(self.bild.file, name=self.bild.name, storage=self.bild.storage)
        elif not self.bild:
            self.bild_varianten = {}
        super().save(*args, **kwargs)
        if kwargs.get("update_fields") is not None and "bild" not in kwargs["update_fields"]:
            return  # the stored image did not change
        # A replaced or removed image must really be gone (it may show a person
        # who withdrew consent), not linger at its old address under /media/.
        bilddateien_delete(self, getattr(self, "_gespeicherte_bilddateien", set()) - self.bilddateien())
        self._gespeicherte_bilddateien = self.bilddateien()

    @classmethod
    def from_db(cls, db, field_names, values, *, fetch_mode=None):
        instance = super().from_db(db, field_names, values, fetch_mode=fetch_mode)
        if {"bild", "bild_varianten"} <= set(field_names):  # not with .only()/.defer() of them
            instance._gespeicherte_bilddateien = instance.bilddateien()
        return instance

    def refresh_from_db(self, *args, **kwargs):
        super().refresh_from_db(*args, **kwargs)
        fields = kwargs.get("fields")
        if fields is None or "bild" in fields:
            self._gespeicherte_bilddateien = self.bilddateien()

    def bilddateien(self) -> set[str]:
        """The stored names of the original and of every rendition."""
        names = {name for varianten in self.bild_varianten.values() for _breite, name in varianten}
        return names | {self.bild.name} if self.bild else names

    def _srcset(self, fmt: str) -> str:
        return ", ".join(
            f"{self.bild.storage.url(name)} {breite}w" for breite, name in self.bild_varianten.get(fmt, [])
        )

    def bild_srcset_webp(self) -> str:
        return self._srcset("webp")

    def bild_srcset_jpeg(self) -> str:
        return self._srcset("jpeg")

    def bild_fallback_url(self) -> str:
        """The middle JPEG: what browsers without srcset support load."""
        jpegs = self.bild_varianten.get("jpeg") or []
        return self.bild.storage.url(jpegs[len(jpegs) // 2][1]) if jpegs else ""

    def clean(self):
        super().clean()
        # The German description is required; translations fall back to it.
        alt_field = build_localized_fieldname("bild_alt", settings.LANGUAGE_CODE)
        if self.bild and not (getattr(self, alt_field) or "").strip() and not self.bild_dekorativ:
            raise ValidationError(
                {
                    alt_field: ValidationError(
                        _("Bitte beschreiben Sie das Bild oder markieren Sie es als dekorativ."),
                        code="alt_text_required",
                    )
                }
            )


def image_models() -> list[type[models.Model]]:
    """Every concrete model with a `BildMixin` image."""
    return [model for model in apps.get_models() if issubclass(model, BildMixin)]


def fingerprint(values: list[str], *, formatted: list[bool]) -> str:
    """A short hash of what the texts say (for formatted ones: words and link targets, not the formatting)."""
    parts = [
        richtext.text_content(v) if rich else " ".join(v.split()) for v, rich in zip(values, formatted, strict=True)
    ]
    return hashlib.sha256("\x1f".join(parts).encode()).hexdigest()[:16]


def other_languages() -> list[tuple[str, str]]:
    """(code, name) of every language besides German, the source language."""
    return [(code, name) for code, name in settings.LANGUAGES if code != settings.LANGUAGE_CODE]


class Uebersetzungsstand(models.TextChoices):
    AKTUELL = "aktuell", _("aktuell")
    VERALTET = "veraltet", _("veraltet")
    FEHLT = "fehlt", _("fehlt")


def _state_condition(lang: str, stand: str) -> Q:
    """Missing (FEHLT) or outdated (VERALTET) translation into `lang`, given the alias `stand_<lang>`."""
    if stand == Uebersetzungsstand.FEHLT:
        return ~Q(uebersetzung_stand__has_key=lang)
    return Q(uebersetzung_stand__has_key=lang) & ~Q(**{f"stand_{lang}": F("deutsch_stand")})


def _with_states(queryset, langs):
    return queryset.alias(**{f"stand_{lang}": KT(f"uebersetzung_stand__{lang}") for lang in langs})


def translation_state(queryset, lang: str, stand: str):
    """The objects of `queryset` whose translation into `lang` is missing (FEHLT) or outdated (VERALTET)."""
    return _with_states(queryset, [lang]).filter(_state_condition(lang, stand))


def translation_counts(queryset) -> dict[tuple[str, str], int]:
    """{(language, FEHLT or VERALTET): number of objects}, for every language besides German, in one query."""
    langs = [code for code, _name in other_languages()]
    stands = (Uebersetzungsstand.FEHLT, Uebersetzungsstand.VERALTET)
    counts = _with_states(queryset, langs).aggregate(
        **{f"{lang}_{stand}": Count("pk", filter=_state_condition(lang, stand)) for lang in langs for stand in stands}
    )
    return {(lang, stand): counts[f"{lang}_{stand}"] for lang in langs for stand in stands}


class UebersetzbarMixin(models.Model):
    """Knows, per language, whether its translation matches the current German text.

    When a translation is saved, the fingerprint of the German text it was made
    from is stored. If the German text changes later and the translation does
    not, the fingerprints differ and staff see "veraltet" for that language.
    The fingerprint covers the words and link targets, not the formatting
    (inhalte.richtext.text_content): making a word bold does not make every
    translation outdated. The current German fingerprint is stored too
    (`deutsch_stand`), so lists can filter by state in the database.
    """

    uebersetzung_stand = models.JSONField(default=dict, editable=False)
    deutsch_stand = models.CharField(max_length=16, blank=True, editable=False)

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        # Clean formatted text first: the fingerprint must be that of what is stored.
        for field in self._meta.fields:
            if isinstance(field, FormatierterTextField):
                setattr(self, field.attname, field.sanitize(getattr(self, field.attname) or ""))
        before = type(self)._base_manager.filter(pk=self.pk).first() if self.pk else None
        fingerprint = self._german_fingerprint()
        state = dict(self.uebersetzung_stand)
        for lang, _name in other_languages():
            values = self._values(lang)
            if not any(values):
                state.pop(lang, None)
            elif before is None or lang not in state or values != before._values(lang):
                state[lang] = fingerprint
        self.uebersetzung_stand = state
        self.deutsch_stand = fingerprint
        if kwargs.get("update_fields") is not None:
            kwargs["update_fields"] = {*kwargs["update_fields"], "uebersetzung_stand", "deutsch_stand"}
        super().save(*args, **kwargs)

    @classmethod
    def translated_field_names(cls) -> list[str]:
        from modeltranslation.translator import translator

        return sorted(translator.get_options_for_model(cls).all_fields)

    def _values(self, lang: str) -> list[str]:
        return [getattr(self, build_localized_fieldname(name, lang)) or "" for name in self.translated_field_names()]

    def _german_fingerprint(self) -> str:
        return fingerprint(
            self._values(settings.LANGUAGE_CODE),
            formatted=[
                isinstance(
                    self._meta.get_field(build_localized_fieldname(name, settings.LANGUAGE_CODE)), FormatierterTextField
                )
                for name in self.translated_field_names()
            ],
        )

    def uebersetzungsstand(self, lang: str) -> str:
        """AKTUELL, VERALTET or FEHLT for `lang`."""
        if lang == settings.LANGUAGE_CODE:
            return Uebersetzungsstand.AKTUELL
        if lang not in self.uebersetzung_stand:
            return Uebersetzungsstand.FEHLT
        if self.uebersetzung_stand[lang] != (self.deutsch_stand or self._german_fingerprint()):
            return Uebersetzungsstand.VERALTET
        return Uebersetzungsstand.AKTUELL

    def uebersetzungsstaende(self) -> dict[str, str]:
        """{language: state} for every language besides German."""
        return {code: self.uebersetzungsstand(code) for code, _name in other_languages()}

    def ist_uebersetzt(self, lang: str | None = None) -> bool:
        """Has a translation into `lang` (default: the active language), current or not."""
        return self.uebersetzungsstand(lang or get_language()) != Uebersetzungsstand.FEHLT
