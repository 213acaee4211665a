"""The word lists that drive event extraction, read once from `resources/` (data apart from the engine):
`triggers.json` and `cues.json` into `Lexicon`, `words.json` into `event_words()`."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from types import MappingProxyType
from typing import Mapping

from pipeline.languages import foreign_function_words
from pipeline.temporal.resources import load_lexicon as temporal_lexicon

RESOURCES = Path(__file__).resolve().parent / "resources"


@dataclass(frozen=True, slots=True)
class Lexicon:
    """Frozen sets of lemmas; `verb_lemmas` comes from spaCy's own lemma index (deverbal -ing nouns)."""

    eventive_nouns: frozenset[str]
    ing_noun_exclusions: frozenset[str]
    non_event_verbs: frozenset[str]
    non_event_verb_deps: dict[str, frozenset[str]]
    state_adjectives: frozenset[str]
    non_event_noun_deps: frozenset[str]
    verb_dep_exceptions: frozenset[str]
    reporting_verbs: frozenset[str]
    reporting_nouns: frozenset[str]
    expectation_verbs: frozenset[str]
    expectation_adjectives: frozenset[str]
    target_words: frozenset[str]
    future_auxiliaries: frozenset[str]
    hypothetical_auxiliaries: frozenset[str]
    hypothetical_markers: frozenset[str]
    negation_words: frozenset[str]
    negative_verbs: frozenset[str]
    duration_verbs: frozenset[str]
    occurrence_verbs: frozenset[str]  # "take place", "be held", "begin": the subject happens
    same_event: dict[str, str]  # lemma -> the key of its group ("death", "killing" -> "die")
    kinds_of_happening: dict[str, frozenset[str]] = field(default_factory=dict)  # "attack" -> {"bomb", ...}
    making_verbs: frozenset[str] = frozenset()  # "wrote a book": an act, not speech
    said_things: frozenset[str] = frozenset()  # "tweeted her contempt": what a making verb's object says
    allegation_adverbs: frozenset[str] = frozenset()  # "allegedly pleaded": reported
    allegation_verbs: frozenset[str] = frozenset()  # "accused of taking": its complement is reported
    life_dates: frozenset[str] = frozenset()  # "born in 1958" (word forms): background, never the story's time
    foreign_function_words: frozenset[str] = frozenset()  # "que", "yang": a stretch in another language
    doubt_adverbs: frozenset[str] = frozenset()  # "maybe": hypothetical
    negative_pronouns: frozenset[str] = frozenset()  # "nothing happened": negated
    almost_words: frozenset[str] = frozenset()  # "almost died": negated
    polite_verbs: frozenset[str] = frozenset()  # "would like to": no condition
    performative_verbs: frozenset[str] = frozenset()  # "would like to thank": done in the saying
    reader_pointers: frozenset[str] = frozenset()  # "See the video below": no request
    unlikely_words: frozenset[str] = frozenset()  # "unlikely to result": a supposition
    supposition_words: frozenset[str] = frozenset()  # "Assuming that ...": what is supposed is hypothetical
    hoped_for_verbs: frozenset[str] = frozenset()  # "hoping they have time": hoped for, expected
    toll_words: frozenset[str] = frozenset()  # "claimed several victims": a toll, no speech
    refused_things: frozenset[str] = frozenset()  # "denied entrance": a refusal, no speech
    condition_marks: frozenset[str] = frozenset()  # "if", "unless": the main clause is hypothetical
    reporting_particles: dict[str, str] = field(default_factory=dict)  # "pointed out": speech
    directive_verbs: frozenset[str] = frozenset()  # "demanded the march stopped": what is asked for is expected
    preparing_verbs: frozenset[str] = frozenset()  # "is organizing an interview": not held yet
    staging_verbs: frozenset[str] = frozenset()  # "Greeks organize a general strike": held that day
    asking_for_verbs: frozenset[str] = frozenset()  # "calls for all salt to be iodised": still to come
    preparing_nouns: frozenset[str] = frozenset()  # "preparations for the elections": still to come
    judging_nouns: frozenset[str] = frozenset()  # "on trial for the death": the act came before
    # word -> the set phrases it is no event in, as (words, position of the word): "in order to" -> order
    fixed_expressions: dict[str, tuple[tuple[tuple[str, ...], int], ...]] = field(default_factory=dict)
    naming_participles: frozenset[str] = frozenset()  # "a post titled 'Fire'": a name, no event
    settling_verbs: frozenset[str] = frozenset()  # "agreed a ceasefire": an object settled, not awaited
    time_nouns: frozenset[str] = frozenset()  # "the night of May 6": a date on them is a time
    written_things: frozenset[str] = frozenset()  # "in his May 10 post": dated when written
    measures: frozenset[str] = frozenset()  # "third-quarter earnings": the period measured
    retelling_verbs: frozenset[str] = frozenset()  # "criticised the invasion in 1941": the year is the invasion's


def _read(name: str) -> dict:
    with open(RESOURCES / name, encoding="utf-8") as fh:
        return json.load(fh)


def _lower(words: list[str]) -> frozenset[str]:
    return frozenset(w.lower() for w in words)


def _fixed_expressions(pairs: list[list[str]]) -> dict[str, tuple[tuple[tuple[str, ...], int], ...]]:
    """[["in order to", "order"], ...] -> {"order": ((("in", "order", "to"), 1),)}."""
    out: dict[str, list[tuple[tuple[str, ...], int]]] = {}
    for phrase, word in pairs:
        words = tuple(phrase.lower().split())
        out.setdefault(word.lower(), []).append((words, words.index(word.lower())))
    return {w: tuple(v) for w, v in out.items()}


@lru_cache(maxsize=1)
def load_lexicon() -> Lexicon:
    """Both resource files merged into one immutable object (cached per process)."""
    trig = _read("triggers.json")
    cues = _read("cues.json")
    return Lexicon(
        eventive_nouns=_lower(trig["eventive_nouns"]),
        ing_noun_exclusions=_lower(trig["ing_noun_exclusions"]),
        non_event_verbs=_lower(trig["non_event_verbs"]),
        non_event_verb_deps={tag: frozenset(deps) for tag, deps in trig["non_event_verb_deps"].items()},
        state_adjectives=_lower(trig["state_adjectives"]),
        non_event_noun_deps=frozenset(trig["non_event_noun_deps"]),
        verb_dep_exceptions=_lower(trig["verb_dep_exceptions"]),
        reporting_verbs=_lower(cues["reporting_verbs"]),
        reporting_nouns=_lower(cues["reporting_nouns"]),
        expectation_verbs=_lower(cues["expectation_verbs"]),
        expectation_adjectives=_lower(cues["expectation_adjectives"]),
        target_words=_lower(cues["target_words"]),
        future_auxiliaries=_lower(cues["future_auxiliaries"]),
        hypothetical_auxiliaries=_lower(cues["hypothetical_auxiliaries"]),
        hypothetical_markers=_lower(cues["hypothetical_markers"]),
        negation_words=_lower(cues["negation_words"]),
        negative_verbs=_lower(cues["negative_verbs"]),
        duration_verbs=temporal_lexicon().duration_verbs,  # one list with the tagger's ("took months before")
        occurrence_verbs=_lower(cues["occurrence_verbs"]),
        same_event={w.lower(): group[0].lower() for group in trig["same_event"] for w in group},
        kinds_of_happening={k.lower(): _lower(v) for k, v in trig["kinds_of_happening"].items()},
        fixed_expressions=_fixed_expressions(trig["fixed_expressions"]),
        naming_participles=_lower(trig["naming_participles"]),
        foreign_function_words=foreign_function_words(),
        doubt_adverbs=_lower(cues["doubt_adverbs"]),
        negative_pronouns=_lower(cues["negative_pronouns"]),
        almost_words=_lower(cues["almost_words"]),
        polite_verbs=_lower(cues["polite_verbs"]),
        performative_verbs=_lower(cues["performative_verbs"]),
        reader_pointers=_lower(cues["reader_pointers"]),
        unlikely_words=_lower(cues["unlikely_words"]),
        supposition_words=_lower(cues["supposition_words"]),
        hoped_for_verbs=_lower(cues["hoped_for_verbs"]),
        toll_words=_lower(cues["toll_words"]),
        refused_things=_lower(cues["refused_things"]),
        condition_marks=_lower(cues["condition_marks"]),
        reporting_particles={k.lower(): v.lower() for k, v in cues["reporting_particles"].items()},
        directive_verbs=_lower(cues["directive_verbs"]),
        preparing_verbs=_lower(cues["preparing_verbs"]),
        staging_verbs=_lower(cues["staging_verbs"]),
        asking_for_verbs=_lower(cues["asking_for_verbs"]),
        preparing_nouns=_lower(cues["preparing_nouns"]),
        judging_nouns=_lower(cues["judging_nouns"]),
        settling_verbs=_lower(cues["settling_verbs"]),
        making_verbs=_lower(cues["making_verbs"]),
        said_things=_lower(cues["said_things"]),
        life_dates=_lower(cues["life_dates"]),
        allegation_adverbs=_lower(cues["allegation_adverbs"]),
        allegation_verbs=_lower(cues["allegation_verbs"]),
        time_nouns=_lower(cues["time_nouns"]) | _time_units(),
        written_things=_lower(cues["written_things"]) | _lower(cues["reporting_nouns"]),
        measures=_lower(cues["measures"]),
        retelling_verbs=_lower(cues["retelling_verbs"]),
    )


@lru_cache(maxsize=1)
def event_words() -> Mapping[str, frozenset[str] | dict[str, str]]:
    """The open-class word lists of `resources/words.json` (verbs, nouns, adjectives, adverbs the modules name
    as constants: `MOVING_VERBS = event_words()["moving_verbs"]`), read once: a list is a frozenset of
    lowercase words, an object a dict of lowercase words ("gendered_nouns": noun -> "f" or "m"); the `_doc`
    keys are left out."""
    out: dict[str, frozenset[str] | dict[str, str]] = {}
    for key, value in _read("words.json").items():
        if key.startswith("_"):
            continue
        if isinstance(value, list):
            out[key] = _lower(value)
        elif isinstance(value, dict):
            out[key] = {k.lower(): v for k, v in value.items()}
        else:
            raise ValueError(f"words.json: {key} is neither a list nor an object")
    return MappingProxyType(out)


def _time_units() -> frozenset[str]:
    """The tagger's units and parts of day, singular and plural ("years", "the night")."""
    lex = temporal_lexicon()
    return frozenset([*lex.units, *(spec["plural"] for spec in lex.units.values()), *lex.parts_of_day])
