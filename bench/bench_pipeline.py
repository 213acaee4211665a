"""Whole-pipeline benchmark: ingest to DuckDB on a real corpus, printed, never asserted.

    .venv/bin/python bench/bench_pipeline.py --corpus articles          # ../shared/data/news/articles.jsonl
    .venv/bin/python bench/bench_pipeline.py --corpus wcep              # wcep_daily.jsonl, 8,587 documents
    .venv/bin/python bench/bench_pipeline.py --corpus wcep --limit 500 --n-process 2

The corpus is written as an inbox of one JSON article per document, then processed by the same runner
steps the Dagster assets call (index, load, analyse what changed, write), stage by stage. It prints
documents/s, peak memory, the share of time in spaCy, the tagger, event extraction and DuckDB, the
throughput of spaCy alone with the same components on the same texts, the time of a second run over the
unchanged inbox, and the latency of the README's example queries.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import resource
import shutil
import statistics
import sys
import tempfile
import time
from contextlib import contextmanager
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from pipeline import runner, store  # noqa: E402
from pipeline.analysis import Analyzer  # noqa: E402

SHARED = REPO.parent / "shared" / "data" / "news"
CORPORA = {"articles": SHARED / "articles.jsonl", "wcep": SHARED / "wcep_daily.jsonl"}

QUERIES = {
    "events of a day": "SELECT date_start, trigger, agent, patient, place FROM timeline WHERE date_start = DATE '{day}'",
    "events of a person": (
        "SELECT date_start, trigger, sentence FROM timeline WHERE event_id IN "
        "(SELECT event_id FROM event_participants WHERE text = '{person}') ORDER BY date_start"
    ),
    "events of a week": (
        "SELECT * FROM timeline WHERE date_start BETWEEN DATE '{day}' AND DATE '{day}' + INTERVAL 6 DAY "
        "AND date_basis = 'explicit'"
    ),
    "a story's timeline": (
        "SELECT date_start, trigger, agent, n_sources, sources FROM timeline_entries "
        "WHERE date_start BETWEEN DATE '{day}' - INTERVAL 30 DAY AND DATE '{day}' + INTERVAL 30 DAY "
        "AND (agent = '{person}' OR list_contains(sources, '{source}')) ORDER BY date_start"
    ),
}


def peak_rss_mb() -> float:
    """Peak resident memory of this process, or of its largest spaCy worker if that is larger."""
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    workers = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return max(own, workers) / 1024


def write_inbox(corpus: Path, inbox: Path, limit: int | None) -> int:
    """One JSON file per document, streamed: the corpus is never loaded whole."""
    inbox.mkdir(parents=True, exist_ok=True)
    n = 0
    with corpus.open(encoding="utf-8") as lines:
        for line in lines:
            if limit is not None and n >= limit:
                break
            doc = json.loads(line)
            article = {k: doc.get(k) for k in ("id", "title", "published", "url", "source", "text")}
            (inbox / f"{n:05d}.json").write_text(json.dumps(article, ensure_ascii=False), encoding="utf-8")
            n += 1
    return n


class TimedDB:
    """A connection factory that adds up the time spent inside DuckDB connections."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.seconds = 0.0

    @contextmanager
    def __call__(self):
        t0 = time.perf_counter()
        with store.open_db(self.path) as con:
            yield con
        self.seconds += time.perf_counter() - t0


def run_once(inbox: Path, db: TimedDB, analyzer: Analyzer, start: dt.date) -> dict[str, float]:
    """The steps of one `timeline run`, timed: index, load, analyse and write."""
    t0 = time.perf_counter()
    with db() as con:
        previous = store.indexed_files(con)
    summary = runner.index_inbox(inbox, previous, max_bytes=50 * 1024 * 1024, start=start)
    with db() as con:
        store.replace_article_files(con, summary.files, "bench")
    t_index = time.perf_counter() - t0
    days = summary.days
    t1 = time.perf_counter()
    files = [(f.path, d) for f, d in summary.files if f.status != "quarantined"]
    loaded = runner.load_articles(inbox, files, days, max_bytes=50 * 1024 * 1024) if days else []
    t_read = time.perf_counter() - t1
    if days:
        with db() as con:
            store.replace_articles(con, days, loaded, "bench")
        runner.analyse_days(db, days, analyzer.analyze, analyzer.version, "bench")
    return {"index": t_index, "read": t_read, "total": time.perf_counter() - t0, "days": len(days)}


def spacy_alone(analyzer: Analyzer, texts: list[str]) -> float:
    t0 = time.perf_counter()
    for _ in analyzer.nlp.pipe(texts, batch_size=analyzer.batch_size, n_process=analyzer.n_process):
        pass
    return time.perf_counter() - t0


def time_queries(db_path: Path) -> dict[str, float]:
    with store.open_db(db_path, read_only=True) as con:
        day, person = con.execute(
            "SELECT date_start, agent FROM timeline WHERE agent IS NOT NULL AND date_start IS NOT NULL "
            "GROUP BY ALL ORDER BY count(*) DESC LIMIT 1"
        ).fetchone() or (dt.date(2025, 1, 1), "")
        source = con.execute("SELECT any_value(source_file) FROM events").fetchone()[0] or ""
        out = {}
        for name, sql in QUERIES.items():
            q = sql.format(day=day, person=str(person).replace("'", "''"), source=source)
            runs = []
            for _ in range(5):
                t0 = time.perf_counter()
                con.execute(q).fetchall()
                runs.append(time.perf_counter() - t0)
            out[name] = statistics.median(runs) * 1000
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", default="articles", help="articles, wcep, or a JSONL path")
    parser.add_argument("--limit", type=int, help="only the first N documents")
    parser.add_argument("--n-process", type=int, default=1)
    parser.add_argument("--batch-size", type=int, default=32)
    parser.add_argument("--workdir", type=Path, help="keep the inbox and database here")
    parser.add_argument("--queries-only", action="store_true", help="only time the queries on --workdir's database")
    parser.add_argument("--baseline-docs", type=int, default=1500,
                        help="spaCy alone runs on at most this many of the documents (throughput is per doc)")
    args = parser.parse_args()

    if args.queries_only and args.workdir:
        for name, ms in time_queries(args.workdir / "bench.duckdb").items():
            print(f"  {name:<22} {ms:7.1f} ms")
        return 0
    corpus = CORPORA.get(args.corpus, Path(args.corpus))
    if not corpus.exists():
        print(f"corpus {corpus} not found (../shared is development data, not part of the project)")
        return 2
    work = args.workdir or Path(tempfile.mkdtemp(prefix="timeline-bench-"))
    inbox, db_path = work / "inbox", work / "bench.duckdb"
    shutil.rmtree(inbox, ignore_errors=True)
    db_path.unlink(missing_ok=True)
    n_docs = write_inbox(corpus, inbox, args.limit)
    print(f"corpus {corpus.name}: {n_docs} documents -> {inbox}")

    analyzer = Analyzer(batch_size=args.batch_size, n_process=args.n_process)
    db = TimedDB(db_path)
    first = run_once(inbox, db, analyzer, dt.date(1990, 1, 1))
    t = analyzer.times
    analysed_db = db.seconds
    print(f"\nfirst run: {first['total']:.1f} s for {n_docs} documents = {n_docs / first['total']:.1f} docs/s "
          f"(components: {', '.join(analyzer.nlp.pipe_names)}; n_process={args.n_process})")
    total = first["total"]
    for name, seconds in (("read + index files", first["index"] + first["read"]), ("spaCy", t.spacy),
                          ("temporal tagger", t.tagger), ("event extraction", t.events),
                          ("DuckDB (all connections)", analysed_db)):
        print(f"  {name:<26} {seconds:7.1f} s  {100 * seconds / total:5.1f}%")
    print(f"  peak memory (RSS)          {peak_rss_mb():7.0f} MB")

    with store.open_db(db_path, read_only=True) as con:
        texts = [r[0] for r in con.execute("SELECT text FROM articles ORDER BY source_file").fetchall()]
        rows = {k: con.execute(f"SELECT count(*) FROM {k}").fetchone()[0]
                for k in ("articles", "temporal_expressions", "events", "event_participants")}
    print("  rows: " + ", ".join(f"{k} {v}" for k, v in rows.items()))
    sample = texts[:: max(1, len(texts) // args.baseline_docs)]  # spread over the corpus: lengths vary by year
    alone = spacy_alone(analyzer, sample) / len(sample) * len(texts)  # seconds for all the texts
    print(f"\nspaCy alone (same components, {len(sample)} of the same texts, spread over the corpus): "
          f"{len(texts) / alone:.1f} docs/s; the whole pipeline keeps {100 * alone / first['total']:.0f}% of it "
          f"(NLP stages only: {100 * alone / (t.spacy + t.tagger + t.events):.0f}%)")

    db.seconds = 0.0
    second = run_once(inbox, db, analyzer, dt.date(1990, 1, 1))
    print(f"\nsecond run over the unchanged inbox: {second['total']:.2f} s = "
          f"{100 * second['total'] / first['total']:.1f}% of the first ({second['days']} days to redo)")

    print("\nREADME example queries (median of 5):")
    for name, ms in time_queries(db_path).items():
        print(f"  {name:<22} {ms:7.1f} ms")
    print(f"\npeak memory (RSS) overall: {peak_rss_mb():.0f} MB; work folder {work}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
