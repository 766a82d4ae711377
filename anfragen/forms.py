import re
import time

from crispy_forms.helper import FormHelper
from crispy_forms.layout import Div, Layout
from django import forms
from django.conf import settings
from django.core import signing
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.urls import reverse_lazy
from django.utils.html import format_html
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from anfragen.models import Anfrage, Sprache, Themenbereich

PHONE_ALLOWED = re.compile(r"^[0-9+()/\-. ]+$")
START_SALT = "anfrage-formular-start"
START_MAX_AGE = 24 * 60 * 60


def start_token() -> str:
    """When the form was shown, signed so a bot cannot fake having taken its time."""
    return signing.dumps(time.time(), salt=START_SALT)


class AnfrageForm(forms.Form):
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
    # Spam traps: a field people never see or fill, and the signed time the form was shown.
    website = forms.CharField(
        label=_("Bitte dieses Feld leer lassen"),
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )
    gestartet = forms.CharField(required=False, widget=forms.HiddenInput)
    einwilligung = forms.BooleanField(
        required=True,
        error_messages={"required": _("Bitte stimmen Sie der Verarbeitung Ihrer Angaben zu.")},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.is_bound:
            self.data = self.data.copy()  # clean() may hand out a fresh start token
        else:
            self.fields["gestartet"].initial = start_token()
        # Answer in the language the visitor reads the site in, unless they choose otherwise.
        self.fields["sprache"].initial = get_language() if get_language() in Sprache.values else Sprache.DEUTSCH
        self.fields["einwilligung"].label = format_html(
            '{} <a href="{}">{}</a>',
            _(
                "Ich bin einverstanden, dass der Integrationsrat meine Angaben zur Bearbeitung meiner Anfrage "
                "speichert. Mehr dazu in der"
            ),
            reverse_lazy("seiten:datenschutz"),
            _("Datenschutzerklärung"),
        )
        self.helper = FormHelper()
        self.helper.form_tag = False
        self.helper.disable_csrf = True
        self.helper.layout = Layout(
            "name",
            "email",
            "telefon",
            "themenbereich",
            "nachricht",
            "sprache",
            # Out of sight and out of the tab order; only bots fill it in.
            Div("website", css_class="hp-feld", aria_hidden="true"),
            "einwilligung",
        )
        # "gestartet" differs per visitor: the template renders it outside the layout.

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

    @classmethod
    def prefilled(cls, data):
        """An unbound form that shows what the visitor typed, e.g. after a rejected post."""
        return cls(initial={name: data.get(name, "") for name in cls.base_fields if name != "gestartet"})

    def clean(self):
        cleaned = super().clean()
        # The visitor's own mistakes first, so they see all of them at once.
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
        self._check_spam(cleaned)
        return cleaned

    # The errors only a bot makes (a person may well leave the form open too long).
    TRAPS = ("honeypot", "too_fast", "forged_token")

    def caught_a_bot(self) -> bool:
        """Whether a spam trap caught this post; call after is_valid()."""
        return any(self.has_error(NON_FIELD_ERRORS, code) for code in self.TRAPS)

    def _check_spam(self, cleaned) -> None:
        if cleaned.get("website"):
            self.add_error(
                None,
                ValidationError(
                    _(
                        "Ihre Anfrage wurde nicht gesendet. Bitte lassen Sie das Feld "
                        "„Bitte dieses Feld leer lassen“ frei."
                    ),
                    code="honeypot",
                ),
            )
        try:
            gestartet = signing.loads(cleaned.get("gestartet", ""), salt=START_SALT, max_age=START_MAX_AGE)
        except signing.BadSignature as error:
            self.data["gestartet"] = start_token()
            # A person's token can only have expired; a missing or forged one is a bot's (same message, though).
            forged = not isinstance(error, signing.SignatureExpired)
            self.add_error(
                None,
                ValidationError(
                    _(
                        "Das Formular war zu lange geöffnet. Ihre Angaben stehen noch im Formular: "
                        "Bitte senden Sie es noch einmal."
                    ),
                    code="forged_token" if forged else "form_expired",
                ),
            )
            return
        if time.time() - gestartet < settings.ANFRAGE_MIN_FILL_SECONDS:
            self.add_error(
                None,
                ValidationError(
                    _("Das ging sehr schnell. Bitte prüfen Sie Ihre Angaben und senden Sie das Formular noch einmal."),
                    code="too_fast",
                ),
            )
