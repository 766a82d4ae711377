"""Writes for the directory of migrant organisations. Views, the admin and commands call these."""

import datetime

from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify

from integrationsrat.cache import invisible_to_visitors
from organisationen.models import RESERVIERTE_SLUGS, Organisation
from organisationen.tasks import erinnerung_send, vorschlag_notify


def slug_unique(name: str) -> str:
    """A free address for `name`: "kulturverein", else "kulturverein-2", ..."""
    basis = (slugify(name) or "organisation")[:140].strip("-") or "organisation"
    slug, nummer = basis, 1
    while slug in RESERVIERTE_SLUGS or Organisation.objects.filter(slug=slug).exists():
        nummer += 1
        slug = f"{basis}-{nummer}"
    return slug


@transaction.atomic
def organisation_propose(
    *,
    name: str,
    kurzbeschreibung: str,
    sprachen,
    angebote,
    treffpunkt: str = "",
    treffzeiten: str = "",
    website: str = "",
    kontakt_name: str = "",
    kontakt_email: str = "",
    kontakt_telefon: str = "",
    ansprechperson_name: str,
    ansprechperson_email: str,
    logo: UploadedFile | None = None,
    logo_alt: str = "",
) -> Organisation:
    """Store an organisation's proposal as an unpublished entry and tell staff (after commit).

    The texts are German fields: the proposal is read and, where needed,
    translated by staff before it is published.
    """
    organisation = Organisation(
        name=name,
        slug=slug_unique(name),
        kurzbeschreibung=kurzbeschreibung,
        treffpunkt=treffpunkt,
        treffzeiten=treffzeiten,
        website=website,
        kontakt_name=kontakt_name,
        kontakt_email=kontakt_email,
        kontakt_telefon=kontakt_telefon,
        ansprechperson_name=ansprechperson_name,
        ansprechperson_email=ansprechperson_email,
        eingereicht_am=timezone.now(),
        veroeffentlicht=False,
    )
    if logo is not None:
        organisation.bild = logo
        organisation.bild_alt = logo_alt
    # Unpublished until staff check it: no page changes, so the page cache stays (a flood of proposals
    # must not empty it).
    with invisible_to_visitors():
        organisation.save()
        organisation.sprachen.set(sprachen)
        organisation.angebote.set(angebote)
    transaction.on_commit(lambda: vorschlag_notify.enqueue(organisation.pk))
    return organisation


def organisation_publish(*, organisation: Organisation, user, today: datetime.date | None = None) -> None:
    """Staff checked the entry: it is public now, and counts as confirmed today."""
    organisation.veroeffentlicht = True
    organisation.geprueft_von = user
    organisation.geprueft_am = timezone.now()
    organisation.abgelehnt_am = None
    organisation.zuletzt_bestaetigt = today or timezone.localdate()
    organisation.save()


def organisation_reject(*, organisation: Organisation) -> None:
    """Staff will not publish this proposal: it stays hidden and is deleted with the old proposals."""
    organisation.veroeffentlicht = False
    organisation.abgelehnt_am = timezone.now()
    organisation.save()


def organisation_confirm(*, organisation: Organisation, today: datetime.date | None = None) -> None:
    """The organisation confirmed that its entry is right: it stays visible for another two years."""
    organisation.zuletzt_bestaetigt = today or timezone.localdate()
    organisation.save()


@transaction.atomic
def organisationen_remind(*, today: datetime.date | None = None) -> list[Organisation]:
    """Mail staff the entries due for confirmation (once a year each) and note that they were reminded."""
    today = today or timezone.localdate()
    faellig = list(Organisation.objects.due_for_confirmation(today).select_for_update().order_by("name"))
    if faellig:
        ids = [organisation.pk for organisation in faellig]
        # Not a public change: an update, not save(), so no cached page is renewed for it.
        Organisation.objects.filter(pk__in=ids).update(erinnert_am=today)
        transaction.on_commit(lambda: erinnerung_send.enqueue(ids))
    return faellig


def organisationen_purge(*, today: datetime.date | None = None) -> dict[str, int]:
    """Delete proposals nobody published after ORGANISATION_VORSCHLAG_TAGE (the proposer's contact with
    them) and entries not confirmed for ORGANISATION_LOESCHEN_TAGE. Each deletion goes through delete(),
    so images, search entries and cached pages go with it."""
    today = today or timezone.localdate()
    counts = {}
    for key, queryset in (
        ("vorschlaege", Organisation.objects.purgeable_proposals(today)),
        ("unbestaetigt", Organisation.objects.purgeable_unconfirmed(today)),
    ):
        count = 0
        for organisation in queryset:
            organisation.delete()
            count += 1
        counts[key] = count
    return counts
