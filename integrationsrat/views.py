"""Site-wide views: the start page and the error pages."""

import logging
import sys

from django.conf import settings
from django.db import DatabaseError, connection
from django.http import JsonResponse
from django.shortcuts import render

from themen.models import Jahresrueckblick, Thema
from veranstaltungen.models import Veranstaltung

logger = logging.getLogger(__name__)

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


def bad_request(request, exception):
    return render(request, "400.html", status=400)


def permission_denied(request, exception):
    return render(request, "403.html", status=403)


def server_error(request):
    """500, or 503 with the council's phone and email when the database is down.

    Django calls this while handling the exception, so sys.exc_info() names
    it. Neither template touches the database.
    """
    error = sys.exc_info()[1]
    if isinstance(error, DatabaseError):
        logger.error("Database unavailable: %s", error)
        context = {"telefon": settings.CONTACT_PHONE, "email": settings.CONTACT_EMAIL}
        response = render(request, "503.html", context, status=503)
        response["Retry-After"] = "120"
        return response
    return render(request, "500.html", status=500)


def healthz(request):
    """For load balancers: 200 when the database answers, else 503."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
    except DatabaseError:
        return JsonResponse({"database": "unavailable"}, status=503)
    return JsonResponse({"database": "ok"})
