import pytest
from django.core.management import call_command
from django.urls import reverse

from anfragen.models import Themenbereich
from integrationsrat import content
from seiten.models import Seite
from themen.models import Jahresrueckblick, Thema
from veranstaltungen.models import Ort, Veranstaltung

pytestmark = pytest.mark.django_db

SIX_TOPICS = [
    "Baumpflanz-Aktion",
    "Austausch mit Migrantenorganisationen",
    "Fest der Kulturen",
    "Integrationsmanagement",
    "Ansprechperson",
    "Überregionales Engagement",
]


def snapshot():
    models = (Thema, Jahresrueckblick, Veranstaltung, Ort, Seite, Themenbereich)
    return {m.__name__: sorted(m.objects.values_list("pk", flat=True)) for m in models}


def test_seed_loads_the_six_topics_of_2024_with_their_points():
    call_command("seed_content")
    assert list(Thema.objects.published().values_list("titel", flat=True)) == SIX_TOPICS
    fest = Thema.objects.get(slug="fest-der-kulturen")
    assert fest.punkte_liste == [
        "Ausrichtung des jährlichen Fest der Kulturen",
        "Präsentation der Arbeit des Integrationsrates mit einem Stand",
        "Ansprechperson für Alle auf dem Fest der Kulturen",
    ]
    assert all(len(t.punkte_liste) >= 3 for t in Thema.objects.all())


def test_seed_loads_the_seven_tasks_on_the_about_page(client):
    call_command("seed_content")
    aufgaben = Seite.objects.get(schluessel="ueber-uns").abschnitte.get(darstellung="nummeriert")
    assert aufgaben.zeilen == content.AUFGABEN
    assert len(aufgaben.zeilen) == 7
    page = client.get(reverse("seiten:ueber-uns")).content.decode()
    assert "<li>Ist ein beratendes Gremium</li>" in page
    assert "Der Integrationsrat kann sich grundsätzlich mit allen Angelegenheiten der Kommune beschäftigen" in page


def test_seed_reproduces_the_2024_review(client):
    call_command("seed_content")
    page = client.get(reverse("themen:rueckblick", args=[2024])).content.decode()
    positions = [page.index(f">{titel}</a></h3>") for titel in SIX_TOPICS]
    assert positions == sorted(positions)
    assert "Beteiligung beim Bürgerbrunch in Neubeckum" in page
    assert "Sitzung des Integrationsrats" in page and "14. November 2024" in page


def test_seed_is_idempotent_and_keeps_staff_edits():
    call_command("seed_content", "--demo")
    before = snapshot()
    Thema.objects.filter(slug="fest-der-kulturen").update(kurztext="Von der Redaktion geändert")
    call_command("seed_content", "--demo")
    assert snapshot() == before
    assert Thema.objects.get(slug="fest-der-kulturen").kurztext == "Von der Redaktion geändert"


def test_without_demo_no_example_events_and_only_the_real_meeting():
    call_command("seed_content")
    assert list(Veranstaltung.objects.values_list("titel", "datum__year")) == [("Sitzung des Integrationsrats", 2024)]


def test_demo_events_are_upcoming_and_labelled_as_examples():
    call_command("seed_content", "--demo")
    demo = Veranstaltung.objects.upcoming()
    assert demo.count() == len(content.BEISPIELE)
    assert all(v.titel.startswith("Beispiel") and "Beispiel" in v.kurztext for v in demo)
