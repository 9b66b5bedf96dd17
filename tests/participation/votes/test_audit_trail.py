"""Issue 10.9: opening a single ballot is a POST with CSRF, never a link; joining or
leaving the 审计 and 居委会 groups is an audit-log entry naming who made the change,
shown on each vote's roll beside the ballot openings."""

import pytest
from django.contrib.auth.models import Group
from django.test import Client
from wagtail.log_actions import LogContext
from wagtail.models import ModelLogEntry

from participation import roles
from participation.logs import ROLE_ADDED, ROLE_REMOVED
from participation.votes.ballots import cast_online, enter_paper_ballot, void_paper_ballot
from participation.votes.models import BallotAccessLog
from participation.votes.roll import freeze_electorate
from tests.factories.households import OwnerFactory, UnitFactory, UserFactory, staff_in
from tests.factories.votes import VoteFactory, owner_voter


@pytest.fixture
def ballot(db):
    owner = OwnerFactory()
    voter = owner_voter(owner, UnitFactory(owner=owner, area="100.00"), username="owner1")
    vote = freeze_electorate(VoteFactory(electorate="owners"))
    ballot, _ = cast_online(vote, vote.roll.get(owner=owner), voter, vote.options.get(key="agree"))
    return vote, ballot


def _audit_url(vote, ballot):
    return f"/admin/plan_votes/manage/{vote.pk}/ballots/{ballot.pk}/"


def test_following_a_link_to_a_ballot_opens_nothing_and_logs_nothing(client, auditor, ballot):
    vote, ballot = ballot
    client.force_login(auditor)
    page = client.get(_audit_url(vote, ballot))
    assert page.status_code == 200
    assert "同意" not in page.content.decode().split("<main", 1)[-1]
    assert not BallotAccessLog.objects.exists()
    assert not ModelLogEntry.objects.filter(action="linli.vote.ballot_opened").exists()


def test_the_roll_opens_ballots_with_a_form_not_a_link(client, auditor, ballot):
    vote, ballot = ballot
    client.force_login(auditor)
    roll = client.get(f"/admin/plan_votes/manage/{vote.pk}/roll/").content.decode()
    assert f'<form method="post" action="{_audit_url(vote, ballot)}">' in roll
    assert f'href="{_audit_url(vote, ballot)}"' not in roll


def test_opening_a_ballot_without_the_csrf_token_is_refused(auditor, ballot):
    vote, ballot = ballot
    browser = Client(enforce_csrf_checks=True)
    browser.force_login(auditor)
    assert browser.post(_audit_url(vote, ballot)).status_code == 403
    assert not BallotAccessLog.objects.exists()


def test_an_auditor_posts_to_open_a_ballot_and_it_is_logged(client, auditor, ballot):
    vote, ballot = ballot
    client.force_login(auditor)
    page = client.post(_audit_url(vote, ballot))
    assert "同意" in page.content.decode()
    assert BallotAccessLog.objects.get().auditor == auditor
    roll = client.get(f"/admin/plan_votes/manage/{vote.pk}/roll/").content.decode()
    assert "谁打开过本次表决的选票" in roll and "auditor" in roll


def test_voiding_a_paper_ballot_an_auditor_opened_keeps_the_opening_on_the_roll(
    client, auditor, staff_roles
):
    owner = OwnerFactory()
    owner_voter(owner, UnitFactory(owner=owner, area="88.00", room="1701"), username="owner17")
    vote = freeze_electorate(VoteFactory(electorate="owners"))
    entry = vote.roll.get(owner=owner)
    clerk = staff_in(roles.COMMITTEE, username="clerk")
    checker = staff_in(roles.COMMITTEE, username="checker")
    ballot, _ = enter_paper_ballot(vote, entry, vote.options.get(key="agree"), clerk, "P-17")
    client.force_login(auditor)
    client.post(_audit_url(vote, ballot))
    void_paper_ballot(vote, ballot.pk, checker, "录错了")
    opening = BallotAccessLog.objects.get()
    assert (opening.ballot, opening.vote, opening.roll_entry) == (None, vote, entry)
    roll = client.get(f"/admin/plan_votes/manage/{vote.pk}/roll/").content.decode()
    assert entry.label in roll.split("谁打开过本次表决的选票", 1)[1]


def test_adding_someone_to_the_auditors_is_logged_with_who_did_it(staff_roles):
    boss = UserFactory(username="boss")
    newcomer = UserFactory(username="newcomer")
    auditors = Group.objects.get(name=roles.AUDITOR)
    with LogContext(user=boss):
        newcomer.groups.add(auditors)
    entry = ModelLogEntry.objects.get(action=ROLE_ADDED)
    assert entry.user == boss
    assert (entry.data["member"], entry.data["group"]) == ("newcomer", roles.AUDITOR)


def test_removing_from_either_side_and_clearing_are_logged(staff_roles):
    boss = UserFactory(username="boss")
    member = UserFactory(username="member")
    committee = Group.objects.get(name=roles.COMMITTEE)
    auditors = Group.objects.get(name=roles.AUDITOR)
    with LogContext(user=boss):
        committee.user_set.add(member)
        committee.user_set.remove(member)
        member.groups.add(auditors)
        member.groups.clear()
    actions = list(
        ModelLogEntry.objects.filter(action__in=(ROLE_ADDED, ROLE_REMOVED))
        .order_by("pk")
        .values_list("action", "data__group")
    )
    assert actions == [
        (ROLE_ADDED, roles.COMMITTEE),
        (ROLE_REMOVED, roles.COMMITTEE),
        (ROLE_ADDED, roles.AUDITOR),
        (ROLE_REMOVED, roles.AUDITOR),
    ]
    assert set(ModelLogEntry.objects.values_list("user__username", flat=True)) == {"boss"}


def test_other_groups_are_not_logged(staff_roles):
    UserFactory(username="writer").groups.add(Group.objects.get(name=roles.EDITOR))
    assert not ModelLogEntry.objects.filter(action=ROLE_ADDED).exists()


def test_an_admin_adding_an_auditor_is_named_on_the_vote_roll(client, committee, ballot):
    vote, _ = ballot
    admin = staff_in(roles.COMMITTEE, username="chief", is_superuser=True)
    newcomer = UserFactory(username="newcomer")
    client.force_login(admin)
    with LogContext(user=admin):  # what every Wagtail admin view wraps a request in
        newcomer.groups.add(Group.objects.get(name=roles.AUDITOR))
    roll = client.get(f"/admin/plan_votes/manage/{vote.pk}/roll/").content.decode()
    assert "newcomer" in roll and "chief" in roll and roles.AUDITOR in roll
