import datetime
from unittest import mock

import pytest
from django.utils import timezone

from anfragen.models import Anfrage
from anfragen.services import referenz_format
from tests.factories import make_anfrage, make_themenbereich

pytestmark = pytest.mark.django_db


def test_reference_numbers_are_sequential_and_unique_per_year():
    bereich = make_themenbereich()
    year = timezone.localdate().year
    refs = [make_anfrage(themenbereich=bereich).referenz for _ in range(3)]
    assert refs == [f"IR-{year}-0001", f"IR-{year}-0002", f"IR-{year}-0003"]
    assert Anfrage.objects.count() == 3


def test_numbering_restarts_each_year():
    bereich = make_themenbereich()
    with mock.patch(
        "django.utils.timezone.now", return_value=datetime.datetime(2026, 12, 31, 22, 0, tzinfo=datetime.UTC)
    ):
        # 23:00 in Berlin: still 2026
        last_2026 = make_anfrage(themenbereich=bereich)
    with mock.patch(
        "django.utils.timezone.now", return_value=datetime.datetime(2026, 12, 31, 23, 30, tzinfo=datetime.UTC)
    ):
        # 00:30 on 1 January in Berlin: the first request of 2027
        first_2027 = make_anfrage(themenbereich=bereich)
    assert last_2026.referenz == "IR-2026-0001"
    assert first_2027.referenz == "IR-2027-0001"


def test_reference_format_grows_past_four_digits():
    assert referenz_format(jahr=2026, nummer=42) == "IR-2026-0042"
    assert referenz_format(jahr=2026, nummer=12345) == "IR-2026-12345"


def test_create_stores_what_was_given_and_consent_time():
    anfrage = make_anfrage(
        name="Ayşe", email="a@example.org", telefon="", sprache="tr", nachricht="Merhaba, bir sorum var."
    )
    anfrage.refresh_from_db()
    assert (anfrage.name, anfrage.email, anfrage.sprache, anfrage.status) == ("Ayşe", "a@example.org", "tr", "neu")
    assert anfrage.nachricht == "Merhaba, bir sorum var."
    assert anfrage.einwilligung_am is not None
