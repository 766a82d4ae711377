"""One page of search results: the words, and where they find too little, what looks like them."""

import math

from django.core.paginator import Page, Paginator
from django.db.models import Count, Window

from suche.models import Sucheintrag, Suchwort
from suche.services import KONFIGURATION
from suche.snippets import mark_words

PAGE_SIZE = 10
# Far beyond any real last page (which a larger number leads to), and within what the database can count.
MAX_PAGE = 10_000


def page_number(value) -> int:
    try:
        return min(max(1, int(value)), MAX_PAGE)
    except (TypeError, ValueError):
        return 1


def search(woerter: list[str], sprache: str, number: int) -> Page:
    """A page of results; where the words find less than a page, also what looks like them (a typo).

    Nearly every search finds enough by its words. Only then are words of the index
    that look like the typed ones looked up (one small query) and searched for too.
    """
    entries = Sucheintrag.objects.visible().in_language(sprache)
    konfiguration = KONFIGURATION[sprache]
    page = results_page(entries.matching(woerter, konfiguration=konfiguration), number)
    if page.paginator.count < PAGE_SIZE:
        aehnliche = Suchwort.objects.similar_to(woerter)
        if aehnliche:
            page = results_page(entries.matching(woerter, konfiguration=konfiguration, aehnliche=aehnliche), number)
    mark_words(page.object_list, woerter)  # snippets where the database made none (SQLite)
    return page


def results_page(treffer, number: int) -> Page:
    """One page of results, its total counted by the same query (COUNT(*) OVER ()); past the end, the last page."""
    counted = treffer.annotate(gesamt=Window(Count("pk")))

    def rows(n: int) -> list:
        return list(counted[(n - 1) * PAGE_SIZE : n * PAGE_SIZE])

    eintraege = rows(number)
    if eintraege:
        total = eintraege[0].gesamt
    elif number == 1:
        total = 0
    else:
        total = treffer.count()
        if total:
            number = math.ceil(total / PAGE_SIZE)
            eintraege = rows(number)
    paginator = Paginator(treffer, PAGE_SIZE)
    paginator.count = total  # known already: no second COUNT query
    return Page(eintraege, number if total else 1, paginator)
