"""What public pages read of the figures, cached under the content version (see integrationsrat.cache)."""

from integrationsrat.cache import cached
from kennzahlen.models import Anfragekennzahl


def answered_requests(jahr: int) -> int:
    """How many requests for advice that came in during `jahr` have been answered (the annual review's sentence).

    Records are not public content, so an answer does not renew the content
    version: the number is as old as the cached page and this fact, at most
    PAGE_CACHE_SECONDS plus FRAGMENT_CACHE_SECONDS (ten minutes by default).
    For a review, written after its year, that is fine.
    """
    return cached(
        f"anfragen-beantwortet:{jahr}",
        lambda: Anfragekennzahl.objects.in_year(jahr).requests().answered().count(),
    )
