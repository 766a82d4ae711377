"""What the news pages, the start page and the topic pages read, cached under the content version.

News are not tied to the day (nothing is "upcoming"): a fact changes only when
content is saved or a publishing window opens or closes, and both set a new
content version (see integrationsrat.cache).
"""

from aktuelles.models import Meldung
from inhalte.models import can_preview
from integrationsrat.cache import cached


def count() -> dict[str, int]:
    """{"": the number of published news items}: the list's pages (QueryRules)."""
    return cached("meldungen-anzahl", lambda: {"": Meldung.objects.published().count()})


def latest(count: int) -> list[Meldung]:
    """The newest `count` published news items (the start page), in one query."""
    return cached(
        f"neueste-meldungen:{count}",
        lambda: list(Meldung.objects.published().latest_first().for_cards()[:count]),
        shared=False,
    )


def about(thema, count: int) -> list[Meldung]:
    """The newest `count` published news items about `thema` (its topic page), in one query."""
    return cached(
        f"meldungen-zum-thema:{thema.pk}:{count}",
        lambda: list(Meldung.objects.published().about(thema).latest_first().for_cards()[:count]),
        shared=False,
    )


def meldung(jahr: int, slug: str, user) -> Meldung | None:
    """The news item at /aktuelles/<jahr>/<slug>/ as `user` may see it (staff: drafts too)."""
    preview = can_preview(Meldung, user)
    # Slugs are unique per year (validated in the admin); first() keeps a
    # duplicate made outside the admin from turning into a server error.
    return cached(
        f"meldung:{jahr}:{slug}:{preview}",
        lambda: Meldung.objects.visible_to(user).select_related("veranstaltung").at(jahr, slug).first(),
        shared=False,
    )


def themen_of(meldung: Meldung) -> list:
    """The published topics `meldung` is linked to, for its page."""
    from themen.models import Thema

    return cached(
        f"themen-der-meldung:{meldung.pk}",
        lambda: list(Thema.objects.published().filter(meldungen=meldung)),
        shared=False,
    )
