"""Site-wide views: the start page, the error pages, the health check, robots.txt."""

import datetime
import logging
import sys

from django.conf import settings
from django.core.cache import cache
from django.db import DatabaseError, connection
from django.http import HttpResponse, JsonResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone

from aktuelles import facts as aktuelles_facts
from gremien import facts as gremien_facts
from integrationsrat.log_filters import is_database_outage
from themen import facts as themen_facts
from veranstaltungen import facts as veranstaltungen_facts

logger = logging.getLogger(__name__)

START_EVENT_COUNT = 3
START_NEWS_COUNT = 2
# The mail worker counts as stuck when a task waits this long for it.
WORKER_LAG = datetime.timedelta(minutes=10)


def start(request):
    return render(
        request,
        "start.html",
        {
            "veranstaltungen": veranstaltungen_facts.next_events(START_EVENT_COUNT),
            "naechste_sitzung": gremien_facts.next_meeting(),
            "meldungen": aktuelles_facts.latest(START_NEWS_COUNT),
            "themen": themen_facts.published_themen(),
            "rueckblick": themen_facts.latest_rueckblick(),
        },
    )


def page_not_found(request, exception):
    return render(request, "404.html", status=404)


def bad_request(request, exception):
    return render(request, "400.html", status=400)


def permission_denied(request, exception):
    return render(request, "403.html", status=403)


def server_error(request):
    """500, or 503 with the council's phone and email when the database is unreachable.

    Django calls this while handling the exception, so sys.exc_info() names
    it. Neither template touches the database. A database outage is logged
    here in one line (Django's traceback of it is filtered out, see
    integrationsrat.log_filters); every other error keeps its traceback.
    """
    error = sys.exc_info()[1]
    if is_database_outage(error):
        cause = str(error).strip().splitlines()[0] if str(error).strip() else ""
        logger.error("Database unavailable, answered 503 for %s: %s: %s", request.path, type(error).__name__, cause)
        context = {"telefon": settings.CONTACT_PHONE, "email": settings.CONTACT_EMAIL}
        response = render(request, "503.html", context, status=503)
        response["Retry-After"] = "120"
        return response
    return render(request, "500.html", status=500)


def _database_status() -> str:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
    except DatabaseError:
        return "unavailable"
    return "ok"


def _cache_status() -> str:
    """ "ok", or "degraded": pages are served, but rendered without the shared cache."""
    if getattr(cache, "available", True) is False:
        return "degraded"  # Redis failed a moment ago and is skipped for now
    try:
        cache.set("healthz", "ok", 30)
        return "ok" if cache.get("healthz") == "ok" else "degraded"
    except Exception:  # a cache directory that became unwritable, say
        logger.warning("Cache check failed", exc_info=True)
        return "degraded"


def _worker_status() -> str:
    """ "ok", or "degraded" when mails wait for the task worker (`manage.py db_worker`) longer than they should."""
    if settings.TASKS["default"]["BACKEND"] != "django_tasks_db.DatabaseBackend":
        return "ok"
    from django_tasks_db.models import DBTaskResult, get_date_max

    late = timezone.now() - WORKER_LAG
    waiting = DBTaskResult.objects.ready().filter(run_after__lt=late) | DBTaskResult.objects.ready().filter(
        run_after=get_date_max(), enqueued_at__lt=late
    )
    return "degraded" if waiting.exists() else "ok"


def healthz(request):
    """For load balancers and monitoring: each dependency's state.

    503 only when the portal cannot serve (the database is down); a failing
    cache or a stuck mail worker is "degraded": pages are still served.
    """
    checks = {"database": _database_status(), "cache": _cache_status()}
    if checks["database"] == "ok":  # the worker's queue is in the database
        checks["worker"] = _worker_status()
    if checks["database"] != "ok":
        status = "unavailable"
    elif all(value == "ok" for value in checks.values()):
        status = "ok"
    else:
        status = "degraded"
    response = JsonResponse({"status": status, **checks}, status=503 if status == "unavailable" else 200)
    response["Cache-Control"] = "no-store"
    return response


def robots_txt(request):
    """Everything public may be indexed; the personal and staff pages may not. Names the sitemap."""
    lines = [
        "User-agent: *",
        f"Disallow: {reverse('admin:index')}",
        "Disallow: /anfrage/status/",
        "Disallow: /*/anfrage/status/",
        # A registration's own page (its link is in the person's mails; the page is noindex too).
        "Disallow: /anmeldung/",
        "Disallow: /*/anmeldung/",
        f"Sitemap: {settings.SITE_URL}{reverse('sitemap')}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")
