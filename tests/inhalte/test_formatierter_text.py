"""Formatted text through the admin and on the public pages: cleaned when stored, cleaned again when shown."""

import re

import pytest
from django.test import Client

from inhalte.models import Uebersetzungsstand
from tests.factories import make_staff, make_thema, make_veranstaltung, thema_admin_form
from themen.models import Thema

pytestmark = pytest.mark.django_db

ATTACK = (
    '<h2 onmouseover="alert(1)">Wichtig</h2><p>Text<script>alert("x")</script>'
    '<img src=x onerror=alert(2)><a href="javascript:alert(3)">Link</a>'
    '<a href="https://example.org" target="_blank">Extern</a></p><iframe src="https://evil.example"></iframe>'
)
SAFE = '<h2>Wichtig</h2><p>Text<a rel="noopener">Link</a><a href="https://example.org" rel="noopener">Extern</a></p>'
FORBIDDEN = ("<script", "onerror", "onmouseover", "javascript:", "<iframe", "<img", 'target="_blank"', "alert(")


@pytest.fixture
def redaktion():
    client = Client()
    client.force_login(make_staff("redakteurin", "Redaktion"))
    return client


def test_attacks_posted_to_the_admin_are_stored_and_shown_clean(redaktion):
    thema = make_thema(slug="fest")
    form = thema_admin_form(thema, beschreibung_de=ATTACK, beschreibung_en=ATTACK, punkte_tr=ATTACK)
    response = redaktion.post(f"/admin/themen/thema/{thema.pk}/change/", form)
    assert response.status_code == 302, response.content.decode()[:2000]
    thema.refresh_from_db()
    assert thema.beschreibung_de == SAFE and thema.beschreibung_en == SAFE
    assert thema.punkte_tr == SAFE.replace("<h2>Wichtig</h2>", "Wichtig")  # the points allow no heading
    for url in ("/themen/fest/", "/en/themen/fest/", "/tr/themen/fest/"):
        page = Client().get(url).content.decode()
        assert "Wichtig" in page and not any(bad in page for bad in FORBIDDEN), url


def test_text_saved_another_way_is_cleaned_on_save_and_again_when_shown():
    event = make_veranstaltung(titel="Fest", beschreibung=ATTACK)
    event.refresh_from_db()
    assert event.beschreibung == SAFE
    # a value that got into the database without save() (an import, raw SQL) is still cleaned when shown
    type(event).objects.filter(pk=event.pk).update(beschreibung_de=ATTACK)
    page = Client().get(event.get_absolute_url()).content.decode()
    # The page's one script element is its structured data (escaped, see tests/inhalte/test_structured_data.py).
    page = re.sub(r'<script type="application/ld\+json">[^<]*</script>', "", page, count=1)
    assert "Wichtig" in page and not any(bad in page for bad in FORBIDDEN)


def test_the_formatting_is_shown_on_the_public_page():
    formatted = '<h2>Mitbringen</h2><ol><li>Pass</li></ol><p><strong>Wichtig</strong> <a href="/anfrage/">Anfrage</a>'
    thema = make_thema(slug="fest", beschreibung=formatted + "</p>")
    page = Client().get(thema.get_absolute_url()).content.decode()
    assert formatted.replace('">Anfrage', '" rel="noopener">Anfrage') in page


def test_a_formatting_only_change_leaves_translations_current_a_changed_word_does_not():
    thema = make_thema(slug="fest", beschreibung="<p>Bitte pünktlich kommen.</p>")
    thema.beschreibung_en = "<p>Please be on time.</p>"
    thema.save()
    assert thema.uebersetzungsstand("en") == Uebersetzungsstand.AKTUELL
    thema.beschreibung_de = "<p>Bitte <strong>pünktlich</strong> kommen.</p>"
    thema.save()
    assert Thema.objects.get(pk=thema.pk).uebersetzungsstand("en") == Uebersetzungsstand.AKTUELL
    thema.beschreibung_de = "<p>Bitte <strong>früh</strong> kommen.</p>"
    thema.save()
    assert Thema.objects.get(pk=thema.pk).uebersetzungsstand("en") == Uebersetzungsstand.VERALTET


def test_the_editor_is_offered_for_every_formatted_field_in_every_language(redaktion):
    thema = make_thema(slug="fest")
    page = redaktion.get(f"/admin/themen/thema/{thema.pk}/change/").content.decode()
    for lang in ("de", "en", "tr", "ar", "uk", "ru"):
        for field in ("punkte", "beschreibung"):
            assert f'id="id_{field}_{lang}"' in page
    assert page.count("data-django-prose-editor") >= 12
    assert 'type="importmap" nonce="' in page  # the editor's modules, allowed by the page's CSP nonce
