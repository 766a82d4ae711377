from django.http import Http404, HttpResponsePermanentRedirect
from django.http.response import FileResponse
from django.utils.translation import gettext as _
from django.views.generic import DetailView, ListView, TemplateView

from gremien import facts
from gremien.forms import SpracheFilterForm
from gremien.models import Dokument, Sitzung, Vorlage
from inhalte.listen import PAGE_SIZE, CachedPagesMixin, CountedPaginator
from inhalte.models import can_preview
from integrationsrat.page_cache import QueryRules
from veranstaltungen.ical import build_calendar
from veranstaltungen.views import ics_response


class MitgliederView(TemplateView):
    """The current members, by body and role; `?sprache=tr` shows those who speak Turkish."""

    template_name = "gremien/mitglieder.html"
    # One page (a council has a few dozen members): `per_page` only bounds `?page=`, which is never valid here.
    query_rules = QueryRules(facts=lambda: facts.members_by_sprache(), per_page=1000, filter="sprache")

    def get_context_data(self, **kwargs):
        filter_form = SpracheFilterForm(self.request.GET or None, vorhanden=facts.members_by_sprache())
        sprache = filter_form.cleaned_data["sprache"] if filter_form.is_valid() else ""
        return super().get_context_data(
            mitgliedschaften=facts.current_members(sprache),
            sprache=sprache,
            filter_form=filter_form,
            sprache_unbekannt=self.request.GET.get(QueryRules.NOTICE) == "sprache",
            **kwargs,
        )


class EhemaligeView(TemplateView):
    """Members of earlier terms: memberships that have ended, newest term first."""

    template_name = "gremien/ehemalige.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(mitgliedschaften=facts.former_members(), **kwargs)


class SitzungListView(TemplateView):
    """The next meeting with its agenda and invitation, the ones after it, then the archive by year."""

    template_name = "gremien/sitzung_list.html"

    def get_context_data(self, **kwargs):
        kommende = facts.upcoming()
        jahre = facts.archive_years()
        return super().get_context_data(
            naechste=kommende[0] if kommende else None,
            tagesordnung=facts.tagesordnung(kommende[0], self.request.user, mit_vorlagen=False) if kommende else None,
            weitere=kommende[1:],
            jahre=jahre,
            vergangene=facts.latest_past(facts.PAST_COUNT),
            **kwargs,
        )


class SitzungJahrView(CachedPagesMixin, ListView):
    """All meetings of one year, the archive (404 for a year without any)."""

    template_name = "gremien/sitzung_archive_year.html"
    paginate_by = PAGE_SIZE
    allow_empty = False
    query_rules = QueryRules(facts=facts.in_year, per_page=PAGE_SIZE)

    def get_queryset(self):
        return Sitzung.objects.published().in_year(self.kwargs["jahr"]).for_list()

    def get_paginator(self, queryset, per_page, **kwargs):
        return CountedPaginator(queryset, per_page, count=facts.in_year(self.kwargs["jahr"])[""], **kwargs)

    def get_context_data(self, **kwargs):
        return super().get_context_data(jahr=self.kwargs["jahr"], jahre=facts.archive_years(), **kwargs)


def sitzung_or_404(request, jahr: int, slug: str) -> Sitzung:
    sitzung = facts.sitzung(jahr, slug, request.user)
    if sitzung is None:
        raise Http404(_("Diese Sitzung gibt es nicht."))
    return sitzung


class SitzungDetailView(DetailView):
    template_name = "gremien/sitzung_detail.html"
    context_object_name = "sitzung"

    def get_object(self, queryset=None):
        return sitzung_or_404(self.request, self.kwargs["jahr"], self.kwargs["slug"])

    def get_context_data(self, **kwargs):
        return super().get_context_data(tagesordnung=facts.tagesordnung(self.object, self.request.user), **kwargs)


def sitzung_ics(request, jahr: int, slug: str):
    sitzung = sitzung_or_404(request, jahr, slug)
    return ics_response(
        build_calendar([sitzung], request=request, name=sitzung.titel), f"{sitzung.slug}-{sitzung.datum:%Y-%m-%d}.ics"
    )


class VorlageDetailView(DetailView):
    template_name = "gremien/vorlage_detail.html"
    context_object_name = "vorlage"

    def get_queryset(self):
        return Vorlage.objects.visible_to(self.request.user).select_related("gremium")

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            dokumente=list(Dokument.objects.visible_to(self.request.user).of_papers([self.object])),
            beratungen=list(self.object.beratungen.public().held_in_public().in_meeting_order()),
            **kwargs,
        )


def dokument(request, pk: int, dateiname: str, *, download: bool):
    """A council document, only if it is public (staff: any); never able to run script in the portal's origin.

    Served by the portal rather than from /media/, so a non-public document has no public address at all.
    """
    dok = Dokument.objects.public().filter(pk=pk).first()
    oeffentlich = dok is not None
    if dok is None and can_preview(Dokument, request.user):
        dok = Dokument.objects.filter(pk=pk).first()  # staff check a document before it is public
    if dok is None:
        raise Http404(_("Dieses Dokument gibt es nicht."))
    if dok.dateiname != dateiname:
        return HttpResponsePermanentRedirect(dok.get_absolute_url() if download else dok.get_access_url())
    try:
        datei = dok.datei.open("rb")
    except (FileNotFoundError, OSError) as error:
        raise Http404(_("Die Datei ist nicht mehr vorhanden.")) from error
    response = FileResponse(datei, as_attachment=download, filename=dok.dateiname, content_type="application/pdf")
    if not download:
        # OParl's accessUrl: the file itself, for the browser to show (no Content-Disposition at all).
        del response["Content-Disposition"]
    response["X-Content-Type-Options"] = "nosniff"
    # Shown in the browser or not: a crafted file gets an opaque origin, no script, no requests.
    response["Content-Security-Policy"] = "sandbox; default-src 'none'; style-src 'unsafe-inline'; img-src data:"
    response["Cross-Origin-Resource-Policy"] = "same-origin"
    # A document made non-public must not live on in shared caches.
    response["Cache-Control"] = "public, max-age=600" if oeffentlich else "private, no-store"
    return response
