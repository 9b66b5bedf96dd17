"""The gallery at /mottos/: order, filters, pages, the couplet's reading order, the
print view, anonymous caching rules and a query count that does not grow."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.images.models import Image
from wagtail.images.tests.utils import get_test_image_file

from home.mottos.choices import FamilyDisplay, MottoKind
from tests.factories.households import BuildingFactory
from tests.factories.mottos import MottoFactory, ThemeFactory, couplet_fields


def test_featured_mottos_come_first(client, gallery, theme):
    MottoFactory(theme=theme, text="普通的家训")
    MottoFactory(theme=theme, text="精选的家训", featured=True)
    html = client.get("/mottos/").content.decode()
    assert html.index("精选的家训") < html.index("普通的家训")


def test_filters_by_theme_and_kind(client, gallery, theme):
    other = ThemeFactory(name="邻里和睦", slug="good-neighbours")
    MottoFactory(theme=theme, text="勤俭的家训")
    MottoFactory(theme=other, kind=MottoKind.PHRASE, text="邻里守望")
    by_theme = client.get("/mottos/", {"theme": "good-neighbours"}).content.decode()
    assert "邻里守望" in by_theme and "勤俭的家训" not in by_theme
    by_kind = client.get("/mottos/", {"kind": "prose"}).content.decode()
    assert "勤俭的家训" in by_kind and "邻里守望" not in by_kind


@pytest.mark.parametrize(
    "query, message",
    [
        ({"theme": "nope"}, "没有这个家风主题"),
        ({"kind": "poem"}, "没有这种家风家训类别"),
        ({"page": "99"}, "家风家训没有这一页"),
        ({"page": "x"}, "家风家训没有这一页"),
    ],
)
def test_unknown_filters_and_pages_answer_404_saying_so(client, gallery, query, message):
    response = client.get("/mottos/", query)
    assert response.status_code == 404
    assert message in response.content.decode()


def test_the_gallery_is_paginated(client, gallery, theme):
    for i in range(13):
        MottoFactory(theme=theme, text=f"第{i}条家训内容")
    first = client.get("/mottos/")
    assert len(first.context["mottos"]) == 12
    assert len(client.get("/mottos/", {"page": "2"}).context["mottos"]) == 1


def test_unknown_motto_answers_404(client, gallery):
    assert client.get("/mottos/424242/").status_code == 404


def test_a_couplet_is_read_horizontal_first_then_right_line_then_left_line(client, gallery, theme):
    motto = MottoFactory(theme=theme, **couplet_fields())
    html = client.get(f"/mottos/{motto.pk}/").content.decode()
    block = html[html.index('class="couplet"') :]
    order = [block.index(s) for s in ("家和万事兴", "忠厚传家久", "诗书继世长")]
    assert order == sorted(order)
    assert re.search(r'couplet__horizontal">.*横批：.*家和万事兴', block)
    assert 'couplet__line couplet__line--upper"><span class="visually-hidden">上联：' in block
    assert 'couplet__line couplet__line--lower"><span class="visually-hidden">下联：' in block


def test_the_couplet_css_hangs_lines_vertically_right_and_left():
    from django.conf import settings

    css = (settings.BASE_DIR / "static" / "css" / "mottos.css").read_text()
    assert "writing-mode: vertical-rl" in css
    assert 'grid-template-areas: "top top top" "lower door upper"' in css
    assert "direction: rtl" in css


def test_without_consent_neither_family_nor_building_is_shown(client, gallery, theme):
    building = BuildingFactory(name="7号楼")
    kwargs = {"family_name": "欧阳家", "building": building, "theme": theme}
    consented = MottoFactory(
        text="有同意的家训",
        family_display=FamilyDisplay.FAMILY_AND_BUILDING,
        consent=True,
        **kwargs,
    )
    anonymous = MottoFactory(text="匿名的家训", **kwargs)
    html = client.get("/mottos/").content.decode()
    assert html.count("欧阳家 · 7号楼") == 1
    page = client.get(f"/mottos/{anonymous.pk}/").content.decode()
    assert "欧阳家" not in page and "7号楼" not in page and "一户居民" in page
    printed = client.get(f"/mottos/{anonymous.pk}/print/").content.decode()
    assert "欧阳家" not in printed and "7号楼" not in printed
    assert "欧阳家 · 7号楼" in client.get(f"/mottos/{consented.pk}/").content.decode()


def test_the_print_view_has_a_qr_code_back_to_the_motto(client, gallery, theme):
    motto = MottoFactory(theme=theme, **couplet_fields())
    response = client.get(f"/mottos/{motto.pk}/print/")
    html = response.content.decode()
    assert "<svg" in html and f"http://testserver/mottos/{motto.pk}/" in html
    assert "motto-print--len-5" in html
    assert "motto_print.css" in html


def test_anonymous_pages_set_no_cookie_and_do_not_vary_on_cookies(client, gallery, theme):
    motto = MottoFactory(theme=theme, **couplet_fields())
    for url in (
        "/mottos/",
        f"/mottos/?theme={theme.slug}&kind=couplet",
        f"/mottos/{motto.pk}/",
        f"/mottos/{motto.pk}/print/",
        "/mottos/submit/",
    ):
        response = client.get(url)
        assert response.status_code == 200, url
        assert not response.cookies, (url, response.cookies)
        assert "cookie" not in response.get("Vary", "").lower(), url
        assert "csrfmiddlewaretoken" not in response.content.decode(), url


def _add_mottos(count, theme, image):
    for i in range(count):
        MottoFactory(theme=theme, image=image if i % 2 else None, **couplet_fields())


def _queries(client):
    client.get("/mottos/")  # renditions are made on the first view
    with CaptureQueriesContext(connection) as queries:
        response = client.get("/mottos/")
    assert response.status_code == 200
    return len(queries.captured_queries)


def test_the_gallery_query_count_does_not_grow_with_the_mottos(
    client, gallery, theme, django_assert_num_queries
):
    image = Image.objects.create(title="书法", file=get_test_image_file())
    _add_mottos(2, theme, image)
    with_two = _queries(client)
    assert with_two > 5
    _add_mottos(48, theme, image)
    client.get("/mottos/?page=2")
    client.get("/mottos/?page=3")
    client.get("/mottos/?page=4")
    with django_assert_num_queries(with_two):
        assert client.get("/mottos/").status_code == 200
    with django_assert_num_queries(with_two):
        assert client.get("/mottos/?page=4").status_code == 200
