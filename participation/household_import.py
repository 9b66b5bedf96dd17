"""Import the household register from a CSV file and issue letter codes.

Used by ``manage.py import_households`` and by the import view in the Wagtail admin.
The file has the columns ``building,unit,room,area_m2,owner_ref``: ``owner_ref`` groups
the units of one owner (they count as one head, Civil Code Art. 278 and the Supreme
People's Court interpretation on building co-ownership, Art. 9), and ``developer``
(or 开发商) marks units the developer has not sold or delivered, which all belong to
the one developer ``Owner``.

Every row is checked before anything is written; the register is then updated in one
transaction, so a file imports completely or not at all. Importing the same file again
changes nothing. Units missing from the file are left alone (a file may cover only
some buildings). A code is issued for every unit that has never had one, which on a
first import means every unit.
"""

import csv
import io
import re
import unicodedata
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from participation.choices import OwnerKind
from participation.codes import hash_code, new_code, normalize_code
from participation.models import Building, Owner, Unit

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


@dataclass(frozen=True)
class Letter:
    """What one household's letter says: the address and the code, in plain text."""

    building: str
    unit_no: str
    room: str
    code: str


@dataclass
class ImportResult:
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    buildings_created: int = 0
    owners_created: int = 0
    letters: list = field(default_factory=list)


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


def _sort_order(name):
    match = re.match(r"\d+", name)
    return int(match.group()) if match else 0


def _issue(unit, now):
    code = new_code()
    unit.code_hash = hash_code(normalize_code(code))
    unit.code_issued_at = now
    unit.code_used_at = None
    return Letter(unit.building.name, unit.unit_no, unit.room, code)


def import_rows(rows, *, write_letters=None, now=None):
    """Create or update the register from validated rows, in one transaction.

    ``write_letters(letters)`` runs inside the transaction, so if the codes cannot be
    written out (a full disk, a closed pipe) nothing is imported and no code is lost.
    """
    now = now or timezone.now()
    try:
        with transaction.atomic():
            result = _import(rows, now)
            if write_letters is not None:
                write_letters(result.letters)
    except IntegrityError:
        # Only a concurrent import can get here: every row was validated first.
        raise HouseholdFileError(
            [_("The register changed while importing (another import?). Please try again.")]
        ) from None
    return result


def _import(rows, now):
    result = ImportResult()
    buildings = {b.name: b for b in Building.objects.all()}
    owners = {o.ref: o for o in Owner.objects.all()}
    developer = next((o for o in owners.values() if o.kind == OwnerKind.DEVELOPER), None)
    units = {
        (u.building.name, u.unit_no, u.room): u for u in Unit.objects.select_related("building")
    }
    new_units, changed_units = [], []
    for row in rows:
        building = buildings.get(row.building)
        if building is None:
            building = Building.objects.create(
                name=row.building, sort_order=_sort_order(row.building)
            )
            buildings[row.building] = building
            result.buildings_created += 1
        if row.is_developer:
            if developer is None:
                developer = Owner.objects.create(ref=DEVELOPER_REF, kind=OwnerKind.DEVELOPER)
                result.owners_created += 1
            owner = developer
        else:
            owner = owners.get(row.owner_ref)
            if owner is None:
                owner = Owner.objects.create(ref=row.owner_ref, kind=OwnerKind.PERSON)
                owners[owner.ref] = owner
                result.owners_created += 1
        unit = units.get((row.building, row.unit_no, row.room))
        if unit is None:
            unit = Unit(
                building=building,
                unit_no=row.unit_no,
                room=row.room,
                area_m2=row.area_m2,
                owner=owner,
            )
            result.letters.append(_issue(unit, now))
            new_units.append(unit)
            continue
        changed = unit.area_m2 != row.area_m2 or unit.owner_id != owner.pk
        unit.area_m2, unit.owner = row.area_m2, owner
        if not unit.code_hash and unit.code_used_at is None:
            result.letters.append(_issue(unit, now))
            changed = True
        if changed:
            changed_units.append(unit)
    Unit.objects.bulk_create(new_units, batch_size=500)
    Unit.objects.bulk_update(
        changed_units,
        ["area_m2", "owner", "code_hash", "code_issued_at", "code_used_at"],
        batch_size=500,
    )
    result.created = len(new_units)
    result.updated = len(changed_units)
    result.unchanged = len(rows) - result.created - result.updated
    return result


def parse_address(text):
    """(building, unit, room) from ``3号楼-1-301``, or ``None``."""
    parts = [clean_text(p) for p in clean_text(text).rsplit("-", 2)]
    if len(parts) != 3 or not all(parts):
        return None
    return tuple(parts)


def regenerate_codes(addresses, *, write_letters=None, now=None):
    """New codes for the named units (``3号楼-1-301``); their old codes stop working.

    All or nothing: an unknown or malformed address is an error and no code changes.
    """
    now = now or timezone.now()
    errors, wanted = [], []
    for text in addresses:
        address = parse_address(text)
        if address is None:
            errors.append(
                _("“%(text)s” is not an address like 3号楼-1-301 (building-unit-room).")
                % {"text": text}
            )
        elif address not in wanted:
            wanted.append(address)
    if not wanted and not errors:
        errors.append(_("Name at least one unit, like 3号楼-1-301."))
    letters = []
    with transaction.atomic():
        for building, unit_no, room in wanted:
            unit = (
                Unit.objects.select_related("building")
                .select_for_update(of=("self",))
                .filter(building__name=building, unit_no=unit_no, room=room)
                .first()
            )
            if unit is None:
                errors.append(
                    _("There is no unit %(address)s in the register.")
                    % {"address": f"{building}-{unit_no}-{room}"}
                )
                continue
            letters.append(_issue(unit, now))
            unit.save(update_fields=["code_hash", "code_issued_at", "code_used_at"])
        if errors:
            raise HouseholdFileError(errors)
        if write_letters is not None:
            write_letters(letters)
    return letters


def letters_csv(letters):
    """The codes as CSV text (with a BOM, so Excel shows the Chinese correctly)."""
    out = io.StringIO()
    out.write("\ufeff")
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["building", "unit", "room", "code"])
    for letter in letters:
        writer.writerow([letter.building, letter.unit_no, letter.room, letter.code])
    return out.getvalue()
