"""The pure rules of volunteering: how a freed seat is handed on, overlaps, balances,
certificate lines, the check-in window and the .ics text."""

import datetime
from decimal import Decimal

from participation.volunteering.attendance import check_in_open
from participation.volunteering.certificates import service_summary
from participation.volunteering.choices import SignUpStatus
from participation.volunteering.ical import escape, fold
from participation.volunteering.ledger import balance_of
from participation.volunteering.signups import overlaps, promotion_terms

T0 = datetime.datetime(2026, 7, 1, 9, tzinfo=datetime.UTC)
H = datetime.timedelta(hours=1)


def test_a_seat_freed_days_before_the_start_is_confirmed_at_once():
    assert promotion_terms(T0 + 48 * H, T0, before=24 * H, window=3 * H) == (
        SignUpStatus.CONFIRMED,
        None,
    )


def test_a_seat_freed_close_to_the_start_is_offered_with_a_claim_window():
    assert promotion_terms(T0 + 10 * H, T0, before=24 * H, window=3 * H) == (
        SignUpStatus.OFFERED,
        T0 + 3 * H,
    )


def test_the_claim_window_never_runs_past_the_start():
    assert promotion_terms(T0 + H, T0, before=24 * H, window=3 * H) == (
        SignUpStatus.OFFERED,
        T0 + H,
    )


def test_exactly_at_the_offer_bound_the_seat_is_offered():
    assert promotion_terms(T0 + 24 * H, T0, before=24 * H, window=3 * H)[0] == SignUpStatus.OFFERED


def test_overlapping_ranges_but_not_touching_ones():
    assert overlaps(T0, T0 + 2 * H, T0 + H, T0 + 3 * H)
    assert overlaps(T0 + H, T0 + 2 * H, T0, T0 + 3 * H)
    assert not overlaps(T0, T0 + H, T0 + H, T0 + 2 * H)


def test_a_balance_is_the_sum_of_entries_with_reversals_negative():
    assert balance_of(["2", "3.5", "-2"]) == Decimal("3.5")
    assert balance_of([]) == 0


def test_certificate_lines_net_each_service_and_drop_fully_corrected_ones():
    rows = [("垃圾分类督导", "2"), ("敬老助餐", "2"), ("垃圾分类督导", "2"), ("敬老助餐", "-2")]
    assert service_summary(rows) == [("垃圾分类督导", Decimal("4"))]


def test_check_in_opens_half_an_hour_before_and_closes_at_the_end():
    start, end = T0, T0 + 2 * H
    assert not check_in_open(start, end, start - datetime.timedelta(minutes=31))
    assert check_in_open(start, end, start - datetime.timedelta(minutes=30))
    assert check_in_open(start, end, end - datetime.timedelta(seconds=1))
    assert not check_in_open(start, end, end)


def test_ical_text_is_escaped_and_long_lines_folded_on_character_boundaries():
    assert escape("a,b;c\\d\ne") == "a\\,b\\;c\\\\d\\ne"
    line = "SUMMARY:" + "垃圾分类督导" * 10
    folded = fold(line)
    assert all(len(part.encode()) <= 75 for part in folded.split("\r\n"))
    assert folded.replace("\r\n ", "") == line
