"""The volunteering journey: two residents take the last seat at the same moment —
one is confirmed, one waitlisted; the confirmed one cancels and the other moves up and
sees it on /me/; after the shift the leader marks attendance, and the hours appear
with a printable certificate."""

import datetime
import re

import pytest
from playwright.sync_api import expect

from participation.volunteering import signups
from participation.volunteering.models import SignUp
from tests.browser.conftest import submit_log_in
from tests.factories.pages import HomePageFactory
from tests.factories.volunteering import (
    ShiftFactory,
    TeamFactory,
    leader_of,
    move_shift,
    purge_ledger,
    volunteer,
)


@pytest.fixture
def sheet(transactional_db):
    HomePageFactory()
    team = TeamFactory(name="银龄互助队")
    shift = ShiftFactory(capacity=2, opportunity__title="敬老助餐", opportunity__team=team)
    signups.sign_up(shift, volunteer(username="zhangayi"))  # one seat left
    people = {
        "wangfang": volunteer(username="wangfang"),
        "zhaomin": volunteer(username="zhaomin"),
        "leader": leader_of(team, username="wangguifang"),
    }
    yield shift, people
    purge_ledger()


def logged_in(browser, live_server, username):
    context = browser.new_context(
        viewport={"width": 375, "height": 740}, base_url=live_server.url, locale="zh-CN"
    )
    page = context.new_page()
    page.goto("/accounts/login/")
    submit_log_in(page, username)
    page.wait_for_url(re.compile(r"^(?!.*/accounts/login/).*$"))
    return context, page


def test_two_residents_race_for_the_last_seat_then_promotion_attendance_and_certificate(
    browser, live_server, sheet
):
    shift, people = sheet
    detail = f"/volunteer/{shift.opportunity_id}/"
    ctx_a, a = logged_in(browser, live_server, "wangfang")
    ctx_b, b = logged_in(browser, live_server, "zhaomin")
    for page in (a, b):
        page.goto(detail)
        expect(page.get_by_text("已报 1 人，共 2 个名额")).to_be_visible()
    # Both press at the same moment: neither waits for its page to load first.
    a.get_by_role("button", name="我要报名").click(no_wait_after=True)
    b.get_by_role("button", name="我要报名").click(no_wait_after=True)
    for page in (a, b):
        expect(page.locator(".messages")).to_be_visible()
    statuses = dict(SignUp.objects.filter(shift=shift).values_list("user__username", "status"))
    assert sorted([statuses["wangfang"], statuses["zhaomin"]]) == ["confirmed", "waitlisted"]
    first, second = (a, b) if statuses["wangfang"] == "confirmed" else (b, a)
    first.goto(detail)
    expect(first.get_by_text("您已报名。")).to_be_visible()
    second.goto(detail)
    expect(second.get_by_text("您是候补第 1 位。")).to_be_visible()

    first.get_by_role("button", name="取消我的报名").click()
    expect(first.get_by_text("您的报名已取消。")).to_be_visible()
    second.goto("/me/")
    expect(second.locator(".me-shift--confirmed")).to_contain_text("敬老助餐")
    expect(second.locator(".me-shift--confirmed")).to_contain_text("已确认")

    move_shift(shift, -datetime.timedelta(hours=3))  # the shift took place
    ctx_l, leader = logged_in(browser, live_server, "wangguifang")
    leader.goto(f"/volunteer/shifts/{shift.pk}/roster/")
    promoted_name = (people["zhaomin"] if second is b else people["wangfang"]).resident.display_name
    row = leader.get_by_role("row").filter(has_text=promoted_name)
    row.get_by_role("button", name="已到岗").click()
    expect(leader.get_by_text("考勤已保存。")).to_be_visible()
    expect(leader.get_by_role("row").filter(has_text=promoted_name)).to_contain_text("已到岗")

    second.goto("/me/")
    expect(second.locator(".time-bank__balance")).to_have_text("累计：2 小时")
    second.get_by_role("button", name="开具志愿服务记录证明（免费）").click()
    expect(second.get_by_role("heading", level=1)).to_have_text("志愿服务记录证明")
    expect(second.locator(".certificate__number")).to_have_text(re.compile(r"ZYFW-\d{4}-\d{6}"))
    expect(second.locator(".certificate__text")).to_contain_text(promoted_name)
    expect(second.locator(".certificate__text")).to_contain_text("2 小时")
    for context in (ctx_a, ctx_b, ctx_l):
        context.close()
