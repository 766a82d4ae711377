from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from inhalte.fields import FormatierterTextField
from inhalte.models import BildMixin, OeffentlicherInhalt, UebersetzbarMixin, Veroeffentlichbar


class Thema(UebersetzbarMixin, BildMixin, Veroeffentlichbar):
    titel = models.CharField(_("Titel"), max_length=120)
    slug = models.SlugField(
        _("Adresse (Kurzname)"),
        max_length=120,
        unique=True,
        help_text=_("Teil der Internetadresse, z. B. „fest-der-kulturen“. Wird aus dem Titel vorgeschlagen."),
    )
    kurztext = models.CharField(
        _("Kurzbeschreibung"),
        max_length=300,
        help_text=_("Ein bis zwei Sätze für Übersichten und die Startseite."),
    )
    punkte = FormatierterTextField(
        _("Punkte"),
        blank=True,
        ueberschriften=(),
        help_text=_("Die wichtigsten Punkte des Themas, am besten als Aufzählung."),
    )
    beschreibung = FormatierterTextField(
        _("Weitere Beschreibung"),
        blank=True,
        help_text=_("Optional. Mit Zwischenüberschriften, Listen und Links."),
    )
    reihenfolge = models.PositiveSmallIntegerField(
        _("Reihenfolge"), default=0, help_text=_("Kleinere Zahlen stehen weiter oben.")
    )

    class Meta:
        verbose_name = _("Thema")
        verbose_name_plural = _("Themen")
        ordering = ["reihenfolge", "titel"]

    def __str__(self):
        return self.titel

    def get_absolute_url(self):
        return reverse("themen:detail", kwargs={"slug": self.slug})


class Jahresrueckblick(UebersetzbarMixin, Veroeffentlichbar):
    """The council's review of one year: which topics it worked on.

    The year's events come from the calendar itself, so the review never
    repeats what the event pages already hold.
    """

    jahr = models.PositiveSmallIntegerField(_("Jahr"), unique=True)
    titel = models.CharField(_("Titel"), max_length=200)
    einleitung = FormatierterTextField(_("Einleitung"), blank=True)
    themen = models.ManyToManyField(
        Thema,
        through="RueckblickThema",
        verbose_name=_("Themen des Jahres"),
        related_name="rueckblicke",
    )
    # Off by default: staff decide per year whether the number is worth telling (it comes from kennzahlen).
    anfragen_zahl_zeigen = models.BooleanField(
        _("Zahl der beantworteten Anfragen zeigen"),
        default=False,
        help_text=_(
            "Zeigt einen Satz wie „Im Jahr 2024 haben wir 123 Anfragen beantwortet.“: die Anfragen, die in "
            "diesem Jahr eingegangen sind und beantwortet wurden, ohne Barriere-Meldungen und ohne persönliche Daten."
        ),
    )

    class Meta:
        verbose_name = _("Jahresrückblick")
        verbose_name_plural = _("Jahresrückblicke")
        ordering = ["-jahr"]

    def __str__(self):
        return self.titel

    def get_absolute_url(self):
        return reverse("themen:rueckblick", kwargs={"jahr": self.jahr})


class RueckblickThema(OeffentlicherInhalt):
    rueckblick = models.ForeignKey(Jahresrueckblick, on_delete=models.CASCADE, verbose_name=_("Jahresrückblick"))
    thema = models.ForeignKey(Thema, on_delete=models.CASCADE, verbose_name=_("Thema"))
    reihenfolge = models.PositiveSmallIntegerField(_("Reihenfolge"), default=0)

    class Meta:
        verbose_name = _("Thema im Rückblick")
        verbose_name_plural = _("Themen im Rückblick")
        ordering = ["reihenfolge", "pk"]
        constraints = [models.UniqueConstraint(fields=["rueckblick", "thema"], name="rueckblick_thema_unique")]

    def __str__(self):
        return f"{self.rueckblick.jahr}: {self.thema}"
