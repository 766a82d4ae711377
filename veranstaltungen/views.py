from django.http import Http404, HttpResponse
from django.utils.translation import gettext as _
from django.views.generic import DetailView, ListView

from integrationsrat.cache import reads_query
from veranstaltungen.forms import ThemaFilterForm
from veranstaltungen.ical import build_calendar
from veranstaltungen.models import Veranstaltung

PAGE_SIZE = 20


class VeranstaltungListView(ListView):
    """Upcoming events, optionally of one topic."""

    template_name = "veranstaltungen/veranstaltung_list.html"
    paginate_by = PAGE_SIZE

    def get_queryset(self):
        self.filter_form = ThemaFilterForm(self.request.GET or None)
        events = Veranstaltung.objects.published().upcoming().with_related()
        if self.filter_form.is_valid() and self.filter_form.cleaned_data["thema"]:
            events = events.about(self.filter_form.cleaned_data["thema"])
        return events

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            filter_form=self.filter_form,
            jahre=Veranstaltung.objects.published().archive_years(),
            **kwargs,
        )

    def render_to_response(self, context, **kwargs):
        # An unknown topic shows all events with a notice; that page is not worth a cache entry per typo.
        parameters = ("page", "thema") if self.filter_form.is_valid() or not self.filter_form.is_bound else ("page",)
        return reads_query(super().render_to_response(context, **kwargs), *parameters)


class VeranstaltungJahrView(ListView):
    """All events of one year, the archive."""

    template_name = "veranstaltungen/veranstaltung_archive_year.html"
    paginate_by = PAGE_SIZE

    def get_queryset(self):
        return Veranstaltung.objects.published().in_year(self.kwargs["jahr"]).with_related()

    allow_empty = False  # a year without events is a 404, not an empty page

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            jahr=self.kwargs["jahr"], jahre=Veranstaltung.objects.published().archive_years(), **kwargs
        )

    def render_to_response(self, context, **kwargs):
        return reads_query(super().render_to_response(context, **kwargs), "page")


def veranstaltung_or_404(request, jahr: int, slug: str) -> Veranstaltung:
    # Slugs are unique per year (validated in the admin); first() keeps a
    # duplicate made outside the admin from turning into a server error.
    event = Veranstaltung.objects.visible_to(request.user).with_related().at(jahr, slug).first()
    if event is None:
        raise Http404(_("Diese Veranstaltung gibt es nicht."))
    return event


class VeranstaltungDetailView(DetailView):
    template_name = "veranstaltungen/veranstaltung_detail.html"

    def get_object(self, queryset=None):
        return veranstaltung_or_404(self.request, self.kwargs["jahr"], self.kwargs["slug"])


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


def kalender_ics(request):
    events = Veranstaltung.objects.published().upcoming().with_related()
    return ics_response(
        build_calendar(events, request=request, name=_("Integrationsrat Beckum: Termine")),
        "integrationsrat-beckum.ics",
    )
