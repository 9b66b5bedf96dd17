from playwright.sync_api import expect

from tests.factories.pages import (
    HomePageFactory,
    NoticeIndexPageFactory,
    NoticePageFactory,
    paragraph,
)


def test_resident_on_a_phone_searches_for_the_lift_notice_and_opens_it(phone):
    home = HomePageFactory()
    index = NoticeIndexPageFactory(parent=home)
    NoticePageFactory(
        parent=index,
        title="小区电梯维修通知",
        summary="7号楼2单元电梯周二停运，请走楼梯。",
        body=paragraph("维修期间请从楼梯通行。"),
    )
    NoticePageFactory(parent=index, title="二次供水水箱清洗")

    phone.goto("/search/")
    phone.get_by_label("搜索通知和页面").fill("电梯")
    phone.get_by_role("button", name="搜索").click()

    expect(phone.get_by_role("status")).to_contain_text("1 条结果")
    result = phone.locator(".search-result")
    expect(result).to_have_count(1)
    expect(result.locator(".search-result__kind")).to_have_text("通知")
    expect(result.locator("mark").first).to_have_text("电梯")
    assert phone.evaluate(
        "document.documentElement.scrollWidth <= document.documentElement.clientWidth"
    )
    result.get_by_role("link", name="小区电梯维修通知").click()
    expect(phone.get_by_role("heading", level=1)).to_have_text("小区电梯维修通知")
