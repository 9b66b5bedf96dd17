"""Development settings: DEBUG on, console email, a key that is only for this machine."""

from .base import *  # noqa: F403
from .base import VAR_DIR, private_file

DEBUG = True
ALLOWED_HOSTS = ["127.0.0.1", "localhost", "[::1]", "testserver"]
INTERNAL_IPS = ["127.0.0.1"]


def _dev_secret_key():
    """A random key kept in var/ (mode 0600), so sessions survive restarts but no key is
    committed and no other local user can read it."""
    import secrets

    path = VAR_DIR / "dev-secret-key"
    if not path.exists() or not path.read_text().strip():
        private_file(path).write_text(secrets.token_urlsafe(50))
    return path.read_text().strip()


SECRET_KEY = _dev_secret_key()
WHITENOISE_USE_FINDERS = True
(VAR_DIR / "static").mkdir(parents=True, exist_ok=True)  # quiets whitenoise's warning
EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
# 404s show the site's own page, as in production; 500s keep Django's debug page.
MIDDLEWARE = ["home.errors.FriendlyNotFoundMiddleware", *MIDDLEWARE]  # noqa: F405
