"""One topic's news and upcoming events as an Atom feed (/themen/<slug>/feed/, per language)."""

from django.contrib.auth.models import AnonymousUser
from django.urls import reverse
from django.utils.translation import gettext

from aktuelles.feeds import latest_entries
from aktuelles.models import Meldung
from inhalte.feeds import MAX_ENTRIES, Eintrag, InhaltFeed
from themen import facts
from themen.models import Thema
from veranstaltungen.feeds import upcoming_entries
from veranstaltungen.models import Veranstaltung


class ThemaFeed(InhaltFeed):
    """A published topic's newest news, then its next events: half of the entries each at most."""

    def get_object(self, request, slug: str) -> Thema:
        # A feed is public whoever asks: no preview of a draft topic, even for staff.
        thema = facts.thema(slug, AnonymousUser())
        if thema is None:
            raise Thema.DoesNotExist  # the syndication view answers 404
        return thema

    def cache_key(self, thema: Thema) -> str:
        return f"thema:{thema.pk}"

    def entries(self, thema: Thema) -> list[Eintrag]:
        return latest_entries(Meldung.objects.published().about(thema), MAX_ENTRIES // 2) + upcoming_entries(
            Veranstaltung.objects.published().about(thema), MAX_ENTRIES // 2
        )

    def title(self, thema: Thema) -> str:
        return gettext("%(thema)s – Integrationsrat der Stadt Beckum") % {"thema": thema.titel}

    def subtitle(self, thema: Thema) -> str:
        return thema.kurztext

    def page_url(self, thema: Thema) -> str:
        return thema.get_absolute_url()

    def feed_path(self, thema: Thema) -> str:
        return reverse("themen:feed", kwargs={"slug": thema.slug})
