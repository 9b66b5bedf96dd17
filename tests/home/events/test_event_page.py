"""The event page: facts, the rule in words, next dates with changes, calendar links."""

import datetime

import pytest

from tests.factories.events import EventPageFactory


@pytest.fixture(autouse=True)
def today(monkeypatch):
    from django.utils import timezone

    monkeypatch.setattr(timezone, "localdate", lambda *a, **k: datetime.date(2026, 12, 1))


def test_a_repeating_event_says_its_rule_and_lists_its_next_dates(client, fixture_events):
    response = client.get(fixture_events[0].url)
    html = response.content.decode()
    assert "每月15日" in html
    assert "09:30–11:00" in html and "党群服务中心" in html
    dates = [o.start_date for o in response.context["occurrences"]]
    assert len(dates) == 12 and dates[0] == datetime.date(2026, 12, 15)
    assert "已取消" in html and "已调整" in html
    assert fixture_events[0].url + "ical/" in html
    assert "webcal://" in html and "刷新" in html


def test_a_lunar_event_says_its_lunar_date(client, fixture_events):
    html = client.get(fixture_events[2].url).content.decode()
    assert "每年农历九月初九" in html and "全天" in html


def test_monthly_on_day_31_says_what_happens_in_shorter_months(client, calendar):
    event = EventPageFactory(
        parent=calendar, start_date=datetime.date(2026, 12, 31), repeat="monthly_day"
    )
    html = client.get(event.url).content.decode()
    assert "没有31日的月份不举行" in html and "每月最后一天" in html


def test_a_cancelled_one_off_event_says_so(client, fixture_events):
    html = client.get(fixture_events[7].url).content.decode()
    assert "已取消" in html and "大风" in html


def test_an_event_links_to_its_sign_up_sheet_only_while_the_sheet_is_published(client, calendar):
    from tests.factories.volunteering import OpportunityFactory

    sheet = OpportunityFactory(title="暑托班报名")
    event = EventPageFactory(parent=calendar, title="暑托班", signup=sheet)
    html = client.get(event.url).content.decode()
    assert f'href="/volunteer/{sheet.pk}/"' in html and "报名参加" in html
    sheet.published = False
    sheet.save()
    assert f'href="/volunteer/{sheet.pk}/"' not in client.get(event.url).content.decode()
    assert client.get(f"/volunteer/{sheet.pk}/").status_code == 404


def _when(html):
    """The text of the page's "When" fact, tags left out."""
    import re

    fact = html.split('<dl class="event__facts">')[1].split("</dd>")[0]
    return " ".join(re.sub(r"<[^>]+>", " ", fact).split())


def test_the_rule_and_time_are_joined_with_the_punctuation_of_the_language(client, fixture_events):
    reading_club = fixture_events[1]
    chinese = _when(client.get(reading_club.url).content.decode())
    assert "每周二、周四，至2027年3月31日为止， 19:00–20:30" in chinese
    client.get("/language/en/?next=/")
    english = _when(client.get(reading_club.url).content.decode())
    assert "Every week on Tuesday, Thursday" in english
    assert english.endswith(", 19:00–20:30")
    assert "、" not in english and "，" not in english
