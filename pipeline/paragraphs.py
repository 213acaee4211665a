"""Paragraph breaks, one definition for every part that reads them (tagger, quotations, events)."""

from __future__ import annotations

import re
from functools import lru_cache

# the bullet that opens an item of a list ("- ", "* ", "• ") at a line's start (not a number: "2. 5th June -
# March to the Parliament", an entry of a schedule, is read with its date)
LIST_MARKER = re.compile(r"[ \t]*[-*•][ \t]")
# a blank line, however many, or a line break before a list's item: where a paragraph ends and the next
# begins (each bullet of a list is a paragraph of its own: "- Peru cuts ties with Mexico.\n- Áñez is freed
# after a court annulled her sentence the previous day." tells two stories, not one)
PARAGRAPH_BREAK = re.compile(r"\n\s*\n|\n(?=" + LIST_MARKER.pattern + ")")
_LIST_ITEM_BREAK = re.compile(r"\n(?=" + LIST_MARKER.pattern + ")")
# a paragraph that ends as a sentence does, its sources' names after it or not ("... in Vietnam. (AP) (DW)")
PROSE_END = re.compile(r"[.!?\"”'’](?:\s*\([^()\n]{1,80}\))*\s*$")


def paragraph_spans(text: str) -> list[tuple[int, int]]:
    """The (start, end) of each paragraph of a text, the blank lines between them left out."""
    spans, start = [], 0
    for m in PARAGRAPH_BREAK.finditer(text):
        spans.append((start, m.start()))
        start = m.end()
    spans.append((start, len(text)))
    return spans


def crosses_list_item(text: str, a: int, b: int) -> bool:
    """A line break before a list's bullet lies between offsets `a` and `b` (in either order): a digest's items
    are separate stories, and no date of one anchors another ("- Peace talks resume on April 1. ...\n- MPs
    voted earlier in the day": the day of the page)."""
    lo, hi = (a, b) if a <= b else (b, a)
    return _LIST_ITEM_BREAK.search(text, lo, hi) is not None


def crosses_paragraph(text: str, a: int, b: int) -> bool:
    """A paragraph break lies between offsets `a` and `b` (in either order): no parse, quotation, date or
    argument reaches across it."""
    lo, hi = (a, b) if a <= b else (b, a)
    return PARAGRAPH_BREAK.search(text, lo, hi) is not None


# a heading after which an article lists its sources or links, no story ("Sources", "External links"), and a
# line of categories
_APPARATUS_HEADING = re.compile(r"(?i)(?:sources?|references|external\s+links|see\s+also|related\s+(?:news|articles|stories|posts)|further\s+reading)\s*:?")
_CATEGORIES = re.compile(r"(?i)categor(?:y|ies)\s*:")


@lru_cache(maxsize=8)
def apparatus_start(text: str) -> int | None:
    """Where an article's apparatus begins: its sources, links and categories after a heading of their own
    ("Sources" on a line, then "'Document found on street' -- CBC.ca, August 15, 2008"). None without one.
    (Cached: trigger finding and the story's time both ask for it.)"""
    for start, end in paragraph_spans(text):
        para = text[start:end].strip()
        if _APPARATUS_HEADING.fullmatch(para) or _CATEGORIES.match(para):
            return start
    return None


def topic_labels(text: str) -> list[tuple[int, int]]:
    """The (start, end) of the bullets that label a topic rather than tell a story ("- Sudanese civil war",
    "- Murder of Agnes Wanjiru", a digest's story headings over its items): they do not end as prose. The
    caller checks they hold no finite verb."""
    return [(a, b) for a, b in paragraph_spans(text)
            if LIST_MARKER.match(text, a) and not PROSE_END.search(text, a, b)]
