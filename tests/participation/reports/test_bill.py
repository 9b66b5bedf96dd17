"""The month's 幸福账单 figures: a pure function checked against a hand-counted fixture."""

import datetime
from fractions import Fraction

from participation.reports.bill import Row, duration_text, month_figures, percent
from participation.reports.choices import Category, Rating, Status

T = datetime.datetime(2026, 11, 1, 8, 0, tzinfo=datetime.UTC)
H = datetime.timedelta(hours=1)

# Six reports received in November, counted by hand:
#   1 lift: accepted after 1 h, closed after 5 h (due 25 h) → in time, 满意
#   2 lift: accepted after 3 h, closed after 30 h (due 27 h) → late, 基本满意
#   3 sanitation: accepted after 2 h, closed after 10 h (due 50 h) → in time, 不满意 (final)
#   4 sanitation: accepted after 8 h, reopened (not closed now)
#   5 noise: accepted after 4 h, in progress
#   6 other: not accepted
# received 6; closed 3 (1, 2, 3); accepted 5 → median accept = 3 h (1, 2, 3, 4, 8);
# close times 5, 10, 30 h → median 10 h; in time 2 of 3; satisfied 2 of 4 rated
# (1 满意, 2 基本满意, 3 不满意, 4 rated 不满意 before reopening).
ROWS = [
    Row(Category.LIFT, T, T + H, T + 5 * H, T + 25 * H, Rating.SATISFIED, Status.RATED),
    Row(Category.LIFT, T, T + 3 * H, T + 30 * H, T + 27 * H, Rating.FAIRLY, Status.RATED),
    Row(
        Category.SANITATION, T, T + 2 * H, T + 10 * H, T + 50 * H, Rating.UNSATISFIED, Status.RATED
    ),
    Row(Category.SANITATION, T, T + 8 * H, None, T + 56 * H, Rating.UNSATISFIED, Status.REOPENED),
    Row(Category.NOISE, T, T + 4 * H, None, T + 52 * H, "", Status.IN_PROGRESS),
    Row(Category.OTHER, T),
]


def test_month_figures_match_the_hand_count():
    figures = month_figures(ROWS)
    assert figures.received == 6
    assert figures.closed == 3
    assert figures.median_accept == 3 * H
    assert figures.median_close == 10 * H
    assert figures.in_time == Fraction(2, 3)
    assert figures.rated == 4
    assert figures.satisfaction == Fraction(1, 2)
    assert figures.by_category == [
        (Category.LIFT, 2, 2),
        (Category.SANITATION, 2, 1),
        (Category.NOISE, 1, 0),
        (Category.OTHER, 1, 0),
    ]


def test_an_empty_month_has_no_shares():
    figures = month_figures([])
    assert figures.received == 0
    assert figures.in_time is None and figures.satisfaction is None
    assert figures.median_accept is None


def test_even_counts_take_the_mean_of_the_middle_two():
    rows = [Row(Category.LIFT, T, T + H), Row(Category.LIFT, T, T + 2 * H)]
    assert month_figures(rows).median_accept == 1.5 * H


def test_percent_rounds_half_up_for_display_only():
    assert percent(Fraction(2, 3)) == 67
    assert percent(Fraction(1, 2)) == 50
    assert percent(None) is None


def test_durations_read_as_days_hours_minutes():
    assert duration_text(None) == "—"
    assert "40" in duration_text(datetime.timedelta(minutes=40))
