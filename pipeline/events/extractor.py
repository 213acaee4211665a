"""Events of one parsed article: trigger, who, what, where, when, how sure, whose words (design §5).

The extractor works on a spaCy `Doc` already parsed with `required_components` and on the timexes the
temporal tagger found in the same `Doc`, so an article is parsed once for both.
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from functools import cached_property
from typing import TYPE_CHECKING, Callable, Iterator, Sequence

from pipeline.events import anchoring, roles
from pipeline.events.lexicon import event_words, load_lexicon
from pipeline.events.modality import (ATTEMPT_WORDS, ENDING_VERBS, ModalityReader, cause_verb, ended_by,
                                      given_time_to, occurs)
from pipeline.events.roles import called_on
from pipeline.events.relative import COUNT_UNITS, COUNT_VALUE, EventClock, definite
from pipeline.events.triggers import TriggerFinder
from pipeline.models import Event, Participant, Timex
from pipeline.names import is_platform
from pipeline.paragraphs import apparatus_start, crosses_paragraph
from pipeline.quotes import INTERVIEWED_WHOM, Quotes, intro_start, marks_a_word, quotes_of
from pipeline.temporal.context import metadata_date
from pipeline.temporal.normalize import goal_date
from pipeline.temporal.ranges import intervals
from pipeline.temporal.resources import load_lexicon as temporal_lexicon
from pipeline.temporal.tagger import default_tagger
from pipeline.temporal.values import Period, shift

if TYPE_CHECKING:  # pragma: no cover
    from spacy.language import Language
    from spacy.tokens import Doc, Span, Token


class EventExtractor:
    """Turns a parsed document and its timexes into `Event` records."""

    required_components: tuple[str, ...] = ("tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer", "ner")
    version: str = "events-462"

    def __init__(self, nlp: "Language | None" = None, verb_lemmas: Sequence[str] | None = None):
        """`nlp` (optional) lends its lemmatizer's verb index; `verb_lemmas` overrides it (tests)."""
        self.lexicon = load_lexicon()
        self._nlp = nlp
        self._verb_lemmas = verb_lemmas
        self._finder: TriggerFinder | None = None

    def _trigger_finder(self, doc: "Doc") -> TriggerFinder:
        """Built on first use: the verb list comes from the model's own lemmatizer tables."""
        if self._finder is None:
            known = _model_lemmas(self._nlp, self.required_components)
            verbs = self._verb_lemmas if self._verb_lemmas is not None else known.get("verb", frozenset())
            self._finder = TriggerFinder(self.lexicon, verbs, frozenset().union(*known.values()))
        return self._finder

    def extract(self, doc: "Doc", timexes: list[Timex], dct: dt.date | None) -> list[Event]:
        """All events of `doc`, in text order. Resolves, in place, the expressions counted from an
        event ("the day after his death") that the tagger left open, and those that count from them."""
        text = doc.text  # built anew from the tokens at each access: read once per article
        quotes = quotes_of(text)
        finder = self._trigger_finder(doc)
        foreign = finder.foreign(doc, text)
        triggers = finder.find(doc, quotes, foreign, text)
        if not triggers:
            return []
        tokens = [t for t, _ in triggers]
        ents = roles.DocEntities(doc, quotes, foreign)  # the same for both passes below: it reads no date
        events, dated, not_times = self._extract(doc, text, quotes, ents, timexes, triggers, dct, foreign)
        clock = EventClock(doc, text, tokens, self.lexicon.same_event, dct, self.lexicon.duration_verbs,
                           self.lexicon.kinds_of_happening)
        if clock.resolve(timexes, dated):
            # now a date like any other: tagged again with it, the expressions after it count from it
            # ("The next day"); then it dates its clause and moves the story's time
            known = [t for t in timexes if t.anchor_kind == "event"]
            timexes[:] = default_tagger().tag(doc, dct, text=text, known=known)
            events, dated, not_times = self._extract(doc, text, quotes, ents, timexes, triggers, dct, foreign)
        clock.redate(events, dated, timexes)
        clock.date_mentions(events)
        clock.date_coreferent(events, dated)
        clock.date_generic_mentions(events, dated)
        _point_to_own_sentence(events, [tx for tx in timexes if id(tx) not in not_times], text)
        return events

    def _extract(self, doc: "Doc", text: str, quotes: Quotes, ents: roles.DocEntities, timexes: list[Timex],
                 triggers: list[tuple["Token", str]], dct: dt.date | None, foreign: set[int] = frozenset()
                 ) -> tuple[list[Event], dict[int, anchoring.Dating], frozenset[int]]:
        """The events of one document, their datings by token, and the ids of the expressions that are no time
        of their sentence (`_Document.not_times`)."""
        ctx = _Document(doc, text, quotes, ents, timexes, triggers, self.lexicon, dct, foreign)
        events: list[Event] = []
        dated = ctx.dated
        # present-tense reported events, with their report and the expression they are anchored to
        pending: list[tuple[int, int | None, Timex | None]] = []
        for tok, kind in triggers:
            modality = ctx.modal.modality(tok, kind)
            dating = ctx.dating(tok, dct, modality)
            if (modality == "asserted" and dct is not None and dating.date_end is not None and dating.date_end >= dct
                    and given_time_to(tok)):
                modality = "expected"  # "gives him until March 29 to leave": by then, still to come
            dated[tok.i] = dating
            if (modality == "asserted" and dct is not None and dating.basis == "explicit"
                    and dating.date_start is not None and dating.date_start > dct
                    and not (tok.pos_ in ("VERB", "AUX") and anchoring.finite_past(tok))):
                # "Beta testing starts in December": what is dated ahead has not happened; a verb in the
                # past tense has, whatever its date says ("I went back the next Tuesday night")
                modality = "expected"
            if (modality == "expected" and tok.pos_ == "NOUN" and dct is not None
                    and (dating.date_start is None or dating.date_start <= dct)
                    and (ctx.reaction_to(tok, dct) is not None or roles.protest_against(tok) is not None)):
                # "will react to the mass beating", "will protest against the cuts": what is reacted to or
                # protested against has happened (not "respond to the march planned for Friday")
                modality = "asserted"
            if (modality == "expected" and dct is not None and tok.pos_ == "NOUN" and dating.basis == "explicit"
                    and dating.date_end is not None and dating.date_end < dct
                    and anchoring.still_to_come(anchoring.clause_verb(tok))):
                # "will try to wrap up the work of the first summit in December 2003": a happening its own
                # words date before publication has happened, whatever its clause says is still to come (not
                # "requested an investigation in June 2008": what was asked for then)
                modality = "asserted"
            place = ctx.place(tok, kind)
            agent, patient, parts, agent_t = ctx.arguments(tok, kind, place)
            quote = ctx.quotes.containing(tok.idx)
            if quote is not None and marks_a_word(ctx.text, quote):
                quote = None  # Morales "suspended" Decree 1126: the writer's distance from a word, no one's words
            speaker = ctx.speakers.speaker(tok, quote)
            if agent is not None and quote is not None and agent == ctx.quotes.answers.get(quote):
                agent = None  # "LL: Wired868 has attracted 1.8 million hits": the label says who answers
            if (agent is not None and quote is not None and agent == speaker and agent_t is not None
                    and agent_t.lower_ in roles.PERSONAL_PRONOUNS and quote[0] <= agent_t.idx < quote[1]):
                # '"He requested a testimony," Cho tweeted': whom the speaker calls "he" is someone else
                agent = None
            if (speaker is not None and quote is not None and agent_t is not None
                    and agent_t.lower_ in FIRST_PERSON_SINGULAR and quote[0] <= agent_t.idx < quote[1]
                    and _one_named(speaker, ctx.ents, ctx.quotes)
                    and not _inner_quote_before(ctx.text, quote[0] + 1, agent_t.idx)):
                # '"I will resign on Friday," John Smith said': who resigns is the one who says "I" (not the "I"
                # of a quotation inside the quotation: "My wife told me, 'I will leave you'")
                agent = speaker
                parts = [p for p in parts if p.role != "agent"]
                parts.insert(0, Participant(speaker, "PERSON" if _looks_person(speaker, ctx.ents) else None, "agent"))
            if patient is not None and quote is not None and patient == speaker:
                patient_t = roles.patient_token(tok, kind)
                if patient_t is not None and patient_t.lower_ in THIRD_PERSON_OBJECTS and quote[0] <= patient_t.idx < quote[1]:
                    patient = patient_t.text  # "summarised the case: ... The court sentences him": not the blogger
            if (dating.basis == "publication" and dating.date_start == dating.date_end
                    and (quote is not None or speaker is not None)
                    and anchoring.tense(anchoring.clause_verb(tok)) == "present"):
                pending.append((len(events), ctx.speakers.reporting_verb(tok, quote), dating.timex, quote))
            if quote is not None and modality == "asserted":
                modality = "reported"
            if speaker is not None:
                label = "PERSON" if _looks_person(speaker, ctx.ents) else None
                parts.append(Participant(speaker, label, "speaker"))
            stretch = ctx.stretch_before(tok, dating, modality)
            if stretch is not None:
                dating = stretch  # "after a 17-year suspension", "detained for over a decade": up to its end
            sent = ctx.sentences.of(tok.i)
            tx = dating.timex
            span = (tx.start, tx.end, tx.value) if tx else None
            interval = ctx.intervals.get(id(tx)) if dating.basis in ("explicit", "narrative") else None
            if dating.basis == "narrative" and interval is None:
                # the story is over a range's few days ("a strike on May 7 and 8"), whichever expression
                # the clause itself holds ("the 48-hour strike")
                story = ctx.narrative.before(tok.idx)
                interval = ctx.intervals.get(id(story)) if story is not None else None
                tx = story if interval is not None else tx
            if interval is not None and (dating.date_start, dating.date_end) == (tx.range_start, tx.range_end):
                # dated by one end of a range ("talks ran from Sept. 1 to Sept. 3"): the whole stretch
                span = (interval[0], interval[1], interval[4])
                dating = anchoring.Dating(tx, interval[2], interval[3], dating.basis)
            events.append(Event(
                start=tok.idx, end=tok.idx + len(tok.text), text=tok.text, lemma=tok.lemma_.lower(),
                pos=kind, sentence=ctx.text[sent.start_char:sent.end_char], sent_start=sent.start_char,
                sent_end=sent.end_char, agent=agent, patient=patient, place=place,
                timex_start=span[0] if span else None, timex_end=span[1] if span else None,
                timex_value=span[2] if span else None,
                date_start=dating.date_start, date_end=dating.date_end, date_basis=dating.basis,
                modality=modality, quoted=quote is not None, speaker=speaker,
                participants=parts, rule=f"{kind.lower()}:{dating.basis}",
            ))
        _date_reported_present(events, pending, dated, {tok.i: n for n, (tok, _) in enumerate(triggers)}, ctx.quotes,
                               ctx.intro_day)
        return events, dated, ctx.not_times


_MORE_THAN = re.compile(r"\b(?:over|more than|at least|upwards of)\b", re.IGNORECASE)  # "for over a decade": its
# start is not told
_POSSESSIVE = re.compile(r"['’]s\b")  # "Sunday's events": the day of a thing named, not a time of the sentence
# the word before a date that makes it a bound ("since Monday", "until Friday", "before May 3"), not a day named
_BOUND_WORD = re.compile(r"\b(?:%s)\s+$" % "|".join(sorted(
    anchoring.BOUNDS_BEFORE_NOW | {"before", "after", "by", "prior to"}, key=len, reverse=True)), re.I)
_FINER_THAN_A_DAY = re.compile(r"\.(?:hours|minutes|seconds)_")  # "Had it happened an hour later": no day named


def _point_to_own_sentence(events: list[Event], timexes: Sequence[Timex], text: str) -> None:
    """An event dated from the story's time or through another clause points to the words of its own
    sentence that name the same day, when there are some ("Ana Bonnin said ... outside the home Monday"):
    a reader checks the date where the event is told, not a paragraph away."""
    timexes = sorted(timexes, key=lambda t: t.start)
    starts = [t.start for t in timexes]
    for ev in events:
        if ev.date_basis not in ("explicit", "narrative") or ev.timex_start is None or ev.date_start is None:
            continue
        if ev.sent_start <= ev.timex_start < ev.sent_end:
            continue
        in_sentence = timexes[bisect.bisect_left(starts, ev.sent_start):bisect.bisect_left(starts, ev.sent_end)]
        same = [tx for tx in in_sentence if tx.type == "DATE"
                and (tx.range_start, tx.range_end) == (ev.date_start, ev.date_end)
                and not (tx.value or "").endswith("_REF")  # "no current plans": no day named
                and not _FINER_THAN_A_DAY.search(tx.rule or "") and not _POSSESSIVE.match(text, tx.end)
                and not _BOUND_WORD.search(text, max(0, tx.start - 12), tx.start)]
        if same:
            tx = min(same, key=lambda t: abs(t.start - ev.start))
            ev.timex_start, ev.timex_end, ev.timex_value = tx.start, tx.end, tx.value


def _date_reported_present(events: list[Event], pending: list[tuple[int, int | None, Timex | None, tuple | None]],
                           dated: dict[int, anchoring.Dating], event_at: dict[int, int], quotes: Quotes,
                           intro_day: "Callable[[tuple[int, int]], anchoring.Dating | None]") -> None:
    """What a quote or a report says in the present holds when it was said ("'This appears to be a
    planned attack,' he said Saturday"), not on the publication day; said some time before publication, so
    some time before it ('the mayor replied: "I am not able to answer that"'). A habit or a stretch the event's own
    words give ("'I work in my pharmacy every day,' she said") stays the expression it is anchored to."""
    for n, report_i, own, quote in pending:
        rep = dated.get(report_i) if report_i is not None else None
        loose = quote in quotes.loosely_introduced
        if (rep is None and own is None and quote is not None and quote not in quotes.answers
                and (quote in quotes.introduced or quote in quotes.posters) and (not loose or intro_day(quote))):
            # "In the video posted on YouTube, the blogger comments: / Look, she is drinking beer": a text set
            # apart that no speech verb introduces was written when its intro says ("Amnesty issued a statement
            # on Monday:"), else some time before publication (but the reporter's own words after a colon are
            # of the publication day, unless their intro is dated: "The figures are stark: / The hospital
            # treats 300 patients a day")
            ev = events[n]
            day = intro_day(quote)
            if day is not None:
                ev.timex_start, ev.timex_end, ev.timex_value = day.timex.start, day.timex.end, day.timex.value
                ev.date_start, ev.date_end, ev.date_basis = day.date_start, day.date_end, "narrative"
            else:
                ev.date_start = None
            ev.rule = f"{ev.pos.lower()}:set-apart"
            continue
        if (rep is not None and rep.basis == "publication" and rep.date_start is None and rep.date_end is not None
                and own is None):
            # 'he replied "I am not able to do that"', the reply some time before publication: so is what it says
            ev = events[n]
            ev.date_start, ev.date_end = None, rep.date_end
            ev.rule = f"{ev.pos.lower()}:report-time"
            continue
        if (rep is not None and rep.basis in ("explicit", "narrative") and rep.date_start is not None
                and rep.date_start == rep.date_end and rep.timex is not None and report_i in event_at):
            ev, said = events[n], events[event_at[report_i]]  # (the saying as shown: "said" at a forum "from 9
            if own is None or anchoring.has_range(own):        # to 11 May" is of those three days, not the 9th)
                ev.timex_start, ev.timex_end, ev.timex_value = said.timex_start, said.timex_end, said.timex_value
            ev.date_start, ev.date_end, ev.date_basis = said.date_start, said.date_end, "narrative"
            ev.rule = f"{ev.pos.lower()}:report-time"


def _in_foreign(doc: "Doc", tx: Timex, foreign: set[int] | frozenset[int]) -> bool:
    """The date sits in a stretch of another language ("quien falleció el 2 de marzo de 2011"): the word
    before it is foreign (its digits are no word of any language)."""
    span = doc.char_span(tx.start, tx.end, alignment_mode="expand")
    return span is not None and (span.start - 1 in foreign or span.start in foreign)


def _aside_of_long_ago(tok: "Token", tx: Timex, dct: dt.date | None) -> bool:
    """A year or a month told in a relative clause or a participle ("workers who were fired last year",
    "Having started blogging in 2007, he ...", "a promise made in 2008"), or in a passive clause of long ago
    ("since Milosevic was demised in 2000"): background to the sentence, not where the story goes on (a day
    there may be the news: "a letter published Wednesday"; a recent month too: "has been at the center of a
    tug-of-war since he was rescued in late November. His mother died ...")."""
    verb = anchoring.clause_verb(tok)
    for _ in range(4):  # up from "started writing in 2007" to the clause that holds it
        if verb.dep_ not in ("xcomp", "conj") or verb.head.i == verb.i:
            break
        verb = verb.head
    finite = any(c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass") for c in verb.children)
    long_ago = dct is not None and tx.range_end is not None and (dct - tx.range_end).days >= anchoring.LONG_AGO_DAYS
    if tx.granularity in ("year", "month", "season", "quarter", "half", "decade") and (
            verb.dep_ in ("relcl", "acl") or (verb.dep_ == "advcl" and verb.tag_ in ("VBG", "VBN")
                                              and (not finite or long_ago))):
        return True
    # "what we know today as Latin America", "how these images today make up part of the landscape": the
    # present that names or describes a thing, no time of the story
    return (tx.range_start is not None and tx.range_start == tx.range_end and anchoring.tense(verb) == "present"
            and (verb.dep_ in ("relcl", "acl") or any(c.tag_ in ("WP", "WDT", "WRB") for c in verb.children)))


ANNIVERSARY_NOUNS = roles.ANNIVERSARY_NOUNS  # of a day long past: this year's
# verbs that move a thing to another time: the date after their "to", "until" is where it went (when they have
# a thing to move: an object, or a passive subject; "the strike extended to May 5" lasted until then)
MOVING_VERBS = anchoring.MOVING_VERBS
_MOVED_TO = re.compile(r"\b(?:to|until|till)\s+$")  # "was changed to May 5", "postponed until late May"
# verbs of an intro whose named subject undergoes what the quotation tells, not says it ("Vladimir Putin faced a
# wave of mockery online:", "Egypt erupted in anger after the verdict:"); with any other verb the subject shares
# the words ("has specific suggestions", "draws a parallel", "discussed his plans")
UNDERGOING_VERBS = event_words()["undergoing_verbs"]  # ("was shocked:" says)
THIRD_PERSON_OBJECTS = frozenset({"him", "her", "them"})  # whom a speaker's words are about, not the speaker
FIRST_PERSON_SINGULAR = frozenset({"i", "me", "my", "myself"})  # in a quote: the speaker
# an intro that says the quotation recounts a story ("summarised the case that has angered people:")
# (in the past: what was recounted is a story told; "recounts her daily life" tells a habit)
RECOUNTING_INTRO = re.compile(r"\b(?:summari[sz]ed|summed\s+up|recounted|retold|narrated|told\s+the\s+story)\b",
                              re.IGNORECASE)
INTERVIEWER_REACH = 24  # characters before a name in which "Wikinews spoke with" tells whom an interview is with


def _moves_a_thing(verb: "Token") -> bool:
    """The verb has a thing it moves: an object ("extended its offer to Nov. 20"), or a passive subject ("the
    eviction was postponed to May 9")."""
    return any(c.dep_ in ("dobj", "nsubjpass", "auxpass") for c in verb.children)


def _is_anniversary(tok: "Token") -> bool:
    return tok.lemma_.lower() in ANNIVERSARY_NOUNS


def _years_before_its_anniversary(tok: "Token") -> int | None:
    """N for the event an "Nth anniversary of" names ("the second anniversary of the crackdown": 2)."""
    if not (tok.dep_ == "pobj" and tok.head.lower_ == "of" and _is_anniversary(tok.head.head)):
        return None
    for c in tok.head.head.children:
        if c.dep_ in ("amod", "nummod"):
            n = temporal_lexicon().ordinals.get(c.lower_)
            if n is None and (m := re.fullmatch(r"(\d{1,3})(?:st|nd|rd|th)", c.lower_)):
                n = int(m.group(1))
            if n:
                return n
    return None


def _years_back(mark: "anchoring.Dating", years: int) -> "anchoring.Dating | None":
    """The month `years` before an anniversary's day (an anniversary is marked on or near its day, not
    always on it), or None when the anniversary has no day."""
    if mark.date_start is None or mark.date_start != mark.date_end:
        return None
    year, month = mark.date_start.year - years, mark.date_start.month
    if year < 1:
        return None
    last = (dt.date(year + (month == 12), month % 12 + 1, 1) - dt.timedelta(days=1))
    return anchoring.Dating(mark.timex, dt.date(year, month, 1), last, "narrative")


def _anniversary_of(tok: "Token", direct: dict[int, Timex], dct: dt.date) -> "anchoring.Dating | None":
    """An anniversary of a day long past is that day's date in the year of publication ("on the
    anniversary of the military coup of April 21, 1967, a journalist urged": April 21, 2012)."""
    for node in tok.subtree:
        tx = direct.get(node.i)
        if tx is not None and anchoring.has_range(tx) and tx.range_start == tx.range_end \
                and tx.range_start.year < dct.year:
            year = dct.year
            if (tx.range_start.month, tx.range_start.day) > (dct.month, dct.day) and \
                    anchoring.tense(anchoring.clause_verb(tok)) == "past":
                year -= 1  # "marked the anniversary of April 21" told in March: last year's
            try:
                day = tx.range_start.replace(year=year)
            except ValueError:  # February 29
                day = tx.range_start.replace(year=year, day=28)
            return anchoring.Dating(tx, day, day, "explicit")
    return None


def _of_phrase(noun: "Token", tx: Timex) -> bool:
    """The date is the object of the noun's "of" ("a remembrance of April 25, 1707")."""
    return any(c.dep_ == "prep" and c.lower_ == "of" and c.idx < tx.start < c.right_edge.idx + len(c.right_edge)
               for c in noun.children)


def _remembered_by_anniversaries(doc: "Doc", timexes: list[Timex]) -> set[int]:
    """The dates an anniversary names ("the anniversary of the coup of April 21, 1967"): the past it
    remembers, not where the story is."""
    spans = [(t.left_edge.idx, t.right_edge.idx + len(t.right_edge)) for t in doc if _is_anniversary(t)]
    return {id(tx) for tx in timexes if any(a <= tx.start and tx.end <= b for a, b in spans)} if spans else set()


def _few_days_from(tx: Timex, interval: tuple, text: str, dct: dt.date | None) -> bool:
    """The first end of a range of a few days ("a strike on May 7 and 8", a festival "from April 25-29"):
    the story is then, over those days; a longer range ("from 2011 to 2017") names a stretch, not the
    moment the story is at, and a list of days further apart ("concerts on May 2 and May 7") is not one
    stretch."""
    first, last, lo, hi, _ = interval
    if dct is not None and hi > dct:
        return False  # a stretch still to come ("a summit from 18-19 May", "shows between May 2 and May 7")
    span = anchoring.NEWS_RANGE_SPAN if _CONTINUOUS.search(text[first:last]) or _FROM_BEFORE.search(
        text, max(0, first - 9), first) else anchoring.NEWS_DAYS_SPAN
    return (hi - lo).days <= span and tx.start == first


_CONTINUOUS = re.compile(r"\d\s*[-\u2013\u2014]\s*\d|\b(?:to|through|thru|till|until)\b", re.IGNORECASE)
_FROM_BEFORE = re.compile(r"\b(?:from|between)\s+$", re.IGNORECASE)


# "began its life on a blog and eventually became, on August 7, 2010, a project": one after the other
_SEQUENCE_ADVERBS = event_words()["sequence_adverbs"]


# "until today", "up to now", "from the 19th century to today" -- not "not until Tuesday", "according to today's"
_UP_TO = re.compile(r"(?<!not )\b(?:until|till|up\s+to)\s+$|\bfrom\b[^.;]{1,60}\bto\s+$", re.IGNORECASE)


def _up_to_now(text: str, tx: Timex, dct: dt.date | None) -> bool:
    """'until today', 'from the 19th century to now': the present as the end of a stretch, no day the story
    is told at (nor its news day)."""
    return (dct is not None and tx.range_start is not None and tx.range_end is not None
            and tx.range_start <= dct <= tx.range_end and _UP_TO.search(text, max(0, tx.start - 80), tx.start) is not None)


def _fronted(root: "Token") -> bool:
    """The expression stands in a phrase that opens its sentence ("Following the action days on 12 and 15
    May, activists ..."), not one inside the clause ("delisted after the close of trading yesterday")."""
    return root.left_edge.i - root.sent.start <= 1 or any(
        a.dep_ == "prep" and a.i - root.sent.start <= 1 for a in root.ancestors)


def _dates_main_clause(root: "Token | None") -> bool:
    """The expression modifies its sentence's main verb ("protests shook Frankfurt last week"), not a clause
    inside it ("police said the IRA was behind two killings last week")."""
    if root is None:
        return False
    head = root.head.head if root.head.dep_ == "prep" else root.head
    return head.i == root.sent.root.i and root.dep_ in ("npadvmod", "pobj", "advmod")


def _since_clause_head(verb: "Token") -> "Token | None":
    """The verb of a stretch up to now that a past "since" clause starts ("have died since the rains began",
    "prices are higher since the war began"), or None; a "since" of cause ("since he was ill, he stayed home")
    goes with a past verb above it, and is left alone."""
    head = verb.head
    if not (verb.dep_ == "advcl" and anchoring.tense(verb) == "past" and head.pos_ in ("VERB", "AUX")
            and any(c.dep_ == "mark" and c.lower_ == "since" for c in verb.children)):
        return None
    return head if anchoring.tense(head) in ("perfect", "present") else None


def _perfect_infinitive(verb: "Token") -> bool:
    """ "to have died", "to have signed": a past participle after "to have", under the verb it complements."""
    aux = [c.lower_ for c in verb.children if c.dep_ == "aux"]
    return verb.tag_ == "VBN" and verb.dep_ in ("xcomp", "ccomp") and "to" in aux and "have" in aux


def _gapped_passives(conj: "Token") -> list["Token"]:
    """The second passive of "were killed and 58 injured", its auxiliary left out: a participle with a
    subject of its own and no auxiliary, or the participle the parser hangs on that subject ("58" joined
    to "killed", "injured" its clause)."""
    if conj.i < conj.head.i:
        return []
    if conj.pos_ in ("NUM", "NOUN"):
        return [c for c in conj.children if c.dep_ == "acl" and c.tag_ == "VBN" and c.i == conj.i + 1]
    if (conj.tag_ == "VBN" and any(c.dep_ in ("nsubj", "nsubjpass") for c in conj.children)
            and not any(c.dep_ in ("aux", "auxpass") for c in conj.children)):
        return [conj]
    return []


def _bare_complement(verb: "Token") -> bool:
    """A bare infinitive with its own subject under a verb of perception ("saw X face off", "watched the police
    beat them"): no "to", no auxiliary, no "that" (not let/make/help, whose complement is an aim)."""
    return (verb.dep_ == "ccomp" and verb.pos_ == "VERB" and verb.tag_ in ("VB", "VBP")
            and verb.head.lemma_.lower() in PERCEPTION_VERBS and any(c.dep_ == "nsubj" for c in verb.children)
            and not any(c.dep_ in ("aux", "auxpass", "mark") for c in verb.children)
            and not any(t.tag_ in ("WP", "WRB", "WDT") for t in verb.subtree if t.i < verb.i))
    # (not "feel Thailand failed", "see what he has", "see how this ends": a finite clause, a question)


def _topic_noun_above(prep: "Token") -> "Token | None":
    """The noun of talk or inquiry a topic's preposition belongs to, past the parser's slips: the word it hangs on,
    a noun or two above through "by"/"of" ("comments by its host regarding ...": the host's comments), or the
    object of the verb it hangs on ("open an investigation into the leaking")."""
    node = prep.head
    for _ in range(3):
        if node.pos_ == "NOUN" and node.lemma_.lower() in TOPIC_NOUNS:
            return node
        if node.pos_ == "VERB":
            return next((c for c in node.children if c.dep_ == "dobj" and c.i < prep.i
                         and c.lemma_.lower() in TOPIC_NOUNS), None)
        if node.dep_ != "pobj" or node.head.lower_ not in ("by", "of") or node.head.head.i == node.head.i:
            return None
        node = node.head.head
    return None


def _told_earlier(noun: "Token") -> frozenset[str]:
    """The adjectives that tell the noun's happening came earlier ("previous reports", "past protests"); one that
    may mean sooner than planned only with "the" or an owner, or after "after"/"following" ("Ukraine's earlier
    ban", "after an earlier attack"; not "backs an earlier election"). Empty when none does."""
    words = frozenset(c.lower_ for c in noun.children if c.dep_ == "amod") & EARLIER_ADJECTIVES
    if not words or not words <= SOONER_ADJECTIVES:
        return words
    known = (any(c.dep_ == "poss" or (c.dep_ == "det" and c.lower_ == "the") for c in noun.children)
             or (noun.dep_ == "pobj" and noun.head.lower_ in anchoring.AFTER_WORDS))
    return words if known else frozenset()


def _later_in_past(verb: "Token") -> bool:
    """ "would later confirm", "would eventually win", "The cabinet later approved", "He was later released":
    what came after the story's time, told from the past."""
    return ((anchoring.finite_past(verb) or any(c.dep_ == "aux" and c.lower_ in anchoring.WOULD for c in verb.children))
            and any(c.dep_ == "advmod" and c.lower_ in anchoring.LATER_ADVERBS and not any(
                g.dep_ == "npadvmod" for g in c.children) for c in verb.children))  # (not "hours later": a count)


DISCUSSING_VERBS = event_words()["discussing_verbs"]  # "commented on the ruling": the ruling came before
WRITING_VERBS = event_words()["writing_verbs"]  # "posted a release regarding the events": after them
# a round-up's verbs of a text it quotes ("Eduardo Avila explains:", "Lena Nazaryan writes:"); not "says" (the
# news of the day) nor "recounts" (a story told now)
ROUND_UP_VERBS = WRITING_VERBS | {"explain", "add", "note", "describe", "argue", "conclude", "observe", "reflect"}
LIVE_REPORTERS = frozenset({"our", "correspondent", "reporter"})  # "Our reporter at the scene writes:"
# what a text is about ("a release regarding the events"; "on" only after a verb of writing: "reported on a
# march", not "said on the march", the occasion)
TOPIC_PREPS = frozenset({"about", "regarding", "concerning"})
TOPIC_NOUN_PREPS = TOPIC_PREPS | {"into"}  # "an investigation into the leaking"
_CAME_AFTER_PREPS = anchoring.AFTER_WORDS | {"since"}  # "following Maduro's abduction and transfer": they came first
CONTEST_VERBS = event_words()["contest_verbs"]  # "wins the title after defeating ...": one match
TERM_VERBS = event_words()["term_verbs"]  # "jailed for 15 years": a term imposed, no time spent
TOPIC_NOUNS = event_words()["topic_nouns"]  # "comments regarding the killing": it came first
SUBJECT_NEWS_VERBS = event_words()["subject_news_verbs"]  # "the announcement comes as ...": the day's news


def _since_bound(root: "Token | None", tx: Timex, dct: dt.date | None, text: str) -> bool:
    """'have died since 1999': the start of a long stretch that runs up to now, no day the story is told at (the
    speech around it, "Prado unveiled a terrifying statistic", is not of 1999); but a recent one is the story's
    ("Since last week, South Korea has seen protests"), and so is one a "when" clause tells ("since November,
    when he was found")."""
    return (root is not None and dct is not None and root.dep_ == "pobj" and root.head.lower_ == "since"
            and tx.range_end is not None and (dct - tx.range_end).days > SINCE_STORY_DAYS
            and not _WHEN_AFTER.match(text, tx.end))


SINCE_STORY_DAYS = 31  # a "since" date more than this before publication bounds a stretch; a nearer one is news
_WHEN_AFTER = re.compile(r"\s*[,(]\s*when\b", re.IGNORECASE)


def _in_apparatus(timexes: list[Timex], text: str) -> set[int]:
    """The dates of an article's sources and categories ("-- CBC.ca, August 15, 2008"): no story's time."""
    start = apparatus_start(text)
    return set() if start is None else {id(tx) for tx in timexes if tx.start >= start}


def _present_today(doc: "Doc", tx: Timex, dct: dt.date | None, lead_end: int) -> bool:
    """'Today' in a clause of the present ("The biggest scandal today is the story of an agent", "Today the
    people are celebrating his 100th birthday"): the writer's present, not a day the story is told at (but
    a lead's plan names the news day: "The Home Office today is to begin ..."). The past told after it
    ("The general sent him ...", "He wrote dramas") is some time before publication, not on its day."""
    if dct is None or tx.rule != "deictic.today":
        return False
    root = anchoring.timex_root(doc, tx)
    verb = anchoring.clause_verb(root) if root is not None else None
    if verb is None or anchoring.tense(verb) != "present":
        return False
    planned = (verb.lemma_ == "be" and any(c.dep_ == "xcomp" for c in verb.children)
               or any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children))
    return tx.start >= lead_end or not planned


class _Document:
    """What extraction knows about one document: timex attachments, places, entities, quotes."""

    def __init__(self, doc: "Doc", text: str, quotes: Quotes, ents: roles.DocEntities, timexes: list[Timex],
                 triggers: list[tuple["Token", str]], lexicon, dct: dt.date | None = None,
                 foreign: set[int] | frozenset[int] = frozenset()):
        self.timexes = timexes
        # the sentence root of each intro that sets a text apart ("Eduardo Avila explains:"), by its colon
        self._intro_roots: dict[int, int] = {}
        for colon in quotes.introduced.values():
            span = doc.char_span(colon, colon + 1, alignment_mode="expand")
            if span is not None:
                self._intro_roots[colon] = span.root.sent.root.i
        self._intro_colons = frozenset(colon for span, colon in quotes.introduced.items()
                                       if span not in quotes.loosely_introduced)
        self.trigger_ids = {t.i for t, _ in triggers}
        self.kinds = {t.i: k for t, k in triggers}
        # Comparison baselines ("from $4 million a year earlier"): they lose to the event's own time
        # when both attach to it, and never set the story's time.
        baselines = frozenset(id(tx) for tx in timexes if anchoring.is_baseline(doc, tx, timexes))
        # Years that are part of a name ("TEDx Thessaloniki 2012"): they date no verb, nor the story.
        self.roots = roots = {id(tx): anchoring.timex_root(doc, tx) for tx in timexes}  # each expression's head, once
        names = frozenset(id(tx) for tx in timexes
                          if anchoring.year_in_name(tx, roots[id(tx)], self.trigger_ids)
                          or anchoring.in_title(text, tx, quotes))
        self.names = names
        self.text = text
        self.quotes = quotes
        self.dated: dict[int, anchoring.Dating] = {}  # token index -> its dating, as extraction goes
        self._in_dating: set[int] = set()  # the tokens whose dating is being read
        goal_before = temporal_lexicon().goal_before
        goals = frozenset(id(tx) for tx in timexes if goal_date(text, tx.start, goal_before))
        things = frozenset(id(tx) for tx in timexes
                           if anchoring.names_a_things_premodifier(tx, roots[id(tx)], self.trigger_ids, lexicon))
        self.direct = anchoring.attach_timexes(doc, timexes, self.trigger_ids, baselines, text, names,
                                               lexicon.retelling_verbs, goals, things, dct)
        self.modal = ModalityReader(lexicon)
        self.lexicon = lexicon
        # The ends of a range ("from 2011 to 2017") name a stretch, not the moment the story is at.
        self.intervals = intervals(timexes)
        by_id = {id(tx): tx for tx in timexes}
        dating_ids = {id(tx) for tx in self.direct.values()}
        # years of happenings a retelling verb's object names ("criticised the invasion in 1941"): the
        # story's past, and no time of the verb above them
        self.retold = {id(tx) for i, tx in self.direct.items() if anchoring.retold(doc[i], tx, lexicon.retelling_verbs)}
        lead_end = anchoring.lead_end(text)
        # the dates of what will happen from publication on ("will face Norway tomorrow on May 17"), the one a
        # future verb holds and any other its clause names
        # the token each expression dates directly, by the expression's id
        self.dated_at = dated_at = {}
        for i, tx in self.direct.items():
            dated_at.setdefault(id(tx), i)
        ahead = {id(tx) for tx in timexes if dct is not None and tx.range_end is not None and tx.range_end >= dct
                 and roots[id(tx)] is not None and anchoring.tense(anchoring.clause_verb(
                     doc[dated_at[id(tx)]] if id(tx) in dated_at else roots[id(tx)].head)) == "future"}
        # Expressions that are no time of the sentence they stand in: a comparison's baseline, a name's year, a
        # thing's ("the April 2012 winners"), the article's date line, a picture's caption, an aside in
        # parentheses, the apparatus after the story, the date of a thing named, a date in a stretch of another
        # language (the original of a quotation whose translation follows: read in its translation, if
        # anywhere; not twice).
        self.not_times = not_times = baselines | names | things | {
            id(tx) for tx in timexes
            if metadata_date(self.text, tx.start, tx.end, tx.value) or anchoring.in_parentheses(self.text, tx)
        } | _in_apparatus(timexes, text) | {
            id(tx) for tx in timexes if id(tx) not in dating_ids
            and anchoring.names_a_things_date(tx, roots[id(tx)], self.trigger_ids, lexicon)} | {
            id(tx) for tx in timexes if foreign and _in_foreign(doc, tx, foreign)}
        # long-ago "since" dates: the start of a stretch up to now ("have died since 1999")
        self.since_bounds = {id(tx) for tx in timexes if _since_bound(roots[id(tx)], tx, dct, text)}
        # Background dates do not move the story: those above, a range's ends, a pluperfect clause's ("had warned
        # ... in January"), a year or month of an aside, the day an anniversary remembers, "today" of the writer's
        # present, "until now", a date talked of ("The date of May 3 was selected").
        background = not_times | {key for key, interval in self.intervals.items()
                                  if not _few_days_from(by_id[key], interval, text, dct)} | {
            id(tx) for i, tx in self.direct.items() if anchoring.pluperfect(anchoring.clause_verb(doc[i]))
            or anchoring.life_date(doc[i])
            or _aside_of_long_ago(doc[i], tx, dct) or id(tx) in self.retold} | ahead | _remembered_by_anniversaries(
                doc, timexes) | {id(tx) for tx in timexes if _present_today(doc, tx, dct, lead_end)} | {
            id(tx) for tx in timexes if _up_to_now(text, tx, dct)} | self.since_bounds | {
            id(tx) for tx in timexes if anchoring.names_a_date_talked_of(roots[id(tx)], self.trigger_ids)}
        speech = [t.idx for t, _ in triggers if t.pos_ == "VERB" and t.lemma_.lower() in lexicon.reporting_verbs]
        # a lead that tells what is to come (a preview: "will face Norway tomorrow"), with no day of its own
        # that has been, reports no day: the past told after it is background, as for a lead with no date
        preview = _preview(doc, lead_end, [by_id[k] for k in ahead]) and not any(
            tx.start < lead_end and id(tx) not in background for tx in timexes if anchoring.is_calendar(tx))
        recounted = [span for span, colon in quotes.introduced.items()
                     if RECOUNTING_INTRO.search(text, intro_start(text, colon), colon)]
        # dates of what the story goes on after ("Following the 8 May firebombing", "after the May 8 attack")
        self.after_dates = {id(tx) for tx in timexes if roots[id(tx)] is not None
                            and anchoring.after_phrase(roots[id(tx)], roots[id(tx)].sent.root)
                            and _fronted(roots[id(tx)])}
        self.narrative = anchoring.NarrativeTime(timexes, self.text, dct, self.quotes, lambda tx: id(tx) in background,
                                                 lead_end, speech, self.intervals, preview, recounted,
                                                 lambda tx: id(tx) in self.after_dates,
                                                 lambda tx: _dates_main_clause(roots[id(tx)]))
        self.ents = ents
        self.timex_at = {t.i: tx for tx in timexes
                         if (span := doc.char_span(tx.start, tx.end, alignment_mode="expand")) is not None
                         for t in span}
        self.timex_tokens = set(self.timex_at)
        self.sentences = _Sentences(doc)
        self.speakers = _QuoteSpeakers(doc, self.text, self.quotes, self.modal, self.ents, self.sentences)
        # Places: an event's own, then the one of the event noun it happened at ("at the meeting"),
        # then the one another mention of the same event noun had in the article ("the meeting").
        self.own_place = {t.i: roles.direct_place(t, k, self.ents) for t, k in triggers}
        self.place_by_lemma: dict[tuple[str, int], str] = {}
        for t, k in triggers:
            if k == "NOUN" and self.own_place[t.i]:
                self.place_by_lemma.setdefault(self._place_key(t), self.own_place[t.i])

    def _place_key(self, t: "Token") -> tuple[str, int]:
        """Which mentions of a happening's noun share a place: all in an article, those of one bullet in a digest
        (its bullets are separate stories: "a fire" in Nescopeck is not another bullet's fire)."""
        return t.lemma_.lower(), (self.narrative.paragraph_of(t.idx) if self.narrative.in_digest_item(t.idx) else -1)

    def dating(self, tok: "Token", dct: dt.date | None, modality: str) -> anchoring.Dating:
        """Explicit (own, inherited or contained timex), story time of a dated clause above, narrative,
        publication -- see anchoring.py."""
        self._in_dating.add(tok.i)  # (what is being dated, for rules that read another event's dating)
        try:
            return self._dating(tok, dct, modality)
        finally:
            self._in_dating.discard(tok.i)

    def _dating(self, tok: "Token", dct: dt.date | None, modality: str) -> anchoring.Dating:
        direct, ids = self.direct, self.trigger_ids
        own = direct.get(tok.i)
        if _is_anniversary(tok) and dct is not None and (own is None or _of_phrase(tok, own)):
            day = _anniversary_of(tok, direct, dct)
            if day is not None:
                # "the anniversary of the military coup of April 21, 1967", "an annual remembrance of April
                # 25, 1707": April 21 (25) of now
                return day
        if own is None and dct is not None:
            years = _years_before_its_anniversary(tok)
            if years is not None:
                # "commemorated the second anniversary of the crackdown": that many years before the
                # anniversary's day
                mark = self._dating_of(tok.head.head, dct)
                back = _years_back(mark, years)
                if back is not None:
                    return back
        if own is None and dct is not None and _since_then(tok):
            then = self._last_date_before(tok)
            if then is not None and then.range_start < dct:  # (not "which I still own today")
                # "resigned in January and since then he has been raising concerns": from then up to now
                return anchoring.Dating(then, then.range_start, dct, "narrative")
        if own is not None and self._far_span(tok, own, dct):
            own = None  # "has analysed the effects of pollution over 2000 - 2050": the span studied, not the study's
        if own is not None and ((self._ahead_of_past(tok, own, dct) and (self._target(own) or called_on(tok) is not None))
                                or (tok.lemma_.lower() in MOVING_VERBS and _moves_a_thing(tok)
                                    and _MOVED_TO.search(self.text, max(0, own.start - 8), own.start))):
            own = None  # "postponed the vote until Tuesday", "declared a dividend payable Dec. 1", "called for a
            # summit in July", "the date was changed to May 5": where the action points, not when it happened
        if (own is not None and dct is not None and anchoring.gives_time_until(tok) and anchoring.has_range(own)
                and own.range_end >= dct and anchoring.word_before(tok.doc, own) in anchoring.UNTIL_WORDS):
            own = None  # "The court gives him until March 29 to leave", "Police have until Sunday to file charges":
            # the time given, not the giving's
        if (own is not None and own.type == "DURATION" and self._ahead_of_present(tok, own, dct)
                and any(c.dep_ in ("dobj", "xcomp") or (c.dep_ == "prep" and any(g.i in self.trigger_ids for g in c.children))
                        for c in tok.children if c.i in self.trigger_ids or c.dep_ == "prep")):
            own = None  # "The two countries agree to a deal over the next decade": the deal's span, not the agreeing's
        # (not an act with a date of its own words, or of the gerund it is the object of: "sentenced for the
        # October 12, 2000 bombing", "accused of orchestrating an attack in Karachi last year")
        itself = anchoring.dependent_timex(tok, direct, ids) if own is None else None  # (read once: `inner` below)
        looming = self._looming(tok)
        dated_itself = own is None and (tok.i in self.timex_tokens or (
            itself is not None and tok.left_edge.idx <= itself.start < tok.idx and anchoring.has_range(itself)))
        # (a date written before the noun, in its phrase; not one after it, often the verb's: "ends its mission on
        # 31 December")
        judged = roles.judging_verb(tok) if own is None and not dated_itself and not (
            tok.dep_ == "dobj" and tok.head.tag_ == "VBG" and tok.head.i in direct) and not looming else None
        # (not "a suspect in the planned attack": still to come)
        # what the act an event noun names came before, whatever date that act has: the sentence for it, the
        # protest against it, the celebrating of it
        before_act = None if own is not None or dated_itself or tok.pos_ != "NOUN" or looming else (
            judged if judged is not None and judged.lemma_.lower() in JUDGED_BEFORE else None) or (
            roles.protest_against(tok) or roles.doer_of(tok) or roles.reviewed_by(tok) or self.reaction_to(tok, dct) or self._commemorated(tok)
            or (self._came_before(tok, direct) if modality in ("asserted", "reported") else None)
            # (not "arrested in connection with a planned attack": still to come)
            or (ended_by(tok) if modality != "expected" else None)  # (what is ended was there up to its end)
            or self._discussed_by(tok, direct, modality) or self._topic_of(tok, direct, modality)
            or anchoring.followed_in_passive(tok))
        if own is None and before_act is None:
            # (not "sentenced him on Thursday for the murder": the act judged came before its judging; nor "a
            # demonstration on May 3 against budget cuts": what is protested came before the protest)
            own = anchoring.inherited_timex(tok, direct, ids, self.lexicon.expectation_verbs)
            if own is not None and tok.dep_ == "conj" and (self._past_under_present(tok, own, dct)
                                                           or (modality == "expected" and tok.pos_ == "VERB")):
                own = None  # "the broadcasts began on August 10 and South Korea says ...": now, not then; "was
                # founded in March 2011, but has still to become operational": still to come
        if own is None:
            # The date of an event inside the trigger's phrase ("took the child in a raid on April 22"),
            # unless it cannot be this event's time: a date after publication under a verb in the past
            # ("announced plans to build a plant next year", "promised a referendum next year").
            inner = itself
            if (inner is not None and inner.value == "PAST_REF" and inner.start > tok.idx
                    and anchoring.tense(anchoring.clause_verb(tok)) == "present"):
                inner = None  # "votes to impeach the president over his recent attempt": how long ago the
                # attempt was is no time of the vote told in the news present
            if inner is not None and dct is not None:
                at = self.dated_at.get(id(inner))
                if (at is not None and _is_anniversary(tok.doc[at]) and _of_phrase(tok.doc[at], inner)
                        and tok.is_ancestor(tok.doc[at])):
                    # "took part in a remembrance of April 25, 1707": on the remembrance's day, this year's
                    day = self._dating_of(tok.doc[at], dct)
                    if day.date_start is not None:
                        return day
            if inner is not None and id(inner) in self.names and not _in_time_phrase(self.roots[id(inner)]):
                # "opposes the boycott of Euro 2012", "reflected on the Euro 2012 scandal": a name's year (but "by
                # the opening of the 2000 Olympics" is a time)
                inner = None
            if inner is not None and id(inner) in self.retold:
                inner = None  # "criticised the invasion in 1941": the invasion's year, not the criticism's
            if inner is not None and dct is not None and anchoring.reports_a_span(tok, inner, dct):
                inner = None  # "Russia reports 635 deaths in the past 24 hours": the deaths' span, the report's day
            if inner is not None and tok.lemma_.lower() in COMMITMENT_VERBS and self._in_infinitive(tok, inner):
                story = self.narrative.before(tok.idx)
                if (story is not None and anchoring.has_range(story) and anchoring.has_range(inner)
                        and inner.range_start > story.range_end):
                    # "In February, ... agreed to release him on 17 April": the release's day, later than the
                    # story's, not the agreement's (but "voted to support the republic Friday": that day's vote)
                    inner = None
            if inner is not None and not self._ahead_of_past(tok, inner, dct) and not self._past_under_present(tok, inner, dct) \
                    and not self._ahead_of_present(tok, inner, dct):
                own = inner
                if dct is not None and anchoring.has_range(inner) and inner.range_start <= dct and any(
                        c.dep_ == "prep" and c.lower_ == "since" and c.idx < inner.start < c.right_edge.idx + 1
                        for c in tok.children):
                    # "has remained apathetic since the collapse of the Soviet Union 20 years ago": from then on
                    return anchoring.Dating(inner, inner.range_start, dct, "explicit")
        if own is None and tok.pos_ == "VERB":
            # "was beaten and denied medical care on May 8, 2011": verbs sharing a subject share the date
            # written after the last of them
            own = next((direct[c.i] for c in tok.children if c.dep_ == "conj" and c.i in direct
                        and self._on_the_verb(c, direct[c.i]) and anchoring.has_range(direct[c.i])
                        and not any(g.dep_ in ("nsubj", "nsubjpass") or g.lower_ in _SEQUENCE_ADVERBS
                                    for g in c.children)
                        and anchoring.tense(c) == anchoring.tense(tok) in ("past", "perfect")
                        and not self._ahead_of_past(tok, direct[c.i], dct)), None)
        if own is None and tok.pos_ == "VERB" and any(c.dep_ == "auxpass" for c in tok.children):
            # "Six people were killed and 58 injured in a car bomb attack on Friday": a gapped passive shares
            # the happening both came in, and its date
            own = next((tx for c in tok.children if c.dep_ == "conj" for v in _gapped_passives(c)
                        if (tx := anchoring.dependent_timex(v, direct, ids)) is not None and anchoring.has_range(tx)
                        and not self._ahead_of_past(tok, tx, dct)), None)
        if own is None:
            when = anchoring.when_clause_timex(tok, self.timex_at)
            if when is not None and anchoring.has_range(when):
                # "since early December, when Castro promised ...": on that date, whatever "since" says
                return anchoring.Dating(when, when.range_start, when.range_end, "explicit")
        if own is None and occurs(tok, self.lexicon):
            # "Next year's competition is scheduled to take place in Mexico": a happening's verb of
            # occurring is when that happening is, as its own words date it
            subj = roles.passive_or_active_subject(tok)
            if subj is not None and subj.i in ids and subj.i in direct and anchoring.has_range(direct[subj.i]):
                own = direct[subj.i]
        if own is None and tok.pos_ == "VERB" and dct is not None:
            subj = next((c for c in tok.children if c.dep_ == "nsubj" and c.i in ids), None)
            recent = direct.get(subj.i) if subj is not None else None
            if (recent is not None and recent.value in anchoring.PAST_REFS and anchoring.tense(tok) == "past"
                    and any(c.dep_ == "amod" and recent.start <= c.idx < recent.end for c in subj.children)):
                # "a recent poll found that ...": found when the poll was, some time lately, not on the story's day
                return anchoring.Dating(recent, None, dct, "explicit")
        if own is None and tok.pos_ == "NOUN":
            # "an online discussion to take place on May 18": the happening is when its verb of
            # occurring says
            # (parsed as the noun's clause, or as one of the verb the noun is the object of)
            around = list(tok.children) + ([c for c in tok.head.children if c.dep_ == "advcl" and c.i > tok.i]
                                           if tok.dep_ == "dobj" else [])
            own = next((direct[c.i] for c in around if c.dep_ in ("acl", "relcl", "advcl") and c.i in direct
                        and occurs(c, self.lexicon) and anchoring.has_range(direct[c.i])), None)
        if own is None:
            own = self.narrative.entry_date(tok.idx)  # "2. 5th June - March to the Parliament and submit"
        if own is None and _bare_complement(tok) and tok.head.i in self.trigger_ids:
            # "The finals saw Cloud9 and Immortals face off": when the seeing was
            return self._dating_of(tok.head, dct)
        followed = anchoring.followed_by(tok)
        if (own is None and followed is not None and before_act is None and judged is None
                and tok.lemma_.lower() in CONTEST_VERBS and followed.lemma_.lower() in CONTEST_VERBS
                and not any(t.i in self.timex_tokens for t in tok.subtree)):  # (not "after winning the award last year")
            return self._dating_of(followed, dct)  # "wins the Australian Open after defeating Sabalenka in the
            # final": one match, on its day
        later = (before_act or judged or followed or self._spoken_of_by(tok)) if own is None else (
            followed if own.type == "DURATION" and not anchoring.has_range(own) else None)
        # (a length is no date: "launched on September 4 after a two-day delay": the delay came before)
        if later is not None:
            # "was sentenced on May 11 for firebombing a building": the act came before its sentence;
            # "Following the first presidential debate, bloggers wrote": the debate before the writing
            then = self._dating_of(later, dct)
            before = anchoring.open_before(then)
            if before is not None and not (then.date_end is None and later is followed):
                if own is not None:  # "after a 16-hour flight, is scheduled to spend": its length is its own words
                    return anchoring.Dating(own, before.date_start, before.date_end, before.basis)
                return before  # (not what comes after an act still to come: "receives the funds after meeting
                # a list of conditions", "the union strikes after the holidays")
        if (own is None and tok.pos_ == "NOUN" and tok.dep_ == "conj" and tok.head.pos_ == "NOUN" and not looming
                and tok.head.dep_ == "pobj" and tok.head.head.lower_ in _CAME_AFTER_PREPS
                and tok.head.i in self.trigger_ids and tok.head.i not in self._in_dating):
            first = self._dating_of(tok.head, dct)
            if first.date_start is None and first.date_end is not None:
                # "following Maduro's abduction and transfer", "after the bombing and looting of the shop": some
                # time before, as the happening it is joined to after "after" (not "a fire and explosion cause ...")
                return first
        upper = anchoring.ancestor_timex(tok, direct) if own is None else None
        if upper is not None and self.roots[id(upper)] is not None and anchoring.record_time(self.roots[id(upper)]):
            upper = None  # "enter Aleppo for the first time since 2016, with heavy fighting reported": a record's
            # baseline dates no clause below it
        if upper is not None and id(upper) in self.since_bounds and anchoring.clause_verb(tok).dep_ == "ccomp":
            upper = None  # "Prado unveiled a statistic: convicts have died since 1999" (parsed as the statistic's
            # clause): no time of the unveiling (but "Since 1983, it has shed 70 businesses while acquiring 55")
        if upper is not None and anchoring.has_range(upper) and not self._ahead_of_past(tok, upper, dct):
            # (not "plans on Tuesday to screen an advertisement made last week, before Slepian died": a past
            # verb is not on a day after publication)
            # A past clause under a dated one ("said Saturday they cleared the road"): the story's
            # time at that point, not the event's own words -> basis "narrative".
            verb = anchoring.clause_verb(tok)
            if anchoring.pluperfect(verb) or anchoring.used_to(verb) or anchoring.about_a_name(verb) or (
                    upper.value == "PRESENT_REF" and anchoring.tense(verb) in ("past", "perfect")
                    and self._present_now(upper, tok.doc)):
                # "said Saturday they had cleared the road", "broke the news on May 11 that the Archbishop
                # had decided not to renew", "are now speaking up about the man convicted of raping her": done by then
                return anchoring.Dating(upper, None, upper.range_end, "narrative")
            return anchoring.Dating(upper, upper.range_start, upper.range_end, "narrative")
        dating = anchoring.date_event(tok, own, self.narrative, dct, modality)
        return dating if own is not None else self._undated_told(tok, dating, dct)

    def _came_before(self, tok: "Token", direct: dict[int, Timex]) -> "Token | None":
        """The verb of the act an event noun came before ("arrested on Sunday after the firebombing", "hands over
        suspects in connection with the bombings": see `anchoring.followed_by`), when no date of the noun's own
        can be meant (`_no_date_of_its_own`)."""
        verb = anchoring.followed_by(tok)
        return verb if verb is not None and self._no_date_of_its_own(tok, verb, direct) else None

    def _no_date_of_its_own(self, tok: "Token", verb: "Token", direct: dict[int, Timex]) -> bool:
        """No date can be the event noun's own, so that it is told as before `verb`: it is no time ("since the
        beginning of May"), has no date in its own words ("after the start of the trial on June 24"), and the
        verb's date is not written after it, where the parse may have given it the noun's ("began after the
        invasion last August")."""
        if tok.i in self.timex_tokens or anchoring.dependent_timex(tok, direct, self.trigger_ids) is not None:
            return False
        told = direct.get(verb.i)
        return told is None or told.start < tok.idx

    def _topic_of(self, tok: "Token", direct: dict[int, Timex], modality: str) -> "Token | None":
        """The noun of talk or inquiry a known happening is the topic of ("comments by its host regarding Charlie
        Kirk's killing", "an investigation into the leaking of information"): the happening came before it; not one
        still to come or a happening with a date of its own (`_no_date_of_its_own`)."""
        prep = tok.head
        if not (tok.dep_ == "pobj" and prep.lower_ in TOPIC_NOUN_PREPS and prep.head.i != prep.i
                and modality in ("asserted", "reported") and definite(tok)):
            return None
        noun = _topic_noun_above(prep)
        if noun is None or any(tok.idx < tx.start < tok.sent.end_char for tx in self.timexes):
            return None  # (not "opened an investigation into his resignation in September 2023": its own date)
        return noun if self._no_date_of_its_own(tok, noun, direct) else None

    def _discussed_by(self, tok: "Token", direct: dict[int, Timex], modality: str) -> "Token | None":
        """The verb that discusses the happening a noun names ("reflects on Charles Taylor's verdict", "commented
        on the ruling"): the happening came before it; not one still to come ("spoke about the upcoming
        election", "are talking about layoffs"), nor one with a date of its own (`_no_date_of_its_own`: "talked
        about the protest on Monday")."""
        prep = tok.head
        verb = prep.head
        if not (tok.pos_ == "NOUN" and tok.dep_ == "pobj" and prep.lower_ in ("on", "about") and verb.pos_ == "VERB"
                and verb.lemma_.lower() in DISCUSSING_VERBS and modality in ("asserted", "reported")
                and verb.i not in self._in_dating):  # (the verb's own dating asks for the noun's: "wrote about the killing")
            return None
        t = anchoring.tense(verb)
        if t == "future" or not (definite(tok) or t in ("past", "perfect")):
            return None  # (a bare noun in the present is what may come: "they're talking about layoffs")
        return verb if self._no_date_of_its_own(tok, verb, direct) else None

    def stretch_before(self, tok: "Token", dating: anchoring.Dating, modality: str) -> anchoring.Dating | None:
        """The stretch a past state was, measured by its words, up to the end its dating gives: a noun's length
        after "after" ("resumes after a 17-year suspension"), a participle's or a gerund's "for" or object
        ("men detained in Thailand for over a decade are deported", "released after serving ten years"). From
        that long before the end (no start for "over", "more than": some time before), to the end."""
        if (dating.basis != "publication" or dating.date_end is None or modality not in ("asserted", "reported")
                or dating.date_start not in (None, dating.date_end)):
            return None
        if tok.pos_ == "NOUN":
            if not (tok.dep_ == "pobj" and tok.head.lower_ in anchoring.AFTER_WORDS):
                return None
            measures = [c for c in tok.children if c.dep_ in ("compound", "amod", "nummod")]
        elif (tok.tag_ == "VBN" and (tok.dep_ == "acl" or anchoring.bare_participle(tok))
              or tok.tag_ == "VBG" and tok.dep_ == "pcomp" and tok.head.lower_ in anchoring.AFTER_WORDS):
            # (a bare participle, wherever the parse hangs it: "men detained for over a decade are deported")
            if tok.lemma_.lower() in TERM_VERBS | ENDING_VERBS:
                return None  # "pardons a couple jailed for 15 years": the term given, not the time spent; "after
                # ending four days of meetings": the meetings' length, not the ending's
            measures = [g for c in tok.children if c.dep_ == "prep" and c.lower_ == "for"
                        for g in c.children if g.dep_ == "pobj"] + [c for c in tok.children if c.dep_ == "dobj"]
        else:
            return None
        for m in measures:
            tx = self.timex_at.get(m.i)
            count = COUNT_VALUE.match(tx.value or "") if tx is not None and tx.type == "DURATION" else None
            if count is None:
                continue
            if _MORE_THAN.search(self.text, max(0, tx.start - 12), tx.end):
                return anchoring.Dating(tx, None, dating.date_end, "explicit")
            try:
                start = shift(Period("day", dating.date_end), -int(count.group(1)), COUNT_UNITS[count.group(2)]).start
            except ValueError:
                return None
            return anchoring.Dating(tx, start, dating.date_end, "explicit")
        return None

    def _looming(self, tok: "Token") -> bool:
        """A happening's noun told as still to come by its adjective ("the coming war", "the looming famine", "the
        proposed embargo", "the planned attack"): the modality reader's words."""
        return any(self.modal.coming(c) for c in tok.children)

    def _undated_told(self, tok: "Token", dating: anchoring.Dating, dct: dt.date | None) -> anchoring.Dating:
        """What `date_event` gave an event with no date of its own, read once more against the story around it:
        the days after a date it goes on after, a speaker heard on the news day, what a past clause said would
        come."""
        if (dct is not None and tok.dep_ in ("xcomp", "advcl", "ccomp") and dating.basis == "publication" and dating.date_start == dct
                and any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children)
                and ((dating.date_end is None and tok.dep_ == "xcomp" and tok.head.lemma_.lower() in TRIED_HEADS
                      and anchoring.tense(tok.head) == "past")
                     or (tok.head.tag_ == "VBG" and roles.judging_verb(tok.head) is not None))):
            # "migrants who attempted to enter Ceuta", "the injunction was supposed to block Apple": tried when
            # the trying was, not from now on; "jailed for helping the gang to smuggle migrants": done when the
            # judged act was
            return self._dating_of(tok.head, dct)
        verb = anchoring.clause_verb(tok)
        if (dct is not None and tok.i == verb.i and dating.basis == "publication" and dating.date_start == dct
                and dating.date_end == dct and anchoring.tense(verb) == "present" and self._introduces_a_text(verb)):
            # "In Ecuador, Iván Petroff shares some of his work:" then the post: the round-up's present of a
            # text written some time before publication, as that text is
            return anchoring.Dating(dating.timex, None, dct, "publication")
        if (dct is not None and tok.i == verb.i and _perfect_infinitive(verb) and verb.head.i in self.trigger_ids
                and verb.head.lemma_.lower() not in self.lexicon.expectation_verbs):
            # "was believed to have died", "are reported to have signed the deal": done by the time of the
            # believing or the report (not "hope to have completed the count": still to come)
            before = anchoring.open_before(self._dating_of(verb.head, dct))
            if before is not None:
                return before
        stretch = _since_clause_head(tok) if dct is not None and tok.i == verb.i and dating.basis == "publication" else None
        if stretch is not None:
            # "Israel has violated the ceasefire 84 times since the agreement was announced", "prices have risen
            # since the war began": what starts the stretch came before it, not on the news day (a story's time
            # carried to it stays: "Back in 2008 protests broke out. Since the government lifted its ban, ...")
            before = anchoring.open_before(self._dating_of(stretch, dct))
            if before is not None:
                return before
        answered = cause_verb(tok) if dct is not None and tok.pos_ == "NOUN" and dating.basis == "publication" else None
        if (answered is not None and dating.date_start == dct and dating.date_end in (dct, None)
                and self._dating_of(answered, dct).date_end is None):
            # "calls on the Council to suspend relations due to human rights violations": what a plan answers is
            # there by now, not begun on the news day
            return anchoring.Dating(dating.timex, None, dct, "publication")
        if (dct is not None and tok.pos_ == "NOUN" and tok.dep_ in ("nsubj", "nsubjpass") and tok.head.i == verb.i
                and dating.basis == "publication" and dating.date_start == dating.date_end == dct
                and anchoring.tense(verb) == "present" and not occurs(verb, self.lexicon)
                and verb.lemma_.lower() not in SUBJECT_NEWS_VERBS):
            # "The suspension of the judge is turning into an embarrassing drama": what a happening's name in
            # the present is said of has happened (or is under way) by now, not on the publication day itself
            return anchoring.Dating(dating.timex, None, dct, "publication")
        topic = self._written_about(tok) if dct is not None and dating.basis == "narrative" else None
        if (topic is not None and dating.date_start is not None and dating.date_start == dating.date_end < dct
                and self._dating_of(topic, dct).date_start == dating.date_start):
            # "The blog posted a release regarding the events", told after the day of the events: on that
            # day or after it, by now (what is written about came first)
            return anchoring.Dating(dating.timex, dating.date_start, dct, "narrative")
        if dct is not None and tok.i == verb.i and _later_in_past(verb):
            story = self.narrative.before(tok.idx)
            if story is not None and anchoring.has_range(story) and story.range_end <= dct:
                # "Rivera collapsed on May 3 ... The Yankees would later confirm": after that day, by now
                return anchoring.Dating(story, story.range_start, dct, "narrative")
        coming = self._looming(tok)
        if coming and tok.pos_ == "NOUN" and dating.basis == "publication" and dating.date_start == dating.date_end == dct:
            return anchoring.Dating(dating.timex, dct, None, dating.basis)  # "warn of the coming war": from now on
        earlier = _told_earlier(tok) if tok.pos_ == "NOUN" else frozenset()
        if (dating.basis in ("publication", "narrative") and dating.date_start is not None and not coming
                and dating.date_start == dating.date_end and tok.pos_ == "NOUN" and (
                    tok.lemma_.lower() in LASTING_NOUNS or earlier)):
            # "what it described as the US war against it in southern Yemen": under way by then, not begun that day;
            # "denies previous reports of a rift", "cites earlier attacks on the camp": before the clause's day
            return anchoring.Dating(dating.timex, None, dating.date_end, dating.basis)
        if (dating.basis == "publication" and dating.date_start == dct and dating.date_end is None and tok.pos_ == "NOUN"
                and ((tok.lemma_.lower() in LASTING_NOUNS and definite(tok)) or (earlier and not earlier & SOONER_ADJECTIVES))
                and not coming):
            # "will increase its stockpile, citing Russia's war on Ukraine", "tries to break the blockade": the
            # war the clause still to come names is under way already (not "the coming war"); "will repeat past
            # offensives": they came before (not "call for earlier elections", "to obtain prior approval": earlier
            # than a time still to come)
            return anchoring.Dating(dating.timex, None, dct, dating.basis)
        if (dating.basis == "narrative" and dating.timex is not None and dct is not None
                and id(dating.timex) in self.after_dates and dating.timex is not self.narrative.news_day
                and dating.date_start == dating.timex.range_start
                and anchoring.tense(anchoring.clause_verb(tok)) in ("past", "perfect")):
            # "Following the 8 May firebombing, police arrested two men ... one was released on bail": on that
            # day or later, by now -- not on that day
            return anchoring.Dating(dating.timex, dating.date_start, dct, "narrative")
        news = self.narrative.news_day
        if (dating.basis == "narrative" and dating.timex is not None and news is not None
                and dating.timex is not news and dating.date_end is not None and news.range_start is not None
                and (news.range_start - dating.date_end).days > anchoring.NEWS_DAY_WINDOW
                and self.modal.is_reporting(tok) and self.quotes.containing(tok.idx) is None
                and (any(a < tok.sent.end_char and tok.sent.start_char < b for a, b in self.quotes.spans)
                     or any(c.dep_ == "ccomp" for c in tok.children))):
            # "Mari Ángeles was forced to retire a year ago. 'My son is at the strike,' she explained": the
            # reporter heard her on the news day, not a year ago
            return anchoring.Dating(news, news.range_start, news.range_end, "narrative")
        if dating.basis == "publication" and dating.date_start == dct and dating.date_end is None:
            then = anchoring.future_in_past(anchoring.clause_verb(tok))
            if then is not None:
                # "Many voters had hoped that this debate would help them": to come after the hoping, which
                # was before now, not from publication on
                pred = next((c for c in then.children if c.dep_ in ("acomp", "attr") and c.i in self.dated), None)
                if then.i not in self.dated and pred is not None:
                    then = pred  # "thought it was unlikely that she would get a post": when the unlikeliness was
                was = self._dating_of(then, dct)
                return anchoring.Dating(was.timex, was.date_start, None, was.basis if was.date_start else "publication")
        return dating

    def _introduces_a_text(self, verb: "Token") -> bool:
        """The verb's sentence ends in the colon that sets a quoted text apart, a speech verb's or a writing
        verb's ("Iván Petroff shares some of his work:", "Blogger X writes:")."""
        sent = verb.sent
        colon = next((c for c in self._intro_colons if self._intro_roots.get(c) == verb.i
                      and sent.start_char <= c and not self.text[c + 1:sent.end_char].strip()), None)
        return (colon is not None and verb.lemma_.lower() in ROUND_UP_VERBS
                and not any(sent.start_char <= tx.start < colon for tx in self.timexes)
                and not any(t.lower_ in LIVE_REPORTERS for t in sent))
        # (not news of the day: "The minister says:", "Our correspondent at the scene writes:", "10:45 ...")

    def intro_day(self, quote: tuple[int, int]) -> anchoring.Dating | None:
        """The single day the intro of a text set apart dates its main verb with ("Amnesty issued a statement
        on Monday:", "On Tuesday, voters tweeted:"), if any."""
        root = self._intro_roots.get(self.quotes.introduced.get(quote, -1))
        if root is None:
            return None
        d = self.dated.get(root)
        if (d is None or d.basis not in ("explicit", "narrative") or d.timex is None or d.date_start is None
                or d.date_start != d.date_end):
            return None
        return d

    def reaction_to(self, tok: "Token", dct: dt.date | None) -> "Token | None":
        """The reaction to a known happening ("will react to the mass beating", "responded to this result"),
        when the reaction's own words do not date them both ("offered in response to the protests last
        winter")."""
        reaction = roles.reacted_to(tok) if definite(tok) else None
        if reaction is None or self._dating_of(reaction, dct).basis == "explicit":
            return None
        return reaction

    def _dating_of(self, tok: "Token", dct: dt.date | None) -> anchoring.Dating:
        """The dating of another event the date of this one follows from: as given already, else read now."""
        return self.dated.get(tok.i) or self.dating(tok, dct, "asserted")

    def _commemorated(self, tok: "Token") -> "Token | None":
        """The verb that celebrates or remembers the happening `tok` names, when that verb is dated by no full
        date ("celebrated the launch of the first shuttle Tuesday"; not "celebrated its entry into NATO on
        March 12, 1999", whose date is the entry's)."""
        verb = roles.commemorated_by(tok)
        own = self.direct.get(verb.i) if verb is not None else None
        return verb if verb is not None and (own is None or own.relative) else None

    def _written_about(self, tok: "Token") -> "Token | None":
        """The happening a past verb of writing or reporting is about ("posted a release regarding the events",
        "blogged about the protests"): an event noun after "about", "regarding" or "concerning" (or "on", after
        a verb of writing or "report") hung on the verb or on its object, not an anniversary (an occasion)."""
        if tok.pos_ != "VERB" or anchoring.tense(tok) not in ("past", "perfect") or not (
                self.modal.is_reporting(tok) or tok.lemma_.lower() in WRITING_VERBS):
            return None
        holders = [tok] + [c for c in tok.children if c.dep_ == "dobj"]
        preps = TOPIC_PREPS | ({"on"} if tok.lemma_.lower() in WRITING_VERBS or tok.lemma_.lower() == "report" else frozenset())
        return next((p for h in holders for prep in h.children if prep.dep_ == "prep" and prep.lower_ in preps
                     for p in prep.children if p.dep_ == "pobj" and p.i in self.trigger_ids and p.pos_ == "NOUN"
                     and p.lemma_.lower() not in ANNIVERSARY_NOUNS), None)

    def _spoken_of_by(self, tok: "Token") -> "Token | None":
        """The verb of speech a happening is the passive subject of ("The death of Ampon is described by many as
        a shame", "The move has been criticized widely"): it happened before that speaking."""
        head = tok.head
        if (tok.pos_ == "NOUN" and tok.dep_ == "nsubjpass" and head.i != tok.i and self.modal.is_reporting(head)
                and anchoring.tense(head) != "future"):  # (not "the campaign will be launched")
            return head
        return None

    def _present_now(self, now: Timex, doc: "Doc") -> bool:
        """The "now" dates a clause told from the present ("Now Jordanians are speaking up", "have now
        sunk"), not the "now" of a past narrative ("now we were barricaded in"), which is the story's then."""
        at = self.dated_at.get(id(now))
        return at is not None and anchoring.tense(anchoring.clause_verb(doc[at])) not in ("past", "untensed")

    def _last_date_before(self, tok: "Token") -> Timex | None:
        """The last calendar date written before the token in its sentence or the one before ("The list
        began in 1950. Since then, ..."), whatever clause holds it: what "then" points back to."""
        doc = tok.doc
        start = doc[tok.sent.start - 1].sent.start if tok.sent.start > 0 else 0
        for i in range(tok.i - 1, start - 1, -1):
            tx = self.timex_at.get(i)
            if tx is not None and tx.type == "DATE" and anchoring.has_range(tx):
                return tx
        return None

    def _in_infinitive(self, verb: "Token", tx: Timex) -> bool:
        """The date dates an infinitive the verb governs ("agreed to release him on 17 April")."""
        at = self.dated_at.get(id(tx))
        node = verb.doc[at] if at is not None else None
        while node is not None and node.i != verb.i and node.head.i != node.i:
            if node.dep_ == "xcomp" and node.head.i == verb.i and any(c.lower_ == "to" for c in node.children):
                return True
            node = node.head
        return False

    def _on_the_verb(self, verb: "Token", tx: Timex) -> bool:
        """The date is written after the verb and modifies it directly ("burnt early this morning",
        "denied care on May 8"), not a phrase inside its object ("exceeded 10% of 2000 levels")."""
        root = anchoring.timex_root(verb.doc, tx)
        if root is None or tx.start < verb.idx or root.dep_ in anchoring.ARGUMENT_DEPS:
            return False  # "honored the day": an object, not a time
        head = root.head
        return head.i == verb.i or (head.dep_ == "prep" and head.head.i == verb.i)

    def _ahead_of_past(self, tok: "Token", tx: Timex, dct: dt.date | None) -> bool:
        """A date after publication cannot be the time of a verb in the past tense or the present perfect
        ("has announced a discussion to take place on May 18", "has been delayed until December"), except
        for the words of a schedule ("was set to resume Monday"); a noun keeps its date ("the visit in
        September")."""
        return (dct is not None and tok.pos_ in ("VERB", "AUX") and anchoring.has_range(tx) and tx.range_start > dct
                and tok.lower_ not in self.lexicon.expectation_adjectives
                and (anchoring.finite_past(tok) or anchoring.present_perfect(tok))) or self._far_span(tok, tx, dct)

    def _far_span(self, tok: "Token", tx: Timex, dct: dt.date | None) -> bool:
        """A range written with two ends, begun before publication and reaching more than FAR_AHEAD_DAYS past it,
        is what a done act is about, not its time ("has analysed the effects of pollution over 2000 - 2050"; not
        "sales have doubled this decade", one expression)."""
        span = self.intervals.get(id(tx))
        return (dct is not None and span is not None and tok.pos_ in ("VERB", "AUX") and tx.range_start is not None
                and span[2] < dct and (span[3] - dct).days > FAR_AHEAD_DAYS
                and tok.lower_ not in self.lexicon.expectation_adjectives
                and (anchoring.finite_past(tok) or anchoring.present_perfect(tok)))

    @staticmethod
    def _past_under_present(tok: "Token", tx: Timex, dct: dt.date | None) -> bool:
        """A past date inside the phrase of a verb in the present or the future is the time of that
        phrase's event, not of the verb ("controversy continues to surround the May 8 firebombing", "police
        are investigating the May 8 attack", "Replicating last October 15, protests will converge")."""
        return (dct is not None and tok.pos_ in ("VERB", "AUX") and anchoring.has_range(tx) and tx.range_end < dct
                and anchoring.tense(anchoring.clause_verb(tok)) in ("present", "future"))

    @staticmethod
    def _ahead_of_present(tok: "Token", tx: Timex, dct: dt.date | None) -> bool:
        """A date after publication inside the phrase of a verb in the simple present is the time of that
        phrase's event, not of the verb ("They summarize the policy, which is expected to be announced next
        month": the summary is now)."""
        return (dct is not None and tok.pos_ == "VERB" and tok.tag_ in ("VBZ", "VBP") and anchoring.has_range(tx)
                and tx.range_start > dct and anchoring.tense(anchoring.clause_verb(tok)) == "present")

    def _target(self, tx: Timex) -> bool:
        """The date is where an action points ("until Tuesday", "for early December", "payable Dec. 1"),
        not when it happened."""
        before = self.text[max(0, tx.start - 12):tx.start].split()
        return bool(before) and before[-1].lower() in self.lexicon.target_words

    def _noun_place(self, t: "Token") -> str | None:
        return self.own_place.get(t.i) or self.place_by_lemma.get(self._place_key(t))

    def place(self, tok: "Token", kind: str) -> str | None:
        place = self._noun_place(tok) if kind == "NOUN" else self.own_place[tok.i]
        if place is None and kind == "NOUN" and tok.dep_ in ("nsubj", "nsubjpass"):
            # "the meeting took place in Oslo", "the summit is set to open in Geneva"
            head = tok.head
            place = self.own_place.get(head.i) or next(
                (self.own_place[c.i] for c in head.children if c.dep_ == "xcomp" and self.own_place.get(c.i)),
                None)
        if place is None:
            for n in roles.related_event_nouns(tok):
                if n.i in self.kinds and (place := self._noun_place(n)):
                    break
        return place

    def _same_paragraph(self, tok: "Token", t: "Token | None") -> "Token | None":
        """`t` when no paragraph break lies between it and `tok`: a parse that joins two paragraphs
        ("... in 2006\n\nGreek court rules") gives no argument across them."""
        if t is None:
            return None
        return None if crosses_paragraph(self.text, tok.idx, t.idx) else t

    def _outside_timex(self, t: "Token | None") -> "Token | None":
        """A participant is never a time: "arrested two men days after the attack" parsed with "days" as
        the object's head keeps "two men"."""
        if t is None or t.i not in self.timex_tokens:
            return t
        nouns = [c for c in t.lefts if c.pos_ in ("NOUN", "PROPN") and c.i not in self.timex_tokens]
        return nouns[-1] if nouns else None

    def _for_to_subject(self, tok: "Token") -> "Token | None":
        """The subject a "for" gives an infinitive the parser hung on the verb before it ("demanded for the
        radio station to retract the statement", "voted for an Arab force to protect Saudi Arabia"): the
        station retracts. Not a thing or a time ("filed for clearance to buy", "for one minute to get him")."""
        doc = tok.doc
        if tok.dep_ != "advcl" or tok.i < 3 or doc[tok.i - 1].lower_ != "to" or tok.head.i == tok.i:
            return None
        head = tok.head
        if not (head.pos_ == "ADJ" or head.lemma_.lower() in self.lexicon.directive_verbs | self.lexicon.asking_for_verbs):
            return None  # ("gathered for the vigils to protest": their purpose, the gatherers protest)
        prep = next((c for c in tok.head.children if c.dep_ == "prep" and c.lower_ == "for"), None)
        obj = next((c for c in prep.children if c.dep_ == "pobj"), None) if prep is not None else None
        if (obj is None or obj.right_edge.i != tok.i - 2 or obj.i in self.trigger_ids or obj.i in self.timex_tokens
                or obj.pos_ not in ("NOUN", "PROPN")):
            return None
        return obj

    def arguments(self, tok: "Token", kind: str, place: str | None
                  ) -> tuple[str | None, str | None, list[Participant], "Token | None"]:
        """Agent, patient and named participants, and the word the agent was read from."""
        ents = self.ents
        agent_t = self._for_to_subject(tok) or self._same_paragraph(tok, self._outside_timex(roles.agent_token(tok, kind)))
        patient_t = self._same_paragraph(tok, self._outside_timex(roles.patient_token(tok, kind)))
        agent = ents.phrase(agent_t) if agent_t is not None else None
        if agent_t is not None and agent_t.dep_ == "nsubj" and anchoring.lets(agent_t.head):
            agent = "us"  # "Let's talk": the speaker and those spoken to, not "'s"
        if agent_t is not None and agent_t.lower_ in roles.PERSONAL_PRONOUNS and self.speakers.said_by(tok):
            agent = self.speakers.said_by(tok)  # "he said": the speaker found for this verb
        patient = ents.phrase(patient_t) if patient_t is not None else None
        parts = roles.participants(tok, kind, agent_t, patient_t, place, ents)
        if agent_t is not None and agent_t.i not in ents.by_token and agent != agent_t.text:
            parts.insert(0, Participant(agent, "PERSON", "agent"))  # a resolved pronoun
        return agent, patient, parts, agent_t


class _Sentences:
    """The sentences of a document, found by token index (`Token.sent` rescans the document each call)."""

    def __init__(self, doc: "Doc"):
        self._sents = list(doc.sents)
        self._starts = [s.start for s in self._sents]

    def of(self, i: int) -> "Span":
        return self._sents[bisect.bisect_right(self._starts, i) - 1]


class _QuoteSpeakers:
    """Who said what: the subject of the reporting verb that introduces a quote or a content clause.

    A pronoun speaker ("he said") is the last person named as a speaker before it, else the last
    person named at all: in news, "he said" nearly always continues the previous attribution.
    """

    def __init__(self, doc: "Doc", text: str, quotes: Quotes, modal: ModalityReader,
                 ents: roles.DocEntities, sentences: "_Sentences"):
        self.doc = doc
        self.text = text
        self.sentences = sentences
        self.quotes = quotes
        self.modal = modal
        self.ents = ents
        self._by_quote: dict[tuple[int, int], str | None] = {}
        self._quote_verb: dict[tuple[int, int], int | None] = {}
        self._by_verb: dict[int, str | None] = {}
        last_named: str | None = None
        named_at = -1  # where the last speaker was named
        for t in doc:
            if not modal.is_reporting(t):
                continue
            subj = roles.subject_of(t)
            if subj is None:
                self._by_verb[t.i] = None
                continue
            later = ents.person_for_pronoun(subj) if subj.lower_ in roles.PERSONAL_PRONOUNS else None
            if (later is not None and later.start > named_at and later.text != last_named and later.text[:1].isupper()
                    and roles.is_subject(later) and ents.gender_of(later.text) == roles.PRONOUN_GENDER[subj.lower_]):
                # "Ruelle said ... Paul Bonjawo studies law. He explains": a person named as a subject since the
                # last speaker, known to be one the pronoun can mean, whom it goes on with
                who = later.text
            elif subj.lower_ in roles.PERSONAL_PRONOUNS and last_named is not None and ents.may_be(last_named, subj.lower_):
                who = last_named
            else:
                who = ents.phrase(subj)
                ent = ents.by_token.get(subj.i)
                if ent is not None and ent.label_ == "PERSON" and quotes.containing(t.idx) is None:
                    # (not one a quotation tells of: "Michael Jordan reports: ... Tutu urged ... He continues:"
                    # is Jordan)
                    last_named, named_at = who, subj.i
            self._by_verb[t.i] = who

    @cached_property
    def _interviewee(self) -> str | None:
        """Who answers an interview without labels: the one person its headline names ("Wikinews
        interviews Robert Sarvis, Libertarian Party nominee"), else the person the text before the first
        answer names whom the headline names by surname, or whom the lead says Wikinews spoke with ("Wikinews
        spoke with William Evans, president of ..."); None when that is not one person."""
        end = self.text.find("\n")
        end = len(self.text) if end < 0 else end
        people = {self.ents.phrase(e.root) for e in self.doc.ents if e.label_ == "PERSON" and e.end_char <= end}
        if people:
            return people.pop() if len(people) == 1 else None
        lead = min((a for a, _ in self.quotes.answers), default=0)
        headline = self.text[:end]
        by_surname: dict[str, str] = {}
        for e in self.ents.persons_before(lead):  # (not "image: David Shankbone", a picture's credit)
            name = self.ents.phrase(e.root)
            surname = name.split()[-1]
            if re.search(rf"\b{re.escape(surname)}\b", headline) or INTERVIEWED_WHOM.search(
                    self.text, max(0, e.start_char - INTERVIEWER_REACH), e.start_char):
                if len(name) > len(by_surname.get(surname, "")):
                    by_surname[surname] = name  # "Aner Shalev" and "Shalev": one person, the full name
        return next(iter(by_surname.values())) if len(by_surname) == 1 else None

    def said_by(self, verb: "Token") -> str | None:
        """The resolved speaker of a reporting verb (None for other words)."""
        return self._by_verb.get(verb.i)

    def _quote_speaker(self, span: tuple[int, int]) -> str | None:
        if span in self._by_quote:
            return self._by_quote[span]
        if span in self.quotes.posters or span in self.quotes.answers:  # "@handle: ...", "KM: ...": who wrote or said it
            self._by_quote[span] = self.quotes.posters.get(span) or self.quotes.answers[span] or self._interviewee
            self._quote_verb[span] = None
            return self._by_quote[span]
        if span in self.quotes.introduced:  # "Njeri Wangari wrote:" and the paragraph after it
            colon = self.doc.char_span(self.quotes.introduced[span], self.quotes.introduced[span] + 1,
                                       alignment_mode="expand")
            found = verb_i = None
            if colon is not None:
                intro = self.sentences.of(colon[0].i)
                for t in intro:
                    if self._by_verb.get(t.i) is not None:
                        found, verb_i = self._by_verb[t.i], t.i
                if found is None and intro.root.lemma_.lower() not in UNDERGOING_VERBS:
                    # "Kallol Mustafa has specific suggestions on how to revive the industry:", no verb of speech:
                    # the intro's named subject (not "Vladimir Putin faced a wave of mockery online:")
                    subj = roles.subject_of(intro.root) if intro.root.pos_ in ("VERB", "AUX") else None
                    if subj is not None and subj.ent_type_ in roles.NAMED_SUBJECT_TYPES and not is_platform(subj.text):
                        found = self.ents.phrase(subj)  # (not "Twitter is abuzz with comments:")
            self._by_quote[span], self._quote_verb[span] = found, verb_i
            return found
        doc = self.doc
        a, b = span
        first = doc.char_span(a, b, alignment_mode="expand")
        found = None
        verb_i = None
        if first is not None and len(first):
            of = self.sentences.of
            sents = [of(first[0].i)]
            if of(first[-1].i).start != sents[0].start:
                sents.append(of(first[-1].i))
            last = sents[-1]
            # '"...," he said.' may be split off as its own sentence: look there only when it follows
            # the closing quote on the same line.
            if last.end < len(doc) and "\n" not in self.text[b:doc[last.end].idx]:
                sents.append(of(last.end))
            # '"We did it," he said. "And we are proud."': a quote continuing the paragraph's speaker.
            head = sents[0]
            if head.start > 0 and "\n" not in self.text[doc[head.start - 1].idx:a]:
                sents.append(of(head.start - 1))
            for s in sents:
                for t in s:
                    if a <= t.idx < b or t.i not in self._by_verb:
                        continue
                    if self._by_verb[t.i] is not None:
                        found = self._by_verb[t.i]
                        verb_i = t.i
                        break
                if found:
                    break
        self._by_quote[span] = found
        self._quote_verb[span] = verb_i
        return found

    def reporting_verb(self, tok: "Token", quote: tuple[int, int] | None) -> int | None:
        """Index of the reporting verb that introduces the quote or content clause `tok` is in."""
        if quote is not None:
            self._quote_speaker(quote)
            return self._quote_verb.get(quote)
        return next((verb for _, verb in self._up_to_report(tok) if verb is not None), None)

    def speaker(self, tok: "Token", quote: tuple[int, int] | None) -> str | None:
        if quote is not None:
            return self._quote_speaker(quote)
        for node, verb in self._up_to_report(tok):
            source = _according_to(node)  # "according to the ministry, ..."
            if source is not None:
                return self.ents.phrase(source)
            if verb is not None:
                return self._by_verb[verb]
        return None

    def _up_to_report(self, tok: "Token") -> "Iterator[tuple[Token, int | None]]":
        """The clauses up from `tok` (at most 8), each with the reporting verb whose content clause it is,
        if any, where the walk ends: one walk for the speaker and the report's date."""
        node = tok
        for _ in range(8):
            head = (roles.report_conjunct(node) if node.dep_ == "conj" else None) or node.head
            verb = head.i if (head.i != node.i and node.dep_ in ("ccomp", "parataxis")
                              and head.i in self._by_verb) else None
            yield node, verb
            if verb is not None or head.i == node.i:
                return
            node = head


def _according_to(verb: "Token") -> "Token | None":
    """The source an "according to X" on `verb` names, X."""
    if verb.pos_ not in ("VERB", "AUX"):
        return None
    for c in verb.children:
        if c.dep_ == "prep" and c.lower_ == "according":
            for to in c.children:
                for obj in to.children:
                    if obj.dep_ == "pobj":
                        return obj
    return None


def _one_named(speaker: str, ents: roles.DocEntities, quotes: Quotes) -> bool:
    """The speaker is one someone named: a person, a handle, an interview's label, or a capitalized name that
    is no pronoun, no plural ("Residents said:", "Witnesses told Reuters:", whose "I" is each of them) and no
    people or place ("Zimbabweans", "Bogota")."""
    if speaker in ents.person_names or speaker.startswith("@") or speaker in quotes.answers.values():
        return True
    last = speaker.split()[-1] if speaker.split() else ""
    return (speaker[:1].isupper() and speaker.lower() not in SPEAKER_PRONOUNS and speaker not in ents.place_names
            and not (last.endswith("s") and not last.endswith(("'s", "’s", "ss"))))


SPEAKER_PRONOUNS = frozenset({"he", "she", "they", "we", "it", "you", "i", "one"})
_INNER_QUOTE = re.compile(r"(?:^|[\s,:(])[‘'“\"](?=\w)")
_INNER_CLOSE = re.compile(r"\w[’'”\"]")


def _inner_quote_before(text: str, start: int, offset: int) -> bool:
    """A quotation opens between `start` and `offset` and is still open at `offset` (one inside another)."""
    opened = [m.end() for m in _INNER_QUOTE.finditer(text, start, offset + 1)]  # (its word may start at `offset`)
    return bool(opened) and _INNER_CLOSE.search(text, opened[-1], offset) is None


def _looks_person(text: str, ents: roles.DocEntities) -> bool:
    return text in ents.person_names


def _model_lemmas(nlp: "Language | None", components: tuple[str, ...]) -> dict[str, frozenset[str]]:
    """`lemma_index` of `nlp` when given, else of the shared cached pipeline (`load_nlp` of the same
    components, which the pipeline has already loaded: no second model in memory)."""
    from pipeline.nlp import lemma_index, load_nlp

    return lemma_index(nlp if nlp is not None else load_nlp(components))


# verbs of agreeing or deciding to do a later thing: a date inside the infinitive is that thing's, not the
# agreement's ("agreed to release him on 17 April", "decided to hold the vote on May 6")
COMMITMENT_VERBS = event_words()["commitment_verbs"]
FAR_AHEAD_DAYS = 365  # a span ending this far after publication is no done act's time
LASTING_NOUNS = event_words()["lasting_nouns"]  # "the war": under way before now
EARLIER_ADJECTIVES = event_words()["earlier_adjectives"]  # "previous reports": before the clause's time
SOONER_ADJECTIVES = event_words()["sooner_adjectives"]  # "an earlier election": maybe sooner than planned
TRIED_HEADS = ATTEMPT_WORDS | {"suppose"}  # "attempted to enter", "was supposed to block"
PERCEPTION_VERBS = event_words()["perception_verbs"]  # "saw X face off": the complement is then
SANCTIONING_VERBS = event_words()["sanctioning_verbs"]  # "fined the owner over the broadcast": the act before
# the lemmas of the words `roles.judging_verb` finds whose act judged came before them, whatever date they
# have, so that the act takes none of theirs: verbs of sanction, adjectives of guilt, verbs and nouns of a charge
JUDGED_BEFORE = SANCTIONING_VERBS | roles.GUILT_WORDS | roles.CRIME_OF_WORDS


def _preview(doc: "Doc", lead_end: int, ahead: list[Timex]) -> bool:
    """The lead's first sentence with a verb tells what will happen, on a day it names ("the Russian team
    will face Norway ..., tomorrow on May 17"): the news is to come."""
    first = next((sent for sent in doc.sents if sent.start_char < lead_end and sent.root.pos_ in ("VERB", "AUX")
                  and len(sent) >= 5), None)
    if first is None:
        return False
    verb = first.root
    if anchoring.tense(verb) == "untensed":
        # "Undefeated after seven games, ... the Russian team will face Norway": the parser's root is the
        # opening participle; the clause's tense is that of the verb joined to it (not a relative clause's
        # "fans who will travel to Kiev")
        verb = next((t for t in first if t.pos_ in ("VERB", "AUX") and anchoring.tense(t) != "untensed"
                     and t.head.i == verb.i and t.dep_ in ("conj", "ccomp")), verb)
    return anchoring.tense(verb) == "future" and any(first.start_char <= tx.start < first.end_char for tx in ahead)


TIME_PHRASE_PREPS = anchoring.NAMED_TIME_PREPS | {"by"}


def _in_time_phrase(root: "Token | None") -> bool:
    """An expression (by its head) lies in a phrase of time ("by the opening of the 2000 Olympics")."""
    return root is not None and any(a.dep_ == "prep" and a.lower_ in TIME_PHRASE_PREPS
                                    for a in list(root.ancestors)[:4])


def _since_then(tok: "Token") -> bool:
    """A perfect verb told "since then" ("since then he has been raising concerns", "has since then been
    transferred"): it runs from the story's last date up to now."""
    if tok.pos_ not in ("VERB", "AUX") or anchoring.tense(tok) != "perfect":
        return False
    return any(c.lower_ == "since" and any(g.lower_ == "then" for g in c.children) for c in tok.children)
