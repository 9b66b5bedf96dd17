"""Every demo notice's poster prints on one A4 sheet with its QR code on it."""

import re

import pytest
from django.core.management import call_command

from home.notices.models import NoticePage
from tests.factories.pages import (
    HomePageFactory,
    NoticeIndexPageFactory,
    NoticePageFactory,
    paragraph,
)

A4_HEIGHT_PX = 297 / 25.4 * 96
PAGE_OBJECT = re.compile(rb"/Type\s*/Page(?![a-zA-Z])")


def pdf_pages(pdf):
    return len(PAGE_OBJECT.findall(pdf))


@pytest.fixture
def demo_posters(transactional_db, settings, tmp_path, monkeypatch):
    """The demo community, in a database an earlier transactional test may have flushed
    of what Wagtail's migrations create (root page, root collection, roles)."""
    from wagtail.models import Collection, Page

    from participation.roles import ensure_roles
    from tests.factories.pages import _make_root

    if Page.get_first_root_node() is None:
        _make_root()
    if Collection.get_first_root_node() is None:
        Collection.add_root(name="Root")
    ensure_roles()
    settings.VAR_DIR = tmp_path
    settings.MEDIA_ROOT = tmp_path / "media"
    monkeypatch.setenv("LINLI_EDITOR_PASSWORD", "demo-pass-for-tests")
    call_command("load_demo_community", quiet=True, no_credentials=True)
    return [notice.url + "poster/" for notice in NoticePage.objects.visible().order_by("pk")]


def assert_one_sheet_with_qr(page, path):
    page.goto(path)
    page.emulate_media(media="print")
    qr = page.locator(".poster__qr svg").bounding_box()
    assert qr is not None and qr["height"] > 100, path
    assert qr["y"] + qr["height"] <= A4_HEIGHT_PX, path
    hidden = page.evaluate(
        "() => { const b = document.querySelector('.poster__body');"
        " return b.scrollHeight - b.clientHeight; }"
    )
    assert hidden <= 2, f"{path}: {hidden}px of text clipped without 扫码阅读全文"
    pages = pdf_pages(page.pdf(format="A4", print_background=True))
    page.emulate_media(media="screen")
    return pages


def test_every_demo_notice_poster_is_one_a4_sheet(browser, live_server, demo_posters):
    assert len(demo_posters) >= 40
    page = browser.new_page(base_url=live_server.url)
    sheets = {path: assert_one_sheet_with_qr(page, path) for path in demo_posters}
    page.close()
    assert {path: n for path, n in sheets.items() if n != 1} == {}


def test_a_very_long_notice_is_cut_onto_one_sheet(browser, live_server, transactional_db):
    index = NoticeIndexPageFactory(parent=HomePageFactory())
    body = paragraph("因管道改造需要分段施工，请各位居民提前储水。" * 200)
    body += [{"type": "contact", "value": {"name": "物业服务中心", "phone": "0571-8888 0000"}}]
    notice = NoticePageFactory(
        parent=index, title="关于二次供水改造期间分段停水的通知" * 3, body=body
    )
    page = browser.new_page(base_url=live_server.url)
    assert assert_one_sheet_with_qr(page, notice.url + "poster/") == 1
    assert page.get_by_text("扫码阅读全文").is_visible()
    assert page.get_by_text("0571-8888 0000").is_visible()
    page.close()


def test_print_button_appears_only_with_javascript(browser, live_server, transactional_db):
    index = NoticeIndexPageFactory(parent=HomePageFactory())
    notice = NoticePageFactory(parent=index, title="电梯年检")
    with_js = browser.new_page(base_url=live_server.url)
    with_js.goto(notice.url + "poster/")
    assert with_js.get_by_role("button", name="打印").is_visible()
    assert not with_js.get_by_text("请使用浏览器菜单里的“打印”", exact=False).is_visible()
    with_js.close()
    context = browser.new_context(java_script_enabled=False, base_url=live_server.url)
    without_js = context.new_page()
    without_js.goto(notice.url + "poster/")
    assert not without_js.get_by_role("button", name="打印").is_visible()
    assert without_js.get_by_text("浏览器菜单里的“打印”", exact=False).is_visible()
    context.close()
