"""The directory's mails to staff, sent by the task worker (`manage.py db_worker`).

Neither mail names the person who proposed an entry: staff read that in the admin.
"""

import logging

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import EmailMessage
from django.tasks import task
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

from anfragen.tasks import _retry_later
from organisationen.models import Organisation

logger = logging.getLogger(__name__)


def admin_link(organisation_id: int) -> str:
    return settings.SITE_URL + reverse("admin:organisationen_organisation_change", args=[organisation_id])


def staff_addresses() -> list[str]:
    """The addresses of the active staff who may change entries of the directory (and so check them)."""
    users = get_user_model().objects.with_perm(
        "organisationen.change_organisation",
        include_superusers=True,
        backend="django.contrib.auth.backends.ModelBackend",  # the one that knows permissions (axes only locks)
    )
    return sorted({email for email in users.filter(is_staff=True).values_list("email", flat=True) if email})


def _send(*, betreff_template: str, text_template: str, context: dict) -> None:
    empfaenger = staff_addresses()
    if not empfaenger:
        logger.warning("Nobody with an address may change organisations: %s not sent", text_template)
        return
    with translation.override(settings.LANGUAGE_CODE):  # staff read the admin in German
        betreff = render_to_string(betreff_template, context).strip().replace("\n", " ")
        EmailMessage(betreff, render_to_string(text_template, context), settings.DEFAULT_FROM_EMAIL, empfaenger).send()


@task
def vorschlag_notify(organisation_id: int, versuch: int = 1) -> None:
    """Tell staff that an organisation proposed an entry: a link to the admin, nothing else."""
    if not Organisation.objects.filter(pk=organisation_id).exists():
        return  # deleted meanwhile: nothing to check
    try:
        _send(
            betreff_template="organisationen/mail/vorschlag_betreff.txt",
            text_template="organisationen/mail/vorschlag.txt",
            context={"admin_url": admin_link(organisation_id), "tage": settings.ORGANISATION_VORSCHLAG_TAGE},
        )
    except Exception:
        logger.exception("Mail about proposal %s failed (attempt %s)", organisation_id, versuch)
        if not _retry_later(vorschlag_notify, versuch, organisation_id):
            logger.error("Giving up on the mail about proposal %s; staff see it in the admin.", organisation_id)


@task
def erinnerung_send(organisation_ids: list[int], versuch: int = 1) -> None:
    """Remind staff of the entries due for their yearly confirmation: names and admin links."""
    eintraege = [
        (organisation.name, admin_link(organisation.pk))
        for organisation in Organisation.objects.filter(pk__in=organisation_ids).order_by("name")
    ]
    if not eintraege:
        return
    try:
        _send(
            betreff_template="organisationen/mail/erinnerung_betreff.txt",
            text_template="organisationen/mail/erinnerung.txt",
            context={"eintraege": eintraege, "gueltig_jahre": settings.ORGANISATION_GUELTIG_TAGE // 365},
        )
    except Exception:
        logger.exception("Reminder about %s organisations failed (attempt %s)", len(eintraege), versuch)
        if not _retry_later(erinnerung_send, versuch, organisation_ids):
            logger.error("Giving up on the reminder about organisations %s.", organisation_ids)
