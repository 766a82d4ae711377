"""A year's figures from the anonymous records: counts and times to the first answer, nothing else.

One query reads the year's records; counting and the medians are done here,
as a year holds at most a few thousand requests.
"""

import dataclasses
import datetime
import statistics

from django.utils.dates import MONTHS
from django.utils.translation import gettext as _

from anfragen.models import Anfrage, Sprache
from kennzahlen.models import Anfragekennzahl

TAG = datetime.timedelta(days=1).total_seconds()


def dezimal(wert: float) -> str:
    """One decimal with a comma, as German readers and German spreadsheet programs expect."""
    return f"{wert:.1f}".replace(".", ",")


def _median(werte: list) -> float | None:
    return statistics.median(werte) if werte else None


@dataclasses.dataclass
class Zeile:
    """One line of a table: what was counted, how many came in, and how soon they were answered."""

    bezeichnung: str
    anzahl: int = 0
    antwortzeiten: list[datetime.timedelta] = dataclasses.field(default_factory=list)
    arbeitstage: list[int] = dataclasses.field(default_factory=list)

    def add(self, erste_antwort_nach: datetime.timedelta | None, arbeitstage: int | None) -> None:
        self.anzahl += 1
        if erste_antwort_nach is not None:
            self.antwortzeiten.append(erste_antwort_nach)
        if arbeitstage is not None:
            self.arbeitstage.append(arbeitstage)

    @property
    def beantwortet(self) -> int:
        return len(self.antwortzeiten)

    @property
    def median_arbeitstage(self) -> str:
        """The median of working days to the first answer (the target of requests is counted in them), or ""."""
        median = _median(self.arbeitstage)
        return "" if median is None else dezimal(median).removesuffix(",0")

    @property
    def median_tage(self) -> str:
        """The median time to the first answer in calendar days, weekends and holidays included (one decimal), or ""."""
        median = _median([d.total_seconds() for d in self.antwortzeiten])
        return "" if median is None else dezimal(median / TAG)


@dataclasses.dataclass
class Tabelle:
    titel: str
    spalte: str  # the heading of the first column
    zeilen: list[Zeile]

    @property
    def groesste_anzahl(self) -> int:
        """The largest count: the scale of the bars."""
        return max((zeile.anzahl for zeile in self.zeilen), default=0)


@dataclasses.dataclass
class Jahresbericht:
    jahr: int
    gesamt: Zeile
    monate: Tabelle
    themen: Tabelle
    sprachen: Tabelle
    arten: Tabelle

    @property
    def tabellen(self) -> list[Tabelle]:
        return [self.monate, self.themen, self.sprachen, self.arten]


def _label(choices, value: str) -> str:
    return str(dict(choices).get(value, value))


def year_report(jahr: int) -> Jahresbericht:
    gesamt = Zeile(str(_("Alle Anfragen und Barriere-Meldungen")))
    monate = {monat: Zeile(str(MONTHS[monat])) for monat in range(1, 13)}
    # Every language and kind, also with none: "no request in Arabic" is a finding too.
    sprachen = {code: Zeile(str(label)) for code, label in Sprache.choices}
    arten = {code: Zeile(str(label)) for code, label in Anfrage.Art.choices}
    themen: dict = {}
    records = (
        Anfragekennzahl.objects.in_year(jahr)
        .order_by()
        .values_list(
            "monat",
            "themenbereich_id",
            "themenbereich__name_de",
            "themenbereich_name",
            "sprache",
            "art",
            "erste_antwort_nach",
            "erste_antwort_arbeitstage",
        )
    )
    for monat, thema_id, thema_name, kopierter_name, sprache, art, nach, arbeitstage in records:
        # The topic's current name while it exists; the copied one once it is deleted.
        thema_schluessel = thema_id if thema_id is not None else f"name:{kopierter_name}"
        zeilen = [
            gesamt,
            monate[monat.month],
            themen.setdefault(thema_schluessel, Zeile(thema_name or kopierter_name or str(_("ohne Themenbereich")))),
            sprachen.setdefault(sprache, Zeile(_label(Sprache.choices, sprache))),
            arten.setdefault(art, Zeile(_label(Anfrage.Art.choices, art))),
        ]
        for zeile in zeilen:
            zeile.add(nach, arbeitstage)
    return Jahresbericht(
        jahr=jahr,
        gesamt=gesamt,
        monate=Tabelle(str(_("Nach Monat des Eingangs")), str(_("Monat")), list(monate.values())),
        themen=Tabelle(
            str(_("Nach Themenbereich")),
            str(_("Themenbereich")),
            sorted(themen.values(), key=lambda zeile: (-zeile.anzahl, zeile.bezeichnung.casefold())),
        ),
        sprachen=Tabelle(str(_("Nach Sprache für die Antwort")), str(_("Sprache")), list(sprachen.values())),
        arten=Tabelle(str(_("Nach Art")), str(_("Art")), list(arten.values())),
    )
