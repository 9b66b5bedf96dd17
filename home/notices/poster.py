"""Printed notice-board posters: QR codes as inline SVG (no image files, no network)."""

import segno


def qr_svg(url):
    """Return an inline <svg> QR code for ``url``, medium error correction so a
    scuffed or partly covered poster on a notice board still scans."""
    return segno.make(url, error="m", micro=False).svg_inline(
        scale=6, dark="#000", light="#fff", title=url
    )
