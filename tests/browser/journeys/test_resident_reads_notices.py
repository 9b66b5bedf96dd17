import re

from playwright.sync_api import expect

from tests.factories.pages import HomePageFactory, NoticeIndexPageFactory, NoticePageFactory


def test_resident_on_a_phone_reads_the_urgent_notice_then_switches_modes(phone):
    home = HomePageFactory()
    index = NoticeIndexPageFactory(parent=home)
    NoticePageFactory(
        parent=index, title="明日8:00-12:00 3号楼停水", urgent=True, category="utilities"
    )
    NoticePageFactory(parent=index, title="垃圾分类宣传周")

    phone.goto("/")
    expect(phone.locator("html")).to_have_attribute("lang", "zh-Hans")
    banner = phone.get_by_role("region", name="紧急与置顶通知")
    expect(banner).to_be_visible()
    banner.get_by_role("link", name="明日8:00-12:00 3号楼停水").click()
    expect(phone.get_by_role("heading", level=1)).to_have_text("明日8:00-12:00 3号楼停水")
    expect(phone.get_by_text("停水停电").first).to_be_visible()

    normal_size = phone.evaluate("parseFloat(getComputedStyle(document.body).fontSize)")
    assert normal_size >= 18
    phone.get_by_role("link", name="大字模式").click()
    expect(phone.locator("body")).to_have_class(re.compile(r"\belderly\b"))
    expect(phone.get_by_role("heading", level=1)).to_have_text("明日8:00-12:00 3号楼停水")
    large_size = phone.evaluate("parseFloat(getComputedStyle(document.body).fontSize)")
    assert large_size >= normal_size * 1.25

    phone.get_by_role("link", name="English").click()
    expect(phone.locator("html")).to_have_attribute("lang", "en")
    expect(phone.get_by_role("link", name="Standard text")).to_be_visible()
    expect(phone.locator("body")).to_have_class(re.compile(r"\belderly\b"))

    phone.goto("/notices/")
    expect(phone.get_by_role("heading", level=1)).to_have_text("通知公告")
    expect(phone.get_by_role("link", name="中文")).to_be_visible()


def test_skip_link_is_the_first_stop_and_moves_focus_to_main(phone):
    HomePageFactory()
    phone.goto("/")
    phone.keyboard.press("Tab")
    skip = phone.get_by_role("link", name="跳到正文")
    expect(skip).to_be_focused()
    expect(skip).to_be_in_viewport()
    phone.keyboard.press("Enter")
    assert phone.evaluate("document.activeElement.id") == "main"
