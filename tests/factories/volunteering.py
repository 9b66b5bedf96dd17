"""Factories for volunteering: teams, opportunities, shifts, verified volunteers."""

import datetime
from decimal import Decimal

import factory
from django.utils import timezone

from participation.volunteering.models import Opportunity, Shift, VolunteerTeam
from tests.factories.households import UserFactory, verified_resident


class TeamFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = VolunteerTeam
        django_get_or_create = ("name",)

    name = factory.Sequence(lambda n: f"志愿服务队{n}")


class OpportunityFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Opportunity

    title = factory.Sequence(lambda n: f"垃圾分类督导{n}")
    team = factory.SubFactory(TeamFactory)
    location = "北门垃圾分类投放点"
    description = "指导居民分类投放。"


class ShiftFactory(factory.django.DjangoModelFactory):
    """A two-hour shift three days from now with five seats and two hours credited."""

    class Meta:
        model = Shift

    opportunity = factory.SubFactory(OpportunityFactory)
    starts_at = factory.LazyFunction(lambda: timezone.now() + datetime.timedelta(days=3))
    ends_at = factory.LazyAttribute(lambda s: s.starts_at + datetime.timedelta(hours=2))
    capacity = 5
    hours = Decimal("2")


def volunteer(**kwargs):
    """A verified resident's user, with a confirmed e-mail."""
    return verified_resident(user=UserFactory(**kwargs)).user


def leader_of(team, **kwargs):
    user = volunteer(**kwargs)
    team.leaders.add(user)
    return user


def move_shift(shift, starts_in, length=datetime.timedelta(hours=2)):
    """Move a shift (and its deadlines) so it starts ``starts_in`` from now."""
    starts = timezone.now() + starts_in
    Shift.objects.filter(pk=shift.pk).update(
        starts_at=starts, ends_at=starts + length, signup_deadline=None, cancel_deadline=None
    )
    shift.refresh_from_db()
    return shift


def purge_ledger():
    """A transactional test flushes every table with DELETE on SQLite, which the
    ledger's trigger refuses: drop the triggers, empty the table, put them back."""
    from django.db import connection

    from participation.volunteering import ledger_sql

    with connection.schema_editor() as editor:
        ledger_sql.uninstall(editor)
        editor.execute(f"DELETE FROM {ledger_sql.TABLE}")  # noqa: S608 - a constant
        ledger_sql.install(editor)
