"""Writes for the figures: each request's anonymous record, made and kept in step by kennzahlen/signals.py."""

import dataclasses
import datetime
import logging

from django.db import transaction
from django.utils import timezone

from anfragen.fristen import is_working_day
from anfragen.models import Anfrage, Themenbereich
from kennzahlen.models import Anfragekennzahl

logger = logging.getLogger(__name__)

# Attempts to claim a record another request of the same values claims at the same moment.
CLAIM_ATTEMPTS = 10


def minutes(dauer: datetime.timedelta) -> datetime.timedelta:
    """The time to an answer in whole minutes: to the microsecond it would find its request again."""
    return datetime.timedelta(minutes=round(dauer.total_seconds() / 60))


@dataclasses.dataclass(frozen=True)
class Stand:
    """What a request's record depends on that can change after it came in."""

    themenbereich_id: int | None
    sprache: str
    art: str
    erste_antwort_am: datetime.datetime | None

    FELDER = ("themenbereich", "sprache", "art", "erste_antwort_am")  # the model's field names

    @classmethod
    def of(cls, anfrage: Anfrage) -> "Stand":
        return cls(anfrage.themenbereich_id, anfrage.sprache, anfrage.art, anfrage.erste_antwort_am)

    @classmethod
    def stored(cls, anfrage_id: int) -> "Stand | None":
        """The request's values as the database holds them (before a save changes them)."""
        row = (
            Anfrage.objects.filter(pk=anfrage_id)
            .values_list("themenbereich_id", "sprache", "art", "erste_antwort_am")
            .first()
        )
        return cls(*row) if row else None


def monat_of(eingegangen_am: datetime.datetime) -> datetime.date:
    """The first day of the month (in the council's time zone) a request came in."""
    return timezone.localdate(eingegangen_am).replace(day=1)


def working_days_between(start: datetime.date, end: datetime.date) -> int:
    """The working days in NRW after `start` up to and including `end` (as anfragen.fristen counts a target)."""
    tage, day = 0, start
    while day < end:
        day += datetime.timedelta(days=1)
        tage += is_working_day(day)
    return tage


def _werte(stand: Stand, eingegangen_am: datetime.datetime) -> dict:
    """The values a record of a request in `stand` is found by (its working days are derived from them)."""
    return {
        "monat": monat_of(eingegangen_am),
        "themenbereich_id": stand.themenbereich_id,
        "sprache": stand.sprache,
        "art": stand.art,
        "erste_antwort_nach": minutes(stand.erste_antwort_am - eingegangen_am) if stand.erste_antwort_am else None,
    }


def _arbeitstage(stand: Stand, eingegangen_am: datetime.datetime) -> int | None:
    if stand.erste_antwort_am is None:
        return None
    return working_days_between(timezone.localdate(eingegangen_am), timezone.localdate(stand.erste_antwort_am))


def _themenbereich_name(themenbereich_id: int | None) -> str:
    # German, whatever language the request came in (the figures are for staff, the admin is German).
    name = Themenbereich.objects.filter(pk=themenbereich_id).values_list("name_de", flat=True).first()
    return name or ""


def kennzahl_create(*, anfrage: Anfrage) -> Anfragekennzahl:
    """The record of a request that has just come in (inside the request's transaction)."""
    stand = Stand.of(anfrage)
    return Anfragekennzahl.objects.create(
        **_werte(stand, anfrage.eingegangen_am),
        erste_antwort_arbeitstage=_arbeitstage(stand, anfrage.eingegangen_am),
        # German, like the rest of the figures (the request may have come in through /tr/).
        themenbereich_name=(anfrage.themenbereich.name_de or "") if anfrage.themenbereich_id else "",
    )


@transaction.atomic
def kennzahl_update(*, anfrage: Anfrage, vorher: Stand) -> bool:
    """Bring the record of `anfrage` from its values `vorher` to the current ones (e.g. its first answer).

    The record is found by the old values: any record with them will do, as
    records with the same values cannot be told apart and the figures only count
    them. Each UPDATE repeats the old values as its condition, so two requests
    of the same values changing at once claim two different records. Returns
    whether a record changed.
    """
    jetzt = Stand.of(anfrage)
    if jetzt == vorher:
        return False
    alt = _werte(vorher, anfrage.eingegangen_am)
    neu = {
        **_werte(jetzt, anfrage.eingegangen_am),
        "erste_antwort_arbeitstage": _arbeitstage(jetzt, anfrage.eingegangen_am),
    }
    if jetzt.themenbereich_id != vorher.themenbereich_id:
        neu["themenbereich_name"] = _themenbereich_name(jetzt.themenbereich_id)
    kandidaten = Anfragekennzahl.objects.filter(**alt)
    for _attempt in range(CLAIM_ATTEMPTS):
        pk = kandidaten.values_list("pk", flat=True).first()
        if pk is None:
            break
        if kandidaten.filter(pk=pk).update(**neu):
            return True
    # Only possible if records were deleted by hand: the figures then miss this change, nothing else breaks.
    logger.warning("No figures record matches a changed request; its change is not counted")
    return False
