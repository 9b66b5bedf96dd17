"""Issue 8.3: reading a page never opens a vote; opening is one function with one
caller per trigger (the committee's "open now", `manage.py vote_schedule`)."""

from pathlib import Path

import pytest
from django.conf import settings
from django.core import mail
from django.core.management import call_command

from participation.votes import lifecycle
from participation.votes.models import Ballot, PlanVote, RollEntry
from tests.factories.households import OwnerFactory, UnitFactory
from tests.factories.pages import HomePageFactory
from tests.factories.votes import VoteFactory, owner_voter


@pytest.fixture
def due_vote(db):
    """Published, its opening time passed, nobody has opened it yet."""
    HomePageFactory()
    owner = OwnerFactory()
    voter = owner_voter(owner, UnitFactory(owner=owner, area="100.00"), username="owner1")
    voter.email = "owner1@example.com"
    voter.save()
    voter.resident.consent_contact_at = voter.resident.verified_at
    voter.resident.save()
    return VoteFactory(electorate="owners", opens_in_hours=-1, closes_in_hours=72), voter


def _assert_not_opened(vote):
    vote.refresh_from_db()
    assert vote.frozen_at is None
    assert not RollEntry.objects.filter(vote=vote).exists()
    assert vote.opening_mail_sent_at is None
    assert mail.outbox == []


def test_reading_public_vote_pages_never_opens_a_vote(
    client, due_vote, django_capture_on_commit_callbacks
):
    vote, voter = due_vote
    client.force_login(voter)
    with django_capture_on_commit_callbacks(execute=True):
        for url in ("/votes/", f"/votes/{vote.pk}/", f"/votes/{vote.pk}/results/"):
            assert client.get(url).status_code == 200
        assert client.get(f"/votes/{vote.pk}/results.json").status_code == 200
        client.get(f"/votes/{vote.pk}/receipt/?code=ABCD-EFGH-JKLM")
    _assert_not_opened(vote)


def test_reading_admin_vote_pages_never_opens_a_vote(
    client, committee, auditor, due_vote, django_capture_on_commit_callbacks
):
    vote, _ = due_vote
    with django_capture_on_commit_callbacks(execute=True):
        client.force_login(committee)
        assert client.get(f"/admin/plan_votes/manage/{vote.pk}/").status_code == 200
        assert client.get(f"/admin/plan_votes/manage/{vote.pk}/roll/").status_code == 200
        assert client.get(f"/admin/plan_votes/manage/{vote.pk}/paper/").status_code == 200
        assert client.get("/admin/").status_code == 200
        client.force_login(auditor)
        assert client.get(f"/admin/plan_votes/manage/{vote.pk}/roll/").status_code == 200
    _assert_not_opened(vote)


def test_a_due_vote_not_yet_opened_says_voting_opens_in_a_moment(client, due_vote):
    vote, voter = due_vote
    client.force_login(voter)
    page = client.get(f"/votes/{vote.pk}/").content.decode()
    assert "即将开始" in page
    response = client.post(
        f"/votes/{vote.pk}/", {"option": vote.options.get(key="agree").pk, "confirm": "1"}
    )
    assert response.status_code == 403
    assert "即将开始" in response.content.decode()
    assert not Ballot.objects.exists()


def test_vote_schedule_opens_a_due_vote_and_announces_it_once(
    due_vote, django_capture_on_commit_callbacks
):
    vote, _ = due_vote
    with django_capture_on_commit_callbacks(execute=True):
        call_command("vote_schedule")
        call_command("vote_schedule")
    vote.refresh_from_db()
    assert vote.frozen_at is not None and vote.roll.count() == 1
    assert [m.to for m in mail.outbox] == [["owner1@example.com"]]


def test_the_committees_open_now_opens_through_the_same_function(
    client, committee, due_vote, monkeypatch, django_capture_on_commit_callbacks
):
    vote, _ = due_vote
    calls = []
    real = lifecycle.open_vote
    monkeypatch.setattr(
        lifecycle, "open_vote", lambda v, now=None: calls.append(v.pk) or real(v, now)
    )
    client.force_login(committee)
    manage = client.get(f"/admin/plan_votes/manage/{vote.pk}/").content.decode()
    assert 'value="open"' in manage  # due but unopened: the committee can open it now
    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"/admin/plan_votes/manage/{vote.pk}/", {"action": "open"})
    assert lifecycle.open_due_votes() == 0
    assert calls == [vote.pk]
    assert PlanVote.objects.get(pk=vote.pk).frozen_at is not None
    assert len(mail.outbox) == 1


def test_make_run_opens_due_votes_once_before_serving():
    makefile = (Path(settings.BASE_DIR) / "Makefile").read_text()
    run = makefile.split("\nrun:", 1)[1].split("\n\n", 1)[0]
    assert "manage.py vote_schedule" in run
    assert run.index("vote_schedule") < run.index("runserver")
