from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from anfragen.forms import clean_phone
from anfragen.models import Anfrage
from anfragen.spam import BotTrapMixin

# The longest page address the form takes (and prefills).
MAX_SEITE = 500


def seite_prefill(pfad: str) -> str:
    """The full address of a page of this site for the field "Auf welcher Seite?"; "" for anything else.

    The footer link passes the path of the page it is on (`?seite=/themen/`);
    only a path of this site is taken, never another host or a scheme.
    """
    pfad = pfad.strip()
    if not pfad.startswith("/") or pfad.startswith("//") or "\\" in pfad or not pfad.isprintable():
        return ""
    adresse = settings.SITE_URL + pfad
    return adresse if len(adresse) <= MAX_SEITE else ""


class BarriereForm(BotTrapMixin, forms.Form):
    """Report a barrier: what did not work, where; contact only if the visitor wants an answer."""

    beschreibung = forms.CharField(
        label=_("Was hat nicht funktioniert?"),
        max_length=Anfrage._meta.get_field("nachricht").max_length,
        help_text=_(
            "Zum Beispiel: Ein Knopf lässt sich nicht mit der Tastatur bedienen, ein Text ist schwer zu lesen."
        ),
        widget=forms.Textarea(attrs={"rows": 5}),
        error_messages={"required": _("Bitte beschreiben Sie, was nicht funktioniert hat.")},
    )
    seite = forms.CharField(
        label=_("Auf welcher Seite?"),
        required=False,
        max_length=MAX_SEITE,
        help_text=_("Die Adresse der Seite. Sie können sie ändern oder leer lassen."),
        widget=forms.TextInput(attrs={"inputmode": "url", "autocomplete": "off", "dir": "ltr"}),
    )
    name = forms.CharField(
        label=_("Ihr Name (freiwillig)"),
        max_length=Anfrage._meta.get_field("name").max_length,
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
    )
    email = forms.EmailField(
        label=_("E-Mail-Adresse (freiwillig)"),
        required=False,
        max_length=Anfrage._meta.get_field("email").max_length,
        help_text=_("Nur wenn Sie eine Antwort möchten: E-Mail oder Telefon."),
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    telefon = forms.CharField(
        label=_("Telefonnummer (freiwillig)"),
        required=False,
        max_length=Anfrage._meta.get_field("telefon").max_length,
        widget=forms.TextInput(attrs={"type": "tel", "autocomplete": "tel", "inputmode": "tel"}),
    )
    einwilligung = forms.BooleanField(
        required=True,
        error_messages={"required": _("Bitte stimmen Sie der Verarbeitung Ihrer Angaben zu.")},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.layout_with_traps(
            "beschreibung",
            "seite",
            "name",
            "email",
            "telefon",
            einwilligung=_(
                "Ich bin einverstanden, dass der Integrationsrat meine Angaben speichert, um die Barriere zu "
                "beseitigen und mir zu antworten. Mehr dazu in der"
            ),
        )

    def clean_beschreibung(self):
        beschreibung = self.cleaned_data["beschreibung"].strip()
        if len(beschreibung) < 10:
            raise ValidationError(
                _("Bitte schreiben Sie etwas mehr, damit wir die Barriere finden (mindestens 10 Zeichen)."),
                code="too_short",
            )
        return beschreibung

    def clean_seite(self):
        return self.cleaned_data["seite"].strip()

    def clean_telefon(self):
        return clean_phone(self.cleaned_data["telefon"])
