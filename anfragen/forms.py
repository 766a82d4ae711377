import re

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from anfragen.models import Anfrage, Sprache, Themenbereich
from anfragen.spam import BotTrapMixin, start_token

__all__ = ["AnfrageForm", "start_token"]

PHONE_ALLOWED = re.compile(r"^[0-9+()/\-. ]+$")


class AnfrageForm(BotTrapMixin, forms.Form):
    """The public request form: only what the council needs to answer."""

    name = forms.CharField(
        label=_("Ihr Name (freiwillig)"),
        max_length=Anfrage._meta.get_field("name").max_length,
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
    )
    email = forms.EmailField(
        label=_("E-Mail-Adresse"),
        required=False,
        max_length=Anfrage._meta.get_field("email").max_length,
        help_text=_("E-Mail oder Telefon: Wir brauchen mindestens eins, um Ihnen zu antworten."),
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    telefon = forms.CharField(
        label=_("Telefonnummer"),
        required=False,
        max_length=Anfrage._meta.get_field("telefon").max_length,
        widget=forms.TextInput(attrs={"type": "tel", "autocomplete": "tel", "inputmode": "tel"}),
    )
    themenbereich = forms.ModelChoiceField(
        label=_("Worum geht es?"),
        queryset=Themenbereich.objects.filter(aktiv=True),
        empty_label=_("Bitte wählen"),
        error_messages={
            "required": _("Bitte wählen Sie, worum es geht."),
            "invalid_choice": _("Bitte wählen Sie ein Thema aus der Liste."),
        },
    )
    nachricht = forms.CharField(
        label=_("Ihre Nachricht"),
        max_length=Anfrage._meta.get_field("nachricht").max_length,
        help_text=_("Beschreiben Sie kurz Ihr Anliegen. Sie können in Ihrer Sprache schreiben."),
        widget=forms.Textarea(attrs={"rows": 6}),
        error_messages={"required": _("Bitte schreiben Sie uns Ihre Nachricht.")},
    )
    sprache = forms.ChoiceField(
        label=_("In welcher Sprache sollen wir antworten?"),
        choices=Sprache.choices,
        initial=Sprache.DEUTSCH,
        error_messages={"invalid_choice": _("Bitte wählen Sie eine Sprache aus der Liste.")},
    )
    einwilligung = forms.BooleanField(
        required=True,
        error_messages={"required": _("Bitte stimmen Sie der Verarbeitung Ihrer Angaben zu.")},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Answer in the language the visitor reads the site in, unless they choose otherwise.
        self.fields["sprache"].initial = get_language() if get_language() in Sprache.values else Sprache.DEUTSCH
        self.layout_with_traps(
            "name",
            "email",
            "telefon",
            "themenbereich",
            "nachricht",
            "sprache",
            einwilligung=_(
                "Ich bin einverstanden, dass der Integrationsrat meine Angaben zur Bearbeitung meiner Anfrage "
                "speichert. Mehr dazu in der"
            ),
        )

    def clean_telefon(self):
        telefon = self.cleaned_data["telefon"].strip()
        if telefon and (not PHONE_ALLOWED.match(telefon) or sum(c.isdigit() for c in telefon) < 5):
            raise ValidationError(
                _("Bitte geben Sie eine Telefonnummer nur mit Ziffern an, z. B. 02521 12345."),
                code="invalid_phone",
            )
        return telefon

    def clean_nachricht(self):
        nachricht = self.cleaned_data["nachricht"].strip()
        if len(nachricht) < 10:
            raise ValidationError(
                _("Bitte schreiben Sie etwas mehr, damit wir Ihr Anliegen verstehen (mindestens 10 Zeichen)."),
                code="too_short",
            )
        return nachricht

    def clean(self):
        cleaned = super().clean()  # BotTrapMixin checks the traps; the visitor's own mistakes are all shown too
        if (
            not cleaned.get("email")
            and not cleaned.get("telefon")
            and "email" not in self.errors
            and "telefon" not in self.errors
        ):
            self.add_error(
                "email",
                ValidationError(
                    _("Bitte geben Sie eine E-Mail-Adresse oder eine Telefonnummer an, damit wir antworten können."),
                    code="contact_required",
                ),
            )
        return cleaned
