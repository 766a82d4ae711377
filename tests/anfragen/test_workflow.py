"""Requests handled with care: mails, status link, staff workflow, audit log, retention."""

import datetime
import smtplib
from unittest import mock

import pytest
from django.core import mail
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from anfragen.models import Anfrage, Notiz, Protokolleintrag
from anfragen.services import anfrage_anonymize, notiz_create
from anfragen.tasks import anfrage_notify
from seiten.models import Seite
from tests.factories import make_anfrage, make_staff, make_themenbereich

pytestmark = pytest.mark.django_db

GEHEIM = "Mein Aufenthaltstitel läuft ab, bitte helfen Sie mir."


@pytest.fixture
def berater():
    user = make_staff("berater", "Beratung")
    user.email = "berater@example.org"
    user.save()
    return user


def submit(client, **data):
    from anfragen.forms import start_token

    form = {
        "email": "person@example.org",
        "themenbereich": make_themenbereich().pk,
        "nachricht": GEHEIM,
        "sprache": "tr",
        "einwilligung": "on",
        "gestartet": start_token(),
        **data,
    }
    return client.post(reverse("anfragen:formular"), form)


def test_team_mail_says_a_request_arrived_without_content_or_personal_data(
    client, berater, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        assert submit(client, name="Ayşe Yılmaz").status_code == 302
    anfrage = Anfrage.objects.get()
    team = [m for m in mail.outbox if m.to == ["berater@example.org"]]
    assert len(team) == 1
    body = team[0].subject + team[0].body
    assert anfrage.referenz in body and f"/admin/anfragen/anfrage/{anfrage.pk}/change/" in body
    for private in (GEHEIM, "Ayşe", "person@example.org", anfrage.themenbereich.name):
        assert private not in body


def test_advice_seeker_gets_confirmation_in_their_language_with_a_working_status_link(
    client, berater, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        submit(client, sprache="tr")
    anfrage = Anfrage.objects.get()
    (bestaetigung,) = [m for m in mail.outbox if m.to == ["person@example.org"]]
    assert anfrage.referenz in bestaetigung.subject
    assert "Guten Tag" not in bestaetigung.body  # Turkish, not German
    assert GEHEIM not in bestaetigung.body
    status_url = anfrage.get_status_url()
    assert status_url in bestaetigung.body
    page = client.get(status_url).content.decode()
    assert anfrage.referenz in page and '<html lang="de"' in page  # the link opens in German by default
    tr_page = client.get("/tr" + status_url).content.decode()
    assert '<html lang="tr"' in tr_page


def test_status_page_shows_status_but_never_staff_notes(client, berater):
    anfrage = make_anfrage()
    notiz_create(anfrage=anfrage, autor=berater, text="Interner Vermerk: Rückruf Ausländerbehörde")
    anfrage.status = Anfrage.Status.IN_BEARBEITUNG
    anfrage.save()
    page = client.get(anfrage.get_status_url()).content.decode()
    assert "in Bearbeitung" in page
    assert "Interner Vermerk" not in page and anfrage.nachricht not in page and anfrage.email not in page


@pytest.mark.parametrize("token", ["0" * 32, "", "x"])
def test_status_page_needs_the_secret_token(client, token):
    anfrage = make_anfrage()
    url = f"/anfrage/status/{anfrage.referenz}/{token}/"
    assert client.get(url).status_code == 404


def test_one_requests_token_does_not_open_another(client):
    a, b = make_anfrage(), make_anfrage()
    assert client.get(f"/anfrage/status/{b.referenz}/{a.status_token}/").status_code == 404
    assert client.get(f"/anfrage/status/{a.referenz}/{a.status_token}/").status_code == 200


def test_status_links_survive_a_key_rotation(client, settings):
    anfrage = make_anfrage()
    url = anfrage.get_status_url()
    settings.SECRET_KEY_FALLBACKS = [settings.SECRET_KEY]
    settings.SECRET_KEY = "a-new-key-after-rotation-" + "y" * 40
    assert client.get(url).status_code == 200
    settings.SECRET_KEY_FALLBACKS = []
    assert client.get(url).status_code == 404


def test_confirmation_page_is_not_left_for_the_next_user(client, django_capture_on_commit_callbacks):
    submit(client)
    assert client.get(reverse("anfragen:gesendet")).status_code == 200
    assert client.session.get_expire_at_browser_close()
    session = client.session
    session["anfrage_referenz"]["zeit"] -= 31 * 60  # the next person at a shared computer, half an hour later
    session.save()
    assert client.get(reverse("anfragen:gesendet")).url == reverse("anfragen:formular")


def test_anonymize_message_counts_only_what_it_changed(client, berater):
    fresh, done = make_anfrage(), make_anfrage()
    anfrage_anonymize(anfrage=done, benutzer=berater)
    client.force_login(berater)
    response = client.post(
        reverse("admin:anfragen_anfrage_changelist"),
        {"action": "anonymize", "_selected_action": [fresh.pk, done.pk]},
        follow=True,
    )
    assert "1 Anfrage anonymisiert." in response.content.decode()


def test_tokens_differ_per_request_and_are_not_stored(client):
    a, b = make_anfrage(), make_anfrage()
    assert a.status_token != b.status_token and len(a.status_token) == 32
    stored = " ".join(str(v) for v in Anfrage.objects.filter(pk=a.pk).values().get().values())
    assert a.status_token not in stored


def test_mail_failure_never_loses_the_request(client, berater, caplog, django_capture_on_commit_callbacks):
    failing_mail = mock.patch("anfragen.tasks.EmailMessage.send", side_effect=smtplib.SMTPException("Server weg"))
    with failing_mail, django_capture_on_commit_callbacks(execute=True):
        response = submit(client)
    assert response.status_code == 302
    anfrage = Anfrage.objects.get()
    assert anfrage.team_benachrichtigt_am is None
    assert "failed (attempt 1" in caplog.text
    assert client.get(reverse("anfragen:gesendet")).status_code == 200


def test_failed_mail_is_retried_later_and_nothing_is_sent_twice(settings, berater):
    settings.TASKS = {"default": {"BACKEND": "django.tasks.backends.dummy.DummyBackend"}}
    from django.tasks import default_task_backend

    anfrage = make_anfrage()
    calls = []

    def send_team_ok_then_fail(self):
        calls.append(self.to)
        if self.to == [anfrage.email]:
            raise smtplib.SMTPException("Server weg")
        return 1

    with mock.patch("anfragen.tasks.EmailMessage.send", send_team_ok_then_fail):
        anfrage_notify.call(anfrage.pk)
    retry = default_task_backend.results[-1]
    assert retry.args == [anfrage.pk, 2]
    assert retry.task.run_after > timezone.now()

    with mock.patch("anfragen.tasks.EmailMessage.send", return_value=1) as send:
        anfrage_notify.call(anfrage.pk, 2)
    assert [c.args for c in send.call_args_list] == [()]  # only the confirmation, not the team mail again
    anfrage.refresh_from_db()
    assert anfrage.team_benachrichtigt_am and anfrage.bestaetigung_gesendet_am


def test_consent_time_and_privacy_notice_version_are_stored(client, django_capture_on_commit_callbacks):
    datenschutz = Seite.objects.create(schluessel="datenschutz", titel="Datenschutz")
    submit(client)
    anfrage = Anfrage.objects.get()
    assert anfrage.datenschutz_stand == datenschutz.geaendert_am
    assert abs(anfrage.einwilligung_am - timezone.now()) < datetime.timedelta(minutes=1)


def admin_change(client, anfrage, **data):
    form = {
        "status": anfrage.status,
        "zugewiesen_an": anfrage.zugewiesen_an_id or "",
        "notizen-TOTAL_FORMS": "1",
        "notizen-INITIAL_FORMS": "0",
        "notizen-0-text": "",
        "protokoll-TOTAL_FORMS": "0",
        "protokoll-INITIAL_FORMS": "0",
        **data,
    }
    return client.post(reverse("admin:anfragen_anfrage_change", args=[anfrage.pk]), form)


def test_status_flow_is_enforced(client, berater):
    client.force_login(berater)
    anfrage = make_anfrage()
    response = admin_change(client, anfrage, status="beantwortet")  # neu -> beantwortet skips a step
    assert response.status_code == 200
    assert "geht es nicht direkt" in response.content.decode()
    for status in ("in_bearbeitung", "beantwortet", "erledigt"):
        assert admin_change(client, Anfrage.objects.get(pk=anfrage.pk), status=status).status_code == 302
    anfrage.refresh_from_db()
    assert anfrage.status == "erledigt" and anfrage.erledigt_am is not None


def test_assignment_and_my_open_requests(client, berater):
    kollegin = make_staff("kollegin", "Beratung")
    meine, fremde, niemand = make_anfrage(), make_anfrage(), make_anfrage()
    client.force_login(berater)
    assert admin_change(client, meine, zugewiesen_an=berater.pk).status_code == 302
    assert admin_change(client, fremde, zugewiesen_an=kollegin.pk).status_code == 302
    client.get(reverse("admin:index"))  # shows and so clears the "saved" messages naming the requests
    page = client.get(reverse("admin:anfragen_anfrage_changelist"), {"ansicht": "meine"}).content.decode()
    assert meine.referenz in page and fremde.referenz not in page and niemand.referenz not in page
    page = client.get(reverse("admin:anfragen_anfrage_changelist"), {"ansicht": "niemand"}).content.decode()
    assert niemand.referenz in page and meine.referenz not in page


def test_only_beratung_members_can_be_assigned(client, berater):
    redakteurin = make_staff("redakteurin", "Redaktion")
    client.force_login(berater)
    response = admin_change(client, make_anfrage(), zugewiesen_an=redakteurin.pk)
    assert response.status_code == 200 and "zugewiesen_an" in response.context["adminform"].form.errors


def test_notes_record_author_and_time_and_stay_unchanged(client, berater):
    anfrage = make_anfrage()
    client.force_login(berater)
    assert admin_change(client, anfrage, **{"notizen-0-text": "Termin beim Jobcenter vereinbart"}).status_code == 302
    notiz = Notiz.objects.get()
    assert notiz.autor == berater and notiz.erstellt_am is not None
    page = client.get(reverse("admin:anfragen_anfrage_change", args=[anfrage.pk])).content.decode()
    assert "Termin beim Jobcenter vereinbart" in page
    assert 'name="notizen-0-text"' not in page.split("Termin beim Jobcenter vereinbart")[0][-300:]


def test_viewing_and_changing_a_request_is_logged(client, berater):
    anfrage = make_anfrage()
    client.force_login(berater)
    client.get(reverse("admin:anfragen_anfrage_change", args=[anfrage.pk]))
    admin_change(client, anfrage, status="in_bearbeitung")
    log = list(Protokolleintrag.objects.filter(anfrage=anfrage).order_by("zeitpunkt", "pk"))
    assert [(e.benutzer, e.aktion) for e in log] == [(berater, "angesehen"), (berater, "geaendert")]
    assert "in Bearbeitung" in log[1].details


def test_anonymize_removes_personal_data_and_notes(client, berater):
    anfrage = make_anfrage(name="Olena", telefon="0151 1234567")
    notiz_create(anfrage=anfrage, autor=berater, text="Ruft morgen an")
    client.force_login(berater)
    response = client.post(
        reverse("admin:anfragen_anfrage_changelist"),
        {"action": "anonymize", "_selected_action": [anfrage.pk]},
    )
    assert response.status_code == 302
    anfrage.refresh_from_db()
    assert (anfrage.name, anfrage.email, anfrage.telefon, anfrage.nachricht) == ("", "", "", "[anonymisiert]")
    assert anfrage.anonymisiert_am and anfrage.referenz and not anfrage.notizen.exists()
    assert anfrage.protokoll.filter(aktion="anonymisiert", benutzer=berater).exists()


def test_purge_deletes_only_requests_closed_long_ago(settings, berater):
    settings.REQUEST_RETENTION_DAYS = 180
    alt = make_anfrage()
    alt.status = "erledigt"
    alt.save()
    notiz_create(anfrage=alt, autor=berater, text="alt")
    Anfrage.objects.filter(pk=alt.pk).update(erledigt_am=timezone.now() - datetime.timedelta(days=181))
    frisch_erledigt = make_anfrage()
    frisch_erledigt.status = "erledigt"
    frisch_erledigt.save()
    offen_alt = make_anfrage()
    Anfrage.objects.filter(pk=offen_alt.pk).update(eingegangen_am=timezone.now() - datetime.timedelta(days=400))

    from io import StringIO

    out = StringIO()
    call_command("purge_requests", "--dry-run", stdout=out)
    assert alt.referenz in out.getvalue() and Anfrage.objects.count() == 3

    call_command("purge_requests", stdout=StringIO())
    assert set(Anfrage.objects.values_list("pk", flat=True)) == {frisch_erledigt.pk, offen_alt.pk}
    assert not Notiz.objects.filter(anfrage_id=alt.pk).exists()
    assert not Protokolleintrag.objects.filter(anfrage_id=alt.pk).exists()


def test_anonymize_service_is_idempotent_on_contact_constraint(berater):
    anfrage = make_anfrage()
    anfrage_anonymize(anfrage=anfrage, benutzer=berater)
    anfrage_anonymize(anfrage=anfrage, benutzer=berater)
    assert Anfrage.objects.get(pk=anfrage.pk).email == ""


def test_notifications_queued_under_the_old_task_name_are_still_sent(berater):
    """Migration 0004 points tasks queued before the rename at anfrage_notify, so the worker can import them."""
    import importlib

    from django.apps import apps
    from django_tasks_db.models import DBTaskResult, get_date_max

    anfrage = make_anfrage()
    queued = DBTaskResult.objects.create(
        task_path="anfragen.tasks.anfrage_benachrichtigen",
        args_kwargs={"args": [anfrage.pk], "kwargs": {}},
        priority=0,
        queue_name="default",
        backend_name="default",
        run_after=get_date_max(),  # "as soon as possible"
    )
    importlib.import_module("anfragen.migrations.0004_rename_notify_task").forwards(apps, None)
    queued.refresh_from_db()
    assert queued.task.func is anfrage_notify.func
