"""Tally of plan votes (共有部分表决): pure, exact arithmetic, no Django.

The vote models aggregate the ballots of one vote in a single query (heads and exclusive
area per option) and hand the numbers to :func:`tally` together with the frozen
electorate. Everything here is plain Python so that the rules can be tested at every
bound without a database and so that the module imports without Django settings.

Legal basis (owners' votes only; residents' and households' votes are advisory):

* **Civil Code Art. 278 para. 2** (2021): a decision needs the participation of owners
  whose exclusive area is at least two thirds (占比三分之二以上) of the building area AND
  who are at least two thirds of all owners by head (人数占比三分之二以上).
* Items 6–8 of Art. 278 para. 1 — *raising* the building maintenance fund, rebuilding,
  changing the use of common parts or using them to run a business
  (:attr:`Matter.SPECIAL`; :func:`matter_for_item`) — need the consent of owners
  holding at least three quarters (四分之三以上) of the **participating** area AND at
  least three quarters of the **participating** owners by head.
* Every other matter (:attr:`Matter.ORDINARY`), *using* the fund (item 5) included,
  needs the consent of owners holding more than half (过半数) of the participating area
  AND more than half of the participating owners by head.
* **Art. 1259**: "以上" (at least) includes the bound itself; "过半数" (more than half)
  does not, so exactly one half is not enough.

Because the outcome turns on exact bounds (2/3, 1/2, 3/4), every comparison uses
:class:`fractions.Fraction`; areas arrive as :class:`decimal.Decimal` and are converted
with ``Fraction(Decimal)``, which is exact. Floats are refused outright: ``2/3`` has no
binary representation, and a vote must not pass or fail on a rounding error.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum
from fractions import Fraction

__all__ = [
    "Electorate",
    "Matter",
    "OptionCount",
    "OptionResult",
    "Reason",
    "TallyResult",
    "Totals",
    "Verdict",
    "approves",
    "fraction_to_percent",
    "matter_for_item",
    "quorum_met",
    "tally",
]


class Electorate(StrEnum):
    """Who may vote, and with what weight.

    Only ``OWNERS`` is a decision of the owners' assembly under Art. 278; the other two are
    consultations of the people who live here and are reported as :attr:`Verdict.ADVISORY`.
    """

    RESIDENTS = "residents"  # one verified resident, one vote
    HOUSEHOLDS = "households"  # one vote per unit
    OWNERS = "owners"  # one head per owner, weighted by the owner's exclusive area


class Matter(StrEnum):
    """Which majority an owners' vote needs (Art. 278 para. 2)."""

    ORDINARY = "ordinary"  # more than 1/2 of participating area and heads
    SPECIAL = "special"  # items 6–8: at least 3/4 of participating area and heads


ART_278_ITEMS = range(1, 10)


SPECIAL_ITEMS = frozenset({6, 7, 8})


def matter_for_item(item: int | None) -> Matter:
    """The majority an owners' vote on Art. 278 para. 1 item ``item`` needs.

    Civil Code Art. 278 para. 2: items (六) raising the maintenance fund, (七) rebuilding
    and (八) changing the use of common parts or running a business on them need three
    quarters of the participating area and heads (:attr:`Matter.SPECIAL`); items
    (一)–(五) and (九) — *using* the fund (五) among them — need more than half
    (:attr:`Matter.ORDINARY`). ``None`` (an advisory vote, which decides no Art. 278
    matter) is ordinary. Raises ValueError for a number that is not an item.
    """
    if item is None:
        return Matter.ORDINARY
    if isinstance(item, bool) or not isinstance(item, int) or item not in ART_278_ITEMS:
        raise ValueError(f"Art. 278 para. 1 has items 1 to 9, not {item!r}")
    return Matter.SPECIAL if item in SPECIAL_ITEMS else Matter.ORDINARY


class Verdict(StrEnum):
    PASSED = "passed"  # owners: quorum met and one option approved
    REJECTED = "rejected"  # owners: quorum met, no option approved (no plan adopted)
    NO_QUORUM = "no_quorum"  # owners: fewer than 2/3 of area or heads took part
    ADVISORY = "advisory"  # residents / households: no legal effect, a leading option


class Reason(StrEnum):
    """Machine-readable reasons in :attr:`TallyResult.reasons`.

    A ``StrEnum``, so each member also compares equal to its plain string value
    (``Reason.QUORUM_MET == "quorum_met"``); templates translate the codes.
    """

    # Quorum (owners)
    QUORUM_MET = "quorum_met"
    ELECTORATE_EMPTY = "electorate_empty"
    ELECTORATE_AREA_ZERO = "electorate_area_zero"
    NO_PARTICIPANTS = "no_participants"
    HEADS_BELOW_TWO_THIRDS = "heads_below_two_thirds"
    AREA_BELOW_TWO_THIRDS = "area_below_two_thirds"
    # Approval (owners)
    MAJORITY_AGAINST = "majority_against"
    APPROVED_BY_MORE_THAN_HALF = "approved_by_more_than_half"
    APPROVED_BY_THREE_QUARTERS = "approved_by_three_quarters"
    NO_OPTION_APPROVED = "no_option_approved"
    HEADS_NOT_MORE_THAN_HALF = "heads_not_more_than_half"
    AREA_NOT_MORE_THAN_HALF = "area_not_more_than_half"
    HEADS_BELOW_THREE_QUARTERS = "heads_below_three_quarters"
    AREA_BELOW_THREE_QUARTERS = "area_below_three_quarters"
    # Advisory (residents / households)
    ADVISORY = "advisory"
    TIE = "tie"


def _check_weights(heads: object, area: object, what: str) -> Decimal:
    """Validate a heads/area pair and return the area as a Decimal.

    Heads must be a real ``int`` (not ``bool``); area a finite ``Decimal`` or an ``int``.
    Floats are refused because they cannot hold 0.01 m² exactly. ``None`` (what Django's
    ``Sum`` returns over no rows) is refused too: wrap the aggregate in
    ``Coalesce(..., Value(Decimal(0)))`` so that "nobody" is an explicit zero.
    A group of zero voters cannot hold area, so ``heads == 0`` with ``area > 0`` is
    inconsistent. The converse is allowed: residents' votes carry no area at all.
    """
    if isinstance(heads, bool) or not isinstance(heads, int):
        raise TypeError(f"{what}: heads must be an int, got {type(heads).__name__}")
    if isinstance(area, bool) or not isinstance(area, int | Decimal):
        raise TypeError(f"{what}: area must be a Decimal (m²), got {type(area).__name__}")
    area = Decimal(area)
    if not area.is_finite():
        raise ValueError(f"{what}: area must be finite, got {area}")
    if heads < 0 or area < 0:
        raise ValueError(f"{what}: heads and area cannot be negative ({heads}, {area})")
    if heads == 0 and area > 0:
        raise ValueError(f"{what}: {area} m² held by nobody (heads is 0)")
    return area


@dataclass(frozen=True)
class Totals:
    """A weight pair: how many heads, holding how much exclusive area (m²).

    For owners a head is one owner (all of an owner's units summed; the developer's
    unsold units together count as one head, per the design). For households a head is a
    unit, for residents a person; their area may be zero.
    """

    heads: int
    area: Decimal

    def __post_init__(self) -> None:
        object.__setattr__(self, "area", _check_weights(self.heads, self.area, "Totals"))

    @classmethod
    def zero(cls) -> Totals:
        return cls(0, Decimal(0))

    def __add__(self, other: Totals) -> Totals:
        if not isinstance(other, Totals):
            return NotImplemented
        return Totals(self.heads + other.heads, self.area + other.area)

    @property
    def area_fraction(self) -> Fraction:
        """The area as an exact Fraction (``Fraction(Decimal)`` loses nothing)."""
        return Fraction(self.area)


@dataclass(frozen=True)
class OptionCount:
    """The ballots cast for one option: an aggregate row from the votes query."""

    key: str
    label: str
    heads: int
    area: Decimal

    def __post_init__(self) -> None:
        if not isinstance(self.key, str) or not self.key:
            raise ValueError("OptionCount: key must be a non-empty string")
        what = f"option {self.key!r}"
        object.__setattr__(self, "area", _check_weights(self.heads, self.area, what))

    @property
    def totals(self) -> Totals:
        return Totals(self.heads, self.area)


@dataclass(frozen=True)
class OptionResult:
    """One option's count, its shares of the participants, and whether it was approved.

    ``share_of_heads`` / ``share_of_area`` are fractions of the *participating* heads and
    area (the denominators of Art. 278), 0 when nobody took part. ``meets_heads`` and
    ``meets_area`` say whether the option reaches the matter's bar on each measure, even
    when the quorum failed, so a results page can say "heads passed, area did not";
    they are always False for abstentions and for advisory votes, where no rule applies.
    ``approved`` is the legal outcome: quorum met, both measures reached, and the option
    is something to adopt — never an abstention, never a "disagree" (``against``), whose
    majority rejects the proposal instead.
    """

    key: str
    label: str
    heads: int
    area: Decimal
    share_of_heads: Fraction
    share_of_area: Fraction
    approved: bool
    abstain: bool = False
    against: bool = False
    meets_heads: bool = False
    meets_area: bool = False


@dataclass(frozen=True)
class TallyResult:
    """Everything a results page, an export or a receipt check needs about one vote."""

    electorate_totals: Totals
    participating: Totals
    participation_heads: Fraction  # participating / electorate heads; 0 for an empty roll
    participation_area: Fraction  # participating / electorate area; 0 when no area
    quorum_met: bool  # owners: Art. 278 quorum; advisory electorates: always True
    options: list[OptionResult]  # in the order given
    verdict: Verdict
    winning_option: str | None  # PASSED: the approved option; ADVISORY: the leader
    reasons: list[str]  # Reason codes, in a stable order
    electorate_kind: Electorate = Electorate.OWNERS
    matter: Matter = Matter.ORDINARY

    def option(self, key: str) -> OptionResult:
        """The result for ``key``; KeyError if the vote has no such option."""
        for result in self.options:
            if result.key == key:
                return result
        raise KeyError(key)


def _ratio(part: Fraction | int, whole: Fraction | int) -> Fraction:
    """``part / whole``, or 0 when ``whole`` is 0 (an empty roll has no participation)."""
    return Fraction(part) / Fraction(whole) if whole else Fraction(0)


def _require_within(part: Totals, whole: Totals, what: str) -> None:
    """Refuse a part larger than its whole: the counts cannot both be right."""
    if part.heads > whole.heads or part.area > whole.area:
        raise ValueError(
            f"{what} ({part.heads} heads, {part.area} m²) exceeds "
            f"its total ({whole.heads} heads, {whole.area} m²)"
        )


def _quorum_shortfalls(electorate: Totals, participating: Totals) -> list[Reason]:
    """The reasons the Art. 278 quorum fails; an empty list means it is met.

    ``>= 2/3`` is checked as ``3 * part >= 2 * whole`` on exact Fractions: "三分之二以上"
    includes two thirds itself (Art. 1259). The quorum is double: area AND heads.
    A roll without heads cannot hold a meeting, and a roll without area makes an
    area-weighted quorum meaningless (a register error, not two thirds of nothing), so
    both count as not met rather than as a vacuous ``0 >= 0``.
    """
    if electorate.heads == 0:
        return [Reason.ELECTORATE_EMPTY]
    if electorate.area == 0:
        return [Reason.ELECTORATE_AREA_ZERO]
    shortfalls = []
    if participating.heads == 0:
        shortfalls.append(Reason.NO_PARTICIPANTS)
    if 3 * participating.heads < 2 * electorate.heads:
        shortfalls.append(Reason.HEADS_BELOW_TWO_THIRDS)
    if 3 * participating.area_fraction < 2 * electorate.area_fraction:
        shortfalls.append(Reason.AREA_BELOW_TWO_THIRDS)
    return shortfalls


def quorum_met(electorate: Totals, participating: Totals) -> bool:
    """Whether an owners' vote is quorate under Civil Code Art. 278 para. 2.

    True when the participating owners hold at least 2/3 of the electorate's exclusive
    area AND are at least 2/3 of its owners by head. Both bounds are inclusive ("以上",
    Art. 1259). An empty electorate, or one with no recorded area, is never quorate.
    Raises ValueError if more heads or area took part than the electorate holds.
    """
    _require_within(participating, electorate, "participation")
    return not _quorum_shortfalls(electorate, participating)


def _meets(part: Totals, whole: Totals, matter: Matter) -> tuple[bool, bool]:
    """Whether ``part`` reaches the matter's bar of ``whole`` by heads and by area.

    Ordinary: strictly more than half ("过半数", Art. 1259), ``2 * part > whole``.
    Special (Art. 278 items 6–8): at least three quarters ("四分之三以上"),
    ``4 * part >= 3 * whole``. Each measure also needs something on it: a consent of no
    heads (or of no area) approves nothing, even where ``0 >= 3/4 * 0`` would hold.
    """
    heads, area = part.heads, part.area_fraction
    all_heads, all_area = whole.heads, whole.area_fraction
    if matter is Matter.SPECIAL:
        meets_heads = 4 * heads >= 3 * all_heads
        meets_area = 4 * area >= 3 * all_area
    else:
        meets_heads = 2 * heads > all_heads
        meets_area = 2 * area > all_area
    return meets_heads and heads > 0, meets_area and area > 0


def approves(option: Totals, participating: Totals, matter: Matter) -> bool:
    """Whether the owners behind ``option`` approve it under Civil Code Art. 278 para. 2.

    The denominators are the *participating* owners — abstentions included, since an
    abstention is a cast ballot — not the whole electorate. Ordinary matters need more
    than 1/2 of participating area AND heads (exactly 1/2 fails, Art. 1259); special
    matters (items 6–8) need at least 3/4 of both (exactly 3/4 passes). This does not
    check the quorum; :func:`tally` does. Raises ValueError if the option holds more heads
    or area than took part.
    """
    matter = Matter(matter)
    _require_within(option, participating, "option")
    meets_heads, meets_area = _meets(option, participating, matter)
    return meets_heads and meets_area


def _leader(options: Iterable[OptionCount]) -> str | None:
    """The option with the most heads, or None if nobody chose one or the top is tied."""
    ranked = sorted(options, key=lambda o: o.heads, reverse=True)
    if not ranked or ranked[0].heads == 0:
        return None
    if len(ranked) > 1 and ranked[1].heads == ranked[0].heads:
        return None
    return ranked[0].key


def tally(
    electorate_kind: Electorate | str,
    matter: Matter | str,
    electorate: Totals,
    options: Iterable[OptionCount],
    abstain_keys: Iterable[str] | str = ("abstain",),
    against_keys: Iterable[str] | str = ("disagree",),
) -> TallyResult:
    """Count one plan vote and give its verdict.

    Which options abstain and which are against is the caller's to say: the vote pages
    pass the keys of the options whose ``VoteOption.role`` says so (``results.py``), so
    staff may name their options as they like (``yes``/``no``). The defaults only
    serve callers that use the conventional keys.

    ``electorate`` is the frozen roll (all who may vote); ``options`` holds one aggregate
    per option, abstentions included. Ballots are single-choice, so every cast ballot is
    in exactly one option and the participants are the sum of the options. A ballot that
    was cast but chose nothing (a blank paper ballot the committee counts as cast) belongs
    under an abstain key, e.g. ``abstain_keys=("abstain", "blank")``.

    Owners (Civil Code Art. 278):

    * quorum not met (fewer than 2/3 of area or of heads took part) → ``NO_QUORUM``;
    * an option approved — more than 1/2 (ordinary) or at least 3/4 (special, items 6–8)
      of participating area AND heads → ``PASSED`` with that option as the winner. At
      most one option can be approved: two options cannot both hold more than half, let
      alone three quarters, of the same participants. For agree/disagree/abstain the
      proposal passes exactly when "agree" is approved. An option under ``against_keys``
      ("disagree") is never adopted: its majority is a rejection, reported as
      ``majority_against``;
    * otherwise → ``REJECTED``: no plan is adopted. A multi-option vote (plans A/B/C) is
      not decided by plurality — the law asks for a majority of the participants, and
      abstentions, which support no option, count in that denominator.

    Residents and households have no standing under Art. 278: their votes are
    consultations. The verdict is ``ADVISORY`` with the option that has the most heads
    as ``winning_option`` (None on a tie or with no ballots; abstentions never lead, a
    leading "disagree" is reported as the leader); nothing is ``approved``,
    ``quorum_met`` is True (there is no legal quorum), and participation is still
    reported so the committee can judge how representative the result is.

    Raises ValueError on inconsistent input: duplicate option keys, a key both abstain
    and against, more participating heads or area than the electorate holds, an unknown
    electorate kind or matter (and, through :class:`Totals` / :class:`OptionCount`,
    negative weights or area held by zero heads). Raises TypeError on floats or None
    where numbers belong.
    """
    electorate_kind = Electorate(electorate_kind)
    matter = Matter(matter)
    if not isinstance(electorate, Totals):
        raise TypeError("electorate must be a Totals")
    options = list(options)
    abstain = frozenset((abstain_keys,) if isinstance(abstain_keys, str) else abstain_keys)
    against = frozenset((against_keys,) if isinstance(against_keys, str) else against_keys)
    if abstain & against:
        raise ValueError(f"keys both abstain and against: {sorted(abstain & against)}")

    seen: set[str] = set()
    for option in options:
        if not isinstance(option, OptionCount):
            raise TypeError(f"options must be OptionCount, got {type(option).__name__}")
        if option.key in seen:
            raise ValueError(f"option key {option.key!r} appears more than once")
        seen.add(option.key)

    participating = sum((o.totals for o in options), Totals.zero())
    _require_within(participating, electorate, "participation")

    advisory = electorate_kind is not Electorate.OWNERS
    if advisory:
        shortfalls: list[Reason] = []
        quorate = True
    else:
        shortfalls = _quorum_shortfalls(electorate, participating)
        quorate = not shortfalls

    results = []
    for option in options:
        is_abstain = option.key in abstain
        is_against = option.key in against
        if advisory or is_abstain:
            meets_heads = meets_area = False
        else:
            meets_heads, meets_area = _meets(option.totals, participating, matter)
        results.append(
            OptionResult(
                key=option.key,
                label=option.label,
                heads=option.heads,
                area=option.area,
                share_of_heads=_ratio(option.heads, participating.heads),
                share_of_area=_ratio(option.totals.area_fraction, participating.area_fraction),
                approved=quorate and meets_heads and meets_area and not is_against,
                abstain=is_abstain,
                against=is_against,
                meets_heads=meets_heads,
                meets_area=meets_area,
            )
        )

    reasons: list[str]
    if advisory:
        winner = _leader(o for o in options if o.key not in abstain)
        reasons = [Reason.ADVISORY]
        if electorate.heads == 0:
            reasons.append(Reason.ELECTORATE_EMPTY)
        elif participating.heads == 0:
            reasons.append(Reason.NO_PARTICIPANTS)
        elif winner is None:
            reasons.append(Reason.TIE)
        verdict = Verdict.ADVISORY
    elif not quorate:
        winner, verdict, reasons = None, Verdict.NO_QUORUM, list(shortfalls)
    else:
        approved = [r.key for r in results if r.approved]
        assert len(approved) <= 1, "two options cannot both hold a majority"
        reasons = [Reason.QUORUM_MET]
        if approved:
            winner, verdict = approved[0], Verdict.PASSED
            reasons.append(
                Reason.APPROVED_BY_THREE_QUARTERS
                if matter is Matter.SPECIAL
                else Reason.APPROVED_BY_MORE_THAN_HALF
            )
        else:
            winner, verdict = None, Verdict.REJECTED
            reasons.append(Reason.NO_OPTION_APPROVED)
            if any(r.against and r.meets_heads and r.meets_area for r in results):
                reasons.append(Reason.MAJORITY_AGAINST)
            # Name each measure on which no option to adopt reached the bar, so that
            # "heads passed but area did not" reads straight off the reasons.
            adoptable = [r for r in results if not r.against]
            if not any(r.meets_heads for r in adoptable):
                reasons.append(
                    Reason.HEADS_BELOW_THREE_QUARTERS
                    if matter is Matter.SPECIAL
                    else Reason.HEADS_NOT_MORE_THAN_HALF
                )
            if not any(r.meets_area for r in adoptable):
                reasons.append(
                    Reason.AREA_BELOW_THREE_QUARTERS
                    if matter is Matter.SPECIAL
                    else Reason.AREA_NOT_MORE_THAN_HALF
                )

    return TallyResult(
        electorate_totals=electorate,
        participating=participating,
        participation_heads=_ratio(participating.heads, electorate.heads),
        participation_area=_ratio(participating.area_fraction, electorate.area_fraction),
        quorum_met=quorate,
        options=results,
        verdict=verdict,
        winning_option=winner,
        reasons=reasons,
        electorate_kind=electorate_kind,
        matter=matter,
    )


def fraction_to_percent(f: Fraction | int, places: int = 1) -> str:
    """Format a share as a percentage for display, e.g. ``Fraction(2, 3)`` → ``"66.7"``.

    Rounds exactly, half up (half away from zero): ``Fraction(1, 8)`` at 0 places is
    ``"13"``, where ``round()`` would give banker's ``"12"`` and a float could land on
    either side. Display only — never compare the string: the verdict comes from the
    exact fractions, so 66.7% shown beside "quorum not met" is correct when the true
    share is 66.66…% of a roll whose two thirds is not a whole number.
    """
    if isinstance(f, bool) or not isinstance(f, Fraction | int):
        raise TypeError(f"expected a Fraction, got {type(f).__name__}")
    if isinstance(places, bool) or not isinstance(places, int) or places < 0:
        raise ValueError(f"places must be a non-negative int, got {places!r}")
    scaled = Fraction(f) * 100 * 10**places
    magnitude = abs(scaled)
    rounded = int(magnitude + Fraction(1, 2))  # floor(x + 1/2) for x >= 0: half up
    digits = str(rounded).rjust(places + 1, "0")
    sign = "-" if scaled < 0 and rounded else ""
    if places == 0:
        return sign + digits
    return f"{sign}{digits[:-places]}.{digits[-places:]}"
