"""Who did it, to whom, and where: the arguments of a trigger, read from the dependency parse.

Verbs: agent = subject (or the "by" phrase of a passive; for "plans to hold" and "arrived and said" the
subject of the governing verb); patient = object or passive subject. Nouns: agent = possessor or "by"
phrase ("Russia's attack", "an attack by rebels"), else the subject of a light verb ("held talks");
patient = "of/on/against" phrase. Participants are the named entities inside the argument phrases.
A third-person pronoun is replaced by the last person named before it (a light, local coreference); the
subject pronoun of a sentence, by the last person who was a subject in the two sentences before.
"""

from __future__ import annotations

import bisect
from functools import lru_cache
from typing import TYPE_CHECKING

from pipeline.events.lexicon import event_words, load_lexicon
from pipeline.names import first_name_gender, is_platform
from pipeline.models import Participant
from pipeline.paragraphs import PARAGRAPH_BREAK
from pipeline.quotes import QUOTE_PAIRS, Quotes, quotes_of
from pipeline.temporal.context import CREDIT_BEFORE
from pipeline.temporal.resources import load_lexicon as temporal_lexicon

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Doc, Span, Token

PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
NAMED_LABELS = frozenset({"PERSON", "ORG", "GPE", "LOC", "FAC", "NORP"})
PLACE_PREPS = frozenset({"in", "at", "near", "outside", "inside", "across", "throughout", "into"})
EVENT_PREPS = frozenset({"at", "during", "after", "following", "before", "ahead", "on", "amid", "since"})
PATIENT_PREPS = frozenset({"of", "on", "against", "to", "into", "with"})
PERSONAL_PRONOUNS = frozenset({"he", "she", "him", "her"})
# verbs whose subject holds what their object names, so that it does the act that object's infinitive
# tells ("took the opportunity to capture", "is preparing a plan to inject", "stepped up their efforts to draw")
HOLDING_VERBS = event_words()["holding_verbs"]
# nouns whose infinitive whoever has them does ("recognizes the need to promote", "turned down a chance to
# face", "plucked up the courage to admit"), unless the verb judges someone else's ("criticized the attempt")
OWN_NOUNS = event_words()["own_nouns"]
# verbs that judge someone else's plan or chance rather than hold it ("condemned the plan to demolish")
OPINION_VERBS = event_words()["opinion_verbs"]
# nouns a passive's "by" names a means with, not a doer ("founded by law", "sent by mail"), when bare (not "by
# security forces")
BY_MEANS_NOUNS = event_words()["by_means_nouns"]
LIGHT_VERBS = event_words()["light_verbs"]
ARG_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "dative", "agent", "prep", "poss", "compound",
                      "npadvmod", "attr", "pobj", "amod", "nmod", "appos", "conj"})


NAMED_SUBJECT_TYPES = frozenset({"PERSON", "ORG", "NORP", "GPE"})


class DocEntities:
    """Named entities of a document indexed by token, and the people mentioned so far."""

    def __init__(self, doc: "Doc", quotes: Quotes | None = None, foreign: set[int] | frozenset[int] = frozenset()):
        self.by_token: dict[int, "Span"] = {}
        persons = []
        text = doc.text  # (rebuilt on every access)
        for ent in doc.ents:
            if ent.start in foreign:
                continue  # "jari tengah" ("middle finger") in an Indonesian tweet: read as a name, no one's
            brk = PARAGRAPH_BREAK.search(ent.text)
            if brk:  # "Matthew Ingram\n\nWriting": a name ends at its paragraph's end (a hard wrap is no end)
                ent = doc.char_span(ent.start_char, ent.start_char + brk.start(), label=ent.label_,
                                    alignment_mode="contract")
                if ent is None or not ent.text.strip():
                    continue
            for i in range(ent.start, ent.end):
                self.by_token[i] = ent
            if ent.label_ == "PERSON" and not any(t.text[:1].isupper() for t in ent):
                continue  # "jari" in a tweet, "nya": a name is written with a capital; no one's name, nor a place
            if ent.label_ == "PERSON" and not (ent.start > 0 and doc[ent.start - 1].like_num
                                               and doc[ent.start - 1].ent_type_ not in ("DATE", "TIME")) \
                    and not CREDIT_BEFORE.search(text, max(0, ent.start_char - 20), ent.start_char) \
                    and not is_platform(ent.text) and not _placed(ent):
                # not "500 Euros", a sum the model read as a name ("April 30 John Brennan" is one), nor a
                # picture's credit ("Image: Nick Moreau."), nor a website ("Twitter"): no one a pronoun can mean
                persons.append(ent)
        self._persons = persons
        self._pronoun_memo: dict[int, "Span | None"] = {}  # a subject pronoun -> whom it means (chains of "she")
        self.person_names = frozenset(p.text for p in persons)  # "is this speaker a person?" at once
        # peoples and places, which a model reads as speakers ("Zimbabweans say", "Bogotá:") but no one says "I"
        self.place_names = frozenset(e.text for e in doc.ents if e.label_ in ("GPE", "LOC", "NORP", "FAC"))
        self._person_starts = [p.start_char for p in persons]
        self._quotes = quotes if quotes is not None else quotes_of(doc.text)
        self._quoted = [self._quotes.containing(p.start_char) is not None for p in persons]  # named in a quotation
        self._gender = _genders(doc, persons, self._quotes)

    def persons_before(self, offset: int) -> list["Span"]:
        """The people named before `offset` (no picture credits, sums or websites), in order."""
        return self._persons[:bisect.bisect_left(self._person_starts, offset)]

    def last_person_before(self, offset: int) -> "Span | None":
        i = bisect.bisect_left(self._person_starts, offset)
        return self._persons[i - 1] if i else None

    def gender_of(self, name: str) -> str | None:
        """"m", "f" or None (unknown), as the text tells it (a title, the pronouns that follow the name)."""
        return self._gender.get(_person_key(name)) or first_name_gender(name)

    def may_be(self, name: str, pronoun: str) -> bool:
        """The person named may be the one a personal pronoun means: not known to be of the other gender."""
        return self.gender_of(name) in (None, PRONOUN_GENDER.get(pronoun.lower()))

    def person_for_pronoun(self, pronoun: "Token") -> "Span | None":
        """The last person named before a personal pronoun who is not known to be of the other gender
        ("Joyce Banda was sworn in after Bingu wa Mutharika died. She ..." is Banda); when every person
        within reach is of the other gender, the last one named (the text may call no one else), unless the
        text itself tells that one's gender (a title, a kin word), not only a first name."""
        i = bisect.bisect_left(self._person_starts, pronoun.idx)
        lo = max(0, i - PRONOUN_REACH)
        near = self._persons[lo:i]
        if self._quotes.containing(pronoun.idx) is None:
            # the reporter's "he" is no one named only inside a quotation ("He concludes:" after a quote
            # that names "Sata-appointed" officials)
            near = [p for p, quoted in zip(near, self._quoted[lo:i]) if not quoted]
        if pronoun.dep_ in ("nsubj", "nsubjpass") and pronoun.head.dep_ == "ROOT":
            # the subject of a sentence goes on with the last person who was a subject in the sentences
            # before ("Montalvo contacted former members, who put him in touch with Devocht. He traveled to
            # Florida" is Montalvo), not with a name in an object or a phrase; a pronoun inside a clause
            # ("polls show that he would have won") is left to the nearest name
            first = _sentences_back(pronoun, SUBJECT_REACH_SENTENCES)
            subject = next((p for p in reversed(near) if (is_subject(p) or _owner_in_sentence(p, pronoun))
                            and self.may_be(p.text, pronoun.lower_) and first <= p.start), None)
            unnamed = _gendered_subject(pronoun, max(first, subject.end if subject is not None else 0))
            if unnamed is not None and unnamed.root.pos_ == "PRON":  # "My mom gives me pause. She was always the
                before = unnamed.root  # energetic one. She had to be ...": the same one as the "she" before
                if before.i not in self._pronoun_memo:
                    self._pronoun_memo[before.i] = self.person_for_pronoun(before)
                return self._pronoun_memo[before.i]
            if unnamed is not None:
                return unnamed  # "In March, a 20-year-old girl died ... She arrived at the hospital": the girl
            if subject is not None:
                return subject
        for k in range(len(near) - 1, -1, -1):
            p = near[k]
            if self.may_be(p.text, pronoun.lower_):
                # not a name inside the phrase of a subject named before it ("John Brennan, advisor to
                # President Obama, gave a speech in which he defended ..." is Brennan)
                holder = next((q for q in near[:k] if q.root.dep_ in ("nsubj", "nsubjpass")
                               and q.root.left_edge.i <= p.start and p.end - 1 <= q.root.right_edge.i
                               and self.may_be(q.text, pronoun.lower_)), None)
                return holder or p
        last = self._persons[i - 1] if i else None
        if last is not None and self._gender.get(_person_key(last.text)) not in (None, PRONOUN_GENDER.get(pronoun.lower_)):
            return None  # the text tells this one is of the other gender ("Paris's father, Albert Jaquier"): not "she"
        return last

    def phrase(self, tok: "Token") -> str:
        """The entity containing `tok`, a resolved pronoun, or the token with its compounds and possessor."""
        doc = tok.doc
        while tok.i + 2 < len(doc) and _hyphen_joins(doc, tok.i):
            tok = doc[tok.i + 2]  # "vice-president", which the tokenizer splits: its head is "president"
        ent = self.by_token.get(tok.i)
        if ent is not None and ent.label_ in ("CARDINAL", "QUANTITY") and any(
                c.dep_ == "appos" and c.ent_type_ in NAMED_SUBJECT_TYPES for c in tok.children):
            ent = None  # "One of the foremost organizations, the Robert F. Kennedy Center, is calling": the center
        if ent is not None and ent.label_ not in ("DATE", "TIME"):  # "two men days" read as a date
            return _line_of(ent.text, tok.idx - ent.start_char)
        if ent is None:  # "the chief executive, John Smith, said": the name in apposition
            named = next((c for c in tok.children if c.dep_ == "appos" and c.ent_type_ in NAMED_SUBJECT_TYPES
                          and self.by_token.get(c.i) is not None), None)
            handle = next((c for c in tok.children if c.dep_ in ("appos", "npadvmod", "compound")
                           and c.text.startswith("@") and len(c.text) > 1), None)
            if named is None and handle is not None and tok.pos_ == "NOUN":
                return handle.text  # "Twitter user @gree wrote": the handle names the user
            if named is None and (tok.pos_ == "NOUN" or (tok.pos_ == "PROPN" and tok.is_sent_start and any(
                    c.dep_ == "cc" for c in tok.children))):
                # (a title opening the sentence may be read as a name: "Blogger and journalist Joseph Dana")
                # "Journalist and popular blogger Oleg Kashin", "Oppositionist blogger and favorite of
                # Navalny's, Vladislav Naganov": the name the titles lead to, not one inside an "of" phrase
                named = _name_in_titles(tok, self.by_token)
            if named is not None:
                return _line_of(self.by_token[named.i].text, 0)
        if tok.lower_ in PERSONAL_PRONOUNS:
            named = _clause_holder(tok)
            if named is not None and self._quotes.containing(tok.idx) is None \
                    and self.may_be(self.phrase(named), tok.lower_):
                p = self.person_for_pronoun(tok)  # (the fuller name of the same one, when named so before)
                # "Sarvis notes he favors school choice": Sarvis, named as a person or not
                return p.text if p is not None and named.text in p.text.split() else self.phrase(named)
            p = self.person_for_pronoun(tok)
            if p is not None:
                return p.text
        if tok.lower_ == "his" and tok.dep_ == "poss":
            # "Khinshtein responded by publishing the full text of his letter to Chaika": the subject of his
            # clause, a man named or "he", else no one ("her" is read above)
            subject = _clause_subject(tok)
            if subject is not None and any(self.by_token.get(i) is not None and self.by_token[i].label_ == "PERSON"
                                           and self.by_token[i].start > subject.i for i in range(subject.i + 1, tok.i)):
                subject = None  # "John Smith thanked Peter Jones for his support": either man's
            if subject is not None and subject.lower_ == "he":
                return self.phrase(subject)
            if subject is not None and subject.pos_ == "PROPN" and self.by_token.get(subject.i) is not None \
                    and self.by_token[subject.i].label_ == "PERSON" and self.may_be(self.phrase(subject), "his"):
                return self.phrase(subject)
        left = [c for c in tok.lefts if c.dep_ in ("compound", "amod", "poss", "nmod", "nummod")
                and not is_dateline(c)  # "GENEVA, Switzerland — Negotiators": the negotiators
                and not (c.dep_ == "compound" and c.lower_ in TIME_OF_DAY_WORDS)  # "Sunday afternoon internet users"
                and not _fronted_day(c)]  # "On May 7 Saudi activists gathered": the activists
        start = min([tok.i] + [min(t.i for t in c.subtree) for c in left])
        end = tok.i + 1
        while start >= 2 and _hyphen_joins(doc, start - 2):
            start -= 2  # back to "vice" of "vice-president"
        if start < tok.i and doc[start].text in ("-", "*", "•") and (start == 0 or "\n" in doc[start - 1].text):
            start += 1  # "- Three people are killed": a list's bullet the parser hung on the phrase
        of = next((c for c in tok.rights if c.dep_ == "prep" and c.lower_ == "of" and c.i == tok.i + 1), None)
        tail = list(of.subtree) if of is not None else []
        if of is not None and tok.pos_ == "NOUN" and len(tail) <= OF_NAME_TOKENS and not any(
                t.is_punct for t in tail) and any(g.dep_ == "pobj" and g.pos_ == "PROPN" for g in of.children):
            end = tail[-1].i + 1  # "the head of State", "the president of the United States"
        elif of is not None and tok.lower_ in QUANTITY_HEADS and len(tail) <= OF_NAME_TOKENS and not any(
                t.is_punct for t in tail):
            end = tail[-1].i + 1  # "Much of the local media failed": who failed is the media
        span = tok.doc[start:end]
        return _line_of(span.text, tok.idx - span.start_char)


def _clause_subject(tok: "Token") -> "Token | None":
    """The subject of the nearest clause above `tok` that has one (of a verb it hangs on, through objects and
    phrases, or of the verb a participle or infinitive of it depends on)."""
    node = tok
    for _ in range(len(tok.doc)):  # bounded: a malformed parse must not loop forever
        if node.pos_ in ("VERB", "AUX"):
            subject = next((c for c in node.children if c.dep_ in ("nsubj", "nsubjpass")), None)
            if subject is not None:
                return subject
        if node.head.i == node.i or node.dep_ in ("ccomp", "relcl", "parataxis"):
            return None  # (not across into the clause a report or a relative clause hangs on)
        node = node.head
    return None


def _clause_holder(pronoun: "Token") -> "Token | None":
    """The proper-noun subject of the clause a subject pronoun's clause hangs on ("Sarvis notes he favors",
    "Sarvis discusses the governor he most admires"): whom the pronoun means, before any name in between."""
    if pronoun.dep_ not in ("nsubj", "nsubjpass") or pronoun.head.dep_ not in ("ccomp", "relcl"):
        return None
    verb = pronoun.head.head
    if pronoun.head.dep_ == "relcl":
        if verb.dep_ not in ("dobj", "pobj", "attr"):
            return None
        verb = verb.head.head if verb.dep_ == "pobj" else verb.head
    subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subj is None or subj.pos_ != "PROPN" or subj.is_upper or subj.i > pronoun.i or not (
            subj.ent_type_ in ("", "PERSON") or (subj.ent_type_ == "ORG" and _one_word_entity(subj))):
        # (not '"He wanted to go home," Cid said': someone the speaker speaks of; a surname alone the
        # recognizer calls an organisation may be a person's: "Sarvik notes he favors")
        return None
    return subj


def _one_word_entity(tok: "Token") -> bool:
    doc = tok.doc
    return tok.ent_iob_ == "B" and not (tok.i + 1 < len(doc) and doc[tok.i + 1].ent_iob_ == "I")


def _hyphen_joins(doc: "Doc", i: int) -> bool:
    """Token i and token i + 2 are one word the tokenizer split at its hyphen ("vice-president", "ex-minister";
    `pipeline.nlp` keeps "co-founder" whole)."""
    return (i + 2 < len(doc) and doc[i].whitespace_ == "" and doc[i + 1].text == "-" and doc[i + 1].whitespace_ == ""
            and doc[i].is_alpha and doc[i + 2].is_alpha)


OF_NAME_TOKENS = 6  # the longest "of" phrase kept in a role's name ("the acting head of the Kyiv prison")


PRONOUN_GENDER = {"he": "m", "him": "m", "his": "m", "himself": "m",
                  "she": "f", "her": "f", "hers": "f", "herself": "f"}
TITLE_GENDER = {"mr": "m", "mr.": "m", "sir": "m", "mrs": "f", "mrs.": "f", "ms": "f", "ms.": "f", "miss": "f"}
PRONOUN_REACH = 6  # persons looked back at for a pronoun
SUBJECT_REACH_SENTENCES = 2  # sentences looked back at for the subject a subject pronoun goes on with


def is_subject(person: "Span") -> bool:
    """The name is a clause's subject, or stands in apposition to one ("The activist, Abeer Al Yosofi, said")."""
    root = person.root
    return root.dep_ in ("nsubj", "nsubjpass") or (root.dep_ == "appos" and root.head.dep_ in ("nsubj", "nsubjpass"))


def _owner_in_sentence(person: "Span", pronoun: "Token") -> bool:
    """The person owns the subject of a clause earlier in the pronoun's own sentence ("Although Chirkunov's
    appointment would have lasted until 2015, he decided to resign"): whom a subject pronoun after it goes on
    with."""
    return (person.root.dep_ == "poss" and person.root.head.dep_ in ("nsubj", "nsubjpass")
            and pronoun.sent.start <= person.start and person.end <= pronoun.i)  # (not "After reading Putin's letter")


def _gendered_subject(pronoun: "Token", start: int) -> "Span | None":
    """The last subject before a subject pronoun, from `start` on, that is a noun of its gender and names no
    one ("a 20-year-old girl", "my mom", "an aged man"): what the pronoun goes on with; or the same pronoun
    as the subject of a sentence before, which goes on with whom that one means."""
    gender = PRONOUN_GENDER.get(pronoun.lower_)
    doc = pronoun.doc
    for tok in reversed(doc[start:pronoun.sent.start]):
        if tok.dep_ not in ("nsubj", "nsubjpass") or tok.head.dep_ != "ROOT":
            continue  # a sentence's subject ("with 2 kids to raise" is no one the story goes on with)
        if tok.pos_ == "PRON" and PRONOUN_GENDER.get(tok.lower_) == gender:
            return doc[tok.i:tok.i + 1]
        if tok.tag_ != "NN" or GENDERED_NOUNS.get(tok.lemma_.lower()) != gender or any(
                c.dep_ == "appos" for c in tok.children):
            return None  # the last subject is someone or something else
        left = min([tok.i] + [c.left_edge.i for c in tok.lefts if c.dep_ != "det"])
        return doc[left:tok.i + 1]
    return None


def _sentences_back(tok: "Token", n: int) -> int:
    """The first token of the sentence n sentences before `tok`'s (its own for n = 0)."""
    start = tok.sent.start
    for _ in range(n):
        if start == 0:
            break
        start = tok.doc[start - 1].sent.start
    return start


def _name_in_titles(tok: "Token", by_token: dict[int, "Span"]) -> "Token | None":
    """A person's name reached from a title word through conjoined titles, appositions and compounds."""
    # a determiner makes a conjunct another person ("the minister and John Smith resigned")
    deps = ("appos", "compound") if any(c.dep_ == "det" for c in tok.children) else ("conj", "appos", "compound")
    # names after the titles only: "the Santorum cocktail" is a drink
    stack = [c for c in tok.children if c.dep_ in deps and c.i > tok.i]
    for _ in range(12):
        if not stack:
            return None
        node = stack.pop(0)
        ent = by_token.get(node.i)
        if ent is not None and ent.label_ == "PERSON":
            return node
        stack.extend(c for c in node.children if c.dep_ in ("conj", "appos", "compound") and c.i > tok.i)
    return None


def _person_key(name: str) -> str:
    """A person as named: the whole name (a surname alone could be another person's given name: "Josep
    Maria" and "Maria")."""
    return " ".join(name.lower().split())


def _genders(doc: "Doc", persons: list["Span"], quotes: Quotes) -> dict[str, str]:
    """Each person's gender as the text shows it: a title before the name ("Mrs. Banda") settles it; else
    the subject pronouns that can only mean that person -- of another clause of the one sentence that
    names that person alone, or opening the sentence after one that names one person and no one else's
    ("Banda was sworn in. She ..."; not after "Smith praised his wife."). Pronouns that disagree leave
    the person unknown; so does a name the text never settles."""
    titled: dict[str, str] = {}
    for p in persons:
        if p.start > 0:
            g = TITLE_GENDER.get(doc[p.start - 1].lower_)
            if g:
                titled.setdefault(_person_key(p.text), g)
    seen: dict[str, set[str]] = {}
    if persons and doc.has_annotation("SENT_START"):
        sents = list(doc.sents)
        starts = [s.start for s in sents]
        in_sent: list[list["Span"]] = [[] for _ in sents]
        for p in persons:
            in_sent[bisect.bisect_right(starts, p.start) - 1].append(p)
        for k, sent in enumerate(sents):
            for t in sent:
                g = PRONOUN_GENDER.get(t.lower_)
                if g is None or t.dep_ not in ("nsubj", "nsubjpass") or quotes.containing(t.idx) is not None:
                    continue  # an object ("Muluzi met her") is someone else than its clause's subject; a
                    # quotation speaks of its own people
                if in_sent[k]:
                    # "Banda said she would stay": a subject pronoun of another clause than the name's
                    here = {_person_key(p.text) for p in in_sent[k] if p.start < t.i and p.root.head.i != t.head.i}
                elif k and t.i - sent.start <= 2 and not any(
                        w.tag_ == "PRP$" or w.dep_ == "poss" for w in sents[k - 1]):
                    here = {_person_key(p.text) for p in in_sent[k - 1]}  # "Banda was sworn in. She ..."
                else:
                    continue
                if len(here) == 1:
                    seen.setdefault(next(iter(here)), set()).add(g)
    kin: dict[str, str] = {}
    for k, p in enumerate(persons):
        key = _person_key(p.text)
        # "Thomas Sam, 42, and his wife Manju Sam": a possessive of kin joined to a name is that person's
        nxt = persons[k + 1].start if k + 1 < len(persons) else len(doc)
        for t in doc[p.end:min(p.end + KIN_REACH, nxt)]:
            if t.lower_ in ("his", "her") and t.i + 1 < len(doc) and doc[t.i + 1].lower_ in KIN_NOUNS \
                    and doc[t.i - 1].lower_ in ("and", "with"):  # not "Serkalem Fasil, his wife": her
                kin.setdefault(key, PRONOUN_GENDER[t.lower_])
                break
        # "Serkalem Fasil, his wife", "Ahmed Ali, the victim's father": a gendered noun in apposition
        window = doc[p.end:p.end + 4]
        if len(window) >= 2 and window[0].text == ",":
            noun = next((t for t in window[1:] if t.pos_ == "NOUN" and t.dep_ != "poss"), None)  # (not "the boy's")
            if noun is not None and noun.lower_ in GENDERED_NOUNS:
                kin.setdefault(key, GENDERED_NOUNS[noun.lower_])
        # "Paris's father, Albert Jaquier", "her husband, Tom": the name in apposition to a gendered noun
        if p.root.dep_ == "appos" and p.root.head.lower_ in GENDERED_NOUNS:
            kin.setdefault(key, GENDERED_NOUNS[p.root.head.lower_])
    gender = kin
    gender.update({key: next(iter(gs)) for key, gs in seen.items() if len(gs) == 1})
    gender.update(titled)
    return gender


KIN_REACH = 6  # tokens after a name in which "his wife", "her son" speak of that person
GENDERED_NOUNS = event_words()["gendered_nouns"]
KIN_NOUNS = event_words()["kin_nouns"]


def _line_of(text: str, at: int) -> str:
    """The paragraph of `text` that holds offset `at`: a name never runs across a paragraph break
    ("Matthew Ingram\n\nWriting" -> "Writing" when the token is "Writing"); a hard-wrapped line
    ("Emmanuel\nMacron") is one name."""
    if not PARAGRAPH_BREAK.search(text):
        return " ".join(text.split()) if "\n" in text else text
    start = max((m.end() for m in PARAGRAPH_BREAK.finditer(text, 0, at + 1) if m.end() <= at), default=0)
    m = PARAGRAPH_BREAK.search(text, at)
    return " ".join(text[start:len(text) if m is None else m.start()].split())


def _child(tok: "Token", deps: tuple[str, ...]) -> "Token | None":
    for c in tok.children:
        if c.dep_ in deps:
            return c
    return None


def _prep_objects(tok: "Token", preps: frozenset[str]):
    for c in tok.children:
        if c.dep_ == "prep" and c.lower_ in preps:
            for o in c.children:
                if o.dep_ == "pobj":
                    yield c, o


DATELINE_DASHES = frozenset({"—", "–", "-", "--", "("})


def is_dateline(tok: "Token") -> bool:
    """A word of a news dateline ("LISBON —", "KOUROU, French Guiana —"): the article's place, which the
    parser often takes for the first sentence's subject. Upper case, near the start of its sentence,
    before a dash."""
    if not (tok.is_upper and tok.is_alpha and len(tok.text) > 1):
        return False
    sent = tok.sent
    if tok.i - sent.start > 8:
        return False
    doc = tok.doc
    # (a dash set off by a space, not a word's hyphen: "The US clearly needs to re-evaluate")
    return any(t.text in DATELINE_DASHES and doc[t.i - 1].whitespace_ for t in doc[tok.i + 1: min(sent.end, tok.i + 7)])


def _subject(node: "Token", deps: tuple[str, ...]) -> "Token | None":
    """The node's subject, passing over a dateline word (or taking what stands in apposition to it)."""
    found, in_apposition = [], []
    for c in node.children:
        if c.dep_ not in deps:
            continue
        if not is_dateline(c):
            found.append(c)
            continue
        in_apposition += [a for a in c.children if a.dep_ == "appos"]
    if len(found) > 1:  # "The blogger Njeri Wangari wrote", parsed with two subjects: the named one
        named = [c for c in found if c.ent_type_ in NAMED_SUBJECT_TYPES]
        if named:
            return named[0]
        last = found[-1]
        if (last.pos_ in ("NOUN", "PROPN") and last.is_alpha and last.left_edge.i == found[-2].right_edge.i + 1
                and found[-2].right_edge.pos_ not in ("ADP", "CCONJ") and last.left_edge.tag_ not in ("WP$", "WDT", "WP")):
            return last  # one noun phrase split in two: "A magnitude 6.7 earthquake hits" (the earthquake hits)
        return found[0]
    if found:  # "WASHINGTON, Sept. 12 (Northwire) - The Senate passed": the Senate, not the agency
        return _past_time_phrase(_after_fronted_phrase(found[0]))
    return in_apposition[0] if in_apposition else _swallowed_subject(node, deps)


def _swallowed_subject(verb: "Token", deps: tuple[str, ...]) -> "Token | None":
    """A subject the parser put inside a fronted phrase ("In a comment on the website Gazeta.ru, Olga
    Petrova, the director of ..., challenged": Petrova, read as a conjunct, an apposition or an object of
    the phrase): a person set off by a comma whose phrase ends just before the verb (but for commas)."""
    if "nsubj" not in deps:
        return None
    doc = verb.doc
    fronted = next((c for c in verb.children if c.dep_ == "prep" and c.i < verb.i), None)
    if fronted is None or fronted.i != (verb.sent[0].i if doc.has_annotation("SENT_START") else 0):
        return None
    def set_off(t: "Token") -> bool:  # the person's phrase (or the one it is the object of) follows a comma
        return any(a.dep_ in ("conj", "appos", "dobj") and a.left_edge.i > 0 and doc[a.left_edge.i - 1].text == ","
                   for a in (t, t.head))

    people = [t for t in fronted.subtree if t.ent_type_ == "PERSON" and t.dep_ in ("conj", "appos", "dobj")
              and set_off(t) and not any(c.dep_ in ("cc", "preconj") for c in t.head.children)]
    if not people:
        return None
    last = people[-1]
    between = doc[last.right_edge.i + 1:verb.i]
    return last if all(t.is_punct for t in between) else None


TIME_SUBJECT_WORDS = frozenset({"time", "day", "week", "month", "year", "morning", "evening", "night", "weekend"})


def _past_time_phrase(subject: "Token") -> "Token | None":
    """A time phrase the parser took for the subject ("this time around Mayor Gustavo Petro has decided"):
    the name it swallowed, else no subject."""
    if subject.lower_ not in TIME_SUBJECT_WORDS or not any(
            c.dep_ == "det" and c.lower_ in ("this", "that", "next", "last", "each", "every") for c in subject.children):
        return subject
    return next((t for t in subject.subtree if t.i > subject.i and t.pos_ == "PROPN" and t.dep_ == "pobj"), None)


def _after_fronted_phrase(subject: "Token") -> "Token":
    """The subject after a fronted phrase the parser took for a first conjunct ("In a comment on the
    website Snob.ru, Elena Panfilova challenged ...": Panfilova, not Snob.ru): a list with no "and" or
    "or" in a sentence that opens with a preposition."""
    chain = [subject]
    while (nxt := next((c for c in chain[-1].children if c.dep_ == "conj"), None)) is not None and len(chain) < 6:
        chain.append(nxt)
    if len(chain) < 2 or any(c.dep_ in ("cc", "preconj") for t in chain for c in t.children):
        return subject
    first = subject.sent[0] if subject.doc.has_annotation("SENT_START") else subject.doc[0]
    return chain[-1] if first.pos_ == "ADP" and first.i < subject.i else subject


RELATIVE_PRONOUNS = frozenset({"who", "which", "that", "whom"})
# words of a time the parser may hang on the noun after them: the tagger's parts of day ("Sunday afternoon
# internet users"), the night's words and the deictic days ("today reds")
TIME_OF_DAY_WORDS = frozenset(temporal_lexicon().parts_of_day) | {"tonight", "midnight", "today", "yesterday", "tomorrow"}
QUANTITY_HEADS = event_words()["quantity_heads"]
WHO_PREPS = frozenset({"with", "from", "in", "at", "near", "inside"})  # "a guy with a knife who", "based in X, who"
# verbs whose object does what the infinitive after it says ("asked the PM to resign"), unlike "used
# digital tools to build links" or "would like to see"
OBJECT_CONTROL_VERBS = event_words()["object_control_verbs"]
CALL_ON_PREPS = frozenset({"on", "upon", "for"})
# nouns whose possessor undergoes the act ("his arrest", "the journalist's murder")
UNDERGONE_NOUNS = event_words()["undergone_nouns"]
THANKS_NOUNS = event_words()["thanks_nouns"]  # "thanks to X for doing"


def called_on(verb: "Token") -> "Token | None":
    """The "on" or "for" of a "call" that asks for something ("called on the government to resign",
    "called for an inquiry"), else None."""
    if verb.lemma_.lower() != "call" or verb.pos_ != "VERB":
        return None
    return next((c for c in verb.children if c.dep_ == "prep" and c.lower_ in CALL_ON_PREPS
                 and c.i == verb.i + 1 and any(g.dep_ == "pobj" and g.ent_type_ not in ("DATE", "TIME")
                                               for g in c.children)), None)  # not "called on Friday"


# verbs that judge, punish or reward someone "for" an act: the act comes first, and is that someone's
JUDGING_VERBS = event_words()["judging_verbs"]
CRIME_NOUNS = event_words()["crime_nouns"]  # what one is judged "in": "charged in the killing of a teacher"
SHARE_NOUNS = event_words()["share_nouns"]  # "jailed for his part in the bombing"
OCCASION_CRIMES = frozenset({"attack", "assault"})  # "a suspect in the attack", but "arrested in an assault on the camp"
ARRESTING_VERBS = frozenset({"arrest", "detain"})  # whose "in an assault" may be the occasion of the arrests
# gerunds whose object is not done by them ("accused of planning terrorist acts"; but "of setting fire to a church")
PLANNING_GERUNDS = frozenset({"plan", "plot", "prepare", "attempt", "try", "seek", "intend", "threaten", "aim", "conspire"})
DOER_NOUNS = event_words()["doer_nouns"]  # "the perpetrator of the stabbing": it came first
REVIEWING_VERBS = event_words()["reviewing_verbs"]  # "upholds the court's order": it came first
DECISION_NOUNS = event_words()["decision_nouns"]  # what they review
# "stopped the gallery from displaying", "kept Joe Trippi from firing her": the object does not act
PREVENTING_VERBS = event_words()["preventing_verbs"]
# nouns of an aim that "is to" do something: the aim does nothing ("the goal is to come up with ...")
PURPOSE_NOUNS = event_words()["purpose_nouns"]


def _antecedent(rel: "Token") -> "Token | None":
    """The noun a relative pronoun stands for ("Ndagha, who says ...", "the leaks, which villagers say
    have killed fish"): the head of the relative clause it opens."""
    node = rel.head
    for _ in range(4):
        if node.dep_ == "relcl":
            noun = node.head
            if (rel.lower_ in ("who", "whom", "whose") and noun.dep_ == "pobj" and noun.ent_type_ != "PERSON"
                    and noun.head.lower_ in WHO_PREPS):
                # "a guy with a knife who wanted to hurt us": the guy; "a journalist, currently based in
                # Trinidad & Tobago, who has worked": the journalist -- no thing or place is a who
                up = noun
                for _ in range(4):
                    if up.head.i == up.i:
                        break
                    up = up.head
                    if up.pos_ in ("NOUN", "PROPN") and up.ent_type_ not in ("GPE", "LOC", "FAC"):
                        return up
            if noun.lower_ == "one" and noun.dep_ == "attr":
                # "She is the one who removed the minister": she
                subject = next((c for c in noun.head.children if c.dep_ == "nsubj"), None)
                if subject is not None:
                    return subject
            named = _named_person_of(noun) if rel.lower_ in ("who", "whom", "whose") else None
            if named is not None:
                return named  # "Ivan Bolshakov, a deputy chairman of Yabloko's branch, who faulted": Bolshakov
            if noun.dep_ == "pobj" and noun.head.lower_ == "of" and noun.tag_ in ("NNP", "NN") \
                    and noun.head.head.tag_ == "NNS" and _plural_verb(node):
                return noun.head.head  # "supporters of Abu Ismail who were protesting": the supporters
            if (noun.dep_ == "pobj" and noun.head.lower_ == "of" and (noun.like_num or noun.lower_ in ("%", "percent"))
                    and noun.head.head.pos_ == "NOUN"):
                return noun.head.head  # "a pay rise of 2%, which Ferreira called an insult": the rise
            return noun
        if node.dep_ not in ("ccomp", "xcomp", "conj") or node.head.i == node.i:
            return None
        node = node.head
    return None


def _named_person_of(noun: "Token") -> "Token | None":
    """The person a role noun a "who" follows is said of: the name it stands in apposition to ("Ivan
    Bolshakov, a deputy chairman of Yabloko's Moscow branch, who"), through the "of" phrase it may end in, or
    the subject it is the predicate of ("Al-Gizawi is a brave lawyer who defended")."""
    node = noun
    for _ in range(3):
        if node.ent_type_ == "PERSON":
            return None  # a name itself: the who is that one
        if node.dep_ == "pobj" and node.head.lower_ == "of" and node.head.head.pos_ == "NOUN":
            node = node.head.head
            continue
        if node.dep_ == "appos" and node.head.ent_type_ == "PERSON":
            return node.head
        if node.dep_ == "attr" and node.head.lemma_ == "be":
            subject = next((c for c in node.head.children if c.dep_ == "nsubj"), None)
            return subject if subject is not None and subject.ent_type_ == "PERSON" else None
        return None
    return None


def _plural_verb(verb: "Token") -> bool:
    """The clause's finite verb agrees with a plural ("who were protesting", "who have fled")."""
    finite = [verb] + [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    return any(t.tag_ == "VBP" or t.lower_ in ("were", "are", "have") for t in finite) and not any(
        t.tag_ == "VBZ" or t.lower_ in ("was", "is", "has") for t in finite)


CLOSING_QUOTES = frozenset(close for _, close in QUOTE_PAIRS)


def _inverted_speaker(verb: "Token") -> "Token | None":
    """ "'...,' added KCNA": a name right after a verb that follows a closing quotation mark, which the
    parser takes for an object, is the one who spoke."""
    if verb.i < 1 or verb.doc[verb.i - 1].text not in CLOSING_QUOTES:
        return None
    nxt = verb.doc[verb.i + 1] if verb.i + 1 < len(verb.doc) else None
    name = nxt.head if nxt is not None and nxt.dep_ == "compound" else nxt
    if name is not None and name.head.i == verb.i and name.dep_ in ("dobj", "npadvmod", "attr") \
            and name.pos_ == "PROPN":
        return name
    return None


def _gapped_passive(verb: "Token") -> bool:
    """A bare past participle that shares a passive's auxiliary ("people were displaced and many settlements
    razed") or completes one ("a couple was found murdered"): passive too, its doer unsaid."""
    if verb.tag_ != "VBN" or any(c.dep_ in ("aux", "auxpass") for c in verb.children) or verb.head.i == verb.i:
        return False
    head = verb.head
    if verb.dep_ == "conj" and head.lemma_ == "be" and head.tag_ == "VBN" and not any(
            c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
        return True  # "Zhao's speech has been partially transcribed and published": has been published
    head_passive = any(c.dep_ == "auxpass" for c in head.children)
    return head_passive and (verb.dep_ in ("oprd", "xcomp", "acomp") or (
        verb.dep_ == "conj" and any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children)))


def subject_of(verb: "Token") -> "Token | None":
    if _gapped_passive(verb):
        return None
    if _subject(verb, ("nsubjpass",)) is not None or _befallen(verb) is not None:
        return None  # "Razan was arrested", "had his immunity lifted": what the act befell; the doer unsaid
    inverted = _inverted_speaker(verb)
    if inverted is not None:
        return inverted
    before = _listed_after(verb)
    if before is not None:
        return subject_of(before)  # "force the police to use tear gas, to beat protesters": the police beat
    if (verb.dep_ == "acl" and verb.tag_ == "VBG" and verb.head.pos_ in ("NOUN", "PROPN", "PRON")
            and verb.head.i < verb.i and not any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children)):
        return verb.head  # "it was the cops telling us to leave", "protesters chanting slogans": they do it
    node = verb
    for _ in range(4):
        subj = _subject(node, ("nsubj", "csubj") if node.i == verb.i else ("nsubj", "csubj", "nsubjpass"))
        if subj is not None and subj.lower_ in RELATIVE_PRONOUNS and subj.tag_ in ("WP", "WDT"):
            return _antecedent(subj) or subj
        if subj is not None and subj.lower_ == "it" and _extraposed(node):
            # "It took the police 12 hours to show up", "It was amazing to watch": "it" stands for the
            # clause; whoever acts is the one the time was taken of, else unsaid
            return _child(node, ("dative", "dobj")) if node.i != verb.i and node.lemma_ == "take" else None
        if subj is not None and node.i != verb.i and node.lemma_ == "be" and subj.lemma_.lower() in PURPOSE_NOUNS:
            # "Her first task was to sack the police chief": she sacks, not the task
            return _child(subj, ("poss",))
        if (subj is not None and node.i != verb.i and _passive(verb)
                and any(c.dep_ == "auxpass" and c.lower_ in ("being", "been", "be") for c in verb.children)
                and verb.dep_ in ("xcomp", "ccomp", "pcomp")):
            return None  # "Jordy reported being taken to a police station": taken by someone unsaid
        if subj is not None and subj.dep_ == "nsubjpass" and node.i != verb.i and _passive(verb):
            return None  # "was arrested in 2006 and was eventually sentenced", "taken into custody, released":
            # the one it befell, the doer unsaid
        if subj is not None:  # "he is expected to hold": the raised subject is the one who holds
            return subj
        if node.dep_ in ("xcomp", "advcl") and node.head.i != node.i and (
                prep := called_on(node.head)) is not None and prep.lower_ != "for":
            obj = _child(prep, ("pobj",))
            if obj is not None and obj.i < node.i:
                return obj  # "called on the government to resign": the government would resign
        if node.dep_ == "xcomp" and node.head.i != node.i:
            obj = _child(node.head, ("dobj", "dative")) if node.head.lemma_.lower() in OBJECT_CONTROL_VERBS else None
            if obj is not None and obj.i < node.i:
                return obj  # "asking the PM to resign", "urged both sides to resume talks": the object acts
            node = node.head
        elif (node.dep_ == "acl" and node.head.dep_ == "dobj" and node.head.i < node.i
              and node.head.head.pos_ in ("VERB", "AUX") and any(c.dep_ == "aux" and c.lower_ == "to" for c in node.children)):
            owner = node.head.head
            given = _child(owner, ("dative",))
            if given is not None:
                return given  # "gave him the chance to speak": he speaks
            own = agent_token(node.head, "NOUN")
            if own is not None and not _same_as_subject(own, owner):
                # "exposes China's efforts to censor", "the threat by the parties to impeach him", "Supporters
                # criticized his decision to resign" (whom "his" means); not "Netizens stepped up their efforts":
                # the subject's own
                return own
            held = owner.lemma_.lower() in HOLDING_VERBS or (
                node.head.lemma_.lower() in OWN_NOUNS and owner.lemma_.lower() not in OPINION_VERBS)
            if not held:
                return None  # "condemned the plan to demolish the mosque": someone else's plan
            node = owner  # "took the opportunity to capture the video", "is preparing a plan to inject money":
            # whoever takes the chance or has the plan does it
        elif node.dep_ == "acomp" and node.head.i != node.i and node.head.lemma_ == "be" and verb.i != node.i and \
                not any(c.dep_ == "auxpass" for c in verb.children):
            node = node.head  # "the talks are unlikely to result in peace": the talks would result (not "it
            # is unlikely to be punished": its subject is what is done to)
        elif node.dep_ in ("conj", "advcl") and node.head.i != node.i:
            swallowed = _swallowed_conjunct(node) if node.dep_ == "conj" else None
            if swallowed is not None:
                # "too conservative and MPs have complained": the MPs, parsed as "conservative and MPs" (of a
                # passive, what it befell: "the departments could not be reached", the doer unsaid)
                return None if any(c.dep_ == "auxpass" for c in node.children) else swallowed
            node = (report_conjunct(node) if node.dep_ == "conj" else None) or _verb_joined_to(node)
        elif (node.dep_ == "pcomp" and node.head.lower_ == "for" and node.head.head.lower_ in THANKS_NOUNS
              and (thanked := next((g for c in node.head.head.children if c.dep_ == "prep" and c.lower_ == "to"
                                    for g in c.children if g.dep_ == "pobj"), None)) is not None):
            return thanked  # "Thanks to Wendy Koslow for handling the logistics": Koslow handled them
        elif node.dep_ == "pcomp" and node.head.dep_ == "prep" and node.head.head.pos_ in ("VERB", "AUX"):
            obj = _child(node.head.head, ("dobj",)) if (
                node.head.lower_ == "from" and node.head.head.lemma_.lower() in PREVENTING_VERBS) else None
            if obj is not None and obj.i < node.i:
                return obj  # "stopped the gallery from displaying the painting": the gallery would display
            judging = judging_verb(node)
            judged = _judged_one(judging) if judging is not None else None
            if judged is not None and judged.i < node.i:
                if judged.lower_ in RELATIVE_PRONOUNS:  # "the workers who were fired for taking part"
                    return _antecedent(judged) or judged
                return judged  # "condemned the group for attacking the bar", "was jailed for firebombing": the one judged
            node = node.head.head  # "Maroni has reacted by proposing a tax": Maroni proposes
        else:
            return None
    return None


CALENDAR_WORDS = frozenset(temporal_lexicon().months) | frozenset(temporal_lexicon().weekdays)  # the tagger's


# a possessive pronoun and the subject pronouns, or the tag of the noun, it can stand for
POSSESSIVE_AGREEMENT = {"their": ({"they"}, {"NNS", "NNPS"}), "our": ({"we"}, set()), "my": ({"i"}, set()),
                        "your": ({"you"}, set()), "his": ({"he"}, {"NN", "NNP"}), "her": ({"she"}, {"NN", "NNP"}),
                        "its": ({"it"}, {"NN", "NNP"})}


def _same_as_subject(possessor: "Token", verb: "Token") -> bool:
    """A possessive pronoun that can mean the verb's subject ("Inozemtsev ignored his promise", "we are
    exercising our right"): the subject, named."""
    agree = POSSESSIVE_AGREEMENT.get(possessor.lower_)
    subject = _child(verb, ("nsubj",))
    return agree is not None and subject is not None and (subject.lower_ in agree[0] or subject.tag_ in agree[1])


def _placed(ent: "Span") -> bool:
    """A "person" the model found where a place goes ("lies the town of ... home to", "in Roboski", "at
    Perez Zeledon"): the object of a preposition of place, no one a pronoun can mean."""
    root = ent.root
    # one word right after the preposition, not "at" ("heroes in football - Rashidi Yekini", which the parser hangs
    # on the "in", "fired at Ahmed Hassan", "trust in Vladimir Putin" are people)
    return (len(ent) == 1 and root.dep_ == "pobj" and root.head.lower_ in PLACE_PREPS - {"at"}
            and ent.start == root.head.i + 1)


def _fronted_day(mod: "Token") -> bool:
    """A day the parser hung on the noun after it ("On May 7 Saudi liberal activists gathered"): the
    sentence's time, not a word of the noun's phrase ("the 25 February movement" keeps its name's day)."""
    before = mod.doc[mod.left_edge.i - 1] if mod.left_edge.i > 0 else None
    return (mod.dep_ in ("nmod", "npadvmod") and mod.lower_ in CALENDAR_WORDS and mod.ent_type_ in ("DATE", "TIME")
            and before is not None and before.pos_ == "ADP")


def _verb_joined_to(node: "Token") -> "Token":
    """What a conjunct or adverbial clause hangs on; for a verb with an object of its own that the parser
    joined to the object of another verb ("injuring a few and arresting others": "arresting" joined to
    "few"), that other verb."""
    head = node.head
    if (node.dep_ == "conj" and node.tag_ in ("VBG", "VBD", "VBZ", "VBP") and head.dep_ == "dobj"
            and head.pos_ != "VERB" and head.head.pos_ == "VERB" and any(c.dep_ == "dobj" for c in node.children)):
        return head.head
    return head


def report_conjunct(verb: "Token") -> "Token | None":
    """The verb of speech a conjunct really joins when the parser hung it inside that verb's content clause:
    "She says that blogging has been a life-changing experience, and presents the results" (she presents
    them). Only a verb of telling or showing, set off by a comma and of the same form as the verb of speech:
    "She says that the firm has grown, and employs 200 people" is the firm's. With no comma when the content
    clause's verb is a bare one under a modal, whose auxiliary the conjunct's form does not share, and the
    conjunct tells, or the clause's subject is a pronoun: "He says that Iran should continue blocking the strait
    and advises neighbours to close bases" (he advises), "announces that he will not seek a second term and ends
    his campaign" (not "says Iran won't negotiate but is open for talks": a contrast within what is said)."""
    head = verb.head
    if (verb.dep_ != "conj" or verb.tag_ not in ("VBZ", "VBD") or head.dep_ != "ccomp"
            or any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in verb.children)):
        return None
    main = head.head
    if main.tag_ != verb.tag_ or not main.i < head.i:
        return None
    if (head.tag_ == "VB" and any(c.dep_ == "aux" and c.tag_ == "MD" for c in head.children)
            and not any(c.dep_ == "mark" for c in verb.children)  # ("and that disarming Hezbollah remains": said)
            and not any(c.dep_ == "cc" and c.lower_ in CONTRAST_WORDS and head.i < c.i < verb.i
                        for c in head.children)  # ("Iran will not negotiate but demands talks": Iran's)
            and (verb.lemma_.lower() in _telling_verbs() or any(
                c.dep_ in ("nsubj", "nsubjpass") and c.tag_ == "PRP" for c in head.children))):
        return main
    cc = max((c for c in head.children if c.dep_ == "cc" and head.i < c.i < verb.i), key=lambda c: c.i, default=None)
    if verb.lemma_.lower() not in _telling_verbs() or cc is None or verb.doc[cc.i - 1].text != ",":
        return None
    return main


CONTRAST_WORDS = frozenset({"but", "yet"})  # a contrast: "Iran will not negotiate but demands talks"
# verbs that tell or show besides the verbs of speech ("presents the results", "highlights the work")
SHOWING_VERBS = event_words()["showing_verbs"]


@lru_cache(maxsize=1)
def _telling_verbs() -> frozenset[str]:
    return frozenset(load_lexicon().reporting_verbs) | SHOWING_VERBS


def _swallowed_conjunct(verb: "Token") -> "Token | None":
    """A plural noun or name right before a joined verb's auxiliary that the parser joined to a word before
    it ("seen as too conservative and MPs have complained"): the joined verb's own subject."""
    first = min([verb.i] + [c.i for c in verb.children if c.dep_ in ("aux", "auxpass", "neg") and c.i < verb.i])
    prev = verb.doc[first - 1] if first > 0 else None
    if (prev is None or prev.dep_ != "conj" or prev.head.i >= prev.i or prev.head.pos_ in ("VERB", "AUX")
            or prev.tag_ not in ("NNS", "NNP", "NNPS") or first == verb.i):
        return None
    return prev


def _listed_after(verb: "Token") -> "Token | None":
    """The infinitive a comma lists this one after ("to use tear gas, to beat protesters, to detain ..."),
    whatever the parser hung them on: the same one does both."""
    to = next((c for c in verb.children if c.dep_ == "aux" and c.lower_ == "to"), None)
    if to is None or to.i < 2 or verb.doc[to.i - 1].text != ",":
        return None
    prev = verb.doc[to.i - 2]
    for node in (prev, *prev.ancestors):
        if node.i >= to.i:
            break
        if node.pos_ in ("VERB", "AUX") and node.right_edge.i >= to.i - 2 and any(
                c.dep_ == "aux" and c.lower_ == "to" for c in node.children):
            return node
    return None


PROTESTING_WORDS = event_words()["protesting_words"]
REACTING_WORDS = event_words()["reacting_words"]  # "react to the beating": the beating came before


COMMEMORATING_VERBS = event_words()["commemorating_verbs"]
ANNIVERSARY_NOUNS = event_words()["anniversary_nouns"]  # of a day long past, on its day now


def commemorated_by(act: "Token") -> "Token | None":
    """The verb that celebrates or remembers the happening an event noun names ("NASA celebrated the launch of
    the first space shuttle Tuesday"): the happening was before it."""
    head = act.head
    if (act.pos_ == "NOUN" and act.dep_ == "dobj" and head.pos_ == "VERB" and head.lemma_.lower() in COMMEMORATING_VERBS
            and act.lemma_.lower() not in ANNIVERSARY_NOUNS):  # (an anniversary is on its day)
        return head
    return None


def protest_against(act: "Token") -> "Token | None":
    """The protest an event noun is protested against in ("a demonstration against budget cuts", "rallied
    against the increase in fees"): the thing protested against was there before it."""
    if act.pos_ != "NOUN" or act.dep_ != "pobj" or act.head.lower_ != "against" or act.head.head.i == act.head.i:
        return None
    protest = act.head.head
    return protest if protest.lemma_.lower() in PROTESTING_WORDS else None


def doer_of(act: "Token") -> "Token | None":
    """The one an event noun names the doer or the sufferer of ("the perpetrator of the fatal stabbing",
    "victims of the attack"): what they did or underwent came before what is told of them."""
    if act.pos_ != "NOUN" or act.dep_ != "pobj" or act.head.lower_ != "of" or act.head.head.i == act.head.i:
        return None
    doer = act.head.head
    return doer if doer.pos_ == "NOUN" and doer.lemma_.lower() in DOER_NOUNS else None


def reviewed_by(act: "Token") -> "Token | None":
    """The verb that reviews or contests the decision an event noun names, its object or its passive subject
    ("upholds the Tokyo High Court's order", "the verdict was upheld"): the decision came before it (see
    `modality.ended_by` for the verbs that end a thing)."""
    if act.pos_ != "NOUN" or act.dep_ not in ("dobj", "nsubjpass") or act.lemma_.lower() not in DECISION_NOUNS:
        return None
    verb = act.head
    return verb if verb.pos_ == "VERB" and verb.lemma_.lower() in REVIEWING_VERBS else None


def reacted_to(act: "Token") -> "Token | None":
    """The reaction an event noun is reacted to in ("will react to the mass beating", "in response to the
    firebombing"): what is reacted to came before it."""
    if act.pos_ != "NOUN" or act.dep_ != "pobj" or act.head.lower_ != "to" or act.head.head.i == act.head.i:
        return None
    reaction = act.head.head
    return reaction if reaction.lemma_.lower() in REACTING_WORDS else None


def judging_verb(act: "Token") -> "Token | None":
    """The word that judges someone for an act: a verb ("sentenced for firebombing a building", "arrested for
    wearing a scarf", "accused of taking her", "convicted of fraud"), a noun ("on trial for the death of their
    child", "charges of war crimes", "allegations of torture") or an adjective of guilt ("found guilty of
    soliciting a bribe"): the act came before it, and is the one judged's. None when `act` is no such reason."""
    if act.pos_ == "NOUN":
        whole = _judged_whole(act)  # "charges of war crimes, including murder": murder is a crime charged
        if whole.i != act.i and whole.lemma_.lower() in CRIME_OF_WORDS and not _in_charge(whole) and not _dated_list(whole):
            return whole  # "confirms 39 charges ..., including murder": the list is of the charges themselves
        act = whole
    if act.pos_ == "NOUN" and act.dep_ == "pobj" and act.head.head.i != act.head.i and not _in_charge(act.head.head) and (
            (act.head.lower_ in ("of", "to") and act.head.head.lemma_.lower() in GUILT_WORDS)
            or (act.head.lower_ == "of" and act.head.head.lemma_.lower() in CRIME_OF_WORDS
                and not _dated_list(act.head.head))
            or (act.head.lower_ == "with" and act.head.head.lemma_.lower() in CRIME_WITH_WORDS)):
        # "convicted of fraud", "charges of war crimes", "allegations of torture", "charged with the murder":
        # the act judged came first (not "the arrest of the activist": whom it befell)
        return act.head.head
    if act.pos_ == "NOUN" and act.lemma_.lower() in CRIME_NOUNS:
        judge = _judging_in(act)
        if judge is not None:
            return judge
    if act.pos_ == "NOUN" and act.dep_ == "pobj" and act.head.lower_ in ("for", "over") and act.head.head.i != act.head.i:
        # "on trial for the death of their child", "sentenced for the murder", "fined the owner over the
        # broadcast": the act judged came first
        judge = act.head.head
        lemma = judge.lemma_.lower()
        nouns = load_lexicon().judging_nouns  # ("trial for the death", "charges over the roof collapse")
        if (judge.pos_ in ("VERB", "AUX") and lemma in JUDGING_VERBS) or (judge.pos_ == "NOUN" and lemma in nouns):
            return judge if _judges_that_act(judge, act) else None
        if judge.pos_ in ("VERB", "AUX") and nouns:  # "face trial for the killing": the "for" on the trial's verb
            return _judging_object(judge, act)
        return None
    if (act.pos_ == "NOUN" and act.dep_ == "dobj" and act.head.tag_ == "VBG" and act.head.i != act.i
            and act.head.lemma_.lower() not in PLANNING_GERUNDS):
        return judging_verb(act.head)  # "on charges of making false statements", "for carrying out bomb attacks":
        # what the act judged did is judged with it (not "accuses them of planning terrorist acts": still to come)
    while (act.dep_ == "conj" or (act.dep_ == "advcl" and act.tag_ == "VBG" and not any(
            c.dep_ in ("nsubj", "nsubjpass") for c in act.children))) and act.head.tag_ == "VBG" and act.head.i != act.i:
        act = act.head  # "for firebombing a building and wearing a scarf", "of putting X first, taking her away"
    if act.tag_ != "VBG" or act.dep_ != "pcomp" or act.head.lower_ not in ("for", "of", "to"):
        return None
    verb = act.head.head
    if verb.lemma_.lower() in GUILT_WORDS and verb.i != act.head.i:
        return verb  # "found guilty of soliciting a bribe", "pleaded guilty to taking"
    if act.head.lower_ == "to":
        return None
    if verb.pos_ in ("NOUN", "PROPN") and act.head.lower_ == "for" and verb.lemma_.lower() in load_lexicon().judging_nouns:
        return verb if _judges_that_act(verb, act) else None  # "a fine for misleading investors"
    if verb.pos_ == "NOUN" and act.head.lower_ == "of" and verb.lemma_.lower() in CRIME_OF_WORDS and not _in_charge(verb):
        return verb  # "on charges of making false statements", "allegations of abusing his office"
    if verb.pos_ in ("VERB", "AUX") and verb.lemma_.lower() not in JUDGING_VERBS and act.head.lower_ == "for":
        return _judging_object(verb, act)  # "issues a warrant for the minister for allegedly receiving payments"
    if verb.pos_ not in ("VERB", "AUX") or verb.lemma_.lower() not in JUDGING_VERBS:
        return None
    return verb if act.head.lower_ == "for" or verb.lemma_.lower() in ("accuse", "convict", "acquit") else None


def in_connection_with(prep: "Token") -> "Token | None":
    """The "in" of "in connection with" or "in relation to", given its last preposition, or None."""
    if (((prep.lower_ == "with" and prep.head.lower_ == "connection") or (prep.lower_ == "to" and prep.head.lower_ == "relation"))
            and prep.head.dep_ == "pobj" and prep.head.head.lower_ == "in"):
        return prep.head.head
    return None


def _judging_in(act: "Token") -> "Token | None":
    """The judging word a crime is judged "in" ("charged in the killing of a teacher", "a suspect in the murder",
    "arrested in connection with the death", "jailed for his part in the bombing", "file charges against him
    in the killing"): the crime came before."""
    if act.dep_ != "pobj" or any(c.ent_type_ == "DATE" for c in act.children):
        return None  # (not "convicted in the 2016 kidnapping and killing": a crime dated by its own words)
    prep = in_connection_with(act.head) or act.head  # "in connection with the death"
    if prep.lower_ != "in" or prep.head.i == prep.i:
        return None
    if (act.lemma_.lower() in OCCASION_CRIMES and prep.head.lemma_.lower() in ARRESTING_VERBS
            and any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in act.children)):
        return None  # "arrest 20 Palestinians in an assault on the camp": the arrests' occasion, not a crime judged
        # (but "charged in an attack on a Jewish man", "a suspect in the attack")
    above = prep.head
    if (above.lemma_.lower() in SHARE_NOUNS and above.dep_ == "pobj" and above.head.lower_ in ("for", "of")
            and above.head.head.i != above.head.i):
        above = above.head.head  # "jailed for his part in the bombing", "suspected of involvement in the murder"
    lemma = above.lemma_.lower()
    if above.pos_ in ("VERB", "AUX"):
        if lemma in JUDGING_VERBS or lemma == "suspect":
            return above
        return _judging_object(above, act)  # "file charges against him in the killing"
    return above if above.pos_ == "NOUN" and lemma in load_lexicon().judging_nouns else None


def _judged_one(judging: "Token") -> "Token | None":
    """Whom a judging word judges: a verb's object ("condemned the group for attacking"), or a noun's "for" or
    "against" ("a warrant for the minister for receiving payments", "charges against him for killing")."""
    if judging.pos_ == "NOUN":
        return next((g for c in judging.children if c.dep_ == "prep" and c.lower_ in ("for", "against")
                     for g in c.children if g.dep_ == "pobj"), None)
    return next((c for d in ("dative", "nsubjpass", "dobj") for c in judging.children if c.dep_ == d), None)


def _judging_object(verb: "Token", act: "Token") -> "Token | None":
    """The judging noun a verb takes as its object, when the "for" of the act judged hangs on the verb ("face
    trial for the killing", "issues a warrant for the minister for receiving payments")."""
    noun = next((c for c in verb.children if c.dep_ == "dobj" and c.lemma_.lower() in load_lexicon().judging_nouns), None)
    return noun if noun is not None and _judges_that_act(noun, act) else None


def _judges_that_act(judge: "Token", act: "Token") -> bool:
    """The judging word judges a done act: not the arrest a warrant orders ("a warrant for his arrest", "for
    arresting him"), nor the acts a rule sets penalties for ("approves fines for using phones", "introduces
    fines of up to $8,000 for smuggling")."""
    if judge.lemma_.lower() == "warrant" and act.lemma_.lower() in ORDERED_BY_WARRANT:
        return False
    if judge.dep_ == "pobj" and judge.head.lower_ == "of" and judge.head.head.lemma_.lower() in PENALTY_NOUNS:
        judge = judge.head.head  # "penalties of up to 10 years' imprisonment for violations": the penalty's
    return not (judge.lemma_.lower() in PENALTY_NOUNS and judge.tag_ in ("NNS", "NNPS") and (
        judge.head.lemma_.lower() in RULE_MAKING_VERBS or _up_to(judge)))


def _up_to(penalty: "Token") -> bool:
    """A penalty "of up to" so much is the most a rule allows ("imposes penalties of up to 10 years' imprisonment
    for violations"), not one handed down."""
    return any(c.dep_ == "prep" and c.lower_ == "of" and any(g.lower_ == "up" for g in c.subtree) for c in penalty.children)


# words whose "of" names the act judged ("convicted of fraud", "charges of corruption": the verbs of allegation,
# "accused of", and these nouns), and whose "with" does ("charged with the murder")
CRIME_OF_WORDS = load_lexicon().allegation_verbs | frozenset({"charge", "count", "accusation", "allegation", "suspicion"})
CRIME_WITH_WORDS = frozenset({"charge"})
ORDERED_BY_WARRANT = frozenset({"arrest", "detention", "extradition", "capture", "search"})  # "a warrant for his arrest"
PENALTY_NOUNS = frozenset({"fine", "penalty", "punishment", "sentence"})  # set by a rule: "introduces fines for"
RULE_MAKING_VERBS = frozenset({"introduce", "approve", "propose", "adopt", "pass", "set", "raise", "increase",
                               "toughen", "establish", "include"})
GUILT_WORDS = frozenset({"guilty", "innocent"})  # "found guilty of fraud", "pleaded innocent to the charge"
TAKING_CHARGE_VERBS = frozenset({"take", "assume", "put", "place", "leave"})  # "took charge of": no charge laid
LIST_REACH = 2  # phrases a list after "including" may hang below the noun it lists the parts of


def _in_charge(word: "Token") -> bool:
    """ "charge" of being in charge ("the general in charge of the offensive", "took charge of the
    investigation"), not a charge laid."""
    return word.lower_ == "charge" and (
        (word.dep_ == "pobj" and word.head.lower_ == "in")
        or (word.dep_ == "dobj" and word.head.lemma_.lower() in TAKING_CHARGE_VERBS))


def _dated_list(noun: "Token") -> bool:
    """A noun of charges with a date in a phrase of its own ("12 counts of indecent assault against young girls
    between 1968 and 1986"): the time of the crimes it lists, which dates them."""
    return noun.pos_ == "NOUN" and any(
        g.ent_type_ == "DATE" for c in noun.children if c.dep_ == "prep" and c.i > noun.i and c.lower_ != "of"
        for o in c.children if o.dep_ == "pobj" for g in (o, *o.conjuncts))  # (not "of the murder of a woman
    # who went missing in 1993": the date of another happening)


def _judged_whole(act: "Token") -> "Token":
    """The noun an event noun is listed under ("charges of war crimes, including murder and rape", "of fraud
    and bribery"): the whole list is judged as one."""
    for _ in range(len(act.doc)):  # bounded: a malformed parse must not loop forever
        if act.dep_ == "conj" and act.head.pos_ == "NOUN" and act.head.i != act.i:
            act = act.head
            if (act.dep_ == "pobj" and act.head.lower_ == "of" and act.head.head.pos_ == "NOUN"
                    and act.head.head.dep_ == "conj"):
                act = act.head.head  # "charges of bribery, breach of trust and fraud", fraud joined to "trust": the
                # list is of the listed crime the "of" hangs on
        elif (act.dep_ == "pobj" and act.head.lower_ == "including" and act.head.head.pos_ == "NOUN"
              and act.head.head.i != act.head.i):
            act = act.head.head
            for _ in range(LIST_REACH):  # "charges of war crimes against Joseph Kony, including murder": the
                if act.dep_ != "pobj" or act.head.lower_ in ("of", "with", "for", "over"):  # list hung on the
                    break  # name is of the crimes
                if act.head.head.pos_ != "NOUN" or act.head.head.i == act.head.i:
                    break
                act = act.head.head
            if act.dep_ != "pobj" or act.head.lower_ not in ("of", "with", "for", "over"):
                return act  # (under the charges themselves: "39 charges, including murder")
        else:
            return act
    return act


def _passive(verb: "Token") -> bool:
    """A passive verb: with its passive auxiliary, or a bare past participle joined to one ("taken into
    custody, released and taken again")."""
    if any(c.dep_ == "auxpass" for c in verb.children):
        return True
    return verb.tag_ == "VBN" and verb.dep_ in ("conj", "advcl") and not any(
        c.dep_ in ("aux", "nsubj") for c in verb.children)


EXTRAPOSING_VERBS = event_words()["extraposing_verbs"]


def _extraposed(verb: "Token") -> bool:
    """The verb has a to-infinitive clause after it that its "it" subject stands for ("it was amazing
    to", "it took years to", "it seems to"), not "it plans to" (a company)."""
    lemma = verb.lemma_.lower()
    if lemma not in EXTRAPOSING_VERBS or (lemma == "be" and not any(c.dep_ in ("acomp", "attr") for c in verb.children)):
        return False
    heads = [verb, *(c for c in verb.children if c.dep_ == "acomp")]  # "it was amazing to watch"
    return any(c.dep_ in ("xcomp", "ccomp", "advcl") and c.i > verb.i
               and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children) for h in heads for c in h.children)


CAUSATIVE_VERBS = frozenset({"have", "get"})


def _befallen(verb: "Token") -> "Token | None":
    """What a participle's act befalls, where the parser took it for a subject or left it above: after
    "have"/"get" ("to have Chiluba's immunity lifted"), with no auxiliary ("others wounded"), opening the
    sentence ("Created in 2011, the group ..."), after an object ("left dozens injured")."""
    head = verb.head
    if verb.tag_ == "VBN" and verb.dep_ == "advcl" and verb.i < head.i and not any(
            c.dep_ in ("aux", "auxpass", "nsubj", "nsubjpass", "mark") for c in verb.children):
        # "Created in December 2011, the anti-fascist group declares": what the opening participle befell
        return _subject(head, ("nsubj", "nsubjpass"))
    if verb.tag_ == "VBN" and verb.dep_ in ("xcomp", "oprd") and not any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
        # "left dozens injured", "found the door locked": the object of the verb above is what befell
        obj = _child(verb.head, ("dobj",))
        if obj is not None and obj.i < verb.i:
            return obj
    if verb.tag_ == "VBN" and not any(c.dep_ in ("aux", "auxpass") for c in verb.children) and (
            verb.dep_ in ("ccomp", "xcomp", "acl", "advcl", "oprd")
            or (verb.dep_ == "conj" and verb.head.tag_ == "VBN")):  # not a main verb the tagger took for one
        # "left 19 people injured and dozens arrested": a participle with a subject and no auxiliary
        # says what befell that subject
        return _subject(verb, ("nsubj",))
    if verb.tag_ not in ("VBN", "VBD") or verb.dep_ not in ("ccomp", "xcomp") or head.lemma_.lower() not in CAUSATIVE_VERBS:
        return None
    subj = _subject(verb, ("nsubj",))
    if subj is None or any(c.dep_ in ("aux", "auxpass", "dobj") for c in verb.children):
        return None
    if (head.tag_ not in ("VB", "VBG") and not any(c.dep_ in ("nsubj", "nsubjpass") for c in head.children)) or (
            verb.sent.text.rstrip().endswith("?") if verb.doc.has_annotation("SENT_START") else False):
        return None  # "which candidates have you supported?": a question's auxiliary, not a causative
    # the participle right after its object, the object right after "have" ("had her car repaired"), not
    # "I have a feeling it worked"
    return subj if subj.left_edge.i == head.i + 1 and subj.right_edge.i + 1 == verb.i else None


def passive_or_active_subject(verb: "Token") -> "Token | None":
    """The grammatical subject, passive or not ("the summit will be held": the summit)."""
    return _subject(verb, ("nsubjpass",)) or subject_of(verb)


STATIVE_PARTICIPLES = event_words()["stative_participles"]
JOINED_REACH = 5  # tokens from a participle to the one joined to it ("detained by soldiers and taken")


def _shared_by(tok: "Token") -> "Token | None":
    """The "by" of a participle joined right next to this one ("have been arrested and beaten by the
    police", "bought or leased by investors"), neither with an auxiliary or a subject of its own."""
    if tok.tag_ != "VBN" or tok.lemma_.lower() in STATIVE_PARTICIPLES:
        return None
    doc = tok.doc

    def joined(a: "Token", b: "Token") -> bool:
        return 0 < b.i - a.i <= JOINED_REACH and not any(t.is_punct for t in doc[a.i:b.i]) and not any(
            g.dep_ in ("aux", "auxpass", "nsubj", "nsubjpass") for g in b.children)

    others = [c for c in tok.children if c.dep_ == "conj" and joined(tok, c)]
    if tok.dep_ == "conj" and joined(tok.head, tok):
        others.append(tok.head)
    return next((by for c in others if c.tag_ == "VBN" and (by := _child(c, ("agent",))) is not None), None)


def agent_token(tok: "Token", kind: str) -> "Token | None":
    if kind in ("VERB", "ADJ"):
        by = _child(tok, ("agent",))
        if (by is not None and _child(tok, ("dobj",)) is not None and _child(tok, ("auxpass", "nsubjpass")) is None
                and (tok.tag_ != "VBN" or any(c.dep_ == "aux" and c.lemma_ == "have" for c in tok.children))):
            by = None  # "had seized the bull by the horns": an active verb's means, no passive's doer
        if by is None and kind == "VERB":
            by = _shared_by(tok)
        means = _child(by, ("pobj",)) if by is not None else None
        if (means is not None and means.lemma_.lower() in BY_MEANS_NOUNS and means.tag_ == "NN"
                and not any(True for _ in means.children)):  # (not "dispersed by forces")
            return None  # "founded by law", "sent by mail": how, not by whom
        if by is not None:
            return means
        if kind == "ADJ":
            return subject_of(tok.head) if tok.head.i != tok.i else None
        return subject_of(tok)
    poss = _child(tok, ("poss",))
    if poss is not None and poss.ent_type_ in ("DATE", "TIME", "EVENT") and _child(poss, ("poss",)) is not None:
        poss = _child(poss, ("poss",))  # "his New Year's speech": his, not the holiday's
    if poss is not None and tok.lemma_.lower() not in UNDERGONE_NOUNS:
        return poss  # ("Kirmizigul's sentencing", "his arrest": what befell him, not what he did)
    for prep, obj in _prep_objects(tok, frozenset({"by"})):
        return obj
    if tok.dep_ in ("dobj", "attr") and tok.head.lemma_.lower() in LIGHT_VERBS:
        return subject_of(tok.head)
    return None


def patient_token(tok: "Token", kind: str) -> "Token | None":
    if kind == "VERB":
        patient = _child(tok, ("dobj", "nsubjpass", "dative")) or _befallen(tok)
        speaker = _inverted_speaker(tok) if patient is not None else None
        if speaker is not None and speaker.i == patient.i:
            return None
        if patient is not None and patient.lower_ in RELATIVE_PRONOUNS and patient.tag_ in ("WP", "WDT"):
            return _antecedent(patient) or patient  # "a pay rise of 2%, which Ferreira called an insult": the rise
        return patient
    if kind == "NOUN":
        for prep, obj in _prep_objects(tok, PATIENT_PREPS):
            return obj
    return None


def direct_place(tok: "Token", kind: str, ents: DocEntities) -> str | None:
    """A place named in the event's own phrase ("in Paris", "the Paris meeting", "held in Paris"), or
    hung by the parser on its object or "by" phrase ("signed by X in Vienna", "bombed the embassy in Nairobi")."""
    holders = [tok]
    for c in tok.children:
        if c.dep_ in ("dobj", "nsubjpass"):
            holders.append(c)
        elif c.dep_ == "agent":
            holders.extend(o for o in c.children if o.dep_ == "pobj")
    for holder in holders:
        for prep, obj in _prep_objects(holder, PLACE_PREPS):
            ent = ents.by_token.get(obj.i)
            if ent is not None and ent.label_ in PLACE_LABELS:
                return ent.text
    if kind == "NOUN":
        for c in tok.children:
            ent = ents.by_token.get(c.i)
            if c.dep_ in ("compound", "amod", "nmod") and ent is not None and ent.label_ in PLACE_LABELS:
                return ent.text
            if c.dep_ == "acl":  # "the meeting, held in Paris"
                for prep, obj in _prep_objects(c, PLACE_PREPS):
                    ent = ents.by_token.get(obj.i)
                    if ent is not None and ent.label_ in PLACE_LABELS:
                        return ent.text
    return None


PHRASE_DEPS = frozenset({"xcomp", "dobj", "prep", "pobj", "advcl", "acl", "relcl", "pcomp", "npadvmod"})


def related_event_nouns(tok: "Token"):
    """Nouns introduced by "at / during / following ..." in `tok`'s phrase: events it took place at.
    Direct ones first; then deeper in the phrase ("signaled interest in sending arms ... during the
    meeting", where the parser hangs "during" low)."""
    frontier = [(c, 1) for c in tok.children]
    while frontier:
        nxt = []
        for c, depth in frontier:
            if c.dep_ == "prep" and c.lower_ in EVENT_PREPS:
                for o in c.children:
                    if o.dep_ == "pobj":
                        yield o
            if depth < 6 and c.dep_ in PHRASE_DEPS:
                nxt.extend((g, depth + 1) for g in c.children)
        frontier = nxt


def participants(tok: "Token", kind: str, agent: "Token | None", patient: "Token | None",
                 place: str | None, ents: DocEntities) -> list[Participant]:
    """Named entities inside the event's argument phrases (not inside its clausal complements)."""
    out: list[Participant] = []
    seen: set[tuple[int, int]] = set()

    def add(ent: "Span", role: str) -> None:
        key = (ent.start, ent.end)
        if key in seen or ent.label_ not in NAMED_LABELS:
            return
        seen.add(key)
        out.append(Participant(ent.text, ent.label_, role))

    def scan(root: "Token", role: str) -> None:
        stack = [root]
        while stack:
            node = stack.pop()
            ent = ents.by_token.get(node.i)
            if ent is not None:
                add(ent, role)
            for c in node.children:
                if c.dep_ in ARG_DEPS and c.pos_ not in ("VERB",):
                    stack.append(c)

    if agent is not None:
        scan(agent, "agent")
    if patient is not None:
        scan(patient, "patient")
    for c in tok.children:
        if c.dep_ in ARG_DEPS and (agent is None or c.i != agent.i) and (patient is None or c.i != patient.i) and c.pos_ != "VERB":
            scan(c, "participant")
    if place is not None:
        for p in out:
            if p.text == place:
                p.role = "place"
    return out
