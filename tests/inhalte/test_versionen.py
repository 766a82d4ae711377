"""Every save in the admin is a version: who changed what and when, a comparison, and restore (django-reversion)."""

import re

import pytest
from django.test import Client
from reversion.models import Version

from seiten.models import Abschnitt, Seite
from tests.factories import make_image_upload, make_staff, make_thema, thema_admin_form
from themen.models import Thema

pytestmark = pytest.mark.django_db

ERSTER_TEXT = "<h2>Anmeldung</h2><p>Bitte melden Sie sich bis Freitag an.</p>"
ZWEITER_TEXT = "<h2>Anmeldung</h2><p>Bitte melden Sie sich bis Montag an.</p><ul><li>Pass</li></ul>"


@pytest.fixture
def redaktion():
    client = Client()
    client.force_login(make_staff("redakteurin", "Redaktion"))
    return client


def save(client, thema, **changes):
    response = client.post(f"/admin/themen/thema/{thema.pk}/change/", thema_admin_form(thema, **changes))
    assert response.status_code == 302, response.content.decode()[:3000]
    thema.refresh_from_db()
    return thema


def versions(obj) -> list[Version]:
    return list(Version.objects.get_for_object(obj))  # newest first


def version_with(obj, text: str) -> Version:
    return next(v for v in versions(obj) if text in v.field_dict["beschreibung_de"])


def test_each_save_is_a_version_with_who_and_when(redaktion):
    thema = save(redaktion, make_thema(slug="fest"), beschreibung_de=ERSTER_TEXT)
    save(redaktion, thema, beschreibung_de=ZWEITER_TEXT)
    found = versions(thema)
    # the state before the first change in the admin, then the two saves
    assert len(found) == 3 and found[-1].revision.get_comment() == "Stand vor der ersten Änderung im Admin"
    assert {v.revision.user.username for v in found[:2]} == {"redakteurin"}
    page = redaktion.get(f"/admin/themen/thema/{thema.pk}/history/").content.decode()
    assert page.count('type="radio" name="von"') == 3 and "ansehen und wiederherstellen" in page


def test_the_first_change_to_content_made_before_the_history_can_be_undone(redaktion):
    thema = make_thema(slug="fest", beschreibung="<p>Vom Start an da.</p>")  # like seed_content: no version
    save(redaktion, thema, beschreibung_de=ERSTER_TEXT)
    vorher = version_with(thema, "Vom Start an da.")
    url = f"/admin/themen/thema/{thema.pk}/history/{vorher.pk}/"
    redaktion.post(url, thema_admin_form(thema, beschreibung_de="<p>Vom Start an da.</p>"))
    assert Thema.objects.get(pk=thema.pk).beschreibung_de == "<p>Vom Start an da.</p>"


def test_two_versions_compared_word_by_word(redaktion):
    thema = save(redaktion, make_thema(slug="fest"), beschreibung_de=ERSTER_TEXT)
    save(redaktion, thema, beschreibung_de=ZWEITER_TEXT, titel_de="Sommerfest")
    neu, alt = versions(thema)[:2]
    page = redaktion.get(
        f"/admin/themen/thema/{thema.pk}/history/vergleich/", {"von": alt.pk, "bis": neu.pk}
    ).content.decode()
    assert "<del>Freitag</del>" in page and "<ins>Montag</ins>" in page and "- Pass</ins>" in page
    assert page.count("<ins>Sommerfest</ins>") == 1  # the title once (its German field), not twice
    assert "Sommerfest: Titel" not in page  # the object's own fields need no name in front
    assert "Anmeldung" in page and "<del>Anmeldung" not in page  # unchanged words are not marked
    # the order of the choice does not matter: older is always left
    swapped = redaktion.get(f"/admin/themen/thema/{thema.pk}/history/vergleich/", {"von": neu.pk, "bis": alt.pk})
    assert "<del>Freitag</del>" in swapped.content.decode()


@pytest.mark.parametrize(
    "query",
    [{}, {"von": "abc", "bis": "1"}, {"von": "²", "bis": "1"}, {"von": "999999", "bis": "999998"}, "same", "foreign"],
)
def test_a_comparison_that_makes_no_sense_goes_back_to_the_history_with_a_message(redaktion, query):
    thema = save(redaktion, make_thema(slug="fest"), beschreibung_de=ERSTER_TEXT)
    andere = save(redaktion, make_thema(slug="andere"), beschreibung_de=ZWEITER_TEXT)
    if query == "same":
        query = {"von": versions(thema)[0].pk, "bis": versions(thema)[0].pk}
    elif query == "foreign":  # a version of another topic
        query = {"von": versions(thema)[0].pk, "bis": versions(andere)[0].pk}
    response = redaktion.get(f"/admin/themen/thema/{thema.pk}/history/vergleich/", query, follow=True)
    assert response.redirect_chain[-1][0] == f"/admin/themen/thema/{thema.pk}/history/"
    assert "zwei verschiedene Versionen" in response.content.decode()


def test_restoring_the_first_version_brings_its_text_back_as_a_new_version(redaktion):
    thema = save(redaktion, make_thema(slug="fest", titel="Fest"), beschreibung_de=ERSTER_TEXT)
    save(redaktion, thema, beschreibung_de=ZWEITER_TEXT)
    erste = version_with(thema, "Freitag")
    url = f"/admin/themen/thema/{thema.pk}/history/{erste.pk}/"
    form = redaktion.get(url).content.decode()
    assert "Freitag" in form and "Montag" not in form  # reversion's form shows the old version
    assert Thema.objects.get(pk=thema.pk).beschreibung_de == ZWEITER_TEXT  # looking changes nothing
    response = redaktion.post(url, thema_admin_form(thema, beschreibung_de=ERSTER_TEXT))
    assert response.status_code == 302
    assert Thema.objects.get(pk=thema.pk).beschreibung_de == ERSTER_TEXT
    assert len(versions(thema)) == 4  # before the admin, two saves, the restore
    assert "Freitag" in Client().get("/themen/fest/").content.decode()


def test_restoring_never_brings_back_an_image_that_was_removed(redaktion, settings, tmp_path):
    thema = make_thema(slug="fest")
    save(redaktion, thema, bild=make_image_upload(), bild_alt_de="Eine Person auf dem Fest")
    assert thema.bild
    # removed, e.g. because the person shown withdrew consent
    save(redaktion, thema, **{"bild-clear": "on", "bild_alt_de": ""})
    assert not thema.bild
    mit_bild = versions(thema)[-1]
    assert not any(name.startswith("bild") for name in mit_bild.field_dict)  # never stored in the history
    url = f"/admin/themen/thema/{thema.pk}/history/{mit_bild.pk}/"
    assert "bilder/" not in redaktion.get(url).content.decode()
    redaktion.post(url, thema_admin_form(thema))
    thema.refresh_from_db()
    assert not thema.bild and thema.bild_varianten == {}


def test_a_page_is_restored_with_its_sections(redaktion):
    seite = Seite.objects.create(schluessel=Seite.Schluessel.UEBER_UNS, titel="Über uns", veroeffentlicht=True)
    abschnitt = Abschnitt.objects.create(seite=seite, ueberschrift="Aufgaben", text="<p>Alt</p>", reihenfolge=1)

    def post(text):
        data = {
            "titel_de": "Über uns",
            "einleitung_de": "",
            "veroeffentlicht": "on",
            "abschnitte-TOTAL_FORMS": "1",
            "abschnitte-INITIAL_FORMS": "1",
            "abschnitte-0-id": abschnitt.pk,
            "abschnitte-0-seite": seite.pk,
            "abschnitte-0-reihenfolge": "1",
            "abschnitte-0-ueberschrift_de": "Aufgaben",
            "abschnitte-0-text_de": text,
        }
        response = redaktion.post(f"/admin/seiten/seite/{seite.pk}/change/", data)
        assert response.status_code == 302, re.findall(r'class="errorlist[^>]*>.*?</ul>', response.content.decode())

    post("<p>Erste Fassung</p>")
    post("<p>Zweite Fassung</p>")
    erste = versions(seite)[1]
    page = redaktion.get(
        f"/admin/seiten/seite/{seite.pk}/history/vergleich/", {"von": erste.pk, "bis": versions(seite)[0].pk}
    ).content.decode()
    assert "Aufgaben: " in page and "<del>Fassung" not in page and "<del>Erste</del>" in page
    erste.revision.revert()
    assert Abschnitt.objects.get(pk=abschnitt.pk).text == "<p>Erste Fassung</p>"


def test_only_editors_see_the_history(client):
    thema = make_thema(slug="fest")
    client.force_login(make_staff("berater", "Beratung"))
    assert client.get(f"/admin/themen/thema/{thema.pk}/history/").status_code == 403
    assert client.get(f"/admin/themen/thema/{thema.pk}/history/vergleich/", {"von": 1, "bis": 2}).status_code == 403


def test_restoring_keeps_the_image_the_object_has_now(redaktion):
    """Found in review: the snapshot has no image, and a restore emptied the image fields (files left behind)."""
    thema = save(redaktion, make_thema(slug="fest"), beschreibung_de=ERSTER_TEXT)
    save(redaktion, thema, bild=make_image_upload(), bild_alt_de="Eine Person auf dem Fest", bild_alt_en="A person")
    bild, varianten = thema.bild.name, thema.bild_varianten
    erste = version_with(thema, "Freitag")
    url = f"/admin/themen/thema/{thema.pk}/history/{erste.pk}/"
    form = redaktion.get(url).content.decode()
    assert bild in form and 'value="A person"' in form  # the form shows the current image and its texts
    alt_texte = {"bild_alt_de": "Eine Person auf dem Fest", "bild_alt_en": "A person"}
    response = redaktion.post(url, thema_admin_form(thema, beschreibung_de=ERSTER_TEXT, **alt_texte))
    assert response.status_code == 302
    thema.refresh_from_db()
    assert (thema.bild.name, thema.bild_varianten, thema.bild_alt_en) == (bild, varianten, "A person")


@pytest.mark.parametrize("view", ["revision", "recover"])
def test_a_version_of_another_model_cannot_be_restored_through_this_admin(client, view):
    """Found in review: reversion restored whatever version an id named before showing this admin's form."""
    from anfragen.models import Themenbereich

    redaktion = Client()
    redaktion.force_login(make_staff("redakteurin", "Redaktion"))
    thema = save(redaktion, make_thema(slug="fest", titel="Alt"), beschreibung_de=ERSTER_TEXT)
    save(redaktion, thema, titel_de="Neu")
    alt = versions(thema)[1]
    beratung = Client()
    beratung.force_login(make_staff("berater", "Beratung"))
    bereich = Themenbereich.objects.create(name="Wohnen")
    url = {
        "revision": f"/admin/anfragen/themenbereich/{bereich.pk}/history/{alt.pk}/",
        "recover": f"/admin/anfragen/themenbereich/recover/{alt.pk}/",
    }[view]
    assert beratung.post(url, {"name_de": "x"}).status_code == 404
    assert Thema.objects.get(pk=thema.pk).titel_de == "Neu"


def test_a_version_pointing_at_something_deleted_is_refused_with_a_message(redaktion):
    from themen.models import Jahresrueckblick, RueckblickThema

    thema = make_thema(slug="fest")
    rueckblick = Jahresrueckblick.objects.create(jahr=2030, titel="Rückblick", veroeffentlicht=True)
    RueckblickThema.objects.create(rueckblick=rueckblick, thema=thema, reihenfolge=1)
    data = {
        "jahr": "2030",
        "titel_de": "Rückblick",
        "einleitung_de": "<p>Erst so</p>",
        "veroeffentlicht": "on",
        "rueckblickthema_set-TOTAL_FORMS": "1",
        "rueckblickthema_set-INITIAL_FORMS": "1",
        "rueckblickthema_set-0-id": rueckblick.rueckblickthema_set.get().pk,
        "rueckblickthema_set-0-rueckblick": rueckblick.pk,
        "rueckblickthema_set-0-thema": thema.pk,
        "rueckblickthema_set-0-reihenfolge": "1",
    }
    assert redaktion.post(f"/admin/themen/jahresrueckblick/{rueckblick.pk}/change/", data).status_code == 302
    version = versions(rueckblick)[0]
    thema.delete()
    url = f"/admin/themen/jahresrueckblick/{rueckblick.pk}/history/{version.pk}/"
    for response in (redaktion.get(url, follow=True), redaktion.post(url, data, follow=True)):
        assert response.status_code == 200
        assert "verweist auf etwas, das gelöscht wurde" in response.content.decode()


@pytest.mark.parametrize("query", [{"von": "9" * 30, "bis": "1"}, {"von": "1" * 19, "bis": "2"}])
def test_huge_version_numbers_are_no_version(redaktion, query):
    thema = save(redaktion, make_thema(slug="fest"), beschreibung_de=ERSTER_TEXT)
    response = redaktion.get(f"/admin/themen/thema/{thema.pk}/history/vergleich/", query)
    assert response.status_code == 302
    assert redaktion.get(f"/admin/themen/thema/{thema.pk}/history/{'9' * 30}/").status_code == 404


def test_a_comparison_shows_what_the_form_shows_not_stored_keys(redaktion):
    """Found in review: choices, linked objects and times appeared as raw keys, ids and UTC."""
    import datetime

    import reversion
    from django.utils import timezone

    from gremien.models import Sitzung
    from tests.factories import make_sitzung

    event = make_sitzung(titel="Sitzung", thema=make_thema(slug="alt", titel="Altes Thema"))
    with reversion.create_revision():
        event.save()
    event.status = Sitzung.Status.ABGESAGT
    event.thema = make_thema(slug="neu", titel="Neues Thema")
    event.veroeffentlichen_ab = timezone.make_aware(datetime.datetime(2030, 5, 1, 18, 30))
    with reversion.create_revision():
        event.save()
    neu, alt = versions(event)
    page = redaktion.get(
        f"/admin/gremien/sitzung/{event.pk}/history/vergleich/", {"von": alt.pk, "bis": neu.pk}
    ).content.decode()
    assert "<ins>abgesagt</ins>" in page and "<del>eingeladen</del>" in page
    assert "Altes" in page and "Neues" in page
    assert "1. Mai 2030 18:30" in page
