"""Create the two staff roles.

Redaktion curates public content and never sees requests; Beratung handles
requests. Permissions are created here first because Django normally creates
them only after all migrations have run.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

CRUD = ("add", "change", "delete", "view")

GROUPS = {
    "Redaktion": [
        (app, model, action)
        for app, model in (
            ("themen", "thema"),
            ("themen", "jahresrueckblick"),
            ("themen", "rueckblickthema"),
            ("veranstaltungen", "veranstaltung"),
            ("veranstaltungen", "ort"),
            ("seiten", "seite"),
            ("seiten", "abschnitt"),
        )
        for action in CRUD
    ],
    "Beratung": [
        ("anfragen", "anfrage", "view"),
        ("anfragen", "anfrage", "change"),
        ("anfragen", "anfrage", "delete"),
        ("anfragen", "notiz", "view"),
        ("anfragen", "notiz", "add"),
        ("anfragen", "protokolleintrag", "view"),
        *(("anfragen", "themenbereich", action) for action in CRUD),
    ],
}


def create_groups(apps, schema_editor):
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None

    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for name, perms in GROUPS.items():
        group, _ = Group.objects.get_or_create(name=name)
        for app_label, model, action in perms:
            group.permissions.add(
                Permission.objects.get(content_type__app_label=app_label, codename=f"{action}_{model}")
            )


def remove_groups(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name__in=GROUPS).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("themen", "0001_initial"),
        ("veranstaltungen", "0001_initial"),
        ("anfragen", "0001_initial"),
        ("seiten", "0001_initial"),
    ]

    operations = [migrations.RunPython(create_groups, remove_groups)]
