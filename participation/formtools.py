"""Small helpers every participation form view shares."""


def autofocus_first_error(form):
    """Put ``autofocus`` on the first field with an error, so that after a failed
    submission (without JavaScript) the cursor lands where the fix is needed."""
    for name, field in form.fields.items():
        if name in form.errors:
            field.widget.attrs["autofocus"] = True
            return
