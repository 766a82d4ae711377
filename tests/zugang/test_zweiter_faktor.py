"""The second factor of the staff login: who needs it, setup, login with it, recovery codes, the superuser's reset.

Every login here goes through the real admin login page (password, django-axes)
and the code pages, never through `force_login`, which tests/conftest.py lets
stand for a finished login elsewhere.
"""

import datetime
import logging

import pytest
import time_machine
from django.contrib import admin
from django.contrib.admin.models import LogEntry
from django.contrib.auth.models import AnonymousUser, Permission, User
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from tests.factories import make_anfrage, make_staff, make_totp_device, totp_code
from zugang import services
from zugang.policy import second_factor_required
from zugang.qr import secret_text

pytestmark = pytest.mark.django_db

PASSWORD = "Sicheres-Passwort-123"
NAME, EMAIL, NACHRICHT = "Zofia Unverwechselbar", "zofia.unverwechselbar@example.org", "Geheime Nachricht 4711"
SETUP, VERIFY = "/admin/zweiter-faktor/einrichten/", "/admin/zweiter-faktor/bestaetigen/"


@pytest.fixture
def anfrage():
    return make_anfrage(name=NAME, email=EMAIL, nachricht=NACHRICHT)


@pytest.fixture
def berater():
    return make_staff("berater", "Beratung")


def password_login(client, username: str, next_url: str = "/admin/"):
    """The admin login page with the password only: the first step."""
    response = client.post(
        reverse("admin:login"), {"username": username, "password": PASSWORD, "next": next_url}, follow=True
    )
    assert response.wsgi_request.user.is_authenticated, "the password step failed"
    return response


def code_login(client, code: str, next_url: str = "/admin/"):
    return client.post(f"{VERIFY}?next={next_url}", {"code": code})


def full_login(client, user: User) -> None:
    """Password and the app's code, as a person with a second factor logs in."""
    device = make_totp_device(user)
    password_login(client, user.username)
    assert code_login(client, totp_code(device)).status_code == 302


def request_data_urls(anfrage) -> list[str]:
    return [
        reverse("admin:anfragen_anfrage_changelist"),
        reverse("admin:anfragen_anfrage_change", args=[anfrage.pk]),
        reverse("admin:anfragen_anfrage_history", args=[anfrage.pk]),
        reverse("admin:anfragen_anfrage_changelist") + f"?q={NAME.split()[0]}",
        reverse("admin:autocomplete") + "?app_label=anfragen&model_name=notiz&field_name=anfrage&term=IR",
        reverse("admin:index"),
        # The figures and their CSV download: every address under /admin/ is behind the gate, even one
        # that does not exist (no hint which do).
        "/admin/kennzahlen/anfragekennzahl/",
        "/admin/kennzahlen/anfragekennzahl/csv/?jahr=2026",
        "/admin/gibt-es-nicht/",
    ]


def assert_sent_to(response, url: str) -> None:
    assert response.status_code == 302
    assert response["Location"].startswith(url)
    body = response.content.decode()
    for private in (NAME, EMAIL, NACHRICHT):
        assert private not in body


# Who needs it


def test_beratung_and_superusers_need_the_factor_redaktion_only_after_opting_in(settings):
    berater = make_staff("berater", "Beratung")
    redakteurin = make_staff("redakteurin", "Redaktion")
    chefin = User.objects.create_superuser("chefin", password=PASSWORD)
    assert second_factor_required(berater) and second_factor_required(chefin)
    assert not second_factor_required(redakteurin)
    make_totp_device(redakteurin)
    assert second_factor_required(redakteurin)
    berater.is_active = False
    assert not second_factor_required(berater)
    settings.DEBUG = True
    assert not any(second_factor_required(user) for user in (chefin, redakteurin))


# A Beratung member without the factor


def test_after_the_password_a_beratung_member_without_factor_is_sent_to_setup(client, berater):
    response = password_login(client, "berater")
    assert response.redirect_chain[-1][0] == f"{SETUP}?next=%2Fadmin%2F"
    assert response.status_code == 200
    assert '<svg width="' in response.content.decode() and "zweiter-faktor__qr" in response.content.decode()


def test_a_beratung_member_without_factor_reaches_no_request_data(client, berater, anfrage):
    password_login(client, "berater")
    for url in request_data_urls(anfrage):
        assert_sent_to(client.get(url), SETUP)
    # Nor by posting: an admin action on the list, a change of the request.
    changelist = reverse("admin:anfragen_anfrage_changelist")
    response = client.post(changelist, {"action": "delete_selected", "_selected_action": [anfrage.pk]})
    assert_sent_to(response, SETUP)
    assert_sent_to(client.post(reverse("admin:anfragen_anfrage_change", args=[anfrage.pk]), {}), SETUP)


def test_a_beratung_member_with_factor_reaches_no_request_data_before_the_code(client, berater, anfrage):
    make_totp_device(berater)
    password_login(client, "berater")
    for url in request_data_urls(anfrage):
        assert_sent_to(client.get(url), VERIFY)
    # A stolen password alone cannot add a second app either.
    assert_sent_to(client.get(SETUP), VERIFY)


def test_the_admin_site_itself_refuses_an_unverified_session(rf, berater):
    request = rf.get("/admin/")
    request.user = berater  # no OTPMiddleware ran: not verified
    assert not admin.site.has_permission(request)
    request.user = AnonymousUser()
    assert not admin.site.has_permission(request)


# Setup


def test_setup_shows_the_key_and_refuses_a_wrong_code(client, berater):
    password_login(client, "berater")
    page = client.get(SETUP).content.decode()
    device = TOTPDevice.objects.get(user=berater)
    assert not device.confirmed
    assert secret_text(device) in page and "Integrationsrat Beckum" in page
    assert client.get(SETUP).content.decode().count(secret_text(device)) == 1  # a reload keeps the same key
    wrong = f"{(int(totp_code(device)) + 1) % 1_000_000:06d}"
    response = client.post(SETUP, {"code": wrong})
    assert response.status_code == 200 and "Dieser Code stimmt nicht" in response.content.decode()
    device.refresh_from_db()
    assert not device.confirmed and device.throttling_failure_count == 1
    assert_sent_to(client.get(reverse("admin:anfragen_anfrage_changelist")), SETUP)


def test_setup_with_the_right_code_shows_ten_recovery_codes_once_and_opens_the_admin(client, berater, anfrage):
    start = timezone.now()
    with time_machine.travel(start, tick=False):
        password_login(client, "berater", next_url=reverse("admin:anfragen_anfrage_changelist"))
        client.get(SETUP)
        device = TOTPDevice.objects.get(user=berater)
        client.post(SETUP, {"code": "000000" if totp_code(device) != "000000" else "111111"})
    # A wrong code makes the next try wait (django-otp's throttling); a moment later the right one works.
    with time_machine.travel(start + datetime.timedelta(seconds=2), tick=False):
        response = client.post(f"{SETUP}?next=/admin/anfragen/anfrage/", {"code": totp_code(device)})
    assert response.status_code == 200
    codes = list(StaticToken.objects.filter(device__user=berater).values_list("token", flat=True))
    assert len(codes) == 10
    page = response.content.decode()
    assert all(code in page for code in codes) and "Drucken Sie" in page
    assert 'href="/admin/anfragen/anfrage/"' in page  # on to where they were going
    device.refresh_from_db()
    assert device.confirmed
    assert NAME in client.get(reverse("admin:anfragen_anfrage_change", args=[anfrage.pk])).content.decode()
    # The codes are never shown again: the setup page now sends elsewhere.
    assert client.get(SETUP).status_code == 302


def test_wrong_codes_are_throttled(client, berater):
    device = make_totp_device(berater)
    with time_machine.travel(timezone.now(), tick=False):
        password_login(client, "berater")
        for wrong in ("000001", "000002"):
            code_login(client, wrong if wrong != totp_code(device) else "000003")
        response = code_login(client, totp_code(device))
    assert response.status_code == 200 and "Zu viele falsche Codes" in response.content.decode()
    assert_sent_to(client.get(reverse("admin:anfragen_anfrage_changelist")), VERIFY)


# Login with the factor


def test_login_with_the_apps_code_opens_the_request_data(client, berater, anfrage):
    device = make_totp_device(berater)
    response = password_login(client, "berater")
    assert response.redirect_chain[-1][0] == f"{VERIFY}?next=%2Fadmin%2F"
    assert "Anmeldung bestätigen" in response.content.decode()
    response = code_login(client, totp_code(device), next_url="/admin/anfragen/anfrage/")
    assert response.status_code == 302 and response["Location"] == "/admin/anfragen/anfrage/"
    page = client.get(reverse("admin:anfragen_anfrage_change", args=[anfrage.pk])).content.decode()
    assert NAME in page and EMAIL in page


def test_after_the_code_only_addresses_of_this_site_are_followed(client, berater):
    device = make_totp_device(berater)
    password_login(client, "berater")
    response = code_login(client, totp_code(device), next_url="https://boese.example/")
    assert response["Location"] == "/admin/"


def test_a_recovery_code_works_once(client, berater, anfrage):
    device = make_totp_device(berater)
    recovery = StaticDevice.objects.create(user=berater, name=services.RECOVERY_NAME)
    recovery.token_set.create(token="abcdefgh")
    recovery.token_set.create(token="ijklmnop")
    password_login(client, "berater")
    response = client.post(VERIFY, {"code": "ABCD EFGH"}, follow=True)
    assert NAME not in response.content.decode()  # the start page, not a list
    assert "noch 1 übrig" in response.content.decode()
    assert list(recovery.token_set.values_list("token", flat=True)) == ["ijklmnop"]
    assert client.get(reverse("admin:anfragen_anfrage_changelist")).status_code == 200

    client.post(reverse("zugang:abmelden"))
    password_login(client, "berater")
    response = client.post(VERIFY, {"code": "abcdefgh"})
    assert response.status_code == 200 and "Dieser Code stimmt nicht" in response.content.decode()
    assert_sent_to(client.get(reverse("admin:anfragen_anfrage_changelist")), VERIFY)
    assert device.pk  # the app is untouched and still works


def test_a_person_halfway_through_can_log_out(client, berater):
    password_login(client, "berater")
    client.post(reverse("zugang:abmelden"))
    assert client.get(reverse("admin:index")).status_code == 302
    assert not client.get(SETUP).wsgi_request.user.is_authenticated


# The superuser's reset


def test_a_superuser_resets_a_lost_factor_and_it_is_logged(client, berater, caplog):
    make_totp_device(berater)
    StaticDevice.objects.create(user=berater, name=services.RECOVERY_NAME).token_set.create(token="abcdefgh")
    chefin = User.objects.create_superuser("chefin", password=PASSWORD)
    # The person's own browser, logged in fully before the loss.
    ihr_browser = Client()
    full_login(ihr_browser, berater)
    assert ihr_browser.get(reverse("admin:anfragen_anfrage_changelist")).status_code == 200

    full_login(client, chefin)
    users = reverse("admin:auth_user_changelist")
    assert "Zweiten Faktor zurücksetzen" in client.get(users).content.decode()
    with caplog.at_level(logging.WARNING, logger="zugang"):
        response = client.post(users, {"action": "zweiten_faktor_zuruecksetzen", "_selected_action": [berater.pk]})
    assert response.status_code == 302

    assert not TOTPDevice.objects.filter(user=berater).exists()
    assert not StaticDevice.objects.filter(user=berater).exists()
    eintrag = LogEntry.objects.get(object_id=str(berater.pk), change_message="Zweiten Faktor zurückgesetzt")
    assert eintrag.user == chefin and eintrag.action_time is not None
    log = "\n".join(record.getMessage() for record in caplog.records)
    assert "Zweiter Faktor zurückgesetzt: berater durch chefin" in log
    # From their next request on the old session counts for nothing; the next login sets up a new app.
    assert_sent_to(ihr_browser.get(reverse("admin:anfragen_anfrage_changelist")), SETUP)
    nach = Client()
    assert password_login(nach, "berater").redirect_chain[-1][0].startswith(SETUP)


def test_only_superusers_may_reset(client, berater):
    make_totp_device(berater)
    kollegin = make_staff("kollegin", "Beratung")
    kollegin.user_permissions.add(*Permission.objects.filter(codename__in=["view_user", "change_user"]))
    full_login(client, kollegin)
    users = reverse("admin:auth_user_changelist")
    assert "Zweiten Faktor zurücksetzen" not in client.get(users).content.decode()
    client.post(users, {"action": "zweiten_faktor_zuruecksetzen", "_selected_action": [berater.pk]})
    assert TOTPDevice.objects.filter(user=berater).exists()


# DEBUG and the Redaktion


def test_the_local_try_out_skips_the_factor_and_says_so(client, berater, anfrage, settings):
    settings.DEBUG = True
    response = password_login(client, "berater")
    assert response.redirect_chain[-1][0] == "/admin/"
    assert "Lokaler Testbetrieb: zweiter Faktor nicht erzwungen" in response.content.decode()
    assert NAME in client.get(reverse("admin:anfragen_anfrage_change", args=[anfrage.pk])).content.decode()


def test_without_debug_there_is_no_such_note(client, berater):
    full_login(client, berater)
    assert "Lokaler Testbetrieb" not in client.get(reverse("admin:index")).content.decode()


def test_the_redaktion_works_without_a_factor_and_may_opt_in(client):
    redakteurin = make_staff("redakteurin", "Redaktion")
    response = password_login(client, "redakteurin")
    assert response.redirect_chain[-1][0] == "/admin/"
    page = response.content.decode()
    assert "Was zu tun ist" in page
    assert f'href="{SETUP}">Zwei-Faktor-Anmeldung einrichten</a>' in page

    client.get(SETUP)
    device = TOTPDevice.objects.get(user=redakteurin)
    assert client.post(SETUP, {"code": totp_code(device)}).status_code == 200
    assert "Zwei-Faktor-Anmeldung einrichten" not in client.get(reverse("admin:index")).content.decode()
    # Once opted in, her login asks for the code too.
    client.post(reverse("zugang:abmelden"))
    assert password_login(client, "redakteurin").redirect_chain[-1][0].startswith(VERIFY)


def test_whoever_may_read_requests_needs_the_factor_whatever_their_group():
    helferin = make_staff("helferin", "Redaktion")
    assert not second_factor_required(helferin)
    helferin.user_permissions.add(Permission.objects.get(codename="view_anfrage"))
    helferin = User.objects.get(pk=helferin.pk)  # permissions are cached on the object
    assert second_factor_required(helferin)
