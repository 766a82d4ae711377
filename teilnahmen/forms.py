from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from anfragen.forms import clean_phone, mail_language_field, required_email_field
from anfragen.spam import BotTrapMixin
from teilnahmen.models import Teilnahme


class TeilnahmeForm(BotTrapMixin, forms.Form):
    """Register for one event: a name and an address for the confirmation and the link to cancel, little else."""

    name = forms.CharField(
        label=_("Ihr Name"),
        max_length=Teilnahme._meta.get_field("name").max_length,
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
        error_messages={"required": _("Bitte geben Sie Ihren Namen an.")},
    )
    email = required_email_field(
        max_length=Teilnahme._meta.get_field("email").max_length,
        help_text=_("Dorthin schicken wir die Bestätigung und einen Link, mit dem Sie absagen können."),
    )
    telefon = forms.CharField(
        label=_("Telefon (freiwillig)"),
        help_text=_("Nur für den Fall, dass sich kurzfristig etwas ändert."),
        required=False,
        max_length=Teilnahme._meta.get_field("telefon").max_length,
        widget=forms.TextInput(attrs={"autocomplete": "tel", "inputmode": "tel"}),
    )
    begleitpersonen = forms.TypedChoiceField(
        label=_("Wie viele Personen bringen Sie mit?"),
        coerce=int,
        initial=0,
        error_messages={"invalid_choice": _("Bitte wählen Sie eine Zahl aus der Liste.")},
    )
    antwort = forms.CharField(
        required=False,
        max_length=Teilnahme._meta.get_field("antwort").max_length,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    sprache = mail_language_field()
    einwilligung = forms.BooleanField(
        required=True,
        error_messages={"required": _("Bitte stimmen Sie zu, damit wir Ihre Anmeldung speichern dürfen.")},
    )

    def __init__(self, *args, veranstaltung, **kwargs):
        super().__init__(*args, **kwargs)
        felder = ["name", "email", "telefon"]
        if veranstaltung.begleitpersonen_moeglich:
            moeglich = range(veranstaltung.begleitpersonen_moeglich + 1)
            self.fields["begleitpersonen"].choices = [(n, str(n)) for n in moeglich]
            felder.append("begleitpersonen")
        else:
            del self.fields["begleitpersonen"]
        if veranstaltung.anmeldefrage:
            self.fields["antwort"].label = _("%(frage)s (freiwillig)") % {"frage": veranstaltung.anmeldefrage}
            felder.append("antwort")
        else:
            del self.fields["antwort"]
        self.layout_with_traps(
            *felder,
            "sprache",
            einwilligung=_(
                "Ich bin einverstanden, dass der Integrationsrat meine Angaben für diese Veranstaltung speichert. "
                "Sie werden %(tage)s Tage nach der Veranstaltung gelöscht. Mehr dazu in der"
            )
            % {"tage": settings.TEILNAHME_RETENTION_DAYS},
        )

    def clean_telefon(self):
        return clean_phone(self.cleaned_data["telefon"])

    @classmethod
    def prefilled(cls, data, *, veranstaltung):
        form = cls(veranstaltung=veranstaltung)
        for name, field in form.fields.items():
            if name != "gestartet":
                form.initial[name] = field.widget.value_from_datadict(data, {}, name)
        return form
