"""What an OParl list reads from its query string (spec 2.5): the page, four date filters and `omit_internal`.

`OParlQueryRules` is what the page cache asks (see integrationsrat.page_cache.QueryRules): it keeps
these parameters and drops every other one, so `?utm_source=x` is served from the clean page's entry.
It never reports a value as invalid (that would answer with a redirect): the view itself answers a
bad value with an OParl Error object, which is never cached.
"""

import datetime
from dataclasses import dataclass

from django.http import QueryDict
from django.utils import timezone

DATE_FILTERS = ("created_since", "created_until", "modified_since", "modified_until")
PARAMS = ("page", *DATE_FILTERS, "omit_internal")
# Longer than any ISO 8601 timestamp; longer values are junk and not worth parsing.
MAX_DATE_LENGTH = 40
MAX_PAGE_DIGITS = 9
# Beyond these years timestamps overflow in conversions (to UTC, one second on); no council data lies there.
YEARS = range(1000, 9000)


class BadQuery(ValueError):
    """A parameter's value the API cannot read (answered with 400)."""


def page_number(value: str) -> int | None:
    """The page a value names, or None (ASCII digits only: int() also reads "²" and "1_000")."""
    if value.isascii() and value.isdigit() and len(value) <= MAX_PAGE_DIGITS:
        return int(value)
    return None


def parse_timestamp(value: str) -> datetime.datetime:
    # A "+" sent unencoded arrives as a space (the spec asks clients to encode it; many forget).
    value = value.strip().replace(" ", "+")
    if len(value) > MAX_DATE_LENGTH:
        raise ValueError(value)
    moment = datetime.datetime.fromisoformat(value)
    if moment.year not in YEARS:
        raise ValueError(value)
    if timezone.is_naive(moment):
        # The spec asks for an offset; without one, the council's local time is the only sensible reading.
        moment = timezone.make_aware(moment)
    return moment


@dataclass(frozen=True)
class ListQuery:
    page: int = 1
    created_since: datetime.datetime | None = None
    created_until: datetime.datetime | None = None
    modified_since: datetime.datetime | None = None
    modified_until: datetime.datetime | None = None
    omit_internal: bool = False

    @classmethod
    def from_query(cls, query: QueryDict) -> "ListQuery":
        values = {}
        for name in DATE_FILTERS:
            if query.get(name):
                try:
                    values[name] = parse_timestamp(query[name])
                except (ValueError, OverflowError) as error:
                    raise BadQuery(name) from error
        page = query.get("page", "1")
        values["page"] = page_number(page)
        if not values["page"]:
            raise BadQuery("page")
        return cls(omit_internal=query.get("omit_internal") == "true", **values)

    @property
    def filtered(self) -> bool:
        return any(getattr(self, name) for name in DATE_FILTERS)

    def params(self, page: int = 1) -> dict[str, str]:
        """The canonical query of `page` of the same list, in a fixed order (spec 2.3: one URL per page)."""
        params = {}
        if page != 1:
            params["page"] = str(page)
        for name in DATE_FILTERS:
            if getattr(self, name):
                params[name] = getattr(self, name).isoformat()
        if self.omit_internal:
            params["omit_internal"] = "true"
        return params


class OParlQueryRules:
    """The page cache's view of an OParl list: its parameters, in one spelling each."""

    def normalise(self, query: QueryDict, url_kwargs: dict) -> tuple[dict[str, str], bool]:
        canonical = {}
        for name in PARAMS:
            value = query.get(name)
            if not value:
                continue
            if name == "page":
                number = page_number(value)
                if number == 1:
                    continue  # page 1 is the list's own address
                # A page number has one spelling ("02" is "2"); junk is kept for the view to refuse.
                canonical[name] = str(number) if number else value
            elif name == "omit_internal":
                if value == "true":
                    canonical[name] = value
            else:
                canonical[name] = value[: MAX_DATE_LENGTH + 1]
        return canonical, False


QUERY_RULES = OParlQueryRules()
