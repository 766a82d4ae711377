"""Register for an event, see one's registration, cancel it.

The form page and the event page are page-cached with placeholders: the
tokens and the places left are filled in per visit (`freie_plaetze_filler`),
so the number is never a stale one. The registration's own page (behind the
link in the mails) is never cached.
"""

from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.urls import Resolver404, resolve
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from anfragen.ratelimit import form_limit_exceeded, too_many
from anfragen.spam import register_csrf_retry, render_empty_form
from teilnahmen.forms import TeilnahmeForm
from teilnahmen.models import Teilnahme
from teilnahmen.plaetze import PLAETZE_FORMULAR_FILLERS, PLAETZE_FORMULAR_PLACEHOLDER, with_places
from teilnahmen.services import AnmeldungGeschlossen, plaetze_fuer_neue, teilnahme_cancel, teilnahme_create
from veranstaltungen import facts
from veranstaltungen.views import veranstaltung_or_404

TEMPLATE = "teilnahmen/teilnahme_form.html"


def plaetze_html(veranstaltung, *, mit_knopf: bool) -> str:
    """The registration box's fresh part: places left or the waiting list, and the way to register."""
    context = {
        "veranstaltung": veranstaltung,
        "frei": plaetze_fuer_neue(veranstaltung),
        "offen": veranstaltung.anmeldung_offen(),
        "mit_knopf": mit_knopf,
    }
    return render_to_string("teilnahmen/includes/plaetze.html", context)


def _filler(request, *, mit_knopf: bool) -> str:
    # Cached pages run no view: the event is the one of the page's address, in the page's language.
    # A cached page is answered before the authentication middleware runs, for visitors without a
    # session only: no request.user then, and the visitor is anonymous.
    sprache = translation.get_language_from_path(request.path_info) or settings.LANGUAGE_CODE
    user = getattr(request, "user", None) or AnonymousUser()
    with translation.override(sprache):
        try:
            kwargs = resolve(request.path_info).kwargs
            veranstaltung = facts.veranstaltung(kwargs["jahr"], kwargs["slug"], user)
        except (Resolver404, KeyError):
            return ""
        if veranstaltung is None:
            return ""
        return plaetze_html(veranstaltung, mit_knopf=mit_knopf)


def freie_plaetze_filler(request) -> str:
    return _filler(request, mit_knopf=True)


def freie_plaetze_formular_filler(request) -> str:
    return _filler(request, mit_knopf=False)


def anmeldbar_or_404(request, jahr: int, slug: str):
    veranstaltung = veranstaltung_or_404(request, jahr, slug)
    if not veranstaltung.anmeldung or veranstaltung.ist_sitzung:
        raise Http404(_("Für diese Veranstaltung gibt es keine Anmeldung über das Portal."))
    return veranstaltung


def anmelden(request, jahr: int, slug: str):
    veranstaltung = anmeldbar_or_404(request, jahr, slug)
    context = {"veranstaltung": veranstaltung, "plaetze": PLAETZE_FORMULAR_PLACEHOLDER}
    if request.method != "POST":
        form = TeilnahmeForm(veranstaltung=veranstaltung)
        return render_empty_form(request, TEMPLATE, form, context, fillers=PLAETZE_FORMULAR_FILLERS)
    form = TeilnahmeForm(request.POST, veranstaltung=veranstaltung)
    # As on the request form: registrations and caught bots count against the address, corrections do not.
    if form_limit_exceeded(request, form, scope="teilnahme", limit=settings.TEILNAHME_RATE_LIMIT):
        prefilled = TeilnahmeForm.prefilled(request.POST, veranstaltung=veranstaltung)
        return with_places(too_many(request, TEMPLATE, {**context, "form": prefilled}))
    if form.is_valid():
        daten = form.cleaned_data
        try:
            teilnahme_create(
                veranstaltung_id=veranstaltung.pk,
                name=daten["name"],
                email=daten["email"],
                telefon=daten["telefon"],
                begleitpersonen=daten.get("begleitpersonen", 0),
                antwort=daten.get("antwort", ""),
                sprache=daten["sprache"],
            )
        except AnmeldungGeschlossen:
            context["geschlossen"] = True
            return with_places(render(request, TEMPLATE, {**context, "form": form}, status=409))
        # The same page for a new and a repeated registration: the mail says which it is.
        return redirect("teilnahmen:gesendet", jahr=jahr, slug=slug)
    return with_places(render(request, TEMPLATE, {**context, "form": form}, status=422))


def csrf_retry(request) -> HttpResponse:
    """The form again after a rejected token, with what the visitor typed and a fresh token."""
    kwargs = request.resolver_match.kwargs
    veranstaltung = anmeldbar_or_404(request, kwargs["jahr"], kwargs["slug"])
    context = {
        "veranstaltung": veranstaltung,
        "plaetze": PLAETZE_FORMULAR_PLACEHOLDER,
        "form": TeilnahmeForm.prefilled(request.POST, veranstaltung=veranstaltung),
        "csrf_abgelaufen": True,
    }
    return with_places(render(request, TEMPLATE, context, status=403))


register_csrf_retry("teilnahmen:anmelden", csrf_retry)


def gesendet(request, jahr: int, slug: str):
    veranstaltung = anmeldbar_or_404(request, jahr, slug)
    return render(request, "teilnahmen/teilnahme_gesendet.html", {"veranstaltung": veranstaltung})


# The token is the authentication; GET shows the registration and a button, only POST cancels
# (mail scanners open links).
@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def teilnahme(request, token: str):
    eintrag = Teilnahme.objects.select_related("veranstaltung__ort").filter(token=token).first()
    if eintrag is None:
        if request.method == "POST":
            # Cancelled a moment ago (a second tab, a double click): it is gone, which is what was wanted.
            return render(request, "teilnahmen/teilnahme_abgesagt.html", {"veranstaltung": None})
        raise Http404(_("Diese Anmeldung gibt es nicht mehr."))
    if request.method == "POST":
        veranstaltung = teilnahme_cancel(token=token) or eintrag.veranstaltung
        return render(request, "teilnahmen/teilnahme_abgesagt.html", {"veranstaltung": veranstaltung})
    context = {"teilnahme": eintrag, "veranstaltung": eintrag.veranstaltung, "platz": eintrag.wartelistenplatz()}
    return render(request, "teilnahmen/teilnahme_detail.html", context)
