from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from aktuelles.models import Meldung
from gremien.models import Vorlage
from organisationen.models import Organisation
from seiten.models import Seite
from themen.models import Jahresrueckblick, Thema
from veranstaltungen.models import Veranstaltung


class StaticSitemap(Sitemap):
    def items(self):
        return [
            "start",
            "themen:list",
            "veranstaltungen:list",
            "aktuelles:list",
            "gremien:sitzungen",
            "gremien:mitglieder",
            "gremien:ehemalige",
            "anfragen:formular",
            "seiten:barriere_melden",
            "seiten:gebaerdensprache",
            "organisationen:list",
            "benachrichtigungen:anmeldung",
        ]

    def location(self, item):
        return reverse(item)


class PublishedSitemap(Sitemap):
    """Only what the public may see: drafts never leak through the sitemap."""

    def __init__(self, model):
        self.model = model

    def items(self):
        return self.model.objects.published()


SITEMAPS = {
    "static": StaticSitemap,
    "themen": PublishedSitemap(Thema),
    "veranstaltungen": PublishedSitemap(Veranstaltung),
    "rueckblicke": PublishedSitemap(Jahresrueckblick),
    "vorlagen": PublishedSitemap(Vorlage),
    "aktuelles": PublishedSitemap(Meldung),
    "seiten": PublishedSitemap(Seite),
    # published() hides entries not confirmed for two years (organisationen.models).
    "organisationen": PublishedSitemap(Organisation),
}
