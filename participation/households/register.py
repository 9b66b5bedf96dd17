"""Write the household register from parsed rows (``csv_file.py``) and issue letter codes.

Used by ``manage.py import_households`` and by the import view in the Wagtail admin.
Every row is checked before anything is written; the register is then updated in one
transaction, so a file imports completely or not at all. Importing the same file again
changes nothing. Units missing from the file are left alone (a file may cover only
some buildings). A code is issued for every unit that has never had one, which on a
first import means every unit.
"""

import csv
import io
import re
from dataclasses import dataclass, field

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from participation.households.choices import OwnerKind
from participation.households.codes import hash_code, new_code, normalize_code
from participation.households.csv_file import DEVELOPER_REF, HouseholdFileError, parse_address
from participation.households.models import Building, Owner, Unit


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
