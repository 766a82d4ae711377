"""Cached pages are fast and never stale: an editor's save shows on the public site at once."""

import re

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from anfragen.models import Anfrage
from tests.factories import make_staff, make_thema, make_themenbereich, make_veranstaltung, thema_admin_form

pytestmark = pytest.mark.django_db
FORM = "/anfrage/"


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
        thema_admin_form(thema, titel_de="Fest der Kulturen 2027"),
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


def stored(url: str) -> bool:
    from django.core.cache import cache

    return cache.get(f"seite:de:{url}") is not None


def test_parameters_a_page_does_not_read_are_answered_from_the_clean_pages_cache():
    thema = make_thema(slug="fest")
    for tag in range(1, 23):
        make_veranstaltung(titel=f"Termin {tag}", tage=tag, thema=thema)
    clean, first = queries(Client(), "/veranstaltungen/?thema=fest&page=2")
    assert first > 0 and stored("/veranstaltungen/?thema=fest&page=2")
    for url in (
        "/veranstaltungen/?page=2&thema=fest",  # another order
        "/veranstaltungen/?thema=fest&page=2&utm_source=zeitung",
        "/veranstaltungen/?fbclid=abc123&thema=fest&page=02",
    ):
        response, n = queries(Client(), url)
        assert n == 0 and response.content == clean.content, url
    for url in ("/?fbclid=abc123", "/?utm_source=zeitung", "/?page=5", "/themen/fest/?page=2", "/?x=<script>"):
        Client().get(url.split("?")[0])
        response, n = queries(Client(), url)
        assert response.status_code == 200 and n == 0, url
    assert not [key for key in stored_keys() if "utm" in key or "fbclid" in key or "script" in key]


def stored_keys() -> list[str]:
    from django.core.cache import cache

    return [key.split(":", 2)[2] for key in cache._cache]  # LocMemCache's own keys (":1:seite:de:/...")


def test_a_page_never_sees_the_parameters_it_does_not_read():
    """Else a visitor's junk (or a link to another site) would be cached into the page everyone gets."""
    make_thema(slug="fest")
    page = Client().get("/veranstaltungen/?utm_source=%2F%2Fevil.example&thema=fest").content.decode()
    assert "evil.example" not in page and "utm_source" not in page
    assert 'href="/en/veranstaltungen/?thema=fest"' in page


def test_invalid_values_are_a_cheap_redirect_to_the_clean_address():
    thema = make_thema(slug="fest")
    make_veranstaltung(thema=thema)
    Client().get("/veranstaltungen/?thema=fest")  # the facts are cached with the first filtered visit
    for url, target in (
        ("/veranstaltungen/?thema=gibt-es-nicht", "/veranstaltungen/?hinweis=thema"),
        ("/veranstaltungen/?thema=fest&page=99", "/veranstaltungen/?thema=fest"),
        ("/veranstaltungen/?page=-1&utm_source=x", "/veranstaltungen/"),
        ("/en/veranstaltungen/?thema=%00", "/en/veranstaltungen/?hinweis=thema"),
    ):
        response, n = queries(Client(), url)
        assert (response.status_code, response["Location"], n) == (302, target, 0), url
        # a topic published a minute later must not stay redirected in the browser
        assert "max-age" not in response.get("Cache-Control", ""), url


def test_the_list_says_why_an_unknown_topic_shows_everything():
    make_veranstaltung(titel="Irgendwas")
    client = Client()
    page = client.get(client.get("/veranstaltungen/?thema=gibt-es-nicht")["Location"]).content.decode()
    assert "Dieses Thema gibt es nicht (mehr)" in page and "Irgendwas" in page
    assert "Dieses Thema gibt es nicht" not in client.get("/veranstaltungen/").content.decode()
    # the notice is only for the unfiltered list: with anything else it is dropped like any junk
    assert client.get("/veranstaltungen/?hinweis=page").status_code == 200
    assert "Dieses Thema gibt es nicht" not in client.get("/veranstaltungen/?hinweis=page").content.decode()


def test_languages_are_cached_separately(client):
    make_thema(slug="fest", titel="Fest", titel_en="Festival")
    assert "Festival" not in client.get("/themen/fest/").content.decode()
    assert "Festival" in client.get("/en/themen/fest/").content.decode()
    assert "Festival" not in client.get("/themen/fest/").content.decode()


def form_tokens(response) -> dict[str, str]:
    return dict(re.findall(r'name="(csrfmiddlewaretoken|gestartet)" value="([^"]+)"', response.content.decode()))


def send(client, page, bereich) -> int:
    data = {
        "email": "a@example.org",
        "themenbereich": bereich.pk,
        "nachricht": "Eine Frage zur Wohnung",
        "sprache": "de",
    }
    return client.post(FORM, {**data, **form_tokens(page), "einwilligung": "on"}).status_code


def test_the_form_page_is_cached_around_each_visitors_own_tokens():
    bereich = make_themenbereich(name="Wohnen")
    first_visitor, second_visitor = Client(enforce_csrf_checks=True), Client(enforce_csrf_checks=True)
    first, n_first = queries(first_visitor, FORM)
    second, n_second = queries(second_visitor, FORM)
    assert n_first > 0 and n_second == 0
    assert set(form_tokens(first)) == set(form_tokens(second)) == {"csrfmiddlewaretoken", "gestartet"}
    assert not set(form_tokens(first).values()) & set(form_tokens(second).values())
    assert first.cookies["csrftoken"].value != second.cookies["csrftoken"].value
    for page in (first, second):
        assert "__CSRF_TOKEN__" not in page.content.decode() and "__START_TOKEN__" not in page.content.decode()
        assert page["Content-Length"] == str(len(page.content))  # measured after the tokens went in
        assert "private" in page["Cache-Control"]  # no shared cache may keep a visitor's tokens
        assert page["X-Frame-Options"] == "DENY" and page["Content-Language"] == "de"
    # Cookie and token belong together, for the visitor served from the cache too.
    assert send(second_visitor, second, bereich) == 302
    assert send(first_visitor, first, bereich) == 302
    assert Anfrage.objects.count() == 2


def test_a_second_tab_keeps_the_visitors_csrf_cookie_so_the_first_tab_can_still_send():
    bereich = make_themenbereich(name="Wohnen")
    visitor = Client(enforce_csrf_checks=True)
    first_tab = visitor.get(FORM)
    cookie = visitor.cookies["csrftoken"].value
    visitor.get(FORM)  # served from the cache
    assert visitor.cookies["csrftoken"].value == cookie
    assert send(visitor, first_tab, bereich) == 302


def test_a_new_request_topic_shows_in_the_cached_form_at_once(client):
    from anfragen.models import Themenbereich

    client.get(FORM)
    Themenbereich.objects.create(name="Neu im Formular")
    assert "Neu im Formular" in client.get(FORM).content.decode()
    assert "Neu im Formular" in client.get("/ar/anfrage/").content.decode()


def test_staff_see_drafts_and_a_filled_form_never_the_cached_pages(client):
    draft = make_thema(slug="entwurf", veroeffentlicht=False)
    assert client.get(draft.get_absolute_url()).status_code == 404
    staff = Client()
    staff.force_login(make_staff("redakteurin", "Redaktion"))
    assert staff.get(draft.get_absolute_url()).status_code == 200  # preview, not the cached 404
    client.get(FORM)
    page = staff.get(FORM)
    assert "__CSRF_TOKEN__" not in page.content.decode() and set(form_tokens(page)) == {
        "csrfmiddlewaretoken",
        "gestartet",
    }


def test_an_advice_seekers_own_pages_are_kept_by_no_cache(client):
    bereich = make_themenbereich(name="Wohnen")
    assert send(client, client.get(FORM), bereich) == 302
    sent = client.get(reverse("anfragen:gesendet"))
    status = Client().get(Anfrage.objects.get().get_status_url())
    for page in (sent, status):
        assert page.status_code == 200
        assert "no-store" in page["Cache-Control"] and "private" in page["Cache-Control"]
    # Anyone asking later sees the status as it is now, never a stored copy of the page.
    anfrage = Anfrage.objects.get()
    anfrage.status = Anfrage.Status.IN_BEARBEITUNG
    anfrage.save()
    assert "in Bearbeitung" not in status.content.decode()
    assert "in Bearbeitung" in Client().get(anfrage.get_status_url()).content.decode()


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


def test_an_unwritable_cache_directory_is_reported_by_the_system_check(settings, tmp_path):
    from integrationsrat.checks import cache_directory_writable

    backend = "django.core.cache.backends.filebased.FileBasedCache"
    settings.CACHES = {"default": {"BACKEND": backend, "LOCATION": str(tmp_path / "cache")}}
    assert cache_directory_writable(None) == []
    (tmp_path / "a-file").write_text("not a directory")
    settings.CACHES = {"default": {"BACKEND": backend, "LOCATION": str(tmp_path / "a-file" / "cache")}}
    assert [error.id for error in cache_directory_writable(None)] == ["integrationsrat.E001"]


def test_keeping_the_csrf_token_in_the_session_is_refused_with_the_page_cache(settings):
    from integrationsrat.checks import csrf_token_in_a_cookie

    settings.CSRF_USE_SESSIONS = True
    assert [error.id for error in csrf_token_in_a_cookie(None)] == ["integrationsrat.E002"]
    settings.PAGE_CACHE_SECONDS = 0
    assert csrf_token_in_a_cookie(None) == []


def test_pages_are_compressed_once_and_each_visit_gets_the_encoding_its_browser_accepts():
    import gzip
    from unittest import mock

    import brotli

    make_thema(slug="fest", titel="Fest der Kulturen")
    plain = Client().get("/themen/fest/", HTTP_ACCEPT_ENCODING="")
    assert "Content-Encoding" not in plain and "Accept-Encoding" in plain["Vary"]
    with mock.patch("integrationsrat.page_cache.brotli.compress", wraps=brotli.compress) as compress:
        for accept, encoding in (
            ("gzip, deflate, br", "br"),
            ("gzip", "gzip"),
            ("br;q=0, gzip;q=0.5", "gzip"),
            ("*", "br"),
            ("identity", None),
            ("deflate", None),
        ):
            response = Client().get("/themen/fest/", HTTP_ACCEPT_ENCODING=accept)
            assert response.get("Content-Encoding") == encoding, accept
            assert response["Content-Length"] == str(len(response.content))
            body = {"br": brotli.decompress, "gzip": gzip.decompress, None: bytes}[encoding](response.content)
            assert body == plain.content, accept
    assert compress.call_count == 0  # compressed when it was stored, not per visit


def test_without_the_page_cache_pages_are_gzipped_on_the_fly(settings):
    import gzip

    settings.PAGE_CACHE_SECONDS = 0
    make_thema(slug="fest")
    response = Client().get("/themen/fest/", HTTP_ACCEPT_ENCODING="gzip, br")
    assert response["Content-Encoding"] == "gzip" and b"<html" in gzip.decompress(response.content)


def test_pages_with_a_secret_are_never_compressed():
    """BREACH guesses a secret (the CSRF token) from the compressed size of pages that also reflect input."""
    bereich = make_themenbereich(name="Wohnen")
    staff = Client()
    staff.force_login(make_staff("redakteurin", "Redaktion"))
    with_token = [
        Client().get(FORM, HTTP_ACCEPT_ENCODING="gzip, br"),  # rendered, then served from the cache
        Client().get(FORM, HTTP_ACCEPT_ENCODING="gzip, br"),
        Client().post(FORM, {"nachricht": "x", "themenbereich": bereich.pk}, HTTP_ACCEPT_ENCODING="gzip, br"),
        staff.get("/admin/", HTTP_ACCEPT_ENCODING="gzip, br"),
    ]
    for response in with_token:
        assert b"csrfmiddlewaretoken" in response.content and "Content-Encoding" not in response
    # A staff member's view of a public page may show drafts: it is neither cached nor compressed.
    assert "Content-Encoding" not in staff.get("/themen/", HTTP_ACCEPT_ENCODING="gzip, br")
