"""Small helpers every participation form view shares."""

from django.core.exceptions import ValidationError
from django.http import Http404
from django.utils.translation import gettext as _
from PIL import Image

from participation.households.models import Building


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


def choice_param(request, name, values, message):
    """The query parameter ``name`` if it is one of ``values``, "" when absent; any
    other value is a 404 with ``message`` (a filter link that names nothing)."""
    value = request.GET.get(name, "")
    if value and value not in values:
        raise Http404(message)
    return value


def building_param(request):
    """The building named by ``?building=<id>``, ``None`` when absent; an id that is
    not ASCII digits or names no building is a 404."""
    raw = request.GET.get("building", "")
    if not raw:
        return None
    pk = parse_id(raw)
    building = Building.objects.filter(pk=pk).first() if pk is not None else None
    if building is None:
        raise Http404(_("There is no such building."))
    return building


# What Pillow raises for a file it cannot read: cut short (OSError), malformed headers
# (SyntaxError, ValueError), or more pixels than it agrees to decode.
UNREADABLE_PICTURE = (OSError, SyntaxError, ValueError, Image.DecompressionBombError)


def readable_picture(upload):
    """True if Pillow can decode the whole uploaded picture, not just its header.

    Django's ``ImageField`` only runs ``verify()``, which for a JPEG reads the header: a
    photo cut short on a bad mobile connection passes it, and then raises ``OSError``
    where the picture is decoded — Wagtail's pixel check (a 500 on the form), the
    re-encoding of a report photo, or a rendition on a page everyone reads. Decoding it
    once here makes it a form error instead.
    """
    try:
        upload.seek(0)
        with Image.open(upload) as picture:
            picture.load()
    except UNREADABLE_PICTURE:
        return False
    finally:
        upload.seek(0)
    return True


class ReadablePictureMixin:
    """For an image form field: a picture that does not decode to the end is the
    field's ``invalid_image`` error (see ``readable_picture``)."""

    def to_python(self, data):
        try:
            upload = super().to_python(data)
        except UNREADABLE_PICTURE as exc:  # raised by checks that decode the header
            raise ValidationError(
                self.error_messages["invalid_image"], code="invalid_image"
            ) from exc
        if upload is not None and not readable_picture(upload):
            raise ValidationError(self.error_messages["invalid_image"], code="invalid_image")
        return upload
