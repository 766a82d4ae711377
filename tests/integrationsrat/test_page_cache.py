"""Cached pages are fast and never stale: an editor's save shows on the public site at once."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests.factories import make_staff, make_thema, make_veranstaltung

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def page_cache(settings):
    settings.PAGE_CACHE_SECONDS = 300


def queries(client, url):
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url)
    return response, len(ctx.captured_queries)


def test_second_anonymous_visit_is_served_from_cache_without_queries(client):
    make_thema(slug="fest", titel="Fest der Kulturen")
    first, n_first = queries(client, "/themen/fest/")
    second, n_second = queries(client, "/themen/fest/")
    assert n_first > 0 and n_second == 0
    assert first.content == second.content


def test_editor_save_in_the_admin_is_visible_at_once(client):
    thema = make_thema(slug="fest", titel="Fest der Kulturen")
    make_veranstaltung(titel="Sommerfest", thema=thema)
    assert "Fest der Kulturen" in client.get("/themen/fest/").content.decode()
    assert "Sommerfest" in client.get("/").content.decode()

    editor = make_staff("redakteurin", "Redaktion")
    staff = type(client)()
    staff.force_login(editor)
    response = staff.post(
        reverse("admin:themen_thema_change", args=[thema.pk]),
        {
            "titel_de": "Fest der Kulturen 2027",
            "slug": "fest",
            "kurztext_de": thema.kurztext,
            "punkte_de": thema.punkte,
            "reihenfolge": 0,
            "veroeffentlicht": "on",
        },
    )
    assert response.status_code == 302
    assert "Fest der Kulturen 2027" in client.get("/themen/fest/").content.decode()
    assert "Fest der Kulturen 2027" in client.get("/").content.decode()  # the start page lists the topic too


def test_deleting_or_unpublishing_is_visible_at_once(client):
    event = make_veranstaltung(titel="Bald abgesagt")
    assert "Bald abgesagt" in client.get("/veranstaltungen/").content.decode()
    event.veroeffentlicht = False
    event.save()
    assert "Bald abgesagt" not in client.get("/veranstaltungen/").content.decode()
    assert client.get(event.get_absolute_url()).status_code == 404


def test_languages_are_cached_separately(client):
    make_thema(slug="fest", titel="Fest", titel_en="Festival")
    assert "Festival" not in client.get("/themen/fest/").content.decode()
    assert "Festival" in client.get("/en/themen/fest/").content.decode()
    assert "Festival" not in client.get("/themen/fest/").content.decode()


def test_forms_and_staff_are_never_served_from_cache(client):
    draft = make_thema(slug="entwurf", veroeffentlicht=False)
    import re

    def tokens(page):
        return re.findall(r'name="(?:csrfmiddlewaretoken|gestartet)" value="([^"]+)"', page)

    first = client.get("/anfrage/")
    second = type(client)().get("/anfrage/")
    # Each visitor gets their own CSRF cookie and tokens, even when the page around them is reused.
    assert "csrftoken" in first.cookies and "csrftoken" in second.cookies
    assert len(tokens(first.content.decode())) == 2 and not set(tokens(first.content.decode())) & set(
        tokens(second.content.decode())
    )
    assert "__CSRF_TOKEN__" not in second.content.decode() and "__START_TOKEN__" not in second.content.decode()
    staff = type(client)()
    staff.force_login(make_staff("redakteurin", "Redaktion"))
    assert client.get(draft.get_absolute_url()).status_code == 404
    assert staff.get(draft.get_absolute_url()).status_code == 200  # preview, not the cached 404


def test_a_save_also_renews_the_version_after_commit(django_capture_on_commit_callbacks):
    """A page rendered between the save and its commit would show the old state; it must not stay current."""
    from django.core.cache import cache

    from integrationsrat.cache import VERSION_KEY

    thema = make_thema()
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        thema.save()
        during = cache.get(VERSION_KEY)
    for callback in callbacks:
        callback()
    assert cache.get(VERSION_KEY) != during


def test_form_page_is_not_cached_without_a_shared_cache(client, settings):
    from anfragen.models import Themenbereich

    settings.PAGE_CACHE_SECONDS = 0
    client.get("/anfrage/")
    Themenbereich.objects.create(name="Neu im Formular")
    assert "Neu im Formular" in client.get("/anfrage/").content.decode()
