"""The API is cached like the pages: lists and objects once per content version, filtered lists never."""

from urllib.parse import quote

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from integrationsrat.page_cache import KEY_PREFIX
from tests.factories import make_sitzung
from tests.oparl.conftest import API, assert_error, assert_oparl_answer

pytestmark = pytest.mark.django_db

SINCE = "modified_since=" + quote("2024-01-01T00:00:00+01:00", safe="")


@pytest.fixture(autouse=True)
def page_cache(settings):
    settings.PAGE_CACHE_SECONDS = 300


def queries(client, url):
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url)
    return response, len(ctx.captured_queries)


def stored(path_and_query: str) -> bool:
    """Whether the page cache holds an answer under this (canonical) address."""
    return cache.get(f"{KEY_PREFIX}:de:{path_and_query}") is not None


def test_a_list_page_is_served_from_the_cache_the_second_time(client):
    make_sitzung(titel="Erste Sitzung")
    first, n_first = queries(client, f"{API}meeting")
    second, n_second = queries(client, f"{API}meeting")
    assert n_first > 0 and n_second == 0 and stored(f"{API}meeting?")
    assert second.content == first.content
    assert assert_oparl_answer(second)["data"][0]["name"] == "Erste Sitzung"
    # Page 1 spelled out, and parameters the API does not read, are answered from the same entry.
    for url in (f"{API}meeting?page=1", f"{API}meeting?utm_source=newsletter", f"{API}meeting?page=01&limit=5"):
        response, n = queries(client, url)
        assert n == 0 and response.content == first.content, url


def test_a_save_is_seen_at_once(client):
    sitzung = make_sitzung(titel="Vorher")
    assert "Vorher" in client.get(f"{API}meeting/{sitzung.pk}").content.decode()
    sitzung.titel = "Nachher"
    sitzung.save()
    assert "Nachher" in client.get(f"{API}meeting/{sitzung.pk}").content.decode()


def test_filtered_and_junk_requests_are_never_stored(client):
    make_sitzung()
    filtered = client.get(f"{API}meeting?{SINCE}")
    assert_oparl_answer(filtered)
    assert "private" in filtered["Cache-Control"]
    assert not stored(f"{API}meeting?{SINCE}")
    assert queries(client, f"{API}meeting?{SINCE}")[1] > 0
    for junk, status in (("modified_since=gestern", 400), ("page=abc", 400), ("page=7", 404)):
        assert_error(client.get(f"{API}meeting?{junk}"), status)
        assert not stored(f"{API}meeting?{junk}")
