"""The word lists and the small pure helpers, without spaCy."""

from __future__ import annotations

from pipeline.events.lexicon import load_lexicon
from pipeline.quotes import Quotes
from pipeline.events.triggers import deverbal_ing


def test_resources_load_and_hold_the_issue_words():
    lex = load_lexicon()
    for noun in ("meeting", "attack", "election", "talk", "summit", "vote"):
        assert noun in lex.eventive_nouns
    assert {"say", "tell"} <= lex.reporting_verbs
    assert {"will"} <= lex.future_auxiliaries
    assert {"could", "would"} <= lex.hypothetical_auxiliaries
    assert "not" in lex.negation_words


def test_deverbal_ing_nouns_need_a_known_verb():
    verbs = {"bomb", "trade", "ship", "shoot"}
    assert deverbal_ing("bombing", verbs)
    assert deverbal_ing("trading", verbs)  # trade + ing
    assert deverbal_ing("shipping", verbs)  # doubled consonant
    assert not deverbal_ing("morning", verbs)
    assert not deverbal_ing("king", verbs)


def test_quotes_pair_curly_and_straight_marks():
    text = 'He said: \u201cWe will win.\u201d Then "it is over," she added.'
    q = Quotes(text)
    assert q.containing(text.index("win")) is not None
    assert q.containing(text.index("over")) is not None
    assert q.containing(text.index("Then")) is None


def test_fixed_expressions_index_each_phrase_by_its_word():
    lex = load_lexicon()
    assert (("in", "order", "to"), 1) in lex.fixed_expressions["order"]
    assert all(words[at] == word for word, phrases in lex.fixed_expressions.items() for words, at in phrases)
    assert {"title", "name", "dub"} <= lex.naming_participles
