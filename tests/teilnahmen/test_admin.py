"""Registrations in the admin: counts for the Redaktion, names only with the permission made for them."""

import csv
import io

import pytest
from django.contrib.auth.models import Permission, User
from django.urls import reverse

from teilnahmen.models import Teilnahme
from tests.factories import make_staff, make_teilnahme, make_veranstaltung
from zugang.policy import second_factor_mandatory, second_factor_required

pytestmark = pytest.mark.django_db

LISTE = reverse("admin:teilnahmen_teilnahme_changelist")


def with_permissions(user: User, *codenames: str) -> User:
    user.user_permissions.add(*Permission.objects.filter(content_type__app_label="teilnahmen", codename__in=codenames))
    return User.objects.get(pk=user.pk)  # permissions are cached on the object


@pytest.fixture
def veranstaltung():
    v = make_veranstaltung(titel="Beispiel Sprachcafé", anmeldung=True, plaetze=3, begleitpersonen_max=2)
    make_teilnahme(v, name="Beispiel Geheimname", email="geheim@example.org", begleitpersonen=2)
    make_teilnahme(v, name="Beispiel Wartende", email="wartet@example.org")
    return v


@pytest.fixture
def leserin(client):
    user = with_permissions(make_staff("orga"), "view_personal_data", "view_teilnahme")
    client.force_login(user)
    return user


def test_the_redaktion_sees_counts_on_the_event_but_no_names(client, veranstaltung):
    client.force_login(make_staff("redakteurin", "Redaktion"))
    response = client.get(reverse("admin:veranstaltungen_veranstaltung_change", args=[veranstaltung.pk]))
    assert response.status_code == 200
    page = response.content.decode()
    assert "3 Personen mit Platz, 1 Anmeldungen auf der Warteliste" in page
    assert "Beispiel Geheimname" not in page and "geheim@example.org" not in page

    assert client.get(LISTE).status_code == 403
    assert client.get(f"{LISTE}?veranstaltung__id__exact={veranstaltung.pk}").status_code == 403
    teilnahme = Teilnahme.objects.first()
    assert client.get(reverse("admin:teilnahmen_teilnahme_change", args=[teilnahme.pk])).status_code == 403
    export = client.post(LISTE, {"action": "export_csv", "_selected_action": [teilnahme.pk]})
    assert export.status_code == 403 and b"geheim@example.org" not in export.content
    loeschen = reverse("admin:teilnahmen_teilnahme_delete", args=[teilnahme.pk])
    assert client.post(loeschen, {"post": "yes"}).status_code == 403
    assert Teilnahme.objects.count() == 2
    index = client.get(reverse("admin:index")).content.decode()
    assert LISTE not in index


def test_with_the_permission_the_list_shows_who_registered_and_who_waits(client, veranstaltung, leserin):
    response = client.get(f"{LISTE}?veranstaltung__id__exact={veranstaltung.pk}")
    assert response.status_code == 200
    page = response.content.decode()
    assert "Beispiel Geheimname" in page and "wartet@example.org" in page
    assert "Platz bestätigt" in page and "Warteliste" in page
    warteliste = client.get(f"{LISTE}?status__exact=warteliste").content.decode()
    assert "wartet@example.org" in warteliste and "geheim@example.org" not in warteliste
    assert "wartet@example.org" in client.get(f"{LISTE}?zeitraum=kommend").content.decode()
    assert "wartet@example.org" not in client.get(f"{LISTE}?zeitraum=vergangen").content.decode()
    # One registration on its own page, to read (the answer to the question, the time of consent).
    teilnahme = Teilnahme.objects.get(email="wartet@example.org")
    detail = client.get(reverse("admin:teilnahmen_teilnahme_change", args=[teilnahme.pk]))
    assert detail.status_code == 200 and "Beispiel Wartende" in detail.content.decode()
    # Places are handed out by the form's service, never typed in.
    assert client.get(reverse("admin:teilnahmen_teilnahme_add")).status_code == 403


def test_the_csv_export_is_for_german_excel_and_formula_safe(client, leserin):
    v = make_veranstaltung(titel="Beispiel Elternabend", anmeldung=True, plaetze=5, anmeldefrage="Kommen Sie mit Kind?")
    make_teilnahme(v, name="=cmd|' /C calc'!A0", email="a@example.org", antwort="+49 ruft an", telefon="02521 1")
    make_teilnahme(v, name="Beispiel Müller", email="b@example.org", antwort="@Summe")
    response = client.post(
        LISTE, {"action": "export_csv", "_selected_action": list(Teilnahme.objects.values_list("pk", flat=True))}
    )
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    assert response["Content-Disposition"].startswith('attachment; filename="anmeldungen-')
    assert response.content.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))
    assert rows[0][:4] == ["Veranstaltung", "Datum", "Status", "Name"]
    namen = {row[3]: row for row in rows[1:]}
    assert set(namen) == {"'=cmd|' /C calc'!A0", "Beispiel Müller"}
    assert namen["'=cmd|' /C calc'!A0"][7] == "'+49 ruft an"
    assert namen["Beispiel Müller"][7] == "'@Summe"
    assert namen["Beispiel Müller"][:3] == ["Beispiel Elternabend", f"{v.datum:%d.%m.%Y}", "Platz bestätigt"]


def test_deleting_a_registration_in_the_admin_moves_the_waiting_list_up(
    client, veranstaltung, mailoutbox, django_capture_on_commit_callbacks
):
    user = with_permissions(make_staff("orga"), "view_personal_data", "view_teilnahme", "delete_teilnahme")
    client.force_login(user)
    erste = Teilnahme.objects.get(email="geheim@example.org")
    wartend = Teilnahme.objects.get(email="wartet@example.org")
    dritte = make_teilnahme(veranstaltung, name="Beispiel Dritte")
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("admin:teilnahmen_teilnahme_delete", args=[erste.pk]), {"post": "yes"})
    assert response.status_code == 302
    wartend.refresh_from_db()
    dritte.refresh_from_db()
    assert wartend.bestaetigt and dritte.bestaetigt
    assert [mail.to for mail in mailoutbox] == [[wartend.email], [dritte.email]]


def test_deleting_several_at_once_moves_each_events_waiting_list_up(
    client, mailoutbox, django_capture_on_commit_callbacks
):
    user = with_permissions(make_staff("orga"), "view_personal_data", "view_teilnahme", "delete_teilnahme")
    client.force_login(user)
    erste, zweite = make_veranstaltung(anmeldung=True, plaetze=1), make_veranstaltung(anmeldung=True, plaetze=1)
    weg = [make_teilnahme(erste), make_teilnahme(zweite)]
    wartend = [make_teilnahme(erste), make_teilnahme(zweite)]
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            LISTE, {"action": "delete_selected", "_selected_action": [t.pk for t in weg], "post": "yes"}
        )
    assert response.status_code == 302
    assert list(Teilnahme.objects.order_by("pk")) == wartend
    assert all(t.bestaetigt for t in Teilnahme.objects.all())
    assert sorted(mail.to[0] for mail in mailoutbox) == sorted(t.email for t in wartend)


def test_without_the_delete_permission_nothing_is_deleted(client, veranstaltung, leserin):
    teilnahme = Teilnahme.objects.first()
    response = client.post(reverse("admin:teilnahmen_teilnahme_delete", args=[teilnahme.pk]), {"post": "yes"})
    assert response.status_code == 403
    assert Teilnahme.objects.count() == 2


def test_who_may_see_registrations_needs_the_second_factor():
    redakteurin = make_staff("redakteurin", "Redaktion")
    assert not second_factor_mandatory(redakteurin)
    nur_liste = with_permissions(make_staff("nur-liste"), "view_teilnahme")
    assert not second_factor_mandatory(nur_liste)
    orga = with_permissions(make_staff("orga", "Redaktion"), "view_personal_data", "view_teilnahme")
    assert second_factor_mandatory(orga) and second_factor_required(orga)


def test_the_list_opens_only_after_the_second_factor(client, veranstaltung):
    with_permissions(make_staff("orga"), "view_personal_data", "view_teilnahme")
    # The password alone, on the admin's login page (as tests/zugang do).
    login = client.post(reverse("admin:login"), {"username": "orga", "password": "Sicheres-Passwort-123"})
    assert login.status_code == 302
    response = client.get(LISTE)
    assert response.status_code == 302 and response.url.startswith(reverse("zugang:einrichten"))
    assert "Beispiel Geheimname" not in response.content.decode()


def event_admin_form(v, **changes) -> dict:
    """What the admin's change form posts for the event `v` (German fields), with `changes` applied."""
    return {
        "titel_de": v.titel_de,
        "slug": v.slug,
        "datum": f"{v.datum:%Y-%m-%d}",
        "beginn": f"{v.beginn:%H:%M}",
        "kurztext_de": v.kurztext_de,
        "veroeffentlicht": "on",
        "anmeldung": "on",
        "plaetze": str(v.plaetze),
        "begleitpersonen_max": str(v.begleitpersonen_max),
        "intervall": "1",
        "aenderung_fuer": "nur_dieser",
        **changes,
    }


def test_more_places_in_the_admin_move_the_waiting_list_up(client, mailoutbox, django_capture_on_commit_callbacks):
    client.force_login(make_staff("redakteurin", "Redaktion"))
    v = make_veranstaltung(anmeldung=True, plaetze=1)
    erste, zweite, dritte = make_teilnahme(v), make_teilnahme(v), make_teilnahme(v)
    url = reverse("admin:veranstaltungen_veranstaltung_change", args=[v.pk])
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, event_admin_form(v, plaetze="2"))
    assert response.status_code == 302, response.context["adminform"].form.errors
    assert [Teilnahme.objects.get(pk=t.pk).status for t in (erste, zweite, dritte)] == [
        Teilnahme.Status.BESTAETIGT,
        Teilnahme.Status.BESTAETIGT,
        Teilnahme.Status.WARTELISTE,
    ]
    assert [mail.to for mail in mailoutbox] == [[zweite.email]]


def test_cancelling_in_the_admin_mails_everyone_once(client, mailoutbox, django_capture_on_commit_callbacks):
    client.force_login(make_staff("redakteurin", "Redaktion"))
    v = make_veranstaltung(anmeldung=True, plaetze=1)
    teilnahmen = [make_teilnahme(v), make_teilnahme(v)]
    url = reverse("admin:veranstaltungen_veranstaltung_change", args=[v.pk])
    for _ in range(2):
        with django_capture_on_commit_callbacks(execute=True):
            response = client.post(url, event_admin_form(v, abgesagt="on"))
        assert response.status_code == 302, response.context["adminform"].form.errors
    assert sorted(mail.to[0] for mail in mailoutbox) == sorted(t.email for t in teilnahmen)
    assert all(mail.subject.startswith("Abgesagt") for mail in mailoutbox)


def test_registration_needs_a_number_of_places(client):
    client.force_login(make_staff("redakteurin", "Redaktion"))
    v = make_veranstaltung()
    url = reverse("admin:veranstaltungen_veranstaltung_change", args=[v.pk])
    response = client.post(url, event_admin_form(v, plaetze="", begleitpersonen_max="0"))
    assert response.status_code == 200
    assert "places_missing" in [e.code for e in response.context["adminform"].form.errors.as_data()["plaetze"]]
    v.refresh_from_db()
    assert not v.anmeldung
