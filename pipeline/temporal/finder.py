"""Finds candidate expressions: runs the rules, drops the false friends ("may", "the March on
Washington", "2000 troops", "a second round"), keeps the longest non-overlapping matches, attaches
days to clock times and decides whether a preceding "the" belongs to the extent.
"""

from __future__ import annotations

import bisect
import re

from pipeline.temporal.context import WORD, DocContext
from pipeline.temporal.normalize import Candidate, _norm
from pipeline.temporal.resources import Lexicon, Rule, alternation, load_trigger

_TEMPORAL_CONTEXT_BEFORE = re.compile(
    r"(?:\b(?:in|since|until|till|by|from|through|during|of|before|after|last|next|this|early|late|mid|"
    r"between|to|and|or|each|every|throughout|around|that|late-|early-|on|as of|end|beginning|start|"
    r"middle|until|for|past|coming)\s+|mid-|,\s*)$",
    re.IGNORECASE,
)
_BEFORE_QUANTITY_YEAR = re.compile(r"(?:[$#£€]\s*|\bno\.\s*|\bnumber\s+|\bpage\s+|\bflight\s+|\broute\s+|"
                                   r"\bresolution\s+|\barticle\s+|\bchapter\s+|\bsection\s+|\bparagraph\s+)$", re.IGNORECASE)
# "Decreto 884 de 2012", "Law 12 of 2008": the number of a law names it, with its year
_LAW_NUMBER_BEFORE = re.compile(r"\b([A-Z][a-z]+)\s+(?:No\.\s*)?\d+\s+(?:de|of|del)\s+$")
# verbs of a state after "society today", "the world today" ("is", "faces"): the era, not the day's news
# (word forms: the tagger's pipeline has no lemmatizer)
_STATE_VERBS = frozenset({"is", "are", "was", "were", "'s", "’s", "face", "faces", "need", "needs", "has",
                          "have", "remains", "remain", "lives", "live", "seems", "seem", "looks", "look",
                          "stands", "stand", "wants", "want"})
_POSSESSIVES = r"my|his|her|their|our|your|its"
# a possessive before a decade word makes it an age ("in her forties", "in his late twenties")
_AGE_BEFORE = re.compile(rf"\b(?:{_POSSESSIVES})\s+(?:(?:early|mid|late|mid-)\s*)?$", re.IGNORECASE)
# "children in our world today", "modern society today": the present era
_ERA_BEFORE = re.compile(rf"\b(?:({_POSSESSIVES}|modern|contemporary)\s+(?:\w+\s+)?)?([a-z]+)\s+$", re.IGNORECASE)
_SEASON_CONTEXT = re.compile(
    r"\b(?:in|during|by|until|till|since|through|throughout|this|last|next|early|late|mid|before|after|"
    r"the|each|every|over|for)\s+(?:the\s+)?$", re.IGNORECASE)
_THE_BEFORE = re.compile(r"\bthe\s+$", re.IGNORECASE)
_OWNER = rf"(?:\b(?:{_POSSESSIVES})|\w['’]s?)\s+"  # "his", "Yekini's"
_OWNER_BEFORE = re.compile(_OWNER + "$", re.IGNORECASE)  # "his last days"
_OWNER_ORDINAL_BEFORE = re.compile(_OWNER + r"(?:last|first|final)\s+$", re.IGNORECASE)  # "his last" before "days"
_SUDDEN_CHANGE_BEFORE = re.compile(r"\b(?:becom|became|transform|vanish|disappear|evolv)\w*\b[^.;:!?,]*$", re.IGNORECASE)
_ET_AL = re.compile(r"\s+et\s+al\b")
_SENTENCE_START_BEFORE = re.compile(r"(?:^|[.!?:;\"“(\n]\s*)$")
_AGED_BEFORE = re.compile(r"\baged\s+(?:(?:between\s+)?\d+\s*(?:-|–|to|and)\s*)?$", re.IGNORECASE)
_MARCH_AS_NOUN_AFTER = re.compile(r"\s+(?:on|to|of|for|against|through|past|from)\b", re.IGNORECASE)  # "March on"
_MONTH_BEFORE = re.compile(r"\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+$")  # "May 6 March"
_CLOCK_DAY_GAP = re.compile(r"^\s*,?\s*(?:on\s+)?$", re.IGNORECASE)
# wire style "at 10:35 a.m. (0735 GMT) Friday": the day after a parenthesis still dates the clock
_CLOCK_DAY_PAREN_GAP = re.compile(r"^\s*\([^()]{1,25}\)\s*,?\s*(?:on\s+)?$", re.IGNORECASE)
# "9/11" names the attacks after "since", "after", "the"... or before "attacks", "-related"...
_NAMED_BEFORE = re.compile(r"(?:\b(?:since|after|before|until|during|of|on|from|post|pre|the|like)\s+|\b(?:post|pre)-)$",
                           re.IGNORECASE)
_NAMED_AFTER = re.compile(r"[\s-]+(?:related|attacks?|victims?|commission|memorial|museum|anniversary|era|"
                          r"responders?|hijackers?|families|terror|terrorist|survivors?|widows?|generation)\b", re.IGNORECASE)
_TEMPORAL_PLURALS = {"years", "months", "weeks", "days", "hours", "minutes", "decades", "quarters", "centuries"}


# an ordinal day right before a month written in lower case ("the 26th may", "5th of june")
_ORDINAL_DAY_BEFORE = re.compile(r"(?:the\s+)?\d{1,2}(?:st|nd|rd|th)\s+(?:of\s+)?$", re.IGNORECASE)
_MODAL_FOLLOWERS = frozenset({"VB", "VBN", "VBG", "RB"})  # tags of what follows "may" the modal verb
_URL = re.compile(r"(?:https?://|www\.)\S+|\b[\w-]+(?:\.[\w-]+)+/\S*", re.IGNORECASE)


def _in_url(text: str, at: int) -> bool:
    """The offset lies inside a web address (the whitespace-free word around it is one)."""
    start = max(text.rfind(" ", 0, at), text.rfind("\n", 0, at)) + 1
    end = len(text)
    for ws in (" ", "\n"):
        k = text.find(ws, at)
        if k >= 0:
            end = min(end, k)
    m = _URL.search(text, start, end)
    return m is not None and m.start() <= at < m.end()


def _capitalized(word: str | None) -> bool:
    return bool(word) and word[0].isupper()


_PAPER_WORDS = frozenset({"daily", "weekly", "monthly"})
_PAPER_AFTER = re.compile(r"\s+(?:[A-Z][\w'’-]*\b|(?:news)?papers?\b|magazines?\b|journals?\b|tabloids?\b)")
_SET_OFF = re.compile(r"\s*,")  # a comma closes the expression: an adverbial set off from its clause
_SENTENCE_START = re.compile(r"(?:^|[.!?:\"“”]\s*|\n\s*)$")  # text before a word that opens a sentence


class Finder:
    """Runs the rules over a text and returns the accepted, non-overlapping candidates."""

    def __init__(self, rules: tuple[Rule, ...], lex: Lexicon) -> None:
        self.rules = rules
        self.lex = lex
        self._generic_of = re.compile(r"\b(?:%s)\s+of\s+(?:the\s+)?$" % "|".join(sorted(lex.generic_of_heads)),
                                      re.IGNORECASE) if lex.generic_of_heads else None
        # the words of an approximate quantity before a number ("over 2000 Palestinian prisoners")
        self._count_after = re.compile(r"\s+(?:\d|few\b|several\b|(?:%s)\b)" % alternation(list(lex.number_words)),
                                       re.IGNORECASE)  # a count after a word: "the past three summers"
        self._count_before = re.compile(r"\b(?:%s)\s+$" % alternation(list(lex.approx_mods)),
                                        re.IGNORECASE) if lex.approx_mods else None

    BEFORE, AFTER = 35, 30  # no expression reaches further than this from its trigger word

    def _windows(self, spans: list[tuple[int, int]], n: int) -> list[tuple[int, int]]:
        """Merged character windows around trigger spans."""
        out: list[tuple[int, int]] = []
        for a, b in sorted(spans):
            s, e = max(0, a - self.BEFORE), min(n, b + self.AFTER)
            if out and s <= out[-1][1]:
                out[-1] = (out[-1][0], max(out[-1][1], e))
            else:
                out.append((s, e))
        return out

    def find(self, text: str, ctx: DocContext) -> list[Candidate]:
        found: list[Candidate] = []
        by_category = load_trigger().category_spans(text, ctx.lowers, ctx.idx, ctx.lengths)
        for rule in self.rules:
            if rule.triggers:
                spans = [sp for cat in rule.triggers for sp in by_category.get(cat, ())]
                if not spans:
                    continue
                windows = self._windows(spans, len(text))
            else:
                windows = [(0, len(text))]
            for m in (m for ws, we in windows for m in rule.regex.finditer(text, ws, we)):
                if m.end() <= m.start():
                    continue
                if rule.before is not None and not rule.before.search(text[max(0, m.start() - 40):m.start()]):
                    continue
                c = Candidate(m.start(), m.end(), rule, m.groupdict())
                if self._accept(c, text, ctx):
                    found.append(c)
        chosen = self._select(found)
        chosen = self._attach_days(chosen, text)
        return self._extend_determiners(chosen, text, ctx)

    # ------------------------------------------------------------------------------- filters
    def _accept(self, c: Candidate, text: str, ctx: DocContext) -> bool:
        if _in_url(text, c.start):
            return False  # "lenta.ru/news/2012/05/10/yavl/": an address, no time
        g = c.groups
        before = text[max(0, c.start - 30):c.start]
        month = g.get("month")
        if month is not None:
            if not _capitalized(month) and not self._lowercase_month_after_day(c, text, ctx):
                return False
            key = month.lower().rstrip(".")
            bare = not (g.get("day") or g.get("dayword") or g.get("year") or g.get("ryear"))
            if bare and key in self.lex.ambiguous_months:
                if key not in ("may", "march") and not month.endswith("."):
                    return False
                premodifier = bool(re.search(r"\bthe\s+$", before, re.IGNORECASE)) and ctx.modifies_following_noun(c.end)
                if not (g.get("pmod") or g.get("rel") or g.get("quant") or premodifier
                        or _TEMPORAL_CONTEXT_BEFORE.search(before)):
                    return False  # "the March accession", "the May elections" are dates; "March" alone is not
                if key == "may" and ctx.has_tags:
                    i = ctx.token_index(c.start + c.length - 1)
                    if ctx.doc[i].tag_ == "MD":
                        return False
                if key == "march" and _MARCH_AS_NOUN_AFTER.match(text, c.end) and \
                        re.search(r"\b(?:the|a)\s+$", before, re.IGNORECASE):
                    return False
            if key == "march" and text[c.start].isdigit() and _MONTH_BEFORE.search(before) and \
                    _MARCH_AS_NOUN_AFTER.match(text, c.end):
                return False  # "the May 6 March of the Millions": May 6, and a march
        weekday = g.get("weekday")
        if weekday is not None and not _capitalized(weekday):
            return False
        kind = c.rule.kind
        if weekday is not None and kind == "weekday" and re.search(r"\ba\s+$", before) \
                and not ctx.modifies_following_noun(c.end):  # "a Sunday night memorial service" is one
            return False  # "we read the ideas on a Monday": some Monday, no day of the calendar
        if kind == "holiday" and not any(ch.isupper() for ch in text[c.start:c.end]) and \
                _norm(g.get("holiday")) not in self.lex.lowercase_holidays:
            return False  # "on election day" is the day of the story's election, not the US holiday
        if kind == "holiday" and self._another_countrys(c, before):
            return False  # "Greek Independence Day", "Mexico's Independence Day": not the lexicon's day
        if kind in ("holiday", "weekday", "deictic", "bare_unit", "anaphoric_unit", "month_day", "month", "reference") \
                and self._in_name(c, text, ctx):
            return False  # "illustrator Johnnie Christmas", "Saturday Morning Breakfast Cereal"
        if c.rule.name == "time.part_of_day_of_the_story" and ctx.tense(c.start, c.end) != "past":
            return False  # "I wake up in the morning": a habit's morning, no day's
        if c.rule.name == "duration.the_past_units" and (g.get("rel") or "").lower() in ("last", "first") and \
                _OWNER_BEFORE.search(before):
            return False  # "Yekini's last days", "her first years in office": a life's or a term's, not ours
        if kind in ("duration", "vague_duration") and _AGED_BEFORE.search(before):
            return False  # "children aged 8-10 years", "aged 10 years": an age, no time
        if re.fullmatch(r"the\s+future", text[c.start:c.end], re.IGNORECASE) and re.match(r"\s+of\s", text[c.end:c.end + 4]):
            return False  # "an editorial on the future of multiculturalism": a topic, no time
        if c.rule.name == "set.adverb" and text[c.start].isupper() and (
                _ET_AL.match(text, c.end) or not _SENTENCE_START_BEFORE.search(before)):
            return False  # "Daily et al. (2010)", "the Daily Star": a name, not "every day"
        if c.rule.name == "time.overnight" and _SUDDEN_CHANGE_BEFORE.search(text, max(0, c.start - 60), c.start):
            return False  # "rumors becoming official truth overnight": suddenly, no night
        if c.rule.name == "duration.bare_plural" and _OWNER_ORDINAL_BEFORE.search(before):
            return False  # (and not "days" alone, after them)
        if c.rule.name == "anaphoric.then" and re.search(r"\b(?:all|most\s+of|much\s+of|some\s+of)\s+$", before, re.IGNORECASE):
            return False  # "all the time": always; "most of the time": usually
        if kind == "named" and not (_NAMED_BEFORE.search(before) or _NAMED_AFTER.match(text, c.end)):
            return False  # "scheduled for 9/11", "scored 9/11 from the line": a day of this year, a ratio
        if kind == "from_event" and c.rule.name.endswith("_vague"):
            prev = re.search(r"([a-z]+)\s+$", before, re.IGNORECASE)
            if prev and prev.group(1).lower() in self.lex.duration_verbs:
                return False  # "it took months before the bridge reopened": what a verb takes, a duration
            if (g.get("unit") or "").lower() == "hours" and prev and ctx.has_tags and \
                    ctx.tag(ctx.token_index(c.start) - 1) in ("JJ", "NN", "VBG"):
                return False  # "worked extra hours after the strike", "opening hours after the holiday"
        if re.match(r"-[A-Za-z]", text[c.end:c.end + 2]) and (
                kind == "season" or (g.get("ref") or "").lower() in ("now", "then")):
            return False  # "the now-Prime Minister", "the fall-out": the first half of a word
        if kind == "year" and re.search(r"[A-Za-z]-$", before) and not re.search(
                r"\b(?:pre|post|mid|early|late|end|start|spring|summer|fall|autumn|winter)-$", before, re.IGNORECASE):
            return False  # "IT Rules-2011": a name's number ("mid-2011", "pre-2011" stay years)
        if kind == "decade" and g.get("decword") and _AGE_BEFORE.search(before):
            return False  # "since I was in my twenties", "a man in his early forties": an age
        if kind == "year":
            if _BEFORE_QUANTITY_YEAR.search(before):
                return False
            law = _LAW_NUMBER_BEFORE.search(before)
            if law and law.group(1).lower() not in self.lex.months:
                return False
            if not self._year_not_quantity(c, text, ctx):
                return False
        if kind in ("quarter", "quarter_ref") and not (g.get("year") or g.get("qyear") or g.get("ryear")
                                                       or g.get("ryear2")) and self._game(c, ctx):
            return False  # "in the second half" of a match
        if kind == "set" and g.get("setword") and g["setword"][:1].isupper() and not _SENTENCE_START.search(before):
            return False  # "told LA Weekly", "Entertainment Weekly": a name
        if kind == "set" and _PAPER_AFTER.match(text, c.end) and (g.get("setword") or "").lower() in _PAPER_WORDS:
            return False  # "the Arabic daily Attounisia", "a weekly newspaper": a paper, no time
        unit = (g.get("unit") or "").lower()
        num = (g.get("num") or "").lower()
        if unit == "second" and num in ("a", "an", "one", ""):
            return False
        if unit == "quarter" and num in ("a", "an") and re.match(r"\s+of\b", text[c.end:c.end + 5]):
            return False
        if kind in ("duration", "offset") and num and re.search(r"[$€£]\s*$", before):
            return False
        if kind == "offset" and (g.get("dir") or "").lower() == "back" and self.lex.change_verbs.search(
                text, max(0, c.start - 40), c.start):
            return False  # "pushed the launch two weeks back": a move, not "two weeks ago"
        if kind in ("duration", "offset") and num in ("hundred", "thousand", "million", "dozen") and \
                re.search(r"\b(?:a\s+few|several|many|some|hundreds\s+of|thousands\s+of)\s+$", before, re.IGNORECASE):
            return False  # "a few thousand years ago": no year to name
        if kind == "duration" and re.match(r"\s+of\s+fame\b", text[c.end:c.end + 9]):
            return False  # "fifteen minutes of fame"
        if kind == "set" and (g.get("quant") or "").lower() == "every" and (g.get("unit") or "").lower() == "day" and (
                ctx.modifies_following_noun(c.end) or re.search(r"\b(?:my|our|your|his|her|its|their)\s+$", before, re.IGNORECASE)):
            return False  # "every day lives": the adjective "everyday"
        if kind == "duration" and num in ("a", "an") and not g.get("approx") and ctx.modifies_following_noun(c.end):
            return False  # "a night vigil", "a day trip": a noun modifier, not a duration
        if kind == "duration" and num in ("a", "an") and re.match(r"\s+(?:that|when|which|where)\b", text[c.end:c.end + 7]) \
                and re.search(r"\bon\s+$", before, re.IGNORECASE):
            return False  # "on a day that should have a union tone": some day, no stretch of time
        if kind == "duration" and re.match(r"[\s-]+old\b", text[c.end:c.end + 6]):
            return False  # ages ("52 years old") are not annotated as durations
        if kind == "duration" and unit == "quarters" and "-" in text[c.start:c.end]:
            return False  # "three-quarters of its food": a fraction
        if kind == "set" and g.get("setword") and g["setword"].lower() not in ("daily", "annually") \
                and ctx.modifies_following_noun(c.end):
            return False  # "quarterly dividend", "a daily newspaper": adjectives, not times
        if kind == "season" and not (g.get("year") or g.get("rel") or g.get("pmod")):
            if not _SEASON_CONTEXT.search(before) or re.match(r"\s+(?:of|in)\b", text[c.end:c.end + 4]):
                return False
            if text[c.start].isupper() and re.match(r"\s+[A-Z][a-z]", text[c.end:c.end + 3]):
                return False  # "the Winter Carnival of Magic", "Spring Festival": a name
        if kind == "deictic" and (g.get("word") or "").lower() == "today":
            possessed = re.match(r"\s?['’]s\s+([A-Za-z]+)(?:\s+([a-z]+))?", text[c.end:c.end + 40])
            if possessed and not {w.lower() for w in possessed.groups() if w} & self.lex.day_nouns:
                return False  # "today's world": generic; "today's vote", "today's geography quiz": the day
            era = _ERA_BEFORE.search(before)
            if era and era.group(2).lower() in self.lex.present_era_nouns and not g.get("pod") and (
                    era.group(1) or not self._verb_follows(c.end, ctx, _STATE_VERBS)):
                return False  # "children in our world today", "society today": the present era, as "today's
                # world" is; "the Muslim world today celebrates Eid" is the day
        if c.rule.name == "unit.the_noun" and self._generic_of and self._generic_of.search(before):
            return False  # "the order of the day", "the hours of the day": no particular day
        if c.rule.name == "unit.the_noun" and re.match(r"\s+off\b", text[c.end:c.end + 5]):
            return False  # "gave the people the day off": a holiday given, no particular day
        if c.rule.name == "duration.a_while" and (re.search(r"\bonce\s+in\s+$", before, re.IGNORECASE)
                                                     or self._noun_follows(c.end, ctx)):
            return False  # "once in a while"; "a long time enemy": a modifier of a noun
        if kind == "reference":
            ref = (g.get("ref") or "").lower()
            if ref == "now" and (re.search(r"\bevery\s+$", before, re.IGNORECASE) or (
                    re.match(r"\s+and\s+(?:again|then)\b", text[c.end:c.end + 12])
                    and not re.search(r"\b(?:between|from|until|till)\s+$", before, re.IGNORECASE))):
                return False  # "every now and again": an idiom
            if ref == "now" and text[c.end:c.end + 1] == "," and _SENTENCE_START.search(before):
                return False  # "Now, ..." opening a sentence is a discourse marker
            if ref == "at the moment" and ctx.has_tags:
                nxt = ctx.first_token_at_or_after(c.end)
                if nxt < len(ctx.doc) and (ctx.doc[nxt].tag_ in ("DT", "PRP", "NN", "NNS", "NNP", "NNPS", "JJ", "WRB")
                                           or ctx.doc[nxt].lower_ == "of"):
                    return False  # "at the moment the bell rang": a clause follows, the moment is its
            if ref == "now" and ctx.has_tags and re.match(r"\s+that\b", text[c.end:c.end + 6]):
                k = ctx.first_token_at_or_after(c.end + 5)
                if any(ctx.doc[j].tag_ == "VBD" for j in range(k, min(k + 5, len(ctx.doc)))):
                    return False  # "now that there was no Soviet Union": the present of a past narrative
            if ref == "soon" and (re.search(r"\b(?:as|too|so)\s+$", before, re.IGNORECASE)
                                  or re.match(r"\s+(?:after|afterwards?|thereafter|as|enough)\b", text[c.end:c.end + 14])
                                  or ctx.tense(c.start, c.end) == "past"):
                return False  # "as soon as", "soon after", "was soon released": no reference to the future
            if ref == "the past" and (re.match(r"\s+of\b|'s\b|’s\b", text[c.end:c.end + 4])
                                      or (ctx.modifies_following_noun(c.end)  # "the past political violence"
                                          and not re.search(r"\b(?:in|over|from|during|since)\s+$", before, re.IGNORECASE)
                                          and not self._count_after.match(text, c.end))  # ("the past three summers")
                                      or re.search(r"\b(?:against|behind|with|about|on|of|beyond|to)\s+$", before,
                                                   re.IGNORECASE)):
                return False  # "marched against the past of fiscal austerity", "hide behind the past", "break
                # with the past": the past as a thing (not "in the past", "over the past")
            if ref.endswith(" term") and ctx.modifies_following_noun(c.end):
                return False  # "the long term vision": a modifier of a noun, no time
            if ref == "one day" and not (self._after_modal(c, ctx) or _SET_OFF.match(text, c.end) and (
                    _SENTENCE_START.search(before) or before.rstrip().endswith(","))):
                return False  # "one day" is some day only after a modal or set off ("until, one day, he
                # was discharged"); else a duration
            if ref == "future":  # "future growth" is no time; "future quarters" is
                nxt = ctx.first_token_at_or_after(c.end)
                if nxt >= len(ctx.doc) or ctx.doc[nxt].lower_ not in _TEMPORAL_PLURALS:
                    return False
            # "current" and "recent" stay, adjectives included ("the current weakness"): TimeBank marks them
        return True

    @staticmethod
    def _after_modal(c: Candidate, ctx: DocContext) -> bool:
        """A modal, or an infinitive's "to" with its verb after ("will one day be", "hopes to one day
        compete"; not "went to one day of the festival"), just before the expression."""
        if not ctx.has_tags:
            return False
        k = ctx.token_index(c.start) - 1
        while k >= 0 and ctx.doc[k].tag_ == "RB":  # "could perhaps one day"
            k -= 1
        if k < 0:
            return False
        if ctx.doc[k].tag_ == "MD":
            return True
        nxt = ctx.first_token_at_or_after(c.end)
        return ctx.doc[k].lower_ == "to" and nxt < len(ctx.doc) and ctx.doc[nxt].tag_ in ("VB", "VBP")

    @staticmethod
    def _noun_follows(end: int, ctx: DocContext) -> bool:
        """A noun right after `end` ("a long time enemy"; not "a long time living in the UK")."""
        if not ctx.has_tags:
            return False
        nxt = ctx.first_token_at_or_after(end)
        return nxt < len(ctx.doc) and ctx.doc[nxt].idx <= end + 1 and ctx.doc[nxt].tag_ in ("NN", "NNS")

    @staticmethod
    def _verb_follows(end: int, ctx: DocContext, but: frozenset[str] = frozenset()) -> bool:
        """The word after `end` is a finite verb, other than those of `but` (without tags: assume so, the
        expression stays)."""
        if not ctx.has_tags:
            return True
        nxt = ctx.first_token_at_or_after(end)
        return nxt < len(ctx.doc) and ctx.doc[nxt].tag_ in ("VBD", "VBZ", "VBP", "MD") \
            and ctx.doc[nxt].lower_ not in but

    def _year_not_quantity(self, c: Candidate, text: str, ctx: DocContext) -> bool:
        nxt = ctx.first_token_at_or_after(c.end)
        if nxt >= len(ctx.doc):
            return True
        tok = ctx.doc[nxt]
        low = tok.lower_
        if low in self.lex.quantity_words:
            return False
        if low in ("year", "years") and re.match(r"[\s-]+years?[\s-]+old\b", text[c.end:c.end + 16]):
            return False  # "a 2000 year old tradition"
        noun = tok
        if ctx.has_tags and tok.tag_ == "JJ" and nxt + 1 < len(ctx.doc) and ctx.doc[nxt + 1].tag_ == "NNS":
            noun = ctx.doc[nxt + 1]  # "now that 2000 political prisoners are on hunger strike"
        if ctx.has_tags and noun.tag_ == "NNS" and noun.lower_ not in self.lex.year_nouns and c.start > 0 \
                and text[c.start:c.end].isdigit():
            words = text[max(0, c.start - 12):c.start].split()
            k = ctx.token_index(c.start) - 1
            # "now that 2000 political prisoners ...": after the conjunction "that", a number before an adjective
            # and a plural noun is a count ("said that 2011 uprisings", with no adjective, stays a year)
            conjunction = noun is not tok and words and words[-1].lower() == "that" and k >= 0 and ctx.doc[k].tag_ != "DT"
            if words and re.fullmatch(r"[a-z]+", words[-1].lower()) and (conjunction or (
                    words[-1].lower() not in self.lex.year_words_before
                    and " ".join(words[-2:]).lower() not in self.lex.year_words_before)):
                return False  # "a survey of 1709 schoolchildren"; "in 2016 voters chose" stays a year
        if ctx.has_tags and self._count_before and self._count_before.search(text[max(0, c.start - 16):c.start]) and (
                tok.tag_ == "NNPS" or tok.tag_ in ("JJ", "NNP") and nxt + 1 < len(ctx.doc)
                and ctx.doc[nxt + 1].tag_ == "NNS" and ctx.doc[nxt + 1].lower_ not in self.lex.year_nouns):
            return False  # "over 2000 Palestinian prisoners", "over 2000 Palestinians"
        return True

    def _lowercase_month_after_day(self, c: Candidate, text: str, ctx: DocContext) -> bool:
        """ "on the 26th may", "5th june", as tweets write them: a month in lower case after an ordinal day;
        not the word's other sense ("the 3rd may be freed", "their 3rd march on Saturday")."""
        m = c.groups.get("month")
        at = text.find(m, c.start, c.end) if m else -1
        if at < 0 or not _ORDINAL_DAY_BEFORE.search(text, c.start, at):
            return False
        key = m.lower().rstrip(".")
        if key not in self.lex.ambiguous_months:
            return True
        if key != "may" or not ctx.has_tags:
            return False  # "march", "dec": a noun or an abbreviation as often as the month
        j = ctx.first_token_at_or_after(c.end)
        return j >= len(ctx.doc) or ctx.doc[j].tag_ not in _MODAL_FOLLOWERS  # not "may be", "may soon"

    _NAME_BEFORE = re.compile(r"\b([A-Z][a-z]+)\s+$")
    _NAME_AFTER = re.compile(r"\s+([A-Z][a-z]+)\b")
    _HOLIDAY_PREMODIFIERS = frozenset({"Merry", "Happy", "Orthodox", "Catholic", "Western", "Eastern", "Coptic",
                                       "Last", "Next", "This", "On", "Since", "Until", "By", "Before", "After",
                                       "At", "For", "In", "Over", "Through", "During", "Good", "Black", "Easter"})

    _OWNER_BEFORE_HOLIDAY = re.compile(r"\b([A-Z][A-Za-z]*)(?:['’]s?)?\s+$")

    def _another_countrys(self, c: Candidate, before: str) -> bool:
        """A national holiday owned by the country or people named just before it, another than the lexicon's
        ("Greek Independence Day", "Mexico's Independence Day")."""
        others = self.lex.national_holidays.get(_norm(c.groups.get("holiday")))
        m = self._OWNER_BEFORE_HOLIDAY.search(before) if others else None
        return bool(m and m.group(1) in others)

    def _in_name(self, c: Candidate, text: str, ctx: DocContext) -> bool:
        """A weekday or holiday inside a proper name: a capitalized part of day and another capitalized word
        after a weekday ("Saturday Night Live", "Saturday Morning Breakfast Cereal"), a newspaper ("the Saturday
        Tribune"), a place noun after "Christmas" or "Easter" ("Christmas Island"), or a given name
        before them ("illustrator Johnnie Christmas")."""
        words = text[c.start:c.end].split()
        if c.rule.kind in ("deictic", "bare_unit", "anaphoric_unit") or (
                c.rule.kind == "reference" and text[c.start:c.end].lower() == "now"):
            # "USA Today", "Georgia Today", "Interview of the Month", "Real Democracy Now": a capitalized time
            # word after another capitalized word, inside a sentence, is part of a title
            head = words[-1] if words else ""
            before = text[max(0, c.start - 40):c.start]
            prev = re.search(r"([A-Z][A-Za-z]*)[ \t]+(?:of[ \t]+(?:the[ \t]+)?|the[ \t]+)?$", before)
            return bool(head[:1].isupper() and prev and prev.group(1) not in self._HOLIDAY_PREMODIFIERS)
        if c.rule.kind in ("month_day", "month"):
            # "the 25 February movement", "the April 6 Youth Movement": a date that names a group
            return bool(self.lex.named_after_date and self.lex.named_after_date.match(text, c.end))
        if c.rule.kind == "weekday" and len(words) == 1:
            after = self._NAME_AFTER.match(text, c.end)
            if after is not None and after.group(1) in self.lex.newspaper_words:
                return True  # "the Saturday Tribune reported", "The Sunday Times"
            before = self._NAME_BEFORE.search(text[max(0, c.start - 20):c.start])
            if (len(words[0].rstrip(".")) <= 3 and before is not None
                    and before.group(1) not in self._HOLIDAY_PREMODIFIERS
                    and not _SENTENCE_START.search(text[max(0, c.start - len(before.group(0)) - 20):c.start - len(before.group(0))])):
                return True  # "reports the Herald Sun.", "the Toronto Sun": a paper's name, no day
        if c.groups.get("pod") and len(words) == 2 and words[1][:1].isupper():
            after = self._NAME_AFTER.match(text, c.end)
            return after is not None and after.group(1).lower() not in self.lex.months
        if c.rule.kind == "holiday" and words and words[-1] in ("Christmas", "Easter") and len(words) == 1:
            after = self._NAME_AFTER.match(text, c.end)
            if after is not None and after.group(1) in self.lex.place_nouns:
                return True  # "Christmas Island", "Easter Island": a place
            before = self._NAME_BEFORE.search(text[max(0, c.start - 20):c.start])
            start = c.start - len(before.group(0)) if before else 0
            if before and before.group(1) not in self._HOLIDAY_PREMODIFIERS and \
                    not _SENTENCE_START.search(text[max(0, start - 20):start]):
                return True
        return False

    GAME_WORDS_IN_TEXT = 3  # distinct game words that make a text a game's report

    def _game(self, c: Candidate, ctx: DocContext) -> bool:
        """The text reports a game (three game words), or the sentence does (a word only games use):
        its halves and quarters are the match's."""
        if len(ctx.words & self.lex.game_words) >= self.GAME_WORDS_IN_TEXT:
            return True
        s, e = ctx.sentence_chars(c.start)
        return not self.lex.game_words_strong.isdisjoint(WORD.findall(ctx.text[s:e].lower()))

    # ------------------------------------------------------------------------------- selection
    @staticmethod
    def _select(found: list[Candidate]) -> list[Candidate]:
        """Longest first, then rule priority, then rule order; no overlaps."""
        order = {id(c.rule): i for i, c in enumerate(found)}
        found.sort(key=lambda c: (-c.length, -c.rule.priority, order[id(c.rule)], c.start))
        starts: list[int] = []
        chosen: list[Candidate] = []
        for c in found:
            k = bisect.bisect_right(starts, c.start)
            if k > 0 and chosen[k - 1].end > c.start:
                continue
            if k < len(chosen) and chosen[k].start < c.end:
                continue
            starts.insert(k, c.start)
            chosen.insert(k, c)
        return chosen

    @staticmethod
    def _attach_days(chosen: list[Candidate], text: str) -> list[Candidate]:
        """ "10 p.m. Wednesday", "noon Thursday", "5 p.m. EST, Nov. 6": one TIME expression."""
        out: list[Candidate] = []
        i = 0
        while i < len(chosen):
            c = chosen[i]
            if c.rule.kind == "clock" and i + 1 < len(chosen):
                nxt = chosen[i + 1]
                if nxt.rule.kind in ("weekday", "deictic", "month_day", "absolute", "anaphoric_unit") and \
                        not nxt.groups.get("pod") and _CLOCK_DAY_GAP.match(text[c.end:nxt.start]):
                    out.append(Candidate(c.start, nxt.end, c.rule, c.groups, attached=nxt))
                    i += 2
                    continue
                if nxt.rule.kind in ("weekday", "deictic", "month_day", "absolute") and \
                        not nxt.groups.get("pod") and _CLOCK_DAY_PAREN_GAP.match(text[c.end:nxt.start]):
                    out.append(Candidate(c.start, c.end, c.rule, c.groups, attached=nxt))  # two extents
                    i += 1
                    continue
            out.append(c)
            i += 1
        return out

    @staticmethod
    def _extend_determiners(chosen: list[Candidate], text: str, ctx: DocContext) -> list[Candidate]:
        """TimeML: "the" is part of an expression headed by a temporal noun ("the third quarter"),
        not of one that modifies another noun ("the third-quarter results")."""
        out = []
        prev_end = 0
        for c in chosen:
            if c.rule.det:
                m = _THE_BEFORE.search(text, max(prev_end, c.start - 6), c.start)
                premod = ctx.modifies_following_noun(c.end)
                if c.rule.det_required and premod:
                    continue
                if m and not premod and m.start() >= prev_end:
                    c.start = m.start()
                    c.has_det = True
            out.append(c)
            prev_end = c.end
        return out
