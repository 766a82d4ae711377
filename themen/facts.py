"""Rows the topic pages and the start page show, cached under the content version (see integrationsrat.cache)."""

from django.db.models import Prefetch

from inhalte.models import can_preview
from integrationsrat.cache import cached
from themen.models import Jahresrueckblick, RueckblickThema, Thema


def published_themen() -> list[Thema]:
    return cached("themen", lambda: list(Thema.objects.published()), shared=False)


def latest_rueckblick() -> Jahresrueckblick | None:
    return cached("letzter-rueckblick", lambda: Jahresrueckblick.objects.published().first(), shared=False)


def thema(slug: str, user) -> Thema | None:
    """The topic at /themen/<slug>/ as `user` may see it (staff: drafts too)."""
    preview = can_preview(Thema, user)
    return cached(
        f"thema:{slug}:{preview}",
        lambda: Thema.objects.visible_to(user).filter(slug=slug).first(),
        shared=False,
    )


def rueckblick(jahr: int, user) -> Jahresrueckblick | None:
    """The review of `jahr` with its topics in the order staff chose, as `user` may see them."""
    preview = (can_preview(Jahresrueckblick, user), can_preview(Thema, user))

    def load():
        themen = RueckblickThema.objects.filter(thema__in=Thema.objects.visible_to(user)).select_related("thema")
        return (
            Jahresrueckblick.objects.visible_to(user)
            .filter(jahr=jahr)
            .prefetch_related(Prefetch("rueckblickthema_set", queryset=themen))
            .first()
        )

    return cached(f"rueckblick:{jahr}:{preview[0]}:{preview[1]}", load, shared=False)


def review_page_exists(jahr: int, user) -> bool:
    """Whether /rueckblick/<jahr>/ has something to show `user`: the year's review, or at least its events."""
    from veranstaltungen import facts as veranstaltungen_facts

    return rueckblick(jahr, user) is not None or bool(veranstaltungen_facts.in_year(jahr)[""])
