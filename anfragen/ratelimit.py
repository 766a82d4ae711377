"""Per-client rate limits, counted per clock hour in the database (see Versuchszaehler).

What counts is what looks like abuse, never a person's own corrections: the
request form counts the requests it stores and the spam traps it catches, not
the posts it sends back with a mistake marked (anfragen.views.anfrage).
"""

import datetime

from django.conf import settings
from django.utils import timezone
from django.utils.crypto import salted_hmac

from anfragen.services import versuch_count


def client_ip(request) -> str:
    if settings.TRUST_X_FORWARDED_FOR:
        # The proxy appends the address it saw; the last entry is the one it vouches for.
        forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
        if forwarded:
            return forwarded.split(",")[-1].strip()
    return request.META.get("REMOTE_ADDR", "")


def window_end() -> datetime.datetime:
    """When the current count ends: the next full hour."""
    return timezone.now().replace(minute=0, second=0, microsecond=0) + datetime.timedelta(hours=1)


def limit_exceeded(request, *, scope: str, limit: int) -> bool:
    """Count this attempt; True once the client made more than `limit` in this hour."""
    # Keyed with SECRET_KEY: a plain hash of an IPv4 address can be reversed by trying all 2^32.
    key = salted_hmac("anfragen.ratelimit", f"{scope}:{client_ip(request)}", algorithm="sha256").hexdigest()
    return versuch_count(schluessel=key) > limit
