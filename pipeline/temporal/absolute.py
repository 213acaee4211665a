"""Absolute date strings ("Sept. 4, 2025", "04/09/2025", "4th of September 2025") through dateparser.

dateparser knows many formats and locales but is slow, so it only sees the candidate spans the
rules found, with a fixed relative base (an absolute string must not depend on "now"), and its
answers are cached.
"""

from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache

_SETTINGS = {
    "RELATIVE_BASE": dt.datetime(2000, 1, 1),
    "PREFER_DAY_OF_MONTH": "first",
    "REQUIRE_PARTS": ["day", "month", "year"],
    "DATE_ORDER": "MDY",
    "RETURN_AS_TIMEZONE_AWARE": False,
    "PARSERS": ["custom-formats", "absolute-time"],
}
_WEEKDAY_PREFIX = re.compile(
    r"^(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon\.|tue\.|tues\.|wed\.|thu\.|"
    r"thur\.|thurs\.|fri\.|sat\.|sun\.)\s*,?\s*",
    re.IGNORECASE,
)
_PARSER = None


def _parser():
    global _PARSER
    if _PARSER is None:
        from dateparser.date import DateDataParser

        _PARSER = DateDataParser(languages=["en"], settings=_SETTINGS)
    return _PARSER


def clean(text: str) -> str:
    """The date string without a leading weekday, 'the', 'of' or ordinal suffixes."""
    s = _WEEKDAY_PREFIX.sub("", text.strip())
    s = re.sub(r"^the\s+", "", s, flags=re.IGNORECASE)
    s = re.sub(r"(\d)(?:st|nd|rd|th)\b", r"\1", s)
    s = re.sub(r"\s+of\s+", " ", s)
    s = re.sub(r"\bSept\b", "Sep", s, flags=re.IGNORECASE)
    return re.sub(r"\s+", " ", s)


@lru_cache(maxsize=8192)
def parse_absolute(text: str) -> dt.date | None:
    """The calendar day an absolute date string names, or None if dateparser cannot tell."""
    s = clean(text)
    try:
        data = _parser().get_date_data(s)
    except Exception:  # dateparser raises a variety of errors on odd input
        return None
    if data is None or data.date_obj is None:
        return None
    if getattr(data, "period", "day") not in ("day", "time", None):
        return None
    return data.date_obj.date()
