"""HTML to PDF with WeasyPrint (CSS Paged Media: running heads, table of contents page numbers, links,
bookmarks, embedded font subsets). Why WeasyPrint and not Chromium: docs/decisions/pdf.md."""

from __future__ import annotations

import logging

from ..errors import InputError


def to_pdf(html: str, base: str) -> tuple[bytes, int]:
    """The PDF and its number of pages. ``base`` resolves relative addresses (none are expected)."""
    try:
        from weasyprint import HTML
    except (ImportError, OSError) as error:  # OSError: Pango missing (Debian libpango-1.0-0)
        raise InputError("weasyprint", None, f"cannot load WeasyPrint ({error}): run `bash scripts/install.sh --pdf`") from None
    logging.getLogger("weasyprint").setLevel(logging.ERROR)
    logging.getLogger("fontTools").setLevel(logging.ERROR)
    document = HTML(string=html, base_url=base).render()
    return document.write_pdf(), len(document.pages)
