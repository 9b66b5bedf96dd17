"""``manage.py import_households``: validation with line numbers, all or nothing,
idempotence, owners and the developer, codes out, regeneration."""

import os
import stat
from decimal import Decimal
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from participation.households.choices import OwnerKind
from participation.households.codes import ALPHABET, hash_code, normalize_code
from participation.households.csv_file import HouseholdFileError, decode, parse
from participation.households.models import Building, Owner, Unit

HEADER = "building,unit,room,area_m2,owner_ref\n"
GOOD = HEADER + (
    "3号楼,1,301,89.50,A-0301\n"
    "3号楼,1,302,60,A-0301\n"
    "3号楼,2,101,120.00,developer\n"
    "12号楼,1,101,75.25,B-1101\n"
    "12号楼,1,102,75.25,开发商\n"
)


def write(tmp_path, text, name="households.csv", encoding="utf-8"):
    path = tmp_path / name
    path.write_bytes(text.encode(encoding))
    return path


def run(path, *args):
    out, err = StringIO(), StringIO()
    call_command("import_households", str(path), *args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def codes_in(output):
    lines = output.strip().splitlines()
    assert lines[0] == "building,unit,room,code"
    return {tuple(line.split(",")[:3]): line.split(",")[3] for line in lines[1:]}


def snapshot():
    return (
        list(Building.objects.values_list("name", flat=True)),
        list(Owner.objects.values_list("ref", "kind")),
        list(
            Unit.objects.values_list("building__name", "unit_no", "room", "area_m2", "owner__ref")
        ),
    )


def test_import_creates_the_register_and_prints_one_code_per_unit(db, tmp_path):
    out, err = run(write(tmp_path, GOOD))
    codes = codes_in(out)
    assert set(codes) == {
        ("3号楼", "1", "301"),
        ("3号楼", "1", "302"),
        ("3号楼", "2", "101"),
        ("12号楼", "1", "101"),
        ("12号楼", "1", "102"),
    }
    assert "5 new units" in err or "新增5户" in err
    unit = Unit.objects.get(building__name="3号楼", unit_no="1", room="301")
    assert unit.area_m2 == Decimal("89.50")
    assert unit.owner.ref == "A-0301"
    assert Unit.objects.filter(owner__ref="A-0301").count() == 2
    assert Building.objects.get(name="12号楼").sort_order == 12


def test_developer_and_kaifashang_rows_go_to_the_one_developer_owner(db, tmp_path):
    run(write(tmp_path, GOOD))
    developer = Owner.objects.get(kind=OwnerKind.DEVELOPER)
    assert developer.units.count() == 2
    assert Owner.objects.filter(kind=OwnerKind.DEVELOPER).count() == 1


def test_only_a_keyed_hash_of_each_code_is_stored(db, tmp_path):
    out, _err = run(write(tmp_path, GOOD))
    for (building, unit_no, room), code in codes_in(out).items():
        unit = Unit.objects.get(building__name=building, unit_no=unit_no, room=room)
        assert code not in unit.code_hash and normalize_code(code) not in unit.code_hash
        assert unit.code_hash == hash_code(normalize_code(code))
        assert unit.code_issued_at is not None and unit.code_used_at is None


def test_codes_are_grouped_for_reading_aloud_without_look_alikes(db, tmp_path):
    out, _err = run(write(tmp_path, GOOD))
    for code in codes_in(out).values():
        groups = code.split("-")
        assert [len(g) for g in groups] == [4, 4, 4]
        assert set("".join(groups)) <= set(ALPHABET)
    assert not set("0O1IL") & set(ALPHABET)


def test_importing_the_same_file_again_changes_nothing_and_prints_no_codes(db, tmp_path):
    path = write(tmp_path, GOOD)
    run(path)
    hashes = list(Unit.objects.order_by("pk").values_list("code_hash", flat=True))
    before = snapshot()
    out, err = run(path)
    assert codes_in(out) == {}
    assert snapshot() == before
    assert list(Unit.objects.order_by("pk").values_list("code_hash", flat=True)) == hashes


def test_reimport_updates_area_and_owner_and_keeps_the_code(db, tmp_path):
    run(write(tmp_path, GOOD))
    unit = Unit.objects.get(building__name="3号楼", unit_no="1", room="301")
    changed = GOOD.replace("3号楼,1,301,89.50,A-0301", "3号楼,1,301,91.20,C-9999")
    out, _err = run(write(tmp_path, changed, name="v2.csv"))
    unit.refresh_from_db()
    assert unit.area_m2 == Decimal("91.20")
    assert unit.owner.ref == "C-9999"
    assert codes_in(out) == {}


def test_excel_utf8_with_bom_and_chinese_names_and_headers(db, tmp_path):
    text = "\ufeff楼栋,单元,房号,面积,业主\n７号楼,１,３０１,88.8,王家\n"
    out, _err = run(write(tmp_path, text))
    unit = Unit.objects.get()
    assert (unit.building.name, unit.unit_no, unit.room) == ("7号楼", "1", "301")
    assert unit.owner.ref == "王家"
    assert ("7号楼", "1", "301") in codes_in(out)


def test_a_gb18030_file_from_chinese_excel_is_read_too(db, tmp_path):
    run(write(tmp_path, GOOD, encoding="gb18030"))
    assert Building.objects.filter(name="3号楼").exists()


def test_codes_out_writes_a_private_file_and_keeps_stdout_for_the_summary(db, tmp_path):
    target = tmp_path / "codes.csv"
    out, _err = run(write(tmp_path, GOOD), "--codes-out", str(target))
    assert "building,unit,room,code" not in out
    assert len(codes_in(target.read_text(encoding="utf-8-sig"))) == 5
    assert stat.S_IMODE(os.stat(target).st_mode) == 0o600


def test_an_unwritable_codes_file_imports_nothing(db, tmp_path):
    with pytest.raises(CommandError):
        run(write(tmp_path, GOOD), "--codes-out", str(tmp_path / "no-such-dir" / "c.csv"))
    assert not Unit.objects.exists()


def test_regenerate_issues_new_codes_for_named_units(db, tmp_path):
    out, _err = run(write(tmp_path, GOOD))
    old = codes_in(out)[("3号楼", "1", "301")]
    Unit.objects.filter(room="301").update(code_used_at="2026-01-01T00:00:00Z")
    out2 = StringIO()
    call_command("import_households", "--regenerate", "3号楼-1-301", stdout=out2, stderr=StringIO())
    new = codes_in(out2.getvalue())
    assert list(new) == [("3号楼", "1", "301")]
    unit = Unit.objects.get(room="301")
    assert new[("3号楼", "1", "301")] != old
    assert unit.code_hash == hash_code(normalize_code(new[("3号楼", "1", "301")]))
    assert unit.code_used_at is None


def test_regenerate_with_an_unknown_unit_changes_no_code(db, tmp_path):
    run(write(tmp_path, GOOD))
    hashes = list(Unit.objects.order_by("pk").values_list("code_hash", flat=True))
    with pytest.raises(CommandError) as error:
        call_command(
            "import_households",
            "--regenerate",
            "3号楼-1-301",
            "9号楼-1-101",
            "乱写",
            stdout=StringIO(),
            stderr=StringIO(),
        )
    assert "9号楼-1-101" in str(error.value)
    assert "乱写" in str(error.value)
    assert list(Unit.objects.order_by("pk").values_list("code_hash", flat=True)) == hashes


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (HEADER + "3号楼,1,301,abc,A\n", "第2行"),
        (HEADER + "3号楼,1,301,-5,A\n", "第2行"),
        (HEADER + "3号楼,1,301,0,A\n", "第2行"),
        (HEADER + "3号楼,1,301,89.555,A\n", "第2行"),
        (HEADER + "3号楼,1,301,NaN,A\n", "第2行"),
        (HEADER + "3号楼,1,301,,A\n", "第2行"),
        (HEADER + "3号楼,1,301,80,A\n3号楼,1,301,81,B\n", "第3行"),
        (HEADER + "3号楼,1,301,80\n", "第2行"),
        (HEADER + "3号楼,1,301,80,A,extra\n", "第2行"),
        (HEADER + ",1,301,80,A\n", "第2行"),
        ("building,unit,room,owner_ref\n3号楼,1,301,A\n", "area_m2"),
        ("", "空"),
        (HEADER, "没有"),
    ],
)
def test_bad_files_are_refused_with_the_line_and_nothing_is_written(db, tmp_path, text, expected):
    with pytest.raises(CommandError) as error:
        run(write(tmp_path, text))
    assert expected in str(error.value)
    assert not Unit.objects.exists()
    assert not Building.objects.exists()


def test_one_bad_row_at_the_end_keeps_the_whole_file_out(db, tmp_path):
    text = GOOD + "".join(f"5号楼,1,{100 + n},80,P{n}\n" for n in range(200)) + "5号楼,1,999,-1,Z\n"
    with pytest.raises(CommandError) as error:
        run(write(tmp_path, text))
    assert "第207行" in str(error.value)
    assert snapshot() == ([], [], [])


def test_every_problem_is_listed_not_just_the_first(db):
    with pytest.raises(HouseholdFileError) as error:
        parse(HEADER + "3号楼,1,301,-1,A\n3号楼,1,302,x,A\n3号楼,1,303,80,A\n3号楼,1,303,80,A\n")
    lines = "\n".join(error.value.errors)
    assert "第2行" in lines and "第3行" in lines and "第5行" in lines


def test_a_missing_file_is_a_clear_error(db, tmp_path):
    with pytest.raises(CommandError) as error:
        run(tmp_path / "nope.csv")
    assert "nope.csv" in str(error.value)
    assert "找不到" in str(error.value)


def test_no_file_and_no_regenerate_is_a_usage_error(db):
    with pytest.raises(CommandError):
        call_command("import_households", stdout=StringIO(), stderr=StringIO())


def test_an_excel_workbook_is_refused_with_a_hint(db):
    with pytest.raises(HouseholdFileError) as error:
        decode(b"PK\x03\x04\x00\x00binary")
    assert "CSV" in error.value.errors[0]
