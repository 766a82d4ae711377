"""Per-client rate limits, counted per clock hour in the database (see Versuchszaehler).

What counts is what looks like abuse, never a person's own corrections: a
form counts the posts it stores and the spam traps it catches against its
limit, not the posts it sends back with a mistake marked. Those only count
against a far higher one (settings.FORM_CORRECTION_LIMIT), which no group of
people correcting their typos reaches but which stops a bot posting broken
forms all day (`form_limit_exceeded`).
"""

import datetime

from django.conf import settings
from django.http import HttpResponse
from django.shortcuts import render
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


def form_limit_exceeded(request, form, *, scope: str, limit: int) -> bool:
    """Count this post of `form` (after is_valid()); True once the client is over its limit this hour.

    `form` offers `caught_a_bot()`; a post that is stored or caught a bot counts
    against `limit`, any other (a correction) against FORM_CORRECTION_LIMIT.
    """
    if form.is_valid() or form.caught_a_bot():
        return limit_exceeded(request, scope=scope, limit=limit)
    return limit_exceeded(request, scope=f"{scope}:korrektur", limit=settings.FORM_CORRECTION_LIMIT)


def too_many(request, template: str, context: dict) -> HttpResponse:
    """The 429 answer of a form over its limit: `template` with `context` and `wieder_ab`, plus Retry-After.

    The form in `context` keeps what the visitor typed (`BotTrapMixin.prefilled`);
    the page says from when it can be sent again (`wieder_ab`, the next full hour).
    """
    wieder_ab = window_end()
    response = render(request, template, {**context, "wieder_ab": wieder_ab}, status=429)
    response["Retry-After"] = str(max(1, int((wieder_ab - timezone.now()).total_seconds())))
    return response
