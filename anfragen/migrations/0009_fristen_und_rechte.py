"""Requests received before there was a first-answer target get theirs; Beratung edits the Textbausteine."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

from anfragen.fristen import frist_for

CRUD = ("add", "change", "delete", "view")


def backfill_fristen(apps, schema_editor):
    Anfrage = apps.get_model("anfragen", "Anfrage")
    for anfrage in Anfrage.objects.filter(frist_am__isnull=True).only("pk", "art", "eingegangen_am").iterator():
        frist = frist_for(barriere=anfrage.art == "barriere", eingegangen_am=anfrage.eingegangen_am)
        Anfrage.objects.filter(pk=anfrage.pk).update(frist_am=frist)


def grant(apps, schema_editor):
    config = apps.get_app_config("anfragen")
    config.models_module = True
    create_permissions(config, apps=apps, verbosity=0)
    config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    beratung, _ = Group.objects.get_or_create(name="Beratung")
    beratung.permissions.add(
        *Permission.objects.filter(
            content_type__app_label="anfragen",
            codename__in=[f"{action}_textbaustein" for action in CRUD] + ["view_antwort"],
        )
    )


def revoke(apps, schema_editor):
    Permission = apps.get_model("auth", "Permission")
    Group = apps.get_model("auth", "Group")
    for group in Group.objects.filter(name="Beratung"):
        group.permissions.remove(
            *Permission.objects.filter(
                content_type__app_label="anfragen", codename__in=[f"{a}_textbaustein" for a in CRUD] + ["view_antwort"]
            )
        )


class Migration(migrations.Migration):
    dependencies = [
        ("anfragen", "0008_antworten_fristen_textbausteine"),
        ("integrationsrat", "0001_staff_groups"),
    ]

    operations = [
        migrations.RunPython(backfill_fristen, migrations.RunPython.noop),
        migrations.RunPython(grant, revoke),
    ]
