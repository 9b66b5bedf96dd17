"""Compile every .po catalogue under portal/locale into .mo with polib.

Pure Python, so a fresh clone needs no GNU gettext (msgfmt) to show Chinese. Fuzzy
entries are left out, as msgfmt does.
"""

from pathlib import Path

import polib

LOCALE_DIR = Path(__file__).resolve().parent.parent / "portal" / "locale"


def main():
    for po_path in sorted(LOCALE_DIR.glob("*/LC_MESSAGES/*.po")):
        catalogue = polib.pofile(str(po_path))
        for entry in catalogue.fuzzy_entries():
            catalogue.remove(entry)
        catalogue.save_as_mofile(str(po_path.with_suffix(".mo")))
        print(f"compiled {po_path.relative_to(LOCALE_DIR.parent.parent)}")


if __name__ == "__main__":
    main()
