"""When an event happened: the timex that modifies it in the parse, else the narrative time, else publication.

Three steps (design §5):
1. each temporal expression is attached to the nearest event above it in the dependency tree
   ("announced Thursday", "the meeting on Monday", "Thursday's vote"); an adjective of a thing does not
   date the clause ("his current office"); under a copula it dates the predicate, else an event subject;
2. an event with no timex of its own borrows the one of the event that governs it as its object,
   complement or purpose ("held talks Monday", "is expected to hold a call on Thursday" -> "expected",
   "travel on March 12 to sign"), of the dated event noun it describes ("the Feb. 23 accord signed by"),
   or of an event in its own phrase ("took the child in a raid on April 22") -- never, for a verb in the
   past, a date after publication ("announced plans to build a bridge next year");
3. the others are dated by the narrative time when their clause tells a past story, else by the
   publication date (`NarrativeTime` says which dates move the story and how paragraphs reset it).

Choices (see the package README):
- a narrative-dated event keeps the offsets of the timex that set the narrative time, so a reader can see
  where its date came from; `date_basis` ("narrative") says it was not its own words;
- vague or open anchors are not turned into a day: a present-perfect or "recently" event is dated
  (None, publication) -- "some time up to publication"; a future or planned event without a date is
  dated (publication, None); "has lived there since 1989" is (1989-01-01, publication). Only a calendar range of the
  event's own timex gives basis "explicit".
"""
from __future__ import annotations

import bisect
import re
import datetime as dt
import itertools
from dataclasses import dataclass
from typing import TYPE_CHECKING, Callable, Sequence

from pipeline.events.lexicon import event_words, load_lexicon
from pipeline.events.roles import PREVENTING_VERBS, commemorated_by, in_connection_with
from pipeline.models import Timex
from pipeline.paragraphs import LIST_MARKER, PARAGRAPH_BREAK, PROSE_END, is_digest, crosses_paragraph, paragraph_spans
from pipeline.quotes import QUOTE_PAIRS, Quotes, quotes_of
from pipeline.temporal.context import FUTURE_AUX, in_caption
from pipeline.temporal.normalize import AHEAD_OF
from pipeline.temporal.ranges import intervals
from pipeline.temporal.values import add_months

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Doc, Token

# Relations through which an event without a timex takes the timex of the event governing it.
INHERIT_DEPS = frozenset({"dobj", "xcomp", "pobj", "attr", "oprd", "acomp", "nsubjpass", "compound", "conj"})
ARGUMENT_DEPS = frozenset({"dobj", "nsubj", "nsubjpass", "attr", "dative", "oprd"})
PAST_REFS = frozenset({"PAST_REF"})
FUTURE_REFS = frozenset({"FUTURE_REF"})


@dataclass(slots=True)
class Dating:
    """What anchoring decides for one event."""

    timex: Timex | None
    date_start: dt.date | None
    date_end: dt.date | None
    basis: str


def timex_root(doc: "Doc", tx: Timex) -> "Token | None":
    """The syntactic head of the timex span (None when its offsets do not map onto tokens)."""
    span = doc.char_span(tx.start, tx.end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    return span.root


def tx_sent(doc: "Doc", tok: "Token"):
    """The tokens a walk up from `tok` can visit: its sentence (the whole doc without sentences)."""
    return tok.sent if doc.has_annotation("SENT_START") else doc


def attach_timexes(doc: "Doc", timexes: Sequence[Timex], trigger_ids: set[int],
                   baselines: frozenset[int] = frozenset(), text: str | None = None,
                   names: frozenset[int] = frozenset(), retelling: frozenset[str] = frozenset(),
                   goals: frozenset[int] = frozenset(), things: frozenset[int] = frozenset(),
                   dct: dt.date | None = None) -> dict[int, Timex]:
    """Token index of an event -> the timex that modifies it directly (nearest event ancestor);
    `baselines` holds the ids of the timexes that name a comparison's baseline (`is_baseline`), `names`
    those of years that are part of a name (`year_in_name`), `retelling` the verbs whose object is an
    earlier happening (`retold_event`), `goals` the ids of the dates of a thing called or prepared for
    ("gearing up for elections on September 4": the elections' day, `goal_event`), `things` those of dates
    that tell which thing a noun before its verb names (`names_a_things_date`); `dct`, the publication
    day, tells a past date under a verb still to come (the date of a happening its object names)."""
    direct: dict[int, Timex] = {}
    distance: dict[int, tuple[bool, bool, bool, bool, bool, bool, int, bool, int]] = {}
    text = doc.text if text is None else text  # Doc.text is rebuilt on every access: once, not per date
    losers: list[tuple["Token", Timex]] = []
    ends = {t.end: t for t in timexes if t.type == "DURATION"}
    for tx in timexes:
        if tx.text.lower() == "now" and ends.get(tx.start - 1) is not None and text[tx.start - 1] == " ":
            continue  # "have been queueing for four days now": the count up to now dates it, not "now"
        root = timex_root(doc, tx)
        if root is None:
            continue
        if root.dep_ in NOUN_MODIFIER_DEPS and root.head.i not in trigger_ids:
            continue  # "his current position", "last year's $2.3 billion": it dates a thing, not an event
        if (tx.type == "DURATION" and root.dep_ in ("compound", "nmod", "nummod") and root.head.pos_ in ("NOUN", "PROPN")
                and root.head.i not in trigger_ids and root.head.lemma_.lower() not in STRETCH_NOUNS):
            continue  # "the lighting of a 24-hour candle", "signed a two-year contract": a thing's length
            # (not "over a three-year period", "during its one-year term": the event's)
        if id(tx) in things:
            continue  # "lauded as the April 2012 winners": the winners' month, not the praise's
        if (root.dep_ in YEAR_MODIFIER_DEPS and tx.granularity == "year" and root.head.pos_ == "NOUN"
                and root.head.i not in trigger_ids and root.head.dep_ not in ("nsubj", "nsubjpass")):
            continue  # "journalists sentenced include the 2012 award winner": the award's year (but "a 1996
            # law strengthened the embargo": what a thing of a year does, it does then)
        # a year in a name dates the happening it names ("the opening of the 2000 Olympics"), never a verb
        in_name = id(tx) in names
        if id(tx) in baselines and _compared_with_than(doc, tx):
            continue  # "a greater deployment than the one during the 1992 Olympic Games": no time of it
        if tx.type == "SET" and _rate_of_a_thing(root, trigger_ids):
            continue  # "winds of 190 kilometers per hour", "14 million visitors a month": a rate, no habit
        inside = {t.i for t in doc.char_span(tx.start, tx.end, alignment_mode="expand")}
        premodified = _premodified_event(doc, tx, inside, trigger_ids)
        if premodified is not None:
            if premodified.i not in direct:
                direct[premodified.i] = tx
                distance[premodified.i] = ON_THE_NOUN
            continue  # "indicted last year in the October 1998 shooting": the shooting's date, whatever the parse
        aside = parenthesis_around(text, tx) or dash_aside_around(text, tx)
        if aside is not None and not _tells_something(doc, aside):
            aside = None  # "(Friday)", "(from April 28 until May 4)": a gloss of the sentence's own time
        node = root
        hops = -2 if _fronted_on_subject(root, trigger_ids) else 0
        for _ in range(len(tx_sent(doc, root))):  # bounded: a malformed parse must not loop forever
            if node.head.i == node.i:
                break
            node = node.head
            hops += 1
            target = node
            if root.head.i == node.i or (root.dep_ == "pobj" and node.i == root.head.head.i):
                retold = retold_event(node, root, tx, trigger_ids, retelling, text)
                if retold is None and id(tx) in goals:
                    retold = goal_event(node, root, tx, trigger_ids, text)
                if retold is None and dct is not None and has_range(tx) and tx.range_end < dct \
                        and node.pos_ == "VERB" and node.tag_ in ("VB", "VBN") and still_to_come(node):
                    # "will try to wrap up the work of the first summit in December 2003": the summit's date,
                    # past, not the wrapping up's, still to come (a verb of its own: not "commemorating"); "is to
                    # take on the portfolio after Martin's resignation yesterday": the resignation's
                    retold = _noun_before_date(node, root, tx, trigger_ids, text, PAST_CAUSE_PREPS)
                    # (not "will be announced at a gala event on April 28th": the verb's own occasion)
                if (retold is None and node.pos_ == "VERB" and node.lemma_.lower() in ANSWERING_VERBS
                        and dct is not None and has_range(tx) and tx.range_end <= dct):
                    # "to reciprocate the Russian government's expulsion of three EU diplomats on February 6": the day
                    # of the act answered, not the answering's
                    retold = _noun_before_date(node, root, tx, trigger_ids, text)
                set_for = _set_for(node, root)
                if retold is None and dct is not None and has_range(tx) and tx.range_start > dct and root.dep_ == "pobj" and (
                        set_for or _announcing(node, tx, text)):
                    # "Ruto announces the reopening of the border in April", "declared a state of emergency
                    # until June": what is announced is ahead, the announcing is done (the mirror of the above);
                    # "Frederiksen calls a snap election for March 24": the day the object is set for, not the
                    # setting's (the news of the day)
                    retold = _last_event_noun([c for c in node.children if c.dep_ == "dobj"], tx, trigger_ids, text)
                    if retold is None and (_through_what_is_said(root, node) or (
                            set_for and any(c.dep_ == "dobj" for c in node.children))):
                        break  # "announces an increase in spending to 2.5% by 2027, and 3% by 2034", "sets the
                        # date as January 14": a date inside what is announced or set, with no event noun to take
                        # it, dates no announcing or setting
                if retold is not None:
                    target = node = retold  # "criticised the invasion in 1941": the invasion's year
            if node.i in trigger_ids and dct is not None and reports_a_span(node, tx, dct):
                # "India reports 40,953 new cases in the past 24 hours", "reports 635 deaths in the past 24 hours":
                # the stretch is what is reported of (its event noun's, if any), the report is the day's
                named = _last_event_noun([c for c in node.children if c.dep_ == "dobj"], tx, trigger_ids, text)
                if named is None or named.i in inside:
                    break
                target = node = named
            if node.pos_ == "AUX" and node.i not in trigger_ids:
                # "the notes will be due on Nov. 1": the copula's predicate is the event
                pred = next((c for c in node.children if c.dep_ in ("acomp", "attr") and c.i in trigger_ids
                             and c.i not in inside), None)
                if pred is None:
                    # "On Wednesday, the family are to travel to Washington": the plan's verb
                    pred = next((c for c in node.children if c.dep_ == "xcomp" and c.i in trigger_ids
                                 and c.i not in inside and any(a.lower_ == "to" for a in c.children)), None)
                if pred is None and node.lemma_ == "be" and not any(c.dep_ in ("acomp", "attr") for c in node.children):
                    # "was in early 2011 defeated by the opposition": a passive the parser split at the date
                    pred = next((c for c in node.children if c.dep_ == "advcl" and c.tag_ == "VBN" and c.i in trigger_ids
                                 and c.i not in inside and not any(g.dep_ in ("aux", "auxpass", "nsubj", "nsubjpass",
                                                                              "mark") for g in c.children)), None)
                if pred is None and any(c.dep_ == "advmod" and c.lower_ in ("still", "already") for c in node.children):
                    break  # "while the bombing is still in the headlines today": a state the subject is in, since
                    # some time before; the time of that state dates neither its subject nor the clause above
                if pred is None:
                    # "the dividend increase was its second this year": else the subject is the event
                    pred = next((c for c in node.children if c.dep_ in ("nsubj", "nsubjpass") and c.i in trigger_ids
                                 and c.i not in inside), None)
                if pred is None and root.dep_ == "attr":
                    pred = _event_a_date_is_of(node, trigger_ids)  # "The date of the elections is May 26"
                if pred is not None:
                    target = pred
                else:
                    purpose = next((c for c in node.children if c.dep_ == "advcl" and c.i in trigger_ids
                                    and c.i not in inside and c.i not in direct
                                    and any(a.lower_ == "to" for a in c.children)), None)
                    if purpose is not None:  # "we'll be back tomorrow to continue our negotiations": the
                        direct[purpose.i] = tx  # purpose is of that day too, and so is what dates the clause
                        distance[purpose.i] = BORROWED  # its own date, if it has one, wins
            if (target.i not in trigger_ids and node.pos_ == "AUX" and node.dep_ == "pcomp"
                    and any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in node.children)):
                break  # "founded in what is now Bolivia": the time of a clause of being a preposition
                # takes, with a subject of its own, dates no event above it
            if (target.i in trigger_ids and target.head.i in trigger_ids and commemorated_by(target) is not None
                    and tx.granularity in ("day", "weekend") and tx.relative):
                target = target.head  # "celebrated the launch of the first shuttle Tuesday": the celebrating's day (but
                # "celebrated its entry into NATO on March 12, 1999": a full date is the entry's)
            if target.i in trigger_ids and target.i not in inside:
                node = target
                if (dct is not None and has_range(tx) and tx.range_end < dct and node.pos_ == "VERB"
                        and _simple_present(node) and root.i < node.i):
                    # "The death toll from the crash of an Air India 787 in Ahmedabad yesterday rises to 279": a
                    # past day does not date the news present; it dates the happening the subject names
                    subjects = [c for c in node.children if c.dep_ in ("nsubj", "nsubjpass") and c.i < root.i]
                    named = _last_event_noun([c for c in subjects if not (c.i in trigger_ids and node.lemma_.lower()
                                                                          in HARM_VERBS)], tx, trigger_ids, text)
                    if named is None:
                        # "One of the troops who were shot in Washington, D.C., a day earlier dies": the past
                        # relative clause the date follows
                        named = _past_relative_before(subjects, tx, trigger_ids)
                    # (not "An explosion at a chemical plant yesterday kills 12 workers": the verb tells its toll;
                    # but "The verdict yesterday sparks protests": the verdict yesterday, the protests now)
                    node = target = named if named is not None and named.i not in inside else node
                elif (dct is not None and has_range(tx) and tx.granularity in THING_DATE_GRAINS and root.i > node.i
                      and (dct - tx.range_end).days >= LONG_AGO_DAYS and node.pos_ == "VERB"
                      and (_simple_present(node) or _present_passive(node))
                      and node.lemma_ != "have"  # (not "as it has every election since 1959")
                      and _object_of_prep_on(root, node)):
                    # "is sentenced to 18 years for crimes against humanity in the Central African Republic during
                    # 2002 and 2003": a year long past after the news present dates the happening named before it
                    named = _last_event_noun([c for c in node.children if c.dep_ in ("dobj", "prep", "conj")
                                              and node.i < c.i < root.i and not c.is_ancestor(root)], tx, trigger_ids, text)
                    node = target = named if named is not None and named.i not in inside else node
                if (dct is not None and has_range(tx) and tx.range_start > dct and root.head.i != node.i
                        and root.head.head.i != node.i and _announcing(node, tx, text) and _through_what_is_said(root, node)):
                    break  # "announces an increase to 2.5% by 2027, and 3% by 2034": a date ahead reached
                    # through what is announced is its date, not the announcing's (not "said in an editorial
                    # on Monday, Oct. 26": the saying's means)
                if in_name and node.pos_ != "NOUN":
                    break
                if crosses_paragraph(text, node.idx, root.idx):
                    break  # a parse joining two paragraphs: a date does not reach across
                if aside is not None and not aside[0] < node.idx < aside[1]:
                    break  # "wonders about the decree (Decreto 884 de 2012, ...)": an aside's date
                    # dates what the aside tells, not the sentence around it
                # Several timexes on one event: a modifier beats an argument ("picked Saturday night
                # as the time" is not dated Saturday night when "a week ago" modifies it), the event's
                # time beats a baseline it is compared with, a calendar date beats a duration, a date on
                # the event beats one deep inside a phrase ("Yesterday, day five of the 2018 World Cup,
                # Sweden defeated ..."), a past verb's date beats its "now" ("was in early 2011 defeated by
                # the opposition, now in government"), the narrower beats the wider ("at the end of the month, on April
                # 29"), then the nearest.
                width = (tx.range_end - tx.range_start).days if has_range(tx) else UNBOUNDED_DAYS
                d = (root.dep_ in ARGUMENT_DEPS, id(tx) in baselines, not has_range(tx), tx.type == "DURATION",
                     hops > DEEP, tx.value == "PRESENT_REF" and tense(node) == "past", width,
                     _bare_after(root, node), abs(node.i - root.i))
                held = direct.get(node.i)
                if held is not None and (_within(tx, held) or _within(held, tx)) and _side_by_side(text, tx, held) and not (
                        root.dep_ in ARGUMENT_DEPS or distance[node.i][0] or id(tx) in baselines or id(held) in baselines):
                    # one inside the other, side by side ("on Waitangi Day - February 6 - this year"): the narrower,
                    # however deep the parse hangs it
                    better = _within(tx, held)
                else:
                    better = held is None or d < distance[node.i]
                if better:
                    if node.i in direct:
                        losers.append((node, direct[node.i]))
                    direct[node.i] = tx
                    distance[node.i] = d
                else:
                    losers.append((node, tx))
                break
            if (node.pos_ in ("VERB", "AUX") and node.i not in trigger_ids and node.dep_ in ("conj", "advcl")
                    and any(c.dep_ in ("nsubj", "nsubjpass", "csubj") for c in node.children)
                    and not any(c.dep_ in ("advmod", "mark") and c.lower_ in ("when", "while", "whenever")
                                for c in node.children)):  # "followed them when I was at school in 2007"
                break  # "stood at 18% when it kicked off but it is closer to 50% now": the time of a clause
                # of its own, with no event, dates none above it (a "there is" clause names its event)
            if (node.pos_ in ("VERB", "AUX") and node.i not in trigger_ids and node.dep_ == "ccomp"
                    and any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in node.children)
                    and ((tense(node) == "future" and tense(node.head) == "past") or tx.type == "SET")):
                # ("affirmed that every day there is a greater sense of consciousness": a habit of what is said)
                break  # "'We'll be back tomorrow,' the lawyer said": the time of what is to come, not of the saying
            if root.dep_ in ("nsubj", "nsubjpass") or _date_talked_of(node, trigger_ids):
                break  # "police said the day after the attack was the worst", "The date of May 3 was selected": a
                # time that is a clause's subject dates no event above that clause
            if _dates_a_thing(root, node, trigger_ids):
                break  # "posted the scan of a letter from May 2011": the letter's date, not the posting's
    for verb, tx in losers:
        if not _apart(tx, direct[verb.i]):
            continue  # two times that do not overlap: only then can the verb not hold both
        winner = direct[verb.i]
        noun = _noun_just_before(doc, verb, winner, trigger_ids)
        if noun is not None and noun.i not in direct:
            direct[noun.i], direct[verb.i] = winner, tx  # "launched the revolution four decades ago in a
            continue  # rally Saturday": the date right after the rally is the rally's, the other the verb's
        obj = _object_event_before(text, verb, tx, trigger_ids)
        if obj is not None and obj.i not in direct:
            direct[obj.i] = tx
    return direct


STRETCH_NOUNS = event_words()["stretch_nouns"]
PREMODIFIER_DETERMINERS = frozenset({"the", "a", "an", "its", "his", "her", "their", "our", "this", "that"})


NAME_REACH = 4  # words of a name between a date and the event noun it dates


def _side_by_side(text: str, a: Timex, b: Timex) -> bool:
    """Two expressions with nothing but a dash or a comma between them ("February 6 - this year")."""
    first, second = (a, b) if a.start < b.start else (b, a)
    gap = text[first.end:second.start]
    return len(gap) <= 4 and all(ch in " ,-–—" for ch in gap)


def _within(inner: Timex, outer: Timex) -> bool:
    """The calendar range of `inner` lies inside that of `outer`, and is narrower."""
    return (has_range(inner) and has_range(outer) and outer.range_start <= inner.range_start
            and inner.range_end <= outer.range_end and (inner.range_end - inner.range_start) < (outer.range_end - outer.range_start))


def _name_between(doc: "Doc", start: int, end: int) -> bool:
    """The tokens from `start` up to `end` are words of a name (proper nouns, an inner "of"), at most
    NAME_REACH of them: "Day of Prayer" in "his May 25 Day of Prayer visit". True for none."""
    return end - start <= NAME_REACH and all(
        doc[k].tag_ in ("NNP", "NNPS") or (doc[k].lower_ == "of" and k > start) for k in range(start, end))


def _premodified_event(doc: "Doc", tx: Timex, inside: set[int], trigger_ids: set[int]) -> "Token | None":
    """The event noun a date stands before inside one noun phrase ("the October 1998 shooting death", "a
    May 2 attack", "his May 25 Day of Prayer visit"): a determiner, the date, perhaps a name, the noun. The
    parser sometimes hangs such a date on the verb."""
    if tx.type != "DATE" or not has_range(tx):
        return None  # "a two-year sentence": how long, not when
    first, last = min(inside), max(inside)
    if first == 0 or last + 1 >= len(doc) or doc[first - 1].lower_ not in PREMODIFIER_DETERMINERS:
        return None
    k = last + 1
    while k + 1 < len(doc) and _name_between(doc, last + 1, k + 1):
        k += 1  # "his May 25 Day of Prayer visit", "the May 6 Moscow protest": a name between date and noun
    noun = doc[k]
    return noun if noun.tag_ in ("NN", "NNS") and noun.i in trigger_ids and noun.sent.start <= first else None


def _noun_just_before(doc: "Doc", verb: "Token", tx: Timex, trigger_ids: set[int]) -> "Token | None":
    """The event noun a bare date follows word on word ("in a rally Saturday"), in a prepositional phrase
    of the verb after it: when the verb has a date of its own, that date is the noun's."""
    span = doc.char_span(tx.start, tx.end, alignment_mode="expand")
    if span is None or span.start == 0:
        return None
    noun = doc[span.start - 1]
    if noun.i not in trigger_ids or noun.pos_ != "NOUN" or noun.i <= verb.i:
        return None
    return noun if noun.dep_ == "pobj" and noun.head.dep_ == "prep" and noun.head.head.i == verb.i else None


THING_DATE_PREPS = frozenset({"from"})
# nouns a subject names a date with ("the date of May 3 was selected"); not "day": "Day two on Saturday will be
# organized into workshops" is then
DATE_NOUNS = event_words()["date_nouns"]
LAPSE_VERBS = event_words()["lapse_verbs"]


def _event_a_date_is_of(copula: "Token", trigger_ids: set[int]) -> "Token | None":
    """ "The scheduled date of national elections is May 26th", "The date for the vote is June 1": the event
    the subject names the date of, which the copula's predicate dates."""
    subject = next((c for c in copula.children if c.dep_ == "nsubj" and c.lemma_.lower() == "date"
                    and c.i not in trigger_ids), None)
    if subject is None or any(c.dep_ == "neg" for c in copula.children):
        return None  # (not "The deadline for an agreement was March 1": by then; not "is not June 1")
    return next((p for prep in subject.children if prep.dep_ == "prep" and prep.lower_ in ("of", "for")
                 for p in prep.children if p.dep_ == "pobj" and p.i in trigger_ids), None)


def names_a_date_talked_of(root: "Token | None", trigger_ids: set[int]) -> bool:
    """The expression is the date a subject talks of ("The date of May 3 was selected to mark ..."): a
    date as a thing, no time the story is at (but "The deadline of May 15 expired": its lapse is then)."""
    return (root is not None and root.dep_ == "pobj" and root.head.lower_ == "of"
            and _date_talked_of(root.head.head, trigger_ids))


def _date_talked_of(subject: "Token", trigger_ids: set[int]) -> bool:
    """A date a verb's subject talks of ("The date of May 3 was selected"): no time of that verb, unless the
    verb is the date's own coming or lapse ("The deadline of March 1 expired")."""
    return (subject.dep_ in ("nsubj", "nsubjpass") and subject.lemma_.lower() in DATE_NOUNS
            and subject.i not in trigger_ids and subject.head.lemma_.lower() not in LAPSE_VERBS)
# the rank (see the ranking in `attach_timexes`) of a date inside its event noun's own phrase: none is nearer
ON_THE_NOUN = (False, False, False, False, False, False, 0, False, 0)


def _bare_after(root: "Token", verb: "Token") -> bool:
    """A date with no preposition right after its verb ("declared May 3 World Press Freedom Day on December
    20, 1993"): maybe the verb's object; one a preposition introduces ("on December 20") is its time."""
    if root.i < verb.i:
        return False
    below = root  # the verb's child on the way up: the date itself, or the object holding it
    while below.head.i != verb.i and below.head.i != below.i:
        below = below.head
    return below.head.i == verb.i and (below.dep_ in ARGUMENT_DEPS or (below is root and root.dep_ != "pobj"))


RETOLD_GRAINS = frozenset({"year", "decade", "century"})
RETOLD_PREPS = frozenset({"to", "with", "for", "of"})  # "compared X to the invasion", "blamed X for the crash"


def retold(noun: "Token", tx: Timex, retelling: frozenset[str]) -> bool:
    """An event noun in a retelling verb's object dated by a year ("remembered the victims of the 2004
    tsunami"): a past the story looks back on, not a time it moves to."""
    if noun.pos_ != "NOUN" or tx.granularity not in RETOLD_GRAINS:
        return False
    node = noun
    for _ in range(4):
        if node.dep_ not in ("dobj", "pobj", "prep", "conj", "compound") or node.head.i == node.i:
            return False
        child, node = node, node.head
        if node.pos_ == "VERB":  # its object ("compared the clashes to the invasion"), not where it was
            # said ("criticized the press in a 2011 radio interview")
            return node.lemma_.lower() in retelling and (
                child.dep_ == "dobj" or (child.dep_ == "prep" and child.lower_ in RETOLD_PREPS))
    return False


def retold_event(verb: "Token", root: "Token", tx: Timex, trigger_ids: set[int], retelling: frozenset[str],
                 text: str) -> "Token | None":
    """The earlier happening a retelling verb's object names, when the year hung on the verb follows it
    ("criticised the invasion in 1941", "comparing yesterday's clashes to the Nazi invasion of the USSR in
    1941"): the year is that happening's, not the verb's (a criticism is news; the invasion is not). The
    last event noun of the verb's object before the date, with nothing but words between them."""
    if (tx.granularity not in RETOLD_GRAINS or verb.pos_ != "VERB" or verb.lemma_.lower() not in retelling
            or root.dep_ != "pobj" or root.head.head.i != verb.i):
        return None
    objects = [c for c in verb.children if c.dep_ in ("dobj", "prep") and c.i < root.head.i]
    return _last_event_noun(objects, tx, trigger_ids, text)


def _announcing(verb: "Token", tx: Timex, text: str) -> bool:
    """A verb of saying in the past, or in the simple present (the news of the day) with a date ahead that is a
    limit or a month or more: what it says is ahead, the saying is done ("Ruto announces the reopening of the
    border in April", "announces a pause on tariffs until April 2"); not a day a present saying is scheduled
    for ("The Bank of England announces its decision on Thursday")."""
    if verb.pos_ != "VERB" or verb.lemma_.lower() not in SPEECH_LEMMAS:
        return False
    if finite_past(verb):
        return True
    return _simple_present(verb) and (tx.granularity not in ("day", "weekend", "week", "time")
                                      or _LIMIT_BEFORE.search(text, max(0, tx.start - 12), tx.start) is not None)


def reports_a_span(verb: "Token", tx: Timex, dct: dt.date) -> bool:
    """A verb of reporting in the simple present with a stretch up to now ("reports 845 new cases in the last 24
    hours", "in the past week"): the stretch is what is reported of."""
    return (verb.pos_ == "VERB" and verb.lemma_.lower() in REPORTING_SPAN_VERBS and _simple_present(verb)
            and tx.type == "DURATION" and has_range(tx) and tx.range_end == dct)


def _set_for(verb: "Token", root: "Token") -> bool:
    """The date is the object of a "for" or an "as" on a verb in the simple present ("calls a snap election for
    March 24", "sets the date for the consolidation as January 14")."""
    return (verb.pos_ == "VERB" and _simple_present(verb) and root.dep_ == "pobj" and root.head.lower_ in ("for", "as")
            and root.head.head.i == verb.i)


_LIMIT_BEFORE = re.compile(r"\b(?:until|till|by|through)\s+$", re.IGNORECASE)


def _through_what_is_said(root: "Token", verb: "Token") -> bool:
    """The word `root` hangs on `verb` through its object, or through a conjunct the parser hung on the verb (a
    second object: "announces an increase ... by 2027, and 3% by 2034"), not a phrase of its own."""
    node = root
    while node.head.i != verb.i and node.head.i != node.i:
        node = node.head
    return node.head.i == verb.i and node.dep_ in ("dobj", "conj")


def still_to_come(verb: "Token") -> bool:
    """A verb in the future or after a present "is to" ("will wrap up", "is to take on"): a plan of the news
    present, which no past date can be the time of."""
    return tense(verb) == "future" or (
        verb.dep_ == "xcomp" and verb.head.lemma_ == "be" and verb.head.tag_ in ("VBZ", "VBP")
        and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children))


def _last_event_noun(phrases: list["Token"], tx: Timex, trigger_ids: set[int], text: str) -> "Token | None":
    """The last event noun of the phrases before the date, with nothing but words between it and the date."""
    nouns = [t for c in phrases for t in c.subtree if t.i in trigger_ids and t.pos_ == "NOUN" and t.idx < tx.start]
    if not nouns:
        return None
    noun = max(nouns, key=lambda t: t.i)
    if any(ch in text[noun.idx:tx.start] for ch in ";()"):
        return None
    doc = noun.doc
    commas = [t for t in doc[noun.i:] if t.idx < tx.start and t.text == ","]
    # (commas only around a place's name inside the noun's phrase: "the explosion of a truck in Santiago, Chile,
    # on February 19")
    return noun if all(c.head.pos_ == "PROPN" and noun.is_ancestor(c) for c in commas) else None


def _noun_before_date(verb: "Token", root: "Token", tx: Timex, trigger_ids: set[int], text: str,
                      preps: frozenset[str] | None = None) -> "Token | None":
    """The last event noun of a verb's object or prepositional phrases (those of `preps`, if given) before the
    date hung on the verb (`_last_event_noun`)."""
    return _last_event_noun([c for c in verb.children if c.i < root.i and (c.dep_ == "dobj" or (
        c.dep_ == "prep" and (preps is None or c.lower_ in preps)))], tx, trigger_ids, text)


def _past_relative_before(phrases: list["Token"], tx: Timex, trigger_ids: set[int]) -> "Token | None":
    """The verb of a relative clause in the past inside the phrases that ends just before the date, nothing but
    punctuation or the date's preposition between ("troops who were shot in Washington, D.C., a day earlier", "an
    officer who was stabbed in Paris on Tuesday")."""
    for phrase in phrases:
        doc = phrase.doc
        for t in phrase.subtree:
            if t.dep_ != "relcl" or t.i not in trigger_ids or not finite_past(t) or t.right_edge.idx >= tx.start:
                continue
            between = list(itertools.takewhile(lambda w: w.idx < tx.start, doc[t.right_edge.i + 1:]))
            if all(w.is_punct for w in between[:-1]) and (not between or between[-1].is_punct
                                                          or between[-1].pos_ == "ADP"):
                return t
    return None


def goal_event(verb: "Token", root: "Token", tx: Timex, trigger_ids: set[int], text: str) -> "Token | None":
    """The event noun a verb calls or prepares for, when the date hung on the verb follows it ("was gearing
    up for early elections on September 4"): the date is that thing's, ahead, not the verb's. The last event
    noun after "for" or "ahead of", nothing but words between."""
    if root.dep_ != "pobj" or root.head.head.i != verb.i:
        return None
    preps = [c for c in verb.children if c.dep_ == "prep" and c.lower_ in ("for", "of", "ahead") and c.i < root.head.i]
    preps += [g for c in verb.children if c.dep_ == "advmod" and c.lower_ == "ahead" and c.i < root.head.i
              for g in c.children if g.dep_ == "prep" and g.lower_ == "of"]  # ("ahead" read as an adverb)
    return _last_event_noun(preps, tx, trigger_ids, text)


THING_OF_PREPS = frozenset({"of", "from"})
THING_DATE_GRAINS = frozenset({"year", "decade", "century", "month", "season", "quarter", "half"})


def names_a_things_date(tx: Timex, root: "Token | None", trigger_ids: set[int], lexicon) -> bool:
    """The date tells which thing a noun names, not when something happened ("Sokurov's award-winning
    2011 film", "the 1763 Monument", "the newspaper edition of May 16"): where it dates no event, the
    story is not at it. Not a time noun's ("the night of May 6", "the end of 2011"), a writing's
    ("in his May 10 post, he argued": written then, as said then) or a measure's ("third-quarter
    earnings": the period the story reports)."""
    if root is None or tx.granularity not in THING_DATE_GRAINS:
        return False  # "Friday's focus on the top-tier stocks": a day's thing is that day's news
    head = root.head
    if root.dep_ == "pobj" and head.lower_ in THING_OF_PREPS:
        head = head.head
    elif root.dep_ not in NOUN_MODIFIER_DEPS | YEAR_MODIFIER_DEPS:
        return False
    words = {head.lower_, head.lemma_.lower()}
    return (head.i != root.i and head.pos_ in ("NOUN", "PROPN") and head.is_alpha and head.i not in trigger_ids
            and not words & (lexicon.time_nouns | lexicon.written_things | lexicon.measures))


def names_a_things_premodifier(tx: Timex, root: "Token | None", trigger_ids: set[int], lexicon) -> bool:
    """A month, day or season before a noun that names no event, as its modifier ("lauded as the April 2012
    winners"): it tells which thing, and dates no verb above it (years have their own rule in
    `attach_timexes`); not on a verb's subject ("a 1996 law strengthened the embargo": then)."""
    return (tx.granularity != "year" and root is not None and root.dep_ != "pobj" and (root.head.pos_ == "NOUN" or (
            root.head.pos_ == "PROPN" and tx.granularity in ("century", "decade")))  # ("the 10th century Church")
            and root.head.dep_ not in ("nsubj", "nsubjpass") and names_a_things_date(tx, root, trigger_ids, lexicon))


def _dates_a_thing(root: "Token", node: "Token", trigger_ids: set[int]) -> bool:
    """The date is the object of a "from" that hangs on a noun naming no event ("a letter from May 2011",
    "figures from last year show"): it tells when that thing is from. (Not "of": "on the night of Oct.
    23", "the first nine months of 1997" are the event's own time.)"""
    return (node.i == root.head.i and root.dep_ == "pobj" and node.lower_ in THING_DATE_PREPS
            and node.head.pos_ in ("NOUN", "PROPN") and node.head.i not in trigger_ids
            and node.head.dep_ not in ("nsubj", "nsubjpass")  # "A post from April 29 tells": it tells then
            and not any(c.dep_ in ("relcl", "acl", "advcl") for t in (root, node.head) for c in t.children
                        if t.i == root.i or c.i > root.i))  # "a poster from 1989 when Solidarity won": its time


LAW_NAME_NOUNS = event_words()["law_name_nouns"]  # "the Reproductive Health Act of 2012": a law's name


def year_in_name(tx: Timex, root: "Token | None", trigger_ids: set[int]) -> bool:
    """A year that is part of a name ("the 2012 Summer Olympic Games", "TEDx Thessaloniki 2012"): it dates
    no verb around the name ("gave TEDx Thessaloniki 2012 an endorsement") and is no time of the story,
    unless the name is where the verb happened or what it is counted from ("presented at the 2011
    International Conference", "retired after the 2012 Paralympics")."""
    span = root.doc.char_span(tx.start, tx.end, alignment_mode="expand") if root is not None else None
    if span is not None and tx.granularity == "year" and span.start > 1 and root.doc[span.start - 1].lower_ == "of":
        name = root.doc[span.start - 2]
        if (name.tag_ in ("NNP", "NNPS") and name.lower_ in LAW_NAME_NOUNS and name.text[:1].isupper()
                and name.i not in trigger_ids and not any(c.dep_ == "acl" for c in name.children)):
            # "declares the Reproductive Health Act of 2012 constitutional": the act's name (but "the Joint
            # Agreement of 1997 signed by the UK" is when it was signed)
            return True
    return (root is not None and tx.granularity == "year" and root.dep_ in ("nummod", "compound", "npadvmod")
            and root.head.pos_ == "PROPN" and root.head.i not in trigger_ids
            and not _after_preposition(root.doc, tx)  # "In 1991 Charles Keating was convicted": a time
            and not (root.head.dep_ == "pobj" and root.head.head.lower_ in NAMED_TIME_PREPS))


_TITLED = re.compile(r"\b(?:titled|entitled|called|named|headlined|dubbed)\s*,?\s*$", re.IGNORECASE)


def in_title(text: str, tx: Timex, quotes: Quotes) -> bool:
    """A date inside a quoted title ("a post titled 'Rashidi Yekini 1963-2012'"): part of a name."""
    span = quotes.containing(tx.start)
    return span is not None and _TITLED.search(text, max(0, span[0] - 25), span[0]) is not None


def _after_preposition(doc: "Doc", tx: Timex) -> bool:
    span = doc.char_span(tx.start, tx.end, alignment_mode="expand")
    return span is not None and span.start > 0 and doc[span.start - 1].pos_ == "ADP"


def _apart(a: Timex, b: Timex) -> bool:
    """Two calendar times with no day in common ("Friday" and "Saturday", "1953" and "Tuesday")."""
    return (has_range(a) and has_range(b)
            and (a.range_end < b.range_start or b.range_end < a.range_start))


def _object_event_before(text: str, verb: "Token", tx: Timex, trigger_ids: set[int]) -> "Token | None":
    """The event noun a verb's second date really dates: "on Saturday condemned the attacks in Kenya
    Friday", "on Tuesday marked the anniversary of the flood in 1953" -- a verb happens once, so the date
    that lost to the verb's own, written after its object, is the object's: of the object's event nouns
    before the date, the last ("the flood", not "the anniversary")."""
    obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
    if obj is None or not (verb.i < obj.i and obj.idx < tx.start):
        return None
    nouns = [t for t in obj.subtree if t.i in trigger_ids and t.pos_ == "NOUN" and t.idx < tx.start]
    if not nouns or any(ch in text[nouns[-1].idx:tx.start] for ch in ",;"):
        return None
    return nouns[-1]


def _fronted_on_subject(root: "Token", trigger_ids: set[int]) -> bool:
    """ "The government on Saturday condemned the attacks": the parse hangs the date on the subject, but a
    date between a subject and its verb is the verb's (news style), not a phrase deep inside."""
    prep = root.head
    subject = prep.head
    return (root.dep_ == "pobj" and prep.dep_ == "prep" and subject.dep_ in ("nsubj", "nsubjpass")
            and subject.i not in trigger_ids and subject.i < root.i < subject.head.i)


def _rate_of_a_thing(root: "Token", trigger_ids: set[int]) -> bool:
    """A set that measures a noun that is no event ("190 kilometers per hour"): its head, past a
    preposition, is that noun."""
    head = root.head
    if head.pos_ == "ADP" and head.head.i != head.i:
        head = head.head
    if head.lemma_.lower() == "time":
        return False  # "five times a day": how often the event happens, not a rate of a thing
    return head.i != root.i and head.pos_ in ("NOUN", "PROPN", "NUM") and head.i not in trigger_ids


def in_parentheses(text: str, tx: Timex) -> bool:
    """A date in an aside between parentheses ("(Twitter user X wrote on April 24 ...)")."""
    return parenthesis_around(text, tx) is not None


def _tells_something(doc: "Doc", aside: tuple[int, int]) -> bool:
    """An aside with a verb of its own ("(Decreto 884 de 2012, which regulates ...)", "(like they were in
    March)"), not a date that glosses its sentence ("(Friday)")."""
    span = doc.char_span(aside[0], aside[1] + 1, alignment_mode="expand")
    return span is not None and any(t.pos_ in ("VERB", "AUX") for t in span)


def parenthesis_around(text: str, tx: Timex) -> tuple[int, int] | None:
    """The offsets of the parentheses around a date, if it lies in an aside."""
    opened = text.rfind("(", max(0, tx.start - 200), tx.start)
    if opened < 0 or ")" in text[opened:tx.start]:
        return None
    closed = text.find(")", tx.end, tx.end + 200)
    return (opened, closed) if closed >= 0 else None


_DASH = re.compile(r"\s[-–—]\s|—")
_SENTENCE_BREAK = re.compile(r"[.!?]\s|\n")
DASH_ASIDE_REACH = 150  # characters an aside between dashes may run on either side of its date


def dash_aside_around(text: str, tx: Timex) -> tuple[int, int] | None:
    """The offsets of the dashes around a date in an aside between them ("Abou Ismail - he's out of the race
    now - tried to influence people"), within its sentence."""
    lo = max(0, tx.start - DASH_ASIDE_REACH)
    before = [m for m in _DASH.finditer(text, lo, tx.start)]
    if not before or _SENTENCE_BREAK.search(text, before[-1].end(), tx.start):
        return None
    after = _DASH.search(text, tx.end, tx.end + DASH_ASIDE_REACH)
    if after is None or _SENTENCE_BREAK.search(text, tx.end, after.start()):
        return None
    return before[-1].start(), after.end() - 1


COMPARISON_WORDS = frozenset({"from", "than", "compared", "against", "versus", "vs.", "over", "instead"})
COMPARISON_NOUNS = event_words()["comparison_nouns"]  # "an improvement on": the baseline after "on"


BASELINE_ADJECTIVE = re.compile(r"\byear[- ](?:earlier|ago)$", re.IGNORECASE)


def _compared_with_than(doc: "Doc", tx: Timex) -> bool:
    """The baseline is the other side of a "than" ("bigger than the one in 1992"), not of "more than a
    year ago" (a count)."""
    span = doc.char_span(tx.start, tx.end, alignment_mode="expand")
    word = _comparison_word(doc, span) if span is not None and len(span) else None
    return word is not None and word.lower_ == "than" and word.i > 0 and doc[word.i - 1].lower_ not in APPROXIMATORS


APPROXIMATORS = frozenset({"more", "less", "fewer", "rather", "other", "no", "sooner", "later", "earlier"})


def is_baseline(doc: "Doc", tx: Timex, timexes: Sequence[Timex] = ()) -> bool:
    """A timex that names the baseline of a comparison ("from $99 million a year earlier", "compared
    with year-earlier net income", "the year-ago period"): it is not the time the story is at. The word
    of comparison is not one inside another expression ("launched more than four decades ago in a
    rally Saturday": Saturday is no baseline)."""
    span = doc.char_span(tx.start, tx.end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return False
    if BASELINE_ADJECTIVE.search(span.text) and span.end < len(doc) and doc[span.end].pos_ in ("NOUN", "ADJ"):
        return True  # "year-earlier net income"
    if re.search(r"\byear[- ](?:earlier|ago)\s+(?:period|quarter|level|results|figure)", span.text, re.IGNORECASE):
        return True  # "the year-ago period"
    word = _comparison_word(doc, span)
    if word is not None and any(o is not tx and o.start <= word.idx < o.end for o in timexes):
        return False
    if word is not None and word.lower_ == "from" and tx.interval_start is not None:
        return False  # "from April 25-29": the first day of a range, not a baseline
    return word is not None


def _comparison_word(doc: "Doc", span) -> "Token | None":
    """The word of a comparison shortly before the span, in its clause ("from", "than", "compared")."""
    sent_start = span.sent.start if doc.has_annotation("SENT_START") else 0
    for k in range(span.start - 1, max(sent_start - 1, span.start - BASELINE_REACH - 1), -1):
        t = doc[k]
        if t.lower_ in COMPARISON_WORDS:
            return t
        if (t.lower_ == "on" and k > 0 and doc[k - 1].lemma_.lower() in COMPARISON_NOUNS
                and span.root.head.i != t.i):
            return t  # "an improvement on the 35% turnout for the 2007 elections" (not "a gain on Friday")
        if t.pos_ in ("VERB", "AUX") or t.text in (";", ":", "."):
            return None
    return None


def inherited_timex(tok: "Token", direct: dict[int, Timex], trigger_ids: set[int],
                    plan_verbs: frozenset[str] = frozenset(), depth: int = 0) -> Timex | None:
    """The timex of the governing event, for objects, complements, purpose clauses and the participles of
    an event noun that have none of their own; for an event noun that is the subject of a verb, the verb's or its complement's ("the summit is
    set to open next week", "the meeting took place on Monday")."""
    if tok.dep_ in ("nsubj", "nsubjpass") and tok.pos_ == "NOUN" and tok.head.i != tok.i \
            and tok.head.lemma_.lower() not in ORDER_VERBS:  # "the election will be followed by elections
        head = tok.head                                      # on June 10": the election is not on June 10
        found = direct.get(head.i)
        if found is None:
            found = dependent_timex(head, direct, trigger_ids, deps=SUBJECT_REACH)
            if found is not None and any(tx is found and (_awaited(tok.doc[i]) or (
                    tok.doc[i].pos_ == "NOUN" and tok.doc[i].left_edge.idx <= found.start < tok.doc[i].idx))
                    for i, tx in direct.items()):
                found = None  # "violence has flared up ahead of May 26 elections": the elections' day; "The
                # decision reverses a 2023 lower court ruling": the ruling's year, not the decision's
        if found is not None:
            return found
    if ordered_subject(tok):
        return None  # "the presidential election will be followed by elections on June 10": another's date
    if tok.dep_ == "advcl" and tok.head.i in direct and any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children):
        return direct[tok.head.i]  # a purpose: "will travel to Washington on March 12 to submit the document"
    if (tok.dep_ == "advcl" and tok.tag_ == "VBG" and tok.i > tok.head.i and tok.head.i in direct
            and not any(c.dep_ in ("nsubj", "mark") for c in tok.children)
            and any(_ordered_before(c, direct[tok.head.i], direct) for c in tok.children)):
        # "lifted off on Thursday, carrying the satellite into orbit after high winds forced a delay earlier in
        # the week": the participle goes with its verb's day, not with the day of what it came after (but
        # "arrived on Monday, returning home after the talks ended on Wednesday" is Wednesday's)
        return direct[tok.head.i]
    if asyndetic_clause(tok):
        return None  # "BlogCamp will take place on 5 May, Nana Yaw Sarpong reports": a clause of its own
    if tok.dep_ == "acl" and tok.head.i in direct:
        return direct[tok.head.i]  # a dated event noun's participle: "the Feb. 23 accord signed by Annan"
    node = tok
    for _ in range(3):
        if node.dep_ not in INHERIT_DEPS or node.head.i == node.i:
            return None
        head = node.head
        if head.dep_ == "prep" and node.dep_ == "pobj":  # pobj -> prep -> governing word
            head = head.head
        elif head.dep_ == "agent" and node.dep_ == "pobj" and head.head.lemma_.lower() in ORDER_VERBS:
            head = head.head  # "followed by parliamentary elections on June 10": the elections then
        if head.i in direct:
            return direct[head.i]
        if head.i in trigger_ids:
            # the object of a planned event inherits the plan's date: "plans on Tuesday to hold a news
            # conference" (not "refused on Tuesday to discuss the bombing": the bombing is not then)
            if depth == 0 and head.dep_ == "xcomp" and head.head.lemma_.lower() in plan_verbs:
                return inherited_timex(head, direct, trigger_ids, plan_verbs, depth + 1)
            return None
        node = head
    return None


def _ordered_before(clause: "Token", day: Timex, direct: dict[int, Timex]) -> bool:
    """An "after" clause whose date is not later than `day`, or a "before" clause whose date is not earlier."""
    mark = next((m.lower_ for m in clause.children if m.dep_ == "mark" and m.lower_ in ("after", "before")), None)
    if clause.dep_ != "advcl" or mark is None:
        return False
    own = direct.get(clause.i)
    if own is None or not has_range(own) or not has_range(day):
        return True
    return own.range_start <= day.range_end if mark == "after" else own.range_end >= day.range_start


def _awaited(noun: "Token") -> bool:
    """An event noun something happens ahead of ("ahead of May 26 elections", "in the run-up to the vote",
    normalize's `AHEAD_OF`): its date is its own, still to come, not that of what happens before it."""
    doc = noun.doc
    start = noun.left_edge.i
    return noun.pos_ == "NOUN" and noun.dep_ == "pobj" and bool(
        AHEAD_OF.search(doc[max(0, start - AHEAD_TOKENS):start].text_with_ws))


AHEAD_TOKENS = 8  # tokens before an event noun's phrase in which "ahead of", "in the run-up to" are looked for


ORDER_VERBS = event_words()["order_verbs"]  # one happening after another: dates of the other
ATTRIBUTION_VERBS = event_words()["attribution_verbs"]


def asyndetic_clause(verb: "Token") -> bool:
    """An attribution after what it attributes, which the parser joins to it as a second verb ("BlogCamp
    will take place on 5 May, Nana Yaw Sarpong reports"): a clause of its own, after a comma, with a subject
    of its own and no "and" or "but"."""
    return (verb.dep_ == "conj" and verb.i > verb.head.i and verb.lemma_.lower() in ATTRIBUTION_VERBS
            and any(c.dep_ in ("nsubj", "nsubjpass") and c.i < verb.i for c in verb.children)
            and not any(c.dep_ == "cc" and verb.head.i < c.i < verb.i for c in verb.head.subtree)
            and not any(c.dep_ == "cc" for c in verb.children))


def when_clause_timex(tok: "Token", timex_at: dict[int, Timex]) -> Timex | None:
    """The date a "when" clause describes: "until May 12, when they will join the strike", "in 1998, when
    the war began" -- the clause's events are on that date."""
    verb = clause_verb(tok)
    if verb.dep_ not in ("relcl", "advcl"):
        return None
    when = next((c for c in verb.children if c.dep_ == "advmod" and c.lower_ == "when" and c.i < verb.i), None)
    if when is None or when.i < 2:
        return None
    if when.nbor(-1).text != ",":
        return timex_at.get(when.i - 1)  # "in April next year when the alliance celebrates its anniversary"
    return timex_at.get(when.i - 2)  # the date just before ", when" (the parser hangs the clause on the verb)


UPWARD_DEPS = frozenset({"xcomp", "dobj", "prep", "pobj", "npadvmod", "advcl", "acomp", "attr", "oprd", "acl", "relcl"})


# adverbs a clause of the same moment hangs on ("was arrested as soon as he arrived on April 17", "shortly after")
AT_ONCE_ADVERBS = event_words()["at_once_adverbs"]
TIME_OF_NOUNS = event_words()["time_of_nouns"]  # "at the time of the crisis": the crisis's time
SUBJECT_REACH = frozenset({"xcomp", "prep", "pobj", "npadvmod", "advmod", "attr", "acomp", "dobj"})


def dependent_timex(tok: "Token", direct: dict[int, Timex], trigger_ids: set[int],
                    deps: frozenset[str] | None = None) -> Timex | None:
    """The timex of an event inside the trigger's own phrase ("took the child in a raid on April 22",
    "practiced forming a chain Monday"): the nearest one, not crossing into reported clauses."""
    deps = UPWARD_DEPS if deps is None else deps
    best: tuple[int, Timex] | None = None
    stack = [(c, 1) for c in tok.children if (c.dep_ in deps and not _clause_of_its_own(c))
             or (c.dep_ == "advmod" and c.lower_ in AT_ONCE_ADVERBS)]
    while stack:
        node, depth = stack.pop()
        if node.i in direct and _now_of_an_aside(node, direct[node.i]):
            continue
        if node.i in direct:
            d = abs(node.i - tok.i)
            if best is None or d < best[0]:
                best = (d, direct[node.i])
            continue
        if depth < 3:
            # ("at the time of the 2009 crisis": the time noun and its "of" cost no depth)
            step = 0 if (node.lemma_.lower() in TIME_OF_NOUNS and node.pos_ == "NOUN") or (
                node.lower_ == "of" and node.head.lemma_.lower() in TIME_OF_NOUNS) else 1
            stack.extend((c, depth + step) for c in node.children if c.dep_ in deps and not _clause_of_its_own(c)
                         and (c.dep_ != "relcl" or node.i in trigger_ids or tense(c) == tense(tok)))
            # (a relative clause of another tense tells of its thing in another time: "sold me two books which I
            # still own today"; but "fired the shots that killed the doctor last October", "attended a meeting
            # that takes place on Monday")
    return best[1] if best else None


def _clause_of_its_own(clause: "Token") -> bool:
    """A noun's clause that tells what the noun says ("the confirmation that the decision was taken
    yesterday"), or a clause of concession or cause ("Though the Fed announced easing on Wednesday, Hoenig
    said"): its time is its own, not the noun's nor that of the verb above it."""
    if clause.dep_ == "advcl":
        return any(c.dep_ == "mark" and c.lower_ in OWN_TIME_MARKS for c in clause.children)
    if clause.dep_ != "acl":
        return False
    return any(c.dep_ == "mark" and c.lower_ in ("that", "whether", "if") for c in clause.children)


OWN_TIME_MARKS = frozenset({"though", "although", "whereas", "because"})  # a concession's or a cause's clause


def _now_of_an_aside(node: "Token", tx: Timex) -> bool:
    """ "set up a page, now deleted": the now of a participle set off by a comma is what became of the
    thing since, no time of the verb above it."""
    start = node.left_edge.i
    return (tx.value == "PRESENT_REF" and node.dep_ in ("acl", "advcl") and node.tag_ == "VBN"
            and start > 0 and node.doc[start - 1].text == ",")


def ancestor_timex(tok: "Token", direct: dict[int, Timex]) -> Timex | None:
    """The timex of the nearest event above `tok` in its sentence, for a clause of the same tense
    ("rescuers said Saturday they had cleared the rubble")."""
    t = tense(clause_verb(tok))
    if t in ("future", "perfect", "present") or ordered_subject(tok):
        return None  # (nor "the presidential election was followed by elections on June 10": another's date)
    node = tok
    for _ in range(6):
        if node.head.i == node.i:
            return None
        node = node.head
        if node.i in direct:
            if life_date(node) and bare_participle(node):
                return None  # "banning anyone born in 2008 from buying cigarettes": a bare participle's life date,
                # of no act below (but "was established in 1950 after villagers raised funds": the clause's)
            return direct[node.i]
    return None


def bare_participle(verb: "Token") -> bool:
    """A past participle with no auxiliary of its own ("anyone born in 2008", "men detained for a decade")."""
    return verb.tag_ == "VBN" and not any(c.dep_ in ("aux", "auxpass") for c in verb.children)


def life_date(verb: "Token") -> bool:
    """A participle of a life's or a body's beginning ("born in 1958", "founded in 1998"): its date is background."""
    return verb.tag_ == "VBN" and verb.lower_ in load_lexicon().life_dates


def finite_past(verb: "Token") -> bool:
    """A verb in the past tense by its own form ("announced", "did not plan"), not an infinitive or a
    participle that only inherits a past from the clause above it."""
    return verb.tag_ == "VBD" or any(c.dep_ in ("aux", "auxpass") and c.tag_ == "VBD" for c in verb.children)


def present_perfect(verb: "Token") -> bool:
    """"has announced", "have been delayed": done by now, by its own auxiliaries (not an infinitive under a
    perfect, nor a modal perfect: "would have lasted until 2015", which `tense` also calls perfect)."""
    return verb.tag_ == "VBN" and any(c.dep_ == "aux" and c.lemma_ == "have" and c.tag_ in ("VBZ", "VBP")
                                      for c in verb.children)


def pluperfect(verb: "Token") -> bool:
    """"had warned": a clause set before the story's time (background, not the story moving on); "had left the
    house and walked to the station": both."""
    verb = _have_head(verb) or verb
    auxes = [c.lower_ for c in verb.children if c.dep_ == "aux"]
    return (verb.tag_ == "VBN" or verb.tag_ == "VBG" and "been" in auxes) and any(a in ("had", "'d") for a in auxes)


def _have_head(verb: "Token") -> "Token | None":
    """The participle with "have" that a participle is joined to, with no auxiliary or subject of its own ("have
    arrested 44 people and confiscated 21 tons", "had left the house, locked the door and walked"): its "have"
    is this one's too (the parser may tag the later ones VBD, and join the third to the second)."""
    node = verb
    for _ in range(4):
        if (node.dep_ != "conj" or node.tag_ not in ("VBD", "VBN") or node.head.i == node.i
                or any(c.dep_ in ("aux", "auxpass", "nsubj", "nsubjpass") for c in node.children)):
            return None
        node = node.head
        if node.tag_ == "VBN" and any(c.dep_ == "aux" and c.lemma_ == "have" for c in node.children):
            return node
    return None


def clause_verb(tok: "Token") -> "Token":
    """The verb whose tense and auxiliaries frame `tok` (itself for verbs; the governing verb for nouns)."""
    node = tok
    for _ in range(6):
        if node.pos_ in ("VERB", "AUX") or node.head.i == node.i:
            return node
        node = node.head
    return node


def gapped_passive_head(verb: "Token") -> "Token | None":
    """The passive a participle shares its auxiliary with, parsed as the participle of the noun joined to it
    ("Fourteen people are killed and over 40 others injured": "killed"), or None."""
    noun = verb.head
    if (verb.tag_ == "VBN" and verb.dep_ == "acl" and noun.dep_ == "conj" and noun.pos_ in ("NUM", "NOUN")
            and verb.i == noun.i + 1 and noun.head.pos_ == "VERB" and noun.head.i < noun.i
            and not any(c.dep_ in ("aux", "auxpass") for c in verb.children)
            and any(c.dep_ == "auxpass" for c in noun.head.children)):
        return noun.head
    return None


def tense(verb: "Token", depth: int = 0) -> str:
    """"past", "perfect" (present perfect), "future", "present" or, for a non-finite verb with no finite
    verb above it, "untensed"; read from the tag and the auxiliaries, a non-finite verb ("to hold",
    "holding") taking the tense of the clause it depends on."""
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    lemmas = {a.lower_ for a in auxes}
    if lemmas & {"'d", "’d"} and verb.tag_ == "VBN" and not any(a.dep_ == "auxpass" for a in auxes):
        return "past"  # "he'd already left": had, a past perfect (not "would")
    if lemmas & FUTURE_AUX:
        return "future"
    if any(a.lemma_ == "have" and a.tag_ in ("VBZ", "VBP") for a in auxes):
        # ("has still to become operational": an obligation of the present, no perfect)
        return "present" if verb.tag_ == "VB" and "to" in lemmas else "perfect"
    have = _have_head(verb) if depth < 6 else None
    if have is not None:
        return tense(have, depth + 1)  # "have arrested 44 people and confiscated 21 tons": the "have" of both
    gapped = gapped_passive_head(verb)
    if gapped is not None and depth < 6:
        return tense(gapped, depth + 1)  # "are killed and over 40 others injured": as "are killed"
    if verb.tag_ == "VBN" and verb.dep_ == "acl" and not auxes:
        noun = verb.head
        if noun.dep_ == "attr" and noun.head.lemma_ == "be" and any(c.dep_ == "expl" for c in noun.head.children) \
                and depth < 6 and tense(noun.head, depth + 1) == "future":
            return "future"  # "there will be a committee formed": to come, as the "will be" is
        return "past"  # "a note published on the Facebook page": done, whatever the tense of the clause
    if verb.tag_ == "VBN" and any(a.tag_ == "MD" for a in auxes) and any(
            (a.lemma_ == "have" or a.lower_ == "'ve") and a.tag_ == "VB" for a in auxes):
        return "perfect"  # "may have left the boat": some time before now, not now
    if verb.tag_ == "VB" and verb.dep_ == "ROOT" and all(
            a.lemma_ == "do" and a.tag_ == "VB" for a in auxes) and not any(
            c.dep_ in ("nsubj", "nsubjpass", "expl") for c in verb.children):
        return "present"  # an imperative ("Don't forget to use the tag", "email me"): now, not the story's day
    if verb.tag_ == "VBN" and any(a.lower_ in ("'s", "’s") for a in auxes) and (
            verb.lemma_ == "be" or any(c.dep_ == "dobj" for c in verb.children)):
        return "perfect"  # "she's written two books", "it's been a long day": has, not is
    if verb.tag_ == "VBD" or any(a.tag_ == "VBD" for a in auxes):
        return "past"
    if "could" in lemmas and _negated(verb) and verb.lemma_ != "reach":
        # "neither side could open the scoring": an inability that was (not the reporter's "could not be
        # reached for comment", of the day of the writing)
        return "past"
    if verb.tag_ in ("VBZ", "VBP") or any(a.tag_ in ("VBZ", "VBP", "MD") for a in auxes):
        return "present"
    if lets(verb):
        return "present"  # "but let's hope things change": a bidding, now, whatever the clause it is joined to
    head, steps = _verb_above(verb, 6 - depth)
    if head is not None and depth + steps < 6:
        return tense(head, depth + steps + 1)
    return "untensed"


def _verb_above(verb: "Token", reach: int = 6) -> "tuple[Token | None, int]":
    """The nearest verb above `verb`, past the nouns and prepositions between ("begin the process of electing":
    "begin"), with the number of words climbed beyond the first; None when there is none within `reach`."""
    head, steps = verb.head, 0
    while head.i != verb.i and head.pos_ not in ("VERB", "AUX") and steps < reach:
        if head.head.i == head.i:
            break
        head, steps = head.head, steps + 1
    return (head, steps) if head.i != verb.i and head.pos_ in ("VERB", "AUX") else (None, steps)


WOULD = frozenset({"would", "'d", "’d"})  # the auxiliary of a future in the past or a condition


def lets(verb: "Token") -> bool:
    """A proposal with "let's" ("Let's talk", "let's just get our things together"): the verb's subject is the
    "'s" of a "let" above it."""
    return verb.head.lemma_ == "let" and any(c.dep_ == "nsubj" and c.lower_ in ("'s", "’s") for c in verb.children)


def future_in_past(verb: "Token") -> "Token | None":
    """The past verb a "would" clause hangs on ("I had hoped that others would sign up", "it seemed like we'd
    get bogged down", "wanted to write so that someone would listen"): what was then to come, not now."""
    if (verb.tag_ == "VBN" and not any(c.dep_ == "auxpass" for c in verb.children)) or not any(
            c.dep_ == "aux" and c.lower_ in WOULD for c in verb.children):
        return None  # (not "he'd already left": a past perfect; but "would be whipped")
    node = verb
    for _ in range(4):
        if node.dep_ not in ("ccomp", "xcomp", "advcl", "conj", "prep", "pcomp", "acomp") or node.head.i == node.i:
            return None  # ("it was unlikely that she would get a post": through the adjective to its "was")
        node = node.head
        if node.pos_ in ("VERB", "AUX") and any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in node.children):
            return node if tense(node) == "past" else None
    return None


def _negated(verb: "Token") -> bool:
    """The clause says no: "not", "never", or a subject "neither" or "no one" opens."""
    return any(c.dep_ == "neg" or c.lower_ in ("never", "neither", "nobody", "nothing")
               or (c.dep_ in ("nsubj", "nsubjpass") and any(g.lower_ in ("no", "neither") for g in c.children))
               for c in verb.children)


NOUN_MODIFIER_DEPS = frozenset({"amod", "poss"})  # "this year's awards", "the current year's figures"
# how a date hangs on the noun it tells which thing of: "the 2012 PEN America press freedom award winner",
# "lauded as the April 2012 winners" (nmod)
YEAR_MODIFIER_DEPS = frozenset({"compound", "nummod", "nmod"})
UNBOUNDED_DAYS = 10 ** 6  # the width of a date without a calendar range, for ranking
BORROWED = (True, True, True, True, True, True, UNBOUNDED_DAYS, True, 1 << 30)  # a date lent by the clause above
DEEP = 2  # parse hops from a date to its event beyond which the date lies inside a phrase, not on the event
NARRATIVE_TENSES = frozenset({"past", "untensed"})
NEWS_DAY_WINDOW = 7  # days before publication in which the lead's day is looked for
NEWS_DAY_PARAGRAPHS = 4  # paragraphs after the lead in which the news day may still be named
NAMED_TIME_PREPS = frozenset({"at", "during", "in", "after", "before", "since", "until", "following", "ahead"})
BEFORE_WORDS = frozenset({"before", "prior to", "ahead of"})  # "Prior to the announcement on May 16"
AFTER_WORDS = frozenset({"after", "following"})  # "Following the 8 May firebombing"
# what a plan still to come is told to follow or answer ("will return after his surgery last month", "will be
# punished for the attack on Monday"): a past date after its noun is that happening's
PAST_CAUSE_PREPS = AFTER_WORDS | {"since", "for", "over"}
NEWS_DAYS_SPAN = 2  # a news day may be a few days ("a strike on May 7 and 8"), not a week
NEWS_RANGE_SPAN = 6  # a story may run over the days of a range up to a week ("a festival from April 25-29")
PRESENT_ERA_DAYS = 7  # a period around publication longer than this is the present, not a story time
BASELINE_REACH = 8  # tokens back from a timex to the word of a comparison ("from $4 million a year earlier")


def sets_story_time(tx: Timex, dct: dt.date | None) -> bool:
    """Whether a date can move the story's time: a calendar date the text names, not one after
    publication (a past event cannot happen then), not the present era ("this year", "this month")."""
    if not is_calendar(tx):
        return False
    if (tx.rule or "").startswith("anaphoric.the_") and tx.anchor_kind == "publication":
        return False  # "the day has never been recognized", with no day told before it: no story time
    if dct is None:
        return True
    if tx.range_start > dct:
        return False
    return not (tx.range_start <= dct <= tx.range_end and (tx.range_end - tx.range_start).days > PRESENT_ERA_DAYS)


def lead_end(text: str) -> int:
    """Where the lead ends: at the end of the first paragraph that ends as prose does (after a headline
    or a date line, which do not), not a picture's caption; in a first paragraph of more than
    LONG_LEAD_CHARS, at the end of its second sentence."""
    for start, end in paragraph_spans(text):
        if PROSE_END.search(text, start, end) and not in_caption(text, start):
            if end - start <= LONG_LEAD_CHARS:
                return end
            # a long first paragraph (a blog post in one block) leads with its first sentences only
            cut = [m.end() for m in _SENTENCE_END.finditer(text, start, end)
                   if not _ABBREVIATION.search(text, max(start, m.start() - 6), m.start() + 1)]
            return cut[LEAD_SENTENCES - 1] if len(cut) >= LEAD_SENTENCES else end
    return len(text)


LEAD_SENTENCES = 2  # the sentences of a long first paragraph that make the lead
LONG_LEAD_CHARS = 400  # a first paragraph longer than this is a post in one block, not a news lead
_SENTENCE_END = re.compile(r"[.!?][\"”’)]*(?=\s+[\"“(]?[A-Z])")
_ABBREVIATION = re.compile(r"(?:\b[A-Z]|\b(?:Mr|Mrs|Ms|Dr|St|Gov|Sen|Rep|Gen|Jr|Sr|Inc|Co|Corp|Ltd|No|Lt|Col|Sgt|"
                           r"Capt|Prof|Mt|Ft|vs|Jan|Feb|Aug|Sept|Oct|Nov|Dec))\.$")


class NarrativeTime:
    """The story's current time before a given offset.

    Within a paragraph it is the last date mentioned before the offset that moves the story (see
    `sets_story_time`; background dates -- a comparison's baseline, a pluperfect clause -- are left out
    by the caller). A news story returns to its news day (the day its lead reports, within a week before
    publication) at each new paragraph: a background date ("the bombings of Aug. 7", "the summit in
    April") dates the sentences that follow it in its own paragraph, not the rest of the article (a
    story without a news day returns to no day at all: its undated past is some time before
    publication). A
    paragraph that opens with a quotation goes on with the one before it (the speaker "said Sunday"
    goes on speaking), as does one that opens by pointing back to it ("These conversations ..."). Before any date, the story is at its news day, even when the lead names it
    later. A date inside a quotation dates only events of that quotation.
    """

    def __init__(self, timexes: Sequence[Timex], text: str = "", dct: dt.date | None = None,
                 quotes: Quotes | None = None, background: "Callable[[Timex], bool] | None" = None,
                 lead: int | None = None, speech: Sequence[int] = (), spans: dict | None = None,
                 preview: bool = False, recounted: Sequence[tuple[int, int]] = (),
                 gone_on_after: "Callable[[Timex], bool] | None" = None,
                 main_week: "Callable[[Timex], bool] | None" = None):
        self._recounted = sorted(recounted)  # quotations that recount a past story (see `recounts`)
        # a line a date opens, then a dash or a colon ("2. 5th June - March to the Parliament", "May 3:
        # protests in the capital"): an entry of a schedule or a timeline, dated by it
        self._entries: list[tuple[int, int, Timex]] = []
        for t in timexes:
            line_start = text.rfind("\n", 0, t.start) + 1
            if is_calendar(t) and _ENTRY_OPENING.fullmatch(text, line_start, t.start) and _ENTRY_DASH.match(text, t.end):
                line_end = text.find("\n", t.end)
                self._entries.append((line_start, len(text) if line_end < 0 else line_end, t))
        days = [t for t in timexes if sets_story_time(t, dct) and not (background and background(t))]
        days.sort(key=lambda t: t.start)
        quotes = quotes if quotes is not None else quotes_of(text)
        self._quote = quotes.containing
        self._answers = quotes.answers
        self._starts = [t.start for t in days]
        self._days = days
        breaks = list(PARAGRAPH_BREAK.finditer(text))
        self._paragraphs = [m.end() for m in breaks]
        # paragraphs that open with a quotation mark, or are a post or a quotation their intro sets apart
        # ("Mesfin Negash wrote:" then the paragraph he wrote)
        set_apart = sorted(a for a, _ in (*quotes.introduced, *quotes.posters))
        paragraph_starts = [0] + self._paragraphs
        speech = sorted(speech)
        opens_quoted = [(bool(_OPENING_QUOTE.match(text, start))
                         and not (_after_long_ago(days, paragraph_starts[k], start, dct)
                                  and not _any_between(speech, paragraph_starts[k], start)))
                        or _starts_within(set_apart, start, text) or bool(_OPENING_BACK_REFERENCE.match(text, start))
                        for k, start in enumerate(self._paragraphs)]
        # a paragraph that opens with a date on a line of its own ("February 2012", "April 7, 2012:") heads a
        # section of a timeline: the paragraphs under it go on with it, up to the next such heading
        ends = [m.start() for m in breaks] + [len(text)]
        heading_texts = {t.start: t for t in days}  # a date that opens its paragraph
        in_section = False
        self._first_heading: int | None = None  # where the first dated section starts
        for k, start in enumerate([0] + self._paragraphs):
            head = heading_texts.get(_LEADING_SPACE.match(text, start).end())
            line_end = text.find("\n", head.end, ends[k]) if head is not None else -1
            is_heading = head is not None and _DATE_HEADING.fullmatch(
                text, head.end, ends[k] if line_end < 0 else line_end) is not None
            if k and in_section and not is_heading:
                opens_quoted[k - 1] = True
            if is_heading and self._first_heading is None:
                self._first_heading = head.start
            in_section = in_section or is_heading
        # paragraphs up to each one that do not go on with the one before: two offsets share a stretch
        # when none begins between their paragraphs
        self._new_stretches = [0]
        for flag in opens_quoted:
            self._new_stretches.append(self._new_stretches[-1] + (not flag))
        # the news day is the reporter's, not one a quotation names ("'Today we celebrate,' she wrote")
        # the lead: up to the end of the first paragraph that ends as prose does (after a headline or a
        # date line, which do not), not a picture's caption
        self._lead_end = lead_end(text) if lead is None else lead  # (`lead`: the caller found it already)
        # the news day is named near the top (within a few paragraphs after the lead), not in a
        # paragraph of background far down the story
        lead_paragraph = self._paragraph(self._lead_end)
        last_news_paragraph = lead_paragraph + NEWS_DAY_PARAGRAPHS
        # the paragraphs that are a digest's bullets (a text mostly of bullets, each its own story)
        self._digest_items = frozenset(k for k, start in enumerate(paragraph_starts)
                                       if LIST_MARKER.match(text, start)) if is_digest(text) else frozenset()
        if min(lead_paragraph, len(paragraph_starts) - 1) in self._digest_items:
            # a digest (mostly bullets, each its own story) whose lead is a bullet: it names its own day (not
            # an article's summary bullets, before the story that names the day)
            last_news_paragraph = lead_paragraph
        # a news day may be the first of a few ("on the 27th and 28th April"); `spans`: the caller's intervals
        spans = intervals(timexes) if spans is None else spans
        # (`preview`: the lead tells only what is to come, and so reports no day)
        # (`gone_on_after`: a date the story goes on after, "Following the action days on 12 and 15 May,
        # activists were called to converge", is no day the story reports)
        self.news_day = None if preview else _news_day([t for t in days if self._quote(t.start) is None
                                                        and self._paragraph(t.start) <= last_news_paragraph
                                                        and not (gone_on_after and gone_on_after(t))], dct,
                                                       {k: v[3] for k, v in spans.items()},
                                                       {id(t) for t in days if t.start < self._lead_end
                                                        and main_week is not None and main_week(t)})

    def entry_date(self, offset: int) -> Timex | None:
        """The date that opens the offset's line as an entry of a schedule or timeline, if any."""
        return next((t for a, b, t in self._entries if a <= offset < b and offset >= t.end), None)

    def under_heading(self, offset: int) -> bool:
        """The offset lies in a section a date heads ("February 2012" on a line of its own): a timeline's
        entries, told in the present as often as in the past."""
        return self._first_heading is not None and self._first_heading < offset

    def recounts(self, offset: int) -> bool:
        """The offset lies in a quotation an intro says recounts a story ("Blogger Naseem Tarawnah summarised
        the case:" then "A 19 year old kidnaps a girl ... The court sentences him to death"): its present
        tells a past, as a timeline's does."""
        return any(a <= offset < b for a, b in self._recounted)

    def quotation(self, offset: int) -> tuple[int, int] | None:
        """The quotation holding the offset, if any."""
        return self._quote(offset)

    def in_answer(self, offset: int) -> bool:
        """The offset lies in an interview's answer (or question)."""
        quote = self._quote(offset)
        return quote is not None and quote in self._answers

    def in_lead(self, offset: int) -> bool:
        """The offset lies in the story's lead (see `lead_end`), or the headline and date line before it."""
        return offset < self._lead_end

    def in_digest_item(self, offset: int) -> bool:
        """The offset lies in a bullet of a digest (a text mostly of bullets, each a story of the day told in
        the present: "- Paul Doyle, a 53-year-old man accused of ..., appears at Liverpool Magistrates Court")."""
        return self._paragraph(offset) in self._digest_items

    def news_of_the_day(self, offset: int) -> bool:
        """What is told here in the past is the day's news: the reporter's lead, not a quotation in it
        ("'I was at the first BloggerCon,' he said" tells of an earlier time)."""
        return self.in_lead(offset) and self._quote(offset) is None

    def _paragraph(self, offset: int) -> int:
        return bisect.bisect_right(self._paragraphs, offset)

    def paragraph_of(self, offset: int) -> int:
        """The index of the paragraph (in a digest, the bullet) holding the offset."""
        return self._paragraph(offset)

    def same_paragraph(self, a: int, b: int) -> bool:
        """Both offsets lie in one paragraph."""
        return self._paragraph(a) == self._paragraph(b)

    def before(self, offset: int) -> Timex | None:
        found = self._before(offset)
        if (found is not None and self._digest_items and self._paragraph(offset) in self._digest_items
                and self._paragraph(found.start) != self._paragraph(offset)
                and self._paragraph(found.start) in self._digest_items):  # (a date line over them still dates them)
            return None  # a digest's bullet is a story of its own: no other bullet's date is its time (not the
            # first bullet's "yesterday" for "- Over 1,800 clerics issue a fatwa" two headings down)
        return found

    def _before(self, offset: int) -> Timex | None:
        i = bisect.bisect_left(self._starts, offset)
        quote = self._quote(offset)
        while i and self._quote(self._days[i - 1].start) not in (None, quote):
            i -= 1
        last = self._days[i - 1] if i else None
        news = self.news_day
        if last is None:
            # the lead tells the news before it names its day ("Terrorist bombings killed 82 people ...,
            # officials said as dawn broke Saturday"): the news day, outside quotations; a paragraph of
            # background before the paragraph that names it is not on it
            if news is None or quote is not None:
                return None
            return news if self.in_lead(offset) or self._paragraph(offset) >= self._paragraph(news.start) else None
        if last is not news and not self._same_stretch(last.start, offset):
            if news is not None and news.start < offset:
                return self._last_mention(news, i)
            if news is None or news.start >= offset:
                # no news day to return to yet: the story is at no particular day ("We collected wild
                # colonies ..." in an interview whose first answer named 2012)
                return None
        return last

    def _same_stretch(self, earlier: int, offset: int) -> bool:
        """Both offsets lie in one paragraph, or in one followed by paragraphs that open with quotations."""
        first, last = self._paragraph(earlier), self._paragraph(offset)
        return self._new_stretches[last] == self._new_stretches[first]

    def _last_mention(self, day: Timex, i: int) -> Timex:
        """The latest mention of `day` among the first `i` dates (a reader looks back to the nearest)."""
        for t in reversed(self._days[:i]):
            if t.range_start == day.range_start and t.range_end == day.range_end:
                return t
        return day


def _any_between(offsets: list[int], start: int, end: int) -> bool:
    i = bisect.bisect_left(offsets, start)
    return i < len(offsets) and offsets[i] < end


def _after_long_ago(days: Sequence[Timex], start: int, end: int, dct: dt.date | None) -> bool:
    """The paragraph from `start` to `end` tells of long ago (its last date a year or more before publication:
    "Challenger was lost ... on January 28, 1986"): a quotation opening the next one is not said then
    (unless someone tells that past in it: "In 1993, the rebels burned the houses, the commander recalled",
    then "'We killed the mayor,' he said")."""
    last = next((t for t in reversed(days) if start <= t.start < end), None)
    return dct is not None and last is not None and (dct - last.range_end).days >= LONG_AGO_DAYS


LONG_AGO_DAYS = 365


def _starts_within(starts: list[int], start: int, text: str) -> bool:
    """One of the sorted `starts` lies on the first line of the paragraph at `start`."""
    i = bisect.bisect_left(starts, start)
    line_end = text.find("\n", start)
    return i < len(starts) and (line_end < 0 or starts[i] < line_end)


_ENTRY_OPENING = re.compile(r"[ \t*•]*(?:\d{1,2}[.)][ \t]+)?")  # a bullet or a list number before an entry's date
_ENTRY_DASH = re.compile(r"[ \t]*(?:[-\u2013\u2014]|:)[ \t]+\S")  # the dash or colon after it, then the entry
_DATE_HEADING = re.compile(r"[\s:.\-\u2013\u2014]*")  # what may follow a date that is its line's all
_LEADING_SPACE = re.compile(r"\s*")
# a paragraph that opens by pointing back to what the one before told ("These conversations are remembered
# because they took place ...", "Those talks") goes on with it; not "This" or "That", as often a pronoun
# for the news itself ("This prompted the blogger to ask") as a pointer to the paragraph's past
_OPENING_BACK_REFERENCE = re.compile(
    r"\s*(?:These|Those)\s+(?!(?:are|were|have|had|will|would|could|can|may|might|include|who|which|days|times|"
    r"weeks|months|years)\b)[a-z]")  # (not "These days, ...": the present)
# a paragraph that opens with a quotation mark: any mark of QUOTE_PAIRS, a closing one too (AQUAINT opens
# quotations with '')
_OPENING_QUOTE = re.compile(r"\s*(?:%s)" % "|".join(
    re.escape(mark) for mark in sorted({m for pair in QUOTE_PAIRS for m in pair} | {"\u2018"}, key=len, reverse=True)))
# (and the curly single quote British copy opens quotations with, which QUOTE_PAIRS leaves out because
# its closing twin is the apostrophe; not the straight one: "'90s" opens nothing)


def _news_day(days: Sequence[Timex], dct: dt.date | None, last_day: dict[int, dt.date] | None = None,
              weeks: set[int] = frozenset()) -> Timex | None:
    """The first day named in the article within a week before publication: the day the story reports
    (the first of a few days in a row counts while its last is within the week: `last_day`, by id; so does
    a past week that dates the lead's main clause, `weeks` by id: "protests shook Frankfurt last week")."""
    if dct is None:
        return None
    for t in days:
        # (a week counts by its first day: the week an article out early the next week reports; from later in
        # the week, "last week" is more often background: "Since last week ...", "At the beginning of the week")
        end = (last_day or {}).get(id(t), t.range_start)
        if (t.range_start is not None and ((t.range_end - t.range_start).days <= NEWS_DAYS_SPAN
                                           or (id(t) in weeks and t.granularity == "week" and t.range_end < dct))
                and dct - dt.timedelta(days=NEWS_DAY_WINDOW) <= end and t.range_start <= dct):
            return t
    return None


CALENDAR_VALUE = re.compile(r"^\d{3,4}")


def is_calendar(tx: Timex) -> bool:
    """A date the text names (2025-09-04, 2025-W36, 1998): not "now", "recently" or a duration."""
    return tx.type in ("DATE", "TIME") and has_range(tx) and bool(CALENDAR_VALUE.match(tx.value or ""))


def has_range(tx: Timex) -> bool:
    return tx.resolved and tx.range_start is not None and tx.range_end is not None


ROUGHLY_WORDS = frozenset({"about", "around", "nearly", "almost", "some"})  # "for about three months"
_COUNTED = re.compile(r"^P(\d+)(Y|M|W|D)$")


def _lasting_up_to_now(own: Timex, verb: "Token", t: str, dct: dt.date | None) -> dt.date | None:
    """The start of what a present perfect says has lasted "for" a counted time up to now ("have been
    protesting for three months": three months ago); None for anything else ("for over three months"
    starts some time before, "for years" at no day, "would have had the right for two years" is no fact)."""
    m = _COUNTED.match(own.value or "")
    if dct is None or t != "perfect" or m is None or own.mod is not None:
        return None
    doc = verb.doc
    span = doc.char_span(own.start, own.end, alignment_mode="expand")
    if span is None or span.root.head.lower_ != "for" or span.root.head.head.i != verb.i or any(
            c.dep_ == "aux" and c.tag_ == "MD" for c in verb.children):
        return None  # the "for" of this very verb ("an agreement that would permit the navy to stay for 20 years")
    between = [t.lower_ for t in doc[span.root.head.i + 1:span.start]]  # "for about three months"
    if any(w not in ROUGHLY_WORDS for w in between) or re.match(r"(?:more|over|at least)\b", own.text):
        return None
    n, unit = int(m.group(1)), m.group(2)
    try:
        if unit in ("Y", "M"):
            return add_months(dct, -n * (12 if unit == "Y" else 1))
        return dct - dt.timedelta(days=n * (7 if unit == "W" else 1))
    except (ValueError, OverflowError):
        return None


BOUNDS_BEFORE_NOW = frozenset({"until", "till", "since", "from", "to"})  # "up until now": a bound


def word_before(doc: "Doc", tx: Timex) -> str | None:
    """The word just before an expression, lower-cased (None at the start)."""
    span = doc.char_span(tx.start, tx.end, alignment_mode="expand")
    return doc[span.start - 1].lower_ if span is not None and span.start > 0 else None


def date_event(tok: "Token", own: Timex | None, narrative: NarrativeTime, dct: dt.date | None,
               modality: str) -> Dating:
    """Apply the explicit -> narrative -> publication order to one event."""
    verb = clause_verb(tok)
    if own is not None and (own.type == "SET" or (own.value or "").startswith(("XXXX-XX-XXT", "XXXX-WXX-")) or (
            tense(verb) == "present" and not any(c.tag_ == "MD" for c in verb.children) and _habitual(verb))):
        # "Mosques use loudspeakers five times a day", "I work there every day", "at 11 pm every night",
        # "Traditionally, May Day is celebrated with parades", "come in Tuesday" of a week's routine: a habit
        # (or its time of day), on no one day
        return Dating(own, None, None, "explicit")
    if own is not None and not own.resolved and (own.rule or "").endswith(".undated_post") and dct is not None:
        # "Today I looked at the headlines", in a post the article quotes with no day told for it: on the
        # day it was written, some day up to publication (no story date a paragraph before names it)
        return Dating(own, None, None if tense(verb) == "future" else dct, "publication")
    if own is not None and not own.resolved:
        # "created on the day after the police killing", the killing undated: dated as if those words
        # were not there, but they remain what a reader should look at
        d = date_event(tok, None, narrative, dct, modality)
        return Dating(own, d.date_start, d.date_end, d.basis)
    if (own is not None and own.value == "PRESENT_REF" and dct is not None
            and word_before(tok.doc, own) not in BOUNDS_BEFORE_NOW):
        then = narrative.before(tok.idx)
        if (narrative.quotation(tok.idx) is not None and then is not None and then.range_start is not None
                and then.range_start == then.range_end < dct):
            # "'We urge the governments to save migrants now at sea,' Rathke said" on Friday: the now of
            # the day it was said
            return Dating(own, then.range_start, None if modality == "expected" else then.range_end, "narrative")
        if (tense(verb) == "past" and own.text.lower().endswith("now") and then is not None
                and then.range_end is not None and then.range_end < dct):
            # "On Monday we went to the bar ... Because now we were barricaded in": the now of the story, then
            return Dating(own, then.range_start, then.range_end, "narrative")
    if own is not None and own.value == "PRESENT_REF" and modality == "expected" and dct is not None:
        return Dating(own, dct, None, "explicit")  # "are now determined to occupy the square": from now on
    if own is not None and has_range(own):
        span = tok.doc.char_span(own.start, own.end, alignment_mode="expand")
        before = tok.doc[span.start - 1].lower_ if span is not None and span.start > 0 else None
        if before == "to" and span.start > 1 and tok.doc[span.start - 2].lower_ == "up":
            before = "up to"  # "Up to now nine have been slaughtered": as "until now"
        if before == "the" and span.start > 1 and tok.doc[span.start - 2].lower_ in ("since", "until", "till") \
                and span.root.head.i == span.start - 2:  # (not "since the January 1998 bombing": the bombing's date)
            before = tok.doc[span.start - 2].lower_  # "which since the 1980s has advocated reform"
        prep = governing_preposition(span.root, tok) if dct is not None and span is not None else None
        if prep is not None and tok.pos_ == "NOUN" and tok.i >= span.end and _name_between(tok.doc, span.end, tok.i):
            prep = None  # "ahead of his May 25 Day of Prayer visit": the date is the visit's own, "ahead of" its verb's
        if prep is not None and prep[0] in BEFORE_WORDS and own.range_start > dct and tense(verb) == "future":
            # "will pass the bill before 2013": from now until the day before
            return Dating(own, dct, own.range_start - dt.timedelta(days=1), "explicit")
        if prep is not None and prep[0] in BEFORE_WORDS and own.range_start <= dct and own.type == "TIME":
            # "picked up its first signal shortly before midnight": before that hour, on that day
            return Dating(own, own.range_start, own.range_end, "explicit")
        if prep is not None and prep[0] in BEFORE_WORDS and own.range_start <= dct:
            # "Prior to the announcement on May 16, people thought ...": some time before that day ("before
            # the end of 2002": by the end of the year)
            end = own.range_end if own.mod == "END" else own.range_start - dt.timedelta(days=1)
            return Dating(own, None, end, "explicit")
        if prep is not None and prep[0] in AFTER_WORDS and not prep[1] and own.range_start <= dct:
            # "Following the 8 May firebombing, events have taken a turn", "after the May 8 attack, police
            # arrested two men": on that day or later -- by now, for what the text tells as done
            end = dct if tense(verb) in ("past", "perfect") else None
            if end is None and own.range_end >= dct:
                # "Two people are injured in a shooting after the 2025 Pride March": a span the news day lies in
                # tells no more than the story's own time does
                return date_event(tok, None, narrative, dct, modality)
            return Dating(own, own.range_start, end, "explicit")
        if before == "since" and (_record_since(tok) or record_time(span.root)):
            # "the longest strike since 1989": a record's comparison, not the strike's time (which the
            # story tells, as for an undated event)
            return date_event(tok, None, narrative, dct, modality)
        if dct is not None and own.range_start <= dct and span is not None and (
                before == "since" or _since_clause_verb(span.root) not in (None, verb.i)):
            # "has lived there since 2010", "have died since the rains began on Aug. 28": after that
            # date, up to now
            return Dating(own, own.range_start, dct, "explicit")
        if (dct is not None and own.interval_start is None and own.range_end <= dct and before in ("until", "till", "up to")
                and tense(verb) in ("past", "perfect") and tok.pos_ in ("VERB", "AUX")):
            # "had been denied visas until last week", "remained closed until May 3": a past state that
            # ended then, begun some time before
            return Dating(own, None, own.range_end, "explicit")
        if (dct is not None and span is not None and own.interval_start is None and own.range_start < own.range_end <= dct
                and tense(verb) in ("past", "perfect") and _deadline(span.root, tok)):
            # "had doubled by the end of 2012", "By August 2008, the police had been convicted nine times":
            # done at some time up to then, not throughout the year. (A day stays the day: "by Monday,
            # officials hardened their stance" is told of Monday; and a deadline still to come, "must be
            # returned by Jan. 14", is placed on its day, as news readers and TimeML place it.)
            return Dating(own, None, own.range_end, "explicit")
        if (dct is not None and own.interval_start is None and dct < own.range_end
                and before in UNTIL_WORDS and lasts_until(tok)):
            # "the exhibition runs through Oct. 12", "the offer is valid until Dec. 31": from now to then
            return Dating(own, dct, own.range_end, "explicit")
        return Dating(own, own.range_start, own.range_end, "explicit")
    if own is not None and own.resolved and own.mod in ("BEFORE", "AFTER") and (own.range_start or own.range_end):
        # "spotted in the weeks before the shooting": open before (or after) the day of another event;
        # what the text tells in the past happened by publication ("days after the election, he fired")
        end = own.range_end
        if end is None and dct is not None and own.range_start is not None and own.range_start <= dct \
                and tense(verb) in ("past", "perfect"):
            end = dct
        return Dating(own, own.range_start, end, "explicit")
    t = tense(verb)
    if t == "past" and own is None and _digest_present(verb, narrative):
        t = "present"  # "- Floods hit Texas. (AP)": a digest's item tells its day's news in the present
    gerund = tok.head if tok.dep_ == "conj" and tok.tag_ == "VBG" and tok.head.tag_ == "VBG" else tok
    if own is None and dct is not None and tok.tag_ == "VBG" and gerund.dep_ in ("xcomp", "ccomp", "dobj") \
            and gerund.head.lemma_.lower() in MEMORY_VERBS and not any(c.dep_ in ("aux", "nsubj") for c in tok.children):
        # (and what is joined to it: "I remember going into Hollywood Magic and wanting that big red box")
        return Dating(None, None, dct, "publication")  # "I remember going into Hollywood Magic": a memory, before now
    # (an infinitive joined to another shares its "to": "has decided to organize the exams and allow ...")
    inf = tok.head if tok.dep_ == "conj" and tok.tag_ == "VB" and tok.head.tag_ == "VB" else tok
    if (own is None or own.type == "DURATION") and dct is not None and modality == "expected" and t == "perfect" and (
            inf.dep_ == "xcomp" or (inf.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ == "for" for c in inf.children))) \
            and any(c.dep_ == "aux" and c.lower_ == "to" for c in inf.children) \
            and inf.head.lemma_.lower() not in ATTEMPT_VERBS:  # ("have tried to analyse the posters": done; "has called
        # for children to be kept at the centre": still to come)
        # "Ansar Dine has decided to organize the exams", "Joi has agreed to take the lead": what was decided
        # by now is still to come, from now on (not done some time before; "has ordered the deserters to return to
        # their posts within 12 hours": a deadline's length, still to come)
        return Dating(own, dct, None, "publication")
    if (t == "present" and own is None and (narrative.under_heading(tok.idx) or (
            narrative.recounts(tok.idx) and verb.tag_ in ("VBZ", "VBP") and not any(c.dep_ == "aux" for c in verb.children)
            and any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children)))
            and modality in ("asserted", "reported") and verb.lemma_.lower() not in STATIVE_VERBS
            and not generic_subject(verb)):
        t = "past"  # "February 2012 / Wang Lijun disappears from his post": a timeline's present is its date's
        # (and a recounted story's: "summarised the case: ... The court sentences him to death")
    vague_past = own is not None and (own.value in PAST_REFS or (own.range_start is None and own.range_end))
    vague_future = own is not None and own.value in FUTURE_REFS
    nt = narrative.before(tok.idx)
    if t in NARRATIVE_TENSES and not vague_past and nt is not None:
        if own is None and (_told_as_earlier(tok) or pluperfect(verb) or _founded_long_ago(tok, verb)
                            or (t == "past" and _in_flashback(tok, nt, narrative)) or _past_of_a_present(verb, t)
                            or _under_pluperfect(verb, t) or used_to(verb)):
            # "which previously occupied the bench", "Montalvo had read an article", "the church founded
            # by Hubbard", "where Hollande used to be the mayor": done by the story's time, not on its day
            return Dating(nt, None, nt.range_end, "narrative")
        if (own is not None and own.type == "DURATION" and t == "past" and not narrative.in_lead(tok.idx)
                and _duration_days(own.value) > max(LONG_DURATION_DAYS, (nt.range_end - nt.range_start).days + 1)
                and _lasting_for(tok, verb, own) and not _in_sentence(tok, nt)):
            # "The Church imprisoned her for twelve years": so long a time is not told of the story's day, but
            # as done by then
            return Dating(own, None, nt.range_end, "narrative")
        nt_root = timex_root(tok.doc, nt) if own is None and nt.range_start is not None else None
        if nt_root is not None and nt_root.sent == tok.sent and before_phrase(nt_root, verb) and nt.type != "TIME":
            # "Prior to the announcement on May 16, people thought ...": before the day of the phrase
            return Dating(nt, None, nt.range_start - dt.timedelta(days=1), "narrative")
        if own is None and _told_before_an_event(tok, verb):
            return Dating(nt, None, nt.range_end, "narrative")  # "Prior to the ruling, the religion was banned"
        return Dating(own or nt, nt.range_start, nt.range_end, "narrative")
    if dct is None:
        return Dating(own, None, None, "none")
    if own is None and t == "present" and _on_no_day(tok, verb, modality, narrative):
        return Dating(None, None, None, "none")
    # Dated from publication: cite the story's own words for that day when it has them ("Friday").
    now = own or (nt if nt is not None and nt.range_start == nt.range_end == dct else None)
    if t == "present" and own is None and now is not None:
        if modality in ("expected", "hypothetical"):
            return Dating(now, dct, None, "narrative")  # "bloggers may become leaders": from that day on
        return Dating(now, dct, dct, "narrative")  # the present is the publication day
    # a duration ("for a while", "for three days") says how long, not when (a set returned above)
    undated = own is None or not has_range(own)
    # "a group created ...": a participle of a noun is no news, nor is what had happened before it, a past relative
    # under the present ("a grenade that was left from the war explodes"), or what is told as earlier ("once had")
    background = ((verb.dep_ == "acl" and gapped_passive_head(verb) is None) or pluperfect(verb) or used_to(verb)
                  or _told_before_an_event(tok, verb) or _past_of_a_present(verb, t) or _told_as_earlier(tok))
    # "has just announced": the news of the day, on the publication day, not some time before it
    just = t == "perfect" and any(c.dep_ == "advmod" and c.lower_ == "just" for c in verb.children)
    if (undated and t == "perfect" and not just and modality == "reported" and nt is not None
            and nt.range_end is not None and nt.range_end < dct and not vague_past
            and narrative.same_paragraph(nt.start, tok.idx) and _told_in_the_past(verb)):
        # "In the April 19 interview ... According to him, the head has been forced to resign": done by
        # the day it was said, not by publication
        return Dating(nt, None, nt.range_end, "narrative")
    lasting = _lasting_up_to_now(own, verb, t, dct) if own is not None and own.type == "DURATION" else None
    if lasting is not None:
        # "has lived there for ten years", "have been protesting for about three months": from that long
        # ago up to now
        return Dating(own, lasting, dct, "explicit")
    long_past = (t == "past" and own is not None and own.type == "DURATION" and _lasting_for(tok, verb, own)
                 and _duration_days(own.value) > LONG_DURATION_DAYS)  # "imprisoned her for twelve years": not today's
    promised = (modality == "expected" and present_perfect(verb) and verb.lemma_.lower() not in ATTEMPT_VERBS
                and (tok.dep_ == "dobj" and tok.head.i == verb.i or (
                    tok.dep_ == "pobj" and tok.head.lower_ == "for" and tok.head.head.i == verb.i)))
    # ("has promised swift action", "has called for his release": the object of a perfect, still to come, from now
    # on; not "have attempted a coup": tried by now)
    if vague_past or long_past or (undated and ((t == "perfect" and not just and not promised) or (
            t == "past" and (background or not narrative.news_of_the_day(tok.idx))))):
        # "has pleaded innocent", and a past the story never dates outside its lead ("he was born in
        # Switzerland"): some time up to now, not the publication day itself. The lead's undated past is
        # the news, of the publication day (the inverted pyramid: background comes later).
        return Dating(now, None, dct, "publication")
    if (undated and t == "present" and tok.i == verb.i and verb.dep_ == "relcl" and _present_passive(verb)
            and verb.lemma_.lower() in STANDING_PASSIVES and modality in ("asserted", "reported")):
        # "Alex Saab, who is charged in the United States", "a man who is wanted for murder": what the one named
        # is, begun some time before, not the day's news
        return Dating(now, None, dct, "publication")
    # what will, should or may happen ("bloggers may become journalists"): from now on, not on this day
    if vague_future or (undated and (t == "future" or modality == "expected"
                                     or (modality == "hypothetical" and t == "present"))):
        return Dating(now, dct, None, "publication")
    return Dating(now, dct, dct, "publication")


# verbs whose simple present tells a lasting state, not news (unlike "wants", "needs", "hopes", "believes",
# which news tells of the day: "Juanita Castro believes the custody should be worked out")
STATE_OF_THINGS_VERBS = event_words()["state_of_things_verbs"]
# verbs of a state, whose present under a dated heading still holds now ("The same logic works in society"):
# the lasting states, and those news may tell of a day
STATIVE_VERBS = STATE_OF_THINGS_VERBS | event_words()["news_state_verbs"]
GENERIC_QUANTIFIERS = frozenset({"many", "most", "some", "few", "all", "more", "fewer", "several"})
GENERIC_PRONOUNS = frozenset({"you", "people", "everyone", "everybody", "anyone", "anybody", "one"})


MEMORY_VERBS = event_words()["memory_verbs"]  # what their gerund tells was done before
STANDING_PASSIVES = event_words()["standing_passives"]  # "who is charged in the US": since some time before
# what "has tried/sought to" do was under way, and what "has been to" do an aim told, not a decision still to come
ATTEMPT_VERBS = event_words()["attempt_verbs"]
LONG_DURATION_DAYS = 28  # a past that lasts longer than about a month is not told of one day of the story
_DURATION = re.compile(r"^P(\d+(?:\.\d+)?|X)(CE|DE|Y|M|W|D)$")
_UNIT_DAYS = {"CE": 36500, "DE": 3650, "Y": 365, "M": 30, "W": 7, "D": 1}


PLURAL_SUBJECT_TAGS = frozenset({"NNS", "NNPS"})
PLURAL_PRONOUNS = frozenset({"we", "they", "you", "i"})
SINGULAR_NAMES = frozenset({"GPE", "ORG", "LOC", "FAC"})  # "The Philippines", "The Netherlands", "United Nations"


def _digest_present(verb: "Token", narrative: NarrativeTime) -> bool:
    """A main verb of a digest's item whose past is its present too, after a plural subject ("- Floods hit
    Texas", "- Rebels cut the road", "- Officials set a date"): the tagger's past is the item's present (but "A
    storm hit Manila" is a past: the present would be "hits"); and its participles ("forcing thousands to flee")."""
    if verb.dep_ in ("advcl", "xcomp") and verb.tag_ in ("VBG", "VB") and not any(
            c.dep_ in ("aux", "nsubj", "mark") and c.lower_ != "to" for c in verb.children):
        verb = verb.head
    if verb.tag_ != "VBD" or verb.lower_ != verb.lemma_.lower() or not narrative.in_digest_item(verb.idx):
        return False
    main = verb.head if verb.dep_ == "conj" else verb
    if main.dep_ != "ROOT" or any(c.dep_ in ("aux", "auxpass") for c in verb.children):
        return False
    subject = next((c for c in main.children if c.dep_ == "nsubj"), None)
    # (not "The Philippines cut ties": a country's name is singular, its present "cuts")
    return subject is not None and ((subject.tag_ in PLURAL_SUBJECT_TAGS and subject.ent_type_ not in SINGULAR_NAMES)
                                    or subject.lower_ in PLURAL_PRONOUNS)


def used_to(verb: "Token") -> bool:
    """A past habit or state ("where Hollande used to be the mayor", "he used to work there"): the verb is
    "used" with a "to" complement, or that complement."""
    def habit(v: "Token") -> bool:
        return (v.lemma_.lower() == "use" and v.tag_ == "VBD" and v.i + 1 < len(v.doc) and v.doc[v.i + 1].lower_ == "to"
                and any(c.dep_ == "xcomp" and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)
                        for c in v.children))
    return habit(verb) or (verb.dep_ == "xcomp" and habit(verb.head))


def _under_pluperfect(verb: "Token", t: str) -> bool:
    """A simple past joined to a past perfect, or told in a relative or complement clause of one ("had known
    Devocht, and came to the conclusion ...", "had read an article which attacked defectors"): as far back."""
    if t != "past" or verb.dep_ not in ("conj", "relcl", "ccomp") or verb.tag_ != "VBD" or verb.head.i == verb.i:
        return False
    if verb.dep_ == "conj" and any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
        return False  # a clause with a subject of its own goes on in its own time
    above = clause_verb(verb.head)
    return above.i < verb.i and pluperfect(above)  # (told before it: not a parenthesis after it)


LATER_ADVERBS = event_words()["later_adverbs"]  # "would later confirm", "who was later taken" (not "then": a supposition)
_TOLD_AS_LATER = LATER_ADVERBS | {"then", "soon"}  # in a relative clause: "who was then taken into custody"


def _past_of_a_present(verb: "Token", t: str) -> bool:
    """A past relative clause, or a past "after" clause, under a clause of the present or the future ("We want
    to thank all the locations that expressed an interest", "a grenade that was left from the civil war
    explodes", "leaders gather after the administration announced talks"): what was done before the words that
    tell of it."""
    first = verb
    while first.dep_ == "conj" and first.head.i != first.i and (first.tag_ == first.head.tag_ or (
            {first.tag_, first.head.tag_} <= {"VBD", "VBN"} and not any(c.dep_ in ("nsubj", "nsubjpass")
                                                                         for c in first.children))):
        first = first.head  # ("women who were shot and killed are discovered": as the first of them; "after he was
        # indicted and extradited", the second read as a simple past)
    after = first.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ == "after" for c in first.children)
    if t != "past" or (first.dep_ != "relcl" and not after) or not (first.tag_ == "VBD" or (first.tag_ == "VBN" and any(
            c.dep_ == "auxpass" and c.tag_ == "VBD" for c in first.children))):
        return False
    if any(c.dep_ == "advmod" and c.lower_ in _TOLD_AS_LATER for v in (verb, first) for c in v.children):
        return False  # "disarms the man, who was later (then, soon) taken into custody": after it
    above = clause_verb(first.head)
    if after and _tolled(above):
        return False  # "Four people are killed after a bus plunged into a ravine": the toll's cause, of its day
    return above.i != first.i and tense(above) in ("present", "future")


def _tolled(verb: "Token") -> bool:
    """The clause tells a happening's toll ("Four people are killed", "Two are killed and 1,000 others
    evacuate", "a woman is confirmed dead"): a verb of harm or a word of a toll, here or in a clause it is joined
    to."""
    for _ in range(len(verb.doc)):  # bounded: up the joined clauses to the first
        if verb.lemma_.lower() in _TOLLS or any(c.lower_ in TOLL_WORDS for c in verb.children):
            return True
        if verb.dep_ != "conj" or verb.head.i == verb.i:
            return False
        verb = verb.head
    return False


def _told_in_the_past(verb: "Token") -> bool:
    """The clause is what someone said in the past ("On April 21, Usov noted that officials have
    started ..."): its perfect is done by then, not by now. (Not "according to him": of no time.)"""
    node = verb
    for _ in range(4):
        if node.dep_ not in ("ccomp", "conj", "parataxis") or node.head.i == node.i:
            return False
        node = node.head
        if node.tag_ == "VBD" and node.lemma_.lower() in SPEECH_LEMMAS:
            return True
    return False


# the attribution verbs, and others a reported clause hangs on ("insisted that", "warned that")
SPEECH_LEMMAS = ATTRIBUTION_VERBS | event_words()["clause_reporting_verbs"]
REPORTING_SPAN_VERBS = SPEECH_LEMMAS | event_words()["tallying_verbs"]  # "registers 43 new cases in the last 24 hours"


def _in_sentence(tok: "Token", tx: Timex) -> bool:
    """The expression is in the token's sentence ("began in August 2010 when he was detained for two months")."""
    return tok.sent.start_char <= tx.start < tok.sent.end_char


def _lasting_for(tok: "Token", verb: "Token", duration: Timex) -> bool:
    """The duration is how long the event lasted: "imprisoned her for twelve years", "for months refused"."""
    span = tok.doc.char_span(duration.start, duration.end, alignment_mode="expand")
    if span is None or span[0].lower_ == "the":
        return False  # "For the year ended Sept. 30, Ralston earned": a period's results, told of its end
    root = span.root
    return (root.dep_ == "pobj" and root.head.lower_ == "for" and root.head.dep_ == "prep"
            and root.head.head.i in (tok.i, verb.i))


def _duration_days(value: str | None) -> float:
    """About how many days a TIMEX3 duration lasts ("P12Y", "PXM": some months, at least one); 0 for a time of
    day's ("PT5H") or one this cannot read."""
    m = _DURATION.match(value or "")
    if m is None:
        return 0
    n = 1.0 if m.group(1) == "X" else float(m.group(1))
    return n * _UNIT_DAYS[m.group(2)]


def _news_where(verb: "Token", narrative: NarrativeTime) -> bool:
    """A "where" clause of the lead or a digest's item whose subject is a person ("Trump visits Warsaw, where he
    speaks of the threat", "moves to a church where he kills six"): what that one does there, the day's news,
    not what the place is (nor a state: "flees to Dubai, where he owns a villa", "the home where he lives")."""
    return (any(c.dep_ == "advmod" and c.lower_ == "where" for c in verb.children)
            and verb.lemma_.lower() not in STATIVE_VERBS
            and any(c.dep_ == "nsubj" and (c.tag_ == "PRP" or c.ent_type_ == "PERSON") for c in verb.children)
            and (narrative.in_lead(verb.idx) or narrative.in_digest_item(verb.idx)))


def _on_no_day(tok: "Token", verb: "Token", modality: str, narrative: NarrativeTime) -> bool:
    """What the simple present, without a date, tells as holding on no one day: a habit ("comments are
    often derided"), what a thing is or does ("the centre, which oversees victims of violence"; "in April,
    when the alliance celebrates its anniversary" is the time it names), what holds of a kind ("Many
    students dislike math"; not in the lead, whose present is news: "Students protest")."""
    if _habitual(verb):
        return True
    if tok.i != verb.i or modality == "reported":
        return False
    if not _simple_present(verb):
        return False
    if verb.dep_ == "relcl" and not any(c.lower_ == "when" for c in verb.children) and not _news_where(verb, narrative):
        # (not a change the lead or a digest's item tells: "Albulena Haxhiu, who becomes acting president")
        return not (verb.lemma_.lower() in BECOMING_VERBS
                    and (narrative.in_lead(tok.idx) or narrative.in_digest_item(tok.idx)))
    if narrative.in_answer(tok.idx):
        return True  # an interview's "I think", "We accept all videos": views and ways, on no one day
    digest_item, lead = narrative.in_digest_item(tok.idx), narrative.in_lead(tok.idx)
    if lead and not digest_item:
        return False  # the lead's present is news: "Students protest new fees"
    if (verb.lemma_.lower() in STATE_OF_THINGS_VERBS and narrative.quotation(tok.idx) is None
            and not (digest_item and verb.lemma_.lower() in DIGEST_NEWS_VERBS)):
        return True  # "the package includes a map", "it seems the festival gets better": a state, on no one day
        # (not what someone says of the day: "'We lack direct information,' he wrote"; nor a digest's "seven
        # remain at large", "appears in court", the day's news)
    if digest_item or lead:
        return False  # a digest item's present is news, as the lead's is
    return generic_subject(verb)


DIGEST_NEWS_VERBS = event_words()["digest_news_verbs"]  # "seven remain at large", "appears in court": a day's news
BECOMING_VERBS = event_words()["becoming_verbs"]  # "who becomes acting president": the lead's news


def _habitual(verb: "Token") -> bool:
    """The clause says how often ("comments are often derided", "Traditionally, the day is celebrated"), it
    or the verb it shares its subject with ("frequently hacked and stolen": the "and" shares the habit)."""
    if any(c.dep_ == "advmod" and c.lower_ in FREQUENCY_ADVERBS for c in verb.children):
        return True
    if verb.dep_ != "conj" or verb.head.i == verb.i:
        return False
    own_subject = any(s.dep_ in ("nsubj", "nsubjpass") for s in verb.children)
    # a shared subject shares the habit; so does a clause of its own after one a fronted adverb opens
    # ("Traditionally, May Day is celebrated with parades and demonstrations are held by unions")
    return any(c.dep_ == "advmod" and c.lower_ in FREQUENCY_ADVERBS and (not own_subject or c.i == c.sent.start)
               for c in verb.head.children)


def _present_passive(verb: "Token") -> bool:
    """ "is sworn in", "are arrested": the present passive, with no other auxiliary."""
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    return verb.tag_ == "VBN" and len(auxes) == 1 and auxes[0].dep_ == "auxpass" and auxes[0].tag_ in ("VBZ", "VBP")


def _object_of_prep_on(root: "Token", verb: "Token") -> bool:
    """The word is the object of a preposition on the verb, or a conjunct of it ("during 2002 and 2003")."""
    while root.dep_ == "conj" and root.head.i != root.i:
        root = root.head
    return root.dep_ == "pobj" and root.head.head.i == verb.i


def _simple_present(verb: "Token") -> bool:
    """"includes", "accept": the simple present, with no auxiliary."""
    return verb.tag_ in ("VBZ", "VBP") and not any(c.dep_ in ("aux", "auxpass") for c in verb.children)


def generic_subject(verb: "Token") -> bool:
    """The simple present of a kind ("Many students dislike math", "people fail in mathematics", "you never
    know"): a subject that is "you", "people" or a plural counted by "many", "most", "some"..., and no
    auxiliary. A bare plural is left alone: "Students protest new fees" is a headline's news."""
    if not _simple_present(verb) or any(c.dep_ == "neg" for c in verb.children):
        return False
    if any(c.dep_ in ("npadvmod", "vocative") and c.pos_ == "PROPN" for c in verb.children):
        return False  # "Bahamas, you deserve better": one addressed, not a kind
    subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subj is None:
        return False
    if subj.lower_ in GENERIC_PRONOUNS:
        return True
    return subj.tag_ in ("NNS", "NNPS") and any(
        c.dep_ in ("amod", "det") and c.lower_ in GENERIC_QUANTIFIERS for c in subj.children)


FOUNDING_VERBS = event_words()["founding_verbs"]


def _founded_long_ago(tok: "Token", verb: "Token") -> bool:
    """ "the organization founded by L. Ron Hubbard", "Freedom Magazine, which was created to attack
    defectors", "Albright, who was born in Prague": how a thing or a person came to be, told as an aside
    (a relative clause or a participle) with no date of its own: some time before the story, not on its day
    ("since 1985, when the Israelis created a buffer zone" is the time its "when" names)."""
    return (tok.i == verb.i and verb.dep_ in ("relcl", "acl") and not any(c.lower_ == "when" for c in verb.children)
            and (verb.lower_ == "born" or verb.lemma_.lower() in FOUNDING_VERBS and verb.tag_ in ("VBN", "VBD")))


FREQUENCY_ADVERBS = event_words()["frequency_adverbs"]
EARLIER_ADVERBS = event_words()["earlier_adverbs"]


def _told_as_earlier(tok: "Token") -> bool:
    """The clause says it happened before the story's time ("which previously occupied the bench",
    "had once worked"), or tells who someone named is ("Chung Bong-ju, who was sentenced to a jail term")."""
    verb = clause_verb(tok)
    return any(c.dep_ == "advmod" and c.lower_ in EARLIER_ADVERBS for c in verb.children) or about_a_name(verb)


def about_a_name(verb: "Token") -> bool:
    """A relative clause set off by a comma after a person's name: who that one is, told as background."""
    head = verb.head
    if (verb.dep_ != "relcl" or head.pos_ != "PROPN" or head.ent_type_ != "PERSON" or head.i >= verb.i
            or verb.lemma_.lower() in SPEECH_LEMMAS):
        return False  # ("Dmitri Peskov, who said ...": what one says is the day's news)
    first = verb.doc[head.i + 1] if head.i + 1 < len(verb.doc) else None
    return first is not None and first.text == "," and any(
        c.tag_ in ("WP", "WDT") and c.dep_ in ("nsubj", "nsubjpass") for c in verb.children)


def governing_preposition(root: "Token", event: "Token") -> tuple[str, bool] | None:
    """The preposition of the phrase of the event's own clause that a date sits in ("before", "prior to",
    "ahead of", "after", "following" ...), and whether a measure steps from it ("73 seconds after liftoff",
    "shortly after the vote"); None when the date is the event's own."""
    node = root
    for _ in range(4):
        if node.head.i == node.i or node.i == event.i:
            return None
        if node.dep_ == "pobj" and node.head.dep_ == "prep":
            prep = node.head
            word = prep.lower_
            if word == "to" and prep.i > 0 and prep.doc[prep.i - 1].lower_ == "prior":
                word = "prior to"
            if word == "of" and prep.i > 0 and prep.doc[prep.i - 1].lower_ == "ahead":
                word = "ahead of"
            if word in BEFORE_WORDS or word in AFTER_WORDS:
                measured = any(c.dep_ in ("npadvmod", "advmod") for c in prep.children) or (
                    prep.i > 0 and prep.doc[prep.i - 1].dep_ in ("npadvmod", "advmod"))
                return word, measured
        node = node.head
    return None


def after_phrase(root: "Token", event: "Token") -> bool:
    """The date sits in an "after" / "following" phrase of the event's own clause, with no measure from it
    ("Following the 8 May firebombing, ..."; not "two days after the vote"): that day or later."""
    prep = governing_preposition(root, event)
    return prep is not None and prep[0] in AFTER_WORDS and not prep[1]


def before_phrase(root: "Token", event: "Token") -> bool:
    """The date sits in a "before" / "prior to" / "ahead of" phrase of the event's own clause ("Prior to
    the announcement on May 16, people thought"), not in the event's own time."""
    prep = governing_preposition(root, event)
    return prep is not None and prep[0] in BEFORE_WORDS


def _in_flashback(tok: "Token", nt: Timex, narrative: NarrativeTime) -> bool:
    """A sentence of the token's paragraph before it, after the story's date, opens with the past perfect
    ("Montalvo had read an article ... He contacted former members. He traveled to Florida"): the simple
    past that follows, of the same one, goes on with that earlier time."""
    subject = _subject_word(clause_verb(tok))
    if subject is None:
        return False
    sent = tok.sent
    while sent.start > 0:
        sent = tok.doc[sent.start - 1].sent
        if sent.start_char < nt.end or not narrative.same_paragraph(sent.start_char, tok.idx):
            return False
        if pluperfect(sent.root) and (subject in ("he", "she", "they") or subject == _subject_word(sent.root)):
            return True  # (the same one goes on: "Montalvo contacted", "He traveled"; not another's act)
    return False


def _subject_word(verb: "Token") -> str | None:
    subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    return subj.lower_ if subj is not None else None


CONDITION_MARKS = load_lexicon().condition_marks  # "if", "unless"


_TIME_WORDS = frozenset({"time", "moment", "minute", "hour", "day", "week", "month", "year"})
# "Elections are planned within weeks after the ceasefire": the after phrase is the plan's, still to come
PLAN_OR_EXPECT_VERBS = event_words()["plan_or_expect_verbs"]


def _earlier_phrase(tok: "Token") -> "Token | None":
    """The preposition heading a phrase that names what came before the act of its clause: "after",
    "following" or "since" the event ("for the first time since the start of the war"), "in connection
    with" it ("hands over 22 suspects in connection with the bombings")."""
    prep = tok.head
    if prep.lower_ in AFTER_WORDS or prep.lower_ == "since":
        return prep
    connection = in_connection_with(prep)
    if connection is not None:
        return connection  # "in connection with the bombings", "in relation to alleged financing"
    if (prep.lower_ == "of" and prep.head.lemma_.lower() in AFTERMATH_NOUNS and prep.head.dep_ == "pobj"
            and prep.head.head.lower_ == "in"):
        return prep.head.head  # "killed in the aftermath of disputed elections", "in the wake of the scandal"
    return None


def ordered_subject(tok: "Token") -> bool:
    """The happening is the passive subject of a verb of order ("the presidential election will be followed by
    elections on June 10", "was preceded by talks"): the date of the other happening, in the verb's phrase, is not
    its own."""
    return tok.dep_ == "nsubjpass" and tok.head.lemma_.lower() in ORDER_VERBS


def followed_in_passive(tok: "Token") -> "Token | None":
    """The verb of order a happening is the passive subject of, as what came first ("The presidential election
    was followed by parliamentary elections on June 10": before them; not "was preceded by"), told in the past
    or the present."""
    verb = tok.head
    if (ordered_subject(tok) and tok.pos_ == "NOUN" and verb.lemma_.lower() != "precede"
            and not any(c.dep_ == "aux" and c.tag_ == "MD" for c in verb.children)):
        return verb  # (not "The takeover would be followed by a restructuring": both still to come)
    return None


def followed_by(tok: "Token") -> "Token | None":
    """The verb of what came after the event noun or gerund ("Following Egypt's first presidential debate,
    bloggers wrote": "wrote"; "The court issues a warrant after indicting him": "issues"; "arrives after being
    hospitalised": "arrives"), told in the past or in the news present, or None."""
    if not ((tok.pos_ == "NOUN" and (tok.dep_ == "pobj" or (tok.dep_ == "dobj" and tok.head.lower_ == "following"
                                                             and tok.head.dep_ in ("prep", "advcl"))))
            or (tok.dep_ == "pcomp" and (tok.tag_ == "VBG" or (
            tok.tag_ == "VBN" and any(c.dep_ == "auxpass" and c.lower_ == "being" for c in tok.children))))):
        return None
    prep = _earlier_phrase(tok)
    if prep is None:
        return None
    verb = prep.head
    # "is sworn in days after the death of the incumbent": a bare measure before the preposition, however parsed
    climbed = prep.i > 0 and prep.doc[prep.i - 1].tag_ == "NNS" and prep.doc[prep.i - 1].lemma_.lower() in _TIME_WORDS
    climbed = climbed or tok.head.lower_ == "of"  # ("are killed in the aftermath of the elections": they came first)
    for _ in range(2):
        # "enter the town for the first time since the start of the war", "is sworn in as president days after
        # the death" (the measure parsed as the head): the verb above the time word
        word = verb.lemma_.lower()
        if verb.pos_ in ("VERB", "AUX") or word not in _TIME_WORDS or verb.dep_ not in (
                ("pobj",) if word == "time" else ("pobj", "npadvmod")):  # (not "Each time after a defeat, ...")
            break
        if word != "time" and any(c.dep_ in ("nummod", "det") for c in verb.children):
            return None  # ("a day after the attack", "two weeks after the vote": a count, see relative.EventClock)
        verb, climbed = (verb.head.head if verb.dep_ == "pobj" else verb.head), True
    if tok.head.lower_ == "of" and verb.pos_ == "NOUN" and verb.dep_ == "pobj" and verb.head.head.pos_ in ("VERB", "AUX"):
        verb = verb.head.head  # "are killed in clashes in the aftermath of the elections": what the clashes came in
    if verb.i == prep.i or verb.pos_ not in ("VERB", "AUX"):
        return None
    t = tense(verb)
    if not (t in ("past", "perfect") or _simple_present(_finite_above(verb)) or (
            climbed and _present_passive(verb) and verb.lemma_.lower() not in PLAN_OR_EXPECT_VERBS)):
        return None  # (not "would attempt to remain in Canada after the contest": still to come; and "are killed
        # after an explosion" is of the day, while "is sworn in days after the death" puts the death before)
    if t == "present" and any(c.dep_ == "advcl" and (
            any(m.dep_ == "mark" and m.lower_ in CONDITION_MARKS for m in c.children)
            or (c.i < verb.i and c.doc[c.left_edge.i].lower_ == "should")) for c in verb.children):
        return None  # "If the talks fail, the union strikes after the holidays", "Should the talks fail, ...": a
        # supposition
    return verb


def _finite_above(verb: "Token") -> "Token":
    """The finite verb a gerund or an infinitive hangs under ("begin the process of electing a pope following
    the death": "begin"), or the verb itself: the verb `tense` reads a non-finite one's tense from."""
    node = verb
    for _ in range(4):
        if node.tag_ not in ("VBG", "VB") or any(c.dep_ in ("aux", "auxpass", "nsubj") for c in node.children):
            return node
        above, _ = _verb_above(node)
        if above is None:
            return node
        node = above
    return node


def open_before(later: Dating) -> Dating | None:
    """Some time up to the dating of an event that came after ("sentenced on May 11 for firebombing",
    "Following the debate, bloggers wrote"), or None when that one has no day."""
    end = later.date_end if later.date_end is not None else later.date_start
    return Dating(later.timex, None, end, later.basis) if end is not None else None


def _told_before_an_event(tok: "Token", verb: "Token") -> bool:
    """The event's clause is told as before another event (see `_before_an_event`), and it is not that
    other event ("the ruling" itself keeps its day)."""
    return tok.dep_ != "pobj" and _before_an_event(verb)


def _before_an_event(verb: "Token") -> bool:
    """The clause is told as before another event, named without a date ("Prior to the ruling, the religion
    was banned", "Before the vote, police arrested ten people", "Before Varlamov ended his campaign, a schism
    broke out"): some time before, not on the story's day."""
    for c in verb.children:
        if c.dep_ == "advcl" and c.i < verb.i and any(m.dep_ == "mark" and m.lower_ == "before" for m in c.children) \
                and not any(g.ent_type_ in ("DATE", "TIME") for g in c.subtree):
            return True  # (fronted: "scored in the third period, before he was charged" is told in order)
        prep = c if c.dep_ == "prep" and c.lower_ == "before" else next(
            (g for g in c.children if g.dep_ == "prep" and g.lower_ in ("to", "of")), None) \
            if c.dep_ == "advmod" and c.lower_ == "prior" else None  # ("ahead of the ceremony": often that day)
        if prep is not None and any(o.dep_ == "pobj" and o.pos_ == "NOUN" and o.ent_type_ not in ("DATE", "TIME")
                                    for o in prep.children):
            return True
    return False


RECORD_WORDS = frozenset({"first", "only", "last"})  # "the first strike since 1989", with superlatives


def record_time(root: "Token") -> bool:
    """The "since" hangs on a record's noun ("enter Aleppo for the first time since 2016", "wins the
    Europa League, its first trophy since 2008") or on the record's word alone ("elections for November, the
    first since 2006"): a record's comparison, whatever the event."""
    time = root.head.head if root.dep_ == "pobj" and root.head.lower_ == "since" else None
    return time is not None and ((time.pos_ in ("NOUN", "PROPN") and _a_record(time))
                                 or time.tag_ == "JJS" or time.lower_ in RECORD_WORDS)  # "..., the first since 2006"


def _a_record(noun: "Token") -> bool:
    """A superlative or "first", "only", "last" on the noun ("the longest strike", "the first time")."""
    return any(c.dep_ == "amod" and (c.tag_ == "JJS" or c.lower_ in RECORD_WORDS) for c in noun.children)


def _record_since(tok: "Token") -> bool:
    """The event is a record the "since" measures ("the longest strike since 1989", "the first visit
    since 2010"): a superlative or "first" on the event noun, or on the noun it is the predicate of (or
    the infinitive of: "the first country to lift the ban since 1994"; or the verb's object: "won their first
    championship since 2007", "has fallen to its lowest level since 1983" -- in the perfect, only an object of
    the subject's own, for "has led the largest party since 2019" is a stretch)."""
    nouns = [tok] + ([tok.head] if tok.dep_ in ("attr", "nsubj", "acl") else [])
    if tok.pos_ in ("VERB", "AUX"):
        objects = [c for c in tok.children if c.dep_ == "dobj"] + [
            o for c in tok.children if c.dep_ == "prep" and c.lower_ in ("to", "in", "as") for o in c.children
            if o.dep_ == "pobj"]  # "lock out their players in the first labour dispute since 1987"
        nouns += objects if tense(tok) != "perfect" else [
            o for o in objects if any(c.dep_ == "poss" for c in o.children)]
    if tok.dep_ in ("advcl", "xcomp") and any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children):
        nouns += [c for c in tok.head.children if c.dep_ == "attr"]  # "will be the first country to lift"
    return any(_a_record(n) for n in nouns) or any(  # "an earthquake, the strongest since 1917"
        c.dep_ == "appos" and (c.tag_ == "JJS" or any(g.tag_ == "JJS" for g in c.children)) for c in tok.children)


def _since_clause_verb(root: "Token") -> int | None:
    """The verb of the "since" clause an expression (its root token) dates ("died since the rains began on
    Aug. 28"), if any: that clause starts a stretch, so its date is not the time of the clause above
    it. (It still moves the story: "since he was found on Nov. 25. His mother died when ..." is told
    at that time.)"""
    node = root
    for _ in range(4):
        if node.head.i == node.i:
            return None
        node = node.head
        if node.pos_ in ("VERB", "AUX"):
            return node.i if any(c.dep_ == "mark" and c.lower_ == "since" for c in node.children) else None
    return None


def _deadline(root: "Token", tok: "Token") -> bool:
    """The date is the object of a "by" that the event's verb governs ("had risen by August 2008", "will
    be finished by Friday"): a deadline. Not the agent of a passive ("was hit by Friday's storm": the
    date is no object there) nor a measure ("rose by 5% in May")."""
    prep = root.head
    return (root.dep_ == "pobj" and prep.dep_ == "prep" and prep.lower_ == "by" and prep.head.i == tok.i
            and tok.pos_ in ("VERB", "AUX"))


UNTIL_WORDS = frozenset({"until", "till", "through", "thru"})
# what holds up to a time rather than happening at it ("runs through Oct. 12", "is valid until Dec. 31")
DURATIVE_LEMMAS = event_words()["durative_lemmas"]


HARM_VERBS = event_words()["harm_verbs"]  # a happening's toll, on its day
TOLL_WORDS = event_words()["toll_words"]  # "are evacuated after a volcano erupted": the eruption's day
_TOLLS = HARM_VERBS | TOLL_WORDS
AFTERMATH_NOUNS = event_words()["aftermath_nouns"]  # "in the aftermath of the elections": they came first
BANNING_VERBS = event_words()["banning_verbs"]  # "bans the march until Sunday": no march lasts till then
STATE_NOUNS = event_words()["state_nouns"]
MOVING_VERBS = event_words()["moving_verbs"]  # "postponed the vote until Tuesday": where the vote is moved to
ANSWERING_VERBS = event_words()["answering_verbs"]  # "to reciprocate the expulsion on February 6": the expulsion's day
EXTENDING_VERBS = event_words()["extending_verbs"]  # "extends its lockdown until June 4": to then, from now
GIVING_TIME_VERBS = event_words()["giving_verbs"] | {"have"}  # "gives him until March 29", "have until Sunday"


def gives_time_until(tok: "Token") -> bool:
    """A verb that gives, or has, time up to a limit to do something ("gives him until March 29 to leave",
    "have until Sunday to file charges"): an "until" phrase and a to-infinitive hang on it."""
    return tok.pos_ in ("VERB", "AUX") and tok.lemma_.lower() in GIVING_TIME_VERBS and any(
        c.dep_ == "prep" and c.lower_ in UNTIL_WORDS for c in tok.children) and any(
        c.dep_ in ("xcomp", "advcl", "ccomp") and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)
        for c in tok.children)  # (not "allowed them to visit", "had to leave": no time given)


REFUSING_VERBS = event_words()["refusing_verbs"]  # "refused to stop firms from selling"


def lasts_until(tok: "Token") -> bool:
    """A state or an ongoing activity, told in the present or the future, that an "until" bounds; or what one
    is given time until then to do ("gives him until March 29 to leave": by then)."""
    verb = clause_verb(tok)
    if any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children) and gives_time_until(tok.head):
        return True
    barring = tok.head.head
    if (tok.tag_ == "VBG" and tok.dep_ == "pcomp" and tok.head.lower_ == "from"
            and barring.lemma_.lower() in PREVENTING_VERBS and not _negated(barring)
            and tense(barring) in ("present", "future") and not (barring.dep_ == "xcomp" and (
                _negated(barring.head) or barring.head.lemma_.lower() in REFUSING_VERBS))):
        return True  # "a decree banning investors from selling their assets until December 31": barred till then
        # (not "does not ban investors from selling", "refused to stop firms from selling", "banned him in March")
    if any(c.dep_ == "neg" for c in (*verb.children, *tok.children)):
        return False  # "won't be profitable until 1994": it starts then
    if tok.dep_ in ("nsubjpass", "dobj") and tok.head.lemma_.lower() in EXTENDING_VERBS:
        return tense(tok.head) in ("present", "future")  # "Voting is extended until December 21": from now to then
    if tok.pos_ == "NOUN" and tok.lemma_.lower() in STATE_NOUNS:
        return tense(verb) in ("present", "future") and verb.lemma_.lower() not in MOVING_VERBS - EXTENDING_VERBS
        # "declares a state of emergency until April", "extends its lockdown until June 4" (not "the ban is
        # delayed until 2027": it starts then)
    return tense(verb) in ("present", "future") and (
        tok.lemma_.lower() in DURATIVE_LEMMAS or (verb.lemma_.lower() in DURATIVE_LEMMAS
                                                  and not (tok.dep_ == "dobj" and verb.lemma_.lower() in BANNING_VERBS))
        or (tok.tag_ == "VBG" and any(c.dep_ == "aux" and c.lemma_ == "be" for c in tok.children)))
    # (a progressive is ongoing whatever its verb: "We will be accepting applications through May 28")
