"""What the spaCy parse tells the tagger: tense of the clause around an expression, and whether an
expression modifies a following noun (then a preceding "the" is not part of it).

Only fine-grained tags (`Token.tag_`, from the `tagger` component) are used; when a doc has none
(a blank pipeline), lexical cues stand in so the tagger still works, only less well.
"""

from __future__ import annotations

import bisect
import re
from functools import cached_property, lru_cache
from typing import TYPE_CHECKING, Literal

from spacy.attrs import IDX, LENGTH, LOWER, SENT_START

from pipeline.paragraphs import PARAGRAPH_BREAK

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Doc

Tense = Literal["past", "future", "present"]

FUTURE_AUX = frozenset({"will", "'ll", "shall", "wo", "’ll"})  # the words of a future, one list for tagger and events
_FUTURE_CUE_VERBS = {
    "expected", "scheduled", "set", "due", "slated", "planned", "planning", "plans", "plan", "intends",
    "intend", "intended", "going", "poised", "prepared", "preparing", "hopes", "hope", "aims", "seeks",
    "expects", "expect", "schedules", "promised", "promises", "vowed", "vows", "agreed", "ready",
    "hoping", "aiming", "intending", "expecting", "vowing", "pledging", "promising", "threatening",
}
# past verbs whose infinitive happened, or was tried, at their time ("tried to storm parliament on Monday")
_TRIED_PAST = {"tried", "attempted", "failed", "managed", "sought", "struggled"}
_PLAN_VERBS = {"planned", "plans", "plan", "scheduled", "schedules", "expected", "expects", "slated", "intends",
               "intended", "promised", "promises", "vowed", "vows", "threatened", "threatens", "booked",
               "books", "reserved", "rescheduled"}
# nouns of intent before a to-infinitive: what they announce is to come ("announced an agreement to
# acquire the bank in January", "unveiled plans to close the plant on Friday")
_INTENT_NOUNS = {
    "agreement", "agreements", "accord", "pact", "deal", "deals", "contract", "plan", "plans", "proposal",
    "proposals", "offer", "offers", "bid", "bids", "pledge", "pledges", "promise", "promises", "commitment",
    "intention", "intentions", "decision", "threat", "threats", "ultimatum",
}
_HAVE = {"has", "have", "had", "'ve", "’ve"}
_CONDITION_WORDS = frozenset({"if", "unless", "once", "until", "when", "whether"})  # "if convicted Friday"
_PAST_BE = {"was", "were", "had"}
_NEWLINE = re.compile(r"\n\s*")
_DASHES = {"—", "–", "--", "-"}
_FUNCTION_WORDS = {
    "of", "to", "in", "on", "at", "by", "for", "with", "from", "and", "or", "but", "as", "than", "that",
    "which", "who", "when", "while", "after", "before", "since", "until", "is", "was", "are", "were",
    "be", "been", "will", "would", "has", "have", "had", "it", "he", "she", "they", "we", "i", "you",
    "the", "a", "an", "this", "its", "their", "his", "her", "said", "says", "ago", "earlier", "later",
    "alone", "so", "far", "ended", "ending", "end", "through", "compared", "versus", "vs", "against",
}
_IRREGULAR_PAST = {
    "said", "told", "met", "went", "came", "took", "gave", "made", "held", "began", "found", "left",
    "saw", "got", "became", "brought", "thought", "felt", "kept", "led", "lost", "paid", "put", "ran",
    "rose", "fell", "sent", "spent", "spoke", "stood", "won", "wrote", "sold", "bought", "struck", "hit",
    "did", "was", "were", "had", "knew", "grew", "drew", "flew", "fought", "caught", "taught", "built",
}
# tags that may open a clause after "that" (a complementizer mis-tagged DT: "understands that during
# her visit on Monday, she alluded"), unlike a pronoun object's neighbours ("whittle that down")
_CLAUSE_OPENERS = {"IN", "DT", "PRP", "PRP$", "NNP", "NNPS", "EX", "CD"}
_CLAUSE_GERUNDS = {"having", "being", "ending", "beginning", "starting", "following", "including", "running"}
_TEMPORAL_HEADS = {
    "morning", "afternoon", "evening", "night", "day", "week", "weekend", "month", "year", "quarter",
    "period", "half", "season", "decade", "century", "time", "'s", "’s",
}


WORD = re.compile(r"[a-z]+(?:-[a-z]+)*")  # a lower-case word, hyphenated ones whole
FULL_DATE_VALUE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_WEEKDAY_DATE = re.compile(r"(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,\s")


# what a picture's credit puts before its author's name ("Image: Nick Moreau.", "Photo by Ana Ruiz")
CREDIT_BEFORE = re.compile(r"\b(?:Image|Photo|Photograph|Picture|Credit)s?(?::|\s+by)\s+$", re.IGNORECASE)
_CAPTION_MARK = re.compile(r"(?:\b(?:Image|Photo|Photograph|Picture|Credit)s?:\s|\((?:Photo|Image|Picture)\b[^)\n]*\)|©)")
_NONSPACE = re.compile(r"\S")


def in_caption(text: str, offset: int) -> bool:
    """The offset lies in a picture's caption: a short paragraph with a credit ("... shortly after opening
    Friday. Image: Nick Moreau."). Its dates say when the picture was taken, not where the story is."""
    spans = _captions(text)
    i = bisect.bisect_right(spans, (offset, len(text) + 1)) - 1
    return i >= 0 and spans[i][0] <= offset < spans[i][1]


@lru_cache(maxsize=8)
def _captions(text: str) -> list[tuple[int, int]]:
    """The (start, end) of the caption paragraphs of a text, found once per text."""
    out, start = [], 0
    for m in [*PARAGRAPH_BREAK.finditer(text), None]:
        end = m.start() if m else len(text)
        if end - start < 400 and _CAPTION_MARK.search(text, start, end):
            out.append((start, end))
        start = m.end() if m else len(text)
    return out


def is_dateline(text: str, start: int, end: int, value: str | None) -> bool:
    """A full date that ends the text's first line ("Saturday, April 4, 2009", "Ants self-medicate
    Tuesday, September 1, 2015"): the article's date line, metadata rather than a time of the story.
    It keeps its value, but does not set the narrative time, so "A day after" below it is not the day
    after publication, and the past events of the story are not all put on that day."""
    if not value or not FULL_DATE_VALUE.match(value) or not re.search(r"\d{4}", text[start:end]):
        return False
    line_start = text.rfind("\n", 0, start) + 1
    if _NONSPACE.search(text, 0, line_start):
        # not the first line: still the date line when it stands alone on its line under a headline
        # ("Keep your eyes peeled ...\n\nSunday, May 28, 2006\n\nStardust is ...")
        line_end = text.find("\n", end)
        alone = not text[line_start:start].strip() and not text[end:len(text) if line_end < 0 else line_end].strip()
        return alone and sum(1 for line in text[:line_start].splitlines() if line.strip()) <= 1
    if not _NONSPACE.search(text, 0, start) and _WEEKDAY_DATE.match(text, start) and re.match(r"[ \t]+[A-Z]", text[end:end + 3]):
        return True  # "Thursday, May 7, 2015 On Tuesday, the government ...": the date line run into the lead
    line_end = text.find("\n", end)
    return not text[end:len(text) if line_end < 0 else line_end].strip(" \t\r")


def metadata_date(text: str, start: int, end: int, value: str | None) -> bool:
    """A date that is the article's metadata (its date line), a picture's (a caption) or a link's (an editor's
    note on a source): it keeps its value, but the story is never at that time. One test for the tagger and
    event extraction alike."""
    return is_dateline(text, start, end, value) or in_caption(text, start) or in_link_note(text, start)


# an editor's note on a cited link, in parentheses: "(Link dead as of 22:35, 14 January 2007 (UTC))",
# "(archived on ...)", "(retrieved ...)", "(accessed ...)"
_LINK_NOTE = re.compile(r"\((?:link\s+dead|dead\s+link|archived|retrieved|accessed)\b[^()\n]*$", re.IGNORECASE)
LINK_NOTE_REACH = 60  # characters between the note's opening and its date


def in_link_note(text: str, offset: int) -> bool:
    """The offset lies in an editor's note on a cited link ("(Link dead as of 22:35, 14 January 2007 (UTC))"): its
    date says when the link was checked, not when anything in the story happened."""
    return _LINK_NOTE.search(text, max(0, offset - LINK_NOTE_REACH), offset) is not None


class DocContext:
    """Character-offset access to a spaCy Doc: tokens, sentences, tense around a span."""

    def __init__(self, doc: "Doc", text: str | None = None) -> None:
        self.doc = doc
        self.text = doc.text if text is None else text  # Doc.text is rebuilt on every access
        self.has_tags = bool(len(doc)) and doc.has_annotation("TAG")
        if len(doc):
            arr = doc.to_array([IDX, SENT_START, LOWER, LENGTH])
            self.starts = arr[:, 0].tolist()
            starts = {i for i in (arr[:, 1] == 1).nonzero()[0].tolist() if i > 0}
            # a line break ends a sentence too (headlines, datelines, "Inc.\n\nIn trading Friday")
            for m in _NEWLINE.finditer(self.text):
                k = bisect.bisect_left(self.starts, m.end())
                if 0 < k < len(self.starts):
                    starts.add(k)
            self.sent_starts = [0] + sorted(starts)
            self.lowers, self.idx, self.lengths = arr[:, 2], arr[:, 0], arr[:, 3]
        else:
            self.starts, self.sent_starts = [], [0]
            self.lowers = self.idx = self.lengths = None

    # -- token access ---------------------------------------------------------------------------
    def token_index(self, char: int) -> int:
        """Index of the token containing (or first starting after) `char`."""
        i = bisect.bisect_right(self.starts, char) - 1
        return max(i, 0)

    def first_token_at_or_after(self, char: int) -> int:
        return bisect.bisect_left(self.starts, char)

    def sentence_range(self, token_i: int) -> tuple[int, int]:
        """Token range [start, end) of the sentence holding token `token_i`."""
        k = bisect.bisect_right(self.sent_starts, token_i) - 1
        start = self.sent_starts[max(k, 0)]
        end = self.sent_starts[k + 1] if k + 1 < len(self.sent_starts) else len(self.doc)
        return start, end

    def sentence_chars(self, char: int) -> tuple[int, int]:
        """Character range of the sentence holding `char`."""
        if not len(self.doc):
            return 0, len(self.text)
        s, e = self.sentence_range(self.token_index(char))
        last = self.doc[e - 1]
        return self.doc[s].idx, last.idx + len(last.text)

    def nearest_verb(self, i: int, step: int, reach: int) -> int | None:
        """The first verb from token `i` on, going back (`step` -1) or ahead (+1) at most `reach` tokens
        inside its sentence (a full stop ends the search where the sentence marks miss it)."""
        first, last = self.sentence_range(min(max(i, 0), len(self.doc) - 1)) if len(self.doc) else (0, 0)
        j = i
        for _ in range(reach):
            if not first <= j < last or self.doc[j].text in (".", "!", "?", ";"):
                return None
            if self.tag(j).startswith("VB"):
                return j
            j += step
        return None

    @cached_property
    def words(self) -> frozenset[str]:
        """The lower-case words of the text, hyphenated ones whole ("half-time"), read once."""
        return frozenset(WORD.findall(self.text.lower()))

    def tag(self, i: int) -> str:
        return self.doc[i].tag_ if self.has_tags else ""

    # -- premodifier ----------------------------------------------------------------------------
    def modifies_following_noun(self, end: int) -> bool:
        """True when the expression ending at `end` is a premodifier ("the 1987 crash")."""
        i = self.first_token_at_or_after(end)
        if i >= len(self.doc):
            return False
        tok = self.doc[i]
        if tok.idx > end + 1 or tok.is_punct or tok.lower_ in _TEMPORAL_HEADS:
            return False
        if self.has_tags:
            if tok.tag_ == "VBG" and tok.lower_ in _CLAUSE_GERUNDS:
                return False  # "the current quarter having begun", "the quarter ending Sept. 30"
            return tok.tag_ in ("NN", "NNS", "NNP", "NNPS", "JJ", "JJR", "VBG", "CD") and tok.lower_ not in _FUNCTION_WORDS
        return tok.is_alpha and tok.lower_ not in _FUNCTION_WORDS and not tok.text[0].isupper()

    # -- tense ------------------------------------------------------------------------------------
    def _is_verb(self, i: int) -> bool:
        tok = self.doc[i]
        if self.has_tags:
            return tok.tag_.startswith("VB") or tok.tag_ == "MD"
        low = tok.lower_
        return low in FUTURE_AUX or low in _IRREGULAR_PAST or low in _HAVE or (
            tok.is_alpha and len(low) > 3 and (low.endswith("ed") or low in {"is", "are", "will"})
        )

    _CHAIN_ADVERBS = {"not", "n't", "also", "already", "just", "still", "now", "never", "to", "be", "been",
                      "being", "have", "has", "had", "formally", "officially", "reportedly", "then", "later"}

    def _chain(self, j: int, lo: int) -> list[int]:
        """Token indexes of the verb chain ending at j ("will not be able to", "has been set")."""
        out = [j]
        k = j - 1
        while k >= lo and j - k <= 6:
            tok = self.doc[k]
            if self._is_verb(k) or tok.lower_ in self._CHAIN_ADVERBS or (self.has_tags and tok.tag_ in ("RB", "TO")):
                out.insert(0, k)
                k -= 1
                continue
            break
        return out

    def _verb_tense(self, j: int, lo: int) -> Tense | None:
        """Tense of the verb chain whose last verb is token j; None when it does not tell."""
        doc = self.doc
        chain = self._chain(j, lo)
        lows = [doc[k].lower_ for k in chain]
        tags = [self._tag_or_guess(k) for k in chain]
        if any(w in FUTURE_AUX for w in lows):
            return "future"
        if any(t == "MD" for t in tags):
            if any(w in _HAVE for w in lows) and tags[-1] == "VBN":
                return "past"  # "may have been responsible", "would have closed"
            if any(w in ("could", "couldn't") for w in lows):
                return "past"  # "could not be reached Friday": a reported past
            return "future"  # would/may/should: reported or hypothetical future
        if "to" in lows:
            # infinitive: "expected to travel Monday" is future; "staged celebrations to mark the
            # entry on Friday" takes the tense of the verb that governs it
            t = lows.index("to")
            if t == 0 and chain[0] > lo and doc[chain[0] - 1].lower_ in _INTENT_NOUNS and (
                    not self.has_tags or doc[chain[0] - 1].tag_.startswith("NN")):
                return "future"  # "announced an agreement to acquire the bank in January"
            if "had" in lows[:t]:
                return "past"  # "had been scheduled to expire Friday": a plan of the past
            if t > 0 and lows[t - 1] in _FUTURE_CUE_VERBS:
                return "future"  # "did not plan to remove him on Thursday"
            if t > 0 and lows[t - 1] in _TRIED_PAST:
                return "past"  # "tried to storm parliament on Monday": done or failed then (not "were ordered to
                # leave by Friday", "decided to hold a referendum on Sunday": still to come)
            k = chain[0] - 1
            while k >= lo and not self._is_verb(k) and chain[0] - k < 8:
                k -= 1
            cue = k >= lo and doc[k].lower_ in _FUTURE_CUE_VERBS and not (
                doc[k].lower_ == "going" and doc[k + 1].lower_ != "to")  # "going on to beat" is no plan
            if k >= lo and self._is_verb(k) and not cue:
                governing = self._verb_tense(k, lo)
                if governing == "past":
                    return "past"
                if governing is None and self._tag_or_guess(k) == "VBG":
                    return None  # "before going on to beat Norway on Sunday": the main clause decides
            elif not (k >= lo and self._is_verb(k)):
                # no governing verb before ("the first countries to accede to NATO on Friday were"):
                # the main verb comes after
                hi = self.sentence_range(j)[1]
                for m in range(j + 1, min(hi, j + 25)):
                    if self._is_verb(m) and self._tag_or_guess(m) in ("VBD", "VBZ", "VBP", "MD"):
                        if self._tag_or_guess(m) == "VBD":
                            return "past"
                        break
            return "future"
        if j + 1 < len(doc) and doc[j].lower_ in _FUTURE_CUE_VERBS and doc[j + 1].lower_ in ("to", "for"):
            return "future"  # "is set for Thursday", "was scheduled to"
        if doc[j].lower_ in _PLAN_VERBS:
            return "future"  # "planned a demonstration on Saturday", "scheduled a vote for Monday"
        verb_tags = [t for t in tags if t.startswith("VB")]
        if not verb_tags:
            return None
        first = verb_tags[0]
        head = tags[-1]
        if first == "VBD":
            return "past"
        if first in ("VBZ", "VBP"):
            if "VBN" in verb_tags[1:] and any(w in _HAVE for w in lows):
                return "past"  # present perfect
            if lows[-1] == "going":
                return "future"
            return "present"
        if first == "VBN":
            if chain[0] > lo and doc[chain[0] - 1].lower_ in _CONDITION_WORDS:
                return "future"  # "could face the death penalty if convicted this Friday": a condition still open
            return "past"  # a participle clause: "statements made Friday"
        if first == "VBG" or head == "VBG":
            return None  # participle without auxiliary: the main verb decides
        return None

    def _tag_or_guess(self, j: int) -> str:
        if self.has_tags:
            return self.doc[j].tag_
        low = self.doc[j].lower_
        if low in FUTURE_AUX:
            return "MD"
        if low in _IRREGULAR_PAST or low.endswith("ed"):
            return "VBD"
        if low in ("is", "are"):
            return "VBZ"
        return ""

    HEADLINE_MAX_TOKENS = 20

    def is_headline(self, token_i: int) -> bool:
        """True when token `token_i` is in a headline: the text's first line, short, a line of its own
        (a line break follows), not ended by a full stop."""
        s, e = self.sentence_range(token_i)
        while e > s + 1 and self.doc[e - 1].is_space:
            e -= 1
        if s != 0 or e - s > self.HEADLINE_MAX_TOKENS:
            return False
        last = self.doc[e - 1]
        end = last.idx + len(last.text)
        if "\n" in self.text[:end] or not self.text[end:].lstrip(" \t").startswith("\n"):
            return False
        return last.text not in (".", "!", "?", ";", ":", ",")

    def tense(self, start: int, end: int) -> Tense | None:
        """Tense of the clause an expression at [start, end) modifies (see `clause_tense`); in a
        headline the present simple tells a past event ("Earthquake hits Japan on Monday"), as
        news style has it ("Parliament to vote Monday" is the future form); and a date before a noun of a
        past relative clause is past (`_premodifies_a_past`)."""
        tense = self.clause_tense(start, end)
        if tense == "present" and self.is_headline(self.token_index(start)):
            return "past"
        if tense != "past" and self._premodifies_a_past(end):
            return "past"  # "under investigation for a New Year's Day fire that killed 40 people": the fire's
        return tense

    def _premodifies_a_past(self, end: int) -> bool:
        """The expression premodifies a noun told by a past relative clause in the active ("a New Year's Day fire
        that killed 40 people", "a December court ruling that lifted the ban"): its time is that clause's,
        whatever the sentence's verb (not "a June summit that was postponed from last year")."""
        first = i = self.first_token_at_or_after(end)
        doc = self.doc
        if not self.has_tags or i >= len(doc) or not doc[i].tag_.startswith("NN"):
            return False
        while i + 1 < len(doc) and doc[i + 1].tag_.startswith("NN") and i - first < 2:
            i += 1  # ("a December court ruling")
        return (i + 2 < len(doc) and doc[i + 1].lower_ in ("that", "which") and doc[i + 2].tag_ == "VBD"
                and doc[i + 2].lower_ not in ("was", "were", "had"))

    def clause_tense(self, start: int, end: int) -> Tense | None:
        """Tense of the clause an expression at [start, end) modifies: the nearest verb group before
        it in its sentence (skipping a parenthetical between dashes), else the first one after it."""
        if not len(self.doc):
            return None
        i0 = self.token_index(start)
        i1 = self.first_token_at_or_after(end)
        lo, hi = self.sentence_range(i0)
        doc = self.doc
        j = i0 - 1
        while j >= lo:
            low = doc[j].text
            if low in _DASHES and j - 1 >= lo:
                k = j - 1
                while k >= lo and doc[k].text not in _DASHES:
                    k -= 1
                if k >= lo and j - k < 25:
                    j = k - 1
                    continue
            if doc[j].text in (";",):
                break
            if doc[j].lower_ in ("and", "but") and j - 1 >= lo and doc[j - 1].text == ",":
                break  # ", and the March accession will go ahead": a new clause, the verb after decides
            if doc[j].lower_ == "that" and self.has_tags and doc[j + 1].tag_ in _CLAUSE_OPENERS and (
                    doc[j].tag_ == "IN" or (j - 1 >= lo and self._is_verb(j - 1))):
                break  # "says that on Monday the president alluded to...": the clause after decides
            if self._is_verb(j):
                tense = self._verb_tense(j, lo)
                if tense is not None:
                    return tense
                j = self._chain(j, lo)[0] - 1
                continue
            j -= 1
        for j in range(i1, hi):
            if self._is_verb(j):
                # forward: use the end of the verb chain starting at j
                k = j
                while k + 1 < hi and self._is_verb(k + 1):
                    k += 1
                if self._tag_or_guess(j) == "VBD":
                    # the expression stands before a finite past verb: it dates that verb
                    # ("On Friday, the government planned to pay"), plans included
                    return "past"
                tense = self._verb_tense(k, j)
                if tense is not None:
                    return tense
        return None
