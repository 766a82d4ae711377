import datetime

from dateutil import rrule
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Count, Exists, F, OuterRef, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
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


class Terminreihe(Zeitstempel, OeffentlicherInhalt):
    """The rule by which an event repeats (RFC 5545 terms, computed by dateutil's rrule).

    Each date of a series is an event of its own (`Veranstaltung.reihe`): its
    own page, `.ics`, registrations, cancellation and search entry. The rule
    only decides which dates exist; `veranstaltungen.services.reihe_apply`
    creates and removes them, and a date changed on its own keeps its changes.
    """

    class Rhythmus(models.TextChoices):
        WOECHENTLICH = "woechentlich", _("wöchentlich am selben Wochentag")
        MONATLICH_WOCHENTAG = "monatlich_wochentag", _("monatlich am selben Wochentag (z. B. jeden 2. Dienstag)")
        MONATLICH_DATUM = "monatlich_datum", _("monatlich am selben Tag (z. B. jeden 15.)")

    MAX_TERMINE = 100

    rhythmus = models.CharField(_("Wiederholung"), max_length=30, choices=Rhythmus.choices)
    intervall = models.PositiveSmallIntegerField(
        _("Abstand"),
        default=1,
        validators=[MinValueValidator(1), MaxValueValidator(12)],
        help_text=_("1 = jede Woche bzw. jeden Monat, 2 = jede zweite, und so weiter."),
    )
    beginnt_am = models.DateField(_("erster Termin"))
    # The first date's address; the others get their date added ("sprechstunde-03-10").
    slug = models.SlugField(_("Adresse (Kurzname)"), max_length=140, editable=False)
    bis = models.DateField(_("bis einschließlich"), null=True, blank=True)
    anzahl = models.PositiveSmallIntegerField(
        _("Anzahl der Termine"), null=True, blank=True, validators=[MinValueValidator(1)]
    )

    class Meta:
        verbose_name = _("Terminreihe")
        verbose_name_plural = _("Terminreihen")
        ordering = ["-beginnt_am"]

    def __str__(self):
        return f"{self.beschreibung} ({self.beginnt_am:%d.%m.%Y})"

    def clean(self):
        super().clean()
        if (self.bis is None) == (self.anzahl is None):
            raise ValidationError(
                _("Bitte geben Sie entweder ein Enddatum oder eine Anzahl von Terminen an."), code="end_missing"
            )
        if self.bis is not None and self.beginnt_am and self.bis < self.beginnt_am:
            raise ValidationError(
                {"bis": ValidationError(_("Das Enddatum liegt vor dem ersten Termin."), code="end_before_start")}
            )
        if self.beginnt_am and len(self.daten(limit=self.MAX_TERMINE + 1)) > self.MAX_TERMINE:
            raise ValidationError(
                _("Eine Reihe hat höchstens %(max)s Termine. Bitte wählen Sie ein früheres Enddatum.")
                % {"max": self.MAX_TERMINE},
                code="too_many_dates",
            )

    def regel(self) -> rrule.rrule:
        start = datetime.datetime.combine(self.beginnt_am, datetime.time())
        options = {"dtstart": start, "interval": self.intervall}
        if self.bis is not None:
            options["until"] = datetime.datetime.combine(self.bis, datetime.time())
        else:
            options["count"] = self.anzahl
        if self.rhythmus == self.Rhythmus.WOECHENTLICH:
            return rrule.rrule(rrule.WEEKLY, **options)
        if self.rhythmus == self.Rhythmus.MONATLICH_WOCHENTAG:
            return rrule.rrule(rrule.MONTHLY, byweekday=self.monatswochentag(), **options)
        # RFC 5545: a month without that day (the 31st in April) has no date, it does not move.
        return rrule.rrule(rrule.MONTHLY, bymonthday=self.beginnt_am.day, **options)

    def monatswochentag(self) -> rrule.weekday:
        """The first date's weekday in the month, e.g. TU(+2); the fifth one counts as the last, TU(-1)."""
        n = (self.beginnt_am.day - 1) // 7 + 1
        return rrule.weekday(self.beginnt_am.weekday(), -1 if n == 5 else n)

    def daten(self, *, limit: int | None = None) -> list[datetime.date]:
        """The dates the rule gives (naive local dates: the time of day comes from each event, in Europe/Berlin)."""
        dates = []
        for moment in self.regel():
            dates.append(moment.date())
            if limit is not None and len(dates) >= limit:
                break
        return dates

    @property
    def beschreibung(self) -> str:
        """The rule in words, e.g. "alle 2 Wochen am Dienstag" or "jeden zweiten Dienstag im Monat"."""
        wochentag = date_format(self.beginnt_am, "l")
        if self.rhythmus == self.Rhythmus.WOECHENTLICH:
            if self.intervall == 1:
                return _("jede Woche am %(tag)s") % {"tag": wochentag}
            return _("alle %(n)s Wochen am %(tag)s") % {"n": self.intervall, "tag": wochentag}
        if self.rhythmus == self.Rhythmus.MONATLICH_WOCHENTAG:
            # Words, not "2.": each language writes its ordinals its own way ("second", "2-й").
            nummer = {1: _("ersten"), 2: _("zweiten"), 3: _("dritten"), 4: _("vierten"), -1: _("letzten")}[
                self.monatswochentag().n
            ]
            if self.intervall == 1:
                return _("jeden %(nummer)s %(tag)s im Monat") % {"nummer": nummer, "tag": wochentag}
            return _("jeden %(nummer)s %(tag)s alle %(n)s Monate") % {
                "nummer": nummer,
                "tag": wochentag,
                "n": self.intervall,
            }
        if self.intervall == 1:
            return _("jeden Monat am %(tag)s.") % {"tag": self.beginnt_am.day}
        return _("alle %(n)s Monate am %(tag)s.") % {"n": self.intervall, "tag": self.beginnt_am.day}


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
        return self.select_related("ort", "thema", "reihe")

    def next_of_each_series(self):
        """These events, but of a series only its first date among them: lists show a series once.

        The subquery repeats this QuerySet's own filters (published, upcoming,
        about a topic), so "first" means the first date the list would show. A
        cancelled date does not hide the next one: the list shows the
        cancellation and the date that takes place.
        """
        earlier = self.filter(reihe=OuterRef("reihe"), abgesagt=False).filter(
            Q(datum__lt=OuterRef("datum")) | Q(datum=OuterRef("datum"), pk__lt=OuterRef("pk"))
        )
        return self.exclude(Q(reihe__isnull=False) & Exists(earlier.order_by().values("pk")))

    def series_once(self):
        """Single events, and of a series only its first date, whose page lists the series' next dates
        (the site search finds a series once, not once for every date)."""
        return self.filter(Q(reihe__isnull=True) | Q(reihe_datum=F("reihe__beginnt_am")))

    def in_series(self, reihe):
        return self.filter(reihe=reihe).order_by("datum", "beginn")

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
    # A date of a series: the rule's date it stands for (it may have been moved since), and whether it
    # was changed on its own (then changes to the whole series leave it alone).
    reihe = models.ForeignKey(
        Terminreihe,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        verbose_name=_("Terminreihe"),
        related_name="termine",
        editable=False,
    )
    reihe_datum = models.DateField(_("Datum laut Reihe"), null=True, blank=True, editable=False)
    einzeln_geaendert = models.BooleanField(
        _("einzeln geändert"),
        default=False,
        editable=False,
        help_text=_("Dieser Termin wurde für sich geändert; Änderungen an der ganzen Reihe lassen ihn so."),
    )

    anmeldung = models.BooleanField(
        _("Anmeldung über das Portal"),
        default=False,
        help_text=_("Besucherinnen und Besucher melden sich auf der Seite der Veranstaltung an."),
    )
    plaetze = models.PositiveSmallIntegerField(
        _("Plätze"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1)],
        help_text=_("Wie viele Personen teilnehmen können, mitgebrachte Personen eingerechnet."),
    )
    anmeldeschluss = models.DateTimeField(
        _("Anmeldeschluss"), null=True, blank=True, help_text=_("Leer lassen: Anmeldung bis zum Beginn.")
    )
    begleitpersonen_max = models.PositiveSmallIntegerField(
        _("Begleitpersonen"),
        default=0,
        validators=[MaxValueValidator(10)],
        help_text=_("Wie viele weitere Personen jemand mitbringen und mit anmelden darf (0 = keine)."),
    )
    anmeldefrage = models.CharField(
        _("Frage bei der Anmeldung"),
        max_length=200,
        blank=True,
        help_text=_("Optional, z. B. „Brauchen Sie eine Übersetzung? In welche Sprache?“"),
    )
    objects = VeranstaltungQuerySet.as_manager()

    class Meta:
        verbose_name = _("Veranstaltung")
        verbose_name_plural = _("Veranstaltungen")
        ordering = ["-datum", "-beginn"]
        indexes = [
            models.Index(fields=["veroeffentlicht", "datum"], name="veranstaltung_pub_datum"),
            models.Index(fields=["reihe", "datum"], name="veranstaltung_reihe_datum"),
        ]
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
        if self.anmeldung and not self.plaetze:
            raise ValidationError(
                {"plaetze": ValidationError(_("Bitte geben Sie an, wie viele Plätze es gibt."), code="places_missing")}
            )
        if self.anmeldung and self.plaetze and self.begleitpersonen_max >= self.plaetze:
            # A group bigger than the event would wait for ever, and everyone behind it too.
            raise ValidationError(
                {
                    "begleitpersonen_max": ValidationError(
                        _("Mit Begleitpersonen darf eine Anmeldung nicht mehr Plätze brauchen, als es gibt."),
                        code="group_too_big",
                    )
                }
            )

    @property
    def begleitpersonen_moeglich(self) -> int:
        """How many companions one may bring: the setting, but never more than the places allow."""
        return max(0, min(self.begleitpersonen_max, (self.plaetze or 1) - 1))

    def anmeldung_offen(self, now: datetime.datetime | None = None) -> bool:
        """Whether people can register (or join the waiting list) now: until the deadline, else until the start."""
        if not self.anmeldung or self.abgesagt or self.ist_sitzung:
            return False
        now = now or timezone.now()
        beginn = self.beginn_dt()
        if isinstance(beginn, datetime.date) and not isinstance(beginn, datetime.datetime):
            beginn = datetime.datetime.combine(beginn, datetime.time(), tzinfo=timezone.get_default_timezone())
        # A deadline typed after the start does not keep registration open for a past event.
        schluss = min(self.anmeldeschluss, beginn) if self.anmeldeschluss else beginn
        return now < schluss

    def get_anmelden_url(self):
        return reverse("teilnahmen:anmelden", kwargs={"jahr": self.datum.year, "slug": self.slug})

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
