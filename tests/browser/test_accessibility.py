import pytest

from tests.browser.conftest import axe_violations
from tests.factories.pages import make_home, make_notice, make_notice_index, make_standard_page


@pytest.fixture
def site_pages(transactional_db):
    home = make_home()
    index = make_notice_index(home)
    notice = make_notice(
        index,
        title="电梯年检通知",
        urgent=True,
        tags=["电梯"],
        body=[
            {"type": "heading", "value": {"text": "时间安排", "level": "h2"}},
            {"type": "paragraph", "value": "<p>请<a href='/notices/'>查看</a>安排。</p>"},
            {"type": "contact", "value": {"name": "物业服务中心", "phone": "0571-8888 0000"}},
        ],
    )
    about = make_standard_page(home)
    return {
        "home": "/",
        "notice index": "/notices/",
        "notice": notice.url,
        "poster": notice.url + "poster/",
        "standard page": about.url,
        "search": "/search/",
        "search results": "/search/?q=电梯",
        "not found": "/no-such-page/",
    }


@pytest.mark.parametrize("mode", ["standard", "elderly"])
def test_no_serious_or_critical_axe_violations_on_any_page_type(axe_page, site_pages, mode):
    axe_page.goto(f"/display/{mode}/")
    problems = {}
    for name, path in site_pages.items():
        axe_page.goto(path)
        violations = axe_violations(axe_page)
        if violations:
            problems[name] = violations
    assert problems == {}
