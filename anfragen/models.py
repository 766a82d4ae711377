import datetime
import secrets

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.crypto import constant_time_compare, salted_hmac
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from inhalte.models import OeffentlicherInhalt, UebersetzbarMixin

# The staff role that handles requests (created with its permissions in
# integrationsrat/migrations/0001_staff_groups.py): who may be assigned one and
# who is told when one arrives.
BERATUNG = "Beratung"
BERATUNG_TEAM = models.Q(groups__name=BERATUNG, is_active=True)


def sees_personal_data(user) -> bool:
    """Who reads advice seekers' names, contacts and messages: the Beratung, superusers, and anyone given
    the right to see requests some other way. They need a second factor (zugang) and see the figures."""
    if not (user.is_authenticated and user.is_active):
        return False
    return user.is_superuser or user.groups.filter(name=BERATUNG).exists() or user.has_perm("anfragen.view_anfrage")


class Themenbereich(UebersetzbarMixin, OeffentlicherInhalt):
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
    def open(self):
        return self.exclude(status=Anfrage.Status.ERLEDIGT)

    def new(self):
        return self.filter(status=Anfrage.Status.NEU)

    def awaiting_first_answer(self):
        """Not answered yet: no answer sent or call noted, and nobody marked it answered or closed it."""
        return self.filter(erste_antwort_am__isnull=True, status__in=Anfrage.WARTEN_AUF_ANTWORT)

    def overdue(self, now: datetime.datetime | None = None):
        """Waiting for a first answer past its target (`frist_am`); Anfrage.ueberfaellig says it of one."""
        return self.awaiting_first_answer().filter(frist_am__lt=now or timezone.now())

    def assigned_to(self, user):
        return self.filter(zugewiesen_an=user)

    def unassigned(self):
        return self.filter(zugewiesen_an__isnull=True)

    def due_for_deletion(self, *, tage: int, now: datetime.datetime | None = None):
        """Closed more than `tage` days ago: due for deletion (data minimisation)."""
        grenze = (now or timezone.now()) - datetime.timedelta(days=tage)
        return self.filter(status=Anfrage.Status.ERLEDIGT, erledigt_am__lt=grenze)


class Anfrage(models.Model):
    class Art(models.TextChoices):
        ANFRAGE = "anfrage", _("Anfrage")
        # Feedback on the portal's accessibility (the "Barriere melden" form): contact optional.
        BARRIERE = "barriere", _("Barriere-Meldung")

    class Status(models.TextChoices):
        NEU = "neu", _("neu")
        IN_BEARBEITUNG = "in_bearbeitung", _("in Bearbeitung")
        BEANTWORTET = "beantwortet", _("beantwortet")
        ERLEDIGT = "erledigt", _("erledigt")

    # neu -> in Bearbeitung -> beantwortet -> erledigt; a request can go back
    # into work (a follow-up question), and spam can be closed straight away.
    UEBERGAENGE = {
        Status.NEU: {Status.IN_BEARBEITUNG, Status.ERLEDIGT},
        Status.IN_BEARBEITUNG: {Status.BEANTWORTET, Status.ERLEDIGT},
        Status.BEANTWORTET: {Status.ERLEDIGT, Status.IN_BEARBEITUNG},
        Status.ERLEDIGT: {Status.IN_BEARBEITUNG},
    }
    # Still waiting for a first answer while in these states (staff may also mark one
    # answered by hand, after a talk in the office, say).
    WARTEN_AUF_ANTWORT = (Status.NEU, Status.IN_BEARBEITUNG)

    # What the advice seeker's status page says at each step.
    STATUS_HINWEISE = {
        Status.NEU: _("Ihre Anfrage ist angekommen. Bald liest sie ein Mitglied des Integrationsrats."),
        Status.IN_BEARBEITUNG: _("Ein Mitglied des Integrationsrats kümmert sich um Ihre Anfrage."),
        Status.BEANTWORTET: _(
            "Wir haben Ihnen geantwortet – per E-Mail oder Telefon. Bitte schauen Sie auch in Ihren Spam-Ordner."
        ),
        Status.ERLEDIGT: _(
            "Ihre Anfrage ist abgeschlossen. Haben Sie eine neue Frage? Dann schreiben Sie uns gern wieder."
        ),
    }

    referenz = models.CharField(_("Referenznummer"), max_length=20, unique=True, editable=False)
    jahr = models.PositiveSmallIntegerField(_("Jahr"), editable=False)
    laufende_nummer = models.PositiveIntegerField(_("laufende Nummer"), editable=False)
    # Secret part of the advice seeker's status link; the link itself is an
    # HMAC of it, so neither the database nor the logs hold a usable link.
    status_nonce = models.CharField(max_length=32, editable=False, default="")

    art = models.CharField(_("Art"), max_length=10, choices=Art.choices, default=Art.ANFRAGE, editable=False)
    name = models.CharField(_("Name"), max_length=100, blank=True)
    email = models.EmailField(_("E-Mail"), max_length=254, blank=True)
    telefon = models.CharField(_("Telefon"), max_length=40, blank=True)
    themenbereich = models.ForeignKey(
        Themenbereich,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        verbose_name=_("Themenbereich"),
        related_name="anfragen",
    )
    # A barrier report: the page it is about (a path or a full address, as the visitor's browser gave it).
    seite_url = models.CharField(_("betroffene Seite"), max_length=500, blank=True, editable=False)
    nachricht = models.TextField(_("Nachricht"), max_length=5000)
    sprache = models.CharField(_("Sprache für die Antwort"), max_length=10, choices=Sprache.choices, default="de")
    einwilligung_am = models.DateTimeField(_("Einwilligung Datenschutz am"), editable=False)
    datenschutz_stand = models.DateTimeField(
        _("Stand der Datenschutzerklärung bei Einwilligung"), null=True, editable=False
    )

    status = models.CharField(_("Status"), max_length=20, choices=Status.choices, default=Status.NEU)
    zugewiesen_an = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        verbose_name=_("zuständig"),
        related_name="+",
        limit_choices_to=BERATUNG_TEAM,
    )
    eingegangen_am = models.DateTimeField(_("eingegangen am"), auto_now_add=True)
    geaendert_am = models.DateTimeField(_("geändert am"), auto_now=True)
    erledigt_am = models.DateTimeField(_("erledigt am"), null=True, blank=True, editable=False)
    anonymisiert_am = models.DateTimeField(_("anonymisiert am"), null=True, blank=True, editable=False)
    # The first-answer target, fixed when the request arrives (anfragen.fristen).
    frist_am = models.DateTimeField(_("erste Antwort fällig bis"), null=True, editable=False)
    erste_antwort_am = models.DateTimeField(
        _("erste Antwort am"),
        null=True,
        blank=True,
        editable=False,
        help_text=_("Wann die erste Antwort gesendet oder ein Telefonat notiert wurde."),
    )
    # Set when the mails went out, so a retry after a mail failure never sends twice.
    team_benachrichtigt_am = models.DateTimeField(_("Team benachrichtigt am"), null=True, editable=False)
    bestaetigung_gesendet_am = models.DateTimeField(_("Bestätigung gesendet am"), null=True, editable=False)

    objects = AnfrageQuerySet.as_manager()

    class Meta:
        verbose_name = _("Anfrage")
        verbose_name_plural = _("Anfragen")
        ordering = ["-eingegangen_am"]
        constraints = [
            models.UniqueConstraint(fields=["jahr", "laufende_nummer"], name="anfrage_nummer_pro_jahr"),
            # A barrier can be reported anonymously; a request needs a way to answer it.
            models.CheckConstraint(
                condition=~models.Q(email="", telefon="")
                | models.Q(anonymisiert_am__isnull=False)
                | models.Q(art="barriere"),
                name="anfrage_braucht_kontakt",
                violation_error_message=_("Eine Anfrage braucht eine E-Mail-Adresse oder Telefonnummer."),
            ),
            models.CheckConstraint(
                condition=models.Q(themenbereich__isnull=False) | models.Q(art="barriere"),
                name="anfrage_braucht_themenbereich",
                violation_error_message=_("Eine Anfrage braucht einen Themenbereich."),
            ),
        ]
        indexes = [
            models.Index(fields=["-eingegangen_am"], name="anfrage_eingang"),  # the admin list's order
            models.Index(fields=["status", "-eingegangen_am"], name="anfrage_status_eingang"),
            models.Index(fields=["zugewiesen_an", "status"], name="anfrage_zustaendig_status"),
            models.Index(fields=["status", "erledigt_am"], name="anfrage_status_erledigt"),
        ]

    def __str__(self):
        return self.referenz

    def save(self, *args, **kwargs):
        if not self.status_nonce:
            self.status_nonce = secrets.token_hex(16)
        if self.status == self.Status.ERLEDIGT and self.erledigt_am is None:
            self.erledigt_am = timezone.now()
        elif self.status != self.Status.ERLEDIGT:
            self.erledigt_am = None
        super().save(*args, **kwargs)

    def clean(self):
        super().clean()
        if self.pk:
            vorher = type(self).objects.filter(pk=self.pk).values_list("status", flat=True).first()
            if vorher and vorher != self.status and self.status not in self.UEBERGAENGE[vorher]:
                raise ValidationError(
                    {
                        "status": ValidationError(
                            _("Von „%(von)s“ geht es nicht direkt zu „%(nach)s“."),
                            code="invalid_transition",
                            params={"von": self.Status(vorher).label, "nach": self.get_status_display()},
                        )
                    }
                )

    def _token(self, secret: str | None = None) -> str:
        value = f"{self.pk}:{self.status_nonce}"
        return salted_hmac("anfrage-status", value, secret=secret, algorithm="sha256").hexdigest()[:32]

    @property
    def status_token(self) -> str:
        return self._token()

    def status_token_ok(self, token: str) -> bool:
        # Links mailed before a key rotation keep working while the old key is in SECRET_KEY_FALLBACKS.
        secrets_ = [settings.SECRET_KEY, *settings.SECRET_KEY_FALLBACKS]
        return bool(self.status_nonce) and any(constant_time_compare(token, self._token(s)) for s in secrets_)

    @property
    def status_hinweis(self) -> str:
        return self.STATUS_HINWEISE[self.status]

    @property
    def ueberfaellig(self) -> bool:
        """Past its first-answer target without an answer (the same rule as AnfrageQuerySet.overdue)."""
        return (
            self.erste_antwort_am is None
            and self.status in self.WARTEN_AUF_ANTWORT
            and self.frist_am is not None
            and self.frist_am < timezone.now()
        )

    @property
    def ist_barriere(self) -> bool:
        return self.art == self.Art.BARRIERE

    def get_status_url(self) -> str:
        return reverse("anfragen:status", kwargs={"referenz": self.referenz, "token": self.status_token})


class Notiz(models.Model):
    """An internal note of the advice team. Never shown to the advice seeker."""

    anfrage = models.ForeignKey(Anfrage, on_delete=models.CASCADE, related_name="notizen", verbose_name=_("Anfrage"))
    autor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, editable=False, verbose_name=_("von")
    )
    text = models.TextField(_("Notiz"), max_length=5000)
    erstellt_am = models.DateTimeField(_("am"), auto_now_add=True)

    class Meta:
        verbose_name = _("interne Notiz")
        verbose_name_plural = _("interne Notizen")
        ordering = ["erstellt_am"]

    def __str__(self):
        # Unsaved notes (the admin's empty extra row) have no time yet.
        return f"{self.erstellt_am:%d.%m.%Y %H:%M}" if self.erstellt_am else ""


class Protokolleintrag(models.Model):
    """Who looked at or changed a request, and when (accountability under the GDPR)."""

    class Aktion(models.TextChoices):
        ANGESEHEN = "angesehen", _("angesehen")
        GEAENDERT = "geaendert", _("geändert")
        NOTIZ = "notiz", _("Notiz hinzugefügt")
        ANONYMISIERT = "anonymisiert", _("anonymisiert")
        ANTWORT = "antwort", _("Antwort per E-Mail")
        TELEFONAT = "telefonat", _("Telefonat notiert")

    anfrage = models.ForeignKey(Anfrage, on_delete=models.CASCADE, related_name="protokoll", verbose_name=_("Anfrage"))
    benutzer = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, verbose_name=_("Benutzer")
    )
    aktion = models.CharField(_("Aktion"), max_length=20, choices=Aktion.choices)
    details = models.CharField(_("Details"), max_length=300, blank=True)
    zeitpunkt = models.DateTimeField(_("Zeitpunkt"), auto_now_add=True)

    class Meta:
        verbose_name = _("Protokolleintrag")
        verbose_name_plural = _("Protokoll")
        ordering = ["-zeitpunkt"]

    def __str__(self):
        return f"{self.zeitpunkt:%d.%m.%Y %H:%M} {self.get_aktion_display()}" if self.zeitpunkt else ""


class AntwortQuerySet(models.QuerySet):
    def sent(self):
        """Gone out: taken by the mail server, or a phone call that took place."""
        return self.filter(gesendet_am__isnull=False)

    def pending(self):
        """E-mails the mail server has not taken yet ("wird gesendet")."""
        return self.filter(art=Antwort.Art.EMAIL, gesendet_am__isnull=True)


class Antwort(models.Model):
    """An answer to the advice seeker: an e-mail written in the admin, or a phone call noted.

    The request's log records who answered when, never the text.
    """

    class Art(models.TextChoices):
        EMAIL = "email", _("E-Mail")
        TELEFONAT = "telefonat", _("Telefonat notiert")

    anfrage = models.ForeignKey(Anfrage, on_delete=models.CASCADE, related_name="antworten", verbose_name=_("Anfrage"))
    art = models.CharField(_("Art"), max_length=10, choices=Art.choices, default=Art.EMAIL)
    text = models.TextField(_("Text"), max_length=10000, blank=True)
    verfasst_von = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, verbose_name=_("von"), related_name="+"
    )
    erstellt_am = models.DateTimeField(_("geschrieben am"), auto_now_add=True)
    # Set only once the mail server took the mail: until then it is "wird gesendet" and the worker retries.
    gesendet_am = models.DateTimeField(_("gesendet am"), null=True, blank=True)
    versuche = models.PositiveSmallIntegerField(_("Versandversuche"), default=0)

    objects = AntwortQuerySet.as_manager()

    class Meta:
        verbose_name = _("Antwort")
        verbose_name_plural = _("Antworten")
        ordering = ["erstellt_am"]
        indexes = [models.Index(fields=["anfrage", "erstellt_am"], name="antwort_anfrage_erstellt")]

    def __str__(self):
        return (
            f"{self.anfrage_id}: {self.get_art_display()} {self.erstellt_am:%d.%m.%Y %H:%M}" if self.erstellt_am else ""
        )

    @property
    def ist_email(self) -> bool:
        return self.art == self.Art.EMAIL

    @property
    def versandstand(self) -> str:
        """What staff read about it: "gesendet am …", "wird gesendet" or the call noted."""
        if not self.ist_email:
            return str(_("Telefonat notiert"))
        if self.gesendet_am:
            moment = date_format(timezone.localtime(self.gesendet_am), "DATETIME_FORMAT")
            return str(_("gesendet am %(wann)s")) % {"wann": moment}
        if not self.anfrage.email:
            return str(_("nicht gesendet: Die Anfrage wurde inzwischen anonymisiert."))
        if self.versuche:
            # The worker keeps trying (and send_reminders queues it again): staff see that the server refused so far.
            return ngettext(
                "wird gesendet (%(anzahl)d Versuch bisher fehlgeschlagen)",
                "wird gesendet (%(anzahl)d Versuche bisher fehlgeschlagen)",
                self.versuche,
            ) % {"anzahl": self.versuche}
        return str(_("wird gesendet"))


class Textbaustein(UebersetzbarMixin, models.Model):
    """A ready-made paragraph the advice team inserts into an answer, in the advice seeker's language.

    Not shown on any public page: it goes out only inside an answer.
    """

    titel = models.CharField(
        _("Titel"), max_length=100, help_text=_("Wofür der Baustein ist, z. B. „Eingang bestätigen“.")
    )
    text = models.TextField(
        _("Text"),
        max_length=3000,
        help_text=_("Steht „[Bitte ergänzen: …]“ darin, lässt sich die Antwort erst senden, wenn es ersetzt ist."),
    )
    reihenfolge = models.PositiveSmallIntegerField(_("Reihenfolge"), default=0)

    class Meta:
        verbose_name = _("Textbaustein")
        verbose_name_plural = _("Textbausteine")
        ordering = ["reihenfolge", "titel"]

    def __str__(self):
        return self.titel

    def text_in(self, sprache: str) -> str:
        """The text in `sprache` (the German one where it is not translated, or for "andere")."""
        with translation.override(sprache if sprache in dict(settings.LANGUAGES) else settings.LANGUAGE_CODE):
            return self.text


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


class Versuchszaehler(models.Model):
    """Form posts per client and hour, for the rate limit.

    In the database so that every worker and app server counts together, with
    an UPDATE that counts atomically. Only a keyed hash of the client's address
    is stored, and rows of past hours are deleted with the next post.
    """

    schluessel = models.CharField(max_length=64)
    stunde = models.DateTimeField()  # the start of the hour counted in
    anzahl = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = _("Versuchszähler")
        verbose_name_plural = _("Versuchszähler")
        constraints = [models.UniqueConstraint(fields=["schluessel", "stunde"], name="versuchszaehler_eindeutig")]
        indexes = [models.Index(fields=["stunde"], name="versuchszaehler_stunde")]

    def __str__(self):
        return f"{self.stunde:%Y-%m-%d %H}:00 – {self.anzahl}"
