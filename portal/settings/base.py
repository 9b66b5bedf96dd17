"""Settings shared by every environment.

Storage is SQLite unless ``DATABASE_URL`` is set (then PostgreSQL, or whatever
dj-database-url understands); the cache is local memory unless ``REDIS_URL`` is set.
Environment-specific files (dev, production, test) import this one and override.
"""

import contextlib
import os
from pathlib import Path

import dj_database_url

PROJECT_DIR = Path(__file__).resolve().parent.parent
BASE_DIR = PROJECT_DIR.parent
VAR_DIR = Path(os.environ.get("LINLI_VAR_DIR", BASE_DIR / "var"))

INSTALLED_APPS = [
    "home",
    "participation",
    "portal.search",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.table_block",
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
    "django_filters",
    "crispy_forms",
    "crispy_bootstrap5",
    "django_tasks",
    "django_tasks_db",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "allauth",
    "allauth.account",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "portal.page_cache.AnonymousPageCacheMiddleware",
    "django.middleware.http.ConditionalGetMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "home.middleware.ChosenLanguageMiddleware",
    "django.middleware.common.CommonMiddleware",
    "home.middleware.RememberedSiteMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "portal.hostile_input.HostileInputMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
]

ROOT_URLCONF = "portal.urls"

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
                "home.display.display",
            ],
            "libraries": {"memo": "portal.fragment_tags"},
        },
    },
]

WSGI_APPLICATION = "portal.wsgi.application"

# --- Storage -------------------------------------------------------------------------
# SQLite: WAL for concurrent readers, IMMEDIATE transactions so writers queue on the
# busy timeout instead of failing with "database is locked" on lock upgrade. The same
# options apply however SQLite is configured (the default file, SQLITE_PATH, or a
# sqlite:// DATABASE_URL).
SQLITE_OPTIONS = {
    "transaction_mode": "IMMEDIATE",
    "timeout": 20,
    "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
}


def private_file(path):
    """Make ``path`` readable by this user only (0600): create it so, or tighten it.

    For secrets and the SQLite database: created before anything else writes them, so
    they are never world-readable, whatever the umask. A file that exists keeps its
    content; if group or others may read it (a checkout from before issue 10 made
    ``var/db.sqlite3`` 644), it is made 0600. A file this user does not own cannot be
    changed and is left as it is (the operator set it up that way); SQLite's ``-wal``
    and ``-shm`` files take the database's mode when SQLite next creates them.
    """
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
    except FileExistsError:
        with contextlib.suppress(PermissionError):
            if path.stat().st_mode & 0o077:
                path.chmod(0o600)
    return path


def database_settings(environ):
    """``DATABASES["default"]`` for this environment: ``DATABASE_URL``, else SQLite."""
    if environ.get("DATABASE_URL"):
        config = dj_database_url.parse(environ["DATABASE_URL"], conn_max_age=60)
    else:
        config = {
            "ENGINE": "django.db.backends.sqlite3",
            "NAME": environ.get("SQLITE_PATH", str(VAR_DIR / "db.sqlite3")),
        }
    if config["ENGINE"] == "django.db.backends.sqlite3":
        config["OPTIONS"] = {**SQLITE_OPTIONS, **config.get("OPTIONS", {})}
        name = str(config.get("NAME") or "")
        if name and name != ":memory:" and not name.startswith("file:"):
            private_file(name)
    return config


DATABASES = {"default": database_settings(os.environ)}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

if os.environ.get("REDIS_URL"):
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": os.environ["REDIS_URL"],
            "KEY_PREFIX": "linli",
        }
    }
else:
    # Shared by every worker on the machine (rate limits, lock-outs, the page cache's
    # generation), never per-process memory. `manage.py createcachetable` makes it.
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.db.DatabaseCache",
            "LOCATION": "linli_cache",
            "OPTIONS": {"MAX_ENTRIES": 20_000},
        }
    }
# Wagtail remembers which rendition files exist in the "renditions" cache and writes
# to it on every page that shows an image: per-process memory is right for that (a
# miss only costs one query), where the database cache would take a write lock per
# request.
CACHES["renditions"] = {
    "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
    "LOCATION": "renditions",
    "TIMEOUT": 600,
}
# Longest life of a page in the anonymous page cache (portal/page_cache.py), seconds.
PAGE_CACHE_SECONDS = 60
# LINLI_PAGE_CACHE=off turns it off (make bench measures both ways).
PAGE_CACHE_ENABLED = os.environ.get("LINLI_PAGE_CACHE", "on") != "off"
# What every visitor sees alike (the site, its settings, the menu, routes, lists,
# search hits, rendered cards) is remembered once per process and cache generation
# (portal.page_cache.remember, {% memo %}), page cache on or off. LINLI_PAGE_MEMO=off
# turns it off too (make bench's "cold" rows: every request does all its work).
PAGE_CACHE_MEMO = os.environ.get("LINLI_PAGE_MEMO", "on") != "off"

# Background work: run at once in development; production uses the database backend
# with `manage.py db_worker` (see production.py).
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# --- Accounts (django-allauth at /accounts/) ----------------------------------------
# One login page for residents and staff: /admin/login/ redirects here (portal/urls.py),
# so the login rate limits below cover the admin too.
AUTHENTICATION_BACKENDS = [
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "/me/"
WAGTAILADMIN_LOGIN_URL = "account_login"
# A page for logged-in people only sends others to the same login page (Wagtail's own
# default is a bare, English-only form at /_util/login/ without allauth's limits).
WAGTAIL_FRONTEND_LOGIN_URL = "account_login"
WAGTAIL_PASSWORD_RESET_ENABLED = False
# Log in by username, e-mail or mobile number (+ password, or a one-time code).
ACCOUNT_LOGIN_METHODS = {"username", "email", "phone"}
# E-mail and mobile number are both optional, but the sign-up form asks for at least
# one of them (participation.residents.account_forms.SignupForm), so that the account can
# be recovered; a mobile number is verified by an SMS code before the first log-in.
ACCOUNT_SIGNUP_FIELDS = ["phone", "email", "username*", "password1*", "password2*"]
ACCOUNT_SIGNUP_FORM_CLASS = "participation.residents.forms.SignupExtraForm"
ACCOUNT_ADAPTER = "participation.residents.adapter.AccountAdapter"
ACCOUNT_FORMS = {
    "signup": "participation.residents.account_forms.SignupForm",
    "login": "participation.residents.account_forms.LoginForm",
    "request_login_code": "participation.residents.account_forms.RequestLoginCodeForm",
    "confirm_login_code": "participation.residents.account_forms.ConfirmLoginCodeForm",
    "verify_phone": "participation.residents.account_forms.VerifyPhoneForm",
}
# "optional" only in name: allauth refuses "mandatory" without a required e-mail, and
# accounts without an e-mail (letter code, made at the office, phone only) must log
# in. The login stage in participation/residents/stages.py makes verification
# mandatory for every account that has an e-mail address.
ACCOUNT_EMAIL_VERIFICATION = "optional"
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_LOGOUT_ON_GET = False
ACCOUNT_LOGIN_ON_EMAIL_CONFIRMATION = True
ACCOUNT_EMAIL_SUBJECT_PREFIX = "[邻里] "
ACCOUNT_PREVENT_ENUMERATION = True
# SMS codes: six digits, valid for the ten minutes the text message promises
# (participation/residents/sms.py); a new code may be asked for twice.
LINLI_SMS_CODE_MINUTES = 10
ACCOUNT_PHONE_VERIFICATION_CODE_FORMAT = {"numeric": True, "length": 6, "dashed": False}
ACCOUNT_PHONE_VERIFICATION_TIMEOUT = LINLI_SMS_CODE_MINUTES * 60
ACCOUNT_PHONE_VERIFICATION_SUPPORTS_RESEND = True
ACCOUNT_LOGIN_BY_CODE_TIMEOUT = LINLI_SMS_CODE_MINUTES * 60
ACCOUNT_LOGIN_BY_CODE_SUPPORTS_RESEND = True
# Log-in by a one-time code sent to the e-mail address or by SMS: five wrong passwords
# lock the password log-in, never the owner out (the code is a second door).
ACCOUNT_LOGIN_BY_CODE_ENABLED = True
# Failed logins: 5 per account (the key) per 15 minutes, 10 per address per minute.
# LINLI_LOGIN_FAILED_IP_WINDOW widens the address's window (e.g. "10m") for the
# two-server test, whose eleven tries can take longer than a minute on a loaded machine.
ACCOUNT_RATE_LIMITS = {
    "login_failed": f"10/{os.environ.get('LINLI_LOGIN_FAILED_IP_WINDOW', 'm')}/ip,5/15m/key",
    "login": "30/m/ip",
    "signup": "10/m/ip",
    "reset_password": "10/m/ip,3/m/key",
    "reset_password_from_key": "20/m/ip",
    # Every SMS goes out under one of the two actions below, keyed by the number
    # (+86…): at most one a minute, five an hour and ten a day per number and action
    # (the limits Chinese SMS providers apply), and few per address.
    # verify_phone: the code at sign-up and its resends, the "already registered" text.
    "verify_phone": "1/m/key,5/h/key,10/d/key,5/m/ip",
    # request_login_code: a log-in code by SMS or e-mail, keyed by the number/address.
    "request_login_code": "10/m/ip,1/m/key,5/h/key,10/d/key",
    # Wrong letter codes typed at /accounts/signup/code/ (no account to count them on).
    "household_code_failed": "5/h/ip",
}
# Behind a reverse proxy, how many proxies append to X-Forwarded-For (rate limits
# must see the visitor's address, not the proxy's).
ALLAUTH_TRUSTED_PROXY_COUNT = int(os.environ.get("LINLI_TRUSTED_PROXY_COUNT", "0"))

# --- Languages -----------------------------------------------------------------------
LANGUAGE_CODE = "zh-hans"
LANGUAGES = [("zh-hans", "简体中文"), ("en", "English")]
WAGTAIL_CONTENT_LANGUAGES = [("zh-hans", "简体中文")]
LOCALE_PATHS = [PROJECT_DIR / "locale"]
LANGUAGE_COOKIE_NAME = "linli_language"
LANGUAGE_COOKIE_AGE = 60 * 60 * 24 * 365
TIME_ZONE = "Asia/Shanghai"
USE_I18N = True
USE_TZ = True

# --- Static and media ----------------------------------------------------------------
STATIC_URL = "/static/"
STATIC_ROOT = Path(os.environ.get("LINLI_STATIC_ROOT", VAR_DIR / "static"))
STATICFILES_DIRS = [
    BASE_DIR / "static",
    # Bootstrap comes from the npm registry at install time (package.json + lock).
    ("vendor/bootstrap", BASE_DIR / "node_modules" / "bootstrap" / "dist" / "css"),
]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", VAR_DIR / "media"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
# Photos of resident reports: outside MEDIA_ROOT (never behind the public /media/ URL),
# served by a view that checks who may see the report (participation/reports/views.py).
PRIVATE_MEDIA_ROOT = Path(os.environ.get("PRIVATE_MEDIA_ROOT", VAR_DIR / "private"))
# Serve MEDIA_ROOT from Django itself (local trials only; see portal/urls.py).
SERVE_MEDIA_LOCALLY = os.environ.get("DJANGO_SERVE_MEDIA") == "1"
# Uploads (documents staff attach, residents' photos) are not world-readable: the site's
# user and its group (the web server's) only.
FILE_UPLOAD_PERMISSIONS = 0o640
FILE_UPLOAD_DIRECTORY_PERMISSIONS = 0o750
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

# --- Wagtail -------------------------------------------------------------------------
WAGTAIL_SITE_NAME = "邻里 Linli"
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
# Wagtail's database search with Chinese text analysis (bigrams, Traditional folded to
# Simplified): see portal/search/.
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "portal.search.backend"}}
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "odt", "pdf", "pptx", "rtf", "txt", "xlsx", "zip"]
WAGTAILDOCS_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
# Nothing from abroad in the admin: no avatars from gravatar.com, no update check
# against releases.wagtail.org (both are slow or blocked from China).
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAIL_ENABLE_UPDATE_CHECK = False
WAGTAIL_DATE_FORMAT = "%Y-%m-%d"
WAGTAIL_DATETIME_FORMAT = "%Y-%m-%d %H:%M"

CRISPY_ALLOWED_TEMPLATE_PACKS = "bootstrap5"
CRISPY_TEMPLATE_PACK = "bootstrap5"

# --- Security headers (all environments; production adds HTTPS-only ones) ------------
# No 'unsafe-inline' scripts on the public site. The Wagtail admin still relies on
# inline scripts and styles, so it is excluded here and keeps Wagtail's own defaults.
CONTENT_SECURITY_POLICY = {
    "EXCLUDE_URL_PREFIXES": ["/admin/"],
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
        "base-uri": ["'self'"],
        "object-src": ["'none'"],
    },
}
SECURE_REFERRER_POLICY = "same-origin"
# A failed CSRF check gets the site's own page, in the visitor's language.
CSRF_FAILURE_VIEW = "home.errors.csrf_failure"
SECURE_CONTENT_TYPE_NOSNIFF = True
X_FRAME_OPTIONS = "DENY"

EMAIL_SUBJECT_PREFIX = "[邻里] "
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "noreply@linli.invalid")

# `load_demo_community` creates a superuser: allowed in development and tests, and in
# production settings only for a local trial (DJANGO_INSECURE_HTTP=1).
DEMO_DATA_ALLOWED = True
# Notices per page on /notices/.
NOTICES_PER_PAGE = 10
# Cookie that turns on the elderly (large type, high contrast) mode.
DISPLAY_MODE_COOKIE = "linli_display"

# --- Text messages (participation/residents/sms.py) ----------------------------------
# A dotted path to a class with ``send(phone, text)``; the console prints and logs.
LINLI_SMS_SENDER = os.environ.get("LINLI_SMS_SENDER", "participation.residents.sms.ConsoleSender")
