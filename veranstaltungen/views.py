from django.http import Http404, HttpResponse, HttpResponsePermanentRedirect
from django.utils.translation import gettext as _
from django.views.generic import DetailView, ListView

from inhalte.listen import PAGE_SIZE, CachedPagesMixin, CountedPaginator
from integrationsrat.page_cache import QueryRules
from teilnahmen.plaetze import PLAETZE_PLACEHOLDER, event_page_with_places
from veranstaltungen import facts
from veranstaltungen.forms import ThemaFilterForm
from veranstaltungen.ical import build_calendar
from veranstaltungen.models import Veranstaltung


class VeranstaltungListView(CachedPagesMixin, ListView):
    """Upcoming events, optionally of one topic."""

    template_name = "veranstaltungen/veranstaltung_list.html"
    paginate_by = PAGE_SIZE
    query_rules = QueryRules(facts=facts.upcoming_by_thema, per_page=PAGE_SIZE, filter="thema")

    def get_queryset(self):
        self.filter_form = ThemaFilterForm(self.request.GET or None)
        # A series shows once, with its next date (its page lists the following ones).
        events = Veranstaltung.objects.published().upcoming().next_of_each_series().for_cards()
        if self.filter_form.is_valid() and self.filter_form.cleaned_data["thema"]:
            events = events.about_slug(self.filter_form.cleaned_data["thema"])
        return events

    def get_paginator(self, queryset, per_page, **kwargs):
        thema = self.filter_form.cleaned_data.get("thema", "") if self.filter_form.is_valid() else ""
        return CountedPaginator(queryset, per_page, count=facts.upcoming_by_thema().get(thema, 0), **kwargs)

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            filter_form=self.filter_form,
            jahre=facts.archive_years(),
            # Sent here from a topic that does not exist (any more): say so (see QueryRules.normalise).
            thema_unbekannt=self.request.GET.get(QueryRules.NOTICE) == "thema",
            **kwargs,
        )


class VeranstaltungJahrView(CachedPagesMixin, ListView):
    """All events of one year, the archive."""

    template_name = "veranstaltungen/veranstaltung_archive_year.html"
    paginate_by = PAGE_SIZE
    allow_empty = False  # a year without events is a 404, not an empty page
    query_rules = QueryRules(facts=facts.in_year, per_page=PAGE_SIZE)

    def get_queryset(self):
        return Veranstaltung.objects.published().in_year(self.kwargs["jahr"]).for_cards()

    def get_paginator(self, queryset, per_page, **kwargs):
        return CountedPaginator(queryset, per_page, count=facts.in_year(self.kwargs["jahr"])[""], **kwargs)

    def get_context_data(self, **kwargs):
        return super().get_context_data(jahr=self.kwargs["jahr"], jahre=facts.archive_years(), **kwargs)


def veranstaltung_or_404(request, jahr: int, slug: str) -> Veranstaltung:
    event = facts.veranstaltung(jahr, slug, request.user)
    if event is None:
        raise Http404(_("Diese Veranstaltung gibt es nicht."))
    return event


class VeranstaltungDetailView(DetailView):
    template_name = "veranstaltungen/veranstaltung_detail.html"

    def get_object(self, queryset=None):
        return veranstaltung_or_404(self.request, self.kwargs["jahr"], self.kwargs["slug"])

    def get(self, request, *args, **kwargs):
        self.object = self.get_object()
        if self.object.ist_sitzung:
            # A meeting's page is under /sitzungen/; old links to it as an event still arrive.
            return HttpResponsePermanentRedirect(self.object.get_absolute_url())
        response = self.render_to_response(self.get_context_data(object=self.object))
        if self.object.anmeldung:
            # Rendered now (a TemplateResponse renders late): the places are filled in per visit, after it.
            return event_page_with_places(response.render())
        return response

    def get_context_data(self, **kwargs):
        event = self.object
        return super().get_context_data(
            # (date, whether it is this page's date): the page marks its own date instead of linking it.
            naechste_termine=[(t, t.pk == event.pk) for t in facts.next_in_series(event.reihe_id, 3)]
            if event.reihe_id
            else [],
            plaetze=PLAETZE_PLACEHOLDER,
            **kwargs,
        )


def ics_response(content: bytes, filename: str) -> HttpResponse:
    response = HttpResponse(content, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def veranstaltung_ics(request, jahr: int, slug: str):
    event = veranstaltung_or_404(request, jahr, slug)
    return ics_response(
        build_calendar([event], request=request, name=event.titel),
        f"{event.slug}-{event.datum:%Y-%m-%d}.ics",
    )


def reihe_ics(request, reihe: int):
    """All published dates of a series, each with its own time in Europe/Berlin (see ical.py)."""
    termine = Veranstaltung.objects.published().in_series(reihe).with_related()
    erster = termine.first()
    if erster is None:
        raise Http404(_("Diese Terminreihe gibt es nicht."))
    return ics_response(build_calendar(termine, request=request, name=erster.titel), f"{erster.reihe.slug}-termine.ics")


def kalender_ics(request):
    events = Veranstaltung.objects.published().upcoming().with_related()
    return ics_response(
        build_calendar(events, request=request, name=_("Integrationsrat Beckum: Termine")),
        "integrationsrat-beckum.ics",
    )
