"""How sure an event is, and whose words it comes in: modality, quotation and speaker.

Modality, strongest first: negated > hypothetical > expected > reported > asserted.
- negated: a negation on its clause ("did not attend", "no talks", "failed to pay"), not on another clause
  joined by "and"/"but" with a subject of its own, not "not only ... but also";
- hypothetical: a conditional or epistemic modal ("would", "could", "might"), or inside an "if" clause
  (negated or not: "if the army does not stop" is a condition);
- expected: future or planned ("will", "is expected to", "plans to", "is set to", "agreed to");
- reported: a speech act ("told reporters", "said") or what it reports (its content clause, a quote).
Nouns take the modality of the verb that governs them ("will hold talks" -> talks expected).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from pipeline.events.lexicon import Lexicon, event_words
from pipeline.events.anchoring import (ATTEMPT_VERBS, FREQUENCY_ADVERBS, NAMED_TIME_PREPS, WOULD, asyndetic_clause,
                                       clause_verb, gives_time_until, lets, tense)
from pipeline.events.roles import CONTRAST_WORDS, PREVENTING_VERBS, PURPOSE_NOUNS, called_on, judging_verb, report_conjunct
from pipeline.events.triggers import imperative, in_fixed_expression

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Token

THAT = frozenset({"that"})
WHETHER = frozenset({"whether", "if"})  # "asked whether the vote took place": a question, not a request
PENALTY_VERBS = event_words()["penalty_verbs"]  # "sentenced to death": a penalty, still to come
COMING_WORDS = event_words()["coming_words"]  # "their next release"
LOOMING_WORDS = event_words()["looming_words"]  # "the looming famine", "the impending recession"
_AHEAD_FORMS = COMING_WORDS | LOOMING_WORDS
# the time or leave one is given to do something ("was given 7 days to apologize", "a deadline to leave"):
# what it is to be done in has not been done (but "found time to write an email": done)
GIVEN_TIME_NOUNS = event_words()["given_time_nouns"]
GIVING_VERBS = event_words()["giving_verbs"]


def _time_given(noun: "Token") -> bool:
    return noun.lemma_.lower() in ("deadline", "ultimatum") or (
        noun.lemma_.lower() in GIVEN_TIME_NOUNS and noun.dep_ in ("dobj", "dative")
        and noun.head.lemma_.lower() in GIVING_VERBS)


# the prepositions of a phrase of time or occasion (not "in", which names places and topics as well)
TIME_PREPOSITIONS = (NAMED_TIME_PREPS - {"in"}) | {"amid"}


def _in_time_phrase(tok: "Token", verb: "Token") -> bool:
    """The noun lies in a phrase of time or occasion hung on the verb ("During an unsanctioned rally
    immediately after the elections, Navalny said"): when the words were said, not what was said."""
    node = tok
    while node.head.i != node.i and node.head.i != verb.i:
        if node.dep_ in ("ccomp", "xcomp", "relcl", "acl", "advcl"):
            return False  # a clause on the way up: what is said, or what a noun is
        node = node.head
    return node.head.i == verb.i and node.dep_ == "prep" and node.lower_ in TIME_PREPOSITIONS


ABILITY_ADJECTIVES = event_words()["ability_adjectives"]
ATTEMPT_WORDS = (ATTEMPT_VERBS - {"be"}) | event_words()["striving_words"]
RANK = {"asserted": 0, "reported": 1, "expected": 2, "hypothetical": 3, "negated": 4}
CONTENT_DEPS = frozenset({"ccomp", "parataxis"})
SUBJECT_DEPS = ("nsubj", "nsubjpass")
# verbs of belief: what their content clause says is someone's view ("think that the police lied")
BELIEF_VERBS = event_words()["belief_verbs"]  # (not "felt the car hit me", "consider the election rigged")
CHANCE_NOUNS = event_words()["chance_nouns"]  # what one took the chance to do, one did
TAKING_VERBS = event_words()["taking_verbs"]  # "took the chance to speak": spoke
# "can't give it away but will soon start": no shared "not" (roles' list: a "but" keeps a verb inside what is said)
PERMISSION_VERBS = event_words()["permission_verbs"]  # "allows him to run": to come
LETS_STANCE_VERBS = event_words()["lets_stance_verbs"]  # "let's hope": now, no proposal



class ModalityReader:
    """Per-document cache of clause modalities, so each clause is analysed once."""

    def __init__(self, lexicon: Lexicon):
        self.lex = lexicon
        self._coming_words = lexicon.expectation_verbs | COMING_WORDS  # once, not per noun
        self._memo: dict[int, str] = {}
        self._heard: dict[int, str] = {}  # a clause's modality before its own verb of speech makes it "reported"

    def reset(self) -> None:
        self._memo.clear()
        self._heard.clear()

    def is_reporting(self, tok: "Token") -> bool:
        """A verb of speech that reports something: not one that makes a thing ("wrote a book", "added a
        section", "the paper was published": a noun object or passive subject and no clause)."""
        lemma = tok.lemma_.lower()
        if in_fixed_expression(tok, self.lex):
            return False  # "That said, I'm not sure": no one says anything
        particle = self.lex.reporting_particles.get(lemma)
        if tok.pos_ == "VERB" and particle and any(c.dep_ == "prt" and c.lower_ == particle for c in tok.children):
            return True  # "as the blogger pointed out:"
        if tok.pos_ == "VERB" and lemma == "call" and any(c.dep_ == "oprd" for c in tok.children) and any(
                c.dep_ == "nsubj" for c in tok.children):
            return True  # "the minister called the act a clear setback": naming is saying (not "a page called X")
        if tok.pos_ == "VERB" and lemma == "continue" and tok.i + 1 < len(tok.doc) and tok.nbor(1).text == ":" and any(
                c.dep_ == "nsubj" and (c.pos_ == "PRON" or c.ent_type_ == "PERSON") for c in tok.children):
            return True  # "She continued: ..." goes on speaking (not "The protest continued: ...")
        if tok.pos_ == "VERB" and called_on(tok) is not None:
            return True  # "Gay Armenia calls on the ARF-D to remove him", "called for an inquiry": words that ask
        if tok.pos_ != "VERB" or lemma not in self.lex.reporting_verbs:
            return False
        deps = {c.dep_ for c in tok.children}
        if lemma == "claim" and any(c.dep_ == "dobj" and c.lemma_.lower() in self.lex.toll_words for c in tok.children):
            return False  # "the bombing claimed several victims": a toll, no words
        if lemma == "deny" and ("dative" in deps or {"auxpass", "dobj"} <= deps or any(
                c.dep_ in ("dobj", "nsubjpass") and c.lemma_.lower() in self.lex.refused_things for c in tok.children)):
            return False  # "denied them visas", "they were denied entry", "18 people denied entrance", "attempts
            # to get bail were denied", "his request was denied": refused
        if lemma in self.lex.making_verbs:
            made = any(c.dep_ in ("dobj", "nsubjpass") and c.pos_ in ("NOUN", "PROPN")
                       and c.lemma_.lower() not in self.lex.said_things for c in tok.children)
            return not made or bool(deps & {"ccomp", "parataxis"})
        return True

    def own_cue(self, verb: "Token") -> str:
        """Modality marked on the clause itself (its auxiliaries, negation and subordinator)."""
        lex = self.lex
        best = "asserted"
        if verb.dep_ == "advcl" and _marked(verb, lex.hypothetical_markers) and not _aside_if(verb):
            return "hypothetical"  # "if the army does not stop": a condition, negated or not, is not a fact
        if _supposed(verb, lex.supposition_words):
            return "hypothetical"  # "Assuming that Tadic defeats Nikolic, ...": a supposition
        if any(c.dep_ == "advcl" and (_marked(c, lex.condition_marks) and not _concessive(c) and not _aside_if(c)
                                      or c.lower_ in lex.supposition_words and c.i < verb.i) for c in verb.children) \
                and not _its_because(verb):
            best = "hypothetical"  # "If they're lying, we'll burn down city hall": what follows a condition
        elif verb.tag_ == "VB" and _to_infinitive(verb) and any(
                c.dep_ == "aux" and c.lower_ in ("has", "have") for c in verb.children):
            best = "expected"  # "has still to become operational", "have yet to decide": not done, to come
        elif imperative(verb) and verb.lemma_.lower() not in lex.reader_pointers:
            best = "expected"  # "Please join today!", "Produce original analysis": asked for, not done (not a
            # thanks, nor a pointer for the reader: "See the video")
        elif lets(verb) and verb.lemma_.lower() not in LETS_STANCE_VERBS:
            best = "expected"  # "Let's talk about anything you want": proposed, not done (not "let's hope")
        for c in verb.children:
            dep = c.dep_
            low = c.lower_
            if dep == "neg" or (dep in ("det", "advmod", "preconj") and low in lex.negation_words) or (
                    low == "neither" and c.i < verb.i):  # "Neither on Facebook nor on Twitter did anyone forget"
                if c.i + 1 < len(c.doc) and c.nbor(1).lower_ in ("only", "just", "merely", "simply"):
                    continue  # "not only surprised many but also ...": no negation
                return "negated"
            if dep == "advmod" and low == "longer" and any(g.lower_ == "no" for g in c.children):
                return "negated"  # "no longer wants to support it"
            if dep == "advmod" and low in lex.almost_words and c.i < verb.i and verb.pos_ == "VERB":
                return "negated"  # "he almost died", "nearly lost the vote": it did not happen
            if dep in ("nsubj", "nsubjpass") and (low in lex.negative_pronouns or any(  # "no agreement was reached"
                    g.dep_ in ("det", "preconj") and g.lower_ in lex.negation_words for g in c.children)):
                # ("Neither the government nor the rebels have confirmed it")
                return "negated"  # "nothing happened", "nobody was hurt"
            if dep == "prep" and low == "according":  # "according to the ministry, the ship sank"
                best = _max(best, "reported")
            if dep == "advmod" and low in lex.allegation_adverbs:  # "allegedly pleaded", "reportedly saved"
                best = _max(best, "reported")
            if dep == "advmod" and low in lex.doubt_adverbs:  # "maybe Reliance got some sense": a guess
                best = _max(best, "hypothetical")
            if dep in ("aux", "auxpass"):
                if low == "would" and c.i + 1 < len(c.doc) and c.nbor(1).lower_ == "later":
                    # "the Yankees would later confirm it": the future of a past narrative, a fact; in what
                    # someone said ("she said she would later meet them"), a plan
                    if verb.dep_ in CONTENT_DEPS and self.is_reporting(verb.head):
                        best = _max(best, "expected")
                    continue
                content = verb.head if (verb.dep_ == "conj" and verb.head.dep_ in CONTENT_DEPS
                                        and verb.lemma_.lower() not in lex.polite_verbs
                                        and not any(a.dep_ == "aux" and a.lower_ == "have" for a in verb.children)
                                        and not any(t.lower_ in FREQUENCY_ADVERBS or t.lower_ == "every"
                                                    for t in verb.subtree)) else verb
                # (not "had seen the attack and would have stopped it", nor a habit: "would come home late
                # every night")
                if low == "would" and content.dep_ in CONTENT_DEPS and (
                        self.is_reporting(content.head) or content.head.lemma_.lower() in lex.expectation_verbs) and not any(
                        g.dep_ == "advcl" and _marked(g, lex.hypothetical_markers) for g in verb.children):
                    best = _max(best, "expected")  # "said talks would resume", "decided they would carry
                    # out the protest": the future of what was said or decided (also joined to a content clause:
                    # "said it had passed its tests and would begin sending data")
                elif (low == "would" and verb.dep_ == "relcl" and (_dated(verb) or verb.head.lemma_.lower() in lex.eventive_nouns)
                      and not _conditional_sentence(verb, lex)
                      and not any(a.lower_ == "have" and a.dep_ == "aux" for a in verb.children)):
                    best = _max(best, "expected")  # "a bike ride which would depart from the square": the
                    # future of a past plan, as told (a happening's, or with its day; no "if" in the sentence;
                    # not "would have died")
                elif low in WOULD and verb.lemma_.lower() in lex.polite_verbs:
                    continue  # "I'd like to invite you": a wish said politely, not a condition
                elif low in ("'d", "’d") and _had(verb):
                    continue  # "he'd already left": had, a past perfect, no condition
                elif low == "can" and _pointer(verb):
                    continue  # "Scahill's speech at the summit can be seen here": where to find it, no supposition
                elif low in lex.hypothetical_auxiliaries or c.lemma_.lower() in lex.hypothetical_auxiliaries:
                    best = _max(best, "hypothetical")
                elif low in lex.future_auxiliaries:
                    best = _max(best, "expected")
        return best

    def _cue_its_own(self, tok: "Token") -> bool:
        """The first noun's own word of modality stops at it, for a joined noun with words of its own: a "no"
        before one with a determiner or a number ("no deaths and 12 injuries"; but "no deaths or serious
        injuries"), a planned, coming or alleged adjective before one with any modifier ("the upcoming framework,
        technical delays")."""
        first = tok.head
        mods = {c.dep_ for c in tok.children}
        if any(c.dep_ == "det" and c.lower_ in self.lex.negation_words for c in first.children):
            return bool(mods & {"det", "nummod"})
        return bool(mods & {"det", "nummod", "amod"}) and any(
            self.coming(c) or (c.dep_ == "amod" and c.lower_ in ALLEGED_WORDS) for c in first.children)

    def coming(self, mod: "Token") -> bool:
        """An adjective that puts its noun ahead: "the planned summit", "the expected call", "the upcoming vote",
        "the looming famine" (not "an attempted attack", "a failed coup": the attempt was made)."""
        lemma = mod.lemma_.lower()
        return mod.dep_ == "amod" and (mod.lower_ in _AHEAD_FORMS or (
            lemma in self._coming_words and lemma not in ATTEMPT_VERBS))  # (the form: "coming" is "come")

    def _inside_report(self, tok: "Token") -> bool:
        """The word lies inside what a speech act reports (its content clause, at any depth)."""
        node = tok
        for _ in range(8):
            if node.head.i == node.i:
                return False
            if node.dep_ in CONTENT_DEPS and self.is_reporting(node.head):
                return True
            node = node.head
        return False

    def _of_putting(self, putting: "Token") -> str:
        """The modality of a putting off or calling off: its clause's, or a noun's own."""
        return self.clause(putting) if putting.pos_ in ("VERB", "AUX") else self.modality(putting, "NOUN")

    def _planned(self, verb: "Token") -> bool:
        """After "is to", what makes its subject a plan: a passive ("is to be built") or a verb of occurring
        ("is to take place"), not what the subject does ("the attack was to punish the village")."""
        return occurs(verb, self.lex) or any(c.dep_ == "auxpass" for c in verb.children)

    def clause(self, verb: "Token") -> str:
        """Modality of the clause headed by `verb`, following xcomp/conj/ccomp/advcl upwards."""
        key = verb.i
        if key in self._memo:
            return self._memo[key]
        self._memo[key] = "asserted"  # guards against cycles in malformed parses
        m = self.own_cue(verb)
        if m == "hypothetical" and _concessive_may(verb):
            m = "asserted"  # "The election may be over, but the debate goes on": granted, not supposed
        head = verb.head
        if head.i != verb.i and m == "asserted":
            dep = verb.dep_
            hl = head.lemma_.lower()
            if dep == "advcl" and _to_infinitive(verb) and called_on(head) is not None:
                dep = "xcomp"  # "calls on the party to remove him": what is called for, as "urged them to"
            if (dep in ("relcl", "acl") and _to_infinitive(verb) and hl in ("time", "moment") and head.dep_ == "attr"
                    and head.head.lemma_ == "be"):
                m = _max(self.clause(head.head), "expected")  # "it is time for IE6 users to move away": not yet done
            elif (dep == "pcomp" and verb.tag_ == "VBG" and head.lower_ == "of" and head.head.pos_ == "NOUN"
                    and head.head.lemma_.lower() in PURPOSE_NOUNS
                    and any(c.dep_ == "det" and c.lower_ == "no" for c in head.head.children)):
                m = "negated"  # "has no intention of resigning": not to be (but "did a superb job of editing",
                # "achieved its goal of growing": done)
            elif (dep in ("advcl", "acl", "relcl") and _to_infinitive(verb) and verb.i > head.i
                    and any(c.dep_ == "mark" and c.lower_ == "for" for c in verb.children)
                    and (hl in self.lex.asking_for_verbs or _for_a_things_subject(verb, head))):
                # "calls for all edible salt to be iodised": asked for; "announce a deal for the UK to deport
                # migrants", "a decree for companies to start hiring": what a thing's "for" with a subject of its
                # own names is still to come (not "it is easy for a decree to be issued": a judgment)
                m = _max(self.clause(head), "expected")
            elif dep == "advcl" and _to_infinitive(verb) and hl in self.lex.directive_verbs and verb.i > head.i:
                # "demanded for the radio station to retract the statement", "demanded a meeting to discuss
                # wages": asked for, not done
                m = _max(self.clause(head), "expected")
            elif (dep in ("xcomp", "advcl") and hl in PENALTY_VERBS and _to_infinitive(verb)
                  and (verb.lemma_.lower() == "serve" or any(c.dep_ == "auxpass" for c in verb.children))):
                m = "expected"  # "was sentenced to be stoned to death", "to serve ten years": the penalty, to come
                # (not "to two life sentences to run consecutively ... for the murder": the murder was done)
            elif (dep in ("xcomp", "ccomp") and hl in PERMISSION_VERBS and _to_infinitive(verb)
                  and tense(head) in ("present", "future") and judging_verb(head) is None):
                m = _max(self.clause(head), "expected")  # "allows him to run in the election": to come (not
                # "sentenced for allowing their company to discharge pollution": the judged act was done)
            elif dep == "xcomp":
                if hl in self.lex.unlikely_words or (hl == "be" and any(
                        c.dep_ == "acomp" and c.lemma_.lower() in self.lex.unlikely_words for c in head.children)):
                    # "the talks are unlikely to result in peace", "it is impossible to evacuate the villages"
                    m = _max(self.clause(head), "hypothetical")
                elif hl == "have" and head.tag_ in ("VBZ", "VBP") and _to_infinitive(verb) and not any(
                        c.dep_ == "aux" for c in head.children):
                    m = _max(self.clause(head), "expected")  # "The pitcher has to retire": an obligation, to come
                elif (head.tag_ == "VBN" and _to_infinitive(verb)
                      and hl in (BELIEF_VERBS - {"suppose"}) | {"say", "report", "allege", "rumor", "rumour", "claim"}):
                    m = _max(self.clause(head), "reported")  # "is believed to have been executed", "is said to
                    # be", "believed to be connected": someone's view, not the writer's fact (not "was supposed to": due)
                elif hl == "forget" and self.clause(head) == "negated":
                    m = "expected"  # "Don't forget to show your rejection": asked for, not negated
                elif hl in self.lex.negative_verbs:
                    m = "negated"
                elif hl == "be" and _to_infinitive(verb) and verb.lemma_.lower() != "blame" and not any(
                        c.dep_ in ("acomp", "attr") for c in head.children) and (self._planned(verb) or not any(
                        c.dep_ in ("nsubj", "nsubjpass") and c.pos_ == "NOUN" and c.lemma_.lower() in self.lex.eventive_nouns
                        for c in head.children)):  # not "was to blame", nor "the attack was to punish them"
                    # "the ministers are to travel", "the summit is to be held": a plan
                    m = _max(self.clause(head), "expected")
                elif hl in self.lex.expectation_verbs or hl in self.lex.expectation_adjectives or (
                        hl == "go" and head.tag_ == "VBG" and not any(c.dep_ in ("prt", "advmod") and c.lower_ == "on"
                                                                     for c in head.children)) or (hl in self.lex.polite_verbs and any(
                        c.dep_ == "aux" and c.lower_ in WOULD for c in head.children)
                        and not self.is_reporting(verb) and verb.lemma_.lower() not in self.lex.performative_verbs):
                    # ("I would like to bring people together": a wish; "would like to express its
                    # condolences", "would like to thank": done in the saying)
                    m = _max(self.clause(head), "expected")
                else:
                    m = self.clause(head)
                    if (m == "reported" and not self.is_reporting(head) and not _attributed(head)
                            and not self._inside_report(head)):
                        m = "asserted"  # (but "according to witnesses, the police were seen clashing", "The blog
                        # says that Minasyan continues to make homophobic statements": all theirs)
            elif (dep == "acl" and verb.tag_ == "VBN" and head.dep_ == "attr" and head.head.lemma_ == "be"
                  and any(c.dep_ == "expl" for c in head.head.children)
                  and self.clause(head.head) in ("expected", "hypothetical")):
                m = self.clause(head.head)  # "there will be a committee formed": as sure as the "will be"
            elif dep == "acomp" and verb.pos_ == "ADJ":
                # "If someone were able to shut the system down": as sure as the "were"; a "not" only for what
                # one could, may or would do ("weren't able to speak", not "not surprised to see")
                m = self.clause(head)
                if m == "negated" and verb.lemma_.lower() not in ABILITY_ADJECTIVES:
                    m = "asserted"
            elif dep == "conj" and asyndetic_clause(verb):
                pass  # "..., Nana Yaw Sarpong reports": a clause of its own, as sure as its own words say
            elif dep == "conj":
                head = report_conjunct(verb) or head  # "says that ..., and presents the results": with "says"
                m = self.clause(head)
                if (m == "reported" and self._heard.get(head.i) == "asserted" and not self.is_reporting(verb)
                        and not any(c.dep_ == "mark" for c in verb.children)  # (not "confirmed X, and that Y")
                        and not (any(c.dep_ in SUBJECT_DEPS for c in verb.children)
                                 and any(c.dep_ in CONTENT_DEPS for c in head.children))):
                    # "She said hello and left", "condemned the attack, and they believe": leaving is no
                    # speech; but "claims that her passport was taken and she was forced": all the claim
                    m = "asserted"
                if m == "hypothetical" and any(c.dep_ in SUBJECT_DEPS for c in verb.children) and (
                        verb.tag_ in ("VBD", "VBZ", "VBP") or any(c.dep_ in ("aux", "auxpass") and c.tag_ != "MD"
                                                                   and c.lower_ != "to" for c in verb.children)) and any(
                        c.dep_ == "cc" and c.lower_ in CONTRAST_WORDS and head.i < c.i < verb.i for c in head.children):
                    m = "asserted"  # "He may have lost the vote, but he won the argument": a clause of its own
                if m == "negated" and (any(c.dep_ in SUBJECT_DEPS or (c.dep_ in ("aux", "auxpass") and c.lower_ != "to")
                                           for c in verb.children) or any(
                        c.dep_ == "cc" and c.lower_ in CONTRAST_WORDS and head.i < c.i < verb.i for c in head.children)):
                    # "No one was hurt, but the army evacuated 80 people", "is not willing to give it up and is
                    # throwing more money into it": a clause with a subject or an auxiliary of its own keeps its
                    # own polarity (a verb sharing both shares the "not": "did not call or write")
                    m = "asserted"
            elif (dep == "acl" or dep == "relcl" and (any(c.dep_ == "auxpass" for c in verb.children)
                                                       or _time_given(head))) \
                    and head.pos_ == "NOUN" and _to_infinitive(verb):
                # "a threat to impeach the president", "a campaign to get the law abolished": an aim ("figures
                # to be published today", a passive the parser may call a relative clause: still to come; not
                # "the first person to become minister", which it also calls one)
                m = _max(self.clause(head) if head.head.i != head.i else "asserted", "expected")
                if (dep == "acl" and head.lemma_.lower() in CHANCE_NOUNS and head.dep_ == "dobj"
                        and head.head.lemma_.lower() in TAKING_VERBS and head.head.tag_ == "VBD"):
                    m = self.clause(head.head)  # "took the opportunity to capture the video": captured it
            elif dep in ("ccomp", "xcomp") and hl in ("have", "get") and verb.tag_ in ("VBN", "VBD"):
                m = self.clause(head)  # "refused to have his immunity lifted": as sure as the having
            elif dep == "ccomp" and hl in self.lex.directive_verbs and verb.i > head.i and not _marked(verb, WHETHER) and not any(
                    c.tag_ in ("WRB", "WP", "WDT") for c in verb.children):
                # "demanded the march stopped", "urged that the vote be delayed": asked for, not done
                m = _max(self.clause(head), "expected")
            elif dep == "ccomp" and hl in self.lex.hoped_for_verbs and verb.i > head.i and verb.tag_ in ("VB", "VBP", "VBZ") \
                    and not any(c.dep_ in ("aux", "auxpass") and c.tag_ in ("VBD",) for c in verb.children):
                # "I'm hoping Alex and Ethan have time": hoped for, not so yet
                m = _max(self.clause(head), "expected")
            elif dep == "ccomp" and hl in self.lex.expectation_verbs and _to_infinitive(verb):
                # "wants the President to be impeached": what is wanted has not happened
                m = _max(self.clause(head), "expected")
            elif dep in ("acl", "ccomp") and head.pos_ == "NOUN" and head.lemma_.lower() in self.lex.reporting_nouns \
                    and _marked(verb, THAT):
                m = "reported"  # "allegations that the trio interfered", "the claim that ...": someone's words
            elif dep == "relcl" and self._inside_report(head):
                m = "reported"  # "explains that politicians who have failed must go": the speaker's words
            elif dep in CONTENT_DEPS and self.is_reporting(head):
                m = "reported"
            elif dep == "ccomp" and hl in BELIEF_VERBS and verb.i > head.i:
                m = "reported"  # "Many think that the police lied", "bloggers who believe the Kremlin is
                # reneging", "I don't think the police lied": someone's view, not the writer's fact
            elif dep == "pcomp" and head.lower_ == "from" and head.head.lemma_.lower() in PREVENTING_VERBS and \
                    any(c.dep_ == "dobj" for c in head.head.children):
                # "stopped the gallery from displaying it": not shown; "will stop them from voting": a plan
                hm = self.clause(head.head)
                # ("nothing could stop the bloggers from participating": they took part)
                m = hm if hm in ("expected", "hypothetical") else "asserted" if hm == "negated" else "negated"
            elif dep == "pcomp" and head.lower_ == "of" and head.head.lemma_.lower() in self.lex.allegation_verbs:
                m = _max(self.clause(head.head), "reported")  # "accused of taking her to India": alleged
            elif dep == "advcl" and _to_infinitive(verb) and self.clause(head) in ("expected", "hypothetical", "negated"):
                m = self.clause(head)  # "will meet on Monday to discuss the plan": as sure as the meeting
            elif (dep == "pcomp" and head.lower_ in ("by", "through") and head.dep_ == "prep"
                  and head.head.pos_ in ("VERB", "AUX") and self.clause(head.head) in ("expected", "hypothetical")
                  and not {head.head.lemma_.lower(), head.head.head.lemma_.lower()} & ATTEMPT_WORDS):
                # "You can get involved by sharing the video": the means, as sure as the end (but "tried to
                # stop the rally by parking their vans": the means of an attempt was used)
                m = self.clause(head.head)
            elif dep == "pcomp" and head.head.lemma_.lower() in self.lex.expectation_verbs:
                m = _max(self.clause(head.head), "expected")  # "is planning on investing", "counts on winning"
            elif (dep == "pcomp" and head.dep_ == "prep" and head.head.pos_ in ("VERB", "AUX")
                  and self.clause(head.head) == "reported" and not self.is_reporting(head.head)):
                m = "reported"  # "The blog says that in addition to bailing out an arsonist, he ...": its words
            elif dep in CONTENT_DEPS or dep == "advcl":
                hm = self.clause(head)
                if hm == "hypothetical" and dep == "advcl" and not _marked(verb, CAUSAL_MARKS):
                    m = hm  # (not "since Rita was only four when Elis died": a reason is a fact)
                elif hm == "reported" and not (dep == "advcl" and self.is_reporting(head)):
                    m = "reported"  # not "Created in 2011, the group declares", "Infobae reported just after
                    # the law was passed": a circumstance of the speaking, not what is said
                elif (dep == "advcl" and _marked(verb, TIME_MARKS) and tense(head) == "future"
                      and tense(verb) == "present"):
                    # "will not rest until their demands are met", "will resign when the report is published":
                    # what a future waits for is to come too
                    m = "expected"
        self._heard[key] = m  # as sure as the clause is, before its own speaking makes it a report
        if m == "asserted" and self.is_reporting(verb):
            m = "reported"
        self._memo[key] = m
        return m

    def modality(self, tok: "Token", kind: str) -> str:
        """Modality of one trigger."""
        if _instead_of(tok):
            return "negated"  # "gave her drops instead of using the creams", "rather than resign": not done
        if kind == "VERB":
            m = self.clause(tok)
            if m == "asserted" and tok.dep_ == "acl" and tok.tag_ == "VBN" and tok.head.pos_ == "NOUN" \
                    and tok.head.lemma_.lower() in self.lex.eventive_nouns:
                told = self.modality(tok.head, "NOUN")
                if told == "hypothetical":
                    return told  # "in the case of an earthquake followed by a tsunami": as supposed as the earthquake
                    # (not "the damage inflicted by nationalists", "the future protests being planned")
            return m
        for c in tok.children:  # "no talks", "never a meeting"
            if c.dep_ in ("det", "neg") and c.lower_ in self.lex.negation_words:
                return "negated"
        if kind == "NOUN":
            if (tok.dep_ == "pobj" and tok.head.lower_ == "to" and tok.head.head.lemma_.lower() in PENALTY_VERBS
                    and tok.lemma_.lower() not in PENALTY_VERBS | {"term"}):  # (the sentence itself is given)
                return "expected"  # "sentences the former minister to death": the penalty is to come
            if any(c.dep_ == "amod" and c.lower_ in ALLEGED_WORDS for c in tok.children):
                return "reported"  # "the alleged attack": someone's claim
            if (any(c.dep_ == "amod" and c.lower_ in SUPPOSED_WORDS for c in tok.children)
                    and _put_by(tok, CANCELLING_WORDS) is None and not _possible_past(tok)):
                return "hypothetical"  # "a warning of a possible strike": it may come or not
            if any(self.coming(c) for c in tok.children) and _put_by(tok, CANCELLING_WORDS) is None:
                return "expected"  # "the planned summit", "the expected call" (not "cancels his planned visit")
            if tok.dep_ == "conj" and tok.head.pos_ == "NOUN" and tok.head.i != tok.i and not self._cue_its_own(tok):
                return self.modality(tok.head, "NOUN")  # "demanded protection and action": as the protection;
                # "no casualties or damage": neither (but "no deaths and 12 injuries", "the upcoming framework and
                # technical delays": the "no", the "upcoming" are the first noun's own)
            head = tok.head
            hl = head.lemma_.lower()
            if tok.dep_ in ("nsubj", "nsubjpass") and (
                    hl in self.lex.expectation_verbs | self.lex.expectation_adjectives or hl == "be") and any(
                    c.dep_ == "xcomp" and (hl != "be" or (_to_infinitive(c) and self._planned(c)))
                    for c in head.children):
                # "the summit is set to open", "talks are expected to resume"
                return _max(self.clause(head), "expected")
            if _in_case_of(tok):
                return "hypothetical"  # "in case of a nuclear disaster", "in the event of a strike": a supposition
            canceller = _put_by(tok, CANCELLING_WORDS)
            if canceller is not None:
                m = self._of_putting(canceller)
                if m == "negated":
                    # "the concert better not be cancelled": still to come; "did not cancel the concert": held
                    return "expected" if _to_come_anyway(canceller) else "asserted"
                return "negated" if m in ("asserted", "reported") else m  # "cancelled the concert": not held
            put_off = _postponer(tok)
            if put_off is not None:
                m = self._of_putting(put_off)
                if m in ("asserted", "reported") and not _put_off_before(put_off):
                    return "expected"  # "postpones the election": not held yet, still to come
                if m == "negated":  # "did not postpone the election": held as planned; "cannot be postponed any
                    # longer", "there will be no postponement of the election": still to come
                    return "expected" if _to_come_anyway(put_off) else "asserted"
            if ended_by(tok) is not None:
                return "asserted"  # "is to end a ban on flights", "refused to lift the blockade": the ban is there
            if tok.dep_ == "pobj" and _ahead_in_present(head):
                return "expected"  # "ten days remain before the presidential elections": still to come
            if tok.dep_ == "pobj" and head.lower_ == "for" and getattr(called_on(head.head), "i", None) == head.i:
                m = self.clause(head.head)  # "called for a march on May 1": asked for, not held (yet)
                return m if m in ("negated", "hypothetical") else "expected"
            if (tok.dep_ == "pobj" and head.lower_ in ("for", "to") and head.head.pos_ == "NOUN"
                    and head.head.lemma_.lower() in self.lex.preparing_nouns):
                return "expected"  # "preparations for the presidential elections", "rehearsals for the ceremony"
            if (tok.dep_ == "pobj" and head.lower_ == "for" and head.head.lemma_.lower() in self.lex.asking_for_verbs
                    and head.head.pos_ == "VERB"):
                m = self.clause(head.head)  # "are waiting for the verdict", "pressed for a recount": to come
                return m if m in ("negated", "hypothetical") else "expected"
            if tok.dep_ == "dobj" and (hl in self.lex.expectation_verbs - self.lex.settling_verbs or (
                    hl in self.lex.preparing_verbs and not any(a.tag_ == "VBD" for a in (head, *head.children))
                    and not (hl in self.lex.staging_verbs and head.tag_ in ("VBZ", "VBP")
                             and (head.dep_ == "ROOT" or (head.dep_ == "conj" and head.head.dep_ == "ROOT"))
                             and not any(c.dep_ == "aux" for c in head.children)))):
                # "plans a strike", "demanded an inquiry", "is organizing an interview": not (yet) held (but
                # "Greeks organize a general strike": the news present of a main clause, held that day; not
                # "until the junta organizes elections")
                return _max(self.clause(head), "expected")
        node = tok
        for _ in range(6):
            if node.head.i == node.i:
                break
            node = node.head
            if node.pos_ in ("VERB", "AUX"):
                m = self.modality(node, "VERB") if node.dep_ == "acl" else self.clause(node)
                spoken_of = (tok.dep_ in ("dobj", "nsubjpass") and tok.head.i == node.i) or (
                    tok.dep_ == "pobj" and tok.head.lower_ in ("on", "about") and tok.head.head.i == node.i) or (
                    tok.dep_ == "pobj" and tok.head.head.lemma_.lower() in self.lex.said_things
                    and tok.head.head.head.i == node.i)  # "expressed concerns over this terrible loss", "The death of X is
                # described as a shame"
                if (m in ("reported", "negated") and spoken_of and self.is_reporting(node)
                        and tok.lemma_.lower() not in self.lex.reporting_nouns):
                    return "asserted"  # "condemned the attack", "reports on the protests": what was spoken of took place
                if m == "reported" and called_on(node) is not None and tok.dep_ != "dobj":
                    return "asserted"  # "called for an inquiry into his death": the death is no one's words
                if m == "reported" and self.is_reporting(node) and _in_time_phrase(tok, node):
                    return "asserted"  # "During a rally after the elections, Navalny said": when, not what, he said
                if m == "negated" and tok.dep_ in SUBJECT_DEPS and tok.head.i == node.i and not occurs(node, self.lex) \
                        and not any(c.dep_ == "aux" and c.lower_ in self.lex.future_auxiliaries | self.lex.hypothetical_auxiliaries
                                    for c in node.children):  # not "real change will not come"
                    return "asserted"  # "Yesterday's protest was not strong enough", "the strike was not
                    # forgotten": the protest took place (not "the meeting did not take place")
                cause = cause_verb(tok)
                if (((m == "hypothetical" and tok.dep_ == "pobj" and tok.head.head.i == node.i
                      and tok.head.lower_ in PRESUPPOSING_PREPS)
                     or (m in ("expected", "hypothetical") and cause is not None and cause.i == node.i))
                        and _definite_or_plural(tok) and not (
                            any(c.dep_ == "aux" and c.lemma_ == "have" for c in node.children)
                            and any(c.dep_ == "aux" and c.tag_ == "MD" for c in node.children))):
                    # (not "should have kicked off with the march": what did not happen)
                    # "With panel discussions taking place everywhere, the festival could sweep you away",
                    # "could face trial over the protest": what a possibility is placed by is no possibility;
                    # "calls on the Council to suspend relations due to human rights violations", "will remain in
                    # office despite the protests": what a plan answers is there already
                    return "asserted"
                if m == "negated" and tok.dep_ == "pobj":
                    # "nothing happened after the vote", "he almost died in the crash", "no one was hurt
                    # in the blast": what the negated act is placed by took place
                    return "asserted"
                return m
        return "asserted"


PRESUPPOSING_PREPS = frozenset({"with", "during", "since", "despite", "amid", "over"})  # (not "after the completion")


CAUSE_PREPS = frozenset({"amid", "despite", "over"})  # ("over" not after a verb of talks: `cause_verb`)
TALKING_VERBS = frozenset({"negotiate", "debate", "talk", "argue", "bargain", "deliberate", "discuss", "consult",
                           "haggle", "wrangle"})  # "will negotiate over the release": what is talked of
CAUSE_HEADS = frozenset({"due", "because", "owing"})  # "due to", "because of", "owing to", and "because" alone


def cause_verb(tok: "Token") -> "Token | None":
    """The verb whose act answers the cause the noun names ("suspend relations due to violations", "strike
    because of the pay cuts", "amid protests", "despite the war", "over its actions"), or None."""
    if tok.dep_ != "pobj":
        return None
    prep = tok.head
    if prep.dep_ == "pcomp" and prep.lower_ in ("to", "of") and prep.head.lower_ in CAUSE_HEADS:
        prep = prep.head
    verb = prep.head
    if prep.lower_ == "over" and verb.lemma_.lower() in TALKING_VERBS:
        return None
    return verb if prep.lower_ in CAUSE_PREPS | CAUSE_HEADS and verb.i != prep.i and verb.pos_ in ("VERB", "AUX") else None


def _definite_or_plural(noun: "Token") -> bool:
    """A noun told as known ("the protest", "his arrest") or as a plain plural ("panel discussions"), not one
    introduced as a possibility ("a strike")."""
    return noun.tag_ == "NNS" or any(c.dep_ in ("det", "poss") and c.lower_ not in ("a", "an", "any", "no")
                                     for c in noun.children)


def _concessive_may(verb: "Token") -> bool:
    """ "X may be over, but ...", "They may seem the same thing, but they are not", "An agreement may have been
    reached, but ...": a "may" of what is, seems or has been, granted before a "but" clause of its own, no
    supposition (not "Workers may strike next week, but ...": a possibility still)."""
    granted = (verb.lemma_ in ("be", "seem", "look", "appear", "sound") and verb.tag_ == "VB" and any(
        c.dep_ in ("acomp", "attr", "advmod", "prep", "oprd", "xcomp", "dobj") for c in verb.children)) or (
        verb.tag_ == "VBN" and any(c.dep_ == "aux" and c.lower_ == "have" for c in verb.children))
    return granted and any(c.dep_ == "aux" and c.lower_ == "may" for c in verb.children) and any(
        c.dep_ == "conj" and any(g.dep_ in ("nsubj", "nsubjpass", "expl") for g in c.children)
        and any(b.dep_ == "cc" and b.lower_ in CONTRAST_WORDS and verb.i < b.i < c.i for b in verb.children)
        for c in verb.children)


def _in_case_of(noun: "Token") -> bool:
    """The noun is what "in (the) case of" or "in the event of" supposes."""
    head = noun.head
    return (noun.dep_ == "pobj" and head.lower_ == "of" and head.head.lemma_.lower() in ("case", "event")
            and head.head.dep_ == "pobj" and head.head.head.lower_ == "in")


ALLEGED_WORDS = event_words()["alleged_words"]  # "the alleged attack"


def _instead_of(tok: "Token") -> bool:
    """The act is what was done instead of, or rather than ("instead of using the creams", "rather than
    resigning"): not done."""
    head = tok.head
    if tok.dep_ in ("pcomp", "pobj") and head.lower_ == "of" and head.i > 0 and tok.doc[head.i - 1].lower_ == "instead":
        return True
    return tok.dep_ in ("pcomp", "pobj", "advcl", "conj") and any(
        t.lower_ == "than" and t.i > 0 and tok.doc[t.i - 1].lower_ == "rather" for t in tok.doc[max(0, tok.i - 2):tok.i])


CANCELLING_WORDS = event_words()["cancelling_words"]


def _put_by(noun: "Token", words: frozenset[str]) -> "Token | None":
    """The verb or noun of `words` that puts off or calls off the happening a noun names ("cancelled the
    concert", "called off the march", "the cancellation of the release", "postponed the election"), if any;
    "call" counts with its particle "off"."""
    head = noun.head
    if noun.dep_ in ("dobj", "nsubjpass") and head.pos_ == "VERB" and head.lemma_.lower() in words and (
            head.lemma_.lower() != "call" or any(c.dep_ == "prt" and c.lower_ == "off" for c in head.children)):
        return head
    if (noun.dep_ == "pobj" and head.lower_ == "of" and head.head.pos_ == "NOUN"
            and head.head.lemma_.lower() in words - {"call"}):
        return head.head
    return None


def _to_come_anyway(putting: "Token") -> bool:
    """A putting off or calling off denied by a modal or in the future ("better not be cancelled", "cannot be
    postponed any longer", "there will be no postponement"): what it is of is still to come."""
    verb = putting if putting.pos_ in ("VERB", "AUX") else clause_verb(putting)
    return tense(verb) == "future" or any(c.dep_ == "aux" and c.tag_ == "MD" for c in verb.children) or any(
        c.dep_ == "advmod" and c.lower_ == "better" for c in verb.children)


POSTPONING_WORDS = event_words()["postponing_words"]
SUPPOSED_WORDS = event_words()["supposed_words"]
INQUIRY_WORDS = event_words()["inquiry_words"]
INQUIRY_REACH = 4  # heads between a possibility and the inquiry into it ("investigation into TikTok for potential ...")


def _possible_past(noun: "Token") -> bool:
    """A possibility that may already have happened: the subject of a past verb or one a past participle tells
    of, what an inquiry looks into ("investigating possible breaches", "orders investigations into potential
    fraud", `INQUIRY_WORDS`), what something is taken as ("investigated as a possible act of terrorism") or a
    cause ("a recall due to a possible dashboard failure")."""
    if judging_verb(noun) is not None:
        return True  # "charged with murder in connection with the possible mercy killings of 34 patients"
    if (noun.dep_ in ("nsubj", "nsubjpass") and tense(noun.head) in ("past", "perfect")) or any(
            c.dep_ in ("acl", "relcl") and c.tag_ in ("VBN", "VBD") for c in noun.children):
        return True  # "a possible gas leak caused the explosion", "documents potential war crimes committed in
        # Bucha" (but "warned of a possible attack": still a supposition)
    head = noun.head
    if noun.dep_ == "pobj" and (head.lower_ in ("as", "into", "due") or (head.lower_ == "to" and head.head.lower_ == "due")
                                or (head.lower_ == "of" and head.head.lower_ == "because")):
        return True
    node = noun
    for _ in range(INQUIRY_REACH):
        if node.head.i == node.i:
            return False
        node = node.head
        if node.lemma_.lower() in INQUIRY_WORDS:
            return True
    return False


def _postponer(noun: "Token") -> "Token | None":
    """The verb or noun that puts the happening a noun names off to a later time ("postponed the election",
    "the opening of parliament is delayed by a month", "the postponement of the vote"), if any; "delay" only
    when it moves a definite thing, not slowed "by" something other than a time (not "Fog delays flights", "the
    investigation has been delayed by a lack of funds": late or slowed, not put off)."""
    put_off = _put_by(noun, POSTPONING_WORDS)
    if put_off is None or put_off.lemma_.lower() != "delay" or put_off.pos_ != "VERB":
        return put_off
    if not any(c.dep_ in ("det", "poss") and c.lower_ not in ("a", "an") for c in noun.children):
        return None  # ("Fog delays flights": late, not put off)
    if noun.dep_ == "dobj":
        return put_off
    timed = [c for c in put_off.children if c.dep_ in ("prep", "agent") and c.lower_ in ("by", "for") and any(
        g.dep_ == "pobj" and g.ent_type_ in ("DATE", "TIME") for g in c.children)]
    slowed = [c for c in put_off.children if c.dep_ in ("prep", "agent") and c.lower_ == "by"]
    return put_off if timed or not slowed else None  # (not "delayed by a lack of funds": slowed)


def _put_off_before(put_off: "Token") -> bool:
    """A putting off told in the past or after a preposition ("releases the prisoners after delaying their
    release", "the trial was delayed many times, but the verdict will be announced"): what was put off then may
    have been held since."""
    verb = put_off if put_off.pos_ == "VERB" else clause_verb(put_off)
    return verb.dep_ == "pcomp" or tense(verb) == "past"


ENDING_VERBS = event_words()["ending_verbs"]


def _for_a_things_subject(verb: "Token", head: "Token") -> bool:
    """A "for ... to" clause with a subject of its own that modifies a noun ("a decree for companies to start"),
    or the object the parser hung it beside ("announce a deal for the UK to deport": the deal's)."""
    if not any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
        return False
    if head.pos_ == "NOUN":
        return True
    mark = next(c for c in verb.children if c.dep_ == "mark" and c.lower_ == "for")
    return head.pos_ == "VERB" and any(c.dep_ == "dobj" and c.pos_ == "NOUN" and c.right_edge.i + 1 == mark.i
                                       for c in head.children)


def ended_by(noun: "Token") -> "Token | None":
    """The verb that ends what the noun names, already there ("is to end a ban on flights", "lifted the
    blockade", "break off talks", "the ruling was overturned"), if any; not "end up", "lift off"."""
    head = noun.head
    if noun.dep_ in ("dobj", "nsubjpass") and head.pos_ == "VERB" and head.lemma_.lower() in ENDING_VERBS:
        particles = {c.lower_ for c in head.children if c.dep_ == "prt"}
        if particles == ({"off"} if head.lemma_.lower() == "break" else set()):
            return head
    return None


def occurs(verb: "Token", lexicon: Lexicon) -> bool:
    """A verb that says its subject happens ("begin", "take place", "be held"), not what the subject does
    ("the attack was to punish the village"): `occurrence_verbs`, "take" with "place", "hold" passive."""
    lemma = verb.lemma_.lower()
    if lemma not in lexicon.occurrence_verbs:
        return False
    if lemma == "take":
        return any(c.dep_ == "dobj" and c.lower_ == "place" for c in verb.children)
    if lemma == "hold":
        return any(c.dep_ == "auxpass" for c in verb.children)
    return True


def _pointer(verb: "Token") -> bool:
    """ "can be seen here", "can be watched below", "can be read online": a passive of seeing or reading
    that points the reader to a text or a video."""
    return (verb.lemma_.lower() in POINTING_VERBS and any(c.dep_ == "auxpass" for c in verb.children)
            and any(c.lower_ in POINTING_PLACES for c in verb.children))


POINTING_VERBS = event_words()["pointing_verbs"]  # "can be seen here": where to find it
POINTING_PLACES = event_words()["pointing_places"]


def _had(verb: "Token") -> bool:
    """A clipped "'d" before a bare past participle is "had" ("he'd already left"), not "would" ("he'd be
    whipped", "I'd go")."""
    return verb.tag_ == "VBN" and not any(c.dep_ == "auxpass" for c in verb.children)


def _marked(verb: "Token", marks: frozenset[str]) -> bool:
    """The clause opens with one of `marks` ("if", "unless")."""
    return any(c.dep_ == "mark" and c.lower_ in marks for c in verb.children)


TIME_MARKS = frozenset({"until", "till", "when", "once", "after", "before", "whenever"})
BECAUSE = frozenset({"because"})  # "If this sounds familiar, it's because it has affected ...": a fact
CAUSAL_MARKS = BECAUSE | {"since"}  # a reason, a fact inside a supposition


# what follows "if" in a set phrase that hedges a word, no condition: "few if any", "if ever", "if so",
# "if necessary", "(or 'activism,' if one prefers)"
ASIDE_IF_WORDS = frozenset({"any", "anything", "ever", "so", "necessary", "possible", "needed"})
ASIDE_IF_PAIRS = frozenset({("at", "all"), ("one", "prefers"), ("one", "wishes"), ("one", "likes"), ("one", "will"),
                            ("you", "prefer"), ("you", "like"), ("you", "will"), ("you", "wish")})


def _aside_if(verb: "Token") -> bool:
    """The clause's "if" opens a hedge of a word, not a condition ("few if any manufacturers use it")."""
    mark = next((c for c in verb.children if c.dep_ == "mark" and c.lower_ == "if"), None)
    if mark is None or mark.i + 1 >= len(mark.doc):
        return False
    nxt = mark.nbor(1).lower_
    after = mark.nbor(2).lower_ if mark.i + 2 < len(mark.doc) else ""
    return nxt in ASIDE_IF_WORDS or (nxt, after) in ASIDE_IF_PAIRS


def _supposed(verb: "Token", words: frozenset[str]) -> bool:
    """The verb is, or is what is supposed by, an "Assuming (that) ..." opening a supposition."""
    if verb.lower_ in words and verb.dep_ in ("advcl", "prep", "csubj"):
        return True
    head = verb.head
    return verb.dep_ == "ccomp" and head.lower_ in words and head.dep_ in ("advcl", "prep", "csubj")


def _its_because(verb: "Token") -> bool:
    """"If this sounds familiar, it's because it has affected ...": "it is because" gives the reason of a
    fact, whatever the "if" before it (not "we will fight because we must")."""
    return verb.lemma_ == "be" and any(c.dep_ == "nsubj" and c.lower_ in ("it", "this", "that") for c in verb.children) \
        and any(c.dep_ == "advcl" and _marked(c, BECAUSE) for c in verb.children)


def _concessive(clause: "Token") -> bool:
    """"Even if the attack was real, some have expressed doubts": a concession, the main clause holds."""
    return any(c.dep_ == "advmod" and c.lower_ == "even" for c in clause.children)


def given_time_to(verb: "Token") -> bool:
    """What one is given time until a day to do ("gives him until March 29 to leave"): not done yet, when that
    day is still to come (the caller checks)."""
    return verb.pos_ == "VERB" and _to_infinitive(verb) and gives_time_until(verb.head)


def _to_infinitive(verb: "Token") -> bool:
    """`verb` has its "to" ("are to travel", "is to be held")."""
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)


def _max(a: str, b: str) -> str:
    return a if RANK[a] >= RANK[b] else b


def _conditional_sentence(verb: "Token", lex) -> bool:
    """Its sentence holds a condition ("if", "unless"): a "would" there is a hypothesis."""
    sent = verb.sent if verb.doc.has_annotation("SENT_START") else verb.doc
    return any(t.lower_ in lex.condition_marks or t.lower_ in lex.hypothetical_markers for t in sent)


def _dated(verb: "Token") -> bool:
    """The clause names a day or a time of its own ("which would depart from the square on Saturday")."""
    return any(t.ent_type_ in ("DATE", "TIME") for t in verb.subtree)


def _attributed(verb: "Token") -> bool:
    """The clause is told on someone's word ("according to witnesses", "allegedly")."""
    return any(c.dep_ == "prep" and c.lower_ == "according" for c in verb.children)


def _ahead_in_present(prep: "Token") -> bool:
    """ "before" or "ahead of" under a verb in the present or the future ("ten days remain before the
    elections", "will meet ahead of the vote"): what it names is still to come."""
    if prep.lower_ == "of" and prep.head.lower_ == "ahead":
        prep = prep.head
    if prep.lower_ not in ("before", "ahead"):
        return False
    verb = prep.head
    return verb.pos_ in ("VERB", "AUX") and tense(verb) in ("present", "future")
