"""Take screenshots of the main pages at phone and desktop width.

Usage: [ADMIN_USER=admin ADMIN_PASSWORD=...] .venv/bin/python scripts/screenshots.py [BASE_URL] [OUT_DIR]
With ADMIN_PASSWORD set it also shoots the admin's request list.
Look at them before calling a UI change done.
"""

import datetime
import os
import sys
from pathlib import Path

from playwright.sync_api import sync_playwright

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from scripts.chromium import CHROMIUM, CHROMIUM_ARGS  # noqa: E402

BASE = sys.argv[1] if len(sys.argv) > 1 else "http://127.0.0.1:8000"
OUT = Path(sys.argv[2] if len(sys.argv) > 2 else "test-artifacts/screenshots")
PAGES = {
    "start": "/",
    "thema": "/themen/fest-der-kulturen/",
    "termine": "/veranstaltungen/",
    "termin": "/veranstaltungen/",
    "aktuelles": "/aktuelles/",
    "aktuelles-ar": "/ar/aktuelles/",
    "sitzungen": "/sitzungen/",
    "sitzung": "/sitzungen/2024/sitzung-des-integrationsrats/",
    "mitglieder": "/mitglieder/",
    "sitzungen-ar": "/ar/sitzungen/",
    "mitglieder-ar": "/ar/mitglieder/",
    "rueckblick": "/rueckblick/2024/",
    "ueber-uns": "/ueber-uns/",
    "suche": "/suche/?q=kultur",
    "suche-tippfehler-tr": "/tr/suche/?q=k%C3%BClt%C3%BCrlr",
    "suche-ar": "/ar/suche/?q=%D9%85%D8%AC%D9%84%D8%B3",
    "suche-nichts": "/suche/?q=Quantenphysik",
    "benachrichtigungen": "/benachrichtigungen/",
    "benachrichtigungen-ar": "/ar/benachrichtigungen/",
    "404": "/gibt-es-nicht/",
    "leichte-sprache": "/leichte-sprache/",
    "barrierefreiheit": "/barrierefreiheit/",
    "barrierefreiheit-ar": "/ar/barrierefreiheit/",
    "gebaerdensprache": "/gebaerdensprache/",
    "barriere-melden": "/barriere-melden/?seite=/themen/",
    "organisationen": "/organisationen/",
    "organisationen-ar": "/ar/organisationen/?sprache=ar",
    "organisation": "/organisationen/beispiel-kulturverein/",
    "organisation-vorschlagen": "/organisationen/vorschlagen/",
}
# The demo's workshop (with registration) is 21 days ahead, its consultation hour (a series) about a week.
_jahr = (datetime.date.today() + datetime.timedelta(days=21)).year
_reihe_jahr = (datetime.date.today() + datetime.timedelta(days=13)).year
PAGES |= {
    "workshop": f"/veranstaltungen/{_jahr}/beispiel-workshop/",
    "workshop-ar": f"/ar/veranstaltungen/{_jahr}/beispiel-workshop/",
    "workshop-anmelden": f"/veranstaltungen/{_jahr}/beispiel-workshop/anmelden/",
    "workshop-anmelden-ar": f"/ar/veranstaltungen/{_jahr}/beispiel-workshop/anmelden/",
    "sprechstunde": f"/veranstaltungen/{_reihe_jahr}/beispiel-sprechstunde/",
}
WIDTHS = {"phone": 360, "desktop": 1280}

OUT.mkdir(parents=True, exist_ok=True)
with sync_playwright() as p:
    browser = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
    for label, width in WIDTHS.items():
        page = browser.new_page(viewport={"width": width, "height": 800})
        for name, path in PAGES.items():
            page.goto(BASE + path)
            page.screenshot(path=OUT / f"{name}-{label}.png", full_page=True)
        page.goto(BASE + "/anfrage/")
        page.click("button[type=submit]")
        page.screenshot(path=OUT / f"formular-fehler-{label}.png", full_page=True)
        if os.environ.get("ADMIN_PASSWORD"):
            page.goto(BASE + "/admin/login/")
            page.fill("#id_username", os.environ.get("ADMIN_USER", "admin"))
            page.fill("#id_password", os.environ["ADMIN_PASSWORD"])
            page.click("input[type=submit]")
            page.goto(BASE + "/admin/anfragen/anfrage/")
            page.screenshot(path=OUT / f"admin-anfragen-{label}.png", full_page=True)
            page.context.clear_cookies()
        page.close()
    browser.close()
print(f"screenshots in {OUT}")
