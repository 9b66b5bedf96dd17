import pytest
from django.conf import settings


def test_elderly_mode_is_a_link_that_sets_a_cookie(client, home):
    html = client.get("/").content.decode()
    assert 'href="/display/elderly/?next=/"' in html
    response = client.get("/display/elderly/?next=/notices/")
    assert response.status_code == 302
    assert response["Location"] == "/notices/"
    cookie = response.cookies[settings.DISPLAY_MODE_COOKIE]
    assert cookie.value == "elderly"
    assert cookie["samesite"] == "Lax" and cookie["httponly"]  # no script reads it
    html = client.get("/").content.decode()
    assert '<body class="elderly ' in html
    assert 'href="/display/standard/?next=/"' in html


def test_standard_mode_clears_the_cookie(client, home):
    client.get("/display/elderly/")
    client.get("/display/standard/")
    assert 'class="elderly' not in client.get("/").content.decode()


@pytest.mark.parametrize("target", ["https://evil.example/", "//evil.example/", "javascript:x"])
def test_display_switch_never_redirects_offsite(client, home, target):
    response = client.get("/display/elderly/", {"next": target})
    assert response["Location"] == "/"


def test_unknown_display_mode_is_404(client, home):
    assert client.get("/display/neon/").status_code == 404


def test_tampered_cookie_is_ignored(client, home):
    client.cookies[settings.DISPLAY_MODE_COOKIE] = "<script>"
    html = client.get("/").content.decode()
    assert "elderly" not in html.split("<body", 1)[1].split(">", 1)[0]
