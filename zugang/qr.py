"""The setup page's QR code, drawn by the portal itself: no third-party service ever sees the secret."""

from base64 import b32encode

import segno
from django.utils.safestring import mark_safe
from django_otp.plugins.otp_totp.models import TOTPDevice


def qr_svg(device: TOTPDevice, *, title: str) -> str:
    """The device's otpauth:// address as an inline <svg> (no style attributes, so the CSP needs no change).

    Black on white with the standard quiet zone, so phones read it in the admin's dark mode too.
    """
    qr = segno.make(device.config_url, error="m")
    return mark_safe(qr.svg_inline(scale=5, dark="#000", light="#fff", svgclass="zweiter-faktor__qr", title=title))  # noqa: S308  (segno's own markup of a URL we built)


def secret_text(device: TOTPDevice) -> str:
    """The key as authenticator apps take it when typed in: Base32, in groups of four for reading aloud."""
    secret = b32encode(device.bin_key).decode().rstrip("=")
    return " ".join(secret[i : i + 4] for i in range(0, len(secret), 4))
