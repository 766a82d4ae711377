from django.conf import settings
from django.urls import NoReverseMatch, reverse, translate_url
from django.utils.encoding import escape_uri_path
from django.utils.http import urlencode
from django.utils.translation import get_language, get_language_info, gettext, gettext_lazy, override

from integrationsrat.cache import current_version
from integrationsrat.page_cache import QueryRules

# The main navigation: (label, route, the routes that belong to its section).
# A route ending in ":" stands for its whole namespace.
NAVIGATION = [
    (gettext_lazy("Themen"), "themen:list", ("themen:list", "themen:detail")),
    (gettext_lazy("Termine"), "veranstaltungen:list", ("veranstaltungen:",)),
    (gettext_lazy("Aktuelles"), "aktuelles:list", ("aktuelles:",)),
    (
        gettext_lazy("Sitzungen"),
        "gremien:sitzungen",
        ("gremien:sitzungen", "gremien:sitzungen_jahr", "gremien:sitzung", "gremien:vorlage"),
    ),
    (gettext_lazy("Über uns"), "seiten:ueber-uns", ("seiten:ueber-uns",)),
]

# Pages that also exist in Leichte Sprache (easy German), for German visitors.
LEICHTE_SPRACHE = {
    "seiten:ueber-uns": "seiten:ueber-uns-leichte-sprache",
    "anfragen:formular": "anfragen:leichte_sprache",
    "gremien:sitzungen": "seiten:sitzungen-leichte-sprache",
    "gremien:mitglieder": "seiten:sitzungen-leichte-sprache",
    "themen:list": "seiten:themen-leichte-sprache",
    "veranstaltungen:list": "seiten:termine-leichte-sprache",
    # The site explained in Leichte Sprache covers the statement's main points (BITV 2.0 § 4).
    "seiten:barrierefreiheit": "seiten:leichte-sprache",
}


def _in_section(view_name: str, routes: tuple[str, ...]) -> bool:
    return any(view_name == route or (route.endswith(":") and view_name.startswith(route)) for route in routes)


def navigation(request) -> list[dict]:
    """The main navigation, with the current section marked (from the resolved route, so in every language)."""
    match = getattr(request, "resolver_match", None)
    view_name = match.view_name if match else ""
    return [
        {"label": label, "url": reverse(route), "current": _in_section(view_name, routes)}
        for label, route, routes in NAVIGATION
    ]


def _url_in(code: str, match, path: str) -> str:
    """The current page's address in language `code`."""
    if match is None or not match.url_name:
        return translate_url(path, code)  # a 404 page: what translate_url can make of the path
    with override(code):
        try:
            return reverse(match.view_name, args=match.args, kwargs=match.kwargs)
        except NoReverseMatch:
            return path


def language_links(request) -> list[dict]:
    """The same page in every language, for the language bar and the hreflang alternates."""
    current = get_language()
    query = request.GET.urlencode()
    # A path like "//evil.example/" must not become a link to another host.
    path = "/" + request.path.lstrip("/")
    match = getattr(request, "resolver_match", None)
    links = []
    for code, name in settings.LANGUAGES:
        url = _url_in(code, match, path)
        if url.startswith("//"):
            url = "/" + url.lstrip("/")
        links.append(
            {
                "code": code,
                "name": name,
                "dir": "rtl" if get_language_info(code)["bidi"] else "ltr",
                "url": f"{url}?{query}" if query else url,
                # The canonical address, not the Host header: that may be anything (even invalid, on a 400 page).
                "absolute_url": settings.SITE_URL + url,
                "current": code == current,
            }
        )
    return links


def canonical_url(request) -> str:
    """This page's one address: SITE_URL, its path, and the query parameters the page reads.

    The page cache middleware has already dropped what the page does not read
    and redirected invalid values (integrationsrat.page_cache), so request.GET
    holds only valid ones; the notice after such a redirect is not part of it.
    """
    query = request.GET.copy()
    query.pop(QueryRules.NOTICE, None)
    query = query.urlencode()
    # A path like "//evil.example/" must not become an address on another host.
    path = escape_uri_path("/" + request.path.lstrip("/"))
    return f"{settings.SITE_URL}{path}" + (f"?{query}" if query else "")


# Open Graph names locales language_TERRITORY (Facebook's list has ar_AR for Arabic).
OG_LOCALES = {"de": "de_DE", "en": "en_GB", "tr": "tr_TR", "ar": "ar_AR", "uk": "uk_UA", "ru": "ru_RU"}


def leichte_sprache_url(request) -> str:
    match = getattr(request, "resolver_match", None)
    if get_language() != settings.LANGUAGE_CODE or match is None or match.view_name not in LEICHTE_SPRACHE:
        return ""
    return reverse(LEICHTE_SPRACHE[match.view_name])


def barriere_melden_url(request) -> str:
    """The footer's link to the barrier form, with the address of the page it is on (prefilled there)."""
    match = getattr(request, "resolver_match", None)
    url = reverse("seiten:barriere_melden")
    if match is not None and match.view_name.startswith("seiten:barriere_"):
        return url  # the form itself and its confirmation: the barrier would be elsewhere
    if match is not None and "token" in match.kwargs:
        return url  # a secret link (status page, alert links): its token must not travel on
    path = "/" + request.path.lstrip("/")
    return f"{url}?{urlencode({'seite': path})}" if len(path) <= 300 else url


def site(request):
    """What every page shows in its header and footer. Never queries the database (the content version is cached)."""
    links = language_links(request)
    nav = navigation(request)
    version = current_version()
    return {
        "SITE_NAME": gettext("Integrationsrat der Stadt Beckum"),
        "LANGUAGE_LINKS": links,
        "DEFAULT_LANGUAGE_URL": next(link["absolute_url"] for link in links if link["code"] == settings.LANGUAGE_CODE),
        "NAVIGATION": nav,
        # Header and footer depend on nothing else: rendered once per language and section (base.html).
        "NAVIGATION_CURRENT": next((item["url"] for item in nav if item["current"]), ""),
        "LEICHTE_SPRACHE_URL": leichte_sprache_url(request),
        # Outside the footer's cached fragment (base.html): it differs per page.
        "BARRIERE_MELDEN_URL": barriere_melden_url(request),
        # <link rel="canonical"> and og:url (error pages leave them out, base_error.html).
        "CANONICAL_URL": canonical_url(request),
        "OG_LOCALE": OG_LOCALES.get(get_language(), OG_LOCALES[settings.LANGUAGE_CODE]),
        # For {% cache %} fragments that show content: a save makes them stale (integrationsrat.cache).
        "INHALT_VERSION": version,
        # How long {% cache %} keeps a fragment: 0 keeps nothing (FRAGMENT_CACHE_SECONDS=0 while
        # developing; and for content, when there is no shared version to tell a save).
        "FRAGMENT_SECONDS": settings.FRAGMENT_CACHE_SECONDS,
        "CONTENT_FRAGMENT_SECONDS": settings.FRAGMENT_CACHE_SECONDS if version is not None else 0,
    }
