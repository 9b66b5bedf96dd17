"""Every kind of page fits a 320 px wide screen in the elderly mode (large type)
without scrolling sideways; the page kinds are listed in ``page_kinds.py``."""

import pytest

from tests.browser.conftest import sideways_overflow
from tests.browser.page_kinds import GROUPS, ballot_steps, build_site, log_in


@pytest.fixture
def site(transactional_db):
    return build_site()


@pytest.fixture
def narrow(phone):
    phone.set_viewport_size({"width": 320, "height": 640})
    return phone


@pytest.mark.parametrize("group", GROUPS)
def test_pages_fit_320px_in_elderly_mode(narrow, live_server, site, group):
    visitor, kinds = site[group]
    if visitor is not None:
        log_in(narrow, live_server, visitor)
    narrow.goto("/display/elderly/")
    overflows = {}
    for kind, path in kinds:
        narrow.goto(path)
        if (overflow := sideways_overflow(narrow)) > 0:
            overflows[kind] = f"{path} scrolls sideways by {overflow}px"
    assert overflows == {}


def test_the_ballot_and_its_confirmation_fit_320px_in_elderly_mode(narrow, live_server, site):
    voter, [(_kind, path)] = site["ballot"]
    log_in(narrow, live_server, voter)
    narrow.goto("/display/elderly/")
    overflows = {}
    for kind in ballot_steps(narrow, path):
        if (overflow := sideways_overflow(narrow)) > 0:
            overflows[kind] = f"scrolls sideways by {overflow}px"
    assert overflows == {}
