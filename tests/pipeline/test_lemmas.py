"""Verb lemmas English spelling settles, where spaCy's rule lemmatizer keeps the wrong stem."""

from __future__ import annotations

import pytest

from pipeline.lemmas import verb_lemma


@pytest.mark.parametrize("word, spacy_lemma, expected", [
    ("hoped", "hop", "hope"),
    ("hoping", "hop", "hope"),
    ("hopes", "hop", "hope"),
    ("staged", "stag", "stage"),
    ("waging", "wag", "wage"),
    ("blogged", "blogge", "blog"),
    ("prepped", "preppe", "prep"),
    # already right, or not a case the spelling rule decides
    ("hopped", "hop", "hop"),
    ("gases", "gas", "gas"),
    ("visited", "visit", "visit"),
    ("opened", "open", "open"),
    ("fixed", "fix", "fix"),
    ("needed", "need", "need"),
    ("bused", "bus", "bus"),
    ("busing", "bus", "bus"),
    ("finessed", "finesse", "finesse"),
    ("silhouetted", "silhouette", "silhouette"),
])
def test_verb_lemma(word, spacy_lemma, expected):
    assert verb_lemma(word, spacy_lemma) == expected


def test_the_shared_pipeline_mends_verb_lemmas():
    from pipeline.nlp import load_nlp

    doc = load_nlp()("The rebels staged an attack and said they hoped to win.")
    assert {t.text: t.lemma_ for t in doc}["staged"] == "stage"
    assert {t.text: t.lemma_ for t in doc}["hoped"] == "hope"


def test_a_prefixed_word_is_one_token_with_the_lemma_of_its_word():
    from pipeline.nlp import load_nlp

    doc = load_nlp()("Uganda re-tabled the bill. The re-arrest of the activist pre-empted their co-operation. "
                     "The UN-backed government signed.")
    lemmas = {t.text: t.lemma_ for t in doc}
    assert (lemmas["re-tabled"], lemmas["re-arrest"]) == ("table", "arrest")
    assert (lemmas["co-operation"], lemmas["pre-empted"]) == ("cooperation", "preempt")  # the word written whole
    assert "UN" in lemmas and any(e.text == "UN" for e in doc.ents)  # an acronym before a hyphen stays a name
