"""The whole life of a subscription in one go, as a resident and a mail program go through it."""

import pytest
from django.conf import settings
from django.test import Client
from django.urls import reverse

from benachrichtigungen.models import Abonnement, Anmeldung, Zustellung
from tests.benachrichtigungen.conftest import URL, link, valid_form
from tests.factories import make_thema, make_veranstaltung

pytestmark = pytest.mark.django_db


def test_subscribe_confirm_alert_and_one_click_unsubscribe(client, mailoutbox, django_capture_on_commit_callbacks):
    thema = make_thema(titel="Fest der Kulturen")
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(URL, valid_form(email="Leserin@Example.org", alle_themen="", themen=[thema.pk]))
    assert response.status_code == 302
    assert response.url == reverse("benachrichtigungen:gesendet")
    assert client.get(response.url).status_code == 200

    # The confirmation mail; its link shows a button and changes nothing on GET (mail scanners open links).
    assert [mail.to for mail in mailoutbox] == [["Leserin@Example.org"]]
    bestaetigen = link(mailoutbox[0].body, "bestaetigen")
    page = client.get(bestaetigen)
    assert page.status_code == 200
    assert "Fest der Kulturen" in page.content.decode()
    assert not Abonnement.objects.exists()
    assert client.post(bestaetigen).status_code == 200
    abonnement = Abonnement.objects.get()
    assert abonnement.email == "Leserin@Example.org" and list(abonnement.themen.all()) == [thema]
    assert not Anmeldung.objects.exists()

    # An event about the topic is published: exactly one mail, with both unsubscribe headers and the link.
    mailoutbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        veranstaltung = make_veranstaltung(titel="Fest im Park", kurztext="Musik & Essen <für alle>", thema=thema)
    assert len(mailoutbox) == 1
    mail = mailoutbox[0]
    abmelden = link(mail.body, "abmelden")
    headers = mail.message()
    assert headers["List-Unsubscribe"] == f"<{settings.SITE_URL}{abmelden}>"
    assert headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert "Fest im Park" in mail.subject and "Fest im Park" in mail.body
    assert "Musik & Essen <für alle>" in mail.body  # plain text: nothing escaped
    assert settings.SITE_URL + veranstaltung.get_absolute_url() in mail.body

    # One click in the mail program: a POST without CSRF token, the token in the URL is the authentication.
    mail_program = Client(enforce_csrf_checks=True)
    response = mail_program.post(
        abmelden, "List-Unsubscribe=One-Click", content_type="application/x-www-form-urlencoded"
    )
    assert response.status_code == 200
    assert not Abonnement.objects.exists()
    assert not Zustellung.objects.exists()
    assert not Anmeldung.objects.filter(email__iexact="leserin@example.org").exists()
    assert client.get(abmelden).status_code == 404
