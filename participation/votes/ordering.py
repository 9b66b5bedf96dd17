"""Natural order for addresses: 1号楼 before 2号楼 before 10号楼, room 201 before 1001."""

import re

_PARTS = re.compile(r"(\d+)")


def natural_key(text):
    """A sort key that compares runs of digits as numbers and the rest as text, so
    that a list of voters or rooms reads the way a resident walks the estate."""
    return tuple(
        (0, int(part), "") if part.isdigit() else (1, 0, part.casefold())
        for part in _PARTS.split(text or "")
        if part
    )
