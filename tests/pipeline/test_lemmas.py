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
