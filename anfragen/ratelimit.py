"""Per-client rate limits kept in the shared cache (Redis or the cache directory, see settings.CACHES)."""

import hashlib

from django.conf import settings
from django.core.cache import cache

WINDOW_SECONDS = 60 * 60


def client_ip(request) -> str:
    if settings.TRUST_X_FORWARDED_FOR:
        # The proxy appends the address it saw; the last entry is the one it vouches for.
        forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
        if forwarded:
            return forwarded.split(",")[-1].strip()
    return request.META.get("REMOTE_ADDR", "")


def limit_exceeded(request, *, scope: str, limit: int, window: int = WINDOW_SECONDS) -> bool:
    """Count this attempt; True once the client made more than `limit` within the window."""
    # Only a hash of the address is kept, and only for the window.
    key = f"ratelimit:{scope}:{hashlib.sha256(client_ip(request).encode()).hexdigest()[:32]}"
    cache.add(key, 0, timeout=window)
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, timeout=window)
        count = 1
    return count > limit
