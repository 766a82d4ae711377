"""The council as a body: who sits on it, when it meets, what it discusses and decides.

Shaped after OParl 1.1, the open standard for council data (see `oparl/`), with
German names: Gremium (Organization), Wahlperiode (LegislativeTerm), Person,
Mitgliedschaft (Membership), Sitzung (Meeting), Tagesordnungspunkt
(AgendaItem), Vorlage (Paper), Dokument (File). A consultation (OParl
Consultation) is an agenda item that discusses a Vorlage.

A Sitzung *is* a Veranstaltung (multi-table inheritance): staff enter a public
meeting once, and it appears in the event lists, the iCal feed and on the start
page like every event, while its agenda and documents hang on the Sitzung.
"""

import datetime
import uuid

from django.core.exceptions import ValidationError
from django.core.validators import FileExtensionValidator
from django.db import models
from django.db.models import Exists, OuterRef, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.text import get_valid_filename
from django.utils.translation import gettext_lazy as _

from gremien.pdf import pdf_facts, validate_pdf
from gremien.storage import dokument_storage_instance
from inhalte.fields import FormatierterTextField
from inhalte.models import (
    Angelegt,
    BildMixin,
    OeffentlicherInhalt,
    UebersetzbarMixin,
    Veroeffentlichbar,
    VeroeffentlichbarQuerySet,
    Zeitstempel,
    can_preview,
    validate_end_after_start,
)
from veranstaltungen.models import Veranstaltung, VeranstaltungQuerySet

# The languages members may name. A curated list rather than Django's LANG_INFO:
# that lacks Kurdish, Pashto, Tigrinya and Somali, which many people here speak.
SPRACHEN = [
    ("de", _("Deutsch")),
    ("en", _("Englisch")),
    ("tr", _("Türkisch")),
    ("ar", _("Arabisch")),
    ("uk", _("Ukrainisch")),
    ("ru", _("Russisch")),
    ("ku", _("Kurdisch")),
    ("fa", _("Persisch (Farsi, Dari)")),
    ("ps", _("Paschtu")),
    ("pl", _("Polnisch")),
    ("ro", _("Rumänisch")),
    ("bg", _("Bulgarisch")),
    ("el", _("Griechisch")),
    ("it", _("Italienisch")),
    ("es", _("Spanisch")),
    ("fr", _("Französisch")),
    ("sq", _("Albanisch")),
    ("bs", _("Bosnisch, Kroatisch, Serbisch")),
    ("ti", _("Tigrinya")),
    ("so", _("Somali")),
    ("ur", _("Urdu")),
]
SPRACHNAMEN = dict(SPRACHEN)


class Gremium(UebersetzbarMixin, Angelegt, Veroeffentlichbar):
    """The Integrationsrat itself, and the committees or working groups it forms."""

    class Art(models.TextChoices):
        RAT = "rat", _("Integrationsrat")
        AUSSCHUSS = "ausschuss", _("Ausschuss")
        ARBEITSKREIS = "arbeitskreis", _("Arbeitskreis")

    name = models.CharField(_("Name"), max_length=200)
    kurzname = models.CharField(_("Kurzname"), max_length=50, blank=True, help_text=_("z. B. „IR“."))
    art = models.CharField(_("Art"), max_length=20, choices=Art.choices, default=Art.ARBEITSKREIS)
    gruendung = models.DateField(_("gegründet am"), null=True, blank=True)
    aufloesung = models.DateField(_("aufgelöst am"), null=True, blank=True)
    reihenfolge = models.PositiveIntegerField(
        _("Reihenfolge"), default=100, help_text=_("Kleinere Zahlen stehen weiter oben.")
    )

    class Meta:
        verbose_name = _("Gremium")
        verbose_name_plural = _("Gremien")
        ordering = ["reihenfolge", "name"]

    def __str__(self):
        return self.name


class Wahlperiode(Zeitstempel, OeffentlicherInhalt):
    name = models.CharField(_("Name"), max_length=100, help_text=_("z. B. „Wahlperiode 2025–2030“."))
    beginn = models.DateField(_("Beginn"))
    ende = models.DateField(_("Ende"), null=True, blank=True)

    class Meta:
        verbose_name = _("Wahlperiode")
        verbose_name_plural = _("Wahlperioden")
        ordering = ["-beginn"]

    def __str__(self):
        return self.name

    def clean(self):
        super().clean()
        validate_end_after_start(self.beginn, self.ende)


class PersonQuerySet(VeroeffentlichbarQuerySet):
    def former(self, before: datetime.date):
        """Persons whose every membership ended before `before` (someone without any membership is not former)."""
        return (
            self.filter(mitgliedschaften__isnull=False)
            .exclude(Q(mitgliedschaften__ende__isnull=True) | Q(mitgliedschaften__ende__gte=before))
            .distinct()
        )

    def with_personal_data(self):
        """Persons with a public contact, or a photo that is not to be shown after their membership."""
        return self.filter(
            ~Q(kontakt_email="") | ~Q(kontakt_telefon="") | (~Q(bild="") & Q(foto_nach_ende_zeigen=False))
        )

    def public(self):
        """Published persons with at least one membership of a published body: only they appear anywhere."""
        return self.published().filter(pk__in=Mitgliedschaft.objects.public().values("person")).distinct()


class Person(BildMixin, Angelegt, Veroeffentlichbar):
    """A member (or former member) of a body. Only what the person agreed to publish is stored here."""

    titel = models.CharField(_("Titel"), max_length=50, blank=True, help_text=_("z. B. „Dr.“"))
    vorname = models.CharField(_("Vorname"), max_length=100)
    nachname = models.CharField(_("Nachname"), max_length=100)
    sprachen = models.JSONField(
        _("Sprachen"),
        default=list,
        blank=True,
        help_text=_("Die Sprachen, in denen Menschen die Person ansprechen können."),
    )
    kontakt_email = models.EmailField(
        _("öffentliche E-Mail-Adresse"),
        blank=True,
        help_text=_(
            "Bitte eine Funktionsadresse (z. B. des Integrationsrats) statt einer privaten Adresse, "
            "und nur mit Einverständnis der Person."
        ),
    )
    kontakt_telefon = models.CharField(
        _("öffentliche Telefonnummer"), max_length=40, blank=True, help_text=_("Nur mit Einverständnis der Person.")
    )
    foto_einwilligung = models.BooleanField(
        _("Einwilligung zum Foto liegt vor"),
        default=False,
        help_text=_("Pflicht für ein Foto: Die Person hat schriftlich eingewilligt, dass ihr Foto hier erscheint."),
    )
    foto_einwilligung_am = models.DateField(_("Einwilligung erteilt am"), null=True, blank=True)
    foto_nach_ende_zeigen = models.BooleanField(
        _("Foto auch nach Ende der Mitgliedschaft zeigen"),
        default=False,
        help_text=_("Sonst erscheint das Foto nicht mehr, sobald alle Mitgliedschaften beendet sind."),
    )
    objects = PersonQuerySet.as_manager()

    # A member's contact was published for the role: no old version keeps it (inhalte.admin.VersionenMixin).
    NICHT_IN_VERSIONEN = ("kontakt_email", "kontakt_telefon")

    class Meta:
        verbose_name = _("Person")
        verbose_name_plural = _("Personen")
        ordering = ["nachname", "vorname"]

    def __str__(self):
        return self.name

    @property
    def name(self) -> str:
        return " ".join(part for part in (self.titel, self.vorname, self.nachname) if part)

    @property
    def sprachnamen(self) -> list[str]:
        """The languages the person speaks, named in the visitor's language."""
        return [str(SPRACHNAMEN[code]) for code in self.sprachen if code in SPRACHNAMEN]

    def clean(self):
        super().clean()
        unknown = [code for code in self.sprachen or [] if code not in SPRACHNAMEN]
        if unknown:
            raise ValidationError({"sprachen": ValidationError(_("Unbekannte Sprache."), code="unknown_language")})
        if self.bild and not self.foto_einwilligung:
            raise ValidationError(
                {
                    "foto_einwilligung": ValidationError(
                        _(
                            "Ein Foto darf nur mit Einwilligung der Person erscheinen. "
                            "Bitte bestätigen oder das Foto entfernen."
                        ),
                        code="photo_without_consent",
                    )
                }
            )

    def foto_sichtbar(self, aktiv: bool) -> bool:
        """Whether the photo may be shown: with consent, and after the last membership only if staff decided so."""
        return bool(self.bild) and self.foto_einwilligung and (aktiv or self.foto_nach_ende_zeigen)


class MitgliedschaftQuerySet(models.QuerySet):
    def public(self):
        """Memberships the public may see: of a published person in a published body."""
        return self.filter(
            person__in=Person.objects.published(), gremium__in=Gremium.objects.published()
        ).select_related("person", "gremium", "wahlperiode")

    def current(self, today: datetime.date | None = None):
        today = today or timezone.localdate()
        return self.filter(Q(beginn__isnull=True) | Q(beginn__lte=today), Q(ende__isnull=True) | Q(ende__gte=today))

    def ended(self, today: datetime.date | None = None):
        return self.filter(ende__lt=today or timezone.localdate())

    def speaking(self, sprache: str):
        # The JSON list's text contains the quoted code: the same lookup on SQLite and PostgreSQL.
        return self.filter(person__sprachen__icontains=f'"{sprache}"')

    def in_term_order(self):
        """Newest term first, then as on the members page: the list of earlier terms."""
        return self.order_by(
            "-wahlperiode__beginn", "gremium__reihenfolge", "rolle", "person__nachname", "person__vorname"
        )

    def in_list_order(self):
        """Body, then role (chair first), then name: the order of the members page."""
        return self.order_by("gremium__reihenfolge", "gremium__name", "rolle", "person__nachname", "person__vorname")


class Mitgliedschaft(Zeitstempel, OeffentlicherInhalt):
    class Rolle(models.IntegerChoices):
        VORSITZ = 10, _("Vorsitz")
        STELLV_VORSITZ = 20, _("stellvertretender Vorsitz")
        MITGLIED = 30, _("Mitglied")
        BERATEND = 40, _("beratendes Mitglied")
        STELLVERTRETUNG = 50, _("Stellvertretung")

    class Entsendung(models.TextChoices):
        GEWAEHLT = "gewaehlt", _("direkt gewählt (über eine Liste)")
        RAT = "rat", _("vom Rat der Stadt entsandt")

    person = models.ForeignKey(
        Person, on_delete=models.CASCADE, related_name="mitgliedschaften", verbose_name=_("Person")
    )
    gremium = models.ForeignKey(
        Gremium, on_delete=models.PROTECT, related_name="mitgliedschaften", verbose_name=_("Gremium")
    )
    wahlperiode = models.ForeignKey(
        Wahlperiode,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="mitgliedschaften",
        verbose_name=_("Wahlperiode"),
    )
    rolle = models.PositiveSmallIntegerField(_("Rolle"), choices=Rolle.choices, default=Rolle.MITGLIED)
    entsendung = models.CharField(_("Weg in das Gremium"), max_length=20, choices=Entsendung.choices, blank=True)
    liste = models.CharField(_("Liste"), max_length=150, blank=True, help_text=_("Name der Liste, über die gewählt."))
    stimmrecht = models.BooleanField(_("Stimmrecht"), default=True)
    beginn = models.DateField(_("Beginn"), null=True, blank=True)
    ende = models.DateField(
        _("Ende"), null=True, blank=True, help_text=_("Leer lassen, solange die Mitgliedschaft besteht.")
    )

    objects = MitgliedschaftQuerySet.as_manager()

    class Meta:
        verbose_name = _("Mitgliedschaft")
        verbose_name_plural = _("Mitgliedschaften")
        ordering = ["gremium", "rolle", "person"]

    def __str__(self):
        return f"{self.person}: {self.get_rolle_display()} ({self.gremium})"

    def clean(self):
        super().clean()
        validate_end_after_start(self.beginn, self.ende, same_allowed=True)  # a one-day stand-in

    @property
    def aktiv(self) -> bool:
        today = timezone.localdate()
        return (self.beginn is None or self.beginn <= today) and (self.ende is None or self.ende >= today)

    @property
    def foto_sichtbar(self) -> bool:
        return self.person.foto_sichtbar(self.aktiv)


class SitzungQuerySet(VeranstaltungQuerySet):
    def for_list(self):
        return self.select_related("ort", "gremium")

    def with_invitation_flag(self):
        """Each meeting with `hat_einladung`: whether a public invitation is among its documents."""
        einladung = Dokument.objects.filter(sitzung=OuterRef("pk"), art=Dokument.Art.EINLADUNG, oeffentlich=True)
        return self.annotate(hat_einladung=Exists(einladung))


class Sitzung(Angelegt, Veranstaltung):
    """A public meeting of a body: an event (listed and in the calendar like every event) with an agenda."""

    class Status(models.TextChoices):
        GEPLANT = "geplant", _("geplant")
        EINGELADEN = "eingeladen", _("eingeladen")
        DURCHGEFUEHRT = "durchgefuehrt", _("durchgeführt")
        ABGESAGT = "abgesagt", _("abgesagt")

    gremium = models.ForeignKey(Gremium, on_delete=models.PROTECT, related_name="sitzungen", verbose_name=_("Gremium"))
    status = models.CharField(
        _("Stand"),
        max_length=20,
        choices=Status.choices,
        default=Status.GEPLANT,
        help_text=_("„abgesagt“ markiert die Sitzung überall deutlich als abgesagt, auch im Kalender."),
    )

    objects = SitzungQuerySet.as_manager()

    class Meta:
        verbose_name = _("Sitzung")
        verbose_name_plural = _("Sitzungen")
        ordering = ["-datum", "-beginn"]

    def save(self, *args, **kwargs):
        # The event side follows the meeting: lists and calendars know it as a (cancelled) meeting.
        self.art = Veranstaltung.Art.SITZUNG
        self.abgesagt = self.status == self.Status.ABGESAGT
        if kwargs.get("update_fields") is not None:
            kwargs["update_fields"] = {*kwargs["update_fields"], "art", "abgesagt"}
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("gremien:sitzung", kwargs={"jahr": self.datum.year, "slug": self.slug})

    @property
    def fehlende_angaben(self) -> list[str]:
        """What the meeting still needs before people can come: place, time, a public invitation.

        Needs `with_invitation_flag()` for the invitation.
        """
        fehlt_einladung = [_("Einladung fehlt")] if not getattr(self, "hat_einladung", True) else []
        return super().fehlende_angaben + fehlt_einladung

    def get_ics_url(self):
        return reverse("gremien:sitzung_ics", kwargs={"jahr": self.datum.year, "slug": self.slug})


class Vorlage(UebersetzbarMixin, Angelegt, Veroeffentlichbar):
    """A paper the council discusses: a motion, an inquiry, a statement, a communication."""

    class Art(models.TextChoices):
        ANTRAG = "antrag", _("Antrag")
        ANFRAGE = "anfrage", _("Anfrage")
        STELLUNGNAHME = "stellungnahme", _("Stellungnahme")
        MITTEILUNG = "mitteilung", _("Mitteilung")

    aktenzeichen = models.CharField(
        _("Vorlagennummer"), max_length=50, unique=True, help_text=_("z. B. „IR/2026/001“; einmalig.")
    )
    titel = models.CharField(_("Titel"), max_length=250)
    art = models.CharField(_("Art"), max_length=20, choices=Art.choices, default=Art.ANTRAG)
    datum = models.DateField(_("Datum"))
    gremium = models.ForeignKey(
        Gremium,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="vorlagen",
        verbose_name=_("eingebracht von"),
        help_text=_("Das Gremium, von dem die Vorlage kommt (leer: von außerhalb)."),
    )
    beschreibung = FormatierterTextField(_("Beschreibung"), blank=True, ueberschriften=(3, 4))

    class Meta:
        verbose_name = _("Vorlage")
        verbose_name_plural = _("Vorlagen")
        ordering = ["-datum", "-aktenzeichen"]

    def __str__(self):
        return f"{self.aktenzeichen}: {self.titel}"

    def get_absolute_url(self):
        return reverse("gremien:vorlage", kwargs={"pk": self.pk})


class TagesordnungspunktQuerySet(models.QuerySet):
    def public(self, *, any_time: bool = False):
        """Items of published meetings (non-public items included: they show only "nicht öffentlich").

        `any_time`: of meetings marked published, whatever their publishing window says.
        """
        sitzungen = Sitzung.objects.marked_published() if any_time else Sitzung.objects.published()
        return self.filter(sitzung__in=sitzungen)

    def held_in_public(self):
        return self.filter(oeffentlich=True)

    def in_meeting_order(self):
        """By the date of their meeting, with it (where a paper was discussed)."""
        return self.select_related("sitzung").order_by("sitzung__datum", "sitzung__beginn", "reihenfolge")

    def consultations(self):
        """Items that discuss a published Vorlage (OParl Consultation)."""
        return self.public().filter(vorlage__in=Vorlage.objects.published())


class Tagesordnungspunkt(UebersetzbarMixin, Zeitstempel, OeffentlicherInhalt):
    sitzung = models.ForeignKey(
        Sitzung, on_delete=models.CASCADE, related_name="tagesordnungspunkte", verbose_name=_("Sitzung")
    )
    nummer = models.CharField(_("Nummer"), max_length=10, help_text=_("z. B. „1“ oder „3.2“."))
    reihenfolge = models.PositiveIntegerField(
        _("Reihenfolge"),
        default=0,
        help_text=_("Bestimmt die Reihenfolge auf der Seite; die Nummer ist die angezeigte."),
    )
    titel = models.CharField(_("Titel"), max_length=300)
    oeffentlich = models.BooleanField(
        _("öffentlich"),
        default=True,
        help_text=_("Nicht öffentliche Punkte erscheinen nur als „nicht öffentlich“, ohne Titel und ohne Dokumente."),
    )
    vorlage = models.ForeignKey(
        Vorlage,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="beratungen",
        verbose_name=_("Vorlage"),
    )
    ergebnis = models.CharField(
        _("Ergebnis"), max_length=200, blank=True, help_text=_("z. B. „einstimmig beschlossen“, „vertagt“.")
    )
    beschluss = FormatierterTextField(_("Beschlusstext"), blank=True, ueberschriften=())

    objects = TagesordnungspunktQuerySet.as_manager()

    class Meta:
        verbose_name = _("Tagesordnungspunkt")
        verbose_name_plural = _("Tagesordnungspunkte")
        ordering = ["sitzung", "reihenfolge", "pk"]

    def __str__(self):
        return f"TOP {self.nummer}: {self.titel}"

    @property
    def anker(self) -> str:
        """The id of its place on the meeting's page (linked from the search)."""
        return f"top-{self.pk}"

    def save(self, *args, **kwargs):
        # An item moved to another meeting takes its documents along: they are public only with it.
        # Before the save, so that what reacts to it (the search index) sees them moved.
        if self.pk:
            self.dokumente.exclude(sitzung_id=self.sitzung_id).update(sitzung_id=self.sitzung_id)
        super().save(*args, **kwargs)


def dokument_storage():
    # Its own storage, outside MEDIA_URL (settings.STORAGES["dokumente"]): see dokument_pfad.
    return dokument_storage_instance


def dokument_pfad(instance, filename: str) -> str:
    # Not under MEDIA_URL: documents are served only through the portal's view, which checks that
    # they are public. A random folder makes the stored name unguessable, should the storage
    # itself ever be reachable; the file keeps its readable name for the download.
    name = get_valid_filename(filename.rsplit("/", 1)[-1])[:100] or "dokument.pdf"
    return f"dokumente/{timezone.localdate():%Y}/{uuid.uuid4().hex}/{name}"


class DokumentQuerySet(models.QuerySet):
    def public(self, *, any_time: bool = False):
        """Public documents of something published; never those of a non-public agenda item.

        `any_time`: of meetings and papers marked published, whatever their publishing window says.
        """
        sitzungen = Sitzung.objects.marked_published() if any_time else Sitzung.objects.published()
        vorlagen = Vorlage.objects.marked_published() if any_time else Vorlage.objects.published()
        return self.filter(
            Q(sitzung__isnull=True) | Q(sitzung__in=sitzungen),
            Q(vorlage__isnull=True) | Q(vorlage__in=vorlagen),
            Q(tagesordnungspunkt__isnull=True)
            | Q(tagesordnungspunkt__oeffentlich=True, tagesordnungspunkt__sitzung__in=sitzungen),
            Q(sitzung__isnull=False) | Q(vorlage__isnull=False),
            oeffentlich=True,
        )

    def visible_to(self, user):
        """What a meeting's or paper's page shows `user`: staff previewing a draft see what will be public."""
        if not can_preview(Dokument, user):
            return self.public()
        return self.filter(oeffentlich=True).exclude(tagesordnungspunkt__oeffentlich=False)

    def of_papers(self, vorlagen):
        """The documents of these papers themselves (not those added to a meeting's agenda item)."""
        return self.filter(vorlage__in=vorlagen, sitzung__isnull=True)


class Dokument(Zeitstempel, OeffentlicherInhalt):
    class Art(models.TextChoices):
        EINLADUNG = "einladung", _("Einladung")
        NIEDERSCHRIFT = "niederschrift", _("Niederschrift")
        ANTRAG = "antrag", _("Antrag")
        ANLAGE = "anlage", _("Anlage")

    name = models.CharField(_("Titel"), max_length=250)
    art = models.CharField(_("Art"), max_length=20, choices=Art.choices, default=Art.ANLAGE)
    datei = models.FileField(
        _("Datei (PDF)"),
        upload_to=dokument_pfad,
        storage=dokument_storage,
        max_length=250,
        validators=[FileExtensionValidator(["pdf"]), validate_pdf],
        help_text=_("Ein PDF, höchstens 20 MB. Es wird als Download angeboten."),
    )
    datum = models.DateField(_("Datum"), default=timezone.localdate)
    oeffentlich = models.BooleanField(
        _("öffentlich"), default=True, help_text=_("Nicht öffentliche Dokumente sieht nur die Verwaltung im Admin.")
    )
    sitzung = models.ForeignKey(
        Sitzung, on_delete=models.CASCADE, null=True, blank=True, related_name="dokumente", verbose_name=_("Sitzung")
    )
    tagesordnungspunkt = models.ForeignKey(
        Tagesordnungspunkt,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="dokumente",
        verbose_name=_("zum Tagesordnungspunkt"),
    )
    vorlage = models.ForeignKey(
        Vorlage, on_delete=models.CASCADE, null=True, blank=True, related_name="dokumente", verbose_name=_("Vorlage")
    )
    groesse = models.PositiveIntegerField(_("Größe in Bytes"), default=0, editable=False)
    sha512 = models.CharField(_("Prüfsumme (SHA-512)"), max_length=128, blank=True, editable=False)
    # The PDF's text, kept for the site search (read once on upload).
    text = models.TextField(_("Text des Dokuments"), blank=True, editable=False)

    objects = DokumentQuerySet.as_manager()

    class Meta:
        verbose_name = _("Dokument")
        verbose_name_plural = _("Dokumente")
        ordering = ["datum", "name", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(sitzung__isnull=False) | Q(vorlage__isnull=False),
                name="dokument_gehoert_zu_sitzung_oder_vorlage",
                violation_error_message=_("Ein Dokument gehört zu einer Sitzung oder einer Vorlage."),
                violation_error_code="document_without_owner",
            ),
        ]

    def __str__(self):
        return self.name

    @property
    def dateiname(self) -> str:
        return self.datei.name.rsplit("/", 1)[-1]

    def get_absolute_url(self):
        """The download (Content-Disposition: attachment)."""
        return reverse("gremien:dokument_download", kwargs={"pk": self.pk, "dateiname": self.dateiname})

    def get_access_url(self):
        """The document shown in the browser (sandboxed, no script)."""
        return reverse("gremien:dokument", kwargs={"pk": self.pk, "dateiname": self.dateiname})

    def save(self, *args, **kwargs):
        if self.tagesordnungspunkt_id and not self.sitzung_id:
            self.sitzung_id = self.tagesordnungspunkt.sitzung_id
        if self.datei and (not self.datei._committed or not self.sha512):
            # A new upload, or a file stored before this save (e.g. with FieldFile.save(save=False)).
            facts = pdf_facts(self.datei.file if not self.datei._committed else self.datei.open("rb"))
            self.groesse, self.sha512, self.text = facts.groesse, facts.sha512, facts.text
        super().save(*args, **kwargs)
        # A replaced PDF is deleted, not left behind where nobody sees that it is still stored.
        if getattr(self, "_gespeicherte_datei", "") not in ("", self.datei.name):
            from gremien.services import dokumentdatei_delete

            dokumentdatei_delete(self._gespeicherte_datei)
        self._gespeicherte_datei = self.datei.name

    @classmethod
    def from_db(cls, db, field_names, values, *, fetch_mode=None):
        instance = super().from_db(db, field_names, values, fetch_mode=fetch_mode)
        instance._gespeicherte_datei = instance.__dict__.get("datei") or ""
        return instance

    def clean(self):
        super().clean()
        if self.tagesordnungspunkt_id and not self.sitzung_id:
            self.sitzung_id = self.tagesordnungspunkt.sitzung_id  # before the constraint is checked
        if self.tagesordnungspunkt_id and self.sitzung_id and self.tagesordnungspunkt.sitzung_id != self.sitzung_id:
            raise ValidationError(
                {
                    "tagesordnungspunkt": ValidationError(
                        _("Der Tagesordnungspunkt gehört zu einer anderen Sitzung."),
                        code="agenda_item_of_other_meeting",
                    )
                }
            )
