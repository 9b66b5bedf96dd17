"""The Chinese calendar (农历) for the grid and for yearly lunar events, on lunar-python.

Wall calendars print under each date the lunar day (初五, 十八), the month's name on
its first day (冬月, 正月) and the solar term on the day it falls (冬至); festivals
such as 重阳节 fall on fixed lunar dates whose Gregorian date moves every year.
"""

import datetime
from functools import lru_cache

from lunar_python import Lunar, LunarYear, Solar

MONTH_NAMES = "正二三四五六七八九十冬腊"
DAY_NAMES = [
    "初一", "初二", "初三", "初四", "初五", "初六", "初七", "初八", "初九", "初十",
    "十一", "十二", "十三", "十四", "十五", "十六", "十七", "十八", "十九", "二十",
    "廿一", "廿二", "廿三", "廿四", "廿五", "廿六", "廿七", "廿八", "廿九", "三十",
]  # fmt: skip
FIRST_YEAR, LAST_YEAR = 1901, 2099  # what lunar-python's tables cover safely


def lunar_date_name(month, day):
    """九月初九 for (9, 9): how the date of a lunar festival is written."""
    return f"{MONTH_NAMES[month - 1]}月{DAY_NAMES[day - 1]}"


@lru_cache(maxsize=4096)
def day_label(date):
    """The text under a date on a Chinese wall calendar: the solar term if one falls
    on it, else the month's name on the first lunar day (闰 for a leap month), else
    the lunar day."""
    lunar = Solar.fromYmd(date.year, date.month, date.day).getLunar()
    term = lunar.getJieQi()
    if term:
        return term
    if lunar.getDay() == 1:
        leap = "闰" if lunar.getMonth() < 0 else ""
        return f"{leap}{MONTH_NAMES[abs(lunar.getMonth()) - 1]}月"
    return DAY_NAMES[lunar.getDay() - 1]


@lru_cache(maxsize=1024)
def to_solar(year, month, day):
    """The Gregorian date of lunar ``month``/``day`` in lunar ``year`` (never the leap
    month of the same number). A 30th in a month of 29 days falls on its last day, as
    除夕 (腊月三十) does in years whose 腊月 is short. None outside the tables."""
    if not (FIRST_YEAR <= year <= LAST_YEAR and month and day):
        return None
    days = LunarYear.fromYear(year).getMonth(month).getDayCount()
    solar = Lunar.fromYmd(year, month, min(day, days)).getSolar()
    return datetime.date(solar.getYear(), solar.getMonth(), solar.getDay())
