"""A real or a simulated Redis for the tests of the shared cache (the fixture `real_redis` is in conftest.py)."""

import os

from integrationsrat.redis_cache import Breaker

# A database of its own: the tests empty it (FLUSHDB) before and after use.
REAL_REDIS = os.environ.get("TEST_REDIS_URL", "redis://127.0.0.1:6379/7")


def redis_settings(settings, url: str) -> None:
    settings.CACHES = {
        **settings.CACHES,
        "default": {
            "BACKEND": "integrationsrat.redis_cache.ResilientRedisCache",
            "LOCATION": url,
            "OPTIONS": {"socket_connect_timeout": 0.2, "socket_timeout": 0.2, "RETRY_AFTER": 30},
        },
    }
    settings.PAGE_CACHE_SECONDS = 300
    Breaker._all.pop(url, None)  # every test starts with Redis believed up
