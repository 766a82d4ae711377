"""Atom feeds (RFC 4287) of what is new, in every language: the base the apps' feeds share.

A feed is built from `Eintrag`s (plain values, made once per content version,
language and day under `integrationsrat.cache`), so a render without the page
cache asks the database nothing twice; the page cache stores the feed like any
page. Every address is absolute under SITE_URL (never the Host header), every
entry has a stable id, and an entry whose text is the German fallback is marked
`xml:lang="de"` inside a feed in another language.
"""

import datetime
from collections.abc import Sequence
from dataclasses import dataclass
from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.urls import reverse
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import get_language, gettext

from inhalte.jsonld import absolute_url
from integrationsrat.cache import cached

# Enough for a reader to catch up after weeks away; a feed is not an archive.
MAX_ENTRIES = 30
# tag: URIs (RFC 4151) name their authority with a date it held it: the year the feeds began.
TAG_YEAR = 2026


@dataclass(frozen=True)
class Eintrag:
    """One entry of a feed, in the language it was made in."""

    titel: str
    pfad: str  # the page, as get_absolute_url() gives it in the feed's language
    zusammenfassung: str  # HTML (Atom summary type="html"), already escaped
    aktualisiert: datetime.datetime
    veroeffentlicht: datetime.datetime | None  # None: the portal does not know when it first appeared
    kennung: str
    sprache: str | None = None  # "de" when the text is the German fallback
    kategorien: tuple[str, ...] = ()


def entry_id(kind: str, pk) -> str:
    """A permanent id, the same whatever its title, date or address become: tag:<host>,2026:<kind>/<pk>/<language>.

    Per language: the Turkish entry is another text than the German one, and
    a reader following both feeds must not take one for an update of the other.
    """
    host = urlsplit(settings.SITE_URL).hostname or "localhost"
    return f"tag:{host},{TAG_YEAR}:{kind}/{pk}/{get_language()}"


def fallback_language(objekt) -> str | None:
    """ "de" when `objekt` has no translation into the current language (its German text is shown)."""
    return None if objekt.ist_uebersetzt() else settings.LANGUAGE_CODE


def changed_at(objekt) -> datetime.datetime:
    """When a published object last changed for its readers: its last save, or its appearance if that came later."""
    return max(filter(None, (objekt.geaendert_am, objekt.veroeffentlichen_ab)))


def start_of_day(datum: datetime.date) -> datetime.datetime:
    return datetime.datetime.combine(datum, datetime.time(), tzinfo=timezone.get_default_timezone())


class AtomFeed(Atom1Feed):
    """Atom with a language per entry where it differs from the feed's."""

    def item_attributes(self, item):
        attributes = super().item_attributes(item)
        if item.get("sprache") and item["sprache"] != self.feed["language"]:
            attributes["xml:lang"] = item["sprache"]
        return attributes


class InhaltFeed(Feed):
    """A feed of `Eintrag`s. Subclasses name `cache_key(obj)`, `entries(obj)`, the title and the pages it belongs to."""

    feed_type = AtomFeed
    # The feed's language is the active one (LocaleMiddleware: from the URL prefix).

    def cache_key(self, obj) -> str:
        raise NotImplementedError

    def entries(self, obj) -> Sequence[Eintrag]:
        """At most MAX_ENTRIES entries, published content only."""
        raise NotImplementedError

    def page_url(self, obj) -> str:
        """The HTML page this feed belongs to (its path)."""
        raise NotImplementedError

    def feed_path(self, obj) -> str:
        raise NotImplementedError

    def items(self, obj) -> list[Eintrag]:
        # The day is part of the key: an event stops being upcoming at midnight.
        key = f"feed:{self.cache_key(obj)}:{get_language()}:{timezone.localdate()}"
        return cached(key, lambda: list(self.entries(obj)[:MAX_ENTRIES]), shared=False)

    def link(self, obj) -> str:
        return absolute_url(self.page_url(obj))

    def feed_url(self, obj) -> str:
        return absolute_url(self.feed_path(obj))

    def feed_guid(self, obj) -> str:
        # The feed's own address is its id: one per language, stable while the URL is.
        return self.feed_url(obj)

    def author_name(self) -> str:
        return gettext("Integrationsrat der Stadt Beckum")

    def author_link(self) -> str:
        return absolute_url(reverse("start"))

    def item_title(self, item: Eintrag) -> str:
        # Atom titles are text (no type="html"): not escaped twice as Django's RSS default does.
        return item.titel

    def item_link(self, item: Eintrag) -> str:
        return absolute_url(item.pfad)

    def item_description(self, item: Eintrag) -> str:
        return item.zusammenfassung

    def item_guid(self, item: Eintrag) -> str:
        return item.kennung

    def item_pubdate(self, item: Eintrag) -> datetime.datetime | None:
        return item.veroeffentlicht

    def item_updateddate(self, item: Eintrag) -> datetime.datetime:
        return item.aktualisiert

    def item_categories(self, item: Eintrag) -> tuple[str, ...]:
        return item.kategorien

    def item_extra_kwargs(self, item: Eintrag) -> dict:
        return {"sprache": item.sprache}
