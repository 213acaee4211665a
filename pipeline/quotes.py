"""Quoted stretches of a text: the temporal tagger reads a quotation's "today" at the time it was said,
event extraction marks what is quoted and by whom. Shared by both, so it lives apart from either."""

from __future__ import annotations

import bisect
import re
from functools import lru_cache

from pipeline.paragraphs import crosses_paragraph

# opening and closing marks, curly, TeX-style (TimeBank), straight and guillemets
QUOTE_PAIRS: tuple[tuple[str, str], ...] = (('“', '”'), ('``', "''"), ('"', '"'), ('«', '»'))


_POST_LINE = re.compile(r"(?m)^[ \t]*(?:(?P<handle>@\w{1,30}):|>)[ \t]*(?P<said>\S(?:[^\n]*\S)?)")


# the line that introduces it has a speech verb a few words before its closing colon ("wrote:", "denied
# the allegations:", "to say the following:")
_INTRODUCED = re.compile(
    r"(?m)\b(?:say|said|says|wrote|writes|tweeted|posted|added|stated|explained|commented|noted|told\s+\w+|"
    r"asked|replied|argued|denied|declared|announced)\b[^\n:.!?]{0,60}(?P<colon>:)"
    r"[ \t]*\n\s*\n?(?P<said>[^\n]+)")


class Quotes:
    """Quoted stretches of a text, found from paired quotation marks, with the speaker of each."""

    def __init__(self, text: str, pairs: tuple[tuple[str, str], ...] = QUOTE_PAIRS):
        spans: list[tuple[int, int]] = []
        self.posters: dict[tuple[int, int], str] = {}  # a quoted post -> its "@handle"
        self.introduced: dict[tuple[int, int], int] = {}  # a quoted paragraph -> the offset of its intro's colon
        for open_q, close_q in pairs:
            pos = 0
            while True:
                a = text.find(open_q, pos)
                if a < 0:
                    break
                b = text.find(close_q, a + len(open_q))
                if b < 0:
                    break
                # A straight quote pair must not swallow a whole paragraph break.
                if open_q == close_q and crosses_paragraph(text, a, b):
                    pos = a + 1
                    continue
                spans.append((a, b + len(close_q)))
                pos = b + len(close_q)
        # A quoted post on a line of its own: "@handle: text" (a tweet) or "> text" (a block quote).
        for m in _POST_LINE.finditer(text):
            a, b = m.start("said"), m.end("said")
            if b > a and not any(s < b and a < e for s, e in spans):
                spans.append((a, b))
                if m.group("handle"):
                    self.posters[(a, b)] = m.group("handle")
        # A paragraph a speech introduces with a colon ("Njeri Wangari wrote:", "the Church denied the
        # allegations:"): the whole next paragraph is the quotation, said by whoever the intro names.
        for m in _INTRODUCED.finditer(text):
            a, b = m.start("said"), m.end("said")
            if b > a and not any(s < b and a < e for s, e in spans):
                spans.append((a, b))
                self.introduced[(a, b)] = m.start("colon")
        spans.sort()
        self.spans = spans
        self._starts = [s for s, _ in spans]

    def containing(self, offset: int) -> tuple[int, int] | None:
        i = bisect.bisect_right(self._starts, offset) - 1
        if i >= 0 and self.spans[i][0] <= offset < self.spans[i][1]:
            return self.spans[i]
        return None


@lru_cache(maxsize=8)
def quotes_of(text: str) -> Quotes:
    """The quotations of a text, found once: the tagger and event extraction (twice, when a count from an
    event is resolved) read the same text."""
    return Quotes(text)
