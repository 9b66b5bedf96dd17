"""Every kind of page passes axe (no serious or critical violations), in the standard
and the elderly display mode, as its visitor sees it (anonymous or logged in, forms
with their errors shown). The page kinds are listed, in groups, in ``page_kinds.py``:
one test per group and mode builds the group's site, and each page is a subtest named
after it (``consultations-list-elderly``)."""

import pytest

from tests.browser.conftest import axe_violations
from tests.browser.page_kinds import GROUPS, KINDS, MODES, Tour, build_site


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("group", GROUPS)
def test_no_serious_or_critical_axe_violations(
    axe_page, live_server, transactional_db, settings, tmp_path, subtests, group, mode
):
    settings.PRIVATE_MEDIA_ROOT = str(tmp_path)  # the reports' photos
    tour = Tour(axe_page, live_server, build_site(group), mode)
    for kind in KINDS[group]:
        with subtests.test(msg=f"{kind}-{mode}"):
            path = tour.visit(kind)
            assert axe_violations(axe_page) == [], path
