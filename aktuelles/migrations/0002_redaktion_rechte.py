"""The Redaktion writes the news."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

CRUD = ("add", "change", "delete", "view")


def grant(apps, schema_editor):
    config = apps.get_app_config("aktuelles")
    config.models_module = True
    create_permissions(config, apps=apps, verbosity=0)
    config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    redaktion, _ = Group.objects.get_or_create(name="Redaktion")
    redaktion.permissions.add(
        *Permission.objects.filter(
            content_type__app_label="aktuelles", codename__in=[f"{a}_meldung" for a in CRUD]
        )
    )


def revoke(apps, schema_editor):
    Permission = apps.get_model("auth", "Permission")
    Group = apps.get_model("auth", "Group")
    for group in Group.objects.filter(name="Redaktion"):
        group.permissions.remove(*Permission.objects.filter(content_type__app_label="aktuelles"))


class Migration(migrations.Migration):
    dependencies = [
        ("aktuelles", "0001_initial"),
        ("integrationsrat", "0001_staff_groups"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
