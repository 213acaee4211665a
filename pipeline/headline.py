"""Which events make the headline timeline: news a reader scans, not every predicate of the text.

The `events` table keeps every event the extractor finds (TimeML counts "said" and "is" as events, and
the benchmarks need them); `events.headline` marks those worth a line in the timeline: not a speech or
light verb, not hypothetical, and either dated by its own words or with a named participant. The word
lists are data (`resources/headline.yaml`).
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import yaml

from pipeline.models import Event

RULES = Path(__file__).parent / "resources" / "headline.yaml"


@lru_cache(maxsize=1)
def _rules() -> dict:
    data = yaml.safe_load(RULES.read_text(encoding="utf-8"))
    return {
        "frame": frozenset(data["frame_lemmas"]),
        "hidden": frozenset(data["hidden_modalities"]),
        "named": frozenset(data["named_labels"]),
    }


def is_headline(event: Event) -> bool:
    """True when the event deserves a line of its own in the timeline."""
    rules = _rules()
    if (event.lemma or "").lower() in rules["frame"] or event.modality in rules["hidden"]:
        return False
    named = any(p.label in rules["named"] for p in event.participants if p.role != "speaker")
    # a date of its own words makes an event worth a line, not a habit's set ("meet each week": no date)
    dated = event.date_basis == "explicit" and (event.date_start is not None or event.date_end is not None)
    return named or event.place is not None or dated
