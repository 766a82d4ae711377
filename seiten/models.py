import datetime

from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from inhalte.models import (
    OeffentlicherInhalt,
    UebersetzbarMixin,
    Veroeffentlichbar,
    VeroeffentlichbarQuerySet,
    veroeffentlicht_field,
)
from inhalte.text import split_lines


class SeiteQuerySet(VeroeffentlichbarQuerySet):
    def by_key(self, schluessel: str):
        """The fixed page with this key (there is one at most), with its sections."""
        return self.filter(schluessel=schluessel).prefetch_related("abschnitte")

    def datenschutz_stand(self) -> datetime.datetime | None:
        """When the privacy statement last changed: the version an advice seeker consents to."""
        return self.filter(schluessel=Seite.Schluessel.DATENSCHUTZ).values_list("geaendert_am", flat=True).first()


class Seite(UebersetzbarMixin, Veroeffentlichbar):
    """A fixed page of the site (about us, legal notice, privacy, accessibility).

    The set of pages is fixed by the URLs; staff edit their text in sections,
    never HTML, so nothing they type can break the layout.
    """

    class Schluessel(models.TextChoices):
        UEBER_UNS = "ueber-uns", _("Über uns")
        IMPRESSUM = "impressum", _("Impressum")
        DATENSCHUTZ = "datenschutz", _("Datenschutz")
        BARRIEREFREIHEIT = "barrierefreiheit", _("Barrierefreiheit")
        UEBER_UNS_LS = "ueber-uns-leichte-sprache", _("Über uns in Leichter Sprache")
        ANFRAGE_LS = "anfrage-leichte-sprache", _("Anfrage in Leichter Sprache (Text über dem Formular)")

    schluessel = models.CharField(_("Seite"), max_length=30, choices=Schluessel.choices, unique=True)
    titel = models.CharField(_("Überschrift"), max_length=150)
    einleitung = models.TextField(_("Einleitung"), blank=True, help_text=_("Absätze durch eine Leerzeile trennen."))
    # Unlike other content, the fixed pages (legal notice, privacy) are online from the start.
    veroeffentlicht = veroeffentlicht_field(default=True)

    objects = SeiteQuerySet.as_manager()

    class Meta:
        verbose_name = _("Seite")
        verbose_name_plural = _("Seiten")
        ordering = ["schluessel"]

    def __str__(self):
        return self.titel

    def get_absolute_url(self):
        if self.schluessel == self.Schluessel.ANFRAGE_LS:
            return reverse("anfragen:leichte_sprache")
        return reverse(f"seiten:{self.schluessel}")

    @property
    def ist_barrierefreiheitserklaerung(self) -> bool:
        """The accessibility statement offers a way to report a barrier."""
        return self.schluessel == self.Schluessel.BARRIEREFREIHEIT


class Abschnitt(UebersetzbarMixin, OeffentlicherInhalt):
    class Darstellung(models.TextChoices):
        ABSAETZE = "absaetze", _("Absätze")
        LISTE = "liste", _("Aufzählung (eine Zeile je Punkt)")
        NUMMERIERT = "nummeriert", _("Nummerierte Liste (eine Zeile je Punkt)")

    seite = models.ForeignKey(Seite, on_delete=models.CASCADE, related_name="abschnitte", verbose_name=_("Seite"))
    ueberschrift = models.CharField(_("Zwischenüberschrift"), max_length=150, blank=True)
    text = models.TextField(_("Text"))
    darstellung = models.CharField(
        _("Darstellung"), max_length=20, choices=Darstellung.choices, default=Darstellung.ABSAETZE
    )
    reihenfolge = models.PositiveSmallIntegerField(_("Reihenfolge"), default=0)

    class Meta:
        verbose_name = _("Abschnitt")
        verbose_name_plural = _("Abschnitte")
        ordering = ["reihenfolge", "pk"]

    def __str__(self):
        return self.ueberschrift or f"{self.seite}: {self.reihenfolge}"

    @property
    def zeilen(self) -> list[str]:
        return split_lines(self.text)

    @property
    def aufzaehlung(self) -> bool:
        return self.darstellung == self.Darstellung.LISTE

    @property
    def nummeriert(self) -> bool:
        return self.darstellung == self.Darstellung.NUMMERIERT
