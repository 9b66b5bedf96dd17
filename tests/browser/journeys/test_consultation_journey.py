"""The consultation journey: a resident raises a proposal, two neighbours support and
comment, the threshold puts it on the agenda, the committee approves a first comment
and answers in the admin, and the author sees the answer and the trail."""

import re

from playwright.sync_api import expect

from participation import roles
from participation.consultations.choices import CommentState
from participation.consultations.models import Proposal
from tests.browser.conftest import submit_log_in
from tests.factories.consultations import CommentFactory, rules
from tests.factories.households import (
    BuildingFactory,
    UnitFactory,
    staff_in,
    verified_resident,
)
from tests.factories.pages import HomePageFactory


def phone(browser, live_server):
    return browser.new_context(viewport={"width": 375, "height": 740}, base_url=live_server.url)


def test_a_proposal_goes_from_raised_to_answered(browser, live_server):
    HomePageFactory()
    rules(support_threshold=2)
    building = BuildingFactory(name="3号楼")
    author = verified_resident(unit=UnitFactory(building=building)).user
    trusted = verified_resident().user
    CommentFactory(author=trusted, state=CommentState.VISIBLE)  # an earlier approved comment
    newcomer = verified_resident().user
    staff_in(roles.COMMITTEE, username="zhou")

    context = phone(browser, live_server)
    page = context.new_page()
    page.goto("/consultations/")
    page.get_by_role("link", name="登录后提出建议").click()
    submit_log_in(page, author.username)
    expect(page.get_by_role("heading", level=1)).to_have_text("提出建议")
    page.locator("#id_title").fill("北门增设电动车充电桩")
    page.locator("#id_body").fill("楼道里飞线充电很危险，建议在北门增设集中充电桩。")
    page.locator("#id_category").select_option("safety")
    page.get_by_label("3号楼", exact=True).check()
    page.get_by_role("button", name="发布我的建议").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("北门增设电动车充电桩")
    expect(page.locator(".badge-status")).to_have_text("收集附议中")
    proposal_url = page.url
    context.close()

    for neighbour, words in ((trusted, "支持，早该装了。"), (newcomer, "希望加装雨棚。")):
        context = phone(browser, live_server)
        page = context.new_page()
        page.goto(proposal_url)
        page.get_by_role("link", name="登录后附议").click()
        submit_log_in(page, neighbour.username)
        page.get_by_role("button", name="我要附议").click()
        expect(page.get_by_text("感谢您的附议。")).to_be_visible()
        page.get_by_label("您的评论").fill(words)
        page.get_by_role("button", name="发表评论").click()
        expect(page.get_by_text(words)).to_be_visible()
        context.close()

    proposal = Proposal.objects.with_status().get(title="北门增设电动车充电桩")
    assert proposal.support_count == 2 and proposal.status == "discussion"

    staff = browser.new_context(viewport={"width": 1280, "height": 900}, base_url=live_server.url)
    admin = staff.new_page()
    admin.goto("/admin/participation/comments/")
    submit_log_in(admin, "zhou")
    admin.goto(
        f"/admin/participation/comments/moderate/{proposal.comments.get(author=newcomer).pk}/"
    )
    admin.get_by_role("button", name="批准").click()
    admin.goto(f"/admin/participation/proposals/manage/{proposal.pk}/")
    admin.get_by_label("官方答复").fill("居委会同意在北门增设充电桩，下月施工。")
    admin.get_by_role("button", name="发布答复").click()
    expect(admin.get_by_text("答复已发布，已通知提议人和附议居民。")).to_be_visible()
    staff.close()

    context = phone(browser, live_server)
    page = context.new_page()
    page.goto("/accounts/login/")
    submit_log_in(page, author.username)
    page.goto(proposal_url)
    expect(page.locator(".badge-status")).to_have_text("已答复")
    expect(page.locator(".proposal-answer")).to_contain_text("下月施工")
    trail = page.locator(".trail")
    for status in ("收集附议中", "议事中", "已答复"):
        expect(trail).to_contain_text(status)
    expect(page.locator(".comments")).to_contain_text("希望加装雨棚。")
    page.goto("/me/")
    expect(page.get_by_role("link", name="北门增设电动车充电桩")).to_be_visible()
    expect(page.get_by_text(re.compile("已答复"))).to_be_visible()
    context.close()
