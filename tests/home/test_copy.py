"""Words residents read: Chinese dates in running text, plain labels, no jargon first."""

import datetime
import re

from django.utils import timezone

from participation.residents.models import ResidentProfile
from tests.factories.households import verified_resident
from tests.factories.pages import NoticePageFactory

ISO_DATE = re.compile(r"\b20\d\d-\d\d-\d\d\b")


def test_my_page_gives_dates_in_chinese_and_a_plain_download_link(client, home):
    profile = verified_resident()
    moment = timezone.make_aware(datetime.datetime(2026, 12, 1, 10, 0))
    ResidentProfile.objects.filter(pk=profile.pk).update(
        verified_at=moment, consent_privacy_at=moment
    )
    client.force_login(profile.user)
    html = client.get("/me/").content.decode()
    assert "2026年12月1日" in html
    assert "下载我的数据" in html
    assert "下载关于我的全部数据" not in html
    privacy = client.get("/me/privacy/").content.decode()
    assert "2026年12月1日" in privacy
    assert not ISO_DATE.search(privacy.split("<main", 1)[1])


def test_notice_dates_are_in_chinese(client, notice_index):
    notice = NoticePageFactory(parent=notice_index, title="电梯年检")
    html = client.get(notice.url).content.decode()
    visible = re.sub(r'datetime="[^"]*"', "", html)
    assert f"{timezone.localdate().year}年" in visible
    assert not ISO_DATE.search(visible.split("<main", 1)[1])


def test_feed_link_is_labelled_for_people_and_comes_after_the_notices(client, notice_index):
    NoticePageFactory(parent=notice_index, title="电梯年检")
    html = client.get("/notices/").content.decode()
    main = html.split("<main", 1)[1].split("</main>", 1)[0]
    assert "订阅新通知" in main
    assert "RSS" not in main
    assert main.index("电梯年检") < main.index("订阅新通知")


def test_a_proposal_page_gives_dates_in_chinese(client, home):
    from participation.consultations.choices import CommentState
    from tests.factories.consultations import CommentFactory, ProposalFactory

    def at(*parts):
        return timezone.make_aware(datetime.datetime(*parts))

    proposal = ProposalFactory(
        title="北门增设充电桩",
        supports_close_at=at(2030, 1, 30, 18, 0),
        meeting_on=datetime.date(2030, 1, 8),
        comments_close_at=at(2030, 1, 20, 18, 0),
    )
    type(proposal).objects.filter(pk=proposal.pk).update(
        answer="居委会已联系供电公司。", answered_at=at(2026, 12, 3, 9, 30)
    )
    CommentFactory(proposal=proposal, created_at=at(2026, 12, 1, 10, 0))
    CommentFactory(
        proposal=proposal,
        state=CommentState.HIDDEN,
        hidden_at=at(2026, 12, 2, 8, 0),
        hidden_reason="含有住户电话",
    )
    html = client.get(proposal.get_absolute_url()).content.decode()
    main = re.sub(r'datetime="[^"]*"', "", html.split("<main", 1)[1].split("</main>", 1)[0])
    for shown in (
        "附议截止日期：2030年1月30日。",  # the supports sentence
        "发布于 2026年12月3日 09:30",  # the answer
        "已隐藏（2026年12月2日）",  # the hidden comment
        "2030年1月8日",  # the meeting
        "2026年12月1日 10:00",  # the visible comment
    ):
        assert shown in main, shown
    assert not ISO_DATE.search(main), ISO_DATE.search(main)
