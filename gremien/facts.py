"""What the members and meetings pages read, cached under the content version (see integrationsrat.cache).

Anything about "upcoming", "past" or "current" also names the day: it changes at midnight.
"""

from dataclasses import dataclass, field

from django.utils import timezone

from gremien.models import Dokument, Mitgliedschaft, Sitzung, Tagesordnungspunkt
from inhalte.models import can_preview
from integrationsrat.cache import cached

NEXT_COUNT = 10  # upcoming meetings listed on /sitzungen/
PAST_COUNT = 10  # and the last ones that took place (the rest: the year archive)


@dataclass
class Punkt:
    """One agenda item as a page shows it, with the public documents of it and of its paper."""

    top: Tagesordnungspunkt
    dokumente: list[Dokument] = field(default_factory=list)


@dataclass
class Tagesordnung:
    """A meeting's agenda and documents as its page shows them: public documents only."""

    punkte: list[Punkt]
    einladung: list[Dokument]
    niederschrift: list[Dokument]
    weitere: list[Dokument]

    @property
    def dokumente(self) -> list[Dokument]:
        return self.einladung + self.niederschrift + self.weitere


def tagesordnung(sitzung: Sitzung, user, *, mit_vorlagen: bool = True) -> Tagesordnung:
    """The agenda of `sitzung` with the documents `user` may see, kept per content version."""
    vorschau = can_preview(Dokument, user)
    return cached(
        f"tagesordnung:{sitzung.pk}:{vorschau}:{mit_vorlagen}",
        lambda: _tagesordnung(sitzung, user, mit_vorlagen=mit_vorlagen),
        shared=False,
    )


def _tagesordnung(sitzung: Sitzung, user, *, mit_vorlagen: bool) -> Tagesordnung:
    """Two or three queries: the items with their papers, the documents, those of the papers."""
    tops = list(sitzung.tagesordnungspunkte.select_related("vorlage"))
    sichtbar = Dokument.objects.visible_to(user)
    dokumente = list(sichtbar.filter(sitzung=sitzung))
    vorlagen = {top.vorlage_id for top in tops if top.oeffentlich and top.vorlage_id}
    if mit_vorlagen and vorlagen:
        dokumente += sichtbar.of_papers(vorlagen)
    punkte = []
    for top in tops:
        eigene = [d for d in dokumente if d.tagesordnungspunkt_id == top.pk]
        zur_vorlage = [d for d in dokumente if top.vorlage_id and d.vorlage_id == top.vorlage_id and not d.sitzung_id]
        punkte.append(Punkt(top, eigene + zur_vorlage if top.oeffentlich else []))
    ohne_punkt = [d for d in dokumente if d.sitzung_id and d.tagesordnungspunkt_id is None]
    return Tagesordnung(
        punkte=punkte,
        einladung=[d for d in ohne_punkt if d.art == Dokument.Art.EINLADUNG],
        niederschrift=[d for d in ohne_punkt if d.art == Dokument.Art.NIEDERSCHRIFT],
        weitere=[d for d in ohne_punkt if d.art not in (Dokument.Art.EINLADUNG, Dokument.Art.NIEDERSCHRIFT)],
    )


def sitzung(jahr: int, slug: str, user) -> Sitzung | None:
    """The meeting at /sitzungen/<jahr>/<slug>/ as `user` may see it (staff: drafts too)."""
    return cached(
        f"sitzung:{jahr}:{slug}:{can_preview(Sitzung, user)}",
        lambda: Sitzung.objects.visible_to(user).for_list().at(jahr, slug).first(),
        shared=False,
    )


def upcoming() -> list[Sitzung]:
    """The next published meetings, soonest first."""
    return cached(
        f"kommende-sitzungen:{timezone.localdate()}",
        lambda: list(Sitzung.objects.published().upcoming().for_list()[:NEXT_COUNT]),
        shared=False,
    )


def next_meeting() -> Sitzung | None:
    """The next published meeting (the start page shows it)."""
    kommende = upcoming()
    return kommende[0] if kommende else None


def archive_years() -> list[int]:
    return cached(f"sitzungsjahre:{timezone.localdate()}", lambda: Sitzung.objects.published().archive_years())


def in_year(jahr: int) -> dict[str, int]:
    """{"": the number of published meetings in `jahr`}: the year archive's pages (QueryRules)."""
    return cached(f"sitzungen-im-jahr:{jahr}", lambda: {"": Sitzung.objects.published().in_year(jahr).count()})


def latest_past(count: int) -> list[Sitzung]:
    """The last `count` meetings that have taken place, newest first."""
    return cached(
        f"letzte-sitzungen:{count}:{timezone.localdate()}",
        lambda: list(Sitzung.objects.published().past().for_list()[:count]),
        shared=False,
    )


def current_members(sprache: str = "") -> list[Mitgliedschaft]:
    """The current public memberships in the order of the members page (of those who speak `sprache`)."""

    def load():
        mitgliedschaften = Mitgliedschaft.objects.public().current().in_list_order()
        return list(mitgliedschaften.speaking(sprache) if sprache else mitgliedschaften)

    return cached(f"mitglieder:{sprache}:{timezone.localdate()}", load, shared=False)


def former_members() -> list[Mitgliedschaft]:
    return cached(
        f"ehemalige:{timezone.localdate()}",
        lambda: list(Mitgliedschaft.objects.public().ended().in_term_order()),
        shared=False,
    )


def members_by_sprache() -> dict[str, int]:
    """{language code: current members who speak it, "": all current members}: the valid `?sprache=` values."""

    def load():
        mitglieder = list(Mitgliedschaft.objects.public().current().values_list("person_id", "person__sprachen"))
        counts = {"": len(mitglieder)}
        for _person, sprachen in mitglieder:
            for code in set(sprachen or []):
                counts[code] = counts.get(code, 0) + 1
        return counts

    return cached(f"mitglieder-je-sprache:{timezone.localdate()}", load)
