from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from inhalte.models import BildMixin, OeffentlicherInhalt, UebersetzbarMixin, Veroeffentlichbar
from inhalte.text import split_lines


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
    punkte = models.TextField(
        _("Punkte"),
        blank=True,
        help_text=_("Die wichtigsten Punkte des Themas, einer pro Zeile. Sie erscheinen als Liste."),
    )
    beschreibung = models.TextField(
        _("Weitere Beschreibung"),
        blank=True,
        help_text=_("Optional. Absätze durch eine Leerzeile trennen."),
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

    @property
    def punkte_liste(self) -> list[str]:
        return split_lines(self.punkte)


class Jahresrueckblick(UebersetzbarMixin, Veroeffentlichbar):
    """The council's review of one year: which topics it worked on.

    The year's events come from the calendar itself, so the review never
    repeats what the event pages already hold.
    """

    jahr = models.PositiveSmallIntegerField(_("Jahr"), unique=True)
    titel = models.CharField(_("Titel"), max_length=200)
    einleitung = models.TextField(_("Einleitung"), blank=True, help_text=_("Absätze durch eine Leerzeile trennen."))
    themen = models.ManyToManyField(
        Thema,
        through="RueckblickThema",
        verbose_name=_("Themen des Jahres"),
        related_name="rueckblicke",
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
