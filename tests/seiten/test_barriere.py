"""Barriere melden: the footer's form lands in the Beratung's list as a barrier report, guarded as requests are."""

import datetime
import re

import pytest
from django.conf import settings
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from anfragen.models import Anfrage
from anfragen.spam import start_token
from tests.factories import make_staff, make_thema

pytestmark = pytest.mark.django_db
URL = reverse("seiten:barriere_melden")


def valid_form(**changes) -> dict:
    return {
        "beschreibung": "Der Knopf „Suchen“ lässt sich nicht mit der Tastatur erreichen.",
        "seite": "https://portal.example.org/themen/",
        "name": "",
        "email": "",
        "telefon": "",
        "einwilligung": "on",
        "gestartet": start_token(),
        "website": "",
        **changes,
    }


def seite_input(page: str) -> str:
    return re.search(r'<input[^>]*name="seite"[^>]*>', page).group(0)


def errors_of(response) -> dict[str, list[str]]:
    return {field: [e.code for e in errors.as_data()] for field, errors in response.context["form"].errors.items()}


def test_every_page_links_to_the_form_with_its_own_address(client):
    make_thema(slug="wohnen")
    for path in ("/", "/themen/wohnen/", "/en/themen/"):
        page = client.get(path).content.decode()
        assert f'barriere-melden/?seite={path.replace("/", "%2F")}"' in page, path


def test_the_footer_link_is_outside_the_cached_footer(client, settings):
    """The footer is one cached fragment per language: the link must still name each page."""
    settings.FRAGMENT_CACHE_SECONDS = 300
    make_thema(slug="wohnen")
    assert "?seite=%2Fthemen%2F" in client.get("/themen/").content.decode()
    assert "?seite=%2Fthemen%2Fwohnen%2F" in client.get("/themen/wohnen/").content.decode()


def test_the_page_address_is_prefilled_and_only_one_of_this_site(client):
    page = client.get(URL, {"seite": "/themen/"}).content.decode()
    assert f'value="{settings.SITE_URL}/themen/"' in seite_input(page)
    assert f'<link rel="canonical" href="{settings.SITE_URL}{URL}">' in page  # one address for the form
    for fremd in ("//evil.example/x", "https://evil.example/", "javascript:alert(1)", "/\\evil.example"):
        page = client.get(URL, {"seite": fremd}).content.decode()
        assert "value=" not in seite_input(page), fremd


def test_a_report_without_contact_reaches_the_beratung_list_as_a_barrier(client):
    response = client.post(URL, valid_form(), follow=True)
    meldung = Anfrage.objects.get()
    assert response.redirect_chain == [(reverse("seiten:barriere_gesendet"), 302)]
    page = response.content.decode()
    assert meldung.referenz in page and "keine Kontaktdaten" in page
    assert meldung.art == Anfrage.Art.BARRIERE
    assert meldung.seite_url == "https://portal.example.org/themen/"
    assert meldung.nachricht.startswith("Der Knopf") and meldung.email == meldung.telefon == ""
    assert meldung.themenbereich is None and meldung.sprache == "de"
    # one month to answer, not the request's working days
    assert meldung.frist_am - meldung.eingegangen_am >= datetime.timedelta(days=28)

    beratung = Client()
    beratung.force_login(make_staff("beraterin", "Beratung"))
    liste = beratung.get(reverse("admin:anfragen_anfrage_changelist"), {"art__exact": "barriere"})
    assert liste.status_code == 200
    assert meldung.referenz in liste.content.decode() and "Barriere-Meldung" in liste.content.decode()
    detail = beratung.get(reverse("admin:anfragen_anfrage_change", args=[meldung.pk])).content.decode()
    assert "https://portal.example.org/themen/" in detail and "Der Knopf" in detail


def test_contact_is_optional_but_checked_when_given(client):
    response = client.post(URL, valid_form(email="keine-adresse", telefon="ruf an"))
    assert response.status_code == 422
    assert errors_of(response) == {"email": ["invalid"], "telefon": ["invalid_phone"]}
    response = client.post(URL, valid_form(name="Ayşe", email="ayse@example.org"), follow=True)
    meldung = Anfrage.objects.get()
    assert (meldung.name, meldung.email) == ("Ayşe", "ayse@example.org")
    assert "keine Kontaktdaten" not in response.content.decode()


def test_the_answer_language_is_the_page_language(client):
    client.post("/tr" + URL, valid_form())
    assert Anfrage.objects.get().sprache == "tr"


@pytest.mark.parametrize(
    ("change", "field", "code"),
    [
        ({"beschreibung": ""}, "beschreibung", "required"),
        ({"beschreibung": "  kaputt "}, "beschreibung", "too_short"),
        ({"beschreibung": "x" * 5001}, "beschreibung", "max_length"),
        ({"seite": "x" * 501}, "seite", "max_length"),
        ({"einwilligung": ""}, "einwilligung", "required"),
    ],
)
def test_bad_input_is_marked_at_its_field_and_the_text_stays(client, change, field, code):
    response = client.post(URL, valid_form(**change))
    assert response.status_code == 422
    assert code in errors_of(response)[field]
    page = response.content.decode()
    assert f'href="#id_{field}"' in page  # the error summary leads to the field
    if field != "beschreibung":
        assert "lässt sich nicht mit der Tastatur erreichen" in page
    assert not Anfrage.objects.exists()


def test_honeypot_and_time_trap_stop_bots(client, settings):
    response = client.post(URL, valid_form(website="http://spam.example"))
    assert response.status_code == 422 and "honeypot" in errors_of(response)["__all__"]
    response = client.post(URL, valid_form(gestartet="gefälscht"))
    assert response.status_code == 422 and "forged_token" in errors_of(response)["__all__"]
    settings.ANFRAGE_MIN_FILL_SECONDS = 3
    response = client.post(URL, valid_form(gestartet=start_token()))
    assert response.status_code == 422 and "too_fast" in errors_of(response)["__all__"]
    assert not Anfrage.objects.exists()


def test_too_many_reports_from_one_address_get_429_with_the_text_kept(client, settings):
    settings.ANFRAGE_RATE_LIMIT = 2
    for _ in range(2):
        assert client.post(URL, valid_form()).status_code == 302
    response = client.post(URL, valid_form(beschreibung="Die dritte Meldung in einer Stunde, bitte lesen."))
    assert response.status_code == 429
    assert 0 < int(response["Retry-After"]) <= 3600
    wieder_ab = timezone.localtime().replace(minute=0, second=0) + datetime.timedelta(hours=1)
    page = response.content.decode()
    assert f"ab {wieder_ab:%H:%M} Uhr" in page and "Die dritte Meldung in einer Stunde" in page
    assert Anfrage.objects.count() == 2


def test_bots_caught_count_against_the_limit_too(client, settings):
    settings.ANFRAGE_RATE_LIMIT = 2
    for _ in range(2):
        client.post(URL, valid_form(website="http://spam.example"))
    assert client.post(URL, valid_form()).status_code == 429
    assert not Anfrage.objects.exists()


def test_a_rejected_csrf_token_keeps_the_text_and_offers_a_fresh_one():
    client = Client(enforce_csrf_checks=True)
    response = client.post(URL, valid_form())
    assert response.status_code == 403
    page = response.content.decode()
    assert "Bitte senden Sie das Formular noch einmal" in page
    assert "lässt sich nicht mit der Tastatur erreichen" in page
    assert 'value="https://portal.example.org/themen/"' in page
    assert 'name="csrfmiddlewaretoken"' in page and "__CSRF_TOKEN__" not in page
    assert not Anfrage.objects.exists()


def test_the_form_is_page_cached_with_per_visit_tokens_but_never_with_a_page_address(settings):
    settings.PAGE_CACHE_SECONDS = 300
    first, second = Client(), Client()
    mit = first.get(URL, {"seite": "/themen/"}).content.decode()
    assert f'value="{settings.SITE_URL}/themen/"' in seite_input(mit)
    a, b = first.get(URL).content.decode(), second.get(URL).content.decode()
    assert "value=" not in seite_input(a) and "value=" not in seite_input(b)  # no visitor's address is kept
    assert "__CSRF_TOKEN__" not in a + b + mit and "__START_TOKEN__" not in a + b + mit
    token = 'name="csrfmiddlewaretoken" value="'
    assert a.split(token)[1][:20] != b.split(token)[1][:20]  # each visitor gets their own token


def test_the_confirmation_is_for_the_sender_only_and_never_cached(client):
    assert client.get(reverse("seiten:barriere_gesendet")).url == URL
    client.post(URL, valid_form())
    response = client.get(reverse("seiten:barriere_gesendet"))
    assert response.status_code == 200 and "no-store" in response["Cache-Control"]
    assert Client().get(reverse("seiten:barriere_gesendet")).url == URL


def test_the_footer_link_never_carries_a_secret_links_token(client):
    from anfragen.models import Anfrage
    from tests.factories import make_abonnement, make_anfrage

    anfrage = make_anfrage()
    abonnement = make_abonnement()
    for url in (anfrage.get_status_url(), abonnement.get_unsubscribe_url()):
        page = client.get(url).content.decode()
        assert "/barriere-melden/" in page, url
        token = url.rstrip("/").rsplit("/", 1)[1]
        assert 'href="/barriere-melden/"' in page and "barriere-melden/?seite" not in page, url
        assert token not in page.split('href="/barriere-melden/', 1)[1][:40], url
    assert Anfrage.objects.count() == 1


def test_the_barrier_confirmation_never_shows_a_requests_number(client):
    from anfragen.views import SESSION_KEY
    from tests.factories import make_anfrage

    anfrage = make_anfrage()
    session = client.session
    session[SESSION_KEY] = {"referenz": anfrage.referenz, "zeit": __import__("time").time()}
    session.save()
    response = client.get("/barriere-melden/gesendet/")
    assert response.status_code == 302 and anfrage.referenz not in response.content.decode()
