"""The news as an Atom feed (/aktuelles/feed/, per language); entries for the topics' feeds too."""

from django.db.models import Prefetch
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext

from aktuelles.models import Meldung
from inhalte.feeds import MAX_ENTRIES, Eintrag, InhaltFeed, changed_at, entry_id, fallback_language, start_of_day


def eintrag(m: Meldung) -> Eintrag:
    """A news item as a feed entry: published on its date (the portal records no time: midnight in Beckum)."""
    veroeffentlicht = start_of_day(m.datum)
    return Eintrag(
        titel=m.titel,
        pfad=m.get_absolute_url(),
        zusammenfassung=format_html("<p>{}</p>", m.anreisser),
        aktualisiert=max(changed_at(m), veroeffentlicht),
        veroeffentlicht=veroeffentlicht,
        kennung=entry_id("meldung", m.pk),
        sprache=fallback_language(m),
        kategorien=tuple(thema.titel for thema in m.themen.all()),
    )


def latest_entries(meldungen, count: int = MAX_ENTRIES) -> list[Eintrag]:
    """The newest `count` of `meldungen` (published news) as entries, with their published topics; two queries."""
    from themen.models import Thema

    themen = Prefetch("themen", queryset=Thema.objects.published())
    return [eintrag(m) for m in meldungen.latest_first().prefetch_related(themen)[:count]]


class MeldungFeed(InhaltFeed):
    """The newest published news, newest first."""

    def cache_key(self, obj) -> str:
        return "meldungen"

    def entries(self, obj) -> list[Eintrag]:
        return latest_entries(Meldung.objects.published())

    def title(self) -> str:
        return gettext("Aktuelles – Integrationsrat der Stadt Beckum")

    def subtitle(self) -> str:
        return gettext("Meldungen des Integrationsrats der Stadt Beckum.")

    def page_url(self, obj) -> str:
        return reverse("aktuelles:list")

    def feed_path(self, obj) -> str:
        return reverse("aktuelles:feed")
