from django.db import models
from django.utils.translation import gettext_lazy as _

from integrationsrat.models import UebersetzbarMixin


class Themenbereich(UebersetzbarMixin, models.Model):
    """What a request is about, as the advice seeker picks it in the form."""

    name = models.CharField(_("Name"), max_length=80)
    reihenfolge = models.PositiveSmallIntegerField(_("Reihenfolge"), default=0)
    aktiv = models.BooleanField(_("im Formular anbieten"), default=True)

    class Meta:
        verbose_name = _("Themenbereich")
        verbose_name_plural = _("Themenbereiche")
        ordering = ["reihenfolge", "name"]

    def __str__(self):
        return self.name


class Sprache(models.TextChoices):
    # Each language's own name, so a visitor recognises theirs.
    DEUTSCH = "de", "Deutsch"
    ENGLISCH = "en", "English"
    TUERKISCH = "tr", "Türkçe"
    ARABISCH = "ar", "العربية"
    UKRAINISCH = "uk", "Українська"
    RUSSISCH = "ru", "Русский"
    ANDERE = "andere", _("Andere Sprache")


class AnfrageQuerySet(models.QuerySet):
    def offen(self):
        return self.exclude(status=Anfrage.Status.ERLEDIGT)


class Anfrage(models.Model):
    class Status(models.TextChoices):
        NEU = "neu", _("neu")
        IN_BEARBEITUNG = "in_bearbeitung", _("in Bearbeitung")
        ERLEDIGT = "erledigt", _("erledigt")

    referenz = models.CharField(_("Referenznummer"), max_length=20, unique=True, editable=False)
    jahr = models.PositiveSmallIntegerField(_("Jahr"), editable=False)
    laufende_nummer = models.PositiveIntegerField(_("laufende Nummer"), editable=False)

    name = models.CharField(_("Name"), max_length=100, blank=True)
    email = models.EmailField(_("E-Mail"), max_length=254, blank=True)
    telefon = models.CharField(_("Telefon"), max_length=40, blank=True)
    themenbereich = models.ForeignKey(
        Themenbereich, on_delete=models.PROTECT, verbose_name=_("Themenbereich"), related_name="anfragen"
    )
    nachricht = models.TextField(_("Nachricht"), max_length=5000)
    sprache = models.CharField(
        _("Sprache für die Antwort"), max_length=10, choices=Sprache.choices, default=Sprache.DEUTSCH
    )
    einwilligung_am = models.DateTimeField(_("Einwilligung Datenschutz am"), editable=False)

    status = models.CharField(_("Status"), max_length=20, choices=Status.choices, default=Status.NEU)
    eingegangen_am = models.DateTimeField(_("eingegangen am"), auto_now_add=True)
    geaendert_am = models.DateTimeField(_("geändert am"), auto_now=True)

    objects = AnfrageQuerySet.as_manager()

    class Meta:
        verbose_name = _("Anfrage")
        verbose_name_plural = _("Anfragen")
        ordering = ["-eingegangen_am"]
        constraints = [
            models.UniqueConstraint(fields=["jahr", "laufende_nummer"], name="anfrage_nummer_pro_jahr"),
            models.CheckConstraint(
                condition=~models.Q(email="", telefon=""),
                name="anfrage_braucht_kontakt",
                violation_error_message=_("Eine Anfrage braucht eine E-Mail-Adresse oder Telefonnummer."),
            ),
        ]
        indexes = [models.Index(fields=["status", "-eingegangen_am"], name="anfrage_status_eingang")]

    def __str__(self):
        return self.referenz


class Referenzzaehler(models.Model):
    """The last reference number given out per year.

    Incremented with a single UPDATE inside the request's transaction, so two
    requests arriving at once can never get the same number.
    """

    jahr = models.PositiveSmallIntegerField(primary_key=True)
    letzte_nummer = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = _("Referenzzähler")
        verbose_name_plural = _("Referenzzähler")
        ordering = ["-jahr"]

    def __str__(self):
        return f"{self.jahr}: {self.letzte_nummer}"
