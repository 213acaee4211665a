"""`timeline tag` (design §7): JSONL documents in, one JSONL line of temporal expressions per document out."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any, Iterator, TextIO

from pipeline.models import Timex
from pipeline.temporal.tagger import TemporalTagger, default_tagger

TIMEX_FIELDS = ("start", "end", "text", "type", "value", "range_start", "range_end", "granularity", "mod",
                "rule", "anchor", "anchor_kind")


def timex_to_json(t: Timex) -> dict[str, Any]:
    """The JSON form of a Timex (dates as ISO strings)."""
    out = {}
    for name in TIMEX_FIELDS:
        v = getattr(t, name)
        out[name] = v.isoformat() if isinstance(v, dt.date) else v
    if t.interval_start is not None:  # one end of a range: the offsets of the whole range
        out["interval"] = [t.interval_start, t.interval_end]
    return out


def _read(inp: TextIO) -> Iterator[tuple[str, dict]]:
    for lineno, line in enumerate(inp, 1):
        line = line.strip()
        if not line:
            continue
        try:
            rec = json.loads(line)
        except json.JSONDecodeError as e:
            raise ValueError(f"line {lineno}: not JSON ({e.msg})") from e
        if not isinstance(rec, dict) or not isinstance(rec.get("text"), str):
            raise ValueError(f"line {lineno}: expected an object with a string 'text'")
        yield rec["text"], rec


def _dct(value: Any) -> dt.date | None:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(str(value)[:10])
    except ValueError:
        return None


def tag_jsonl(inp: TextIO, out: TextIO, batch_size: int = 32, nlp=None) -> int:
    """Reads {"doc_id", "dct", "text"} lines, writes {"doc_id", "timexes": [...]} lines; returns the count."""
    if nlp is None:
        from pipeline.nlp import load_nlp

        nlp = load_nlp(TemporalTagger.required_components)
    tagger = default_tagger()
    n = 0
    for doc, rec in nlp.pipe(_read(inp), as_tuples=True, batch_size=batch_size):
        timexes = tagger.tag(doc, _dct(rec.get("dct")), text=rec["text"])
        out.write(json.dumps({"doc_id": rec.get("doc_id"), "timexes": [timex_to_json(t) for t in timexes]},
                             ensure_ascii=False) + "\n")
        n += 1
    return n
