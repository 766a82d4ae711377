import datetime
import re

import pytest
from django.conf import settings
from django.core.management import CommandError, call_command
from django.urls import reverse

from anfragen.models import Themenbereich
from gremien.models import Dokument, Person, Sitzung, Tagesordnungspunkt, Vorlage
from seiten.models import Seite
from startinhalte import loader
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
    assert list_items(fest.punkte) == [
        "Ausrichtung des jährlichen Fest der Kulturen",
        "Präsentation der Arbeit des Integrationsrates mit einem Stand",
        "Ansprechperson für Alle auf dem Fest der Kulturen",
    ]
    assert all(t.punkte.startswith("<ul>") and len(list_items(t.punkte)) >= 3 for t in Thema.objects.all())


def list_items(html: str) -> list[str]:
    return re.findall(r"<li>(.*?)</li>", html)


def test_seed_loads_the_seven_tasks_on_the_about_page(client):
    call_command("seed_content")
    aufgaben = Seite.objects.get(schluessel="ueber-uns").abschnitte.first()
    assert aufgaben.text.startswith("<ol>")  # the list style of struktur.toml
    assert list_items(aufgaben.text) == loader.load("de")["seiten"]["ueber-uns"]["abschnitte"]["aufgaben"]["zeilen"]
    assert len(list_items(aufgaben.text)) == 7
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
    struktur = loader.load("struktur")["beispiele"]
    kommende_sitzungen = [slug for slug, sitzung in struktur["sitzungen"].items() if sitzung["tage"] >= 0]
    # The consultation hour is a series: the lists show it once, with its next date.
    assert demo.next_of_each_series().count() == len(struktur["termine"]) + len(kommende_sitzungen) == 6
    sprechstunde = Veranstaltung.objects.get(slug="beispiel-sprechstunde")
    assert sprechstunde.reihe.anzahl == 26 and sprechstunde.reihe.termine.count() == 26
    assert sprechstunde.datum.weekday() == 1  # a Tuesday
    workshop = Veranstaltung.objects.get(slug="beispiel-workshop")
    assert workshop.anmeldung and workshop.plaetze == 3 and workshop.anmeldefrage_ar
    assert all(v.titel.startswith("Beispiel") and "Beispiel" in v.kurztext for v in demo)


def test_demo_council_data_is_labelled_and_every_page_has_something_to_show(client):
    call_command("seed_content", "--demo")
    call_command("seed_content", "--demo")  # a second run adds nothing
    assert Person.objects.count() == 6 and all("(Beispiel)" in p.nachname for p in Person.objects.all())
    sitzungen = Sitzung.objects.filter(slug__startswith="beispiel-")
    assert sitzungen.count() == 2 and Tagesordnungspunkt.objects.filter(sitzung__in=sitzungen).count() == 7
    assert Vorlage.objects.get().titel.startswith("Beispiel")
    # The real meeting of 14.11.2024 has no agenda, members or documents: the source names none.
    real = Sitzung.objects.get(slug="sitzung-des-integrationsrats")
    assert real.datum == datetime.date(2024, 11, 14) and not real.tagesordnungspunkte.exists()
    assert not real.dokumente.exists() and real.gremium.name == "Integrationsrat der Stadt Beckum"
    for dokument in Dokument.objects.all():
        assert "Beispiel" in dokument.name and dokument.groesse > 0 and "Beispiel" in dokument.text
        assert client.get(dokument.get_absolute_url()).status_code == 200


TRANSLATIONS = [code for code, _name in settings.LANGUAGES if code != settings.LANGUAGE_CODE]


@pytest.mark.parametrize("lang", TRANSLATIONS)
def test_every_language_has_exactly_the_german_texts(lang):
    german = loader.key_paths(loader.load("de"))
    translated = loader.key_paths(loader.load(lang))
    assert sorted(translated - german, key=str) == [], f"{lang}.toml has entries German does not have"
    assert sorted(german - translated, key=str) == [], f"{lang}.toml lacks entries"


@pytest.mark.parametrize("lang", [code for code, _name in settings.LANGUAGES])
def test_every_text_is_filled_in_and_the_topic_list_names_the_topics(lang):
    texte = loader.load(lang)
    leaves = {path: value for path in loader.key_paths(texte) if (value := leaf(texte, path)) is not None}
    assert [path for path, value in leaves.items() if not loader.is_text(value)] == []
    # The about page lists the topics by name: the same names as the topics themselves.
    titles = [thema["titel"] for thema in texte["themen"].values()]
    assert texte["seiten"]["ueber-uns"]["abschnitte"]["themen"]["zeilen"] == titles


def leaf(data, path):
    for key in path:
        data = data[key]
    return data


def test_the_structure_belongs_to_existing_texts():
    texte = loader.load("de")
    texte["seiten"].update(loader.load("leichte_sprache")["seiten"])
    struktur = loader.load("struktur")
    for schluessel, seite in struktur["seiten"].items():
        assert list(seite["abschnitte"]) == list(texte["seiten"][schluessel]["abschnitte"]), schluessel
    assert set(struktur["seiten"]) == set(texte["seiten"])
    assert set(struktur["beispiele"]["termine"]) == set(texte["beispiele"]["termine"])


def test_key_paths_count_list_entries():
    assert loader.key_paths({"a": {"b": ["x", "y"]}, "c": "z"}) == {("a", "b", 0), ("a", "b", 1), ("c",)}


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda data: data["themen"]["fest-der-kulturen"].pop("kurztext"), "fehlt"),
        (lambda data: data["themen"]["fest-der-kulturen"].update(kurztext="  "), "ist leer"),
        (lambda data: data["themen"]["fest-der-kulturen"]["punkte"].append(""), "ist leer"),
    ],
    ids=["missing", "blank", "blank-list-entry"],
)
def test_a_missing_or_empty_translation_stops_the_seed_with_its_name(monkeypatch, change, message):
    load = loader.load

    def broken(name):
        data = load(name)
        if name == "tr":
            change(data)
        return data

    monkeypatch.setattr(loader, "load", broken)
    with pytest.raises(CommandError, match=rf"tr\.toml: „themen\.fest-der-kulturen\.(kurztext|punkte)“ {message}"):
        call_command("seed_content")
    assert not Thema.objects.exists()  # all or nothing: the command runs in one transaction
