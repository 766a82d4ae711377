"""Paginated public lists whose page and count come from cached facts (events, meetings).

A list page without the page cache (staff, the first visit after a save) asks
the database for neither the number of items (`CountedPaginator` is told it by
a cached fact) nor, once seen, the ids of its page (`CachedPagesMixin`).
"""

from django.core.paginator import Paginator
from django.utils import timezone
from django.utils.http import urlencode

from integrationsrat.cache import Ids, cached

PAGE_SIZE = 20


class CountedPaginator(Paginator):
    """A paginator told the number of items (from the cached facts) instead of counting them again."""

    def __init__(self, object_list, per_page, *, count: int, **kwargs):
        super().__init__(object_list, per_page, **kwargs)
        self.__dict__["count"] = count  # Paginator.count is a cached_property


def page_ids(key: str, object_list) -> Ids:
    """One page of a list (a sliced QuerySet) as ids, cached under `key` and the day."""
    return Ids(
        object_list.model,
        cached(f"listenseite:{key}:{timezone.localdate()}", lambda: tuple(object_list.values_list("pk", flat=True))),
    )


class CachedPagesMixin:
    """A paginated ListView that reads its page as ids from the facts (cached per content version and day)."""

    def paginate_queryset(self, queryset, page_size):
        paginator, page, object_list, is_paginated = super().paginate_queryset(queryset, page_size)
        path = urlencode(sorted(self.kwargs.items()))
        key = f"{self.request.resolver_match.view_name}:{path}:{self.request.GET.urlencode()}:{page.number}"
        return paginator, page, page_ids(key, object_list), is_paginated
