"""The accessibility statement: the parts the law asks for, staff's assessment and dates, the seeded gaps."""

import datetime

import pytest
from django.core.management import call_command
from django.urls import reverse
from reversion.models import Version

from seiten.models import Barrierefreiheitserklaerung, Seite
from tests.factories import make_staff

pytestmark = pytest.mark.django_db
URL = reverse("seiten:barrierefreiheit")

TEILE = [
    "Stand der Vereinbarkeit mit den Anforderungen",
    "Nicht barrierefreie Inhalte",
    "Erstellung dieser Erklärung",
    "Feedback und Kontakt",
    "Durchsetzungsverfahren",
    "Rechtsgrundlage",
]


@pytest.fixture
def erklaerung():
    seite = Seite.objects.create(schluessel=Seite.Schluessel.BARRIEREFREIHEIT, titel="Erklärung zur Barrierefreiheit")
    return Barrierefreiheitserklaerung.objects.create(
        seite=seite,
        vereinbarkeit=Barrierefreiheitserklaerung.Vereinbarkeit.TEILWEISE,
        nicht_barrierefrei="<ul><li>PDF-Dokumente sind nicht geprüft.</li></ul>",
        erstellt_am=datetime.date(2026, 3, 1),
        ueberprueft_am=datetime.date(2026, 11, 20),
        kontakt="<p>Telefon 02521 0000 (Beispiel)</p>",
        ombudsstelle="<p>Ombudsstelle, Beispielstraße 1 (Beispiel)</p>",
    )


def test_the_statement_shows_every_part_the_law_asks_for_in_order(client, erklaerung):
    page = client.get(URL).content.decode()
    positions = [page.index(f">{teil}</h2>") for teil in TEILE]
    assert positions == sorted(positions)
    assert "nur teilweise mit den Anforderungen an die Barrierefreiheit vereinbar" in page
    assert "<li>PDF-Dokumente sind nicht geprüft.</li>" in page
    assert "Diese Erklärung wurde am 1. März 2026 erstellt." in page
    assert "Zuletzt überprüft am 20. November 2026." in page
    assert "Die Erklärung beruht auf einer Selbstbewertung." in page
    assert f'href="{reverse("seiten:barriere_melden")}"' in page and "Telefon 02521 0000" in page
    assert "Ombudsstelle für barrierefreie Informationstechnik des Landes Nordrhein-Westfalen" in page
    assert "Ombudsstelle, Beispielstraße 1" in page
    assert "(BGG NRW)" in page and "(BITVNRW)" in page
    assert "Bitte ergänzen" not in page


def test_what_staff_have_not_filled_in_shows_as_a_marked_gap(client, erklaerung):
    Barrierefreiheitserklaerung.objects.filter(pk=erklaerung.pk).update(
        vereinbarkeit="", nicht_barrierefrei="", erstellt_am=None, ueberprueft_am=None, kontakt="", ombudsstelle=""
    )
    page = client.get(URL).content.decode()
    for luecke in (
        "[Bitte ergänzen: Stand der Vereinbarkeit",
        "[Bitte ergänzen: Was nicht barrierefrei ist",
        "[Bitte ergänzen: Datum, an dem diese Erklärung erstellt wurde]",
        "[Bitte ergänzen: Datum der letzten Überprüfung]",
        "[Bitte ergänzen: Kontakt der Ombudsstelle]",
    ):
        assert luecke in page, luecke
    assert all(f">{teil}</h2>" in page for teil in TEILE)


def test_fully_compliant_without_a_list_says_nothing_is_known(client, erklaerung):
    erklaerung.vereinbarkeit = Barrierefreiheitserklaerung.Vereinbarkeit.VOLLSTAENDIG
    erklaerung.nicht_barrierefrei = ""
    erklaerung.save()
    page = client.get(URL).content.decode()
    assert "vollständig mit den Anforderungen an die Barrierefreiheit vereinbar" in page
    assert "keine Inhalte bekannt" in page and "Bitte ergänzen: Was nicht" not in page


def test_the_redaktion_updates_the_review_date_and_it_is_versioned(client, erklaerung):
    client.force_login(make_staff("redakteurin", "Redaktion"))
    seite = erklaerung.seite
    change = reverse("admin:seiten_seite_change", args=[seite.pk])
    form = client.get(change)
    assert "Stand der Vereinbarkeit" in form.content.decode()
    post = {
        "titel_de": seite.titel,
        "einleitung_de": "",
        "veroeffentlicht": "on",
        "erklaerung-TOTAL_FORMS": "1",
        "erklaerung-INITIAL_FORMS": "1",
        "erklaerung-MIN_NUM_FORMS": "0",
        "erklaerung-MAX_NUM_FORMS": "1",
        "erklaerung-0-id": str(erklaerung.pk),
        "erklaerung-0-seite": str(seite.pk),
        "erklaerung-0-vereinbarkeit": "teilweise",
        "erklaerung-0-nicht_barrierefrei_de": erklaerung.nicht_barrierefrei,
        "erklaerung-0-methode": "selbstbewertung",
        "erklaerung-0-erstellt_am": "2026-03-01",
        "erklaerung-0-ueberprueft_am": "2026-12-05",
        "erklaerung-0-kontakt_de": erklaerung.kontakt,
        "erklaerung-0-ombudsstelle_de": erklaerung.ombudsstelle,
        "abschnitte-TOTAL_FORMS": "0",
        "abschnitte-INITIAL_FORMS": "0",
        "abschnitte-MIN_NUM_FORMS": "0",
        "abschnitte-MAX_NUM_FORMS": "1000",
    }
    response = client.post(change, post)
    assert response.status_code == 302, response.context["adminform"].form.errors if response.context else response
    erklaerung.refresh_from_db()
    assert erklaerung.ueberprueft_am == datetime.date(2026, 12, 5)
    assert "Zuletzt überprüft am 5. Dezember 2026." in client.get(URL).content.decode()
    assert Version.objects.get_for_object(erklaerung).exists()  # history, as for every content


def test_other_pages_have_no_statement_form(client):
    client.force_login(make_staff("redakteurin", "Redaktion"))
    seite = Seite.objects.create(schluessel=Seite.Schluessel.IMPRESSUM, titel="Impressum")
    page = client.get(reverse("admin:seiten_seite_change", args=[seite.pk])).content.decode()
    assert "erklaerung-TOTAL_FORMS" not in page


def test_the_dashboard_reminds_of_a_missing_assessment_and_an_overdue_review(client, erklaerung):
    client.force_login(make_staff("redakteurin", "Redaktion"))
    assert "Seit über einem Jahr nicht überprüft" not in client.get("/admin/").content.decode()
    erklaerung.ueberprueft_am = datetime.date(2020, 1, 1)
    erklaerung.save()
    assert "Seit über einem Jahr nicht überprüft" in client.get("/admin/").content.decode()
    erklaerung.vereinbarkeit = ""
    erklaerung.save()
    assert "noch nicht bewertet" in client.get("/admin/").content.decode()


def test_the_seed_makes_the_statement_with_gaps_for_what_only_staff_know(client):
    call_command("seed_content")
    erklaerung = Barrierefreiheitserklaerung.objects.get()
    assert erklaerung.vereinbarkeit == "teilweise"
    assert erklaerung.erstellt_am is None and erklaerung.ueberprueft_am is None
    assert "[Bitte ergänzen: Kontakt der Ombudsstelle]" in erklaerung.ombudsstelle
    assert all(erklaerung.ist_uebersetzt(lang) for lang in ("en", "tr", "ar", "uk", "ru"))
    page = client.get(URL).content.decode()
    assert "Gebärdensprache" in page and "[Bitte ergänzen: Datum der letzten Überprüfung]" in page
    call_command("seed_content")  # a second run changes nothing
    assert Barrierefreiheitserklaerung.objects.count() == 1
