import pytest
from django.urls import reverse

from anfragen.spam import start_token

VORSCHLAG_URL = reverse("organisationen:vorschlagen")


@pytest.fixture(autouse=True)
def _directory_settings(settings):
    # The limit has its own test; elsewhere many proposals come from the test client's one address.
    settings.ORGANISATION_RATE_LIMIT = 1000


def valid_proposal(**changes) -> dict:
    from organisationen.models import Angebot, Sprache

    return {
        "name": "Deutsch-Syrischer Kulturverein (Test)",
        "kurzbeschreibung": "Wir feiern Feste und helfen bei den Hausaufgaben.",
        "sprachen": [Sprache.objects.get(code="ar").pk, Sprache.objects.get(code="de").pk],
        "angebote": [Angebot.objects.get(slug="hausaufgabenhilfe").pk],
        "treffpunkt": "Teststraße 5",
        "treffzeiten": "Samstags 15 Uhr",
        "internetseite": "https://verein.example.org",
        "kontakt_name": "Vereinsbüro",
        "kontakt_email": "buero@verein.example.org",
        "kontakt_telefon": "02521 12345",
        "veroeffentlichen": "on",
        "ansprechperson_name": "Geheime Ansprechperson",
        "ansprechperson_email": "privat@example.org",
        "einwilligung": "on",
        "gestartet": start_token(),
        **changes,
    }


def errors_of(response) -> dict[str, list[str]]:
    return {field: [e.code for e in errors.as_data()] for field, errors in response.context["form"].errors.items()}
