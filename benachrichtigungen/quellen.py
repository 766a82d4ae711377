"""What the alerts announce: events (meetings included) and news, and how a mail shows each.

One entry per kind of item: which items are due (visible now and not announced
yet), who wants them (the subscription's flag, the item's topics), and the
lines of the mail. The signal receivers (apps.py), the services and the mail
all read this table, so a new kind of item is one entry here.
"""

import datetime
from collections.abc import Callable
from dataclasses import dataclass

from django.db.models import Model, QuerySet
from django.utils import timezone
from django.utils.formats import date_format, time_format
from django.utils.translation import gettext_lazy as _

from aktuelles.models import Meldung
from veranstaltungen.models import Veranstaltung


@dataclass(frozen=True)
class Quelle:
    model: type[Model]
    feld: str  # the Ankuendigung field pointing to the item
    art: str  # the subscription's flag for this kind of item
    betreff: str  # the mail's subject, "%(titel)s" filled in
    due: Callable[[datetime.datetime], QuerySet]
    themen_ids: Callable[[Model], set[int]]
    wann: Callable[[Model], str]  # the date line, in the active language
    anreisser: Callable[[Model], str]


def _events_due(now: datetime.datetime) -> QuerySet:
    # Only what one can still go to: an event entered for the archive is no news. A series is
    # announced once, with its next date: not again for each of its dates.
    return (
        Veranstaltung.objects.published(now)
        .upcoming(timezone.localdate(now))
        .not_cancelled()
        .filter(ankuendigung__isnull=True)
        .exclude(reihe__termine__ankuendigung__isnull=False)
        .next_of_each_series()
    )


def _event_when(veranstaltung: Veranstaltung) -> str:
    tag = date_format(veranstaltung.datum, "DATE_FORMAT")
    wann = f"{tag}, {time_format(veranstaltung.beginn, 'TIME_FORMAT')}" if veranstaltung.beginn else tag
    if veranstaltung.reihe_id:
        return _("%(wann)s, danach %(regel)s") % {"wann": wann, "regel": veranstaltung.reihe.beschreibung}
    return wann


QUELLEN = (
    Quelle(
        model=Veranstaltung,
        feld="veranstaltung",
        art="termine",
        betreff=_("Neuer Termin: %(titel)s"),
        due=_events_due,
        themen_ids=lambda veranstaltung: {veranstaltung.thema_id} if veranstaltung.thema_id else set(),
        wann=_event_when,
        anreisser=lambda veranstaltung: veranstaltung.kurztext,
    ),
    Quelle(
        model=Meldung,
        feld="meldung",
        art="meldungen",
        betreff=_("Neue Meldung: %(titel)s"),
        due=lambda now: Meldung.objects.published(now).filter(ankuendigung__isnull=True),
        themen_ids=lambda meldung: set(meldung.themen.values_list("pk", flat=True)),
        wann=lambda meldung: date_format(meldung.datum, "DATE_FORMAT"),
        anreisser=lambda meldung: meldung.anreisser,
    ),
)


def quelle_of(model: type[Model]) -> Quelle | None:
    """The entry for `model` or its parent (a gremien.Sitzung is a Veranstaltung)."""
    return next((quelle for quelle in QUELLEN if issubclass(model, quelle.model)), None)
