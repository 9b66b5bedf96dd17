"""居委会代办, on a 375 px phone: a committee member makes a resident's account at the
office and prints the sheet; the resident opens its one-time link, chooses a password,
lands logged in, and later logs in with the username on the sheet (no e-mail)."""

import re

import pytest
from playwright.sync_api import expect

from participation import roles
from participation.residents.models import ResidentProfile
from tests.browser.conftest import new_phone, submit_log_in
from tests.browser.page_kinds import log_in
from tests.factories.households import UnitFactory, staff_in

PASSWORD = "liu-nainai-302"


@pytest.fixture
def office(signup_site):
    UnitFactory(building__name="3号楼", unit_no="1", room="302")
    return staff_in(roles.COMMITTEE, username="clerk")


def test_a_committee_member_makes_an_account_and_the_resident_uses_the_sheet(
    browser, live_server, office
):
    context, admin = new_phone(browser, live_server)
    log_in(admin, live_server, office)
    admin.goto("/admin/participation/residents/assisted/")
    admin.locator("#id_unit").fill("3号楼-1-302")
    admin.locator("#id_relation").select_option("family")
    admin.locator("#id_display_name").fill("刘奶奶")
    admin.locator("#id_phone").fill("138 1234 5678")
    admin.get_by_role("button", name="开通账号").click()
    expect(admin).to_have_url(re.compile(r"/admin/participation/residents/sheet/\d+/$"))
    username = admin.locator(".letter__code").inner_text().strip()
    link = admin.locator(".sheet__link").inner_text().strip()
    expect(admin.locator(".sheet__qr svg")).to_be_visible()
    assert link.startswith(live_server.url + "/accounts/first-login/")
    context.close()

    context, page = new_phone(browser, live_server)
    page.goto("/display/elderly/")
    page.goto(link)
    expect(page.get_by_role("heading", level=1)).to_have_text("设置您的密码")
    page.locator("#id_new_password1").fill(PASSWORD)
    page.locator("#id_new_password2").fill(PASSWORD)
    page.locator("form.site-form button[type=submit]").click()
    expect(page).to_have_url(re.compile("/me/$"))
    expect(page.locator("main")).to_contain_text("刘奶奶")
    profile = ResidentProfile.objects.get(user__username=username)
    assert profile.is_verified and profile.user.has_usable_password()
    assert profile.user.email == ""

    page.goto(link)
    expect(page.locator(".alert-warning")).to_contain_text("这个链接已经用过")

    page.context.clear_cookies()
    page.goto("/accounts/login/")
    submit_log_in(page, username, PASSWORD)
    expect(page).to_have_url(re.compile("/me/$"))
    expect(page.locator("main")).to_contain_text("刘奶奶")
    context.close()
