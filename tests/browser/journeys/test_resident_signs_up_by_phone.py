"""Getting in without e-mail, on a 375 px phone in the elderly mode: a resident signs up
with a mobile number, types the SMS code the console sender sent, and is logged in;
later they log in with the number and password, and with an SMS code."""

import logging
import re

import pytest
from playwright.sync_api import expect

from participation.residents.models import ResidentProfile
from tests.browser.conftest import sideways_overflow

PASSWORD = "青梧-a-long-Passw0rd"


@pytest.fixture
def site(signup_site):
    """The home page and the privacy page the sign-up form links to."""
    return signup_site


@pytest.fixture
def texts(caplog):
    """The SMS codes the console sender logged (the live server runs in this process)."""
    caplog.set_level(logging.INFO, logger="linli.sms")

    def codes():
        return [
            re.search(r"验证码是 (\d{6})", record.getMessage()).group(1)
            for record in caplog.records
            if record.name == "linli.sms" and "+8613812345678" in record.getMessage()
        ]

    return codes


def test_a_resident_signs_up_by_phone_and_logs_in(phone, site, texts):
    page = phone
    page.goto("/display/elderly/")
    page.goto("/accounts/signup/")
    expect(page.get_by_role("heading", level=1)).to_have_text("注册")
    assert sideways_overflow(page) <= 0
    page.get_by_label("手机号").fill("138 1234 5678")
    page.locator("#id_username").fill("wang301")
    page.locator("#id_password1").fill(PASSWORD)
    page.locator("#id_password2").fill(PASSWORD)
    page.locator("#id_display_name").fill("3号楼王阿姨")
    page.locator("#id_accept_privacy").check()
    page.locator("form.site-form button[type=submit]").click()

    expect(page).to_have_url(re.compile("/accounts/phone/verify/$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("确认手机号")
    expect(page.locator("main")).to_contain_text("+8613812345678")
    [code] = texts()
    page.get_by_label("短信验证码").fill(code)
    page.get_by_role("button", name="确认", exact=True).click()

    expect(page).to_have_url(re.compile("/me/$"))
    expect(page.locator(".messages")).to_contain_text("手机号 +8613812345678 已确认")
    profile = ResidentProfile.objects.get(user__username="wang301")
    assert profile.phone_verified_at is not None and profile.user.email == ""

    page.context.clear_cookies()
    page.goto("/display/elderly/")
    page.goto("/accounts/login/")
    page.get_by_label("用户名、电子邮箱或手机号").fill("+86 138-1234-5678")
    page.locator("#id_password").fill(PASSWORD)
    page.get_by_role("button", name="登录", exact=True).click()
    expect(page).to_have_url(re.compile("/me/$"))
    expect(page.get_by_role("heading", level=1)).to_be_visible()

    page.context.clear_cookies()
    page.goto("/accounts/login/")
    page.get_by_role("link", name="改用一次性登录码登录").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("用一次性登录码登录")
    page.get_by_label("手机号").fill("13812345678")
    page.get_by_role("button", name="发送登录码").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("输入登录码")
    assert len(texts()) == 2
    page.get_by_label("验证码（短信或邮件里的）").fill(texts()[-1])
    page.get_by_role("button", name="登录", exact=True).click()
    expect(page).to_have_url(re.compile("/me/$"))
    expect(page.locator(".site-header")).to_contain_text("我的页面")
