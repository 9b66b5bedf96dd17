"""The README's "Publishing your first notice", followed literally in the Chinese admin:
log in as an editor, open 通知公告 from 页面, add a notice with the ⊕, publish it from
the menu of 保存草稿, and find it on /notices/."""

import re

from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from playwright.sync_api import expect

from tests.factories.pages import HomePageFactory, NoticeIndexPageFactory

PASSWORD = "pw-for-tests-1"


def make_editor():
    editor = get_user_model().objects.create_superuser("editor", "editor@example.com", PASSWORD)
    EmailAddress.objects.create(user=editor, email=editor.email, verified=True, primary=True)
    return editor


def test_editor_follows_the_readme_and_publishes_a_notice(browser, live_server, transactional_db):
    NoticeIndexPageFactory(parent=HomePageFactory())
    make_editor()
    context = browser.new_context(viewport={"width": 1280, "height": 900}, base_url=live_server.url)
    page = context.new_page()

    # 1. Open /admin/ and log in as editor.
    page.goto("/admin/")
    page.get_by_label("用户名、电子邮箱或手机号").fill("editor")
    page.get_by_label("密码").fill(PASSWORD)
    page.get_by_role("button", name="登录", exact=True).click()

    # 2. In the menu on the left: 页面, the › next to 首页, then 通知公告.
    page.get_by_role("button", name="页面", exact=True).click()
    menu = page.locator(".c-page-explorer")
    menu.get_by_role("link", name="查看 '首页' 的子页面").click()
    menu.get_by_role("link", name="通知公告", exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("通知公告")

    # 3. The ⊕ next to 通知公告 at the top (添加子页面) opens the form for a notice.
    page.get_by_role("link", name="添加子页面").first.click()

    # 4. Title, category, issuer, and a paragraph in the body.
    page.get_by_role("textbox", name="标题*").fill("本周六上午小区消防演练")
    page.get_by_label("分类*").select_option(label="安全提示")
    page.get_by_label("发布单位*").select_option(label="居委会")
    body = page.locator("section", has=page.get_by_role("heading", name="正文*")).last
    body.locator(".c-sf-add-button").first.click()
    page.get_by_role("option", name="段落").click()
    editor_box = body.locator("[role='textbox']").first
    editor_box.click()
    editor_box.press_sequentially("周六上午9点在中心广场演练，请居民配合。")
    expect(editor_box).to_contain_text("请居民配合。")
    page.get_by_role("textbox", name="摘要").click()
    # Draftail copies its state into the form's hidden input on a timer; under load
    # publishing before that copy saves an empty paragraph, so wait for the copy.
    page.wait_for_function(
        "text => [...document.querySelectorAll('input[type=hidden]')]"
        ".some(i => i.value.includes(text))",
        arg="请居民配合",
    )
    # The address is on the 推荐 tab, labelled 网址别名, and is left alone.
    page.get_by_role("tab", name="推荐").click()
    expect(page.get_by_role("textbox", name="网址别名")).to_be_visible()

    # 5. Publish: it is in the menu opened by the arrow next to 保存草稿.
    page.get_by_role("button", name="更多动作").click()
    page.get_by_role("button", name="发布", exact=True).click()
    # Wagtail 8 autosaves the new page as a draft once it has changes; if that came
    # first, the message says 已经发布 rather than 已创建并发布.
    published = re.compile("本周六上午小区消防演练.{0,2}(已创建并发布|已经发布)")
    expect(page.get_by_text(published)).to_be_visible()

    # 6. The notice is on /notices/, at a short address.
    page.goto("/notices/")
    link = page.get_by_role("link", name="本周六上午小区消防演练")
    expect(link).to_be_visible()
    link.click()
    expect(page.get_by_text("周六上午9点在中心广场演练")).to_be_visible()
    assert page.url.rsplit("/notices/", 1)[1].isascii()
    context.close()
