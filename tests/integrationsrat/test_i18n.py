"""Every resident can read it: languages, right-to-left, formats, translated content."""

import datetime
import re

import pytest
from django.conf import settings
from django.urls import reverse
from django.utils import translation
from django.utils.formats import date_format

from anfragen.forms import start_token
from tests.factories import (
    make_meldung,
    make_mitgliedschaft,
    make_organisation,
    make_rueckblick,
    make_sitzung,
    make_staff,
    make_thema,
    make_themenbereich,
    make_veranstaltung,
    make_vorlage,
)
from themen.models import Thema

pytestmark = pytest.mark.django_db

LANGS = [code for code, _name in settings.LANGUAGES]
RTL = {"ar"}


def url_in(lang: str, name: str, *args) -> str:
    with translation.override(lang):
        return reverse(name, args=args)


@pytest.fixture
def content():
    thema = make_thema(slug="fest")
    make_veranstaltung(slug="sitzung", datum=datetime.date(2024, 11, 14), thema=thema)
    make_veranstaltung(slug="kommend", thema=thema)
    make_veranstaltung(slug="workshop", datum=datetime.date(2030, 5, 7), anmeldung=True, plaetze=5)
    make_rueckblick(jahr=2024, themen=[thema])
    make_themenbereich()
    make_sitzung(slug="ratssitzung", datum=datetime.date(2024, 11, 14))
    make_vorlage(pk=4711)
    make_meldung(slug="meldung", datum=datetime.date(2024, 11, 15), themen=[thema])
    make_mitgliedschaft(ende=datetime.date(2024, 1, 1))
    make_organisation(slug="kulturverein", sprachen=["ar"])
    from seiten.models import Seite

    for key in Seite.Schluessel.values:
        Seite.objects.create(schluessel=key, titel=key)
    return thema


PAGES = [
    ("start", (), 200),
    ("themen:list", (), 200),
    ("themen:detail", ("fest",), 200),
    ("themen:detail", ("gibt-es-nicht",), 404),
    ("themen:rueckblick", (2024,), 200),
    ("themen:rueckblick", (1999,), 404),
    ("veranstaltungen:list", (), 200),
    ("veranstaltungen:jahr", (2024,), 200),
    ("veranstaltungen:jahr", (1999,), 404),
    ("veranstaltungen:detail", (2024, "sitzung"), 200),
    ("veranstaltungen:detail", (2024, "gibt-es-nicht"), 404),
    ("aktuelles:list", (), 200),
    ("aktuelles:detail", (2024, "meldung"), 200),
    ("aktuelles:detail", (2023, "meldung"), 404),
    ("gremien:mitglieder", (), 200),
    ("gremien:ehemalige", (), 200),
    ("gremien:sitzungen", (), 200),
    ("gremien:sitzungen_jahr", (2024,), 200),
    ("gremien:sitzungen_jahr", (1999,), 404),
    ("gremien:sitzung", (2024, "ratssitzung"), 200),
    ("gremien:sitzung", (2024, "gibt-es-nicht"), 404),
    ("gremien:vorlage", (4711,), 200),
    ("gremien:vorlage", (4712,), 404),
    ("suche:suche", (), 200),
    ("anfragen:formular", (), 200),
    ("anfragen:leichte_sprache", (), 200),
    ("benachrichtigungen:anmeldung", (), 200),
    ("benachrichtigungen:gesendet", (), 200),
    ("teilnahmen:anmelden", (2030, "workshop"), 200),
    ("teilnahmen:anmelden", (2024, "sitzung"), 404),  # an event without registration
    ("teilnahmen:gesendet", (2030, "workshop"), 200),
    ("organisationen:list", (), 200),
    ("organisationen:detail", ("kulturverein",), 200),
    ("organisationen:detail", ("gibt-es-nicht",), 404),
    ("organisationen:vorschlagen", (), 200),
    ("organisationen:gesendet", (), 200),
    ("seiten:ueber-uns", (), 200),
    ("seiten:ueber-uns-leichte-sprache", (), 200),
    ("seiten:sitzungen-leichte-sprache", (), 200),
    ("seiten:impressum", (), 200),
    ("seiten:datenschutz", (), 200),
    ("seiten:barrierefreiheit", (), 200),
    ("seiten:leichte-sprache", (), 200),
    ("seiten:themen-leichte-sprache", (), 200),
    ("seiten:termine-leichte-sprache", (), 200),
    ("seiten:gebaerdensprache", (), 200),
    ("seiten:barriere_melden", (), 200),
]


@pytest.mark.parametrize("lang", LANGS)
def test_every_page_renders_in_every_language_with_lang_and_dir(client, content, lang):
    direction = "rtl" if lang in RTL else "ltr"
    for name, args, status in PAGES:
        url = url_in(lang, name, *args)
        assert url.startswith("/" if lang == "de" else f"/{lang}/"), url
        response = client.get(url)
        assert response.status_code == status, url
        assert f'<html lang="{lang}" dir="{direction}">' in response.content.decode(), url


def test_german_has_no_prefix_and_admin_stays_german(client, content):
    assert url_in("de", "themen:list") == "/themen/"
    assert client.get("/de/themen/").status_code == 404
    response = client.get(reverse("admin:login"), HTTP_ACCEPT_LANGUAGE="ar")
    assert '<html lang="de"' in response.content.decode()


def test_language_switcher_and_hreflang_keep_the_visitor_on_the_same_page(client, content):
    # The topic filter is part of the page; a tracking parameter is not (the page never sees it).
    page = client.get("/tr/veranstaltungen/?thema=fest&utm_source=x").content.decode()
    for lang in LANGS:
        target = "/veranstaltungen/" if lang == "de" else f"/{lang}/veranstaltungen/"
        assert f'href="{target}?thema=fest" lang="{lang}" hreflang="{lang}"' in page
        assert f'<link rel="alternate" hreflang="{lang}" href="{settings.SITE_URL}{target}">' in page
    assert f'hreflang="x-default" href="{settings.SITE_URL}/veranstaltungen/"' in page
    assert "utm_source" not in page
    # each language is named in its own language, and the current one is marked
    assert ">العربية</a>" in page and ">Українська</a>" in page
    assert 'lang="tr" hreflang="tr" dir="ltr" aria-current="true">Türkçe' in page


def test_arabic_uses_the_rtl_stylesheet(client, content):
    assert "bootstrap.rtl.min.css" in client.get("/ar/").content.decode()
    assert "bootstrap.rtl.min.css" not in client.get("/").content.decode()


def test_untranslated_content_shows_german_with_a_notice_in_the_visitors_language(client, content):
    with translation.override("en"):
        notice = translation.gettext(
            "Dieser Text ist noch nicht in Ihre Sprache übersetzt. Sie sehen die deutsche Fassung."
        )
    assert "Sie sehen die deutsche Fassung" not in notice  # the notice itself is translated
    page = client.get("/en/themen/fest/").content.decode()
    assert notice in page
    assert content.titel in page
    assert '<article class="prose" lang="de">' in page  # screen readers read it as German


def test_translated_content_is_shown_without_notice(client, content):
    content.titel_en = "Festival of Cultures"
    content.kurztext_en = "Every year."
    content.punkte_en = "A stand"
    content.save()
    page = client.get("/en/themen/fest/").content.decode()
    assert "Festival of Cultures" in page and "A stand" in page
    article = page.split("<article", 1)[1].split("</article>", 1)[0]
    assert 'lang="de"' not in article
    with translation.override("en"):
        assert (
            translation.gettext("Dieser Text ist noch nicht in Ihre Sprache übersetzt. Sie sehen die deutsche Fassung.")
            not in page
        )


def test_translation_state_follows_changes_of_the_german_text():
    thema = make_thema(titel="Wohnen")
    assert thema.uebersetzungsstand("en") == "fehlt"
    thema.titel_en = "Housing"
    thema.save()
    assert thema.uebersetzungsstand("en") == "aktuell"
    assert thema.uebersetzungsstand("tr") == "fehlt"
    thema.titel_de = "Wohnen und Miete"  # German changes, English does not
    thema.save()
    assert Thema.objects.get(pk=thema.pk).uebersetzungsstand("en") == "veraltet"
    thema.titel_en = "Housing and rent"  # the translator catches up
    thema.save()
    assert Thema.objects.get(pk=thema.pk).uebersetzungsstand("en") == "aktuell"


def test_admin_shows_outdated_translations(client):
    thema = make_thema(titel="Wohnen", titel_en="Housing")
    thema.titel_de = "Wohnen und Miete"
    thema.save()
    client.force_login(make_staff("redakteurin", "Redaktion"))
    changelist = client.get(reverse("admin:themen_thema_changelist")).content.decode()
    assert re.search(r"EN&nbsp;veraltet", changelist)
    assert re.search(r"TR&nbsp;fehlt", changelist)
    change = client.get(reverse("admin:themen_thema_change", args=[thema.pk])).content.decode()
    assert "English – Übersetzung" in change and "Veraltet: Der deutsche Text wurde" in change
    assert 'name="titel_ar"' in change


@pytest.mark.parametrize(
    ("lang", "expected"),
    [("de", "14. November 2024"), ("en", "Nov. 14, 2024"), ("ru", "14 ноября 2024"), ("uk", "14 листопада 2024")],
)
def test_dates_are_formatted_per_language(client, content, lang, expected):
    page = client.get(url_in(lang, "veranstaltungen:detail", 2024, "sitzung")).content.decode()
    assert expected in page
    with translation.override(lang):
        assert date_format(datetime.date(2024, 11, 14), "DATE_FORMAT") in page


@pytest.mark.parametrize("lang", ["tr", "ar", "uk"])
def test_request_form_preselects_the_visitors_language_and_confirms_in_it(client, lang):
    bereich = make_themenbereich()
    page = client.get(url_in(lang, "anfragen:formular")).content.decode()
    assert f'<option value="{lang}" selected>' in page
    response = client.post(
        url_in(lang, "anfragen:formular"),
        {
            "email": "a@example.org",
            "themenbereich": bereich.pk,
            "nachricht": "Eine Frage in meiner Sprache",
            "sprache": lang,
            "einwilligung": "on",
            "gestartet": start_token(),
        },
    )
    assert response.url == url_in(lang, "anfragen:gesendet")
    page = client.get(response.url).content.decode()
    assert f'<html lang="{lang}"' in page
    with translation.override(lang):
        assert translation.gettext("Wie geht es weiter?") in page


def test_leichte_sprache_is_linked_from_the_german_pages_only(client, content):
    ls_about = url_in("de", "seiten:ueber-uns-leichte-sprache")
    ls_form = url_in("de", "anfragen:leichte_sprache")
    assert ls_about in client.get(url_in("de", "seiten:ueber-uns")).content.decode()
    assert ls_form in client.get(url_in("de", "anfragen:formular")).content.decode()
    assert "Leichter Sprache" not in client.get("/en/ueber-uns/").content.decode()


def test_leichte_sprache_request_page_shows_its_text_and_the_form(client, content):
    from seiten.models import Seite

    Seite.objects.filter(schluessel="anfrage-leichte-sprache").update(titel_de="Eine Frage schicken")
    url = url_in("de", "anfragen:leichte_sprache")
    page = client.get(url).content.decode()
    assert "Eine Frage schicken" in page
    assert 'name="nachricht"' in page and f'action="{url}"' in page


def named_public_routes() -> set[str]:
    """Every named route under the language prefixes ("namespace:name")."""
    from django.urls import URLResolver, get_resolver
    from django.urls.resolvers import LocalePrefixPattern

    names = set()

    def walk(patterns, namespace=""):
        for p in patterns:
            if isinstance(p, URLResolver):
                ns = f"{namespace}{p.namespace}:" if p.namespace else namespace
                walk(p.url_patterns, ns)
            elif p.name:
                names.add(namespace + p.name)

    for p in get_resolver().url_patterns:
        if isinstance(p, URLResolver) and isinstance(p.pattern, LocalePrefixPattern):
            walk(p.url_patterns)
    return names


def test_every_public_route_is_checked_in_every_language():
    # Routes that are not HTML pages get their own tests (iCal in
    # test_views.py, the sent page after a real submission above).
    not_pages = {
        "veranstaltungen:kalender_ics",
        "veranstaltungen:detail_ics",
        "gremien:sitzung_ics",
        "veranstaltungen:feed",  # Atom feeds: tests/inhalte/test_feeds.py
        "aktuelles:feed",
        "themen:feed",
        "gremien:dokument",  # PDFs: tests/gremien/test_pages.py
        "gremien:dokument_download",
        "anfragen:gesendet",
        "seiten:barriere_gesendet",  # after a real report: tests/seiten/test_barriere.py
        "anfragen:status",  # needs a request's secret token: tests/anfragen/test_workflow.py
        "benachrichtigungen:bestaetigen",  # need a subscriber's token: tests/benachrichtigungen/test_anmeldung.py
        "benachrichtigungen:abmelden",
        "teilnahmen:teilnahme",  # needs a registration's token: tests/teilnahmen/test_views.py
        "veranstaltungen:reihe_ics",  # a series' dates: tests/veranstaltungen/test_kalenderprogramm.py
    }
    assert named_public_routes() - not_pages == {name for name, _args, _status in PAGES}


@pytest.mark.parametrize("lang", LANGS)
def test_calendar_files_in_every_language(client, content, lang):
    for url in (
        url_in(lang, "veranstaltungen:kalender_ics"),
        url_in(lang, "veranstaltungen:detail_ics", 2024, "sitzung"),
        url_in(lang, "gremien:sitzung_ics", 2024, "ratssitzung"),
    ):
        response = client.get(url)
        assert response.status_code == 200 and response["Content-Type"].startswith("text/calendar"), url


NAV_SECTIONS = [
    # (page, the navigation link marked as current, or None)
    (("start",), None),
    (("themen:list",), "themen:list"),
    (("themen:detail", "fest"), "themen:list"),
    (("themen:rueckblick", 2024), None),
    (("veranstaltungen:list",), "veranstaltungen:list"),
    (("veranstaltungen:jahr", 2024), "veranstaltungen:list"),
    (("veranstaltungen:detail", 2024, "sitzung"), "veranstaltungen:list"),
    (("seiten:ueber-uns",), "seiten:ueber-uns"),
    (("seiten:impressum",), None),
    (("anfragen:formular",), None),
]


@pytest.mark.parametrize("lang", LANGS)
def test_the_main_navigation_marks_the_current_section_in_every_language(client, content, lang):
    for (name, *args), current in NAV_SECTIONS:
        response = client.get(url_in(lang, name, *args))
        assert response.status_code == 200, (lang, name)
        nav = response.content.decode().split('<nav class="site-nav"', 1)[1].split("</nav>", 1)[0]
        marked = re.findall(r'<a href="([^"]+)" aria-current="page">', nav)
        assert marked == ([url_in(lang, current)] if current else []), (lang, name)
