"""Settings shared by every environment; each value that differs per machine comes from the
environment, so the same code runs on a laptop, in CI and in production."""

import os
from email.utils import getaddresses
from pathlib import Path

import dj_database_url
from csp.constants import NONCE
from django.utils.translation import gettext_lazy as _

from .media import media_storage

BASE_DIR = Path(__file__).resolve().parent.parent.parent
VAR_DIR = Path(os.environ.get("MEKTEP_VAR_DIR", BASE_DIR / "var"))


def env_bool(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: list[str]) -> list[str]:
    value = os.environ.get(name)
    if value is None:
        return default
    return [item.strip() for item in value.split(",") if item.strip()]


SECRET_KEY = os.environ.get("SECRET_KEY", "")
DEBUG = env_bool("DEBUG", False)
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", [])
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", [])

INSTALLED_APPS = [
    # wagtail_modeltranslation must come before the apps whose models it translates, and its
    # migrate/makemigrations commands replace Django's so Page's language columns stay in sync.
    "wagtail_modeltranslation",
    "wagtail_modeltranslation.makemigrations",
    "wagtail_modeltranslation.migrate",
    "cms_pages",
    "accounts",
    "moderation",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.settings",
    "wagtail.contrib.typed_table_block",
    "wagtail.api.v2",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "rest_framework",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "axes",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "accounts.csp.SchoolCSPMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "schoolsite.middleware.LocaleMiddleware",
    # Counts anonymous views of public pages in the shared cache (cms_pages/statistics), those
    # the page cache answers included.
    "cms_pages.statistics.counting.PageViewCounterMiddleware",
    # Anonymous GETs of public pages from the shared cache (cms_pages/page_cache); after the
    # language is known, before anything that would look at the session or the user.
    "cms_pages.page_cache.middleware.PublicPageCacheMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "accounts.two_factor.RequireTwoFactorMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # Admin POSTs run in one transaction; a refused publication rolls back whole.
    "moderation.admin_gate.GateMiddleware",
    # Last, as django-axes asks: it turns a lockout flagged during login into the lockout page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "schoolsite.urls"
WSGI_APPLICATION = "schoolsite.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
                "cms_pages.context_processors.public_site",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{VAR_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("DATABASE_CONN_MAX_AGE", "60")),
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # Admin POSTs run in one transaction (moderation.admin_gate.GateMiddleware). Taking SQLite's
    # write lock when a transaction begins makes concurrent writers wait for each other (up to
    # `timeout` seconds) instead of failing with "database is locked" halfway through; in WAL
    # mode readers never wait for a writer nor a writer for readers (an editor's autosaves and
    # the pages visitors read at the same time). tests/schoolsite/test_sqlite_concurrent_writes.py
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {
            "transaction_mode": "IMMEDIATE",
            "timeout": 20,
            "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        }
    )
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# One cache shared by every server process: Wagtail keeps the list of schools (site root paths)
# in it and clears it when a school is added or changed, so a new school works at once in every
# process. Redis when several servers share the work; otherwise files under var/, which every
# process on this machine shares and which needs no extra service.
REDIS_URL = os.environ.get("REDIS_URL", "")
if REDIS_URL:
    CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": REDIS_URL}
    }
else:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
            "LOCATION": str(Path(os.environ.get("MEKTEP_CACHE_DIR", VAR_DIR / "cache"))),
            # Django's default (300) would drop pages as soon as a few schools are visited.
            "OPTIONS": {"MAX_ENTRIES": 20000},
        }
    }
# The usage statistics' counters until `flush_page_views` writes them (cms_pages/statistics):
# kept apart, so that pages crowding the cache never push a count out; a counter lives three
# days after its last count (a file cache's increment sets the alias's timeout anew).
MEKTEP_STATISTICS_CACHE_DAYS = 3
CACHES["statistics"] = {
    **CACHES["default"],
    "TIMEOUT": MEKTEP_STATISTICS_CACHE_DAYS * 24 * 3600,
    "KEY_PREFIX": "statistics",
}
if not REDIS_URL:
    CACHES["statistics"]["LOCATION"] = str(
        Path(os.environ.get("MEKTEP_STATISTICS_CACHE_DIR", VAR_DIR / "statistics-cache"))
    )
    # A day's distinct visitors are one small file each until the day's keys expire.
    CACHES["statistics"]["OPTIONS"] = {"MAX_ENTRIES": 300000}

# The public page cache (cms_pages/page_cache): how long a stored page may be served at most.
# Changes make it stale at once whatever this says; 0 switches the cache off.
MEKTEP_PAGE_CACHE_SECONDS = int(os.environ.get("MEKTEP_PAGE_CACHE_SECONDS", "3600"))
# A front-end cache (nginx, Varnish) that accepts HTTP PURGE requests: Wagtail purges every
# address of a school from it when the school's content changes.
if os.environ.get("MEKTEP_FRONTEND_CACHE_URL"):
    WAGTAILFRONTENDCACHE = {
        "default": {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
            "LOCATION": os.environ["MEKTEP_FRONTEND_CACHE_URL"],
        }
    }

AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Kyrgyz is the state language and the default; Russian is the official language (004 §4.1).
LANGUAGE_CODE = "ky"
LANGUAGES = [
    ("ky", _("Kyrgyz")),
    ("ru", _("Russian")),
]
# The project's own catalogues, then its translations of the libraries' strings (which
# makemessages would drop from locale/), both before the libraries' own catalogues.
LOCALE_PATHS = [BASE_DIR / "locale", BASE_DIR / "locale" / "upstream"]
# Kyrgyz dates as official texts write them (schoolsite/formats/ky/formats.py).
FORMAT_MODULE_PATH = ["schoolsite.formats"]
USE_I18N = True
USE_TZ = True
TIME_ZONE = "Asia/Bishkek"

MODELTRANSLATION_DEFAULT_LANGUAGE = "ky"
MODELTRANSLATION_LANGUAGES = ("ky", "ru")
# A visitor who opens the Russian site sees the Kyrgyz text rather than a blank where a
# translation is missing, marked with its language and a note (cms_pages/translated_text.py); the
# publishing gate refuses such gaps, so they come only from content saved around it.
MODELTRANSLATION_FALLBACK_LANGUAGES = {"default": ("ky", "ru")}
# One slug for both languages: /ky/sveden/ and /ru/sveden/ are the same page, so the
# disclosure URLs stay stable and the language switch only swaps the prefix.
WAGTAILMODELTRANSLATION_TRANSLATE_SLUGS = False
WAGTAILMODELTRANSLATION_LOCALE_PICKER = False

STATIC_URL = "/static/"
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", VAR_DIR / "static"))
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", VAR_DIR / "media"))
STORAGES = {
    # Uploaded images get unguessable names (schoolsite/storage.py); with MEKTEP_S3_BUCKET set,
    # uploads go to a bucket every application server shares (schoolsite/settings/media.py).
    "default": media_storage(os.environ),
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

WAGTAIL_SITE_NAME = "Mektep"
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
WAGTAILADMIN_PERMITTED_LANGUAGES = [
    ("ky", "Кыргызча"),
    ("ru", "Русский"),
    ("en", "English"),
]
# Wagtail's database search: PostgreSQL's full-text search there, SQLite's FTS5 here. The site
# search hands it words already reduced to their keys in each language (cms_pages/word_forms.py),
# so PostgreSQL must not stem again or drop stop words with a language of its own (the server's
# default configuration is often English): 'simple' only lower-cases, as SQLite's tokenizer does.
WAGTAILSEARCH_BACKENDS = {
    "default": {"BACKEND": "wagtail.search.backends.database", "SEARCH_CONFIG": "simple"}
}
WAGTAILDOCS_EXTENSIONS = ["pdf", "docx", "xlsx", "odt", "ods", "jpg", "jpeg", "png"]
WAGTAILIMAGES_EXTENSIONS = ["jpg", "jpeg", "png", "webp"]

LOGIN_URL = "wagtailadmin_login"
DATA_UPLOAD_MAX_MEMORY_SIZE = 10 * 1024 * 1024

# Login security (001 §5.2; see accounts/ and the README's "Security" section).
# A working day: staff sign in in the morning and are signed out by the evening.
SESSION_COOKIE_AGE = 9 * 60 * 60
# Staff of one school share one public IP, so a lockout hits one account from one address and
# never the whole school; six failures, then an hour's pause.
AXES_FAILURE_LIMIT = 6
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_COOLOFF_TIME = 1
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_CALLABLE = "accounts.lockout.lockout_response"
AXES_CLIENT_IP_CALLABLE = "accounts.lockout.client_ip"
# How many proxies (nginx, a load balancer) stand between visitors and the application server,
# and the addresses they connect from; X-Forwarded-For is ignored otherwise (accounts/lockout.py).
MEKTEP_TRUSTED_PROXIES = int(os.environ.get("MEKTEP_TRUSTED_PROXIES", "0"))
MEKTEP_PROXY_ADDRESSES = env_list("MEKTEP_PROXY_ADDRESSES", ["127.0.0.0/8", "::1/128"])
OTP_TOTP_ISSUER = "Mektep"
# No avatars fetched from a third party: staff e-mail hashes stay on the server.
WAGTAIL_GRAVATAR_PROVIDER_URL = None

# Uploads: checked by content, not only by name (accounts/uploads.py).
WAGTAILDOCS_SERVE_METHOD = "serve_view"
WAGTAILDOCS_DOCUMENT_FORM_BASE = "accounts.uploads.SafeDocumentForm"
WAGTAILIMAGES_IMAGE_FORM_BASE = "accounts.uploads.SafeImageForm"
MEKTEP_MAX_DOCUMENT_SIZE = 10 * 1024 * 1024
# An office file (a ZIP) may unpack to no more than this, whatever its size on upload.
MEKTEP_MAX_UNPACKED_SIZE = 200 * 1024 * 1024
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
WAGTAILIMAGES_MAX_IMAGE_PIXELS = 40_000_000

# Visitors' messages (issue 12): the school answers within this many working days (Monday to
# Friday), a message holds at most this many characters, and its author's data is removed this
# many days after the message is closed (purge_visitor_data).
MEKTEP_ANSWER_WORKING_DAYS = int(os.environ.get("MEKTEP_ANSWER_WORKING_DAYS", "15"))
MEKTEP_VISITOR_MESSAGE_MAX_CHARS = 5000
MEKTEP_VISITOR_DATA_RETENTION_DAYS = int(
    os.environ.get("MEKTEP_VISITOR_DATA_RETENTION_DAYS", "365")
)

# Visitors' forms (cms_pages/visitor_guard.py): a form sent back sooner than this after it was
# shown is refused as a robot's; limits per kind of form override DEFAULT_LIMITS there, e.g.
# {"feedback": {"address": (5, 3600), "school": (200, 86400)}} (submissions, window seconds).
MEKTEP_VISITOR_MIN_FILL_SECONDS = float(os.environ.get("MEKTEP_VISITOR_MIN_FILL_SECONDS", "3"))
MEKTEP_VISITOR_LIMITS = {}

# Content-Security-Policy: the public site runs no script or style it did not name by nonce;
# the Wagtail admin (under /admin/) gets MEKTEP_ADMIN_CSP_DIRECTIVES, as its editor needs
# inline styles and scripts that Wagtail writes without a nonce.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'", NONCE],
        "style-src": ["'self'", NONCE],
        "img-src": ["'self'", "data:"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    }
}
MEKTEP_ADMIN_CSP_DIRECTIVES = {
    "default-src": ["'self'"],
    "script-src": ["'self'", "'unsafe-inline'"],
    "style-src": ["'self'", "'unsafe-inline'"],
    "img-src": ["'self'", "data:", "blob:"],
    "object-src": ["'none'"],
    "base-uri": ["'self'"],
    "form-action": ["'self'"],
    "frame-ancestors": ["'self'"],
}

# Errors go to standard error (Gunicorn's log in production) with the request's path, which
# django.request puts in its message ("Internal Server Error: /ky/search/"), and the traceback;
# with MEKTEP_ADMINS set ("Name <a@school.kg>, b@school.kg"), also by e-mail to those addresses.
# The development server (DEBUG on) keeps Django's own console output.
ADMINS = [
    (name, address)
    for name, address in getaddresses([os.environ.get("MEKTEP_ADMINS", "")])
    if "@" in address
]
SERVER_EMAIL = os.environ.get("SERVER_EMAIL", "root@localhost")  # the sender of error e-mails
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {
        "require_debug_false": {"()": "django.utils.log.RequireDebugFalse"},
        "require_debug_true": {"()": "django.utils.log.RequireDebugTrue"},
    },
    "formatters": {
        "errors": {"format": "{asctime} {levelname} {name}: {message}", "style": "{"},
    },
    "handlers": {
        "console": {
            "level": "INFO",
            "filters": ["require_debug_true"],
            "class": "logging.StreamHandler",
        },
        "errors": {
            "level": "WARNING",
            "filters": ["require_debug_false"],
            "class": "logging.StreamHandler",
            "stream": "ext://sys.stderr",
            "formatter": "errors",
        },
        "mail_admins": {
            "level": "ERROR",
            "filters": ["require_debug_false"],
            "class": "django.utils.log.AdminEmailHandler",
        },
    },
    "loggers": {
        "django": {"handlers": ["console", "mail_admins"], "level": "INFO"},
        # Server errors and refused requests (bad Host header, CSRF); not every 404.
        "django.request": {"handlers": ["errors"], "level": "ERROR"},
        "django.security": {"handlers": ["errors"], "level": "ERROR"},
        "mektep": {"handlers": ["console", "errors", "mail_admins"], "level": "INFO"},
    },
}
