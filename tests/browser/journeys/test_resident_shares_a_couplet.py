"""The family-motto journey: a verified resident submits a couplet with consent, an
editor approves it in the Wagtail admin's moderation workflow, and the couplet hangs
vertically in the gallery (上联 right, 下联 left, 横批 across the top)."""

import re

from playwright.sync_api import expect

from home.mottos.models import FamilyMotto
from home.mottos.workflow import ensure_motto_workflow
from tests.browser.conftest import submit_log_in
from tests.factories.households import (
    BuildingFactory,
    UnitFactory,
    UserFactory,
    verified_resident,
)
from tests.factories.mottos import MottoGalleryFactory, ThemeFactory
from tests.factories.pages import HomePageFactory


def test_a_resident_shares_a_couplet_the_editor_approves_it_and_it_hangs_in_the_gallery(
    browser, live_server
):
    MottoGalleryFactory(parent=HomePageFactory())
    ensure_motto_workflow()
    ThemeFactory(name="传统文化", slug="tradition")
    unit = UnitFactory(building=BuildingFactory(name="3号楼"))
    verified_resident(unit=unit, user=UserFactory(username="linjia"))
    UserFactory(username="editor", is_staff=True, is_superuser=True)

    resident = browser.new_context(viewport={"width": 375, "height": 740}, base_url=live_server.url)
    page = resident.new_page()
    page.goto("/mottos/")
    page.get_by_role("link", name="登录后分享您家的家风家训").click()
    submit_log_in(page, "linjia")
    expect(page.get_by_role("heading", level=1)).to_have_text("分享您家的家风家训")
    page.get_by_label("对联", exact=True).check()
    page.get_by_label("主题").select_option(label="传统文化")
    page.get_by_label("横批", exact=True).fill("家和万事兴")
    page.get_by_label("上联", exact=True).fill("忠厚传家久")
    page.get_by_label("下联", exact=True).fill("诗书继世长远")
    page.get_by_label("姓氏", exact=True).fill("林家")
    page.get_by_label("显示姓氏和楼栋（林家 · 3号楼）").check()
    page.get_by_label(re.compile("我家同意")).check()
    page.get_by_role("button", name="提交给居委会").click()
    expect(page.get_by_text(re.compile("上联和下联的字数必须相同"))).to_be_visible()
    page.get_by_label("下联", exact=True).fill("诗书继世长")
    page.get_by_role("button", name="提交给居委会").click()
    expect(page.locator(".motto-standing")).to_have_text("等待居委会审核")
    motto = FamilyMotto.objects.get()
    assert motto.live is False
    page.goto("/mottos/")
    expect(page.get_by_text("忠厚传家久")).to_have_count(0)

    staff = browser.new_context(viewport={"width": 1280, "height": 900}, base_url=live_server.url)
    admin = staff.new_page()
    admin.goto(f"/admin/snippets/home/familymotto/edit/{motto.pk}/")
    submit_log_in(admin, "editor")
    admin.get_by_role("button", name="更多动作").click()
    admin.get_by_role("button", name=re.compile(r"^\s*批准\s*和发布\s*$")).click()
    expect(admin).to_have_url(re.compile(r"/admin/snippets/home/familymotto/$"))
    expect(admin.get_by_role("row", name=re.compile("家和万事兴"))).to_contain_text("已发布")
    staff.close()

    motto.refresh_from_db()
    assert motto.live
    page.goto("/mottos/")
    card = page.locator(".motto-card", has_text="家和万事兴")
    expect(card.locator(".motto-card__family")).to_have_text("林家 · 3号楼")
    couplet = card.locator(".couplet")
    upper = couplet.locator(".couplet__line--upper")
    lower = couplet.locator(".couplet__line--lower")
    horizontal = couplet.locator(".couplet__horizontal")
    assert upper.evaluate("e => getComputedStyle(e).writingMode") == "vertical-rl"
    upper_box, lower_box, top_box = (
        upper.bounding_box(),
        lower.bounding_box(),
        horizontal.bounding_box(),
    )
    assert upper_box["x"] > lower_box["x"] + lower_box["width"]  # 上联 on the right
    assert upper_box["height"] > upper_box["width"] * 2  # written top to bottom
    assert top_box["y"] + top_box["height"] <= min(upper_box["y"], lower_box["y"])
    resident.close()
