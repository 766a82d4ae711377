"""The yearly reminder to confirm entries, and the deletion of old proposals and long-unconfirmed entries."""

import datetime
import io

import pytest
import time_machine
from django.core.management import call_command
from django.utils import timezone

from organisationen.models import Organisation
from organisationen.services import organisationen_purge
from tests.factories import make_organisation, make_staff

pytestmark = pytest.mark.django_db


def days_ago(n: int) -> datetime.date:
    return timezone.localdate() - datetime.timedelta(days=n)


@pytest.fixture
def pruefer():
    user = make_staff("pruefer", "Redaktion")
    user.email = "pruefer@stadt.example"
    user.save()
    return user


def remind(*args) -> str:
    out = io.StringIO()
    call_command("remind_organisations", *args, stdout=out)
    return out.getvalue()


def test_staff_are_reminded_once_a_year_per_entry(pruefer, mailoutbox, django_capture_on_commit_callbacks):
    faellig = make_organisation(name="Verein von damals", zuletzt_bestaetigt=days_ago(366))
    make_organisation(name="Frischer Verein", zuletzt_bestaetigt=days_ago(10))
    assert "1 Einträge wären" in remind("--dry-run") and mailoutbox == []
    assert Organisation.objects.get(pk=faellig.pk).erinnert_am is None
    with django_capture_on_commit_callbacks(execute=True):
        output = remind()
    assert "Verein von damals" in output
    assert len(mailoutbox) == 1 and mailoutbox[0].to == ["pruefer@stadt.example"]
    body = mailoutbox[0].body
    assert "Verein von damals" in body and "Frischer Verein" not in body
    assert f"/admin/organisationen/organisation/{faellig.pk}/change/" in body
    assert Organisation.objects.get(pk=faellig.pk).erinnert_am == timezone.localdate()
    # The next days: nothing again.
    with django_capture_on_commit_callbacks(execute=True):
        remind()
    with (
        time_machine.travel(timezone.now() + datetime.timedelta(days=100)),
        django_capture_on_commit_callbacks(execute=True),
    ):
        remind()
    assert len(mailoutbox) == 1
    # A year later, still unconfirmed: once more.
    with (
        time_machine.travel(timezone.now() + datetime.timedelta(days=366)),
        django_capture_on_commit_callbacks(execute=True),
    ):
        remind()
    assert len(mailoutbox) == 2


def test_nothing_due_sends_nothing(pruefer, mailoutbox, django_capture_on_commit_callbacks):
    make_organisation(zuletzt_bestaetigt=days_ago(10))
    with django_capture_on_commit_callbacks(execute=True):
        remind()
    assert mailoutbox == []


def test_purge_deletes_old_proposals_and_long_unconfirmed_entries():
    alt_eingereicht = timezone.now() - datetime.timedelta(days=91)
    alter_vorschlag = make_organisation(veroeffentlicht=False, eingereicht_am=alt_eingereicht, geprueft_am=None)
    abgelehnt = make_organisation(
        veroeffentlicht=False, eingereicht_am=alt_eingereicht, abgelehnt_am=timezone.now() - datetime.timedelta(days=91)
    )
    # Rejected only now, though it came in long ago: it gets its 90 days from the rejection.
    eben_abgelehnt = make_organisation(
        veroeffentlicht=False, eingereicht_am=alt_eingereicht, abgelehnt_am=timezone.now()
    )
    neuer_vorschlag = make_organisation(veroeffentlicht=False, eingereicht_am=timezone.now(), geprueft_am=None)
    # Checked once, unpublished by staff for now: not a proposal, kept.
    pausiert = make_organisation(veroeffentlicht=False, eingereicht_am=alt_eingereicht)
    uralt = make_organisation(zuletzt_bestaetigt=days_ago(1096))
    verborgen = make_organisation(zuletzt_bestaetigt=days_ago(800))
    assert organisationen_purge() == {"vorschlaege": 2, "unbestaetigt": 1}
    remaining = set(Organisation.objects.values_list("pk", flat=True))
    assert remaining == {neuer_vorschlag.pk, eben_abgelehnt.pk, pausiert.pk, verborgen.pk}
    assert not remaining & {alter_vorschlag.pk, abgelehnt.pk, uralt.pk}


def test_the_daily_retention_job_includes_the_directory():
    make_organisation(
        veroeffentlicht=False, eingereicht_am=timezone.now() - datetime.timedelta(days=91), geprueft_am=None
    )
    out = io.StringIO()
    call_command("purge_requests", "--dry-run", stdout=out)
    assert "1 Vorschläge und 0 lange nicht bestätigte Einträge" in out.getvalue()
    assert Organisation.objects.count() == 1
    out = io.StringIO()
    call_command("purge_requests", stdout=out)
    assert "1 Vorschläge und 0 lange nicht bestätigte Einträge" in out.getvalue() and "gelöscht" in out.getvalue()
    assert not Organisation.objects.exists()
