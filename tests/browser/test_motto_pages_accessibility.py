"""Family-motto pages pass axe (no serious or critical violations) in both display
modes, fit a 320 px screen in the elderly mode, and the print view fits one A4 page."""

import re

import pytest

from home.mottos.choices import FamilyDisplay, MottoKind
from home.mottos.workflow import ensure_motto_workflow
from tests.browser.conftest import (
    axe_problems,
    axe_violations,
    sideways_overflow,
    submit_log_in,
)
from tests.factories.households import UserFactory, verified_resident
from tests.factories.mottos import couplet_fields, make_gallery, make_motto, make_theme
from tests.factories.pages import make_home


@pytest.fixture
def motto_pages(transactional_db):
    make_gallery(make_home())
    ensure_motto_workflow()
    theme = make_theme()
    longest = make_motto(
        theme=theme,
        featured=True,
        story="外公常常念给我们听。",
        **couplet_fields(
            "一粥一饭当思来处不易勤俭持家", "半丝半缕恒念物力维艰诚信做人", "勤俭节约"
        ),
    )
    short = make_motto(theme=theme, **couplet_fields("百善孝为先", "万事和为贵", "孝老爱亲"))
    prose = make_motto(
        theme=theme,
        kind=MottoKind.PROSE,
        text="黎明即起，洒扫庭除，要内外整洁；既昏便息，关锁门户，必亲自检点。" * 3,
        family_name="林家",
        family_display=FamilyDisplay.FAMILY,
        consent=True,
    )
    return {
        "gallery": "/mottos/",
        "gallery filtered": f"/mottos/?kind=couplet&theme={theme.slug}",
        "couplet": f"/mottos/{longest.pk}/",
        "short couplet": f"/mottos/{short.pk}/",
        "precept": f"/mottos/{prose.pk}/",
        "submit (anonymous)": "/mottos/submit/",
    }, [longest, short, prose]


@pytest.mark.parametrize("mode", ["standard", "elderly"])
def test_motto_pages_have_no_serious_axe_violations(axe_page, motto_pages, mode):
    pages, _ = motto_pages
    axe_page.goto(f"/display/{mode}/")
    assert axe_problems(axe_page, pages.items()) == {}


def _log_in(page, username):
    page.goto("/accounts/login/?next=/mottos/submit/")
    submit_log_in(page, username)
    page.wait_for_url("**/mottos/submit/")
    page.goto("/mottos/submit/")  # past the one-off "signed in" message of base.html


def test_the_submission_form_with_errors_has_no_serious_axe_violations(axe_page, motto_pages):
    verified_resident(user=UserFactory(username="linjia"))
    axe_page.goto("/display/elderly/")
    _log_in(axe_page, "linjia")
    assert axe_violations(axe_page) == []
    axe_page.get_by_role("button", name="提交给居委会").click()
    assert axe_page.locator(".invalid-feedback").count() > 0
    assert axe_violations(axe_page) == []


def test_motto_pages_fit_320px_in_elderly_mode(phone, motto_pages):
    pages, _ = motto_pages
    verified_resident(user=UserFactory(username="linjia"))
    phone.set_viewport_size({"width": 320, "height": 640})
    phone.goto("/display/elderly/")
    widths = {}
    for name, path in pages.items():
        phone.goto(path)
        widths[name] = sideways_overflow(phone)
    _log_in(phone, "linjia")
    phone.get_by_role("button", name="提交给居委会").click()
    widths["submit form"] = sideways_overflow(phone)
    assert {name: px for name, px in widths.items() if px > 0} == {}


def test_the_print_view_fits_one_a4_page(axe_page, motto_pages):
    _, mottos = motto_pages
    for motto in mottos:
        axe_page.goto(f"/mottos/{motto.pk}/print/")
        pdf = axe_page.pdf(prefer_css_page_size=True)
        pages = len(re.findall(rb"/Type\s*/Page[^s]", pdf))
        assert pages == 1, (str(motto), pages)
