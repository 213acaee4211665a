"""`extract_jsonl`: the `timeline extract` engine (design §7)."""

from __future__ import annotations

import io
import json

from pipeline.events import extract_jsonl
from pipeline.events.jsonl import EVENT_FIELDS


def test_extract_jsonl_writes_timexes_and_events(ev_nlp):
    docs = [
        {"doc_id": "a", "dct": "2026-03-05", "text": "The board met on Monday and approved the merger."},
        {"doc_id": "b", "dct": None, "text": "Nothing happened."},
    ]
    inp = io.StringIO("".join(json.dumps(d) + "\n" for d in docs))
    out = io.StringIO()
    assert extract_jsonl(inp, out, batch_size=2, nlp=ev_nlp) == 2
    rows = [json.loads(line) for line in out.getvalue().splitlines()]
    assert [r["doc_id"] for r in rows] == ["a", "b"]
    first = rows[0]
    assert any(t["text"] == "Monday" for t in first["timexes"])
    met = next(e for e in first["events"] if e["text"] == "met")
    assert set(EVENT_FIELDS) <= set(met)
    text = docs[0]["text"]
    assert text[met["start"]:met["end"]] == "met"
    assert text[met["timex_start"]:met["timex_end"]] == "Monday"
    assert met["date_basis"] == "explicit" and met["date_start"] == met["date_end"]
    assert {"approved", "merger"} <= {e["text"] for e in first["events"]}
    happened = next(e for e in rows[1]["events"] if e["text"] == "happened")
    assert happened["date_basis"] == "none"


def test_extract_writes_timexes_as_tag_does(ev_nlp):
    """`timeline extract` and `timeline tag` give a user the same expression fields, `mod` included."""
    from pipeline.temporal.jsonl import tag_jsonl

    line = json.dumps({"doc_id": "a", "dct": "2025-09-04", "text": "Late last year the firm collapsed."}) + "\n"
    extracted, tagged = io.StringIO(), io.StringIO()
    extract_jsonl(io.StringIO(line), extracted, nlp=ev_nlp)
    tag_jsonl(io.StringIO(line), tagged)
    ex_timexes = json.loads(extracted.getvalue())["timexes"]
    assert ex_timexes == json.loads(tagged.getvalue())["timexes"]
    assert ex_timexes[0]["value"] == "2024" and ex_timexes[0]["mod"] == "END"
