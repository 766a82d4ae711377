"""Scheduled publishing: an item appears at its minute and goes at its end, without anyone saving then.

The page cache must follow on its own: tested with the clock moved (time-machine)
on the cache directory and on Redis, with cache lifetimes far longer than the
moves, so that only the schedule can make a page fresh.
"""

import datetime
from unittest import mock

import pytest
import time_machine
from django.core.cache import cache
from django.test import Client
from django.utils import timezone

from integrationsrat import cache as content_cache
from tests.factories import make_staff, make_thema, make_veranstaltung, thema_admin_form
from tests.redis_support import REAL_REDIS, redis_settings
from veranstaltungen.models import Veranstaltung

pytestmark = pytest.mark.django_db
START = datetime.datetime(2030, 3, 1, 9, 0, tzinfo=datetime.UTC)


@pytest.fixture(params=["dateien", "redis"])
def shared_cache(request, settings, tmp_path):
    if request.param == "redis":
        request.getfixturevalue("real_redis")
        redis_settings(settings, REAL_REDIS)
    else:
        settings.CACHES = {
            **settings.CACHES,
            "default": {"BACKEND": "django.core.cache.backends.filebased.FileBasedCache", "LOCATION": str(tmp_path)},
        }
    # Far longer than the clock moves below: nothing may become fresh by simply expiring.
    settings.PAGE_CACHE_SECONDS = 24 * 60 * 60
    settings.FRAGMENT_CACHE_SECONDS = 24 * 60 * 60
    cache.clear()
    yield request.param
    cache.clear()


def shows(url: str, text: str) -> bool:
    response = Client().get(url)
    return response.status_code == 200 and text in response.content.decode()


def test_a_scheduled_event_appears_at_its_minute_and_an_ending_one_goes(shared_cache):
    with time_machine.travel(START, tick=False) as clock:
        neu = make_veranstaltung(titel="Neu geplant", veroeffentlichen_ab=START + datetime.timedelta(minutes=10))
        alt = make_veranstaltung(titel="Läuft ab", veroeffentlichen_bis=START + datetime.timedelta(minutes=20))
        assert not shows("/veranstaltungen/", "Neu geplant") and shows("/veranstaltungen/", "Läuft ab")
        assert Client().get(neu.get_absolute_url()).status_code == 404
        clock.move_to(START + datetime.timedelta(minutes=9, seconds=59))
        assert not shows("/veranstaltungen/", "Neu geplant")  # not a second early
        assert not shows("/", "Neu geplant")
        clock.move_to(START + datetime.timedelta(minutes=10))
        assert shows("/veranstaltungen/", "Neu geplant") and shows("/", "Neu geplant")
        assert shows(neu.get_absolute_url(), "Neu geplant")
        clock.move_to(START + datetime.timedelta(minutes=20, seconds=1))
        assert not shows("/veranstaltungen/", "Läuft ab") and not shows("/", "Läuft ab")
        assert Client().get(alt.get_absolute_url()).status_code == 404


def test_a_scheduled_topic_appears_on_every_page_that_lists_it(shared_cache):
    with time_machine.travel(START, tick=False) as clock:
        make_thema(slug="bald", titel="Bald da", veroeffentlichen_ab=START + datetime.timedelta(hours=2))
        assert not shows("/themen/", "Bald da") and Client().get("/themen/bald/").status_code == 404
        clock.move_to(START + datetime.timedelta(hours=2, seconds=30))
        assert shows("/themen/", "Bald da") and shows("/themen/bald/", "Bald da") and shows("/", "Bald da")


def test_without_the_schedule_the_cached_page_would_stay_old(shared_cache, monkeypatch):
    """Guards the tests above: with these cache lifetimes, only the schedule renews the page."""
    monkeypatch.setattr(content_cache, "_next_change", lambda: content_cache.NOTHING_SCHEDULED)
    with time_machine.travel(START, tick=False) as clock:
        make_veranstaltung(titel="Neu geplant", veroeffentlichen_ab=START + datetime.timedelta(minutes=10))
        assert not shows("/veranstaltungen/", "Neu geplant")
        clock.move_to(START + datetime.timedelta(minutes=11))
        assert not shows("/veranstaltungen/", "Neu geplant")


def test_staff_see_a_scheduled_item_as_a_preview():
    thema = make_thema(slug="bald", titel="Bald da", veroeffentlichen_ab=timezone.now() + datetime.timedelta(days=1))
    staff = Client()
    staff.force_login(make_staff("redakteurin", "Redaktion"))
    page = staff.get(thema.get_absolute_url()).content.decode()
    assert "Bald da" in page and "Vorschau:" in page and "Diese Seite erscheint am" in page
    assert Client().get(thema.get_absolute_url()).status_code == 404
    thema.veroeffentlichen_ab, thema.veroeffentlichen_bis = None, timezone.now() - datetime.timedelta(minutes=1)
    thema.save()
    assert "Die Veröffentlichung dieser Seite ist beendet" in staff.get(thema.get_absolute_url()).content.decode()


def test_an_end_before_the_start_is_refused_with_a_message_and_nothing_lost(client):
    thema = make_thema(slug="fest")
    client.force_login(make_staff("redakteurin", "Redaktion"))
    form = thema_admin_form(
        thema,
        kurztext_de="Mein neuer Text",
        veroeffentlichen_ab_0="10.03.2030",
        veroeffentlichen_ab_1="10:00",
        veroeffentlichen_bis_0="09.03.2030",
        veroeffentlichen_bis_1="10:00",
    )
    response = client.post(f"/admin/themen/thema/{thema.pk}/change/", form)
    page = response.content.decode()
    assert response.status_code == 200 and "muss nach „Veröffentlichen ab“ liegen" in page
    assert "Mein neuer Text" in page


def test_the_admin_list_says_what_is_visible_and_filters_by_it(client):
    now = timezone.now()
    make_veranstaltung(titel="Öffentlich")
    make_veranstaltung(titel="Geplant", veroeffentlichen_ab=now + datetime.timedelta(days=2))
    make_veranstaltung(titel="Abgelaufen", veroeffentlichen_bis=now - datetime.timedelta(minutes=1))
    make_veranstaltung(titel="Entwurf", veroeffentlicht=False)
    client.force_login(make_staff("redakteurin", "Redaktion"))
    page = client.get("/admin/veranstaltungen/veranstaltung/").content.decode()
    assert "Sichtbar" in page and "abgelaufen" in page and "Entwurf" in page and "ab " in page
    for wert, titel in (("oeffentlich", "Öffentlich"), ("geplant", "Geplant"), ("abgelaufen", "Abgelaufen")):
        liste = client.get("/admin/veranstaltungen/veranstaltung/", {"sichtbarkeit": wert}).context["cl"].result_list
        assert [v.titel for v in liste] == [titel], wert
    assert Veranstaltung.objects.published().count() == 1


def test_a_schedule_worked_out_for_an_older_version_does_not_count(shared_cache):
    """Found in review: a request that read the database before a save committed wrote its stale schedule after."""
    with time_machine.travel(START, tick=False) as clock:
        make_thema(slug="bald", titel="Bald da", veroeffentlichen_ab=START + datetime.timedelta(minutes=5))
        assert not shows("/themen/", "Bald da")
        # the late write of a request that began before the save: "nothing scheduled", for the old version
        cache.set(content_cache.SCHEDULE_KEY, ("eine-aeltere-version", content_cache.NOTHING_SCHEDULED), None)
        clock.move_to(START + datetime.timedelta(minutes=5, seconds=1))
        assert shows("/themen/", "Bald da")


def test_with_the_database_down_when_content_is_due_cached_pages_are_still_served(shared_cache):
    """Found in review: the schedule's query failed outside every guard, and even the 503 page crashed."""
    from django.db import OperationalError

    with time_machine.travel(START, tick=False) as clock:
        make_veranstaltung(titel="Neu geplant", veroeffentlichen_ab=START + datetime.timedelta(minutes=10))
        assert shows("/veranstaltungen/", "Termine")
        version = cache.get(content_cache.VERSION_KEY)
        clock.move_to(START + datetime.timedelta(minutes=11))
        with mock.patch("integrationsrat.cache._next_change", side_effect=OperationalError("weg")):
            response = Client().get("/veranstaltungen/")
            assert response.status_code == 200 and "Neu geplant" not in response.content.decode()  # from the cache
            assert cache.get(content_cache.VERSION_KEY) == version  # nothing thrown away
        clock.move_to(START + datetime.timedelta(minutes=11, seconds=content_cache.SCHEDULE_RETRY_SECONDS + 1))
        assert shows("/veranstaltungen/", "Neu geplant")  # the database is back: asked again


def test_an_event_links_its_topic_only_while_the_topic_is_public():
    """Found in review: the link of an event to its scheduled (or ended) topic led to a 404."""
    thema = make_thema(slug="bald", titel="Bald da", veroeffentlichen_ab=timezone.now() + datetime.timedelta(days=1))
    event = make_veranstaltung(titel="Termin", thema=thema)
    page = Client().get(event.get_absolute_url()).content.decode()
    assert "Bald da" in page and 'href="/themen/bald/"' not in page
    thema.veroeffentlichen_ab = None
    thema.save()
    assert 'href="/themen/bald/"' in Client().get(event.get_absolute_url()).content.decode()


def test_the_saving_request_works_out_the_schedule_so_visitors_do_not_wait(django_capture_on_commit_callbacks):
    ab = timezone.now() + datetime.timedelta(hours=3)
    with django_capture_on_commit_callbacks(execute=True):
        make_thema(slug="bald", veroeffentlichen_ab=ab)
    version, due = cache.get(content_cache.SCHEDULE_KEY)
    assert version == cache.get(content_cache.VERSION_KEY) and due == ab.timestamp()
