"""A resident on a phone looks for migrant organisations that speak Arabic."""

import pytest
from django.core.management import call_command
from playwright.sync_api import Page, expect

pytestmark = pytest.mark.browser


@pytest.fixture
def seeded(live_server):
    call_command("seed_content", "--demo", verbosity=0)
    return live_server


def test_resident_on_a_phone_filters_the_directory_by_arabic(seeded, page: Page):
    assert page.viewport_size["width"] == 360
    page.goto(seeded.url + "/")
    page.get_by_role("link", name="Migrantenorganisationen in Beckum").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Migrantenorganisationen in Beckum")
    karten = page.locator("article.org-card h2")
    expect(karten).to_have_count(3)

    page.get_by_label("Spricht die Sprache").select_option(label="Arabisch")
    page.get_by_role("button", name="Anzeigen").click()

    expect(page).to_have_url(seeded.url + "/organisationen/?sprache=ar&angebot=")
    expect(page.get_by_role("link", name="Beispiel: Kulturverein")).to_be_visible()
    expect(page.get_by_role("link", name="Beispiel: Frauentreff")).to_have_count(0)
    expect(page.get_by_role("link", name="Beispiel: Sportgruppe")).to_have_count(0)
    expect(page.locator(".org-count")).to_contain_text("1 Organisation")
    expect(page.get_by_label("Spricht die Sprache")).to_have_value("ar")
    # Nothing wider than the phone.
    assert page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth") <= 0

    page.get_by_role("link", name="Beispiel: Kulturverein").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Beispiel: Kulturverein")
    expect(page.locator(".facts")).to_contain_text("Arabisch")
