"""Example news from `seed_content --demo`, and the bench data of `generate_load_data`."""

import pytest
from django.core.management import call_command
from django.utils import timezone

from aktuelles.models import Meldung
from startinhalte import loader

pytestmark = pytest.mark.django_db


def test_real_content_has_no_news():
    call_command("seed_content")
    assert not Meldung.objects.exists()


def test_demo_adds_three_labelled_example_news_once(client):
    call_command("seed_content", "--demo")
    call_command("seed_content", "--demo")  # a second run adds nothing
    meldungen = Meldung.objects.published().latest_first()
    assert meldungen.count() == 3
    hinweis = loader.load("de")["beispiele"]["meldungen"]["hinweis"]
    for meldung in meldungen:
        assert meldung.titel.startswith("Beispiel: ") and hinweis in meldung.text
        assert meldung.datum <= timezone.localdate()
        assert all(meldung.uebersetzungsstaende()[lang] == "aktuell" for lang in ("en", "tr", "ar", "uk", "ru"))
        assert client.get(meldung.get_absolute_url()).status_code == 200
    assert meldungen.filter(themen__slug="fest-der-kulturen").count() == 1
    assert meldungen.filter(veranstaltung__slug="beispiel-sprechstunde").count() == 1
    # The start page shows the newest two.
    start = client.get("/").content.decode()
    assert [m.titel in start for m in meldungen] == [True, True, False]


def test_example_news_structure_belongs_to_existing_texts():
    texte, struktur = loader.load("de"), loader.load("struktur")
    assert set(struktur["beispiele"]["meldungen"]) == set(texte["beispiele"]["meldungen"]) - {"hinweis"}


def test_load_data_adds_and_clears_news():
    call_command("seed_content")
    args = ["--events", "0", "--meetings", "0", "--requests", "0"]
    call_command("generate_load_data", *args, "--news", "30")
    assert Meldung.objects.published().count() == 30
    assert Meldung.themen.through.objects.count() == 30
    call_command("generate_load_data", *args, "--news", "5", "--clear")
    assert Meldung.objects.count() == 5 and Meldung.themen.through.objects.count() == 5
