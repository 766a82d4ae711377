"""Counts and rows that several pages need, cached under the content version (see integrationsrat.cache).

Anything about "upcoming" or "past" also names the day: it changes at midnight.
"""

from django.utils import timezone

from inhalte.models import can_preview
from integrationsrat.cache import Ids, cached
from veranstaltungen.models import Veranstaltung


def upcoming_by_thema() -> dict[str, int]:
    """{slug of each published topic: its upcoming events (a series counts once), "": all upcoming events}."""
    return cached(
        f"kommende-je-thema:{timezone.localdate()}",
        lambda: Veranstaltung.objects.published().upcoming().next_of_each_series().count_by_thema(),
    )


def in_year(jahr: int) -> dict[str, int]:
    """{"": the number of published events in `jahr`}."""
    return cached(f"termine-im-jahr:{jahr}", lambda: {"": Veranstaltung.objects.published().in_year(jahr).count()})


def archive_years() -> list[int]:
    """The years with past events, newest first."""
    return cached(f"archivjahre:{timezone.localdate()}", lambda: Veranstaltung.objects.published().archive_years())


def next_events(count: int) -> list[Veranstaltung]:
    """The next `count` published events, for the start page."""
    return cached(
        f"naechste-termine:{count}:{timezone.localdate()}",
        lambda: list(Veranstaltung.objects.published().upcoming().next_of_each_series().for_cards()[:count]),
        shared=False,
    )


def veranstaltung(jahr: int, slug: str, user) -> Veranstaltung | None:
    """The event at /veranstaltungen/<jahr>/<slug>/ as `user` may see it (staff: drafts too)."""
    preview = can_preview(Veranstaltung, user)
    # Slugs are unique per year (validated in the admin); first() keeps a
    # duplicate made outside the admin from turning into a server error.
    return cached(
        f"veranstaltung:{jahr}:{slug}:{preview}",
        lambda: Veranstaltung.objects.visible_to(user).with_related().at(jahr, slug).first(),
        shared=False,
    )


def about(thema, *, upcoming: int, past: int) -> tuple[Ids, Ids]:
    """The next `upcoming` and the last `past` published events about `thema`, as ids."""
    events = Veranstaltung.objects.published().about(thema)

    def load():
        return (
            tuple(events.upcoming().next_of_each_series().values_list("pk", flat=True)[:upcoming]),
            tuple(events.past().values_list("pk", flat=True)[:past]),
        )

    kommende, vergangene = cached(f"termine-zum-thema:{thema.pk}:{upcoming}:{past}:{timezone.localdate()}", load)
    return Ids(Veranstaltung, kommende), Ids(Veranstaltung, vergangene)


def first_in_year(jahr: int, count: int) -> Ids:
    """The first `count` published events of `jahr`, in date order, as ids."""
    return Ids(
        Veranstaltung,
        cached(
            f"termine-im-jahr-ids:{jahr}:{count}",
            lambda: tuple(Veranstaltung.objects.published().in_year(jahr).values_list("pk", flat=True)[:count]),
        ),
    )


def next_in_series(reihe_id: int, count: int) -> list[Veranstaltung]:
    """The next `count` published dates of a series (cancelled ones too: they say so), for its dates' pages."""
    return cached(
        f"naechste-der-reihe:{reihe_id}:{count}:{timezone.localdate()}",
        lambda: list(Veranstaltung.objects.published().upcoming().in_series(reihe_id)[:count]),
        shared=False,
    )
