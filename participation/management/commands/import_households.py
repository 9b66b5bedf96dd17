"""``manage.py import_households FILE.csv [--codes-out FILE] [--regenerate 3号楼-1-301 …]``

Imports the household register (see ``participation.households.register``) and writes one
letter code per unit that gets one, as CSV (building,unit,room,code), to stdout or to
``--codes-out`` (created with mode 600). The summary goes to stderr when the codes go
to stdout, so ``> codes.csv`` captures only the codes.
"""

import os

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils.translation import gettext as _

from participation.households.csv_file import HouseholdFileError, read_file
from participation.households.register import import_rows, letters_csv, regenerate_codes


class Command(BaseCommand):
    help = (
        "Import households from a CSV file (building,unit,room,area_m2,owner_ref) "
        "and issue letter codes."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "file", nargs="?", help="CSV file: building,unit,room,area_m2,owner_ref"
        )
        parser.add_argument(
            "--codes-out", help="Write the new codes to this file instead of stdout."
        )
        parser.add_argument(
            "--regenerate",
            nargs="+",
            metavar="BUILDING-UNIT-ROOM",
            help="Issue new codes for these units, e.g. 3号楼-1-301 (old codes stop working).",
        )

    def handle(self, *args, file=None, codes_out=None, regenerate=None, **options):
        if not file and not regenerate:
            raise CommandError(_("Give a CSV file, or --regenerate with unit addresses."))
        summary_out = self.stdout if codes_out else self.stderr
        write = self._writer(codes_out)
        letters = []
        try:
            # One transaction: if the codes cannot be written, nothing is imported.
            with transaction.atomic():
                if file:
                    rows = read_file(file)
                    result = import_rows(rows)
                    letters.extend(result.letters)
                if regenerate:
                    letters.extend(regenerate_codes(regenerate))
                write(letters_csv(letters))
        except HouseholdFileError as exc:
            raise CommandError(
                "\n".join([_("Nothing was changed."), *(str(e) for e in exc.errors)])
            ) from None
        if file:
            summary_out.write(
                _(
                    "%(rows)d rows: %(created)d new units, %(updated)d updated, "
                    "%(unchanged)d unchanged; %(buildings)d new buildings, %(owners)d new owners."
                )
                % {
                    "rows": len(rows),
                    "created": result.created,
                    "updated": result.updated,
                    "unchanged": result.unchanged,
                    "buildings": result.buildings_created,
                    "owners": result.owners_created,
                },
                style_func=self.style.SUCCESS,
            )
        summary_out.write(
            _("%(count)d codes written to %(target)s.")
            % {"count": len(letters), "target": codes_out or "stdout"},
            style_func=self.style.SUCCESS,
        )

    def _writer(self, path):
        if not path:
            return lambda text: self.stdout.write(text.removeprefix("\ufeff"), ending="")
        try:
            fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        except OSError as exc:
            raise CommandError(
                _("Cannot write %(path)s: %(error)s") % {"path": path, "error": exc.strerror}
            ) from None

        def write(text):
            with os.fdopen(fd, "w", encoding="utf-8", newline="") as out:
                out.write(text)

        return write
