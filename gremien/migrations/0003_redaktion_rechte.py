"""The Redaktion edits the council's bodies, members, meetings, papers and documents."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

MODELS = ("gremium", "wahlperiode", "person", "mitgliedschaft", "sitzung", "tagesordnungspunkt", "vorlage", "dokument")
CRUD = ("add", "change", "delete", "view")


def grant(apps, schema_editor):
    config = apps.get_app_config("gremien")
    config.models_module = True
    create_permissions(config, apps=apps, verbosity=0)
    config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    redaktion, _ = Group.objects.get_or_create(name="Redaktion")
    redaktion.permissions.add(
        *Permission.objects.filter(
            content_type__app_label="gremien", codename__in=[f"{a}_{m}" for m in MODELS for a in CRUD]
        )
    )


def revoke(apps, schema_editor):
    Permission = apps.get_model("auth", "Permission")
    Group = apps.get_model("auth", "Group")
    for group in Group.objects.filter(name="Redaktion"):
        group.permissions.remove(*Permission.objects.filter(content_type__app_label="gremien"))


class Migration(migrations.Migration):
    dependencies = [
        ("gremien", "0002_integrationsrat_und_sitzungen"),
        ("integrationsrat", "0001_staff_groups"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
