"""WCAG 2.1 AA in a real browser: axe-core on every page type in every language, phone width, keyboard only."""

import re

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.conf import settings
from django.core.management import call_command
from django.urls import reverse
from playwright.sync_api import Page, expect

from aktuelles.models import Meldung
from anfragen.models import Anfrage
from benachrichtigungen.models import Abonnement, Anmeldung
from benachrichtigungen.services import anmeldung_create
from gremien.models import Sitzung, Vorlage
from seiten.models import Gebaerdensprachvideo
from teilnahmen.models import Teilnahme
from teilnahmen.services import teilnahme_create
from tests.factories import make_abonnement, make_anfrage, make_gebaerdensprachvideo
from veranstaltungen.models import Veranstaltung

pytestmark = pytest.mark.browser

LANGS = [code for code, _name in settings.LANGUAGES]
AXE_OPTIONS = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}}
GERMAN_ONLY = [
    "/ueber-uns/leichte-sprache/",
    "/anfrage/leichte-sprache/",
    "/sitzungen/leichte-sprache/",
    "/leichte-sprache/",
    "/leichte-sprache/themen/",
    "/leichte-sprache/termine/",
]


def public_paths() -> list[str]:
    beispiel = Veranstaltung.objects.get(slug="beispiel-sprechstunde")
    workshop = Veranstaltung.objects.get(slug="beispiel-workshop")
    # The page behind the link in a registration's mails (status, cancel).
    teilnahme = Teilnahme.objects.first() or teilnahme_create(
        veranstaltung_id=workshop.pk, name="Axe Beispiel", email="axe@example.org", sprache="de"
    )
    sitzungen = [s.get_absolute_url() for s in Sitzung.objects.filter(slug__startswith="beispiel-")]
    vorlage = Vorlage.objects.get()
    # The example news with a heading, a list and a link, and the one with a topic and an event.
    meldungen = [
        m.get_absolute_url()
        for m in Meldung.objects.filter(
            slug__in=["beispiel-meldung-mit-formatiertem-text", "beispiel-hinweis-auf-einen-termin"]
        )
    ]
    anfrage = Anfrage.objects.first() or make_anfrage()
    # The sign-language page as it is once staff uploaded a video (player, captions, download).
    Gebaerdensprachvideo.objects.exists() or make_gebaerdensprachvideo()
    # The pages behind the links in an alert's mails: confirm, unsubscribe.
    abonnement = Abonnement.objects.first() or make_abonnement()
    anmeldung = Anmeldung.objects.first() or anmeldung_create(
        email="axe@example.org", themen=[], alle_themen=True, sprache="de", termine=True, meldungen=True
    )
    return [
        anfrage.get_status_url(),
        anmeldung.get_confirm_url(),
        abonnement.get_unsubscribe_url(),
        "/",
        "/themen/",
        "/themen/fest-der-kulturen/",
        "/veranstaltungen/",
        "/veranstaltungen/?thema=ansprechperson",
        "/veranstaltungen/?hinweis=thema",  # where an unknown topic leads: the list with a notice
        "/veranstaltungen/2024/",
        "/aktuelles/",
        *meldungen,
        "/sitzungen/",
        "/sitzungen/2024/",
        "/sitzungen/2024/sitzung-des-integrationsrats/",
        *sitzungen,  # one to come (with its invitation), one past (with results and minutes)
        vorlage.get_absolute_url(),
        "/mitglieder/",
        "/mitglieder/?sprache=tr",
        "/mitglieder/?hinweis=sprache",
        "/mitglieder/ehemalige/",
        beispiel.get_absolute_url(),  # a date of a series, with the next dates
        workshop.get_absolute_url(),  # with registration: places left
        workshop.get_anmelden_url(),
        reverse("teilnahmen:gesendet", kwargs={"jahr": workshop.datum.year, "slug": workshop.slug}),
        teilnahme.get_absolute_url(),
        "/rueckblick/2024/",
        "/anfrage/",
        "/benachrichtigungen/",
        "/benachrichtigungen/gesendet/",
        "/organisationen/",
        "/organisationen/?sprache=ar",
        "/organisationen/?sprache=xx",  # an unknown language: the whole list with a notice
        "/organisationen/beispiel-kulturverein/",
        "/organisationen/vorschlagen/",
        "/organisationen/vorschlagen/gesendet/",
        "/ueber-uns/",
        "/impressum/",
        "/datenschutz/",
        "/barrierefreiheit/",
        "/gebaerdensprache/",
        "/barriere-melden/",
        "/barriere-melden/?seite=/themen/",
        "/suche/",
        "/suche/?q=kultur",  # results with marked words
        "/suche/?q=Quantenphysik",  # nothing found: the way on
        "/suche/?q=%F0%9F%99%82",  # no word in it: the message
        "/gibt-es-nicht/",
    ]


def in_language(lang: str, path: str) -> str:
    return path if lang == "de" else f"/{lang}{path}"


@pytest.fixture
def seeded(live_server):
    call_command("seed_content", "--demo", verbosity=0)
    return live_server


def check_page(page: Page, axe: Axe, problems: list[str]) -> None:
    results = axe.run(page, options=AXE_OPTIONS)
    if results.violations_count:
        problems.append(f"{page.url}:\n{results.generate_report()}")
    # 320 CSS px (and so 200 % zoom of a 640 px window) without sideways scrolling
    overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
    if overflow > 0:
        problems.append(f"{page.url}: {overflow}px horizontal scrolling at 320px")


@pytest.mark.parametrize("lang", LANGS)
def test_axe_finds_no_violations_on_any_page_type(seeded, browser, lang):
    context = browser.new_context(viewport={"width": 320, "height": 700})
    page = context.new_page()
    axe = Axe()
    problems: list[str] = []
    paths = public_paths() + (GERMAN_ONLY if lang == "de" else [])
    for path in paths:
        page.goto(seeded.url + in_language(lang, path))
        expect(page.locator("html")).to_have_attribute("lang", lang if path not in GERMAN_ONLY else "de")
        check_page(page, axe, problems)
    # the forms with errors, as someone sees them after a wrong submission
    workshop = Veranstaltung.objects.get(slug="beispiel-workshop").get_anmelden_url()
    for form in ("/anfrage/", "/benachrichtigungen/", "/barriere-melden/", "/organisationen/vorschlagen/", workshop):
        page.goto(seeded.url + in_language(lang, form))
        page.locator("form.request-form button[type=submit]").click()
        expect(page.locator(".error-summary")).to_be_visible()
        check_page(page, axe, problems)
    context.close()
    assert not problems, "\n\n".join(problems)


def tab_to(page: Page, predicate_js: str, *, backwards: bool = False, limit: int = 80) -> None:
    """Press Tab (or Shift+Tab) until the focused element matches; fail if it never does."""
    for _ in range(limit):
        if page.evaluate(f"(el => {predicate_js})(document.activeElement)"):
            return
        page.keyboard.press("Shift+Tab" if backwards else "Tab")
    raise AssertionError(f"never reached focus on: {predicate_js}")


def test_keyboard_only_request(seeded, page: Page):
    """From the start page to a reference number with Tab, Shift+Tab, Space, Enter and typing only."""
    page.goto(seeded.url + "/")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent").strip() == "Zum Inhalt springen"
    tab_to(page, "el.classList.contains('site-nav__cta')")
    page.keyboard.press("Enter")
    expect(page).to_have_url(seeded.url + "/anfrage/")

    # submit the empty form: the error summary appears with links to the fields
    tab_to(page, "el.type === 'submit' && el.closest('form.request-form') !== null")
    page.keyboard.press("Enter")
    summary = page.locator(".error-summary")
    expect(summary).to_be_visible()
    expect(summary.get_by_role("link")).to_have_count(4)

    # follow the summary's link to the message field with the keyboard
    page.keyboard.press("Shift+Tab")  # into the page, whatever was focused
    tab_to(page, "el.getAttribute('href') === '#id_nachricht'", backwards=False)
    page.keyboard.press("Enter")
    tab_to(page, "el.id === 'id_nachricht'")
    page.keyboard.type("Ich suche einen Deutschkurs am Abend.")
    tab_to(page, "el.id === 'id_email'", backwards=True)
    page.keyboard.type("kurs@example.org")
    tab_to(page, "el.id === 'id_themenbereich'")
    page.keyboard.press("ArrowDown")
    assert page.evaluate("document.activeElement.value") != ""
    tab_to(page, "el.id === 'id_einwilligung'")
    page.keyboard.press("Space")
    assert page.evaluate("document.activeElement.checked")
    tab_to(page, "el.type === 'submit' && el.closest('form.request-form') !== null")
    page.keyboard.press("Enter")

    referenz = page.locator("#referenz")
    expect(referenz).to_have_text(re.compile(r"IR-\d{4}-\d{4}"))
    results = Axe().run(page, options=AXE_OPTIONS)  # the confirmation page, too
    assert results.violations_count == 0, results.generate_report()
    anfrage = Anfrage.objects.get(referenz=referenz.inner_text())
    assert anfrage.nachricht == "Ich suche einen Deutschkurs am Abend."
    assert anfrage.email == "kurs@example.org"


def test_everything_works_without_javascript(seeded, browser):
    context = browser.new_context(java_script_enabled=False, viewport={"width": 360, "height": 800})
    page = context.new_page()
    page.goto(seeded.url + "/veranstaltungen/")
    page.get_by_label("Nur Termine zum Thema").select_option(label="Fest der Kulturen")
    page.get_by_role("button", name="Anzeigen").click()
    expect(page).to_have_url(re.compile(r"thema=fest-der-kulturen"))
    expect(page.locator(".event-card")).to_have_count(1)
    page.get_by_role("link", name="Українська").click()
    expect(page).to_have_url(re.compile(r"/uk/veranstaltungen/\?thema=fest-der-kulturen"))
    expect(page.locator("html")).to_have_attribute("lang", "uk")
    context.close()


def test_axe_check_catches_a_real_violation(seeded, page: Page):
    """Guards the guard: the same axe run flags a barrier when one is there."""
    page.goto(seeded.url + "/")
    page.evaluate("document.querySelector('h1').style.color = '#dddddd'")
    results = Axe().run(page, options=AXE_OPTIONS)
    assert "color-contrast" in {v["id"] for v in results.response["violations"]}
