"""Settings for regiokaart.

Everything comes from environment variables with safe development defaults:
a fresh checkout runs on SQLite with DEBUG on. Production sets
DJANGO_DEBUG=false, DJANGO_SECRET_KEY, DJANGO_ALLOWED_HOSTS and DATABASE_URL.
"""

from datetime import timedelta
from pathlib import Path
from urllib.parse import urlsplit

import environ
from csp.constants import NONCE, NONE, SELF
from django.core.exceptions import ImproperlyConfigured
from django.urls import reverse_lazy
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent

env = environ.Env()

DEBUG = env.bool("DJANGO_DEBUG", default=True)

_DEV_SECRET_KEY = "dev-only-insecure-key-do-not-use-in-production"
SECRET_KEY = env.str("DJANGO_SECRET_KEY", default=_DEV_SECRET_KEY if DEBUG else "")
if not SECRET_KEY:
    raise ImproperlyConfigured("Set DJANGO_SECRET_KEY when DJANGO_DEBUG is false.")
if not DEBUG and len(SECRET_KEY) < 50:
    raise ImproperlyConfigured(
        "DJANGO_SECRET_KEY is too short: use at least 50 random characters, e.g. "
        "python -c 'import secrets; print(secrets.token_urlsafe(50))'."
    )

ALLOWED_HOSTS = env.list(
    "DJANGO_ALLOWED_HOSTS", default=["localhost", "127.0.0.1", "[::1]"]
)
CSRF_TRUSTED_ORIGINS = env.list("DJANGO_CSRF_TRUSTED_ORIGINS", default=[])

# An organisation's page is served by regions (it shows the regions it works
# in); organisations, lower down, does not name it: Django adds
# get_absolute_url from here.
ABSOLUTE_URL_OVERRIDES = {
    "organisations.organisation": lambda organisation: reverse_lazy(
        "regions:organisation", args=[organisation.slug]
    ),
}

INSTALLED_APPS = [
    "regiokaart.apps.RegiokaartAdminConfig",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django.contrib.sitemaps",
    "csp",
    "django.forms",
    "leaflet",
    "simple_history",
    "regiokaart.apps.AxesConfig",
    "import_export",
    # Our apps, lowest first; each imports only those above it in this list.
    "core",
    "geo",
    "organisations",
    "regions",
    "plans",
    "selfscan",
    "progress",
    "follow",
    "editing",
    "demo",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # HTML goes out compressed; static files and the map layer come precompressed.
    "django.middleware.gzip.GZipMiddleware",
    "csp.middleware.CSPMiddleware",
    "core.middleware.PermissionsPolicyMiddleware",
    "core.middleware.DataGenerationMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "regiokaart.urls"
WSGI_APPLICATION = "regiokaart.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "core.context_processors.site",
                "core.context_processors.languages",
                "geo.context_processors.cbs",
            ],
        },
    },
]

# Widget templates may live in templates/ too.
FORM_RENDERER = "django.forms.renderers.TemplatesSetting"

DATABASES = {
    "default": env.db("DATABASE_URL", default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}")
}
DATABASES["default"]["ATOMIC_REQUESTS"] = True
# Persistent connections: a new connection per request costs more than most pages.
DATABASES["default"].setdefault("CONN_MAX_AGE", env.int("DATABASE_CONN_MAX_AGE", 600))
DATABASES["default"].setdefault("CONN_HEALTH_CHECKS", True)
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Cache: local memory per process by default; CACHE_URL=redis://host:6379/1 lets
# several workers or hosts share pages rendered once per data generation.
CACHES = {"default": env.cache_url("CACHE_URL", default="locmemcache://regiokaart")}
PAGE_CACHE = "default"
# Writes to these tables (prefixes) never start a new data generation: sessions,
# login throttling (a failed login), the counter itself.
DATA_GENERATION_IGNORED_TABLES = ("django_session", "axes_", "core_datageneration")
PAGE_CACHE_SECONDS = env.int("PAGE_CACHE_SECONDS", 24 * 3600)

AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "editing:my_regions"
LOGOUT_REDIRECT_URL = "regions:map"

# Login throttling (django-axes): 5 failures per username and address, then a pause.
AXES_FAILURE_LIMIT = env.int("AXES_FAILURE_LIMIT", 5)
AXES_COOLOFF_TIME = env.float("AXES_COOLOFF_HOURS", 0.25)
# Per username and address; and per address once it has failed for many
# usernames (password spraying), see core/throttling.py.
AXES_LOCKOUT_PARAMETERS = "core.throttling.lockout_parameters"
AXES_SPRAY_USERNAMES = env.int("AXES_SPRAY_USERNAMES", 10)
AXES_COOLOFF_TIME_DELTA = timedelta(hours=AXES_COOLOFF_TIME)
AXES_RESET_ON_SUCCESS = True
AXES_VERBOSE = False
AXES_LOCKOUT_TEMPLATE = "registration/lockout.html"
# The client's real address behind the proxy: axes asks django-ipware, which
# reads the header the shipped nginx sets from the connection's own address
# (deploy/nginx/regiokaart.conf: X-Real-IP $remote_addr, replacing whatever the
# client sent), then REMOTE_ADDR when no proxy is in front (runserver). gunicorn
# listens on 127.0.0.1 only, so nobody reaches Django without nginx.
AXES_IPWARE_META_PRECEDENCE_ORDER = (
    env.str("CLIENT_IP_META_KEY", "HTTP_X_REAL_IP"),
    "REMOTE_ADDR",
)

# Mail (password reset, invitations): printed to the console unless EMAIL_URL is
# set, e.g. smtp+tls://user:password@smtp.example.org:587
_email = env.email_url("EMAIL_URL", default="consolemail://")
EMAIL_BACKEND = _email["EMAIL_BACKEND"]
EMAIL_HOST = _email["EMAIL_HOST"] or "localhost"
EMAIL_PORT = _email["EMAIL_PORT"] or 25
EMAIL_HOST_USER = _email["EMAIL_HOST_USER"] or ""
EMAIL_HOST_PASSWORD = _email["EMAIL_HOST_PASSWORD"] or ""
EMAIL_USE_TLS = _email.get("EMAIL_USE_TLS", False)
EMAIL_USE_SSL = _email.get("EMAIL_USE_SSL", False)
DEFAULT_FROM_EMAIL = env.str("DEFAULT_FROM_EMAIL", "Regiokaart <noreply@localhost>")
PASSWORD_RESET_TIMEOUT = 3 * 24 * 3600

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": f"django.contrib.auth.password_validation.{name}"}
    for name in (
        "UserAttributeSimilarityValidator",
        "MinimumLengthValidator",
        "CommonPasswordValidator",
        "NumericPasswordValidator",
    )
]

# Dutch is the default and lives without a prefix; English under /en/
# (i18n_patterns in urls.py). Unprefixed URLs (/beheer/, /account/, /data/) are
# always Dutch, whatever the browser asks for.
LANGUAGE_CODE = "nl"
LANGUAGES = [("nl", _("Nederlands")), ("en", _("Engels"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Europe/Amsterdam"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = Path(env.str("DJANGO_STATIC_ROOT", default=str(BASE_DIR / "staticfiles")))
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_ROOT = Path(env.str("DJANGO_MEDIA_ROOT", default=str(BASE_DIR / "media")))
MEDIA_URL = "/media/"  # never served directly: documents go through a view
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}

# Regioplan documents: PDF only, at most this many bytes.
REGIOPLAN_MAX_UPLOAD_BYTES = env.int("REGIOPLAN_MAX_UPLOAD_BYTES", 20 * 1024 * 1024)
# Search inside public plans (plans/search): limits per document when its text
# is extracted; beyond them the rest of the document is not indexed.
PLAN_TEXT_MAX_PAGES = env.int("PLAN_TEXT_MAX_PAGES", 300)
PLAN_TEXT_MAX_SECONDS = env.float("PLAN_TEXT_MAX_SECONDS", 20.0)
PLAN_TEXT_MAX_CHARS = env.int("PLAN_TEXT_MAX_CHARS", 2_000_000)
DATA_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024

# The map has no background tiles by default: the page makes no request off
# this site. Set REGIOKAART_TILE_URL (and its attribution) to add a tile layer.
_TILE_URL = env.str("REGIOKAART_TILE_URL", default="")
LEAFLET_CONFIG = {
    "TILES": (
        [
            (
                "Achtergrond",
                _TILE_URL,
                {"attribution": env.str("REGIOKAART_TILE_ATTRIBUTION", "")},
            )
        ]
        if _TILE_URL
        else []
    ),
    "DEFAULT_CENTER": (52.2, 5.3),
    "DEFAULT_ZOOM": 7,
    "MIN_ZOOM": 6,
    "MAX_ZOOM": 13,
    # Centred on the Netherlands (lon 3.36-7.23): where the map is wider than
    # this extent Leaflet centres on it, and the SVG preview centres on the data.
    "SPATIAL_EXTENT": (3.3, 50.7, 7.3, 53.6),
    "RESET_VIEW": False,
    "SCALE": None,
    "ATTRIBUTION_PREFIX": "",
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env.str("DJANGO_LOG_LEVEL", "INFO")},
    "loggers": {"axes": {"level": "WARNING"}},
}

# Production hardening: all on as soon as DEBUG is off.
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env.bool("DJANGO_SECURE_SSL_REDIRECT", default=not DEBUG)
SESSION_COOKIE_SECURE = not DEBUG
CSRF_COOKIE_SECURE = not DEBUG
SECURE_HSTS_SECONDS = env.int("DJANGO_HSTS_SECONDS", default=0 if DEBUG else 31536000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = not DEBUG
SECURE_HSTS_PRELOAD = env.bool("DJANGO_HSTS_PRELOAD", default=not DEBUG)
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"

# Content Security Policy (django-csp): scripts only from this site or with the
# request's nonce, no inline styles, nothing from elsewhere unless a tile server is
# configured. frame-ancestors: none; the embed view allows any site.
_tile = urlsplit(_TILE_URL.replace("{s}", "*"))
_TILE_ORIGINS = [f"{_tile.scheme}://{_tile.netloc}"] if _TILE_URL else []
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF, NONCE],
        "style-src": [SELF],
        "img-src": [SELF, "data:", *_TILE_ORIGINS],
        "connect-src": [SELF],
        "font-src": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    }
}
# Nothing on this site needs these browser features.
PERMISSIONS_POLICY = (
    "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()"
)

# Spreadsheet import/export (django-import-export): all or nothing, CSV and XLSX.
IMPORT_EXPORT_USE_TRANSACTIONS = True
IMPORT_EXPORT_SKIP_ADMIN_LOG = False
IMPORT_EXPORT_IMPORT_IGNORE_BLANK_LINES = True

# Imports through the admin: files wait here between preview and confirmation.
IMPORT_MAX_UPLOAD_BYTES = env.int("IMPORT_MAX_UPLOAD_BYTES", 50 * 1024 * 1024)
IMPORT_STAGING_DIR = Path(
    env.str("IMPORT_STAGING_DIR", default=str(MEDIA_ROOT / "import-staging"))
)
# django-import-export keeps its previewed uploads there too, so one periodic
# `manage.py clean_staging` removes whatever was never confirmed.
IMPORT_EXPORT_TMP_STORAGE_CLASS = "core.staging.ImportExportStaging"
IMPORT_STAGING_MAX_AGE_HOURS = env.int("IMPORT_STAGING_MAX_AGE_HOURS", 24)
# An import confirmed this long ago that never finished: its worker was killed
# (gunicorn's timeout is a minute); clean_staging removes its upload at once.
IMPORT_STAGING_CONFIRM_MINUTES = env.int("IMPORT_STAGING_CONFIRM_MINUTES", 10)
# Spreadsheet imports are refused before parsing beyond these limits; a preview
# of the largest allowed file stays well inside the worker timeout (bench/).
IMPORT_MAX_ROWS = env.int("IMPORT_MAX_ROWS", 10_000)
IMPORT_MAX_UNPACKED_BYTES = env.int("IMPORT_MAX_UNPACKED_BYTES", 20 * 1024 * 1024)
IMPORT_MAX_CELL_CHARS = env.int("IMPORT_MAX_CELL_CHARS", 5_000)

# Editors of a region not confirmed for this many months get a reminder
# (manage.py send_reminders), at most once per period.
REGIOKAART_REMINDER_MONTHS = env.int("REGIOKAART_REMINDER_MONTHS", default=6)
# Where the site lives, for links in mails sent outside a request.
# Following regions by e-mail (follow): unconfirmed subscriptions are deleted
# after this many days; subscribing is limited per client address (an hour) and
# confirmation mails per e-mail address (a day).
FOLLOW_CONFIRM_DAYS = env.int("FOLLOW_CONFIRM_DAYS", default=7)
FOLLOW_MAX_PER_ADDRESS = env.int("FOLLOW_MAX_PER_ADDRESS", default=10)
FOLLOW_MAX_MAILS_PER_EMAIL = env.int("FOLLOW_MAX_MAILS_PER_EMAIL", default=3)

REGIOKAART_SITE_URL = env.str("REGIOKAART_SITE_URL", default="http://localhost:8000")
