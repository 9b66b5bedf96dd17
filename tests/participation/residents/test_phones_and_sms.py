"""Chinese mobile numbers typed loosely, the console SMS sender, and allauth's phone
methods on the adapter (the number lives on the resident's profile)."""

import pytest

from participation.residents.adapter import AccountAdapter
from participation.residents.phones import normalize_mobile
from participation.residents.sms import send_verification_code
from tests.factories.households import UserFactory


@pytest.mark.parametrize(
    "typed",
    ["13812345678", "+86 138 1234 5678", "138-1234-5678", "0086 13812345678", "86-13812345678"],
)
def test_a_mobile_number_typed_loosely_is_read(typed):
    assert normalize_mobile(typed) == "+8613812345678"


@pytest.mark.parametrize(
    "typed", ["", "1381234567", "23812345678", "１３８１２３４５６７８", "+1 415 555 0100", "abc"]
)
def test_anything_else_is_not_a_mobile_number(typed):
    assert normalize_mobile(typed) is None


def test_the_console_sender_prints_the_code_with_the_signature(capsys, settings):
    settings.LINLI_SMS_SENDER = "participation.residents.sms.ConsoleSender"
    send_verification_code("+8613812345678", "123456")
    out = capsys.readouterr().out
    assert "+8613812345678" in out
    assert "【邻里】您的验证码是 123456" in out


def test_the_adapter_keeps_the_phone_on_the_profile_and_finds_the_user(db):
    user = UserFactory()
    adapter = AccountAdapter()
    adapter.set_phone(user, "+86 138 1234 5678", verified=False)
    assert adapter.get_phone(user) == ("+8613812345678", False)
    assert adapter.get_user_by_phone("13812345678") is None
    adapter.set_phone_verified(user, "+8613812345678")
    assert adapter.get_phone(user) == ("+8613812345678", True)
    assert adapter.get_user_by_phone("138-1234-5678") == user


def test_the_adapter_sends_the_code_through_the_sender(capsys, db):
    AccountAdapter().send_verification_code_sms(UserFactory(), "+8613812345678", "654321")
    assert "您的验证码是 654321" in capsys.readouterr().out
