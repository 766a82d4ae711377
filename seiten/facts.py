"""The fixed pages, cached under the content version (see integrationsrat.cache)."""

from inhalte.models import can_preview
from integrationsrat.cache import cached
from seiten.models import Seite


def seite(schluessel: str, user) -> Seite | None:
    """The page with its sections, as `user` may see it (staff: a draft too)."""
    preview = can_preview(Seite, user)
    return cached(
        f"seite:{schluessel}:{preview}",
        lambda: Seite.objects.visible_to(user).by_key(schluessel).first(),
        shared=False,
    )
