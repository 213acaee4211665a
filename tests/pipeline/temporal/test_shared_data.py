"""Against ../shared (skipped when absent): the seed article and a sample of TimeBank."""

from __future__ import annotations

import datetime as dt
import io
import json
import re
import subprocess
import sys

import pytest

from pipeline.temporal import tag_jsonl

SEED_PUBLISHED = dt.date(2025, 9, 4)  # seeds/README.md: published Thursday 2025-09-04


@pytest.mark.shared
def test_seed_article(shared, nlp, tagger):
    files = sorted((shared / "seeds").glob("000_*.txt"))
    if not files:
        pytest.skip("seed article absent")
    text = files[0].read_text(encoding="utf-8")
    timexes = tagger.tag(nlp(text), SEED_PUBLISHED)
    thursdays = [t for t in timexes if "Thursday" in t.text]
    tuesdays = [t for t in timexes if "Tuesday" in t.text]
    assert len(thursdays) == len(re.findall(r"\bThursday\b", text)) >= 3
    assert all(t.value == "2025-09-04" for t in thursdays), [(t.text, t.value, t.rule) for t in thursdays]
    assert tuesdays and all(t.value == "2025-09-02" for t in tuesdays)
    for m in re.finditer(r"19th", text):
        assert not [t for t in timexes if t.start < m.end() and m.start() < t.end]


@pytest.mark.shared
@pytest.mark.slow
def test_timebank_sample_relaxed_f1_floor(shared, nlp, tmp_path):
    gold_path = shared / "data" / "tempeval" / "timebank.jsonl"
    scorer = shared / "bench" / "score_timex.py"
    if not gold_path.exists() or not scorer.exists():
        pytest.skip("TimeBank or its scorer absent")
    docs = [json.loads(line) for line in gold_path.read_text(encoding="utf-8").splitlines()[:40] if line.strip()]
    out = io.StringIO()
    tag_jsonl(io.StringIO("".join(json.dumps({"doc_id": d["doc_id"], "dct": d["dct"], "text": d["text"]}) + "\n"
                                  for d in docs)), out, nlp=nlp)
    gold, pred = tmp_path / "gold.jsonl", tmp_path / "pred.jsonl"
    gold.write_text("".join(json.dumps(d) + "\n" for d in docs), encoding="utf-8")
    pred.write_text(out.getvalue(), encoding="utf-8")
    res = subprocess.run([sys.executable, str(scorer), str(gold), str(pred), "--json"], capture_output=True,
                         text=True, check=True)
    scores = json.loads(res.stdout)
    assert scores["relaxed_F1"] >= 0.88, scores
    assert scores["strict_F1"] >= 0.80, scores
    assert scores["value_F1"] >= 0.70, scores
