"""Up when a dependency is not: Redis refusing or hanging, the database gone, the mail worker stuck."""

import contextlib
import logging
import socket
import threading
from unittest import mock

import pytest
import redis
from django.core.cache import cache
from django.test import Client, override_settings

from anfragen.models import Anfrage
from integrationsrat.redis_cache import Breaker
from tests.factories import make_thema, make_themenbereich, make_veranstaltung
from tests.redis_support import redis_settings

pytestmark = pytest.mark.django_db


@contextlib.contextmanager
def hanging_server():
    """A "Redis" that accepts connections and never answers; counts the connections it gets."""
    listener = socket.create_server(("127.0.0.1", 0))
    accepted = []
    stop = threading.Event()

    def serve():
        listener.settimeout(0.05)
        while not stop.is_set():
            with contextlib.suppress(TimeoutError):
                accepted.append(listener.accept()[0])

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    try:
        yield f"redis://127.0.0.1:{listener.getsockname()[1]}/0", accepted
    finally:
        stop.set()
        thread.join()
        for conn in accepted:
            conn.close()
        listener.close()


def closed_port() -> str:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return f"redis://127.0.0.1:{s.getsockname()[1]}/0"


def visit_everything(client) -> list[int]:
    thema = make_thema(slug="fest")
    make_veranstaltung(thema=thema)
    bereich = make_themenbereich()
    statuses = [client.get(url).status_code for url in ("/", "/themen/fest/", "/veranstaltungen/", "/ar/anfrage/")]
    from anfragen.forms import start_token

    posted = client.post(
        "/anfrage/",
        {
            "email": "a@example.org",
            "themenbereich": bereich.pk,
            "nachricht": "Eine Frage, während Redis fehlt",
            "sprache": "de",
            "einwilligung": "on",
            "gestartet": start_token(),
        },
    )
    return [*statuses, posted.status_code, client.get("/").status_code]


def redis_errors(caplog) -> list[str]:
    return [r.getMessage() for r in caplog.records if r.name == "integrationsrat.redis_cache"]


def test_a_refusing_redis_costs_one_failed_call_and_one_log_line(settings, caplog):
    redis_settings(settings, closed_port())
    with caplog.at_level(logging.WARNING):
        assert visit_everything(Client()) == [200, 200, 200, 200, 302, 200]
    assert Anfrage.objects.count() == 1  # the form works, nothing is lost
    (message,) = redis_errors(caplog)
    assert "unavailable" in message and "ConnectionError" in message


def test_a_hanging_redis_is_asked_once_then_skipped(settings, caplog):
    with hanging_server() as (url, accepted), caplog.at_level(logging.WARNING):
        redis_settings(settings, url)
        assert visit_everything(Client()) == [200, 200, 200, 200, 302, 200]
        assert len(accepted) == 1  # one timeout, then the pause: no worker waits on Redis again
    assert Anfrage.objects.count() == 1
    (message,) = redis_errors(caplog)
    assert "TimeoutError" in message


def test_healthz_reports_the_cache_as_degraded_while_redis_is_down(settings):
    redis_settings(settings, closed_port())
    response = Client().get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "degraded", "database": "ok", "cache": "degraded", "worker": "ok"}


def test_when_redis_is_back_the_content_version_is_renewed(real_redis, caplog):
    """A save during the outage could not renew the version in Redis: pages cached before it must not come back."""
    thema = make_thema(slug="fest", titel="Vorher")
    assert "Vorher" in Client().get("/themen/fest/").content.decode()
    assert "Vorher" in Client().get("/").content.decode()  # the start page lists the topic too
    with mock.patch("django.core.cache.backends.redis.RedisCache.set", side_effect=redis.ConnectionError("weg")):
        thema.titel = "Nachher"
        thema.save()  # the version cannot be renewed now
    assert cache.breaker.down
    cache.breaker.paused_until = 0  # the pause is over
    with caplog.at_level(logging.WARNING):
        pages = [Client().get(url).content.decode() for url in ("/themen/fest/", "/")]
    assert all("Nachher" in page and "Vorher" not in page for page in pages)
    assert any("reachable again" in message for message in redis_errors(caplog))


def test_a_blip_without_a_save_keeps_every_servers_cache(real_redis):
    """One slow answer in one process must not renew the version: that would empty the page cache of all servers."""
    make_thema(slug="fest")
    Client().get("/themen/fest/")
    before = cache.get("inhalt-version")
    with mock.patch("django.core.cache.backends.redis.RedisCache.get", side_effect=redis.TimeoutError("langsam")):
        cache.get("irgendwas")
    assert cache.breaker.down
    cache.breaker.paused_until = 0
    Client().get("/themen/fest/")
    assert not cache.breaker.down and cache.get("inhalt-version") == before


def test_after_the_pause_one_caller_tries_redis_the_others_keep_skipping_it():
    breaker = Breaker("redis://example:6379/0", retry_after=30)
    breaker.failed(redis.ConnectionError("weg"))
    assert not breaker.closed()
    breaker.paused_until = 0  # the pause is over
    assert [breaker.closed() for _ in range(3)] == [True, False, False]
    breaker.failed(redis.ConnectionError("immer noch weg"))  # the one try failed: pause again
    assert not breaker.closed()
    breaker.paused_until = 0
    assert breaker.closed()
    breaker.succeeded()
    assert all(breaker.closed() for _ in range(3))


def test_unpublishing_during_a_redis_outage_takes_effect_at_once(settings):
    """Without a shared version nothing is kept in memory either: a kept fact would outlive the save."""
    redis_settings(settings, closed_port())
    thema = make_thema(slug="fest", titel="Bald nicht mehr")
    make_veranstaltung(titel="Herbstfest", thema=thema)
    assert Client().get("/themen/fest/").status_code == 200
    assert 'value="fest"' in Client().get("/veranstaltungen/").content.decode()
    thema.veroeffentlicht = False
    thema.save()
    assert Client().get("/themen/fest/").status_code == 404
    assert 'value="fest"' not in Client().get("/veranstaltungen/").content.decode()  # the topic filter


def test_a_cache_directory_that_cannot_be_written_is_no_error_page(settings, tmp_path, caplog):
    """A full disk under the default file cache: pages are rendered without it, the log says so once."""
    import errno

    settings.CACHES = {
        **settings.CACHES,
        "default": {"BACKEND": "django.core.cache.backends.filebased.FileBasedCache", "LOCATION": str(tmp_path)},
    }
    settings.PAGE_CACHE_SECONDS = 300
    make_thema(slug="fest")
    full = OSError(errno.ENOSPC, "No space left on device")
    client = Client(raise_request_exception=False)
    with (
        mock.patch("django.core.cache.backends.filebased.FileBasedCache.set", side_effect=full),
        mock.patch("django.core.cache.backends.filebased.FileBasedCache.add", side_effect=full),
        caplog.at_level(logging.WARNING),
    ):
        codes = [client.get(url).status_code for url in ("/", "/themen/", "/themen/fest/", "/veranstaltungen/")]
        health = client.get("/healthz").json()
    assert codes == [200] * 4
    assert health["cache"] == "degraded"
    assert [r.getMessage() for r in caplog.records if r.name == "integrationsrat.cache"] == [
        "The cache failed: pages are rendered without it until it works again"
    ]


def test_a_save_while_the_cache_directory_fails_is_shown_once_it_works_again(settings, tmp_path):
    settings.CACHES = {
        **settings.CACHES,
        "default": {"BACKEND": "django.core.cache.backends.filebased.FileBasedCache", "LOCATION": str(tmp_path)},
    }
    settings.PAGE_CACHE_SECONDS = 300
    thema = make_thema(slug="fest", titel="Vorher")
    assert "Vorher" in Client().get("/themen/fest/").content.decode()
    with mock.patch("django.core.cache.backends.filebased.FileBasedCache.set", side_effect=OSError("voll")):
        thema.titel = "Nachher"
        thema.save()
    pages = [Client().get("/themen/fest/").content.decode() for _ in range(2)]
    assert all("Nachher" in page for page in pages)


def test_a_database_outage_is_a_503_with_one_log_line(client, caplog, settings):
    client.raise_request_exception = False
    with (
        override_settings(ROOT_URLCONF="tests.integrationsrat.failing_urls"),
        caplog.at_level(logging.INFO),
    ):
        response = client.get("/datenbank-weg/")
    assert response.status_code == 503
    records = [r for r in caplog.records if r.levelno >= logging.ERROR]
    from integrationsrat.log_filters import NotADatabaseOutage

    shown = [r for r in records if NotADatabaseOutage().filter(r)]
    assert [r.getMessage() for r in shown] == [
        "Database unavailable, answered 503 for /datenbank-weg/: OperationalError: could not connect to server"
    ]
    assert not any(r.exc_info for r in shown)


def test_a_programming_error_is_a_500_with_its_traceback(client, caplog):
    """Only an unreachable database is an outage; a bug must not hide behind the 503 page."""
    from django.db import ProgrammingError

    client.raise_request_exception = False
    with (
        override_settings(ROOT_URLCONF="tests.integrationsrat.failing_urls"),
        mock.patch("tests.integrationsrat.failing_urls.OperationalError", ProgrammingError),
        caplog.at_level(logging.INFO),
    ):
        response = client.get("/datenbank-weg/")
    assert response.status_code == 500
    from integrationsrat.log_filters import NotADatabaseOutage

    assert any(r.exc_info and NotADatabaseOutage().filter(r) for r in caplog.records)


def test_healthz_reports_a_stuck_mail_worker(client, settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    from django.utils import timezone
    from django_tasks_db.models import DBTaskResult, get_date_max

    assert client.get("/healthz").json()["worker"] == "ok"
    waiting = DBTaskResult.objects.create(
        task_path="anfragen.tasks.anfrage_notify",
        args_kwargs={"args": [1], "kwargs": {}},
        priority=0,
        queue_name="default",
        backend_name="default",
        run_after=get_date_max(),
    )
    assert client.get("/healthz").json()["worker"] == "ok"  # just queued: the worker has time
    DBTaskResult.objects.filter(pk=waiting.pk).update(enqueued_at=timezone.now() - timezone.timedelta(minutes=11))
    response = client.get("/healthz")
    assert response.status_code == 200 and response.json()["status"] == "degraded"
    assert response.json()["worker"] == "degraded"


def test_robots_txt_names_the_sitemap_and_keeps_personal_pages_out(client, settings):
    response = client.get("/robots.txt")
    assert response.status_code == 200 and response["Content-Type"].startswith("text/plain")
    lines = response.content.decode().splitlines()
    assert f"Sitemap: {settings.SITE_URL}/sitemap.xml" in lines
    assert "Disallow: /admin/" in lines and "Disallow: /anfrage/status/" in lines
    assert "Disallow: /anmeldung/" in lines and "Disallow: /*/anmeldung/" in lines


def test_the_favicon_is_served_at_the_root(client):
    response = client.get("/favicon.ico")
    assert response.status_code == 200 and b"".join(response.streaming_content)[:4] == b"\x00\x00\x01\x00"  # ICO
