"""Paragraph breaks, one definition for every part that reads them (tagger, quotations, events)."""

from __future__ import annotations

import re

# a blank line, however many: where a paragraph ends and the next begins
PARAGRAPH_BREAK = re.compile(r"\n\s*\n")


def paragraph_spans(text: str) -> list[tuple[int, int]]:
    """The (start, end) of each paragraph of a text, the blank lines between them left out."""
    spans, start = [], 0
    for m in PARAGRAPH_BREAK.finditer(text):
        spans.append((start, m.start()))
        start = m.end()
    spans.append((start, len(text)))
    return spans


def crosses_paragraph(text: str, a: int, b: int) -> bool:
    """A paragraph break lies between offsets `a` and `b` (in either order): no parse, quotation, date or
    argument reaches across it."""
    lo, hi = (a, b) if a <= b else (b, a)
    return PARAGRAPH_BREAK.search(text, lo, hi) is not None
