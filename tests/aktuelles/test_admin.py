"""The Redaktion writes the news in the admin: permissions, form, history, dashboard."""

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from reversion.models import Version

from aktuelles.models import Meldung
from tests.factories import make_image_upload, make_meldung, make_staff, make_thema, make_veranstaltung

pytestmark = pytest.mark.django_db


@pytest.fixture
def redaktion(client):
    client.force_login(make_staff("redakteur", "Redaktion"))
    return client


def test_the_redaktion_group_may_add_change_delete_and_view_news():
    codenames = set(Group.objects.get(name="Redaktion").permissions.values_list("codename", flat=True))
    assert {"add_meldung", "change_meldung", "delete_meldung", "view_meldung"} <= codenames
    beratung = set(Group.objects.get(name="Beratung").permissions.values_list("codename", flat=True))
    assert not {c for c in beratung if c.endswith("_meldung")}


@pytest.mark.parametrize("url", ["changelist", "add", "change", "history", "delete"])
def test_redaktion_reaches_every_admin_page_of_a_news_item(redaktion, url):
    meldung = make_meldung()
    args = [] if url in ("changelist", "add") else [meldung.pk]
    assert redaktion.get(reverse(f"admin:aktuelles_meldung_{url}", args=args)).status_code == 200


def test_beratung_cannot_open_the_news(client):
    client.force_login(make_staff("beraterin", "Beratung"))
    assert client.get(reverse("admin:aktuelles_meldung_changelist")).status_code == 403


def form(**changes) -> dict:
    return {
        "titel_de": "Neue Sprechstunde",
        "slug": "neue-sprechstunde",
        "datum": "2026-03-02",
        "anreisser_de": "Ab März jeden Montag.",
        "text_de": "<p>Mehr dazu.</p>",
        "veroeffentlicht": "on",
        **changes,
    }


def test_redaktion_writes_a_news_item_with_topics_and_event_and_it_is_versioned(redaktion, client):
    thema, event = make_thema(), make_veranstaltung()
    response = redaktion.post(reverse("admin:aktuelles_meldung_add"), form(themen=[thema.pk], veranstaltung=event.pk))
    assert response.status_code == 302, response.context["adminform"].form.errors if response.context else response
    meldung = Meldung.objects.get(slug="neue-sprechstunde")
    assert list(meldung.themen.all()) == [thema] and meldung.veranstaltung == event
    assert meldung.get_absolute_url() == "/aktuelles/2026/neue-sprechstunde/"
    assert Version.objects.get_for_object(meldung).count() == 1
    assert "Neue Sprechstunde" in client.get(meldung.get_absolute_url()).content.decode()


def test_a_slug_is_unique_within_a_year(redaktion):
    make_meldung(slug="neue-sprechstunde", datum="2026-01-10")
    response = redaktion.post(reverse("admin:aktuelles_meldung_add"), form())
    assert response.status_code == 200 and "slug" in response.context["adminform"].form.errors
    response = redaktion.post(reverse("admin:aktuelles_meldung_add"), form(datum="2027-01-10"))
    assert response.status_code == 302


def test_an_image_needs_a_description(redaktion):
    response = redaktion.post(reverse("admin:aktuelles_meldung_add"), form(bild=make_image_upload()))
    assert response.status_code == 200 and "bild_alt_de" in response.context["adminform"].form.errors


def test_dashboard_lists_public_news_pointing_to_a_hidden_event(redaktion):
    make_meldung(titel="Zeigt auf Entwurf", veranstaltung=make_veranstaltung(veroeffentlicht=False))
    make_meldung(titel="Zeigt auf Öffentliches", veranstaltung=make_veranstaltung())
    make_meldung(titel="Selbst Entwurf", veroeffentlicht=False, veranstaltung=make_veranstaltung(veroeffentlicht=False))
    page = redaktion.get("/admin/").content.decode()
    start = page.index(">Meldungen mit Verweis auf einen nicht öffentlichen Termin")
    lines = page[start : page.index("</section>", start)]
    assert "Zeigt auf Entwurf" in lines and "Zeigt auf Öffentliches" not in lines and "Selbst Entwurf" not in lines


def test_links_to_draft_news_are_reported_on_the_dashboard(redaktion):
    entwurf = make_meldung(veroeffentlicht=False)
    oeffentlich = make_meldung()
    links = f'<a href="{entwurf.get_absolute_url()}">a</a> <a href="{oeffentlich.get_absolute_url()}">b</a>'
    make_thema(beschreibung=f"<p>{links}</p>")
    page = redaktion.get("/admin/").content.decode()
    start = page.index(">Links auf nicht veröffentlichte oder gelöschte Seiten")
    lines = page[start : page.index("</section>", start)]
    assert entwurf.get_absolute_url() in lines and oeffentlich.get_absolute_url() not in lines
