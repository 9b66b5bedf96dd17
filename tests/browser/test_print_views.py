"""Print views: each family motto's print view fits one A4 page."""

import re

from tests.browser.page_kinds import build_site


def test_the_motto_print_view_fits_one_a4_page(axe_page, transactional_db):
    site = build_site("mottos")
    for name in ("longest", "short", "prose"):
        motto = site.objects[name]
        axe_page.goto(f"/mottos/{motto.pk}/print/")
        pdf = axe_page.pdf(prefer_css_page_size=True)
        pages = len(re.findall(rb"/Type\s*/Page[^s]", pdf))
        assert pages == 1, (str(motto), pages)
