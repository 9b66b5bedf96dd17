"""Results of a closed plan vote as CSV or XLSX, for the committee's records.

Aggregates only: per option heads and area, participation and the verdict. Individual
choices are never exported. Text that a spreadsheet would read as a formula (a title or
label typed by staff beginning with ``=``, ``+``, ``-``, ``@``, a tab or a carriage
return) is neutralised with a leading apostrophe (``participation.spreadsheets``).
"""

import csv
import io
from decimal import Decimal

from django.http import HttpResponse
from django.utils import formats, timezone
from django.utils.functional import Promise
from django.utils.translation import gettext as _
from openpyxl import Workbook

from participation.spreadsheets import neutralise
from participation.votes.results import VERDICT_LABELS
from participation.votes.tally import fraction_to_percent


def safe_rows(vote, result):
    for row in result_rows(vote, result):
        yield [neutralise(str(cell) if isinstance(cell, Promise) else cell) for cell in row]


def _when(value):
    return formats.date_format(timezone.localtime(value), "DATETIME_FORMAT")


def _percent(share):
    """A share as a number of percent (a spreadsheet can sum and chart it)."""
    return Decimal(fraction_to_percent(share))


def result_rows(vote, result, now=None):
    """The export's rows. Areas and shares are numbers, not text; the vote's window and
    the time the file was made come first, so a printed copy says what it covers.
    Owners' votes have an "approved" column (the Art. 278 verdict per option); an
    advisory vote approves nothing, so its column says which option had most support."""
    yield [_("Vote"), vote.title]
    yield [_("Voting period"), _when(vote.opens_at), _when(vote.closes_at)]
    yield [_("Exported at"), _when(now or timezone.now())]
    yield [_("Electorate"), vote.get_electorate_display()]
    if vote.art278_item:
        yield [_("Matter decided"), vote.get_art278_item_display()]
    yield [_("Majority needed"), str(vote.majority_needed)]
    yield [_("Electorate (heads)"), result.electorate_totals.heads]
    yield [_("Electorate (area m²)"), result.electorate_totals.area]
    yield [_("Taking part (heads)"), result.participating.heads]
    yield [_("Taking part (area m²)"), result.participating.area]
    if vote.is_owners_vote:
        yield [_("Quorum met"), _("yes") if result.quorum_met else _("no")]
    yield [_("Verdict"), str(VERDICT_LABELS[result.verdict])]
    yield []
    yield [
        _("Option"),
        _("Heads"),
        _("Share of heads %"),
        _("Area m²"),
        _("Share of area %"),
        _("Approved") if vote.is_owners_vote else _("Most support"),
    ]
    for option in result.options:
        if vote.is_owners_vote:
            verdict = _("yes") if option.approved else _("no")
        else:
            verdict = _("yes") if option.key == result.winning_option else ""
        yield [
            option.label,
            option.heads,
            _percent(option.share_of_heads),
            option.area,
            _percent(option.share_of_area),
            verdict,
        ]


def csv_response(vote, result):
    buffer = io.StringIO()
    buffer.write("\ufeff")  # so Excel opens the Chinese text as UTF-8
    writer = csv.writer(buffer)
    for row in safe_rows(vote, result):
        writer.writerow(row)
    response = HttpResponse(buffer.getvalue(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="vote-{vote.pk}-results.csv"'
    return response


def xlsx_response(vote, result):
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "results"
    for row in safe_rows(vote, result):
        sheet.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    response = HttpResponse(
        buffer.getvalue(),
        content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )
    response["Content-Disposition"] = f'attachment; filename="vote-{vote.pk}-results.xlsx"'
    return response
