"""The places left on page-cached pages: placeholders the page cache fills in per visit (teilnahmen.views)."""

from django.http import HttpResponse

from integrationsrat.page_cache import per_visit

# The event page shows the places left with a button to the form, the form page without it.
PLAETZE_PLACEHOLDER = "__FREIE_PLAETZE__"
PLAETZE_FORMULAR_PLACEHOLDER = "__FREIE_PLAETZE_FORMULAR__"
PLAETZE_FORMULAR_FILLERS = {PLAETZE_FORMULAR_PLACEHOLDER: "freie-plaetze-formular"}


def event_page_with_places(response: HttpResponse) -> HttpResponse:
    """Mark an event page showing PLAETZE_PLACEHOLDER to have it filled in per visit."""
    return per_visit(response, {PLAETZE_PLACEHOLDER: "freie-plaetze"})


def with_places(response: HttpResponse) -> HttpResponse:
    """Mark the form page answering a post (its places left) to be filled in per visit."""
    return per_visit(response, PLAETZE_FORMULAR_FILLERS)
