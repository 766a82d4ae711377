import datetime
import uuid

from django.core.exceptions import ValidationError
from django.core.validators import FileExtensionValidator
from django.db import models, transaction
from django.db.models.signals import post_delete
from django.dispatch import receiver
from django.urls import reverse
from django.utils.text import get_valid_filename
from django.utils.translation import gettext_lazy as _

from inhalte.fields import FormatierterTextField
from inhalte.models import (
    OeffentlicherInhalt,
    UebersetzbarMixin,
    Veroeffentlichbar,
    VeroeffentlichbarQuerySet,
    veroeffentlicht_field,
)


class SeiteQuerySet(VeroeffentlichbarQuerySet):
    def by_key(self, schluessel: str):
        """The fixed page with this key (there is one at most), with its sections."""
        return self.filter(schluessel=schluessel).select_related("erklaerung").prefetch_related("abschnitte")

    def datenschutz_stand(self) -> datetime.datetime | None:
        """When the privacy statement last changed: the version an advice seeker consents to."""
        return self.filter(schluessel=Seite.Schluessel.DATENSCHUTZ).values_list("geaendert_am", flat=True).first()


class Seite(UebersetzbarMixin, Veroeffentlichbar):
    """A fixed page of the site (about us, legal notice, privacy, accessibility).

    The set of pages is fixed by the URLs; staff edit their text in sections
    with the formatting editor (inhalte.fields), cleaned on every save.
    """

    class Schluessel(models.TextChoices):
        UEBER_UNS = "ueber-uns", _("Über uns")
        IMPRESSUM = "impressum", _("Impressum")
        DATENSCHUTZ = "datenschutz", _("Datenschutz")
        BARRIEREFREIHEIT = "barrierefreiheit", _("Barrierefreiheit")
        UEBER_UNS_LS = "ueber-uns-leichte-sprache", _("Über uns in Leichter Sprache")
        ANFRAGE_LS = "anfrage-leichte-sprache", _("Anfrage in Leichter Sprache (Text über dem Formular)")
        SITZUNGEN_LS = "sitzungen-leichte-sprache", _("Sitzungen und Mitglieder in Leichter Sprache")
        # BITV 2.0 § 4 (applied by the BITVNRW): the site explained in Leichte Sprache, linked from every page.
        LEICHTE_SPRACHE = "leichte-sprache", _("Erklärung der Website in Leichter Sprache")
        THEMEN_LS = "themen-leichte-sprache", _("Themen in Leichter Sprache")
        TERMINE_LS = "termine-leichte-sprache", _("Termine in Leichter Sprache")

    schluessel = models.CharField(_("Seite"), max_length=30, choices=Schluessel.choices, unique=True)
    titel = models.CharField(_("Überschrift"), max_length=150)
    einleitung = FormatierterTextField(_("Einleitung"), blank=True)
    # Unlike other content, the fixed pages (legal notice, privacy) are online from the start.
    veroeffentlicht = veroeffentlicht_field(default=True)

    objects = SeiteQuerySet.as_manager()

    class Meta:
        verbose_name = _("Seite")
        verbose_name_plural = _("Seiten")
        ordering = ["schluessel"]

    def __str__(self):
        return self.titel

    def get_absolute_url(self):
        if self.schluessel == self.Schluessel.ANFRAGE_LS:
            return reverse("anfragen:leichte_sprache")
        return reverse(f"seiten:{self.schluessel}")

    @property
    def ist_ueber_uns(self) -> bool:
        """The about page leads on to the members and the meetings."""
        return self.schluessel == self.Schluessel.UEBER_UNS

    @property
    def ist_datenschutzerklaerung(self) -> bool:
        """The privacy statement describes the e-mail alerts in a fixed part too (the text is staff's)."""
        return self.schluessel == self.Schluessel.DATENSCHUTZ

    @property
    def ist_barrierefreiheitserklaerung(self) -> bool:
        """The accessibility statement shows its structured parts (Barrierefreiheitserklaerung) and the barrier form."""
        return self.schluessel == self.Schluessel.BARRIEREFREIHEIT

    @property
    def ist_leichte_sprache_erklaerung(self) -> bool:
        """The site explained in Leichte Sprache leads on to every page in Leichter Sprache."""
        return self.schluessel == self.Schluessel.LEICHTE_SPRACHE

    @property
    def barrierefreiheitserklaerung(self) -> "Barrierefreiheitserklaerung | None":
        """The structured accessibility statement of this page, if it has one (by_key fetches it along)."""
        try:
            return self.erklaerung
        except Barrierefreiheitserklaerung.DoesNotExist:
            return None


class Abschnitt(UebersetzbarMixin, OeffentlicherInhalt):
    seite = models.ForeignKey(Seite, on_delete=models.CASCADE, related_name="abschnitte", verbose_name=_("Seite"))
    ueberschrift = models.CharField(_("Zwischenüberschrift"), max_length=150, blank=True)
    # Below the section's own heading (h2): its text may use h3 and h4.
    text = FormatierterTextField(_("Text"), ueberschriften=(3, 4))
    reihenfolge = models.PositiveSmallIntegerField(_("Reihenfolge"), default=0)

    class Meta:
        verbose_name = _("Abschnitt")
        verbose_name_plural = _("Abschnitte")
        ordering = ["reihenfolge", "pk"]

    def __str__(self):
        return self.ueberschrift or f"{self.seite}: {self.reihenfolge}"


class Barrierefreiheitserklaerung(UebersetzbarMixin, OeffentlicherInhalt):
    """The parts of the accessibility statement the law asks for (BGG NRW, BITVNRW).

    Staff assess and fill them in on the page "Barrierefreiheit" in the admin;
    the page shows them in the order of the EU model statement, with the legal
    basis, the feedback form and the enforcement procedure as fixed text.
    """

    class Vereinbarkeit(models.TextChoices):
        VOLLSTAENDIG = "vollstaendig", _("vollständig vereinbar")
        TEILWEISE = "teilweise", _("teilweise vereinbar")
        NICHT = "nicht", _("nicht vereinbar")

    class Methode(models.TextChoices):
        SELBSTBEWERTUNG = "selbstbewertung", _("Selbstbewertung")
        DRITTE = "dritte", _("Prüfung durch Dritte")

    # What the page says about each state: the sentence of the EU model statement.
    VEREINBARKEIT_SAETZE = {
        Vereinbarkeit.VOLLSTAENDIG: _(
            "Diese Website ist vollständig mit den Anforderungen an die Barrierefreiheit vereinbar."
        ),
        Vereinbarkeit.TEILWEISE: _(
            "Diese Website ist wegen der unten genannten Inhalte nur teilweise mit den Anforderungen an die "
            "Barrierefreiheit vereinbar."
        ),
        Vereinbarkeit.NICHT: _(
            "Diese Website ist nicht mit den Anforderungen an die Barrierefreiheit vereinbar. Die Gründe stehen unten."
        ),
    }
    METHODE_SAETZE = {
        Methode.SELBSTBEWERTUNG: _("Die Erklärung beruht auf einer Selbstbewertung."),
        Methode.DRITTE: _("Die Erklärung beruht auf einer Prüfung durch Dritte."),
    }

    seite = models.OneToOneField(
        Seite,
        on_delete=models.CASCADE,
        related_name="erklaerung",
        limit_choices_to={"schluessel": Seite.Schluessel.BARRIEREFREIHEIT},
        verbose_name=_("Seite"),
    )
    vereinbarkeit = models.CharField(
        _("Stand der Vereinbarkeit"),
        max_length=20,
        choices=Vereinbarkeit.choices,
        blank=True,
        help_text=_(
            "Ihre Bewertung: vollständig, teilweise oder nicht vereinbar mit den Anforderungen. "
            "Leer: Die Seite zeigt eine Lücke „Bitte ergänzen“."
        ),
    )
    nicht_barrierefrei = FormatierterTextField(
        _("Nicht barrierefreie Inhalte"),
        blank=True,
        ueberschriften=(3,),
        help_text=_(
            "Was nicht barrierefrei ist und warum (Unvereinbarkeit, unverhältnismäßige Belastung oder nicht im "
            "Anwendungsbereich), und welche barrierefreie Alternative es gibt."
        ),
    )
    methode = models.CharField(
        _("Methode der Bewertung"), max_length=20, choices=Methode.choices, default=Methode.SELBSTBEWERTUNG
    )
    erstellt_am = models.DateField(
        _("Erklärung erstellt am"), null=True, blank=True, help_text=_("Wann diese Erklärung erstellt wurde.")
    )
    ueberprueft_am = models.DateField(
        _("zuletzt überprüft am"),
        null=True,
        blank=True,
        help_text=_("Wann die Angaben zuletzt überprüft wurden. Die Seite zeigt dieses Datum."),
    )
    kontakt = FormatierterTextField(
        _("Kontakt für Rückmeldungen"),
        blank=True,
        ueberschriften=(),
        help_text=_("Wie man Sie außer über das Formular „Barriere melden“ erreicht: Telefon, E-Mail, Anschrift."),
    )
    ombudsstelle = FormatierterTextField(
        _("Kontakt der Ombudsstelle"),
        blank=True,
        ueberschriften=(),
        help_text=_(
            "Anschrift, Telefon, E-Mail und Website der Ombudsstelle für barrierefreie Informationstechnik "
            "des Landes Nordrhein-Westfalen."
        ),
    )

    class Meta:
        verbose_name = _("Erklärung zur Barrierefreiheit")
        verbose_name_plural = _("Erklärungen zur Barrierefreiheit")
        ordering = ["seite"]

    def __str__(self):
        return str(_("Erklärung zur Barrierefreiheit"))

    def get_absolute_url(self):
        return self.seite.get_absolute_url()

    @property
    def vereinbarkeit_satz(self) -> str:
        """The state of compliance as a sentence; empty while staff have not assessed it."""
        return self.VEREINBARKEIT_SAETZE.get(self.vereinbarkeit, "")

    @property
    def methode_satz(self) -> str:
        return self.METHODE_SAETZE.get(self.methode, "")

    @property
    def keine_barrieren_bekannt(self) -> bool:
        """Assessed as fully compliant and nothing listed: the page says so instead of asking staff to fill a gap."""
        return self.vereinbarkeit == self.Vereinbarkeit.VOLLSTAENDIG and not self.nicht_barrierefrei


# --- Videos in Deutscher Gebärdensprache (DGS) -----------------------------------------------------

MAX_VIDEO_BYTES = 200 * 1024 * 1024
MAX_UNTERTITEL_BYTES = 1024 * 1024
VIDEO_FORMATE = {"mp4": "video/mp4", "webm": "video/webm"}
VIDEO_FORMATNAMEN = {"mp4": "MP4", "webm": "WebM"}


# The major brands of an "ftyp" box that are MP4 video (not HEIC/AVIF images, QuickTime, 3GP or M4A audio).
MP4_BRANDS = {b"isom", b"iso2", b"iso4", b"iso5", b"iso6", b"mp41", b"mp42", b"avc1", b"M4V ", b"dash"}


def video_format(header: bytes) -> str | None:
    """ "mp4" or "webm" as the file's first bytes say, whatever its name claims; None for anything else."""
    if header[4:8] == b"ftyp" and header[8:12] in MP4_BRANDS:  # an ISO media file whose brand is MP4 video
        return "mp4"
    if header.startswith(b"\x1a\x45\xdf\xa3") and b"webm" in header[:64]:  # EBML with the doctype "webm"
        return "webm"
    return None


def validate_video(datei) -> None:
    """An MP4 or WebM video of at most 200 MB whose content is what its name says."""
    if getattr(datei, "_committed", False):
        return  # the video already stored (checked on upload): saving the form again keeps it
    if not datei.size:
        raise ValidationError(_("Die Datei ist leer."), code="empty_file")
    if datei.size > MAX_VIDEO_BYTES:
        raise ValidationError(
            _("Das Video ist zu groß (höchstens %(max)s MB). Bitte verkleinern Sie es."),
            code="video_too_large",
            params={"max": MAX_VIDEO_BYTES // (1024 * 1024)},
        )
    endung = datei.name.rsplit(".", 1)[-1].lower()
    if endung not in VIDEO_FORMATE:
        return  # the extension's own validator says which ones are allowed
    datei.seek(0)
    header = datei.read(64)
    datei.seek(0)
    # The name alone proves nothing: a renamed text or program file must not be offered as a video.
    if video_format(header) != endung:
        raise ValidationError(
            _("Die Datei ist kein %(format)s-Video. Bitte laden Sie ein MP4- oder WebM-Video hoch."),
            code="not_a_video",
            params={"format": endung.upper()},
        )


def validate_untertitel(datei) -> None:
    """WebVTT captions: UTF-8 text starting with "WEBVTT", at most 1 MB."""
    if getattr(datei, "_committed", False):
        return
    if datei.size > MAX_UNTERTITEL_BYTES:
        raise ValidationError(_("Die Untertitel-Datei ist zu groß (höchstens 1 MB)."), code="captions_too_large")
    datei.seek(0)
    inhalt = datei.read()
    datei.seek(0)
    try:
        text = inhalt.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = ""
    # WebVTT: the file starts with "WEBVTT", then a space, a tab or a line end (or ends there).
    if not (text.startswith("WEBVTT") and (len(text) == 6 or text[6] in " \t\r\n")):
        raise ValidationError(
            _("Das ist keine WebVTT-Untertitel-Datei: Sie muss mit „WEBVTT“ beginnen."), code="not_webvtt"
        )


def gebaerdensprache_pfad(instance, filename: str) -> str:
    # A random folder keeps stored names unique and unguessable before publishing;
    # the file keeps its readable name for the download.
    name = get_valid_filename(filename.rsplit("/", 1)[-1])[:100] or "video"
    return f"gebaerdensprache/{uuid.uuid4().hex}/{name}"


class Gebaerdensprachvideo(UebersetzbarMixin, Veroeffentlichbar):
    """A video of the council in German Sign Language (DGS), self-hosted, with captions.

    Shown on the page "Gebärdensprache" (seiten:gebaerdensprache) with the
    browser's own player: no autoplay, no third-party player, and a download
    link with size and duration.
    """

    titel = models.CharField(_("Titel"), max_length=150)
    kurztext = models.CharField(
        _("Worum es geht"), max_length=300, blank=True, help_text=_("Ein Satz zum Inhalt des Videos.")
    )
    datei = models.FileField(
        _("Video (MP4 oder WebM)"),
        upload_to=gebaerdensprache_pfad,
        max_length=250,
        validators=[FileExtensionValidator(list(VIDEO_FORMATE)), validate_video],
        help_text=_("Ein MP4- oder WebM-Video, höchstens 200 MB."),
    )
    untertitel = models.FileField(
        _("Untertitel (WebVTT)"),
        upload_to=gebaerdensprache_pfad,
        max_length=250,
        validators=[FileExtensionValidator(["vtt"]), validate_untertitel],
        help_text=_(
            "Die Untertitel als .vtt-Datei (WebVTT), auf Deutsch. Ohne Untertitel ist ein Video nicht barrierefrei."
        ),
    )
    dauer = models.DurationField(_("Dauer"), help_text=_("Minuten und Sekunden, z. B. 2:30."))
    groesse = models.PositiveBigIntegerField(_("Größe in Bytes"), default=0, editable=False)
    reihenfolge = models.PositiveSmallIntegerField(_("Reihenfolge"), default=0)

    class Meta:
        verbose_name = _("Video in Gebärdensprache")
        verbose_name_plural = _("Videos in Gebärdensprache")
        ordering = ["reihenfolge", "pk"]

    def __str__(self):
        return self.titel

    def get_absolute_url(self):
        return reverse("seiten:gebaerdensprache") + f"#video-{self.pk}"

    @property
    def _endung(self) -> str:
        return self.datei.name.rsplit(".", 1)[-1].lower() if self.datei else ""

    @property
    def mime_type(self) -> str:
        return VIDEO_FORMATE.get(self._endung, "")

    @property
    def dateiformat(self) -> str:
        """ "MP4" or "WebM", for the download link."""
        return VIDEO_FORMATNAMEN.get(self._endung, "")

    @property
    def dauer_text(self) -> str:
        """ "2:30" or "1:02:05": how players show a duration."""
        sekunden = int(self.dauer.total_seconds()) if self.dauer else 0
        stunden, rest = divmod(sekunden, 3600)
        minuten, sekunden = divmod(rest, 60)
        return f"{stunden}:{minuten:02d}:{sekunden:02d}" if stunden else f"{minuten}:{sekunden:02d}"

    @property
    def dauer_iso(self) -> str:
        """The duration for <time datetime="…">, e.g. PT2M30S."""
        return f"PT{int(self.dauer.total_seconds()) if self.dauer else 0}S"

    def save(self, *args, **kwargs):
        if self.datei and not self.datei._committed:
            self.groesse = self.datei.size
        super().save(*args, **kwargs)
        # A replaced video or caption file is deleted, not left behind where nobody sees it is still stored.
        alte = getattr(self, "_gespeicherte_dateien", {})
        weg = [alte[f] for f in ("datei", "untertitel") if alte.get(f) and alte[f] != getattr(self, f).name]
        if weg:
            storage = self.datei.storage
            transaction.on_commit(lambda: [storage.delete(name) for name in weg])
        self._gespeicherte_dateien = {"datei": self.datei.name, "untertitel": self.untertitel.name}

    @classmethod
    def from_db(cls, db, field_names, values, *, fetch_mode=None):
        instance = super().from_db(db, field_names, values, fetch_mode=fetch_mode)
        instance._gespeicherte_dateien = {f: instance.__dict__.get(f) or "" for f in ("datei", "untertitel")}
        return instance


@receiver(post_delete, sender=Gebaerdensprachvideo, dispatch_uid="gebaerdensprachvideo-dateien")
def gebaerdensprachvideo_dateien_delete(sender, instance, **kwargs):
    """The files go with the video (after the commit: a rolled-back delete keeps them)."""
    names = [f.name for f in (instance.datei, instance.untertitel) if f]
    if names:
        storage = instance.datei.storage
        transaction.on_commit(lambda: [storage.delete(name) for name in names])
