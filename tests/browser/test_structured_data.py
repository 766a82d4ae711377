"""Structured data under the Content-Security-Policy: a data block, never run, never reported."""

import json

import pytest
from playwright.sync_api import Page

from tests.factories import make_meldung, make_ort, make_sitzung, make_veranstaltung

pytestmark = pytest.mark.browser


def test_json_ld_breaks_no_csp_and_runs_nothing(live_server, page: Page):
    evil = "</script><script>alert(1)</script>"
    event = make_veranstaltung(titel=evil, ort=make_ort())
    pages = ["/", event.get_absolute_url(), make_meldung(titel=evil).get_absolute_url()]
    pages.append(make_sitzung().get_absolute_url())
    csp, dialogs = [], []
    page.on("console", lambda msg: csp.append(msg.text) if "Content Security Policy" in msg.text else None)
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    for path in pages:
        page.goto(live_server.url + path)
        assert csp == [] and dialogs == [], path
        assert page.locator("script").count() == 1, path
        data = page.locator('script[type="application/ld+json"]').text_content()
        assert json.loads(data)["@type"] in ("GovernmentOrganization", "Event", "NewsArticle"), path
