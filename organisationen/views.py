from django.conf import settings
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.generic import DetailView, ListView

from anfragen.ratelimit import form_limit_exceeded, too_many
from anfragen.spam import register_csrf_retry, render_empty_form
from integrationsrat.page_cache import ChoiceQuery
from organisationen import facts
from organisationen.forms import OrganisationFilterForm, VorschlagForm
from organisationen.models import Organisation
from organisationen.services import organisation_propose
from themen.models import Thema

VORSCHLAG_TEMPLATE = "organisationen/organisation_vorschlag.html"


class OrganisationListView(ListView):
    """The published entries, optionally of one language and one offer.

    Two filters at once do not fit the page cache's `QueryRules` (one filter).
    `ChoiceQuery` caches the lists of known languages and offers (few, so they
    cannot flood the cache) and renders anything else fresh, with a notice.
    """

    template_name = "organisationen/organisation_list.html"
    query_rules = ChoiceQuery(
        ("sprache", "angebot"),
        known=(
            ("sprache", lambda: [code for code, _name in facts.sprachen_choices()]),
            ("angebot", lambda: [slug for slug, _name in facts.angebote_choices()]),
        ),
    )

    def get_queryset(self):
        self.filter_form = OrganisationFilterForm(self.request.GET or None)
        organisationen = Organisation.objects.published().for_cards()
        if self.filter_form.is_valid():
            if code := self.filter_form.cleaned_data["sprache"]:
                organisationen = organisationen.speaking(code)
            if slug := self.filter_form.cleaned_data["angebot"]:
                organisationen = organisationen.offering(slug)
        return organisationen

    def get_context_data(self, **kwargs):
        form = self.filter_form
        return super().get_context_data(
            filter_form=form if form.is_valid() else OrganisationFilterForm(),
            # An old link or junk: the whole list, and a word why.
            filter_unbekannt=form.is_bound and not form.is_valid(),
            gefiltert=form.is_valid() and any(form.cleaned_data.values()),
            **kwargs,
        )


class OrganisationDetailView(DetailView):
    template_name = "organisationen/organisation_detail.html"
    context_object_name = "organisation"

    def get_object(self, queryset=None):
        organisation = (
            Organisation.objects.visible_to(self.request.user)
            .prefetch_related("sprachen", "angebote")
            .filter(slug=self.kwargs["slug"])
            .first()
        )
        if organisation is None:
            raise Http404(_("Diese Organisation gibt es im Verzeichnis nicht."))
        return organisation

    def get_context_data(self, **kwargs):
        themen = Thema.objects.published().filter(organisationen=self.object)
        return super().get_context_data(themen=list(themen), **kwargs)


def vorschlagen(request):
    if request.method != "POST":
        return render_empty_form(request, VORSCHLAG_TEMPLATE, VorschlagForm())
    form = VorschlagForm(request.POST, request.FILES)
    # As on the request form: proposals stored and bots caught count against the address, corrections do not.
    if form_limit_exceeded(request, form, scope="organisation", limit=settings.ORGANISATION_RATE_LIMIT):
        return too_many(request, VORSCHLAG_TEMPLATE, {"form": VorschlagForm.prefilled(request.POST)})
    if form.is_valid():
        daten = form.cleaned_data
        organisation_propose(
            name=daten["name"],
            kurzbeschreibung=daten["kurzbeschreibung"],
            sprachen=daten["sprachen"],
            angebote=daten["angebote"],
            treffpunkt=daten["treffpunkt"],
            treffzeiten=daten["treffzeiten"],
            website=daten["internetseite"],
            kontakt_name=daten["kontakt_name"],
            kontakt_email=daten["kontakt_email"],
            kontakt_telefon=daten["kontakt_telefon"],
            ansprechperson_name=daten["ansprechperson_name"],
            ansprechperson_email=daten["ansprechperson_email"],
            logo=daten["logo"],
            logo_alt=daten["logo_alt"],
        )
        # The "sent" page is the same for everyone: it shows nothing of what was sent.
        return redirect("organisationen:gesendet")
    return render(request, VORSCHLAG_TEMPLATE, {"form": form}, status=422)


def csrf_retry(request) -> HttpResponse:
    """The proposal form again after a rejected token, with what the visitor typed and a fresh token.

    A chosen logo cannot come back (browsers never prefill a file field): the page says so.
    """
    context = {"form": VorschlagForm.prefilled(request.POST), "csrf_abgelaufen": True}
    return render(request, VORSCHLAG_TEMPLATE, context, status=403)


register_csrf_retry("organisationen:vorschlagen", csrf_retry)


def gesendet(request):
    return render(request, "organisationen/organisation_gesendet.html")
