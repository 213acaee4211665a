"""Fixtures of the event extractor's tests: one spaCy pipeline, one tagger, one extractor per session."""

from __future__ import annotations

import datetime as dt
from typing import Callable

import pytest

from pipeline.models import Event, Timex


@pytest.fixture(scope="session")
def tagger():
    temporal = pytest.importorskip("pipeline.temporal")
    return temporal.TemporalTagger()


@pytest.fixture(scope="session")
def extractor():
    from pipeline.events import EventExtractor

    return EventExtractor()


@pytest.fixture(scope="session")
def ev_nlp(tagger, extractor):
    """The union of the tagger's and the extractor's components, as `timeline extract` loads it."""
    from pipeline.events.jsonl import pipeline_components
    from pipeline.nlp import load_nlp

    return load_nlp(pipeline_components(tagger, extractor))


Analyse = Callable[[str, "dt.date | None"], tuple[list[Event], list[Timex]]]


@pytest.fixture(scope="session")
def analyse(ev_nlp, tagger, extractor) -> Analyse:
    """text, publication date -> (events, timexes), through one parse as in the pipeline."""

    def run(text: str, dct: dt.date | None = dt.date(2026, 3, 5)):
        doc = ev_nlp(text)
        timexes = tagger.tag(doc, dct)
        return extractor.extract(doc, timexes, dct), timexes

    return run


def first_event(events: list[Event], word: str) -> Event:
    """The first event whose trigger text is `word` (fails the test when there is none)."""
    found = [e for e in events if e.text == word]
    assert found, f"no event {word!r} among {[e.text for e in events]}"
    return found[0]


@pytest.fixture(scope="session")
def event():
    return first_event
