"""Date ranges: "May 8-10", "15-16 October", "the 2014-15 season", "from 2011 to 2017", "between
Dec. 4 and 14", "Sept. 30-Oct. 2", and the stretch of an uncertain date ("in September or October", "on
Monday or Tuesday": some time in both).

TimeML annotates the two ends of a range as two expressions, so this pass keeps them two: it links
them (both carry the offsets of the whole range in `interval_start` / `interval_end`) and supplies
the end the rules cannot read alone, the "10" of "May 8-10" or the "15" of "2014-15", with the month
and year of the other end. What an event dated by either end means is then the whole stretch.

"Postponed from May 1 to May 8" moves a date; "between 2 and 25 years" is no date at all: neither is
a range here. Words and limits live in lexicon.yaml (`ranges`).
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections import defaultdict

from pipeline.models import Timex
from pipeline.temporal.context import DocContext
from pipeline.temporal.resources import Lexicon
from pipeline.temporal.values import Period

_CALENDAR = re.compile(r"^\d{3,4}")  # a year or a decade ("the 1990s-2000s")
_GLOSS_OPENING = re.compile(r"\(\s*$")  # a range right after an opening parenthesis
_LINE_OPENING = re.compile(r"(?:^|\n)[ \t*•\-–—]*(?:\d{1,2}[.)][ \t]+)?$")  # nothing before on its line but a bullet
_PLURAL_NOUN = "NNS"


def _year_timex(text: str, start: int, end: int, year: int, rule: str) -> Timex:
    p = Period("year", dt.date(year, 1, 1))
    return Timex(start=start, end=end, text=text[start:end], type="DATE", value=p.value,
                 range_start=p.start, range_end=p.end, granularity="year", rule=rule)


def _day_timex(text: str, start: int, end: int, day: dt.date, other: Timex, rule: str) -> Timex:
    """The end of a range the other end lends its month and year to: resolved as that end was."""
    return Timex(start=start, end=end, text=text[start:end], type="DATE", value=day.isoformat(),
                 range_start=day, range_end=day, granularity="day", rule=rule, anchor=other.anchor,
                 anchor_kind=other.anchor_kind, relative=other.relative)


class RangeLinker:
    """Finds the ranges among a document's expressions (see the module docstring)."""

    def __init__(self, lex: Lexicon) -> None:
        spec = lex.ranges
        self.quantity_words = lex.quantity_words
        self.max_years = int(spec["max_years"])
        dash = "|".join(re.escape(d) for d in spec["dashes"])
        self.connectors: dict[str, str | None] = spec["connectors"]
        words = "|".join(self.connectors)
        self.dash = rf"\s*(?:{dash})\s*"
        # a short gloss may follow the first end: "From May 12 (12M) to May 15 (15M)"
        gap = rf"(?:\s*\([^()\n]{{1,12}}\))?(?:{self.dash}|\s+(?P<word>{words})\s+)"
        self.gap = re.compile(rf"{gap}$", re.IGNORECASE)  # used with match(): anchored at pos
        self.change = lex.change_verbs
        self.not_before = re.compile(rf"(?:{spec['not_before']})\s*$", re.IGNORECASE)
        self.not_after = re.compile(rf"\s*(?:{spec['not_after']})\b", re.IGNORECASE)
        self.years = re.compile(
            rf"(?<![\w$£€#.,/:-])(?P<y1>1[5-9]\d\d|20\d\d)(?:{dash}|/)(?P<y2>\d{{4}}|\d{{2}})"
            rf"(?![\w%]|[{re.escape(''.join(spec['dashes']))}/.,:]\d)")
        # the day after a day-granular date: "May 8-10", "from May 8 to 10", "March 17-18, 2016"
        self.day_after = re.compile(rf"{gap}(?P<day>[0-3]?\d)(?![\d%]|[:.,]\d|\s*(?:noon|midnight|[ap]\.?m\b))(?:,?\s+(?P<year>1[5-9]\d\d|20\d\d)(?!\d))?",
                                    re.IGNORECASE)
        # the day before one: "15-16 October", "from 15 to 16 October"
        self.day_before = re.compile(rf"(?:\b(?P<opener>from|between)\s+(?:the\s+)?)?(?<![\d.,:/])(?P<day>[0-3]?\d)(?P<suffix>st|nd|rd|th)?{gap}(?:the\s+)?$",
                                     re.IGNORECASE)

    # ------------------------------------------------------------------------------- entry point
    def link(self, timexes: list[Timex], text: str, ctx: DocContext, dct: dt.date | None = None) -> list[Timex]:
        """`timexes` with the ranges linked and their missing ends added, in text order."""
        out = self._year_pairs(timexes, text, ctx) if self.years.search(text) else list(timexes)
        out = self._day_lists(out, text)
        out = self._day_ends(out, text, ctx)
        self._link_pairs(out, text, ctx, dct)
        return out

    # ------------------------------------------------------------------------------- the parts
    def _opener_ok(self, word: str | None, text: str, first: Timex, ctx: DocContext) -> bool:
        """A connector word needs its opener before the first end ("from ... to", "between ... and");
        and a change of date ("moved the vote from May 1 to May 8") is no range."""
        lo = max(0, first.start - 80)
        before = text[lo:first.start]
        opened = re.search(r"\b(from|between)\s+(?:the\s+)?$", before, re.IGNORECASE)
        if opened and opened.group(1).lower() == "from" and self._changes_date(text, lo + opened.start(), ctx):
            return False
        if word is None:
            return True
        need = self.connectors.get(word.lower())
        if need == "from" and opened is None and (_LINE_OPENING.search(text, lo, first.start)
                                                 or _GLOSS_OPENING.search(text, lo, first.start)):
            return True  # "20th May to 15th June – Public meetings": a schedule's line opens with its range;
            # "PalFest (May 5 to 10)": a gloss gives a thing's days
        return need is None or (opened is not None and opened.group(1).lower() == need)

    def _changes_date(self, text: str, opener: int, ctx: DocContext) -> bool:
        """The verb nearest before "from" is one of changing a date ("postponed the vote from")."""
        if not ctx.has_tags:
            return self.change.search(text, max(0, opener - 40), opener) is not None
        j = ctx.nearest_verb(ctx.token_index(opener) - 1, -1, 11)
        return j is not None and self.change.match(text, ctx.doc[j].idx, opener) is not None

    @staticmethod
    def _ends_phrase(end: int, ctx: DocContext) -> bool:
        """ "on May 8 and 9 in Geneva", "on May 8 and 9.": a day; "on May 8 and 9 more died", "and 9
        million", "and 9 of the 10 seats": a number."""
        i = ctx.first_token_at_or_after(end)
        if i >= len(ctx.doc):
            return True
        tok = ctx.doc[i]
        return tok.is_punct or (ctx.tag(i) in ("IN", "TO") and tok.lower_ != "of") or ctx.tag(i) in ("WDT", "WRB")
        # ("a forum on May 19 and 20 that includes lectures", "the strikes on June 3 and 4 when the port closed")

    def _noun_follows(self, end: int, ctx: DocContext) -> bool:
        """ "1990-2000 troops", "Aug. 7 - 10 people died": a count, not the end of a range."""
        i = ctx.first_token_at_or_after(end)
        if i >= len(ctx.doc):
            return False
        tok = ctx.doc[i]
        return tok.lower_ in self.quantity_words or tok.text == "%" or (
            tok.idx <= end + 1 and ctx.tag(i) == _PLURAL_NOUN and tok.is_lower)

    def _year_pairs(self, timexes: list[Timex], text: str, ctx: DocContext) -> list[Timex]:
        out = list(timexes)
        for m in self.years.finditer(text):
            y1, raw2 = int(m["y1"]), m["y2"]
            y2 = int(raw2) if len(raw2) == 4 else y1 // 100 * 100 + int(raw2)
            if len(raw2) == 2 and y2 <= y1:
                if y1 % 100 != 99 or raw2 != "00":
                    continue  # "2010-09" is September 2010 (ISO), not 2010 to 2109
                y2 += 100  # "1999-00"
            if not (y1 < y2 <= y1 + self.max_years) or self._noun_follows(m.end(), ctx) \
                    or self.not_before.search(text, max(0, m.start() - 12), m.start()) \
                    or self.not_after.match(text, m.end()):
                continue  # "pages 2014-2015", "at 1900-2000 local time"
            inside = [t for t in out if t.start < m.end() and m.start() < t.end]
            if any(t.granularity != "year" or t.start < m.start() - 4 or t.end > m.end() for t in inside):
                continue  # part of something longer ("fiscal 2014-15" keeps its own reading)
            first = _year_timex(text, m.start("y1"), m.end("y1"), y1, "range.year_start")
            second = _year_timex(text, m.start("y2"), m.end("y2"), y2, "range.year_end")
            first.interval_start = second.interval_start = m.start()
            first.interval_end = second.interval_end = m.end()
            out = [t for t in out if t not in inside] + [first, second]
        out.sort(key=lambda t: t.start)
        return out

    # "May 2, 3 and 4", "May 2, 3, and 4": days listed after a day date share its month and year
    _LIST = re.compile(r"(?P<items>(?:\s*,\s*[0-3]?\d(?:st|nd|rd|th)?(?![\d%]|[:.]\d)){1,6}),?\s+and\s+"
                       r"(?P<last>[0-3]?\d)(?:st|nd|rd|th)?(?![\d%]|[:.,]\d|\s*(?:percent|per\s+cent))")
    _ITEM = re.compile(r"[0-3]?\d")

    def _day_lists(self, timexes: list[Timex], text: str) -> list[Timex]:
        added: list[Timex] = []
        for t in timexes:
            if t.type != "DATE" or t.granularity != "day" or t.range_start is None or not t.rule.startswith("month_day"):
                continue
            m = self._LIST.match(text, t.end)
            if m is None:
                continue
            d = t.range_start
            spans = [(x.start() + m.start("items"), x.end() + m.start("items")) for x in self._ITEM.finditer(m["items"])]
            spans.append((m.start("last"), m.end("last")))
            days = [int(text[a:b]) for a, b in spans]
            last_day = calendar.monthrange(d.year, d.month)[1]
            if not all(x < y for x, y in zip([d.day] + days, days)) or days[-1] > last_day:
                continue  # "May 2, 1 and 3" is no list of days
            if any(o.start < spans[-1][1] and spans[0][0] < o.end for o in timexes if o is not t):
                continue
            items = [_day_timex(text, a, b, d.replace(day=n), t, "date.day_in_list") for (a, b), n in zip(spans, days)]
            if days == list(range(d.day + 1, d.day + 1 + len(days))) and t.interval_start is None:
                # days in a row ("May 2, 3 and 4"): as good as a range, what happens on them spans them
                for x in [t, *items]:
                    x.interval_start, x.interval_end = t.start, spans[-1][1]
            added += items
        return sorted(timexes + added, key=lambda x: x.start) if added else timexes

    def _day_ends(self, timexes: list[Timex], text: str, ctx: DocContext) -> list[Timex]:
        taken = [(t.start, t.end) for t in timexes]

        def free(a: int, b: int) -> bool:
            return not any(s < b and a < e for s, e in taken)

        added: list[Timex] = []
        absorbed: set[int] = set()
        for t in timexes:
            if t.type != "DATE" or t.granularity != "day" or t.range_start is None or t.interval_start is not None:
                continue
            d = t.range_start
            m = self.day_after.match(text, t.end, min(len(text), t.end + 24))
            year_tx: Timex | None = None
            if m and m["year"] and not free(m.start("year"), m.end("year")):
                # "March 17-18, 2016": the year the rules read alone becomes part of the range's end
                year_tx = next((x for x in timexes if x.start == m.start("year") and x.end == m.end("year")
                                and x.granularity == "year" and x.interval_start is None), None)
                if year_tx is None:
                    m = None
            opened = False
            if m and free(m.start("day"), m.end("day")) and (m["year"] is None or year_tx is not None
                                                             or free(m.start("year"), m.end("year"))) \
                    and not self._noun_follows(m.end("day"), ctx) and (
                        (opened := self._opener_ok(m["word"], text, t, ctx))
                        or ((m["word"] or "").lower() == "and" and self._ends_phrase(m.end("day"), ctx))):
                day = int(m["day"])
                year = int(m["year"]) if m["year"] else d.year
                # "on May 8 and 10": two days; "on May 8 and 9" two days in a row, as good as a range
                linked = opened or day == d.day + 1
                if d.day < day <= calendar.monthrange(year, d.month)[1]:
                    end = m.end() if m["year"] else m.end("day")
                    if m["year"] and year != d.year and t.rule.startswith("month_day"):
                        t.range_start = t.range_end = d = d.replace(year=year)  # "March 17-18, 2016"
                        t.value = d.isoformat()
                    if year_tx is not None:
                        absorbed.add(id(year_tx))
                        taken.remove((year_tx.start, year_tx.end))
                    second = _day_timex(text, m.start("day"), end, dt.date(year, d.month, day), t,
                                        "range.day_end" if linked else "date.day_after_and")
                    if linked:
                        t.interval_start = second.interval_start = t.start
                        t.interval_end = second.interval_end = end
                    added.append(second)
                    taken.append((second.start, second.end))
                    continue
            if not re.match(r"(?:the\s+)?\d", text[t.start:t.start + 6], re.IGNORECASE):
                continue
            m = self.day_before.search(text, max(0, t.start - 30), t.start)
            if m and free(m.start("day"), m.end("day")):
                word = m["word"]
                if word is not None and word.lower() == "and" and (m["opener"] or "").lower() != "between":
                    # "on 12 and 15 May", "the 27th and 28th April 2012": two days, not a range
                    day = int(m["day"])
                    if 1 <= day < d.day:
                        end = m.end("suffix") if m["suffix"] else m.end("day")
                        in_a_row = day == d.day - 1  # "the 27th and 28th April": as good as a range
                        first = _day_timex(text, m.start("day"), end, d.replace(day=day), t,
                                           "range.day_start" if in_a_row else "date.day_before_and")
                        if in_a_row and t.interval_start is None:
                            first.interval_start = t.interval_start = first.start
                            first.interval_end = t.interval_end = t.end
                        added.append(first)
                        taken.append((first.start, first.end))
                    continue
                if word is not None and self.connectors.get(word.lower()) not in (None, (m["opener"] or "").lower()):
                    continue
                day = int(m["day"])
                if 1 <= day < d.day:
                    first = _day_timex(text, m.start("day"), m.end("day"), d.replace(day=day), t, "range.day_start")
                    first.interval_start = t.interval_start = first.start
                    first.interval_end = t.interval_end = t.end
                    added.append(first)
                    taken.append((first.start, first.end))
        if not added:
            return timexes
        return sorted([t for t in timexes if id(t) not in absorbed] + added, key=lambda t: t.start)

    def _link_pairs(self, timexes: list[Timex], text: str, ctx: DocContext, dct: dt.date | None) -> None:
        """Two dates the text joins: "Sept. 30-Oct. 2", "from 2011 to 2017", "Monday through Friday"."""
        for a, b in zip(timexes, timexes[1:]):
            if a.interval_start is not None or b.interval_start is not None:
                continue
            if not (a.type == b.type == "DATE" and a.range_start and b.range_start and a.range_end and b.range_end
                    and _CALENDAR.match(a.value or "") and _CALENDAR.match(b.value or "")):
                continue
            m = self.gap.match(text, a.end, b.start)
            if m is None:
                continue
            if not self._opener_ok(m["word"], text, a, ctx) and not _in_a_row(a, b, m["word"]):
                continue
            if a.rule.startswith("weekday") and b.rule.startswith("weekday") and a.granularity == b.granularity == "day":
                # read together, "from Monday until Wednesday" ends on the Wednesday after that Monday
                # (read alone, "until Wednesday" looks ahead); a past clause ends by publication
                # ("ran from Wednesday through Monday")
                first = a.range_start
                last = first + dt.timedelta(days=(b.range_start.weekday() - first.weekday()) % 7 or 7)
                if dct is not None and last > dct and ("past" in a.rule or "past" in b.rule):
                    first, last = first - dt.timedelta(days=7), last - dt.timedelta(days=7)
                for t, day, rule in ((a, first, "range.weekday_start"), (b, last, "range.weekday_end")):
                    if t.range_start != day:
                        t.range_start = t.range_end = day
                        t.value, t.rule = day.isoformat(), rule
            if a.rule.startswith("month_day") and b.rule == "date.month_day_year" and a.granularity == "day":
                # "from April 29 to May 3, 1991": the first end takes the year the second one names
                # (the year before when its month comes later: "Dec. 28 to Jan. 3, 2012")
                year = b.range_start.year - (a.range_start.month > b.range_start.month)
                try:
                    day = a.range_start.replace(year=year)
                except ValueError:  # February 29 of a common year
                    day = None
                if day is not None and day != a.range_start:
                    a.range_start = a.range_end = day
                    a.value, a.rule = day.isoformat(), "range.day_start_year"
            if not (a.range_start < b.range_start and a.range_end <= b.range_end
                    and b.range_start.year - a.range_start.year <= self.max_years):
                continue
            a.interval_start = b.interval_start = a.start
            a.interval_end = b.interval_end = b.end


def _in_a_row(a: Timex, b: Timex, word: str | None) -> bool:
    """Two periods of one grain, the second right after the first, joined by "and" ("in 1997 and 1998",
    "in March and April"): as good as a range (not "in 2008 and 2012", two times apart)."""
    return ((word or "").lower() == "and" and a.granularity == b.granularity in ("year", "month", "day")
            and a.range_end is not None and b.range_start == a.range_end + dt.timedelta(days=1))


Interval = tuple[int, int, dt.date, dt.date, str]


def intervals(timexes: list[Timex]) -> dict[int, Interval]:
    """id() of each end of a range -> the range: its offsets, first and last day, and its ISO 8601 value
    ("2025-05-08/2025-05-10"). One pass over a document's expressions."""
    groups: dict[tuple[int, int], list[Timex]] = defaultdict(list)
    for x in timexes:
        if x.interval_start is not None and x.interval_end is not None and x.range_start and x.range_end:
            groups[(x.interval_start, x.interval_end)].append(x)
    out: dict[int, Interval] = {}
    for (start, end), ends in groups.items():
        if len(ends) < 2:
            continue
        ends.sort(key=lambda x: x.start)
        lo = min(x.range_start for x in ends)  # type: ignore[type-var]
        hi = max(x.range_end for x in ends)  # type: ignore[type-var]
        interval = (start, end, lo, hi, f"{ends[0].value}/{ends[-1].value}")
        for x in ends:
            out[id(x)] = interval
    return out
