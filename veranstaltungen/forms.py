from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from integrationsrat.cache import cached
from themen.models import Thema
from veranstaltungen.models import Terminreihe


def themen_choices() -> list[tuple[str, str]]:
    """(slug, title) of the published topics in the visitor's language, cached under the content version."""
    return cached(
        f"themenwahl:{get_language()}", lambda: [(thema.slug, thema.titel) for thema in Thema.objects.published()]
    )


class ThemaFilterForm(forms.Form):
    """Filter of the event list. A GET form, so it works without JavaScript.

    Unknown topics never reach it: the page cache middleware redirects them to
    the unfiltered list, which says so (see VeranstaltungListView.query_rules).
    """

    thema = forms.ChoiceField(
        label=_("Thema"),
        required=False,
        widget=forms.Select(attrs={"class": "form-select"}),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["thema"].choices = [("", _("Alle Themen")), *themen_choices()]


class VeranstaltungAdminForm(forms.ModelForm):
    """The event form of the admin, with the repetition: staff set a rule, the dates are made for them.

    On a date of a series it also asks whether a change is for this date only
    (it is then "einzeln geändert") or for it and every later date.
    """

    NUR_DIESER, FOLGENDE = "nur_dieser", "folgende"

    wiederholung = forms.ChoiceField(
        label=_("Wiederholung"),
        required=False,
        help_text=_(
            "Jeder Termin bekommt eine eigene Seite. Bei einer bestehenden Reihe beendet „wiederholt sich nicht“ "
            "die Reihe nach diesem Termin."
        ),
    )
    intervall = forms.IntegerField(
        label=_("Abstand"),
        min_value=1,
        max_value=12,
        initial=1,
        required=False,
        help_text=_("1 = jede Woche bzw. jeden Monat, 2 = jede zweite, und so weiter."),
    )
    wiederholung_bis = forms.DateField(label=_("bis einschließlich"), required=False)
    wiederholung_anzahl = forms.IntegerField(
        label=_("oder Anzahl der Termine"), min_value=1, required=False, help_text=_("Der erste Termin zählt mit.")
    )
    aenderung_fuer = forms.ChoiceField(
        label=_("Änderungen gelten für"),
        choices=[(NUR_DIESER, _("nur diesen Termin")), (FOLGENDE, _("diesen und alle folgenden Termine der Reihe"))],
        initial=NUR_DIESER,
        required=False,
        widget=forms.RadioSelect,
        help_text=_("Ein anderes Datum gilt immer nur für diesen Termin (er ist dann verschoben)."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["wiederholung"].choices = [("", _("wiederholt sich nicht")), *Terminreihe.Rhythmus.choices]
        reihe = self.instance.reihe if self.instance.pk else None
        if reihe is not None:
            self.initial.update(
                wiederholung=reihe.rhythmus,
                intervall=reihe.intervall,
                wiederholung_bis=reihe.bis,
                wiederholung_anzahl=reihe.anzahl,
            )

    @property
    def reihe(self):
        return self.instance.reihe if self.instance.pk else None

    def regel(self) -> dict | None:
        """The rule to apply after saving (keyword arguments of services.reihe_apply), or None for none."""
        daten = self.cleaned_data
        if daten.get("wiederholung"):
            return {
                "rhythmus": daten["wiederholung"],
                "intervall": daten.get("intervall") or 1,
                "bis": daten.get("wiederholung_bis"),
                "anzahl": daten.get("wiederholung_anzahl"),
            }
        if self.reihe is not None:
            # Ending the series: the rule stays, with this date (as the rule gave it) as the last.
            reihe = self.reihe
            return {
                "rhythmus": reihe.rhythmus,
                "intervall": reihe.intervall,
                "bis": self.instance.reihe_datum,
                "anzahl": None,
            }
        return None

    def regel_geaendert(self) -> bool:
        return any(
            name in self.changed_data
            for name in ("wiederholung", "intervall", "wiederholung_bis", "wiederholung_anzahl")
        )

    def fuer_folgende(self) -> bool:
        return self.reihe is not None and self.cleaned_data.get("aenderung_fuer") == self.FOLGENDE

    def clean(self):
        cleaned = super().clean()
        regel = self.regel() if not self.errors else None
        if regel is not None and (self.reihe is None or self.regel_geaendert()):
            beginnt_am = self.reihe.beginnt_am if self.reihe is not None else cleaned.get("datum")
            if beginnt_am is None:
                return cleaned
            probe = Terminreihe(beginnt_am=beginnt_am, slug="probe", **regel)
            try:
                probe.full_clean(exclude=["slug"])
            except ValidationError as error:
                felder = {"bis": "wiederholung_bis", "anzahl": "wiederholung_anzahl", "intervall": "intervall"}
                for feld, fehler in error.error_dict.items():
                    self.add_error(felder.get(feld), fehler)
        if self.fuer_folgende() and "datum" in self.changed_data:
            self.add_error(
                "aenderung_fuer",
                ValidationError(
                    _("Ein anderes Datum gilt nur für diesen Termin. Bitte wählen Sie „nur diesen Termin“."),
                    code="moved_following",
                ),
            )
        return cleaned
