import datetime
import re

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import get_language, get_language_info
from django.utils.translation import gettext_lazy as _

from anfragen.models import Anfrage, Antwort, Sprache, Textbaustein, Themenbereich
from anfragen.spam import BotTrapMixin, start_token
from anfragen.tasks import sprache_of

__all__ = ["AnfrageForm", "AntwortForm", "start_token"]

PHONE_ALLOWED = re.compile(r"^[0-9+()/\-. ]+$")


def required_email_field(*, max_length: int, help_text: str = "") -> forms.EmailField:
    """The address field of a stranger's form that needs one (alerts, registrations), with the same messages."""
    return forms.EmailField(
        label=_("E-Mail-Adresse"),
        help_text=help_text,
        max_length=max_length,
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
        error_messages={
            "required": _("Bitte geben Sie Ihre E-Mail-Adresse an."),
            "invalid": _("Bitte geben Sie eine gültige E-Mail-Adresse an, z. B. name@example.org."),
        },
    )


def site_language() -> str:
    """The language the visitor reads the site in (German for anything else): the mails' default."""
    return get_language() if get_language() in dict(settings.LANGUAGES) else settings.LANGUAGE_CODE


def mail_language_field() -> forms.ChoiceField:
    """Which language a stranger's mails come in (alerts, registrations): the site's language unless they choose."""
    return forms.ChoiceField(
        label=_("In welcher Sprache möchten Sie die E-Mails bekommen?"),
        choices=settings.LANGUAGES,
        initial=site_language,
        error_messages={"invalid_choice": _("Bitte wählen Sie eine Sprache aus der Liste.")},
    )


def clean_phone(telefon: str) -> str:
    """A phone number as every form takes it: digits and the usual separators, at least five digits."""
    telefon = telefon.strip()
    if telefon and (not PHONE_ALLOWED.match(telefon) or sum(c.isdigit() for c in telefon) < 5):
        raise ValidationError(
            _("Bitte geben Sie eine Telefonnummer nur mit Ziffern an, z. B. 02521 12345."),
            code="invalid_phone",
        )
    return telefon


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
        return clean_phone(self.cleaned_data["telefon"])

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


# How long a reply form may stay open before it must be reloaded (its "answered meanwhile" check).
STAND_MAX_ALTER = datetime.timedelta(days=7)


class AntwortForm(forms.Form):
    """The team's reply to a request, in the admin (anfragen.admin.AnfrageAdmin.antwort_view).

    `stand` is the moment the writer opened the form: answers written after it
    mean someone else answered meanwhile (anfragen.services.antwort_send).
    Which button was pressed is the view's business (EINFUEGEN, SENDEN, TELEFONAT).
    """

    EINFUEGEN, SENDEN, TELEFONAT = "einfuegen", "senden", "telefonat"
    prefix = "antwort"  # its fields never clash with the request's own form on the same page

    text = forms.CharField(
        label=_("Antwort"),
        required=False,  # an empty answer is refused by the service, with its own message
        max_length=Antwort._meta.get_field("text").max_length,
        strip=False,
        widget=forms.Textarea(attrs={"rows": 14, "class": "vLargeTextField antwort__text"}),
    )
    textbaustein = forms.ModelChoiceField(
        label=_("Textbaustein"),
        queryset=Textbaustein.objects.all(),
        required=False,
        empty_label=_("– Textbaustein wählen –"),
    )
    stand = forms.CharField(widget=forms.HiddenInput)
    bestaetigt = forms.BooleanField(
        label=_("Ich weiß, dass die Person ihre Anfrage zurückgezogen hat, und sende trotzdem."),
        required=False,
    )

    def __init__(self, *args, anfrage: Anfrage, **kwargs):
        super().__init__(*args, **kwargs)
        self.anfrage = anfrage
        # The language's German name ("Türkisch"): staff read the admin in German.
        sprache = get_language_info(sprache_of(anfrage))["name_translated"]
        if anfrage.email:
            self.fields["text"].help_text = _(
                "Geht per E-Mail an die Person, auf %(sprache)s, mit der Referenznummer im Betreff. "
                "Textbausteine werden in dieser Sprache eingefügt. Der Text steht nicht im Protokoll."
            ) % {"sprache": sprache}
        else:
            # Nothing to mail: the text field becomes the team's note about the call.
            self.fields["text"].label = _("Notiz zum Telefonat (freiwillig, nur für das Team)")
            del self.fields["textbaustein"]
        if not (anfrage.anonymisiert_am and anfrage.email):
            # The confirmation matters only where a withdrawn request still has an address to write to.
            del self.fields["bestaetigt"]

    def clean_stand(self) -> datetime.datetime:
        try:
            stand = datetime.datetime.fromisoformat(self.cleaned_data["stand"])
        except ValueError:
            stand = None
        if stand is None or stand.tzinfo is None:
            raise ValidationError(_("Das Formular ist unvollständig. Bitte laden Sie die Seite neu."), code="invalid")
        # The browser sends it back: a moment far away would switch off the "answered meanwhile" check
        # (or overflow the database's dates). A form open for days is reloaded.
        now = timezone.now()
        if not now - STAND_MAX_ALTER <= stand <= now + datetime.timedelta(minutes=1):
            raise ValidationError(_("Das Formular ist unvollständig. Bitte laden Sie die Seite neu."), code="invalid")
        return stand

    def with_snippet(self) -> "AntwortForm":
        """A fresh form with the chosen Textbaustein appended in the advice seeker's language, the rest kept."""
        text = self.cleaned_data["text"].rstrip()
        if baustein := self.cleaned_data.get("textbaustein"):
            text = (
                f"{text}\n\n{baustein.text_in(self.anfrage.sprache)}"
                if text
                else baustein.text_in(self.anfrage.sprache)
            )
        initial = {
            "text": text,
            "stand": self.cleaned_data["stand"].isoformat(),
            "bestaetigt": self.cleaned_data.get("bestaetigt"),
        }
        return type(self)(anfrage=self.anfrage, initial=initial)

    @classmethod
    def fresh(cls, anfrage: Anfrage, **initial) -> "AntwortForm":
        return cls(anfrage=anfrage, initial={"stand": timezone.now().isoformat(), **initial})
