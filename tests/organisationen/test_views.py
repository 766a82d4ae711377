"""The directory's public pages: the list with its filters, an entry's page, search, sitemap, privacy."""

import datetime
import re
from unittest import mock

import pytest
from django.conf import settings
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format

from organisationen.views import OrganisationListView
from tests.factories import make_image_upload, make_organisation, make_thema

pytestmark = pytest.mark.django_db

LIST = reverse("organisationen:list")


def names(response) -> list[str]:
    return re.findall(r'<h2 class="news-card__title"><a href="[^"]*">([^<]*)</a>', response.content.decode())


@pytest.fixture
def verzeichnis():
    return {
        "arabisch": make_organisation(name="Arabischer Verein", sprachen=["ar", "de"], angebote=["beratung"]),
        "tuerkisch": make_organisation(name="Türkischer Verein", sprachen=["tr"], angebote=["sport", "beratung"]),
        "alt": make_organisation(
            name="Alter Verein", sprachen=["ar"], zuletzt_bestaetigt=timezone.localdate() - datetime.timedelta(days=731)
        ),
        "entwurf": make_organisation(name="Entwurfsverein", sprachen=["ar"], veroeffentlicht=False),
    }


def test_the_list_shows_published_entries_with_languages_and_offers(client, verzeichnis):
    response = client.get(LIST)
    assert response.status_code == 200
    assert names(response) == ["Arabischer Verein", "Türkischer Verein"]
    page = response.content.decode()
    assert "2 Organisationen" in page and "Arabisch, Deutsch" in page and "Beratung, Sport" in page


def test_filter_by_language_and_offer(client, verzeichnis):
    assert names(client.get(LIST, {"sprache": "ar"})) == ["Arabischer Verein"]
    assert names(client.get(LIST, {"angebot": "beratung"})) == ["Arabischer Verein", "Türkischer Verein"]
    assert names(client.get(LIST, {"sprache": "tr", "angebot": "sport"})) == ["Türkischer Verein"]
    page = client.get(LIST, {"sprache": "ar"}).content.decode()
    assert '<option value="ar" selected>' in page and "1 Organisation" in page


def test_the_filter_offers_only_languages_and_offers_of_public_entries(client, verzeichnis):
    page = client.get(LIST).content.decode()
    assert '<option value="tr">Türkisch</option>' in page and '<option value="ar">Arabisch</option>' in page
    assert 'value="uk"' not in page and 'value="jugend"' not in page


@pytest.mark.parametrize(
    "query",
    [
        {"sprache": "xx"},
        {"angebot": "gibt-es-nicht"},
        {"sprache": "uk"},  # exists, but no public entry speaks it
        {"sprache": "<script>", "angebot": "'; drop table"},
        {"sprache": "a" * 5000},
    ],
)
def test_unknown_filter_values_show_the_whole_list_with_a_notice(client, verzeichnis, query):
    response = client.get(LIST, query)
    assert response.status_code == 200
    assert names(response) == ["Arabischer Verein", "Türkischer Verein"]
    assert "Diese Auswahl gibt es im Verzeichnis nicht" in response.content.decode()


def test_known_filters_are_page_cached_and_junk_never(settings, verzeichnis):
    settings.PAGE_CACHE_SECONDS = 300
    from django.core.cache import cache

    def stored() -> set[str]:
        return {str(key).split("/organisationen/", 1)[1] for key in cache._cache if "/organisationen/?" in str(key)}

    for query in ({"sprache": "xx"}, {"angebot": "junk", "sprache": "ar"}, {"sprache": "ar" * 40}):
        assert "Diese Auswahl gibt es im Verzeichnis nicht" in Client().get(LIST, query).content.decode()
    assert stored() == set()
    for query in ({"sprache": "ar"}, {"angebot": "beratung", "sprache": "ar"}, {"utm_source": "x"}):
        assert Client().get(LIST, query).status_code == 200
    assert stored() == {"?sprache=ar", "?sprache=ar&angebot=beratung", "?"}
    # The second visit is the cached page: the view does not run, and shows the same entries.
    with mock.patch.object(OrganisationListView, "get_queryset", side_effect=AssertionError("not cached")):
        page = Client().get(LIST, {"angebot": "beratung", "sprache": "ar"}).content.decode()
    assert "Arabischer Verein" in page and "Türkischer Verein" not in page


def test_an_entry_page_shows_everything_public(client):
    thema = make_thema(titel="Austausch", slug="austausch")
    organisation = make_organisation(
        name="Kulturverein",
        sprachen=["ar"],
        angebote=["sport"],
        themen=[thema],
        treffpunkt="Marktplatz 1",
        treffzeiten="Freitags 18 Uhr",
        website="https://kultur.example.org",
        kontakt_email="info@kultur.example.org",
        kontakt_telefon="02521 1234",
        bild=make_image_upload(),
        bild_alt="Das Logo: eine Sonne",
        ansprechperson_name="Geheime Ansprechperson",
        ansprechperson_email="privat@example.org",
    )
    page = client.get(organisation.get_absolute_url()).content.decode()
    for text in ("Kulturverein", "Arabisch", "Sport", "Marktplatz 1", "Freitags 18 Uhr", 'alt="Das Logo: eine Sonne"'):
        assert text in page, text
    assert 'href="https://kultur.example.org" rel="noopener noreferrer external"' in page
    assert 'href="mailto:info@kultur.example.org"' in page and 'href="tel:025211234"' in page
    assert f'href="{thema.get_absolute_url()}"' in page
    assert f"zuletzt am {date_format(timezone.localdate())} bestätigt" in page
    # Who proposed it is never on a public page.
    assert "privat@example.org" not in page and "Geheime Ansprechperson" not in page


def test_contact_fields_appear_only_when_filled(client):
    organisation = make_organisation(name="Ohne Kontakt")
    page = client.get(organisation.get_absolute_url()).content.decode()
    assert "<h2>Kontakt</h2>" not in page and "mailto:" not in page.split("<main")[1].split("</main>")[0]


def test_hidden_drafts_and_unknown_entries_answer_404(client, verzeichnis):
    for key in ("alt", "entwurf"):
        assert client.get(verzeichnis[key].get_absolute_url()).status_code == 404
    assert client.get(reverse("organisationen:detail", kwargs={"slug": "gibt-es-nicht"})).status_code == 404


def test_staff_preview_drafts(client, admin_user, verzeichnis):
    client.force_login(admin_user)
    response = client.get(verzeichnis["entwurf"].get_absolute_url())
    assert response.status_code == 200 and "Vorschau:" in response.content.decode()


@pytest.mark.parametrize("lang", [code for code, _name in settings.LANGUAGES])
def test_the_pages_speak_every_language(client, verzeichnis, lang):
    prefix = "" if lang == "de" else f"/{lang}"
    direction = "rtl" if lang == "ar" else "ltr"
    for url in (LIST, verzeichnis["arabisch"].get_absolute_url(), reverse("organisationen:vorschlagen")):
        response = client.get(prefix + url)
        assert response.status_code == 200
        assert f'<html lang="{lang}" dir="{direction}">' in response.content.decode()


def test_the_sitemap_lists_only_public_entries(client, verzeichnis):
    xml = client.get("/sitemap.xml").content.decode()
    assert verzeichnis["arabisch"].get_absolute_url() in xml and f"{LIST}<" in xml
    assert verzeichnis["alt"].get_absolute_url() not in xml
    assert verzeichnis["entwurf"].get_absolute_url() not in xml


def test_the_footer_links_the_directory(client):
    assert f'href="{LIST}"' in client.get("/").content.decode()
