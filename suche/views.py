from django.shortcuts import render
from django.utils.translation import get_language

from integrationsrat.page_cache import FreeQuery
from suche.forms import SucheForm
from suche.results import page_number, search


def suche(request):
    """The site search: a plain GET form (no script), results in the visitor's language."""
    form = SucheForm(request.GET or None)
    context = {"form": form}
    if form.is_bound and form.is_valid():
        page_obj = search(form.woerter, get_language(), page_number(request.GET.get("page")))
        context.update(page_obj=page_obj, is_paginated=page_obj.has_other_pages(), suchbegriff=form.cleaned_data["q"])
    # A query that cannot be searched (no word in it, too long) is the visitor's to correct: 400, with the message.
    status = 400 if form.is_bound and not form.is_valid() else 200
    return render(request, "suche/sucheintrag_list.html", context, status=status)


# Whatever people type goes to the view as typed, and no answer is kept in the page cache:
# junk queries must not fill it. The empty search page is cached like any other.
suche.query_rules = FreeQuery(("q", "page"))
