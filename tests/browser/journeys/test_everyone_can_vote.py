"""Everyone can get in and vote with confidence, on a 375 px phone: an elderly resident
with the committee's letter and no e-mail goes from the letter code to a cast ballot and
a receipt; two members of one household see the truth about its one ballot; a paper
ballot is entered, reviewed, voided by a second committee member and entered again."""

import re

import pytest
from playwright.sync_api import expect

from participation import roles
from participation.roles import ensure_roles
from participation.votes.ballots import cast_online
from participation.votes.models import Ballot, BallotChoice, VoidedBallot
from participation.votes.roll import freeze_electorate
from tests.browser.conftest import new_phone
from tests.browser.page_kinds import log_in
from tests.factories.households import (
    BuildingFactory,
    UnitFactory,
    staff_in,
    unit_with_code,
    verified_resident,
)
from tests.factories.votes import VoteFactory, option

RECEIPT = re.compile(r"^[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4}$")


@pytest.fixture
def estate(signup_site):
    """3号楼1单元301室 with a letter code, a neighbour, and an open households' vote."""
    ensure_roles()
    building = BuildingFactory(name="3号楼")
    unit, code = unit_with_code(building=building, room="301")
    neighbour_unit = UnitFactory(owner=unit.owner, area="70.00", building=building, room="302")
    vote = freeze_electorate(VoteFactory(electorate="households", title="楼道加装扶手"))
    return unit, code, neighbour_unit, vote


def test_elderly_resident_with_a_letter_and_no_email_votes_and_keeps_a_receipt(phone, estate):
    unit, code, _, vote = estate
    page = phone
    page.goto("/display/elderly/")
    page.goto("/accounts/signup/code/")
    page.locator("#id_code").fill(code.lower().replace("-", " "))
    page.locator("input[name=relation][value=family]").check()
    page.locator("#id_username").fill("laowang")
    page.locator("#id_password1").fill("青梧-a-long-Passw0rd")
    page.locator("#id_password2").fill("青梧-a-long-Passw0rd")
    page.locator("#id_display_name").fill("王大爷")
    page.locator("#id_accept_privacy").check()
    page.locator("form.site-form button[type=submit]").click()

    expect(page).to_have_url(re.compile("/me/$"))
    expect(page.get_by_text("有 1 项表决正在进行，等待您投票。")).to_be_visible()
    page.locator(".me-votes__waiting").get_by_role("link", name="查看共有部分表决").click()
    page.get_by_role("link", name="楼道加装扶手").click()
    expect(page.locator(".ballot__household")).to_contain_text("按户表决，每户一票")
    page.locator("#ballot").get_by_text("同意", exact=True).click()
    page.get_by_role("button", name="下一步").click()
    expect(page.locator(".ballot__promises")).to_contain_text("选票一经投出，不能修改")
    page.get_by_role("button", name="确认投票").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("投票成功")
    receipt = page.locator(".receipt__code")
    expect(receipt).to_have_text(RECEIPT)
    shown = receipt.inner_text()
    page.locator(".vote-cast__links").get_by_role("link", name="我的页面").click()
    expect(page.locator(".me-ballots__receipt")).to_have_text(shown)
    assert Ballot.objects.get(vote=vote).cast_by.username == "laowang"


def test_two_members_of_one_household_see_the_truth_about_its_ballot(browser, live_server, estate):
    unit, _, _, vote = estate
    li = verified_resident(unit, user__username="liqiang").user
    li.resident.display_name = "李强"
    li.resident.save()
    fang = verified_resident(unit, user__username="wangfang").user

    context, page = new_phone(browser, live_server)
    log_in(page, live_server, li)
    page.goto(f"/votes/{vote.pk}/")
    expect(page.locator(".ballot__household")).to_contain_text(
        "3号楼1单元301室任何一位已核验的居民"
    )
    page.locator("#ballot").get_by_text("不同意", exact=True).click()
    page.get_by_role("button", name="下一步").click()
    page.get_by_role("button", name="确认投票").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("投票成功")
    context.close()

    context, page = new_phone(browser, live_server)
    log_in(page, live_server, fang)
    page.goto("/votes/")
    expect(page.get_by_text("您家已投票")).to_be_visible()
    page.get_by_role("link", name="楼道加装扶手").click()
    standing = page.locator(".ballot__standing")
    expect(standing).to_contain_text("您家（3号楼1单元301室）的选票已于")
    expect(standing).to_contain_text("由李强投出")
    expect(page.locator("#ballot").get_by_role("button", name="下一步")).to_have_count(0)
    expect(page.get_by_role("heading", name="您家的选票")).to_be_visible()
    page.goto("/me/")
    household = page.locator(".me-ballots").last
    expect(household).to_contain_text("楼道加装扶手")
    expect(household).to_contain_text("由李强投出")
    context.close()


def test_a_paper_ballot_is_entered_reviewed_voided_and_entered_again(browser, live_server, estate):
    unit, _, neighbour_unit, vote = estate
    clerk = staff_in(roles.COMMITTEE, username="clerk")
    checker = staff_in(roles.COMMITTEE, username="checker")
    cast_online(
        vote,
        vote.roll.get(unit=neighbour_unit),
        verified_resident(neighbour_unit, user__username="neighbour").user,
        option(vote, "agree"),
    )
    label = vote.roll.get(unit=unit).label

    context, admin = new_phone(browser, live_server)
    log_in(admin, live_server, clerk)
    admin.goto(f"/admin/plan_votes/manage/{vote.pk}/paper/")
    admin.get_by_label("名册上的投票人").select_option(label=label)
    admin.get_by_label("纸质选票编号").fill("0007")
    admin.get_by_label("同意", exact=True).check()  # mis-keyed: the sheet says 不同意
    admin.get_by_role("button", name="核对后再记录").click()
    review = admin.locator(".linli-review")
    expect(review).to_contain_text("选票上的选择")
    expect(review).to_contain_text(label)
    assert not Ballot.objects.filter(roll_entry__unit=unit).exists()
    admin.get_by_role("button", name="记录这张纸质选票").click()
    expect(admin.locator(".linli-receipt__code")).to_have_text(RECEIPT)
    expect(admin.get_by_role("button", name="打印回执")).to_be_visible()
    ballot = Ballot.objects.get(roll_entry__unit=unit)
    admin.goto(f"/admin/plan_votes/manage/{vote.pk}/paper/{ballot.pk}/void/")
    expect(admin.get_by_text("须由另一位居委会成员核对选票后作废")).to_be_visible()
    context.close()

    context, admin = new_phone(browser, live_server)
    log_in(admin, live_server, checker)
    admin.goto(f"/admin/plan_votes/manage/{vote.pk}/paper/")
    admin.locator("table.listing tr", has_text=label).get_by_role("link", name="作废").click()
    admin.get_by_label("原因（例如录错了房号或选择）").fill("选择录错：选票上是不同意")
    admin.get_by_role("button", name="作废这张纸质选票").click()
    expect(admin.get_by_text(re.compile("纸质选票已作废，可以重新录入"))).to_be_visible()
    assert VoidedBallot.objects.get().voided_by == checker

    admin.get_by_label("名册上的投票人").select_option(label=label)
    admin.get_by_label("纸质选票编号").fill("0007")
    admin.get_by_label("不同意", exact=True).check()
    admin.get_by_role("button", name="核对后再记录").click()
    admin.get_by_role("button", name="记录这张纸质选票").click()
    expect(admin.locator(".linli-receipt__code")).to_have_text(RECEIPT)
    context.close()
    again = Ballot.objects.get(roll_entry__unit=unit)
    assert BallotChoice.objects.get(ballot=again).option.key == "disagree"
