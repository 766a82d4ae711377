"""Settings for the Integrationsrat Beckum portal.

One module, configured by environment variables and secure by default: DEBUG is
off unless asked for, and production refuses to start without a secret key.
Local convenience (debug, a generated dev key) comes from the Makefile.
"""

import os
from pathlib import Path

import dj_database_url
from django.core.management.utils import get_random_secret_key

BASE_DIR = Path(__file__).resolve().parent.parent


def env_bool(name: str, default: bool = False) -> bool:
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


DEBUG = env_bool("DJANGO_DEBUG", default=False)

# The app servers refuse to start without a key (integrationsrat/wsgi.py,
# asgi.py). Management commands that need no lasting key (makemigrations,
# check, collectstatic) get a throwaway one, so they run on a bare checkout.
SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY") or get_random_secret_key()
# Old keys after a rotation, so sessions and mailed status links keep working.
SECRET_KEY_FALLBACKS = env_list("DJANGO_SECRET_KEY_FALLBACKS")

ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]")
CSRF_TRUSTED_ORIGINS = env_list("DJANGO_CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    # Before the admin, so translated fields get their admin widgets.
    "modeltranslation",
    # The admin with the Redaktion's start page (integrationsrat/admin.py).
    "integrationsrat.apps.PortalAdminConfig",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    # Full-text and trigram lookups of the site search (registered only on PostgreSQL connections).
    "django.contrib.postgres",
    "axes",
    # The second factor of the staff login (TOTP apps and recovery codes); zugang decides who needs it.
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "django_tasks_db",
    # The formatting editor of the admin (Tiptap/ProseMirror, served from our own host).
    "django_prose_editor",
    # Every save of content as a version: history, comparison, restore.
    "reversion",
    "crispy_forms",
    "crispy_bootstrap5",
    "bootstrap",
    # The shared foundation of the content apps, then the site's own wiring
    # (system checks, page-cache invalidation, staff roles), then the content,
    # then the starting content that fills them.
    "inhalte",
    "integrationsrat",
    "themen",
    "veranstaltungen",
    "gremien",
    "aktuelles",
    "oparl",
    "anfragen",
    # Figures about requests without personal data: an anonymous record per request, kept for good.
    "kennzahlen",
    "seiten",
    # E-mail alerts about new events and news (double opt-in), sent by the task worker.
    "benachrichtigungen",
    # Registrations for events with a waiting list (personal data: own permission, deleted after the event).
    "teilnahmen",
    # The directory of migrant organisations in Beckum: proposed by them, checked and published by staff.
    "organisationen",
    # Staff login's second factor: who needs it, its setup and check, the superuser's reset.
    "zugang",
    # The site search's index, kept current when any of the apps above saves.
    "suche",
    "startinhalte",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Early, so a cached page skips sessions, language detection and the rest.
    "integrationsrat.page_cache.PublicPageCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # request.user.is_verified(): whether this session confirmed a second factor.
    "django_otp.middleware.OTPMiddleware",
    # No admin page before the second factor for those who need one (zugang.policy).
    "zugang.middleware.ZweiterFaktorMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # Last, as django-axes asks: it answers locked-out logins.
    "axes.middleware.AxesMiddleware",
]

AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]

ROOT_URLCONF = "integrationsrat.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                # The CSP nonce for the admin's scripts (the editor's import map is inline);
                # public pages have no script, and a nonce is only made when a template asks for it.
                "django.template.context_processors.csp",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "integrationsrat.context_processors.site",
            ],
        },
    },
]

WSGI_APPLICATION = "integrationsrat.wsgi.application"

# SQLite file for trying it out; PostgreSQL whenever DATABASE_URL is set.
DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("DJANGO_CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
}

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 12}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# German is the source language and has no URL prefix; every other language
# lives under its own prefix (/en/, /tr/, ...). Names are each language's own,
# so visitors recognise theirs whatever language the page is in.
LANGUAGE_CODE = "de"
LANGUAGES = [
    ("de", "Deutsch"),
    ("en", "English"),
    ("tr", "Türkçe"),
    ("ar", "العربية"),
    ("uk", "Українська"),
    ("ru", "Русский"),
]
MODELTRANSLATION_DEFAULT_LANGUAGE = "de"
MODELTRANSLATION_FALLBACK_LANGUAGES = ("de",)
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Europe/Berlin"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = Path(os.environ.get("DJANGO_STATIC_ROOT", BASE_DIR / "staticfiles"))
STATICFILES_DIRS = [BASE_DIR / "static"]
# Files browsers ask for at the site's root (/favicon.ico), served by WhiteNoise.
WHITENOISE_ROOT = BASE_DIR / "root_files"
MEDIA_URL = "media/"
MEDIA_ROOT = Path(os.environ.get("DJANGO_MEDIA_ROOT", BASE_DIR / "media"))

# Uploaded images: local files by default; S3-compatible object storage (any
# provider, e.g. one in the EU) when DJANGO_S3_BUCKET is set, so app servers
# keep no state of their own.
S3_BUCKET = os.environ.get("DJANGO_S3_BUCKET", "")
DOCUMENTS_ROOT = Path(os.environ.get("DJANGO_DOCUMENTS_ROOT", BASE_DIR / "var" / "dokumente"))
S3_OPTIONS = {
    "bucket_name": S3_BUCKET,
    "endpoint_url": os.environ.get("DJANGO_S3_ENDPOINT_URL") or None,
    "region_name": os.environ.get("DJANGO_S3_REGION") or None,
    "access_key": os.environ.get("DJANGO_S3_ACCESS_KEY_ID", ""),
    "secret_key": os.environ.get("DJANGO_S3_SECRET_ACCESS_KEY", ""),
    "file_overwrite": False,
}
STORAGES = {
    "default": (
        {
            "BACKEND": "storages.backends.s3.S3Storage",
            "OPTIONS": {
                **S3_OPTIONS,
                "custom_domain": os.environ.get("DJANGO_S3_CUSTOM_DOMAIN") or None,
                "querystring_auth": False,  # public images, stable URLs that caches can keep
                "default_acl": None,
            },
        }
        if S3_BUCKET
        else {"BACKEND": "django.core.files.storage.FileSystemStorage"}
    ),
    # Council documents (PDFs): never under MEDIA_URL. They are served only through
    # the portal (gremien.views), which checks that a document is public and sends
    # it as a download with a sandboxing CSP; in S3 they are private objects.
    "dokumente": (
        {
            "BACKEND": "storages.backends.s3.S3Storage",
            # Best a bucket of their own (DJANGO_S3_DOCUMENTS_BUCKET) that nothing makes public;
            # in the images' bucket, its policy must not open the prefix "dokumente/".
            "OPTIONS": {
                **S3_OPTIONS,
                "bucket_name": os.environ.get("DJANGO_S3_DOCUMENTS_BUCKET") or S3_BUCKET,
                "location": "dokumente",
                "default_acl": "private",
                "querystring_auth": True,
            },
        }
        if S3_BUCKET
        else {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": DOCUMENTS_ROOT, "base_url": None},
        }
    ),
    "staticfiles": {
        # Hashed names + compression in production; plain files under DEBUG so
        # a developer never needs collectstatic.
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        ),
    },
}

# Uploads: images are checked by the models' validators; this caps what Django
# keeps in memory before it spills to a temporary file.
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
DATA_UPLOAD_MAX_MEMORY_SIZE = 10 * 1024 * 1024

CRISPY_ALLOWED_TEMPLATE_PACKS = "bootstrap5"
CRISPY_TEMPLATE_PACK = "bootstrap5"

LOGIN_URL = "admin:login"

# Admin login: 5 failed attempts for a user name from one address lock it for an hour.
AXES_FAILURE_LIMIT = int(os.environ.get("DJANGO_AXES_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = 1  # hours
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_LOCKOUT_TEMPLATE = "axes_gesperrt.html"
AXES_RESET_ON_SUCCESS = True
AXES_VERBOSE = False

# Second factor (zugang/): the name authenticator apps show for the account; wrong codes make the
# next try wait 1, 2, 4, 8 … seconds (django-otp's throttling, the default factor, kept on).
OTP_TOTP_ISSUER = "Integrationsrat Beckum"
OTP_TOTP_THROTTLE_FACTOR = 1
OTP_STATIC_THROTTLE_FACTOR = 1

# Mail: console in development, SMTP configured by environment in production.
# DJANGO_EMAIL_BACKEND takes "smtp", "console" or a backend's dotted path.
_MAIL_BACKENDS = {
    "smtp": "django.core.mail.backends.smtp.EmailBackend",
    "console": "django.core.mail.backends.console.EmailBackend",
}
_mail_backend = os.environ.get("DJANGO_EMAIL_BACKEND") or ("console" if DEBUG else "smtp")
_mail_backend = _MAIL_BACKENDS.get(_mail_backend, _mail_backend)
MAILERS = {
    "default": {
        "BACKEND": _mail_backend,
        "OPTIONS": {
            "host": os.environ.get("DJANGO_EMAIL_HOST", "localhost"),
            "port": int(os.environ.get("DJANGO_EMAIL_PORT", "587")),
            "username": os.environ.get("DJANGO_EMAIL_USER", ""),
            "password": os.environ.get("DJANGO_EMAIL_PASSWORD", ""),
            "use_tls": env_bool("DJANGO_EMAIL_USE_TLS", default=True),
            "timeout": 20,
        }
        if _mail_backend == _MAIL_BACKENDS["smtp"]
        else {},
    }
}
DEFAULT_FROM_EMAIL = os.environ.get("DJANGO_DEFAULT_FROM_EMAIL", "integrationsrat@localhost")
# Absolute links in mails (status link, admin link).
SITE_URL = os.environ.get("DJANGO_SITE_URL", "http://127.0.0.1:8000").rstrip("/")

# Mail and other slow work run outside the request in a worker (`manage.py
# db_worker`), queued in the database so nothing is lost on a restart.
TASKS = {"default": {"BACKEND": os.environ.get("DJANGO_TASKS_BACKEND", "django_tasks_db.DatabaseBackend")}}

# The cache holds the content version, cached pages, fragments and facts
# (sessions and rate limits are in the database); it must be shared by every
# app server process. Redis when REDIS_URL is set (needed as soon as there is
# more than one server); otherwise files on this server's disk, which all its
# worker processes share. The cache only ever speeds things up: a Redis that
# fails or hangs is skipped after REDIS_TIMEOUT_SECONDS, for REDIS_RETRY_SECONDS.
REDIS_URL = os.environ.get("REDIS_URL", "")
REDIS_TIMEOUT_SECONDS = float(os.environ.get("REDIS_TIMEOUT_SECONDS", "0.25"))
CACHES = {
    "default": (
        {
            "BACKEND": "integrationsrat.redis_cache.ResilientRedisCache",
            "LOCATION": REDIS_URL,
            "OPTIONS": {
                "socket_connect_timeout": REDIS_TIMEOUT_SECONDS,
                "socket_timeout": REDIS_TIMEOUT_SECONDS,
                "RETRY_AFTER": float(os.environ.get("REDIS_RETRY_SECONDS", "30")),
            },
        }
        if REDIS_URL
        else {
            "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
            "LOCATION": os.environ.get("DJANGO_CACHE_DIR", str(BASE_DIR / "var" / "cache")),
            "OPTIONS": {"MAX_ENTRIES": 5000},
        }
    ),
    # Each process's own: rendered fragments and facts under the content version
    # (integrationsrat/cache.py), so that a render without the page cache is fast.
    # At most 5,000 entries (a card is 1-2 KB, an event with its relations about
    # 5 KB): a crawler walking every event costs a worker some 25 MB, not 100.
    "fragmente": {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "LOCATION": "fragmente",
        "OPTIONS": {"MAX_ENTRIES": 5000},
    },
}

# Whole pages for anonymous visitors, invalidated on every content save (see
# integrationsrat/page_cache.py). 0 turns it off; off by default while
# developing, where a template edit must show at once.
PAGE_CACHE_SECONDS = int(os.environ.get("PAGE_CACHE_SECONDS", "0" if DEBUG else "300"))
# Fragments and facts that do not change per request (event cards, the years of
# the archive), under the same content version; they make the pages that cannot
# come from the page cache (staff, a fresh save) fast. 0 turns them off.
FRAGMENT_CACHE_SECONDS = int(os.environ.get("FRAGMENT_CACHE_SECONDS", "0" if DEBUG else "300"))

# Requests: data minimisation and abuse protection.
REQUEST_RETENTION_DAYS = int(os.environ.get("REQUEST_RETENTION_DAYS", "180"))
# The first answer to a request is due this many working days (Monday to Friday,
# not on NRW public holidays) after it arrived; reports of a barrier get a month.
ANTWORT_FRIST_ARBEITSTAGE = int(os.environ.get("ANTWORT_FRIST_ARBEITSTAGE", "3"))
# A member's public contact and photo were published for the role: gone this long after it ended.
FORMER_MEMBER_CONTACT_DAYS = int(os.environ.get("FORMER_MEMBER_CONTACT_DAYS", "90"))
ANFRAGE_MIN_FILL_SECONDS = int(os.environ.get("ANFRAGE_MIN_FILL_SECONDS", "3"))
# Requests stored, plus spam-trap hits, per client address and clock hour. A
# person's corrections never count; 40 lets a shelter, a library or a language
# class behind one address send a request each on a busy afternoon, and stops
# a flood at 40 an hour.
ANFRAGE_RATE_LIMIT = int(os.environ.get("ANFRAGE_RATE_LIMIT", "40"))
# Sign-ups for e-mail alerts (and spam-trap hits) per client address and hour: each sends a
# confirmation mail to an address someone typed, so fewer than requests.
BENACHRICHTIGUNG_RATE_LIMIT = int(os.environ.get("BENACHRICHTIGUNG_RATE_LIMIT", "20"))
# The directory of migrant organisations: an entry not confirmed for this many days is hidden, and
# deleted after ORGANISATION_LOESCHEN_TAGE; a proposal staff did not publish goes after
# ORGANISATION_VORSCHLAG_TAGE (the proposer's name and address with it).
ORGANISATION_GUELTIG_TAGE = int(os.environ.get("ORGANISATION_GUELTIG_TAGE", "730"))
ORGANISATION_LOESCHEN_TAGE = int(os.environ.get("ORGANISATION_LOESCHEN_TAGE", "1095"))
ORGANISATION_VORSCHLAG_TAGE = int(os.environ.get("ORGANISATION_VORSCHLAG_TAGE", "90"))
# Registrations for events: deleted this many days after the event (by purge_requests); registrations
# (and spam-trap hits) per client address and hour, as many as a class signing up together.
TEILNAHME_RETENTION_DAYS = int(os.environ.get("TEILNAHME_RETENTION_DAYS", "30"))
TEILNAHME_RATE_LIMIT = int(os.environ.get("TEILNAHME_RATE_LIMIT", "30"))
# Proposals stored (and spam-trap hits) per client address and hour: an organisation proposes itself once.
ORGANISATION_RATE_LIMIT = int(os.environ.get("ORGANISATION_RATE_LIMIT", "10"))
# Posts sent back with a mistake marked count only against this (anfragen.ratelimit): far more
# than people correcting typos behind one address make, few enough to stop a bot's flood.
FORM_CORRECTION_LIMIT = int(os.environ.get("FORM_CORRECTION_LIMIT", "300"))
# Behind a reverse proxy the client address is in X-Forwarded-For; trust it only when told to.
TRUST_X_FORWARDED_FOR = env_bool("DJANGO_TRUST_X_FORWARDED_FOR", default=False)
# Shown on the 503 page when the database is down (the office's phone/email; set in production).
CONTACT_PHONE = os.environ.get("DJANGO_CONTACT_PHONE", "")
CONTACT_EMAIL = os.environ.get("DJANGO_CONTACT_EMAIL", "")
CSRF_FAILURE_VIEW = "anfragen.views.csrf_failure"


# Security defaults that hold in every environment.
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = True  # no script ever reads it: there is no script

# Content-Security-Policy: only our own origin, no inline script or style.
from django.utils.csp import CSP  # noqa: E402

SECURE_CSP = {
    "default-src": [CSP.SELF],
    # The nonce only reaches the header on a page that uses it: the admin's
    # formatting editor, whose modules are found through an inline import map.
    "script-src": [CSP.SELF, CSP.NONCE],
    # Tiptap (in django-prose-editor) adds one <style> element with its base
    # rules when the editor starts, and the package offers no way to turn that
    # off or give it a nonce: exactly that stylesheet is allowed, by its hash.
    # A new editor version changes it; the browser test of the admin counts
    # CSP violations and fails then (tests/browser/test_privacy_csp.py).
    "style-src": [CSP.SELF, "'sha256-PlumsSlvJ7vvWzjqibGAYKq92O3y/4JTxWWsWJvyUYA='"],
    "img-src": [CSP.SELF, "data:"],
    "font-src": [CSP.SELF],
    "connect-src": [CSP.SELF],
    "form-action": [CSP.SELF],
    "frame-ancestors": [CSP.NONE],
    "base-uri": [CSP.SELF],
    "object-src": [CSP.NONE],
}

# Production is served over HTTPS behind a proxy. DJANGO_HTTPS=false is only
# for plain-HTTP loopback setups (tests, benchmarks) that still run without DEBUG.
HTTPS = env_bool("DJANGO_HTTPS", default=not DEBUG)
if HTTPS:
    SECURE_SSL_REDIRECT = True
    SECURE_REDIRECT_EXEMPT = [r"^healthz$"]  # load balancers probe over plain HTTP
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SECURE_HSTS_SECONDS = int(os.environ.get("DJANGO_HSTS_SECONDS", "31536000"))
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = False

# HSTS preloading is near-irreversible and a decision for whoever owns the
# domain, not for the app; everything else `check --deploy` asks for is on.
SILENCED_SYSTEM_CHECKS = ["security.W021"]

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    # A database outage is logged once per request by the 503 view, in one line;
    # Django's own traceback of it would repeat the same cause at length.
    "filters": {"database_outage": {"()": "integrationsrat.log_filters.NotADatabaseOutage"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "filters": ["database_outage"]}},
    "root": {"handlers": ["console"], "level": os.environ.get("DJANGO_LOG_LEVEL", "INFO")},
}

# Site-wide facts shown in the header/footer. Only what the council's own
# material states; the office's address and phone are edited on the Impressum page.
SITE_NAME = "Integrationsrat der Stadt Beckum"
