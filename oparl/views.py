"""The OParl 1.1 API (https://oparl.org): the council's public data for machines, read-only.

URL -> view -> oparl.sources (what is read) -> oparl.serializers (how it is written).
Every answer is JSON with `Access-Control-Allow-Origin: *` (spec 2.6), errors are OParl Error
objects (spec 2.9) in German, the language of the data. Objects and list pages are cached like
pages (integrationsrat.page_cache); a list filtered by date is not, so junk timestamps cannot fill
the cache.
"""

import functools
import json

from django.http import HttpResponse
from django.urls import reverse
from django.utils import translation
from django.utils.cache import patch_cache_control
from django.utils.http import urlencode
from django.views.decorators.csrf import csrf_exempt

from oparl import serializers, sources
from oparl.query import QUERY_RULES, BadQuery, ListQuery

ERROR_TYPE = "https://schema.oparl.org/1.1/Error"
ERRORS = {
    "page": (400, "Ungültige Seitenzahl.", "page must be a whole number from 1."),
    "date": (
        400,
        "Ungültige Zeitangabe in {name}.",
        "{name} must be an ISO 8601 date-time such as 2024-01-01T00:00:00+01:00 (with + sent as %2B).",
    ),
    "no_page": (404, "Diese Seite der Liste gibt es nicht.", "page is beyond the last page of this list."),
    "no_object": (404, "Dieses Objekt gibt es nicht.", "No {name} has this id."),
    "no_path": (404, "Diese Adresse gibt es in der Schnittstelle nicht.", "Start at the System object: {name}"),
    "read_only": (405, "Die Schnittstelle kann nur gelesen werden.", "Use GET."),
}


def cors(response: HttpResponse) -> HttpResponse:
    response["Access-Control-Allow-Origin"] = "*"
    return response


def answer(data: dict, *, status: int = 200, private: bool = False) -> HttpResponse:
    response = HttpResponse(
        json.dumps(data, ensure_ascii=False), content_type="application/json; charset=utf-8", status=status
    )
    if private:
        # Not for the page cache nor shared caches (see the module docstring).
        patch_cache_control(response, private=True)
    return cors(response)


def error(code: str, name: str = "") -> HttpResponse:
    status, message, debug = ERRORS[code]
    return answer(
        {"type": ERROR_TYPE, "message": message.format(name=name), "debug": debug.format(name=name)}, status=status
    )


def api(view):
    """GET and HEAD (OPTIONS for CORS preflights), German texts, and an Error object for what has no answer."""

    @functools.wraps(view)
    def wrapper(request, *args, **kwargs):
        if request.method == "OPTIONS":
            response = cors(HttpResponse(status=204))
            response["Access-Control-Allow-Methods"] = "GET, HEAD, OPTIONS"
            response["Access-Control-Allow-Headers"] = "*"
            return response
        if request.method not in ("GET", "HEAD"):
            response = error("read_only")
            response["Allow"] = "GET, HEAD, OPTIONS"
            return response
        with translation.override("de"):
            try:
                return view(request, *args, **kwargs)
            except BadQuery as bad:
                return error("page" if str(bad) == "page" else "date", str(bad))
            except sources.NotFound:
                return error("no_page")

    # Nothing is changed, so there is nothing a forged request could do (and a POST gets a JSON 405, not HTML).
    return csrf_exempt(wrapper)


def list_answer(request, data: list[dict], page: sources.Page, query: ListQuery) -> HttpResponse:
    """A list page (spec 2.5): the objects, where the page stands, and the links that keep the filters."""
    base = serializers.absolute(request.path)

    def link(number: int) -> str:
        params = query.params(number)
        return f"{base}?{urlencode(params)}" if params else base

    links = {"first": link(1), "self": link(page.number), "last": link(page.count)}
    if page.number > 1:
        links["prev"] = link(page.number - 1)
    if page.number < page.count:
        links["next"] = link(page.number + 1)
    pagination = {
        "totalElements": page.total,
        "elementsPerPage": sources.PER_PAGE,
        "currentPage": page.number,
        "totalPages": page.count,
    }
    return answer({"data": data, "pagination": pagination, "links": links}, private=query.filtered)


@api
def system(request):
    return answer(serializers.system(sources.body_facts()))


@api
def body(request):
    return answer(serializers.body(sources.body_facts()))


@api
def body_list(request):
    query = ListQuery.from_query(request.GET)
    facts = sources.body_facts()
    if query.page > 1:
        raise sources.NotFound("page")  # one body, one page
    bodies = [facts] if sources.body_matches(facts, query) else []
    data = [serializers.body(f, omit_internal=query.omit_internal) for f in bodies]
    return list_answer(request, data, sources.Page(bodies, 1, len(bodies)), query)


@api
def object_list(request, typ: str, pk: int | None = None):
    """The list of one type; with `pk`, of one organization's meetings or consultations."""
    query = ListQuery.from_query(request.GET)
    scope = ("organization", pk) if pk else None
    page = sources.list_page(sources.KINDS[typ], query, scope)
    if scope and not page.total and not sources.scope_exists(scope):
        return error("no_object", "organization")
    data = [serializers.serialize(typ, item, omit_internal=query.omit_internal) for item in page.items]
    return list_answer(request, data, page, query)


@api
def object_detail(request, typ: str, pk: int):
    found = sources.find(sources.KINDS[typ], pk)
    if found is None:
        return error("no_object", typ)
    return answer(serializers.serialize(typ, found))


@api
def not_found(request):
    return error("no_path", serializers.absolute(reverse("oparl:system")))


# The page cache keeps the OParl parameters of list addresses (and drops any other); objects read none.
body_list.query_rules = QUERY_RULES
object_list.query_rules = QUERY_RULES
