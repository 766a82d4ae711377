from django.db.models import Prefetch
from django.http import Http404
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.generic import DetailView, ListView

from themen.models import Jahresrueckblick, RueckblickThema, Thema
from veranstaltungen.models import Veranstaltung

# A page lists this many events and links to the full, paginated list for the
# rest: with hundreds of events a page would get long and slow on a phone.
KOMMENDE_MAX = 5
JAHR_MAX = 20


class ThemaListView(ListView):
    template_name = "themen/thema_list.html"

    def get_queryset(self):
        return Thema.objects.published()


class ThemaDetailView(DetailView):
    template_name = "themen/thema_detail.html"

    def get_queryset(self):
        return Thema.objects.visible_to(self.request.user)

    def get_context_data(self, **kwargs):
        events = Veranstaltung.objects.published().about(self.object).with_related()
        kommende = list(events.upcoming()[: KOMMENDE_MAX + 1])
        return super().get_context_data(
            kommende=kommende[:KOMMENDE_MAX],
            weitere_kommende=len(kommende) > KOMMENDE_MAX,
            vergangene=events.past()[:10],
            **kwargs,
        )


def rueckblick(request, jahr: int):
    """The review of a year: its topics (as staff curated them) and its events."""
    review = (
        Jahresrueckblick.objects.visible_to(request.user)
        .filter(jahr=jahr)
        .prefetch_related(
            Prefetch(
                "rueckblickthema_set",
                queryset=RueckblickThema.objects.filter(
                    thema__in=Thema.objects.visible_to(request.user)
                ).select_related("thema"),
            )
        )
        .first()
    )
    events = list(Veranstaltung.objects.published().in_year(jahr).with_related()[: JAHR_MAX + 1])
    if review is None and not events:
        raise Http404(_("Für dieses Jahr gibt es keinen Rückblick."))
    themen = [eintrag.thema for eintrag in review.rueckblickthema_set.all()] if review else []
    return render(
        request,
        "themen/jahresrueckblick_detail.html",
        {
            "jahr": jahr,
            "rueckblick": review,
            "themen": themen,
            "veranstaltungen": events[:JAHR_MAX],
            "weitere_veranstaltungen": len(events) > JAHR_MAX,
        },
    )
