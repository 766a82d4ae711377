from django import forms
from django.utils.translation import gettext_lazy as _

# Browsers and password managers offer a code just received for fields marked "one-time-code".
CODE_ATTRS = {"autocomplete": "one-time-code", "autocapitalize": "off", "spellcheck": "false", "autofocus": True}


class EinrichtenForm(forms.Form):
    """The first code of a newly scanned authenticator app, which confirms it."""

    code = forms.CharField(
        label=_("Code aus der App"),
        help_text=_("Die sechs Ziffern, die Ihre App jetzt für „Integrationsrat Beckum“ zeigt."),
        max_length=8,
        widget=forms.TextInput(attrs={**CODE_ATTRS, "inputmode": "numeric"}),
    )


class BestaetigenForm(forms.Form):
    """The second step of the login: a code from the app, or one of the recovery codes."""

    code = forms.CharField(
        label=_("Code"),
        help_text=_("Die sechs Ziffern aus Ihrer Authenticator-App, oder einer Ihrer Wiederherstellungscodes."),
        max_length=32,
        widget=forms.TextInput(attrs=CODE_ATTRS),
    )
