"""What residents see of the council: members, meetings with agenda and documents, papers."""

import datetime

import pytest
from django.urls import reverse
from icalendar import Calendar

from gremien.models import Mitgliedschaft, Sitzung
from tests.factories import (
    make_dokument,
    make_gremium,
    make_image_upload,
    make_mitgliedschaft,
    make_person,
    make_sitzung,
    make_staff,
    make_tagesordnungspunkt,
    make_veranstaltung,
    make_vorlage,
)

pytestmark = pytest.mark.django_db


def page(client, url, **query) -> str:
    response = client.get(url, query)
    assert response.status_code == 200, (url, response.status_code)
    return response.content.decode()


def test_members_page_groups_current_members_by_role_with_list_vote_and_languages(client):
    make_mitgliedschaft(
        person=make_person(vorname="Ayşe", nachname="Vorsitzende", sprachen=["tr", "de"]),
        rolle=Mitgliedschaft.Rolle.VORSITZ,
        liste="Liste Vielfalt",
    )
    make_mitgliedschaft(
        person=make_person(vorname="Omar", nachname="Berater"), rolle=Mitgliedschaft.Rolle.BERATEND, stimmrecht=False
    )
    make_mitgliedschaft(person=make_person(nachname="Entwurfsperson", veroeffentlicht=False))
    make_mitgliedschaft(person=make_person(nachname="Ausgeschieden"), ende=datetime.date(2024, 1, 1))
    html = page(client, reverse("gremien:mitglieder"))
    assert html.index("Vorsitz") < html.index("Ayşe Vorsitzende") < html.index("beratendes Mitglied")
    assert html.index("beratendes Mitglied") < html.index("Omar Berater")
    assert "Liste Vielfalt" in html and "Türkisch" in html and "ohne Stimmrecht" in html
    assert "Entwurfsperson" not in html and "Ausgeschieden" not in html
    assert "Ausgeschieden" in page(client, reverse("gremien:ehemalige"))


def test_members_can_be_found_by_a_language_they_speak(client):
    make_mitgliedschaft(person=make_person(nachname="Arabischsprechend", sprachen=["ar"]))
    make_mitgliedschaft(person=make_person(nachname="Ukrainischsprechend", sprachen=["uk"]))
    html = page(client, reverse("gremien:mitglieder"), sprache="ar")
    assert "Arabischsprechend" in html and "Ukrainischsprechend" not in html
    # A language nobody speaks (or junk) leads to everyone, saying why.
    response = client.get(reverse("gremien:mitglieder"), {"sprache": "xx"})
    assert response.status_code == 302 and response["Location"].endswith("?hinweis=sprache")
    assert "Arabischsprechend" in page(client, response["Location"])


def test_photo_only_with_consent_and_not_after_the_last_membership_unless_chosen(client):
    person = make_person(nachname="Mitfoto", bild=make_image_upload(), bild_alt="Porträt", foto_einwilligung=True)
    mitgliedschaft = make_mitgliedschaft(person=person)
    assert 'alt="Porträt"' in page(client, reverse("gremien:mitglieder"))
    mitgliedschaft.ende = datetime.date(2024, 12, 31)
    mitgliedschaft.save()
    html = page(client, reverse("gremien:ehemalige"))
    assert "Mitfoto" in html and 'alt="Porträt"' not in html
    person.foto_nach_ende_zeigen = True
    person.save()
    assert 'alt="Porträt"' in page(client, reverse("gremien:ehemalige"))


def test_a_photo_needs_recorded_consent():
    from django.core.exceptions import ValidationError

    person = make_person(bild=make_image_upload(), bild_alt="Porträt")
    with pytest.raises(ValidationError) as error:
        person.full_clean()
    assert "foto_einwilligung" in error.value.message_dict


def test_deleting_a_person_deletes_every_size_of_the_photo_and_the_memberships(django_capture_on_commit_callbacks):
    person = make_person(bild=make_image_upload(), bild_alt="Porträt", foto_einwilligung=True)
    make_mitgliedschaft(person=person)
    storage, names = person.bild.storage, person.bilddateien()
    assert len(names) > 2 and all(storage.exists(name) for name in names)
    with django_capture_on_commit_callbacks(execute=True):
        person.delete()
    assert not any(storage.exists(name) for name in names)
    assert not Mitgliedschaft.objects.exists()


def test_meetings_page_shows_the_next_meeting_with_agenda_and_invitation_then_the_archive(client):
    naechste = make_sitzung(titel="Nächste Sitzung", tage=10)
    make_tagesordnungspunkt(naechste, titel="Bericht der Vorsitzenden")
    einladung = make_dokument(sitzung=naechste, name="Einladung zur Sitzung", art="einladung")
    make_sitzung(titel="Übernächste Sitzung", tage=40)
    make_sitzung(titel="Entwurfssitzung", tage=5, veroeffentlicht=False)
    vergangene = make_sitzung(titel="Vergangene Sitzung", tage=-30)
    html = page(client, reverse("gremien:sitzungen"))
    assert html.index("Nächste Sitzung") < html.index("Bericht der Vorsitzenden") < html.index("Übernächste Sitzung")
    assert einladung.get_absolute_url() in html and "Entwurfssitzung" not in html
    assert "Vergangene Sitzung" in html and reverse("gremien:sitzungen_jahr", args=[vergangene.datum.year]) in html


def test_meeting_page_shows_agenda_decisions_documents_and_minutes_but_nothing_of_closed_items(client):
    sitzung = make_sitzung(titel="Sitzung mit Beschlüssen", tage=-7, status=Sitzung.Status.DURCHGEFUEHRT)
    vorlage = make_vorlage(aktenzeichen="IR/2026/007", titel="Antrag auf Dolmetscher")
    offen = make_tagesordnungspunkt(
        sitzung,
        titel="Dolmetscher im Bürgerbüro",
        vorlage=vorlage,
        ergebnis="einstimmig beschlossen",
        beschluss="<p>Der Rat empfiehlt <strong>Dolmetscher</strong>.</p>",
    )
    geheim = make_tagesordnungspunkt(sitzung, titel="Vertrauliche Personalsache", oeffentlich=False)
    protokoll = make_dokument(sitzung=sitzung, name="Niederschrift", art="niederschrift")
    anlage = make_dokument(sitzung=sitzung, tagesordnungspunkt=offen, name="Anlage Kosten")
    antrag = make_dokument(vorlage=vorlage, name="Antragstext")
    geheim_anlage = make_dokument(sitzung=sitzung, tagesordnungspunkt=geheim, name="Geheime Anlage")
    intern = make_dokument(sitzung=sitzung, name="Interner Vermerk", oeffentlich=False)
    html = page(client, sitzung.get_absolute_url())
    for shown in ("Dolmetscher im Bürgerbüro", "einstimmig beschlossen", "<strong>Dolmetscher</strong>", "IR/2026/007"):
        assert shown in html
    for d in (protokoll, anlage, antrag):
        assert d.get_absolute_url() in html
    assert "nicht öffentlich" in html
    assert "Vertrauliche Personalsache" not in html and "Geheime Anlage" not in html and "Interner Vermerk" not in html
    for d in (geheim_anlage, intern):
        assert client.get(d.get_absolute_url()).status_code == 404
        assert client.get(d.get_access_url()).status_code == 404
    vorlage_html = page(client, vorlage.get_absolute_url())
    assert "Antrag auf Dolmetscher" in vorlage_html and sitzung.get_absolute_url() in vorlage_html


def test_documents_are_downloads_that_can_never_run_script(client):
    dokument = make_dokument(sitzung=make_sitzung(), name="Einladung")
    download = client.get(dokument.get_absolute_url())
    assert download["Content-Disposition"].startswith("attachment;")
    shown = client.get(dokument.get_access_url())
    assert "Content-Disposition" not in shown
    for response in (download, shown):
        assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
        assert response["X-Content-Type-Options"] == "nosniff"
        assert response["Content-Security-Policy"].startswith("sandbox")
        assert b"".join(response.streaming_content).startswith(b"%PDF-")
    # The file name in the address is only a label: a wrong one leads to the right one.
    wrong = client.get(reverse("gremien:dokument_download", args=[dokument.pk, "x.pdf"]))
    assert wrong.status_code == 301 and wrong["Location"] == dokument.get_absolute_url()


def test_drafts_are_404_for_the_public_and_a_preview_for_redaktion(client):
    sitzung = make_sitzung(titel="Noch geheim", veroeffentlicht=False)
    dokument = make_dokument(sitzung=sitzung)
    vorlage = make_vorlage(veroeffentlicht=False)
    for url in (
        sitzung.get_absolute_url(),
        sitzung.get_ics_url(),
        dokument.get_absolute_url(),
        vorlage.get_absolute_url(),
    ):
        assert client.get(url).status_code == 404, url
    client.force_login(make_staff("redakteurin", "Redaktion"))
    assert "Noch geheim" in page(client, sitzung.get_absolute_url())
    assert client.get(dokument.get_absolute_url())["Cache-Control"] == "private, no-store"


def test_a_meeting_is_an_event_in_lists_calendar_and_start_page_entered_once(client):
    sitzung = make_sitzung(titel="Öffentliche Ratssitzung", tage=3)
    make_veranstaltung(titel="Sommerfest", tage=4)
    events = page(client, reverse("veranstaltungen:list"))
    assert "Öffentliche Ratssitzung" in events and sitzung.get_absolute_url() in events
    calendar = Calendar.from_ical(client.get(reverse("veranstaltungen:kalender_ics")).content)
    assert "Öffentliche Ratssitzung" in [str(e["SUMMARY"]) for e in calendar.walk("VEVENT")]
    start = page(client, reverse("start"))
    assert "Nächste Sitzung des Integrationsrats" in start and sitzung.get_absolute_url() in start
    one = Calendar.from_ical(client.get(sitzung.get_ics_url()).content)
    assert [str(e["SUMMARY"]) for e in one.walk("VEVENT")] == ["Öffentliche Ratssitzung"]
    # Its old address as an event leads to the meeting.
    old = client.get(reverse("veranstaltungen:detail", args=[sitzung.datum.year, sitzung.slug]))
    assert old.status_code == 301 and old["Location"] == sitzung.get_absolute_url()


def test_a_cancelled_meeting_is_cancelled_as_an_event_too(client):
    sitzung = make_sitzung(titel="Fällt aus", status=Sitzung.Status.ABGESAGT)
    assert sitzung.abgesagt
    calendar = Calendar.from_ical(client.get(reverse("veranstaltungen:kalender_ics")).content)
    assert [str(e["STATUS"]) for e in calendar.walk("VEVENT")] == ["CANCELLED"]
    assert "Diese Sitzung findet nicht statt." in page(client, sitzung.get_absolute_url())


def test_year_archive_lists_that_years_meetings_and_404s_for_empty_years(client):
    sitzung = make_sitzung(titel="Sitzung im November", datum=datetime.date(2024, 11, 14))
    assert "Sitzung im November" in page(client, reverse("gremien:sitzungen_jahr", args=[2024]))
    assert client.get(reverse("gremien:sitzungen_jahr", args=[2019])).status_code == 404
    assert sitzung.get_absolute_url() == "/sitzungen/2024/" + sitzung.slug + "/"


def test_about_page_links_members_and_meetings(client):
    from django.core.management import call_command

    call_command("seed_content", verbosity=0)
    html = page(client, reverse("seiten:ueber-uns"))
    assert reverse("gremien:mitglieder") in html and reverse("gremien:sitzungen") in html


def test_meetings_and_members_are_explained_in_leichte_sprache_for_german_visitors(client):
    from django.core.management import call_command

    call_command("seed_content", verbosity=0)
    ls = reverse("seiten:sitzungen-leichte-sprache")
    assert ls in page(client, reverse("gremien:sitzungen")) and ls in page(client, reverse("gremien:mitglieder"))
    assert "Tages·ordnung" in page(client, ls)
    assert ls not in page(client, "/en/sitzungen/")


@pytest.mark.parametrize("lang", ["en", "tr", "ar", "uk", "ru"])
def test_pages_exist_in_every_language(client, lang):
    from django.utils import translation

    sitzung = make_sitzung()
    make_mitgliedschaft()
    with translation.override(lang):
        urls = [reverse("gremien:mitglieder"), reverse("gremien:sitzungen"), sitzung.get_absolute_url()]
    for url in urls:
        assert url.startswith(f"/{lang}/")
        assert f'lang="{lang}"' in page(client, url)


def test_other_bodies_appear_with_their_members():
    arbeitskreis = make_gremium(name="Arbeitskreis Sprache", reihenfolge=50)
    make_mitgliedschaft(gremium=arbeitskreis, person=make_person(nachname="Sprachfreundin"))
    assert list(Mitgliedschaft.objects.public().current().values_list("gremium__name", flat=True)) == [
        "Arbeitskreis Sprache"
    ]


def test_former_members_lose_contact_and_photo_after_the_retention_period(django_capture_on_commit_callbacks, settings):
    from django.core.management import call_command

    settings.FORMER_MEMBER_CONTACT_DAYS = 90
    today = datetime.date.today()
    gegangen = make_person(
        kontakt_email="a@example.org", bild=make_image_upload(), bild_alt="Foto", foto_einwilligung=True
    )
    make_mitgliedschaft(person=gegangen, ende=today - datetime.timedelta(days=91))
    behalten = make_person(
        kontakt_telefon="02521 0000",
        bild=make_image_upload(),
        bild_alt="Foto",
        foto_einwilligung=True,
        foto_nach_ende_zeigen=True,
    )
    make_mitgliedschaft(person=behalten, ende=today - datetime.timedelta(days=200))
    frisch = make_person(kontakt_email="b@example.org")
    make_mitgliedschaft(person=frisch, ende=today - datetime.timedelta(days=10))
    aktiv = make_person(kontakt_email="c@example.org")
    make_mitgliedschaft(person=aktiv, ende=today - datetime.timedelta(days=400))
    make_mitgliedschaft(person=aktiv)  # a current membership too: still a member
    files = gegangen.bilddateien()
    call_command("purge_former_members", "--dry-run")
    assert type(gegangen).objects.get(pk=gegangen.pk).kontakt_email == "a@example.org"
    with django_capture_on_commit_callbacks(execute=True):
        call_command("purge_former_members")
    for person in (gegangen, behalten, frisch, aktiv):
        person.refresh_from_db()
    assert (gegangen.kontakt_email, bool(gegangen.bild)) == ("", False)
    assert not any(gegangen.bild.storage.exists(name) for name in files)
    assert (behalten.kontakt_telefon, bool(behalten.bild)) == ("", True)
    assert frisch.kontakt_email == "b@example.org" and aktiv.kontakt_email == "c@example.org"
    assert gegangen.nachname and gegangen.mitgliedschaften.exists()  # the public record stays


def test_redaktion_dashboard_names_what_upcoming_meetings_lack_and_lists_each_once(client):
    from inhalte.dashboard import sections
    from veranstaltungen.models import Ort

    ohne = make_sitzung(titel="Ohne Einladung", ort=Ort.objects.create(name="Rathaus"))
    mit = make_sitzung(titel="Mit allem", ort=Ort.objects.create(name="Rathaus"))
    make_dokument(sitzung=mit, art="einladung")
    entwurf = make_sitzung(titel="Entwurfssitzung", veroeffentlicht=False)
    client.force_login(make_staff("redakteurin", "Redaktion"))
    request = client.get(reverse("admin:index")).wsgi_request
    abschnitte = {str(a.titel): a.zeilen for a in sections(request)}
    fehlend = {z.text: z.detail for z in abschnitte["Kommende Sitzungen: was noch fehlt"]}
    assert fehlend[str(ohne)] == "Einladung fehlt" and str(mit) not in fehlend
    assert fehlend[str(entwurf)] == "Ort fehlt, Einladung fehlt"
    # A meeting is listed as a Sitzung, never a second time as an event (its list would not even show it).
    entwuerfe = [z.text for z in abschnitte["Entwürfe"]]
    assert [t for t in entwuerfe if "Entwurfssitzung" in t] == [t for t in entwuerfe if t.startswith("Sitzung:")]
    assert not any("Entwurfssitzung" in z.text for z in abschnitte["Kommende Termine ohne Ort oder Uhrzeit"])


def test_redaktion_previews_a_draft_meeting_with_its_documents(client):
    sitzung = make_sitzung(titel="Entwurf mit Einladung", veroeffentlicht=False)
    einladung = make_dokument(sitzung=sitzung, art="einladung", name="Einladung im Entwurf")
    intern = make_dokument(sitzung=sitzung, name="Interner Vermerk", oeffentlich=False)
    client.force_login(make_staff("redakteurin", "Redaktion"))
    html = page(client, sitzung.get_absolute_url())
    assert einladung.get_absolute_url() in html and intern.get_absolute_url() not in html
