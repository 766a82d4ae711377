"""Answering from the admin: one mail in the seeker's language, recorded, never lost, never sent twice."""

import datetime
import smtplib
from unittest import mock

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format

from anfragen.models import Anfrage, Antwort, Protokolleintrag
from anfragen.services import anfrage_anonymize, anfrage_create, antwort_send, telefonat_log
from anfragen.tasks import antwort_mail
from tests.factories import make_anfrage, make_berater, make_staff, make_textbaustein, make_themenbereich

pytestmark = pytest.mark.django_db

ANTWORT = "Guten Tag, Ihr Termin beim Sozialamt ist am Montag um 10 Uhr."
GEHEIM = "Mein Aufenthaltstitel läuft bald ab."


@pytest.fixture
def berater(client):
    user = make_berater()
    client.force_login(user)
    return user


def reply_url(anfrage) -> str:
    return reverse("admin:anfragen_anfrage_antwort", args=[anfrage.pk])


def reply(client, anfrage, *, knopf="senden", stand=None, **daten):
    form = {
        "antwort-text": ANTWORT,
        "antwort-textbaustein": "",
        "antwort-stand": (stand or timezone.now() - datetime.timedelta(seconds=1)).isoformat(),
        knopf: "1",
        **{f"antwort-{key}": value for key, value in daten.items()},
    }
    return client.post(reply_url(anfrage), form)


def test_an_answer_goes_out_once_in_the_seekers_language_and_is_recorded(
    client, berater, settings, django_capture_on_commit_callbacks
):
    settings.DEFAULT_FROM_EMAIL = "integrationsrat@beckum.example"
    anfrage = make_anfrage(sprache="tr", email="person@example.org", nachricht=GEHEIM)
    mail.outbox.clear()  # the confirmation of the request itself
    with django_capture_on_commit_callbacks(execute=True):
        response = reply(client, anfrage)
    assert response.status_code == 302
    assert response.url == reverse("admin:anfragen_anfrage_change", args=[anfrage.pk])

    (nachricht,) = mail.outbox
    assert nachricht.to == ["person@example.org"]
    assert nachricht.from_email == "integrationsrat@beckum.example"
    assert nachricht.subject.startswith(f"[{anfrage.referenz}] ")
    assert ANTWORT in nachricht.body and anfrage.get_status_url() in nachricht.body
    # The footer is in Turkish, the text as the team wrote it.
    assert "Referans numaranız: " + anfrage.referenz in nachricht.body and "Ihre Referenznummer" not in nachricht.body

    anfrage.refresh_from_db()
    assert anfrage.status == Anfrage.Status.BEANTWORTET
    assert anfrage.erste_antwort_am is not None and anfrage.zugewiesen_an == berater
    antwort = Antwort.objects.get()
    assert antwort.gesendet_am is not None and antwort.verfasst_von == berater and antwort.versuche == 1
    eintrag = anfrage.protokoll.get(aktion=Protokolleintrag.Aktion.ANTWORT)
    assert eintrag.benutzer == berater and ANTWORT not in eintrag.details

    page = client.get(reverse("admin:anfragen_anfrage_change", args=[anfrage.pk])).content.decode()
    assert '<td class="antwort__stand">gesendet am' in page and "wird gesendet" not in page


def test_the_status_page_shows_when_it_was_answered_never_what(client, berater, django_capture_on_commit_callbacks):
    anfrage = make_anfrage(email="person@example.org")
    status_url = anfrage.get_status_url()
    assert "per E-Mail geantwortet" not in client.get(status_url).content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        reply(client, anfrage)
    client.logout()
    page = client.get(status_url).content.decode()
    gesendet = timezone.localtime(Antwort.objects.get().gesendet_am)
    assert f"Wir haben Ihnen am {date_format(gesendet, 'DATE_FORMAT')} per E-Mail geantwortet." in page
    assert ANTWORT not in page and "Sozialamt" not in page


def test_mail_in_german_for_other_languages(berater, django_capture_on_commit_callbacks):
    anfrage = make_anfrage(sprache="andere", email="person@example.org")
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        antwort_send(anfrage=anfrage, text=ANTWORT, user=berater, stand=timezone.now())
    (nachricht,) = mail.outbox
    assert "Ihre Referenznummer: " + anfrage.referenz in nachricht.body


def test_an_empty_answer_is_refused_and_nothing_is_sent(client, berater):
    anfrage = make_anfrage()
    mail.outbox.clear()
    response = reply(client, anfrage, text="   \n ")
    assert response.status_code == 422
    assert "Bitte schreiben Sie eine Antwort." in response.content.decode()
    assert not Antwort.objects.exists() and mail.outbox == []
    with pytest.raises(ValidationError) as error:
        antwort_send(anfrage=anfrage, text="", user=berater, stand=timezone.now())
    assert error.value.code == "empty"
    assert Anfrage.objects.get(pk=anfrage.pk).status == Anfrage.Status.NEU


def test_a_snippet_gap_left_unfilled_is_refused(berater):
    with pytest.raises(ValidationError) as error:
        antwort_send(
            anfrage=make_anfrage(),
            text="Bitte kommen Sie zu [Bitte ergänzen: Stelle].",
            user=berater,
            stand=timezone.now(),
        )
    assert error.value.code == "placeholder"


def test_inserting_a_snippet_keeps_the_text_and_uses_the_seekers_language(client, berater):
    baustein = make_textbaustein(text_de="Wir haben Ihre Anfrage erhalten.", text_tr="Başvurunuz bize ulaştı.")
    anfrage = make_anfrage(sprache="tr")
    mail.outbox.clear()
    response = reply(client, anfrage, knopf="einfuegen", text="Merhaba,", textbaustein=baustein.pk)
    assert response.status_code == 200
    form = response.context["antwort_form"]
    assert form["text"].value() == "Merhaba,\n\nBaşvurunuz bize ulaştı."
    assert "Başvurunuz bize ulaştı." in response.content.decode()
    assert not Antwort.objects.exists() and mail.outbox == []
    # An untranslated snippet falls back to German.
    anfrage_uk = make_anfrage(sprache="uk")
    response = reply(client, anfrage_uk, knopf="einfuegen", text="", textbaustein=baustein.pk)
    assert response.context["antwort_form"]["text"].value() == "Wir haben Ihre Anfrage erhalten."


def test_the_change_page_has_the_reply_form_with_the_snippets(client, berater):
    make_textbaustein(titel_de="Eingang bestätigen")
    anfrage = make_anfrage()
    page = client.get(reverse("admin:anfragen_anfrage_change", args=[anfrage.pk])).content.decode()
    assert f'action="{reply_url(anfrage)}"' in page
    assert "Eingang bestätigen" in page and 'name="einfuegen"' in page and 'name="senden"' in page
    assert 'name="csrfmiddlewaretoken"' in page.split(reply_url(anfrage))[1]


def test_a_request_without_email_offers_to_note_a_phone_call(client, berater):
    anfrage = make_anfrage(email="", telefon="02521 12345")
    page = client.get(reverse("admin:anfragen_anfrage_change", args=[anfrage.pk])).content.decode()
    assert "Keine E-Mail-Adresse – Telefonat notieren" in page
    assert 'name="telefonat"' in page and 'name="senden"' not in page
    with pytest.raises(ValidationError) as error:
        antwort_send(anfrage=anfrage, text=ANTWORT, user=berater, stand=timezone.now())
    assert error.value.code == "no_email"

    mail.outbox.clear()
    response = reply(client, anfrage, knopf="telefonat", text="Rückruf, Termin vereinbart")
    assert response.status_code == 302 and mail.outbox == []
    anfrage.refresh_from_db()
    assert anfrage.status == Anfrage.Status.BEANTWORTET and anfrage.erste_antwort_am is not None
    antwort = anfrage.antworten.get()
    assert antwort.art == Antwort.Art.TELEFONAT and antwort.gesendet_am is not None
    eintrag = anfrage.protokoll.get(aktion=Protokolleintrag.Aktion.TELEFONAT)
    assert "Termin vereinbart" not in eintrag.details
    assert "mit Ihnen telefoniert" in client.get(anfrage.get_status_url()).content.decode()


def test_a_withdrawn_request_needs_confirmation_and_has_no_address(client, berater):
    anfrage = make_anfrage(email="person@example.org")
    anfrage_anonymize(anfrage=anfrage, benutzer=berater)
    with pytest.raises(ValidationError) as error:
        antwort_send(anfrage=anfrage, text=ANTWORT, user=berater, stand=timezone.now())
    assert error.value.code == "anonymized" and "keine Adresse mehr" in error.value.messages[0]
    with pytest.raises(ValidationError) as error:
        antwort_send(anfrage=anfrage, text=ANTWORT, user=berater, stand=timezone.now(), trotz_anonymisierung=True)
    assert error.value.code == "no_email"
    assert not Antwort.objects.exists()

    page = client.get(reverse("admin:anfragen_anfrage_change", args=[anfrage.pk])).content.decode()
    assert "Die Person hat ihre Anfrage zurückgezogen" in page and 'name="senden"' not in page


def test_withdrawn_while_writing_keeps_the_text_and_warns(client, berater):
    anfrage = make_anfrage(email="person@example.org")
    stand = timezone.now()
    anfrage_anonymize(anfrage=anfrage, benutzer=make_staff("kollegin", "Beratung"))
    mail.outbox.clear()
    response = reply(client, anfrage, stand=stand)
    page = response.content.decode()
    assert response.status_code == 422 and "zurückgezogen" in page and ANTWORT in page
    assert mail.outbox == [] and not Antwort.objects.exists()


def test_a_failing_mail_server_keeps_the_answer_queued_and_a_retry_sends_it_once(
    client, berater, settings, django_capture_on_commit_callbacks
):
    settings.TASKS = {"default": {"BACKEND": "django.tasks.backends.dummy.DummyBackend"}}
    from django.tasks import default_task_backend

    anfrage = make_anfrage(email="person@example.org")
    with django_capture_on_commit_callbacks(execute=True):
        antwort = antwort_send(anfrage=anfrage, text=ANTWORT, user=berater, stand=timezone.now())
    failing = mock.patch("anfragen.tasks.EmailMessage.send", side_effect=smtplib.SMTPServerDisconnected("weg"))
    with failing:
        antwort_mail.call(antwort.pk)
    antwort.refresh_from_db()
    assert antwort.gesendet_am is None and antwort.versuche == 1
    retry = default_task_backend.results[-1]
    assert retry.task.func is antwort_mail.func and retry.args == [antwort.pk, 2]
    assert retry.task.run_after > timezone.now()
    page = client.get(reverse("admin:anfragen_anfrage_change", args=[anfrage.pk])).content.decode()
    assert '<td class="antwort__stand">wird gesendet (1 Versuch bisher fehlgeschlagen)</td>' in page

    mail.outbox.clear()
    antwort_mail.call(antwort.pk, 2)
    antwort_mail.call(antwort.pk, 3)  # a second attempt queued meanwhile (send_reminders, say) sends nothing
    assert len(mail.outbox) == 1
    antwort.refresh_from_db()
    assert antwort.gesendet_am is not None and antwort.versuche == 2
    assert "gesendet am" in client.get(reverse("admin:anfragen_anfrage_change", args=[anfrage.pk])).content.decode()


def test_send_reminders_requeues_answers_left_unsent(berater, django_capture_on_commit_callbacks):
    from io import StringIO

    from django.core.management import call_command

    anfrage = make_anfrage(email="person@example.org")
    failing = mock.patch("anfragen.tasks.EmailMessage.send", side_effect=smtplib.SMTPException("weg"))
    with failing, django_capture_on_commit_callbacks(execute=True):
        antwort_send(anfrage=anfrage, text=ANTWORT, user=berater, stand=timezone.now())
    assert Antwort.objects.pending().count() == 1
    mail.outbox.clear()
    call_command("send_reminders", stdout=StringIO())
    assert [m.to for m in mail.outbox if ANTWORT in m.body] == [["person@example.org"]]
    assert not Antwort.objects.pending().exists()


def test_an_answer_written_after_the_form_was_opened_refuses_the_second(berater):
    anfrage = make_anfrage(email="person@example.org")
    geoeffnet = timezone.now()
    kollegin = make_staff("kollegin", "Beratung")
    antwort_send(anfrage=anfrage, text="Erste Antwort", user=kollegin, stand=geoeffnet)
    with pytest.raises(ValidationError) as error:
        antwort_send(anfrage=anfrage, text=ANTWORT, user=berater, stand=geoeffnet)
    assert error.value.code == "answered_meanwhile" and "kollegin" in error.value.messages[0]
    with pytest.raises(ValidationError):
        telefonat_log(anfrage=anfrage, user=berater, stand=geoeffnet)
    # Opened after the first answer: a deliberate second answer is fine.
    antwort_send(anfrage=anfrage, text=ANTWORT, user=berater, stand=timezone.now())
    assert anfrage.antworten.count() == 2


def test_two_members_answering_at_once_the_second_keeps_their_text(client, berater, django_capture_on_commit_callbacks):
    anfrage = make_anfrage(email="person@example.org")
    geoeffnet = timezone.now()
    with django_capture_on_commit_callbacks(execute=True):
        antwort_send(anfrage=anfrage, text="Erste Antwort", user=make_staff("kollegin", "Beratung"), stand=geoeffnet)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        response = reply(client, anfrage, stand=geoeffnet)
    page = response.content.decode()
    assert response.status_code == 422
    assert "kollegin hat inzwischen geantwortet" in page and ANTWORT in page
    assert mail.outbox == [] and anfrage.antworten.count() == 1
    # The form's moment is now the refusal's: sending again is a deliberate second answer.
    assert datetime.datetime.fromisoformat(response.context["antwort_form"]["stand"].value()) > geoeffnet


def test_only_beratung_may_answer(client):
    anfrage = make_anfrage()
    client.force_login(make_staff("redakteurin", "Redaktion"))
    assert client.get(reply_url(anfrage)).status_code == 403
    assert reply(client, anfrage).status_code == 403
    assert not Antwort.objects.exists()


def test_the_reply_form_needs_the_csrf_token(berater):
    from django.test import Client

    csrf_client = Client(enforce_csrf_checks=True)
    csrf_client.force_login(berater)
    anfrage = make_anfrage()
    assert reply(csrf_client, anfrage).status_code == 403
    assert not Antwort.objects.exists()


def test_anonymising_removes_the_answers_text_but_keeps_who_and_when(berater):
    anfrage = make_anfrage(email="person@example.org")
    antwort_send(anfrage=anfrage, text=ANTWORT, user=berater, stand=timezone.now())
    anfrage_anonymize(anfrage=anfrage, benutzer=berater)
    antwort = Antwort.objects.get()
    assert antwort.text == "[anonymisiert]" and antwort.verfasst_von == berater


def test_a_barrier_report_needs_neither_contact_nor_topic():
    anfrage_create(
        nachricht="Der Kalender lässt sich nicht mit der Tastatur bedienen.",
        sprache="de",
        art=Anfrage.Art.BARRIERE,
        seite_url="/veranstaltungen/",
    )
    barriere = Anfrage.objects.get()
    assert barriere.ist_barriere and barriere.seite_url == "/veranstaltungen/" and barriere.themenbereich is None
    from django.db import IntegrityError, transaction

    with pytest.raises(IntegrityError), transaction.atomic():
        anfrage_create(nachricht="Eine Anfrage ohne Kontakt", sprache="de", themenbereich=make_themenbereich())
    with pytest.raises(IntegrityError), transaction.atomic():
        anfrage_create(nachricht="Eine Anfrage ohne Thema", sprache="de", email="a@example.org")


@pytest.mark.parametrize(
    "stand", ["0001-01-01T00:00:00+14:00", "9999-12-31T23:59:59+00:00", "2020-01-01T00:00:00+00:00"]
)
def test_a_forged_or_stale_form_time_is_refused_not_trusted(client, berater, stand):
    anfrage = make_anfrage(email="person@example.org")
    form = {"antwort-text": ANTWORT, "antwort-textbaustein": "", "antwort-stand": stand, "senden": "1"}
    response = client.post(reply_url(anfrage), form)
    assert response.status_code in (400, 422)
    assert ANTWORT in response.content.decode()  # the text stays in the form
    assert not Antwort.objects.exists() and not mail.outbox
