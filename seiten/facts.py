"""The fixed pages and the sign-language videos, cached under the content version (see integrationsrat.cache)."""

from inhalte.models import can_preview
from integrationsrat.cache import cached
from seiten.models import Gebaerdensprachvideo, Seite


def seite(schluessel: str, user) -> Seite | None:
    """The page with its sections, as `user` may see it (staff: a draft too)."""
    preview = can_preview(Seite, user)
    return cached(
        f"seite:{schluessel}:{preview}",
        lambda: Seite.objects.visible_to(user).by_key(schluessel).first(),
        shared=False,
    )


def videos(user) -> list[Gebaerdensprachvideo]:
    """The videos in German Sign Language `user` may see (staff: drafts too), in their order."""
    preview = can_preview(Gebaerdensprachvideo, user)
    return cached(
        f"gebaerdensprachvideos:{preview}",
        lambda: list(Gebaerdensprachvideo.objects.visible_to(user)),
        shared=False,
    )
