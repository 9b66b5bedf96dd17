"""Plan-vote pages pass axe (no serious or critical violations), in both display modes,
for an anonymous visitor and for the owner's voter at the ballot and receipt steps;
and they fit a 320 px screen in the elderly mode."""

import pytest
from allauth.account.models import EmailAddress

from participation.votes.ballots import cast_online, enter_paper_ballot
from participation.votes.roll import freeze_electorate
from tests.browser.conftest import axe_violations
from tests.factories.pages import make_home
from tests.factories.votes import (
    close,
    make_owner,
    make_owner_voter,
    make_unit,
    make_user,
    make_vote,
    option,
)


@pytest.fixture
def vote_pages(transactional_db):
    make_home()
    owner = make_owner()
    voter = make_owner_voter(owner, make_unit(owner, "100.00"), "voter")
    other = make_owner()
    make_unit(other, "80.00")
    open_vote = freeze_electorate(make_vote("owners", matter="special"))
    closed = freeze_electorate(make_vote("owners", title="地面停车位重新划线"))
    _, code = cast_online(closed, closed.roll.get(owner=owner), voter, option(closed, "agree"))
    enter_paper_ballot(
        closed, closed.roll.get(owner=other), option(closed, "agree"), make_user("clerk"), "1"
    )
    close(closed)
    return (
        voter,
        {
            "list": "/votes/",
            "open vote": f"/votes/{open_vote.pk}/",
            "results before close": f"/votes/{open_vote.pk}/results/",
            "results": f"/votes/{closed.pk}/results/",
            "receipt": f"/votes/{closed.pk}/receipt/?code={code}",
            "receipt form": f"/votes/{closed.pk}/receipt/",
        },
        open_vote,
    )


@pytest.mark.parametrize("mode", ["standard", "elderly"])
def test_vote_pages_have_no_serious_axe_violations(axe_page, vote_pages, mode):
    _, pages, _ = vote_pages
    axe_page.goto(f"/display/{mode}/")
    problems = {}
    for name, path in pages.items():
        axe_page.goto(path)
        if violations := axe_violations(axe_page):
            problems[name] = violations
    assert problems == {}


def test_ballot_and_confirmation_steps_have_no_serious_axe_violations(
    axe_page, vote_pages, live_server
):
    voter, _, open_vote = vote_pages
    EmailAddress.objects.create(user=voter, email="voter@example.com", verified=True, primary=True)
    axe_page.goto("/accounts/login/")
    axe_page.locator("#id_login").fill(voter.username)
    axe_page.locator("#id_password").fill("pw-for-tests-1")
    axe_page.get_by_role("button", name="登录").click()
    axe_page.goto(f"/votes/{open_vote.pk}/")
    assert axe_violations(axe_page) == []
    axe_page.get_by_label("同意", exact=True).check()
    axe_page.get_by_role("button", name="下一步").click()
    assert axe_violations(axe_page) == []


def test_vote_pages_fit_320px_in_elderly_mode(phone, vote_pages):
    _, pages, _ = vote_pages
    phone.set_viewport_size({"width": 320, "height": 640})
    phone.goto("/display/elderly/")
    for name, path in pages.items():
        phone.goto(path)
        overflow = phone.evaluate(
            "document.documentElement.scrollWidth - document.documentElement.clientWidth"
        )
        assert overflow <= 0, f"{name} scrolls sideways by {overflow}px at 320px"
