import re

import pytest
from django.conf import settings

API = "/oparl/v1.1/"
TYPES = {
    f"https://schema.oparl.org/1.1/{name}"
    for name in [
        "System",
        "Body",
        "LegislativeTerm",
        "Organization",
        "Person",
        "Membership",
        "Meeting",
        "AgendaItem",
        "Paper",
        "Consultation",
        "File",
        "Location",
    ]
}
TIMESTAMP = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[+-]\d\d:\d\d$")


def path_of(url: str) -> str:
    """The path (and query) of an absolute URL the API gave out; it must be built from SITE_URL."""
    assert url.startswith(settings.SITE_URL + "/"), url
    return url[len(settings.SITE_URL) :]


def assert_oparl_answer(response, status: int = 200) -> dict:
    assert response.status_code == status, (response.status_code, response.content[:300])
    assert response["Access-Control-Allow-Origin"] == "*"
    assert response["Content-Type"] == "application/json; charset=utf-8"
    return response.json()


def assert_error(response, status: int) -> dict:
    data = assert_oparl_answer(response, status)
    assert data["type"] == "https://schema.oparl.org/1.1/Error" and data["message"]
    return data


@pytest.fixture
def get(client):
    """GET a path or an absolute URL of the API; assert it is a JSON answer with CORS; return the data."""

    def fetch(url: str, status: int = 200) -> dict:
        return assert_oparl_answer(client.get(path_of(url) if url.startswith("http") else url), status)

    return fetch
