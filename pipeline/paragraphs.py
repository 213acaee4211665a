"""Paragraph breaks, one definition for every part that reads them (tagger, quotations, events)."""

from __future__ import annotations

import re

# a blank line, however many: where a paragraph ends and the next begins
PARAGRAPH_BREAK = re.compile(r"\n\s*\n")


def crosses_paragraph(text: str, a: int, b: int) -> bool:
    """A paragraph break lies between offsets `a` and `b` (in either order): no parse, quotation, date or
    argument reaches across it."""
    lo, hi = (a, b) if a <= b else (b, a)
    return PARAGRAPH_BREAK.search(text, lo, hi) is not None
