"""Registering, cancelling and the waiting list: every write with the event's row locked.

Places are counted in people (a registration with two companions takes three).
The event's row is locked for each change, so registrations arriving at the
same moment are handed places one after another, in the order they got the
lock, and nobody ever gets a place that is not there. The waiting list keeps
that order strictly: nobody overtakes a person waiting before them, not even a
smaller group that would fit.
"""

import datetime

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from teilnahmen.models import Teilnahme
from teilnahmen.tasks import teilnahme_mail
from veranstaltungen.models import Veranstaltung

# The link mailed again to an address that registered before: at most this often.
ERNEUT_PAUSE = datetime.timedelta(minutes=15)


class AnmeldungGeschlossen(Exception):
    """Registration for this event is not (or no longer) open."""


def freie_plaetze(veranstaltung: Veranstaltung) -> int:
    """Places nobody holds now (0 when full; people waiting do not hold places)."""
    belegt = Teilnahme.objects.for_event(veranstaltung).confirmed().persons()
    return max(0, (veranstaltung.plaetze or 0) - belegt)


def plaetze_fuer_neue(veranstaltung: Veranstaltung) -> int:
    """The places someone registering now could get: none while others wait (they come first). One query."""
    stand = Teilnahme.objects.for_event(veranstaltung).places_and_waiting()
    return 0 if stand["wartend"] else max(0, (veranstaltung.plaetze or 0) - stand["belegt"])


def _mail_after_commit(teilnahme_id: int, art: str) -> None:
    transaction.on_commit(lambda: teilnahme_mail.enqueue(teilnahme_id, art))


def teilnahme_create(
    *,
    veranstaltung_id: int,
    name: str,
    email: str,
    telefon: str = "",
    begleitpersonen: int = 0,
    antwort: str = "",
    sprache: str,
    now: datetime.datetime | None = None,
) -> Teilnahme:
    """Register one person (and companions): a place if there is one and nobody waits, else the waiting list.

    The same address twice for the same event makes no second registration:
    the person gets the mail with their link again, at most every ERNEUT_PAUSE,
    so a stranger typing someone's address cannot flood their inbox. The answer
    is the same either way, open or closed (AnmeldungGeschlossen once the
    registration closed, for a new and a known address alike), so nobody learns
    who registered; and whoever lost their link can still cancel.
    """
    with transaction.atomic():
        veranstaltung = Veranstaltung.objects.select_for_update().get(pk=veranstaltung_id)
        # The time is taken with the lock held: the order of the registrations is the order places were given.
        now = now or timezone.now()
        offen = veranstaltung.anmeldung_offen(now)
        vorhanden = Teilnahme.objects.for_event(veranstaltung).of_address(email).first()
        if vorhanden is not None:
            if vorhanden.erneut_gesendet_am is None or vorhanden.erneut_gesendet_am < now - ERNEUT_PAUSE:
                # Marked now, under the lock: a burst of repeats queues one mail, not one each.
                vorhanden.erneut_gesendet_am = now
                vorhanden.save(update_fields=["erneut_gesendet_am"])
                _mail_after_commit(vorhanden.pk, "erneut")
            if offen:
                return vorhanden
        elif offen:
            return _register(
                veranstaltung,
                name=name,
                email=email,
                telefon=telefon,
                begleitpersonen=begleitpersonen,
                antwort=antwort,
                sprache=sprache,
                now=now,
            )
    # Raised after the commit: the link mailed again to a known address is not rolled back.
    raise AnmeldungGeschlossen


def _register(veranstaltung: Veranstaltung, *, begleitpersonen: int, email: str, now, **daten) -> Teilnahme:
    begleitpersonen = min(begleitpersonen, veranstaltung.begleitpersonen_moeglich)
    passt = plaetze_fuer_neue(veranstaltung) >= 1 + begleitpersonen
    teilnahme = Teilnahme.objects.create(
        veranstaltung=veranstaltung,
        email=email.strip(),
        begleitpersonen=begleitpersonen,
        status=Teilnahme.Status.BESTAETIGT if passt else Teilnahme.Status.WARTELISTE,
        angemeldet_am=now,
        einwilligung_am=now,
        **daten,
    )
    _mail_after_commit(teilnahme.pk, "bestaetigung")
    return teilnahme


@transaction.atomic
def teilnahme_cancel(*, token: str) -> Veranstaltung | None:
    """Cancel the registration behind `token` (deleting it) and move the waiting list up; None if it is gone."""
    teilnahme = Teilnahme.objects.filter(token=token).values("pk", "veranstaltung_id").first()
    if teilnahme is None:
        return None
    veranstaltung = Veranstaltung.objects.select_for_update().get(pk=teilnahme["veranstaltung_id"])
    if not Teilnahme.objects.filter(pk=teilnahme["pk"]).delete()[0]:
        return None  # cancelled a moment ago in another tab
    warteliste_advance(veranstaltung_id=veranstaltung.pk)
    return veranstaltung


@transaction.atomic
def teilnahmen_delete(*, ids) -> int:
    """Staff delete registrations (someone cancelled by phone): with each event locked, as a cancellation by
    link does, then the waiting lists move up. Returns how many were deleted."""
    veranstaltungen = sorted(set(Teilnahme.objects.filter(pk__in=ids).values_list("veranstaltung_id", flat=True)))
    # Locked in one order (by id), so two staff deleting at once cannot deadlock.
    list(Veranstaltung.objects.select_for_update().filter(pk__in=veranstaltungen).order_by("pk").values_list("pk"))
    deleted, _by_model = Teilnahme.objects.filter(pk__in=ids).delete()
    for veranstaltung_id in veranstaltungen:
        warteliste_advance(veranstaltung_id=veranstaltung_id)
    return deleted


@transaction.atomic
def warteliste_advance(*, veranstaltung_id: int, now: datetime.datetime | None = None) -> list[Teilnahme]:
    """Give free places to the people waiting, in order, and mail each one; stops at the first who does not fit.

    Runs after a cancellation, a registration deleted by staff, or more places
    (veranstaltungen' post_save). Nobody moves up for a cancelled or past event.
    """
    veranstaltung = Veranstaltung.objects.select_for_update().get(pk=veranstaltung_id)
    if veranstaltung.abgesagt or veranstaltung.vergangen or not veranstaltung.anmeldung:
        return []
    frei = freie_plaetze(veranstaltung)
    nachgerueckt = []
    for teilnahme in Teilnahme.objects.for_event(veranstaltung).waiting():
        if teilnahme.personen > frei:
            break
        frei -= teilnahme.personen
        teilnahme.status = Teilnahme.Status.BESTAETIGT
        teilnahme.nachgerueckt_am = now or timezone.now()
        teilnahme.save(update_fields=["status", "nachgerueckt_am"])
        _mail_after_commit(teilnahme.pk, "nachrueckung")
        nachgerueckt.append(teilnahme)
    return nachgerueckt


def absage_notify(*, veranstaltung_id: int) -> int:
    """The event was cancelled: mail everyone registered or waiting (each once). Returns how many were queued."""
    ids = list(
        Teilnahme.objects.filter(veranstaltung_id=veranstaltung_id, absage_gesendet_am__isnull=True).values_list(
            "pk", flat=True
        )
    )
    for pk in ids:
        _mail_after_commit(pk, "absage")
    return len(ids)


def aenderung_notify(*, veranstaltung_id: int) -> int:
    """The date, time or place changed: mail everyone registered or waiting (once per change)."""
    ids = list(Teilnahme.objects.filter(veranstaltung_id=veranstaltung_id).values_list("pk", flat=True))
    for pk in ids:
        _mail_after_commit(pk, "aenderung")
    return len(ids)


def erinnerungen_queue(*, day: datetime.date) -> int:
    """Queue the reminder mail for everyone with a place at an event on `day` (each once)."""
    ids = list(Teilnahme.objects.due_for_reminder(day=day).values_list("pk", flat=True))
    for pk in ids:
        teilnahme_mail.enqueue(pk, "erinnerung")
    return len(ids)


def unsent_requeue(*, now: datetime.datetime | None = None) -> int:
    """Queue again the mails a failing mail server left unsent after all retries (each still goes once).

    Only those older than an hour: the retries of the last hour are still under way.
    """
    vor_einer_stunde = (now or timezone.now()) - datetime.timedelta(hours=1)
    offen = Teilnahme.objects.unsent(before=vor_einer_stunde)
    anzahl = 0
    for art, ids in offen.items():
        for pk in ids:
            teilnahme_mail.enqueue(pk, art)
            anzahl += 1
    return anzahl


def teilnahmen_purge(*, tage: int | None = None, today: datetime.date | None = None) -> int:
    """Delete the registrations of events more than `tage` (TEILNAHME_RETENTION_DAYS) days past."""
    tage = settings.TEILNAHME_RETENTION_DAYS if tage is None else tage
    deleted, _by_model = Teilnahme.objects.due_for_deletion(tage=tage, today=today).delete()
    return deleted
