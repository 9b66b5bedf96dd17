"""Production settings.

Fails fast when ``DJANGO_SECRET_KEY`` or ``DJANGO_ALLOWED_HOSTS`` is missing rather than
inventing them. ``DJANGO_INSECURE_HTTP=1`` turns off the HTTPS-only settings for a local
trial over plain http (`make serve`, `make bench`); never set it on a real server.
"""

import os

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403
from .base import DATABASES, STORAGES


def _required(name):
    value = os.environ.get(name, "").strip()
    if not value:
        raise ImproperlyConfigured(f"Set the {name} environment variable for production.")
    return value


DEBUG = False
SECRET_KEY = _required("DJANGO_SECRET_KEY")
ALLOWED_HOSTS = [h.strip() for h in _required("DJANGO_ALLOWED_HOSTS").split(",") if h.strip()]
CSRF_TRUSTED_ORIGINS = [
    o.strip() for o in os.environ.get("DJANGO_CSRF_TRUSTED_ORIGINS", "").split(",") if o.strip()
]

# Keep each worker's database connection between requests: opening an SQLite file
# (and setting WAL on it) costs several milliseconds, more than a whole cached page;
# a PostgreSQL connection costs more still (dj-database-url sets 60 s for it).
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"]["CONN_MAX_AGE"] = 600

STORAGES = {
    **STORAGES,
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

_insecure_http = os.environ.get("DJANGO_INSECURE_HTTP") == "1"
DEMO_DATA_ALLOWED = _insecure_http
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = not _insecure_http
SESSION_COOKIE_SECURE = not _insecure_http
CSRF_COOKIE_SECURE = not _insecure_http
LANGUAGE_COOKIE_SECURE = not _insecure_http
SECURE_HSTS_SECONDS = 0 if _insecure_http else 60 * 60 * 24 * 365
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = not _insecure_http
SESSION_COOKIE_HTTPONLY = True

# Emails and reminders go through the database task queue, worked by `manage.py db_worker`.
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
EMAIL_BACKEND = os.environ.get("EMAIL_BACKEND", "django.core.mail.backends.smtp.EmailBackend")
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "25"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = os.environ.get("EMAIL_USE_TLS") == "1"

# Text messages: the operator's provider is a class with ``send(phone, text)`` in the
# operator's own module (see participation/residents/sms.py), named here; it reads
# its credentials from these settings. The console sender is the default until then.
LINLI_SMS_SENDER = os.environ.get("LINLI_SMS_SENDER", "participation.residents.sms.ConsoleSender")
LINLI_SMS_ACCESS_KEY_ID = os.environ.get("LINLI_SMS_ACCESS_KEY_ID", "")
LINLI_SMS_ACCESS_KEY_SECRET = os.environ.get("LINLI_SMS_ACCESS_KEY_SECRET", "")
LINLI_SMS_SIGN_NAME = os.environ.get("LINLI_SMS_SIGN_NAME", "邻里")
LINLI_SMS_TEMPLATE_CODE = os.environ.get("LINLI_SMS_TEMPLATE_CODE", "")

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": "WARNING"},
}
