"""Writes of the second factor: prepare and confirm an authenticator app, check a code, reset a lost factor."""

import logging

from django.contrib.admin.models import CHANGE, LogEntry
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import formats, timezone
from django.utils.translation import gettext as _
from django_otp import devices_for_user
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

logger = logging.getLogger(__name__)

RECOVERY_CODE_COUNT = 10
APP_NAME = "Authenticator-App"
RECOVERY_NAME = "Wiederherstellungscodes"


def zweiter_faktor_prepare(*, user) -> TOTPDevice:
    """The user's authenticator app still waiting for its first code, created on the first visit.

    The same key until it is confirmed: a page reload shows the QR code the
    person may already have scanned.
    """
    device = TOTPDevice.objects.filter(user=user, confirmed=False).order_by("pk").first()
    return device or TOTPDevice.objects.create(user=user, name=APP_NAME, confirmed=False)


def zweiter_faktor_confirm(*, user, code: str) -> tuple[TOTPDevice, list[str]]:
    """Confirm the prepared app with its first code; return it with 10 new recovery codes (older ones are replaced).

    Raises ValidationError ("falscher_code", "gesperrt") like zweiter_faktor_verify.
    """
    with transaction.atomic():
        device = TOTPDevice.objects.select_for_update().filter(user=user, confirmed=False).order_by("pk").first()
        if device is None:
            raise ValidationError(_("Bitte laden Sie die Seite neu."), code="kein_geraet")
        fehler = _check(device, _normalized(code))
        if fehler is None:
            device.confirmed = True
            device.save(update_fields=["confirmed"])
            # One app per person, and only the newest recovery codes count.
            TOTPDevice.objects.filter(user=user, confirmed=False).delete()
            StaticDevice.objects.filter(user=user).delete()
            recovery = StaticDevice.objects.create(user=user, name=RECOVERY_NAME, confirmed=True)
            codes = [StaticToken.random_token() for _ in range(RECOVERY_CODE_COUNT)]
            StaticToken.objects.bulk_create(StaticToken(device=recovery, token=code) for code in codes)
    # The failure count must be committed with a refusal: raise only after the transaction.
    if fehler is not None:
        raise fehler
    logger.info("Zweiter Faktor eingerichtet: %s, %s", user.get_username(), timezone.now().isoformat())
    return device, codes


def zweiter_faktor_verify(*, user, code: str) -> TOTPDevice | StaticDevice:
    """The user's confirmed device that accepts `code`: digits are the app's, anything else is a recovery code
    (used up on success). Only that device is tried, so a typo never throttles the other one.

    Raises ValidationError: "falscher_code", or "gesperrt" while django-otp's
    throttling makes the device wait after wrong codes (1, 2, 4, 8 … seconds).
    """
    code = _normalized(code)
    model = TOTPDevice if code.isdigit() else StaticDevice
    with transaction.atomic():
        device = model.objects.select_for_update().filter(user=user, confirmed=True).order_by("pk").first()
        fehler = _check(device, code)
    if fehler is not None:
        raise fehler
    if model is StaticDevice:
        logger.info(
            "Wiederherstellungscode benutzt: %s (noch %d), %s",
            user.get_username(),
            device.token_set.count(),
            timezone.now().isoformat(),
        )
    return device


@transaction.atomic
def zweiter_faktor_reset(*, user, durch) -> int:
    """Delete every second-factor device of `user` (a lost phone); they set up a new one at their next login.

    Recorded in the user's admin history and in the app log: who reset whom, when.
    Sessions verified with the old device count as unverified from the next request on.
    """
    devices = list(devices_for_user(user, confirmed=None))
    for device in devices:
        device.delete()
    LogEntry.objects.log_actions(
        user_id=durch.pk,
        queryset=[user],
        action_flag=CHANGE,
        change_message=_("Zweiten Faktor zurückgesetzt"),
        single_object=True,
    )
    logger.warning(
        "Zweiter Faktor zurückgesetzt: %s durch %s, %s (%d Geräte gelöscht)",
        user.get_username(),
        durch.get_username(),
        timezone.now().isoformat(),
        len(devices),
    )
    return len(devices)


def _normalized(code: str) -> str:
    # People type codes with spaces or copy them with dashes; recovery codes are lower case.
    return "".join(code.split()).replace("-", "").lower()


def _check(device, code: str) -> ValidationError | None:
    """Try `code` on `device` (inside the caller's transaction); the refusal to raise, or None when it fits."""
    if device is None:
        return ValidationError(_("Dieser Code stimmt nicht. Bitte prüfen Sie ihn."), code="falscher_code")
    allowed, sperre = device.verify_is_allowed()
    if not allowed:
        return ValidationError(
            _("Zu viele falsche Codes. Bitte versuchen Sie es ab %(zeit)s Uhr noch einmal."),
            code="gesperrt",
            params={"zeit": formats.time_format(timezone.localtime(sperre["locked_until"]), "H:i:s")},
        )
    if not device.verify_token(code):
        return ValidationError(_("Dieser Code stimmt nicht. Bitte prüfen Sie ihn."), code="falscher_code")
    return None
