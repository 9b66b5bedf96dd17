from home.display import ELDERLY, display_mode


def display(request):
    """Expose the display mode so the base template can set the body class."""
    return {"elderly_mode": display_mode(request) == ELDERLY}
