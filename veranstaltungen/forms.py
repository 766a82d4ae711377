from django import forms
from django.utils.translation import gettext_lazy as _

from themen.models import Thema


class ThemaFilterForm(forms.Form):
    """Filter of the event list. A GET form, so it works without JavaScript."""

    thema = forms.ModelChoiceField(
        label=_("Thema"),
        queryset=Thema.objects.published(),
        to_field_name="slug",
        required=False,
        empty_label=_("Alle Themen"),
        error_messages={"invalid_choice": _("Dieses Thema gibt es nicht. Es werden alle Termine gezeigt.")},
        widget=forms.Select(attrs={"class": "form-select"}),
    )
