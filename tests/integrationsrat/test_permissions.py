"""Who may open which admin page: role x admin URL -> expected status."""

import pytest
from django.contrib.auth.models import User
from django.urls import reverse

from tests.factories import make_anfrage, make_staff, make_thema, make_veranstaltung

pytestmark = pytest.mark.django_db

ANON, REDAKTION, BERATUNG, SUPERUSER = "anonymous", "Redaktion", "Beratung", "superuser"
LOGIN = 302  # anonymous visitors are sent to the admin login

# url name, args key -> expected status per role
MATRIX = [
    ("admin:index", None, {ANON: LOGIN, REDAKTION: 200, BERATUNG: 200, SUPERUSER: 200}),
    ("admin:anfragen_anfrage_changelist", None, {ANON: LOGIN, REDAKTION: 403, BERATUNG: 200, SUPERUSER: 200}),
    ("admin:anfragen_anfrage_change", "anfrage", {ANON: LOGIN, REDAKTION: 403, BERATUNG: 200, SUPERUSER: 200}),
    ("admin:anfragen_anfrage_history", "anfrage", {ANON: LOGIN, REDAKTION: 403, BERATUNG: 200, SUPERUSER: 200}),
    ("admin:anfragen_anfrage_delete", "anfrage", {ANON: LOGIN, REDAKTION: 403, BERATUNG: 200, SUPERUSER: 200}),
    ("admin:anfragen_anfrage_add", None, {ANON: LOGIN, REDAKTION: 403, BERATUNG: 403, SUPERUSER: 403}),
    ("admin:anfragen_themenbereich_changelist", None, {ANON: LOGIN, REDAKTION: 403, BERATUNG: 200, SUPERUSER: 200}),
    # Answering a request (reply form, snippets): the Beratung team's.
    ("admin:anfragen_anfrage_antwort", "anfrage", {ANON: LOGIN, REDAKTION: 403, BERATUNG: 200, SUPERUSER: 200}),
    ("admin:anfragen_textbaustein_changelist", None, {ANON: LOGIN, REDAKTION: 403, BERATUNG: 200, SUPERUSER: 200}),
    ("admin:anfragen_textbaustein_add", None, {ANON: LOGIN, REDAKTION: 403, BERATUNG: 200, SUPERUSER: 200}),
    ("admin:themen_thema_changelist", None, {ANON: LOGIN, REDAKTION: 200, BERATUNG: 403, SUPERUSER: 200}),
    ("admin:themen_thema_add", None, {ANON: LOGIN, REDAKTION: 200, BERATUNG: 403, SUPERUSER: 200}),
    ("admin:themen_thema_change", "thema", {ANON: LOGIN, REDAKTION: 200, BERATUNG: 403, SUPERUSER: 200}),
    ("admin:themen_jahresrueckblick_changelist", None, {ANON: LOGIN, REDAKTION: 200, BERATUNG: 403, SUPERUSER: 200}),
    (
        "admin:veranstaltungen_veranstaltung_changelist",
        None,
        {ANON: LOGIN, REDAKTION: 200, BERATUNG: 403, SUPERUSER: 200},
    ),
    (
        "admin:veranstaltungen_veranstaltung_change",
        "veranstaltung",
        {ANON: LOGIN, REDAKTION: 200, BERATUNG: 403, SUPERUSER: 200},
    ),
    ("admin:veranstaltungen_ort_changelist", None, {ANON: LOGIN, REDAKTION: 200, BERATUNG: 403, SUPERUSER: 200}),
    ("admin:seiten_seite_changelist", None, {ANON: LOGIN, REDAKTION: 200, BERATUNG: 403, SUPERUSER: 200}),
    ("admin:auth_user_changelist", None, {ANON: LOGIN, REDAKTION: 403, BERATUNG: 403, SUPERUSER: 200}),
    # Queued jobs and login attempts: only for the administrator.
    (
        "admin:django_tasks_database_dbtaskresult_changelist",
        None,
        {ANON: LOGIN, REDAKTION: 403, BERATUNG: 403, SUPERUSER: 200},
    ),
    ("admin:axes_accessattempt_changelist", None, {ANON: LOGIN, REDAKTION: 403, BERATUNG: 403, SUPERUSER: 200}),
    ("admin:auth_group_changelist", None, {ANON: LOGIN, REDAKTION: 403, BERATUNG: 403, SUPERUSER: 200}),
]


@pytest.fixture
def objects():
    return {"anfrage": make_anfrage(), "thema": make_thema(), "veranstaltung": make_veranstaltung()}


def login(client, role):
    if role == SUPERUSER:
        client.force_login(User.objects.create_superuser("chefin", password="Sicheres-Passwort-123"))
    elif role != ANON:
        client.force_login(make_staff(role.lower(), role))


@pytest.mark.parametrize("role", [ANON, REDAKTION, BERATUNG, SUPERUSER])
@pytest.mark.parametrize(("url_name", "arg", "expected"), MATRIX, ids=[row[0] for row in MATRIX])
def test_admin_access(client, objects, role, url_name, arg, expected):
    login(client, role)
    url = reverse(url_name, args=[objects[arg].pk] if arg else [])
    assert client.get(url).status_code == expected[role]


def test_redaktion_cannot_reach_requests_through_autocomplete(client, objects):
    login(client, REDAKTION)
    for params in (
        {"app_label": "anfragen", "model_name": "anfrage", "field_name": "themenbereich"},
        {"app_label": "anfragen", "model_name": "notiz", "field_name": "anfrage"},
        {"app_label": "anfragen", "model_name": "protokolleintrag", "field_name": "anfrage"},
    ):
        response = client.get(reverse("admin:autocomplete"), {**params, "term": objects["anfrage"].referenz})
        assert response.status_code == 403, params
        assert '"results"' not in response.content.decode()  # no autocomplete answer, just the 403 page


def test_admin_index_shows_each_role_only_its_apps(client, objects):
    login(client, REDAKTION)
    page = client.get(reverse("admin:index")).content.decode()
    assert "Veranstaltungen" in page and "/admin/anfragen/" not in page
    client.logout()
    login(client, BERATUNG)
    page = client.get(reverse("admin:index")).content.decode()
    assert "/admin/anfragen/anfrage/" in page and "/admin/themen/" not in page


def test_admin_request_list_is_german_and_shows_no_personal_data(client, objects):
    login(client, BERATUNG)
    page = client.get(reverse("admin:anfragen_anfrage_changelist")).content.decode()
    assert objects["anfrage"].referenz in page
    assert "Ausführen" in page and ">Run<" not in page
    assert objects["anfrage"].email not in page


def test_refused_staff_get_a_german_403_page(client, objects):
    login(client, REDAKTION)
    response = client.get(reverse("admin:anfragen_anfrage_changelist"))
    assert response.status_code == 403
    assert "Kein Zugriff" in response.content.decode()


def test_redaktion_cannot_find_requests_through_search_or_history(client, objects):
    login(client, REDAKTION)
    referenz = objects["anfrage"].referenz
    assert client.get(reverse("admin:anfragen_anfrage_changelist"), {"q": referenz}).status_code == 403
    assert client.get(reverse("admin:anfragen_anfrage_history", args=[objects["anfrage"].pk])).status_code == 403
    # the admin start page names no request, not even in "recent actions"
    assert referenz not in client.get(reverse("admin:index")).content.decode()
