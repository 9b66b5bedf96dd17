"""The code on the committee's letter has one name in Chinese, 入户核验码, and one verb,
核验: no 验证码, 登记码, bare 核验码 or 认证 meaning it. (An SMS 验证码 is a different
thing: strings about text messages may use that word.)"""

import re
from pathlib import Path

import polib

from tests.factories.households import ResidentFactory
from tests.factories.votes import VoteFactory

CATALOGUE = Path(__file__).parents[3] / "portal/locale/zh_Hans/LC_MESSAGES/django.po"
VARIANTS = re.compile(r"验证码|登记码|入户码|认证码|(?<!入户)核验码|认证")


def about_sms(entry):
    return re.search(r"\bSMS\b|text message", entry.msgid, re.IGNORECASE)


def test_the_letter_code_has_one_name_in_the_catalogue():
    offenders = [
        (entry.msgid, entry.msgstr)
        for entry in polib.pofile(str(CATALOGUE))
        if entry.msgstr and VARIANTS.search(entry.msgstr) and not about_sms(entry)
    ]
    assert offenders == []


def test_the_name_is_used_where_the_code_is_entered():
    msgstrs = {e.msgid: e.msgstr for e in polib.pofile(str(CATALOGUE))}
    assert "入户核验码" in msgstrs["Code from the letter"]
    assert (
        "入户核验码"
        in msgstrs["Claim your home with the code on the committee's letter before voting."]
    )


def test_an_unverified_resident_on_a_vote_page_gets_the_link_to_the_code(client, home):
    vote = VoteFactory(electorate="residents")
    client.force_login(ResidentFactory().user)
    html = client.get(f"/votes/{vote.pk}/").content.decode()
    assert 'href="/accounts/household/"' in html
