"""Toolchain for bilingual (Chinese/English) publications of Chinese plan proposals: one publication per folder.

Run as ``python -m scripts <command>``; MkDocs hooks live in ``scripts.hooks``.
"""
