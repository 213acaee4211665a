"""`timeline extract`: JSONL documents in, timexes and events out, one spaCy parse per document (design §7)."""

from __future__ import annotations

import datetime as dt
import json
import sys
from typing import TYPE_CHECKING, TextIO

from pipeline.events.extractor import EventExtractor
from pipeline.models import Event, Timex
from pipeline.temporal.jsonl import read_documents, timex_to_json

if TYPE_CHECKING:  # pragma: no cover
    from spacy.language import Language

EVENT_FIELDS = ("start", "end", "text", "lemma", "timex_start", "timex_end", "date_start", "date_end",
                "date_basis", "modality", "agent", "patient", "place", "quoted", "speaker")


def _iso(v):
    return v.isoformat() if isinstance(v, dt.date) else v


def timex_dict(tx: Timex) -> dict:
    """The timex as `timeline tag` writes it (mod, rule and anchor included), so both commands agree."""
    return timex_to_json(tx)


def event_dict(ev: Event) -> dict:
    """The event as `timeline extract` writes it."""
    return {k: _iso(getattr(ev, k)) for k in EVENT_FIELDS}


def load_tagger():
    """The project's temporal tagger, or None when it is not importable (developed in parallel)."""
    try:
        from pipeline.temporal import TemporalTagger
    except ImportError as exc:
        print(f"timeline extract: temporal tagger unavailable ({exc}); events dated without timexes",
              file=sys.stderr)
        return None
    return TemporalTagger()


def pipeline_components(tagger, extractor: "EventExtractor | type[EventExtractor]") -> tuple[str, ...]:
    """The union of what the tagger and the extractor need from spaCy."""
    need = set(extractor.required_components)
    if tagger is not None:
        need |= set(getattr(tagger, "required_components", ()))
    return tuple(sorted(need))


def extract_jsonl(inp: TextIO, out: TextIO, batch_size: int = 32, nlp: "Language | None" = None,
                  errors: list[str] | None = None) -> int:
    """Read `{"doc_id","dct","text"}` lines (or id / published: `read_documents`), write
    `{"doc_id","timexes","events"}` lines; return the count."""
    tagger = load_tagger()
    if nlp is None:
        from pipeline.nlp import load_nlp

        nlp = load_nlp(pipeline_components(tagger, EventExtractor))
    extractor = EventExtractor(nlp=nlp)
    n = 0
    for doc, rec in nlp.pipe(read_documents(inp, "timeline extract", errors), batch_size=batch_size, as_tuples=True):
        dct = rec["dct"]
        timexes = tagger.tag(doc, dct) if tagger is not None else []
        events = extractor.extract(doc, timexes, dct)
        out.write(json.dumps({"doc_id": rec.get("doc_id"), "timexes": [timex_dict(t) for t in timexes],
                              "events": [event_dict(e) for e in events]}, ensure_ascii=False) + "\n")
        n += 1
    return n
