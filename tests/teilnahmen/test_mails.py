"""The mails to people who registered: every kind in every language, each once, and a failing server."""

import smtplib
from unittest import mock

import pytest
from django.conf import settings
from django.urls import reverse
from django.utils import timezone

from anfragen.spam import start_token
from teilnahmen.models import Teilnahme
from teilnahmen.tasks import ARTEN, teilnahme_mail, teilnahme_message
from tests.factories import make_ort, make_teilnahme, make_veranstaltung

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("sprache", [code for code, _name in settings.LANGUAGES])
@pytest.mark.parametrize("art", list(ARTEN))
def test_every_mail_renders_in_every_language_with_the_personal_link(art, sprache):
    v = make_veranstaltung(
        titel="Beispiel Fest", anmeldung=True, plaetze=1, begleitpersonen_max=2, ort=make_ort(name="Beispiel Saal")
    )
    make_teilnahme(v)
    teilnahme = make_teilnahme(v, name="Beispiel <Name>", sprache=sprache, begleitpersonen=2)  # waits
    message = teilnahme_message(teilnahme, art)
    prefix = "" if sprache == "de" else f"/{sprache}"
    assert message.to == [teilnahme.email] and "\n" not in message.subject
    assert "Beispiel Fest" in message.subject
    assert "Beispiel <Name>" in message.body  # plain text: nothing escaped
    assert "Beispiel Saal" in message.body
    assert f"{settings.SITE_URL}{prefix}/veranstaltungen/" in message.body
    if art != "absage":  # after a cancellation there is nothing left to cancel
        assert f"{settings.SITE_URL}{prefix}/anmeldung/{teilnahme.token}/" in message.body


def test_the_confirmation_tells_the_place_on_the_waiting_list():
    v = make_veranstaltung(anmeldung=True, plaetze=1)
    make_teilnahme(v)
    make_teilnahme(v)
    dritte = make_teilnahme(v)
    message = teilnahme_message(dritte, "bestaetigung")
    assert message.subject.startswith("Warteliste")
    assert "an Stelle 2" in message.body


def test_each_mail_goes_once_but_the_link_may_be_asked_for_again(mailoutbox):
    teilnahme = make_teilnahme()
    for art in ("bestaetigung", "bestaetigung", "erneut", "erneut"):
        teilnahme_mail.enqueue(teilnahme.pk, art)
    assert len(mailoutbox) == 3
    teilnahme_mail.enqueue(teilnahme.pk + 1000, "bestaetigung")  # gone meanwhile: nothing to send
    assert len(mailoutbox) == 3


def test_a_failing_mail_server_does_not_break_the_registration(
    client, settings, mailoutbox, django_capture_on_commit_callbacks
):
    settings.MAILERS = {"default": {"BACKEND": "tests.benachrichtigungen.conftest.BrokenMailServer"}}
    v = make_veranstaltung(anmeldung=True, plaetze=5)
    daten = {
        "name": "Beispiel Person",
        "email": "person@example.org",
        "sprache": "de",
        "einwilligung": "on",
        "gestartet": start_token(),
    }
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(v.get_anmelden_url(), daten)
    assert response.status_code == 302
    assert response.url == reverse("teilnahmen:gesendet", kwargs={"jahr": v.datum.year, "slug": v.slug})
    teilnahme = Teilnahme.objects.get()
    assert teilnahme.bestaetigt and teilnahme.bestaetigung_gesendet_am is None  # still to send


def test_a_failed_mail_is_tried_again_later_and_then_sent_once(
    settings, mailoutbox, django_capture_on_commit_callbacks
):
    teilnahme = make_teilnahme()
    mailoutbox.clear()
    Teilnahme.objects.filter(pk=teilnahme.pk).update(bestaetigung_gesendet_am=None)
    settings.TASKS = {"default": {"BACKEND": "django.tasks.backends.dummy.DummyBackend"}}  # only queued
    from django.tasks import default_task_backend

    with (
        mock.patch("teilnahmen.tasks.EmailMessage.send", side_effect=smtplib.SMTPException("Server weg")),
        django_capture_on_commit_callbacks(execute=True),
    ):
        teilnahme_mail.call(teilnahme.pk, "bestaetigung")
    retry = default_task_backend.results[-1]
    assert retry.args == [teilnahme.pk, "bestaetigung", 2]
    assert retry.task.run_after > timezone.now()

    teilnahme_mail.call(teilnahme.pk, "bestaetigung", 2)
    teilnahme_mail.call(teilnahme.pk, "bestaetigung", 2)  # queued twice by accident: still one mail
    assert [mail.to for mail in mailoutbox] == [[teilnahme.email]]
    teilnahme.refresh_from_db()
    assert teilnahme.bestaetigung_gesendet_am is not None
