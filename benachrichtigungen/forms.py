from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from anfragen.forms import mail_language_field, required_email_field
from anfragen.spam import BotTrapMixin
from benachrichtigungen.models import Anmeldung
from themen.models import Thema

ARTEN = [("termine", _("Neue Termine (auch öffentliche Sitzungen)")), ("meldungen", _("Neue Meldungen"))]


class AnmeldungForm(BotTrapMixin, forms.Form):
    """Sign up for e-mail alerts: an address, what about, in which language, and consent. No account needed."""

    email = required_email_field(max_length=Anmeldung._meta.get_field("email").max_length)
    arten = forms.MultipleChoiceField(
        label=_("Worüber möchten Sie eine E-Mail bekommen?"),
        choices=ARTEN,
        initial=[wert for wert, _label in ARTEN],
        widget=forms.CheckboxSelectMultiple,
        error_messages={
            "required": _("Bitte wählen Sie Termine, Meldungen oder beides."),
            "invalid_choice": _("Bitte wählen Sie Termine, Meldungen oder beides."),
        },
    )
    alle_themen = forms.BooleanField(
        label=_("Alle Themen, auch neue"),
        required=False,
        initial=True,
        help_text=_("Termine und Meldungen ohne Thema bekommen Sie nur mit dieser Auswahl."),
    )
    themen = forms.ModelMultipleChoiceField(
        label=_("Oder nur zu diesen Themen:"),
        queryset=Thema.objects.none(),  # the published ones, set per form
        required=False,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"invalid_choice": _("Bitte wählen Sie Themen aus der Liste.")},
    )
    sprache = mail_language_field()
    einwilligung = forms.BooleanField(
        required=True,
        error_messages={"required": _("Bitte stimmen Sie zu, damit wir Ihnen E-Mails senden dürfen.")},
    )

    # Groups of checkboxes: the error summary links to their first box (BotTrapMixin.fehler).
    GRUPPEN = ("arten", "themen")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["themen"].queryset = Thema.objects.published()
        self.layout_with_traps(
            "email",
            "arten",
            "alle_themen",
            "themen",
            "sprache",
            einwilligung=_(
                "Ich bin einverstanden, dass der Integrationsrat meine E-Mail-Adresse und meine Auswahl speichert, "
                "um mir diese E-Mails zu senden. Abmelden geht jederzeit mit einem Klick. Mehr dazu in der"
            ),
        )

    def clean(self):
        cleaned = super().clean()  # BotTrapMixin checks the traps
        if not cleaned.get("alle_themen") and not cleaned.get("themen") and "themen" not in self.errors:
            self.add_error(
                "themen",
                ValidationError(_("Bitte wählen Sie „Alle Themen“ oder mindestens ein Thema."), code="no_topic"),
            )
        return cleaned
