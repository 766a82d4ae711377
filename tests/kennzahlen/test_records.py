"""Each request leaves an anonymous record that outlives it: made on arrival, kept in step when answered."""

import datetime
import importlib
import threading
import time
import zoneinfo

import pytest
import time_machine
from django.apps import apps
from django.db import connection, transaction
from django.db.models.signals import post_save

from anfragen.models import Anfrage
from anfragen.services import anfrage_create, anfragen_purge, telefonat_log
from kennzahlen.models import Anfragekennzahl
from kennzahlen.report import year_report
from tests.factories import make_anfrage, make_staff, make_themenbereich

pytestmark = pytest.mark.django_db

BERLIN = zoneinfo.ZoneInfo("Europe/Berlin")


def at(*args) -> datetime.datetime:
    return datetime.datetime(*args, tzinfo=BERLIN)


def arrived(moment: datetime.datetime, **kwargs) -> Anfrage:
    with time_machine.travel(moment, tick=False):
        return make_anfrage(**kwargs)


def answer(anfrage: Anfrage, moment: datetime.datetime) -> None:
    """What a reply or a noted phone call does to the request (anfragen.services)."""
    anfrage.status = Anfrage.Status.BEANTWORTET
    anfrage.erste_antwort_am = moment
    anfrage.save(update_fields=["status", "erste_antwort_am", "erledigt_am", "geaendert_am"])


def test_a_new_request_gets_a_record_of_its_month_topic_language_and_kind():
    bereich = make_themenbereich(name_de="Wohnen", name_tr="Konut")
    # 00:30 on 1 April in Beckum is still 31 March in UTC: the council's month counts.
    arrived(datetime.datetime(2025, 3, 31, 22, 30, tzinfo=datetime.UTC), themenbereich=bereich, sprache="tr")
    record = Anfragekennzahl.objects.get()
    assert (record.monat, record.themenbereich, record.sprache, record.art) == (
        datetime.date(2025, 4, 1),
        bereich,
        "tr",
        Anfrage.Art.ANFRAGE,
    )
    assert record.themenbereich_name == "Wohnen"  # German, whatever language the form was in
    assert record.erste_antwort_nach is None and record.erste_antwort_arbeitstage is None


def test_the_record_holds_nothing_that_identifies_the_request_or_its_sender():
    fields = {field.name for field in Anfragekennzahl._meta.get_fields()}
    assert fields == {
        "id",
        "monat",
        "themenbereich",
        "themenbereich_name",
        "sprache",
        "art",
        "erste_antwort_nach",
        "erste_antwort_arbeitstage",
    }
    assert not any(field.related_model is Anfrage for field in Anfragekennzahl._meta.get_fields())


def test_the_first_answer_sets_calendar_time_and_working_days():
    # Wednesday before Ascension Day (a holiday in NRW), answered the next Monday.
    anfrage = arrived(at(2025, 5, 28, 10, 0))
    answer(anfrage, at(2025, 6, 2, 12, 0))
    record = Anfragekennzahl.objects.get()
    assert record.erste_antwort_nach == datetime.timedelta(days=5, hours=2)
    assert record.erste_antwort_arbeitstage == 2  # Friday and Monday; Thursday is a holiday
    # Later saves (another answer, closing it) leave the first answer as it was.
    anfrage.status = Anfrage.Status.ERLEDIGT
    anfrage.save()
    assert Anfragekennzahl.objects.get().erste_antwort_nach == datetime.timedelta(days=5, hours=2)


def test_a_phone_call_noted_in_the_admin_counts_as_the_first_answer():
    anfrage = arrived(at(2025, 6, 2, 9, 0), email="", telefon="02521 000000")
    with time_machine.travel(at(2025, 6, 2, 14, 30), tick=False):
        telefonat_log(anfrage=anfrage, user=make_staff("beraterin", "Beratung"), stand=at(2025, 6, 2, 14, 0))
    record = Anfragekennzahl.objects.get()
    assert (record.erste_antwort_nach, record.erste_antwort_arbeitstage) == (datetime.timedelta(hours=5, minutes=30), 0)


def test_two_requests_alike_keep_one_record_each_with_its_own_answer():
    bereich = make_themenbereich()
    erste = arrived(at(2025, 2, 3, 9, 0), themenbereich=bereich)
    zweite = arrived(at(2025, 2, 3, 9, 0), themenbereich=bereich)
    answer(zweite, at(2025, 2, 3, 15, 0))
    assert set(Anfragekennzahl.objects.values_list("erste_antwort_nach", flat=True)) == {
        None,
        datetime.timedelta(hours=6),
    }
    answer(erste, at(2025, 2, 5, 9, 0))
    assert sorted(Anfragekennzahl.objects.values_list("erste_antwort_nach", flat=True)) == [
        datetime.timedelta(hours=6),
        datetime.timedelta(days=2),
    ]


@pytest.mark.django_db(transaction=True)
def test_two_requests_alike_answered_at_the_same_moment_claim_two_records(postgresql_only):
    """Both look for an unanswered record of their values and find the same one first: the second waits
    for the first to commit, sees the record taken and claims the next."""
    bereich = make_themenbereich()
    erste = arrived(at(2025, 2, 3, 9, 0), themenbereich=bereich)
    zweite = arrived(at(2025, 2, 3, 9, 0), themenbereich=bereich)
    erste_geschrieben = threading.Event()

    def answer_first():
        try:
            with transaction.atomic():
                answer(erste, at(2025, 2, 3, 10, 0))
                erste_geschrieben.set()
                time.sleep(1)  # holds the claimed record's row lock while the second one looks
        finally:
            erste_geschrieben.set()
            connection.close()

    def answer_second():
        try:
            erste_geschrieben.wait(10)
            answer(zweite, at(2025, 2, 3, 11, 0))
        finally:
            connection.close()

    threads = [threading.Thread(target=answer_first), threading.Thread(target=answer_second)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(30)
    assert sorted(Anfragekennzahl.objects.values_list("erste_antwort_nach", flat=True)) == [
        datetime.timedelta(hours=1),
        datetime.timedelta(hours=2),
    ]


def test_a_corrected_topic_or_language_moves_the_record_with_it():
    alt, neu = make_themenbereich(name_de="Arbeit"), make_themenbereich(name_de="Schule")
    anfrage = arrived(at(2025, 1, 10, 9, 0), themenbereich=alt, sprache="de")
    anfrage.themenbereich, anfrage.sprache = neu, "uk"
    anfrage.save()
    record = Anfragekennzahl.objects.get()
    assert (record.themenbereich, record.themenbereich_name, record.sprache) == (neu, "Schule", "uk")


def test_records_outlive_the_deleted_request_and_its_topic(settings):
    bereich = make_themenbereich(name_de="Aufenthalt")
    anfrage = arrived(at(2024, 5, 6, 9, 0), themenbereich=bereich)
    answer(anfrage, at(2024, 5, 7, 9, 0))
    with time_machine.travel(at(2024, 5, 8, 9, 0), tick=False):
        anfrage.status = Anfrage.Status.ERLEDIGT
        anfrage.save()
    with time_machine.travel(at(2025, 1, 1, 12, 0), tick=False):
        assert anfragen_purge(tage=180) == 1
    bereich.delete()  # possible only now: requests protect their topic
    record = Anfragekennzahl.objects.get()
    assert record.themenbereich is None and record.themenbereich_name == "Aufenthalt"
    bericht = year_report(2024)
    assert [(zeile.bezeichnung, zeile.anzahl, zeile.beantwortet) for zeile in bericht.themen.zeilen] == [
        ("Aufenthalt", 1, 1)
    ]


def test_a_barrier_report_without_topic_is_counted_as_its_kind():
    with time_machine.travel(at(2025, 7, 1, 9, 0), tick=False):
        anfrage_create(nachricht="Der Knopf ist zu klein.", sprache="de", art=Anfrage.Art.BARRIERE, seite_url="/")
    record = Anfragekennzahl.objects.get()
    assert (record.art, record.themenbereich, record.themenbereich_name) == (Anfrage.Art.BARRIERE, None, "")


def test_a_backup_being_loaded_brings_its_own_records():
    anfrage = make_anfrage()
    post_save.send(sender=Anfrage, instance=anfrage, created=True, raw=True, using="default", update_fields=None)
    assert Anfragekennzahl.objects.count() == 1


def test_the_data_migration_counts_the_requests_already_there():
    bereich = make_themenbereich(name_de="Gesundheit")
    arrived(at(2025, 3, 3, 9, 0), themenbereich=bereich, sprache="ar")
    beantwortet = arrived(at(2025, 4, 1, 9, 0), themenbereich=bereich)
    answer(beantwortet, at(2025, 4, 2, 9, 0))
    expected = sorted(Anfragekennzahl.objects.values_list(*COMPARED))
    Anfragekennzahl.objects.all().delete()  # as before the app existed
    migration = importlib.import_module("kennzahlen.migrations.0002_bestand")
    migration.count_existing_requests(apps, None)
    assert sorted(Anfragekennzahl.objects.values_list(*COMPARED)) == expected
    assert len(expected) == 2


COMPARED = (
    "monat",
    "themenbereich",
    "themenbereich_name",
    "sprache",
    "art",
    "erste_antwort_nach",
    "erste_antwort_arbeitstage",
)


def test_the_time_to_answer_is_kept_in_whole_minutes_so_it_finds_no_request_again():
    anfrage = arrived(at(2025, 6, 2, 9, 0, 0))
    answer(anfrage, at(2025, 6, 2, 11, 17, 41) + datetime.timedelta(microseconds=123456))
    assert Anfragekennzahl.objects.get().erste_antwort_nach == datetime.timedelta(hours=2, minutes=18)
