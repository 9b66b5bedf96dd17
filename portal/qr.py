"""An inline SVG QR code for anything printed: notice and bill posters, certificates,
check-in sheets, the sheet of an account made at the office (segno; no network, no
image files).

Medium error correction, so that a creased sheet or a scuffed poster on a notice board
still scans; black on white, with the address as the SVG's title for screen readers.
"""

import segno
from django.utils.safestring import mark_safe


def qr_svg(url, scale=6, border=4):
    """The ``<svg>`` of a QR code for ``url``, safe to print in a template."""
    return mark_safe(  # noqa: S308 -- segno writes the SVG and escapes the title
        segno.make(url, error="m", micro=False).svg_inline(
            scale=scale, border=border, dark="#000", light="#fff", title=url
        )
    )
