"""The Redaktion edits the accessibility statement and uploads the sign-language videos."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

CRUD = ("add", "change", "delete", "view")
MODELLE = ("barrierefreiheitserklaerung", "gebaerdensprachvideo")


def _rechte(Permission) -> list[int]:
    # Ids, not objects: when several apps are migrated back at once, the group's relation may
    # belong to another rendering of the historical Permission model than `Permission`.
    codenames = [f"{a}_{m}" for a in CRUD for m in MODELLE]
    return list(
        Permission.objects.filter(content_type__app_label="seiten", codename__in=codenames).values_list("pk", flat=True)
    )


def grant(apps, schema_editor):
    config = apps.get_app_config("seiten")
    config.models_module = True
    create_permissions(config, apps=apps, verbosity=0)
    config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    redaktion, _ = Group.objects.get_or_create(name="Redaktion")
    redaktion.permissions.add(*_rechte(Permission))


def revoke(apps, schema_editor):
    Permission = apps.get_model("auth", "Permission")
    Group = apps.get_model("auth", "Group")
    for group in Group.objects.filter(name="Redaktion"):
        group.permissions.remove(*_rechte(Permission))


class Migration(migrations.Migration):
    dependencies = [
        ("seiten", "0005_barrierefreiheit_gebaerdensprache"),
        ("integrationsrat", "0001_staff_groups"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
