"""The modality conventions (pipeline/events/modality.py), one case per line of corpus/modality.yaml."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

CASES = yaml.safe_load((Path(__file__).parent / "corpus" / "modality.yaml").read_text(encoding="utf-8"))


@pytest.mark.parametrize("case", CASES, ids=[f"{c['name']}: {c['trigger']}" for c in CASES])
def test_modality(case, analyse, event):
    events, _ = analyse(case["text"])
    assert event(events, case["trigger"]).modality == case["modality"]
