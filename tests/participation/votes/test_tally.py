"""The plan-vote tally (participation/votes/tally.py) at every bound of Civil Code Art. 278.

Pure functions, no database. Area figures are Decimal m² with two places, as the
register stores them; the bounds are tested to the head and to the square centimetre
(0.01 m²). Where a property test would use hypothesis, a systematic grid is checked
against an independent oracle that works in integer cents.
"""

import itertools
import subprocess
import sys
from decimal import Decimal
from fractions import Fraction
from pathlib import Path

import pytest

from participation.votes.tally import (
    Electorate,
    Matter,
    OptionCount,
    Reason,
    Totals,
    Verdict,
    approves,
    fraction_to_percent,
    quorum_met,
    tally,
)

OWNERS = Electorate.OWNERS
ORDINARY = Matter.ORDINARY
SPECIAL = Matter.SPECIAL

# A community of 300 owners holding 9000.00 m²: two thirds is 200 heads and 6000.00 m².
ROLL = Totals(300, Decimal("9000.00"))


def T(heads, area):
    return Totals(heads, Decimal(str(area)))


def opt(key, heads, area, label=None):
    return OptionCount(key, label or key, heads, Decimal(str(area)))


def yes_no(agree, disagree=(0, 0), abstain=(0, 0)):
    """Options of an agree/disagree/abstain vote from (heads, area) pairs."""
    return [
        opt("agree", *agree, label="同意"),
        opt("disagree", *disagree, label="反对"),
        opt("abstain", *abstain, label="弃权"),
    ]


# --- Quorum: at least 2/3 of area AND at least 2/3 of heads take part (以上 includes) ---


def test_quorum_at_exactly_two_thirds_of_area_and_heads_is_met():
    assert quorum_met(ROLL, T(200, "6000.00"))


def test_quorum_one_square_metre_short_of_two_thirds_fails():
    assert not quorum_met(ROLL, T(300, "5999.00"))


def test_quorum_one_hundredth_of_a_square_metre_short_fails():
    assert not quorum_met(ROLL, T(300, "5999.99"))


def test_quorum_one_head_short_of_two_thirds_fails():
    assert not quorum_met(ROLL, T(199, "9000.00"))


def test_quorum_with_heads_met_but_area_short_fails():
    result = tally(OWNERS, ORDINARY, ROLL, [opt("agree", 250, "5000.00")])
    assert not result.quorum_met
    assert result.verdict == Verdict.NO_QUORUM
    assert result.reasons == [Reason.AREA_BELOW_TWO_THIRDS]


def test_quorum_with_area_met_but_heads_short_fails():
    result = tally(OWNERS, ORDINARY, ROLL, [opt("agree", 150, "8000.00")])
    assert not result.quorum_met
    assert result.verdict == Verdict.NO_QUORUM
    assert result.reasons == ["heads_below_two_thirds"]


def test_quorum_short_on_both_names_both():
    result = tally(OWNERS, ORDINARY, ROLL, [opt("agree", 10, "100.00")])
    assert result.reasons == [Reason.HEADS_BELOW_TWO_THIRDS, Reason.AREA_BELOW_TWO_THIRDS]
    assert result.winning_option is None


def test_quorum_when_two_thirds_is_not_a_whole_number_rounds_up():
    roll = T(10, "100.00")  # 2/3 is 6.67 heads and 66.666… m²
    assert quorum_met(roll, T(7, "66.67"))
    assert not quorum_met(roll, T(6, "100.00"))
    assert not quorum_met(roll, T(10, "66.66"))


def test_quorum_failure_prevents_even_a_unanimous_vote_from_passing():
    result = tally(OWNERS, ORDINARY, ROLL, yes_no(agree=(199, "9000.00")))
    assert result.verdict == Verdict.NO_QUORUM
    agree = result.option("agree")
    assert agree.meets_heads and agree.meets_area  # it would have passed...
    assert not agree.approved  # ...but there was no quorum


# --- Ordinary matters: more than 1/2 of participating area AND heads (过半数 excludes) ---

PARTICIPANTS = T(200, "6000.00")


def test_ordinary_exactly_half_of_participating_heads_fails():
    assert not approves(T(100, "4000.00"), PARTICIPANTS, ORDINARY)


def test_ordinary_one_head_over_half_passes():
    assert approves(T(101, "4000.00"), PARTICIPANTS, ORDINARY)


def test_ordinary_exactly_half_of_participating_area_fails():
    assert not approves(T(150, "3000.00"), PARTICIPANTS, ORDINARY)


def test_ordinary_one_hundredth_of_a_square_metre_over_half_of_area_passes():
    assert approves(T(150, "3000.01"), PARTICIPANTS, ORDINARY)


def test_ordinary_heads_pass_but_area_fails():
    assert not approves(T(150, "2000.00"), PARTICIPANTS, ORDINARY)
    result = tally(OWNERS, ORDINARY, ROLL, yes_no((150, "2000.00"), (50, "4000.00")))
    assert result.verdict == Verdict.REJECTED
    agree = result.option("agree")
    assert agree.meets_heads and not agree.meets_area and not agree.approved
    assert result.reasons == [
        Reason.QUORUM_MET,
        Reason.NO_OPTION_APPROVED,
        Reason.AREA_NOT_MORE_THAN_HALF,
    ]


def test_ordinary_area_passes_but_heads_fail():
    assert not approves(T(60, "5000.00"), PARTICIPANTS, ORDINARY)
    result = tally(OWNERS, ORDINARY, ROLL, yes_no((60, "5000.00"), (140, "1000.00")))
    assert result.verdict == Verdict.REJECTED
    agree = result.option("agree")
    assert agree.meets_area and not agree.meets_heads
    assert Reason.HEADS_NOT_MORE_THAN_HALF in result.reasons
    assert Reason.AREA_NOT_MORE_THAN_HALF not in result.reasons


def test_ordinary_agree_with_both_majorities_passes():
    result = tally(OWNERS, ORDINARY, ROLL, yes_no((101, "3000.01"), (99, "2999.99")))
    assert result.verdict == Verdict.PASSED
    assert result.winning_option == "agree"
    assert result.option("agree").approved
    assert result.reasons == [Reason.QUORUM_MET, Reason.APPROVED_BY_MORE_THAN_HALF]


# --- Special matters (Art. 278 items 6–8): at least 3/4 of participating area AND heads ---


def test_special_exactly_three_quarters_of_heads_and_area_passes():
    assert approves(T(150, "4500.00"), PARTICIPANTS, SPECIAL)
    result = tally(OWNERS, SPECIAL, ROLL, yes_no((150, "4500.00"), (50, "1500.00")))
    assert result.verdict == Verdict.PASSED
    assert result.reasons == [Reason.QUORUM_MET, Reason.APPROVED_BY_THREE_QUARTERS]


def test_special_one_head_under_three_quarters_fails():
    assert not approves(T(149, "6000.00"), PARTICIPANTS, SPECIAL)


def test_special_one_hundredth_of_a_square_metre_under_three_quarters_fails():
    assert not approves(T(200, "4499.99"), PARTICIPANTS, SPECIAL)


def test_special_heads_pass_but_area_fails():
    result = tally(OWNERS, SPECIAL, ROLL, yes_no((180, "4000.00"), (20, "2000.00")))
    assert result.verdict == Verdict.REJECTED
    assert result.reasons == [
        Reason.QUORUM_MET,
        Reason.NO_OPTION_APPROVED,
        Reason.AREA_BELOW_THREE_QUARTERS,
    ]


def test_special_area_passes_but_heads_fail():
    result = tally(OWNERS, SPECIAL, ROLL, yes_no((140, "5000.00"), (60, "1000.00")))
    assert result.verdict == Verdict.REJECTED
    assert result.reasons == [
        Reason.QUORUM_MET,
        Reason.NO_OPTION_APPROVED,
        Reason.HEADS_BELOW_THREE_QUARTERS,
    ]


def test_a_two_thirds_majority_passes_an_ordinary_matter_but_not_a_special_one():
    options = yes_no((140, "4200.00"), (60, "1800.00"))
    assert tally(OWNERS, ORDINARY, ROLL, options).verdict == Verdict.PASSED
    assert tally(OWNERS, SPECIAL, ROLL, options).verdict == Verdict.REJECTED


def test_approval_counts_against_participants_not_the_whole_electorate():
    # 151 of 300 owners is barely half the roll, but 3/4 of the 201 who voted.
    result = tally(OWNERS, SPECIAL, ROLL, yes_no((151, "4800.00"), (50, "1200.00")))
    assert result.verdict == Verdict.PASSED


# --- Abstentions: cast ballots, so they count toward participation, never toward approval ---


def test_abstentions_count_toward_quorum():
    # Without the 60 abstainers only 140 owners (< 200) would have taken part.
    result = tally(OWNERS, ORDINARY, ROLL, yes_no((120, "3600.00"), (20, "600.00"), (60, "1800")))
    assert result.quorum_met
    assert result.participating == T(200, "6000.00")
    assert result.verdict == Verdict.PASSED


def test_abstentions_count_against_approval():
    # Agree beats disagree 100 to 40, but 100 of 200 participants is not more than half.
    result = tally(OWNERS, ORDINARY, ROLL, yes_no((100, "3500.00"), (40, "1000.00"), (60, "1500")))
    assert result.verdict == Verdict.REJECTED
    assert result.option("agree").share_of_heads == Fraction(1, 2)
    assert result.option("abstain").share_of_heads == Fraction(3, 10)


def test_abstain_option_is_never_approved_even_when_unanimous():
    result = tally(OWNERS, ORDINARY, ROLL, yes_no((0, 0), (0, 0), (300, "9000.00")))
    assert result.quorum_met
    assert result.verdict == Verdict.REJECTED
    abstain = result.option("abstain")
    assert abstain.abstain and not abstain.approved and not abstain.meets_heads


def test_blank_paper_ballots_can_be_counted_as_abstentions():
    options = [opt("agree", 100, "3000.00"), opt("blank", 100, "3000.00")]
    result = tally(OWNERS, ORDINARY, ROLL, options, abstain_keys=("abstain", "blank"))
    assert result.option("blank").abstain
    assert result.verdict == Verdict.REJECTED
    single = tally(OWNERS, ORDINARY, ROLL, options, abstain_keys="blank")
    assert single.option("blank").abstain


def test_a_majority_against_rejects_and_is_not_a_winner():
    result = tally(OWNERS, ORDINARY, ROLL, yes_no((20, "600.00"), (180, "5400.00")))
    assert result.verdict == Verdict.REJECTED
    assert result.winning_option is None
    disagree = result.option("disagree")
    assert disagree.against and disagree.meets_heads and disagree.meets_area
    assert not disagree.approved
    assert result.reasons == [
        Reason.QUORUM_MET,
        Reason.NO_OPTION_APPROVED,
        Reason.MAJORITY_AGAINST,
        Reason.HEADS_NOT_MORE_THAN_HALF,
        Reason.AREA_NOT_MORE_THAN_HALF,
    ]


# --- Multi-option votes (plans A/B/C): a majority of participants, not a plurality ---


def plans(a, b, c, abstain=(0, 0)):
    return [
        opt("A", *a, label="方案A"),
        opt("B", *b, label="方案B"),
        opt("C", *c, label="方案C"),
        opt("abstain", *abstain, label="弃权"),
    ]


def test_multi_option_plan_with_both_majorities_wins():
    result = tally(OWNERS, ORDINARY, ROLL, plans((120, "3600"), (50, "1500"), (30, "900")))
    assert result.verdict == Verdict.PASSED
    assert result.winning_option == "A"
    assert [o.approved for o in result.options] == [True, False, False, False]


def test_multi_option_plurality_without_majority_adopts_no_plan():
    result = tally(OWNERS, ORDINARY, ROLL, plans((90, "2700"), (60, "1800"), (50, "1500")))
    assert result.verdict == Verdict.REJECTED
    assert result.winning_option is None
    assert not any(o.approved for o in result.options)


def test_multi_option_abstentions_can_deny_a_majority():
    result = tally(
        OWNERS, ORDINARY, ROLL, plans((100, "3100"), (0, 0), (0, 0), abstain=(100, "2900"))
    )
    assert result.verdict == Verdict.REJECTED
    assert result.option("A").meets_area and not result.option("A").meets_heads


def test_multi_option_special_matter_needs_three_quarters_for_one_plan():
    result = tally(OWNERS, SPECIAL, ROLL, plans((150, "4500"), (30, "900"), (20, "600")))
    assert result.winning_option == "A"
    result = tally(OWNERS, SPECIAL, ROLL, plans((149, "4500"), (31, "900"), (20, "600")))
    assert result.verdict == Verdict.REJECTED


def test_results_keep_option_order_and_labels():
    result = tally(OWNERS, ORDINARY, ROLL, plans((120, "3600"), (50, "1500"), (30, "900")))
    assert [(o.key, o.label) for o in result.options] == [
        ("A", "方案A"),
        ("B", "方案B"),
        ("C", "方案C"),
        ("abstain", "弃权"),
    ]
    assert result.option("B").area == Decimal("1500")
    with pytest.raises(KeyError):
        result.option("D")


# --- Advisory electorates: residents and households ---


def test_residents_vote_is_advisory_with_the_leading_option():
    roll = T(500, 0)
    options = [opt("A", 120, 0), opt("B", 80, 0), opt("abstain", 200, 0)]
    result = tally(Electorate.RESIDENTS, ORDINARY, roll, options)
    assert result.verdict == Verdict.ADVISORY
    assert result.winning_option == "A"  # the abstainers do not "lead"
    assert result.quorum_met
    assert result.participation_heads == Fraction(4, 5)
    assert result.participation_area == 0
    assert not any(o.approved or o.meets_heads for o in result.options)
    assert result.reasons == [Reason.ADVISORY]


def test_households_vote_leader_is_by_units_not_by_area():
    roll = T(40, "3600.00")
    options = [opt("A", 10, "700.00"), opt("B", 9, "1100.00")]
    result = tally(Electorate.HOUSEHOLDS, SPECIAL, roll, options)
    assert result.verdict == Verdict.ADVISORY
    assert result.winning_option == "A"
    assert result.participation_area == Fraction(1800, 3600)
    assert result.option("B").share_of_area == Fraction(11, 18)


def test_advisory_tie_has_no_leader():
    roll = T(100, 0)
    result = tally("residents", "ordinary", roll, [opt("A", 30, 0), opt("B", 30, 0)])
    assert result.winning_option is None
    assert result.reasons == [Reason.ADVISORY, Reason.TIE]


def test_advisory_leading_disagree_is_reported():
    roll = T(100, 0)
    result = tally(Electorate.RESIDENTS, ORDINARY, roll, yes_no((10, 0), (30, 0), (50, 0)))
    assert result.winning_option == "disagree"


def test_advisory_vote_without_ballots_has_no_leader():
    result = tally(Electorate.HOUSEHOLDS, ORDINARY, T(40, "3600"), [opt("A", 0, 0)])
    assert result.winning_option is None
    assert result.reasons == [Reason.ADVISORY, Reason.NO_PARTICIPANTS]


def test_advisory_vote_with_empty_roll():
    result = tally(Electorate.RESIDENTS, ORDINARY, Totals.zero(), [])
    assert result.verdict == Verdict.ADVISORY
    assert result.participation_heads == 0
    assert result.reasons == [Reason.ADVISORY, Reason.ELECTORATE_EMPTY]


# --- Zero electorates and zero participants: no division by zero ---


def test_empty_owners_roll_has_no_quorum():
    result = tally(OWNERS, ORDINARY, Totals.zero(), yes_no((0, 0)))
    assert result.verdict == Verdict.NO_QUORUM
    assert result.reasons == [Reason.ELECTORATE_EMPTY]
    assert result.participation_heads == 0 and result.participation_area == 0
    assert all(o.share_of_heads == 0 and o.share_of_area == 0 for o in result.options)
    assert not quorum_met(Totals.zero(), Totals.zero())


def test_nobody_voting_has_no_quorum():
    result = tally(OWNERS, SPECIAL, ROLL, yes_no((0, 0)))
    assert result.verdict == Verdict.NO_QUORUM
    assert result.reasons == [
        Reason.NO_PARTICIPANTS,
        Reason.HEADS_BELOW_TWO_THIRDS,
        Reason.AREA_BELOW_TWO_THIRDS,
    ]
    assert tally(OWNERS, ORDINARY, ROLL, []).verdict == Verdict.NO_QUORUM


def test_owners_roll_without_area_has_no_quorum():
    roll = T(3, 0)  # a register error: areas missing, so 2/3 of area means nothing
    result = tally(OWNERS, ORDINARY, roll, [opt("agree", 3, 0)])
    assert result.verdict == Verdict.NO_QUORUM
    assert result.reasons == [Reason.ELECTORATE_AREA_ZERO]


@pytest.mark.parametrize("matter", list(Matter))
def test_no_consent_never_approves(matter):
    # 0 >= 3/4 * 0 holds arithmetically, but nobody agreeing cannot approve anything.
    assert not approves(Totals.zero(), Totals.zero(), matter)
    assert not approves(T(5, 0), T(5, 0), matter)


# --- Large numbers: 10,000 owners, still exact ---

BIG_ROLL = T(10_000, "987654.32")  # 2/3 of the area is 658436.2133… m²


def test_ten_thousand_owners_quorum_is_exact_to_the_hundredth():
    assert quorum_met(BIG_ROLL, T(6_667, "658436.22"))
    assert not quorum_met(BIG_ROLL, T(6_667, "658436.21"))
    assert not quorum_met(BIG_ROLL, T(6_666, "987654.32"))


def test_ten_thousand_owners_ordinary_and_special_bounds():
    voters = T(10_000, "987654.32")
    assert not approves(T(5_000, "900000.00"), voters, ORDINARY)
    assert approves(T(5_001, "493827.17"), voters, ORDINARY)
    assert not approves(T(5_001, "493827.16"), voters, ORDINARY)  # exactly half of area
    assert approves(T(7_500, "740740.74"), voters, SPECIAL)  # 740740.74 = 3/4 exactly
    assert not approves(T(7_499, "987654.32"), voters, SPECIAL)
    assert not approves(T(7_500, "740740.73"), voters, SPECIAL)


def test_ten_thousand_owners_full_tally():
    options = yes_no((7_500, "740740.74"), (2_000, "200000.00"), (500, "46913.58"))
    result = tally(OWNERS, SPECIAL, BIG_ROLL, options)
    assert result.participating == BIG_ROLL
    assert result.verdict == Verdict.PASSED
    assert result.option("agree").share_of_heads == Fraction(3, 4)
    assert result.option("agree").share_of_area == Fraction(3, 4)


def test_exact_where_float_division_would_fail_the_bound():
    participating, roll = Decimal("4.02"), Decimal("6.03")  # exactly two thirds
    assert float(participating) / float(roll) < 2 / 3  # what a float tally would see
    assert quorum_met(T(3, roll), T(2, participating))


# --- Inconsistent input is refused, not counted ---


def test_participation_above_the_electorate_is_refused():
    with pytest.raises(ValueError, match="exceeds"):
        tally(OWNERS, ORDINARY, ROLL, yes_no((200, "5000"), (101, "1000")))
    with pytest.raises(ValueError, match="exceeds"):
        tally(OWNERS, ORDINARY, ROLL, yes_no((200, "5000"), (100, "4000.01")))
    with pytest.raises(ValueError, match="exceeds"):
        quorum_met(ROLL, T(301, "9000"))


def test_an_option_larger_than_the_participants_is_refused():
    with pytest.raises(ValueError, match="exceeds"):
        approves(T(201, "6000"), PARTICIPANTS, ORDINARY)


def test_negative_counts_are_refused():
    with pytest.raises(ValueError, match="negative"):
        Totals(-1, Decimal(0))
    with pytest.raises(ValueError, match="negative"):
        opt("agree", 1, "-0.01")


def test_area_held_by_nobody_is_refused():
    with pytest.raises(ValueError, match="nobody"):
        Totals(0, Decimal("12.50"))


@pytest.mark.parametrize(
    ("heads", "area"),
    [(1.0, Decimal(1)), (True, Decimal(1)), (1, 88.5), (1, None), (1, "88.50"), (None, 0)],
)
def test_floats_none_and_strings_are_refused(heads, area):
    with pytest.raises(TypeError):
        Totals(heads, area)


def test_non_finite_area_is_refused():
    with pytest.raises(ValueError, match="finite"):
        Totals(1, Decimal("NaN"))


def test_integer_area_is_accepted_as_decimal():
    assert Totals(2, 100).area == Decimal(100)
    assert Totals(1, Decimal("1.5")) + Totals(2, 3) == Totals(3, Decimal("4.5"))


def test_duplicate_option_keys_are_refused():
    with pytest.raises(ValueError, match="more than once"):
        tally(OWNERS, ORDINARY, ROLL, [opt("A", 1, 1), opt("A", 1, 1)])


def test_a_key_cannot_be_both_abstain_and_against():
    with pytest.raises(ValueError, match="both"):
        tally(OWNERS, ORDINARY, ROLL, [], abstain_keys=("x",), against_keys=("x",))


def test_unknown_electorate_or_matter_is_refused():
    with pytest.raises(ValueError):
        tally("tenants", ORDINARY, ROLL, [])
    with pytest.raises(ValueError):
        tally(OWNERS, "urgent", ROLL, [])


def test_empty_option_key_is_refused():
    with pytest.raises(ValueError, match="key"):
        OptionCount("", "x", 0, Decimal(0))


# --- fraction_to_percent: exact, half up ---


@pytest.mark.parametrize(
    ("value", "places", "expected"),
    [
        (Fraction(2, 3), 1, "66.7"),
        (Fraction(2, 3), 2, "66.67"),
        (Fraction(2, 3), 0, "67"),
        (Fraction(1, 3), 1, "33.3"),
        (Fraction(1, 2), 1, "50.0"),
        (Fraction(3, 4), 0, "75"),
        (Fraction(0), 1, "0.0"),
        (1, 1, "100.0"),
        (Fraction(1, 8), 0, "13"),  # 12.5 → 13, where round() gives banker's 12
        (Fraction(5, 8), 1, "62.5"),
        (Fraction(1, 400), 1, "0.3"),  # 0.25 → 0.3, half up
        (Fraction(29, 20000), 2, "0.15"),  # 0.145 → 0.15; a float has 0.14499…
        (Fraction(1, 2000), 1, "0.1"),  # 0.05 → 0.1
        (Fraction(1, 3000), 1, "0.0"),
        (Fraction(6666, 10000), 1, "66.7"),  # displays 66.7 though below 2/3
        (Fraction(-1, 8), 0, "-13"),
        (Fraction(-1, 3000), 1, "0.0"),  # no "-0.0"
    ],
)
def test_fraction_to_percent(value, places, expected):
    assert fraction_to_percent(value, places) == expected


def test_fraction_to_percent_default_is_one_place():
    assert fraction_to_percent(Fraction(2, 3)) == "66.7"


def test_fraction_to_percent_refuses_floats_and_negative_places():
    with pytest.raises(TypeError):
        fraction_to_percent(0.5)
    with pytest.raises(ValueError):
        fraction_to_percent(Fraction(1, 2), -1)


# --- Systematic grids (in place of hypothesis), against an integer-cents oracle ---


def ceil_div(a, b):
    return -(-a // b)


@pytest.mark.parametrize("roll_heads", range(1, 61))
def test_grid_quorum_heads_bound_is_the_smallest_whole_two_thirds(roll_heads):
    roll = T(roll_heads, roll_heads)  # 1 m² each, all of it taking part
    bound = ceil_div(2 * roll_heads, 3)
    assert quorum_met(roll, T(bound, roll_heads))
    if bound > 1:
        assert not quorum_met(roll, T(bound - 1, roll_heads))


@pytest.mark.parametrize("roll_cents", [*range(1, 301), 98765432, 100000001, 99999999999])
def test_grid_quorum_area_bound_is_the_smallest_whole_cent_of_two_thirds(roll_cents):
    roll = Totals(3, Decimal(roll_cents) / 100)
    bound = ceil_div(2 * roll_cents, 3)
    assert quorum_met(roll, Totals(3, Decimal(bound) / 100))
    assert not quorum_met(roll, Totals(3, Decimal(bound - 1) / 100))


@pytest.mark.parametrize("voters", range(1, 81))
def test_grid_majority_head_bounds(voters):
    participating = T(voters, voters)
    more_than_half = voters // 2 + 1
    three_quarters = ceil_div(3 * voters, 4)
    assert approves(T(more_than_half, voters), participating, ORDINARY)
    if more_than_half > 1:
        assert not approves(T(more_than_half - 1, voters), participating, ORDINARY)
    assert approves(T(three_quarters, voters), participating, SPECIAL)
    if three_quarters > 1:
        assert not approves(T(three_quarters - 1, voters), participating, SPECIAL)


@pytest.mark.parametrize("cents", [*range(1, 201), 123456789, 98765432101])
def test_grid_majority_area_bounds(cents):
    participating = Totals(4, Decimal(cents) / 100)
    more_than_half = cents // 2 + 1
    three_quarters = ceil_div(3 * cents, 4)
    assert approves(Totals(4, Decimal(more_than_half) / 100), participating, ORDINARY)
    assert not approves(Totals(4, Decimal(more_than_half - 1) / 100), participating, ORDINARY)
    assert approves(Totals(4, Decimal(three_quarters) / 100), participating, SPECIAL)
    assert not approves(Totals(4, Decimal(three_quarters - 1) / 100), participating, SPECIAL)


# Twelve owners with uneven areas (in cents): every split of them into agree, disagree,
# abstain and not voting is tallied and checked against an oracle in integer cents.
AREAS = [8950, 12000, 6400, 14325, 9001, 7777, 15000, 8950, 10010, 6001, 13333, 9999]
GRID_ROLL = Totals(len(AREAS), Decimal(sum(AREAS)) / 100)
SPLITS = [
    (a, d, b) for a, d, b in itertools.product(range(13), repeat=3) if a + d + b <= len(AREAS)
]


def oracle(agree, disagree, abstain, matter):
    """The Art. 278 verdict in integer cents, written independently of the module."""
    n, total = len(AREAS), sum(AREAS)
    groups = [AREAS[:agree], AREAS[agree : agree + disagree]]
    voted = AREAS[: agree + disagree + abstain]
    heads, area = len(voted), sum(voted)
    if heads * 3 < n * 2 or area * 3 < total * 2:
        return Verdict.NO_QUORUM
    yes_heads, yes_area = len(groups[0]), sum(groups[0])
    if matter == SPECIAL:
        ok = yes_heads * 4 >= heads * 3 and yes_area * 4 >= area * 3
    else:
        ok = yes_heads * 2 > heads and yes_area * 2 > area
    return Verdict.PASSED if ok and yes_heads else Verdict.REJECTED


def grid_options(agree, disagree, abstain):
    def group(start, count):
        return count, Decimal(sum(AREAS[start : start + count])) / 100

    return yes_no(group(0, agree), group(agree, disagree), group(agree + disagree, abstain))


@pytest.mark.parametrize("matter", list(Matter))
def test_grid_every_split_of_twelve_owners_matches_the_oracle(matter):
    for agree, disagree, abstain in SPLITS:
        result = tally(OWNERS, matter, GRID_ROLL, grid_options(agree, disagree, abstain))
        assert result.verdict == oracle(agree, disagree, abstain, matter), (agree, disagree)
        assert (result.verdict == Verdict.PASSED) == (result.winning_option == "agree")
        assert (result.verdict == Verdict.NO_QUORUM) == (not result.quorum_met)
        assert sum(o.approved for o in result.options) <= 1
        assert 0 <= result.participation_heads <= 1 and 0 <= result.participation_area <= 1
        if result.participating.heads:
            assert sum(o.share_of_heads for o in result.options) == 1
            assert sum(o.share_of_area for o in result.options) == 1


def test_grid_special_approval_implies_ordinary_approval():
    for agree, disagree, abstain in SPLITS:
        options = grid_options(agree, disagree, abstain)
        if tally(OWNERS, SPECIAL, GRID_ROLL, options).verdict == Verdict.PASSED:
            assert tally(OWNERS, ORDINARY, GRID_ROLL, options).verdict == Verdict.PASSED


def test_grid_a_disagreeing_owner_switching_to_agree_never_undoes_a_pass():
    # Monotonicity: more support can only help. Switch the first disagreeing owner (who
    # sits right after the agreeing ones, so the groups stay contiguous) to agree.
    for matter in Matter:
        for agree, disagree, abstain in SPLITS:
            if not disagree:
                continue
            before = tally(OWNERS, matter, GRID_ROLL, grid_options(agree, disagree, abstain))
            after = tally(OWNERS, matter, GRID_ROLL, grid_options(agree + 1, disagree - 1, abstain))
            if before.verdict == Verdict.PASSED:
                assert after.verdict == Verdict.PASSED


# --- The module is pure ---


def test_tally_imports_without_django():
    code = (
        "import sys, participation.votes.tally; "
        "bad = sorted(m for m in sys.modules if m.split('.')[0] == 'django'); "
        "assert not bad, bad"
    )
    root = Path(__file__).resolve().parents[3]
    subprocess.run([sys.executable, "-c", code], cwd=root, check=True, env={})
