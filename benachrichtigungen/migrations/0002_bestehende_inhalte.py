"""What was published before the alerts existed is marked as announced, without any mail.

Otherwise the first `send_alerts` would announce every upcoming event and all
news at once. Items still waiting for their publishing window are left out:
they are announced when it opens, like anything published from now on.
"""

from django.db import migrations
from django.db.models import Q
from django.utils import timezone


def mark_published(apps, schema_editor):
    Ankuendigung = apps.get_model("benachrichtigungen", "Ankuendigung")
    sichtbar = Q(veroeffentlicht=True) & (
        Q(veroeffentlichen_ab__isnull=True) | Q(veroeffentlichen_ab__lte=timezone.now())
    )
    for feld, label in (("veranstaltung", "veranstaltungen.Veranstaltung"), ("meldung", "aktuelles.Meldung")):
        pks = apps.get_model(label).objects.filter(sichtbar).values_list("pk", flat=True)
        Ankuendigung.objects.bulk_create(
            [Ankuendigung(**{f"{feld}_id": pk}, ohne_versand=True) for pk in pks.iterator()], batch_size=500
        )


def unmark(apps, schema_editor):
    apps.get_model("benachrichtigungen", "Ankuendigung").objects.filter(ohne_versand=True).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("benachrichtigungen", "0001_initial"),
        ("aktuelles", "0001_initial"),
        ("veranstaltungen", "0001_initial"),
    ]

    operations = [migrations.RunPython(mark_published, unmark)]
