"""Events dated by counting from another event: "two days after the bombing on Aug. 7", "a week
before the vote", "the day after his death".

The tagger reads "two days" as a duration (TimeML's value, P2D): it cannot know when the bombing was.
Once every event has its date, an event timed by such a duration gets the date of the event the count
starts from, moved by the duration -- when that event has a single day of its own: in its own words
("the bombing on Aug. 7"), or in an earlier mention of it ("bombers struck on Aug. 7 ... two days after
the bombing"; "his death" is the same event as "died on Monday", through `same_event`). "The day
after his death", which the tagger leaves open, is resolved the same way, and then dates its clause and
moves the story's time like any date.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import TYPE_CHECKING, NamedTuple, Sequence

from pipeline.events.anchoring import (AFTER_WORDS, BEFORE_WORDS, ORDER_VERBS, SPEECH_LEMMAS, Dating, generic_subject,
                                      clause_verb, is_calendar, tense)
from pipeline.events.lexicon import event_words, load_lexicon
from pipeline.events.modality import ALLEGED_WORDS
from pipeline.temporal.resources import alternation, load_lexicon as temporal_lexicon
from pipeline.models import Event, Timex
from pipeline.paragraphs import crosses_list_item, crosses_paragraph, is_digest
from pipeline.temporal.values import Period, period_of, shift

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Doc, Token

COUNT_VALUE = re.compile(r"^P(\d+)([DWMY])$")  # a duration counted in whole days, weeks, months or years
# the words that make a mention of a happening another one than the one told before ("a run-off vote", "a second
# round", "another attack", "a separate attack")
_ANOTHER = re.compile(r"\b(?:%s)\b" % "|".join(sorted(event_words()["another_words"])), re.IGNORECASE)
COUNT_UNITS = {"D": "day", "W": "week", "M": "month", "Y": "year"}
# a duration that is what a verb or "for" takes ("jailed for 10 years after the trial", "served ten
# years after his conviction") measures a stretch; it does not count the time to an event
_NOT_A_COUNT_DEPS = {"dobj", "pobj", "nsubj", "nsubjpass", "attr", "dative"}
_EXACT, _VAGUE = "anaphoric.from_event", "anaphoric.from_event_vague"  # the tagger's rules left open
PHASE_NOUNS = event_words()["phase_nouns"]
LIGHT_VERBS = event_words()["light_verbs"]  # "host the summit": the hosting is the summit
VAGUE_LIGHT_VERBS = frozenset({"take", "have", "make", "give"})  # "takes the bombing seriously": no happening of it
REPORTING_LEMMAS = load_lexicon().reporting_verbs | SPEECH_LEMMAS  # a saying is no happening "the event" names
GENERIC_EVENT_NOUNS = event_words()["generic_event_nouns"]  # "The event comes a day before the holiday"
OCCASION_NOUNS = event_words()["occasion_nouns"]  # "a speech at the summit": held then
# words that make a count approximate ("a little over a month after", "roughly four months in advance of")
_HEDGED = re.compile(r"\b(?:%s)\s+(?:an?\s+|one\s+)?$" % alternation([*temporal_lexicon().approx_mods, "close to"]),
                     re.IGNORECASE)  # the tagger's approximating words ("about", "nearly", "more than", ...)
_DEFINITE = {"the", "this", "that", "these", "those"}
# the words a count is counted with ("two days after", "four months in advance of"): anchoring's, and one more
_SIGNAL_WORDS = BEFORE_WORDS | AFTER_WORDS | {"in advance of"}
_SIGNAL = re.compile(r"\s+(%s)\s" % "|".join(w.replace(" ", r"\s+") for w in sorted(_SIGNAL_WORDS, key=len, reverse=True)),
                     re.IGNORECASE)


RULE_NOUNS = event_words()["rule_nouns"]  # "under the new law": what it makes happen to anyone


def _under_a_rule(verb: "Token") -> bool:
    """The clause tells what a rule makes happen ("Under the new law, asylum seekers are deported ..."): a habit
    of the rule, on no day."""
    return any(c.dep_ == "prep" and c.lower_ == "under" and any(g.dep_ == "pobj" and g.lemma_.lower() in RULE_NOUNS
                                                                 for g in c.children) for c in verb.children)


def _present(verb: "Token") -> bool:
    """The verb is in the present, or is a main verb with a subject that the tagger read as a base form ("Air
    strikes in the Sinai Peninsula kill 23 militants a day after the clashes")."""
    return tense(verb) == "present" or (verb.tag_ == "VB" and verb.dep_ == "ROOT" and any(
        c.dep_ == "nsubj" for c in verb.children) and not any(c.dep_ in ("aux", "auxpass") for c in verb.children))


class _Count(NamedTuple):
    signal: "Token"  # "after", "before", the "to" of "prior to", the "of" of "in advance of"
    origin: "Token"  # the event counted from
    sign: int
    day: dt.date  # the origin's day
    target: "Token | None"  # the event the count times


def definite(tok: "Token") -> bool:
    """ "the bombing", "his death": a mention of a happening told or known, not "a bombing"."""
    return any(c.dep_ == "poss" or (c.dep_ == "det" and c.lower_ in _DEFINITE) for c in tok.children)


def _one_day(d: Dating | None) -> bool:
    """Dated by its own words to a single day."""
    return (d is not None and d.basis == "explicit" and d.timex is not None and d.date_start is not None
            and d.date_start == d.date_end and is_calendar(d.timex))  # a day the text names, not "now"


def _kind_told(mention: "Token", told: "Token") -> bool:
    """The mention says no more of its kind than the one told ("the farm attacks", "the recent Senate elections",
    "its first death from COVID-19" are other happenings than "the October 7 attack", "the election"): each
    of its noun and adjective modifiers (but "alleged", and a place the told mention's sentence names: "the
    Turkish earthquake" after "strikes southern Turkey") is one of the told mention's, and whom it names as its
    sufferer or owner, the told mention's sentence names too."""
    kinds = {c.lemma_.lower() for c in told.children if c.dep_ in _KIND_DEPS}
    told_words = told.sent.text.lower()
    if not all(c.lemma_.lower() in kinds for c in mention.children
               if c.dep_ in _KIND_DEPS and c.lemma_.lower() not in ALLEGED_WORDS
               and not (c.ent_type_ in _PLACE_ENTS and c.lower_[:4] in told_words)):  # ("Turkish": "Turkey")
        return False
    # whom it befell or whose it is, named: a name the told mention's sentence names too, by its last word
    # ("Khamenei's death", "the assassination of Ismail Haniyeh" after "Hamas leader Haniyeh"; not "the murder of
    # CEO Brian Thompson" after "six people killed" in another bullet)
    inside = {t.i for c in mention.children if c.dep_ == "poss" or (c.dep_ == "prep" and c.lower_ == "of")
              for t in c.subtree}
    last_words = {names[-1].lower_ for ent in mention.doc.ents if ent[-1].i in inside
                  and (names := [t for t in ent if t.pos_ == "PROPN"])}
    return all(re.search(rf"\b{re.escape(w)}\b", told_words) for w in last_words)


_KIND_DEPS = ("compound", "amod", "nmod")  # "the farm attacks", "the recent elections", "a magnitude 7.8 earthquake"
_PLACE_ENTS = ("NORP", "GPE", "LOC")  # "the Turkish earthquake" says where it was, not what kind


def _ordered_apart(tok: "Token") -> set[int]:
    """The offsets of the happenings a verb of order sets before or after the one `tok` names ("the presidential
    election will be followed by parliamentary elections", "the vote precedes the count"): others, not it."""
    verb = tok.head
    if tok.dep_ not in ("nsubj", "nsubjpass", "dobj") or verb.lemma_.lower() not in ORDER_VERBS:
        return set()
    args = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass", "dobj")]
    args += [g for c in verb.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]
    return {a.idx for a in args if a.i != tok.i}


def _cite(ev: Event, d: Dating, rule: str) -> None:
    """Dates `ev` as `d` does, citing d's words, basis narrative (they are elsewhere in the text)."""
    ev.timex_start, ev.timex_end, ev.timex_value = d.timex.start, d.timex.end, d.timex.value
    ev.date_start, ev.date_end, ev.date_basis = d.date_start, d.date_end, "narrative"
    ev.rule = f"{ev.pos.lower()}:{rule}"


_ON_DAY = re.compile(r",?\s+(?:on\s+)?")  # "the 64th Nakba Day on May 15": the day's date after its name


def _inside(tx: Timex, tok: "Token") -> bool:
    """The expression lies in the phrase `tok` heads."""
    sub = list(tok.subtree)
    return sub[0].idx <= tx.start and tx.end <= sub[-1].idx + len(sub[-1].text)


class EventClock:
    """Dates events counted from other events (see the module docstring), over one document's triggers."""

    def __init__(self, doc: "Doc", text: str, tokens: Sequence["Token"], same_event: dict[str, str],
                 dct: dt.date | None = None, duration_verbs: frozenset[str] = frozenset(),
                 kinds: dict[str, frozenset[str]] | None = None) -> None:
        self.doc = doc
        self.text = text
        self.tokens = tokens
        self.by_token = {tok.i: n for n, tok in enumerate(tokens)}  # trigger token -> its event's index
        self.same_event = same_event
        self.happenings = set(same_event.values())  # the keys of the groups: one-off happenings
        self.kinds = kinds or {}  # a general happening -> the keys of its kinds ("attack" -> "bomb", "shoot")
        self.dct = dct
        self.duration_verbs = duration_verbs
        self.mentions: dict[int, Dating] = {}  # origin token -> the dating of its earlier mention
        self.resolved_spans: set[tuple[int, int]] = set()  # the expressions `resolve` gave a date
        self._timexes: Sequence[Timex] = ()  # the document's expressions, as last given
        self._named_days: dict[int, Timex] = {}  # a day's name counted from -> the date that follows it

    def _key(self, tok: "Token") -> str:
        lemma = tok.lemma_.lower()
        return self.same_event.get(lemma, lemma)

    def _signal(self, duration: Timex) -> tuple["Token", "Token", int] | None:
        """The preposition right after a duration that heads what it counts from ("after", "before", the "to" of
        "prior to", the "of" of "ahead of"/"in advance of"), the event it counts from, and +1 or -1."""
        m = _SIGNAL.match(self.text, duration.end, duration.end + 20)
        if m is None:
            return None
        span = self.doc.char_span(m.start(1), m.end(1))
        if span is None:
            return None
        # (the preposition that heads what is counted from: "before", the "to" of "prior to", the "of" of
        # "four months in advance of the competition")
        signal, sign = span[-1], (1 if m.group(1).lower() in AFTER_WORDS else -1)
        if signal.dep_ == "mark":  # "two days after police raided the house": the clause's verb
            return signal, signal.head, sign
        objects = [c for c in signal.children if c.dep_ == "pobj" or (c.dep_ == "pcomp" and c.tag_ == "VBG")]
        return (signal, objects[0], sign) if objects else None  # ("four months after declaring an end": the gerund)

    def _count(self, tx: Timex, dated: dict[int, Dating]) -> "_Count | None":
        """What `tx` counts from: the signal, the origin event, +1/-1, the origin's day and the event
        the count times; None when `tx` counts from no event with a known day."""
        found = self._signal(tx)
        if found is None:
            return None
        signal, origin, sign = found
        day = self._day_of(origin, dated)
        if day is None:
            return None
        return _Count(signal, origin, sign, day, self._target(signal, origin))

    def resolve(self, timexes: Sequence[Timex], dated: dict[int, Dating]) -> bool:
        """Gives "the day after his death" (left open by the tagger, rule anaphoric.from_event) the day
        after that of the death; True when any expression was resolved."""
        self._timexes = timexes
        changed = False
        for tx in timexes:
            if tx.rule not in (_EXACT, _VAGUE) or tx.resolved:
                continue
            count = self._count(tx, dated)
            if count is None:
                continue
            day, target = count.day, count.target
            if tx.rule == _VAGUE:  # "in the weeks before the shooting": some time before its day
                after = count.sign > 0
                hours = tx.text.lower().endswith("hours")  # "hours after the verdict": that day or the next
                first = (day if hours else day + dt.timedelta(days=1)) if after else None
                if target is not None and first is not None and self._past_after_publication(target, first):
                    continue
                tx.value, tx.mod, tx.granularity = day.isoformat(), "AFTER" if after else "BEFORE", "day"
                tx.range_start = first
                tx.range_end = None if after else (day if hours else day - dt.timedelta(days=1))
            else:
                unit = tx.text.split()[-1].lower()
                try:
                    p = shift(period_of(unit, day), count.sign)
                except ValueError:  # outside the calendar
                    continue
                if target is not None and self._past_after_publication(target, p.start):
                    continue
                tx.value, tx.range_start, tx.range_end, tx.granularity = p.value, p.start, p.end, unit
            tx.anchor, tx.anchor_kind, tx.resolved = day.isoformat(), "event", True
            self.resolved_spans.add((tx.start, tx.end))
            changed = True
        return changed

    def redate(self, events: list[Event], dated: dict[int, Dating], timexes: Sequence[Timex]) -> None:
        """Moves, in place, the events timed by a count from another dated event."""
        self._timexes = timexes
        for tx in timexes:
            number = COUNT_VALUE.match(tx.value or "") if tx.type == "DURATION" else None
            count = self._count(tx, dated) if number else None
            if count is None and number:
                self._date_origin(tx, number, events, dated)
                continue
            if count is None or count.target is None:
                continue
            target = count.target
            if not self._counts(tx, target):
                continue
            try:
                moved = shift(Period("day", count.day), count.sign * int(number.group(1)), COUNT_UNITS[number.group(2)]).start
            except ValueError:  # "10,000 years after the explosion": outside the calendar
                continue
            # the words counted from ("after the bombing on Aug. 7") date nothing else
            inner = list(count.origin.subtree if count.signal.dep_ == "mark" else count.signal.subtree)
            lo, hi = inner[0].idx, inner[-1].idx + len(inner[-1].text)
            named = self._named_days.get(count.origin.i)
            if named is not None:
                hi = max(hi, named.end)  # "before the 64th Nakba Day on May 15": that date is counted from too
            if (self._past_after_publication(target, moved) or lo <= target.idx < hi
                    or crosses_paragraph(self.text, min(target.idx, tx.start), max(target.idx, tx.end))):
                continue
            d = dated.get(target.i)
            own = d.timex if d is not None else None
            if d is not None and d.basis == "explicit" and own is not None and own is not tx and not lo <= own.start < hi:
                continue  # its own date ("two days after the raid, on Aug. 9, ...")
            # the event noun the verb tells of, dated by the same words, moves with it ("The agreement came a day before")
            told = [c for c in target.children if c.dep_ in ("nsubj", "nsubjpass") and c.pos_ == "NOUN"
                    and c.i in self.by_token and own is not None and getattr(dated.get(c.i), "timex", None) is own]
            for tok in [target, *told]:
                ev = events[self.by_token[tok.i]]
                ev.timex_start, ev.timex_end, ev.timex_value = tx.start, tx.end, tx.value
                ev.date_start = ev.date_end = moved
                ev.date_basis = "explicit"
                ev.rule = f"{ev.pos.lower()}:counted-from-event"

    def _date_origin(self, tx: Timex, number: "re.Match[str]", events: list[Event], dated: dict[int, Dating]) -> None:
        """The other way round: "the retirement came one day after he asked voters to re-elect him", the
        retirement dated (Monday), the asking not: it was one day before (Sunday). For a clause counted from
        ("after he asked") whose event has no date of its own, and for a known event noun ("comes 18 months
        after the fall of the regime": that month, counted from a dated event or from the writing's present)."""
        found = self._signal(tx)
        if found is None:
            return
        signal, origin, sign = found
        clause = signal.dep_ == "mark"
        if not clause and not (origin.pos_ == "NOUN" and definite(origin)) and origin.dep_ != "pcomp":
            return  # (an event noun told of as known: "comes 18 months after the fall of the regime"; a gerund:
            # "four months after declaring an end to the outbreak")
        if origin.dep_ == "pcomp" and (generic_subject(clause_verb(signal.head)) or _under_a_rule(clause_verb(signal.head))):
            return  # "most patients recover six months after starting treatment", "under the new law, asylum seekers
            # are deported two weeks after arriving": what happens to any, on no day
        target = self._target(signal, origin)
        if target is None:
            return  # ("Life in Tunis, 18 months after the fall of the regime.": nothing counted to)
        d = dated.get(target.i)
        own = dated.get(origin.i)
        # what the count is counted to: a dated clause, or for an event noun also the present of the writing
        # ("The campaign comes 18 months after the fall of the regime": the fall was 18 months before)
        if clause:
            # (and the news present of the publication day, counted back to a past clause: "This comes a day after
            # the president criticized him"; not a rule's "come into force two weeks after the president signs them")
            bases: tuple[str, ...] = ("explicit", "narrative") + (
                ("publication",) if _present(clause_verb(target)) and tense(origin) in ("past", "perfect")
                else ())
            if tx.mod is not None or _HEDGED.search(self.text, max(0, tx.start - 16), tx.start):
                return  # "less than two weeks after they reopened", "about a week after": no day to give
        elif _HEDGED.search(self.text, max(0, tx.start - 16), tx.start):
            return  # "a little over a month after the beginning of her trial": no month to give
        else:  # (not a story's time carried on: "was sent parts four months in advance of the competition")
            bases = ("explicit", "publication") if _present(clause_verb(target)) else ("explicit",)
        if (d is None or d.date_start is None or d.date_start != d.date_end or d.basis not in bases
                or origin.i not in self.by_token or (own is not None and own.basis == "explicit" and own.timex is not tx
                                                     and own.timex is not d.timex)):
            return  # (its own date, not one it took from the event counted to: "signed on Monday, two days after
            # the attack on the convoy": the attack is not Monday's)
        if not self._counts(tx, target):
            return
        unit = COUNT_UNITS[number.group(2)]
        try:
            # a clause's day ("one day after he asked"); for a noun, the period of the unit counted in (about
            # 18 months before: that month)
            period = shift(Period("day", d.date_start), -sign * int(number.group(1)), unit)
            if not clause:
                period = period_of(unit, period.start)
        except ValueError:
            return
        ev = events[self.by_token[origin.i]]
        ev.timex_start, ev.timex_end, ev.timex_value = tx.start, tx.end, tx.value
        ev.date_start, ev.date_end = period.start, period.end
        ev.date_basis = d.basis if d.basis in ("explicit", "publication") else "narrative"
        ev.rule = f"{ev.pos.lower()}:counted-back-from-event"

    def _counts(self, tx: Timex, target: "Token") -> bool:
        """The duration counts time between two events, rather than measuring one ("jailed for 10 years
        after the trial": what the verb takes, `duration_verbs`, or an object)."""
        unit_tok = self.doc.char_span(tx.start, tx.end, alignment_mode="expand")
        if unit_tok is None or unit_tok.root.dep_ in _NOT_A_COUNT_DEPS:
            return False
        if unit_tok.root.dep_ == "npadvmod" and unit_tok.root.head.lower_ in _SIGNAL_WORDS and unit_tok.end <= target.i:
            return True  # "Thirty years after the death of Elis Regina, her daughter took to the stage": the
            # measure of an "after" or "before" phrase set before the verb, whatever the verb (not "served ten
            # years after his conviction", what the verb takes)
        return target.lemma_.lower() not in self.duration_verbs

    def _past_after_publication(self, target: "Token", day: dt.date) -> bool:
        """A day after publication cannot be the time of what the text tells in the past."""
        return self.dct is not None and day > self.dct and tense(clause_verb(target)) in ("past", "perfect")

    def _target(self, signal: "Token", origin: "Token") -> "Token | None":
        """The event the count times: the nearest event above the "after"/"before" phrase."""
        t = origin.head if signal.dep_ == "mark" else signal.head
        while True:
            if t.i in self.by_token and t.i != origin.i:
                return t
            if t.head.i == t.i:
                return None
            t = t.head

    def _day_of(self, origin: "Token", dated: dict[int, Dating]) -> dt.date | None:
        """The single day of the origin event: its own explicit date (inside its phrase or just after it: "the
        holiday on March 1"), else that of its latest earlier mention with one; for a day's name that is no
        event ("the 64th Nakba Day on May 15"), the date in or just after it."""
        own = dated.get(origin.i)
        end = max(t.idx + len(t.text) for t in origin.subtree)
        if _one_day(own) and _inside(own.timex, origin):
            return own.date_start  # in its own words: "the bombing on Aug. 7", "the Aug. 7 bombing"
        if _one_day(own) and _ON_DAY.fullmatch(self.text, end, own.timex.start):
            self._named_days[origin.i] = own.timex  # "a day before the holiday on March 1" (the parser hangs the
            return own.date_start                   # date on the verb)
        if origin.i not in self.by_token:
            # a day that is no event: "a day before the 64th Nakba Day on May 15", "two days after May Day"
            named = [tx for tx in self._timexes if (_inside(tx, origin) or _ON_DAY.fullmatch(self.text, end, tx.start))
                     and is_calendar(tx) and tx.range_start == tx.range_end]
            if len(named) != 1:
                return None
            self._named_days[origin.i] = named[0]
            return named[0].range_start
        if origin.pos_ != "NOUN" or not definite(origin) or origin.lemma_.lower() in PHASE_NOUNS:
            return None  # "a day after a stepped-up campaign": a new event, not one told before; "the
            # beginning" of what, the lemma does not tell
        key = self._key(origin)
        for tok in reversed(self.tokens[:self.by_token[origin.i]]):  # the triggers are in text order
            d = dated.get(tok.i)
            if self._key(tok) == key and _one_day(d):
                self.mentions[origin.i] = d  # "his death" happened when "died on Monday" did
                return d.date_start
        return None

    def date_mentions(self, events: list[Event]) -> None:
        """An event counted from ("his death") is the one told before ("died on Monday"): its day, basis
        narrative (the words that date it are elsewhere), not the time of the expression counted from it."""
        for i, d in self.mentions.items():
            ev = events[self.by_token[i]]
            if d.timex is None or (
                    ev.date_basis == "explicit" and (ev.timex_start, ev.timex_end) not in self.resolved_spans):
                continue
            _cite(ev, d, "earlier-mention")

    def date_coreferent(self, events: list[Event], dated: dict[int, Dating]) -> None:
        """A definite noun naming a one-off happening ("the bombing", "Slepian's murder": a key of
        `same_event`), without a date of its own, is the happening the article dates in other words
        ("bombs exploded Friday", "killed on Oct. 23"): that day, basis narrative, those words cited.
        Only a single day (or the few days of a range): two bombings dated apart leave "the bombing" as it was.
        A day to come makes the mention expected ("his May 25 visit" ... "pastors plan to block his visit"). The
        light verb that takes it ("will host the summit") and what is held at or during it ("a speech at the
        summit") are of its day too."""
        days: dict[str, list[tuple[int, Dating]]] = {}
        another: set[int] = set()  # where a mention names another one ("A run-off vote will be held on Dec. 28")
        digest = is_digest(self.text)
        at = {tok.idx: tok for tok in self.tokens}
        for n, tok in enumerate(self.tokens):
            d = dated.get(tok.i)
            if _one_day(d) and tok.pos_ == "NOUN" and _ANOTHER.search(self.text, tok.left_edge.idx, tok.idx):
                another.add(tok.idx)
            if _one_day(d):
                # (as shown: "held in Washington on April 28-29" is of both days, not of the first alone)
                shown = events[n]
                if d.timex.interval_start is not None and shown.date_start == d.date_start and shown.date_end:
                    d = Dating(d.timex, shown.date_start, shown.date_end, d.basis)
                days.setdefault(self._key(tok), []).append((tok.idx, d))
        for n, tok in enumerate(self.tokens):
            ev = events[n]
            key = self._key(tok)
            if (tok.pos_ != "NOUN" or ev.date_basis == "explicit" or tok.i in self.mentions
                    or key not in self.happenings or not (key in days or any(k in days for k in self.kinds.get(key, ())))):
                continue
            if not definite(tok):
                continue  # "a bombing": another one
            # (and its kinds: "justifying the attack" after "the bar was firebombed on 8 May")
            told = sorted(days.get(key, []) + [m for kind in self.kinds.get(key, ()) for m in days.get(kind, [])],
                          key=lambda m: m[0])
            apart = _ordered_apart(tok)  # (not "the presidential election will be followed by elections on June 10")
            told = [m for m in told if m[0] not in apart and not (
                digest and crosses_list_item(self.text, m[0], tok.idx) and not _kind_told(tok, at[m[0]]))]
            # (a digest's bullets are stories of their own: "the South African farm attacks" is not another bullet's
            # attack, though "Khamenei's death" is the one another bullet dated)
            if not told or len({(d.date_start, d.date_end) for _, d in told}) != 1:
                continue
            earlier = [d for pos, d in told if pos < tok.idx]
            if not earlier and (told[0][0] in another or crosses_list_item(self.text, tok.idx, told[0][0])):
                continue  # "receives 34% of the vote ... A run-off vote will be held on December 28": another one
                # (not "investigating the attack. An attack on a police station on October 3 killed four"); and
                # a mention ahead in another bullet of a list is another story's
            d = earlier[-1] if earlier else told[0][1]  # the nearest mention before, else the first after
            if self.dct is not None and d.date_start > self.dct and tense(clause_verb(tok)) in ("past", "perfect"):
                continue  # "the presidential election has delivered its verdict": not the one still to come
            if (self.dct is not None and d.date_end is not None and d.date_end < self.dct
                    and tok.dep_ in ("nsubj", "nsubjpass") and tok.head.lemma_.lower() in ORDER_VERBS
                    and tense(tok.head) == "future"):
                continue  # "the presidential election will be followed by ...": not one held already (but "These
                # bombings will not cause America to back down" are the ones told)
            self._cite_happening(ev, d)
            verb = tok.head
            if (tok.dep_ == "dobj" and verb.lemma_.lower() in LIGHT_VERBS and verb.lemma_.lower() not in VAGUE_LIGHT_VERBS
                    and verb.i in self.by_token and events[self.by_token[verb.i]].date_basis != "explicit"):
                # "Obama will host the summit": the hosting is the summit, when it is (not "takes the bombing
                # very seriously")
                self._cite_happening(events[self.by_token[verb.i]], d)
            part = tok.head.head if tok.dep_ == "pobj" and tok.head.lower_ in ("at", "during") else None
            if (part is not None and part.pos_ == "NOUN" and part.i in self.by_token
                    and (tok.head.lower_ == "during" or part.lemma_.lower() in OCCASION_NOUNS)
                    and events[self.by_token[part.i]].date_basis != "explicit"):
                # "Scahill's speech at the summit": the speech is of the summit's days (not "protests at the
                # ruling": what is protested came before)
                self._cite_happening(events[self.by_token[part.i]], d)

    def date_generic_mentions(self, events: list[Event], dated: dict[int, Dating]) -> None:
        """A definite "the event" (`GENERIC_EVENT_NOUNS`) without a date of its own is the last happening dated
        to one day before it, in its sentence or the one before and in its paragraph ("Leaders will meet on May 23
        in Moscow. The event comes a day before the holiday": May 23, expected as the meeting is)."""
        for n, tok in enumerate(self.tokens):
            ev = events[n]
            if (tok.tag_ != "NN" or tok.lemma_.lower() not in GENERIC_EVENT_NOUNS or ev.date_basis == "explicit"
                    or not definite(tok)):
                continue
            first = tok.sent.start
            if first > 0:
                first = self.doc[first - 1].sent.start  # the sentence before
            told = [(k, t) for k, t in enumerate(self.tokens[:n]) if t.i >= first and _one_day(dated.get(t.i))
                    and not crosses_paragraph(self.text, t.idx, tok.idx)
                    and t.lemma_.lower() not in REPORTING_LEMMAS]  # (not "Police confirmed on Monday that ...")
            if told:  # (one: not "the events before and after Bingu's death")
                self._cite_happening(ev, dated[told[-1][1].i])

    def _cite_happening(self, ev: Event, d: Dating) -> None:
        """Dates `ev` as the happening `d` dates ("the bombing" told again, "host the summit"): a day to come
        makes it expected."""
        _cite(ev, d, "same-event")
        if self.dct is not None and d.date_start > self.dct and ev.modality == "asserted":
            ev.modality = "expected"
