"""System checks (`manage.py check`, run on migrate and in the deploy steps)."""

import tempfile
from pathlib import Path

from django.conf import settings
from django.core.checks import Error, Tags, register


@register(Tags.caches)
def cache_directory_writable(app_configs, **kwargs):
    # Without REDIS_URL every page view reads and writes the cache directory:
    # an unwritable one would turn each cache miss into a server error.
    config = settings.CACHES["default"]
    if not config["BACKEND"].endswith(".FileBasedCache"):
        return []
    path = Path(config["LOCATION"])
    try:
        path.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=path):
            pass
    except OSError as error:
        return [
            Error(
                f"The cache directory {path} is not writable ({error.strerror}).",
                hint="Set DJANGO_CACHE_DIR to a writable directory on a local disk, or REDIS_URL.",
                id="integrationsrat.E001",
            )
        ]
    return []


@register(Tags.security)
def csrf_token_in_a_cookie(app_configs, **kwargs):
    # The cached form gets its CSRF token before the session middleware has run.
    if settings.CSRF_USE_SESSIONS and settings.PAGE_CACHE_SECONDS > 0:
        return [
            Error(
                "CSRF_USE_SESSIONS does not work with the page cache, which fills in the form's token "
                "before sessions are loaded.",
                hint="Keep the CSRF token in its cookie (the default), or set PAGE_CACHE_SECONDS=0.",
                id="integrationsrat.E002",
            )
        ]
    return []
