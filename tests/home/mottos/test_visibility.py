"""A motto is public only once approved: never a draft, a submission in review or one
sent back, on the gallery, its page, its print view, the search or a feed (mottos have
no feed of their own; the check is that none of the site's feeds ever carries one);
approval publishes."""

import pytest
from django.utils import timezone

from home.mottos.models import FamilyMotto
from tests.factories.events import EventCalendarFactory, EventPageFactory
from tests.factories.households import verified_resident
from tests.factories.mottos import MottoFactory, couplet_fields, submit_for_moderation
from tests.factories.pages import NoticePageFactory


def _task_state(motto):
    return motto.current_workflow_state.current_task_state


def _act(motto, user, action, **kwargs):
    task_state = _task_state(motto)
    task_state.task.specific.on_action(task_state, user, action, **kwargs)


@pytest.fixture
def editor(django_user_model):
    return django_user_model.objects.create_superuser("editor", "editor@example.com", "x")


@pytest.fixture
def pending(gallery, theme):
    resident = verified_resident().user
    motto = MottoFactory(
        live=False, theme=theme, **couplet_fields("春回大地千山秀", "日照神州万木荣", "春满人间")
    )
    return submit_for_moderation(motto, resident)


@pytest.fixture
def feeds(home, notice_index):
    """The site's feeds, each with an item: the notices' RSS and Atom, the events' iCal."""
    calendar = EventCalendarFactory(parent=home)
    NoticePageFactory(parent=notice_index, title="春节期间垃圾清运时间调整")
    EventPageFactory(parent=calendar, title="写春联送福字", start_date=timezone.localdate())
    return ["/notices/feed/", "/notices/feed/atom/", "/events/ical/"]


def _feeds(client, feeds):
    """Every feed's text; each must answer and carry its own item."""
    texts = {}
    for url in feeds:
        response = client.get(url)
        assert response.status_code == 200, url
        texts[url] = response.content.decode()
        assert "垃圾清运" in texts[url] or "写春联" in texts[url], url
    return texts


def _everywhere(client, motto, feeds):
    search = client.get("/search/", {"q": "千山秀"})
    pages = {
        "gallery": client.get("/mottos/").content.decode(),
        "search": " ".join(hit.url or "" for hit in search.context["results"]),
        **_feeds(client, feeds),
    }
    return pages, client.get(f"/mottos/{motto.pk}/"), client.get(f"/mottos/{motto.pk}/print/")


def _in_no_feed(pages, feeds):
    return all("千山秀" not in pages[url] for url in feeds)


def test_a_submission_is_not_live_and_is_in_the_workflow(pending):
    pending.refresh_from_db()
    assert pending.live is False
    assert pending.current_workflow_state.status == "in_progress"
    assert pending.latest_revision is not None


def test_a_motto_in_review_is_nowhere_public(client, pending, feeds):
    pages, detail, printed = _everywhere(client, pending, feeds)
    assert "千山秀" not in pages["gallery"]
    assert _in_no_feed(pages, feeds)
    assert f"/mottos/{pending.pk}/" not in pages["search"]
    assert detail.status_code == 404 and printed.status_code == 404


def test_a_sent_back_motto_is_nowhere_public(client, pending, editor, feeds):
    _act(pending, editor, "reject", comment="请把横批写成四个字。")
    pages, detail, printed = _everywhere(client, pending, feeds)
    assert "千山秀" not in pages["gallery"]
    assert _in_no_feed(pages, feeds)
    assert f"/mottos/{pending.pk}/" not in pages["search"]
    assert detail.status_code == 404 and printed.status_code == 404


def test_approval_publishes_it_everywhere(client, pending, editor, feeds):
    _act(pending, editor, "approve")
    pending.refresh_from_db()
    assert pending.live
    pages, detail, printed = _everywhere(client, pending, feeds)
    assert "千山秀" in pages["gallery"]
    assert f"/mottos/{pending.pk}/" in pages["search"]
    assert detail.status_code == 200 and printed.status_code == 200


def test_an_editors_draft_stays_private_until_published(client, gallery, theme):
    motto = MottoFactory(live=False, theme=theme, text="草稿里的家训")
    assert "草稿里的家训" not in client.get("/mottos/").content.decode()
    assert client.get(f"/mottos/{motto.pk}/").status_code == 404
    motto.get_latest_revision().publish()
    assert "草稿里的家训" in client.get("/mottos/").content.decode()


def test_changes_to_a_live_motto_wait_for_publication(client, gallery, theme):
    motto = MottoFactory(theme=theme, text="已发布的家训")
    motto.text = "未发布的修改"
    motto.save_revision()
    assert FamilyMotto.objects.get(pk=motto.pk).text == "已发布的家训"
    html = client.get(f"/mottos/{motto.pk}/").content.decode()
    assert "已发布的家训" in html and "未发布的修改" not in html
