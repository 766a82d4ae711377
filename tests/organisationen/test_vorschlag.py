"""Organisations propose their own entry: it waits unpublished for staff, who get a mail without personal data."""

import pytest
from django.contrib.auth.models import Permission
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from anfragen.spam import start_token
from organisationen.models import Organisation
from tests.factories import make_image_upload, make_staff
from tests.organisationen.conftest import VORSCHLAG_URL, errors_of, valid_proposal

pytestmark = pytest.mark.django_db


@pytest.fixture
def pruefer():
    user = make_staff("pruefer", "Redaktion")
    user.email = "pruefer@stadt.example"
    user.save()
    return user


def test_a_proposal_is_stored_unpublished_and_staff_get_a_link(
    client, pruefer, mailoutbox, django_capture_on_commit_callbacks
):
    ohne_recht = make_staff("ohne-recht")
    ohne_recht.email = "ohne@stadt.example"
    ohne_recht.save()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(VORSCHLAG_URL, valid_proposal())
    assert response.status_code == 302 and response["Location"] == "/organisationen/vorschlagen/gesendet/"
    organisation = Organisation.objects.get()
    assert not organisation.veroeffentlicht and organisation.ist_vorschlag
    assert organisation.ansprechperson_email == "privat@example.org"
    assert {s.code for s in organisation.sprachen.all()} == {"ar", "de"}
    assert not Organisation.objects.published().exists()
    assert client.get(organisation.get_absolute_url()).status_code == 404
    # Only staff who may change entries are told, with a link and nothing personal.
    assert len(mailoutbox) == 1 and mailoutbox[0].to == ["pruefer@stadt.example"]
    body = mailoutbox[0].body
    assert f"/admin/organisationen/organisation/{organisation.pk}/change/" in body
    for privat in ("Geheime Ansprechperson", "privat@example.org", "Kulturverein", "buero@verein"):
        assert privat not in body and privat not in mailoutbox[0].subject
    sent = client.get(response["Location"]).content.decode()
    assert "Vielen Dank" in sent and "Geheime Ansprechperson" not in sent and "Kulturverein" not in sent


def test_the_form_says_what_is_published_and_asks_for_consent(client):
    page = client.get(VORSCHLAG_URL).content.decode()
    assert "Was veröffentlicht wird" in page and "wird nicht veröffentlicht" in page
    assert 'name="veroeffentlichen"' in page and 'name="einwilligung"' in page
    assert 'enctype="multipart/form-data"' in page
    response = client.post(VORSCHLAG_URL, valid_proposal(veroeffentlichen="", einwilligung=""))
    assert response.status_code == 422
    assert errors_of(response) == {"veroeffentlichen": ["required"], "einwilligung": ["required"]}
    assert not Organisation.objects.exists()


def test_a_logo_needs_a_description_and_must_be_an_image(client):
    response = client.post(VORSCHLAG_URL, valid_proposal(logo=make_image_upload(name="logo.png", fmt="PNG")))
    assert response.status_code == 422 and errors_of(response) == {"logo_alt": ["alt_text_required"]}
    response = client.post(
        VORSCHLAG_URL, valid_proposal(logo=SimpleUploadedFile("logo.jpg", b"kein Bild"), logo_alt="Logo")
    )
    assert response.status_code == 422 and "logo" in errors_of(response)
    response = client.post(
        VORSCHLAG_URL, valid_proposal(logo=make_image_upload(name="logo.png", fmt="PNG"), logo_alt="Eine Sonne")
    )
    assert response.status_code == 302
    organisation = Organisation.objects.get()
    assert organisation.bild and organisation.bild_alt == "Eine Sonne" and organisation.bild_varianten


@pytest.mark.parametrize(
    ("change", "field", "code"),
    [
        ({"name": ""}, "name", "required"),
        ({"sprachen": []}, "sprachen", "required"),
        ({"sprachen": ["999999"]}, "sprachen", "invalid_choice"),
        ({"sprachen": ["x"]}, "sprachen", "invalid_pk_value"),
        ({"internetseite": "keine adresse"}, "internetseite", "invalid"),
        ({"kontakt_telefon": "ruf mich an"}, "kontakt_telefon", "invalid_phone"),
        ({"ansprechperson_email": "kaputt"}, "ansprechperson_email", "invalid"),
    ],
)
def test_bad_input_gets_a_message_at_the_field(client, change, field, code):
    response = client.post(VORSCHLAG_URL, valid_proposal(**change))
    assert response.status_code == 422
    assert code in errors_of(response)[field]
    assert f'href="#id_{field}' in response.content.decode()  # the error summary links to the field


def test_empty_post_never_gives_a_server_error(client):
    assert client.post(VORSCHLAG_URL, {}).status_code == 422


def test_honeypot_and_time_trap_stop_bots(client, settings):
    response = client.post(VORSCHLAG_URL, valid_proposal(website="http://spam.example"))
    assert response.status_code == 422 and "honeypot" in errors_of(response)["__all__"]
    response = client.post(VORSCHLAG_URL, valid_proposal(gestartet="gefälscht"))
    assert response.status_code == 422 and "forged_token" in errors_of(response)["__all__"]
    settings.ANFRAGE_MIN_FILL_SECONDS = 3
    response = client.post(VORSCHLAG_URL, valid_proposal(gestartet=start_token()))
    assert response.status_code == 422 and "too_fast" in errors_of(response)["__all__"]
    assert not Organisation.objects.exists()


def test_too_many_proposals_from_one_address_get_429_with_the_text_kept(client, settings):
    settings.ORGANISATION_RATE_LIMIT = 2
    for n in range(2):
        assert client.post(VORSCHLAG_URL, valid_proposal(name=f"Verein {n}")).status_code == 302
    response = client.post(VORSCHLAG_URL, valid_proposal(name="Dritter Verein"))
    assert response.status_code == 429 and "Retry-After" in response
    assert 'value="Dritter Verein"' in response.content.decode()
    assert Organisation.objects.count() == 2


def test_a_rejected_csrf_token_brings_the_input_back_with_a_fresh_token():
    response = Client(enforce_csrf_checks=True).post(VORSCHLAG_URL, valid_proposal(name="Verein nach Pause"))
    assert response.status_code == 403
    page = response.content.decode()
    assert "Bitte senden Sie das Formular noch einmal" in page
    assert 'value="Verein nach Pause"' in page and "Samstags 15 Uhr" in page
    assert 'name="csrfmiddlewaretoken"' in page
    assert not Organisation.objects.exists()


def test_staff_without_the_right_to_change_entries_get_no_mail(client, mailoutbox, django_capture_on_commit_callbacks):
    leser = make_staff("leser")
    leser.email = "leser@stadt.example"
    leser.save()
    leser.user_permissions.add(Permission.objects.get(codename="view_organisation"))
    with django_capture_on_commit_callbacks(execute=True):
        client.post(VORSCHLAG_URL, valid_proposal())
    assert mailoutbox == []
