"""A new resident signs up on a phone, confirms the e-mail, claims the flat with the
code that ``import_households`` printed, and sees it on /me/."""

import re
from io import StringIO

import pytest
from django.core.management import call_command
from playwright.sync_api import expect

CSV = (
    "building,unit,room,area_m2,owner_ref\n3号楼,1,502,89.50,QW-3-1-502\n3号楼,1,501,60,developer\n"
)


@pytest.fixture
def printed_code(signup_site, tmp_path):
    path = tmp_path / "households.csv"
    path.write_text(CSV, encoding="utf-8-sig")
    out = StringIO()
    call_command("import_households", str(path), stdout=out, stderr=StringIO())
    rows = {line.split(",")[2]: line.split(",")[3] for line in out.getvalue().splitlines()[1:]}
    return rows["502"]


def test_new_resident_signs_up_verifies_email_and_claims_the_flat(phone, printed_code, mailoutbox):
    phone.goto("/")
    phone.get_by_role("link", name="登录").click()
    phone.get_by_role("link", name="还没有账号？注册。").click()
    expect(phone.get_by_role("heading", level=1)).to_have_text("注册")

    phone.get_by_label("电子邮箱（可不填）").fill("linmei@example.com")
    phone.get_by_label("用户名").fill("linmei")
    phone.get_by_label("密码*", exact=True).fill("青梧-a-long-Passw0rd")
    phone.get_by_label("再输一次密码").fill("青梧-a-long-Passw0rd")
    phone.get_by_label("邻居们怎么称呼您？").fill("3号楼林梅")
    phone.get_by_label("我已阅读并同意隐私说明。").check()
    phone.get_by_role("button", name="注册").click()
    expect(phone.get_by_role("heading", level=1)).to_have_text("请查看电子邮件")

    assert len(mailoutbox) == 1
    link = re.search(r"https?://[^/\s]+(/accounts/confirm-email/\S+/)", mailoutbox[0].body).group(1)
    phone.goto(link)
    phone.get_by_role("button", name="确认").click()

    phone.goto("/accounts/household/")
    expect(phone.get_by_role("heading", level=1)).to_have_text("核验您的住户身份")
    phone.get_by_label("通知书上的入户核验码").fill("wrong-code-0000")
    phone.get_by_label("业主指定的投票人").check()
    phone.get_by_role("button", name="核验").click()
    expect(phone.get_by_text("这不像是通知书上的入户核验码").first).to_be_visible()
    expect(phone.get_by_label("通知书上的入户核验码")).to_be_focused()

    phone.get_by_label("通知书上的入户核验码").fill(printed_code.lower().replace("-", " "))
    phone.get_by_label("业主指定的投票人").check()
    phone.get_by_role("button", name="核验").click()

    expect(phone).to_have_url(re.compile(r"/me/$"))
    expect(phone.get_by_text("3号楼1单元502室").first).to_be_visible()
    expect(phone.get_by_text("已核验居民")).to_be_visible()
    expect(phone.get_by_text("代表业主投票")).to_be_visible()
