"""Django's Redis cache backend, made fit to fail: a dead or hanging Redis costs almost nothing.

- Every call has a short timeout (OPTIONS socket_timeout, socket_connect_timeout)
  and no retries: the default retry policy of redis-py would multiply it.
- After a failure, Redis is skipped for `RETRY_AFTER` seconds: every call
  answers as a miss at once (get -> default, set -> nothing), so pages are
  rendered without the cache. Then one call (one thread) tries again while
  the others keep skipping it. The log says once when Redis went away and once
  when it is back, per process.
- When Redis is back, `integrationsrat.cache.cache_is_back()` renews the
  content version if this process saved content during the outage (that save
  could not do it); a blip without a save leaves every server's cache intact.
- One redis-py client is reused per connection pool: Django 6.1 builds a new
  `redis.Redis` for every call, which registers some 150 response callbacks
  (measured with cProfile: a third of the time of a cached page).
"""

import logging
import threading
import time

import redis
import redis.backoff
import redis.retry
from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.redis import RedisCache, RedisCacheClient

logger = logging.getLogger(__name__)

# Timeouts, connection refusals, a Redis still loading its data, a full memory:
# all mean "no cache now", never an error page.
REDIS_ERRORS = (redis.RedisError, OSError)


class ReusingRedisCacheClient(RedisCacheClient):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._clients = {}

    def get_client(self, key=None, *, write=False):
        pool = self._get_connection_pool(write)
        client = self._clients.get(id(pool))
        if client is None:
            client = self._clients[id(pool)] = self._client(connection_pool=pool)
        return client


class Breaker:
    """Whether to try Redis now; shared by all threads of a process, one per Redis address."""

    _all: dict[str, "Breaker"] = {}
    _lock = threading.Lock()

    def __init__(self, location: str, retry_after: float):
        self.location = location
        self.retry_after = retry_after
        self.paused_until = 0.0
        self.down = False
        self.probing = False  # one thread is trying Redis again after a pause
        self._probe_lock = threading.Lock()

    @classmethod
    def for_location(cls, location: str, retry_after: float) -> "Breaker":
        with cls._lock:
            breaker = cls._all.get(location)
            if breaker is None:
                breaker = cls._all[location] = cls(location, retry_after)
            breaker.retry_after = retry_after
            return breaker

    def closed(self) -> bool:
        """Whether this call may ask Redis: always while it works; after a pause, only the first caller."""
        if not self.down:
            return True
        if time.monotonic() < self.paused_until:
            return False
        with self._probe_lock:
            if self.probing:
                return False
            self.probing = True
            return True

    def failed(self, error: Exception) -> None:
        self.paused_until = time.monotonic() + self.retry_after
        self.probing = False
        if not self.down:
            self.down = True
            logger.error(
                "Redis at %s unavailable (%s: %s): pages are served without the cache; next try in %ss",
                self.location,
                type(error).__name__,
                error,
                self.retry_after,
            )

    def succeeded(self) -> None:
        if self.down:
            self.down = False
            self.probing = False
            logger.warning("Redis at %s is reachable again: the cache is back in use", self.location)
            from integrationsrat.cache import cache_is_back

            cache_is_back()


def _guarded(name: str, fallback):
    """The RedisCache method `name`, answering `fallback(*args, **kwargs)` instead of failing."""

    def method(self, *args, **kwargs):
        if not self.breaker.closed():
            return fallback(*args, **kwargs)
        recovering = self.breaker.down
        try:
            result = getattr(RedisCache, name)(self, *args, **kwargs)
        except REDIS_ERRORS as error:
            self.breaker.failed(error)
            return fallback(*args, **kwargs)
        except Exception:  # not Redis failing (e.g. an unpicklable value): let the next call try again
            self.breaker.probing = False
            raise
        self.breaker.succeeded()
        # The first answer after an outage may have been written before what changed during it.
        return fallback(*args, **kwargs) if recovering else result

    method.__name__ = name
    return method


def _default(key, default=None, version=None):
    return default


class ResilientRedisCache(RedisCache):
    def __init__(self, server, params):
        options = dict(params.get("OPTIONS", {}))
        retry_after = float(options.pop("RETRY_AFTER", 30))
        # One try per call: the pause above does the retrying.
        options.setdefault("retry", redis.retry.Retry(redis.backoff.NoBackoff(), 0))
        options.setdefault("retry_on_timeout", False)
        super().__init__(server, {**params, "OPTIONS": options})
        self._class = ReusingRedisCacheClient
        self.breaker = Breaker.for_location(",".join(self._servers), retry_after)

    @property
    def available(self) -> bool:
        """Whether Redis answered the last time it was asked (False while it is skipped)."""
        return not self.breaker.down

    get = _guarded("get", _default)
    get_many = _guarded("get_many", lambda keys, version=None: {})
    set = _guarded("set", lambda key, value, timeout=DEFAULT_TIMEOUT, version=None: None)
    add = _guarded("add", lambda key, value, timeout=DEFAULT_TIMEOUT, version=None: False)
    touch = _guarded("touch", lambda key, timeout=DEFAULT_TIMEOUT, version=None: False)
    delete = _guarded("delete", lambda key, version=None: False)
    has_key = _guarded("has_key", lambda key, version=None: False)
    set_many = _guarded("set_many", lambda data, timeout=DEFAULT_TIMEOUT, version=None: list(data))
    delete_many = _guarded("delete_many", lambda keys, version=None: None)
    clear = _guarded("clear", lambda: False)
