"""Whole-page cache for anonymous visitors that can never serve stale content.

Every cached page's key contains the current *content version*. Saving or
deleting any public content in the admin sets a new version, so the very next
request renders afresh on every app server (the version lives in the shared
cache: Redis when REDIS_URL is set). Visitors with a session (staff, who may
preview drafts), the admin and the pages that show one advice seeker's request
are never cached.

A page with a form is the same for everyone but for its per-visit tokens (the
CSRF token and the like). Its view renders placeholders and marks the response
with `per_visit()`; the page is cached with the placeholders, and this
middleware fills them in for each visit, so a cached form skips the rest of the
middleware and the view, like any other cached page.
"""

import re
import uuid
from collections.abc import Callable

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.http import HttpRequest, HttpResponse
from django.utils.cache import patch_cache_control
from django.utils.translation import get_language_from_path
from django.views.decorators.csrf import requires_csrf_token

VERSION_KEY = "inhalt-version"
CACHEABLE_TYPES = ("text/html", "text/calendar", "application/xml")
# The admin, the health check and one advice seeker's own pages (they also
# send Cache-Control: private, this is the second lock).
NEVER_CACHED = re.compile(r"^/(?:admin/|healthz|(?:[a-z]{2}/)?anfrage/(?:gesendet|status)/)")


def _new_version() -> str:
    cache.add(VERSION_KEY, uuid.uuid4().hex, timeout=None)
    return cache.get(VERSION_KEY)


def get_current(key: str):
    """(value, version): the value cached under `key` for the current content version (or None), and that version.

    One round trip to the cache for both. Store a fresh value with the version
    returned here, read *before* rendering: if content changes meanwhile, the
    value is stored under the old version and never served.
    """
    values = cache.get_many([VERSION_KEY, key])
    version = values.get(VERSION_KEY) or _new_version()
    entry = values.get(key)
    return (entry[1] if entry is not None and entry[0] == version else None), version


def set_current(key: str, value, version: str, timeout: int) -> None:
    cache.set(key, (version, value), timeout)


def _set_new_version() -> None:
    cache.set(VERSION_KEY, uuid.uuid4().hex, timeout=None)


def bump_content_version(**kwargs) -> None:
    # Now, and again after the transaction commits: a page rendered in between
    # from the not yet committed state is then stored under a version nobody asks for.
    _set_new_version()
    transaction.on_commit(_set_new_version)


def connect_signals(models) -> None:
    """Renew the content version whenever one of `models`, or one of their many-to-many links, changes."""
    for model in models:
        label = model._meta.label
        post_save.connect(bump_content_version, sender=model, dispatch_uid=f"inhalt-{label}-save")
        post_delete.connect(bump_content_version, sender=model, dispatch_uid=f"inhalt-{label}-delete")
        for field in model._meta.local_many_to_many:
            through = field.remote_field.through
            m2m_changed.connect(bump_content_version, sender=through, dispatch_uid=f"inhalt-{label}-{field.name}")


def reads_query(response: HttpResponse, *parameters: str) -> HttpResponse:
    """Mark `response` as made from these query parameters (valid values only).

    A page is stored under an address with a query string only when its view
    declared every parameter in it: endless variants of one address (fbclid,
    utm_*, ?page=99999, a topic that does not exist) are served but not stored.
    """
    response.reads_query = frozenset(parameters)
    return response


def per_visit(response: HttpResponse, fillers: dict[str, Callable[[HttpRequest], str]]) -> HttpResponse:
    """Mark `response` as a page whose placeholders are filled in per visit.

    `fillers` maps each placeholder to a module-level function (it is pickled
    with the cached page) that makes that visit's value, e.g. `get_token`.
    """
    response.per_visit = {placeholder.encode(): filler for placeholder, filler in fillers.items()}
    return response


# The CSRF cookie must belong to the token filled in, and a visitor who has one
# keeps it (a second tab must not invalidate the first): Django's own decorator
# reads the cookie before, and sets it after when get_token() made a new one.
@requires_csrf_token
def _fill_per_visit(request: HttpRequest, response: HttpResponse) -> HttpResponse:
    content = response.content
    for placeholder, filler in response.per_visit.items():
        content = content.replace(placeholder, filler(request).encode())
    response.content = content
    response["Content-Length"] = str(len(content))  # CommonMiddleware measured the placeholders
    patch_cache_control(response, private=True)  # no shared cache may keep one visitor's tokens
    del response.per_visit
    return response


def _finish(request: HttpRequest, response: HttpResponse) -> HttpResponse:
    return _fill_per_visit(request, response) if getattr(response, "per_visit", None) else response


class PublicPageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def _cacheable_request(self, request) -> bool:
        return (
            settings.PAGE_CACHE_SECONDS > 0
            and request.method in ("GET", "HEAD")
            and settings.SESSION_COOKIE_NAME not in request.COOKIES
            and not NEVER_CACHED.match(request.path)
        )

    def __call__(self, request):
        # Placeholders are filled in on every path out, cached or not.
        if not self._cacheable_request(request):
            return _finish(request, self.get_response(request))
        # LocaleMiddleware has not run yet: the language is the URL prefix (none for German).
        language = get_language_from_path(request.path_info) or settings.LANGUAGE_CODE
        key = f"seite:{language}:{request.get_full_path()}"
        cached, version = get_current(key)
        if cached is not None:
            return _finish(request, cached)
        response = self.get_response(request)
        if (
            response.status_code == 200
            and not response.cookies
            and not response.streaming
            and response.get("Content-Type", "").startswith(CACHEABLE_TYPES)
            and "private" not in response.get("Cache-Control", "")
            and set(request.GET) <= getattr(response, "reads_query", frozenset())
        ):
            # Template responses are rendered by now: the handler renders them before middleware sees them.
            # Stored before _finish: the cache pickles it now, with the placeholders.
            set_current(key, response, version, settings.PAGE_CACHE_SECONDS)
        return _finish(request, response)
