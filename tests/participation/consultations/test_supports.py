"""附议: who may support, one per resident or household, the threshold and its step."""

import datetime

import pytest
from django.core import mail
from django.db import IntegrityError, transaction
from django.utils import timezone

from participation import roles
from participation.consultations.choices import Status
from participation.consultations.models import Proposal, ProposalStep, Support
from participation.consultations.supports import SupportRefused, add_support, threshold_reached
from tests.factories.consultations import ProposalFactory, resident_user, rules
from tests.factories.households import ResidentFactory, UnitFactory, staff_in, verified_resident


def test_threshold_is_reached_at_the_bound():
    assert not threshold_reached(29, 30)
    assert threshold_reached(30, 30)
    assert not threshold_reached(5, 0)


def test_a_verified_resident_supports_once_and_the_second_is_refused(resident_client, home):
    proposal = ProposalFactory()
    url = f"/consultations/{proposal.pk}/support/"
    assert resident_client.post(url).status_code == 302
    response = resident_client.post(url)
    assert response.status_code == 409
    assert "您已附议过该议题" in response.content.decode()
    proposal.refresh_from_db()
    assert proposal.support_count == 1
    assert Support.objects.count() == 1


def test_the_constraint_refuses_a_second_support_for_the_same_key(db):
    proposal = ProposalFactory()
    user = resident_user()
    Support.objects.create(proposal=proposal, user=user, key=f"u{user.pk}")
    with pytest.raises(IntegrityError), transaction.atomic():
        Support.objects.create(proposal=proposal, user=user, key=f"u{user.pk}")


def test_unverified_and_anonymous_people_cannot_support(client, home):
    proposal = ProposalFactory()
    url = f"/consultations/{proposal.pk}/support/"
    assert client.post(url).status_code == 302  # to the log-in
    client.force_login(ResidentFactory().user)
    response = client.post(url)
    assert response.status_code == 403
    assert "只有已核验的居民才能参与" in response.content.decode()
    assert not Support.objects.exists()


def test_a_get_to_the_support_endpoint_is_refused(resident_client, home):
    assert resident_client.get(f"/consultations/{ProposalFactory().pk}/support/").status_code == 405


def test_one_support_per_household_when_the_setting_says_so(db):
    rules(one_support_per_household=True)
    proposal = ProposalFactory()
    unit = UnitFactory()
    add_support(proposal, verified_resident(unit=unit).user)
    with pytest.raises(SupportRefused, match="您家已附议过"):
        add_support(proposal, verified_resident(unit=unit).user)
    assert Proposal.objects.get(pk=proposal.pk).support_count == 1


def test_reaching_the_threshold_puts_it_on_the_agenda_once_and_tells_the_committee(
    db, django_capture_on_commit_callbacks
):
    rules(support_threshold=3)
    staff_in(roles.COMMITTEE, username="zhou", email="zhou@example.com")
    proposal = ProposalFactory()
    with django_capture_on_commit_callbacks(execute=True):
        for _ in range(3):
            add_support(proposal, resident_user())
    proposal = Proposal.objects.with_status().get(pk=proposal.pk)
    assert proposal.status == Status.DISCUSSION
    assert proposal.agenda_at is not None
    assert ProposalStep.objects.filter(proposal=proposal, status=Status.DISCUSSION).count() == 1
    assert [m.to for m in mail.outbox] == [["zhou@example.com"]]
    assert "列入议程" in mail.outbox[0].subject
    with pytest.raises(SupportRefused, match="附议已截止"):
        add_support(proposal, resident_user())
    assert Proposal.objects.get(pk=proposal.pk).support_count == 3


def test_supports_close_at_the_deadline(db):
    proposal = ProposalFactory(supports_close_at=timezone.now() - datetime.timedelta(minutes=1))
    with pytest.raises(SupportRefused, match="附议已截止"):
        add_support(proposal, resident_user())


def test_the_author_does_not_support_their_own_proposal(db):
    proposal = ProposalFactory()
    with pytest.raises(SupportRefused):
        add_support(proposal, proposal.author)
