"""Spreadsheets that staff download are data, never formulas (OWASP, "CSV injection").

A resident chooses their display name, a proposal's title, a report's place; staff
export them from the admin and open the file in Excel or WPS. Text beginning with ``=``,
``+``, ``-``, ``@``, a tab or a carriage return would be read as a formula there (and a
formula can fetch a URL or run a command), so it gets a leading apostrophe. Numbers,
dates and empty cells are left as they are.

The same rule holds for CSV and XLSX. openpyxl already stores "=…" in an XLSX as text
(Wagtail turns the formula type back into a string), but a cell that a clerk edits and
confirms in Excel, or a sheet saved again as CSV, is read afresh — so XLSX cells are
neutralised too, as in the plan-vote results export. The cost is an apostrophe in front
of text such as "+86 138…" or "-", which a reader understands.
"""

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def neutralise(cell):
    """A cell as data, never as a formula: text starting like one gets an apostrophe."""
    if isinstance(cell, str) and cell.startswith(FORMULA_STARTS):
        return "'" + cell
    return cell


class FormulaSafeExportMixin:
    """For the index view of every admin viewset with a ``list_export``: each value
    goes through Wagtail's own preprocessing (lazy text to ``str``, dates for XLSX) and
    then through ``neutralise``. Wagtail 8 sends every CSV and XLSX cell through
    ``SpreadsheetExportMixin.preprocess_field_value``; headings are ours, not users'.
    ``tests/participation/test_spreadsheet_exports.py`` checks that every registered
    viewset with an export uses it."""

    def preprocess_field_value(self, field, value, export_format):
        return neutralise(super().preprocess_field_value(field, value, export_format))
