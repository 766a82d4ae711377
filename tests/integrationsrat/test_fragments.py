"""Renders without the page cache reuse cards, tiles and facts, and still never show an old state."""

import datetime
from unittest import mock

import pytest
from django.utils import timezone

from tests.factories import make_ort, make_rueckblick, make_staff, make_thema, make_veranstaltung

pytestmark = pytest.mark.django_db
# Each page and what it shows of the event and its topic.
PAGES = {
    "/": ("Herbstfest", "Kulturfest"),
    "/themen/": ("Kulturfest",),
    "/themen/fest/": ("Herbstfest", "Kulturfest"),
    "/veranstaltungen/": ("Herbstfest", "Kulturfest"),
    "/veranstaltungen/2030/": ("Herbstfest", "Kulturfest"),
    "/rueckblick/2030/": ("Herbstfest", "Kulturfest"),
}


def test_a_save_shows_at_once_on_every_page_that_reuses_the_card(client):
    thema = make_thema(slug="fest", titel="Fest")
    event = make_veranstaltung(titel="Sommerfest", thema=thema, datum=datetime.date(2030, 6, 1), ort=make_ort())
    make_rueckblick(jahr=2030, themen=[thema])
    for url in PAGES:
        assert client.get(url).status_code == 200, url  # fragments and facts are now in memory
    event.titel = "Herbstfest"
    event.save()
    thema.titel = "Kulturfest"
    thema.save()
    for url, expected in PAGES.items():
        page = client.get(url).content.decode()
        assert "Sommerfest" not in page and all(text in page for text in expected), url


def test_a_card_reads_differently_once_its_day_has_passed(client):
    """The day is part of the keys of cards and facts: tomorrow the event is past, on every page."""
    today = timezone.localdate()
    make_veranstaltung(titel="Heute", datum=today, beginn=None, thema=make_thema(slug="fest"))
    archive = f"/veranstaltungen/{today.year}/"
    page = client.get("/themen/fest/").content.decode()
    assert "Vergangene Termine" not in page
    assert "Heute" in page and "Uhrzeit wird noch bekanntgegeben" in page
    assert "Uhrzeit wird noch bekanntgegeben" in client.get(archive).content.decode()
    with mock.patch("django.utils.timezone.localdate", return_value=today + datetime.timedelta(days=1)):
        page = client.get("/themen/fest/").content.decode()
        year = client.get(archive).content.decode()
        listed = client.get("/veranstaltungen/").content.decode()
    assert "Vergangene Termine" in page
    upcoming, past = page.split("Vergangene Termine", 1)
    assert "Heute" not in upcoming and "Heute" in past
    assert "Heute" in year and "Uhrzeit wird noch bekanntgegeben" not in year
    assert "Heute" not in listed


def test_staff_preview_of_a_draft_never_reaches_the_public(client):
    make_thema(slug="entwurf", titel="Geheimer Entwurf", veroeffentlicht=False)
    staff = type(client)()
    staff.force_login(make_staff("redakteurin", "Redaktion"))
    assert staff.get("/themen/entwurf/").status_code == 200
    assert client.get("/themen/entwurf/").status_code == 404
    assert "Geheimer Entwurf" not in client.get("/themen/").content.decode()


@pytest.mark.parametrize(("seconds", "kept"), [(300, True), (0, False)])
def test_fragment_cache_seconds_zero_keeps_no_fragment(client, settings, seconds, kept):
    """0 while developing: a template edit shows at once, header and footer included."""
    from django.core.cache import caches
    from django.core.cache.utils import make_template_fragment_key

    settings.FRAGMENT_CACHE_SECONDS = seconds
    client.get("/themen/")
    fragments = caches["fragmente"]
    stored = [
        fragments.get(make_template_fragment_key(name, vary_on))
        for name, vary_on in (("kopf", ["de", "/themen/"]), ("fuss", ["de"]), ("hilfe", ["de"]))
    ]
    assert [html is not None for html in stored] == [kept] * 3
