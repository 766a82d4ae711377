"""The Integrationsrat as a body, and every event entered as a public meeting becomes its Sitzung.

Before this app, a public meeting was a Veranstaltung with art "sitzung". Each
one becomes a Sitzung of the Integrationsrat without touching the event row
(the meeting *is* that event: same address, same calendar entry).
"""

import datetime

from django.db import migrations
from django.utils import timezone

INTEGRATIONSRAT = "Integrationsrat der Stadt Beckum"


def forwards(apps, schema_editor):
    Gremium = apps.get_model("gremien", "Gremium")
    Sitzung = apps.get_model("gremien", "Sitzung")
    Veranstaltung = apps.get_model("veranstaltungen", "Veranstaltung")
    rat, _ = Gremium.objects.get_or_create(
        art="rat",
        defaults={"name": INTEGRATIONSRAT, "name_de": INTEGRATIONSRAT, "kurzname": "IR", "reihenfolge": 0, "veroeffentlicht": True},
    )
    today = timezone.localdate()
    for event in Veranstaltung.objects.filter(art="sitzung"):
        status = "abgesagt" if event.abgesagt else ("durchgefuehrt" if event.datum < today else "geplant")
        sitzung = Sitzung(
            veranstaltung_ptr_id=event.pk,
            gremium_id=rat.pk,
            status=status,
            erstellt_am=datetime.datetime.combine(event.datum, datetime.time(), tzinfo=datetime.UTC)
            if event.datum < today
            else timezone.now(),
        )
        # Only the meeting's own row: a raw save leaves the event row as it is.
        sitzung.save_base(raw=True)


def backwards(apps, schema_editor):
    Sitzung = apps.get_model("gremien", "Sitzung")
    # What hangs on a meeting goes first (the raw delete below does not cascade); the event
    # rows stay (with art "sitzung"), as they were before.
    apps.get_model("gremien", "Dokument").objects.filter(sitzung__isnull=False).delete()
    apps.get_model("gremien", "Tagesordnungspunkt").objects.all().delete()
    Sitzung.objects.all()._raw_delete(schema_editor.connection.alias)


class Migration(migrations.Migration):
    dependencies = [
        ("gremien", "0001_initial"),
        ("veranstaltungen", "0005_ort_zeitstempel"),
    ]

    operations = [migrations.RunPython(forwards, backwards)]
