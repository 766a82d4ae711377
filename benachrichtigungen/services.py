"""Writes for the e-mail alerts: sign up, confirm, unsubscribe, purge, announce. Nothing else saves these models."""

import datetime
import logging

from django.db import transaction
from django.utils import timezone

from benachrichtigungen.models import Abonnement, Ankuendigung, Anmeldung, Zustellung, new_token
from benachrichtigungen.quellen import QUELLEN, Quelle
from benachrichtigungen.tasks import bestaetigung_send, zustellungen_send
from seiten.models import Seite

logger = logging.getLogger(__name__)

# A second sign-up of an address within this time sends no second mail: the
# link already sent confirms the latest choices. A stranger typing someone
# else's address again and again cannot flood their mailbox.
ERNEUT_SENDEN_NACH = datetime.timedelta(minutes=15)


def _enqueue(task, *args) -> None:
    try:
        task.enqueue(*args)
    except Exception:
        # What is stored waits for `send_alerts` (every 10 minutes); a broken queue is no error page.
        logger.exception("Could not queue %s%s", task.name, args)


@transaction.atomic
def anmeldung_create(
    *,
    email: str,
    themen,
    alle_themen: bool,
    sprache: str,
    termine: bool,
    meldungen: bool,
) -> Anmeldung:
    """Sign `email` up, or replace the choices of its open sign-up with a new link, and (after commit) mail the link.

    Works the same whether or not the address already has a subscription: the
    choices take effect only when confirmed from the mailbox, and the page says
    the same in every case.
    """
    now = timezone.now()
    email = email.strip()
    anmeldung = Anmeldung.objects.get_or_create(
        email__iexact=email, defaults={"email": email, "sprache": sprache, "einwilligung_am": now}
    )[0]
    anmeldung = Anmeldung.objects.select_for_update().get(pk=anmeldung.pk)
    gesendet = anmeldung.mail_gesendet_am
    if gesendet is not None and now - gesendet < ERNEUT_SENDEN_NACH:
        # A link was mailed minutes ago: it confirms the choices it was sent for (its page shows them).
        # Nobody else can change them meanwhile, nor flood the mailbox.
        return anmeldung
    if gesendet is not None:
        anmeldung.token = new_token()  # a new mail, a new link: the older one no longer works
        anmeldung.mail_gesendet_am = None
    anmeldung.termine, anmeldung.meldungen = termine, meldungen
    anmeldung.alle_themen, anmeldung.sprache = alle_themen, sprache
    anmeldung.angefragt_am = now
    # The form refuses to submit without consent: consent is now, to the privacy statement as it stands.
    anmeldung.einwilligung_am = now
    anmeldung.datenschutz_stand = Seite.objects.datenschutz_stand()
    anmeldung.save()
    anmeldung.themen.set([] if alle_themen else themen)
    if anmeldung.mail_gesendet_am is None:
        transaction.on_commit(lambda: _enqueue(bestaetigung_send, anmeldung.pk))
    return anmeldung


@transaction.atomic
def anmeldung_confirm(*, token: str) -> Abonnement | None:
    """Turn the sign-up with this link into a subscription (or give an existing one the new choices).

    None when there is no such sign-up (a wrong or used link) or its link has expired.
    """
    anmeldung = Anmeldung.objects.select_for_update().filter(token=token).first()
    if anmeldung is None or anmeldung.abgelaufen:
        return None
    now = timezone.now()
    auswahl = {
        "email": anmeldung.email,
        "termine": anmeldung.termine,
        "meldungen": anmeldung.meldungen,
        "alle_themen": anmeldung.alle_themen,
        "sprache": anmeldung.sprache,
        "einwilligung_am": anmeldung.einwilligung_am,
        "datenschutz_stand": anmeldung.datenschutz_stand,
        "bestaetigt_am": now,
    }
    abonnement = Abonnement.objects.select_for_update().of_address(anmeldung.email).first()
    if abonnement is None:
        abonnement = Abonnement.objects.create(**auswahl)
    else:
        # Its unsubscribe link stays the same: the one in earlier mails keeps working.
        for name, value in auswahl.items():
            setattr(abonnement, name, value)
        abonnement.save()
    abonnement.themen.set(anmeldung.themen.all())
    anmeldung.delete()
    return abonnement


@transaction.atomic
def abonnement_delete(*, token: str) -> bool:
    """Unsubscribe: delete the subscription with this link, its deliveries and any open sign-up of the address.

    False when there is no such subscription.
    """
    abonnement = Abonnement.objects.filter(token=token).first()
    if abonnement is None:
        return False
    Anmeldung.objects.of_address(abonnement.email).delete()
    abonnement.delete()  # its deliveries and topics go with it
    return True


@transaction.atomic
def anmeldungen_purge(*, now: datetime.datetime | None = None) -> int:
    """Delete sign-ups not confirmed within BESTAETIGUNG_TAGE days. Returns how many."""
    faellig = Anmeldung.objects.expired(now)
    anzahl = faellig.count()
    faellig.delete()
    return anzahl


def _announce(quelle: Quelle, item) -> int:
    """Record that `item` is announced and whom to tell; the number of mails to send (0: announced before)."""
    ankuendigung, created = Ankuendigung.objects.get_or_create(**{quelle.feld: item})
    if not created:
        return 0  # the other way (save or send_alerts) was first
    empfaenger = Abonnement.objects.interested_in(art=quelle.art, themen_ids=quelle.themen_ids(item))
    zustellungen = Zustellung.objects.bulk_create(
        [Zustellung(ankuendigung=ankuendigung, abonnement=abonnement) for abonnement in empfaenger]
    )
    return len(zustellungen)


@transaction.atomic
def ankuendigungen_create(
    *, now: datetime.datetime | None = None, model=None, pk: int | None = None
) -> list[Ankuendigung]:
    """Announce every item that is visible now and was never announced (or only the item `model`/`pk`).

    Each confirmed address that asked for such an item gets one delivery; the
    task worker sends them after commit. Returns the new announcements.
    """
    now = now or timezone.now()
    neu, mails = [], 0
    for quelle in QUELLEN:
        if model is not None and not issubclass(model, quelle.model):
            continue
        items = quelle.due(now)
        if pk is not None:
            items = items.filter(pk=pk)
        for item in items:
            anzahl = _announce(quelle, item)
            mails += anzahl
            neu.append(item)
    if mails:
        transaction.on_commit(lambda: _enqueue(zustellungen_send))
    return neu
