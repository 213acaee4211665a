"""Paragraph breaks, one definition for every part that reads them (tagger, quotations, events)."""

from __future__ import annotations

import bisect
import re
from functools import lru_cache
from typing import Iterator

# the bullet that opens an item of a list ("- ", "* ", "• ") at a line's start, before a capital, a digit or a
# quotation mark (not a number: "2. 5th June - March to the Parliament", an entry of a schedule, is read with its
# date; nor "\n- and money - over the next decade", a dash at a hard-wrapped line's start; nor the lower-case
# items a colon introduces, "include:\n- a ban on gatherings", which go on with their sentence)
_BULLET = r"[ \t]*[-*•][ \t]"  # a bullet at a line's start, whatever follows
LIST_MARKER = re.compile(_BULLET + r"[ \t]*(?=[A-Z0-9\"“'‘(@#])")


class _Breaks:
    """Where paragraphs end: a blank line, however many, or a line break before a list's item (each bullet of a
    list is a paragraph of its own: "- Peru cuts ties with Mexico.\n- Áñez is freed after a court annulled her
    sentence the previous day." tells two stories, not one), unless a colon introduces the list ("Under the
    plan, Hamas will:\n- Release all hostages\n- Hand over its weapons" is one sentence). With a compiled
    pattern's `finditer`, `search` and `findall` (matches of blank lines or of one line break), so that every
    part reads breaks alike; the breaks of a text are found once (`_breaks_of`), then looked up."""

    def __init__(self, items: bool = True, blank: bool = True):
        self._items, self._blank = items, blank

    def finditer(self, text: str, pos: int = 0, endpos: int | None = None) -> "Iterator[re.Match[str]]":
        endpos = len(text) if endpos is None else endpos
        starts, breaks = _breaks_of(text)
        for m in breaks[bisect.bisect_left(starts, pos):]:
            if m.start() >= endpos:
                return
            blank = m.end() - m.start() > 1
            if (self._blank if blank else self._items) and (not blank or m.end() <= endpos):
                yield m  # (the bullet after a break may lie past `endpos`, a blank line may not)

    def search(self, text: str, pos: int = 0, endpos: int | None = None) -> "re.Match[str] | None":
        return next(self.finditer(text, pos, endpos), None)

    def findall(self, text: str, pos: int = 0, endpos: int | None = None) -> list[str]:
        return [m.group() for m in self.finditer(text, pos, endpos)]


_ANY_BREAK = re.compile(r"\n\s*\n|\n(?=" + LIST_MARKER.pattern + ")")


def _breaks_of(text: str) -> "tuple[list[int], list[re.Match[str]]]":
    """The paragraph breaks of a text, in order, and where each starts: blank lines, and the line breaks before
    the bullets of a list no colon introduces. (A document's are found once: every part asks of it many times;
    a name's few characters are read at once.)"""
    return _document_breaks(text) if len(text) > SHORT_TEXT else _find_breaks(text)


SHORT_TEXT = 500  # characters: a name or a phrase, not a document


def _find_breaks(text: str) -> "tuple[list[int], list[re.Match[str]]]":
    breaks = [m for m in _ANY_BREAK.finditer(text)
              if m.end() - m.start() > 1 or not _introduced_by_colon(text, m.start())]
    return [m.start() for m in breaks], breaks


_document_breaks = lru_cache(maxsize=8)(_find_breaks)


def _introduced_by_colon(text: str, newline: int) -> bool:
    """The bullet after the line break at `newline` is one of a list a line ending in a colon introduces:
    up through the bullets before it to the line the list hangs from."""
    end = newline
    while end > 0:
        start = text.rfind("\n", 0, end) + 1
        if not _BULLET_LINE.match(text, start):
            return text[start:end].rstrip().endswith(":")
        end = start - 1
    return False


_BULLET_LINE = re.compile(_BULLET)
PARAGRAPH_BREAK = _Breaks()
_LIST_ITEM_BREAK = _Breaks(blank=False)
# a paragraph that ends as a sentence does, its sources' names after it or not ("... in Vietnam. (AP) (DW)")
# a source's name in parentheses after a sentence (" (AFP via Yahoo! News)"), or a note on it with one aside of
# its own (" (Link dead as of 22:35, 14 January 2007 (UTC))")
_SOURCE = r"\s*\((?:[^()\n]|\([^()\n]{1,20}\)){1,80}\)"
PROSE_END = re.compile(r"[.!?\"”'’](?:" + _SOURCE + r")*\s*$")
_SOURCES_AT_END = re.compile(r"[.!?\"”'’]((?:" + _SOURCE + r")+)\s*$")
_ENDS_AS_SENTENCE = re.compile(r"[.!?]\)\s*$")  # "(Prison sentence: 11 years.)": an aside, not a name


def trailing_sources(text: str) -> list[tuple[int, int]]:
    """The (start, end) of what stands in parentheses after a paragraph's last sentence ("... in Vietnam. (AFP
    via Courthouse News Service) (AP)"): the sources' names the news came from, no story, when they hold no
    clause (the caller checks for a subject: not "(Both were released on bail on Tuesday)")."""
    out = []
    for a, b in paragraph_spans(text):
        m = _SOURCES_AT_END.search(text, a, b)
        if m and not _ENDS_AS_SENTENCE.search(text, a, b):
            out.append(m.span(1))
    return out


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


LABEL_WORDS = 4  # words a category line over a short list has at most ("Armed conflicts and attacks")
HEADING_WORDS = 5  # words a section's heading inside an article has at most ("Reactions online")
_NOT_A_HEADING = re.compile(r"[@#:/]|\d+[.)]\s|[-—–,;]\s*$")  # a post, a link, a numbered entry, a cut line


def section_headings(text: str) -> list[tuple[int, int]]:
    """The (start, end) of the headings of an article's sections: a short line of its own after the first
    paragraph and before another, not ending as prose ("Reactions online", "Hiring employees", "Awaiting the
    Results"): a name for what the section tells, no event of its own (not a numbered entry, "1. First rumors
    spread", nor a post's line with a handle, a tag or a link, nor a line cut off, "Depending on the election
    year --", nor what an intro ending in a colon quotes). None in a digest, whose lines are its stories and
    their labels."""
    if is_digest(text):
        return []
    spans = paragraph_spans(text)
    out = []
    for k, (a, b) in enumerate(spans):
        line = text[a:b].strip()
        if (k == 0 or k + 1 >= len(spans) or not line or "\n" in line or len(line.split()) > HEADING_WORDS
                or PROSE_END.search(text, a, b) or _NOT_A_HEADING.search(line) or LIST_MARKER.match(text, a)
                or _BULLET_LINE.match(text, a)):
            continue
        before = text[spans[k - 1][0]:spans[k - 1][1]].rstrip()
        if before.endswith(":") or re.search(r"[@#]", before):
            continue  # a quotation an intro or a post brings ("Khalil notes:\n\nShe dnt have a choice"), or its
            # translation
        out.append((a, b))
    return out


DIGEST_BULLETS = 3  # bullets a digest has at least (not an article's two summary bullets under its headline)


@lru_cache(maxsize=8)
def is_digest(text: str) -> bool:
    """A text mostly of bullets, each a story of its own (a Wikipedia Current Events page). (Cached: the trigger
    finder, its labels and headings, and the story's time all ask it of a document.)"""
    spans = paragraph_spans(text)
    bullets = sum(bool(LIST_MARKER.match(text, a)) for a, _ in spans)
    return bullets >= DIGEST_BULLETS and bullets * 2 > len(spans)


def topic_labels(text: str) -> list[tuple[int, int]]:
    """The (start, end) of the bullets and lines that may label a topic rather than tell a story ("- Sudanese
    civil war", "- Murder of Agnes Wanjiru", a digest's story headings over its items, and the line right over
    a digest's bullets or over a list of two or more, "Armed conflicts and attacks", "Disasters"): they do not
    end as prose nor in a colon, a bullet follows them, and no colon introduces their list ("The measures
    include:\n- A ban on gatherings\n- ..." lists the parts of a sentence). The caller checks they hold no
    verb."""
    spans = paragraph_spans(text)
    digest = is_digest(text)
    out = []
    for k, (a, b) in enumerate(spans):
        if PROSE_END.search(text, a, b) or text[a:b].rstrip().endswith(":"):
            continue
        if k + 1 >= len(spans) or not LIST_MARKER.match(text, spans[k + 1][0]):
            continue  # (a heading has its items under it)
        if not LIST_MARKER.match(text, a):
            listed = (k + 2 < len(spans) and LIST_MARKER.match(text, spans[k + 2][0])
                      and len(text[a:b].split()) <= LABEL_WORDS)
            if (digest or listed) and spans[k + 1][0] == b + 1:
                # a line right over a list of at least two bullets ("Disasters\n- ...\n- ..."), in a digest or, when
                # short, not (not a headline over its summary bullets: "Earthquake of magnitude 7.2 strikes off
                # the coast of Japan"; nor one a blank line sets apart; the caller keeps a line with a verb)
                out.append((a, b))
            continue
        first = k
        while first and LIST_MARKER.match(text, spans[first][0]):
            first -= 1  # up to the line the list hangs from
        if first != k and not LIST_MARKER.match(text, spans[first][0]) and text[:spans[first][1]].rstrip().endswith(":"):
            continue
        out.append((a, b))
    return out
