"""Publication-date strings to dates, as the source states them (its own time zone, never converted).

ISO strings go through datetime.fromisoformat (fast); anything else through dateparser, restricted to
absolute dates with day, month and year, so that "2 days ago" in metadata is not read relative to now.
"""

from __future__ import annotations

import datetime as dt
import re
from functools import cache

from .errors import Unreadable
from .rules import rules

_ISO_PREFIX = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})(?![\d])")
_NUMERIC_DMY = re.compile(r"^(\d{1,4})[/.](\d{1,2})[/.](\d{1,4})$")
_MONTHS = {
    m: i
    for i, names in enumerate(
        [("jan", "january"), ("feb", "february"), ("mar", "march"), ("apr", "april"), ("may",),
         ("jun", "june"), ("jul", "july"), ("aug", "august"), ("sep", "sept", "september"),
         ("oct", "october"), ("nov", "november"), ("dec", "december")],
        start=1,
    )
    for m in names
}
_MONTH_DAY_YEAR = re.compile(r"([A-Za-z]+)\.? (\d{1,2}),? (\d{4})|(\d{1,2}) ([A-Za-z]+)\.?,? (\d{4})")
_ABSOLUTE = {"PARSERS": ["timestamp", "custom-formats", "absolute-time"], "REQUIRE_PARTS": ["day", "month", "year"]}


def parse_date_value(value: object) -> tuple[dt.date, str] | None:
    """A metadata value (string, epoch number, date) as (date, raw string); None when blank.

    Raises Unreadable for an impossible date ("2025-02-30") or a string that is not a date at all.
    """
    if value is None or isinstance(value, bool):
        return None
    if isinstance(value, dt.datetime):
        return value.date(), value.isoformat()
    if isinstance(value, dt.date):
        return value, value.isoformat()
    if isinstance(value, (int, float)):
        return _from_epoch(value), str(value)
    if not isinstance(value, str):
        raise Unreadable(f"publication date is not a string: {value!r:.60}")
    raw = value.strip()
    if not raw:
        return None
    return parse_date_string(raw), raw


def parse_date_string(raw: str) -> dt.date:
    """Parse an absolute date string or raise Unreadable naming it."""
    iso = _ISO_PREFIX.match(raw)
    if iso:
        try:
            return dt.datetime.fromisoformat(raw).date()
        except ValueError:
            pass
        year, month, day = (int(g) for g in iso.groups())
        if not _valid(year, month, day):
            raise Unreadable(f"impossible publication date '{raw}'")
    parsed = _dateparser(raw)
    if parsed is not None:
        return parsed
    if iso:  # "2025-09-04 (updated)": the ISO date is clear even if the rest is not
        return dt.date(*(int(g) for g in iso.groups()))
    if _looks_impossible(raw):
        raise Unreadable(f"impossible publication date '{raw}'")
    raise Unreadable(f"unreadable publication date '{raw}'")


def parse_partial_date(raw: str, anchor: dt.date) -> dt.date | None:
    """A dateline date without a year ("Sept. 4"): the latest such day on or before anchor + 2 days."""
    parsed = _dateparser(f"{raw} {anchor.year}")
    if parsed is None:
        return None
    if parsed > anchor + dt.timedelta(days=2):
        try:
            parsed = parsed.replace(year=parsed.year - 1)
        except ValueError:  # 29 February
            return None
    return parsed


def date_in_path(text: str) -> tuple[dt.date, str] | None:
    """The first valid date written in a URL or an inbox path, with the matched text."""
    for pattern in rules().path_dates:
        for match in pattern.finditer(text):
            year, month, day = int(match["y"]), int(match["m"]), int(match["d"])
            if _valid(year, month, day):
                return dt.date(year, month, day), match.group(0)
    return None


def check_not_future(published: dt.date, raw: str | None, today: dt.date) -> None:
    """Raise Unreadable when a publication date lies more than two days after today."""
    if published > today + dt.timedelta(days=2):
        raise Unreadable(
            f"publication date {published.isoformat()} ('{raw}') is in the future "
            f"(more than 2 days after {today.isoformat()})"
        )


def _from_epoch(value: float) -> dt.date:
    """Unix seconds or milliseconds (UTC); an 8-digit integer is YYYYMMDD; a smaller number is no date."""
    if isinstance(value, int) and 10_000_000 <= value <= 99_999_999:
        year, month, day = value // 10_000, value // 100 % 100, value % 100
        if _valid(year, month, day):
            return dt.date(year, month, day)
        raise Unreadable(f"impossible publication date '{value}'")
    if not abs(value) >= 1e8:  # also NaN
        raise Unreadable(f"unreadable publication date {value!r} (a number that is not a timestamp)")
    seconds = value / 1000 if abs(value) > 1e11 else value  # milliseconds are common in JSON feeds
    try:
        return dt.datetime.fromtimestamp(seconds, tz=dt.timezone.utc).date()
    except (OverflowError, OSError, ValueError):
        raise Unreadable(f"impossible publication date {value!r} (as a Unix timestamp)") from None


def _dateparser(raw: str) -> dt.date | None:
    if len(raw) > 100:
        return None
    result = _parser()(raw, languages=["en"], settings=_ABSOLUTE)
    if result is None:  # "4 septembre 2025"; a fixed list: detecting among all languages costs seconds
        result = _parser()(raw, languages=list(rules().date_languages), settings=_ABSOLUTE)
    return result.date() if result is not None else None


@cache
def _parser():
    import dateparser  # lazy: about 0.1 s to import, not needed when every date is ISO

    return dateparser.parse


def _valid(year: int, month: int, day: int) -> bool:
    try:
        dt.date(year, month, day)
    except ValueError:
        return False
    return True


def _looks_impossible(raw: str) -> bool:
    """A date whose parts are recognisable but do not exist, like 'February 30, 2025' or '31/04/2025'."""
    match = _MONTH_DAY_YEAR.search(raw)
    if match:
        name, day, year = (match[1], match[2], match[3]) if match[1] else (match[5], match[4], match[6])
        month = _MONTHS.get(name.lower())
        return month is not None and not _valid(int(year), month, int(day))
    numeric = _NUMERIC_DMY.match(raw)
    if numeric:
        a, b, c = (int(g) for g in numeric.groups())
        year, first, second = (a, b, c) if a > 31 else (c, a, b)
        return not (_valid(year, first, second) or _valid(year, second, first))
    return False
