"""Resisting the open internet: headers, spam traps, rate limits, lockout, outages."""

import os
import subprocess
import sys
import time
from unittest import mock

import pytest
from django.db import OperationalError
from django.test import Client, override_settings
from django.urls import reverse

from anfragen.models import Anfrage
from anfragen.spam import START_MAX_AGE, start_token
from tests.factories import make_staff, make_themenbereich

pytestmark = pytest.mark.django_db
FORM = "/anfrage/"
TEXT = "Ich brauche Hilfe beim Antrag auf Wohngeld."


@pytest.fixture
def daten():
    return {
        "email": "a@example.org",
        "themenbereich": make_themenbereich().pk,
        "nachricht": TEXT,
        "sprache": "de",
        "einwilligung": "on",
        "gestartet": start_token(),
    }


def codes(response):
    return [e.code for e in response.context["form"].non_field_errors().as_data()]


def test_security_headers_on_public_pages(client):
    response = client.get("/")
    csp = response["Content-Security-Policy"]
    assert "default-src 'self'" in csp and "frame-ancestors 'none'" in csp and "object-src 'none'" in csp
    assert "unsafe-inline" not in csp and "unsafe-eval" not in csp
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"
    assert response["X-Frame-Options"] == "DENY"
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"


def test_production_settings_pass_check_deploy():
    env = {
        "PATH": os.environ.get("PATH", ""),
        "DJANGO_SECRET_KEY": "x" * 60 + "production-like-secret-key-for-the-check",
        "DJANGO_ALLOWED_HOSTS": "integrationsrat.example",
        "DJANGO_SETTINGS_MODULE": "integrationsrat.settings",
    }
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_honeypot_rejects_with_a_message_and_keeps_the_text(client, daten):
    response = client.post(FORM, {**daten, "website": "http://spam.example"})
    assert response.status_code == 422 and codes(response) == ["honeypot"]
    assert TEXT in response.content.decode() and Anfrage.objects.count() == 0


def test_too_fast_submission_is_rejected_and_keeps_the_text(client, daten, settings):
    settings.ANFRAGE_MIN_FILL_SECONDS = 5
    response = client.post(FORM, daten)
    assert response.status_code == 422 and codes(response) == ["too_fast"]
    assert TEXT in response.content.decode() and Anfrage.objects.count() == 0


@pytest.mark.parametrize(
    ("token", "code"),
    [
        ("", "forged_token"),
        ("gefaelscht", "forged_token"),
        ("1732500000", "forged_token"),
        # signed by us, from a form left open longer than START_MAX_AGE: a person's case, not a trap
        ("abgelaufen", "form_expired"),
    ],
)
def test_missing_forged_or_expired_start_token_gets_a_fresh_one(client, daten, token, code):
    if token == "abgelaufen":
        with mock.patch("django.core.signing.time.time", return_value=time.time() - START_MAX_AGE - 60):
            token = start_token()
    response = client.post(FORM, {**daten, "gestartet": token})
    assert response.status_code == 422 and codes(response) == [code]
    page = response.content.decode()
    assert TEXT in page
    fresh = page.split('name="gestartet" value="', 1)[1].split('"', 1)[0]
    assert fresh and fresh != token
    assert client.post(FORM, {**daten, "gestartet": fresh}).status_code == 302  # sending again works


def test_rate_limit_answers_429_and_keeps_the_text(client, daten, settings):
    settings.ANFRAGE_RATE_LIMIT = 2
    for _ in range(2):
        assert client.post(FORM, {**daten, "gestartet": start_token()}).status_code == 302
    response = client.post(FORM, {**daten, "gestartet": start_token()})
    assert response.status_code == 429
    page = response.content.decode()
    assert "Bitte warten Sie etwas" in page and TEXT in page
    assert Anfrage.objects.count() == 2
    # another client is not affected
    other = Client(REMOTE_ADDR="192.0.2.77")
    assert other.post(FORM, {**daten, "gestartet": start_token()}).status_code == 302


def test_rate_limit_uses_the_proxy_address_only_when_trusted(client, daten, settings):
    settings.ANFRAGE_RATE_LIMIT = 1
    settings.TRUST_X_FORWARDED_FOR = True
    for address in ("198.51.100.1", "198.51.100.2"):
        response = client.post(FORM, {**daten, "gestartet": start_token()}, HTTP_X_FORWARDED_FOR=address)
        assert response.status_code == 302, address


def test_a_spoofed_forwarded_for_header_does_not_escape_the_limit(client, daten, settings):
    settings.ANFRAGE_RATE_LIMIT = 1
    settings.TRUST_X_FORWARDED_FOR = False  # the default: no proxy vouches for the header
    codes_ = [
        client.post(FORM, {**daten, "gestartet": start_token()}, HTTP_X_FORWARDED_FOR=address).status_code
        for address in ("198.51.100.1", "198.51.100.2")
    ]
    assert codes_ == [302, 429]


def test_language_links_never_point_to_another_host(client):
    page = client.get("//evil.example/").content.decode()
    assert 'href="//evil.example' not in page and "evil.example/en/" not in page.replace("/evil.example/en/", "")


@pytest.mark.parametrize(
    "url",
    [
        "/rueckblick/0/",
        "/rueckblick/99999/",
        "/veranstaltungen/99999/",
        "/veranstaltungen/0000/x/",
        "/veranstaltungen/99999/x.ics",
    ],
)
def test_impossible_years_are_404_not_500(client, url):
    assert client.get(url).status_code == 404


def test_admin_login_locks_out_after_repeated_failures(client, settings):
    make_staff("berater", "Beratung", password="Richtiges-Passwort-1")
    url = reverse("admin:login")
    for _ in range(settings.AXES_FAILURE_LIMIT):
        client.post(url, {"username": "berater", "password": "falsch", "next": "/admin/"})
    response = client.post(url, {"username": "berater", "password": "Richtiges-Passwort-1", "next": "/admin/"})
    assert response.status_code == 429
    assert "Anmeldung vorübergehend gesperrt" in response.content.decode()


def test_database_outage_gives_503_with_contact_instead_of_a_traceback(client, settings):
    settings.CONTACT_PHONE = "+49 2521 0000"
    client.raise_request_exception = False
    with override_settings(ROOT_URLCONF="tests.integrationsrat.failing_urls"):
        response = client.get("/datenbank-weg/")
    assert response.status_code == 503
    page = response.content.decode()
    assert "Die Website ist gerade nicht erreichbar" in page and "+49 2521 0000" in page
    assert "OperationalError" not in page and response["Retry-After"]


def test_healthz_reports_each_dependency(client):
    assert client.get("/healthz").json() == {"status": "ok", "database": "ok", "cache": "ok", "worker": "ok"}
    with mock.patch("integrationsrat.views.connection.cursor", side_effect=OperationalError("down")):
        response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json() == {"status": "unavailable", "database": "unavailable", "cache": "ok"}


def test_bad_request_page_is_in_the_site_design(client):
    client.raise_request_exception = False
    response = client.get("/", HTTP_HOST="bad host name")
    assert response.status_code == 400
    assert "Das konnten wir nicht verstehen" in response.content.decode()


def test_spam_checks_do_not_hide_the_visitors_own_mistakes(client, daten, settings):
    settings.ANFRAGE_MIN_FILL_SECONDS = 5
    response = client.post(FORM, {**daten, "email": ""})
    assert codes(response) == ["too_fast"]
    assert [e.code for e in response.context["form"].errors.as_data()["email"]] == ["contact_required"]


def test_correcting_ones_own_mistakes_never_counts_against_the_limit(client, daten, settings):
    """Eleven corrections, then the request goes through: a person is never blocked for their own typos."""
    settings.ANFRAGE_RATE_LIMIT = 2
    for mistake in [{"email": "kaputt"}, {"nachricht": "kurz"}, {"themenbereich": ""}, {"einwilligung": ""}] * 3:
        response = client.post(FORM, {**daten, **mistake, "gestartet": start_token()})
        assert response.status_code == 422
    assert client.post(FORM, {**daten, "gestartet": start_token()}).status_code == 302
    assert Anfrage.objects.count() == 1


def test_a_shared_address_can_send_many_requests_a_flood_is_stopped(client, daten, settings):
    """The default limit: a class or a shelter behind one address; request number 41 in the hour waits."""
    assert settings.ANFRAGE_RATE_LIMIT == 1000  # the suite's; production's default is below
    from integrationsrat import settings as production

    settings.ANFRAGE_RATE_LIMIT = production.ANFRAGE_RATE_LIMIT
    sent = [client.post(FORM, {**daten, "gestartet": start_token()}).status_code for _ in range(41)]
    assert sent == [302] * 40 + [429]
    assert Anfrage.objects.count() == 40


@pytest.mark.parametrize("trap", [{"website": "http://spam.example"}, {"gestartet": "gefaelscht"}, {"gestartet": ""}])
def test_caught_bots_count_and_are_stopped(client, daten, settings, trap):
    settings.ANFRAGE_RATE_LIMIT = 2
    trapped = [client.post(FORM, {**daten, **trap}).status_code for _ in range(3)]
    assert trapped == [422, 422, 429]


def test_a_flood_of_broken_posts_is_stopped_far_above_what_people_need(client, daten, settings):
    """A bot that never fills the form right is not a correction: it meets the generous second limit."""
    settings.ANFRAGE_RATE_LIMIT = 2
    settings.FORM_CORRECTION_LIMIT = 5
    broken = [client.post(FORM, {**daten, "email": "kaputt"}).status_code for _ in range(6)]
    assert broken == [422] * 5 + [429]
    # the real limit is untouched: the address may still send its requests
    settings.FORM_CORRECTION_LIMIT = 1000
    assert client.post(FORM, daten).status_code == 302


def test_the_429_page_says_from_when_to_send_again(client, daten, settings):
    from django.utils import timezone

    settings.ANFRAGE_RATE_LIMIT = 0
    response = client.post(FORM, daten)
    assert response.status_code == 429 and TEXT in response.content.decode()
    next_hour = timezone.localtime().replace(minute=0, second=0, microsecond=0) + timezone.timedelta(hours=1)
    assert f"ab {next_hour:%H:%M} Uhr" in response.content.decode()
    assert 0 < int(response["Retry-After"]) <= 3600
