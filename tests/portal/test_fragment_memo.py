"""``{% memo %}`` (portal/fragment_tags.py): fragments rendered once per process and
cache generation for the pages the page cache cannot serve. Every test here runs with
the memo on and the page cache off, as a logged-in resident's pages are served."""

import pytest
from django.conf import settings as django_settings
from django.template import Context, Template
from django.test import RequestFactory

from home.notices.models import NoticePage
from portal import page_cache as page_cache_module
from tests.factories.households import UserFactory
from tests.factories.pages import NoticePageFactory


@pytest.fixture
def notice(notice_index):
    return NoticePageFactory(parent=notice_index, title="小区电梯维修通知")


def _rename_behind_the_memos_back(notice, title):
    """Change the title in the database without the signals that start a new cache
    generation: only the memo can still show the old one."""
    NoticePage.objects.filter(pk=notice.pk).update(title=title)


def test_a_card_is_rendered_once_per_generation(client, notice, memo_on):
    assert "小区电梯维修通知" in client.get("/notices/").content.decode()
    _rename_behind_the_memos_back(notice, "小区停水通知")
    assert "小区电梯维修通知" in client.get("/notices/").content.decode()
    page_cache_module._new_generation()
    page = client.get("/notices/").content.decode()
    assert "小区停水通知" in page
    assert "小区电梯维修通知" not in page


def test_a_published_change_shows_on_the_next_request(
    client, notice, memo_on, django_capture_on_commit_callbacks
):
    client.get("/notices/")
    with django_capture_on_commit_callbacks(execute=True):
        notice.title = "小区停水通知"
        notice.save_revision().publish()
    assert "小区停水通知" in client.get("/notices/").content.decode()


def test_without_the_memo_every_request_renders_afresh(client, notice, settings):
    settings.PAGE_CACHE_ENABLED = False
    settings.PAGE_CACHE_MEMO = False
    client.get("/notices/")
    _rename_behind_the_memos_back(notice, "小区停水通知")
    assert "小区停水通知" in client.get("/notices/").content.decode()


def test_a_fragment_lives_no_longer_than_the_page_cache_lifetime(
    client, notice, memo_on, monkeypatch
):
    client.get("/notices/")
    _rename_behind_the_memos_back(notice, "小区停水通知")
    clock = page_cache_module.time.monotonic() + django_settings.PAGE_CACHE_SECONDS + 1
    monkeypatch.setattr(page_cache_module.time, "monotonic", lambda: clock)
    assert "小区停水通知" in client.get("/notices/").content.decode()


def test_language_and_display_mode_are_part_of_the_key(client, notice_index, memo_on):
    NoticePageFactory(parent=notice_index, title="停电通知", urgent=True)
    assert "紧急" in client.get("/notices/").content.decode()
    client.cookies[django_settings.LANGUAGE_COOKIE_NAME] = "en"
    english = client.get("/notices/").content.decode()
    assert "Urgent" in english
    assert "紧急</span>" not in english
    client.cookies[django_settings.DISPLAY_MODE_COOKIE] = "elderly"
    assert "Standard text" in client.get("/notices/").content.decode()


def test_the_header_follows_who_is_logged_in_and_where_they_are(client, notice, memo_on):
    anonymous = client.get("/notices/").content.decode()
    assert "/accounts/login/" in anonymous
    assert "next=/notices/" in anonymous
    client.force_login(UserFactory(username="wangfang"))
    personal = client.get("/notices/").content.decode()
    assert 'href="/me/"' in personal
    assert 'class="tool-link" href="/accounts/login/"' not in personal
    elsewhere = client.get("/notices/?category=property").content.decode()
    assert "next=/notices/%3Fcategory%3Dproperty" in elsewhere
    client.logout()
    assert 'href="/me/"' not in client.get("/notices/").content.decode()


def test_previews_are_never_memoised(memo_on):
    template = Template('{% load memo %}{% memo "preview-check" %}{{ word }}{% endmemo %}')
    request = RequestFactory().get("/")
    assert template.render(Context({"request": request, "word": "甲"})) == "甲"
    assert template.render(Context({"request": request, "word": "乙"})) == "甲"
    request.is_preview = True
    assert template.render(Context({"request": request, "word": "丙"})) == "丙"


def test_the_values_after_the_name_split_the_memo(memo_on):
    template = Template('{% load memo %}{% memo "split-check" key %}{{ word }}{% endmemo %}')
    request = RequestFactory().get("/")
    assert template.render(Context({"request": request, "key": 1, "word": "甲"})) == "甲"
    assert template.render(Context({"request": request, "key": 2, "word": "乙"})) == "乙"
    assert template.render(Context({"request": request, "key": 1, "word": "丙"})) == "甲"


def test_a_process_keeps_a_bounded_number_of_fragments(memo_on, monkeypatch):
    monkeypatch.setattr(page_cache_module, "LOCAL_FRAGMENTS", 3)
    template = Template('{% load memo %}{% memo "bound-check" key %}{{ key }}{% endmemo %}')
    request = RequestFactory().get("/")
    for key in range(10):
        template.render(Context({"request": request, "key": key}))
    assert len(page_cache_module.local.fragments) == 3


def test_home_sections_with_live_figures_are_kept_no_longer_than_live_seconds(
    client, home, memo_on, clock
):
    """Open votes, consultations and shifts change by a vote or the clock as well as
    by an edit: their home sections are made again after ``LIVE_SECONDS``."""
    from participation.votes.models import PlanVote
    from tests.factories.votes import VoteFactory

    vote = VoteFactory(title="架空层改造")
    home.body = [("open_votes", {"heading": "正在表决"})]
    home.save_revision().publish()
    assert "架空层改造" in client.get("/").content.decode()
    PlanVote.objects.filter(pk=vote.pk).update(title="停车位规划")
    clock.advance(page_cache_module.LIVE_SECONDS - 1)
    assert "架空层改造" in client.get("/").content.decode()
    clock.advance(2)
    assert "停车位规划" in client.get("/").content.decode()


def test_a_memo_can_be_given_a_shorter_life(memo_on, clock):
    template = Template('{% load memo %}{% memo "short-check" seconds=5 %}{{ word }}{% endmemo %}')
    request = RequestFactory().get("/")
    assert template.render(Context({"request": request, "word": "甲"})) == "甲"
    clock.advance(4)
    assert template.render(Context({"request": request, "word": "乙"})) == "甲"
    clock.advance(2)
    assert template.render(Context({"request": request, "word": "丙"})) == "丙"


def test_a_memo_without_a_name_is_a_template_error():
    from django.template import TemplateSyntaxError

    with pytest.raises(TemplateSyntaxError):
        Template("{% load memo %}{% memo %}x{% endmemo %}")
