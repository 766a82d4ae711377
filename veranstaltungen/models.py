import datetime

from django.db import models
from django.db.models import Count, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from inhalte.fields import FormatierterTextField
from inhalte.models import (
    BildMixin,
    OeffentlicherInhalt,
    UebersetzbarMixin,
    Veroeffentlichbar,
    VeroeffentlichbarQuerySet,
    Zeitstempel,
    validate_end_after_start,
)


class Ort(Zeitstempel, OeffentlicherInhalt):
    name = models.CharField(_("Name"), max_length=150, help_text=_("z. B. der Name des Gebäudes oder Raums."))
    adresse = models.CharField(_("Adresse"), max_length=250, blank=True, help_text=_("Straße, Hausnummer, Ort."))
    hinweise = models.CharField(
        _("Hinweise"),
        max_length=300,
        blank=True,
        help_text=_("z. B. Barrierefreiheit, Eingang, Anfahrt mit Bus."),
    )

    class Meta:
        verbose_name = _("Ort")
        verbose_name_plural = _("Orte")
        ordering = ["name"]

    def __str__(self):
        return self.name


class VeranstaltungQuerySet(VeroeffentlichbarQuerySet):
    # "Today" is the council's local date (Europe/Berlin): an event stays
    # listed as upcoming for the whole day it takes place.
    def upcoming(self, today: datetime.date | None = None):
        return self.filter(datum__gte=today or timezone.localdate()).order_by("datum", "beginn", "titel")

    def past(self, today: datetime.date | None = None):
        return self.filter(datum__lt=today or timezone.localdate()).order_by("-datum", "-beginn", "titel")

    def in_year(self, year: int):
        """The events of `year` in date order, as the archive and the year's review list them."""
        return self.filter(datum__year=year).order_by("datum", "beginn")

    def at(self, year: int, slug: str):
        """The event behind the URL /veranstaltungen/<year>/<slug>/."""
        return self.filter(datum__year=year, slug=slug).order_by("pk")

    def not_cancelled(self):
        return self.filter(abgesagt=False)

    def without_meetings(self):
        """Events other than public meetings (those are edited, and checked, as gremien.Sitzung)."""
        return self.exclude(art=Veranstaltung.Art.SITZUNG)

    def about(self, thema):
        return self.filter(thema=thema)

    def missing_place_or_time(self):
        """Events that still need a place or a start time (a cancelled one needs neither)."""
        return self.filter(Q(ort__isnull=True) | Q(beginn__isnull=True), abgesagt=False)

    def about_slug(self, slug: str):
        return self.filter(thema__slug=slug)

    def count_by_thema(self) -> dict[str, int]:
        """{slug of every published topic: how many of these events are about it, "": all of them}."""
        from themen.models import Thema

        counts = dict(
            Thema.objects.published()
            .annotate(n=Count("veranstaltungen", filter=Q(veranstaltungen__in=self.values("pk"))))
            .values_list("slug", "n")
        )
        return counts | {"": self.count()}

    def years(self) -> list[int]:
        return [d.year for d in self.dates("datum", "year", order="DESC")]

    def archive_years(self) -> list[int]:
        """Years with past events, newest first: the links to the year archives."""
        return self.past().years()

    def with_related(self):
        return self.select_related("ort", "thema")

    def for_cards(self):
        """The rows event cards are rendered from (`render_each` looks for this): with place and topic, one query."""
        return self.with_related()


class Veranstaltung(UebersetzbarMixin, BildMixin, Veroeffentlichbar):
    class Art(models.TextChoices):
        VERANSTALTUNG = "veranstaltung", _("Veranstaltung")
        SITZUNG = "sitzung", _("Öffentliche Sitzung")

    titel = models.CharField(_("Titel"), max_length=150)
    slug = models.SlugField(
        _("Adresse (Kurzname)"),
        max_length=150,
        unique_for_year="datum",
        help_text=_("Teil der Internetadresse; wird aus dem Titel vorgeschlagen. Pro Jahr nur einmal vergeben."),
    )
    # Set by gremien.Sitzung (a meeting is entered as a Sitzung, never by choosing it here).
    art = models.CharField(_("Art"), max_length=20, choices=Art.choices, default=Art.VERANSTALTUNG, editable=False)
    datum = models.DateField(_("Datum"))
    beginn = models.TimeField(
        _("Beginn"), null=True, blank=True, help_text=_("Leer lassen, wenn die Uhrzeit noch offen ist.")
    )
    ende = models.TimeField(_("Ende"), null=True, blank=True)
    ort = models.ForeignKey(
        Ort, on_delete=models.PROTECT, null=True, blank=True, verbose_name=_("Ort"), related_name="veranstaltungen"
    )
    thema = models.ForeignKey(
        "themen.Thema",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        verbose_name=_("Thema"),
        related_name="veranstaltungen",
    )
    kurztext = models.CharField(
        _("Kurzbeschreibung"), max_length=300, help_text=_("Ein Satz: Was erwartet die Besucherinnen und Besucher?")
    )
    beschreibung = FormatierterTextField(
        _("Beschreibung"), blank=True, help_text=_("Optional. Mit Zwischenüberschriften, Listen und Links.")
    )
    abgesagt = models.BooleanField(
        _("abgesagt"), default=False, help_text=_("Der Termin bleibt sichtbar und wird deutlich als abgesagt markiert.")
    )
    objects = VeranstaltungQuerySet.as_manager()

    class Meta:
        verbose_name = _("Veranstaltung")
        verbose_name_plural = _("Veranstaltungen")
        ordering = ["-datum", "-beginn"]
        indexes = [models.Index(fields=["veroeffentlicht", "datum"], name="veranstaltung_pub_datum")]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ende__isnull=True) | models.Q(beginn__isnull=False),
                name="veranstaltung_ende_braucht_beginn",
                violation_error_message=_("Ein Ende ohne Beginn ist nicht möglich."),
            ),
        ]

    def __str__(self):
        return f"{self.titel} ({self.datum:%d.%m.%Y})"

    @property
    def ist_sitzung(self) -> bool:
        """A public meeting (a gremien.Sitzung): its page is the meeting's, with agenda and documents."""
        return self.art == self.Art.SITZUNG

    def get_absolute_url(self):
        # Known from `art` alone (gremien.Sitzung.save sets it), so lists of events link meetings without a query.
        name = "gremien:sitzung" if self.ist_sitzung else "veranstaltungen:detail"
        return reverse(name, kwargs={"jahr": self.datum.year, "slug": self.slug})

    def get_ics_url(self):
        name = "gremien:sitzung_ics" if self.ist_sitzung else "veranstaltungen:detail_ics"
        return reverse(name, kwargs={"jahr": self.datum.year, "slug": self.slug})

    def clean(self):
        super().clean()
        validate_end_after_start(self.beginn, self.ende)

    def beginn_dt(self) -> datetime.datetime | datetime.date:
        if self.beginn is None:
            return self.datum
        return datetime.datetime.combine(self.datum, self.beginn, tzinfo=timezone.get_default_timezone())

    def ende_dt(self) -> datetime.datetime | datetime.date:
        if self.beginn is None:
            return self.datum + datetime.timedelta(days=1)
        if self.ende is None:
            # Calendars need an end; two hours is what most of our events take.
            return self.beginn_dt() + datetime.timedelta(hours=2)
        return datetime.datetime.combine(self.datum, self.ende, tzinfo=timezone.get_default_timezone())

    @property
    def vergangen(self) -> bool:
        return self.datum < timezone.localdate()

    @property
    def zeitpunkt_iso(self) -> str:
        """Date and start time as HTML's <time datetime> reads them, e.g. "2024-11-14T18:00"."""
        return self.datum.isoformat() + (f"T{self.beginn:%H:%M}" if self.beginn else "")

    @property
    def uhrzeit_offen(self) -> bool:
        """An upcoming event whose time is still to be announced."""
        return self.beginn is None and not self.vergangen

    @property
    def ort_offen(self) -> bool:
        """An upcoming event whose place is still to be announced."""
        return self.ort_id is None and not self.vergangen

    @property
    def fehlende_angaben(self) -> list[str]:
        """What the event still needs before people can come ("Ort fehlt", "Uhrzeit fehlt")."""
        fehlend = [(_("Ort fehlt"), self.ort_id is None), (_("Uhrzeit fehlt"), self.beginn is None)]
        return [label for label, fehlt in fehlend if fehlt]

    @property
    def vormerkbar(self) -> bool:
        """Worth putting into one's own calendar: still to come and not cancelled."""
        return not self.vergangen and not self.abgesagt
