"""农历 labels under the grid's dates and lunar dates of festivals (home/events/lunar.py),
checked against the published calendar."""

import pytest

from home.events.lunar import day_label, lunar_date_name, to_solar
from tests.home.events.spec import d

CHONGYANG = ["2024-10-11", "2025-10-29", "2026-10-18", "2027-10-08", "2028-10-26", "2029-10-16"]
MID_AUTUMN = ["2024-09-17", "2025-10-06", "2026-09-25", "2027-09-15", "2028-10-03"]
SPRING_FESTIVAL = ["2024-02-10", "2025-01-29", "2026-02-17", "2027-02-06", "2028-01-26"]


@pytest.mark.parametrize("published", CHONGYANG)
def test_chongyang_falls_on_the_published_date(published):
    assert to_solar(int(published[:4]), 9, 9) == d(published)


@pytest.mark.parametrize("published", MID_AUTUMN)
def test_mid_autumn_falls_on_the_published_date(published):
    assert to_solar(int(published[:4]), 8, 15) == d(published)


@pytest.mark.parametrize("published", SPRING_FESTIVAL)
def test_spring_festival_falls_on_the_published_date(published):
    # The lunar new year that begins in the Gregorian year of ``published``.
    assert to_solar(int(published[:4]), 1, 1) == d(published)


def test_the_30th_of_a_short_month_falls_on_its_last_day():
    # 腊月 of lunar 2024 has 29 days: 除夕 2025 was 28 January.
    assert to_solar(2024, 12, 30) == d("2025-01-28")


def test_the_grid_shows_the_lunar_day_the_month_on_its_first_day_and_solar_terms():
    assert day_label(d("2026-12-13")) == "初五"
    assert day_label(d("2026-12-09")) == "冬月"
    assert day_label(d("2026-12-22")) == "冬至"
    assert day_label(d("2027-02-06")) == "正月"
    assert day_label(d("2025-07-25")) == "闰六月"


def test_a_lunar_date_is_written_as_on_a_wall_calendar():
    assert lunar_date_name(9, 9) == "九月初九"
    assert lunar_date_name(12, 30) == "腊月三十"


def test_years_outside_the_tables_give_no_date():
    assert to_solar(2200, 9, 9) is None
