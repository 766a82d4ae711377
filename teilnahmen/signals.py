"""What a save of an event means for the people registered: a cancellation mails them, more places move
the waiting list up. On post_save, so every way of saving (the admin, a series' update) counts."""

from teilnahmen.services import absage_notify, warteliste_advance


def veranstaltung_saved(sender, instance, raw=False, **kwargs) -> None:
    if raw:
        return
    if instance.abgesagt:
        absage_notify(veranstaltung_id=instance.pk)
    elif instance.anmeldung:
        warteliste_advance(veranstaltung_id=instance.pk)
