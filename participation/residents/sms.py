"""Text messages (SMS) through a pluggable sender, chosen by ``LINLI_SMS_SENDER``.

A sender is a class with one method, ``send(phone, text)``: ``phone`` is
``+86`` and eleven digits, ``text`` the whole message with its 【邻里】 signature (the
signature Chinese carriers require). It raises ``SMSError`` when the provider refuses.
An operator's provider (Aliyun SMS, Tencent Cloud SMS…) is a small class in the
operator's own module, named in ``LINLI_SMS_SENDER`` and configured by the
``LINLI_SMS_*`` settings (see portal/settings/production.py). Development and tests
use ``ConsoleSender``, which prints and logs the message.
"""

import logging

from django.conf import settings
from django.utils.module_loading import import_string

logger = logging.getLogger("linli.sms")

SIGNATURE = "【邻里】"


class SMSError(Exception):
    pass


class ConsoleSender:
    """Prints and logs the message: for development, tests and trials."""

    def send(self, phone, text):
        print(f"SMS to {phone}: {text}", flush=True)  # noqa: T201
        logger.info("SMS to %s: %s", phone, text)


def sender():
    return import_string(settings.LINLI_SMS_SENDER)()


def verification_text(code):
    """The text carriers see: fixed words (templates are registered with the provider).

    The ten minutes are ``LINLI_SMS_CODE_MINUTES``, which sets allauth's timeouts.
    """
    return f"{SIGNATURE}您的验证码是 {code}，10分钟内有效。请勿告诉他人。"


def already_registered_text():
    """Sent instead of a code when someone signs up with a number that already has an
    account: the owner learns it, the person at the keyboard learns nothing new."""
    return (
        f"{SIGNATURE}有人用您的手机号注册邻里账户，但这个号码已经注册过。"
        "如是您本人，请直接登录（可用短信验证码登录）；如不是，请忽略本短信。"
    )


def send_verification_code(phone, code):
    sender().send(phone, verification_text(code))


def send_already_registered(phone):
    sender().send(phone, already_registered_text())
