"""The Redaktion's journey in the admin: formatted text, history and restore, scheduled publishing.

A member of the Redaktion writes a topic text with a heading, a list and a
link in the editor, sees it formatted on the public page, changes it, compares
and restores the first version, and schedules an event that appears on the
public list once the clock passes its time. The page cache is on throughout,
and the browser reports no Content-Security-Policy violation on the way.
"""

import datetime

import pytest
import time_machine
from django.utils import timezone
from playwright.sync_api import Browser, Page, expect

from tests.factories import make_staff
from themen.models import Thema

pytestmark = pytest.mark.browser
PASSWORD = "Sicheres-Passwort-123"


@pytest.fixture
def desk(browser: Browser, live_server, staff_groups, settings):
    """A desktop window of a logged-in Redaktion member, and a list of the CSP violations it met."""
    settings.PAGE_CACHE_SECONDS = 300  # visitors are served from the page cache, as in production
    settings.FRAGMENT_CACHE_SECONDS = 300
    make_staff("redakteurin", "Redaktion", password=PASSWORD)
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="de-DE")
    page = context.new_page()
    page.set_default_timeout(10_000)
    violations = []
    page.on("console", lambda msg: violations.append(msg.text) if "Content Security Policy" in msg.text else None)
    page.goto(live_server.url + "/admin/login/")
    page.get_by_label("Benutzername").fill("redakteurin")
    page.get_by_label("Passwort").fill(PASSWORD)
    page.get_by_role("button", name="Anmelden").click()
    expect(page.get_by_role("heading", name="Was zu tun ist")).to_be_visible()
    yield page, violations
    context.close()


def editor(page: Page, field: str):
    """The formatting editor of the form field `field` (its wrapper, with toolbar and editable area)."""
    return page.locator(".prose-editor").filter(has=page.locator(f"textarea[name={field}]"))


def write_formatted(page: Page, field: str) -> None:
    box = editor(page, field)
    box.locator(".ProseMirror[contenteditable=true]").click()
    page.keyboard.type("Anmeldung")
    box.locator(".prose-menubar__selected").click()
    box.locator("button[data-name=heading2]").click()
    page.keyboard.press("End")
    page.keyboard.press("Enter")
    page.keyboard.type("Bitte bringen Sie mit:")
    page.keyboard.press("Enter")
    box.locator("button[data-name=bulletList]").click()
    page.keyboard.type("Pass")
    page.keyboard.press("Enter")
    page.keyboard.type("Brief vom Amt")
    page.keyboard.press("Enter")
    page.keyboard.press("Enter")  # out of the list
    page.keyboard.type("Fragen? Schreiben Sie uns")
    page.keyboard.press("Shift+Home")
    box.locator("button[data-name=link]").click()
    dialog = page.locator("dialog[open]")
    dialog.get_by_label("URL").fill("/anfrage/")
    dialog.get_by_role("button", name="Aktualisieren").click()


def public(browser: Browser, url: str) -> Page:
    """The page as an anonymous visitor gets it (a fresh window without session: the page cache answers)."""
    page = browser.new_context(viewport={"width": 360, "height": 800}).new_page()
    page.goto(url)
    return page


def test_write_format_restore_and_schedule(desk, browser: Browser, live_server):
    page, violations = desk
    base = live_server.url
    with time_machine.travel(timezone.now(), tick=True) as clock:
        # 1. a new topic with a heading, a list and a link
        page.goto(base + "/admin/themen/thema/add/")
        page.get_by_label("Titel [de]").fill("Sprachcafé")
        page.get_by_label("Kurzbeschreibung [de]").fill("Deutsch üben bei Kaffee und Tee.")
        write_formatted(page, "beschreibung_de")
        page.get_by_label("Veröffentlicht").check()  # new content is a draft until someone says otherwise
        page.get_by_role("button", name="Sichern", exact=True).click()
        expect(page.locator(".messagelist")).to_contain_text("erfolgreich hinzugefügt")
        thema = Thema.objects.get(titel_de="Sprachcafé")
        assert thema.slug == "sprachcafe"

        visitor = public(browser, base + "/themen/sprachcafe/")
        text = visitor.locator(".rich-text").last
        expect(text.get_by_role("heading", level=2)).to_have_text("Anmeldung")
        expect(text.locator("ul > li")).to_have_text(["Pass", "Brief vom Amt"])
        expect(text.get_by_role("link", name="Fragen? Schreiben Sie uns")).to_have_attribute("href", "/anfrage/")

        # 2. a change, then the first version back
        page.goto(base + f"/admin/themen/thema/{thema.pk}/change/")
        box = editor(page, "beschreibung_de").locator(".ProseMirror[contenteditable=true]")
        box.get_by_text("Brief vom Amt").click()
        page.keyboard.press("End")
        page.keyboard.type(" und Mietvertrag")
        page.get_by_role("button", name="Sichern", exact=True).click()
        visitor.reload()
        expect(visitor.locator(".rich-text ul > li").last).to_have_text("Brief vom Amt und Mietvertrag")

        page.goto(base + f"/admin/themen/thema/{thema.pk}/history/")
        page.get_by_role("button", name="Ausgewählte Versionen vergleichen").click()
        expect(page.locator("ins").filter(has_text="Mietvertrag")).to_be_visible()
        page.get_by_role("link", name="Ältere Version ansehen und wiederherstellen").click()
        page.get_by_role("button", name="Sichern", exact=True).click()
        expect(page.locator(".messagelist")).to_contain_text("wiederhergestellt")
        visitor.reload()
        expect(visitor.locator(".rich-text ul > li").last).to_have_text("Brief vom Amt")

        # 3. an event that goes public in ten minutes, without anyone saving then
        start = timezone.localtime() + datetime.timedelta(minutes=10)
        tag = timezone.localdate() + datetime.timedelta(days=5)
        page.goto(base + "/admin/veranstaltungen/veranstaltung/add/")
        page.get_by_label("Titel [de]").fill("Sprachcafé im Rathaus")
        page.get_by_label("Kurzbeschreibung [de]").fill("Deutsch üben, diesmal im Rathaus.")
        page.locator("#id_datum").fill(tag.strftime("%d.%m.%Y"))
        page.locator("#id_beginn").fill("17:00")
        page.locator("#id_veroeffentlichen_ab_0").fill(start.strftime("%d.%m.%Y"))
        page.locator("#id_veroeffentlichen_ab_1").fill(start.strftime("%H:%M"))
        page.get_by_label("Veröffentlicht").check()
        page.get_by_role("button", name="Sichern", exact=True).click()
        expect(page.locator(".messagelist")).to_contain_text("erfolgreich hinzugefügt")
        expect(page.get_by_role("row", name="Sprachcafé im Rathaus")).to_contain_text("ab ")

        visitor.goto(base + "/veranstaltungen/")
        expect(visitor.get_by_role("heading", level=1)).to_have_text("Termine")
        expect(visitor.get_by_text("Sprachcafé im Rathaus")).to_have_count(0)
        page.goto(base + "/admin/")
        expect(page.get_by_role("region", name="Geplant")).to_contain_text("Sprachcafé im Rathaus")

        clock.shift(datetime.timedelta(minutes=11))
        visitor.goto(base + "/veranstaltungen/")
        expect(visitor.get_by_role("link", name="Sprachcafé im Rathaus")).to_be_visible()
    assert violations == []
