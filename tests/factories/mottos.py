"""Helpers for family mottos: the gallery page, themes, published and submitted mottos."""

import itertools

from django.utils import timezone

from home.mottos.choices import FamilyDisplay, MottoKind
from home.mottos.models import FamilyMotto, MottoGalleryPage, MottoTheme
from home.mottos.submissions import start_moderation
from home.mottos.workflow import ensure_motto_workflow

_counter = itertools.count(1)


def make_gallery(home, **kwargs):
    kwargs.setdefault("title", "家风家训")
    kwargs.setdefault("slug", "mottos")
    kwargs.setdefault("show_in_menus", True)
    return home.add_child(instance=MottoGalleryPage(**kwargs))


def make_theme(name="勤俭持家", slug="thrift"):
    return MottoTheme.objects.get_or_create(slug=slug, defaults={"name": name})[0]


def couplet_fields(upper="忠厚传家久", lower="诗书继世长", horizontal="家和万事兴"):
    return {
        "kind": MottoKind.COUPLET,
        "upper_line": upper,
        "lower_line": lower,
        "horizontal": horizontal,
    }


def make_motto(live=True, theme=None, consent=False, **kwargs):
    """A motto; ``live`` publishes it as an editor would. ``consent`` records the
    family's consent to be named."""
    n = next(_counter)
    kwargs.setdefault("kind", MottoKind.PROSE)
    if kwargs["kind"] != MottoKind.COUPLET:
        kwargs.setdefault("text", f"勤俭持家，诚实做人。第{n}条")
    kwargs.setdefault("family_display", FamilyDisplay.ANONYMOUS)
    motto = FamilyMotto(
        theme=theme or make_theme(),
        live=False,
        consent_at=timezone.now() if consent else None,
        **kwargs,
    )
    motto.save()
    revision = motto.save_revision()
    if live:
        revision.publish()
        motto.refresh_from_db()
    return motto


def submit_for_moderation(motto, user):
    """Put ``motto`` in the mottos' moderation workflow as ``user`` submitted it."""
    ensure_motto_workflow()
    motto.submitted_by = user
    motto.save()
    start_moderation(motto, user)
    return motto
