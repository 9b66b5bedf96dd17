"""Display modes. The elderly mode (大字模式) enlarges type and raises contrast to
WCAG AAA (7:1); it is a cookie so it works without JavaScript and is remembered."""

from django.conf import settings

STANDARD = "standard"
ELDERLY = "elderly"
DISPLAY_MODES = (STANDARD, ELDERLY)


def display_mode(request):
    mode = request.COOKIES.get(settings.DISPLAY_MODE_COOKIE, STANDARD)
    return mode if mode in DISPLAY_MODES else STANDARD


def display(request):
    """Expose the display mode so the base template can set the body class."""
    return {"elderly_mode": display_mode(request) == ELDERLY}
