"""The public request form: validation, bad input, and nothing typed is lost."""

import pytest
from django.test import Client
from django.urls import reverse

from anfragen.forms import start_token
from anfragen.models import Anfrage
from tests.factories import make_themenbereich

pytestmark = pytest.mark.django_db
URL = reverse("anfragen:formular")


@pytest.fixture
def bereich():
    return make_themenbereich(name="Wohnen")


@pytest.fixture
def valid(bereich):
    return {
        "name": "",
        "email": "hilfe@example.org",
        "telefon": "",
        "themenbereich": str(bereich.pk),
        "nachricht": "Mein Vermieter antwortet nicht auf meine Briefe.",
        "sprache": "de",
        "einwilligung": "on",
        "gestartet": start_token(),
    }


def test_valid_request_is_saved_and_shows_reference_and_next_steps(client, valid):
    response = client.post(URL, valid, follow=True)
    anfrage = Anfrage.objects.get()
    assert response.redirect_chain == [(reverse("anfragen:gesendet"), 302)]
    page = response.content.decode()
    assert anfrage.referenz in page
    assert "Wie geht es weiter?" in page
    assert anfrage.nachricht == valid["nachricht"]


def test_sent_page_without_a_request_goes_back_to_the_form(client):
    assert client.get(reverse("anfragen:gesendet")).url == URL


def test_phone_alone_is_enough(client, valid):
    response = client.post(URL, {**valid, "email": "", "telefon": "+49 2521 12345"})
    assert response.status_code == 302
    assert Anfrage.objects.get().telefon == "+49 2521 12345"


def test_form_lists_only_active_topics(client, bereich):
    make_themenbereich(name="Altes Thema", aktiv=False)
    page = client.get(URL).content.decode()
    assert "Wohnen" in page and "Altes Thema" not in page


def errors_of(response):
    return {field: [e.code for e in errors.as_data()] for field, errors in response.context["form"].errors.items()}


@pytest.mark.parametrize(
    ("change", "field", "code"),
    [
        ({"email": "", "telefon": ""}, "email", "contact_required"),
        ({"email": "keine-adresse"}, "email", "invalid"),
        ({"email": "a" * 250 + "@example.org"}, "email", "max_length"),
        ({"telefon": "ruf mich an"}, "telefon", "invalid_phone"),
        ({"nachricht": ""}, "nachricht", "required"),
        ({"nachricht": "   kurz  "}, "nachricht", "too_short"),
        ({"nachricht": "x" * 5001}, "nachricht", "max_length"),
        ({"nachricht": "Hallo\x00Welt, bitte helfen"}, "nachricht", "null_characters_not_allowed"),
        ({"name": "n" * 101}, "name", "max_length"),
        ({"themenbereich": "999999"}, "themenbereich", "invalid_choice"),
        ({"themenbereich": "abc"}, "themenbereich", "invalid_choice"),
        ({"sprache": "xx"}, "sprache", "invalid_choice"),
        ({"einwilligung": ""}, "einwilligung", "required"),
    ],
)
def test_bad_input_gets_a_message_at_the_field_and_keeps_the_text(client, valid, change, field, code):
    data = {**valid, **change}
    response = client.post(URL, data)
    assert response.status_code == 422
    assert code in errors_of(response)[field]
    page = response.content.decode()
    assert "Bitte prüfen Sie Ihre Angaben" in page
    assert f'href="#id_{field}"' in page  # the summary links to the field
    if change.get("nachricht", "").strip() and "\x00" not in data["nachricht"] and len(data["nachricht"]) < 200:
        assert data["nachricht"].strip() in page
    assert Anfrage.objects.count() == 0


def test_empty_submission_is_rejected_without_server_error(client):
    response = client.post(URL, {})
    assert response.status_code == 422
    assert Anfrage.objects.count() == 0


def test_script_tags_are_stored_as_text_and_shown_escaped(client, valid, admin_client):
    evil = '<script>alert("x")</script> Bitte um Rückruf'
    response = client.post(URL, {**valid, "name": evil, "email": "kaputt"})
    page = response.content.decode()
    assert "<script>alert" not in page
    assert "&lt;script&gt;alert" in page
    client.post(URL, {**valid, "name": evil, "nachricht": evil})
    anfrage = Anfrage.objects.get()
    assert anfrage.nachricht == evil  # stored as typed
    admin_page = admin_client.get(reverse("admin:anfragen_anfrage_change", args=[anfrage.pk])).content.decode()
    assert "<script>alert" not in admin_page and "&lt;script&gt;alert" in admin_page


def test_post_without_csrf_token_is_403_and_keeps_the_text(valid):
    client = Client(enforce_csrf_checks=True)
    response = client.post(URL, valid)
    assert response.status_code == 403
    page = response.content.decode()
    assert "Bitte senden Sie das Formular noch einmal" in page
    assert valid["nachricht"] in page
    assert 'name="csrfmiddlewaretoken"' in page  # a fresh token to send it again
    assert Anfrage.objects.count() == 0


def test_csrf_failure_elsewhere_gets_a_designed_403():
    response = Client(enforce_csrf_checks=True).post(reverse("admin:login"), {"username": "x"})
    assert response.status_code == 403
    assert "Das Formular ist abgelaufen" in response.content.decode()
