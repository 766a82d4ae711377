"""Site-wide views: the start page and the error pages."""

from django.shortcuts import render
from django.urls import reverse

from anfragen.forms import AnfrageForm
from themen.models import Jahresrueckblick, Thema
from veranstaltungen.models import Veranstaltung

START_EVENT_COUNT = 3


def start(request):
    return render(
        request,
        "start.html",
        {
            "veranstaltungen": Veranstaltung.objects.published().upcoming().with_related()[:START_EVENT_COUNT],
            "themen": Thema.objects.published(),
            "rueckblick": Jahresrueckblick.objects.published().first(),
        },
    )


def page_not_found(request, exception):
    return render(request, "404.html", status=404)


def server_error(request):
    # Rendered without a request context: the database may be the reason we are here.
    return render(request, "500.html", status=500)


def csrf_failure(request, reason=""):
    """A rejected form post (expired or missing CSRF cookie) answers 403.

    On the request form the visitor's text comes back into the form with a new
    token, so nothing they typed is lost; elsewhere a page explains what to do.
    """
    if request.method == "POST" and request.path == reverse("anfragen:formular"):
        form = AnfrageForm(initial={name: request.POST.get(name, "") for name in AnfrageForm.base_fields})
        return render(request, "anfragen/anfrage_form.html", {"form": form, "csrf_abgelaufen": True}, status=403)
    return render(request, "403_csrf.html", status=403)
