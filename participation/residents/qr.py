"""An inline SVG QR code for a printed sheet (segno; no network, no images on disk)."""

import segno
from django.utils.safestring import mark_safe


def qr_svg(url):
    """Medium error correction, so a creased sheet still scans."""
    return mark_safe(  # noqa: S308 -- segno writes the SVG and escapes the title
        segno.make(url, error="m", micro=False).svg_inline(
            scale=5, dark="#000", light="#fff", title=url
        )
    )
