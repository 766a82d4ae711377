"""Sign up, confirm, unsubscribe. The pages with a link's token are never cached (page_cache.NEVER_CACHED too)."""

from django.conf import settings
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from anfragen.ratelimit import form_limit_exceeded, too_many
from anfragen.spam import register_csrf_retry, render_empty_form
from benachrichtigungen.forms import AnmeldungForm
from benachrichtigungen.models import Abonnement, Anmeldung
from benachrichtigungen.services import abonnement_delete, anmeldung_confirm, anmeldung_create

TEMPLATE = "benachrichtigungen/anmeldung_form.html"


def anmeldung(request):
    if request.method != "POST":
        return render_empty_form(request, TEMPLATE, AnmeldungForm())
    form = AnmeldungForm(request.POST)
    # As on the request form: sign-ups and caught bots count against the address, corrections do not.
    if form_limit_exceeded(request, form, scope="benachrichtigung", limit=settings.BENACHRICHTIGUNG_RATE_LIMIT):
        return too_many(request, TEMPLATE, {"form": AnmeldungForm.prefilled(request.POST)})
    if form.is_valid():
        daten = form.cleaned_data
        anmeldung_create(
            email=daten["email"],
            themen=daten["themen"],
            alle_themen=daten["alle_themen"],
            sprache=daten["sprache"],
            termine="termine" in daten["arten"],
            meldungen="meldungen" in daten["arten"],
        )
        # The same page whatever the address's state: it never tells whether an address is subscribed.
        return redirect("benachrichtigungen:gesendet")
    return render(request, TEMPLATE, {"form": form}, status=422)


def csrf_retry(request) -> HttpResponse:
    """The sign-up form again after a rejected token, with what the visitor chose and a fresh token."""
    context = {"form": AnmeldungForm.prefilled(request.POST), "csrf_abgelaufen": True}
    return render(request, TEMPLATE, context, status=403)


register_csrf_retry("benachrichtigungen:anmeldung", csrf_retry)


def gesendet(request):
    return render(request, "benachrichtigungen/anmeldung_gesendet.html")


# GET shows a button and changes nothing: mail scanners that open links must not confirm.
@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def bestaetigen(request, token: str):
    anmeldung = Anmeldung.objects.filter(token=token).first()
    if anmeldung is None:
        raise Http404
    if anmeldung.abgelaufen:
        return render(request, "benachrichtigungen/anmeldung_abgelaufen.html", status=410)
    if request.method == "POST":
        abonnement = anmeldung_confirm(token=token)
        if abonnement is None:
            raise Http404  # confirmed or gone a moment ago
        # Rendered, not redirected: after it the link is used up, and there is nothing else to show.
        return render(request, "benachrichtigungen/abonnement_bestaetigt.html", {"abonnement": abonnement})
    return render(request, "benachrichtigungen/anmeldung_bestaetigen.html", {"anmeldung": anmeldung})


# The token in the URL is the authentication: mail programs post here without a CSRF token
# (RFC 8058 one-click, body "List-Unsubscribe=One-Click"). GET changes nothing.
@csrf_exempt
@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def abmelden(request, token: str):
    abonnement = Abonnement.objects.filter(token=token).first()
    if abonnement is None:
        raise Http404
    if request.method == "POST":
        abonnement_delete(token=token)
        # 200, not a redirect: mail programs posting one-click expect a plain success.
        return render(request, "benachrichtigungen/abonnement_abgemeldet.html")
    return render(request, "benachrichtigungen/abonnement_abmelden.html", {"abonnement": abonnement})
