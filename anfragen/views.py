import time

from crispy_forms.utils import render_crispy_form
from django.conf import settings
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import get_language
from django.views.decorators.cache import never_cache

from anfragen.forms import AnfrageForm
from anfragen.models import Anfrage, Antwort
from anfragen.ratelimit import form_limit_exceeded, too_many
from anfragen.services import anfrage_create
from anfragen.spam import CSRF_PLACEHOLDER, CSRF_RETRY, START_PLACEHOLDER, TOKEN_FILLERS, register_csrf_retry
from integrationsrat.cache import cached
from integrationsrat.page_cache import per_visit
from seiten import facts as seiten_facts
from seiten.models import Seite

SESSION_KEY = "anfrage_referenz"
# How long the confirmation page stays visible to the browser that sent the
# request: long enough to note the number, short enough for a shared computer.
GESENDET_SEKUNDEN = 30 * 60
TEMPLATE = "anfragen/anfrage_form.html"


def empty_form(request, seite) -> HttpResponse:
    form = AnfrageForm()
    form.fields["gestartet"].initial = START_PLACEHOLDER
    # The empty fields are the same for every visitor: rendered once per language and content version.
    felder = cached(f"anfrageformular:{get_language()}", lambda: render_crispy_form(form))
    context = {"form": form, "felder": felder, "seite": seite, "csrf_token": CSRF_PLACEHOLDER}
    response = render(request, TEMPLATE, context)
    # The page cache keeps this page with the placeholders and fills them in per visit.
    return per_visit(response, TOKEN_FILLERS)


def anfrage(request, leichte_sprache: bool = False):
    seite = None
    if leichte_sprache:
        seite = seiten_facts.seite(Seite.Schluessel.ANFRAGE_LS, request.user)
        if seite is None:
            raise Http404
    if request.method != "POST":
        return empty_form(request, seite)
    # An empty POST must show the errors, not a fresh form.
    form = AnfrageForm(request.POST)
    # Only stored requests and caught bots count against the address: a person
    # correcting their mistakes never does, however many people share it.
    if form_limit_exceeded(request, form, scope="anfrage", limit=settings.ANFRAGE_RATE_LIMIT):
        # 429: the text stays in the form, and the page says from when it can be sent again.
        return too_many(request, TEMPLATE, {"form": AnfrageForm.prefilled(request.POST), "seite": seite})
    if form.is_valid():
        daten = form.cleaned_data
        neu = anfrage_create(
            themenbereich=daten["themenbereich"],
            nachricht=daten["nachricht"],
            sprache=daten["sprache"],
            name=daten["name"],
            email=daten["email"],
            telefon=daten["telefon"],
        )
        # The reference travels in the session, not the URL, so it never lands
        # in logs, browser history or a shared link.
        request.session[SESSION_KEY] = {"referenz": neu.referenz, "zeit": time.time()}
        request.session.set_expiry(0)  # ends when the browser closes
        return redirect("anfragen:gesendet")
    return render(request, TEMPLATE, {"form": form, "seite": seite}, status=422)


def just_sent(request, art: str) -> Anfrage | None:
    """The request of kind `art` this browser sent in the last GESENDET_SEKUNDEN (its number is in the session)."""
    gesendet = request.session.get(SESSION_KEY) or {}
    if time.time() - gesendet.get("zeit", 0) > GESENDET_SEKUNDEN:
        request.session.pop(SESSION_KEY, None)
        return None
    return Anfrage.objects.filter(referenz=gesendet.get("referenz", ""), art=art).first()


# Both show one advice seeker's reference number: no browser or proxy may keep them.
@never_cache
def gesendet(request):
    anfrage = just_sent(request, Anfrage.Art.ANFRAGE)
    if anfrage is None:
        return redirect("anfragen:formular")
    return render(request, "anfragen/anfrage_gesendet.html", {"referenz": anfrage.referenz, "anfrage": anfrage})


@never_cache
def status(request, referenz: str, token: str):
    """The advice seeker's view of their request: status only, never the team's notes."""
    anfrage = Anfrage.objects.filter(referenz=referenz).first()
    if anfrage is None or not anfrage.status_token_ok(token):
        raise Http404
    # When we answered, never what: the answer went by mail, and this link may be seen by others.
    gesendet = anfrage.antworten.sent().order_by("gesendet_am")
    context = {
        "anfrage": anfrage,
        "beantwortet_am": gesendet.filter(art=Antwort.Art.EMAIL).values_list("gesendet_am", flat=True).last(),
        "telefoniert_am": gesendet.filter(art=Antwort.Art.TELEFONAT).values_list("gesendet_am", flat=True).last(),
    }
    return render(request, "anfragen/anfrage_status.html", context)


def csrf_retry(request) -> HttpResponse:
    """The request form again after a rejected token, with the visitor's text and a fresh token."""
    return render(request, TEMPLATE, {"form": AnfrageForm.prefilled(request.POST), "csrf_abgelaufen": True}, status=403)


register_csrf_retry("anfragen:formular", csrf_retry)


def csrf_failure(request, reason=""):
    """A rejected form post (expired or missing CSRF cookie) answers 403 (settings.CSRF_FAILURE_VIEW).

    On a form a stranger sends (anfragen.spam.CSRF_RETRY) the visitor's text comes
    back into the form with a new token, so nothing they typed is lost; elsewhere
    a page explains what to do.
    """
    match = getattr(request, "resolver_match", None)
    retry = CSRF_RETRY.get(match.view_name) if match and request.method == "POST" else None
    if retry is not None:
        return retry(request)
    return render(request, "403_csrf.html", status=403)
