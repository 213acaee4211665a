"""Mends one parse the small English model gets wrong in blog round-ups: a name followed by a verb of
speech in the third person ("NewEurasia's Annasoltan reports on ...", "Gay Armenia comments on a
video", "Evolutsia comments:"), which it reads as a noun phrase ("the Annasoltan reports"). The word is
made the verb it is, with the name as its subject, so that the event has its speaker and is reported.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Doc, Token

# third-person forms of verbs of speech that are also plural nouns, and their lemmas
SPEECH_FORMS = {
    "reports": "report", "comments": "comment", "writes": "write", "notes": "note", "says": "say",
    "adds": "add", "explains": "explain", "argues": "argue", "tweets": "tweet", "blogs": "blog",
    "posts": "post", "claims": "claim", "warns": "warn", "complains": "complain", "asks": "ask",
    "suggests": "suggest", "describes": "describe", "recalls": "recall", "points": "point",
    "observes": "observe", "remarks": "remark", "shares": "share", "laments": "lament", "wonders": "wonder",
    "jokes": "joke", "quips": "quip", "muses": "muse", "reflects": "reflect", "responds": "respond",
    "replies": "reply", "concludes": "conclude", "insists": "insist", "states": "state", "questions": "question",
}
# what a verb of speech is followed by: "on", "about", "that", a colon
_AFTER = frozenset({"on", "about", "that", ":", "how", "why", "what", "upon"})


def mend_speech_verbs(doc: "Doc") -> "Doc":
    """Make "<Name> reports on ..." a verb with its subject, in place."""
    for tok in doc:
        if tok.tag_ != "NNS" or tok.lower_ not in SPEECH_FORMS or tok.dep_ != "ROOT" or tok.i == 0:
            continue
        name = doc[tok.i - 1]
        nxt = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
        if name.head.i != tok.i or not (name.pos_ == "PROPN" or name.text.startswith("@")):
            continue
        if nxt is None or nxt.lower_ not in _AFTER:
            continue
        if any(c.dep_ in ("amod", "nummod") and c.i < name.i for c in tok.children):
            continue  # "The annual Amnesty reports on torture": a noun with its modifiers
        _make_verb(tok, name)
    return doc


def _make_verb(tok: "Token", subject: "Token") -> None:
    for c in list(tok.children):
        if c.i < subject.i and c.dep_ in ("compound", "poss", "det", "amod", "nmod", "punct"):
            c.head = subject  # "NewEurasia's Annasoltan": the possessor names the subject
    subject.dep_ = "nsubj"
    tok.tag_ = "VBZ"
    tok.pos_ = "VERB"
    tok.lemma_ = SPEECH_FORMS[tok.lower_]
