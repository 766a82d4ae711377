import re
import smtplib

import pytest
from django.conf import settings
from django.core.mail.backends.base import BaseEmailBackend
from django.urls import reverse

from anfragen.spam import start_token

URL = reverse("benachrichtigungen:anmeldung")


@pytest.fixture(autouse=True)
def _alert_settings(settings):
    # The limit has its own test; elsewhere many sign-ups come from the test client's one address.
    settings.BENACHRICHTIGUNG_RATE_LIMIT = 1000


def valid_form(**changes) -> dict:
    return {
        "email": "leser@example.org",
        "arten": ["termine", "meldungen"],
        "alle_themen": "on",
        "sprache": "de",
        "einwilligung": "on",
        "gestartet": start_token(),
        **changes,
    }


def link(body: str, name: str) -> str:
    """The path of the link to `name` (bestaetigen, abmelden) in a mail body, without SITE_URL."""
    match = re.search(rf"{re.escape(settings.SITE_URL)}(/(?:[a-z]{{2}}/)?benachrichtigungen/{name}/[^/\s]+/)", body)
    assert match, body
    return match.group(1)


class BrokenMailServer(BaseEmailBackend):
    """A mail server that accepts the connection and then breaks off."""

    def send_messages(self, messages):
        raise smtplib.SMTPServerDisconnected("Connection unexpectedly closed")


@pytest.fixture
def broken_mail_server(settings):
    settings.MAILERS = {"default": {"BACKEND": "tests.benachrichtigungen.conftest.BrokenMailServer"}}
