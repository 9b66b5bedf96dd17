"""Factories for plan-vote tests: votes with their options, and owners' voters.

The register (buildings, owners, units, users, residents) comes from households.py.
"""

import datetime

import factory
from django.utils import timezone

from participation.residents.choices import Relation
from participation.votes.choices import OptionRole
from participation.votes.models import PlanVote, VoteOption
from tests.factories.households import (
    UserFactory,
    verified_resident,
)

# What a test's ``matter`` stands for: an ordinary and a special Art. 278 item.
ITEM_FOR_MATTER = {"ordinary": 9, "special": 8}

ROLE_FOR_KEY = {"disagree": OptionRole.AGAINST, "abstain": OptionRole.ABSTAIN}
LABEL_FOR_KEY = {"agree": "同意", "disagree": "不同意", "abstain": "弃权"}
DEFAULT_OPTIONS = ("agree", "disagree", "abstain")


class VoteOptionFactory(factory.django.DjangoModelFactory):
    """An option whose label and role follow its key (``agree`` → 同意, adopt; ``b`` → 方案B)."""

    class Meta:
        model = VoteOption

    vote = factory.SubFactory("tests.factories.votes.VoteFactory", options=())
    key = factory.Sequence(lambda n: f"option{n}")
    label = factory.LazyAttribute(lambda o: LABEL_FOR_KEY.get(o.key, f"方案{o.key.upper()}"))
    role = factory.LazyAttribute(lambda o: ROLE_FOR_KEY.get(o.key, OptionRole.ADOPT))
    sort_order = 0


class VoteFactory(factory.django.DjangoModelFactory):
    """A published vote open since an hour ago for a day, with 同意 / 不同意 / 弃权.

    ``matter`` picks an Art. 278 item for owners' votes (``art278_item=`` overrides it);
    ``opens_in_hours`` / ``closes_in_hours`` place the window around now; ``options=``
    are the options' keys in order, and ``options__roles={key: role}`` overrides the
    role a key would have.
    """

    class Meta:
        model = PlanVote
        skip_postgeneration_save = True

    class Params:
        matter = "ordinary"
        opens_in_hours = -1
        closes_in_hours = 24
        now = factory.LazyFunction(timezone.now)

    electorate = "owners"
    art278_item = factory.LazyAttribute(
        lambda v: ITEM_FOR_MATTER[v.matter] if v.electorate == "owners" else None
    )
    title = "架空层改造为儿童游乐区"
    space = "架空层"
    description = "<p>方案说明</p>"
    opens_at = factory.LazyAttribute(lambda v: v.now + datetime.timedelta(hours=v.opens_in_hours))
    closes_at = factory.LazyAttribute(lambda v: v.now + datetime.timedelta(hours=v.closes_in_hours))
    published = True

    @factory.post_generation
    def options(self, create, extracted, roles=None, **kwargs):
        if not create:
            return
        keys = DEFAULT_OPTIONS if extracted is None else extracted
        for order, key in enumerate(keys):
            extra = {"role": roles[key]} if roles and key in roles else {}
            VoteOptionFactory(vote=self, key=key, sort_order=order, **extra)


def owner_voter(owner, unit, **user):
    """The verified resident of ``unit`` whom ``owner`` names to vote (relation 业主表决人);
    ``user`` are UserFactory fields (``username="owner1"``)."""
    voter = verified_resident(unit, Relation.OWNER_VOTER, user=UserFactory(**user)).user
    owner.voter = voter
    owner.save(update_fields=["voter"])
    return voter


def option(vote, key):
    return vote.options.get(key=key)


def close(vote):
    """Move the window into the past (the roll must already be frozen)."""
    now = timezone.now()
    PlanVote.objects.filter(pk=vote.pk).update(
        opens_at=now - datetime.timedelta(days=2), closes_at=now - datetime.timedelta(seconds=1)
    )
    vote.refresh_from_db()
    return vote
