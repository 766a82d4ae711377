"""Signing up: double opt-in, one subscription per address, nothing revealed, bad input, bots."""

import datetime

import pytest
import time_machine
from django.conf import settings
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from anfragen.spam import start_token
from benachrichtigungen.models import Abonnement, Anmeldung
from benachrichtigungen.services import anmeldung_create
from seiten.models import Seite
from tests.benachrichtigungen.conftest import URL, link, valid_form
from tests.factories import make_abonnement, make_thema, make_veranstaltung

pytestmark = pytest.mark.django_db


def sign_up(client, capture, **changes):
    with capture(execute=True):
        return client.post(URL, valid_form(**changes))


def test_nothing_is_sent_before_confirmation(client, mailoutbox, django_capture_on_commit_callbacks):
    sign_up(client, django_capture_on_commit_callbacks)
    with django_capture_on_commit_callbacks(execute=True):
        make_veranstaltung()
    assert len(mailoutbox) == 1  # only the confirmation mail
    assert "bestaetigen" in mailoutbox[0].body and "List-Unsubscribe" not in mailoutbox[0].extra_headers
    assert not Abonnement.objects.exists()


def test_consent_time_and_privacy_statement_version_are_recorded(client, django_capture_on_commit_callbacks):
    datenschutz = Seite.objects.create(schluessel=Seite.Schluessel.DATENSCHUTZ, titel="Datenschutz")
    sign_up(client, django_capture_on_commit_callbacks)
    anmeldung = Anmeldung.objects.get()
    assert anmeldung.datenschutz_stand == datenschutz.geaendert_am
    assert timezone.now() - anmeldung.einwilligung_am < datetime.timedelta(seconds=10)
    client.post(anmeldung.get_confirm_url())
    abonnement = Abonnement.objects.get()
    assert (abonnement.datenschutz_stand, abonnement.einwilligung_am) == (
        anmeldung.datenschutz_stand,
        anmeldung.einwilligung_am,
    )


def test_the_confirmation_link_expires_after_seven_days(client, mailoutbox, django_capture_on_commit_callbacks):
    sign_up(client, django_capture_on_commit_callbacks)
    bestaetigen = link(mailoutbox[0].body, "bestaetigen")
    with time_machine.travel(timezone.now() + datetime.timedelta(days=7, minutes=1)):
        assert client.get(bestaetigen).status_code == 410
        assert client.post(bestaetigen).status_code == 410
    assert not Abonnement.objects.exists()


def test_the_same_address_twice_is_one_sign_up_and_the_same_answer(
    client, mailoutbox, django_capture_on_commit_callbacks
):
    neu = sign_up(client, django_capture_on_commit_callbacks, email="zwei@example.org")
    offen = sign_up(client, django_capture_on_commit_callbacks, email="ZWEI@example.org ", sprache="tr")
    make_abonnement(email="schon@example.org")
    bestaetigt = sign_up(client, django_capture_on_commit_callbacks, email="Schon@Example.org")
    answers = {(r.status_code, r.url) for r in (neu, offen, bestaetigt)}
    assert answers == {(302, reverse("benachrichtigungen:gesendet"))}
    assert Anmeldung.objects.filter(email__iexact="zwei@example.org").count() == 1
    # Within a quarter of an hour the link mailed first confirms the choices it was sent for (its page
    # shows them): nobody else can change them meanwhile, and no second mail goes to the address.
    assert Anmeldung.objects.get(email__iexact="zwei@example.org").sprache == "de"
    assert [mail.to for mail in mailoutbox] == [["zwei@example.org"], ["Schon@Example.org"]]
    assert Abonnement.objects.count() == 1


def test_a_new_sign_up_later_sends_a_new_link_and_the_old_one_no_longer_works(client, mailoutbox):
    thema = make_thema()
    anmeldung_create(email="a@example.org", themen=[], alle_themen=True, sprache="de", termine=True, meldungen=True)
    alt = Anmeldung.objects.get()
    Anmeldung.objects.update(mail_gesendet_am=timezone.now() - datetime.timedelta(minutes=20))
    anmeldung_create(
        email="a@example.org", themen=[thema], alle_themen=False, sprache="en", termine=True, meldungen=False
    )
    neu = Anmeldung.objects.get()
    assert neu.token != alt.token and neu.mail_gesendet_am is None
    assert client.get(alt.get_confirm_url()).status_code == 404


def test_a_subscriber_signing_up_again_keeps_their_choices_until_they_confirm_the_new_ones(
    client, mailoutbox, django_capture_on_commit_callbacks
):
    thema = make_thema()
    abonnement = make_abonnement(email="leser@example.org")
    sign_up(client, django_capture_on_commit_callbacks, alle_themen="", themen=[thema.pk], arten=["meldungen"])
    abonnement.refresh_from_db()
    assert abonnement.alle_themen and abonnement.termine  # unchanged so far
    mail = mailoutbox[0].body
    assert link(mail, "abmelden") == abonnement.get_unsubscribe_url()  # the mail offers to unsubscribe
    client.post(link(mail, "bestaetigen"))
    abonnement.refresh_from_db()
    assert not abonnement.alle_themen and not abonnement.termine and list(abonnement.themen.all()) == [thema]
    assert Abonnement.objects.get().token == abonnement.token  # earlier mails' unsubscribe links keep working


def test_confirming_needs_a_post(client, mailoutbox, django_capture_on_commit_callbacks):
    sign_up(client, django_capture_on_commit_callbacks)
    bestaetigen = link(mailoutbox[0].body, "bestaetigen")
    for _ in range(3):
        assert client.get(bestaetigen).status_code == 200
        assert client.head(bestaetigen).status_code == 200
    assert not Abonnement.objects.exists()
    assert client.put(bestaetigen).status_code == 405


def errors_of(response) -> dict[str, list[str]]:
    return {field: [e.code for e in errors.as_data()] for field, errors in response.context["form"].errors.items()}


@pytest.mark.parametrize(
    ("change", "field", "code"),
    [
        ({"email": ""}, "email", "required"),
        ({"email": "keine-adresse"}, "email", "invalid"),
        ({"email": "a@b"}, "email", "invalid"),
        ({"email": "x" * 300 + "@example.org"}, "email", "max_length"),
        ({"email": "a\x00b@example.org"}, "email", "null_characters_not_allowed"),
        ({"email": "'; DROP TABLE x; --@example.org"}, "email", "invalid"),
        ({"arten": []}, "arten", "required"),
        ({"arten": ["alles"]}, "arten", "invalid_choice"),
        ({"alle_themen": ""}, "themen", "no_topic"),
        ({"alle_themen": "", "themen": ["999999"]}, "themen", "invalid_choice"),
        ({"alle_themen": "", "themen": ["abc"]}, "themen", "invalid_pk_value"),
        ({"sprache": "xx"}, "sprache", "invalid_choice"),
        ({"einwilligung": ""}, "einwilligung", "required"),
    ],
)
def test_bad_input_gets_a_message_at_the_field(client, change, field, code):
    make_thema()  # a topic to choose
    response = client.post(URL, valid_form(**change))
    assert response.status_code == 422
    assert code in errors_of(response)[field]
    page = response.content.decode()
    assert "Bitte prüfen Sie Ihre Angaben" in page
    anchor = f"#id_{field}_0" if field in ("arten", "themen") else f"#id_{field}"
    assert f'href="{anchor}"' in page and f'id="{anchor[1:]}"' in page  # the summary leads to the field
    assert not Anmeldung.objects.exists()


def test_a_draft_topic_cannot_be_chosen(client):
    entwurf = make_thema(veroeffentlicht=False)
    assert entwurf.titel not in client.get(URL).content.decode()
    response = client.post(URL, valid_form(alle_themen="", themen=[entwurf.pk]))
    assert "invalid_choice" in errors_of(response)["themen"]


def test_empty_post_and_junk_tokens_never_give_a_server_error(client):
    assert client.post(URL, {}).status_code == 422
    for name in ("bestaetigen", "abmelden"):
        for token in ("x", "a" * 2000, "%F0%9F%98%80", "' OR 1=1 --"):
            url = reverse(f"benachrichtigungen:{name}", kwargs={"token": token})
            assert client.get(url).status_code == 404
            assert client.post(url).status_code == 404


def test_the_mail_language_defaults_to_the_page_language(client):
    page = client.get("/tr" + URL).content.decode()
    assert '<option value="tr" selected>' in page


def test_honeypot_and_time_trap_stop_bots(client, settings):
    response = client.post(URL, valid_form(website="http://spam.example"))
    assert response.status_code == 422 and "honeypot" in errors_of(response)["__all__"]
    response = client.post(URL, valid_form(gestartet="gefälscht"))
    assert response.status_code == 422 and "forged_token" in errors_of(response)["__all__"]
    settings.ANFRAGE_MIN_FILL_SECONDS = 3
    response = client.post(URL, valid_form(gestartet=start_token()))
    assert response.status_code == 422 and "too_fast" in errors_of(response)["__all__"]
    assert not Anmeldung.objects.exists()


def test_too_many_sign_ups_from_one_address_get_429_with_the_text_kept(client, settings):
    settings.BENACHRICHTIGUNG_RATE_LIMIT = 2
    for n in range(2):
        assert client.post(URL, valid_form(email=f"p{n}@example.org")).status_code == 302
    response = client.post(URL, valid_form(email="dritte@example.org"))
    assert response.status_code == 429
    assert 0 < int(response["Retry-After"]) <= 3600
    page = response.content.decode()
    wieder_ab = timezone.localtime().replace(minute=0, second=0) + datetime.timedelta(hours=1)
    assert f"ab {wieder_ab:%H:%M} Uhr" in page
    assert 'value="dritte@example.org"' in page
    assert Anmeldung.objects.count() == 2


@pytest.mark.parametrize("lang", [code for code, _name in settings.LANGUAGES])
def test_the_pages_behind_the_links_speak_every_language(client, lang):
    anmeldung = anmeldung_create(
        email="a@example.org", themen=[], alle_themen=True, sprache=lang, termine=True, meldungen=True
    )
    abonnement = make_abonnement(sprache=lang)
    direction = "rtl" if lang == "ar" else "ltr"
    prefix = "" if lang == "de" else f"/{lang}"
    bestaetigen, abmelden = prefix + anmeldung.get_confirm_url(), prefix + abonnement.get_unsubscribe_url()
    for url in (bestaetigen, abmelden):
        response = client.get(url)
        assert response.status_code == 200
        assert f'<html lang="{lang}" dir="{direction}">' in response.content.decode()
        assert '<meta name="robots" content="noindex">' in response.content.decode()
    with time_machine.travel(timezone.now() + datetime.timedelta(days=8)):
        expired = client.get(bestaetigen)
    assert expired.status_code == 410 and f'<html lang="{lang}"' in expired.content.decode()
    assert client.post(abmelden).status_code == 200
    assert client.post(bestaetigen).status_code == 200


def test_a_confirmation_mail_held_back_by_a_failing_server_is_sent_later(
    client, mailoutbox, settings, broken_mail_server, django_capture_on_commit_callbacks
):
    sign_up(client, django_capture_on_commit_callbacks)
    assert mailoutbox == [] and Anmeldung.objects.get().mail_gesendet_am is None
    settings.MAILERS = {"default": {"BACKEND": "django.core.mail.backends.locmem.EmailBackend"}}
    call_command("send_alerts", verbosity=0)
    assert mailoutbox == []  # a mail asked for a moment ago may still be on its way
    with time_machine.travel(timezone.now() + datetime.timedelta(minutes=11)):
        call_command("send_alerts", verbosity=0)
        call_command("send_alerts", verbosity=0)
    assert len(mailoutbox) == 1 and Anmeldung.objects.get().mail_gesendet_am is not None
    assert client.post(link(mailoutbox[0].body, "bestaetigen")).status_code == 200


def test_a_rejected_csrf_token_brings_the_choices_back_with_a_fresh_token():
    from django.test import Client

    response = Client(enforce_csrf_checks=True).post(URL, valid_form(email="eltern@example.org"))
    assert response.status_code == 403
    page = response.content.decode()
    assert "Bitte senden Sie das Formular noch einmal" in page
    assert 'value="eltern@example.org"' in page
    assert 'name="csrfmiddlewaretoken"' in page
    assert not Anmeldung.objects.exists()
