"""Factories for family mottos: the gallery page, themes, published and submitted mottos."""

import factory
from django.utils import timezone

from home.mottos.choices import FamilyDisplay, MottoKind
from home.mottos.models import FamilyMotto, MottoGalleryPage, MottoTheme
from home.mottos.submissions import start_moderation
from home.mottos.workflow import ensure_motto_workflow
from tests.factories.pages import PageFactory


class MottoGalleryFactory(PageFactory):
    """家风家训 at /mottos/, in the menu (not published: added live)."""

    class Meta:
        model = MottoGalleryPage

    title = "家风家训"
    slug = "mottos"
    show_in_menus = True


class ThemeFactory(factory.django.DjangoModelFactory):
    """勤俭持家 (thrift) unless told otherwise; one row per slug."""

    class Meta:
        model = MottoTheme
        django_get_or_create = ("slug",)

    name = "勤俭持家"
    slug = "thrift"


def couplet_fields(upper="忠厚传家久", lower="诗书继世长", horizontal="家和万事兴"):
    return {
        "kind": MottoKind.COUPLET,
        "upper_line": upper,
        "lower_line": lower,
        "horizontal": horizontal,
    }


class MottoFactory(factory.django.DjangoModelFactory):
    """An anonymous prose motto of the thrift theme, saved as a draft with a revision and
    then published as an editor would; ``live=False`` leaves it a draft, ``consent=True``
    records the family's consent to be named."""

    class Meta:
        model = FamilyMotto
        skip_postgeneration_save = True

    class Params:
        consent = factory.Trait(consent_at=factory.LazyFunction(timezone.now))

    theme = factory.SubFactory(ThemeFactory)
    kind = MottoKind.PROSE
    text = factory.LazyAttributeSequence(
        lambda m, n: "" if m.kind == MottoKind.COUPLET else f"勤俭持家，诚实做人。第{n + 1}条"
    )
    family_display = FamilyDisplay.ANONYMOUS
    consent_at = None

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        motto = model_class(*args, live=False, **kwargs)
        motto.save()
        return motto

    @factory.post_generation
    def live(self, create, extracted, **kwargs):
        if not create:
            return
        revision = self.save_revision()
        if extracted is None or extracted:
            revision.publish()
            self.refresh_from_db()


def submit_for_moderation(motto, user):
    """Put ``motto`` in the mottos' moderation workflow as ``user`` submitted it."""
    ensure_motto_workflow()
    motto.submitted_by = user
    motto.save()
    start_moderation(motto, user)
    return motto
