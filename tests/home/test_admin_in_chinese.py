"""The Chinese admin: Wagtail's own words stay Wagtail's, what it lacks is ours, and
nothing is fetched from abroad."""

import glob
from pathlib import Path

import polib
import pytest
import wagtail
from django.conf import settings
from django.contrib.auth import get_user_model
from django.utils import translation
from django.utils.translation import gettext, pgettext
from wagtail.models import Task, Workflow

from tests.factories.pages import NoticePageFactory

CATALOGUE = Path(settings.BASE_DIR) / "portal/locale/zh_Hans/LC_MESSAGES/django.po"
WAGTAIL = Path(wagtail.__file__).parent

# Where our catalogue deliberately differs from Wagtail's Chinese, and why.
BETTER_THAN_WAGTAIL = {
    "Breadcrumb": "当前位置 says where you are; 面包屑导航 is developers' jargon",
    "slug": "网址别名 says what it is to a volunteer editor; 缩略名 does not",
    "Account": "账号, not the old form 帐号",
    "Log out": "退出登录 is what a resident reads on our pages too",
    "Previous": "上一页 for pages of a list",
    "Next": "下一页 for pages of a list",
    "There is %(counter)s match": "共有 2 个符合 is not a sentence",
    "live": "在用 reads as 'in use'",
    "live + scheduled": "as live",
    "The page title as you'd like it to be seen by the public": "您, not 你",
    "Skip to main content": "our public skip link",
    "Page not found": "our 404",
    "Show": "the notice filter's button",
    "Continue": "the ballot's next step",
    "Approved": "a vote's verdict",
    "Download CSV": "spacing",
    "Download XLSX": "spacing",
    "description": "a vote option's description",
    "label": "a vote option's label",
    "Lock/unlock pages you've locked": "您, not 你",
    "You need a password to access this page.": "您, not 你",
    "Your account doesn't have access to this page. To proceed, please log in with an account "
    "that has access.": "您, not 你",
    "Your account settings have been changed successfully!": "账号, not 帐号",
}


@pytest.fixture
def editor(client, home):
    user = get_user_model().objects.create_superuser("editor", "editor@example.com", "x")
    client.force_login(user)
    return user


def wagtail_chinese():
    strings = {}
    for path in glob.glob(str(WAGTAIL / "**/zh_Hans/LC_MESSAGES/django.po"), recursive=True):
        for entry in polib.pofile(path):
            if entry.msgstr and not entry.msgctxt:
                strings.setdefault(entry.msgid, entry.msgstr)
    return strings


def test_our_catalogue_does_not_override_wagtails_chinese():
    theirs = wagtail_chinese()
    clashes = {
        entry.msgid: (entry.msgstr, theirs[entry.msgid])
        for entry in polib.pofile(str(CATALOGUE))
        if not entry.msgctxt
        and entry.msgid in theirs
        and entry.msgstr != theirs[entry.msgid]
        and entry.msgid not in BETTER_THAN_WAGTAIL
    }
    assert clashes == {}


def test_main_menu_says_pages_and_our_pagination_keeps_its_own_word():
    with translation.override("zh-hans"):
        assert gettext("Pages") == "页面"
        assert gettext("Published") == "已发布"
        assert gettext("Owner") == "所有者"
        assert pgettext("pagination", "Pages") == "分页"
        assert pgettext("household", "Owner") == "业主"


def test_dashboard_is_in_chinese_and_has_no_gravatar(client, editor):
    html = client.get("/admin/").content.decode()
    assert "搜索全部页面…" in html
    assert "个页面" in html
    for english in ("Search all pages", "Pages <span", "created in", "gravatar.com"):
        assert english not in html


def test_page_explorer_says_published_and_exploring_in_chinese(client, editor, notice_index):
    NoticePageFactory(parent=notice_index, title="电梯年检")
    html = client.get(f"/admin/pages/{notice_index.pk}/").content.decode()
    assert "已发布" in html
    assert "在用" not in html
    assert "Exploring" not in html
    assert " of 1 " not in html


def test_wagtails_default_workflow_has_a_chinese_name(db):
    assert not Workflow.objects.filter(name="Moderators approval").exists()
    assert not Task.objects.filter(name="Moderators approval").exists()
    assert Workflow.objects.filter(name="审核员审批").exists()


def test_login_field_is_labelled_without_english(client, db):
    html = client.get("/accounts/login/").content.decode()
    assert "用户名、电子邮箱或手机号" in html
    for english in (">Login", "Username or email", "Username, email or phone", "用户名或email"):
        assert english not in html


def test_our_catalogue_says_nin_not_ni():
    informal = [entry.msgid for entry in polib.pofile(str(CATALOGUE)) if "你" in entry.msgstr]
    assert informal == []


def test_signing_out_says_tui_chu_deng_lu(client, editor):
    response = client.post("/accounts/logout/", follow=True)
    assert "您已退出登录。" in response.content.decode()
