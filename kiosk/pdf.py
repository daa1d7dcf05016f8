"""HTML to PDF with WeasyPrint, for posters and the monthly report.

Only text fonts are named in our stylesheets; emoji come from fontconfig's fallback to Noto
Color Emoji. Naming the emoji font in `font-family` makes digits render from it.
"""

from __future__ import annotations

from pathlib import Path

STATIC = Path(__file__).resolve().parent.parent / "static"


def render(html: str, base_url: str | None = None) -> bytes:
    from weasyprint import HTML  # heavy; only commands that make PDFs pay for it

    return HTML(string=html, base_url=base_url or STATIC.as_uri() + "/").write_pdf()
