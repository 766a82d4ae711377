from django.http import Http404
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.generic import DetailView, TemplateView

from aktuelles import facts as aktuelles_facts
from integrationsrat.cache import Ids
from kennzahlen import facts as kennzahlen_facts
from organisationen.models import VERZEICHNIS_THEMA
from themen import facts
from veranstaltungen import facts as veranstaltungen_facts

# A page lists this many events and links to the full, paginated list for the
# rest: with hundreds of events a page would get long and slow on a phone.
KOMMENDE_MAX = 5
VERGANGENE_MAX = 10
JAHR_MAX = 20
MELDUNGEN_MAX = 3


class ThemaListView(TemplateView):
    template_name = "themen/thema_list.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(themen=facts.published_themen(), **kwargs)


class ThemaDetailView(DetailView):
    template_name = "themen/thema_detail.html"

    def get_object(self, queryset=None):
        thema = facts.thema(self.kwargs["slug"], self.request.user)
        if thema is None:
            raise Http404(_("Dieses Thema gibt es nicht."))
        return thema

    def get_context_data(self, **kwargs):
        # One more than shown tells whether there are more (no count needed).
        kommende, vergangene = veranstaltungen_facts.about(self.object, upcoming=KOMMENDE_MAX + 1, past=VERGANGENE_MAX)
        return super().get_context_data(
            kommende=Ids(kommende.model, kommende.pks[:KOMMENDE_MAX]),
            weitere_kommende=len(kommende.pks) > KOMMENDE_MAX,
            vergangene=vergangene,
            meldungen=aktuelles_facts.about(self.object, MELDUNGEN_MAX),
            # The exchange with migrant organisations: its page points to their directory.
            verzeichnis_link=self.object.slug == VERZEICHNIS_THEMA,
            **kwargs,
        )


def rueckblick(request, jahr: int):
    """The review of a year: its topics (as staff curated them) and its events."""
    if not facts.review_page_exists(jahr, request.user):
        raise Http404(_("Für dieses Jahr gibt es keinen Rückblick."))
    review = facts.rueckblick(jahr, request.user)
    anzahl = veranstaltungen_facts.in_year(jahr)[""]
    themen = [eintrag.thema for eintrag in review.rueckblickthema_set.all()] if review else []
    return render(
        request,
        "themen/jahresrueckblick_detail.html",
        {
            "jahr": jahr,
            "rueckblick": review,
            "themen": themen,
            "veranstaltungen": veranstaltungen_facts.first_in_year(jahr, JAHR_MAX),
            "weitere_veranstaltungen": anzahl > JAHR_MAX,
            # Only where staff switched it on for the year: a count, never anything about a person.
            "anfragen_beantwortet": (
                kennzahlen_facts.answered_requests(jahr) if review and review.anfragen_zahl_zeigen else None
            ),
        },
    )
