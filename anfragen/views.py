from django.conf import settings
from django.http import Http404
from django.shortcuts import redirect, render

from anfragen.forms import AnfrageForm
from anfragen.models import Anfrage
from anfragen.ratelimit import limit_exceeded
from anfragen.services import anfrage_create
from seiten.models import Seite

SESSION_KEY = "anfrage_referenz"
TEMPLATE = "anfragen/anfrage_form.html"


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
    # Not `request.POST or None`: an empty POST must show the errors, not a fresh form.
    form = AnfrageForm(request.POST if request.method == "POST" else None)
    if form.is_bound and form.is_valid():
        data = {k: v for k, v in form.cleaned_data.items() if k not in ("einwilligung", "website", "gestartet")}
        neu = anfrage_create(**data)
        # The reference travels in the session, not the URL, so it never lands
        # in logs, browser history or a shared link.
        request.session[SESSION_KEY] = neu.referenz
        return redirect("anfragen:gesendet")
    return render(request, TEMPLATE, {"form": form, "seite": seite}, status=422 if form.is_bound else 200)


def gesendet(request):
    anfrage = Anfrage.objects.filter(referenz=request.session.get(SESSION_KEY, "")).first()
    if anfrage is None:
        return redirect("anfragen:formular")
    return render(request, "anfragen/anfrage_gesendet.html", {"referenz": anfrage.referenz, "anfrage": anfrage})


def status(request, referenz: str, token: str):
    """The advice seeker's view of their request: status only, never the team's notes."""
    anfrage = Anfrage.objects.filter(referenz=referenz).first()
    if anfrage is None or not anfrage.status_token_ok(token):
        raise Http404
    return render(request, "anfragen/anfrage_status.html", {"anfrage": anfrage})
