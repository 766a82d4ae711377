import datetime

from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from inhalte.fields import FormatierterTextField
from inhalte.models import (
    OeffentlicherInhalt,
    UebersetzbarMixin,
    Veroeffentlichbar,
    VeroeffentlichbarQuerySet,
    veroeffentlicht_field,
)


class SeiteQuerySet(VeroeffentlichbarQuerySet):
    def by_key(self, schluessel: str):
        """The fixed page with this key (there is one at most), with its sections."""
        return self.filter(schluessel=schluessel).prefetch_related("abschnitte")

    def datenschutz_stand(self) -> datetime.datetime | None:
        """When the privacy statement last changed: the version an advice seeker consents to."""
        return self.filter(schluessel=Seite.Schluessel.DATENSCHUTZ).values_list("geaendert_am", flat=True).first()


class Seite(UebersetzbarMixin, Veroeffentlichbar):
    """A fixed page of the site (about us, legal notice, privacy, accessibility).

    The set of pages is fixed by the URLs; staff edit their text in sections
    with the formatting editor (inhalte.fields), cleaned on every save.
    """

    class Schluessel(models.TextChoices):
        UEBER_UNS = "ueber-uns", _("Über uns")
        IMPRESSUM = "impressum", _("Impressum")
        DATENSCHUTZ = "datenschutz", _("Datenschutz")
        BARRIEREFREIHEIT = "barrierefreiheit", _("Barrierefreiheit")
        UEBER_UNS_LS = "ueber-uns-leichte-sprache", _("Über uns in Leichter Sprache")
        ANFRAGE_LS = "anfrage-leichte-sprache", _("Anfrage in Leichter Sprache (Text über dem Formular)")
        SITZUNGEN_LS = "sitzungen-leichte-sprache", _("Sitzungen und Mitglieder in Leichter Sprache")

    schluessel = models.CharField(_("Seite"), max_length=30, choices=Schluessel.choices, unique=True)
    titel = models.CharField(_("Überschrift"), max_length=150)
    einleitung = FormatierterTextField(_("Einleitung"), blank=True)
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
    def ist_ueber_uns(self) -> bool:
        """The about page leads on to the members and the meetings."""
        return self.schluessel == self.Schluessel.UEBER_UNS

    @property
    def ist_datenschutzerklaerung(self) -> bool:
        """The privacy statement describes the e-mail alerts in a fixed part too (the text is staff's)."""
        return self.schluessel == self.Schluessel.DATENSCHUTZ

    @property
    def ist_barrierefreiheitserklaerung(self) -> bool:
        """The accessibility statement offers a way to report a barrier."""
        return self.schluessel == self.Schluessel.BARRIEREFREIHEIT


class Abschnitt(UebersetzbarMixin, OeffentlicherInhalt):
    seite = models.ForeignKey(Seite, on_delete=models.CASCADE, related_name="abschnitte", verbose_name=_("Seite"))
    ueberschrift = models.CharField(_("Zwischenüberschrift"), max_length=150, blank=True)
    # Below the section's own heading (h2): its text may use h3 and h4.
    text = FormatierterTextField(_("Text"), ueberschriften=(3, 4))
    reihenfolge = models.PositiveSmallIntegerField(_("Reihenfolge"), default=0)

    class Meta:
        verbose_name = _("Abschnitt")
        verbose_name_plural = _("Abschnitte")
        ordering = ["reihenfolge", "pk"]

    def __str__(self):
        return self.ueberschrift or f"{self.seite}: {self.reihenfolge}"
