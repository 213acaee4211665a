"""The word lists and the small pure helpers, without spaCy."""

from __future__ import annotations

import json

from pipeline.events import anchoring, extractor, modality, relative, roles, triggers
from pipeline.events.lexicon import RESOURCES, event_words, load_lexicon
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


# the constants whose words are data in resources/words.json (key: the name in lower case, less a leading "_")
MOVED = {
    roles: ("HOLDING_VERBS", "OWN_NOUNS", "OPINION_VERBS", "BY_MEANS_NOUNS", "LIGHT_VERBS", "GENDERED_NOUNS",
            "KIN_NOUNS", "QUANTITY_HEADS", "OBJECT_CONTROL_VERBS", "UNDERGONE_NOUNS", "THANKS_NOUNS",
            "JUDGING_VERBS", "CRIME_NOUNS", "SHARE_NOUNS", "DOER_NOUNS", "REVIEWING_VERBS", "DECISION_NOUNS", "PREVENTING_VERBS", "PURPOSE_NOUNS", "SHOWING_VERBS", "EXTRAPOSING_VERBS",
            "STATIVE_PARTICIPLES", "PROTESTING_WORDS", "COMMEMORATING_VERBS", "REACTING_WORDS"),
    extractor: ("ANNIVERSARY_NOUNS", "UNDERGOING_VERBS", "_SEQUENCE_ADVERBS", "COMMITMENT_VERBS",
                "SANCTIONING_VERBS", "LASTING_NOUNS", "EARLIER_ADJECTIVES", "SOONER_ADJECTIVES", "PERCEPTION_VERBS",
                "SUBJECT_NEWS_VERBS", "WRITING_VERBS", "DISCUSSING_VERBS", "TOPIC_NOUNS", "TERM_VERBS", "CONTEST_VERBS"),
    modality: ("COMING_WORDS", "LOOMING_WORDS", "PERMISSION_VERBS", "GIVEN_TIME_NOUNS", "GIVING_VERBS", "ABILITY_ADJECTIVES", "BELIEF_VERBS",
               "CHANCE_NOUNS", "TAKING_VERBS", "LETS_STANCE_VERBS", "CANCELLING_WORDS", "POSTPONING_WORDS", "SUPPOSED_WORDS", "INQUIRY_WORDS", "ENDING_VERBS", "POINTING_VERBS", "PENALTY_VERBS", "ALLEGED_WORDS",
               "POINTING_PLACES"),
    anchoring: ("STRETCH_NOUNS", "DATE_NOUNS", "LAPSE_VERBS", "ORDER_VERBS", "ATTRIBUTION_VERBS", "AT_ONCE_ADVERBS",
                "STATE_OF_THINGS_VERBS", "MEMORY_VERBS", "ATTEMPT_VERBS", "FOUNDING_VERBS", "FREQUENCY_ADVERBS",
                "EARLIER_ADVERBS", "DURATIVE_LEMMAS", "TIME_OF_NOUNS", "COMPARISON_NOUNS", "STATE_NOUNS",
                "MOVING_VERBS", "ANSWERING_VERBS", "LAW_NAME_NOUNS", "DIGEST_NEWS_VERBS", "PLAN_OR_EXPECT_VERBS", "HARM_VERBS", "TOLL_WORDS", "AFTERMATH_NOUNS",
                "BANNING_VERBS", "BECOMING_VERBS", "EXTENDING_VERBS", "REFUSING_VERBS", "LATER_ADVERBS", "STANDING_PASSIVES"),
    relative: ("PHASE_NOUNS", "OCCASION_NOUNS", "GENERIC_EVENT_NOUNS", "RULE_NOUNS"),
    triggers: ("READER_VERBS",),
}


def test_words_json_lists_are_documented_lowercase_and_are_the_constants():
    raw = json.loads((RESOURCES / "words.json").read_text(encoding="utf-8"))
    keys = {k for k in raw if not k.startswith("_")}
    assert {k.removeprefix("_doc_") for k in raw if k.startswith("_doc_")} == keys  # one doc per list, no stray doc
    for key in keys:
        doc = raw[f"_doc_{key}"]
        assert isinstance(doc, str) and doc.strip(), key
        assert raw[key], key
        words = list(raw[key])  # a list, or the keys of an object
        assert all(isinstance(w, str) and w and w == w.strip().lower() for w in words), key
        assert len(set(words)) == len(words), key
    words = event_words()
    assert set(words) == keys
    named = set()
    for module, names in MOVED.items():
        for name in names:
            key = name.lstrip("_").lower()
            assert getattr(module, name) is words[key], name
            named.add(key)
    assert isinstance(roles.GENDERED_NOUNS, dict) and set(roles.GENDERED_NOUNS.values()) == {"f", "m"}
    assert all(type(words[k]) is frozenset for k in keys - {"gendered_nouns"})
    # lists that add to another constant
    assert anchoring.STATIVE_VERBS == anchoring.STATE_OF_THINGS_VERBS | words["news_state_verbs"]
    assert anchoring.SPEECH_LEMMAS == anchoring.ATTRIBUTION_VERBS | words["clause_reporting_verbs"]
    assert anchoring.REPORTING_SPAN_VERBS == anchoring.SPEECH_LEMMAS | words["tallying_verbs"]
    assert modality.ATTEMPT_WORDS == (anchoring.ATTEMPT_VERBS - {"be"}) | words["striving_words"]
    assert relative._ANOTHER.pattern.count("|") + 1 == len(words["another_words"])  # read into a pattern
    # every list is used
    assert named | {"news_state_verbs", "clause_reporting_verbs", "striving_words", "another_words", "tallying_verbs"} == keys
    assert "be" in anchoring.ATTEMPT_VERBS and "be" not in modality.ATTEMPT_WORDS and "bid" in modality.ATTEMPT_WORDS
    assert {"postpone", "delay"} <= extractor.MOVING_VERBS and roles.GENDERED_NOUNS["widow"] == "f"
