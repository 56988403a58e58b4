"""``python -m scripts pdf``: the whole document as PDFs (Chinese, English, bilingual) from the built site."""
