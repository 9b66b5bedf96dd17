import pytest
from wagtail.images.models import Image
from wagtail.images.tests.utils import get_test_image_file

from portal.qr import qr_svg
from tests.factories.households import BuildingFactory
from tests.factories.pages import NoticePageFactory, StandardPageFactory


@pytest.fixture
def image(db):
    return Image.objects.create(title="楼道", file=get_test_image_file())


def test_home_page_shows_urgent_banner_and_latest_notices(client, notice_index):
    NoticePageFactory(parent=notice_index, title="明日停水通知", urgent=True)
    NoticePageFactory(parent=notice_index, title="快递柜搬迁")
    response = client.get("/")
    html = response.content.decode()
    assert response.status_code == 200
    assert 'class="urgent-banner"' in html
    assert html.index("明日停水通知") < html.index("快递柜搬迁")
    assert '<html lang="zh-Hans">' in html


def test_home_page_without_notices_says_so(client, home):
    response = client.get("/")
    assert response.status_code == 200
    assert "暂无通知" in response.content.decode()
    assert "urgent-banner" not in response.content.decode()


def test_notice_page_renders_every_block(client, notice_index, image):
    from django.core.files.base import ContentFile
    from wagtail.documents.models import Document

    document = Document.objects.create(title="报名表", file=ContentFile(b"x", name="form.pdf"))
    body = [
        {"type": "heading", "value": {"text": "停水时间", "level": "h2"}},
        {"type": "paragraph", "value": "<p>请提前储水。</p>"},
        {"type": "image", "value": {"image": image.pk, "caption": "泵房", "alt_text": "泵房外观"}},
        {"type": "attachment", "value": {"document": document.pk, "title": "下载报名表"}},
        {
            "type": "table",
            "value": {
                "data": [["楼栋", "时间"], ["3号楼", "9:00-12:00"]],
                "first_row_is_table_header": True,
                "first_col_is_header": False,
            },
        },
        {"type": "contact", "value": {"name": "物业服务中心", "phone": "0571-8888 0000"}},
    ]
    notice = NoticePageFactory(parent=notice_index, title="二次供水清洗", body=body, image=image)
    response = client.get(notice.url)
    html = response.content.decode()
    assert response.status_code == 200
    for text in ("停水时间", "请提前储水", "泵房外观", "下载报名表", "3号楼", "物业服务中心"):
        assert text in html
    assert 'href="tel:057188880000"' in html


def test_notice_poster_has_qr_code_pointing_at_the_notice(client, notice_index):
    # One sort order for all three, so the poster lists them by name.
    fourth, third = (
        BuildingFactory(name="4号楼", sort_order=0),
        BuildingFactory(name="3号楼", sort_order=0),
    )
    BuildingFactory(name="5号楼", sort_order=0)
    notice = NoticePageFactory(
        parent=notice_index, title="消防演练通知", urgent=True, buildings=[fourth, third]
    )
    response = client.get(notice.url + "poster/")
    expected_target = f"http://testserver/n/{notice.pk}/"
    assert response.status_code == 200
    assert response.context["qr_target"] == expected_target
    html = response.content.decode()
    assert qr_svg(expected_target) in html
    assert "消防演练通知" in html
    assert '<p class="poster__for">面向 3号楼、4号楼</p>' in html
    assert "5号楼" not in html


def test_standard_page_renders(client, home):
    page = StandardPageFactory(parent=home, title="办事指南", slug="guide")
    response = client.get(page.url)
    assert response.status_code == 200
    assert "青梧社区位于临江市" in response.content.decode()


def test_unknown_page_is_a_friendly_404(client, home):
    response = client.get("/no-such-page/")
    assert response.status_code == 404
    assert "页面不存在" in response.content.decode()
