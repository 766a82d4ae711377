"""Privacy and abuse: the privacy statement's fixed part, the link mailed again (rarely, and even after the
deadline, without telling anyone who registered), mails left unsent, subjects as people read them."""

import pytest
from django.urls import reverse

from seiten.models import Seite

pytestmark = pytest.mark.django_db


def test_the_privacy_statement_names_the_retention_of_registrations(client, settings):
    settings.TEILNAHME_RETENTION_DAYS = 45
    Seite.objects.create(schluessel="datenschutz", titel="Datenschutz", veroeffentlicht=True)
    page = client.get(reverse("seiten:datenschutz")).content.decode()
    assert "Was bei Anmeldungen zu Veranstaltungen gilt" in page
    assert "45 Tage nach der Veranstaltung" in page
    # Not on other fixed pages.
    Seite.objects.create(schluessel="impressum", titel="Impressum", veroeffentlicht=True)
    assert "Was bei Anmeldungen" not in client.get(reverse("seiten:impressum")).content.decode()


def test_a_repeated_registration_mails_the_link_at_most_every_15_minutes(django_capture_on_commit_callbacks):
    import datetime

    from django.core import mail
    from django.utils import timezone

    from teilnahmen.services import teilnahme_create
    from tests.factories import make_veranstaltung

    event = make_veranstaltung(anmeldung=True, plaetze=5)
    jetzt = timezone.now()
    daten = {"veranstaltung_id": event.pk, "name": "Ada", "email": "ada@example.org", "sprache": "de"}
    for minuten in (0, 1, 2, 3):  # the first registration, then three repeats in three minutes
        with django_capture_on_commit_callbacks(execute=True):  # each its own request, committed
            teilnahme_create(**daten, now=jetzt + datetime.timedelta(minutes=minuten))
    assert len(mail.outbox) == 2  # the confirmation and one repeat of the link
    with django_capture_on_commit_callbacks(execute=True):
        teilnahme_create(**daten, now=timezone.now() + datetime.timedelta(minutes=20))
    assert len(mail.outbox) == 3


def test_the_link_comes_again_after_the_deadline_so_people_can_still_cancel(django_capture_on_commit_callbacks):
    import datetime

    from django.core import mail
    from django.utils import timezone

    from teilnahmen.models import Teilnahme
    from teilnahmen.services import AnmeldungGeschlossen, teilnahme_create
    from tests.factories import make_veranstaltung

    event = make_veranstaltung(anmeldung=True, plaetze=5, anmeldeschluss=timezone.now() + datetime.timedelta(hours=1))
    daten = {"veranstaltung_id": event.pk, "name": "Ada", "email": "ada@example.org", "sprache": "de"}
    with django_capture_on_commit_callbacks(execute=True):
        teilnahme_create(**daten)
    spaeter = timezone.now() + datetime.timedelta(hours=2)
    # Closed: the same answer for a known and a new address (nobody learns who registered) ...
    for email in ("ada@example.org", "neu@example.org"):
        with django_capture_on_commit_callbacks(execute=True), pytest.raises(AnmeldungGeschlossen):
            teilnahme_create(**{**daten, "email": email}, now=spaeter)
    # ... but the known one gets their link again, and the new one is not stored.
    assert [m.to for m in mail.outbox] == [["ada@example.org"], ["ada@example.org"]]
    assert "/anmeldung/" in mail.outbox[1].body
    assert not Teilnahme.objects.filter(email="neu@example.org").exists()


def test_mails_left_unsent_are_queued_again_by_the_daily_job(django_capture_on_commit_callbacks):
    import datetime

    from django.core import mail
    from django.core.management import call_command
    from django.utils import timezone

    from teilnahmen.models import Teilnahme
    from teilnahmen.services import teilnahme_create
    from tests.factories import make_veranstaltung

    event = make_veranstaltung(anmeldung=True, plaetze=5)
    teilnahme_create(  # its mail never went (no commit callback ran): as if the worker gave up
        veranstaltung_id=event.pk,
        name="Ada",
        email="ada@example.org",
        sprache="de",
        now=timezone.now() - datetime.timedelta(hours=2),
    )
    assert Teilnahme.objects.get().bestaetigung_gesendet_am is None
    call_command("remind_participants")
    assert [m.to for m in mail.outbox] == [["ada@example.org"]]
    assert Teilnahme.objects.get().bestaetigung_gesendet_am is not None
    call_command("remind_participants")
    assert len(mail.outbox) == 1


def test_a_subject_shows_the_title_as_typed(django_capture_on_commit_callbacks):
    from django.core import mail

    from teilnahmen.services import teilnahme_create
    from tests.factories import make_veranstaltung

    event = make_veranstaltung(titel="Kochen & Essen <international>", anmeldung=True, plaetze=5)
    with django_capture_on_commit_callbacks(execute=True):
        teilnahme_create(veranstaltung_id=event.pk, name="Ada", email="ada@example.org", sprache="de")
    assert mail.outbox[0].subject == "Anmeldung bestätigt: Kochen & Essen <international>"
