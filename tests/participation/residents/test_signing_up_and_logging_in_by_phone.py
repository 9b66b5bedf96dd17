"""Sign-up and log-in by mobile number with allauth's phone support: an SMS code
confirms the number, the number and a password or an SMS code log in, e-mail is
optional (but one of the two is required), a verified number opens one account only,
and accounts without any e-mail still log in."""

import logging
import re

import pytest
from allauth.account.models import EmailAddress
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core import mail
from django.core.cache import cache
from django.db import IntegrityError, transaction
from django.utils import timezone

from participation.residents.accounts import create_account_with_code
from participation.residents.models import ResidentProfile
from participation.residents.sms import verification_text
from tests.factories.households import PASSWORD, ResidentFactory, UserFactory, unit_with_code

NUMBER = "+8613812345678"
SIGNUP = {
    "phone": "138 1234 5678",
    "email": "",
    "username": "wang301",
    "password1": "qingwu-garden-301",
    "password2": "qingwu-garden-301",
    "display_name": "3号楼王阿姨",
    "accept_privacy": "on",
}


@pytest.fixture
def texts(caplog):
    """The SMS messages the console sender logged, oldest first."""
    caplog.set_level(logging.INFO, logger="linli.sms")

    def sent(to=NUMBER):
        return [
            r.getMessage() for r in caplog.records if r.name == "linli.sms" and to in r.getMessage()
        ]

    return sent


def code_in(message):
    return re.search(r"验证码是 (\d{6})", message).group(1)


def logged_in_user(client):
    return client.session.get("_auth_user_id")


def with_verified_number(phone=NUMBER, **user):
    return ResidentFactory(user=UserFactory(**user), phone=phone, phone_verified_at=timezone.now())


def test_the_sign_up_page_asks_for_a_mobile_number_and_makes_e_mail_optional(client, db):
    html = client.get("/accounts/signup/").content.decode()
    assert re.search(r'<input type="tel" name="phone"[^>]*autocomplete="tel"', html)
    assert "手机号" in html
    assert "电子邮箱（可不填）" in html
    assert 'name="email"' in html and 'name="email" required' not in html
    assert "6位验证码" in html
    assert "电话号码" not in html  # allauth's own word for the field


def test_the_sign_up_page_works_in_the_elderly_mode(client, db):
    client.cookies[settings.DISPLAY_MODE_COOKIE] = "elderly"
    html = client.get("/accounts/signup/").content.decode()
    assert re.search(r'<body class="elderly ', html)
    assert 'name="phone"' in html


def test_signing_up_by_phone_sends_a_code_by_sms_and_logs_in_once_it_is_typed(client, db, texts):
    response = client.post("/accounts/signup/", SIGNUP)
    assert response.status_code == 302
    assert response["Location"] == "/accounts/phone/verify/"
    assert logged_in_user(client) is None
    [message] = texts()
    assert message.startswith(f"SMS to {NUMBER}: 【邻里】您的验证码是 ")
    page = client.get("/accounts/phone/verify/").content.decode()
    assert "确认手机号" in page and NUMBER in page
    assert 'autocomplete="one-time-code"' in page and 'inputmode="numeric"' in page
    done = client.post("/accounts/phone/verify/", {"code": code_in(message)})
    assert done.status_code == 302
    assert done["Location"] == "/me/"
    user = get_user_model().objects.get(username="wang301")
    assert logged_in_user(client) == str(user.pk)
    profile = ResidentProfile.objects.get(user=user)
    assert profile.phone == NUMBER and profile.phone_verified_at is not None
    assert profile.display_name == "3号楼王阿姨" and profile.consent_privacy_at
    assert user.email == "" and not EmailAddress.objects.filter(user=user).exists()
    assert mail.outbox == []


def test_a_wrong_sms_code_is_refused_and_the_third_ends_the_attempt(client, db, texts):
    client.post("/accounts/signup/", SIGNUP)
    wrong = "000000" if code_in(texts()[-1]) != "000000" else "111111"
    first = client.post("/accounts/phone/verify/", {"code": wrong})
    assert first.status_code == 400
    assert "验证码不对" in first.content.decode()
    client.post("/accounts/phone/verify/", {"code": wrong})
    third = client.post("/accounts/phone/verify/", {"code": wrong})
    assert third.status_code == 302 and third["Location"] == "/accounts/login/"
    assert logged_in_user(client) is None
    assert ResidentProfile.objects.get(user__username="wang301").phone_verified_at is None


def test_neither_phone_nor_e_mail_is_refused_with_a_way_out(client, db):
    response = client.post("/accounts/signup/", {**SIGNUP, "phone": ""})
    assert response.status_code == 400
    html = response.content.decode()
    assert "请填手机号或电子邮箱（至少一项）" in html
    assert "/accounts/signup/code/" in html
    assert not get_user_model().objects.exists()


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        ("1381234567", "请输入11位手机号"),
        ("23812345678", "请输入11位手机号"),
        ("+1 415 555 0100", "请输入11位手机号"),
        ("138-1234-567a", "请输入11位手机号"),
        ("１３８１２３４５６７８", "全角"),
        ("138 1234 ５６７８", "全角"),
    ],
)
def test_a_bad_number_is_refused_with_a_clear_message(client, db, texts, typed, message):
    response = client.post("/accounts/signup/", {**SIGNUP, "phone": typed})
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not get_user_model().objects.exists()
    assert texts("") == []


@pytest.mark.parametrize("typed", ["13812345678", "+86 138-1234-5678", "0086 138 1234 5678"])
def test_a_number_typed_loosely_is_stored_as_plus_86(client, db, typed):
    assert client.post("/accounts/signup/", {**SIGNUP, "phone": typed}).status_code == 302
    assert ResidentProfile.objects.get(user__username="wang301").phone == NUMBER


def test_a_number_another_account_has_verified_is_refused(client, db, texts):
    with_verified_number()
    response = client.post("/accounts/signup/", SIGNUP)
    assert response.status_code == 400
    assert "这个手机号已经绑定了另一个账户" in response.content.decode()
    assert not get_user_model().objects.filter(username="wang301").exists()
    assert texts() == []


def test_the_database_lets_a_verified_number_open_one_account_only(db):
    with_verified_number()
    ResidentFactory(phone=NUMBER)  # the same number, unverified: allowed
    with pytest.raises(IntegrityError), transaction.atomic():
        with_verified_number()


def test_whoever_confirms_a_shared_number_second_is_told_it_is_taken(client, db, texts):
    client.post("/accounts/signup/", SIGNUP)
    code = code_in(texts()[-1])
    with_verified_number()
    response = client.post("/accounts/phone/verify/", {"code": code})
    assert response.status_code == 400
    assert "已被其他用户注册" in response.content.decode() or "已经绑定" in (
        response.content.decode()
    )
    assert ResidentProfile.objects.get(user__username="wang301").phone_verified_at is None


def test_who_gives_an_e_mail_must_still_confirm_it(client, db, texts):
    response = client.post("/accounts/signup/", {**SIGNUP, "email": "wang@example.com"})
    assert response["Location"] == "/accounts/phone/verify/"
    done = client.post("/accounts/phone/verify/", {"code": code_in(texts()[-1])})
    assert done["Location"] == "/accounts/confirm-email/"
    assert logged_in_user(client) is None
    assert "wang@example.com" in mail.outbox[-1].to
    client.logout()
    again = client.post("/accounts/login/", {"login": "wang301", "password": SIGNUP["password1"]})
    assert again["Location"] == "/accounts/confirm-email/"
    assert logged_in_user(client) is None


def test_an_e_mail_alone_still_works_as_before(client, db, texts):
    response = client.post("/accounts/signup/", {**SIGNUP, "phone": "", "email": "w@example.com"})
    assert response["Location"] == "/accounts/confirm-email/"
    assert texts("") == []


@pytest.mark.parametrize("typed", ["138 1234 5678", "+8613812345678", "0086-138-1234-5678"])
def test_a_verified_number_and_the_password_log_in(client, db, typed):
    profile = with_verified_number(username="wangfang")
    response = client.post("/accounts/login/", {"login": typed, "password": PASSWORD})
    assert response.status_code == 302
    assert response["Location"] == "/me/"
    assert logged_in_user(client) == str(profile.user_id)


def test_a_wrong_password_for_a_number_is_refused_in_chinese(client, db):
    with_verified_number()
    response = client.post("/accounts/login/", {"login": "13812345678", "password": "wrong"})
    assert response.status_code == 400
    assert "手机号或密码不对" in response.content.decode()


def test_an_unverified_number_does_not_log_in(client, db):
    ResidentFactory(user=UserFactory(), phone=NUMBER)
    response = client.post("/accounts/login/", {"login": "13812345678", "password": PASSWORD})
    assert response.status_code == 400


def test_a_full_width_number_on_the_log_in_page_gets_its_own_message(client, db):
    response = client.post("/accounts/login/", {"login": "１３８１２３４５６７８", "password": "x"})
    assert response.status_code == 400
    assert "全角" in response.content.decode()


def test_five_wrong_passwords_lock_the_number_however_it_is_typed(client, db):
    with_verified_number()
    for typed in [
        "13812345678",
        "138 1234 5678",
        "+8613812345678",
        "8613812345678",
        "138-1234-5678",
    ]:
        client.post("/accounts/login/", {"login": typed, "password": "wrong-guess"})
    locked = client.post("/accounts/login/", {"login": "+86 138 1234 5678", "password": PASSWORD})
    assert locked.status_code == 429
    assert logged_in_user(client) is None


def test_an_sms_code_logs_in_a_verified_number(client, db, texts):
    profile = with_verified_number()
    page = client.get("/accounts/login/code/").content.decode()
    assert 'name="phone"' in page and "用一次性登录码登录" in page
    asked = client.post("/accounts/login/code/", {"phone": "138 1234 5678"})
    assert asked.status_code == 302
    assert asked["Location"] == "/accounts/login/code/confirm/"
    [message] = texts()
    confirm = client.get(asked["Location"]).content.decode()
    assert "输入登录码" in confirm and "重新发送" in confirm
    wrong = client.post(asked["Location"], {"code": "99999x"})
    assert wrong.status_code == 400 and "验证码不对" in wrong.content.decode()
    done = client.post(asked["Location"], {"code": code_in(message)})
    assert done.status_code == 302
    assert logged_in_user(client) == str(profile.user_id)


def test_a_code_for_a_number_without_an_account_sends_nothing_and_says_the_same(client, db, texts):
    asked = client.post("/accounts/login/code/", {"phone": "139 0000 0000"})
    assert asked.status_code == 302
    assert asked["Location"] == "/accounts/login/code/confirm/"
    assert texts("") == []
    assert "如果 +8613900000000 有账户" in client.get(asked["Location"]).content.decode()


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({}, "请填手机号或电子邮箱。"),
        ({"phone": "13812345678", "email": "a@example.com"}, "手机号和电子邮箱只填一项"),
        ({"phone": "１３８１２３４５６７８"}, "全角"),
    ],
)
def test_a_code_request_needs_one_number_or_address(client, db, data, message):
    response = client.post("/accounts/login/code/", data)
    assert response.status_code == 400
    assert message in response.content.decode()


def test_one_number_gets_one_log_in_code_a_minute(client, db, texts):
    with_verified_number()
    assert client.post("/accounts/login/code/", {"phone": NUMBER}).status_code == 302
    client.cookies.clear()
    second = client.post("/accounts/login/code/", {"phone": "138 1234 5678"})
    assert second.status_code == 400
    assert len(texts()) == 1


def test_a_second_sign_up_text_to_one_number_within_a_minute_is_refused(client, db, texts):
    assert client.post("/accounts/signup/", SIGNUP).status_code == 302
    client.cookies.clear()
    again = client.post("/accounts/signup/", {**SIGNUP, "username": "li301"})
    assert again.status_code == 429
    assert "短信太多" in again.content.decode()
    assert not get_user_model().objects.filter(username="li301").exists()
    assert len(texts()) == 1


def test_an_account_without_any_e_mail_logs_in_with_its_password(client, db):
    unit, code = unit_with_code()
    user, _result = create_account_with_code(
        username="zhang302", password="qingwu-garden-302", code=code, relation="family"
    )
    assert user.email == "" and not EmailAddress.objects.filter(user=user).exists()
    response = client.post(
        "/accounts/login/", {"login": "zhang302", "password": "qingwu-garden-302"}
    )
    assert response.status_code == 302
    assert response["Location"] == "/me/"
    assert logged_in_user(client) == str(user.pk)


def test_a_number_left_unverified_does_not_block_a_later_log_in(client, db, texts):
    user = UserFactory(last_login=timezone.now())
    ResidentFactory(user=user, phone=NUMBER)
    response = client.post("/accounts/login/", {"login": user.username, "password": PASSWORD})
    assert response["Location"] == "/me/"
    assert texts() == []


def test_an_abandoned_sign_up_asks_for_the_code_at_the_first_log_in(client, db, texts):
    client.post("/accounts/signup/", SIGNUP)
    client.cookies.clear()
    cache.clear()  # as if a minute had passed (one text a minute per number)
    response = client.post(
        "/accounts/login/", {"login": "wang301", "password": SIGNUP["password1"]}
    )
    assert response["Location"] == "/accounts/phone/verify/"
    assert len(texts()) == 2


def test_the_text_promises_the_minutes_allauth_allows(settings):
    minutes = settings.LINLI_SMS_CODE_MINUTES
    assert f"{minutes}分钟内有效" in verification_text("123456")
    timeouts = {settings.ACCOUNT_PHONE_VERIFICATION_TIMEOUT, settings.ACCOUNT_LOGIN_BY_CODE_TIMEOUT}
    assert timeouts == {minutes * 60}


def test_changing_the_number_on_my_page_unverifies_it(client, db):
    profile = with_verified_number()
    client.force_login(profile.user)
    assert "已用短信确认，可以用它登录" in client.get("/me/").content.decode()
    client.post("/me/profile/", {"display_name": "王阿姨", "phone": "+86 138 1234 5678"})
    profile.refresh_from_db()
    assert profile.phone == NUMBER and profile.phone_verified_at is not None
    client.post("/me/profile/", {"display_name": "王阿姨", "phone": "139 0000 0000"})
    profile.refresh_from_db()
    assert profile.phone == "+8613900000000" and profile.phone_verified_at is None
    assert "已用短信确认" not in client.get("/me/").content.decode()


def test_the_phone_pages_have_english_too(client, db):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    signup = client.get("/accounts/signup/").content.decode()
    assert "Mobile number" in signup and "E-mail address (optional)" in signup
    code = client.get("/accounts/login/code/").content.decode()
    assert "Log in with a one-time code" in code and "or your e-mail address" in code
