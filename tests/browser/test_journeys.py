"""End-to-end journeys through the portal, as residents and staff click them.

Every test runs against a live server (transactional database) in a 360 px
German Chromium.
"""

import re
from pathlib import Path

import pytest
from django.contrib.auth.models import User
from playwright.sync_api import Page, expect

from anfragen.models import Anfrage
from tests.factories import (
    make_anfrage,
    make_dokument,
    make_sitzung,
    make_staff,
    make_tagesordnungspunkt,
    make_textbaustein,
    make_thema,
    make_themenbereich,
    make_totp_device,
    make_veranstaltung,
    totp_code,
)
from zugang.policy import second_factor_required

PASSWORD = "Sicheres-Passwort-123"
REFERENZ = re.compile(r"IR-\d{4}-\d{4}")

pytestmark = pytest.mark.browser


def admin_login(page: Page, base_url: str, username: str) -> None:
    """Log in as staff do: password, then (Beratung, superusers) the code their authenticator app shows."""
    user = User.objects.get(username=username)
    device = make_totp_device(user) if second_factor_required(user) else None
    page.goto(f"{base_url}/admin/login/")
    page.get_by_label("Benutzername").fill(username)
    page.get_by_label("Passwort").fill(PASSWORD)
    page.get_by_role("button", name="Anmelden").click()
    if device is not None:
        expect(page.get_by_role("heading", name="Anmeldung bestätigen")).to_be_visible()
        page.get_by_label("Code").fill(totp_code(device))
        page.get_by_role("button", name="Anmelden").click()
    expect(page).to_have_url(f"{base_url}/admin/")


def test_resident_finds_event_of_a_topic_and_saves_it_to_calendar(live_server, page: Page):
    """A resident goes from a topic on the start page to its next event and puts it into their calendar."""
    thema = make_thema(titel="Wohnen in Beckum", slug="wohnen")
    event = make_veranstaltung(titel="Mietsprechstunde im Rathaus", slug="mietsprechstunde", thema=thema, tage=10)

    page.goto(live_server.url + "/")
    page.get_by_role("region", name="Unsere Themen").get_by_role("link", name="Wohnen in Beckum").click()
    expect(page).to_have_url(f"{live_server.url}/themen/wohnen/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Wohnen in Beckum")

    page.get_by_role("region", name="Termine zu diesem Thema").get_by_role(
        "link", name="Mietsprechstunde im Rathaus"
    ).click()
    expect(page).to_have_url(f"{live_server.url}/veranstaltungen/{event.datum.year}/mietsprechstunde/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Mietsprechstunde im Rathaus")

    with page.expect_download() as download_info:
        page.get_by_role("link", name="In meinen Kalender eintragen").click()
    download = download_info.value
    assert download.suggested_filename == f"mietsprechstunde-{event.datum:%Y-%m-%d}.ics"
    raw = Path(download.path()).read_bytes()
    assert b"\r\n" in raw  # RFC 5545 line endings, or some calendar apps refuse the file
    lines = raw.decode("utf-8").splitlines()
    assert lines[0] == "BEGIN:VCALENDAR"
    assert "BEGIN:VEVENT" in lines
    assert "SUMMARY:Mietsprechstunde im Rathaus" in lines
    assert f"DTSTART;TZID=Europe/Berlin:{event.datum:%Y%m%d}T180000" in lines


def test_advice_seeker_sends_request_and_gets_reference_number(live_server, page: Page):
    """Someone seeking advice sends the form and gets the reference number their request is stored under."""
    bereich = make_themenbereich(name="Wohnung und Miete")
    nachricht = "Mein Vermieter antwortet nicht auf meine Briefe."

    page.goto(f"{live_server.url}/anfrage/")
    page.get_by_label("E-Mail-Adresse").fill("ratsuchend@example.org")
    page.get_by_label("Worum geht es?").select_option(label="Wohnung und Miete")
    page.get_by_label("Ihre Nachricht").fill(nachricht)
    page.get_by_role("checkbox", name=re.compile(r"^Ich bin einverstanden")).check()
    page.get_by_role("button", name="Anfrage absenden").click()

    expect(page).to_have_url(f"{live_server.url}/anfrage/gesendet/")
    expect(page.locator("#referenz")).to_have_text(REFERENZ)
    referenz = page.locator("#referenz").inner_text().strip()
    assert REFERENZ.fullmatch(referenz)

    anfrage = Anfrage.objects.get(referenz=referenz)
    assert Anfrage.objects.count() == 1
    assert anfrage.email == "ratsuchend@example.org"
    assert anfrage.themenbereich == bereich
    assert anfrage.nachricht == nachricht


def test_form_error_keeps_what_the_visitor_typed(live_server, page: Page):
    """A visitor who forgets how to be reached sees what to fix and does not lose the message they wrote."""
    make_themenbereich(name="Arbeit")
    nachricht = "Ich suche Hilfe bei der Anerkennung meines Abschlusses."

    page.goto(f"{live_server.url}/anfrage/")
    page.get_by_label("Ihre Nachricht").fill(nachricht)
    with page.expect_navigation() as navigation:
        page.get_by_role("button", name="Anfrage absenden").click()
    assert navigation.value.status == 422

    summary = page.get_by_role("alert").filter(has=page.get_by_role("heading", name="Bitte prüfen Sie Ihre Angaben"))
    expect(summary).to_be_visible()
    expect(summary).to_contain_text("E-Mail-Adresse oder eine Telefonnummer")
    expect(page.get_by_label("Ihre Nachricht")).to_have_value(nachricht)
    assert not Anfrage.objects.exists()


def test_beratung_staff_finds_request_by_reference(live_server, staff_groups, page: Page):
    """Advice staff see incoming requests in the admin and find one by the number the resident quotes."""
    gesucht = make_anfrage(email="gesucht@example.org")
    andere = make_anfrage(email="andere@example.org")
    make_staff("berater", "Beratung")

    admin_login(page, live_server.url, "berater")
    page.get_by_role("link", name="Anfragen", exact=True).click()
    expect(page).to_have_url(f"{live_server.url}/admin/anfragen/anfrage/")
    results = page.locator("#result_list")
    expect(results.get_by_role("link", name=gesucht.referenz)).to_be_visible()
    expect(results.get_by_role("link", name=andere.referenz)).to_be_visible()

    search = page.get_by_role("search")
    search.get_by_role("textbox").fill(gesucht.referenz)
    search.get_by_role("button", name="Suchen").click()
    expect(page).to_have_url(re.compile(r"\?q=" + re.escape(gesucht.referenz) + "$"))
    expect(results.get_by_role("link", name=gesucht.referenz)).to_be_visible()
    expect(results.get_by_role("link", name=andere.referenz)).to_have_count(0)


def test_redaktion_staff_cannot_see_requests(live_server, staff_groups, page: Page):
    """Editors curate public content but must never see residents' requests."""
    make_anfrage()
    make_staff("redakteurin", "Redaktion")

    admin_login(page, live_server.url, "redakteurin")
    expect(page.get_by_role("link", name="Themen", exact=True)).to_be_visible()
    expect(page.get_by_role("link", name=re.compile("Anfragen"))).to_have_count(0)

    response = page.goto(f"{live_server.url}/admin/anfragen/anfrage/")
    assert response is not None
    assert response.status == 403


def test_resident_on_a_phone_downloads_the_next_meetings_invitation_in_three_taps(live_server, page: Page):
    """From the start page to the agenda of the next meeting, and its invitation as a PDF: at most three taps."""
    sitzung = make_sitzung(titel="Öffentliche Sitzung im Winter", slug="winter", tage=9)
    make_tagesordnungspunkt(sitzung, nummer="1", titel="Bericht aus der Sprechstunde")
    make_tagesordnungspunkt(sitzung, nummer="2", titel="Vertrauliches", oeffentlich=False)
    einladung = make_dokument(sitzung=sitzung, name="Einladung zur Sitzung", art="einladung")

    page.goto(live_server.url + "/")
    # Tap 1: from the start page's box to the meeting.
    page.get_by_role("region", name="Nächste Sitzung des Integrationsrats").get_by_role(
        "link", name="Tagesordnung und Einladung"
    ).click()
    expect(page).to_have_url(f"{live_server.url}{sitzung.get_absolute_url()}")
    agenda = page.get_by_role("region", name="Tagesordnung")
    expect(agenda).to_contain_text("Bericht aus der Sprechstunde")
    expect(agenda).to_contain_text("nicht öffentlich")
    expect(agenda).not_to_contain_text("Vertrauliches")

    # Tap 2: the invitation, visible on the meeting page without searching.
    with page.expect_download() as download_info:
        page.get_by_role("link", name=re.compile("Einladung zur Sitzung")).click()
    download = download_info.value
    assert download.suggested_filename == einladung.dateiname
    assert Path(download.path()).read_bytes().startswith(b"%PDF-")


@pytest.mark.parametrize(
    ("lang", "tippfehler", "titel"),
    [("de", "Kulturn", "Fest der Kulturen"), ("tr", "kültürlr", "Kültürler Şenliği")],
)
def test_resident_on_a_phone_finds_a_topic_despite_a_typo(
    postgresql_only, live_server, page: Page, lang, tippfehler, titel
):
    """Typed into the header's search box on a 360 px phone, misspelled, in German and in Turkish."""
    make_thema(titel="Fest der Kulturen", titel_tr="Kültürler Şenliği", slug="fest-der-kulturen")
    make_thema(titel="Wohnen in Beckum", titel_tr="Beckum'da konut", slug="wohnen")
    prefix = "" if lang == "de" else f"/{lang}"

    page.goto(f"{live_server.url}{prefix}/")
    search_box = page.get_by_role("search").first.get_by_role("searchbox")
    search_box.fill(tippfehler)
    search_box.press("Enter")
    expect(page).to_have_url(re.compile(rf"{prefix}/suche/\?q="))
    page.get_by_role("link", name=titel).click()

    expect(page).to_have_url(f"{live_server.url}{prefix}/themen/fest-der-kulturen/")
    expect(page.get_by_role("heading", level=1)).to_have_text(titel)


def test_advice_seeker_gets_an_answer_written_in_the_admin_in_their_language(live_server, staff_groups, page: Page):
    """A Turkish-speaking resident asks; a Beratung member answers from the admin with a snippet; one mail in
    Turkish with the reference in its subject reaches the resident; their status page shows the date, not the text."""
    from django.core import mail
    from django.utils import formats, timezone, translation

    bereich = make_themenbereich(name="Wohnung und Miete", name_tr="Konut ve kira")
    make_textbaustein(
        titel_de="Eingang bestätigen",
        text_de="Vielen Dank für Ihre Anfrage.",
        text_tr="Talebiniz için teşekkür ederiz. Bir üyemiz ilgileniyor.",
    )
    make_staff("beraterin", "Beratung")

    # The resident, in Turkish, on a phone.
    page.goto(f"{live_server.url}/tr/anfrage/")
    page.locator("#id_email").fill("ratsuchend@example.org")
    page.locator("#id_themenbereich").select_option(value=str(bereich.pk))
    page.locator("#id_nachricht").fill("Ev sahibim mektuplarıma cevap vermiyor.")
    page.locator("#id_einwilligung").check()
    page.locator("form.request-form button[type=submit]").click()
    expect(page).to_have_url(f"{live_server.url}/tr/anfrage/gesendet/")
    referenz = page.locator("#referenz").inner_text().strip()
    anfrage = Anfrage.objects.get(referenz=referenz)
    assert anfrage.sprache == "tr"
    mail.outbox.clear()  # the confirmation to the resident and the note to the team are other tests' business

    # The Beratung member, in the admin: inserts the snippet, then sends.
    admin_login(page, live_server.url, "beraterin")
    page.goto(f"{live_server.url}/admin/anfragen/anfrage/{anfrage.pk}/change/")
    page.get_by_label("Textbaustein").select_option(label="Eingang bestätigen")
    page.get_by_role("button", name="Textbaustein einfügen").click()
    antwort = page.get_by_role("textbox", name=re.compile("Antwort"))
    expect(antwort).to_have_value(re.compile("Talebiniz için teşekkür ederiz"))
    antwort.fill(antwort.input_value() + "\n\nSelam, Integrationsrat")
    page.get_by_role("button", name="Antwort senden").click()
    expect(page.locator("#antwort")).to_contain_text("gesendet")

    an_die_person = [m for m in mail.outbox if m.to == ["ratsuchend@example.org"]]
    assert len(an_die_person) == 1
    assert f"[{referenz}]" in an_die_person[0].subject
    assert "Talebiniz için teşekkür ederiz" in an_die_person[0].body
    anfrage.refresh_from_db()
    assert anfrage.status == Anfrage.Status.BEANTWORTET

    # The resident's own status page (the secret link): the date of the answer, never its text.
    with translation.override("tr"):
        status_url = anfrage.get_status_url()
        heute = formats.date_format(timezone.localdate(), "DATE_FORMAT")
    page.goto(live_server.url + status_url)
    expect(page.locator("#antwort")).to_contain_text(heute)
    expect(page.locator("main")).not_to_contain_text("Talebiniz için teşekkür")
