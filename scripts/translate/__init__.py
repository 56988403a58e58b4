"""``python -m scripts translate``: machine drafts and reviews of English blocks (entry point: command.py)."""
