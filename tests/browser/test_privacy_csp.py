"""No third-party requests, no Content-Security-Policy violations: public pages and the admin."""

from urllib.parse import urlsplit

import pytest
from django.contrib.auth.models import User
from django.core.management import call_command
from django_otp.plugins.otp_totp.models import TOTPDevice
from playwright.sync_api import Page, expect

from anfragen.models import Anfrage
from seiten.models import Seite
from tests.factories import make_anfrage, make_gebaerdensprachvideo, totp_code
from themen.models import Thema

pytestmark = pytest.mark.browser

PUBLIC = [
    "/",
    "/themen/fest-der-kulturen/",
    "/veranstaltungen/",
    "/anfrage/",
    "/ar/",
    "/uk/anfrage/",
    "/barrierefreiheit/",
    "/gebaerdensprache/",  # with a video: the player and captions are the portal's own
    "/barriere-melden/?seite=/themen/",
    "/leichte-sprache/",
]


def watch(page: Page):
    """Collect every request's host and every CSP report the browser logs."""
    hosts, csp = set(), []
    page.on("request", lambda request: hosts.add(urlsplit(request.url).netloc))
    page.on("console", lambda msg: csp.append(msg.text) if "Content Security Policy" in msg.text else None)
    return hosts, csp


def test_public_pages_load_nothing_from_other_hosts_and_break_no_csp(live_server, page: Page):
    call_command("seed_content", "--demo", verbosity=0)
    make_gebaerdensprachvideo()
    hosts, csp = watch(page)
    for path in PUBLIC:
        page.goto(live_server.url + path)
    assert hosts == {urlsplit(live_server.url).netloc}
    assert csp == []


def test_admin_works_under_the_csp(live_server, page: Page):
    call_command("seed_content", verbosity=0)
    anfrage = make_anfrage()
    thema, seite = Thema.objects.first(), Seite.objects.first()
    User.objects.create_superuser("chefin", password="Sicheres-Passwort-123")
    hosts, csp = watch(page)
    page.goto(live_server.url + "/admin/login/")
    page.get_by_label("Benutzername").fill("chefin")
    page.get_by_label("Passwort").fill("Sicheres-Passwort-123")
    page.get_by_role("button", name="Anmelden").click()
    # A superuser's first login sets up the second factor: the QR code is inline SVG, drawn by the portal.
    expect(page.locator("svg.zweiter-faktor__qr")).to_be_visible()
    page.get_by_label("Code aus der App").fill(totp_code(TOTPDevice.objects.get(user__username="chefin")))
    page.get_by_role("button", name="Bestätigen").click()
    expect(page.locator(".zweiter-faktor__codes li")).to_have_count(10)
    page.get_by_role("link", name="weiter").click()
    for path in (
        "/admin/",
        "/admin/anfragen/anfrage/",
        f"/admin/anfragen/anfrage/{anfrage.pk}/change/",
        f"/admin/themen/thema/{thema.pk}/change/",
        "/admin/veranstaltungen/veranstaltung/add/",
        f"/admin/seiten/seite/{seite.pk}/change/",
        f"/admin/themen/thema/{thema.pk}/history/",
        "/admin/themen/thema/?uebersetzung=en-fehlt&sichtbarkeit=oeffentlich",
    ):
        response = page.goto(live_server.url + path)
        assert response.status == 200 and page.url == live_server.url + path, path
    # a collapsed translation group opens (details/summary, no script needed)
    page.goto(live_server.url + f"/admin/themen/thema/{thema.pk}/change/")
    page.get_by_text("English – Übersetzung").click()
    assert page.locator("#id_titel_en").is_visible()
    assert hosts == {urlsplit(live_server.url).netloc}
    assert csp == []
    assert Anfrage.objects.get(pk=anfrage.pk).protokoll.filter(aktion="angesehen").exists()
