"""The Redaktion enters a meeting once, with its agenda and documents; uploads are checked."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from gremien.models import Dokument, Sitzung
from tests.factories import make_gremium, make_pdf, make_pdf_upload, make_sitzung, make_staff

pytestmark = pytest.mark.django_db


@pytest.fixture
def redaktion(client):
    client.force_login(make_staff("redakteur", "Redaktion"))
    return client


def inline(prefix: str, rows: list[dict]) -> dict:
    data = {
        f"{prefix}-TOTAL_FORMS": str(len(rows)),
        f"{prefix}-INITIAL_FORMS": "0",
        f"{prefix}-MIN_NUM_FORMS": "0",
        f"{prefix}-MAX_NUM_FORMS": "1000",
    }
    for i, row in enumerate(rows):
        data |= {f"{prefix}-{i}-{field}": value for field, value in row.items()}
    return data


def test_a_meeting_with_agenda_and_invitation_is_entered_in_one_form(redaktion, client):
    response = redaktion.post(
        reverse("admin:gremien_sitzung_add"),
        {
            "gremium": make_gremium().pk,
            "titel_de": "Sitzung im Dezember",
            "slug": "sitzung-im-dezember",
            "status": "eingeladen",
            "datum": "2026-12-17",
            "beginn": "18:00",
            "kurztext_de": "Öffentliche Sitzung.",
            "veroeffentlicht": "on",
            **inline(
                "tagesordnungspunkte",
                [{"nummer": "1", "reihenfolge": "1", "titel_de": "Eröffnung", "oeffentlich": "on"}],
            ),
            **inline(
                "dokumente",
                [
                    {
                        "name": "Einladung",
                        "art": "einladung",
                        "datei": make_pdf_upload(),
                        "datum": "2026-12-03",
                        "oeffentlich": "on",
                    }
                ],
            ),
        },
    )
    assert response.status_code == 302, response.context["adminform"].form.errors if response.context else response
    sitzung = Sitzung.objects.get(slug="sitzung-im-dezember")
    assert sitzung.art == "sitzung" and [t.titel for t in sitzung.tagesordnungspunkte.all()] == ["Eröffnung"]
    dokument = sitzung.dokumente.get()
    assert dokument.groesse > 0 and len(dokument.sha512) == 128
    # Not a second item in the events admin: meetings are edited in one place.
    events = redaktion.get(reverse("admin:veranstaltungen_veranstaltung_changelist")).context["cl"]
    assert "Sitzung im Dezember" not in [event.titel for event in events.result_list]


def upload(client, datei):
    """The admin's form for a new document of a meeting, sent with `datei`."""
    return client.post(
        reverse("admin:gremien_dokument_add"),
        {
            "name": "Anlage",
            "art": "anlage",
            "datei": datei,
            "datum": "2026-12-01",
            "oeffentlich": "on",
            "sitzung": make_sitzung().pk,
        },
    )


@pytest.mark.parametrize(
    ("datei", "fehler"),
    [
        (SimpleUploadedFile("leer.pdf", b"", content_type="application/pdf"), "leer"),
        (SimpleUploadedFile("bild.pdf", b"GIF89a" + b"x" * 100, content_type="application/pdf"), "kein PDF"),
        (SimpleUploadedFile("kaputt.pdf", b"%PDF-1.7\n garbage", content_type="application/pdf"), "beschädigt"),
        (SimpleUploadedFile("text.txt", make_pdf(), content_type="text/plain"), "Dateiendung"),
    ],
)
def test_an_upload_that_is_no_real_pdf_is_a_form_error(redaktion, datei, fehler):
    response = upload(redaktion, datei)
    assert response.status_code == 200
    assert fehler in str(response.context["adminform"].form.errors["datei"])
    assert not Dokument.objects.exists()


def test_a_pdf_over_20_mb_is_refused(redaktion):
    from gremien import pdf

    datei = SimpleUploadedFile(
        "gross.pdf", make_pdf() + b"\n%" + b"x" * (pdf.MAX_BYTES), content_type="application/pdf"
    )
    response = upload(redaktion, datei)
    assert "zu groß" in str(response.context["adminform"].form.errors["datei"])


def test_the_text_of_a_pdf_is_kept_for_the_search():
    from tests.factories import make_dokument

    dokument = make_dokument(sitzung=make_sitzung(), datei=make_pdf_upload(text="Sprechstunde im Rathaus"))
    assert "Sprechstunde im Rathaus" in dokument.text


def test_deleting_a_document_deletes_its_file(django_capture_on_commit_callbacks):
    from tests.factories import make_dokument

    dokument = make_dokument(sitzung=make_sitzung())
    storage, name = dokument.datei.storage, dokument.datei.name
    assert storage.exists(name)
    with django_capture_on_commit_callbacks(execute=True):
        dokument.delete()
    assert not storage.exists(name)


@pytest.mark.parametrize(
    "url",
    [
        "admin:gremien_sitzung_changelist",
        "admin:gremien_sitzung_add",
        "admin:gremien_person_changelist",
        "admin:gremien_person_add",
        "admin:gremien_vorlage_changelist",
        "admin:gremien_dokument_changelist",
        "admin:gremien_gremium_changelist",
        "admin:gremien_wahlperiode_changelist",
        "admin:gremien_tagesordnungspunkt_changelist",
    ],
)
def test_redaktion_reaches_every_list_and_form(redaktion, url):
    assert redaktion.get(reverse(url)).status_code == 200


def test_beratung_does_not_edit_the_council_data(client):
    client.force_login(make_staff("beraterin", "Beratung"))
    assert client.get(reverse("admin:gremien_sitzung_changelist")).status_code == 403


def test_a_replaced_pdf_is_deleted(django_capture_on_commit_callbacks):
    from tests.factories import make_dokument

    dokument = make_dokument(sitzung=make_sitzung())
    storage, alt = dokument.datei.storage, dokument.datei.name
    dokument = type(dokument).objects.get(pk=dokument.pk)
    dokument.datei = make_pdf_upload("neu.pdf", text="Neue Fassung")
    with django_capture_on_commit_callbacks(execute=True):
        dokument.save()
    assert not storage.exists(alt) and storage.exists(dokument.datei.name)
    assert "Neue Fassung" in dokument.text


def test_a_document_of_an_agenda_item_needs_no_meeting_chosen_and_links_through_the_portal(redaktion):
    from gremien.models import Tagesordnungspunkt

    top = Tagesordnungspunkt.objects.create(sitzung=make_sitzung(), nummer="1", titel="Bericht")
    response = redaktion.post(
        reverse("admin:gremien_dokument_add"),
        {
            "name": "Anlage",
            "art": "anlage",
            "datei": make_pdf_upload(),
            "datum": "2026-12-01",
            "oeffentlich": "on",
            "tagesordnungspunkt": top.pk,
        },
    )
    assert response.status_code == 302
    dokument = Dokument.objects.get()
    assert dokument.sitzung_id == top.sitzung_id
    # The admin links the stored file through the portal's view, never under /media/.
    change = redaktion.get(reverse("admin:gremien_dokument_change", args=[dokument.pk])).content.decode()
    assert dokument.get_absolute_url() in change and "/media/" not in change
    assert len(dokument.datei.name.split("/")[2]) == 32  # an unguessable folder


def test_an_agenda_item_moved_to_a_draft_meeting_takes_its_documents_out_of_public_view(client):
    from tests.factories import make_dokument, make_tagesordnungspunkt

    top = make_tagesordnungspunkt(make_sitzung())
    dokument = make_dokument(sitzung=top.sitzung, tagesordnungspunkt=top)
    assert client.get(dokument.get_absolute_url()).status_code == 200
    top.sitzung = make_sitzung(veroeffentlicht=False)
    top.save()
    assert client.get(dokument.get_absolute_url()).status_code == 404
    assert not Dokument.objects.public().exists()


def test_no_old_version_keeps_a_members_contact(redaktion):
    import reversion
    from reversion.models import Version

    from tests.factories import make_person

    person = make_person(kontakt_email="privat@example.org", kontakt_telefon="0170 000000")
    with reversion.create_revision():
        person.save()
    assert Version.objects.get_for_object(person).exists()
    stored = " ".join(v.serialized_data for v in Version.objects.get_for_object(person))
    assert "privat@example.org" not in stored and "0170 000000" not in stored


def test_a_meetings_history_leaves_its_documents_out(redaktion):
    import reversion
    from reversion.models import Version

    from tests.factories import make_dokument

    sitzung = make_sitzung(titel="Alter Titel")
    dokument = make_dokument(sitzung=sitzung)
    with reversion.create_revision():
        sitzung.save()
    assert not reversion.is_registered(Dokument)
    [version] = Version.objects.get_for_object(sitzung)
    assert {v.content_type.model for v in version.revision.version_set.all()} == {"sitzung", "veranstaltung"}
    assert dokument.datei.storage.exists(dokument.datei.name)


def test_terms_and_memberships_end_after_they_start():
    import datetime

    from django.core.exceptions import ValidationError

    from gremien.models import Wahlperiode
    from tests.factories import make_mitgliedschaft

    with pytest.raises(ValidationError) as error:
        Wahlperiode(name="Falsch", beginn=datetime.date(2025, 11, 1), ende=datetime.date(2025, 11, 1)).full_clean()
    assert error.value.error_dict["ende"][0].code == "end_before_start"
    mitgliedschaft = make_mitgliedschaft(beginn=datetime.date(2025, 11, 1), ende=datetime.date(2025, 11, 1))
    mitgliedschaft.full_clean()  # a one-day stand-in is a real membership
    mitgliedschaft.ende = datetime.date(2025, 10, 31)
    with pytest.raises(ValidationError):
        mitgliedschaft.full_clean()
