"""Registrations for events, with a waiting list.

A registration (`Teilnahme`) holds a place for the person and the companions
they bring, or waits for one. Places are handed out in the order people
registered (`teilnahmen.services`, with the event's row locked), and a
cancellation moves the waiting list up in that order. Registrations are
personal data: only users with the permission "Anmeldungen einsehen" see them,
the page cache never does, and `purge_requests` deletes them
TEILNAHME_RETENTION_DAYS days after the event.
"""

import datetime
import secrets

from django.conf import settings
from django.db import models
from django.db.models import Sum
from django.db.models.functions import Coalesce
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

PERMISSION = "teilnahmen.view_personal_data"


def sees_registrations(user) -> bool:
    """Who reads the names and addresses of people registered for events: superusers and whoever was given
    the permission made for it (not the whole Redaktion). They need a second factor (zugang)."""
    return user.is_authenticated and user.is_active and user.has_perm(PERMISSION)


def new_token() -> str:
    return secrets.token_urlsafe(32)


class TeilnahmeQuerySet(models.QuerySet):
    def confirmed(self):
        return self.filter(status=Teilnahme.Status.BESTAETIGT)

    def waiting(self):
        return self.filter(status=Teilnahme.Status.WARTELISTE).order_by("angemeldet_am", "pk")

    def for_event(self, veranstaltung):
        return self.filter(veranstaltung=veranstaltung)

    def persons(self) -> int:
        """How many people these registrations are, companions included."""
        return self.aggregate(n=Coalesce(Sum(models.F("begleitpersonen") + 1), 0))["n"]

    def places_and_waiting(self) -> dict[str, int]:
        """{"belegt": people holding a place, "wartend": registrations waiting}, in one query."""
        return self.aggregate(
            belegt=Coalesce(
                Sum(models.F("begleitpersonen") + 1, filter=models.Q(status=Teilnahme.Status.BESTAETIGT)), 0
            ),
            wartend=models.Count("pk", filter=models.Q(status=Teilnahme.Status.WARTELISTE)),
        )

    def of_address(self, email: str):
        return self.filter(email__iexact=email.strip())

    def due_for_deletion(self, *, tage: int, today: datetime.date | None = None):
        """Registrations for events more than `tage` days past."""
        return self.filter(veranstaltung__datum__lt=(today or timezone.localdate()) - datetime.timedelta(days=tage))

    def unsent(self, *, before: datetime.datetime) -> dict[str, list[int]]:
        """{mail: ids of registrations made before `before` still waiting for it} (given up by the worker)."""
        alt = self.filter(angemeldet_am__lt=before)
        return {
            "bestaetigung": list(alt.filter(bestaetigung_gesendet_am__isnull=True).values_list("pk", flat=True)),
            "nachrueckung": list(
                alt.filter(nachgerueckt_am__lt=before, nachrueckung_gesendet_am__isnull=True).values_list(
                    "pk", flat=True
                )
            ),
            "absage": list(
                alt.filter(
                    veranstaltung__abgesagt=True,
                    veranstaltung__datum__gte=timezone.localdate(before),
                    absage_gesendet_am__isnull=True,
                ).values_list("pk", flat=True)
            ),
        }

    def due_for_reminder(self, *, day: datetime.date):
        """Confirmed registrations for the events on `day` that have not had their reminder yet."""
        return self.confirmed().filter(
            veranstaltung__datum=day, veranstaltung__abgesagt=False, erinnerung_gesendet_am__isnull=True
        )


class Teilnahme(models.Model):
    class Status(models.TextChoices):
        BESTAETIGT = "bestaetigt", _("Platz bestätigt")
        WARTELISTE = "warteliste", _("Warteliste")

    veranstaltung = models.ForeignKey(
        "veranstaltungen.Veranstaltung",
        on_delete=models.CASCADE,
        related_name="teilnahmen",
        verbose_name=_("Veranstaltung"),
    )
    name = models.CharField(_("Name"), max_length=150)
    email = models.EmailField(_("E-Mail-Adresse"))
    telefon = models.CharField(_("Telefon"), max_length=40, blank=True)
    begleitpersonen = models.PositiveSmallIntegerField(_("Begleitpersonen"), default=0)
    antwort = models.CharField(_("Antwort auf die Frage"), max_length=500, blank=True)
    sprache = models.CharField(_("Sprache der E-Mails"), max_length=10, choices=settings.LANGUAGES)
    status = models.CharField(_("Status"), max_length=20, choices=Status.choices)
    angemeldet_am = models.DateTimeField(_("angemeldet am"), default=timezone.now, db_index=True)
    nachgerueckt_am = models.DateTimeField(_("nachgerückt am"), null=True, blank=True)
    einwilligung_am = models.DateTimeField(_("Einwilligung am"))
    # The link in the mails (see, cancel): whoever has it controls this registration.
    token = models.CharField(max_length=64, unique=True, default=new_token, editable=False)
    # Each mail once (the row is locked while one is sent): None = still to send.
    bestaetigung_gesendet_am = models.DateTimeField(null=True, blank=True, editable=False)
    nachrueckung_gesendet_am = models.DateTimeField(null=True, blank=True, editable=False)
    erinnerung_gesendet_am = models.DateTimeField(null=True, blank=True, editable=False)
    absage_gesendet_am = models.DateTimeField(null=True, blank=True, editable=False)
    # The link mailed again after a repeated registration: the last time, to send it at most every 15 minutes.
    erneut_gesendet_am = models.DateTimeField(null=True, blank=True, editable=False)
    # The last mail about a changed date, time or place.
    aenderung_gesendet_am = models.DateTimeField(null=True, blank=True, editable=False)

    objects = TeilnahmeQuerySet.as_manager()

    class Meta:
        verbose_name = _("Anmeldung")
        verbose_name_plural = _("Anmeldungen")
        ordering = ["veranstaltung", "status", "angemeldet_am", "pk"]
        permissions = [(PERMISSION.split(".")[1], _("Anmeldungen mit Namen und Kontakt einsehen und exportieren"))]
        indexes = [models.Index(fields=["veranstaltung", "status", "angemeldet_am"], name="teilnahme_reihenfolge")]

    def __str__(self):
        return f"{self.veranstaltung} – {self.get_status_display()}"

    def get_absolute_url(self):
        """The registration's own page (behind the link in the mails): see it, cancel it."""
        return reverse("teilnahmen:teilnahme", kwargs={"token": self.token})

    @property
    def personen(self) -> int:
        return 1 + self.begleitpersonen

    @property
    def bestaetigt(self) -> bool:
        return self.status == self.Status.BESTAETIGT

    def wartelistenplatz(self) -> int | None:
        """1 for the first on the waiting list; None with a place."""
        if self.bestaetigt:
            return None
        vorher = (
            Teilnahme.objects.waiting()
            .filter(veranstaltung_id=self.veranstaltung_id)
            .filter(
                models.Q(angemeldet_am__lt=self.angemeldet_am)
                | models.Q(angemeldet_am=self.angemeldet_am, pk__lt=self.pk)
            )
        )
        return vorher.count() + 1
