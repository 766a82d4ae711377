from django import forms
from django.utils.translation import gettext_lazy as _


class JahrForm(forms.Form):
    """The year of the figures page, from the years that have records (and the current one)."""

    jahr = forms.TypedChoiceField(label=_("Jahr"), coerce=int)

    def __init__(self, *args, jahre: list[int], **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["jahr"].choices = [(jahr, jahr) for jahr in jahre]

    def chosen_year(self, default: int) -> int:
        """The year asked for, or `default` when none (or one without figures) is asked for."""
        return self.cleaned_data["jahr"] if self.is_bound and self.is_valid() else default
