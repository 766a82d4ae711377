"""Many people registering for the same event at the same moment: no place given twice, order kept.

Each registration locks the event's row (teilnahmen.services), so concurrent
ones queue and each counts the places the ones before it took. Only PostgreSQL
with real concurrent connections shows that; SQLite answers "database is locked"
instead, and one connection (the test client) runs one registration at a time.
"""

import threading

import pytest
from django.core import mail
from django.db import connection, transaction

from teilnahmen.models import Teilnahme
from teilnahmen.services import teilnahme_create
from teilnahmen.tasks import teilnahme_mail
from tests.factories import make_teilnahme, make_veranstaltung
from veranstaltungen.models import Veranstaltung

TIMEOUT = 30  # seconds, for the barrier and for each thread


def register_all_at_once(veranstaltung, anmeldungen: list[dict]) -> None:
    """One thread per registration, all released by one barrier; raises the first error a thread had."""
    barrier = threading.Barrier(len(anmeldungen))
    errors = []

    def register(daten):
        try:
            barrier.wait(timeout=TIMEOUT)  # everyone is ready: now all register at once
            teilnahme_create(veranstaltung_id=veranstaltung.pk, sprache="de", **daten)
        except threading.BrokenBarrierError:
            pass  # another thread failed first; its error is the one reported
        except BaseException as error:
            errors.append(error)
            barrier.abort()  # the others stop waiting at once
        finally:
            connection.close()  # this thread's own connection; the test database is dropped at the end

    threads = [threading.Thread(target=register, args=(daten,)) for daten in anmeldungen]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=3 * TIMEOUT)
    assert not any(thread.is_alive() for thread in threads), "a registration hung"
    if errors:
        raise errors[0]


def in_order(veranstaltung) -> list[Teilnahme]:
    return sorted(Teilnahme.objects.for_event(veranstaltung), key=lambda t: (t.angemeldet_am, t.pk))


@pytest.mark.django_db(transaction=True)
def test_50_simultaneous_registrations_for_10_places_give_10_places_and_40_waiting_in_order(postgresql_only):
    veranstaltung = make_veranstaltung(anmeldung=True, plaetze=10)
    register_all_at_once(
        veranstaltung, [{"name": f"Beispiel {n}", "email": f"person{n}@example.org"} for n in range(1, 51)]
    )

    teilnahmen = in_order(veranstaltung)
    assert len(teilnahmen) == 50
    assert len({t.email for t in teilnahmen}) == 50
    status = [t.status for t in teilnahmen]
    # The ten who were first (by the time taken with the lock held) have the places, nobody else.
    assert status == [Teilnahme.Status.BESTAETIGT] * 10 + [Teilnahme.Status.WARTELISTE] * 40
    assert Teilnahme.objects.for_event(veranstaltung).confirmed().persons() == 10
    assert [t.wartelistenplatz() for t in teilnahmen[10:]] == list(range(1, 41))
    # Everyone got one mail, and it tells them what they have.
    for teilnahme in teilnahmen:
        [bestaetigung] = [m for m in mail.outbox if m.to == [teilnahme.email]]
        assert ("Warteliste" in bestaetigung.subject) is (not teilnahme.bestaetigt)


@pytest.mark.django_db(transaction=True)
def test_simultaneous_groups_never_take_more_places_than_there_are_and_nobody_overtakes(postgresql_only):
    veranstaltung = make_veranstaltung(anmeldung=True, plaetze=10, begleitpersonen_max=2)
    register_all_at_once(
        veranstaltung,
        [{"name": f"Gruppe {n}", "email": f"gruppe{n}@example.org", "begleitpersonen": n % 3} for n in range(30)],
    )

    teilnahmen = in_order(veranstaltung)
    assert len(teilnahmen) == 30
    bestaetigt = [t for t in teilnahmen if t.bestaetigt]
    assert sum(t.personen for t in bestaetigt) <= 10
    # Places went strictly in order: the ones with a place come first, and the first who waits did not fit.
    assert teilnahmen[: len(bestaetigt)] == bestaetigt
    assert sum(t.personen for t in bestaetigt) + teilnahmen[len(bestaetigt)].personen > 10


@pytest.mark.django_db(transaction=True)
def test_a_mail_goes_out_while_another_registration_holds_the_events_row(postgresql_only):
    """The mail task locks its registration's row only: the event's row is locked by every registration
    for it, and a mail that waited for (or skipped) that lock would be lost on a busy event."""
    veranstaltung = make_veranstaltung(anmeldung=True, plaetze=10)
    teilnahme = make_teilnahme(veranstaltung)
    mail.outbox.clear()
    Teilnahme.objects.filter(pk=teilnahme.pk).update(bestaetigung_gesendet_am=None)
    locked, release = threading.Event(), threading.Event()

    def another_registration():
        try:
            with transaction.atomic():
                Veranstaltung.objects.select_for_update().get(pk=veranstaltung.pk)
                locked.set()
                release.wait(TIMEOUT)
        finally:
            connection.close()

    thread = threading.Thread(target=another_registration)
    thread.start()
    try:
        assert locked.wait(TIMEOUT)
        teilnahme_mail.enqueue(teilnahme.pk, "bestaetigung")  # the immediate backend runs it now
    finally:
        release.set()
        thread.join(TIMEOUT)
    assert [m.to for m in mail.outbox] == [[teilnahme.email]]
    teilnahme.refresh_from_db()
    assert teilnahme.bestaetigung_gesendet_am is not None
