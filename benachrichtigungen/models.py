"""E-mail alerts about new events and news, with double opt-in.

An address is first an `Anmeldung` (signed up, not yet confirmed: nothing is
sent to it but the confirmation mail, and it is deleted after
BESTAETIGUNG_TAGE days). Confirming turns it into an `Abonnement`, the only
kind of address that gets alerts. An item that appears is an `Ankuendigung`
(at most one per item), and each alert mail a `Zustellung` (at most one per
item and address): nothing is announced twice.
"""

import datetime
import secrets

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.db.models.functions import Lower
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

# How long a confirmation link is valid, and how long an unconfirmed address is kept.
BESTAETIGUNG_TAGE = 7


def new_token() -> str:
    return secrets.token_urlsafe(32)


class Auswahl(models.Model):
    """What a person asked for: which kinds of items, which topics, which language, and their consent."""

    email = models.EmailField(_("E-Mail-Adresse"))
    termine = models.BooleanField(_("neue Termine"), default=True)
    meldungen = models.BooleanField(_("neue Meldungen"), default=True)
    alle_themen = models.BooleanField(
        _("alle Themen"), default=True, help_text=_("Auch Termine und Meldungen ohne Thema und zu neuen Themen.")
    )
    sprache = models.CharField(_("Sprache der E-Mails"), max_length=10, choices=settings.LANGUAGES)
    # The link in the mails (confirm, unsubscribe): whoever has it controls this address's alerts.
    token = models.CharField(max_length=64, unique=True, default=new_token, editable=False)
    erstellt_am = models.DateTimeField(_("angelegt am"), auto_now_add=True)
    einwilligung_am = models.DateTimeField(_("Einwilligung am"))
    datenschutz_stand = models.DateTimeField(
        _("Stand der Datenschutzerklärung"),
        null=True,
        blank=True,
        help_text=_("Die Fassung der Datenschutzerklärung, in die eingewilligt wurde (ihr Änderungsdatum)."),
    )

    class Meta:
        abstract = True

    def __str__(self):
        return self.email

    @property
    def arten_text(self) -> str:
        """What kinds of items, as one phrase for the pages and mails."""
        if self.termine and self.meldungen:
            return _("neue Termine und Meldungen")
        return _("neue Termine") if self.termine else _("neue Meldungen")

    @property
    def themen_text(self) -> str:
        return _("alle Themen") if self.alle_themen else ", ".join(str(thema) for thema in self.themen.all())


class AdresseQuerySet(models.QuerySet):
    def of_address(self, email: str):
        """One address however it is written (case, spaces): a person has one sign-up and one subscription."""
        return self.filter(email__iexact=email.strip())


class AnmeldungQuerySet(AdresseQuerySet):
    def expired(self, now: datetime.datetime | None = None):
        """Asked for more than BESTAETIGUNG_TAGE days ago: the link no longer works, the address must go."""
        return self.filter(angefragt_am__lt=(now or timezone.now()) - datetime.timedelta(days=BESTAETIGUNG_TAGE))

    def unmailed(self, *, since: datetime.datetime):
        """Still waiting for their confirmation mail, asked for before `since` and not expired (a failing server)."""
        return self.filter(mail_gesendet_am__isnull=True, angefragt_am__lt=since).exclude(pk__in=self.expired())


class Anmeldung(Auswahl):
    """A sign-up waiting for its confirmation. Replaced by a new sign-up of the same address."""

    themen = models.ManyToManyField("themen.Thema", blank=True, related_name="+", verbose_name=_("Themen"))
    # When the confirmation was last asked for: the link expires BESTAETIGUNG_TAGE days later.
    angefragt_am = models.DateTimeField(_("angefragt am"), default=timezone.now)
    mail_gesendet_am = models.DateTimeField(_("Bestätigungsmail gesendet am"), null=True, blank=True)

    objects = AnmeldungQuerySet.as_manager()

    class Meta:
        verbose_name = _("unbestätigte Anmeldung")
        verbose_name_plural = _("unbestätigte Anmeldungen")
        ordering = ["-angefragt_am"]
        constraints = [models.UniqueConstraint(Lower("email"), name="anmeldung_email_einmal")]

    @property
    def abgelaufen(self) -> bool:
        return self.angefragt_am < timezone.now() - datetime.timedelta(days=BESTAETIGUNG_TAGE)

    @property
    def gueltig_bis(self) -> datetime.datetime:
        return self.angefragt_am + datetime.timedelta(days=BESTAETIGUNG_TAGE)

    def get_confirm_url(self) -> str:
        return reverse("benachrichtigungen:bestaetigen", kwargs={"token": self.token})


class AbonnementQuerySet(AdresseQuerySet):
    def interested_in(self, *, art: str, themen_ids: set[int]):
        """Who wants this item: its kind (`termine` or `meldungen`), and all topics or one of its topics.

        An item without a topic goes to those who chose all topics only.
        """
        return self.filter(Q(alle_themen=True) | Q(themen__in=themen_ids), **{art: True}).distinct()


class Abonnement(Auswahl):
    """A confirmed address: it gets an alert for each new item it asked for."""

    themen = models.ManyToManyField("themen.Thema", blank=True, related_name="+", verbose_name=_("Themen"))
    bestaetigt_am = models.DateTimeField(_("bestätigt am"))

    objects = AbonnementQuerySet.as_manager()

    class Meta:
        verbose_name = _("Abonnement")
        verbose_name_plural = _("Abonnements")
        ordering = ["-bestaetigt_am"]
        constraints = [models.UniqueConstraint(Lower("email"), name="abonnement_email_einmal")]

    def get_unsubscribe_url(self) -> str:
        return reverse("benachrichtigungen:abmelden", kwargs={"token": self.token})


class Ankuendigung(models.Model):
    """An event or a news item that was announced, or deliberately not (it appeared before the alerts existed).

    One row per item (unique): whatever happens to the item later (saved again,
    taken down and published again), it is never announced a second time.
    """

    veranstaltung = models.OneToOneField(
        "veranstaltungen.Veranstaltung",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="ankuendigung",
        verbose_name=_("Termin"),
    )
    meldung = models.OneToOneField(
        "aktuelles.Meldung",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="ankuendigung",
        verbose_name=_("Meldung"),
    )
    erstellt_am = models.DateTimeField(_("angekündigt am"), auto_now_add=True)
    ohne_versand = models.BooleanField(
        _("ohne Versand"), default=False, help_text=_("Schon vor den Benachrichtigungen veröffentlicht.")
    )

    class Meta:
        verbose_name = _("Ankündigung")
        verbose_name_plural = _("Ankündigungen")
        ordering = ["-erstellt_am"]
        constraints = [
            models.CheckConstraint(
                condition=Q(veranstaltung__isnull=False, meldung__isnull=True)
                | Q(veranstaltung__isnull=True, meldung__isnull=False),
                name="ankuendigung_genau_ein_inhalt",
            )
        ]

    def __str__(self):
        return str(self.inhalt)

    @property
    def inhalt(self):
        """The announced item: an event (a meeting, too) or a news item."""
        return self.veranstaltung or self.meldung


# Refused by the mail server this often (the address, not the server, is the problem): no more tries.
MAX_ABLEHNUNGEN = 5


class ZustellungQuerySet(models.QuerySet):
    def pending(self):
        """Not sent yet, and the address not refused too often: what the next run sends, oldest first."""
        return self.filter(gesendet_am__isnull=True, ablehnungen__lt=MAX_ABLEHNUNGEN).order_by("ablehnungen", "pk")

    def waiting_since(self, moment: datetime.datetime):
        """Announced before `moment` (and, after pending(), still not sent)."""
        return self.filter(ankuendigung__erstellt_am__lt=moment)


class Zustellung(models.Model):
    """One alert mail: an announced item to one confirmed address."""

    ankuendigung = models.ForeignKey(
        Ankuendigung, on_delete=models.CASCADE, related_name="zustellungen", verbose_name=_("Ankündigung")
    )
    abonnement = models.ForeignKey(
        Abonnement, on_delete=models.CASCADE, related_name="zustellungen", verbose_name=_("Abonnement")
    )
    gesendet_am = models.DateTimeField(_("gesendet am"), null=True, blank=True)
    ablehnungen = models.PositiveSmallIntegerField(_("vom Mailserver abgelehnt"), default=0)

    objects = ZustellungQuerySet.as_manager()

    class Meta:
        verbose_name = _("Zustellung")
        verbose_name_plural = _("Zustellungen")
        ordering = ["pk"]
        constraints = [
            models.UniqueConstraint(fields=["ankuendigung", "abonnement"], name="zustellung_einmal_je_adresse")
        ]
        indexes = [models.Index(fields=["gesendet_am", "ablehnungen"], name="zustellung_offen")]

    def __str__(self):
        # Shown to staff who may delete the item (its delete page lists what goes with it): never the address.
        return f"{self.ankuendigung} → #{self.abonnement_id}"
