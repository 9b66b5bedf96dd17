"""The report journey: a resident reports a broken lift with a photo on a phone; the
property company (物业) accepts and closes it in the admin with a photo of the fix; the
resident rates it 满意 and sees it on the board and in this month's 幸福账单."""

import io

from django.utils import timezone
from PIL import Image
from playwright.sync_api import expect

from participation import roles
from participation.reports.models import Report
from tests.factories.households import (
    PASSWORD,
    BuildingFactory,
    UnitFactory,
    staff_in,
    verified_resident,
)
from tests.factories.pages import HomePageFactory


def _jpeg(colour):
    out = io.BytesIO()
    Image.new("RGB", (320, 240), colour).save(out, "JPEG")
    return {"name": "photo.jpg", "mimeType": "image/jpeg", "buffer": out.getvalue()}


def log_in(page, username):
    page.locator("#id_login").fill(username)
    page.locator("#id_password").fill(PASSWORD)
    page.get_by_role("button", name="登录").click()


def test_a_broken_lift_goes_from_reported_to_rated(phone, browser, live_server):
    HomePageFactory()
    building = BuildingFactory(name="3号楼")
    resident = verified_resident(unit=UnitFactory(building=building), display_name="王芳").user
    staff_in(roles.PROPERTY, username="wuye")

    page = phone
    page.goto("/reports/")
    page.get_by_role("link", name="登录后报事").click()
    log_in(page, resident.username)
    expect(page.get_by_role("heading", level=1)).to_have_text("我要报事")
    page.locator("#id_category").select_option("lift")
    page.locator("#id_building").select_option(label="3号楼")
    page.locator("#id_place").fill("2单元电梯")
    page.locator("#id_description").fill("电梯5楼的按钮按了没反应。")
    page.locator("#id_photo_1").set_input_files(_jpeg("red"))
    page.get_by_role("button", name="提交报事").click()
    expect(page.locator(".badge-status")).to_have_text("待受理")
    expect(page.locator(".report__photo")).to_have_count(1)
    report_url = page.url
    report = Report.objects.get()

    staff = browser.new_context(viewport={"width": 1280, "height": 900}, base_url=live_server.url)
    admin = staff.new_page()
    admin.goto("/admin/participation/reports/")
    log_in(admin, "wuye")
    expect(admin.get_by_text("2单元电梯").first).to_be_visible()
    admin.goto(f"/admin/participation/reports/handle/{report.pk}/")
    admin.get_by_label("指派给").select_option("property")
    admin.get_by_role("button", name="受理", exact=True).click()
    expect(admin.locator(".report-action--accept")).to_have_count(0)
    expect(admin.get_by_text("已完成，这一步已记入办理进程。")).to_be_visible()
    admin.get_by_label("处理情况（公开显示）").fill("已更换5楼按钮，电梯恢复正常。")
    admin.get_by_label("处理后照片").set_input_files(_jpeg("green"))
    admin.get_by_role("button", name="办结", exact=True).click()
    expect(admin.locator(".report-action--close")).to_have_count(0)
    expect(admin.get_by_text("已完成，这一步已记入办理进程。")).to_be_visible()
    staff.close()

    page.goto(report_url)
    expect(page.locator(".badge-status").first).to_have_text("已办结，待评价")
    expect(page.locator(".report__photo")).to_have_count(2)
    page.get_by_label("满意", exact=True).check()
    page.get_by_role("button", name="提交评价").click()
    expect(page.get_by_text("谢谢您的评价。")).to_be_visible()
    trail = page.locator(".trail")
    for status in ("待受理", "已受理", "已办结，待评价", "满意"):
        expect(trail).to_contain_text(status)

    page.goto("/reports/?status=rated")
    item = page.locator(".report-item").first
    expect(item).to_contain_text("2单元电梯")
    expect(item).to_contain_text("3号楼居民")
    expect(item).not_to_contain_text("王芳")
    now = timezone.localtime()
    page.goto(f"/reports/bill/{now.year}/{now.month}/")
    figures = page.locator(".bill__figures")
    expect(figures).to_contain_text("收到报事1")
    expect(figures).to_contain_text("满意100%")
