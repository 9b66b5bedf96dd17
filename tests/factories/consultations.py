"""Factories for consultations: proposals with their first step, comments, supports."""

import datetime

import factory
from django.utils import timezone

from participation.consultations.choices import Category, CommentState, Kind, Status
from participation.consultations.models import Comment, ConsultationSettings, Proposal, ProposalStep
from participation.trail import ActorRole
from tests.factories.households import verified_resident


class ProposalFactory(factory.django.DjangoModelFactory):
    """A resident's proposal collecting supports (its 已提交 step written too)."""

    class Meta:
        model = Proposal
        skip_postgeneration_save = True

    title = factory.Sequence(lambda n: f"架空层改造建议{n}")
    body = "建议把3号楼架空层改造成老人活动室。\n\n理由：下雨天老人没有地方活动。"
    category = Category.ELDERLY
    kind = Kind.RESIDENT
    author = factory.LazyFunction(lambda: verified_resident().user)
    supports_close_at = factory.LazyFunction(lambda: timezone.now() + datetime.timedelta(days=60))

    @factory.post_generation
    def first_step(self, create, extracted, **kwargs):
        if create:
            ProposalStep.objects.create(
                proposal=self,
                status=extracted or Status.SUBMITTED,
                role=ActorRole.RESIDENT,
                actor=self.author,
                created_at=self.created_at,
            )


class CommentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Comment

    proposal = factory.SubFactory(ProposalFactory)
    author = factory.LazyFunction(lambda: verified_resident().user)
    body = "我同意，楼下确实需要。"
    state = CommentState.VISIBLE


def resident_user(**kwargs):
    """A verified resident's user, in a unit of their own."""
    return verified_resident(**kwargs).user


def rules(**values):
    """Set the consultation rules (ConsultationSettings) for a test."""
    settings = ConsultationSettings.load()
    for name, value in values.items():
        setattr(settings, name, value)
    settings.save()
    return settings


def step(proposal, status, note="", role=ActorRole.COMMITTEE):
    return ProposalStep.objects.create(proposal=proposal, status=status, role=role, note=note)
