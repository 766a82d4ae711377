from django.db import transaction

from benachrichtigungen.services import ankuendigungen_create


def item_saved(sender, instance, raw: bool = False, **kwargs) -> None:
    """post_save of an event or a news item: announce it once it is visible (after commit, with its topics)."""
    if raw or not instance.oeffentlich:
        # A draft, or waiting for its publishing window: `send_alerts` announces it when the window opens.
        return
    # robust: the item is saved whatever happens here; send_alerts catches up with anything missed.
    transaction.on_commit(lambda: ankuendigungen_create(model=sender, pk=instance.pk), robust=True)
