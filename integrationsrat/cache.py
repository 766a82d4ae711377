"""The content version, and what is cached under it.

Everything cached from the database is stored under the current *content
version*. Saving or deleting any public content sets a new version (the
signals below), so the very next request renders afresh on every app server:
the version lives in the shared cache (Redis when REDIS_URL is set, else a
directory all worker processes of one server share). Whole pages
(`integrationsrat.page_cache`), fragments and small facts (`cached()`) all use
it, so none of them can outlive a change of what they show. Fragments (an
event's card) and facts (the years of the archive) are kept in each process's
memory too, keyed by the version, which each request reads once.

The cache is a speed-up, never a dependency: when it fails (Redis down, see
`integrationsrat.redis_cache`; a cache directory that cannot be written),
everything here behaves as a miss, and nothing is kept in this process's memory
either: without a version to key it by, a kept fragment could outlive a save.
"""

import logging
import time
import uuid
from collections.abc import Callable
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.core.cache import cache, caches
from django.db import DatabaseError, transaction
from django.db.models.signals import m2m_changed, post_delete, post_save

logger = logging.getLogger(__name__)

VERSION_KEY = "inhalt-version"
SCHEDULE_KEY = "inhalt-naechster-wechsel"
NOTHING_SCHEDULED = -1.0
SCHEDULE_LOCK_SECONDS = 10  # one request at a time works out the schedule of a version
SCHEDULE_RETRY_SECONDS = 30  # with the database down, how soon to ask again
FRAGMENTS = "fragmente"  # the cache alias of rendered fragments and facts in this process's memory


def _fragments():
    # Keyed by the content version: no round trip, and a new version simply stops asking for old keys.
    return caches[FRAGMENTS]


# The version this request works with, read once per request (set by the page
# cache middleware, which reads it anyway, and reset when the request ends).
_request_version: ContextVar[str | None] = ContextVar("inhalt_version", default=None)


_failing = False  # whether the last call to the shared cache failed (to log once, not per request)
# Whether this process saved content while the shared cache could not take the new version.
_version_write_lost = False


def _best_effort(call: Callable[[], Any], default: Any = None, *, failures=Exception, write: bool = False) -> Any:
    """`call()`, or `default` if the shared cache fails: a page is then rendered without it, never an error.

    The log says once that the cache failed, and once that it works again when
    a `write` succeeds (a full disk still answers reads). A new content version
    this process could not store is stored as soon as the cache answers.
    """
    global _failing
    try:
        result = call()
    except failures:
        if not _failing:
            _failing = True
            logger.exception("The cache failed: pages are rendered without it until it works again")
        return default
    if write and _failing:
        _failing = False
        logger.warning("The cache works again")
    if _version_write_lost:
        cache_is_back()
    return result


def _new_version() -> tuple[str | None, bool]:
    """(the version, whether this call made it): a first version when the cache has none."""
    added = _best_effort(lambda: cache.add(VERSION_KEY, uuid.uuid4().hex, timeout=None), None, write=True)
    if added is None:  # the cache failed
        return None, False
    return _best_effort(lambda: cache.get(VERSION_KEY)), bool(added)


def _next_change() -> float:
    """When scheduled content next appears or disappears (a timestamp; NOTHING_SCHEDULED if never)."""
    from inhalte.models import public_versions_change_at

    at = public_versions_change_at()
    return at.timestamp() if at is not None else NOTHING_SCHEDULED


def _store_schedule(version: str, *, failed: bool = False) -> None:
    """Store when scheduled content next changes, for `version`; with the database down, when to ask again."""
    if not failed:
        try:
            next_change = _next_change()
        except DatabaseError:
            failed = True
    if failed:
        # No database: keep serving what is cached under this version; ask again soon.
        logger.warning("Could not read when scheduled content changes; trying again in %ss", SCHEDULE_RETRY_SECONDS)
        next_change = time.time() + SCHEDULE_RETRY_SECONDS
    _best_effort(lambda: cache.set(SCHEDULE_KEY, (version, next_change), timeout=None), write=True)


def _version_from(values: dict) -> str | None:
    """The current version, given what was just read with it; renewed when scheduled content is due.

    The schedule key holds (version, the next moment a scheduled item appears
    or disappears), computed for that version: a save sets a new version, so a
    schedule computed before it (perhaps from a state before the save
    committed) no longer counts. Once the moment has passed, or when the
    schedule of the current version is unknown, every page, fragment and fact
    of that version may show an old state: a new version makes them render
    afresh at the first request, without anyone saving. One request does the
    work (a lock per version and moment); the others go on with the version
    they have for those milliseconds. With the database down nothing is
    renewed: the cached pages are then all visitors can get.
    """
    version, made_now = values.get(VERSION_KEY), False
    if not version:
        version, made_now = _new_version()
    if version is None:  # no shared cache: nothing is cached, so nothing can be due
        return None
    schedule = values.get(SCHEDULE_KEY)
    if schedule is None:  # not there, or the read answered nothing (Redis coming back): ask once more
        schedule = _best_effort(lambda: cache.get(SCHEDULE_KEY))
    due = schedule[1] if isinstance(schedule, tuple) and len(schedule) == 2 and schedule[0] == version else None
    if due is not None and (due == NOTHING_SCHEDULED or time.time() < due):
        return version
    lock = f"{SCHEDULE_KEY}:{version}:{due}"
    if not _best_effort(lambda: cache.add(lock, 1, timeout=SCHEDULE_LOCK_SECONDS), False, write=True):
        return version
    if not made_now:
        # The moment has come, or nobody knows when it comes for this version (after a save, a
        # late write): what was rendered under it may show an old state. (A version made just
        # now has nothing rendered under it yet.)
        try:
            _next_change()  # first make sure the database answers: else the cached pages are all there is
        except DatabaseError:
            _store_schedule(version, failed=True)
            return version
        version = uuid.uuid4().hex
        _best_effort(lambda: cache.set(VERSION_KEY, version, timeout=None), write=True)
    # Read under the new version: a save that commits meanwhile sets another one, so this stays right.
    _store_schedule(version)
    _best_effort(lambda: cache.delete(lock), write=True)
    return version


def current_version() -> str | None:
    """The content version: once per request from the shared cache, then from memory."""
    version = _request_version.get()
    if version is None:
        version = _version_from(_best_effort(lambda: cache.get_many([VERSION_KEY, SCHEDULE_KEY]), {}))
        if version is not None:
            _request_version.set(version)
    return version


@contextmanager
def one_version_per_request():
    """Within this block (a request), the content version is read at most once."""
    token = _request_version.set(None)
    try:
        yield
    finally:
        _request_version.reset(token)


def use_version(version: str | None) -> None:
    """The version just read together with a page (get_current): no need to read it again."""
    if version is not None:
        _request_version.set(version)


def get_current(key: str) -> tuple[Any, str | None]:
    """(value, version): the value cached under `key` for the current content version (or None), and that version.

    One round trip to the cache for both. Store a fresh value with the version
    returned here, read *before* computing it: if content changes meanwhile,
    the value is stored under the old version and never served.
    """
    # This process saved content the cache has not heard of: what it holds now is older than that save.
    stale = _version_write_lost
    try:
        # A failing cache directory raises OSError (Redis answers as a miss itself): rendered without it.
        values = _best_effort(lambda: cache.get_many([VERSION_KEY, SCHEDULE_KEY, key]), {}, failures=OSError)
    except Exception:  # an entry this code cannot read (e.g. written by an older release) is a miss
        logger.warning("Unreadable cache entry %s, treated as a miss", key, exc_info=True)
        values = _best_effort(lambda: cache.get_many([VERSION_KEY, SCHEDULE_KEY]), {})
    if stale:
        values = {}
    version = _version_from(values)
    entry = values.get(key)
    if isinstance(entry, tuple) and len(entry) == 2 and entry[0] == version:
        return entry[1], version
    return None, version


def set_current(key: str, value, version: str | None, timeout: int) -> None:
    if version is not None and timeout > 0:
        _best_effort(lambda: cache.set(key, (version, value), timeout), write=True)


def cached(key: str, compute: Callable[[], Any], *, shared: bool = True, timeout: int | None = None) -> Any:
    """`compute()`, cached under the current content version: facts and rows that do not change per request.

    First in this process's memory (no round trip); with `shared`, then in the
    shared cache, so that all servers compute it once per version. Model
    instances stay in process memory only (`shared=False`): a shared copy could
    outlive the code that wrote it. Every read returns a fresh copy (the memory
    cache pickles), so a request may change what it got.
    """
    timeout = settings.FRAGMENT_CACHE_SECONDS if timeout is None else timeout
    version = current_version() if timeout > 0 else None
    if version is None:  # no caching, or no shared cache to tell when content changes
        return compute()
    local_key = f"{version}:{key}"
    value = _fragments().get(local_key)
    if value is not None:
        return value
    value = get_current(key)[0] if shared else None
    if value is None:
        value = compute()
        if shared:
            set_current(key, value, version, timeout)
    _fragments().set(local_key, value, timeout)
    return value


@dataclass(frozen=True)
class Ids:
    """Primary keys of `model`, in order: a list `render_each` can show without asking the database for it."""

    model: type
    pks: tuple

    def __bool__(self) -> bool:
        return bool(self.pks)


def cached_fragments(keys: list[str]) -> dict[str, Any]:
    """The fragments (rendered HTML) stored in this process for `keys` and the current content version."""
    version = current_version()
    if version is None:
        return {}
    found = _fragments().get_many([f"{version}:{key}" for key in keys])
    return {key: found[f"{version}:{key}"] for key in keys if f"{version}:{key}" in found}


def store_fragments(values: dict[str, Any]) -> None:
    version = current_version()
    if version is not None and settings.FRAGMENT_CACHE_SECONDS > 0:
        _fragments().set_many(
            {f"{version}:{key}": value for key, value in values.items()}, settings.FRAGMENT_CACHE_SECONDS
        )


def _set_new_version(*, with_schedule: bool = False) -> None:
    """A new content version; `with_schedule`: and when scheduled content next changes, for it.

    A save may have scheduled something: the schedule of the old version no
    longer counts (see _version_from). Worked out by the saving request once
    its transaction has committed, visitors do not wait for it; if that fails,
    the first request after the save works it out.
    """
    global _version_write_lost
    version = uuid.uuid4().hex

    def write() -> bool:
        cache.set(VERSION_KEY, version, timeout=None)
        return True

    # A cache that fails answers without raising (Redis) or raises (a full disk): either way the write is lost.
    if not _best_effort(write, False, write=True) or getattr(cache, "available", True) is False:
        _version_write_lost = True
        return
    if with_schedule:
        _store_schedule(version)


def _set_new_version_with_schedule() -> None:
    _set_new_version(with_schedule=True)


# Set while saving what no page shows (inside `invisible_to_visitors`).
_invisible: ContextVar[bool] = ContextVar("inhalt_unsichtbar", default=False)


@contextmanager
def invisible_to_visitors():
    """Saves in this block change nothing a page shows, so the content version stays.

    For what strangers send that staff must check first (an organisation's
    proposal, unpublished): otherwise anyone could empty the page cache by
    sending forms. Staff's own saves always renew the version.
    """
    token = _invisible.set(True)
    try:
        yield
    finally:
        _invisible.reset(token)


def bump_content_version(**kwargs) -> None:
    if _invisible.get():
        return
    # Now, and again after the transaction commits: a page rendered in between
    # from the not yet committed state is then stored under a version nobody asks for.
    _set_new_version()
    transaction.on_commit(_set_new_version_with_schedule)


def connect_signals(models) -> None:
    """Renew the content version whenever one of `models`, or one of their many-to-many links, changes."""
    for model in models:
        label = model._meta.label
        post_save.connect(bump_content_version, sender=model, dispatch_uid=f"inhalt-{label}-save")
        post_delete.connect(bump_content_version, sender=model, dispatch_uid=f"inhalt-{label}-delete")
        for field in model._meta.local_many_to_many:
            through = field.remote_field.through
            m2m_changed.connect(bump_content_version, sender=through, dispatch_uid=f"inhalt-{label}-{field.name}")


def cache_is_back() -> None:
    """Called when the shared cache answers again after failing in this process (Redis's breaker, _best_effort).

    If this process saved content meanwhile, the new version never reached
    the cache, and pages cached before the save would look current: renew it
    now. Otherwise nothing changed that the cache does not know, and the pages
    cached by all servers stay valid (a short blip must not empty the cache).
    """
    global _version_write_lost
    if _version_write_lost and getattr(cache, "available", True) is not False:
        _version_write_lost = False
        _set_new_version()
