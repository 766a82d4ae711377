from crispy_forms.layout import HTML, Fieldset
from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import FileExtensionValidator
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from anfragen.forms import clean_phone
from anfragen.spam import BotTrapMixin
from inhalte.images import ALLOWED_IMAGE_EXTENSIONS, validate_image_file
from organisationen import facts
from organisationen.models import Angebot, Organisation, Sprache


def _max(field: str) -> int:
    return Organisation._meta.get_field(field).max_length


class OrganisationFilterForm(forms.Form):
    """The directory's filter: a GET form with two selects, so it works without JavaScript.

    Its choices are the languages and offers of published entries: a choice
    never leads to an empty list. A value that is not among them (an old
    link, junk) makes the form invalid; the list then shows every entry and
    says why (OrganisationListView).
    """

    sprache = forms.ChoiceField(label=_("Sprache"), required=False, widget=forms.Select(attrs={"class": "form-select"}))
    angebot = forms.ChoiceField(label=_("Angebot"), required=False, widget=forms.Select(attrs={"class": "form-select"}))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["sprache"].choices = [("", _("Alle Sprachen")), *facts.sprachen_choices()]
        self.fields["angebot"].choices = [("", _("Alle Angebote")), *facts.angebote_choices()]


class VorschlagForm(BotTrapMixin, forms.Form):
    """An organisation proposes its entry: what is published, and (not published) whom staff may ask."""

    name = forms.CharField(
        label=_("Name der Organisation"),
        max_length=_max("name"),
        widget=forms.TextInput(attrs={"autocomplete": "organization"}),
        error_messages={"required": _("Bitte geben Sie den Namen der Organisation an.")},
    )
    kurzbeschreibung = forms.CharField(
        label=_("Kurzbeschreibung"),
        max_length=_max("kurzbeschreibung"),
        help_text=_("Zwei bis vier Sätze: Wer sind Sie, was machen Sie? Gerne in einfacher Sprache."),
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={"required": _("Bitte beschreiben Sie die Organisation in ein paar Sätzen.")},
    )
    sprachen = forms.ModelMultipleChoiceField(
        label=_("In welchen Sprachen kann man mit Ihnen sprechen?"),
        queryset=Sprache.objects.all(),
        widget=forms.CheckboxSelectMultiple,
        error_messages={
            "required": _("Bitte wählen Sie mindestens eine Sprache."),
            "invalid_choice": _("Bitte wählen Sie Sprachen aus der Liste."),
            "invalid_pk_value": _("Bitte wählen Sie Sprachen aus der Liste."),
        },
    )
    angebote = forms.ModelMultipleChoiceField(
        label=_("Was bieten Sie an?"),
        queryset=Angebot.objects.all(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        error_messages={
            "invalid_choice": _("Bitte wählen Sie Angebote aus der Liste."),
            "invalid_pk_value": _("Bitte wählen Sie Angebote aus der Liste."),
        },
    )
    treffpunkt = forms.CharField(
        label=_("Wo treffen Sie sich? (freiwillig)"),
        max_length=_max("treffpunkt"),
        required=False,
        help_text=_("Zum Beispiel Straße und Hausnummer in Beckum."),
    )
    treffzeiten = forms.CharField(
        label=_("Wann treffen Sie sich? (freiwillig)"),
        max_length=_max("treffzeiten"),
        required=False,
        help_text=_("Zum Beispiel: Jeden Freitag, 17 bis 19 Uhr."),
    )
    # Not "website": that is the honeypot's name (anfragen.spam.BotTrapMixin).
    internetseite = forms.URLField(
        label=_("Internetseite (freiwillig)"),
        required=False,
        assume_scheme="https",
        widget=forms.URLInput(attrs={"autocomplete": "url", "dir": "ltr"}),
        error_messages={"invalid": _("Bitte geben Sie eine vollständige Adresse an, z. B. https://example.org.")},
    )
    kontakt_name = forms.CharField(
        label=_("Öffentlicher Kontakt: Name (freiwillig)"),
        max_length=_max("kontakt_name"),
        required=False,
    )
    kontakt_email = forms.EmailField(
        label=_("Öffentlicher Kontakt: E-Mail (freiwillig)"),
        required=False,
        max_length=_max("kontakt_email"),
        widget=forms.EmailInput(attrs={"dir": "ltr"}),
        error_messages={"invalid": _("Bitte geben Sie eine gültige E-Mail-Adresse an, z. B. name@example.org.")},
    )
    kontakt_telefon = forms.CharField(
        label=_("Öffentlicher Kontakt: Telefon (freiwillig)"),
        max_length=_max("kontakt_telefon"),
        required=False,
        widget=forms.TextInput(attrs={"type": "tel", "inputmode": "tel", "dir": "ltr"}),
    )
    logo = forms.ImageField(
        label=_("Logo (freiwillig)"),
        required=False,
        validators=[FileExtensionValidator(ALLOWED_IMAGE_EXTENSIONS), validate_image_file],
        help_text=_("JPEG, PNG oder WebP, höchstens 5 MB. Nur ein Logo, an dem Sie die Rechte haben."),
        error_messages={"invalid_image": _("Die Datei ist kein lesbares Bild.")},
    )
    logo_alt = forms.CharField(
        label=_("Was zeigt das Logo? (Pflicht bei einem Logo)"),
        max_length=Organisation._meta.get_field("bild_alt").max_length,
        required=False,
        help_text=_(
            "Ein kurzer Satz für Menschen, die das Bild nicht sehen, z. B. „Logo: eine Sonne über zwei Händen“."
        ),
    )
    veroeffentlichen = forms.BooleanField(
        label=_(
            "Die Organisation ist einverstanden, dass alle Angaben oben – auch der öffentliche Kontakt – "
            "im Verzeichnis auf dieser Website veröffentlicht werden."
        ),
        error_messages={"required": _("Bitte bestätigen Sie, dass wir die Angaben veröffentlichen dürfen.")},
    )
    ansprechperson_name = forms.CharField(
        label=_("Ihr Name"),
        max_length=_max("ansprechperson_name"),
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
        error_messages={"required": _("Bitte geben Sie Ihren Namen an.")},
    )
    ansprechperson_email = forms.EmailField(
        label=_("Ihre E-Mail-Adresse"),
        max_length=_max("ansprechperson_email"),
        widget=forms.EmailInput(attrs={"autocomplete": "email", "dir": "ltr"}),
        error_messages={
            "required": _("Bitte geben Sie Ihre E-Mail-Adresse an."),
            "invalid": _("Bitte geben Sie eine gültige E-Mail-Adresse an, z. B. name@example.org."),
        },
    )
    einwilligung = forms.BooleanField(
        required=True,
        error_messages={"required": _("Bitte stimmen Sie der Verarbeitung Ihrer Angaben zu.")},
    )

    # Groups of checkboxes: the error summary links to their first box (BotTrapMixin.fehler).
    GRUPPEN = ("sprachen", "angebote")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.layout_with_traps(
            Fieldset(
                _("Was veröffentlicht wird"),
                HTML(
                    format_html(
                        '<p class="form-text">{}</p>', _("Diese Angaben stehen später öffentlich im Verzeichnis.")
                    )
                ),
                "name",
                "kurzbeschreibung",
                "sprachen",
                "angebote",
                "treffpunkt",
                "treffzeiten",
                "internetseite",
                "kontakt_name",
                "kontakt_email",
                "kontakt_telefon",
                "logo",
                "logo_alt",
                "veroeffentlichen",
                css_class="form-teil",
            ),
            Fieldset(
                _("Für Rückfragen – wird nicht veröffentlicht"),
                HTML(
                    format_html(
                        '<p class="form-text">{}</p>',
                        _(
                            "Nur der Integrationsrat sieht diese Angaben. Wir fragen Sie damit einmal im Jahr, "
                            "ob der Eintrag noch stimmt."
                        ),
                    )
                ),
                "ansprechperson_name",
                "ansprechperson_email",
                css_class="form-teil",
            ),
            einwilligung=_(
                "Ich bin einverstanden, dass der Integrationsrat meinen Namen und meine E-Mail-Adresse speichert, "
                "um den Eintrag zu prüfen und einmal im Jahr nachzufragen, ob er noch stimmt. Mehr dazu in der"
            ),
        )

    def clean_kontakt_telefon(self):
        return clean_phone(self.cleaned_data["kontakt_telefon"])

    def clean(self):
        cleaned = super().clean()  # BotTrapMixin checks the traps
        if cleaned.get("logo") and not (cleaned.get("logo_alt") or "").strip():
            self.add_error(
                "logo_alt",
                ValidationError(_("Bitte beschreiben Sie kurz, was das Logo zeigt."), code="alt_text_required"),
            )
        return cleaned
