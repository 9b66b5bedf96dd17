"""The committee's paper collection, typed into a spreadsheet, imported as drafts.

A CSV (UTF-8, with or without Excel's BOM, or GB18030) or XLSX file, one motto a line,
the first line naming the columns (English or Chinese headers). Every line is checked
first, with the model's own rules (couplet lines, consent); the file goes in
completely or not at all, and errors name the line. Each motto becomes a draft with a
revision in the moderation workflow, never live.
"""

import csv
import io

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from home.mottos.choices import FamilyDisplay, MottoKind
from home.mottos.models import FamilyMotto, MottoTheme
from home.mottos.submissions import start_moderation
from participation.households.models import Building

MAX_ROWS = 1000
COLUMNS = {
    "kind": ("kind", "类别"),
    "theme": ("theme", "主题"),
    "text": ("text", "内容", "家训"),
    "upper_line": ("upper_line", "上联"),
    "lower_line": ("lower_line", "下联"),
    "horizontal": ("horizontal", "横批"),
    "story": ("story", "故事"),
    "family_name": ("family_name", "姓氏"),
    "family_display": ("family_display", "显示方式"),
    "building": ("building", "楼栋"),
    "consent": ("consent", "同意"),
}
KIND_WORDS = {"家训": MottoKind.PROSE, "家风": MottoKind.PHRASE, "对联": MottoKind.COUPLET}
DISPLAY_WORDS = {
    "姓氏和楼栋": FamilyDisplay.FAMILY_AND_BUILDING,
    "姓氏": FamilyDisplay.FAMILY,
    "一户居民": FamilyDisplay.ANONYMOUS,
    "": FamilyDisplay.ANONYMOUS,
}
YES = {"是", "同意", "yes", "y", "1", "true"}


class MottoFileError(Exception):
    """The file cannot be imported; ``errors`` lists every problem, with line numbers."""

    def __init__(self, errors):
        super().__init__("; ".join(errors))
        self.errors = errors


def read_rows(name, data):
    """The file's lines as lists of strings, with their line numbers."""
    if name.lower().endswith(".xlsx"):
        from openpyxl import load_workbook

        try:
            sheet = load_workbook(io.BytesIO(data), read_only=True, data_only=True).active
        except Exception as exc:
            raise MottoFileError([_("The file is not a readable XLSX workbook.")]) from exc
        rows = [
            ["" if v is None else str(v).strip() for v in row]
            for row in sheet.iter_rows(values_only=True)
        ]
    else:
        for encoding in ("utf-8-sig", "gb18030"):
            try:
                text = data.decode(encoding)
                break
            except UnicodeDecodeError:
                continue
        else:
            raise MottoFileError([_("The file is neither UTF-8 nor GB18030 text.")])
        rows = [[cell.strip() for cell in row] for row in csv.reader(io.StringIO(text))]
    return [(number, row) for number, row in enumerate(rows, start=1) if any(row)]


def _header(row):
    lookup = {alias.lower(): name for name, aliases in COLUMNS.items() for alias in aliases}
    columns = [lookup.get(cell.lower()) for cell in row]
    missing = {"kind", "theme"} - set(columns)
    if missing:
        raise MottoFileError([_("Line 1: the columns kind (类别) and theme (主题) are needed.")])
    return columns


def _motto(values, themes, buildings, now):
    kind = KIND_WORDS.get(values.get("kind", ""), values.get("kind", ""))
    display = DISPLAY_WORDS.get(values.get("family_display", ""), values.get("family_display"))
    errors = []
    if kind not in MottoKind.values:
        errors.append(
            _("unknown kind “%(value)s” (家训, 家风 or 对联)") % {"value": values.get("kind")}
        )
    theme = themes.get(values.get("theme", ""))
    if theme is None:
        errors.append(_("unknown theme “%(value)s”") % {"value": values.get("theme", "")})
    if display not in FamilyDisplay.values:
        errors.append(_("unknown display “%(value)s”") % {"value": values.get("family_display")})
    building = None
    if values.get("building"):
        building = buildings.get(values["building"])
        if building is None:
            errors.append(_("unknown building “%(value)s”") % {"value": values["building"]})
    if errors:
        return None, errors
    consented = values.get("consent", "").lower() in YES
    motto = FamilyMotto(
        kind=kind,
        theme=theme,
        text=values.get("text", ""),
        upper_line=values.get("upper_line", ""),
        lower_line=values.get("lower_line", ""),
        horizontal=values.get("horizontal", ""),
        story=values.get("story", ""),
        family_name=values.get("family_name", ""),
        family_display=display,
        building=building,
        consent_at=now if consented else None,
        live=False,
    )
    try:
        motto.full_clean(exclude=["theme", "building"])
    except ValidationError as exc:
        return None, [message for messages in exc.message_dict.values() for message in messages]
    return motto, []


def parse(name, data):
    """Check every line; return unsaved mottos, or raise ``MottoFileError``."""
    rows = read_rows(name, data)
    if not rows:
        raise MottoFileError([_("The file is empty.")])
    if len(rows) - 1 > MAX_ROWS:
        raise MottoFileError([_("At most %(count)d mottos per file.") % {"count": MAX_ROWS}])
    columns = _header(rows[0][1])
    themes = {theme.name: theme for theme in MottoTheme.objects.all()}
    buildings = {building.name: building for building in Building.objects.all()}
    now = timezone.now()
    mottos, errors = [], []
    for number, row in rows[1:]:
        values = {col: cell for col, cell in zip(columns, row, strict=False) if col}
        motto, problems = _motto(values, themes, buildings, now)
        errors.extend(
            _("Line %(line)d: %(problem)s") % {"line": number, "problem": problem}
            for problem in problems
        )
        if motto is not None:
            mottos.append(motto)
    if errors:
        raise MottoFileError(errors)
    if not mottos:
        raise MottoFileError([_("The file has no mottos below its first line.")])
    return mottos


def import_mottos(mottos, user):
    """Save the checked mottos as drafts, each in the moderation workflow; all or none."""
    with transaction.atomic():
        for motto in mottos:
            motto.save()
            start_moderation(motto, user)
    return len(mottos)
