"""Two app server processes, one PostgreSQL, one shared cache: a visitor can land on either at any moment.

Starts two real gunicorn processes with production settings against the test
database and shows that a form started on one can be sent through the other
(CSRF, session), that the rate limit counts across both, and that a change
saved through one is visible through the other at once. Once with Redis (two
servers), once with the default cache directory (the worker processes of one
server share it).
"""

import http.cookiejar
import os
import re
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

import pytest
from django.conf import global_settings, settings
from django.contrib.auth.models import User
from django.db import connection

from tests.factories import make_thema, make_themenbereich, make_totp_device, thema_admin_form, totp_code

ROOT = Path(settings.BASE_DIR)
REDIS_URL = os.environ.get("TEST_REDIS_URL", "redis://127.0.0.1:6379/7")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def redis_available() -> bool:
    try:
        with socket.create_connection(("127.0.0.1", 6379), timeout=1):
            return True
    except OSError:
        return False


@pytest.fixture(params=["redis", "cache directory"])
def two_servers(request, transactional_db, tmp_path):
    shared_cache = request.param
    reason = None
    if connection.vendor != "postgresql":
        reason = "two app servers need a shared PostgreSQL test database (set DATABASE_URL)"
    elif shared_cache == "redis" and not redis_available():
        reason = "Redis is not running on 127.0.0.1:6379"
    if reason:
        if os.environ.get("CI") == "true":
            pytest.fail(f"{reason}: CI must run this test (.ci/run starts both)")
        pytest.skip(reason)

    db = connection.settings_dict
    env = {
        "PATH": os.environ.get("PATH", ""),
        "DJANGO_SETTINGS_MODULE": "integrationsrat.settings",
        "DJANGO_SECRET_KEY": "shared-by-both-servers-" + "x" * 40,
        "DJANGO_HTTPS": "false",
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1",
        "DATABASE_URL": f"postgres://{db['USER']}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{db['NAME']}",
        "ANFRAGE_RATE_LIMIT": "3",
        "ANFRAGE_MIN_FILL_SECONDS": "0",
        "DJANGO_STATIC_ROOT": str(tmp_path / "static"),
        "DJANGO_LOG_LEVEL": "WARNING",
    }
    if shared_cache == "redis":
        env["REDIS_URL"] = REDIS_URL
        subprocess.run(
            [sys.executable, "-c", f"import redis; redis.Redis.from_url({REDIS_URL!r}).flushdb()"], check=True
        )
    else:
        env["DJANGO_CACHE_DIR"] = str(tmp_path / "cache")
    subprocess.run([sys.executable, "manage.py", "collectstatic", "--noinput", "-v0"], cwd=ROOT, env=env, check=True)
    servers, procs = [], []
    for _ in range(2):
        port = free_port()
        procs.append(
            subprocess.Popen(
                [
                    str(Path(sys.executable).parent / "gunicorn"),
                    "integrationsrat.wsgi",
                    "--bind",
                    f"127.0.0.1:{port}",
                    "--workers",
                    "1",
                    "--no-control-socket",
                ],
                cwd=ROOT,
                env=env,
            )
        )
        servers.append(f"http://127.0.0.1:{port}")
    try:
        for base in servers:
            for _ in range(100):
                try:
                    urllib.request.urlopen(base + "/healthz", timeout=1)
                    break
                except OSError:
                    time.sleep(0.1)
        yield servers
    finally:
        for proc in procs:
            proc.terminate()
            proc.wait(timeout=10)


class Visitor:
    """A browser with one cookie jar, free to talk to any server."""

    def __init__(self):
        self.jar = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(self.jar), NoRedirect())

    def get(self, url):
        try:
            response = self.opener.open(url, timeout=10)
            return response.status, response.read().decode()
        except urllib.error.HTTPError as error:
            return error.code, error.read().decode()

    def post(self, url, data, referer):
        request = urllib.request.Request(
            url, data=urllib.parse.urlencode(data).encode(), headers={"Referer": referer}, method="POST"
        )
        try:
            response = self.opener.open(request, timeout=10)
            return response.status, response.read().decode()
        except urllib.error.HTTPError as error:
            return error.code, error.read().decode()


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def hidden(page: str, name: str) -> str:
    return re.search(rf'name="{name}" value="([^"]*)"', page).group(1)


def test_visitor_moves_between_servers_mid_form(two_servers):
    a, b = two_servers
    bereich = make_themenbereich()
    visitor = Visitor()
    status, page = visitor.get(a + "/anfrage/")
    assert status == 200
    form = {
        "csrfmiddlewaretoken": hidden(page, "csrfmiddlewaretoken"),
        "gestartet": hidden(page, "gestartet"),
        "email": "wechsel@example.org",
        "themenbereich": bereich.pk,
        "nachricht": "Formular auf A geöffnet, über B gesendet.",
        "sprache": "de",
        "einwilligung": "on",
    }
    status, _ = visitor.post(b + "/anfrage/", form, referer=a + "/anfrage/")
    assert status == 302  # B accepts A's CSRF token
    status, page = visitor.get(a + "/anfrage/gesendet/")  # the session written by B, read by A
    assert status == 200 and re.search(r"IR-\d{4}-\d{4}", page)


def test_rate_limit_counts_across_both_servers(two_servers):
    a, b = two_servers
    bereich = make_themenbereich()
    visitor = Visitor()
    codes = []
    for i, base in enumerate([a, b, a, b]):
        _, page = visitor.get(base + "/anfrage/")
        codes.append(
            visitor.post(
                base + "/anfrage/",
                {
                    "csrfmiddlewaretoken": hidden(page, "csrfmiddlewaretoken"),
                    "gestartet": hidden(page, "gestartet"),
                    "email": f"viele{i}@example.org",
                    "themenbereich": bereich.pk,
                    "nachricht": "Noch eine Anfrage, bitte.",
                    "sprache": "de",
                    "einwilligung": "on",
                },
                referer=base + "/anfrage/",
            )[0]
        )
    assert codes == [302, 302, 302, 429]  # limit 3 per client, counted in PostgreSQL by both


def test_change_saved_through_one_is_visible_through_the_other_at_once(two_servers, settings):
    a, b = two_servers
    thema = make_thema(slug="fest", titel="Fest der Kulturen")
    settings.PASSWORD_HASHERS = global_settings.PASSWORD_HASHERS  # the servers check with the real hasher
    chefin = User.objects.create_superuser("chefin", password="Sicheres-Passwort-123")
    app = make_totp_device(chefin)  # a superuser's admin opens only with the second factor (zugang)
    public = Visitor()
    assert "Fest der Kulturen" in public.get(a + "/themen/fest/")[1]  # now cached on the shared cache

    staff = Visitor()
    _, page = staff.get(b + "/admin/login/")
    status, _ = staff.post(
        b + "/admin/login/?next=/admin/",
        {
            "csrfmiddlewaretoken": hidden(page, "csrfmiddlewaretoken"),
            "username": "chefin",
            "password": "Sicheres-Passwort-123",
        },
        referer=b + "/admin/login/",
    )
    assert status == 302
    # The code from the authenticator app, on the other server than the password was typed on.
    _, page = staff.get(a + "/admin/zweiter-faktor/bestaetigen/")
    status, _ = staff.post(
        a + "/admin/zweiter-faktor/bestaetigen/",
        {"csrfmiddlewaretoken": hidden(page, "csrfmiddlewaretoken"), "code": totp_code(app)},
        referer=a + "/admin/zweiter-faktor/bestaetigen/",
    )
    assert status == 302
    change = f"/admin/themen/thema/{thema.pk}/change/"
    _, page = staff.get(b + change)
    status, _ = staff.post(
        b + change,
        thema_admin_form(
            thema, titel_de="Fest der Kulturen 2027", csrfmiddlewaretoken=hidden(page, "csrfmiddlewaretoken")
        ),
        referer=b + change,
    )
    assert status == 302
    assert "Fest der Kulturen 2027" in public.get(a + "/themen/fest/")[1]
