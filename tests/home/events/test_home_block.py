"""The home page's "coming up" block: the next events, cancelled ones marked, and the
way to the calendar."""

import datetime

import pytest

from tests.factories.events import EventPageFactory

TODAY = datetime.date(2026, 12, 1)


@pytest.fixture(autouse=True)
def today(monkeypatch):
    from django.utils import timezone

    monkeypatch.setattr(timezone, "localdate", lambda *a, **k: TODAY)


@pytest.fixture
def home_with_block(home, calendar):
    home.body = [{"type": "upcoming_events", "value": {"heading": "近期活动", "count": 5}}]
    home.save_revision().publish()
    return home


def _block(html):
    return html.split('<div class="block-upcoming-events">')[1].split("</div>")[0]


def test_the_home_page_lists_coming_events_and_marks_a_cancelled_one(
    client, home_with_block, calendar
):
    tomorrow = TODAY + datetime.timedelta(days=1)
    EventPageFactory(parent=calendar, title="家庭医生义诊", start_date=tomorrow)
    EventPageFactory(
        parent=calendar,
        title="露天电影",
        start_date=TODAY + datetime.timedelta(days=5),
        changes=[{"date": TODAY + datetime.timedelta(days=5), "cancelled": True}],
    )
    EventPageFactory(
        parent=calendar, title="上周的读书会", start_date=TODAY - datetime.timedelta(days=7)
    )

    block = _block(client.get("/").content.decode())
    assert "近期活动" in block
    assert block.index("家庭医生义诊") < block.index("露天电影")
    assert "上周的读书会" not in block
    cancelled = block.split("露天电影")[1].split("</li>")[0]
    assert "已取消" in cancelled
    assert "已取消" not in block.split("家庭医生义诊")[1].split("</li>")[0]
    assert 'href="/events/"' in block
