"""Test settings: fast hashing, local-memory cache unless REDIS_URL asks for Redis."""

import os
from urllib.parse import urlsplit, urlunsplit

from .base import *  # noqa: F403

DEBUG = False
SECRET_KEY = "test-only-not-secret"  # noqa: S105 - used by the test suite alone
ALLOWED_HOSTS = ["*"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
MEDIA_ROOT = os.environ.get("TEST_MEDIA_ROOT", "/tmp/linli-test-media")
PRIVATE_MEDIA_ROOT = os.environ.get("TEST_PRIVATE_MEDIA_ROOT", "/tmp/linli-test-private")
WAGTAILADMIN_BASE_URL = "http://testserver"
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
if not os.environ.get("REDIS_URL"):
    CACHES["default"] = {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}  # noqa: F405
else:
    # One Redis database per pytest-xdist worker: each worker has a database of its
    # own, and Django's cache.clear() is FLUSHDB, so a shared Redis database would let
    # one worker's clear wipe another's rate-limit counts mid-test, and one worker's
    # cached site root paths name pages of the other's database.
    _worker = os.environ.get("PYTEST_XDIST_WORKER", "")  # "gw0", "gw1", … or none
    _index = int(_worker[2:]) + 2 if _worker.startswith("gw") else 1
    _url = urlsplit(os.environ["REDIS_URL"])
    CACHES["default"]["LOCATION"] = urlunsplit(_url._replace(path=f"/{_index}"))  # noqa: F405
# Most tests change content inside a transaction that never commits, so the page
# cache's invalidation (on commit) would never run: the cache is off, except in the
# tests of the cache itself (tests/portal/test_page_cache.py), which turn it on.
PAGE_CACHE_ENABLED = False
PAGE_CACHE_MEMO = False

# A file, not SQLite's shared in-memory database: the concurrency tests open many
# connections at once, and only a file database queues them on the busy timeout.
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":  # noqa: F405
    DATABASES["default"]["TEST"] = {"NAME": str(VAR_DIR / "test-db.sqlite3")}  # noqa: F405
