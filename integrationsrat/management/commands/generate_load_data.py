"""Fill the database with realistic volumes for benchmarks (`make bench`).

Never run this on a production database: it adds thousands of clearly marked
test events ("Lasttest"), council meetings with agendas, news items, and requests.
`--clear` removes what an earlier run made.
"""

import datetime
import random

from django.core.management.base import BaseCommand, CommandError
from django.db import connection, transaction
from django.db.models import F
from django.utils import timezone

from aktuelles.models import Meldung
from anfragen.models import Anfrage, Themenbereich
from anfragen.services import referenz_format
from gremien.models import Dokument, Gremium, Sitzung, Tagesordnungspunkt
from suche.services import index_rebuild
from themen.models import Thema
from veranstaltungen.models import Ort, Veranstaltung

PREFIX = "lasttest-"


class Command(BaseCommand):
    help = "Erzeugt Lasttest-Daten: --events N Termine über 10 Jahre, --requests M Anfragen."

    def add_arguments(self, parser):
        parser.add_argument("--events", type=int, default=5000)
        parser.add_argument("--meetings", type=int, default=500, help="Sitzungen (mit je 5 Tagesordnungspunkten).")
        parser.add_argument("--news", type=int, default=500, help="Meldungen (veröffentlicht, über 5 Jahre).")
        parser.add_argument(
            "--documents", type=int, default=1000, help="Dokumente der Sitzungen (nur Eintrag und Text, keine Datei)."
        )
        parser.add_argument("--requests", type=int, default=50000)
        parser.add_argument("--clear", action="store_true", help="Vorher alle Lasttest-Daten löschen.")
        parser.add_argument("--seed", type=int, default=2026, help="Zufallsstartwert (für wiederholbare Läufe).")

    @transaction.atomic
    def handle(self, *args, events, meetings, news, documents, requests, clear, seed, **options):
        themen = list(Thema.objects.all())
        bereiche = list(Themenbereich.objects.all())
        if not themen or not bereiche:
            raise CommandError("Erst `manage.py seed_content` ausführen.")
        if clear:
            self.clear()
        rng = random.Random(seed)  # noqa: S311 (test data, repeatable on purpose)
        today = timezone.localdate()
        ort, _ = Ort.objects.get_or_create(name_de="Lasttest-Ort", defaults={"adresse": "Teststraße 1"})

        # Ten years: mostly past, some upcoming, as a real calendar grows.
        start = today - datetime.timedelta(days=365 * 9)
        batch = []
        for i in range(events):
            datum = start + datetime.timedelta(days=rng.randrange(365 * 10))
            thema = rng.choice(themen)
            batch.append(
                Veranstaltung(
                    slug=f"{PREFIX}{i}",
                    titel_de=f"Lasttest {i}: {thema.titel}",
                    titel_ar=f"اختبار الحمل {i}",
                    kurztext_de="Ein Termin für den Lasttest.",
                    kurztext_ar="موعد لاختبار الحمل.",
                    datum=datum,
                    beginn=datetime.time(rng.choice([10, 14, 17, 18, 19]), 0),
                    thema=thema,
                    ort=ort,
                    veroeffentlicht=rng.random() > 0.05,
                    abgesagt=rng.random() < 0.03,
                )
            )
        Veranstaltung.objects.bulk_create(batch, batch_size=1000)
        self.create_meetings(meetings, rng=rng, start=start, ort=ort)
        self.create_news(news, rng=rng, today=today, themen=themen)
        self.create_documents(documents, rng=rng)

        batch = []
        statuses = [s for s, _label in Anfrage.Status.choices]
        for i in range(requests):
            eingang = timezone.now() - datetime.timedelta(minutes=rng.randrange(60 * 24 * 365 * 3))
            status = rng.choice(statuses)
            batch.append(
                Anfrage(
                    referenz=referenz_format(jahr=eingang.year, nummer=i + 1).replace("IR-", "LT-"),
                    jahr=eingang.year,
                    laufende_nummer=100000 + i,
                    email=f"lasttest{i}@example.org",
                    themenbereich=rng.choice(bereiche),
                    nachricht="Lasttest-Anfrage.",
                    sprache=rng.choice(["de", "ar", "tr", "uk", "ru", "en"]),
                    einwilligung_am=eingang,
                    status=status,
                    erledigt_am=eingang if status == "erledigt" else None,
                    status_nonce=f"{i:032x}",
                )
            )
        created = Anfrage.objects.bulk_create(batch, batch_size=2000)
        # auto_now_add ignored the arrival times above; spread them for realistic filters.
        Anfrage.objects.filter(referenz__startswith="LT-").update(eingegangen_am=F("einwilligung_am"))
        # bulk_create sends no signals: the search learns of all of it at once.
        eintraege = index_rebuild()
        self.stdout.write(
            self.style.SUCCESS(
                f"{events} Termine, {meetings} Sitzungen, {news} Meldungen, {documents} Dokumente und "
                f"{len(created)} Anfragen angelegt; {eintraege} Sucheinträge."
            )
        )

    def clear(self) -> None:
        """Remove an earlier run's data in bulk: no signals (test data leaves no OParl tombstones), no history."""
        using = connection.alias
        events = Veranstaltung.objects.filter(slug__startswith=PREFIX)
        Dokument.objects.filter(sitzung__in=events.values("pk"))._raw_delete(using)
        Tagesordnungspunkt.objects.filter(sitzung__in=events.values("pk"))._raw_delete(using)
        Sitzung.objects.filter(pk__in=events.values("pk"))._raw_delete(using)
        events._raw_delete(using)
        meldungen = Meldung.objects.filter(slug__startswith=PREFIX)
        Meldung.themen.through.objects.filter(meldung__in=meldungen.values("pk"))._raw_delete(using)
        meldungen._raw_delete(using)
        Anfrage.objects.filter(referenz__startswith="LT-").delete()

    def create_meetings(self, count: int, *, rng, start, ort) -> None:
        """Meetings over the same ten years, each with five agenda items (one of them not public)."""
        rat = Gremium.objects.get(art=Gremium.Art.RAT)
        events = Veranstaltung.objects.bulk_create(
            [
                Veranstaltung(
                    slug=f"{PREFIX}sitzung-{i}",
                    titel_de=f"Lasttest-Sitzung {i}",
                    kurztext_de="Eine Sitzung für den Lasttest.",
                    datum=start + datetime.timedelta(days=rng.randrange(365 * 10)),
                    beginn=datetime.time(18, 0),
                    art=Veranstaltung.Art.SITZUNG,
                    ort=ort,
                    veroeffentlicht=True,
                )
                for i in range(count)
            ],
            batch_size=1000,
        )
        # A Sitzung is a second row on its event (multi-table inheritance), which bulk_create cannot make.
        now = timezone.now()
        with connection.cursor() as cursor:
            cursor.executemany(
                "INSERT INTO gremien_sitzung (veranstaltung_ptr_id, gremium_id, status, erstellt_am)"
                " VALUES (%s, %s, %s, %s)",
                [(event.pk, rat.pk, Sitzung.Status.EINGELADEN, now) for event in events],
            )
        Tagesordnungspunkt.objects.bulk_create(
            [
                Tagesordnungspunkt(
                    sitzung_id=event.pk,
                    nummer=str(n),
                    reihenfolge=n,
                    titel_de=f"Lasttest-Punkt {n}",
                    oeffentlich=n != 5,
                    deutsch_stand="",
                )
                for event in events
                for n in range(1, 6)
            ],
            batch_size=2000,
        )

    def create_news(self, count: int, *, rng, today, themen) -> None:
        """Published news over five years, newest today, each about one topic (as the topic pages show them)."""
        meldungen = Meldung.objects.bulk_create(
            [
                Meldung(
                    slug=f"{PREFIX}meldung-{i}",
                    titel_de=f"Lasttest-Meldung {i}",
                    titel_ar=f"خبر اختبار الحمل {i}",
                    anreisser_de="Eine Meldung für den Lasttest.",
                    anreisser_ar="خبر لاختبار الحمل.",
                    text_de="<p>Eine Meldung für den Lasttest: Integrationsrat, Sprechstunde, Fest der Kulturen.</p>",
                    datum=today - datetime.timedelta(days=rng.randrange(365 * 5)),
                    veroeffentlicht=True,
                )
                for i in range(count)
            ],
            batch_size=1000,
        )
        Meldung.themen.through.objects.bulk_create(
            [Meldung.themen.through(meldung_id=m.pk, thema_id=rng.choice(themen).pk) for m in meldungen],
            batch_size=2000,
        )

    def create_documents(self, count: int, *, rng) -> None:
        """Minutes with a page of text each, on the load meetings: what the search reads (no file is stored)."""
        sitzungen = list(Sitzung.objects.filter(slug__startswith=PREFIX).values_list("pk", "datum"))
        if not sitzungen:
            return
        woerter = [
            *("Integrationsrat", "Sprechstunde", "Beratung", "Sprachkurs", "Wohnung", "Arbeit", "Schule", "Kita"),
            *("Elterncafé", "Fest", "Kulturen", "Migrantenorganisationen", "Antrag", "Beschluss", "Haushalt"),
            *("Ausländerbehörde", "Einbürgerung", "Dolmetscher", "Ehrenamt"),
        ]
        Dokument.objects.bulk_create(
            [
                Dokument(
                    sitzung_id=pk,
                    name=f"Lasttest-Niederschrift {i}",
                    art=Dokument.Art.NIEDERSCHRIFT,
                    datei=f"dokumente/lasttest/{i}/niederschrift.pdf",
                    datum=datum,
                    oeffentlich=True,
                    groesse=20_000,
                    sha512=f"{i:0128x}",
                    # About a page of minutes: 300 words.
                    text=" ".join(rng.choice(woerter) for _ in range(300)),
                )
                for i, (pk, datum) in enumerate(rng.choice(sitzungen) for _ in range(count))
            ],
            batch_size=1000,
        )
