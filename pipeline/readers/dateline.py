"""The opening of a news story: its dateline ("PARIS, Sept. 4 (Reuters) -") and a date on its first line."""

from __future__ import annotations

from dataclasses import dataclass

from .rules import rules

_MAX_FIRST_LINE = 250
_EDGE = " \t.,;:|-—–()[]"


@dataclass(frozen=True, slots=True)
class Dateline:
    place: str  # "PARIS", "SAN JUAN, Puerto Rico": as written
    date_raw: str | None  # "Sept. 4", "Sept. 4, 2025" or None
    agency: str | None  # "Reuters", "AP"
    end: int  # offset just after the dash, where the story proper starts


def find_dateline(text: str) -> Dateline | None:
    """The dateline at the start of the text (after a line holding only a date), if there is one."""
    start = len(text) - len(text.lstrip())
    line_end = text.find("\n", start)
    if line_end != -1 and is_date_line(text[start:line_end]):
        start = line_end + len(text[line_end:]) - len(text[line_end:].lstrip())
    match = rules().dateline.match(text, start)
    if match is None:
        return None
    place = match["place"].strip()
    if place in rules().not_places or len(place.replace(".", "")) < 2:
        return None
    if match["region"]:
        place = f"{place}, {match['region']}"
    return Dateline(place=place, date_raw=match["date"], agency=match["agency"], end=match.end())


def is_date_line(line: str) -> bool:
    """A line that holds a date and nothing else ("Friday, September 12, 2025")."""
    date = first_line_date(line)
    return date is not None and line.strip(_EDGE) == date.strip(_EDGE)


def first_line_date(line: str) -> str | None:
    """A full date that opens or closes a story's first line ("Tuesday, September 1, 2015"), as written.

    Only at the start of the line, or at the end of a short one (a headline): a date in the middle of
    a first sentence is news, not the date of the story.
    """
    head = line[:_MAX_FIRST_LINE]  # a long line counts only by its opening: no need to scan it all
    start = len(head) - len(head.lstrip(_EDGE))
    for pattern in rules().first_line_dates:
        opening = pattern.match(head, start)
        if opening:
            return opening.group(0)
        if len(line) <= _MAX_FIRST_LINE:
            for match in pattern.finditer(head):
                if not head[match.end() :].strip(_EDGE):
                    return match.group(0)
    return None
