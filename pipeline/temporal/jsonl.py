"""`timeline tag` (design §7): JSONL documents in, one JSONL line of temporal expressions per document out."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any, Iterator, TextIO

from pipeline.models import Timex
from pipeline.readers.dates import parse_date_value
from pipeline.readers.errors import Unreadable
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


DOC_ID_KEYS = ("doc_id", "id")  # design §7 names them doc_id / dct; article dumps often id / published
DCT_KEYS = ("dct", "published", "date")


def read_documents(inp: TextIO, command: str = "timeline tag",
                   errors: list[str] | None = None) -> Iterator[tuple[str, dict]]:
    """(text, {"doc_id", "dct", ...}) per JSONL line. The id may be `doc_id` or `id` (else the line number),
    the publication date `dct`, `published` or `date` (ISO date or timestamp). A line that is no object
    with a string `text`, or whose date cannot be read, is an error naming it: appended to `errors` and
    skipped (the other lines go on) when a list is given, else raised as ValueError."""
    for lineno, line in enumerate(inp, 1):
        if not line.strip():
            continue
        try:
            yield _document(line, lineno, command)
        except ValueError as e:
            if errors is None:
                raise
            errors.append(str(e))


def _document(line: str, lineno: int, command: str) -> tuple[str, dict]:
    """One JSONL line -> (text, record with doc_id and dct); ValueError names the line's problem."""
    try:
        rec = json.loads(line.lstrip("\ufeff"))  # a byte-order mark before the first line
    except json.JSONDecodeError as e:
        raise ValueError(f"{command}: line {lineno}: not JSON ({e.msg})") from e
    if not isinstance(rec, dict) or not isinstance(rec.get("text"), str):
        raise ValueError(f"{command}: line {lineno}: expected an object with a string 'text'")
    doc_id = next((rec[k] for k in DOC_ID_KEYS if rec.get(k) not in (None, "")), f"line {lineno}")
    raw = next((rec[k] for k in DCT_KEYS if rec.get(k)), None)
    try:  # the readers' parser of publication dates: ISO, epoch numbers, any full date dateparser reads
        parsed = parse_date_value(raw) if raw else None
    except Unreadable as e:
        raise ValueError(f"{command}: line {lineno}: publication date {raw!r} is not a date ({e})") from e
    if raw and parsed is None:
        raise ValueError(f"{command}: line {lineno}: publication date {raw!r} is not a date")
    return rec["text"], {**rec, "doc_id": doc_id, "dct": parsed[0] if parsed else None}


def tag_jsonl(inp: TextIO, out: TextIO, batch_size: int = 32, nlp=None, errors: list[str] | None = None) -> int:
    """Reads {"doc_id", "dct", "text"} lines (or id / published, see `read_documents`), writes {"doc_id",
    "timexes": [...]} lines; returns the count."""
    if nlp is None:
        from pipeline.nlp import load_nlp

        nlp = load_nlp(TemporalTagger.required_components)
    tagger = default_tagger()
    n = 0
    for doc, rec in nlp.pipe(read_documents(inp, errors=errors), as_tuples=True, batch_size=batch_size):
        timexes = tagger.tag(doc, rec["dct"], text=rec["text"])
        out.write(json.dumps({"doc_id": rec.get("doc_id"), "timexes": [timex_to_json(t) for t in timexes]},
                             ensure_ascii=False) + "\n")
        n += 1
    return n
