"""Plain-text articles: a headline on the first line when it looks like one, then the body as written."""

from __future__ import annotations

from .dateline import find_dateline, first_line_date, is_date_line
from .draft import Draft
from .rules import rules


def parse_txt(text: str) -> Draft:
    lines = text.strip().split("\n")
    first = lines[0].strip()
    body = "\n".join(lines[1:]).strip()
    if body and looks_like_headline(first):
        return Draft(text=body, inferred_title=_title_without_date(first), heading_line=first)
    return Draft(text=text.strip())


def looks_like_headline(line: str) -> bool:
    """Short, not a sentence (no final period), not a dateline, not starting in lower case."""
    r = rules()
    return (
        0 < len(line) <= r.headline_max_chars
        and len(line.split()) <= r.headline_max_words
        and not line.endswith(r.headline_bad_endings)
        and not line[0].islower()
        and find_dateline(line + " ") is None
        and not is_date_line(line)
    )


def _title_without_date(line: str) -> str:
    """Wikinews-style 'Headline Tuesday, September 1, 2015': the date is not part of the title."""
    date = first_line_date(line)
    if date and line.endswith(date) and len(line) > len(date):
        return line[: -len(date)].rstrip(" ,-—–|")
    return line
