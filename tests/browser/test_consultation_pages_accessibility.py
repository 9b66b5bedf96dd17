"""Consultation pages pass axe (no serious or critical violations) in both display
modes, anonymous and logged in, and fit a 320 px screen in the elderly mode."""

import pytest

from participation import roles
from participation.consultations.choices import CommentState, Status
from participation.consultations.models import Proposal
from participation.consultations.moderation import hide_comment
from tests.browser.conftest import axe_problems, sideways_overflow, submit_log_in
from tests.factories.consultations import CommentFactory, ProposalFactory, step
from tests.factories.households import BuildingFactory, staff_in, verified_resident
from tests.factories.pages import make_home


@pytest.fixture
def consultation_pages(transactional_db):
    make_home()
    building = BuildingFactory(name="3号楼")
    proposal = ProposalFactory(title="北门增设电动车集中充电桩，解决楼道飞线充电的安全隐患")
    proposal.buildings.add(building)
    CommentFactory(proposal=proposal, body="支持！" * 30)
    hidden = CommentFactory(proposal=proposal)
    hide_comment(hidden, staff_in(roles.COMMITTEE, username="zhou"), "跑题")
    answered = ProposalFactory(title="长者食堂菜单每周公布")
    step(answered, Status.DISCUSSION, "已列入议程")
    Proposal.objects.filter(pk=answered.pk).update(answer="下月起每周五公布菜单。")
    step(answered, Status.ANSWERED, "居委会发布了答复。")
    resident = verified_resident(unit=None).user
    CommentFactory(proposal=proposal, author=resident, state=CommentState.PENDING)
    return resident, {
        "list": "/consultations/",
        "board": "/consultations/?view=board",
        "proposal": f"/consultations/{proposal.pk}/",
        "answered": f"/consultations/{answered.pk}/",
        "not found": "/consultations/?status=nonsense",
    }


def _log_in(page, user):
    page.goto("/accounts/login/")
    submit_log_in(page, user.username)


@pytest.mark.parametrize("mode", ["standard", "elderly"])
def test_consultation_pages_have_no_serious_axe_violations(axe_page, consultation_pages, mode):
    resident, pages = consultation_pages
    axe_page.goto(f"/display/{mode}/")
    problems = axe_problems(axe_page, pages.items())
    _log_in(axe_page, resident)
    logged_in = {**pages, "new": "/consultations/new/"}
    problems.update(axe_problems(axe_page, logged_in.items(), "{name} (logged in)"))
    assert problems == {}


def test_consultation_pages_fit_320px_in_elderly_mode(phone, consultation_pages):
    resident, pages = consultation_pages
    phone.set_viewport_size({"width": 320, "height": 640})
    phone.goto("/display/elderly/")
    _log_in(phone, resident)
    for name, path in {**pages, "new": "/consultations/new/"}.items():
        phone.goto(path)
        overflow = sideways_overflow(phone)
        assert overflow <= 0, f"{name} scrolls sideways by {overflow}px at 320px"
