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
    today = timezone.localdate()
    make_veranstaltung(titel="Heute", datum=today, beginn=None, thema=make_thema(slug="fest"))
    assert "Uhrzeit wird noch bekanntgegeben" in client.get("/themen/fest/").content.decode()
    with mock.patch("django.utils.timezone.localdate", return_value=today + datetime.timedelta(days=1)):
        page = client.get("/themen/fest/").content.decode()
    assert "Heute" in page and "Uhrzeit wird noch bekanntgegeben" not in page  # now among the past events


def test_staff_preview_of_a_draft_never_reaches_the_public(client):
    make_thema(slug="entwurf", titel="Geheimer Entwurf", veroeffentlicht=False)
    staff = type(client)()
    staff.force_login(make_staff("redakteurin", "Redaktion"))
    assert staff.get("/themen/entwurf/").status_code == 200
    assert client.get("/themen/entwurf/").status_code == 404
    assert "Geheimer Entwurf" not in client.get("/themen/").content.decode()
