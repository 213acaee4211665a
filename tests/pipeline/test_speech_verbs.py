"""A name and a verb of speech the model reads as a noun phrase ("Annasoltan reports on ...")."""

from __future__ import annotations

import pytest


@pytest.fixture(scope="module")
def nlp():
    from pipeline.nlp import load_nlp

    return load_nlp()


@pytest.mark.parametrize("text, verb, subject", [
    ("NewEurasia's Annasoltan reports on the protests in Turkmenistan.", "reports", "Annasoltan"),
    ("Carlos R. Fonseca blogs about the use of mobile phones.", "blogs", "Fonseca"),
    ("The Guardian reports that the war ended.", "reports", "Guardian"),
])
def test_a_name_and_a_verb_of_speech(nlp, text, verb, subject):
    doc = nlp(text)
    tok = next(t for t in doc if t.text == verb)
    assert tok.pos_ == "VERB" and tok.lemma_ == verb.rstrip("s")
    assert any(c.dep_ == "nsubj" and c.text == subject for c in tok.children)


@pytest.mark.parametrize("text, noun", [
    ("The annual reports on the crash were released.", "reports"),
    ("She read the comments on the blog.", "comments"),
])
def test_a_noun_of_speech_stays_a_noun(nlp, text, noun):
    tok = next(t for t in nlp(text) if t.text == noun)
    assert (tok.pos_, tok.tag_) == ("NOUN", "NNS")
