"""The family-motto section of /me/ (the participation app's page cannot import home,
so the template asks home for it)."""

from django import template

from home.mottos.models import FamilyMotto, MottoGalleryPage
from home.mottos.status import standing

register = template.Library()


@register.simple_tag
def my_mottos(user):
    """The user's own submissions with where each one stands, newest first."""
    if not getattr(user, "is_authenticated", False):
        return []
    gallery = MottoGalleryPage.objects.live().first()
    if gallery is None:
        return []
    mottos = FamilyMotto.objects.filter(submitted_by=user).order_by("-created_at")[:20]
    return [
        {
            "motto": motto,
            "standing": standing(motto),
            "url": gallery.url + gallery.reverse_subpage("submission", args=[motto.pk]),
        }
        for motto in mottos
    ]
