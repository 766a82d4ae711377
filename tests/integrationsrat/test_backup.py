"""A backup made with dumpdata can be restored with loaddata, and nothing is lost on the way.

The council's content (topics, events, pages in six languages), the requests
of advice seekers with the team's notes and log, the reference counter and
the staff accounts with their roles must all come back exactly as they were.
"""

import datetime
import importlib

import pytest
from django.contrib.auth.models import Group, User
from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command
from django.db import connection
from django.db.migrations.loader import MigrationLoader

from anfragen.models import Anfrage, Notiz, Protokolleintrag, Referenzzaehler, Themenbereich
from anfragen.services import notiz_create
from seiten.models import Abschnitt, Seite
from tests.factories import make_anfrage, make_staff
from themen.models import Jahresrueckblick, RueckblickThema, Thema
from veranstaltungen.models import Ort, Veranstaltung

# What a backup leaves out: rows Django re-creates itself (content types, permissions),
# short-lived state (sessions, login attempts, queued mails) and the admin's history.
DUMP_ARGS = [
    "--natural-foreign",
    "--natural-primary",
    *("-e", "contenttypes"),
    *("-e", "auth.permission"),
    *("-e", "sessions"),
    *("-e", "admin.logentry"),
    *("-e", "django_tasks_database"),
    *("-e", "axes"),
]
MODELS = (
    Thema,
    Jahresrueckblick,
    RueckblickThema,
    Ort,
    Veranstaltung,
    Seite,
    Abschnitt,
    Themenbereich,
    Anfrage,
    Notiz,
    Protokolleintrag,
    Referenzzaehler,
)
STAFF_GROUPS_MIGRATION = ("integrationsrat", "0001_staff_groups")


def create_staff_groups():
    """The roles "Redaktion" and "Beratung", exactly as the data migration creates them (see tests/browser)."""
    migration = importlib.import_module("integrationsrat.migrations.0001_staff_groups")
    migration.create_groups(MigrationLoader(connection).project_state(STAFF_GROUPS_MIGRATION).apps, None)


def _comparable(value):
    # Django's JSON serializer writes times to the millisecond (DjangoJSONEncoder cuts microseconds).
    if isinstance(value, datetime.datetime):
        return value.replace(microsecond=value.microsecond // 1000 * 1000)
    return value


def _columns(model) -> list[str]:
    """Every stored column, translations included; users by name, as their ids may change on restore."""
    return [
        f"{field.name}__username" if field.is_relation and field.related_model is User else field.attname
        for field in model._meta.concrete_fields
    ]


def snapshot() -> dict:
    data = {
        model.__name__: [
            tuple(_comparable(value) for value in row)
            for row in model._base_manager.order_by("pk").values_list(*_columns(model))
        ]
        for model in MODELS
    }
    data["groups"] = {
        group.name: sorted(group.permissions.values_list("content_type__app_label", "codename"))
        for group in Group.objects.all()
    }
    data["users"] = sorted(
        User.objects.values_list("username", "password", "email", "is_staff", "is_superuser", "is_active")
    )
    data["memberships"] = sorted(User.groups.through.objects.values_list("user__username", "group__name"))
    return data


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("target", ["empty database", "freshly migrated database"])
def test_backup_restores_content_requests_and_staff_without_loss(client, tmp_path, target):
    """After a server is lost, the backup brings everything back: every page, topic and event in every
    language, every request with its notes, status and log, the staff and their roles. An advice seeker's
    status link from the confirmation mail still works, and the next request gets the next number."""
    if Group.objects.filter(name__in=["Redaktion", "Beratung"]).count() < 2:
        create_staff_groups()  # an earlier transactional test flushed the rows of the data migration
    call_command("seed_content", "--demo")
    beraterin = make_staff("beraterin", "Beratung")
    make_staff("redakteur", "Redaktion")
    erste = make_anfrage(name="Ayşe Yılmaz", nachricht="Mein Vermieter antwortet nicht. مرحبا 🙂", sprache="tr")
    zweite = make_anfrage(email="", telefon="02521 12345", nachricht="Frage zum Sprachkurs für meine Mutter.")
    notiz_create(anfrage=erste, autor=beraterin, text="Rückruf vereinbart für Dienstag.")
    notiz_create(anfrage=erste, autor=beraterin, text="Unterlagen liegen vor.")
    erste.status, erste.zugewiesen_an = Anfrage.Status.IN_BEARBEITUNG, beraterin
    erste.save()
    zweite.status = Anfrage.Status.ERLEDIGT
    zweite.save()
    status_link = erste.get_status_url()
    before = snapshot()
    # The test is only as good as its data: translations, notes and log are really there.
    assert Thema.objects.exclude(titel_en="").exists() and Seite.objects.exclude(titel_ar="").exists()
    assert Veranstaltung.objects.exclude(titel_uk="").exists() and Themenbereich.objects.exclude(name_tr="").exists()
    assert len(before["Notiz"]) == 2 and len(before["Protokolleintrag"]) == 2
    assert {"Redaktion", "Beratung"} <= before["groups"].keys()

    backup = tmp_path / "backup.json"
    call_command("dumpdata", *DUMP_ARGS, output=str(backup), verbosity=0)
    call_command("flush", "--noinput", verbosity=0)
    assert not Anfrage.objects.exists() and not Group.objects.exists()
    if target == "freshly migrated database":
        create_staff_groups()  # `migrate` on a new server creates the roles before the backup is loaded
    ContentType.objects.clear_cache()  # flush gave the content types new ids
    call_command("loaddata", str(backup), verbosity=0)

    assert snapshot() == before
    response = client.get(status_link)
    assert response.status_code == 200 and erste.referenz in response.content.decode()
    assert User.objects.get(username="beraterin").check_password("Sicheres-Passwort-123")
    neue = make_anfrage()
    assert neue.jahr == zweite.jahr and neue.laufende_nummer == zweite.laufende_nummer + 1
    assert neue.pk > zweite.pk  # the id sequences were reset past the restored rows
