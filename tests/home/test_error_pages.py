"""404 and 403 pages speak the site's language, never a developer's."""

import pytest
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.test import Client
from django.urls import path

from home.errors import own_message

DEVELOPER_TEXT = ("matches the given query", "Http404", "PermissionDenied", "Traceback")


def assert_no_developer_text(html):
    for text in DEVELOPER_TEXT:
        assert text not in html


def test_unknown_vote_says_page_not_found_without_model_names(client, home):
    response = client.get("/votes/999999/")
    html = response.content.decode()
    assert response.status_code == 404
    assert "页面不存在" in html
    assert "PlanVote" not in html
    assert_no_developer_text(html)


def test_unknown_page_shows_no_exception_class_name(client, home):
    response = client.get("/no-such-page/")
    assert response.status_code == 404
    assert_no_developer_text(response.content.decode())


def test_our_own_reason_is_shown_on_the_404(client, notice_index):
    response = client.get("/notices/?category=bogus")
    assert response.status_code == 404
    assert "没有这个通知分类。" in response.content.decode()


def test_our_own_reason_is_shown_on_the_403(client, home):
    staff = get_user_model().objects.create_user("staffer", password="x", is_staff=True)
    client.force_login(staff)
    response = client.get("/me/delete/")
    html = response.content.decode()
    assert response.status_code == 403
    assert "工作人员账号由管理员删除" in html
    assert "无权访问" in html


def test_messages_that_are_not_ours_are_dropped():
    assert own_message(Http404("No PlanVote matches the given query.")) == ""
    assert own_message(Http404()) == ""
    assert own_message(PermissionDenied("CSRF verification failed.")) == ""
    assert own_message(Http404("There is no such tag.")) == "There is no such tag."


def test_failed_csrf_check_gets_a_chinese_page(home):
    client = Client(enforce_csrf_checks=True)
    response = client.post("/accounts/login/", {"login": "x", "password": "y"})
    html = response.content.decode()
    assert response.status_code == 403
    assert "表单未能提交" in html
    assert "CSRF" not in html.replace("Cookie", "")


@pytest.fixture
def development(settings):
    """The settings `make run` uses: DEBUG on and the development middleware."""
    from portal.settings import dev

    settings.DEBUG = True
    settings.MIDDLEWARE = dev.MIDDLEWARE


@pytest.mark.parametrize("path", ["/votes/999999/", "/no-such-page/", "/no-such-file.txt"])
def test_development_server_shows_the_site_404_too(client, home, development, path):
    response = client.get(path)
    html = response.content.decode()
    assert response.status_code == 404
    assert "页面不存在" in html
    assert "Using the URLconf" not in html
    assert_no_developer_text(html)


def _broken(request):
    raise ZeroDivisionError


urlpatterns = [path("broken/", _broken)]


def test_development_server_keeps_the_debug_page_for_errors(client, home, development, settings):
    settings.ROOT_URLCONF = __name__
    client.raise_request_exception = False
    response = client.get("/broken/")
    assert response.status_code == 500
    assert "ZeroDivisionError" in response.content.decode()
