"""Registering on the site, the personal link, cancelling; bots, limits, bad input and the page cache."""

import datetime
import re
from unittest import mock

import pytest
from django.conf import settings
from django.core.cache import cache
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from anfragen.spam import start_token
from teilnahmen.models import Teilnahme
from tests.factories import make_teilnahme, make_veranstaltung
from veranstaltungen.views import VeranstaltungDetailView

pytestmark = pytest.mark.django_db
# What the page cache fills in per visit (tokens, places left): never left in a page.
PLATZHALTER = re.compile(r"__[A-Z][A-Z_]*__")


@pytest.fixture(autouse=True)
def _registration_settings(settings):
    # The limit has its own test; elsewhere many registrations come from the test client's one address.
    settings.TEILNAHME_RATE_LIMIT = 1000


@pytest.fixture
def veranstaltung():
    return make_veranstaltung(
        titel="Beispiel Kochabend", anmeldung=True, plaetze=3, begleitpersonen_max=2, anmeldefrage="Essen Sie vegan?"
    )


def form_url(v) -> str:
    return v.get_anmelden_url()


def gesendet_url(v) -> str:
    return reverse("teilnahmen:gesendet", kwargs={"jahr": v.datum.year, "slug": v.slug})


def valid_form(**changes) -> dict:
    return {
        "name": "Beispiel Person",
        "email": "person@example.org",
        "telefon": "",
        "begleitpersonen": "0",
        "antwort": "",
        "sprache": "de",
        "einwilligung": "on",
        "gestartet": start_token(),
        **changes,
    }


def register(client, v, capture, **changes):
    with capture(execute=True):
        return client.post(form_url(v), valid_form(**changes))


def link(body: str) -> str:
    """The path of the personal link in a mail body, without SITE_URL."""
    match = re.search(rf"{re.escape(settings.SITE_URL)}(/(?:[a-z]{{2}}/)?anmeldung/[^/\s]+/)", body)
    assert match, body
    return match.group(1)


def errors_of(response) -> dict[str, list[str]]:
    return {field: [e.code for e in errors.as_data()] for field, errors in response.context["form"].errors.items()}


def test_the_form_shows_places_companions_and_the_question(client, veranstaltung):
    response = client.get(form_url(veranstaltung))
    assert response.status_code == 200
    page = response.content.decode()
    assert "Noch 3 Plätze frei." in page
    assert "Beispiel Kochabend" in page
    assert 'name="begleitpersonen"' in page and '<option value="2">2</option>' in page
    assert "Essen Sie vegan? (freiwillig)" in page
    assert not PLATZHALTER.search(page)  # every placeholder (tokens, places) filled in
    assert 'name="csrfmiddlewaretoken"' in page and 'name="gestartet"' in page


def test_the_form_without_companions_or_question_does_not_ask_for_them(client):
    v = make_veranstaltung(anmeldung=True, plaetze=5)
    page = client.get(form_url(v)).content.decode()
    assert 'name="begleitpersonen"' not in page and 'name="antwort"' not in page
    assert client.post(form_url(v), valid_form(begleitpersonen="2", antwort="x")).status_code == 302
    assert Teilnahme.objects.get().personen == 1


def test_the_form_in_arabic_is_right_to_left_and_mails_in_arabic(
    client, veranstaltung, mailoutbox, django_capture_on_commit_callbacks
):
    formular, gesendet = form_url(veranstaltung), gesendet_url(veranstaltung)  # German addresses
    response = client.get("/ar" + formular)
    assert response.status_code == 200
    page = response.content.decode()
    assert '<html lang="ar" dir="rtl">' in page
    assert '<option value="ar" selected>' in page
    assert f'action="/ar{formular}"' in page
    assert not PLATZHALTER.search(page)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/ar" + formular, valid_form(sprache="ar"))
    assert response.status_code == 302 and response.url == "/ar" + gesendet
    assert link(mailoutbox[0].body).startswith("/ar/anmeldung/")


def test_a_valid_registration_redirects_and_mails_the_personal_link(
    client, veranstaltung, mailoutbox, django_capture_on_commit_callbacks
):
    response = register(
        client,
        veranstaltung,
        django_capture_on_commit_callbacks,
        begleitpersonen="1",
        telefon="02521 12345",
        antwort="Ja",
    )
    assert response.status_code == 302 and response.url == gesendet_url(veranstaltung)
    assert client.get(response.url).status_code == 200
    teilnahme = Teilnahme.objects.get()
    assert (teilnahme.name, teilnahme.begleitpersonen, teilnahme.telefon, teilnahme.antwort) == (
        "Beispiel Person",
        1,
        "02521 12345",
        "Ja",
    )
    assert teilnahme.bestaetigt and teilnahme.einwilligung_am is not None
    [mail] = mailoutbox
    assert mail.to == ["person@example.org"] and "Beispiel Kochabend" in mail.subject
    assert link(mail.body) == teilnahme.get_absolute_url()
    assert "Ihr Platz ist bestätigt" in mail.body


def test_the_personal_page_shows_the_status_and_the_place_on_the_waiting_list(client):
    v = make_veranstaltung(anmeldung=True, plaetze=1, titel="Beispiel Workshop")
    bestaetigt, erste, zweite = make_teilnahme(v, name="Beispiel Eins"), make_teilnahme(v), make_teilnahme(v)
    page = client.get(bestaetigt.get_absolute_url()).content.decode()
    assert "Ihr Platz ist bestätigt." in page and "Beispiel Eins" in page and "Beispiel Workshop" in page
    assert '<meta name="robots" content="noindex">' in page
    assert "Sie stehen auf der Warteliste, an Stelle 1." in client.get(erste.get_absolute_url()).content.decode()
    assert "Sie stehen auf der Warteliste, an Stelle 2." in client.get(zweite.get_absolute_url()).content.decode()


def test_opening_the_link_never_cancels_only_a_post_does(client, mailoutbox, django_capture_on_commit_callbacks):
    v = make_veranstaltung(anmeldung=True, plaetze=1)
    teilnahme, wartend = make_teilnahme(v), make_teilnahme(v)
    url = teilnahme.get_absolute_url()
    for _ in range(3):  # mail scanners and previews open links
        assert client.get(url).status_code == 200
        assert client.head(url).status_code == 200
    assert Teilnahme.objects.filter(pk=teilnahme.pk).exists()
    assert client.put(url).status_code == 405

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url)
    assert response.status_code == 200 and "Ihre Anmeldung ist abgesagt" in response.content.decode()
    assert not Teilnahme.objects.filter(pk=teilnahme.pk).exists()
    wartend.refresh_from_db()
    assert wartend.bestaetigt and [mail.to for mail in mailoutbox] == [[wartend.email]]
    # A second tab, a double click: still the same answer, nothing else changes.
    again = client.post(url)
    assert again.status_code == 200 and "Ihre Anmeldung ist abgesagt" in again.content.decode()
    assert client.get(url).status_code == 404
    assert Teilnahme.objects.get() == wartend


def test_the_personal_page_speaks_the_language_of_its_link(client):
    teilnahme = make_teilnahme(sprache="ar")
    page = client.get("/ar" + teilnahme.get_absolute_url()).content.decode()
    assert '<html lang="ar" dir="rtl">' in page


def test_honeypot_and_time_trap_stop_bots(client, veranstaltung, settings):
    response = client.post(form_url(veranstaltung), valid_form(website="http://spam.example"))
    assert response.status_code == 422 and "honeypot" in errors_of(response)["__all__"]
    response = client.post(form_url(veranstaltung), valid_form(gestartet="gefälscht"))
    assert response.status_code == 422 and "forged_token" in errors_of(response)["__all__"]
    response = client.post(form_url(veranstaltung), valid_form(gestartet=""))
    assert response.status_code == 422 and "forged_token" in errors_of(response)["__all__"]
    settings.ANFRAGE_MIN_FILL_SECONDS = 3
    response = client.post(form_url(veranstaltung), valid_form(gestartet=start_token()))
    assert response.status_code == 422 and "too_fast" in errors_of(response)["__all__"]
    assert not Teilnahme.objects.exists()


def test_too_many_registrations_from_one_address_get_429_with_the_text_kept(client, veranstaltung, settings):
    settings.TEILNAHME_RATE_LIMIT = 2
    for n in range(2):
        assert client.post(form_url(veranstaltung), valid_form(email=f"p{n}@example.org")).status_code == 302
    response = client.post(form_url(veranstaltung), valid_form(email="dritte@example.org", name="Beispiel Drei"))
    assert response.status_code == 429
    assert 0 < int(response["Retry-After"]) <= 3600
    page = response.content.decode()
    wieder_ab = timezone.localtime().replace(minute=0, second=0) + datetime.timedelta(hours=1)
    assert f"ab {wieder_ab:%H:%M} Uhr" in page
    assert 'value="dritte@example.org"' in page and 'value="Beispiel Drei"' in page
    assert not PLATZHALTER.search(page)
    assert Teilnahme.objects.count() == 2


def test_a_bot_caught_by_a_trap_counts_against_the_limit_a_correction_does_not(client, veranstaltung, settings):
    settings.TEILNAHME_RATE_LIMIT = 1
    for _ in range(3):
        assert client.post(form_url(veranstaltung), valid_form(email="")).status_code == 422
    assert client.post(form_url(veranstaltung), valid_form(website="spam")).status_code == 422
    assert client.post(form_url(veranstaltung), valid_form()).status_code == 429


def test_a_rejected_csrf_token_brings_the_text_back_with_a_fresh_token(veranstaltung):
    form = valid_form(email="eltern@example.org", name="Beispiel Eltern", begleitpersonen="2", antwort="Ja, vegan")
    response = Client(enforce_csrf_checks=True).post(form_url(veranstaltung), form)
    assert response.status_code == 403
    page = response.content.decode()
    assert "Bitte senden Sie das Formular noch einmal" in page
    assert 'value="eltern@example.org"' in page and 'value="Beispiel Eltern"' in page
    assert '<option value="2" selected>' in page and "Ja, vegan" in page
    assert 'name="csrfmiddlewaretoken"' in page and not PLATZHALTER.search(page)
    assert not Teilnahme.objects.exists()


@pytest.mark.parametrize(
    ("change", "field", "code"),
    [
        ({"name": ""}, "name", "required"),
        ({"name": "x" * 151}, "name", "max_length"),
        ({"email": ""}, "email", "required"),
        ({"email": "keine-adresse"}, "email", "invalid"),
        ({"email": "a\x00b@example.org"}, "email", "null_characters_not_allowed"),
        ({"email": "x" * 300 + "@example.org"}, "email", "max_length"),
        ({"telefon": "ruf mich an"}, "telefon", "invalid_phone"),
        ({"begleitpersonen": "3"}, "begleitpersonen", "invalid_choice"),
        ({"begleitpersonen": "-1"}, "begleitpersonen", "invalid_choice"),
        ({"begleitpersonen": "abc"}, "begleitpersonen", "invalid_choice"),
        ({"begleitpersonen": "9" * 40}, "begleitpersonen", "invalid_choice"),
        ({"antwort": "x" * 501}, "antwort", "max_length"),
        ({"sprache": "xx"}, "sprache", "invalid_choice"),
        ({"einwilligung": ""}, "einwilligung", "required"),
    ],
)
def test_bad_input_gets_a_message_at_the_field(client, veranstaltung, change, field, code):
    response = client.post(form_url(veranstaltung), valid_form(**change))
    assert response.status_code == 422
    assert code in errors_of(response)[field]
    page = response.content.decode()
    assert f'href="#id_{field}"' in page and f'id="id_{field}"' in page  # the summary leads to the field
    assert not PLATZHALTER.search(page)
    assert not Teilnahme.objects.exists()


def test_junk_never_gives_a_server_error(client, veranstaltung):
    assert client.post(form_url(veranstaltung), {}).status_code == 422
    assert client.post(form_url(veranstaltung), {"begleitpersonen": ["1", "2"], "email": ["a", "b"]}).status_code == 422
    for token in ("x", "a" * 2000, "%F0%9F%98%80", "' OR 1=1 --", "..", "%00"):
        url = reverse("teilnahmen:teilnahme", kwargs={"token": token})
        assert client.get(url).status_code == 404, token
        # A post to a link that is gone: it may have been cancelled a moment ago, which is what was wanted.
        assert client.post(url).status_code == 200, token
    for url in (
        f"/veranstaltungen/{veranstaltung.datum.year + 1}/{veranstaltung.slug}/anmelden/",
        f"/veranstaltungen/{veranstaltung.datum.year}/gibt-es-nicht/anmelden/",
        f"/veranstaltungen/{veranstaltung.datum.year}/gibt-es-nicht/anmelden/gesendet/",
    ):
        assert client.get(url).status_code == 404, url
        assert client.post(url, valid_form()).status_code == 404, url
    assert not Teilnahme.objects.exists()


def test_an_event_without_registration_has_no_form(client):
    v = make_veranstaltung()
    assert client.get(form_url(v)).status_code == 404
    assert client.post(form_url(v), valid_form()).status_code == 404
    assert client.get(gesendet_url(v)).status_code == 404
    assert "Jetzt anmelden" not in client.get(v.get_absolute_url()).content.decode()
    entwurf = make_veranstaltung(anmeldung=True, plaetze=5, veroeffentlicht=False)
    assert client.get(form_url(entwurf)).status_code == 404
    assert not Teilnahme.objects.exists()


def test_a_closed_registration_says_so_and_stores_nothing(client, mailoutbox, django_capture_on_commit_callbacks):
    v = make_veranstaltung(anmeldung=True, plaetze=5, anmeldeschluss=timezone.now() - datetime.timedelta(hours=1))
    assert "Die Anmeldung ist geschlossen." in client.get(v.get_absolute_url()).content.decode()
    assert "Jetzt anmelden" not in client.get(v.get_absolute_url()).content.decode()
    response = register(client, v, django_capture_on_commit_callbacks, name="Beispiel Spät")
    assert response.status_code == 409
    page = response.content.decode()
    assert "Anmeldung nicht möglich" in page and 'value="Beispiel Spät"' in page
    assert not Teilnahme.objects.exists() and mailoutbox == []


def test_a_full_event_offers_the_waiting_list(client):
    v = make_veranstaltung(anmeldung=True, plaetze=1)
    make_teilnahme(v)
    page = client.get(v.get_absolute_url()).content.decode()
    assert "Alle Plätze sind vergeben." in page and "Auf die Warteliste" in page
    assert client.post(form_url(v), valid_form()).status_code == 302
    assert Teilnahme.objects.get(email="person@example.org").status == Teilnahme.Status.WARTELISTE


@pytest.fixture
def page_cache(settings):
    settings.PAGE_CACHE_SECONDS = 300


def cached_paths() -> list[str]:
    return [key.split(":", 4)[-1] for key in cache._cache]  # LocMemCache's own keys (":1:seite:de:/...")


def test_the_places_left_are_fresh_on_the_cached_event_and_form_pages(page_cache, client, veranstaltung):
    seite, formular = veranstaltung.get_absolute_url(), form_url(veranstaltung)
    assert "Noch 3 Plätze frei." in Client().get(seite).content.decode()
    assert "Noch 3 Plätze frei." in Client().get(formular).content.decode()
    assert any(path.startswith(seite) for path in cached_paths())
    assert any(path.startswith(formular) for path in cached_paths())

    assert client.post(formular, valid_form(begleitpersonen="1")).status_code == 302
    # The page itself comes from the cache (its view does not run), only the number is new.
    with mock.patch.object(VeranstaltungDetailView, "get", side_effect=AssertionError("not cached")):
        assert "Noch 1 Platz frei." in Client().get(seite).content.decode()
    assert "Noch 1 Platz frei." in Client().get(formular).content.decode()
    # Filled in the page's language: the button leads to the English form.
    englisch = Client().get("/en" + seite).content.decode()
    assert f'href="/en{formular}"' in englisch and not PLATZHALTER.search(englisch)

    make_teilnahme(veranstaltung)
    page = Client().get(seite).content.decode()
    assert "Alle Plätze sind vergeben." in page and not PLATZHALTER.search(page)


def test_two_visitors_of_the_cached_form_get_their_own_tokens(page_cache, veranstaltung):
    first, second = Client().get(form_url(veranstaltung)), Client().get(form_url(veranstaltung))
    token = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
    assert token.search(first.content.decode()).group(1) != token.search(second.content.decode()).group(1)
    assert "private" in first["Cache-Control"]


def test_the_personal_page_never_enters_the_page_cache(page_cache, veranstaltung):
    teilnahme = make_teilnahme(veranstaltung, name="Beispiel Geheim")
    for url in (teilnahme.get_absolute_url(), "/ar" + teilnahme.get_absolute_url()):
        response = Client().get(url)
        assert response.status_code == 200 and "Beispiel Geheim" in response.content.decode()
        assert "no-store" in response["Cache-Control"] and "private" in response["Cache-Control"]
    assert not [path for path in cached_paths() if "anmeldung" in path]
    assert not [key for key in cache._cache if teilnahme.token in key]
    Client().post(teilnahme.get_absolute_url())
    assert Client().get(teilnahme.get_absolute_url()).status_code == 404
