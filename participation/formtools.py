"""Small helpers every participation form view shares."""


def autofocus_first_error(form):
    """Put ``autofocus`` on the first field with an error, so that after a failed
    submission (without JavaScript) the cursor lands where the fix is needed."""
    for name, field in form.fields.items():
        if name in form.errors:
            field.widget.attrs["autofocus"] = True
            return


def parse_id(raw):
    """A primary key from a query parameter, or ``None``: ASCII digits only (``str.isdigit``
    also accepts ² and ١, which ``int()`` refuses or reads as another number) and short
    enough for a database integer."""
    if raw and raw.isascii() and raw.isdigit() and len(raw) < 19:
        return int(raw)
    return None
