"""The annual review tells how many requests were answered that year, where staff switched it on."""

import datetime
import zoneinfo

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from anfragen.models import Anfrage
from anfragen.services import anfrage_create
from tests.factories import make_anfrage, make_rueckblick, make_veranstaltung

pytestmark = pytest.mark.django_db

BERLIN = zoneinfo.ZoneInfo("Europe/Berlin")


def answered_request(jahr: int, **kwargs) -> Anfrage:
    with time_machine.travel(datetime.datetime(jahr, 6, 2, 9, 0, tzinfo=BERLIN), tick=False):
        anfrage = make_anfrage(**kwargs)
    anfrage.status = Anfrage.Status.BEANTWORTET
    anfrage.erste_antwort_am = datetime.datetime(jahr, 6, 3, 9, 0, tzinfo=BERLIN)
    anfrage.save()
    return anfrage


@pytest.fixture
def anfragen_2025():
    for _ in range(3):
        answered_request(2025, name="Zebulon Quaxmeyer")
    with time_machine.travel(datetime.datetime(2025, 7, 1, 9, 0, tzinfo=BERLIN), tick=False):
        make_anfrage()  # not answered
        anfrage_create(nachricht="Kontrast", sprache="de", art=Anfrage.Art.BARRIERE)  # a barrier report: not counted
    answered_request(2024)  # another year


def review_page(client, jahr: int = 2025) -> str:
    return client.get(reverse("themen:rueckblick", args=[jahr])).content.decode()


def test_the_review_says_how_many_requests_were_answered_when_switched_on(client, anfragen_2025):
    make_rueckblick(jahr=2025, anfragen_zahl_zeigen=True)
    page = review_page(client)
    assert "Im Jahr 2025 haben wir 3 Anfragen beantwortet." in page
    assert "Zebulon" not in page


def test_one_answered_request_is_told_in_the_singular(client):
    answered_request(2025)
    make_rueckblick(jahr=2025, anfragen_zahl_zeigen=True)
    assert "Im Jahr 2025 haben wir 1 Anfrage beantwortet." in review_page(client)


def test_the_review_says_nothing_of_requests_when_switched_off(client, anfragen_2025):
    make_rueckblick(jahr=2025)
    with CaptureQueriesContext(connection) as queries:
        page = review_page(client)
    assert "Anfragen beantwortet" not in page
    assert not any("kennzahlen_anfragekennzahl" in query["sql"] for query in queries.captured_queries)


def test_a_year_with_events_but_no_review_says_nothing_of_requests(client, anfragen_2025):
    make_veranstaltung(datum=datetime.date(2025, 3, 1))
    assert "Anfragen beantwortet" not in review_page(client)
