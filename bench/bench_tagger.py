#!/usr/bin/env python3
"""Benchmark of the temporal tagger on the TempEval-3 dev corpora (TimeBank, AQUAINT).

Runs `tag_jsonl` (spaCy with the tagger's components + the tagger) over the documents, prints
documents per second and the TempEval-3 figures of `../shared/bench/score_timex.py --dates`, then
does the same for `dateparser.search_dates` (languages=['en'], RELATIVE_BASE = the document date)
as a baseline, for the speed ratio and its F1.

    .venv/bin/python bench/bench_tagger.py [--limit N] [--corpus timebank aquaint] [--no-baseline]
"""

from __future__ import annotations

import argparse
import datetime as dt
import io
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))


def load_docs(shared: Path, corpora: list[str], limit: int | None) -> list[dict]:
    docs = []
    for name in corpora:
        path = shared / "data" / "tempeval" / f"{name}.jsonl"
        with path.open(encoding="utf-8") as f:
            rows = [json.loads(line) for line in f if line.strip()]
        docs += rows[:limit] if limit else rows
    return docs


def run_tagger(docs: list[dict], components: tuple[str, ...] | None = None) -> tuple[list[str], float, float, float]:
    """Predictions, seconds for spaCy + tagger (`tag_jsonl`), for spaCy alone, for the tagger alone."""
    from pipeline.nlp import load_nlp
    from pipeline.temporal import TemporalTagger, tag_jsonl

    nlp = load_nlp(TemporalTagger.required_components if components is None else components)
    TemporalTagger()  # resources loaded before timing, as in a long-running pipeline
    list(nlp.pipe([d["text"] for d in docs[:16]] + ["warm up on Friday, Sept. 4, 2025."]))
    inp = io.StringIO("".join(json.dumps({"doc_id": d["doc_id"], "dct": d["dct"], "text": d["text"]}) + "\n"
                              for d in docs))
    out = io.StringIO()
    t0 = time.perf_counter()
    tag_jsonl(inp, out, nlp=nlp)
    elapsed = time.perf_counter() - t0
    t0 = time.perf_counter()
    parsed = list(nlp.pipe((d["text"] for d in docs), batch_size=32))
    spacy_only = time.perf_counter() - t0
    tagger = TemporalTagger()
    t0 = time.perf_counter()
    for d, doc in zip(docs, parsed):
        tagger.tag(doc, dt.date.fromisoformat(d["dct"]) if d.get("dct") else None, text=d["text"])
    tagger_only = time.perf_counter() - t0
    return out.getvalue().splitlines(), elapsed, spacy_only, tagger_only


def run_dateparser(docs: list[dict]) -> tuple[list[str], float]:
    from dateparser.search import search_dates

    lines = []
    t0 = time.perf_counter()
    for d in docs:
        base = dt.datetime.fromisoformat(d["dct"]) if d.get("dct") else None
        settings = {"RELATIVE_BASE": base} if base else {}
        try:
            found = search_dates(d["text"], languages=["en"], settings=settings) or []
        except Exception:
            found = []
        timexes, pos = [], 0
        for surface, when in found:
            start = d["text"].find(surface, pos)
            if start < 0:
                continue
            pos = start + len(surface)
            timexes.append({"start": start, "end": pos, "text": surface, "type": "DATE",
                            "value": when.date().isoformat()})
        lines.append(json.dumps({"doc_id": d["doc_id"], "timexes": timexes}))
    return lines, time.perf_counter() - t0


def score(scorer: Path, gold: list[dict], pred_lines: list[str], label: str) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        gp, pp = Path(tmp) / "gold.jsonl", Path(tmp) / f"{label}.jsonl"
        gp.write_text("".join(json.dumps(d) + "\n" for d in gold), encoding="utf-8")
        pp.write_text("\n".join(pred_lines) + "\n", encoding="utf-8")
        res = subprocess.run([sys.executable, str(scorer), str(gp), str(pp), "--dates"], capture_output=True,
                             text=True, check=True)
        print(res.stdout.replace(str(pp), label).replace(str(gp), "gold"))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--shared", type=Path, default=REPO / ".." / "shared")
    ap.add_argument("--corpus", nargs="+", default=["timebank", "aquaint"])
    ap.add_argument("--limit", type=int, default=None, help="documents per corpus")
    ap.add_argument("--no-baseline", action="store_true", help="skip dateparser.search_dates")
    ap.add_argument("--save", type=Path, default=None, help="write the tagger's predictions here")
    ap.add_argument("--components", default=None,
                    help="comma-separated spaCy components instead of the tagger's own ('none': tokenizer only)")
    a = ap.parse_args()
    scorer = a.shared / "bench" / "score_timex.py"
    docs = load_docs(a.shared, a.corpus, a.limit)
    components = None
    if a.components:
        components = () if a.components == "none" else tuple(a.components.split(","))
    lines, elapsed, spacy_only, tagger_only = run_tagger(docs, components)
    from pipeline.temporal import TemporalTagger

    used = TemporalTagger.required_components if components is None else components
    print(f"timeline tagger (spaCy components {','.join(used) or 'none'} + tagger): {len(docs)} docs in "
          f"{elapsed:.2f}s = {len(docs) / elapsed:.1f} docs/s; spaCy alone: {len(docs) / spacy_only:.1f} docs/s; "
          f"tagger alone on parsed docs: {len(docs) / tagger_only:.0f} docs/s")
    if a.save:
        a.save.write_text("\n".join(lines) + "\n", encoding="utf-8")
    for name in a.corpus:
        part = [d for d in docs if d["source"].lower() == name.lower() or name == "all"]
        ids = {d["doc_id"] for d in part}
        if part and len(a.corpus) > 1:
            print(f"## {name}")
            score(scorer, part, [ln for ln in lines if json.loads(ln)["doc_id"] in ids], "tagger")
    print(f"## {' + '.join(a.corpus)}")
    score(scorer, docs, lines, "tagger")
    if not a.no_baseline:
        dp_lines, dp_elapsed = run_dateparser(docs)
        print(f"dateparser.search_dates: {len(docs)} docs in {dp_elapsed:.2f}s = {len(docs) / dp_elapsed:.1f} docs/s"
              f" (speed ratio tagger/dateparser: {dp_elapsed / elapsed:.2f})")
        score(scorer, docs, dp_lines, "dateparser")


if __name__ == "__main__":
    main()
