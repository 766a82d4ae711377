"""The Redaktion's start page in the admin: what needs doing, each line linking to where it is done."""

import datetime

import pytest
from django.test import Client
from django.utils import timezone

from tests.factories import make_ort, make_rueckblick, make_staff, make_thema, make_veranstaltung

pytestmark = pytest.mark.django_db


@pytest.fixture
def redaktion():
    client = Client()
    client.force_login(make_staff("redakteurin", "Redaktion"))
    return client


def section(page: str, title: str) -> str:
    """The HTML of the dashboard section titled `title`."""
    start = page.index(f">{title}")
    return page[start : page.index("</section>", start)]


def test_drafts_and_scheduled_items_link_to_their_forms(redaktion):
    entwurf = make_thema(slug="entwurf", titel="Halb fertig", veroeffentlicht=False)
    geplant = make_veranstaltung(titel="Kommt bald", veroeffentlichen_ab=timezone.now() + datetime.timedelta(days=3))
    make_thema(slug="fertig", titel="Längst online")
    make_thema(slug="geht", titel="Nur bis Montag", veroeffentlichen_bis=timezone.now() + datetime.timedelta(days=1))
    page = redaktion.get("/admin/").content.decode()
    drafts = section(page, "Entwürfe")
    assert "Halb fertig" in drafts and f"/admin/themen/thema/{entwurf.pk}/change/" in drafts
    assert "Längst online" not in drafts
    scheduled = section(page, "Geplant")
    assert "Kommt bald" in scheduled and "erscheint" in scheduled
    assert f"/admin/veranstaltungen/veranstaltung/{geplant.pk}/change/" in scheduled
    assert "Nur bis Montag" in scheduled and "endet" in scheduled  # what will go, too
    assert scheduled.index("Nur bis Montag") < scheduled.index("Kommt bald")  # in order of time


def test_translations_missing_or_outdated_per_language_link_to_the_filtered_list(redaktion):
    aktuell = make_thema(slug="aktuell", titel="Aktuell", titel_en="Current")
    veraltet = make_thema(slug="veraltet", titel="Alt", titel_en="Old")
    veraltet.titel_de = "Neu geschrieben"
    veraltet.save()
    ohne = make_thema(slug="ohne", titel="Ohne Englisch")
    page = redaktion.get("/admin/").content.decode()
    lines = section(page, "Übersetzungen")
    assert "Themen – Englisch: 1 ohne Übersetzung" in lines
    assert "Themen – Englisch: 1 mit veralteter Übersetzung" in lines
    assert "Themen – Arabisch: 3 ohne Übersetzung" in lines
    assert "?uebersetzung=en-fehlt" in lines and "?uebersetzung=en-veraltet" in lines
    missing = redaktion.get("/admin/themen/thema/", {"uebersetzung": "en-fehlt"}).context["cl"].result_list
    outdated = redaktion.get("/admin/themen/thema/", {"uebersetzung": "en-veraltet"}).context["cl"].result_list
    assert list(missing) == [ohne] and list(outdated) == [veraltet]
    assert aktuell not in missing and aktuell not in outdated
    # an unknown value from an old link shows the whole list, never an error
    assert redaktion.get("/admin/themen/thema/", {"uebersetzung": "xx-kaputt"}).status_code == 200


def test_upcoming_events_without_place_or_time(redaktion):
    make_veranstaltung(titel="Ohne Ort", ort=None)
    make_veranstaltung(titel="Ohne Uhrzeit", beginn=None, ort=make_ort())
    make_veranstaltung(titel="Vollständig", ort=make_ort())
    make_veranstaltung(titel="Vorbei ohne Ort", ort=None, tage=-3)
    make_veranstaltung(titel="Abgesagt ohne Ort", ort=None, abgesagt=True)
    lines = section(redaktion.get("/admin/").content.decode(), "Kommende Termine ohne Ort oder Uhrzeit")
    assert "Ohne Ort" in lines and "Ort fehlt" in lines and "Ohne Uhrzeit" in lines and "Uhrzeit fehlt" in lines
    assert "Vollständig" not in lines and "Vorbei ohne Ort" not in lines and "Abgesagt" not in lines


def test_links_to_unpublished_or_deleted_pages_are_listed(redaktion):
    make_thema(slug="entwurf", veroeffentlicht=False)
    make_thema(slug="oeffentlich")
    links = (
        '<p><a href="/themen/entwurf/">Entwurf</a> <a href="/en/themen/geloescht/">weg</a> '
        '<a href="/themen/oeffentlich/">gut</a> <a href="https://example.org/themen/x/">extern</a> '
        '<a href="mailto:info@example.org">Mail</a> <a href="/gibt-es-gar-nicht/">kaputt</a> '
        '<a href="/rueckblick/1999/">leeres Jahr</a> <a href="/rueckblick/2030/">Rückblick</a></p>'
    )
    make_rueckblick(jahr=2030)
    quelle = make_thema(slug="quelle", titel="Mit Links", beschreibung=links)
    lines = section(redaktion.get("/admin/").content.decode(), "Links auf nicht veröffentlichte oder gelöschte Seiten")
    for broken in ("/themen/entwurf/", "/en/themen/geloescht/", "/gibt-es-gar-nicht/", "/rueckblick/1999/"):
        assert broken in lines, broken
    for fine in ("/themen/oeffentlich/", "example.org", "mailto:", "/rueckblick/2030/"):
        assert fine not in lines, fine
    assert f"/admin/themen/thema/{quelle.pk}/change/" in lines


def test_each_role_sees_only_what_it_may_edit(client):
    make_thema(slug="entwurf", veroeffentlicht=False)
    client.force_login(make_staff("berater", "Beratung"))
    page = client.get("/admin/").content.decode()
    assert "Entwürfe" not in page and "Geplant" not in page and "Links auf" not in page
    assert "Themen –" not in page  # the topics' translations are the Redaktion's


def test_the_start_page_asks_the_database_as_often_with_many_items_as_with_few(redaktion, settings):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def queries() -> int:
        with CaptureQueriesContext(connection) as context:
            assert redaktion.get("/admin/").status_code == 200
        return len(context.captured_queries)

    def add(n: int, start: int, *, links: bool = False) -> None:
        for i in range(start, start + n):
            text = f'<p><a href="/themen/t{i + 1}/">x</a></p>' if links else "<p>ohne Link</p>"
            make_thema(slug=f"t{i}", veroeffentlicht=i % 2 == 0, beschreibung=text)
            make_veranstaltung(titel=f"V{i}", ort=None, veroeffentlichen_ab=timezone.now() + datetime.timedelta(days=i))

    settings.FRAGMENT_CACHE_SECONDS = 0  # every request looks everything up: counts comparable
    add(2, 0, links=True)
    queries()  # the first request of a session reads what later ones have in memory
    few = queries()
    add(20, 2)
    queries()  # after a save: when scheduled content next changes is looked up once for everyone
    assert queries() <= few  # drafts, scheduled items, events, translations: counted in the database
    add(5, 30, links=True)
    queries()
    assert queries() <= few + 5  # each link target is looked up once (as the public page would)


def test_lists_without_a_translation_state_offer_no_translation_filter(redaktion):
    """Found in review: places have translated names but no state, and the filter was a 500."""
    page = redaktion.get("/admin/veranstaltungen/ort/")
    assert page.status_code == 200 and "uebersetzung=" not in page.content.decode()
    assert redaktion.get("/admin/veranstaltungen/ort/", {"uebersetzung": "en-fehlt"}).status_code in (200, 302)


def test_a_malformed_link_is_listed_not_a_broken_start_page(redaktion):
    make_thema(slug="quelle", beschreibung='<p><a href="//[abc/">kaputt</a> <a href="/themen/quelle">ok</a></p>')
    response = redaktion.get("/admin/")
    assert response.status_code == 200
    lines = section(response.content.decode(), "Links auf nicht veröffentlichte oder gelöschte Seiten")
    assert "//[abc/" in lines and "/themen/quelle<" not in lines  # without the slash it redirects: fine
