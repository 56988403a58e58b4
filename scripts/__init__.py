"""Toolchain for the bilingual edition of the Lucheng 14th Five-Year Plan proposal.

Run as ``python -m scripts <command>``; MkDocs hooks live in ``scripts.hooks``.
"""
