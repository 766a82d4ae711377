"""Count the requests already there when the figures began: one anonymous record each.

Requests closed more than REQUEST_RETENTION_DAYS ago are deleted already and
cannot be counted any more; from now on every request leaves its record.
"""

import datetime

from django.db import migrations
from django.db.models.functions import Coalesce
from django.utils import timezone


def count_existing_requests(apps, schema_editor):
    # The holiday rules as they are (a maintained library), not a copy frozen into this migration.
    from kennzahlen.services import working_days_between

    Anfrage = apps.get_model("anfragen", "Anfrage")
    Anfragekennzahl = apps.get_model("kennzahlen", "Anfragekennzahl")
    rows = Anfrage.objects.annotate(thema_name=Coalesce("themenbereich__name_de", "themenbereich__name")).values_list(
        "eingegangen_am", "themenbereich_id", "thema_name", "sprache", "art", "erste_antwort_am"
    )
    Anfragekennzahl.objects.bulk_create(
        (
            Anfragekennzahl(
                monat=timezone.localdate(eingegangen_am).replace(day=1),
                themenbereich_id=thema_id,
                themenbereich_name=thema_name or "",
                sprache=sprache,
                art=art,
                # Whole minutes (kennzahlen.services.minutes): to the microsecond it would find its request again.
                erste_antwort_nach=(
                    datetime.timedelta(minutes=round((erste_antwort_am - eingegangen_am).total_seconds() / 60))
                    if erste_antwort_am
                    else None
                ),
                erste_antwort_arbeitstage=(
                    working_days_between(timezone.localdate(eingegangen_am), timezone.localdate(erste_antwort_am))
                    if erste_antwort_am
                    else None
                ),
            )
            for eingegangen_am, thema_id, thema_name, sprache, art, erste_antwort_am in rows.iterator()
        ),
        batch_size=500,
    )


class Migration(migrations.Migration):
    dependencies = [
        ("kennzahlen", "0001_initial"),
        ("anfragen", "0008_antworten_fristen_textbausteine"),
    ]

    # Backwards the records simply go with the table (0001); nothing to undo here.
    operations = [migrations.RunPython(count_existing_requests, migrations.RunPython.noop)]
