"""Read the household register's CSV file: decoding, columns, rows and areas.

The file has the columns ``building,unit,room,area_m2,owner_ref``: ``owner_ref`` groups
the units of one owner (they count as one head, Civil Code Art. 278 and the Supreme
People's Court interpretation on building co-ownership, Art. 9), and ``developer``
(or 开发商) marks units the developer has not sold or delivered, which all belong to
the one developer ``Owner``. Every row is checked here, before anything is written
(``register.py`` writes).
"""

import csv
import io
import unicodedata
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

COLUMNS = ("building", "unit", "room", "area_m2", "owner_ref")


# Chinese headers that spreadsheets prepared by the committee tend to use.
COLUMN_ALIASES = {
    "楼栋": "building",
    "楼号": "building",
    "单元": "unit",
    "房号": "room",
    "室": "room",
    "专有面积": "area_m2",
    "面积": "area_m2",
    "业主": "owner_ref",
    "业主编号": "owner_ref",
}


COLUMN_LABELS = {
    "building": gettext_lazy("building (楼栋)"),
    "unit": gettext_lazy("unit (单元)"),
    "room": gettext_lazy("room (房号)"),
    "owner_ref": gettext_lazy("owner_ref (业主)"),
}


DEVELOPER_REFS = {"developer", "开发商"}


DEVELOPER_REF = "developer"


MAX_LENGTHS = {"building": 50, "unit": 20, "room": 20, "owner_ref": 64}


MAX_AREA = Decimal("9999999.99")


class HouseholdFileError(Exception):
    """The file cannot be imported; ``errors`` lists every problem, with line numbers."""

    def __init__(self, errors):
        self.errors = list(errors)
        super().__init__("\n".join(str(e) for e in self.errors))


@dataclass(frozen=True)
class HouseholdRow:
    line: int
    building: str
    unit_no: str
    room: str
    area_m2: Decimal
    owner_ref: str

    @property
    def is_developer(self):
        return self.owner_ref.lower() in DEVELOPER_REFS


def clean_text(value):
    """NFKC (full-width digits and letters to ASCII) and surrounding spaces removed."""
    return unicodedata.normalize("NFKC", value or "").strip()


def decode(data):
    """Text of an uploaded file: UTF-8 (with or without Excel's BOM), else GB18030."""
    if b"\x00" in data[:4096]:
        raise HouseholdFileError(
            [_("This is not a CSV text file. In Excel, use Save As → “CSV UTF-8”.")]
        )
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("gb18030")
    except UnicodeDecodeError:
        raise HouseholdFileError(
            [_("The file is not UTF-8 text. In Excel, use Save As → “CSV UTF-8”.")]
        ) from None


def read_file(path):
    """Rows of the CSV file at ``path``; a missing or unreadable file is an error too."""
    try:
        with open(path, "rb") as file:
            data = file.read()
    except FileNotFoundError:
        raise HouseholdFileError([_("File not found: %(path)s") % {"path": path}]) from None
    except (IsADirectoryError, PermissionError, OSError) as exc:
        raise HouseholdFileError(
            [_("Cannot read %(path)s: %(error)s") % {"path": path, "error": exc.strerror}]
        ) from None
    return parse(decode(data))


def _header(names):
    header = []
    for name in names:
        key = clean_text(name).lower()
        header.append(COLUMN_ALIASES.get(key, key))
    return header


def parse(text):
    """Every row of the CSV text, validated; raises ``HouseholdFileError`` listing all
    problems (bad or non-positive area, duplicate room, missing column or value)."""
    reader = csv.reader(io.StringIO(text))
    try:
        names = next(reader, None)
        while names is not None and not any(clean_text(n) for n in names):
            names = next(reader, None)
    except csv.Error as exc:
        raise HouseholdFileError([_("Line 1: %(error)s") % {"error": exc}]) from None
    if names is None:
        raise HouseholdFileError([_("The file is empty.")])
    header = _header(names)
    missing = [column for column in COLUMNS if column not in header]
    if missing:
        raise HouseholdFileError(
            [
                _(
                    "Line %(line)d: missing column(s) %(missing)s; "
                    "the first line must be %(columns)s."
                )
                % {
                    "line": reader.line_num,
                    "missing": ", ".join(missing),
                    "columns": ",".join(COLUMNS),
                }
            ]
        )
    index = {column: header.index(column) for column in COLUMNS}
    rows, errors, seen = [], [], {}
    try:
        for values in reader:
            line = reader.line_num
            if not any(clean_text(v) for v in values):
                continue
            row, row_errors = _parse_row(line, values, index, len(header))
            errors.extend(row_errors)
            if row is None:
                continue
            address = (row.building, row.unit_no, row.room)
            if address in seen:
                errors.append(
                    _("Line %(line)d: %(address)s is already on line %(first)d.")
                    % {"line": line, "address": "-".join(address), "first": seen[address]}
                )
                continue
            seen[address] = line
            rows.append(row)
    except csv.Error as exc:
        errors.append(_("Line %(line)d: %(error)s") % {"line": reader.line_num, "error": exc})
    if errors:
        raise HouseholdFileError(errors)
    if not rows:
        raise HouseholdFileError([_("The file has a header but no households.")])
    return rows


def _parse_row(line, values, index, width):
    errors = []
    if len(values) < width:
        return None, [
            _("Line %(line)d: %(count)d column(s) instead of %(width)d.")
            % {"line": line, "count": len(values), "width": width}
        ]
    if any(clean_text(v) for v in values[width:]):
        return None, [
            _("Line %(line)d: more columns than the header (a comma inside a value?).")
            % {"line": line}
        ]
    cells = {column: clean_text(values[i]) for column, i in index.items()}
    for column in ("building", "unit", "room", "owner_ref"):
        if not cells[column]:
            errors.append(
                _("Line %(line)d: %(column)s is empty.")
                % {"line": line, "column": COLUMN_LABELS[column]}
            )
        elif len(cells[column]) > MAX_LENGTHS[column]:
            errors.append(
                _("Line %(line)d: %(column)s is longer than %(max)d characters.")
                % {"line": line, "column": COLUMN_LABELS[column], "max": MAX_LENGTHS[column]}
            )
    area, area_error = parse_area(cells["area_m2"])
    if area_error:
        errors.append(_("Line %(line)d: %(error)s") % {"line": line, "error": area_error})
    if errors:
        return None, errors
    row = HouseholdRow(
        line=line,
        building=cells["building"],
        unit_no=cells["unit"],
        room=cells["room"],
        area_m2=area,
        owner_ref=cells["owner_ref"],
    )
    return row, []


def parse_area(text):
    """(area, None) for a positive area in m² with at most two decimals, else (None, why)."""
    text = text.removesuffix("m²").removesuffix("㎡").strip()
    if not text:
        return None, _("area_m2 is empty.")
    try:
        area = Decimal(text)
    except InvalidOperation:
        return None, _("area_m2 “%(value)s” is not a number.") % {"value": text}
    if not area.is_finite():
        return None, _("area_m2 “%(value)s” is not a number.") % {"value": text}
    if area <= 0:
        return None, _("area_m2 must be more than 0, not %(value)s.") % {"value": text}
    if area > MAX_AREA:
        return None, _("area_m2 %(value)s is too large.") % {"value": text}
    if area.as_tuple().exponent < -2 and area != area.quantize(Decimal("0.01")):
        return None, _("area_m2 %(value)s has more than two decimals.") % {"value": text}
    return area.quantize(Decimal("0.01")), None


def parse_address(text):
    """(building, unit, room) from ``3号楼-1-301``, or ``None``."""
    parts = [clean_text(p) for p in clean_text(text).rsplit("-", 2)]
    if len(parts) != 3 or not all(parts):
        return None
    return tuple(parts)
