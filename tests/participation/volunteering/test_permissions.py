"""Who may do what in volunteering, from the real role groups."""

import datetime

import pytest
from django.utils import timezone

from participation.volunteering import permissions, signups
from tests.factories.households import ResidentFactory
from tests.factories.volunteering import ShiftFactory, leader_of, volunteer

pytestmark = pytest.mark.django_db


def test_the_committee_group_runs_volunteering_but_never_edits_the_ledger(committee):
    assert permissions.can_manage_volunteering(committee)
    assert permissions.can_record_credits(committee)
    assert committee.has_perm("participation.view_certificate")
    assert not committee.has_perm("participation.change_ledgerentry")
    assert not committee.has_perm("participation.delete_ledgerentry")


def test_leaders_manage_their_own_teams_shifts_only(committee):
    shift, other = ShiftFactory(), ShiftFactory()
    leader = leader_of(shift.opportunity.team)
    assert permissions.can_manage_shift(leader, shift)
    assert not permissions.can_manage_shift(leader, other)
    assert permissions.can_manage_shift(committee, other)
    assert not permissions.can_manage_shift(volunteer(), shift)
    assert permissions.can_see_phones(leader, shift.opportunity.team)
    assert not permissions.can_see_phones(committee, shift.opportunity.team)


def test_sign_up_and_cancel_predicates(auditor, captain):
    shift = ShiftFactory(cancel_deadline=timezone.now() + datetime.timedelta(hours=1))
    user = volunteer()
    assert permissions.can_sign_up(user, shift)
    assert not permissions.can_sign_up(ResidentFactory().user, shift)
    assert not permissions.can_sign_up(auditor, shift)
    signup, _ = signups.sign_up(shift, user)
    assert permissions.can_cancel(user, signup)
    assert not permissions.can_cancel(captain, signup)
    later = timezone.now() + datetime.timedelta(hours=2)
    assert not permissions.can_cancel(user, signup, now=later)
    assert not permissions.can_request_certificate(ResidentFactory().user)
