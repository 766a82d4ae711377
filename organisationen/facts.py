"""What the directory's pages read that is the same for every visitor, cached under the content version.

An entry disappears on its own when its two years end; that moment is in the
schedule that renews the content version (Organisation.SICHTBARKEIT_WECHSEL),
so nothing here can outlive it.
"""

from django.utils.translation import get_language

from integrationsrat.cache import cached
from organisationen.models import Angebot, Organisation, Sprache


def _sorted(pairs) -> list[tuple[str, str]]:
    return sorted(pairs, key=lambda pair: pair[1].casefold())


def sprachen_choices() -> list[tuple[str, str]]:
    """(code, name) of the languages published entries speak, in the visitor's language."""
    return cached(
        f"organisationen-sprachen:{get_language()}",
        lambda: _sorted(
            (sprache.code, sprache.name)
            for sprache in Sprache.objects.filter(organisationen__in=Organisation.objects.published()).distinct()
        ),
    )


def angebote_choices() -> list[tuple[str, str]]:
    """(slug, name) of the offers of published entries, in the visitor's language."""
    return cached(
        f"organisationen-angebote:{get_language()}",
        lambda: _sorted(
            (angebot.slug, angebot.name)
            for angebot in Angebot.objects.filter(organisationen__in=Organisation.objects.published()).distinct()
        ),
    )
