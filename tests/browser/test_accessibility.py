"""Every kind of page passes axe (no serious or critical violations), in the standard
and the elderly display mode; the page kinds are listed in ``page_kinds.py``."""

import pytest

from tests.browser.conftest import axe_problems, axe_violations
from tests.browser.page_kinds import GROUPS, ballot_steps, build_site, log_in


@pytest.fixture
def site(transactional_db):
    return build_site()


@pytest.mark.parametrize("mode", ["standard", "elderly"])
@pytest.mark.parametrize("group", GROUPS)
def test_no_serious_or_critical_axe_violations(axe_page, live_server, site, group, mode):
    visitor, kinds = site[group]
    if visitor is not None:
        log_in(axe_page, live_server, visitor)
    axe_page.goto(f"/display/{mode}/")
    assert axe_problems(axe_page, kinds) == {}


@pytest.mark.parametrize("mode", ["standard", "elderly"])
def test_the_ballot_and_its_confirmation_have_no_serious_axe_violations(
    axe_page, live_server, site, mode
):
    voter, [(_kind, path)] = site["ballot"]
    log_in(axe_page, live_server, voter)
    axe_page.goto(f"/display/{mode}/")
    problems = {}
    for kind in ballot_steps(axe_page, path):
        if violations := axe_violations(axe_page):
            problems[kind] = violations
    assert problems == {}
