"""The directory of migrant organisations in Beckum (/organisationen/).

An organisation proposes its own entry (`services.organisation_propose`); it
stays a draft until staff check it and publish it. Every entry carries the
date it was last confirmed: staff are reminded once a year to confirm it
(`remind_organisations`), an entry not confirmed for ORGANISATION_GUELTIG_TAGE
(two years) disappears from every public page on its own (`published()`,
`verborgen_ab`), and one not confirmed for ORGANISATION_LOESCHEN_TAGE is
deleted (`services.organisationen_purge`).

Not in OParl: OParl's `Organization` is a body of the council itself (a
committee, a faction, the council), not an outside association; listing
these organisations there would tell OParl clients they were parts of the
council. The directory has its own pages, search entries and sitemap.
"""

import datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from inhalte.models import (
    BildMixin,
    OeffentlicherInhalt,
    UebersetzbarMixin,
    Veroeffentlichbar,
    VeroeffentlichbarQuerySet,
)

# The topic whose page links to the directory (seeded by startinhalte; its address is its slug).
VERZEICHNIS_THEMA = "austausch-mit-migrantenorganisationen"

# Addresses under /organisationen/ that are pages of their own, never an organisation's slug.
RESERVIERTE_SLUGS = {"vorschlagen"}


class Sprache(OeffentlicherInhalt):
    """A language an organisation speaks (a filter of the directory); staff can add more."""

    code = models.SlugField(
        _("Sprachkürzel"),
        max_length=12,
        unique=True,
        help_text=_(
            "Kurz und eindeutig, z. B. „ar“ für Arabisch (ISO 639). Erscheint in der Internetadresse des Filters."
        ),
    )
    name = models.CharField(_("Name"), max_length=80, help_text=_("Der Name der Sprache, z. B. „Arabisch“."))

    class Meta:
        verbose_name = _("Sprache")
        verbose_name_plural = _("Sprachen")
        ordering = ["name"]

    def __str__(self):
        return self.name


class Angebot(OeffentlicherInhalt):
    """What an organisation offers (advice, language courses, sport ...): a filter of the directory."""

    name = models.CharField(_("Name"), max_length=80)
    slug = models.SlugField(
        _("Adresse (Kurzname)"),
        max_length=80,
        unique=True,
        help_text=_("Erscheint in der Internetadresse des Filters, z. B. „sprachkurse“."),
    )

    class Meta:
        verbose_name = _("Angebot")
        verbose_name_plural = _("Angebote")
        ordering = ["name"]

    def __str__(self):
        return self.name


def verborgen_ab(zuletzt_bestaetigt: datetime.date) -> datetime.datetime:
    """The moment an entry confirmed on `zuletzt_bestaetigt` disappears: the start of the day its validity ends."""
    tag = zuletzt_bestaetigt + datetime.timedelta(days=settings.ORGANISATION_GUELTIG_TAGE)
    return timezone.make_aware(datetime.datetime.combine(tag, datetime.time.min))


def _tage_vor(today: datetime.date, tage: int) -> datetime.date:
    return today - datetime.timedelta(days=tage)


class OrganisationQuerySet(VeroeffentlichbarQuerySet):
    def published(self, now: datetime.datetime | None = None):
        """Published, within its window, and confirmed within ORGANISATION_GUELTIG_TAGE (see `verborgen_ab`)."""
        now = now or timezone.now()
        return super().published(now).filter(Q(verborgen_ab__isnull=True) | Q(verborgen_ab__gt=now))

    def speaking(self, code: str):
        """Organisations that speak the language with this code ("ar")."""
        return self.filter(sprachen__code=code)

    def offering(self, slug: str):
        """Organisations with this offer ("sprachkurse")."""
        return self.filter(angebote__slug=slug)

    def proposals(self):
        """Proposed by an organisation through the form and not yet checked by staff."""
        return self.filter(eingereicht_am__isnull=False, geprueft_am__isnull=True, abgelehnt_am__isnull=True)

    def unconfirmed_for_a_year(self, today: datetime.date | None = None):
        """Published entries (visible or hidden by now) last confirmed a year ago or earlier."""
        today = today or timezone.localdate()
        return self.filter(veroeffentlicht=True, zuletzt_bestaetigt__lte=_tage_vor(today, 365))

    def hidden_unconfirmed(self, now: datetime.datetime | None = None):
        """Published entries hidden because nobody confirmed them for ORGANISATION_GUELTIG_TAGE."""
        return self.filter(veroeffentlicht=True, verborgen_ab__lte=now or timezone.now())

    def due_for_confirmation(self, today: datetime.date | None = None):
        """Entries unconfirmed for a year whose confirmation staff were not reminded of within the year."""
        today = today or timezone.localdate()
        return self.unconfirmed_for_a_year(today).filter(
            Q(erinnert_am__isnull=True) | Q(erinnert_am__lte=_tage_vor(today, 365))
        )

    def purgeable_proposals(self, today: datetime.date | None = None):
        """Proposals never published (unchecked or rejected) that came in over ORGANISATION_VORSCHLAG_TAGE ago."""
        today = today or timezone.localdate()
        grenze = timezone.make_aware(
            datetime.datetime.combine(_tage_vor(today, settings.ORGANISATION_VORSCHLAG_TAGE), datetime.time.min)
        )
        # A rejected one counts from its rejection: rejecting an old proposal still leaves the 90 days.
        return self.filter(
            Q(geprueft_am__isnull=True, abgelehnt_am__isnull=True, eingereicht_am__lt=grenze)
            | Q(abgelehnt_am__lt=grenze),
            veroeffentlicht=False,
        )

    def purgeable_unconfirmed(self, today: datetime.date | None = None):
        """Entries not confirmed for ORGANISATION_LOESCHEN_TAGE (hidden for a year by then)."""
        today = today or timezone.localdate()
        return self.filter(zuletzt_bestaetigt__lt=_tage_vor(today, settings.ORGANISATION_LOESCHEN_TAGE))

    def for_cards(self):
        """With what a card shows (languages, offers), in two more queries."""
        return self.prefetch_related("sprachen", "angebote")


class Organisation(UebersetzbarMixin, BildMixin, Veroeffentlichbar):
    """A migrant organisation in Beckum: what it offers, in which languages, where and when it meets."""

    name = models.CharField(_("Name der Organisation"), max_length=150)
    slug = models.SlugField(
        _("Adresse (Kurzname)"),
        max_length=150,
        unique=True,
        help_text=_("Teil der Internetadresse; wird aus dem Namen vorgeschlagen."),
    )
    kurzbeschreibung = models.TextField(
        _("Kurzbeschreibung"),
        max_length=600,
        help_text=_("Zwei bis vier Sätze: wer die Organisation ist und was sie macht."),
    )
    sprachen = models.ManyToManyField(
        Sprache,
        blank=True,
        verbose_name=_("Sprachen"),
        related_name="organisationen",
        help_text=_("In diesen Sprachen kann man mit der Organisation sprechen."),
    )
    angebote = models.ManyToManyField(Angebot, blank=True, verbose_name=_("Angebote"), related_name="organisationen")
    treffpunkt = models.CharField(
        _("Treffpunkt"),
        max_length=200,
        blank=True,
        help_text=_("Wo sich die Organisation trifft, z. B. Straße und Hausnummer in Beckum."),
    )
    treffzeiten = models.CharField(
        _("Treffzeiten"), max_length=200, blank=True, help_text=_("Zum Beispiel: „Jeden Freitag, 17 bis 19 Uhr“.")
    )
    website = models.URLField(_("Internetseite"), blank=True)
    kontakt_name = models.CharField(
        _("Kontakt: Name"),
        max_length=120,
        blank=True,
        help_text=_("Öffentlich! Nur eintragen, was die Organisation zur Veröffentlichung freigegeben hat."),
    )
    kontakt_email = models.EmailField(_("Kontakt: E-Mail"), blank=True, help_text=_("Öffentlich."))
    kontakt_telefon = models.CharField(_("Kontakt: Telefon"), max_length=40, blank=True, help_text=_("Öffentlich."))
    themen = models.ManyToManyField("themen.Thema", blank=True, verbose_name=_("Themen"), related_name="organisationen")
    zuletzt_bestaetigt = models.DateField(
        _("zuletzt bestätigt am"),
        default=timezone.localdate,
        help_text=_(
            "Wann die Organisation zuletzt bestätigt hat, dass die Angaben stimmen. "
            "Nach zwei Jahren ohne Bestätigung ist der Eintrag nicht mehr öffentlich zu sehen."
        ),
    )
    # Stored, so the page cache and the search know the moment ahead (inhalte.models.public_versions_change_at).
    verborgen_ab = models.DateTimeField(_("nicht mehr sichtbar ab"), null=True, editable=False)

    # Not public: whom staff ask to confirm the entry, and the review's trail.
    ansprechperson_name = models.CharField(_("Ansprechperson: Name"), max_length=120, blank=True)
    ansprechperson_email = models.EmailField(
        _("Ansprechperson: E-Mail"),
        blank=True,
        help_text=_("Nicht öffentlich: für Rückfragen und die jährliche Bestätigung."),
    )
    eingereicht_am = models.DateTimeField(_("vorgeschlagen am"), null=True, blank=True, editable=False)
    geprueft_von = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
        verbose_name=_("geprüft von"),
    )
    geprueft_am = models.DateTimeField(_("geprüft am"), null=True, blank=True, editable=False)
    abgelehnt_am = models.DateTimeField(_("abgelehnt am"), null=True, blank=True, editable=False)
    erinnert_am = models.DateField(_("zuletzt an Bestätigung erinnert am"), null=True, blank=True, editable=False)

    # A person's contact must not outlive its removal in old versions (inhalte.admin.VersionenMixin).
    NICHT_IN_VERSIONEN = (
        "kontakt_name",
        "kontakt_email",
        "kontakt_telefon",
        "ansprechperson_name",
        "ansprechperson_email",
    )
    # The page cache renews itself when an entry's two years end (inhalte.models.public_versions_change_at).
    SICHTBARKEIT_WECHSEL = ("veroeffentlichen_ab", "veroeffentlichen_bis", "verborgen_ab")

    objects = OrganisationQuerySet.as_manager()

    class Meta:
        verbose_name = _("Organisation")
        verbose_name_plural = _("Organisationen")
        ordering = ["name"]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("organisationen:detail", kwargs={"slug": self.slug})

    def clean(self):
        super().clean()
        if self.slug in RESERVIERTE_SLUGS:
            raise ValidationError(
                {"slug": ValidationError(_("Diese Adresse ist schon vergeben."), code="reserved_slug")}
            )

    def save(self, *args, **kwargs):
        self.verborgen_ab = verborgen_ab(self.zuletzt_bestaetigt) if self.zuletzt_bestaetigt else None
        if kwargs.get("update_fields") is not None:
            kwargs["update_fields"] = {*kwargs["update_fields"], "verborgen_ab"}
        super().save(*args, **kwargs)

    @property
    def verborgen(self) -> bool:
        """Not confirmed for too long: no longer public, whatever else it says."""
        return self.verborgen_ab is not None and self.verborgen_ab <= timezone.now()

    @property
    def beendet(self) -> bool:
        return super().beendet or (self.veroeffentlicht and self.verborgen)

    @property
    def ist_vorschlag(self) -> bool:
        return self.eingereicht_am is not None and self.geprueft_am is None and self.abgelehnt_am is None

    @property
    def hat_kontakt(self) -> bool:
        return bool(self.kontakt_name or self.kontakt_email or self.kontakt_telefon)
