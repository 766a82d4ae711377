"""Leichte Sprache: the site explained (BITV 2.0 § 4), the topics and the events overview, linked where they belong."""

import pytest
from django.core.management import call_command
from django.urls import reverse

from seiten.models import Seite
from tests.factories import make_thema

pytestmark = pytest.mark.django_db

LS_SEITEN = {
    "seiten:leichte-sprache": "/leichte-sprache/",
    "seiten:themen-leichte-sprache": "/leichte-sprache/themen/",
    "seiten:termine-leichte-sprache": "/leichte-sprache/termine/",
}


@pytest.fixture
def seeded():
    call_command("seed_content")


def test_the_pages_exist_in_leichte_sprache_after_the_seed(client, seeded):
    for name, path in LS_SEITEN.items():
        assert reverse(name) == path
        response = client.get(path)
        assert response.status_code == 200, path
        assert "·" in response.content.decode()  # the Mediopunkt of long words


def test_the_explanation_covers_content_navigation_accessibility_and_more_leichte_sprache(client, seeded):
    page = client.get("/leichte-sprache/").content.decode()
    for heading in (
        "Was steht auf dieser Internet·seite?",
        "So finden Sie sich zurecht",
        "Ist die Internet·seite barriere·frei?",
        "Wo gibt es mehr Leichte Sprache?",
    ):
        assert f">{heading}</h2>" in page, heading
    for ziel in (
        "seiten:ueber-uns-leichte-sprache",
        "anfragen:leichte_sprache",
        "seiten:sitzungen-leichte-sprache",
        "seiten:themen-leichte-sprache",
        "seiten:termine-leichte-sprache",
        "seiten:barriere_melden",
        "seiten:gebaerdensprache",
        "seiten:barrierefreiheit",
    ):
        assert f'href="{reverse(ziel)}"' in page, ziel


def test_the_topics_and_events_overviews_link_to_leichte_sprache_for_german_visitors(client, seeded):
    make_thema(slug="wohnen")
    assert 'href="/leichte-sprache/themen/"' in client.get("/themen/").content.decode()
    assert 'href="/leichte-sprache/termine/"' in client.get("/veranstaltungen/").content.decode()
    # Leichte Sprache is easy German: other languages get the link at the top only, to the explanation.
    english = client.get("/en/themen/").content.decode()
    assert "leichte-sprache/themen/" not in english and 'href="/leichte-sprache/"' in english


def test_a_topic_named_like_the_page_keeps_its_own_address(client, seeded):
    make_thema(slug="leichte-sprache", titel="Ein Thema")
    assert "Ein Thema" in client.get("/themen/leichte-sprache/").content.decode()
    assert client.get("/leichte-sprache/themen/").status_code == 200


def test_the_sitemap_lists_the_new_pages(client, seeded):
    sitemap = client.get("/sitemap.xml").content.decode()
    for path in [*LS_SEITEN.values(), "/gebaerdensprache/", "/barriere-melden/"]:
        assert f"{path}</loc>" in sitemap, path


def test_staff_edit_the_pages_like_the_other_leichte_sprache_pages(seeded):
    seite = Seite.objects.get(schluessel=Seite.Schluessel.LEICHTE_SPRACHE)
    assert seite.get_absolute_url() == "/leichte-sprache/" and seite.abschnitte.count() == 4
