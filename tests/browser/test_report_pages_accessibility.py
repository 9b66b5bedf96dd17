"""Report pages pass axe (no serious or critical violations) in both display modes,
anonymous and logged in, and fit a 320 px screen in the elderly mode."""

import pytest
from django.utils import timezone

from participation.reports import loop
from participation.reports.choices import Category, Handler, Visibility
from tests.browser.conftest import axe_violations
from tests.factories.households import PASSWORD, BuildingFactory, UnitFactory, verified_resident
from tests.factories.pages import make_home
from tests.factories.reports import make_report, property_staff


@pytest.fixture
def report_pages(transactional_db, settings, tmp_path):
    settings.PRIVATE_MEDIA_ROOT = str(tmp_path)
    make_home()
    building = BuildingFactory(name="3号楼")
    resident = verified_resident(unit=UnitFactory(building=building)).user
    report = make_report(resident, photos=1, place="2单元电梯，5楼按钮" * 3)
    fixed = make_report(resident, category=Category.NOISE, place="南侧广场")
    wuye = property_staff()
    loop.accept(fixed, wuye, Handler.PROPERTY)
    loop.close(fixed, wuye, "已与广场舞队协商，晚上九点后调低音量。")
    private = make_report(resident, category=Category.DISPUTE, visibility=Visibility.PRIVATE)
    now = timezone.localtime()
    return (
        resident,
        {
            "board": "/reports/",
            "report": f"/reports/{report.pk}/",
            "fixed": f"/reports/{fixed.pk}/",
            "bill": f"/reports/bill/{now.year}/{now.month}/",
            "not found": "/reports/?status=nonsense",
        },
        {"private": f"/reports/{private.pk}/", "new": "/reports/new/"},
    )


def _log_in(page, user):
    page.goto("/accounts/login/")
    page.locator("#id_login").fill(user.username)
    page.locator("#id_password").fill(PASSWORD)
    page.get_by_role("button", name="登录").click()


@pytest.mark.parametrize("mode", ["standard", "elderly"])
def test_report_pages_have_no_serious_axe_violations(axe_page, report_pages, mode):
    resident, pages, own = report_pages
    axe_page.goto(f"/display/{mode}/")
    problems = {}
    for name, path in pages.items():
        axe_page.goto(path)
        if violations := axe_violations(axe_page):
            problems[name] = violations
    _log_in(axe_page, resident)
    for name, path in {**pages, **own}.items():
        axe_page.goto(path)
        if violations := axe_violations(axe_page):
            problems[f"{name} (logged in)"] = violations
    assert problems == {}


def test_report_pages_fit_320px_in_elderly_mode(phone, report_pages):
    resident, pages, own = report_pages
    phone.set_viewport_size({"width": 320, "height": 640})
    phone.goto("/display/elderly/")
    _log_in(phone, resident)
    for name, path in {**pages, **own}.items():
        phone.goto(path)
        overflow = phone.evaluate(
            "document.documentElement.scrollWidth - document.documentElement.clientWidth"
        )
        assert overflow <= 0, f"{name} scrolls sideways by {overflow}px at 320px"
