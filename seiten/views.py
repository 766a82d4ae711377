import time

from django.conf import settings
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils.encoding import escape_uri_path
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache

from anfragen.models import Anfrage
from anfragen.ratelimit import form_limit_exceeded, too_many
from anfragen.services import anfrage_create
from anfragen.spam import CSRF_PLACEHOLDER, START_PLACEHOLDER, TOKEN_FILLERS, register_csrf_retry
from anfragen.views import SESSION_KEY, just_sent
from integrationsrat.page_cache import FreeQuery, per_visit
from seiten import facts
from seiten.forms import BarriereForm, seite_prefill

BARRIERE_TEMPLATE = "seiten/barriere_melden.html"


def seite(request, schluessel: str):
    page = facts.seite(schluessel, request.user)
    if page is None:
        raise Http404(_("Diese Seite gibt es nicht."))
    # The privacy statement's fixed part names the retention the site applies (teilnahmen).
    context = {"seite": page, "aufbewahrung_teilnahmen": settings.TEILNAHME_RETENTION_DAYS}
    return render(request, "seiten/seite_detail.html", context)


def gebaerdensprache(request):
    """The council's videos in German Sign Language; until there is one, the page says so."""
    return render(request, "seiten/gebaerdensprachvideo_list.html", {"videos": facts.videos(request.user)})


def barriere_melden(request):
    if request.method != "POST":
        form = BarriereForm(initial={"seite": seite_prefill(request.GET.get("seite", ""))})
        form.fields["gestartet"].initial = START_PLACEHOLDER
        context = {
            "form": form,
            "csrf_token": CSRF_PLACEHOLDER,
            # One address for the form, whichever page's address it was opened with.
            "CANONICAL_URL": settings.SITE_URL + escape_uri_path(request.path),
        }
        response = render(request, BARRIERE_TEMPLATE, context)
        # Without ?seite= the page is the same for all and cached with the placeholders; with it,
        # the page cache leaves it alone (query_rules below) and fills them in on the way out.
        return per_visit(response, TOKEN_FILLERS)
    form = BarriereForm(request.POST)
    # As on the request form: reports stored and bots caught count against the address, corrections do not.
    if form_limit_exceeded(request, form, scope="barriere", limit=settings.ANFRAGE_RATE_LIMIT):
        return too_many(request, BARRIERE_TEMPLATE, {"form": BarriereForm.prefilled(request.POST)})
    if form.is_valid():
        daten = form.cleaned_data
        meldung = anfrage_create(
            art=Anfrage.Art.BARRIERE,
            nachricht=daten["beschreibung"],
            seite_url=daten["seite"],
            # The answer (if any) in the language the visitor reads the site in.
            sprache=get_language(),
            name=daten["name"],
            email=daten["email"],
            telefon=daten["telefon"],
        )
        # The reference travels in the session as the request form's does (anfragen.views.gesendet).
        request.session[SESSION_KEY] = {"referenz": meldung.referenz, "zeit": time.time()}
        request.session.set_expiry(0)
        return redirect("seiten:barriere_gesendet")
    return render(request, BARRIERE_TEMPLATE, {"form": form}, status=422)


# The footer links here with the page's path: free text, never page-cached with it (page_cache.FreeQuery).
barriere_melden.query_rules = FreeQuery(("seite",))


def csrf_retry(request) -> HttpResponse:
    """The barrier form again after a rejected token, with the visitor's text and a fresh token."""
    context = {"form": BarriereForm.prefilled(request.POST), "csrf_abgelaufen": True}
    return render(request, BARRIERE_TEMPLATE, context, status=403)


register_csrf_retry("seiten:barriere_melden", csrf_retry)


@never_cache
def barriere_gesendet(request):
    meldung = just_sent(request, Anfrage.Art.BARRIERE)
    if meldung is None:
        return redirect("seiten:barriere_melden")
    return render(request, "seiten/barriere_gesendet.html", {"anfrage": meldung})
