"""Short, readable notice addresses and the /n/<id>/ short link the posters print."""

import datetime

from django.utils import timezone
from django.utils.text import slugify

from home.notices.models import NoticePage
from tests.factories.pages import NoticePageFactory, paragraph


def add_notice(index, title, slug="", publish=True):
    notice = NoticePage(title=title, slug=slug, category="utilities", body=paragraph("正文"))
    index.add_child(instance=notice)
    if publish:
        notice.save_revision().publish()
    notice.refresh_from_db()
    return notice


def test_chinese_title_without_a_typed_slug_gets_the_date(notice_index):
    today = timezone.localdate().isoformat()
    first = add_notice(notice_index, "关于小区二次供水水箱清洗消毒期间临时停水的通知")
    second = add_notice(notice_index, "电梯年检")
    assert first.slug == today
    assert second.slug == f"{today}-2"
    assert first.url == f"/notices/{today}/"


def test_slug_filled_from_a_chinese_title_is_shortened(notice_index):
    title = "关于开展2026年度城乡居民医疗保险集中缴费工作的通知" * 3
    notice = add_notice(notice_index, title, slug=slugify(title, allow_unicode=True)[:255])
    assert notice.slug.isascii()
    assert len(notice.url) < 30


def test_a_slug_the_editor_typed_is_kept(notice_index):
    notice = add_notice(notice_index, "电梯年检", slug="lift-inspection")
    assert notice.slug == "lift-inspection"


def test_a_draft_is_shortened_before_its_first_publication(notice_index):
    draft = add_notice(notice_index, "草稿通知", slug="草稿通知", publish=False)
    assert draft.slug.isascii()


def test_published_notices_keep_their_address(client, notice_index):
    notice = NoticePageFactory(parent=notice_index, title="旧通知")
    NoticePage.objects.filter(pk=notice.pk).update(
        slug="旧通知", url_path=notice.url_path.replace(notice.slug, "旧通知")
    )
    notice.refresh_from_db()
    notice.title = "旧通知（更新）"
    notice.save_revision().publish()
    notice.refresh_from_db()
    assert notice.slug == "旧通知"
    assert client.get("/notices/旧通知/").status_code == 200


def test_short_link_redirects_to_the_notice(client, notice_index):
    notice = NoticePageFactory(parent=notice_index, title="停水通知")
    response = client.get(f"/n/{notice.pk}/")
    assert response.status_code == 302
    assert response["Location"] == notice.url


def test_short_link_is_404_for_unknown_unpublished_and_expired_notices(client, notice_index):
    draft = NoticePageFactory(parent=notice_index, title="撤下的通知")
    draft.unpublish()
    expired = NoticePageFactory(
        parent=notice_index, title="过期", expire_at=timezone.now() - datetime.timedelta(minutes=1)
    )
    for pk in (draft.pk, expired.pk, 987654):
        response = client.get(f"/n/{pk}/")
        assert response.status_code == 404
        assert "这则通知已不在网上" in response.content.decode()


def test_short_link_is_404_for_pages_that_are_not_notices(client, notice_index):
    assert client.get(f"/n/{notice_index.pk}/").status_code == 404


def test_poster_qr_code_carries_the_short_link(client, notice_index):
    notice = NoticePageFactory(parent=notice_index, title="消防演练通知")
    response = client.get(notice.url + "poster/")
    assert response.context["qr_target"] == f"http://testserver/n/{notice.pk}/"
