from django.http import Http404
from django.shortcuts import redirect, render

from anfragen.forms import AnfrageForm
from anfragen.services import anfrage_create
from seiten.models import Seite

SESSION_KEY = "anfrage_referenz"


def anfrage(request, leichte_sprache: bool = False):
    seite = None
    if leichte_sprache:
        seite = Seite.objects.visible_to(request.user).filter(schluessel=Seite.Schluessel.ANFRAGE_LS).first()
        if seite is None:
            raise Http404
    # Not `request.POST or None`: an empty POST must show the errors, not a fresh form.
    form = AnfrageForm(request.POST if request.method == "POST" else None)
    if form.is_bound and form.is_valid():
        data = dict(form.cleaned_data)
        data.pop("einwilligung")
        neu = anfrage_create(**data)
        # The reference travels in the session, not the URL, so it never lands
        # in logs, browser history or a shared link.
        request.session[SESSION_KEY] = neu.referenz
        return redirect("anfragen:gesendet")
    return render(
        request,
        "anfragen/anfrage_form.html",
        {"form": form, "seite": seite},
        status=422 if form.is_bound else 200,
    )


def gesendet(request):
    referenz = request.session.get(SESSION_KEY)
    if not referenz:
        return redirect("anfragen:formular")
    return render(request, "anfragen/anfrage_gesendet.html", {"referenz": referenz})
