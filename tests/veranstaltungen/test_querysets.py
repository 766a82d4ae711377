import datetime

import pytest
from django.contrib.auth.models import AnonymousUser

from tests.factories import make_staff, make_thema, make_veranstaltung
from veranstaltungen.models import Veranstaltung

pytestmark = pytest.mark.django_db


def test_published_excludes_drafts():
    public = make_veranstaltung()
    make_veranstaltung(veroeffentlicht=False)
    assert list(Veranstaltung.objects.published()) == [public]


def test_upcoming_includes_today_and_sorts_by_date_then_time():
    today = datetime.date(2026, 6, 1)
    later = make_veranstaltung(datum=today + datetime.timedelta(days=3))
    today_evening = make_veranstaltung(datum=today, beginn=datetime.time(19, 0))
    today_morning = make_veranstaltung(datum=today, beginn=datetime.time(9, 0))
    make_veranstaltung(datum=today - datetime.timedelta(days=1))
    assert list(Veranstaltung.objects.upcoming(today)) == [today_morning, today_evening, later]


def test_past_is_newest_first_and_excludes_today():
    today = datetime.date(2026, 6, 1)
    older = make_veranstaltung(datum=datetime.date(2025, 1, 1))
    newer = make_veranstaltung(datum=datetime.date(2026, 5, 31))
    make_veranstaltung(datum=today)
    assert list(Veranstaltung.objects.past(today)) == [newer, older]


def test_in_year_and_years():
    a = make_veranstaltung(datum=datetime.date(2024, 11, 14))
    make_veranstaltung(datum=datetime.date(2025, 3, 1))
    make_veranstaltung(datum=datetime.date(2025, 4, 1))
    assert list(Veranstaltung.objects.in_year(2024)) == [a]
    assert Veranstaltung.objects.years() == [2025, 2024]


def test_about_filters_by_topic():
    thema = make_thema()
    own = make_veranstaltung(thema=thema)
    make_veranstaltung(thema=make_thema())
    assert list(Veranstaltung.objects.about(thema)) == [own]


def test_visible_to_shows_drafts_only_to_staff_with_view_permission():
    draft = make_veranstaltung(veroeffentlicht=False)
    assert draft not in Veranstaltung.objects.visible_to(AnonymousUser())
    assert draft not in Veranstaltung.objects.visible_to(make_staff("berater", "Beratung"))
    assert draft in Veranstaltung.objects.visible_to(make_staff("redakteur", "Redaktion"))
