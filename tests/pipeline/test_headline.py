"""The headline timeline keeps news and leaves out speech frames, light verbs and hypotheticals."""

import datetime as dt

from pipeline.headline import is_headline
from pipeline.models import Event, Participant

DAY = dt.date(2025, 9, 4)


def event(lemma: str, **kw) -> Event:
    base = dict(start=0, end=len(lemma), text=lemma, lemma=lemma, pos="VERB", sentence="s", sent_start=0, sent_end=1,
                date_start=DAY, date_end=DAY, date_basis="publication")
    base.update(kw)
    return Event(**base)


def test_an_act_with_a_named_participant_is_headline():
    assert is_headline(event("approve", participants=[Participant("the Senate", "ORG", "agent")]))


def test_an_act_dated_by_its_own_words_is_headline():
    assert is_headline(event("collapse", date_basis="explicit"))


def test_speech_frames_and_light_verbs_are_not():
    named = [Participant("Ana Ferreira", "PERSON", "agent")]
    assert not is_headline(event("say", participants=named, date_basis="explicit"))
    assert not is_headline(event("be", participants=named))


def test_hypotheticals_are_not():
    assert not is_headline(event("resign", modality="hypothetical", date_basis="explicit"))


def test_an_undated_anonymous_predicate_is_not():
    assert not is_headline(event("rise"))
    # the speaker alone does not make it news
    assert not is_headline(event("rise", participants=[Participant("Ana Ferreira", "PERSON", "speaker")]))
