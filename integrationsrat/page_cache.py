"""Whole-page cache for anonymous visitors: never stale, not fooled by query strings, compressed once.

- **Never stale**: pages are stored under the content version
  (`integrationsrat.cache`), which every save of public content renews.
  Visitors with a session (staff, who may preview drafts), the admin and the
  pages that show one advice seeker's request are never served from it.
- **One address per page**: a page's address is normalised before anything
  else runs. Query parameters the page does not read (`utm_*`, `fbclid`, any
  other) are dropped, so the view never sees them and the visit is answered
  from the cached page of the clean address. Parameters a page does read are
  declared by its view (`query_rules`) together with their valid values, known
  from a few cached facts; an invalid value (a topic that does not exist, a page
  number beyond the last) is answered with a redirect to the clean address,
  without rendering anything (an unknown filter value to the unfiltered list
  with `?hinweis=<filter>`, which shows why). Junk therefore costs what a
  cached page costs.
- **Compressed once**: a cached page is stored with its brotli and gzip
  bodies; each visit gets the encoding its browser accepts. Only pages that
  are the same for everyone are compressed: a page carrying a per-visit secret
  (the request form's CSRF token) is sent uncompressed, so that BREACH cannot
  guess the secret from the compressed size.
- **Per-visit tokens**: a page with a form is the same for everyone but for
  its tokens. Its view renders placeholders and marks the response with
  `per_visit()`; the page is cached with the placeholders and the tokens are
  filled in for each visit, so a cached form skips the view too.

Cached entries are plain data (status, headers, bodies, filler names), never
pickled classes or functions, so a release that renames code cannot break
reading the entries an earlier release wrote.
"""

import gzip
import math
import re
from collections.abc import Callable
from dataclasses import dataclass

import brotli
from django.conf import settings
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect, QueryDict
from django.urls import Resolver404, resolve
from django.utils.cache import patch_cache_control, patch_vary_headers
from django.utils.http import urlencode
from django.utils.translation import get_language_from_path, override
from django.views.decorators.csrf import requires_csrf_token

from integrationsrat.cache import get_current, one_version_per_request, set_current, use_version

KEY_PREFIX = "seite"
CACHEABLE_TYPES = (
    "text/html",
    "text/calendar",
    "application/xml",
    "application/atom+xml",
    "text/plain",
    "application/json",
)
# The admin, the health check, one advice seeker's own pages (a barrier report's
# confirmation too) and the pages behind an alert subscriber's or a registered person's link (they also
# send Cache-Control: private or no-cache, this is the second lock).
NEVER_CACHED = re.compile(
    r"^/(?:admin/|healthz|(?:[a-z]{2}/)?"
    r"(?:anfrage/(?:gesendet|status)|barriere-melden/gesendet|benachrichtigungen/(?:bestaetigen|abmelden)|anmeldung)/)"
)
MIN_COMPRESS_BYTES = 256


# --- What a page reads from its query string ---------------------------------------------------


@dataclass(frozen=True)
class QueryRules:
    """The query parameters a list page reads, and how to tell their valid values without rendering it.

    `facts(**url_kwargs)` returns {filter value: number of items}, with "" for
    the unfiltered list; it must be cheap, i.e. cached under the content
    version (see veranstaltungen.facts). `filter` names the parameter that picks one of those values;
    `page` may go from 2 to the last page (page 1 is the address without it).
    """

    facts: Callable[..., dict[str, int]]
    per_page: int
    filter: str | None = None

    # Set on the unfiltered list a visitor is sent to from an unknown filter value (value: the filter's name).
    NOTICE = "hinweis"

    def normalise(self, query: QueryDict, url_kwargs: dict) -> tuple[dict[str, str], bool]:
        """(the parameters the page reads with valid values, whether any value was invalid)."""
        if self.filter is None or self.filter not in query:
            if self.filter is not None and query.get(self.NOTICE) == self.filter and "page" not in query:
                return {self.NOTICE: self.filter}, False
            if "page" not in query:
                return {}, False  # the plain list: nothing to check
        counts = self.facts(**url_kwargs)
        canonical, invalid = {}, False
        wanted = ""
        if self.filter and self.filter in query:
            wanted = query[self.filter]
            if len(query.getlist(self.filter)) == 1 and wanted and wanted in counts:
                canonical[self.filter] = wanted
            else:
                # The unfiltered list says that this filter value does not exist (a page number means nothing then).
                return {self.NOTICE: self.filter}, True
        if "page" in query:
            page = query["page"]
            pages = max(1, math.ceil(counts.get(wanted, 0) / self.per_page))
            if len(query.getlist("page")) == 1 and page.isdigit() and 2 <= int(page) <= pages:
                canonical["page"] = str(int(page))
            elif page != "1":
                invalid = True
        return canonical, invalid


@dataclass(frozen=True)
class FreeQuery:
    """The query parameters of a page that reads free text (the search): kept as typed, never page-cached.

    Anything people type is valid, so nothing is redirected; but junk must not
    fill the cache, so a visit with any of these parameters skips it. Empty
    values are dropped (an empty search is the page without a query).
    """

    params: tuple[str, ...]

    def normalise(self, query: QueryDict, url_kwargs: dict) -> tuple[dict[str, str], bool]:
        return {name: query[name] for name in self.params if query.get(name)}, False

    def uncached(self, canonical: dict[str, str]) -> bool:
        return bool(canonical)


@dataclass(frozen=True)
class ChoiceQuery(FreeQuery):
    """Query parameters that pick from known values (the directory's language and offer filters).

    A visit whose values are all known is page-cached like any page: the
    known values are few, so their combinations cannot flood the cache. Any
    other value is passed through as typed and rendered fresh (the page says it
    does not know it), never cached. `known` maps each parameter to a function
    returning its known values (cheap: cached facts).
    """

    known: tuple[tuple[str, Callable[[], list[str]]], ...] = ()

    def uncached(self, canonical: dict[str, str]) -> bool:
        werte = dict(self.known)
        return any(value not in werte[name]() for name, value in canonical.items())


def query_rules(match) -> QueryRules | FreeQuery | None:
    view_class = getattr(match.func, "view_class", None)
    return getattr(view_class or match.func, "query_rules", None)


# --- Per-visit tokens ----------------------------------------------------------------------------

FILLERS: dict[str, Callable[[HttpRequest], str]] = {}


def register_filler(name: str, filler: Callable[[HttpRequest], str]) -> None:
    """Make `filler` (request -> text) usable by name in `per_visit()`: cached entries store the name."""
    FILLERS[name] = filler


def per_visit(response: HttpResponse, fillers: dict[str, str]) -> HttpResponse:
    """Mark `response` as a page whose placeholders are filled in per visit: {placeholder: filler name}."""
    response.per_visit = dict(fillers)
    return response


# --- Cached entries -------------------------------------------------------------------------------


@dataclass(frozen=True)
class CachedPage:
    """A page as it is cached: plain data only (see the module docstring)."""

    status: int
    headers: tuple[tuple[str, str], ...]
    bodies: dict[str, bytes]  # "identity", and "br"/"gzip" when compressed
    fillers: dict[str, str]  # placeholder -> filler name; empty for pages without tokens

    @classmethod
    def from_response(cls, response: HttpResponse, *, accept_encoding: str | None = None) -> "CachedPage":
        """The page to store (`accept_encoding` None: in every encoding), or to send once to a browser accepting it."""
        fillers = getattr(response, "per_visit", {})
        body = response.content
        bodies = {"identity": body}
        if not fillers and len(body) >= MIN_COMPRESS_BYTES:
            # Stored pages are compressed hard once; a page sent once is gzipped cheaply, if the browser wants it.
            if accept_encoding is None:
                bodies["br"] = brotli.compress(body, quality=11)
                bodies["gzip"] = gzip.compress(body, compresslevel=9, mtime=0)
            elif negotiate(accept_encoding, {"gzip": b""}) == "gzip":
                bodies["gzip"] = gzip.compress(body, compresslevel=6, mtime=0)
        headers = tuple((k, v) for k, v in response.items() if k.lower() not in ("content-length", "content-encoding"))
        return cls(response.status_code, headers, bodies, fillers)

    def as_data(self) -> tuple:
        return (self.status, self.headers, self.bodies, self.fillers)

    @classmethod
    def from_data(cls, data) -> "CachedPage | None":
        try:
            status, headers, bodies, fillers = data
        except (TypeError, ValueError):
            return None
        if any(name not in FILLERS for name in fillers.values()):
            return None  # written by a release that had another filler
        return cls(status, tuple(headers), dict(bodies), dict(fillers))

    def response(self, request: HttpRequest) -> HttpResponse:
        encoding = negotiate(request.META.get("HTTP_ACCEPT_ENCODING", ""), self.bodies)
        response = HttpResponse(self.bodies[encoding], status=self.status)
        for header, value in self.headers:
            response[header] = value
        if len(self.bodies) > 1:
            patch_vary_headers(response, ("Accept-Encoding",))
        if encoding != "identity":
            response["Content-Encoding"] = encoding
        if self.fillers:
            return _fill_per_visit(request, response, self.fillers)
        response["Content-Length"] = str(len(response.content))
        return response


def negotiate(accept_encoding: str, bodies: dict[str, bytes]) -> str:
    """The best encoding both sides know: brotli, then gzip, else none (RFC 9110 q-values; q=0 refuses)."""
    accepted = {}
    for part in accept_encoding.lower().split(","):
        coding, _, params = part.strip().partition(";")
        match = re.search(r"q\s*=\s*([0-9.]+)", params)
        try:
            accepted[coding.strip()] = float(match.group(1)) if match else 1.0
        except ValueError:
            accepted[coding.strip()] = 0.0
    for coding in ("br", "gzip"):
        if coding in bodies and accepted.get(coding, accepted.get("*", 0)) > 0:
            return coding
    return "identity"


# The CSRF cookie must belong to the token filled in, and a visitor who has one
# keeps it (a second tab must not invalidate the first): Django's own decorator
# reads the cookie before, and sets it after when get_token() made a new one.
@requires_csrf_token
def _fill_per_visit(request: HttpRequest, response: HttpResponse, fillers: dict[str, str]) -> HttpResponse:
    content = response.content
    for placeholder, name in fillers.items():
        content = content.replace(placeholder.encode(), FILLERS[name](request).encode())
    response.content = content
    response["Content-Length"] = str(len(content))
    patch_cache_control(response, private=True)  # no shared cache may keep one visitor's tokens
    return response


# --- The middleware -------------------------------------------------------------------------------


def _is_anonymous(request: HttpRequest) -> bool:
    """Without a session (staff may preview drafts), a reading request's answer is the same for everyone."""
    return settings.SESSION_COOKIE_NAME not in request.COOKIES


def _is_shareable(response: HttpResponse) -> bool:
    return (
        response.status_code == 200
        and not response.cookies
        and not response.streaming
        and response.get("Content-Type", "").startswith(CACHEABLE_TYPES)
        and "private" not in response.get("Cache-Control", "")
        and "no-store" not in response.get("Cache-Control", "")
    )


def _resolve(path_info: str, language: str):
    # LocaleMiddleware has not run yet; the language prefix decides which URL patterns match.
    with override(language):
        try:
            return resolve(path_info)
        except Resolver404:
            return None


class PublicPageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        with one_version_per_request():
            return self._respond(request)

    def _respond(self, request):
        if request.method not in ("GET", "HEAD") or NEVER_CACHED.match(request.path):
            return self._finish(request, self.get_response(request))
        # The language is the URL prefix (none for German).
        language = get_language_from_path(request.path_info) or settings.LANGUAGE_CODE
        canonical = {}
        # Without a query string there is nothing to normalise (and no need to resolve the URL).
        match = _resolve(request.path_info, language) if request.META.get("QUERY_STRING") else None
        rules = query_rules(match) if match else None
        if rules is not None:
            canonical, invalid = rules.normalise(request.GET, match.kwargs)
            if invalid:
                return self._redirect(request, canonical)
        query = urlencode(canonical)
        if request.META.get("QUERY_STRING", "") != query:
            # The view must not see what it does not read: the page would differ from the clean one.
            request.GET = QueryDict(query)
            request.META["QUERY_STRING"] = query
        if not _is_anonymous(request) or (isinstance(rules, FreeQuery) and rules.uncached(canonical)):
            return self._finish(request, self.get_response(request))

        key = f"{KEY_PREFIX}:{language}:{request.path}?{query}"
        caching = settings.PAGE_CACHE_SECONDS > 0
        if caching:
            data, version = get_current(key)
            use_version(version)
            entry = CachedPage.from_data(data) if data is not None else None
            if entry is not None:
                return entry.response(request)
        response = self.get_response(request)
        if not _is_shareable(response):
            return self._finish(request, response)
        # Template responses are rendered by now: the handler renders them before middleware sees them.
        entry = CachedPage.from_response(
            response, accept_encoding=None if caching else request.META.get("HTTP_ACCEPT_ENCODING", "")
        )
        if caching:
            set_current(key, entry.as_data(), version, settings.PAGE_CACHE_SECONDS)
        return entry.response(request)

    @staticmethod
    def _redirect(request: HttpRequest, canonical: dict[str, str]) -> HttpResponse:
        query = urlencode(canonical)
        # Not cacheable by browsers: a topic published a minute later must be reachable at once.
        return HttpResponseRedirect(request.path + (f"?{query}" if query else ""))

    @staticmethod
    def _finish(request: HttpRequest, response: HttpResponse) -> HttpResponse:
        # A page with tokens is filled in on every path out, cached or not.
        fillers = getattr(response, "per_visit", None)
        return _fill_per_visit(request, response, fillers) if fillers else response
