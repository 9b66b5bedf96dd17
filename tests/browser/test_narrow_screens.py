"""Every kind of page fits a 320 px wide screen in the elderly mode (large type)
without scrolling sideways, as its visitor sees it, and passes its other 320 px checks
(the event calendar shows its month as a list). The page kinds are listed, in groups,
in ``page_kinds.py``: one test per group builds the group's site, and each page is a
subtest named after it (``consultations-list-elderly``)."""

import pytest

from tests.browser.conftest import sideways_overflow
from tests.browser.page_kinds import GROUPS, KINDS, Tour, build_site


@pytest.fixture
def narrow(phone):
    phone.set_viewport_size({"width": 320, "height": 640})
    return phone


@pytest.mark.parametrize("group", GROUPS)
def test_pages_fit_320px_in_elderly_mode(
    narrow, live_server, transactional_db, settings, tmp_path, subtests, group
):
    settings.PRIVATE_MEDIA_ROOT = str(tmp_path)  # the reports' photos
    tour = Tour(narrow, live_server, build_site(group), "elderly")
    for kind in KINDS[group]:
        with subtests.test(msg=f"{kind}-elderly"):
            path = tour.visit(kind)
            overflow = sideways_overflow(narrow)
            assert overflow <= 0, f"{path} scrolls sideways by {overflow}px at 320px"
            if kind.at_320px is not None:
                kind.at_320px(narrow)
