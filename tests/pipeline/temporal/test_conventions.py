"""The news conventions of design §4 and the ranges of pipeline/temporal/ranges.py, one case each,
from the corpus files in corpus/."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest
import yaml

from pipeline.temporal.ranges import intervals

CASES = [case for path in sorted((Path(__file__).parent / "corpus").glob("*.yaml"))
         for case in yaml.safe_load(path.read_text(encoding="utf-8"))]


def _date(value) -> dt.date | None:
    if value is None or isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value))


@pytest.mark.parametrize("case", CASES, ids=[c["name"] for c in CASES])
def test_convention(case, nlp, tagger):
    text = case["text"]
    timexes = tagger.tag(nlp(text), _date(case["published"]))
    by_text = {t.text: t for t in timexes}
    ordered = sorted(timexes, key=lambda t: t.start)
    assert all(a.end <= b.start for a, b in zip(ordered, ordered[1:])), "expressions overlap"
    for exp in case.get("expect") or []:
        assert exp["text"] in by_text, f"{exp['text']!r} not found; got {[t.text for t in timexes]}"
        t = by_text[exp["text"]]
        assert text[t.start:t.end] == t.text
        if "type" in exp:
            assert t.type == exp["type"], (t.text, t.type)
        if "value" in exp:
            assert t.value == (None if exp["value"] is None else str(exp["value"])), (t.text, t.value, t.rule)
        if "range" in exp:
            assert (t.range_start, t.range_end) == tuple(_date(d) for d in exp["range"]), (t.text, t.rule)
        if "rule" in exp:
            assert t.rule == exp["rule"], (t.text, t.rule)
        if "granularity" in exp:
            assert t.granularity == exp["granularity"]
        if "interval" in exp:  # the range this expression is one end of, or null for none
            iv = intervals(timexes).get(id(t))
            got = None if iv is None else [iv[2], iv[3]]
            assert got == (None if exp["interval"] is None else [_date(d) for d in exp["interval"]]), (t.text, got)
        assert t.rule, "every expression records the rule that fired"
    for word in case.get("not_times") or []:
        for m in re.finditer(re.escape(word), text):
            hits = [t.text for t in timexes if t.start < m.end() and m.start() < t.end]
            assert not hits, f"{word!r} tagged as a time: {hits}"
