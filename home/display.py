"""Display modes. The elderly mode (大字模式) enlarges type and raises contrast to
WCAG AAA (7:1); it is a cookie so it works without JavaScript and is remembered."""

STANDARD = "standard"
ELDERLY = "elderly"
DISPLAY_MODES = (STANDARD, ELDERLY)


def display_mode(request):
    from django.conf import settings

    mode = request.COOKIES.get(settings.DISPLAY_MODE_COOKIE, STANDARD)
    return mode if mode in DISPLAY_MODES else STANDARD
