import time

from django.conf import settings
from django.http import Http404, HttpResponse
from django.middleware.csrf import get_token
from django.shortcuts import redirect, render
from django.utils.translation import get_language

from anfragen.forms import AnfrageForm, start_token
from anfragen.models import Anfrage
from anfragen.ratelimit import limit_exceeded
from anfragen.services import anfrage_create
from integrationsrat.cache import get_current, set_current
from seiten.models import Seite

SESSION_KEY = "anfrage_referenz"
# How long the confirmation page stays visible to the browser that sent the
# request: long enough to note the number, short enough for a shared computer.
GESENDET_SEKUNDEN = 30 * 60
TEMPLATE = "anfragen/anfrage_form.html"
# The empty form page is the same for every visitor but for two tokens. It is
# rendered once with these placeholders and the tokens are filled in per visit.
CSRF_PLACEHOLDER = "__CSRF_TOKEN__"
START_PLACEHOLDER = "__START_TOKEN__"


def leeres_formular(request, seite) -> HttpResponse:
    # Like the page cache, only with a shared cache: per-process copies could not be kept fresh.
    caching = settings.PAGE_CACHE_SECONDS > 0
    key = f"anfrageseite:{get_language()}:{request.get_full_path()}"
    html, version = get_current(key) if caching else (None, None)
    if html is None:
        form = AnfrageForm()
        form.fields["gestartet"].initial = START_PLACEHOLDER
        html = render(request, TEMPLATE, {"form": form, "seite": seite, "csrf_token": CSRF_PLACEHOLDER}).content
        if caching:
            set_current(key, html, version, settings.PAGE_CACHE_SECONDS)
    # get_token() also makes CsrfViewMiddleware set the cookie the token belongs to.
    html = html.replace(CSRF_PLACEHOLDER.encode(), get_token(request).encode())
    return HttpResponse(html.replace(START_PLACEHOLDER.encode(), start_token().encode()))


def anfrage(request, leichte_sprache: bool = False):
    seite = None
    if leichte_sprache:
        seite = (
            Seite.objects.visible_to(request.user)
            .filter(schluessel=Seite.Schluessel.ANFRAGE_LS)
            .prefetch_related("abschnitte")
            .first()
        )
        if seite is None:
            raise Http404
    if request.method == "POST" and limit_exceeded(request, scope="anfrage", limit=settings.ANFRAGE_RATE_LIMIT):
        form = AnfrageForm.mit_eingaben(request.POST)
        return render(request, TEMPLATE, {"form": form, "seite": seite, "zu_viele": True}, status=429)
    if request.method != "POST":
        return leeres_formular(request, seite)
    # An empty POST must show the errors, not a fresh form.
    form = AnfrageForm(request.POST)
    if form.is_valid():
        data = {k: v for k, v in form.cleaned_data.items() if k not in ("einwilligung", "website", "gestartet")}
        neu = anfrage_create(**data)
        # The reference travels in the session, not the URL, so it never lands
        # in logs, browser history or a shared link.
        request.session[SESSION_KEY] = {"referenz": neu.referenz, "zeit": time.time()}
        request.session.set_expiry(0)  # ends when the browser closes
        return redirect("anfragen:gesendet")
    return render(request, TEMPLATE, {"form": form, "seite": seite}, status=422)


def gesendet(request):
    gesendet = request.session.get(SESSION_KEY) or {}
    if time.time() - gesendet.get("zeit", 0) > GESENDET_SEKUNDEN:
        request.session.pop(SESSION_KEY, None)
        return redirect("anfragen:formular")
    anfrage = Anfrage.objects.filter(referenz=gesendet.get("referenz", "")).first()
    if anfrage is None:
        return redirect("anfragen:formular")
    return render(request, "anfragen/anfrage_gesendet.html", {"referenz": anfrage.referenz, "anfrage": anfrage})


def status(request, referenz: str, token: str):
    """The advice seeker's view of their request: status only, never the team's notes."""
    anfrage = Anfrage.objects.filter(referenz=referenz).first()
    if anfrage is None or not anfrage.status_token_ok(token):
        raise Http404
    return render(request, "anfragen/anfrage_status.html", {"anfrage": anfrage})
