from django.http import Http404
from django.utils.translation import gettext as _
from django.views.generic import DetailView, ListView

from aktuelles import facts
from aktuelles.models import Meldung
from inhalte.listen import PAGE_SIZE, CachedPagesMixin, CountedPaginator
from integrationsrat.page_cache import QueryRules


class MeldungListView(CachedPagesMixin, ListView):
    """All published news, newest first."""

    template_name = "aktuelles/meldung_list.html"
    paginate_by = PAGE_SIZE
    query_rules = QueryRules(facts=facts.count, per_page=PAGE_SIZE)

    def get_queryset(self):
        return Meldung.objects.published().latest_first()

    def get_paginator(self, queryset, per_page, **kwargs):
        return CountedPaginator(queryset, per_page, count=facts.count()[""], **kwargs)


class MeldungDetailView(DetailView):
    template_name = "aktuelles/meldung_detail.html"
    context_object_name = "meldung"

    def get_object(self, queryset=None):
        meldung = facts.meldung(self.kwargs["jahr"], self.kwargs["slug"], self.request.user)
        if meldung is None:
            raise Http404(_("Diese Meldung gibt es nicht."))
        return meldung

    def get_context_data(self, **kwargs):
        return super().get_context_data(themen=facts.themen_of(self.object), **kwargs)
