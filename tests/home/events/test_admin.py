"""Editing an event in the Wagtail admin: the structured repetition form, its checks
and the preview of the next 12 dates."""

import datetime

import pytest
from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

from home.events.models import EventPage
from tests.factories.events import EventPageFactory
from tests.factories.households import UserFactory


@pytest.fixture
def editor(client, db):
    user = UserFactory(username="editor", is_staff=True, is_superuser=True)
    client.force_login(user)
    return user


def _post(client, calendar, changes=(), **fields):
    data = {
        "title": "联企日",
        "slug": "lianqiri",
        "category": "service",
        "start_date": "2026-12-15",
        "start_time": "09:00",
        "end_time": "11:30",
        "location": "党群服务中心",
        "repeat": "monthly_day",
        "interval": "1",
        "body": streamfield([]),
        "exceptions": inline_formset(list(changes)),
        "action-publish": "publish",
    }
    data.update(fields)
    weekdays = data.pop("weekdays", None)
    data = nested_form_data(data)
    if weekdays:
        data["weekdays"] = weekdays
    return client.post(f"/admin/pages/add/home/eventpage/{calendar.pk}/", data)


def test_an_editor_publishes_a_monthly_event_with_a_moved_occurrence(client, editor, calendar):
    response = _post(
        client,
        calendar,
        changes=[{"date": "2027-02-15", "new_date": "2027-02-16", "note": "春节后调整"}],
    )
    assert response.status_code == 302, response.context["form"].errors
    event = EventPage.objects.get(slug="lianqiri")
    assert event.live and event.rule.repeat == "monthly_day"
    assert [(c.date, c.new_date) for c in event.changes] == [
        (datetime.date(2027, 2, 15), datetime.date(2027, 2, 16))
    ]


def test_weekdays_are_tick_boxes_stored_in_order(client, editor, calendar):
    response = _post(client, calendar, repeat="weekly", weekdays=["5", "1"])
    assert response.status_code == 302
    assert EventPage.objects.get(slug="lianqiri").weekdays == "15"


@pytest.mark.parametrize(
    "fields, field, message",
    [
        ({"start_time": ""}, "start_time", "请填写开始时间"),
        ({"end_time": "08:00"}, "end_time", "结束时间不能早于开始时间"),
        ({"end_date": "2026-12-01"}, "end_date", "最后一天不能早于第一天"),
        ({"repeat": "monthly_weekday"}, "ordinal", "第几个星期几"),
        ({"repeat": "yearly_lunar"}, "lunar_month", "农历月份"),
        ({"repeat_until": "2027-01-01", "repeat_count": "3"}, "repeat_count", "只能填一个"),
        ({"repeat_until": "2026-12-01"}, "repeat_until", "不能早于第一次日期"),
        ({"repeat": "FREQ=DAILY"}, "repeat", ""),
        ({"slug": "2026"}, "slug", "日历本身"),
        ({"slug": "ical"}, "slug", "日历本身"),
    ],
)
def test_a_bad_rule_is_refused_with_a_message_on_its_field(
    client, editor, calendar, fields, field, message
):
    response = _post(client, calendar, **fields)
    assert response.status_code == 200
    errors = response.context["form"].errors
    assert field in errors and message in " ".join(errors[field])
    assert not EventPage.objects.exists()


@pytest.mark.parametrize(
    "change, field, message",
    [
        ({"date": "2027-02-14", "cancelled": "on"}, "date", "本来就不举行"),
        ({"date": "2027-02-15"}, "new_date", "请勾选"),
        (
            {"date": "2027-02-15", "cancelled": "on", "new_date": "2027-02-16"},
            "cancelled",
            "不能两者都选",
        ),
        ({"date": "2027-02-15", "new_date": "2027-06-16"}, "new_date", "不能超过60天"),
    ],
)
def test_a_bad_change_is_refused_with_a_message_on_its_row(
    client, editor, calendar, change, field, message
):
    response = _post(client, calendar, changes=[change])
    assert response.status_code == 200
    (row,) = response.context["form"].formsets["exceptions"].forms
    assert message in " ".join(row.errors[field])
    assert not EventPage.objects.exists()


def test_the_edit_page_previews_the_next_12_dates(client, editor, calendar, monkeypatch):
    from django.utils import timezone

    monkeypatch.setattr(timezone, "localdate", lambda *a, **k: datetime.date(2026, 12, 1))
    event = EventPageFactory(
        parent=calendar,
        start_date=datetime.date(2026, 1, 31),
        repeat="monthly_day",
        changes=[{"date": datetime.date(2027, 1, 31), "cancelled": True}],
    )
    html = client.get(f"/admin/pages/{event.pk}/edit/").content.decode()
    assert "接下来的12次日期" in html and "每月31日" in html
    assert html.count("<li>2026年12月31日") == 1
    assert "2027年1月31日 星期日 — 已取消" in html
    assert "2027年2月" not in html  # no 31 February: skipped, as the rule says
    assert "没有31日的月份不举行" in html and "“每月最后一天”" in html
    assert 'type="checkbox" name="weekdays"' in html
