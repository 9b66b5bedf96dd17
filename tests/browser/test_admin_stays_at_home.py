"""The admin asks nothing of hosts abroad: no gravatar, no update check, no CDN.

Every request the browser makes from these admin pages must go to the site itself.
"""

from urllib.parse import urlsplit

from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model

from tests.browser.conftest import submit_log_in
from tests.factories.pages import HomePageFactory, NoticeIndexPageFactory, NoticePageFactory

PASSWORD = "pw-for-tests-1"


def test_admin_pages_make_no_request_to_another_host(browser, live_server, transactional_db):
    index = NoticeIndexPageFactory(parent=HomePageFactory())
    notice = NoticePageFactory(parent=index, title="电梯年检")
    editor = get_user_model().objects.create_superuser("editor", "editor@example.com", PASSWORD)
    EmailAddress.objects.create(user=editor, email=editor.email, verified=True, primary=True)

    context = browser.new_context(viewport={"width": 1280, "height": 900}, base_url=live_server.url)
    page = context.new_page()
    home_host = urlsplit(live_server.url).netloc
    offsite = []
    page.on(
        "request",
        lambda request: (
            offsite.append(request.url)
            if urlsplit(request.url).scheme in ("http", "https", "ws", "wss")
            and urlsplit(request.url).netloc != home_host
            else None
        ),
    )
    page.goto("/admin/")
    submit_log_in(page, "editor", PASSWORD)
    page.wait_for_url("**/admin/")
    for path in (
        "/admin/",
        f"/admin/pages/{index.pk}/",
        f"/admin/pages/{notice.pk}/edit/",
        "/admin/images/",
        "/admin/snippets/",
        "/admin/participation/residents/",
        "/admin/participation/units/",
        "/admin/account/",
    ):
        response = page.goto(path)
        assert response.status == 200, path
        page.wait_for_load_state("networkidle")
    page.get_by_role("button", name="居民参与").click()
    page.wait_for_load_state("networkidle")
    context.close()
    assert offsite == []
