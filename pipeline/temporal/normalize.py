"""Turns a matched expression into a TIMEX3 value with the news conventions of design §4.

One `Normalizer` walks an article's expressions in text order. It knows the publication date (the
default anchor), the last explicit date of the narrative (the anchor of "two days later", "that
Friday", "a year earlier") and the last quarter named (financial news: "the year-ago quarter").
"""

from __future__ import annotations

import datetime as dt
import math
import re
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Any

from dateutil.easter import easter

from pipeline.models import Timex
from pipeline.temporal.absolute import parse_absolute
from pipeline.paragraphs import PARAGRAPH_BREAK, crosses_list_item, crosses_paragraph
from pipeline.quotes import quotes_of
from pipeline.temporal.context import FUTURE_AUX, DocContext, Tense, metadata_date
from pipeline.temporal.numbers import decade_word, parse_number, parse_spoken_year
from pipeline.temporal.resources import Lexicon, Rule
from pipeline.temporal.values import (
    Period,
    add_months,
    duration_value,
    period_of,
    shift,
)

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Token


@dataclass
class Candidate:
    """A rule's match: offsets into the text, the rule, its named groups."""

    start: int
    end: int
    rule: Rule
    groups: dict[str, Any]
    attached: "Candidate | None" = None  # a day expression attached to a clock time ("noon Friday")
    has_det: bool = False

    @property
    def length(self) -> int:
        return self.end - self.start


@dataclass
class Resolution:
    """What a normalizer found for a candidate."""

    type: str
    value: str | None
    rule: str
    period: Period | None = None
    time: str | None = None  # "TNI", "T10:35": makes a TIME value on the period's day
    mod: str | None = None
    range: tuple[dt.date, dt.date] | None = None
    relative: bool = False
    anchor: dt.date | None = None
    anchor_kind: str | None = None
    explicit: bool = True  # may serve as the narrative anchor of later expressions
    extras: dict[str, Any] = field(default_factory=dict)


# a limit ahead: "could leave as early as Tuesday", "extended its deadline until 9 a.m. Tuesday"
# (a lower-case "until": "Until Thursday, they had not..." opens a sentence about the past)
# a weekday looked forward to: "ahead of Sunday's election", "on the eve of Thursday's vote" (in
# news a preview, whatever the tense of the clause: "Campaigning ended ahead of Sunday's vote")
AHEAD_OF = re.compile(
    r"\b(?:ahead\s+of|(?:in\s+)?the\s+(?:run|lead)[- ]up\s+to|on\s+the\s+eve\s+of|in\s+anticipation\s+of|"
    r"in\s+preparation\s+for|await(?:s|ed|ing)?)\s+(?:the\s+)?$", re.IGNORECASE)
AHEAD_REACH = 40  # characters before a date in which `AHEAD_OF` is looked for
GOAL_REACH = 120  # characters before a date in which the lexicon's `goal_before` is looked for
def goal_date(text: str, start: int, goal_before: "re.Pattern[str] | None") -> bool:
    """The date at `start` is of a thing called for, prepared for or awaited ("called for a summit in July",
    "gearing up for early elections on September 4"): the lexicon's `goal_before` just before it."""
    return bool(goal_before and goal_before.search(text[max(0, start - GOAL_REACH):start]))


_UNTIL = re.compile(r"(?i)(?:up\s+)?(?:until|till)\b")
_EARLIEST = re.compile(
    r"\b(?:[Aa]s\s+(?:early|soon)\s+as|until|till)\s+(?:[\d:.]+\s*[ap]\.?m\.?\s*(?:[A-Z]{3}\s+)?|noon\s+|midnight\s+)?$")


_PERIOD_ENDED = re.compile(r"\s+(?:that\s+)?(?:ended|ending|ends|which\s+ended)\b")


def ref_range(value: str, dct: dt.date) -> tuple[dt.date | None, dt.date | None] | None:
    """Open ranges of the deictic references, as the events module reads them: PRESENT_REF is
    the publication day, PAST_REF ends on it (open start: "recently" may be today's news too),
    FUTURE_REF starts on it (open end)."""
    return {"PRESENT_REF": (dct, dct), "PAST_REF": (None, dct), "FUTURE_REF": (dct, None)}.get(value)


_SINCE_BEFORE = re.compile(r"\bsince\s+$", re.IGNORECASE)  # "since January": a time already lived
_CUMULATIVE = re.compile(r"\b(?:nine|six|first\s+nine|first\s+six|12|twelve)[- ]months?\b|\bfirst\s+half\b|\byear\s+to\s+date\b",
                         re.IGNORECASE)


_ORDINAL_WORDS = ["first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth",
                  "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth", "seventeenth",
                  "eighteenth", "nineteenth"]
# spoken days of broadcast transcripts: "March eighth", "June twenty-first"
_ORDINAL_DAYS = {w: i + 1 for i, w in enumerate(_ORDINAL_WORDS)} | {"twentieth": 20, "thirtieth": 30} | {
    f"{tens} {w}": base + i + 1 for tens, base in (("twenty", 20), ("thirty", 30)) for i, w in enumerate(_ORDINAL_WORDS[:9])}


_QUARTER_ENDED = re.compile(r"\s+(?:that\s+|which\s+)?(?:ended|ending|ends)\s+(?P<month>[A-Z][a-z]+\.?)\s+(?P<day>[0-3]?\d)\b")


# a writing dated by its own words: "a post from April 29", "the statement of May 2", "a letter dated May 3"
_DATED_SOURCE = re.compile(r"\b(?:post|posts|article|entry|statement|letter|message|tweet|video|report|editorial|"
                           r"column|note|interview|speech|blog)\s+(?:from|of|dated|published\s+on|written\s+on|on)\s+$",
                           re.IGNORECASE)


def _date_or_none(year: int, month: int, day: int) -> dt.date | None:
    """The day, or None where the calendar has none (April 31, February 29 of a common year)."""
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


_YEAR_OFFSET = {"this": 0, "last": -1, "next": 1}  # "March of last year", "October 15 of next year"


class Unresolvable(Exception):
    """A relative expression without an anchor (no publication date, or a post's unknown day); `rule`
    says why, when the pattern's name does not."""

    def __init__(self, rule: str | None = None):
        super().__init__(rule)
        self.rule = rule


def _norm(s: str | None) -> str:
    return re.sub(r"\s+", " ", (s or "").strip().lower())


def on_or_before(d: dt.date, isoweekday: int) -> dt.date:
    return d - dt.timedelta(days=(d.isoweekday() - isoweekday) % 7)


def on_or_after(d: dt.date, isoweekday: int) -> dt.date:
    return d + dt.timedelta(days=(isoweekday - d.isoweekday()) % 7)


_POSITION = {
    "early": "START", "earlier": "START", "beginning of": "START", "start of": "START",
    "early part of": "START", "first part of": "START", "mid": "MID", "middle of": "MID",
    "late": "END", "later": "END", "end of": "END", "close of": "END", "latter part of": "END",
    "last part of": "END",
}
_APPROX = {
    "about": "APPROX", "around": "APPROX", "approximately": "APPROX", "roughly": "APPROX", "some": "APPROX",
    "nearly": "LESS_THAN", "almost": "LESS_THAN", "less than": "LESS_THAN", "fewer than": "LESS_THAN",
    "under": "LESS_THAN", "up to": "EQUAL_OR_LESS", "no more than": "EQUAL_OR_LESS",
    "at most": "EQUAL_OR_LESS", "within": "EQUAL_OR_LESS", "more than": "MORE_THAN", "over": "MORE_THAN",
    "at least": "EQUAL_OR_MORE", "no less than": "EQUAL_OR_MORE", "just": None, "only": None,
}


def position_mod(pmod: str | None) -> str | None:
    s = _norm(pmod).replace("the ", "").strip(" -")
    s = re.sub(r" the$", "", s)
    return _POSITION.get(s)


_KNOWN_UNITS = ("day", "week", "month", "year")

# "the last five months of her life", "of the war", "the last 2 months of 2011": counted back from that end, not from publication
_STRETCH_BEFORE = re.compile(r"\b(?:for|over|during|within|throughout)\s+$", re.IGNORECASE)
_IN_BEFORE = re.compile(r"\bin\s+(?:about\s+|around\s+|some\s+|just\s+)?$", re.IGNORECASE)
_OF_AN_END = re.compile(r"\s+of\s+(?:(?:his|her|their|its|the|a|an|last|this|next)\s|\d)")
# an offset counted from publication ("two years ago"), not from the story's time ("two years later")
_DEICTIC_DIRECTIONS = frozenset({"ago", "back", "from now", "hence", "time"})  # ("in two weeks' time")


APPOSITION = re.compile(r"\s*,\s*")  # "Oct. 12, the day before", "today, Tuesday May 1"
HOLIDAY_JUST_PAST = 7  # days after a holiday in which a story may still speak of it ahead (written before)


# before a day, words that make it a day of its own, not a happening's name: a preposition of time
_NOT_A_NAME_BEFORE = re.compile(r"\b(?:on|since|until|till|by|from|before|after)\s+$", re.IGNORECASE)
# "over the next decade" (not "early in the next decade": a part of the decade)
_SPAN_BEFORE = re.compile(r"(?<!early\s)(?<!late\s)(?<!mid\s)\b(?:over|within|during|for|throughout|in)\s+$", re.IGNORECASE)


def _day_of_word(word: str) -> int:
    """The day an ordinal word names ("first", "twenty-first")."""
    return _ORDINAL_DAYS[re.sub(r"[\s-]+", " ", _norm(word))]


class Normalizer:
    """Resolves the candidates of one document, in text order."""

    def __init__(self, dct: dt.date | None, ctx: DocContext, lex: Lexicon) -> None:
        self.dct = dct
        self.ctx = ctx
        self.lex = lex
        self.narrative: Period | None = None
        self.narrative_at = 0  # where the narrative's date is named
        self.at = 0  # where the expression being resolved starts
        self.narrative_text: str | None = None
        self.last_quarter: Period | None = None
        self.explicit_periods: list[tuple[int, int, Period]] = []  # start, end and period of each explicit date
        self.quarters: list[tuple[int, Period]] = []  # start and period of each quarter or half named, however
        self.known: dict[tuple[int, int], Timex] = {}  # expressions event extraction resolved ("the day after his death")
        self.before_at = -1  # where the expression resolved before it starts

    # ------------------------------------------------------------------------------- anchors
    def _now(self) -> dt.date:
        if self.dct is None:
            raise Unresolvable()
        return self.dct

    _ORDER = ("day", "week", "weekend", "month", "quarter", "season", "half", "year", "decade", "century")

    def _narrative_anchor(self, unit: str | None = None) -> tuple[Period, str]:
        """The last explicit date of the narrative; for a `unit` ("two days later"), the last one
        at least that fine ("in 2018 ... the next day" does not anchor on 2018-01-01)."""
        if unit is None or unit not in self._ORDER:
            if self.narrative is not None and not crosses_list_item(self.ctx.text, self.narrative_at, self.at):
                return self.narrative, "narrative"
            return Period("day", self._now()), "publication"
        limit = self._ORDER.index("week" if unit == "weekend" else unit)
        for pos, _, p in reversed(self.explicit_periods):
            if p.granularity in self._ORDER and self._ORDER.index(p.granularity) <= limit:
                if crosses_list_item(self.ctx.text, pos, self.at):
                    break  # a digest's earlier bullet tells another story: "earlier in the day" is not its day
                return p, "narrative"
        return Period("day", self._now()), "publication"

    # words before a year that make it a bound or a comparison, not the time a sentence tells of
    _BOUND_BEFORE = re.compile(r"\b(?:since|until|till|from|before|after|by|through|than|between|and|to|"
                               r"compared\s+with|versus|vs\.?)\s+(?:the\s+)?(?:end\s+of\s+|early\s+|late\s+)?$",
                               re.IGNORECASE)

    def _sentence_year(self, c: Candidate) -> int | None:
        """The year an earlier date of the same sentence names, when it is not the publication's: "In
        2008, they organized a Halloween party", "In 2008, protests began on May 5" are of 2008. Not a
        bound ("since 2008", "from 2008 to ..."), nor a date told after the word."""
        if self.dct is None:
            return None
        s, _ = self.ctx.sentence_chars(c.start)
        text = self.ctx.text
        if self._BOUND_BEFORE.search(text, max(0, c.start - 24), c.start):
            return None  # "had purchased 481,000 shares through Sept. 29": a limit, told from now
        for pos, end, p in reversed(self.explicit_periods):
            if end > c.start:
                continue
            if pos < s:
                return None
            if p.granularity in ("century", "decade") or self._BOUND_BEFORE.search(text, max(0, pos - 24), pos):
                return None
            if self._RELATIVE_WORD.search(text, s, pos):
                return None  # "The committee, which was set up in November 2011, released it on 1 May"
            if not self._NAMES_YEAR.search(text, pos, end):
                return None  # "payable Jan. 2 to stock of record Dec. 15": a day the year was picked for
            if p.start.year == self.dct.year or (p.start.year < self.dct.year) != (self._tense(c) == "past"):
                return None  # "invited in July 1997, will officially join on March 12": another time
            return p.start.year
        return None

    _NAMES_YEAR = re.compile(r"\d{4}|\byears?\b", re.IGNORECASE)
    _RELATIVE_WORD = re.compile(r"\b(?:which|who|whom|whose)\b", re.IGNORECASE)

    def _one_day_when(self, c: Candidate) -> "Token | None":
        """ "one day" (or "some day") as an adverb of when, not a length: before its verb ("will one day
        be", "who one day believed": that verb), or closing a clause of the future ("I'll share the details
        one day in my memoirs": the word itself) -- not "only been in the job one day", "in one day", "will
        last one day", "followed by one day an announcement". None when it is a length."""
        ctx = self.ctx
        if not ctx.has_tags or _norm(ctx.text[c.start:c.end]) not in ("one day", "some day"):
            return None
        j = ctx.token_index(c.start) - 1
        before = ctx.doc[j].tag_ if j >= 0 else ""  # (tags, not parts of speech: the tagger's pipeline has none)
        k = ctx.first_token_at_or_after(c.end)
        if k < len(ctx.doc) and (ctx.doc[k].tag_.startswith("VB") or ctx.doc[k].tag_ == "MD"):
            if ctx.doc[k].lower_ in ("is", "was", "'s", "seems", "seemed"):
                return None  # "one day is enough to demolish it": a length, the subject
            return ctx.doc[k] if before not in ("IN", "CD", "RB", "RBR") else None
        if (re.match(r"\s*(?:[.!?;,]|in\b|at\b|when\b|soon\b)", ctx.text[c.end:c.end + 6]) and self._tense(c) == "future"
                and j >= 0 and before not in ("IN", "CD", "RB", "RBR", "MD", "TO", "VB", "VBZ", "VBD")):
            return ctx.doc[j + 1]
        return None

    def _tense(self, c: Candidate) -> Tense | None:
        return self.ctx.tense(c.start, c.end)

    COMPARISON_REACH = 400  # characters: how far back a compared quarter may be named

    def _sentence_period(self, c: Candidate) -> Period | None:
        """The period a "year ago" comparison refers to: a quarter or half named shortly before
        ("third-quarter profit rose from $1 a year ago" -> the third quarter of the year before)."""
        for pos, p in reversed(self.quarters):
            if c.start - pos > self.COMPARISON_REACH:
                break
            if pos < c.start:
                if self._cumulative(pos, c.start):
                    return None
                return p
        return None

    def _cumulative(self, pos: int, end: int) -> bool:
        """A year-to-date span named between a quarter and its comparison ("For the nine months,
        net rose ... from $1 a year earlier"): the comparison is then the year before, not the quarter."""
        return _CUMULATIVE.search(self.ctx.text, pos, end) is not None

    # ------------------------------------------------------------------------------- entry point
    def resolve(self, c: Candidate) -> Timex:
        kind = c.rule.kind
        handler = getattr(self, f"_{kind}")
        self.before_at, self.at = self.at, c.start
        try:
            res: Resolution = handler(c, c.groups)
        except (Unresolvable, ValueError, OverflowError) as e:  # no anchor, or a date outside the calendar
            return Timex(
                start=c.start, end=c.end, text=self.ctx.text[c.start:c.end], type=c.rule.type, value=None,
                rule=getattr(e, "rule", None) or c.rule.name, relative=True, resolved=False,
            )
        return self._to_timex(c, res)

    def _to_timex(self, c: Candidate, res: Resolution) -> Timex:
        value = res.value
        rs = re_ = gran = None
        if res.period is not None:
            value = res.period.value + (res.time or "")
            rs, re_ = res.period.start, res.period.end
            gran = "time" if res.time else res.period.granularity
            if res.range is not None:
                # Exact bounds the text implies: "earlier this year" ends at publication. The vague
                # "early", "mid", "late" do not narrow the range: where early September ends is a
                # guess, so the range stays the month and `mod` (START, MID, END) says which part.
                rs, re_ = res.range
            if res.type == "DATE" and res.period.granularity in ("quarter", "half") and (
                    res.explicit or res.rule.endswith((".latest_reported", ".latest_complete"))):
                self.quarters.append((c.start, res.period))  # "In the latest quarter, ... last year"
            if res.explicit and res.type in ("DATE", "TIME") and not metadata_date(self.ctx.text, c.start, c.end, value):
                if res.period.granularity != "century":
                    self.narrative, self.narrative_at = res.period, c.start
                self.explicit_periods.append((c.start, c.end, res.period))
                if res.period.granularity in ("quarter", "half"):
                    self.last_quarter = res.period
        elif res.range is not None:
            rs, re_ = res.range
        return Timex(
            start=c.start, end=c.end, text=self.ctx.text[c.start:c.end], type=res.type, value=value,
            range_start=rs, range_end=re_, granularity=gran, mod=res.mod, rule=res.rule,
            anchor=res.anchor.isoformat() if res.anchor else None, anchor_kind=res.anchor_kind,
            relative=res.relative, resolved=True,
        )

    # ------------------------------------------------------------------------------- helpers
    def _month_num(self, word: str) -> int:
        return self.lex.months[_norm(word).rstrip(".")]

    _A_WEEKDAY = re.compile(r"\ban?\s+(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\b", re.IGNORECASE)

    def _any_weekday(self, c: Candidate) -> bool:
        """The weekday is one "a" names ("on a Monday"), or a bare one in the same present-tense sentence as
        such a weekday: any week's, not a date."""
        if re.search(r"\ban?\s+$", self.ctx.text[max(0, c.start - 4):c.start], re.IGNORECASE):
            nxt = self.ctx.first_token_at_or_after(c.end)
            # (not "a Sunday night memorial service": the article is the service's)
            return not (self.ctx.has_tags and nxt < len(self.ctx.doc) and self.ctx.doc[nxt].tag_.startswith("NN"))
        lo, hi = self.ctx.sentence_chars(c.start)
        return self._tense(c) == "present" and self._A_WEEKDAY.search(self.ctx.text, lo, hi) is not None

    def _weekday_num(self, word: str) -> int:
        return self.lex.weekdays[_norm(word).rstrip(".")]

    def _unit(self, word: str) -> str:
        return self.lex.unit_by_form[_norm(word)]

    def _subject_of_a_clause(self, c: Candidate) -> bool:
        """A finite verb follows the expression: it is a clause's subject ("Since Monday is a holiday, ...": since
        as because), not a time something has lasted from."""
        if not self.ctx.has_tags:
            return False
        i = self.ctx.first_token_at_or_after(c.end)
        return i < len(self.ctx.doc) and self.ctx.doc[i].tag_ in ("VBZ", "VBD", "VBP", "MD")

    def _direction(self, c: Candidate, default: str = "past", present: str = "future") -> tuple[str, str]:
        """'past' or 'future' from the clause's tense, with the rule-name suffix saying why.

        A present tense means a schedule for a weekday ("meets on Wednesday": the next one), while
        for a month or season it says little (`present` gives the caller's choice). A date "since" names
        has been lived, whatever the clause's tense ("will dissolve parliament after leading a minority
        government since January")."""
        if _SINCE_BEFORE.search(self.ctx.text, max(0, c.start - 12), c.start) and not self._subject_of_a_clause(c):
            return "past", "since"
        tense = self._tense(c)
        if tense == "past":
            return "past", "past_tense"
        if tense == "future":
            return "future", "future_tense"
        if tense == "present":
            return present, "present_tense"
        return default, "no_tense"

    # ------------------------------------------------------------------------------- absolute
    def _absolute(self, c: Candidate, g: dict) -> Resolution:
        text = self.ctx.text[c.start:c.end]
        pm = g.get("pmod")
        core = text[len(pm):].lstrip(" -") if pm and text.lower().startswith(pm.lower()) else text
        if g.get("nday") and g.get("nmonth"):  # "23.12.2011": day, month, year by number
            day = _date_or_none(int(g["year"]), int(g["nmonth"]), int(g["nday"]))
            if day is None:
                raise Unresolvable()
            return Resolution("DATE", None, c.rule.name, period=Period("day", day))
        day = None if g.get("dayword") else parse_absolute(core)
        if day is None and g.get("month") and g.get("dayword") and g.get("year"):
            try:  # "the First of January of 1959"
                day = dt.date(int(g["year"]), self._month_num(g["month"]),
                              _day_of_word(g["dayword"]))
            except ValueError:
                day = None
        if day is None and g.get("month") and g.get("day") and g.get("year"):
            try:
                day = dt.date(int(g["year"]), self._month_num(g["month"]), int(g["day"]))
            except ValueError:
                day = None
        if day is None:
            raise Unresolvable()
        return Resolution("DATE", None, c.rule.name, period=Period("day", day), mod=position_mod(pm))

    def _numeric_day_month(self, c: Candidate, g: dict) -> Resolution:
        """ "15/5" (day first) or "5/15" (month first): the number above 12 is the day ("5/6" is not matched:
        which is the month, the text does not tell); read as a month's day."""
        day, month = (int(g["dm_day"]), int(g["dm_month"])) if g.get("dm_day") else (int(g["md_day"]), int(g["md_month"]))
        name = next(w for w, n in self.lex.months.items() if n == month)
        return self._month_day(c, {"month": name, "day": str(day)})

    def _month_day(self, c: Candidate, g: dict) -> Resolution:
        month = self._month_num(g["month"])
        day = _day_of_word(g["dayword"]) if g.get("dayword") else int(g["day"])
        now = self._now()
        cands = []
        for y in (now.year - 1, now.year, now.year + 1):
            try:
                cands.append(dt.date(y, month, day))
            except ValueError:
                pass
        if not cands:
            raise Unresolvable()
        named = next((d for d, after in self.lex.named_days.get((month, day), ()) if after.match(self.ctx.text, c.end)), None)
        if (named is not None and not g.get("rel") and not g.get("ryear") and self.dct is not None and named <= self.dct
                and not _NOT_A_NAME_BEFORE.search(self.ctx.text, max(0, c.start - 12), c.start)):
            # "the October 7 attacks", "block January 6 rioters": the happening the day names, of its year (not
            # "On October 7 Russian attacks killed five")
            return Resolution("DATE", None, "month_day.named_day", period=Period("day", named))
        direction, why = self._direction(c, default="nearest", present="nearest")
        if direction == "past" and self._goal(c):
            direction, why = "nearest", "goal"  # "gearing up for early elections on September 4"
        if AHEAD_OF.search(self.ctx.text[max(0, c.start - AHEAD_REACH):c.start]):
            direction, why = "future", "ahead_of"  # "violence has flared up ahead of May 26 elections"
        if re.search(r"\beffective\s+(?:on\s+)?$", self.ctx.text[max(0, c.start - 14):c.start], re.IGNORECASE):
            direction, why = "nearest", "effective"  # "a new office, effective Feb. 1": a start date either side
        if self._of_a_record(c):
            direction, why = "past", "record"  # "an account of July 20": a day already lived
        rel = _norm(g.get("rel"))
        if rel in ("last", "next"):
            direction, why = ("past" if rel == "last" else "future"), rel
        elif direction == "past" and self._moved_ahead(c) and any(
                0 < (d - now).days <= self.MOVED_AHEAD_DAYS for d in cands):
            direction, why = "future", "limit_ahead"  # "the vote was postponed until Dec. 5"
        if g.get("weekday"):
            wd = self._weekday_num(g["weekday"])
            matching = [d for d in cands if d.isoweekday() == wd]
            if matching:
                cands = matching
        if direction == "past":
            before = [d for d in cands if d <= now]
            # a date months ahead in a past-tense clause is more likely this year's than last year's
            pick = max(before) if before else min(cands)
            if (now - pick).days > 300 and why not in ("record", "since") and any(0 < (d - now).days < 60 for d in cands):
                pick = min(d for d in cands if d > now)
        elif direction == "future":
            after = [d for d in cands if d >= now]
            pick = min(after) if after else max(cands)
            if (pick - now).days > 300 and any(0 < (now - d).days < 60 for d in cands):
                pick = max(d for d in cands if d < now)
        else:
            pick = min(cands, key=lambda d: abs((d - now).days))
        year = self._sentence_year(c) if rel not in ("last", "next") else None
        if g.get("ryear") and self.dct is not None:  # "October 15 of last year"
            year = self.dct.year + _YEAR_OFFSET[_norm(g["ryear"])]
        that_day = _date_or_none(year, month, day) if year is not None else None
        if that_day is not None and (not g.get("weekday") or that_day.isoweekday() == self._weekday_num(g["weekday"])):
            pick, now = that_day, self.dct
            why = f"{_norm(g['ryear'])}_year" if g.get("ryear") else "sentence_year"
        if g.get("weekof"):  # "a hearing the week of March 6": the week holding that day
            return Resolution("DATE", None, f"week_of.{why}", period=period_of("week", pick), relative=True,
                              anchor=now, anchor_kind="publication")
        return Resolution(
            "DATE", None, f"month_day.{why}", period=Period("day", pick), mod=position_mod(g.get("pmod")),
            relative=True, anchor=now, anchor_kind="narrative" if why == "sentence_year" else "publication",
        )

    def _month_year(self, c: Candidate, g: dict) -> Resolution:
        p = Period("month", dt.date(int(g["year"]), self._month_num(g["month"]), 1))
        return Resolution("DATE", None, c.rule.name, period=p, mod=position_mod(g.get("pmod")))

    def _month(self, c: Candidate, g: dict) -> Resolution:
        month = self._month_num(g["month"])
        now = self._now()
        ryear = _norm(g.get("ryear"))
        if ryear:
            y = now.year + _YEAR_OFFSET[ryear]
            return Resolution("DATE", None, f"month.{ryear}_year", period=Period("month", dt.date(y, month, 1)),
                              mod=position_mod(g.get("pmod")), relative=True, anchor=now, anchor_kind="publication")
        year = self._sentence_year(c) if not _norm(g.get("rel")) else None
        if year is not None:
            return Resolution("DATE", None, "month.sentence_year", period=Period("month", dt.date(year, month, 1)),
                              mod=position_mod(g.get("pmod")), relative=True, anchor=self.dct, anchor_kind="narrative")
        year = self._story_year(c, month) if not _norm(g.get("rel")) else None
        if year is not None:
            return Resolution("DATE", None, "month.story_year", period=Period("month", dt.date(year, month, 1)),
                              mod=position_mod(g.get("pmod")), relative=True, anchor=self.dct, anchor_kind="narrative")
        p, why = self._pick_month(c, month, _norm(g.get("rel")), now)
        return Resolution("DATE", None, why, period=p, mod=position_mod(g.get("pmod")), relative=True, anchor=now,
                          anchor_kind="publication")

    def _story_year(self, c: Candidate, month: int) -> int | None:
        """The year of a past story a bare month goes on with: the last expression before it, in its
        paragraph, names a month (or a day) of an earlier year than the publication's, before this month, both
        after "in" or "on", and the month's clause is in the past or has no verb ("In May 2005, Kashin threw a
        tomato at the ambassador. In August came the tomatoing of the embassy, and in October the duel": of
        2005). Not a thing's date ("a June 2010 resolution ... the July nuclear deal"), nor with another
        expression between."""
        if self.dct is None or not self.explicit_periods:
            return None
        pos, end, p = self.explicit_periods[-1]
        text = self.ctx.text
        if (end > c.start or p.granularity not in ("month", "day") or p.start.year >= self.dct.year
                or month <= p.start.month or self.before_at != pos
                or crosses_paragraph(text, end, c.start) or self._BOUND_BEFORE.search(text, max(0, pos - 24), pos)
                or not self._TIME_OF_TELLING.search(text, max(0, pos - 24), pos)
                or not self._TIME_OF_TELLING.search(text, max(0, c.start - 24), c.start)):
            return None  # (both the times a story is told at, "in May 2005", not "a June 2010 resolution")
        if self._RELATIVE_WORD.search(text, self.ctx.sentence_chars(pos)[0], pos):
            return None  # "Smith, who was elected mayor in May 2019, was arrested in August": an aside's year
        return p.start.year if self._tense(c) in ("past", None) else None

    _TIME_OF_TELLING = re.compile(r"\b(?:in|on|during)\s+(?:early\s+|mid-?\s*|late\s+)?$", re.IGNORECASE)

    _NTH = {"first": 1, "second": 2, "third": 3, "fourth": 4, "last": -1, "final": -1}

    def _nth_weekday(self, c: Candidate, g: dict) -> Resolution:
        """ "the first Monday of March": that day in the month the month's own conventions pick; "the last
        weekend of April 2012": the weekend of that month's last Saturday."""
        month = self._month_num(g["month"])
        if g.get("year"):
            first = dt.date(int(g["year"]), month, 1)
            rule, rel = "nth_weekday.explicit_year", {}
        else:
            now = self._now()
            p, why = self._pick_month(c, month, "", now)
            first = p.start
            rule, rel = f"nth_weekday.{why.split('.', 1)[-1]}", {"relative": True, "anchor": now,
                                                                   "anchor_kind": "publication"}
        weekday = 6 if g.get("weekend") else self._weekday_num(g["weekday"])
        nth = self._NTH[_norm(g["nth"])]
        if nth > 0:
            day = on_or_after(first, weekday) + dt.timedelta(weeks=nth - 1)
        else:
            day = on_or_before(add_months(first, 1) - dt.timedelta(days=1), weekday)
        if day.month != month:
            raise Unresolvable(c.rule.name)  # "the fifth Monday" of a month that has four
        period = period_of("weekend", day) if g.get("weekend") else Period("day", day)
        return Resolution("DATE", None, rule, period=period, **rel)

    MONTH_AHEAD_IN_PAST = 1  # the month after the publication month is the coming one even in a past clause

    def _pick_month(self, c: Candidate, month: int, rel: str, now: dt.date) -> tuple[Period, str]:
        this_year = dt.date(now.year, month, 1)
        cur = now.replace(day=1)
        if rel == "last" or rel == "past" or rel == "this past":
            p = this_year if this_year < cur else dt.date(now.year - 1, month, 1)
            return Period("month", p), "month.last"
        if rel == "next" or rel == "coming" or rel == "this coming":
            p = this_year if this_year > cur else dt.date(now.year + 1, month, 1)
            return Period("month", p), "month.next"
        if rel == "this":
            return Period("month", this_year), "month.this"
        direction, why = self._direction(c, default="nearest", present="nearest")
        if direction == "past" and self._goal(c):
            direction, why = "nearest", "goal"
        if self._of_a_record(c):
            direction, why = "past", "record"  # "footage of March": a month already lived
        ahead = (month - now.month) % 12
        before = self.ctx.text[max(0, c.start - 12):c.start].lower()
        if direction == "nearest":
            # a present clause, or none: a schedule ("the law takes effect in January") or a state
            # around now ("prices are high in August"): the occurrence nearest to publication, ahead
            # on a tie ("since May" looks back: see `_direction`)
            direction = "future" if ahead <= 6 else "past"
        if direction == "past" and 0 < ahead and ahead * 31 <= self.MOVED_AHEAD_DAYS and self._moved_ahead(c):
            # a date something was moved to or given until ("the vote was delayed until December", "was
            # postponed to March") is ahead, however far
            direction, why = "future", "limit_ahead"
        elif direction == "past" and 0 < ahead <= 3 and re.search(r"\b(?:until|till|by|through|before)\s+$", before):
            # a deadline just ahead in a past clause ("gave it until mid-November") is to come
            direction, why = "future", "deadline"
        elif direction == "past" and 0 < ahead <= self.MONTH_AHEAD_IN_PAST and why not in ("record", "since"):
            # reported plans: "announced an agreement to acquire the bank in December" (said in
            # November) is the coming December, not one eleven months back
            direction, why = "future", "near_ahead"
        if direction == "past":
            p = this_year if this_year <= cur else dt.date(now.year - 1, month, 1)
        else:
            p = this_year if this_year >= cur else dt.date(now.year + 1, month, 1)
        return Period("month", p), f"month.{why}"

    def _season(self, c: Candidate, g: dict) -> Resolution:
        code = self.lex.seasons[_norm(g["season"])]
        mod = position_mod(g.get("pmod"))
        if g.get("year"):
            p = Period("season", dt.date(int(g["year"]), 3 * {"SP": 1, "SU": 2, "FA": 3, "WI": 4}[code], 1), code)
            return Resolution("DATE", None, "season.explicit_year", period=p, mod=mod)
        now = self._now()
        cur = period_of("season", now)
        this = period_of("season", dt.date(now.year, {"SP": 4, "SU": 7, "FA": 10, "WI": 12}[code], 1), code)
        rel = _norm(g.get("rel"))
        if rel in ("that", "that same", "the same"):
            # "In 2005, Morozov threw tomatoes ... that summer": the season of the narrative's year
            anchor, kind = self._narrative_anchor("year")
            p = period_of("season", dt.date(anchor.start.year, {"SP": 4, "SU": 7, "FA": 10, "WI": 12}[code], 1), code)
            if anchor.granularity == "season" and anchor.season == code:
                p = anchor
            elif kind == "publication" and p.start > anchor.start:
                p = shift(p, -1, "year")  # no year told: the last such season, not one still to come
            return Resolution("DATE", None, "anaphoric.that_season", period=p, mod=mod, relative=True,
                              anchor=anchor.start, anchor_kind=kind)
        if rel == "this":  # "this summer": the one of the publication year, whatever the tense
            p, why = (cur if cur.season == code else this), "this"
        elif rel in ("last", "past", "this past"):
            p = this if this.start < cur.start else shift(this, -1, "year")
            why = "last"
        elif rel in ("next", "coming", "this coming"):
            p = this if this.start > cur.start else shift(this, 1, "year")
            why = "next"
        else:
            direction, why = self._direction(c, default="same_year", present="same_year")
            if direction == "past":
                p = this if this.start <= cur.start else shift(this, -1, "year")
            elif direction == "future":
                p = this if this.start >= cur.start else shift(this, 1, "year")
            else:
                p = this
        return Resolution("DATE", None, f"season.{why}", period=p, mod=mod, relative=True, anchor=now,
                          anchor_kind="publication")

    def _year(self, c: Candidate, g: dict) -> Resolution:
        y = int(g["year"])
        return Resolution("DATE", None, c.rule.name, period=Period("year", dt.date(y, 1, 1)),
                          mod=position_mod(g.get("pmod")))

    def _year_short(self, c: Candidate, g: dict) -> Resolution:
        """ "in '98": the year with those last two digits nearest publication, not more than a few years
        ahead ('98 written in 2012 is 1998; '14 is 2014)."""
        yy = int(g["yy"])
        now = self._now()
        y = now.year - now.year % 100 + yy
        if y > now.year + 5:
            y -= 100
        return Resolution("DATE", None, c.rule.name, period=Period("year", dt.date(y, 1, 1)), relative=True,
                          anchor=now, anchor_kind="publication")

    def _year_spoken(self, c: Candidate, g: dict) -> Resolution:
        y = parse_spoken_year(g["spoken"])
        if y is None or not 1000 <= y <= 2999:
            raise Unresolvable()
        if g.get("month"):  # broadcast transcripts: "January nineteen ninety-seven"
            return Resolution("DATE", None, c.rule.name, period=Period("month", dt.date(y, self._month_num(g["month"]), 1)))
        if g.get("season"):  # "the winter of nineteen ninety-four"
            code = self.lex.seasons[_norm(g["season"])]
            p = Period("season", dt.date(y, 3 * {"SP": 1, "SU": 2, "FA": 3, "WI": 4}[code], 1), code)
            return Resolution("DATE", None, c.rule.name, period=p)
        return Resolution("DATE", None, c.rule.name, period=Period("year", dt.date(y, 1, 1)))

    def _decade(self, c: Candidate, g: dict) -> Resolution:
        mod = position_mod(g.get("pmod"))
        if g.get("dec"):
            y = int(g["dec"])
        else:
            tens = int(g["dec2"]) // 10 if g.get("dec2") else decade_word(g["decword"])
            if tens is None:
                raise Unresolvable()
            ref_year = self.dct.year if self.dct else 2000
            y = (ref_year // 100) * 100 + tens * 10
            if y > ref_year:
                y -= 100
            if g.get("decword"):
                y = 1900 + tens * 10
        return Resolution("DATE", None, c.rule.name, period=Period("decade", dt.date(max(y, 1), 1, 1)), mod=mod)

    def _century(self, c: Candidate, g: dict) -> Resolution:
        word = _norm(g["ord"])
        n = self.lex.ordinals.get(word)
        if n is None:
            n = int(re.match(r"\d+", word).group(0))
        if n < 1:
            raise Unresolvable()
        p = Period("century", dt.date(max((n - 1) * 100, 1), 1, 1))
        return Resolution("DATE", None, c.rule.name, period=p, mod=position_mod(g.get("pmod")))

    def _named(self, c: Candidate, g: dict) -> Resolution:
        """ "9/11": a day with a name of its own, whatever the publication date."""
        day = dt.date.fromisoformat(self.lex.named_dates[g["named"]])
        return Resolution("DATE", None, "date.named", period=Period("day", day))

    def _holiday(self, c: Candidate, g: dict) -> Resolution:
        spec = self.lex.holidays[_norm(g["holiday"])]

        def on(year: int) -> dt.date:
            if "easter" in spec:  # Western Easter and the days counted from it ("Good Friday": -2)
                return easter(year) + dt.timedelta(days=spec["easter"])
            if "day" in spec:
                return dt.date(year, spec["month"], spec["day"])
            first = dt.date(year, spec["month"], 1 + spec.get("after_day", 0))
            if spec["nth"] > 0:
                return on_or_after(first, spec["weekday"]) + dt.timedelta(weeks=spec["nth"] - 1)
            last = add_months(dt.date(year, spec["month"], 1), 1) - dt.timedelta(days=1)
            return on_or_before(last, spec["weekday"])

        if g.get("year"):
            return Resolution("DATE", None, "holiday.explicit_year", period=Period("day", on(int(g["year"]))))
        year = self._sentence_year(c) if not g.get("rel") else None
        if year is not None:  # "In 2008, they organized a Halloween party"
            return Resolution("DATE", None, "holiday.sentence_year", period=Period("day", on(year)), relative=True,
                              anchor=self.dct, anchor_kind="narrative")
        now = self._now()
        near = spec.get("near")  # "Labor Day" written in the days around May 1 is May Day ("Día del Trabajo")
        if near and now is not None and not g.get("rel") and self._direction(c, present="past")[0] != "future":
            day = dt.date(now.year, near[0], near[1])
            if abs((now - day).days) <= near[2]:
                return Resolution("DATE", None, "holiday.near", period=Period("day", day), relative=True,
                                  anchor=now, anchor_kind="publication")
        rel = _norm(g.get("rel"))
        this = on(now.year)
        if rel == "last":
            d, why = (this if this < now else on(now.year - 1)), "last"
        elif rel == "next":
            d, why = (this if this > now else on(now.year + 1)), "next"
        else:
            direction, why = self._direction(c)
            if direction == "past":
                d = this if this <= now else on(now.year - 1)
            elif 0 < (now - this).days <= HOLIDAY_JUST_PAST:
                # "will march on May Day" in a story out on May 3: written before the day, not of next year
                d, why = this, "just_past"
            else:
                d = this if this >= now else on(now.year + 1)
        return Resolution("DATE", None, f"holiday.{why}", period=Period("day", d), relative=True, anchor=now,
                          anchor_kind="publication")

    # ------------------------------------------------------------------------------- quarters
    def _quarter_period(self, n: int, unit: str, year: int) -> Period:
        if unit == "half":
            return Period("half", dt.date(year, 1 if n == 1 else 7, 1))
        return Period("quarter", dt.date(year, 3 * n - 2, 1))

    def _quarter(self, c: Candidate, g: dict) -> Resolution:
        n = self.lex.ordinals[_norm(g["qord"])]
        unit = "half" if _norm(g["qunit"]) == "half" else "quarter"
        if n < 0:
            if unit == "quarter" and not (g.get("year") or g.get("qyear") or g.get("ryear") or g.get("ryear2")):
                return self._quarter_ref(c, {"qrel": "last", "qunit": "quarter"})
            n = 2 if unit == "half" else 4
        if unit == "half" and n > 2:
            raise Unresolvable()
        explicit_year = g.get("year") or g.get("qyear")
        if explicit_year:
            p = self._quarter_period(n, unit, int(explicit_year))
            return Resolution("DATE", None, f"{unit}.explicit_year", period=p)
        now = self._now()
        ryear = _norm(g.get("ryear") or g.get("ryear2"))
        year = now.year
        why = "publication_year"
        if ryear.startswith(("year-", "last", "the same", "same", "comparable", "corresponding", "the comparable", "the corresponding")):
            if ryear.startswith(("year-", "last")) or "year-" in ryear:
                year -= 1
                why = "year_before"
        elif ryear.startswith("next"):
            year += 1
            why = "next_year"
        p = self._quarter_period(n, unit, year)
        if why == "publication_year" and p.start > now:
            direction, _ = self._direction(c, default="future")
            if direction == "past":
                p = shift(p, -1, "year")
                why = "previous_year_past_tense"
        return Resolution("DATE", None, f"{unit}.{why}", period=p, relative=True, anchor=now,
                          anchor_kind="publication")

    def _quarter_ref(self, c: Candidate, g: dict) -> Resolution:
        rel = _norm(g.get("qrel"))
        unit = _norm(g.get("qunit")) or "quarter"
        now = self._now()
        gran = "half" if unit == "half" else "quarter"
        current = period_of(gran, now)
        base = self.last_quarter if self.last_quarter and self.last_quarter.granularity == gran else None
        anchor_kind = "narrative" if base else "publication"
        reported = base or shift(current, -1)  # the quarter being reported on
        if g.get("qyear"):
            y = int(g["qyear"])
            p = Period(gran, reported.start.replace(year=y))
            return Resolution("DATE", None, f"{gran}.year_of_reported", period=p, relative=True,
                              anchor=reported.start, anchor_kind=anchor_kind, explicit=False)
        ended = _QUARTER_ENDED.match(self.ctx.text, c.end)
        if ended and not rel and base is None and unit in ("quarter", "period") and \
                ended.group("month").lower().rstrip(".") in self.lex.months:
            # "the quarter ended July 31": the calendar quarter holding most of the three months
            # (a fiscal quarter May-July is the second), in the year the end date falls before now;
            # after a named (fiscal) quarter, "the quarter" stays that one
            month, day = self._month_num(ended.group("month")), int(ended.group("day"))
            end = dt.date(now.year, month, min(day, 28))
            if end > now:
                end = end.replace(year=now.year - 1)
            p = period_of("quarter", end - dt.timedelta(days=45))
            self.last_quarter = p  # the quarter reported on from here ("during the quarter")
            return Resolution("DATE", None, "quarter.ended_on", period=p, relative=True, anchor=now,
                              anchor_kind="publication", explicit=False)
        if unit == "period" and rel in ("this", "that") and base is None:
            # "during this period", "art from that period": a stretch the text spoke of, no quarter (none was
            # named before: "this period" of a quarterly report follows one)
            raise Unresolvable("quarter.period_of_the_text")
        if rel in ("current", "this"):
            p, why = current, "current"
        elif rel in ("previous", "prior", "last") and unit != "period":
            p, why = (shift(base, -1) if base else shift(current, -1)), "previous"
        elif rel == "next":
            p, why = shift(current, 1), "next"
        elif any(w in rel for w in ("year-ago", "year-earlier", "year-before", "comparable", "corresponding", "same")):
            p, why = shift(reported, -1, "year"), "year_ago"
            return Resolution("DATE", None, f"{gran}.{why}", period=p, relative=True, anchor=reported.start,
                              anchor_kind=anchor_kind, explicit=False)
        elif rel in ("latest", "recent"):
            # the quarter last named, if complete ("fiscal second-quarter ... The latest period"),
            # else the last complete quarter
            done = base is not None and base.start <= shift(current, -1).start
            p, why = (base, "latest_reported") if done else (shift(current, -1), "latest_complete")
        else:
            p, why = reported, "reported"
        if unit == "period" and not rel:
            raise Unresolvable()
        return Resolution("DATE", None, f"{gran}.{why}", period=p, relative=True, anchor=now,
                          anchor_kind=anchor_kind, explicit=why in ("current", "reported") and base is None)

    # ------------------------------------------------------------------------------- days
    SPEECH_DAY_REACH = 7  # days before publication a quotation's "today" may have been said

    def _speech_day(self, c: Candidate) -> dt.date | None:
        """The day a quotation was said, when the text tells it and it is not the publication day: a day
        that dates the quotation's own sentence ("On March 3, his page posted: 'Not today.'"), or, for
        "today" and "tonight", the story's day of the week before publication in the quotation's paragraph
        or the one before, the quote reported in the past (a report of Monday's match published Tuesday:
        "We learned a lot from today's game," the coach said). A quotation must not run across a
        paragraph to the word, and the reporting verb must be in the past."""
        quotes = quotes_of(self.ctx.text)
        quote = quotes.containing(c.start)
        text = self.ctx.text
        if quote is None or self.dct is None or crosses_paragraph(text, quote[0], c.start):
            return None
        before = [(pos, p) for pos, _, p in self.explicit_periods if pos < quote[0]]
        if not before:
            return None
        pos, p = before[-1]
        # a post or a paragraph its intro presents ("On May 17 the ministry tweeted:") is reported before it
        set_apart = quote in quotes.introduced or quote in quotes.posters
        intro = quotes.introduced.get(quote)  # "posted:" -- also before the original a translation follows
        dated_source = _DATED_SOURCE.search(text, max(0, pos - 40), pos) is not None
        if p.granularity != "day" or not p.start < self.dct or not (
                dated_source or self._reported_in_past(quote, set_apart, intro)):
            return None  # ("A post from April 29 tells:" dates its words whatever the tense)
        if not re.search(r"[.!?]\s", text[pos:quote[0] if intro is None else intro]):
            return p.start  # the quotation's own sentence names its day
        if dated_source and len(PARAGRAPH_BREAK.findall(text, pos, quote[0])) <= 1:
            return p.start  # "A post from April 29 tells a history. Chevugi also writes:" then the post
        word = _norm(c.groups.get("word"))
        if not word and c.groups.get("pod") and _norm(c.groups.get("rel")) in ("this", "last"):
            word = "today"  # "early this morning", "last night": of the day it was said, as "today" is
        breaks = len(PARAGRAPH_BREAK.findall(text, pos, c.start))
        recent = self.dct - dt.timedelta(days=self.SPEECH_DAY_REACH) <= p.start
        return p.start if word in ("today", "tonight") and recent and breaks <= 1 else None

    def _in_undated_post(self, c: Candidate) -> bool:
        """Inside a post, a letter or a passage the article sets apart in its own paragraph ("Matar wrote:"
        then what she wrote; "@user: ...") with no day told for it: its "today" is the day it was
        written, which a blog may quote days or weeks later, so it is not taken for the publication day."""
        quotes = quotes_of(self.ctx.text)
        quote = quotes.containing(c.start)
        return quote is not None and quote not in quotes.loosely_introduced and (
            quote in quotes.introduced or quote in quotes.posters)

    def _reported_in_past(self, quote: tuple[int, int], set_apart: bool = False, intro: int | None = None) -> bool:
        """The verb that reports a quotation (just after it, else just before it; just before a quotation
        set apart in its own paragraph) is in the past."""
        ctx = self.ctx
        if not ctx.has_tags:
            return False
        after = ctx.first_token_at_or_after(quote[1])
        for j in range(after, after if set_apart else min(after + 8, len(ctx.doc))):
            tag = ctx.doc[j].tag_
            if tag.startswith("VB") and tag != "VBG" or ctx.doc[j].text in ".!?":
                return tag in ("VBD", "VBN")
        k = ctx.token_index(quote[0] if intro is None else intro)
        for j in range(k - 1, max(k - self.INTRO_VERB_REACH - 1, -1), -1):
            tag = ctx.doc[j].tag_
            if ctx.doc[j].text in (".", "!", "?"):
                return False  # the intro's own sentence only
            if tag.startswith("VB") and tag != "VBG" and not ctx.doc[j].text.startswith("@"):  # not "@handle:"
                return tag in ("VBD", "VBN")
        return False

    # tokens back from an intro's colon to its verb ("the Yankees sounded the alarm over the veteran pitcher's
    # possible injury:")
    INTRO_VERB_REACH = 14

    _INTERVIEWED = re.compile(r"\binterview(?:ed|s)?\b[^.\n]{0,120}?\b(?:on|held\s+on)\s+$", re.IGNORECASE)
    INTERVIEW_REACH = 62  # days before publication an interview the article presents may have been held

    def _interview_day(self, c: Candidate) -> dt.date | None:
        """The day the article says its interview was held ("Wikinews interviewed him ... on May 18,
        2006"), for the words after that: the answers' "today" and "yesterday" are that day's."""
        if self.dct is None:
            return None
        text = self.ctx.text
        for pos, end, p in self.explicit_periods:
            if end > c.start:
                break
            if (p.granularity == "day" and self.dct - dt.timedelta(days=self.INTERVIEW_REACH) <= p.start < self.dct
                    and self._INTERVIEWED.search(text, max(0, pos - 140), pos)):
                return p.start
        return None

    def _said_on(self, c: Candidate) -> dt.date | None:
        """The day the words around `c` were said, when not the publication day: a quotation's or an
        interview's."""
        return self._speech_day(c) or self._interview_day(c)

    def _deictic(self, c: Candidate, g: dict) -> Resolution:
        now = self._now()
        said = self._said_on(c)
        kind = "publication"
        if said is not None:
            now, kind = said, "speech"
        elif self._in_undated_post(c):
            raise Unresolvable(f"deictic.{_norm(g['word']).replace(' ', '_')}.undated_post")
        word = _norm(g["word"])
        offset = {"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1, "the day before yesterday": -2,
                  "the day after tomorrow": 2}[word]
        d = now + dt.timedelta(days=offset)
        pod = g.get("pod")
        time = None
        if word == "tonight":
            time = "TNI"
        if pod:
            time = "T" + self.lex.parts_of_day[_norm(pod)]
        rule = f"deictic.{word.replace(' ', '_')}"
        if time and word != "tonight":
            rule += "_" + _norm(pod)
        if kind == "speech":
            rule += ".in_quote"
        return Resolution("DATE", None, rule, period=Period("day", d),
                          mod=position_mod(g.get("pmod")), relative=True, anchor=now, anchor_kind=kind)

    def _part_of_day(self, c: Candidate, g: dict) -> Resolution:
        pod = self.lex.parts_of_day[_norm(g["pod"])]
        rel = _norm(g.get("rel"))
        word = _norm(g.get("word"))
        if rel in ("that", "the"):
            anchor, kind = self._narrative_anchor("day")
            d = anchor.start
            if rel == "the" and (kind != "narrative" or (self.dct is not None and d > self.dct
                                                         and self._tense(c) == "past")):
                # "in the morning" of no day the story has named, or of one still to come in a past clause
                # ("The vote is on June 10. In the evening, police raided ...")
                raise Unresolvable(c.rule.name)
        else:
            now = self._now()
            kind = "publication"
            said = self._said_on(c)
            if said is not None:
                now, kind = said, "speech"  # a tweet of May 8: "burnt early this morning"
            offset = {"yesterday": -1, "tomorrow": 1}.get(word or rel, 0)
            if rel == "last":
                offset = -1 if pod == "NI" else 0
            if _norm(g["pod"]) == "overnight":
                direction, _ = self._direction(c)
                offset = -1 if direction == "past" else 0
            d = now + dt.timedelta(days=offset)
            if not rel and not word and kind == "publication" and _norm(g["pod"]) != "overnight" \
                    and self._tense(c) == "past" and not self._habit_before(c):
                anchor, story = self._narrative_anchor("day")
                if story == "narrative" and anchor.start <= now and self._named_nearby(anchor, c.start):
                    # "Police removed the camp on May 13. In the early morning hours the authorities
                    # intervened": the story's day's early morning, not the publication day's (not a day
                    # still to come, nor one named paragraphs above, nor a habit's "usually ... in the morning")
                    d, kind = anchor.start, "narrative"
        rule = f"part_of_day.{rel or word or 'bare'}" + (".in_quote" if kind == "speech" else "")
        return Resolution("TIME", None, rule, period=Period("day", d),
                          time="T" + pod, relative=True, anchor=d, anchor_kind=kind)

    def _named_nearby(self, anchor: Period, pos: int) -> bool:
        """The explicit date `anchor` was last named in the paragraph of `pos` or the one before it."""
        at = next((start for start, _, p in reversed(self.explicit_periods) if p is anchor), None)
        return at is not None and len(PARAGRAPH_BREAK.findall(self.ctx.text, at, pos)) <= 1

    _HABIT = re.compile(r"\b(?:usually|often|always|sometimes|normally|typically|every|would)\b", re.IGNORECASE)

    def _habit_before(self, c: Candidate) -> bool:
        """A word of habit earlier in the expression's sentence ("usually walked to work in the early morning")."""
        s, _ = self.ctx.sentence_chars(c.start)
        return self._HABIT.search(self.ctx.text, s, c.start) is not None

    def _weekday(self, c: Candidate, g: dict) -> Resolution:
        wd = self._weekday_num(g["weekday"])
        rel = _norm(g.get("rel"))
        pod = g.get("pod")
        if not rel and self._any_weekday(c):
            # "We read the ideas on a Monday, come in Tuesday and pick an issue": any week's, a habit's day
            return Resolution("DATE", f"XXXX-WXX-{wd}", "weekday.generic", explicit=False)
        if rel == "that":
            anchor, kind = self._narrative_anchor("week")
            a = anchor.start
            before, after = on_or_before(a, wd), on_or_after(a, wd)
            d = before if (a - before) <= (after - a) else after
            return Resolution("DATE", None, "weekday.that_narrative", period=Period("day", d),
                              relative=True, anchor=a, anchor_kind=kind)
        if rel == "next" and re.search(r"\bthe\s+$", self.ctx.text[max(0, c.start - 4):c.start], re.IGNORECASE) \
                and self._tense(c) == "past":
            rel = "the following"  # "We visited on Saturday. I went back the next Tuesday": after the story's day
        if rel in ("the previous", "the prior", "the preceding", "the following"):
            # "down 4.5% from the previous Friday": the one before the narrative's day
            anchor, kind = self._narrative_anchor("day")
            a = anchor.start
            d = on_or_before(a - dt.timedelta(days=1), wd) if rel != "the following" else on_or_after(
                a + dt.timedelta(days=1), wd)
            return Resolution("DATE", None, f"weekday.{rel.split()[-1]}_narrative", period=Period("day", d),
                              relative=True, anchor=a, anchor_kind=kind)
        now = self._now()
        if rel in ("last", "past", "this past"):
            d, why = on_or_before(now - dt.timedelta(days=1), wd), "last"
        elif rel in ("next", "coming", "this coming"):
            d, why = on_or_after(now + dt.timedelta(days=1), wd), "next"
        else:
            direction, why = self._direction(c)
            if why != "past_tense" and re.match(r"['’]s\b", self.ctx.text[c.end:c.end + 3]) and not re.search(
                    r"\b(?:will|'ll|shall)\b", self.ctx.text[max(0, c.start - 60):c.start]):
                direction, why = "past", "possessive"  # "Thursday's closing price": a reported past
            limit = _EARLIEST.search(self.ctx.text[max(0, c.start - 30):c.start]) if direction == "past" else None
            if limit and not (_UNTIL.match(limit.group(0)) and self._past_state_until(c)) or \
                    direction == "past" and self._moved_ahead(c):
                direction, why = "future", "limit_ahead"  # "as early as Monday", "postponed to Tuesday"
            elif AHEAD_OF.search(self.ctx.text[max(0, c.start - AHEAD_REACH):c.start]):
                direction, why = "future", "ahead_of"
            d = on_or_before(now, wd) if direction == "past" else on_or_after(now, wd)
            if direction == "past" and why in ("past_tense", "no_tense"):
                step = self._sequence_from(c, wd, now)
                if step is not None:
                    d, why = step, "sequence"  # "started on Saturday, May 5, then beat Norway on Sunday"
        dom = g.get("dom") or g.get("dom2")
        if dom:  # "last Thursday, the 5": the Thursday that is a 5th, the nearest such on the side d is on
            months = [add_months(now.replace(day=1), k) for k in range(-13, 14)]
            fits = [x for m in months if (x := _date_or_none(m.year, m.month, int(dom))) is not None
                    and x.isoweekday() == wd]
            side = [x for x in fits if (x <= now) == (d <= now)] or fits
            if side:
                d, why = min(side, key=lambda x: abs((x - d).days)), f"{why}_day_of_month"
        if g.get("offdir"):  # "the day before last Tuesday's hearing"
            d += dt.timedelta(days=-1 if _norm(g["offdir"]) == "before" else 1)
            why = f"day_{_norm(g['offdir'])}_{why}"
        # "Wednesday night/morning" is a DATE whose value is the day (the corpora split evenly on
        # TNI/TMO); "Wednesday evening" keeps its part of day (2025-09-03TEV), as all of them do
        time = "TEV" if _norm(pod) == "evening" else None
        return Resolution("DATE", None, f"weekday.{why}{'_' + _norm(pod) if pod else ''}", period=Period("day", d),
                          time=time, mod=position_mod(g.get("pmod")), relative=True, anchor=now,
                          anchor_kind="publication")

    def _sequence_from(self, c: Candidate, wd: int, now: dt.date) -> dt.date | None:
        """The weekday after a day the same sentence names as when something happened ("started on Saturday,
        May 5, before going on to beat Norway on Sunday, Germany on Tuesday"): the first such weekday after
        it, when the one before publication would lie a week or more later."""
        lo, _ = self.ctx.sentence_chars(c.start)
        days = [(pos, p) for pos, _, p in self.explicit_periods if lo <= pos < c.start and p.granularity == "day"]
        if not days:
            return None
        pos, p = days[-1]
        if not re.search(r"\bon\s+$", self.ctx.text[max(0, pos - 4):pos]):
            return None  # "the results of the May 5 vote were announced Tuesday": the latest Tuesday
        step = on_or_after(p.start + dt.timedelta(days=1), wd)
        return step if step <= now and (on_or_before(now, wd) - step).days >= 7 else None

    _MOVED_TO = re.compile(r"\b(?:until|till|to)\s+$", re.IGNORECASE)
    # "from May 1 to", "from Monday to": a first date the second one is read with (not "from Paris to")
    _FROM_WORD = re.compile(r"\bfrom\s+([A-Za-z]+|\d)\S*(?:\s+\S+){0,3}\s+to\s+$")
    MOVED_AHEAD_DAYS = 250  # a date moved to lies within about eight months ahead ("delayed until December")

    def _goal(self, c: Candidate) -> bool:
        """The date is of a thing called for, prepared for or awaited ("called for a summit in July")."""
        return goal_date(self.ctx.text, c.start, self.lex.goal_before)

    def _of_a_record(self, c: Candidate) -> bool:
        """The date is what an account, footage or memory is of ("an account of July 20"): past."""
        before = self.ctx.text[max(0, c.start - 60):c.start]
        return bool(self.lex.record_before and self.lex.record_before.search(before))

    def _moved_ahead(self, c: Candidate) -> bool:
        """A date something was moved to or given until ("was delayed until December", "postponed to
        Dec. 5"): ahead of publication, not the end of a past state ("remained closed until May 3") nor
        the second of two dates ("postponed from May 1 to May 8", which the first date places)."""
        before = self.ctx.text[max(0, c.start - 40):c.start]
        if not self._MOVED_TO.search(before):
            return False
        first = self._FROM_WORD.search(before)
        if first and (first.group(1).isdigit() or first.group(1).lower().rstrip(".") in self.lex.months
                      or first.group(1).lower() in self.lex.weekdays):
            return False
        ctx = self.ctx
        if not ctx.has_tags:
            return False
        j = ctx.nearest_verb(ctx.token_index(c.start) - 1, -1, 11)  # the verb that moved it or gave until
        at = ctx.doc[j].idx if j is not None else None
        return at is not None and bool(self.lex.change_verbs.match(ctx.text, at) or self.lex.limit_verbs.match(ctx.text, at))

    def _past_state_until(self, c: Candidate) -> bool:
        """ "remained closed until Tuesday": a past state that ended then, unlike a limit set ahead
        ("extended its offer until Tuesday", "gave them until Tuesday"), which the nearest verb tells."""
        ctx = self.ctx
        if not ctx.has_tags:
            return False
        i = ctx.token_index(c.start)
        j = ctx.nearest_verb(i - 1, -1, 11)  # the verb before "until", else the clause's verb after it
        if j is None:
            j = ctx.nearest_verb(ctx.first_token_at_or_after(c.end), 1, 10)
        if j is None:
            return False
        at = ctx.doc[j].idx
        return not (self.lex.change_verbs.match(ctx.text, at) or self.lex.limit_verbs.match(ctx.text, at))

    # ------------------------------------------------------------------------------- units
    def _rel_unit(self, c: Candidate, g: dict) -> Resolution:
        rel = _norm(g.get("rel"))
        unit = _norm(g["unit"])
        pmod = _norm(g.get("pmod"))
        if unit == "year" and rel == "end":
            # "year-end", "year end": the closing day of the books, December 31 (GUM's annotators and
            # half of TimeBank's read it so); "the end of the year" stays the year with mod END.
            # "since year-end" looks back to the last one before publication.
            now = self._now()
            if pmod:
                return Resolution("DATE", None, "year_end", period=period_of("year", now), mod="END",
                                  relative=True, anchor=now, anchor_kind="publication")
            before = self.ctx.text[max(0, c.start - 12):c.start].lower()
            year = now.year - 1 if re.search(r"\bsince\s+$", before) and now != dt.date(now.year, 12, 31) \
                else now.year
            return Resolution("DATE", None, "year_end.day", period=Period("day", dt.date(year, 12, 31)),
                              relative=True, anchor=now, anchor_kind="publication")
        back = c.has_det and rel in ("past", "last") and unit not in ("weekend",)
        ahead = (c.has_det and rel in ("next", "coming") and unit in ("decade", "century") and not pmod
                 and _SPAN_BEFORE.search(self.ctx.text, max(0, c.start - 12), c.start))
        if back or ahead:
            # "the past year" is a duration (TimeML), up to now; "last year" a date. "Over the next decade" is the
            # ten years from the morrow, as news means it ("invest $80 billion over the next decade"), not the 2030s
            # ("early in the next decade", "by the next decade" are)
            now = self.dct
            rng = None
            if now is not None:
                day = Period("day", now)
                rng = ((shift(day, -1, unit).start + dt.timedelta(days=1), now) if back
                       else (now + dt.timedelta(days=1), shift(day, 1, unit).start))
            n_units = self.lex.units[unit].get("factor", 1)
            return Resolution("DURATION", duration_value(n_units, self.lex.units[unit]["code"]),
                              f"duration.the_{rel}_{unit}", range=rng, relative=True, anchor=now,
                              anchor_kind="publication" if now else None)
        if rel == "the":  # "earlier in the year": the narrative's (else publication) year
            anchor, kind = self._narrative_anchor()
            p = period_of(unit, anchor.start)
            return Resolution("DATE", None, f"relative.{pmod}_in_the_{unit}", period=p,
                              mod=position_mod(pmod), relative=True, anchor=anchor.start, anchor_kind=kind,
                              explicit=False)
        if unit == "year" and rel == "last" and not pmod and self._compared_with(c):
            compared = self._sentence_period(c)
            if compared is not None:
                # "earnings of $33 million last year" after "In the latest quarter": that quarter a year back
                return Resolution("DATE", None, "comparison.last_year_period", period=shift(compared, -1, "year"),
                                  relative=True, anchor=compared.start, anchor_kind="narrative", explicit=False)
        now = self._now()
        kind = "publication"
        said = self._said_on(c) if unit in ("week", "weekend", "month") else None
        if said is not None:
            now, kind = said, "speech"  # "Last week, two reporters were interrogated," a post of April 2 said
        gran = unit
        if unit == "weekend":
            cur = period_of("weekend", now)
            if rel in ("last", "past", "previous", "this past"):
                p = cur if cur.end < now else shift(cur, -1)
            elif rel in ("next", "coming", "this coming"):
                p = cur if cur.start > now else shift(cur, 1)
            else:
                direction, _ = self._direction(c)
                if direction == "past":
                    p = cur if cur.start <= now else shift(cur, -1)
                else:
                    p = cur if cur.end >= now else shift(cur, 1)
            return Resolution("DATE", None, f"relative.{rel.replace(' ', '_')}_weekend", period=p, relative=True,
                              anchor=now, anchor_kind=kind)
        cur = period_of(gran, now)
        if rel in ("this", "current"):
            p = cur
        elif rel in ("last", "past", "previous", "this past", "latest"):
            p = shift(cur, -1)
        elif rel in ("next", "coming", "this coming"):
            p = shift(cur, 1)
        else:
            p = cur
        mod = position_mod(pmod)
        rng = None
        if rel in ("this", "current") and pmod in ("earlier", "early"):
            rng = (p.start, min(now, p.end)) if pmod == "earlier" else None
        if rel in ("this", "current") and pmod in ("later", "late"):
            rng = (max(now, p.start), p.end) if pmod == "later" else None
        why = f"{pmod + '_' if pmod else ''}{rel.replace(' ', '_')}_{unit}" + (".in_quote" if kind == "speech" else "")
        return Resolution("DATE", None, f"relative.{why}", period=p, mod=mod, range=rng, relative=True,
                          anchor=now, anchor_kind=kind)

    _COMPARED = re.compile(r"\b(?:compared\s+with|compared\s+to|from|than|versus|vs\.)\s+"
                           r"(?:(?:[^.;]|\.(?=\d)){0,40}?\d(?:[^.;]|\.(?=\d)){0,30}?\s)?$", re.I)

    def _compared_with(self, c: Candidate) -> bool:
        """ "from $1.5 billion last year", "compared with earnings of $33 million last year", "last year's $1.55
        billion": the figure of the same period a year back, not of the whole year."""
        before = self.ctx.text[max(0, c.start - 80):c.start]
        after = self.ctx.text[c.end:c.end + 12]
        return bool(self._COMPARED.search(before)) or bool(re.match(r"['’]s\s+(?:\$|quarter|period)", after))

    def _anaphoric_unit(self, c: Candidate, g: dict) -> Resolution:
        rel = _norm(g.get("rel"))
        if rel in ("that time", "the time"):
            return Resolution("DATE", "PAST_REF", "anaphoric.that_time", explicit=False)
        unit = _norm(g.get("unit"))
        if rel == "the same" and re.match(r"\s+as\b", self.ctx.text[c.end:c.end + 4]):
            raise Unresolvable("anaphoric.same_as")  # "born the same year as Putin": the year of another's event
        m = re.match(r"the (day|week|month|year|morning|afternoon|evening|night) (before|after)$", rel)
        if m:
            unit, rel = m.group(1), "the previous" if m.group(2) == "before" else "the following"
        if (rel in ("the next", "the following") and unit in ("week", "month", "year") and not g.get("pmod")
                and _STRETCH_BEFORE.search(self.ctx.text, max(0, c.start - 12), c.start)
                and self._narrative_anchor(unit)[1] == "publication"):
            # "every month for the next year", "over the next month", with no story time to follow: the
            # stretch from now, as "for the next two years" is
            return replace(self._duration(c, {"num": "1", "unit": unit, "rel": "next"}), rule="duration.the_next")
        named_unit = unit  # "the next morning" is a DATE: the day after (TimeBank convention)
        if unit in ("morning", "afternoon", "evening", "night"):
            unit = "day"
        anchor, kind = self._narrative_anchor(unit)
        base = period_of(unit, anchor.start)  # "the following week" of a day: the week after its week
        step = 0
        if rel in ("the following", "the next"):
            step = 1
        elif rel in ("the previous", "the prior", "the preceding"):
            step = -1
        p = shift(base, step) if step else base
        pmod = _norm(g.get("pmod"))
        mod = position_mod(pmod) or ({"later that": "END", "earlier that": "START"}.get(rel) if unit != "day" else None)
        return Resolution("DATE", None, f"anaphoric.{rel.replace('the ', '').replace(' ', '_')}_{named_unit}",
                          period=p, mod=mod, relative=True, anchor=anchor.start, anchor_kind=kind)

    def _from_event(self, c: Candidate, g: dict) -> Resolution:
        """ "the day after his death": the day depends on an event's, which only event extraction knows;
        once it does, it passes the day back (`known`), and the expression anchors what follows."""
        if self.explicit_periods and _norm(g.get("unit")) == "day":
            # in apposition to a date ("Oct. 12, the day before the plunge"), it is that date
            _, end, p = self.explicit_periods[-1]
            if p.granularity == "day" and APPOSITION.fullmatch(self.ctx.text, end, c.start):
                return Resolution("DATE", None, f"{c.rule.name}.apposition", period=p, relative=True,
                                  anchor=p.start, anchor_kind="narrative")
        t = self.known.get((c.start, c.end))
        if t is None or t.range_start is None or t.range_end is None or t.granularity not in _KNOWN_UNITS:
            raise Unresolvable(c.rule.name)
        return Resolution("DATE", None, c.rule.name, period=Period(t.granularity, t.range_start), relative=True,
                          anchor=dt.date.fromisoformat(t.anchor) if t.anchor else None, anchor_kind=t.anchor_kind)

    def _bare_unit(self, c: Candidate, g: dict) -> Resolution:
        unit = _norm(g["unit"])
        pmod = g.get("pmod")
        if unit == "year" and not pmod and _norm(g.get("rel")) in ("", "fiscal") and _PERIOD_ENDED.match(
                self.ctx.text, c.end):
            # "the year ended Sept. 30": a twelve-month span named by its end (TimeBank); without
            # an end date "for the year", "the first nine months of the year" are the current year
            return Resolution("DURATION", "P1Y", "duration.the_year_ended", explicit=False)
        if unit == "weekend":
            return self._rel_unit(c, {"rel": "", "unit": "weekend"})
        if unit in ("year", "month") or self._tense(c) in ("future", "present"):
            # "the end of the year", "the fiscal year": the publication's year in news; "testing will
            # continue for the rest of the week": a plan's week is the week it is announced in
            anchor, kind = Period("day", self._now()), "publication"
        else:
            anchor, kind = self._narrative_anchor(unit)
        p = period_of(unit, anchor.start)
        rel = _norm(g.get("rel")).replace(" ", "_")
        return Resolution("DATE", None, f"anaphoric.the_{rel + '_' if rel else ''}{unit}", period=p,
                          mod=position_mod(pmod), relative=True, anchor=anchor.start, anchor_kind=kind,
                          explicit=False)

    def _offset(self, c: Candidate, g: dict) -> Resolution:
        direction = _norm(g.get("dir") or g.get("dir2"))
        back = direction in ("ago", "back", "earlier", "before", "previously", "prior")
        if g.get("vague") or parse_number(g.get("num")) is None:
            deictic = direction in _DEICTIC_DIRECTIONS
            # "died a few days later" tells a past: later than the story's time, not after publication
            value = "PAST_REF" if back or (not deictic and self._tense(c) == "past") else "FUTURE_REF"
            return Resolution("DATE", value, f"offset.vague_{direction}", explicit=False,
                              range=ref_range(value, self.dct) if deictic and self.dct else None)
        n = parse_number(g["num"])
        unit = self._unit(g["unit"])
        if unit in ("second", "minute", "hour", "night"):
            unit_for_shift, gran = "day", "day"
            n = n / 24 if unit == "hour" else (0 if unit in ("second", "minute") else n)
        else:
            unit_for_shift, gran = unit, unit
        if unit in ("decade", "century", "millennium"):
            n = n * {"decade": 10, "century": 100, "millennium": 1000}[unit]
            unit_for_shift, gran = "year", "year"
        if unit == "fortnight":
            n, unit_for_shift, gran = n * 2, "week", "week"
        if unit == "quarter":
            n, unit_for_shift = n * 3, "month"
        steps = int(round(n)) * (-1 if back else 1)
        deictic = direction in _DEICTIC_DIRECTIONS
        if g.get("today") and deictic and unit in ("year", "month", "week", "day"):
            # "Two years ago today, reds lay siege to the city": that very day of the calendar, back then
            p = shift(Period("day", self._now()), steps, unit)
            return Resolution("DATE", None, "offset.ago_today", period=p, relative=True, anchor=self._now(),
                              anchor_kind="publication")
        if deictic:
            anchor_period = Period("day", self._now())
            kind = "publication"
            compared = self._sentence_period(c) if unit == "year" and n == 1 else None
            if compared is not None:  # (`quarters` holds quarters and halves only)
                anchor_period, kind = compared, "sentence"
        else:
            anchor_period, kind = self._narrative_anchor(gran)
            if kind == "publication" and not back and self._tense(c) == "past":
                # "Soto died three days later" before any date: later than what the text has not said;
                # three days after publication would contradict the past tense
                raise Unresolvable(c.rule.name)
            compared = self._sentence_period(c) if unit == "year" and n == 1 and back else None
            if compared is not None:
                anchor_period, kind = compared, "sentence"
            elif unit == "year" and anchor_period.granularity in ("quarter", "half") and self._cumulative(
                    max(0, c.start - self.COMPARISON_REACH), c.start):
                anchor_period = period_of("year", anchor_period.start)
        if kind == "sentence" or (not deictic and self._finer(anchor_period.granularity, gran)
                                  and not (gran == "year" and anchor_period.granularity == "month")):
            # keep the anchor's granularity: "a year earlier" of a day or a quarter is that day or quarter
            # back then (not of a month: "Four years earlier in 2008", after "in April", is a year)
            p = shift(anchor_period, steps, unit_for_shift)
        else:
            p = shift(period_of(gran, anchor_period.start), steps, unit_for_shift)
        rule = f"{'offset' if deictic else 'anaphoric'}.{unit}s_{direction.replace(' ', '_')}"
        return Resolution("DATE", None, rule, period=p, mod=_APPROX.get(_norm(g.get("approx"))), relative=True,
                          anchor=anchor_period.start, anchor_kind="narrative" if kind == "sentence" else kind,
                          explicit=not back and unit not in ("year", "decade", "century"))

    @staticmethod
    def _finer(a: str, b: str) -> bool:
        order = ("day", "week", "weekend", "month", "quarter", "season", "half", "year", "decade", "century")
        return order.index(a) < order.index(b) if a in order and b in order else False

    def _comparison(self, c: Candidate, g: dict) -> Resolution:
        """ "year-earlier", "year-ago" used alone: the compared period a year back."""
        compared = self._sentence_period(c)
        if compared is not None:
            return Resolution("DATE", None, "comparison.year_before_period", period=shift(compared, -1, "year"),
                              relative=True, anchor=compared.start, anchor_kind="narrative", explicit=False)
        now = self._now()
        return Resolution("DATE", None, "comparison.year_before", period=period_of("year", dt.date(now.year - 1, 1, 1)),
                          relative=True, anchor=now, anchor_kind="publication", explicit=False)

    # ------------------------------------------------------------------------------- durations
    def _duration(self, c: Candidate, g: dict) -> Resolution:
        verb = self._one_day_when(c)
        if verb is not None:
            # "Islam will one day be the second religion", "the agent who one day believed": some day
            value = "PAST_REF" if verb.tag_ == "VBD" or self._tense(c) == "past" else "FUTURE_REF"
            return Resolution("DATE", value, "reference.one_day", relative=True, anchor=self.dct,
                              anchor_kind="publication", explicit=False,
                              range=ref_range(value, self.dct) if self.dct else None)
        unit = self._unit(g["unit"]) if g.get("unit") else None
        if (unit in ("day", "week", "month", "year") and g.get("num") and not g.get("num2") and not g.get("rel")
                and _IN_BEFORE.search(self.ctx.text, max(0, c.start - 16), c.start) and self._tense(c) == "future"
                and self._said_of_a_future(c)):
            # "the runoff will be held in two weeks": that far from now, a date (HeidelTime's and TimeBank's
            # "will be redeemed in five years": 1994), not a length
            res = self._offset(c, {"num": g["num"], "unit": g["unit"], "dir": "from now"})
            return replace(res, rule="offset.in_future")
        spec = self.lex.units[unit]
        code = spec["code"]
        time_unit = bool(spec.get("time"))
        if g.get("half"):
            n: float | None = 0.5
        elif g.get("num2"):
            n = None
        else:
            n = parse_number(g.get("num")) if g.get("num") else 1.0
        if n is not None and spec.get("factor"):
            n *= spec["factor"]
        if code == "WE":
            code = "WE"
        text = self.ctx.text[c.start:c.end].lower()
        if ("-and-a-half-" in text or g.get("andhalf")) and n is not None:
            n += 0.5  # "a two-and-a-half-year term", "a minute and a half"
        if n is not None and n == 0.5 and code in ("H", "M") and time_unit:
            value = "PT30M" if code == "H" else "PT30S"
        elif n is not None and n == 0.5 and code == "Y":
            value = "P6M"
        elif n is not None and n == 0.5 and code == "D":
            value = "PT12H"
        elif n is not None and n == 0.5 and code == "C":
            value = "P50Y"  # "the past half century"
        else:
            value = duration_value(n, code, time_unit)
        mod = _APPROX.get(_norm(g.get("approx")))
        rel = _norm(g.get("rel"))
        rng = None
        of_something = _OF_AN_END.match(self.ctx.text, c.end)
        if self.dct is not None and n is not None and not time_unit and rel in ("past", "last", "next", "coming") \
                and unit in ("day", "week", "month", "year", "decade", "quarter") and n == int(n) and n >= 1 \
                and not of_something:
            steps = int(n) * (3 if unit == "quarter" else 1)  # (a decade's count is in years already: its factor)
            u = "month" if unit == "quarter" else "year" if unit == "decade" else unit
            day = Period("day", self.dct)
            try:
                if rel in ("past", "last"):
                    rng = (shift(day, -steps, u).start + dt.timedelta(days=1), self.dct)
                else:
                    rng = (self.dct, shift(day, steps, u).start - dt.timedelta(days=1))
            except (ValueError, OverflowError):
                rng = None
        elif self.dct is not None and n is not None and unit == "hour" and rel in ("past", "last") and n >= 1 \
                and not of_something:
            # "killed in the last 24 hours", "the past 48 hours": the days those hours reach back over, up to now
            try:
                rng = (self.dct - dt.timedelta(days=max(1, math.ceil(n / 24))), self.dct)
            except OverflowError:
                rng = None
        return Resolution("DURATION", value, c.rule.name, mod=mod, range=rng, explicit=False,
                          anchor=self.dct if rng else None, anchor_kind="publication" if rng else None,
                          relative=rng is not None)

    def _said_of_a_future(self, c: Candidate) -> bool:
        """The sentence says its clause is of the future before `c` (the future's auxiliaries, "would" of a
        future told in the past, "going to"), not of an aim ("a contract to build the road in 40 months")."""
        ctx = self.ctx
        words = [ctx.doc[k].lower_ for k in range(ctx.token_index(ctx.sentence_chars(c.start)[0]),
                                                  ctx.token_index(c.start))]
        return any(w in FUTURE_AUX or w == "would" or (w == "going" and nxt == "to")
                   for w, nxt in zip(words, words[1:] + [""]))

    def _vague_duration(self, c: Candidate, g: dict) -> Resolution:
        if g.get("while"):
            return Resolution("DURATION", "PXX", "duration.vague_while", explicit=False)
        unit = self._unit(g["unit"])
        lead = _norm(g.get("vague") if g.get("vague") in ("recent", "Recent") else g.get("rel"))
        if unit == "year" and lead in ("recent", "past") and not (g.get("approx") or (
                g.get("vague") and _norm(g["vague"]) not in ("recent",))):
            # "in recent years", "in past years": a vague era before now, like "recently" (TimeBank),
            # where "recent weeks" stays a stretch of time (PXW)
            return Resolution("DATE", "PAST_REF", "reference.recent_years", explicit=False,
                              range=ref_range("PAST_REF", self.dct) if self.dct else None)
        spec = self.lex.units[unit]
        code = spec["code"]
        if unit == "quarter":
            code = "Q"
        rng = None
        if _OF_AN_END.match(self.ctx.text, c.end):
            pass  # "the last few days of her life": counted from that end, not from publication
        elif self.dct is not None and _norm(g.get("rel")) in ("past", "last", "previous"):
            rng = (None, self.dct)  # "the past few days": some stretch up to now, its start unsaid
        elif self.dct is not None and _norm(g.get("rel")) in ("next", "coming"):
            rng = (self.dct, None)
        return Resolution("DURATION", duration_value(None, code, bool(spec.get("time"))), c.rule.name,
                          explicit=False, range=rng, anchor=self.dct if rng else None,
                          anchor_kind="publication" if rng else None, relative=rng is not None)

    # ------------------------------------------------------------------------------- times
    def _clock(self, c: Candidate, g: dict) -> Resolution:
        named = _norm(g.get("named"))
        if named:
            hh, mm = {"noon": (12, 0), "midday": (12, 0), "midnight": (24, 0)}[named]
        else:
            hour = g.get("hour") or ""
            hh = int(hour) if hour.isdigit() else int(parse_number(hour) or 0)
            mm = int(g["minute"]) if g.get("minute") else 0
            ampm = _norm(g.get("ampm")).replace(".", "")
            pod = _norm(g.get("pod"))
            if (ampm == "pm" or pod in ("afternoon", "evening")) and hh < 12:
                hh += 12
            if ampm == "am" and hh == 12:
                hh = 0
        time = f"T{hh:02d}:{mm:02d}"
        if c.attached is not None:
            day_timex = self.resolve(c.attached)
            if day_timex.value is None or not re.match(r"^\d{4}-\d{2}-\d{2}", day_timex.value):
                raise Unresolvable()
            d = dt.date.fromisoformat(day_timex.value[:10])
            return Resolution("TIME", None, f"time.clock+{day_timex.rule}", period=Period("day", d), time=time,
                              relative=day_timex.relative, anchor=dt.date.fromisoformat(day_timex.anchor)
                              if day_timex.anchor else None, anchor_kind=day_timex.anchor_kind, explicit=False)
        anchor, kind = self._narrative_anchor("day")  # a time of day belongs to the narrative's day
        if self.dct is not None and anchor.start > self.dct and self._tense(c) != "future":
            # "the results were embargoed until 8 pm" after "the second round will be held on June 10":
            # a past or present clause's time is not on a day still to come, nor a caption's ("here is a
            # picture of the room at 7 pm")
            anchor, kind = Period("day", self.dct), "publication"
        day, why = anchor.start, f"time.clock_{'narrative' if kind == 'narrative' else 'publication'}_day"
        if named == "midnight" and kind == "narrative" and re.search(r"\b(?:past|after)\s+$", self.ctx.text[max(0, c.start - 7):c.start]):
            # "Late last night ... past midnight, a directive was issued": the early hours of the next day
            day, time, why = day + dt.timedelta(days=1), "T00:00", "time.past_midnight_narrative_day"
        return Resolution("TIME", None, why, period=Period("day", day), time=time, relative=True, anchor=anchor.start,
                          anchor_kind=kind, explicit=False)

    # ------------------------------------------------------------------------------- references, sets
    def _reference(self, c: Candidate, g: dict) -> Resolution:
        value = self.lex.references[_norm(g["ref"])]
        if value == "FUTURE_REF" and _norm(g["ref"]) == "one day" and self._tense(c) == "past":
            value = "PAST_REF"  # "until, one day, he was discharged": some day of the past
        now = self.dct
        rng = None
        if now is not None:
            rng = ref_range(value, now)
        return Resolution("DATE", value, f"reference.{_norm(g['ref']).replace(' ', '_')}", range=rng,
                          explicit=False, anchor=now, anchor_kind="publication" if now else None)

    def _set(self, c: Candidate, g: dict) -> Resolution:
        if g.get("setword"):
            return Resolution("SET", self.lex.sets[_norm(g["setword"])], "set.adverb", explicit=False)
        if g.get("pluralday"):
            wd = self.lex.weekdays[_norm(g["pluralday"])[:-1]]
            return Resolution("SET", f"XXXX-WXX-{wd}", "set.plural_weekday", explicit=False)
        if g.get("weekday"):
            wd = self._weekday_num(g["weekday"])
            pod = g.get("pod")
            suffix = "T" + self.lex.parts_of_day[_norm(pod)] if pod else ""
            return Resolution("SET", f"XXXX-WXX-{wd}{suffix}", "set.every_weekday", explicit=False)
        if g.get("month"):
            return Resolution("SET", f"XXXX-{self._month_num(g['month']):02d}", "set.every_month", explicit=False)
        if g.get("season"):
            return Resolution("SET", f"XXXX-{self.lex.seasons[_norm(g['season'])]}", "set.every_season", explicit=False)
        unit = self._unit(g["unit"])
        spec = self.lex.units[unit]
        if g.get("num"):  # "every ten years"
            n = parse_number(g["num"]) * spec.get("factor", 1)
            return Resolution("SET", duration_value(n, spec["code"], bool(spec.get("time"))), "set.every_n_units",
                              explicit=False)
        n = 2 if _norm(g.get("other")) == "other" else 1
        return Resolution("SET", duration_value(n, spec["code"], bool(spec.get("time"))), "set.every_unit",
                          explicit=False)
