from django import forms
from django.utils.translation import gettext_lazy as _

from gremien.models import SPRACHEN


class SpracheFilterForm(forms.Form):
    """Filter of the members page by a language they speak. A GET form, so it works without JavaScript.

    Offers only the languages some current member speaks (`vorhanden`); unknown
    values never reach it (see MitgliederView.query_rules).
    """

    sprache = forms.ChoiceField(label=_("Mitglieder, die diese Sprache sprechen"), required=False)

    def __init__(self, *args, vorhanden: dict[str, int], **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["sprache"].choices = [("", _("Alle Sprachen"))] + [
            (code, name) for code, name in SPRACHEN if code in vorhanden
        ]
        self.fields["sprache"].widget.attrs["class"] = "form-select"
