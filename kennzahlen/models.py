from django.db import models
from django.utils.translation import gettext_lazy as _

from anfragen.models import Anfrage, Sprache, Themenbereich


class AnfragekennzahlQuerySet(models.QuerySet):
    def in_year(self, jahr: int):
        return self.filter(monat__year=jahr)

    def answered(self):
        return self.filter(erste_antwort_nach__isnull=False)

    def requests(self):
        """Requests for advice only, without barrier reports."""
        return self.filter(art=Anfrage.Art.ANFRAGE)

    def years(self) -> list[int]:
        """The years with records, newest first."""
        return sorted({monat.year for monat in self.dates("monat", "year")}, reverse=True)


class Anfragekennzahl(models.Model):
    """One request as the yearly figures count it: when it came, about what, in which language, how soon answered.

    Requests are deleted some time after they are closed (`purge_requests`), so a
    past year's figures cannot be counted from them. This record stays instead,
    and holds nothing that identifies the request or its sender: no name,
    contact, message or reference number, and no link back to the request (the
    signals in kennzahlen/signals.py find its record by these values alone;
    records with the same values cannot be told apart, and need not be).
    """

    monat = models.DateField(_("Monat des Eingangs"), help_text=_("Der Erste des Monats, in dem die Anfrage einging."))
    themenbereich = models.ForeignKey(
        Themenbereich,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("Themenbereich"),
    )
    # Copied, so that the figures still name the topic once it is deleted (after its requests).
    themenbereich_name = models.CharField(_("Name des Themenbereichs"), max_length=80)
    sprache = models.CharField(_("Sprache für die Antwort"), max_length=10, choices=Sprache.choices)
    art = models.CharField(_("Art"), max_length=20, choices=Anfrage.Art.choices, default=Anfrage.Art.ANFRAGE)
    erste_antwort_nach = models.DurationField(
        _("erste Antwort nach"),
        null=True,
        blank=True,
        help_text=_("Zeit vom Eingang bis zur ersten Antwort (E-Mail oder notierter Anruf); leer: noch keine."),
    )
    # Worked out when the answer is recorded, as only then both days are known (the record keeps no dates).
    erste_antwort_arbeitstage = models.PositiveSmallIntegerField(
        _("erste Antwort nach Arbeitstagen"),
        null=True,
        blank=True,
        help_text=_(
            "Arbeitstage nach dem Tag des Eingangs bis zum Tag der ersten Antwort, ohne Wochenenden und "
            "Feiertage in NRW; 0: am selben Tag oder vor dem nächsten Arbeitstag beantwortet."
        ),
    )

    objects = AnfragekennzahlQuerySet.as_manager()

    class Meta:
        verbose_name = _("Kennzahl einer Anfrage")
        verbose_name_plural = _("Kennzahlen der Anfragen")
        ordering = ["monat", "pk"]
        indexes = [models.Index(fields=["monat"], name="kennzahl_monat")]

    def __str__(self):
        return f"{self.monat:%m/%Y} – {self.themenbereich_name}"
