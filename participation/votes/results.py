"""Counting a plan vote: one aggregate query feeds the pure rules in ``tally``."""

from decimal import Decimal
from fractions import Fraction

from django.db.models import Sum
from django.utils.translation import gettext_lazy as _

from participation.votes.choices import Electorate
from participation.votes.models import Ballot, BallotChoice
from participation.votes.tally import OptionCount, Totals, Verdict, fraction_to_percent, tally

CENTS = Decimal("0.01")


VERDICT_LABELS = {
    Verdict.PASSED: _("Passed"),
    Verdict.REJECTED: _("Not passed"),
    Verdict.NO_QUORUM: _("No decision: quorum not met"),
    Verdict.ADVISORY: _("Advisory"),
}


def _area(value):
    """Sums come back without their scale on SQLite; areas are always m² to 2 places."""
    return (value or Decimal(0)).quantize(CENTS)


def participation_totals(vote):
    """Heads and area that have taken part so far (may be shown while the vote is open)."""
    row = Ballot.objects.filter(vote=vote).aggregate(heads=Sum("heads"), area=Sum("area"))
    return Totals(heads=row["heads"] or 0, area=_area(row["area"]))


def percent(part, whole):
    """Display percentage of ``part`` in ``whole`` (ints or Decimals), capped at 100 and
    "0.0" for an empty whole, rounded as every other share is (``fraction_to_percent``)."""
    return fraction_to_percent(min(Fraction(part) / Fraction(whole), 1) if whole else 0)


def participation_summary(vote, taking_part=None):
    """Participation against the frozen electorate, for the bars on public and admin
    pages. Pass ``taking_part`` (Totals) when a list query already annotated it."""
    taking_part = taking_part or participation_totals(vote)
    return {
        "heads": taking_part.heads,
        "area": taking_part.area,
        "heads_percent": percent(taking_part.heads, vote.roll_heads),
        "area_percent": percent(taking_part.area, vote.roll_area),
        "is_owners": vote.electorate == Electorate.OWNERS,
    }


def option_counts(vote, options=None):
    """Per-option heads and area, from one GROUP BY over the secret choices table."""
    options = list(vote.options.all()) if options is None else options
    rows = {
        row["option"]: row
        for row in BallotChoice.objects.filter(vote=vote)
        .values("option")
        .annotate(heads=Sum("heads"), area=Sum("area"))
    }
    return [
        OptionCount(
            key=option.key,
            label=option.label,
            heads=(rows.get(option.pk) or {}).get("heads") or 0,
            area=_area((rows.get(option.pk) or {}).get("area")),
        )
        for option in options
    ]


def vote_result(vote):
    """The full result (participation, quorum, per option, verdict) of ``vote``."""
    options = list(vote.options.all())
    return tally(
        vote.electorate,
        vote.matter,
        Totals(heads=vote.roll_heads, area=vote.roll_area),
        option_counts(vote, options),
        abstain_keys=[option.key for option in options if option.is_abstention],
        against_keys=[option.key for option in options if option.is_against],
    )


def winner_label(result):
    """The label of the passed (or, advisory, leading) option, or None."""
    if result is None or result.winning_option is None:
        return None
    return next(o.label for o in result.options if o.key == result.winning_option)


def result_rows(result):
    """Per-option rows with display percentages for the results table."""
    return [
        {
            "option": option,
            "heads_percent": fraction_to_percent(option.share_of_heads),
            "area_percent": fraction_to_percent(option.share_of_area),
        }
        for option in result.options
    ]
