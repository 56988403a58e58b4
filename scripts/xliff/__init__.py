"""The CAT-tool round trip: English blocks out to OmegaT, Trados, memoQ or Weblate as XLIFF and back.

XLIFF 1.2, not 2.x: OmegaT (3.6 in Debian, and its native filter to this day), Weblate and the
translate-toolkit that Weblate is built on read and write 1.2; Trados and memoQ read both. One
``<trans-unit>`` per block, its id ``PAGE:BLOCK-ID``, one ``<file>`` per page. Markdown inline markup
(``*``, ``[^tn-…]`` references, escapes) stays as plain text in source and target. ``tmx`` writes
the reviewed blocks as a TMX translation memory.
"""
