"""The plan-vote journey: an owner's voter votes online and keeps a receipt, a committee
member enters a paper ballot for another owner, and after close the results page
gives the verdict."""

import re

from django.contrib.auth.models import Group
from playwright.sync_api import expect

from participation.roles import COMMITTEE, ensure_roles
from participation.votes.roll import freeze_electorate
from tests.factories.households import PASSWORD, OwnerFactory, UnitFactory, UserFactory
from tests.factories.pages import HomePageFactory
from tests.factories.votes import VoteFactory, owner_voter


def log_in(page, username):
    """The site's own log-in form (the admin's log-in sends staff here too)."""
    page.locator("#id_login").fill(username)
    page.locator("#id_password").fill(PASSWORD)
    page.get_by_role("button", name="登录").click()


def test_owner_votes_online_committee_enters_paper_then_results_show_the_verdict(
    browser, live_server
):
    HomePageFactory()
    ensure_roles()
    owner = OwnerFactory()
    unit = UnitFactory(owner=owner, area="120.00")
    owner_voter(owner, unit, username="wangayi", email="wang@example.com")
    neighbour = OwnerFactory()
    UnitFactory(owner=neighbour, area="95.50")
    clerk = UserFactory(username="clerk", email="clerk@example.com")
    clerk.is_staff = True
    clerk.save()
    clerk.groups.add(Group.objects.get(name=COMMITTEE))
    vote = freeze_electorate(
        VoteFactory(electorate="owners", matter="special", title="架空层改造为儿童游乐区")
    )

    resident = browser.new_context(viewport={"width": 375, "height": 740}, base_url=live_server.url)
    page = resident.new_page()
    page.goto(f"/votes/{vote.pk}/")
    expect(page.get_by_role("heading", level=1)).to_have_text("架空层改造为儿童游乐区")
    page.get_by_role("link", name="登录后投票").click()
    log_in(page, "wangayi")
    expect(page.get_by_role("heading", level=1)).to_have_text("架空层改造为儿童游乐区")
    expect(page.locator(".ballot__standing")).to_have_text("您可以投票。")
    page.get_by_label("同意", exact=True).check()
    page.get_by_role("button", name="下一步").click()
    expect(page.locator(".ballot__confirm").get_by_label("同意", exact=True)).to_be_checked()
    expect(page.locator(".ballot__confirm").get_by_label("不同意", exact=True)).not_to_be_checked()
    page.get_by_role("button", name="确认投票").click()
    receipt = page.locator(".receipt__code")
    expect(receipt).to_have_text(re.compile(r"^[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4}$"))
    resident.close()

    staff = browser.new_context(viewport={"width": 1280, "height": 900}, base_url=live_server.url)
    admin = staff.new_page()
    admin.goto(f"/admin/plan_votes/manage/{vote.pk}/paper/")
    log_in(admin, "clerk")
    expect(admin.get_by_role("button", name="核对后再记录")).to_be_visible(timeout=20000)
    neighbour_label = vote.roll.get(owner=neighbour).label
    admin.get_by_label("名册上的投票人").select_option(label=neighbour_label)
    admin.get_by_label("纸质选票编号").fill("0001")
    admin.get_by_label("同意", exact=True).check()
    admin.get_by_role("button", name="核对后再记录").click()
    admin.get_by_role("button", name="记录这张纸质选票").click()
    expect(admin.get_by_text(re.compile("已录入 .* 的纸质选票 0001"))).to_be_visible()
    admin.goto(f"/admin/plan_votes/manage/{vote.pk}/")
    admin.get_by_role("link", name="立即截止表决").click()
    admin.get_by_label("提前截止的原因（记入表决日志）").fill("双方已全部投票")
    admin.get_by_role("button", name="确认，立即截止表决").click()
    expect(admin.get_by_text("表决已截止，结果已公布。")).to_be_visible()
    staff.close()

    public = browser.new_context(viewport={"width": 375, "height": 740}, base_url=live_server.url)
    results = public.new_page()
    results.goto(f"/votes/{vote.pk}/results/")
    expect(results.locator(".verdict__text")).to_have_text(re.compile("通过：同意"))
    expect(results.get_by_text("已达到参与门槛。")).to_be_visible()
    public.close()
