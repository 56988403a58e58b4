"""``python -m scripts pdf``: the whole document as PDFs (Chinese, English, bilingual) from the built site."""

EDITIONS = ("zh", "en", "bilingual")


def pdf_name(edition: str) -> str:
    """Where an edition's PDF is in the site (the home page links it: scripts/hooks/home.py)."""
    return f"downloads/proposal-{edition}.pdf"
