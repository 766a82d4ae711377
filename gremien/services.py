"""Writes of the gremien app with side effects beyond one row."""

import datetime

from django.db import transaction
from django.utils import timezone

from gremien.models import Person, dokument_storage


def dokumentdatei_delete(name: str) -> None:
    """Delete a document's stored file once the transaction commits (a rollback keeps it)."""
    if name:
        transaction.on_commit(lambda: dokument_storage().delete(name))


@transaction.atomic
def personen_contact_purge(*, tage: int, today: datetime.date | None = None, dry_run: bool = False) -> list[Person]:
    """Remove the public contact (and the photo, unless staff chose to keep showing it) of former members.

    Once someone has left the council for `tage` days, residents no longer
    reach them as a member: the contact was published for that role only.
    Name and roles stay, as the public record of who sat on the council; no
    old version keeps the contact (Person.NICHT_IN_VERSIONEN). Returns the
    persons changed (with `dry_run`: who would be).
    """
    before = (today or timezone.localdate()) - datetime.timedelta(days=tage)
    personen = list(Person.objects.former(before).with_personal_data())
    if dry_run:
        return personen
    for person in personen:
        person.kontakt_email = person.kontakt_telefon = ""
        if not person.foto_nach_ende_zeigen:
            person.bild = None  # BildMixin deletes the file and every rendition after the commit
            person.bild_alt = ""
        person.save()
    return personen
