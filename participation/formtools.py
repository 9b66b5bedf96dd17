"""Small helpers every participation form view shares."""

from django.http import Http404
from django.utils.translation import gettext as _

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
