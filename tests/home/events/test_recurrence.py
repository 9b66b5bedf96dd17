"""The pure expansion (home/events/recurrence.py) that feeds grid, page and feed."""

import datetime
import time

import pytest

from home.events.recurrence import MAX_WINDOW_DAYS, first_date, next_occurrences, occurrences
from tests.home.events.spec import d, spec


def dates(event, start, end):
    return [o.start_date for o in occurrences(event, d(start), d(end))]


def test_a_one_off_event_occurs_once_inside_the_window_only():
    event = spec(d("2026-12-15"))
    assert dates(event, "2026-12-01", "2026-12-31") == [d("2026-12-15")]
    assert dates(event, "2027-01-01", "2027-01-31") == []


def test_monthly_on_the_15th_crosses_the_year_boundary():
    event = spec(d("2026-11-15"), "monthly_day")
    assert dates(event, "2026-12-01", "2027-02-28") == [
        d("2026-12-15"),
        d("2027-01-15"),
        d("2027-02-15"),
    ]


def test_monthly_on_day_31_skips_the_months_without_one_as_calendar_apps_do():
    event = spec(d("2027-01-31"), "monthly_day")
    assert dates(event, "2027-01-01", "2027-07-31") == [
        d("2027-01-31"),
        d("2027-03-31"),
        d("2027-05-31"),
        d("2027-07-31"),
    ]


def test_monthly_on_the_last_day_follows_february_in_leap_and_common_years():
    event = spec(d("2027-01-31"), "monthly_last")
    assert dates(event, "2027-02-01", "2027-04-30") == [
        d("2027-02-28"),
        d("2027-03-31"),
        d("2027-04-30"),
    ]
    assert dates(event, "2028-02-01", "2028-02-29") == [d("2028-02-29")]


def test_yearly_on_29_february_falls_only_in_leap_years():
    event = spec(d("2024-02-29"), "yearly", all_day=True)
    found = [o.start_date for o in next_occurrences(event, d("2024-03-01"), 2)]
    assert found == [d("2028-02-29"), d("2032-02-29")]


def test_weekly_on_chosen_weekdays_starts_at_the_first_matching_day():
    event = spec(d("2026-12-01"), "weekly", weekdays=(1, 3))  # 1 Dec 2026 is a Tuesday
    assert dates(event, "2026-12-01", "2026-12-10") == [
        d("2026-12-01"),
        d("2026-12-03"),
        d("2026-12-08"),
        d("2026-12-10"),
    ]


def test_every_other_week_counts_weeks_from_the_first_date():
    event = spec(d("2026-12-05"), "weekly", weekdays=(5,), interval=2)
    assert dates(event, "2026-12-01", "2027-01-10") == [
        d("2026-12-05"),
        d("2026-12-19"),
        d("2027-01-02"),
    ]


def test_first_saturday_and_last_friday_of_the_month():
    first_saturday = spec(d("2026-11-01"), "monthly_weekday", ordinal=1, ordinal_weekday=5)
    assert dates(first_saturday, "2026-11-01", "2027-01-31") == [
        d("2026-11-07"),
        d("2026-12-05"),
        d("2027-01-02"),
    ]
    last_friday = spec(d("2026-11-01"), "monthly_weekday", ordinal=-1, ordinal_weekday=4)
    assert dates(last_friday, "2026-11-01", "2027-01-31") == [
        d("2026-11-27"),
        d("2026-12-25"),
        d("2027-01-29"),
    ]


def test_a_monthly_weekday_rule_without_its_weekday_is_refused_at_once():
    """dateutil would look for the missing weekday in every month to the year 9999
    (0.4 s a call): the admin preview of a form with this error took 15 s."""
    for ordinal, weekday in ((None, None), (1, None), (None, 5)):
        event = spec(d("2026-11-01"), "monthly_weekday", ordinal=ordinal, ordinal_weekday=weekday)
        started = time.monotonic()
        with pytest.raises(ValueError, match="ordinal and its weekday"):
            dates(event, "2026-11-01", "2027-01-31")
        assert time.monotonic() - started < 0.1


def test_a_count_counts_the_dates_the_rule_gives_and_until_is_inclusive():
    counted = spec(d("2026-12-20"), "monthly_day", count=3)
    assert dates(counted, "2026-12-01", "2027-12-31") == [
        d("2026-12-20"),
        d("2027-01-20"),
        d("2027-02-20"),
    ]
    until = spec(d("2026-12-01"), "weekly", until=d("2026-12-15"))
    assert dates(until, "2026-12-01", "2026-12-31") == [
        d("2026-12-01"),
        d("2026-12-08"),
        d("2026-12-15"),
    ]


def test_a_count_includes_dates_before_the_window():
    event = spec(d("2026-01-15"), "monthly_day", count=12)
    assert dates(event, "2026-12-01", "2027-01-31") == [d("2026-12-15")]


def test_yearly_lunar_dates_move_with_the_chinese_calendar():
    chongyang = spec(d("2026-01-01"), "yearly_lunar", lunar_month=9, lunar_day=9, all_day=True)
    found = [o.start_date for o in next_occurrences(chongyang, d("2026-01-01"), 5)]
    assert found == [
        d("2026-10-18"),
        d("2027-10-08"),
        d("2028-10-26"),
        d("2029-10-16"),
        d("2030-10-05"),
    ]
    assert first_date(d("2026-10-19"), chongyang.rule) == d("2027-10-08")


def test_a_cancelled_occurrence_is_kept_and_marked():
    event = spec(
        d("2026-11-15"), "monthly_day", changes=[{"date": d("2027-01-15"), "cancelled": True}]
    )
    found = occurrences(event, d("2026-12-01"), d("2027-02-28"))
    assert [(o.start_date, o.cancelled) for o in found] == [
        (d("2026-12-15"), False),
        (d("2027-01-15"), True),
        (d("2027-02-15"), False),
    ]


def test_a_moved_occurrence_appears_on_its_new_date_with_its_new_time_and_place():
    change = {
        "date": d("2027-01-31"),
        "new_date": d("2027-02-01"),
        "new_start_time": datetime.time(14, 0),
        "location": "一楼大厅",
        "note": "改期",
    }
    event = spec(d("2026-12-31"), "monthly_last", changes=[change])
    january = occurrences(event, d("2027-01-01"), d("2027-01-31"))
    assert january == []
    february = occurrences(event, d("2027-02-01"), d("2027-02-28"))
    moved, regular = february
    assert (moved.start_date, moved.original_date, moved.start_time) == (
        d("2027-02-01"),
        d("2027-01-31"),
        datetime.time(14, 0),
    )
    assert (moved.location, moved.note, moved.moved) == ("一楼大厅", "改期", True)
    assert (regular.start_date, regular.moved) == (d("2027-02-28"), False)


def test_a_change_on_a_date_the_series_does_not_have_is_ignored():
    event = spec(
        d("2026-12-15"), "monthly_day", changes=[{"date": d("2026-12-16"), "cancelled": True}]
    )
    assert [o.cancelled for o in occurrences(event, d("2026-12-01"), d("2026-12-31"))] == [False]


def test_a_multi_day_event_overlaps_the_window_from_before_it():
    event = spec(d("2026-11-30"), end_date=d("2026-12-02"), all_day=True)
    (found,) = occurrences(event, d("2026-12-01"), d("2026-12-31"))
    assert (found.start_date, found.end_date, found.covers(d("2026-12-02"))) == (
        d("2026-11-30"),
        d("2026-12-02"),
        True,
    )


def test_the_window_is_capped():
    event = spec(d("2026-01-01"), "weekly")
    found = occurrences(event, d("2026-01-01"), d("2036-01-01"))
    assert found[-1].start_date <= d("2026-01-01") + datetime.timedelta(days=MAX_WINDOW_DAYS)


def test_next_occurrences_gives_twelve_dates_even_for_yearly_events():
    event = spec(d("2020-05-01"), "yearly")
    found = next_occurrences(event, d("2026-12-01"), 12)
    assert [o.start_date.year for o in found] == list(range(2027, 2039))
