"""Issue 10: malformed parameters get a 4xx with a clear Chinese message, never a 500."""

import pytest
from django.test import Client

from participation import roles
from participation.households.models import Building
from portal.hostile_input import unreadable
from tests.factories.households import BuildingFactory, staff_in
from tests.factories.pages import NoticePageFactory

UNREADABLE = "无法识别的字符"


@pytest.fixture
def notices(notice_index):
    NoticePageFactory(parent=notice_index, title="电梯年检通知", tags=["电梯"])
    return notice_index


@pytest.mark.parametrize("query", ["tag=a%00b", "tag=%00", "q=%FF%FE", "building=%C0%AF"])
def test_a_nul_or_invalid_utf8_in_a_notice_filter_is_a_400_in_chinese(client, notices, query):
    response = client.get(f"/notices/?{query}")
    assert response.status_code == 400
    assert UNREADABLE in response.content.decode()


def test_a_nul_in_the_admin_rolls_search_is_a_400(client, db):
    client.force_login(staff_in(roles.COMMITTEE))
    response = client.get("/admin/plan_votes/manage/1/roll/?q=%00")
    assert response.status_code == 400


@pytest.mark.parametrize("digits", ["²", "١", "１", "٣"])
def test_unicode_digits_do_not_name_a_building(client, notices, digits):
    # A one-digit pk that the look-alike digit would name if it were read as a number
    # (PostgreSQL's sequences are not reset between tests, so the pk is chosen).
    family = {"²": "¹²³⁴⁵⁶⁷⁸⁹", "１": "１２３４５６７８９"}.get(digits, "١٢٣٤٥٦٧٨٩")
    wanted = {"²": 2, "１": 1, "٣": 3}.get(digits)
    free = [n for n in range(1, 10) if not Building.objects.filter(pk=n).exists()]
    pk = wanted if wanted in free else free[0]
    building = BuildingFactory(pk=pk)
    assert client.get(f"/notices/?building={building.pk}").status_code == 200
    lookalike = family[building.pk - 1]
    response = client.get(f"/notices/?building={lookalike}")
    assert response.status_code == 404


def test_a_building_number_too_big_for_the_database_is_a_404(client, notices):
    assert client.get("/notices/?building=" + "9" * 30).status_code == 404


@pytest.mark.parametrize("charset", ["latin-1", "iso-8859-1", "utf-16", "koi8-r"])
def test_a_form_sent_in_another_charset_is_a_400_in_chinese(db, charset):
    client = Client(enforce_csrf_checks=True)
    response = client.post(
        "/accounts/login/",
        data=b"login=a&password=b",
        content_type=f"application/x-www-form-urlencoded; charset={charset}",
    )
    assert response.status_code == 400
    assert "UTF-8 以外的字符编码" in response.content.decode()


def test_a_utf8_charset_is_let_through(client, db):
    response = client.post(
        "/accounts/login/",
        data=b"login=a&password=b",
        content_type="application/x-www-form-urlencoded; charset=UTF-8",
    )
    assert response.status_code == 400  # the log-in form's own refusal
    assert UNREADABLE not in response.content.decode()


def test_a_nul_in_a_posted_field_is_a_400(client, db):
    response = client.post("/accounts/login/", {"login": "wang\x00", "password": "x"})
    assert response.status_code == 400
    assert UNREADABLE in response.content.decode()


def test_invalid_utf8_in_a_multipart_field_is_a_400(client, db):
    boundary = "XyZ"
    body = (
        f'--{boundary}\r\nContent-Disposition: form-data; name="login"\r\n\r\n'.encode()
        + b"\xff\xfe"
        + f"\r\n--{boundary}--\r\n".encode()
    )
    response = client.post(
        "/accounts/login/", data=body, content_type=f"multipart/form-data; boundary={boundary}"
    )
    assert response.status_code == 400
    assert UNREADABLE in response.content.decode()


@pytest.mark.parametrize("method", ["put", "patch", "delete"])
def test_methods_the_site_never_uses_are_a_405(client, db, method):
    response = getattr(client, method)("/me/profile/", data="display_name=x")
    assert response.status_code == 405
    assert "GET" in response["Allow"]


def test_honest_chinese_parameters_are_readable():
    assert not unreadable(b"q=%E7%94%B5%E6%A2%AF&tag=+a")
    assert unreadable(b"q=%E7%94")  # a character cut in half
    assert unreadable(b"q=a%00")
