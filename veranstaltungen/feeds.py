"""The upcoming events as an Atom feed (/veranstaltungen/feed/, per language); entries for other feeds too."""

from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.translation import gettext

from inhalte.feeds import MAX_ENTRIES, Eintrag, InhaltFeed, changed_at, entry_id, fallback_language
from veranstaltungen.models import Veranstaltung


def eintrag(v: Veranstaltung) -> Eintrag:
    """An event as a feed entry: a cancelled one says so in its title, so every reader shows it."""
    # The same words as the page's notice ("Abgesagt: …").
    titel = f"{gettext('Abgesagt:')} {v.titel}" if v.abgesagt else v.titel
    return Eintrag(
        titel=titel,
        pfad=v.get_absolute_url(),
        zusammenfassung=render_to_string("veranstaltungen/includes/veranstaltung_feed.html", {"v": v}).strip(),
        aktualisiert=changed_at(v),
        # The portal records when an event was last changed, not when it first appeared:
        # only a scheduled publication names that moment.
        veroeffentlicht=v.veroeffentlichen_ab,
        kennung=entry_id("veranstaltung", v.pk),
        sprache=fallback_language(v),
        kategorien=(v.get_art_display(),) + ((v.thema.titel,) if v.thema else ()),
    )


def upcoming_entries(events, count: int = MAX_ENTRIES) -> list[Eintrag]:
    """The next `count` of `events` (a QuerySet of published events) as entries, soonest first; one query."""
    return [eintrag(v) for v in events.upcoming().next_of_each_series().with_related()[:count]]


class VeranstaltungFeed(InhaltFeed):
    """The next published events, meetings included, soonest first."""

    def cache_key(self, obj) -> str:
        return "termine"

    def entries(self, obj) -> list[Eintrag]:
        return upcoming_entries(Veranstaltung.objects.published())

    def title(self) -> str:
        return gettext("Termine – Integrationsrat der Stadt Beckum")

    def subtitle(self) -> str:
        return gettext("Die nächsten Veranstaltungen und öffentlichen Sitzungen des Integrationsrats.")

    def page_url(self, obj) -> str:
        return reverse("veranstaltungen:list")

    def feed_path(self, obj) -> str:
        return reverse("veranstaltungen:feed")
