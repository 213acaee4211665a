#!/usr/bin/env python3
"""Benchmark of event extraction: quality on TempEval-3 dev data, speed against spaCy alone.

Quality: `extract_jsonl` (one spaCy parse feeding the temporal tagger and the event extractor) over
TimeBank and AQUAINT, scored by `../shared/bench/score_events.py` (trigger F1, anchoring, dating).
Speed: on `../shared/data/news/articles.jsonl`, spaCy alone (`nlp.pipe` with the same components)
against the whole extraction (spaCy + tagger + extractor + JSON output); prints both throughputs
and their ratio (target >= 0.70), by wall clock and by this process's CPU time.

    .venv/bin/python bench/bench_events.py [--limit N] [--corpus timebank aquaint] [--no-speed]
"""

from __future__ import annotations

import argparse
import io
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
sys.path.insert(0, str(REPO))


def read_jsonl(path: Path, limit: int | None) -> list[dict]:
    with path.open(encoding="utf-8") as f:
        rows = [json.loads(line) for line in f if line.strip()]
    return rows[:limit] if limit else rows


def as_input(rows: list[dict], dct_key: str) -> str:
    return "".join(json.dumps({"doc_id": r.get("doc_id") or r.get("id"), "dct": r.get(dct_key),
                               "text": r["text"]}) + "\n" for r in rows)


def quality(corpus: str, limit: int | None, nlp) -> None:
    from pipeline.events import extract_jsonl

    gold_path = SHARED / "data" / "tempeval" / f"{corpus}.jsonl"
    rows = read_jsonl(gold_path, limit)
    out = io.StringIO()
    t0 = time.perf_counter()
    extract_jsonl(io.StringIO(as_input(rows, "dct")), out, nlp=nlp)
    secs = time.perf_counter() - t0
    with tempfile.TemporaryDirectory() as tmp:
        gold = Path(tmp) / "gold.jsonl"
        gold.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
        pred = Path(tmp) / "pred.jsonl"
        pred.write_text(out.getvalue(), encoding="utf-8")
        score = subprocess.run([sys.executable, str(SHARED / "bench" / "score_events.py"), str(gold), str(pred)],
                               capture_output=True, text=True, check=True).stdout
    print(f"== {corpus}: {len(rows)} docs in {secs:.1f}s")
    print(score.rstrip())


def speed(limit: int | None, nlp, chunk: int = 40) -> None:
    """spaCy alone vs the whole extraction, alternating chunk by chunk so that load from other
    processes on the machine weighs on both sides alike."""
    from pipeline.events import extract_jsonl

    rows = read_jsonl(SHARED / "data" / "news" / "articles.jsonl", limit)
    texts = [r["text"] for r in rows]
    n_chars = sum(map(len, texts))
    for text in texts:  # warm-up: the vocabulary learns every word once, for both sides alike
        nlp.tokenizer(text)
    extract_jsonl(io.StringIO(as_input(rows[:5], "published")), io.StringIO(), nlp=nlp)
    base = full = base_cpu = full_cpu = 0.0
    for n, i in enumerate(range(0, len(rows), chunk)):
        part = rows[i:i + chunk]
        data = as_input(part, "published")
        for side in ((0, 1) if n % 2 == 0 else (1, 0)):  # alternate which side runs first
            t0, c0 = time.perf_counter(), time.process_time()
            if side == 0:
                for _ in nlp.pipe([r["text"] for r in part], batch_size=32):
                    pass
                base += time.perf_counter() - t0
                base_cpu += time.process_time() - c0
            else:
                extract_jsonl(io.StringIO(data), io.StringIO(), batch_size=32, nlp=nlp)
                full += time.perf_counter() - t0
                full_cpu += time.process_time() - c0
    print(f"== speed on articles.jsonl: {len(rows)} docs, {n_chars:,} chars, components {','.join(nlp.pipe_names)}")
    print(f"spaCy alone:              {len(rows) / base:7.2f} docs/s  {n_chars / base:10,.0f} chars/s  ({base:.1f}s)")
    print(f"spaCy + tagger + events:  {len(rows) / full:7.2f} docs/s  {n_chars / full:10,.0f} chars/s  ({full:.1f}s)")
    print(f"ratio (wall clock): {base / full:.3f}   ratio (CPU time of this process, steadier on a shared "
          f"machine: {base_cpu:.1f}s vs {full_cpu:.1f}s): {base_cpu / full_cpu:.3f}   (target >= 0.70)")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--limit", type=int, default=None, help="first N documents of each corpus")
    ap.add_argument("--corpus", nargs="*", default=["timebank", "aquaint"])
    ap.add_argument("--no-speed", action="store_true")
    args = ap.parse_args()
    if not SHARED.exists():
        sys.exit(f"{SHARED} not found: the benchmark needs ../shared beside the checkout")
    from pipeline.events.jsonl import load_tagger, pipeline_components
    from pipeline.events import EventExtractor
    from pipeline.nlp import load_nlp

    nlp = load_nlp(pipeline_components(load_tagger(), EventExtractor()))
    for corpus in args.corpus:
        quality(corpus, args.limit, nlp)
    if not args.no_speed:
        speed(args.limit, nlp)


if __name__ == "__main__":
    main()
