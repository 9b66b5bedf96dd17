"""Results of a closed plan vote as CSV or XLSX, for the committee's records.

Aggregates only: per option heads and area, participation and the verdict. Individual
choices are never exported. Text that a spreadsheet would read as a formula (a title or
label typed by staff beginning with ``=``, ``+``, ``-``, ``@``, a tab or a carriage
return) is neutralised with a leading apostrophe (OWASP, "CSV injection").
"""

import csv
import io

from django.http import HttpResponse
from django.utils.functional import Promise
from django.utils.translation import gettext as _
from openpyxl import Workbook

from participation.votes.results import VERDICT_LABELS
from participation.votes.tally import fraction_to_percent

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def neutralise(cell):
    """A cell as data, never as a formula: text starting like one gets an apostrophe."""
    if isinstance(cell, str) and cell.startswith(FORMULA_STARTS):
        return "'" + cell
    return cell


def safe_rows(vote, result):
    for row in result_rows(vote, result):
        yield [neutralise(str(cell) if isinstance(cell, Promise) else cell) for cell in row]


def result_rows(vote, result):
    yield [_("Vote"), vote.title]
    yield [_("Electorate"), vote.get_electorate_display()]
    if vote.art278_item:
        yield [_("Matter decided"), vote.get_art278_item_display()]
    yield [_("Majority needed"), str(vote.majority_needed)]
    yield [_("Electorate (heads)"), result.electorate_totals.heads]
    yield [_("Electorate (area m²)"), str(result.electorate_totals.area)]
    yield [_("Taking part (heads)"), result.participating.heads]
    yield [_("Taking part (area m²)"), str(result.participating.area)]
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
        _("Approved"),
    ]
    for option in result.options:
        yield [
            option.label,
            option.heads,
            fraction_to_percent(option.share_of_heads),
            str(option.area),
            fraction_to_percent(option.share_of_area),
            _("yes") if option.approved else _("no"),
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
