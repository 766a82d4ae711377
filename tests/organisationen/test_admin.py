"""Staff check, publish and confirm entries in the admin; who proposed an entry only they see."""

import datetime

import pytest
from django.contrib.auth.models import Group, Permission
from django.urls import reverse
from django.utils import timezone

from organisationen.models import Organisation
from tests.factories import make_organisation, make_staff

pytestmark = pytest.mark.django_db

CHANGELIST = reverse("admin:organisationen_organisation_changelist")


@pytest.fixture
def redakteur():
    return make_staff("redakteur", "Redaktion")


@pytest.fixture
def redaktion(client, redakteur):
    client.force_login(redakteur)
    return client


def vorschlag(**kwargs) -> Organisation:
    return make_organisation(
        veroeffentlicht=False,
        eingereicht_am=timezone.now(),
        geprueft_am=None,
        ansprechperson_name="Geheime Ansprechperson",
        ansprechperson_email="privat@example.org",
        **kwargs,
    )


def test_the_redaktion_group_may_keep_the_directory():
    codenames = set(Group.objects.get(name="Redaktion").permissions.values_list("codename", flat=True))
    for model in ("organisation", "sprache", "angebot"):
        assert {f"add_{model}", f"change_{model}", f"delete_{model}", f"view_{model}"} <= codenames


@pytest.mark.parametrize("url", ["changelist", "add", "change", "history", "delete"])
def test_redaktion_reaches_every_admin_page_of_an_entry(redaktion, url):
    organisation = vorschlag()
    args = [] if url in ("changelist", "add") else [organisation.pk]
    assert redaktion.get(reverse(f"admin:organisationen_organisation_{url}", args=args)).status_code == 200


def test_the_status_column_says_what_to_do(redaktion):
    vorschlag(name="Neuer Verein")
    make_organisation(name="Aktiver Verein")
    make_organisation(name="Alter Verein", zuletzt_bestaetigt=timezone.localdate() - datetime.timedelta(days=800))
    page = redaktion.get(CHANGELIST).content.decode()
    assert "Vorschlag – bitte prüfen" in page
    assert "veröffentlicht" in page
    assert "verborgen: seit über 2 Jahren nicht bestätigt" in page
    page = redaktion.get(CHANGELIST, {"status": "vorschlag"}).content.decode()
    assert "Neuer Verein" in page and "Aktiver Verein" not in page


def test_publishing_a_checked_proposal(redaktion, redakteur):
    organisation = vorschlag(zuletzt_bestaetigt=timezone.localdate() - datetime.timedelta(days=30))
    response = redaktion.post(
        CHANGELIST, {"action": "veroeffentlichen", "_selected_action": [organisation.pk]}, follow=True
    )
    assert "1 Eintrag veröffentlicht." in response.content.decode()
    organisation.refresh_from_db()
    assert organisation.veroeffentlicht and organisation.oeffentlich
    assert organisation.geprueft_von == redakteur and organisation.geprueft_am is not None
    assert organisation.zuletzt_bestaetigt == timezone.localdate()
    assert list(Organisation.objects.published()) == [organisation]


def test_confirming_today_brings_a_hidden_entry_back(redaktion):
    organisation = make_organisation(zuletzt_bestaetigt=timezone.localdate() - datetime.timedelta(days=800))
    assert not Organisation.objects.published().exists()
    response = redaktion.post(CHANGELIST, {"action": "bestaetigen", "_selected_action": [organisation.pk]}, follow=True)
    assert "als heute bestätigt gespeichert" in response.content.decode()
    organisation.refresh_from_db()
    assert organisation.zuletzt_bestaetigt == timezone.localdate()
    assert list(Organisation.objects.published()) == [organisation]


def test_a_rejected_proposal_is_no_longer_one(redaktion):
    organisation = vorschlag()
    redaktion.post(CHANGELIST, {"action": "ablehnen", "_selected_action": [organisation.pk]})
    organisation.refresh_from_db()
    assert organisation.abgelehnt_am is not None and not organisation.ist_vorschlag
    assert not Organisation.objects.proposals().exists()


def test_who_proposed_an_entry_is_shown_only_to_staff_who_may_change_it(client, redaktion):
    organisation = vorschlag()
    change = reverse("admin:organisationen_organisation_change", args=[organisation.pk])
    assert "privat@example.org" in redaktion.get(change).content.decode()
    leser = make_staff("leser")
    leser.user_permissions.add(Permission.objects.get(codename="view_organisation"))
    client.force_login(leser)
    response = client.get(change)
    assert response.status_code == 200
    page = response.content.decode()
    assert "privat@example.org" not in page and "Geheime Ansprechperson" not in page


def test_the_dashboard_lists_new_proposals(redaktion):
    vorschlag(name="Wartender Verein")
    page = redaktion.get(reverse("admin:index")).content.decode()
    assert "Vorschläge für das Verzeichnis der Migrantenorganisationen" in page and "Wartender Verein" in page


def test_personal_contact_is_not_kept_in_the_history(redaktion):
    from reversion.models import Version

    organisation = vorschlag()
    change = reverse("admin:organisationen_organisation_change", args=[organisation.pk])
    data = {
        "name": organisation.name,
        "slug": organisation.slug,
        "kurzbeschreibung_de": organisation.kurzbeschreibung,
        "sprachen": [s.pk for s in organisation.sprachen.all()],
        "zuletzt_bestaetigt": timezone.localdate().isoformat(),
        "ansprechperson_name": organisation.ansprechperson_name,
        "ansprechperson_email": organisation.ansprechperson_email,
        "kontakt_email": "oeffentlich@verein.example.org",
    }
    response = redaktion.post(change, data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    version = Version.objects.get_for_object(organisation).first()
    assert "privat@example.org" not in version.serialized_data
    assert "oeffentlich@verein.example.org" not in version.serialized_data
    assert organisation.name in version.serialized_data
