"""Point queued mail tasks at the renamed task (anfrage_benachrichtigen -> anfrage_notify).

The worker imports a task by its stored path; without this, a notification that
was queued or waiting for a retry during the update would fail to import and
never be sent.
"""

from django.db import migrations

OLD = "anfragen.tasks.anfrage_benachrichtigen"
NEW = "anfragen.tasks.anfrage_notify"


def forwards(apps, schema_editor):
    apps.get_model("django_tasks_database", "DBTaskResult").objects.filter(task_path=OLD).update(task_path=NEW)


def backwards(apps, schema_editor):
    apps.get_model("django_tasks_database", "DBTaskResult").objects.filter(task_path=NEW).update(task_path=OLD)


class Migration(migrations.Migration):
    dependencies = [
        ("anfragen", "0003_beratung_team"),
        ("django_tasks_database", "0021_conditional_partial_index_ordering"),
    ]

    operations = [migrations.RunPython(forwards, backwards)]
