"""The directory in the site search: public entries are found, hidden and unchecked ones are not."""

import datetime
import re

import pytest
import time_machine
from django.test import Client
from django.utils import timezone

from tests.factories import make_organisation

pytestmark = pytest.mark.django_db


def titles(q: str) -> list[str]:
    response = Client().get("/suche/", {"q": q})
    return re.findall(r'class="search-result__title"><a href="[^"]*"[^>]*>([^<]*)</a>', response.content.decode())


def test_a_published_entry_is_found_by_name_and_description():
    make_organisation(name="Trommelgruppe Sonnenschein", kurzbeschreibung="Wir trommeln zusammen.")
    assert titles("Trommelgruppe") == ["Trommelgruppe Sonnenschein"]
    assert titles("trommeln") == ["Trommelgruppe Sonnenschein"]
    page = Client().get("/suche/", {"q": "Trommelgruppe"}).content.decode()
    assert '<span class="search-result__type">Organisation</span>' in page


def test_proposals_drafts_and_hidden_entries_are_not_found():
    make_organisation(name="Trommelgruppe Vorschlag", veroeffentlicht=False, eingereicht_am=timezone.now())
    make_organisation(name="Trommelgruppe Alt", zuletzt_bestaetigt=timezone.localdate() - datetime.timedelta(days=731))
    assert titles("Trommelgruppe") == []


def test_an_entry_disappears_from_the_search_when_its_two_years_end():
    make_organisation(name="Trommelgruppe Bald", zuletzt_bestaetigt=timezone.localdate() - datetime.timedelta(days=729))
    assert titles("Trommelgruppe") == ["Trommelgruppe Bald"]
    with time_machine.travel(timezone.now() + datetime.timedelta(days=2)):
        assert titles("Trommelgruppe") == []
