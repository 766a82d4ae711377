"""The Redaktion keeps the directory of migrant organisations (checks proposals, confirms entries)."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

CRUD = ("add", "change", "delete", "view")
MODELS = ("organisation", "sprache", "angebot")


def grant(apps, schema_editor):
    config = apps.get_app_config("organisationen")
    config.models_module = True
    create_permissions(config, apps=apps, verbosity=0)
    config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    redaktion, _ = Group.objects.get_or_create(name="Redaktion")
    redaktion.permissions.add(
        *Permission.objects.filter(
            content_type__app_label="organisationen", codename__in=[f"{a}_{m}" for a in CRUD for m in MODELS]
        )
    )


def revoke(apps, schema_editor):
    Permission = apps.get_model("auth", "Permission")
    Group = apps.get_model("auth", "Group")
    for group in Group.objects.filter(name="Redaktion"):
        group.permissions.remove(*Permission.objects.filter(content_type__app_label="organisationen"))


class Migration(migrations.Migration):
    dependencies = [
        ("organisationen", "0002_sprachen_und_angebote"),
        ("integrationsrat", "0001_staff_groups"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
