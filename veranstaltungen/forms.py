from django import forms
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from integrationsrat.cache import cached
from themen.models import Thema


def themen_choices() -> list[tuple[str, str]]:
    """(slug, title) of the published topics in the visitor's language, cached under the content version."""
    return cached(
        f"themenwahl:{get_language()}", lambda: [(thema.slug, thema.titel) for thema in Thema.objects.published()]
    )


class ThemaFilterForm(forms.Form):
    """Filter of the event list. A GET form, so it works without JavaScript.

    Unknown topics never reach it: the page cache middleware redirects them to
    the unfiltered list, which says so (see VeranstaltungListView.query_rules).
    """

    thema = forms.ChoiceField(
        label=_("Thema"),
        required=False,
        widget=forms.Select(attrs={"class": "form-select"}),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["thema"].choices = [("", _("Alle Themen")), *themen_choices()]
