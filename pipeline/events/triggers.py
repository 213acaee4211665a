"""Which tokens are event triggers, following TimeML's notion of an event.

TimeML counts nearly every main verb, eventive nouns ("meeting", "attack", deverbal "-ing" nouns such as
"bombing") and states expressed by predicative adjectives ("is available", "was unable"). Not events:
copulas and auxiliaries, relational verbs ("include", "compare"), participles used as adjectives or
prepositions ("a proposed plan" is the plan's event, "based on" is none).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Iterable

from pipeline.events.lexicon import Lexicon, event_words
from pipeline.languages import ENGLISH_SHARE, english_share, is_foreign_paragraph
from pipeline.paragraphs import apparatus_start, is_digest, paragraph_spans, section_headings, topic_labels, trailing_sources
from pipeline.quotes import QUOTE_PAIRS, Quotes, quotes_of

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Doc, Span, Token


NAME_TYPES = frozenset({"PERSON", "ORG", "GPE", "FAC", "LOC"})  # entities whose words name, and tell no event


def in_a_name(tok: "Token") -> bool:
    """A word inside a name that ends in a proper noun ("Bingu wa Mutharika", "the Committee to Protect
    Journalists"): it names, it tells no event (not the first word: "Rescued on Nov. 25 by fishermen" is
    a verb the entity recognizer took for a name's start)."""
    if tok.ent_iob_ != "I" or tok.ent_type_ not in NAME_TYPES:
        return False
    end = tok.i + 1
    while end < len(tok.doc) and tok.doc[end].ent_iob_ == "I":
        end += 1
    return tok.doc[end - 1].pos_ == "PROPN"


def _names_something(participle: "Token") -> bool:
    """The participle gives a name: a complement follows it ("titled 'Fire'", "named Ali", "dubbed BlogCamp
    2012"), a proper noun or a quotation mark right after it (or after a comma: "titled, \"This is War\"")."""
    doc, k = participle.doc, participle.i + 1
    if k < len(doc) and doc[k].text in (",", ":"):
        k += 1  # "a post titled, "Anna Karenina Won!""
    nxt = doc[k] if k < len(doc) else None
    return any(c.dep_ in ("oprd", "attr", "dobj", "npadvmod", "xcomp") for c in participle.children) or (
        nxt is not None and (nxt.pos_ == "PROPN" or nxt.is_quote or nxt.text in ("“", "‘")))


def in_fixed_expression(tok: "Token", lex: Lexicon) -> bool:
    """The word is the one of a set phrase that tells no event ("in order to", "That said,", "as follows")."""
    doc = tok.doc
    for words, at in lex.fixed_expressions.get(tok.lower_, ()):
        start = tok.i - at
        if start >= 0 and start + len(words) <= len(doc) and all(
                doc[start + k].lower_ == w for k, w in enumerate(words)):
            return True
    return False


def deverbal_ing(word: str, verbs: frozenset[str] | set[str]) -> bool:
    """True for "bombing", "trading", "shipping": an -ing noun whose verb stem is a known verb."""
    if len(word) < 6 or not word.endswith("ing"):
        return False
    stem = word[:-3]
    candidates = (stem, stem + "e", stem[:-1] if len(stem) > 2 and stem[-1] == stem[-2] else stem)
    return any(c in verbs for c in candidates)


_CONTRACTIONS = frozenset({"'re", "'s", "'m", "'ve", "'ll", "'d", "n't"})


def _english_word(tok: "Token") -> bool:
    """Not a URL, a hashtag or handle, a word in another script, nor the first part of a hyphenated
    word ("test" of "test-fired": the event is the whole word, found at its head, the last part)."""
    text = tok.text
    if text.lower().replace("’", "'") in _CONTRACTIONS:
        return False  # "they’re", "it’s", "don’t" with curly quotes: a copula, an auxiliary or a negation,
        # whatever the tagger says
    if (tok.like_url or text[:1] in "#@" or not any(ch.isalpha() for ch in text)
            or not text.replace("’", "'").isascii()):
        return False
    nxt = tok.nbor(1) if tok.i + 1 < len(tok.doc) else None
    if nxt is not None and nxt.text == "-" and not tok.whitespace_ and not nxt.whitespace_ and nxt.i + 1 < len(tok.doc):
        return False
    prev = tok.nbor(-1) if tok.i > 0 else None
    return not (prev is not None and prev.text[:1] in "#@" and not prev.whitespace_)


# where a sentence's stretches end: a quotation, a colon, brackets, a dash ("said: El promedio de ...")
_STRETCH_END = frozenset(":;()[]—") | {mark for pair in QUOTE_PAIRS for mark in pair}


def _stretches(span) -> list[list["Token"]]:
    """The words of a span (or a doc), cut at sentence starts and at quotation marks, colons and brackets."""
    parts: list[list["Token"]] = [[]]
    for tok in span:
        if (tok.is_sent_start or tok.text in _STRETCH_END) and parts[-1]:
            parts.append([])
        if tok.is_alpha:
            parts[-1].append(tok)
    return parts


def foreign_tokens(doc: "Doc", function_words: frozenset[str], text: str | None = None,
                   english_words: frozenset[str] = frozenset()) -> set[int]:
    """Indices of the tokens in stretches of another language: untranslated quotations the parser reads as
    English ("sungguh", "promulgou" as verbs). A stretch is foreign when two or more of its words are
    another language's function words or accented words ("cómodo") and they outnumber its English ones, or
    when its lower-case words are mostly ones no English dictionary (`english_words`, the model's lemmas) knows
    ("Tum bunlar olurken butun gece", a Turkish tweet without its letters); a paragraph is, when
    `is_foreign_paragraph` says so and none of its stretches reads as English."""
    def in_name(t: "Token") -> bool:
        # "Al Jazeera", "Le Monde", "Juan de la Cruz": a capitalized word or one beside a capitalized word
        return not t.text.islower() or any(0 <= j < len(doc) and doc[j].is_title for j in (t.i - 1, t.i + 1))

    out: set[int] = set()
    for stretch in _stretches(doc):
        foreign = sum((t.lower_ in function_words or not t.text.isascii()) and not in_name(t) for t in stretch)
        english = sum(t.is_stop and t.lower_ not in function_words for t in stretch)
        if (foreign >= 2 and foreign > english) or (english_words and _unknown_words(stretch, english_words)):
            out.update(t.i for t in stretch)
    # a whole paragraph in another language ("Savcı beraatini istedikten sonra görevden alınmıştır")
    text = text if text is not None else doc.text
    for start, end in paragraph_spans(text):
        span = doc.char_span(start, end, alignment_mode="expand") if is_foreign_paragraph(text[start:end]) else None
        # not one that holds English words too ("The group wrote: 'Mientras ...'", an Arabic post and its
        # translation in one paragraph): their stretches are judged one by one above
        if span is not None and not any(english_share(" ".join(t.text for t in part)) >= ENGLISH_SHARE
                                        for part in _stretches(span) if len(part) >= 3):
            out.update(t.i for t in span)
    return out


UNKNOWN_WORDS = 4  # lower-case words no English dictionary knows that make a stretch another language's...
UNKNOWN_SHARE = 3  # ...when they are more than this many times the words it knows, and none is an inflected English word


def _unknown_words(stretch: list["Token"], english_words: frozenset[str]) -> bool:
    """Most of the stretch's lower-case words are no English word: neither a common word nor a lemma the
    model knows ("Tum bunlar olurken butun gece ve gun roboskide top sesleri dinmedi"); not a tweet of
    English with lower-case names ("shabiha shelled khaldiyeh, bayada, ashira and bab sbaa": "shelled" is an
    English word with its ending)."""
    words = [t for t in stretch if t.text.islower()]
    known = [t for t in words if t.is_stop or t.lower_ in english_words or t.lemma_.lower() in english_words]
    if any(t.lower_ != t.lemma_.lower() and t.lemma_.lower() in english_words for t in known):
        return False
    unknown = len(words) - len(known)
    return unknown >= UNKNOWN_WORDS and unknown > UNKNOWN_SHARE * len(known)


_TITLE_SMALL_WORDS = frozenset({"a", "an", "the", "of", "to", "in", "on", "and", "or", "for", "at", "by", "with"})


def quoted_titles(doc: "Doc", quotes: Quotes) -> set[int]:
    """Indices of the tokens of a quoted title: every word of two or more capitalized but the small ones
    ("'Think Like A Man'", "\u201cBorn This Way\u201d", "'Why Did I Get Married'"), a film's or a
    song's name, no event."""
    out: set[int] = set()
    for a, b in quotes.spans:
        span = doc.char_span(a, b, alignment_mode="contract")
        if span is None:
            continue
        words = [t for t in span if t.is_alpha]
        big = [t for t in words if t.lower_ not in _TITLE_SMALL_WORDS]
        if 2 <= len(big) <= 8 and all(t.text[0].isupper() for t in big):
            out.update(t.i for t in span)
    return out


def addresses_reader(tok: "Token", pointers: frozenset[str]) -> bool:
    """An imperative of `pointers` (or a verb joined to one, or what it sends the reader to do): the page
    speaking to its reader ("Visit the blog and see more", "Please click here to watch the video"), no
    event."""
    if tok.dep_ in ("conj", "xcomp", "advcl"):
        return (tok.tag_ == "VB" and tok.head.i != tok.i and addresses_reader(tok.head, pointers)
                and not any(c.dep_ in ("nsubj", "nsubjpass", "auxpass", "expl") for c in tok.children))
    return tok.lemma_.lower() in pointers and imperative(tok)


def imperative(verb: "Token") -> bool:
    """A bare verb that opens its sentence with no subject and no auxiliary ("Please join today!", "Help
    manage the team", "See the video")."""
    return (verb.tag_ == "VB" and verb.dep_ == "ROOT" and opens_sentence(verb)
            and not any(c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass", "expl") for c in verb.children))


def opens_sentence(tok: "Token") -> bool:
    """The word opens its sentence, after punctuation and softeners ("Please join today!", "And see")."""
    first = tok.sent[0]
    while first.i < tok.i and (first.is_punct or first.lower_ in ("please", "also", "just", "now", "so", "and")):
        first = first.doc[first.i + 1]
    return first.i == tok.i


class TriggerFinder:
    """Decides, token by token, whether it triggers an event (and with which part of speech)."""

    def __init__(self, lexicon: Lexicon, verb_lemmas: Iterable[str] = (), english: frozenset[str] = frozenset()):
        self.lex = lexicon
        self.verbs = frozenset(verb_lemmas)
        self.english = english  # the lemmas the model knows, of every part of speech

    def foreign(self, doc: "Doc", text: str | None = None) -> set[int]:
        """The tokens of the document's stretches in another language (`text`: doc.text, when the caller has it)."""
        return foreign_tokens(doc, self.lex.foreign_function_words, text, self.english)

    def kind(self, tok: "Token") -> str | None:
        """"VERB", "NOUN" or "ADJ" when `tok` is a trigger, else None."""
        if not _english_word(tok) or in_a_name(tok) or in_fixed_expression(tok, self.lex):
            return None
        pos = tok.pos_
        if pos == "VERB":
            lemma = tok.lemma_.lower()
            if lemma in self.lex.non_event_verbs:
                return None
            if tok.tag_ == "VB" and addresses_reader(tok, self.lex.reader_pointers):
                return None  # "Visit the ISN blog and see more stories", "Click here": the page, no event
            if (tok.tag_ == "VBN" and tok.dep_ in ("acl", "amod", "oprd") and lemma in self.lex.naming_participles
                    and not any(c.dep_ == "agent" for c in tok.children) and _names_something(tok)):
                return None  # "a post titled 'Fire'", "a man named Ali" (not "a strike called by the unions")
            bad_deps = self.lex.non_event_verb_deps.get(tok.tag_)
            if bad_deps and tok.dep_ in bad_deps and tok.lower_ not in self.lex.verb_dep_exceptions:
                return None
            return "VERB"
        if pos == "NOUN":
            if tok.dep_ in self.lex.non_event_noun_deps:
                return None
            lemma = tok.lemma_.lower()
            if lemma in self.lex.eventive_nouns:
                return "NOUN"
            if tok.lower_ in self.lex.ing_noun_exclusions or lemma in self.lex.ing_noun_exclusions:
                return None
            if lemma.endswith("ing") and deverbal_ing(lemma, self.verbs):  # the lemma: "bombings" -> "bombing"
                return "NOUN"
            return None
        if pos == "ADJ" and tok.dep_ == "acomp" and tok.lemma_.lower() in self.lex.state_adjectives:
            return "ADJ"
        return None

    def find(self, doc: "Doc", quotes: Quotes | None = None, foreign: set[int] | None = None,
             text: str | None = None) -> list[tuple["Token", str]]:
        """All triggers of a parsed document, in text order, none in a stretch of another language nor in a
        quoted title (`quotes`: the document's quotations, `foreign`: its foreign tokens, when the caller
        has them)."""
        out = []
        text = text if text is not None else doc.text  # (spaCy rebuilds doc.text on each access)
        quotes = quotes if quotes is not None else quotes_of(text)
        foreign = foreign if foreign is not None else self.foreign(doc)
        skip = foreign | quoted_titles(doc, quotes)
        apparatus = apparatus_start(text)
        if apparatus is not None:  # "Sources", then the headlines of the sources: no events of the story
            skip = skip | {t.i for t in doc if t.idx >= apparatus}
        for a, b in trailing_sources(text):  # "(AFP via Courthouse News Service)": a source, no event
            sources = doc.char_span(a, b, alignment_mode="expand")
            if sources is not None and not (any(t.dep_ in ("nsubj", "nsubjpass", "expl") for t in sources)
                                            and any(t.tag_ in ("VBD", "VBZ", "VBP", "MD") for t in sources)):
                # (a clause has a subject and a finite verb: "(Both were released on bail on Tuesday)", not
                # "(Committee to Protect Journalists)")
                skip = skip | set(range(sources.start, sources.end))
        # "'Leme OCHI sti Chrysi Avgi' (We say NO to Golden Dawn)": a gloss; "Reactions online": a section's name
        skip = skip | _tokens_within(doc, _glosses(text, doc, foreign, self.english) + section_headings(text))
        labels = topic_labels(text)
        digest = bool(labels) and is_digest(text)
        for a, b in labels:
            label = doc.char_span(a, b, alignment_mode="expand")
            if label is not None and not any(t.pos_ in ("VERB", "AUX") and not (
                    digest and _plural_heading_end(t, label) and (t.lemma_.lower() in self.lex.eventive_nouns or not any(
                        w.pos_ in ("DET", "PRON") for w in label)))  # ("- Global surveillance disclosures")
                                             for t in label):
                skip = skip | set(range(label.start, label.end))  # "- Murder of Agnes Wanjiru": a story's name
        for tok in doc:
            if tok.i in skip:
                continue
            k = self.kind(tok)
            if k is not None and not (k == "VERB" and to_the_reader(tok)):
                out.append((tok, k))
        return out


def _tokens_within(doc: "Doc", spans: list[tuple[int, int]]) -> set[int]:
    """The indices of the tokens of the character spans (widened to whole tokens)."""
    out: set[int] = set()
    for a, b in spans:
        span = doc.char_span(a, b, alignment_mode="expand")
        if span is not None:
            out.update(range(span.start, span.end))
    return out


def _plural_heading_end(tok: "Token", label: "Span") -> bool:
    """The word that ends a digest's story heading reads as a verb in "-s" with nothing after it ("- Southern Syria
    clashes", "- 2025 Serbian protests"): the plural noun the heading names the story by, not a clause (the
    caller checks the noun is a happening's, or that no determiner opens a subject: not "- The prime minister
    resigns")."""
    last = next((t for t in reversed(label) if not t.is_space and not t.is_punct), None)
    return last is not None and tok.i == last.i and tok.tag_ == "VBZ" and tok.lower_.endswith("s")


READER_VERBS = event_words()["reader_verbs"]  # "You can follow the initiative through the hashtag"


def to_the_reader(verb: "Token") -> bool:
    """An instruction to the reader, no event: a verb of finding or following with "you" and "can", "may" or
    "could" ("You can see the list here", "you can download the podcast"), or after "please" ("Please check it
    out", "Please note that ..."; not "Scahill can be seen here" nor "they can follow the vote")."""
    if verb.lemma_.lower() not in READER_VERBS or verb.pos_ != "VERB":
        return False
    if any(c.lower_ == "please" and c.i < verb.i for c in verb.children) or (
            verb.i > 0 and verb.doc[verb.i - 1].lower_ == "please"):
        return True
    return any(c.dep_ == "nsubj" and c.lower_ == "you" for c in verb.children) and any(
        c.dep_ == "aux" and c.lower_ in ("can", "may", "could") for c in verb.children)


# a quotation and the parenthesis right after it: "'Não Vou Ficar' (I Will Not Stay)"
_QUOTED_THEN_PARENTHESIS = re.compile(r"[\"“‘']([^\"”’'\n]{2,80})[\"”’']\s*\(([^()\n]{3,100})\)")


def _glosses(text: str, doc: "Doc", foreign: set[int], english: frozenset[str]) -> list[tuple[int, int]]:
    """The (start, end) of the translations a text gives in parentheses after a quoted title or phrase in another
    language ("the Facebook group 'Leme OCHI sti Chrysi Avgi' (We say NO to Golden Dawn)", "'Não Vou Ficar' (I
    Will Not Stay)"): a gloss of words, no event (not a comment after English words: 'the "Million Man March"
    (which attracted a tenth of that many people)')."""
    out = []
    for m in _QUOTED_THEN_PARENTHESIS.finditer(text):
        quoted = doc.char_span(m.start(1), m.end(1), alignment_mode="expand")
        words = [t for t in quoted if t.is_alpha] if quoted is not None else []
        if words and 2 * sum(t.i in foreign or not t.text.isascii() or (bool(english) and t.lower_ not in english)
                             for t in words) > len(words):
            out.append(m.span(2))
    return out

