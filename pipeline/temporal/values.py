"""TIMEX3 values: formatting, calendar arithmetic and the calendar range a value covers.

A resolved point in time is a `Period`: a granularity and the first day it covers. Everything the
normalizers compute is a Period, shifted or truncated; its value string and inclusive range follow.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass

# The TIMEX3 value grammar this tagger may produce (tests check every value against it).
VALUE_GRAMMAR = re.compile(
    r"^(?:"
    r"(?:\d{4}|XXXX)(?:-(?:\d{2}|XX)(?:-(?:\d{2}|XX))?)?(?:T(?:MO|AF|EV|NI|MI|\d{2}(?::\d{2})?))?"
    r"|\d{4}-W\d{2}(?:-WE)?|XXXX-WXX-[1-7](?:T(?:MO|AF|EV|NI))?"
    r"|\d{4}-Q[1-4]|XXXX-Q[1-4]|\d{4}-H[12]|\d{4}-(?:SP|SU|FA|WI)|XXXX-(?:SP|SU|FA|WI)"
    r"|\d{3}|\d{2}"
    r"|P(?:\d+(?:\.\d+)?|X)(?:Y|M|W|D|Q|E|C|L|WE)(?:\d+M)?"
    r"|PT(?:\d+(?:\.\d+)?|X)(?:H|M|S)(?:\d+M)?"
    r"|PAST_REF|PRESENT_REF|FUTURE_REF"
    r")$"
)

GRANULARITIES = ("day", "week", "weekend", "month", "quarter", "season", "half", "year", "decade", "century")
SEASON_START_MONTH = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}


@dataclass(frozen=True)
class Period:
    """A calendar period: granularity plus its first day (seasons keep their code)."""

    granularity: str
    start: dt.date
    season: str | None = None

    @property
    def value(self) -> str:
        d = self.start
        g = self.granularity
        if g == "day":
            return d.isoformat()
        if g == "week":
            y, w, _ = d.isocalendar()
            return f"{y:04d}-W{w:02d}"
        if g == "weekend":
            y, w, _ = d.isocalendar()
            return f"{y:04d}-W{w:02d}-WE"
        if g == "month":
            return f"{d.year:04d}-{d.month:02d}"
        if g == "quarter":
            return f"{d.year:04d}-Q{(d.month - 1) // 3 + 1}"
        if g == "half":
            return f"{d.year:04d}-H{1 if d.month <= 6 else 2}"
        if g == "season":
            return f"{d.year:04d}-{self.season}"
        if g == "year":
            return f"{d.year:04d}"
        if g == "decade":
            return f"{d.year // 10:03d}"
        if g == "century":
            return f"{d.year // 100:02d}"
        raise ValueError(g)

    @property
    def end(self) -> dt.date:
        """Last day covered (inclusive)."""
        d, g = self.start, self.granularity
        if g == "day":
            return d
        if g == "week":
            return d + dt.timedelta(days=6)
        if g == "weekend":
            return d + dt.timedelta(days=1)
        if g == "month":
            return add_months(d, 1) - dt.timedelta(days=1)
        if g in ("quarter", "season"):
            return add_months(d, 3) - dt.timedelta(days=1)
        if g == "half":
            return add_months(d, 6) - dt.timedelta(days=1)
        if g == "year":
            return dt.date(d.year, 12, 31)
        if g == "decade":
            return dt.date(min(d.year + 9, 9999), 12, 31)
        if g == "century":
            return dt.date(min(d.year + 99, 9999), 12, 31)
        raise ValueError(g)


def add_months(d: dt.date, n: int) -> dt.date:
    """`d` moved by n months, the day clipped to the month's length."""
    m = d.month - 1 + n
    year, month = d.year + m // 12, m % 12 + 1
    day = min(d.day, calendar.monthrange(year, month)[1])
    return dt.date(year, month, day)


def period_of(granularity: str, d: dt.date, season: str | None = None) -> Period:
    """The period of `granularity` containing day `d`."""
    g = granularity
    if g == "day":
        return Period("day", d)
    if g == "week":
        return Period("week", d - dt.timedelta(days=d.weekday()))
    if g == "weekend":
        monday = d - dt.timedelta(days=d.weekday())
        return Period("weekend", monday + dt.timedelta(days=5))
    if g == "month":
        return Period("month", d.replace(day=1))
    if g == "quarter":
        return Period("quarter", dt.date(d.year, (d.month - 1) // 3 * 3 + 1, 1))
    if g == "half":
        return Period("half", dt.date(d.year, 1 if d.month <= 6 else 7, 1))
    if g == "year":
        return Period("year", dt.date(d.year, 1, 1))
    if g == "decade":
        return Period("decade", dt.date(max(d.year // 10 * 10, 1), 1, 1))
    if g == "century":
        return Period("century", dt.date(max(d.year // 100 * 100, 1), 1, 1))
    if g == "season":
        code = season or season_of(d)
        year = d.year - 1 if code == "WI" and d.month <= 2 else d.year
        return Period("season", dt.date(year, SEASON_START_MONTH[code], 1), code)
    raise ValueError(g)


def season_of(d: dt.date) -> str:
    return {12: "WI", 1: "WI", 2: "WI", 3: "SP", 4: "SP", 5: "SP", 6: "SU", 7: "SU", 8: "SU"}.get(d.month, "FA")


def shift(p: Period, n: int, unit: str | None = None) -> Period:
    """`p` moved by n `unit`s (default: its own granularity), keeping its granularity.
    Raises ValueError outside the calendar (years 1..9999)."""
    unit = unit or p.granularity
    d = p.start
    try:
        if unit == "day":
            d = d + dt.timedelta(days=n)
        elif unit in ("week", "weekend"):
            d = d + dt.timedelta(weeks=n)
        elif unit == "month":
            d = add_months(d, n)
        elif unit in ("quarter", "season"):
            d = add_months(d, 3 * n)
        elif unit == "half":
            d = add_months(d, 6 * n)
        elif unit == "year":
            d = add_months(d, 12 * n)
        elif unit == "decade":
            d = add_months(d, 120 * n)
        elif unit == "century":
            d = add_months(d, 1200 * n)
        else:
            raise ValueError(unit)
    except OverflowError as e:
        raise ValueError(f"{p.value} + {n} {unit} is outside the calendar") from e
    if p.granularity == "season":
        return Period("season", d, p.season)
    return period_of(p.granularity, d)


_COARSER = {g: i for i, g in enumerate(("day", "week", "weekend", "month", "quarter", "season", "half", "year", "decade", "century"))}


def coarser(a: str, b: str) -> str:
    """The coarser of two granularities."""
    return a if _COARSER.get(a, 0) >= _COARSER.get(b, 0) else b


def duration_value(n: float | None, code: str, time_unit: bool = False) -> str:
    """TIMEX3 duration: P3Y, PT2H, PXD; fractions become the next smaller unit where possible."""
    prefix = "PT" if time_unit else "P"
    if n is None:
        return f"{prefix}X{code}"
    if n == int(n):
        return f"{prefix}{int(n)}{code}"
    whole = int(n)
    frac = n - whole
    if code == "Y" and not time_unit:
        return f"P{whole}Y{int(round(frac * 12))}M" if whole else f"P{int(round(frac * 12))}M"
    if code == "H" and time_unit:
        return f"PT{whole}H{int(round(frac * 60))}M" if whole else f"PT{int(round(frac * 60))}M"
    if code == "M" and time_unit:
        return f"PT{whole}M{int(round(frac * 60))}S" if whole else f"PT{int(round(frac * 60))}S"
    return f"{prefix}{n:g}{code}"


_DAY_RE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})")


def range_of_value(value: str | None) -> tuple[dt.date | None, dt.date | None, str | None]:
    """Inclusive calendar range and granularity of a DATE/TIME value; (None, None, None) otherwise."""
    if not value:
        return None, None, None
    try:
        m = _DAY_RE.match(value)
        if m:
            d = dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
            return d, d, "time" if "T" in value else "day"
        m = re.match(r"^(\d{4})-W(\d{2})(-WE)?$", value)
        if m:
            monday = dt.date.fromisocalendar(int(m.group(1)), int(m.group(2)), 1)
            if m.group(3):
                return monday + dt.timedelta(days=5), monday + dt.timedelta(days=6), "weekend"
            return monday, monday + dt.timedelta(days=6), "week"
        m = re.match(r"^(\d{4})-(\d{2})$", value)
        if m:
            p = Period("month", dt.date(int(m.group(1)), int(m.group(2)), 1))
            return p.start, p.end, "month"
        m = re.match(r"^(\d{4})-Q([1-4])$", value)
        if m:
            p = Period("quarter", dt.date(int(m.group(1)), 3 * int(m.group(2)) - 2, 1))
            return p.start, p.end, "quarter"
        m = re.match(r"^(\d{4})-H([12])$", value)
        if m:
            p = Period("half", dt.date(int(m.group(1)), 1 if m.group(2) == "1" else 7, 1))
            return p.start, p.end, "half"
        m = re.match(r"^(\d{4})-(SP|SU|FA|WI)$", value)
        if m:
            p = Period("season", dt.date(int(m.group(1)), SEASON_START_MONTH[m.group(2)], 1), m.group(2))
            return p.start, p.end, "season"
        m = re.match(r"^(\d{4})$", value)
        if m:
            y = int(m.group(1))
            return dt.date(y, 1, 1), dt.date(y, 12, 31), "year"
        m = re.match(r"^(\d{3})$", value)
        if m:
            y = int(m.group(1)) * 10
            return dt.date(max(y, 1), 1, 1), dt.date(y + 9, 12, 31), "decade"
        m = re.match(r"^(\d{2})$", value)
        if m:
            y = int(m.group(1)) * 100
            return dt.date(max(y, 1), 1, 1), dt.date(y + 99, 12, 31), "century"
    except ValueError:
        return None, None, None
    return None, None, None
