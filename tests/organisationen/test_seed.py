"""The demo entries of `seed_content --demo`: labelled as examples, one speaking Arabic, in all six languages."""

import pytest
from django.core.management import call_command
from django.utils import timezone

from organisationen.models import Organisation, Sprache

pytestmark = pytest.mark.django_db


def test_demo_entries_are_labelled_published_and_translated():
    call_command("seed_content", verbosity=0)
    assert not Organisation.objects.exists()
    call_command("seed_content", "--demo", verbosity=0)
    call_command("seed_content", "--demo", verbosity=0)  # a second run adds nothing
    entries = list(Organisation.objects.published())
    assert len(entries) == 3 == Organisation.objects.count()
    for organisation in entries:
        assert organisation.name.startswith("Beispiel: ")
        assert organisation.zuletzt_bestaetigt == timezone.localdate()
        assert all(stand == "aktuell" for stand in organisation.uebersetzungsstaende().values())
    assert [o.name for o in Organisation.objects.published().speaking("ar")] == ["Beispiel: Kulturverein"]


def test_demo_entries_bring_back_languages_a_flushed_database_lost():
    Sprache.objects.all().delete()
    call_command("seed_content", "--demo", verbosity=0)
    assert Organisation.objects.speaking("ar").exists()
