"""Recurring dates and registration with a waiting list, as residents use them on a phone (360 px)."""

import re
from pathlib import Path

import pytest
from django.core import mail
from django.core.management import call_command
from playwright.sync_api import Page, expect

from teilnahmen.models import Teilnahme
from tests.kalenderprogramm import khal_import_and_list, require_khal

pytestmark = pytest.mark.browser

WORKSHOP = "Beispiel: Workshop „Briefe vom Amt verstehen“"
SPRECHSTUNDE = "Beispiel: Sprechstunde des Integrationsrats"
LINK = re.compile(r"https?://\S+/anmeldung/[\w-]+/")


@pytest.fixture
def seeded(live_server, settings):
    settings.SITE_URL = live_server.url  # the links in the mails lead to this server
    call_command("seed_content", "--demo", verbosity=0)
    return live_server


def link_in(message) -> str:
    return LINK.search(message.body).group(0)


def mails_to(address: str) -> list:
    return [m for m in mail.outbox if m.to == [address]]


def register(page: Page, *, name: str, email: str, begleitung: str | None = None) -> None:
    page.get_by_label("Ihr Name").fill(name)
    page.get_by_label("E-Mail-Adresse").fill(email)
    if begleitung is not None:
        page.get_by_label("Wie viele Personen bringen Sie mit?").select_option(begleitung)
    page.get_by_role("checkbox", name=re.compile(r"^Ich bin einverstanden")).check()
    page.get_by_role("button", name="Anmeldung absenden").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Danke für Ihre Anmeldung")


def test_resident_registers_a_second_waits_and_moves_up_when_the_first_cancels(seeded, browser, page: Page):
    assert page.viewport_size["width"] == 360
    page.goto(f"{seeded.url}/veranstaltungen/")
    page.get_by_role("link", name=WORKSHOP).click()
    box = page.get_by_role("region", name="Anmeldung")
    expect(box).to_contain_text("Noch 3 Plätze frei.")
    box.get_by_role("link", name="Jetzt anmelden").click()
    # The workshop's question, and companions: with two, the resident's family takes all three places.
    page.get_by_label(re.compile("Brauchen Sie eine Übersetzung")).fill("Arabisch")
    register(page, name="Amal Beispiel", email="amal@example.org", begleitung="2")

    [bestaetigung] = mails_to("amal@example.org")
    assert "Anmeldung bestätigt" in bestaetigung.subject
    page.get_by_role("link", name="Zurück zur Veranstaltung").click()
    # Fresh, though the page was seen before: the places are filled in per visit.
    expect(page.get_by_role("region", name="Anmeldung")).to_contain_text("Alle Plätze sind vergeben.")

    zweite = browser.new_context(viewport={"width": 360, "height": 800}, locale="de-DE").new_page()
    zweite.goto(page.url)
    zweite.get_by_role("region", name="Anmeldung").get_by_role("link", name="Auf die Warteliste").click()
    register(zweite, name="Bohdan Beispiel", email="bohdan@example.org")
    [warteliste] = mails_to("bohdan@example.org")
    assert "Warteliste" in warteliste.subject
    zweite.goto(link_in(warteliste))
    expect(zweite.get_by_text("Sie stehen auf der Warteliste, an Stelle 1.")).to_be_visible()

    page.goto(link_in(bestaetigung))
    expect(page.get_by_text("Ihr Platz ist bestätigt.")).to_be_visible()
    page.get_by_role("button", name="Anmeldung absagen").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Ihre Anmeldung ist abgesagt")
    assert not Teilnahme.objects.filter(email="amal@example.org").exists()

    nachgerueckt = mails_to("bohdan@example.org")[-1]
    assert "Ein Platz ist frei geworden" in nachgerueckt.subject
    assert link_in(nachgerueckt) == link_in(warteliste)
    zweite.reload()
    expect(zweite.get_by_text("Ihr Platz ist bestätigt.")).to_be_visible()
    zweite.context.close()


def test_the_consultation_hour_shows_its_next_dates_and_a_calendar_imports_them(seeded, page: Page):
    require_khal()
    page.goto(f"{seeded.url}/veranstaltungen/")
    # The list shows the series once, with its rule.
    expect(page.get_by_role("link", name=SPRECHSTUNDE)).to_have_count(1)
    page.get_by_role("link", name=SPRECHSTUNDE).click()
    termine = page.get_by_role("region", name="Regelmäßiger Termin")
    expect(termine).to_contain_text("alle 2 Wochen am Dienstag")
    expect(termine.get_by_role("listitem")).to_have_count(3)

    with page.expect_download() as download:
        termine.get_by_role("link", name="Alle Termine der Reihe in meinen Kalender").click()
    ics = Path(download.value.path()).read_bytes()
    von, bis = "2026-01-01", "2030-01-01"
    in_beckum = khal_import_and_list(ics, zone="Europe/Berlin", von=von, bis=bis)
    assert len(in_beckum) == 26
    assert {start[-5:] for start, _end, _title in in_beckum} == {"17:00"}
    # A year of dates runs across both changes of the clocks: in UTC they start at 16:00 or 15:00.
    in_utc = khal_import_and_list(ics, zone="UTC", von=von, bis=bis)
    assert {start[-5:] for start, _end, _title in in_utc} == {"15:00", "16:00"}
