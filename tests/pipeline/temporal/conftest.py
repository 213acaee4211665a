"""Fixtures of the temporal tagger's tests: one spaCy pipeline and one tagger per session."""

from __future__ import annotations

from pathlib import Path

import pytest

SHARED = Path(__file__).resolve().parents[3] / ".." / "shared"


@pytest.fixture(scope="session")
def nlp():
    from pipeline.nlp import load_nlp
    from pipeline.temporal import TemporalTagger

    return load_nlp(TemporalTagger.required_components)


@pytest.fixture(scope="session")
def tagger():
    from pipeline.temporal import TemporalTagger

    return TemporalTagger()


@pytest.fixture(scope="session")
def shared() -> Path:
    """../shared beside the checkout; skip when it is absent."""
    if not SHARED.is_dir():
        pytest.skip(f"{SHARED} is absent (development data is not part of the project)")
    return SHARED.resolve()
