"""The figures page and its CSV: Beratung and superusers only, counts and times only, never a person's data."""

import csv
import datetime
import io
import re
import zoneinfo

import pytest
import time_machine
from django.contrib.auth.models import User
from django.urls import reverse
from django.utils import timezone

from anfragen.models import Anfrage
from anfragen.services import anfrage_create
from tests.factories import make_anfrage, make_staff, make_themenbereich

pytestmark = pytest.mark.django_db

BERLIN = zoneinfo.ZoneInfo("Europe/Berlin")
SEITE = reverse("admin:kennzahlen_anfragekennzahl_changelist")
CSV = reverse("admin:kennzahlen_anfragekennzahl_csv")
# What advice seekers wrote: none of it may ever reach the figures.
PERSOENLICH = [
    "Zebulon Quaxmeyer",
    "quax.geheim@example.org",
    "0151 99887766",
    "Mein Vermieter Xylophon droht mit Kündigung",
    "Olga Brzęczyszczykiewicz",
    "olga.privat@example.net",
    "Die Schaltfläche Blumenkohl ist unlesbar",
]


def at(*args) -> datetime.datetime:
    return datetime.datetime(*args, tzinfo=BERLIN)


def login(client, rolle: str) -> User:
    user = (
        User.objects.create_superuser("chefin", password="Sicheres-Passwort-123")
        if rolle == "superuser"
        else make_staff(rolle.lower(), rolle)
    )
    client.force_login(user)
    return user


def answer(anfrage: Anfrage, moment: datetime.datetime) -> None:
    anfrage.status, anfrage.erste_antwort_am = Anfrage.Status.BEANTWORTET, moment
    anfrage.save()


@pytest.fixture
def anfragen_2025():
    """Three requests and a barrier report in 2025, one request in 2024; distinctive personal data in each."""
    wohnen, arbeit = make_themenbereich(name_de="Wohnen"), make_themenbereich(name_de="Arbeit")
    with time_machine.travel(at(2025, 3, 3, 9, 0), tick=False):  # a Monday
        erste = make_anfrage(
            themenbereich=wohnen, name=PERSOENLICH[0], email=PERSOENLICH[1], telefon=PERSOENLICH[2], sprache="tr"
        )
        zweite = make_anfrage(themenbereich=wohnen, nachricht=PERSOENLICH[3], sprache="tr")
    with time_machine.travel(at(2025, 4, 7, 9, 0), tick=False):
        make_anfrage(themenbereich=arbeit, name=PERSOENLICH[4], email=PERSOENLICH[5], sprache="uk")
        anfrage_create(nachricht=PERSOENLICH[6], sprache="de", art=Anfrage.Art.BARRIERE, seite_url="/pfirsichbaum/")
    with time_machine.travel(at(2024, 11, 4, 9, 0), tick=False):
        make_anfrage(themenbereich=arbeit, name="Altmann Quirinus")
    answer(erste, at(2025, 3, 4, 9, 0))  # one day, one working day
    answer(zweite, at(2025, 3, 6, 9, 0))  # three days, three working days
    return wohnen


def csv_rows(response) -> list[list[str]]:
    text = response.content.decode("utf-8")
    assert text.startswith("\ufeff")  # German Excel reads UTF-8 only with the byte order mark
    return list(csv.reader(io.StringIO(text.removeprefix("\ufeff")), delimiter=";"))


def test_the_page_shows_the_years_counts_and_medians(client, anfragen_2025):
    login(client, "Beratung")
    response = client.get(SEITE, {"jahr": 2025})
    assert response.status_code == 200
    bericht = response.context["bericht"]
    assert (bericht.gesamt.anzahl, bericht.gesamt.beantwortet) == (4, 2)
    assert (bericht.gesamt.median_arbeitstage, bericht.gesamt.median_tage) == ("2", "2,0")
    monate = {zeile.bezeichnung: (zeile.anzahl, zeile.beantwortet) for zeile in bericht.monate.zeilen}
    assert monate["März"] == (2, 2) and monate["April"] == (2, 0) and monate["Mai"] == (0, 0)
    assert [(z.bezeichnung, z.anzahl) for z in bericht.themen.zeilen] == [
        ("Wohnen", 2),
        ("Arbeit", 1),
        ("ohne Themenbereich", 1),
    ]
    sprachen = {zeile.bezeichnung: zeile.anzahl for zeile in bericht.sprachen.zeilen}
    assert (sprachen["Türkçe"], sprachen["Українська"], sprachen["Deutsch"], sprachen["العربية"]) == (2, 1, 1, 0)
    arten = {zeile.bezeichnung: (zeile.anzahl, zeile.beantwortet) for zeile in bericht.arten.zeilen}
    assert arten == {"Anfrage": (3, 2), "Barriere-Meldung": (1, 0)}
    page = response.content.decode()
    # Accessible tables: each with a caption, column and row headers.
    assert len(re.findall(r'<table class="kennzahlen__tabelle">\s*<caption>', page)) == 4
    assert '<th scope="col">Themenbereich</th>' in page and '<th scope="row">Wohnen</th>' in page
    assert '<option value="2025" selected>' in page and '<option value="2024">' in page


def test_the_page_and_the_csv_never_show_a_name_contact_or_message(client, anfragen_2025):
    login(client, "superuser")
    for url in (SEITE, CSV):
        for jahr in (2024, 2025):
            content = client.get(url, {"jahr": jahr}).content.decode()
            assert "Wohnen" in content or jahr == 2024  # the test looks at the right figures
            for text in PERSOENLICH + ["Altmann Quirinus", "pfirsichbaum", "IR-2025"]:
                assert text not in content, (url, text)


def test_the_csv_holds_the_same_figures_for_german_spreadsheets(client, anfragen_2025):
    login(client, "Beratung")
    response = client.get(CSV, {"jahr": 2025})
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"] == 'attachment; filename="anfragen-kennzahlen-2025.csv"'
    rows = csv_rows(response)
    assert rows[0][:5] == ["Jahr", "Gliederung", "Wert", "Anzahl", "davon beantwortet"]
    assert ["2025", "Gesamt", "Alle Anfragen und Barriere-Meldungen", "4", "2", "2", "2,0"] in rows
    assert ["2025", "Monat", "März", "2", "2", "2", "2,0"] in rows
    assert ["2025", "Themenbereich", "Wohnen", "2", "2", "2", "2,0"] in rows
    assert ["2025", "Sprache", "Українська", "1", "0", "", ""] in rows
    assert ["2025", "Art", "Barriere-Meldung", "1", "0", "", ""] in rows
    assert len(rows) == 1 + 1 + 12 + 3 + 7 + 2  # header, total, months, topics, languages, kinds


def test_a_topic_name_is_never_read_as_a_formula(client):
    with time_machine.travel(at(2025, 1, 6, 9, 0), tick=False):
        make_anfrage(themenbereich=make_themenbereich(name_de="=HYPERLINK(1)"))
    login(client, "Beratung")
    assert ["2025", "Themenbereich", "'=HYPERLINK(1)", "1", "0", "", ""] in csv_rows(client.get(CSV, {"jahr": 2025}))


def test_the_current_year_is_shown_unless_another_year_with_figures_is_chosen(client, anfragen_2025):
    login(client, "Beratung")
    heute = timezone.localdate()
    for params in ({}, {"jahr": 1999}, {"jahr": "kein Jahr"}):
        response = client.get(SEITE, params)
        assert response.context["bericht"].jahr == heute.year, params
    assert [jahr for jahr, _label in response.context["form"].fields["jahr"].choices] == [heute.year, 2025, 2024]
    assert client.get(SEITE, {"jahr": 2024}).context["bericht"].gesamt.anzahl == 1


@pytest.mark.parametrize(("rolle", "status"), [(None, 302), ("Redaktion", 403), ("Beratung", 200), ("superuser", 200)])
def test_only_beratung_and_superusers_see_the_figures(client, rolle, status):
    if rolle:
        login(client, rolle)
    for url in (SEITE, CSV):
        response = client.get(url)
        assert response.status_code == status, url
        if rolle is None:
            assert response["Location"].startswith(reverse("admin:login"))


@pytest.mark.parametrize(("rolle", "verlinkt"), [("Redaktion", False), ("Beratung", True), ("superuser", True)])
def test_the_admin_start_page_links_the_figures_for_those_who_may_see_them(client, rolle, verlinkt):
    login(client, rolle)
    page = client.get(reverse("admin:index")).content.decode()
    assert (f'href="{SEITE}"' in page) is verlinkt
