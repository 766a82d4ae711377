"""The directory's read rules: what the public sees, the filters, who is due for confirmation."""

import datetime

import pytest
import time_machine
from django.utils import timezone

from inhalte.models import public_versions_change_at
from organisationen.models import Organisation, verborgen_ab
from tests.factories import make_organisation

pytestmark = pytest.mark.django_db


def days_ago(n: int) -> datetime.date:
    return timezone.localdate() - datetime.timedelta(days=n)


def test_an_entry_is_public_for_two_years_after_its_last_confirmation():
    frisch = make_organisation(zuletzt_bestaetigt=days_ago(729))
    alt = make_organisation(zuletzt_bestaetigt=days_ago(730))
    assert list(Organisation.objects.published()) == [frisch]
    assert frisch.oeffentlich and not alt.oeffentlich and alt.verborgen
    # The next day the other one goes too, without anyone saving.
    with time_machine.travel(timezone.now() + datetime.timedelta(days=1)):
        assert not Organisation.objects.published().exists()


def test_confirming_again_brings_a_hidden_entry_back():
    organisation = make_organisation(zuletzt_bestaetigt=days_ago(800))
    organisation.zuletzt_bestaetigt = timezone.localdate()
    organisation.save(update_fields=["zuletzt_bestaetigt"])
    organisation.refresh_from_db()
    assert organisation.verborgen_ab == verborgen_ab(timezone.localdate())
    assert list(Organisation.objects.published()) == [organisation]


def test_the_page_cache_knows_when_an_entry_disappears():
    organisation = make_organisation(zuletzt_bestaetigt=days_ago(700))
    assert public_versions_change_at() == organisation.verborgen_ab


def test_drafts_and_proposals_are_not_public():
    make_organisation(veroeffentlicht=False)
    vorschlag = make_organisation(veroeffentlicht=False, eingereicht_am=timezone.now(), geprueft_am=None)
    assert not Organisation.objects.published().exists()
    assert list(Organisation.objects.proposals()) == [vorschlag]


def test_filters_by_language_and_offer():
    arabisch = make_organisation(sprachen=["ar", "de"], angebote=["beratung"])
    tuerkisch = make_organisation(sprachen=["tr"], angebote=["beratung", "sport"])
    assert list(Organisation.objects.published().speaking("ar")) == [arabisch]
    assert set(Organisation.objects.published().offering("beratung")) == {arabisch, tuerkisch}
    assert list(Organisation.objects.published().speaking("tr").offering("sport")) == [tuerkisch]
    assert not Organisation.objects.speaking("xx").exists()


def test_due_for_confirmation_once_a_year():
    today = timezone.localdate()
    faellig = make_organisation(zuletzt_bestaetigt=days_ago(365))
    make_organisation(zuletzt_bestaetigt=days_ago(364))
    make_organisation(zuletzt_bestaetigt=days_ago(400), erinnert_am=days_ago(100))
    wieder_faellig = make_organisation(zuletzt_bestaetigt=days_ago(800), erinnert_am=days_ago(365))
    make_organisation(veroeffentlicht=False, zuletzt_bestaetigt=days_ago(500))
    assert set(Organisation.objects.due_for_confirmation(today)) == {faellig, wieder_faellig}


def test_the_slug_of_the_proposal_form_is_reserved():
    organisation = make_organisation()
    organisation.slug = "vorschlagen"
    with pytest.raises(Exception, match="vergeben"):
        organisation.full_clean()
