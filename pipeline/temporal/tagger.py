"""The temporal tagger's entry points: `TemporalTagger.tag(doc, dct)` and `tag_text(text, dct)`."""

from __future__ import annotations

import datetime as dt
import logging
import re
from functools import lru_cache
from typing import TYPE_CHECKING

from pipeline.models import Timex
from pipeline.temporal.context import DocContext
from pipeline.temporal.finder import Finder
from pipeline.temporal.normalize import Normalizer
from pipeline.temporal.ranges import RangeLinker
from pipeline.temporal.resources import load_lexicon, load_rules

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Doc

log = logging.getLogger(__name__)


class TemporalTagger:
    """Finds, types and normalizes the temporal expressions of a spaCy Doc (design §4).

    Only the tagger's fine-grained tags are needed (tense decides which "Thursday"; "may" the
    modal is not May); the parser and the attribute ruler cost more than they bring here.
    """

    required_components: tuple[str, ...] = ("tok2vec", "tagger")
    version: str = "1.135.0"

    def __init__(self) -> None:
        self.lexicon = load_lexicon()
        self.rules = load_rules()
        self.finder = Finder(self.rules, self.lexicon)
        self.ranges = RangeLinker(self.lexicon)

    def tag(self, doc: "Doc", dct: dt.date | None, *, text: str | None = None,
            known: list[Timex] | None = None) -> list[Timex]:
        """Temporal expressions of `doc`, sorted and non-overlapping, resolved against `dct`
        (the publication date; None leaves relative expressions unresolved).

        `known` (optional): expressions resolved since by event extraction ("the day after his death");
        tagging again with them lets the expressions after them count from their day ("the next day").

        `text` (optional) is the string `doc` was made from: spaCy rebuilds `doc.text` from the
        tokens on every access, which costs more than the tagging of a short article."""
        if isinstance(dct, dt.datetime):
            dct = dct.date()
        if text is None or (len(doc) and doc[-1].idx + len(doc[-1].text_with_ws) != len(text)):
            text = doc.text
        ctx = DocContext(doc, text)
        candidates = self.finder.find(text, ctx)
        normalizer = Normalizer(dct, ctx, self.lexicon)
        if known:
            normalizer.known = {(t.start, t.end): t for t in known}
        out: list[Timex] = []
        for c in candidates:
            try:
                timex = normalizer.resolve(c)
            except Exception:  # one odd expression must never lose the article
                log.exception("temporal: could not normalize %r (%s)", text[c.start:c.end], c.rule.name)
                continue
            prior = normalizer.known.get((timex.start, timex.end))
            if prior is not None and not timex.resolved:
                timex = prior  # an open range ("in the weeks before the shooting") as event extraction left it
            out.append(timex)
        _name_apposed_days(out, text, dct)
        _same_day_as_named(out, text)
        _clock_times_of_sets(out, text)
        out = _join_compound_durations(out, text)
        try:
            return self.ranges.link(out, text, ctx, dct)
        except Exception:  # the expressions stand on their own without their ranges
            log.exception("temporal: could not link the ranges of a text of %d characters", len(text))
            return out


# "today, Tuesday May 1", "tomorrow on May 17", "today (May 3)", "Last night [April 27]": the day beside the word
# (an editor's gloss in brackets or parentheses, `gloss`: the day, however far back)
_APPOSED = re.compile(r"\s*(?:,\s*(?:on\s+)?|(?P<gloss>[\[(])\s*|\s+on\s+)")
_NAMING_RULES = ("deictic.today", "deictic.yesterday", "deictic.tomorrow", "part_of_day.last", "part_of_day.this")
_LIST_GOES_ON = re.compile(r"\s*,?\s*(?:and|or)\b")
APPOSED_DAY_REACH = 2  # days before publication the day named beside "today" may be (written the day before)
APPOSED_DATE_REACH = 31  # ... when it is a full date with its year ("today, 4 May 2012", quoted two weeks on)
APPOSED_GLOSS_REACH = 366  # ... when an editor glosses it in brackets ("Last night [April 27]" quoted weeks on)


def _name_apposed_days(timexes: list[Timex], text: str, dct: dt.date | None) -> None:
    """ "today, Tuesday May 1": the day the writer names beside "today" (or "yesterday", "tomorrow") is the
    day it means, though the article came out the next day -- a day shortly before publication, not an
    item of a list ("today, Friday and Saturday")."""
    for a, b in zip(timexes, timexes[1:]):
        apposed = _APPOSED.fullmatch(text, a.end, b.start)
        reach = (APPOSED_GLOSS_REACH if apposed is not None and apposed.group("gloss")
                 else APPOSED_DATE_REACH if b.rule.startswith("date.") else APPOSED_DAY_REACH)
        if (apposed is not None and a.rule in _NAMING_RULES and b.granularity == "day"
                and not b.rule.startswith("deictic.") and b.range_start is not None and dct is not None
                and b.range_start != a.range_start and 0 <= (dct - b.range_start).days <= reach
                and not _LIST_GOES_ON.match(text, b.end)):
            part = (a.value or "")[10:] if a.type == "TIME" else ""  # "Last night [April 27]": that day's night
            a.value, a.range_start, a.range_end = b.value + part, b.range_start, b.range_end
            a.rule += ".apposition"


# "on the same day that the president met the chancellor in Berlin, May 16": the clause after it names the day,
# set off at its end (not "the same day as the vote, and on May 12 the editor was charged")
_SAME_DAY_CLAUSE = re.compile(r"\s+(?:that|when|on which|as)\b(?:(?!,\s*(?:and|but|while|whereas)\b)[^.;:!?])*,\s*$")
_CLAUSE_ENDS = re.compile(r"\s*(?:[.;:!?]|$)")
SAME_DAY_REACH = 160  # characters of the clause in which the day it is the same as is named
_CALENDAR_RULES = ("month_day", "date.")  # a day the text names by its date ("May 16", "16 May 2012")


def _same_day_as_named(timexes: list[Timex], text: str) -> None:
    """ "Blockupy started on the same day that Hollande met Merkel in Berlin, May 16": the same day is the
    day its clause names, not the story's day before it."""
    for a, b in zip(timexes, timexes[1:]):
        if (a.rule.startswith(("anaphoric.same_day", "anaphoric.same_as")) and a.text.lower().endswith("day")
                and b.granularity == "day" and b.range_start is not None and b.rule.startswith(_CALENDAR_RULES)
                and b.start - a.end <= SAME_DAY_REACH and _SAME_DAY_CLAUSE.match(text[a.end:b.start])
                and _CLAUSE_ENDS.match(text, b.end)):
            a.value, a.range_start, a.range_end = b.value, b.range_start, b.range_end
            a.granularity, a.anchor, a.anchor_kind = b.granularity, b.range_start.isoformat(), "narrative"
            a.rule, a.resolved, a.relative = "anaphoric.same_day.named_after", True, True


_SET_BESIDE = re.compile(r"\s*,?\s*(?:at\s+|on\s+)?")  # "at 11 pm every night", "Every Monday at noon"
_CLOCK_VALUE = re.compile(r"^\d{4}-\d\d-\d\d(T\d\d(?::\d\d)?)$")


def _clock_times_of_sets(timexes: list[Timex], text: str) -> None:
    """"at 11 pm every night", "Every Monday at noon": the time of day of a habit, on no one day (its
    value keeps the hour only: XXXX-XX-XXT23:00)."""
    for k, t in enumerate(timexes):
        m = _CLOCK_VALUE.match(t.value or "") if t.type == "TIME" else None
        if m is None:
            continue
        after = timexes[k + 1] if k + 1 < len(timexes) else None
        before = timexes[k - 1] if k else None
        if (after is not None and after.type == "SET" and _SET_BESIDE.fullmatch(text, t.end, after.start)) or (
                before is not None and before.type == "SET" and _SET_BESIDE.fullmatch(text, before.end, t.start)):
            t.value, t.range_start, t.range_end = "XXXX-XX-XX" + m.group(1), None, None
            t.rule = (t.rule or "time") + ".of_a_set"


_DURATION_PART = re.compile(r"^P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?)?$")
_DURATION_JOINT = re.compile(r"\s*(?:,\s*(?:and\s+)?|\s+and\s+)")
_DESIGNATORS = ("Y", "M", "W", "D", "H", "M", "S")
_COUNTED_FROM = re.compile(r"\s+(?:after|before|later|earlier|ago|of|into|since)\b")


def _join_compound_durations(timexes: list[Timex], text: str) -> list[Timex]:
    """ "71 days, 14 hours, 18 minutes and 33 seconds" is one duration (P71DT14H18M33S), as "two hours and
    30 minutes" is: counts of ever smaller units joined by commas or "and"."""
    out: list[Timex] = []
    for t in timexes:
        prev = out[-1] if out else None
        parts_t = _DURATION_PART.match(t.value or "") if t.type == "DURATION" else None
        parts_p = _DURATION_PART.match(prev.value or "") if prev is not None and prev.type == "DURATION" else None
        if parts_t and parts_p and _DURATION_JOINT.fullmatch(text, prev.end, t.start) \
                and not _COUNTED_FROM.match(text, t.end):  # "three days, and two hours after the verdict"
            last_p = max(i for i, v in enumerate(parts_p.groups()) if v is not None)
            first_t = min(i for i, v in enumerate(parts_t.groups()) if v is not None)
            if last_p < first_t:  # smaller units follow: "two hours and 30 minutes", not "3 to 5 days"
                merged = [a or b for a, b in zip(parts_p.groups(), parts_t.groups())]
                if merged[2] and any(merged[i] for i in (0, 1, 3, 4, 5, 6)):  # ISO 8601 weeks stand alone
                    merged[3], merged[2] = str(int(merged[2]) * 7 + int(merged[3] or 0)), None
                date = "".join(f"{v}{d}" for v, d in zip(merged[:4], _DESIGNATORS[:4]) if v)
                time = "".join(f"{v}{d}" for v, d in zip(merged[4:], _DESIGNATORS[4:]) if v)
                prev.value = "P" + date + ("T" + time if time else "")
                prev.end, prev.text = t.end, text[prev.start:t.end]
                prev.rule = "duration.compound"
                continue
        out.append(t)
    return out


@lru_cache(maxsize=1)
def default_tagger() -> TemporalTagger:
    """One tagger per process (the resources are loaded once)."""
    return TemporalTagger()


def tag_text(text: str, dct: dt.date | None, nlp=None) -> list[Timex]:
    """Tags a plain string; loads the shared spaCy pipeline with the tagger's components if needed."""
    if nlp is None:
        from pipeline.nlp import load_nlp

        nlp = load_nlp(TemporalTagger.required_components)
    return default_tagger().tag(nlp(text), dct)
