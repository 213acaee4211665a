"""Bulk writes through Arrow, each one short transaction (design §6).

A day's rows are replaced per article: the rows of re-analysed and vanished articles are deleted and
the new ones inserted in the same transaction, so a crash leaves the previous day intact, never half
of one.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from contextlib import contextmanager
from typing import Iterable, Iterator, Sequence

import duckdb
import pyarrow as pa

from pipeline.headline import is_headline
from pipeline.models import Analysis, Article, ArticleFile
from pipeline.store import parquet
from pipeline.store.schema import ENTRIES_TABLE


def _now() -> dt.datetime:
    return dt.datetime.now(dt.timezone.utc).replace(tzinfo=None)


@contextmanager
def transaction(con: duckdb.DuckDBPyConnection) -> Iterator[duckdb.DuckDBPyConnection]:
    """BEGIN ... COMMIT, rolled back on any error."""
    con.execute("BEGIN TRANSACTION")
    try:
        yield con
    except BaseException:
        con.execute("ROLLBACK")
        raise
    con.execute("COMMIT")


def insert_rows(con: duckdb.DuckDBPyConnection, table: str, rows: Sequence[dict]) -> int:
    """Insert dict rows by column name through one Arrow table."""
    if not rows:
        return 0
    arrow = pa.Table.from_pylist(list(rows))
    con.register("_timeline_rows", arrow)
    try:
        con.execute(f"INSERT INTO {table} BY NAME SELECT * FROM _timeline_rows")
    finally:
        con.unregister("_timeline_rows")
    return len(rows)


def _delete_ids(con: duckdb.DuckDBPyConnection, tables: Iterable[str], ids: Iterable[str]) -> None:
    ids = sorted(set(ids))
    if not ids:
        return
    con.register("_timeline_ids", pa.table({"article_id": pa.array(ids, pa.string())}))
    try:
        for table in tables:
            con.execute(f"DELETE FROM {table} WHERE article_id IN (SELECT article_id FROM _timeline_ids)")
    finally:
        con.unregister("_timeline_ids")


def replace_article_files(
    con: duckdb.DuckDBPyConnection, files: Sequence[tuple[ArticleFile, list[dt.date]]], run_id: str | None
) -> int:
    """The inbox index is replaced whole: it describes the inbox as it is now."""
    now = _now()
    rows = [
        {
            "path": f.path,
            "file_hash": f.file_hash,
            "size_bytes": f.size_bytes,
            "mtime": f.mtime,
            "format": f.format,
            "status": f.status,
            "reason": f.reason,
            "n_articles": f.n_articles,
            "days": sorted(days),
            "fingerprint": f.fingerprint,
            "run_id": run_id,
            "indexed_at": now,
        }
        for f, days in files
    ]
    if parquet.parquet_root(con) is not None:
        parquet.replace_article_files(con, rows)
        return len(rows)
    with transaction(con):
        con.execute("DELETE FROM article_files")
        insert_rows(con, "article_files", rows)
    return len(rows)


def article_row(article: Article, run_id: str | None, now: dt.datetime) -> dict:
    return {
        "article_id": article.article_id,
        "source_file": article.source_file,
        "file_hash": article.file_hash,
        "item_index": article.item_index,
        "content_hash": article.content_hash,
        "title": article.title,
        "text": article.text,
        "published": article.published,
        "pub_date_source": article.pub_date_source,
        "pub_date_raw": article.pub_date_raw,
        "url": article.url,
        "source": article.source,
        "place": article.place,
        "external_id": article.external_id,
        "arrived": article.arrived,
        "partition_day": article.partition_day,
        "run_id": run_id,
        "ingested_at": now,
    }


def replace_articles(
    con: duckdb.DuckDBPyConnection, days: Sequence[dt.date], articles: Sequence[Article], run_id: str | None
) -> int:
    """The articles of `days` become exactly `articles`, in one transaction."""
    now = _now()
    rows = [article_row(a, run_id, now) for a in articles]
    if parquet.parquet_root(con) is not None:
        return parquet.replace_day_rows(con, "articles", days, rows, drop_ids=None, keep_ids=None)
    with transaction(con):
        if days:
            con.execute("DELETE FROM articles WHERE partition_day IN (SELECT unnest(?::DATE[]))", [list(days)])
        # An article that moved to another day (its date was corrected) leaves its old day.
        _delete_ids(con, ["articles"], [a.article_id for a in articles])
        insert_rows(con, "articles", rows)
    return len(rows)


def stable_id(*parts: object) -> str:
    """A short deterministic id: the same inputs give the same id in every run."""
    return hashlib.sha256("|".join(str(p) for p in parts).encode()).hexdigest()[:16]


def analysis_rows(analysis: Analysis, version: str, run_id: str | None) -> tuple[list[dict], list[dict], list[dict]]:
    """Rows for temporal_expressions, events and event_participants, with their provenance."""
    art = analysis.article
    day = art.partition_day
    timex_rows, event_rows, participant_rows = [], [], []
    timex_ids: dict[tuple[int, int], str] = {}
    for t in analysis.timexes:
        timex_id = stable_id(art.article_id, "t", t.start, t.end)
        timex_ids[(t.start, t.end)] = timex_id
        if t.interval_start is not None:  # an event dated by a range cites the range's first end
            timex_ids.setdefault((t.interval_start, t.interval_end), timex_id)
        timex_rows.append(
            {
                "timex_id": timex_id, "article_id": art.article_id, "partition_day": day,
                "start": t.start, "end": t.end, "text": t.text, "type": t.type, "value": t.value,
                "range_start": t.range_start, "range_end": t.range_end, "granularity": t.granularity,
                "mod": t.mod, "rule": t.rule, "anchor": t.anchor, "anchor_kind": t.anchor_kind,
                "relative": t.relative, "resolved": t.resolved,
                "interval_start": t.interval_start, "interval_end": t.interval_end, "source_file": art.source_file,
                "file_hash": art.file_hash, "extractor_version": version, "run_id": run_id,
            }
        )
    for e in analysis.events:
        event_id = stable_id(art.article_id, "e", e.start, e.end)
        event_rows.append(
            {
                "event_id": event_id, "article_id": art.article_id, "partition_day": day,
                "start": e.start, "end": e.end, "text": e.text, "lemma": e.lemma, "pos": e.pos,
                "sentence": e.sentence, "sent_start": e.sent_start, "sent_end": e.sent_end,
                "agent": e.agent, "patient": e.patient, "place": e.place,
                "timex_id": timex_ids.get((e.timex_start, e.timex_end)) if e.timex_start is not None else None,
                "timex_start": e.timex_start, "timex_end": e.timex_end, "timex_value": e.timex_value,
                "date_start": e.date_start, "date_end": e.date_end, "date_basis": e.date_basis,
                "modality": e.modality, "quoted": e.quoted, "speaker": e.speaker, "rule": e.rule,
                "headline": is_headline(e),
                "source_file": art.source_file, "file_hash": art.file_hash,
                "extractor_version": version, "run_id": run_id,
            }
        )
        for p in e.participants:
            participant_rows.append(
                {"event_id": event_id, "article_id": art.article_id, "partition_day": day,
                 "text": p.text, "label": p.label, "role": p.role}
            )
    return timex_rows, event_rows, participant_rows


ANALYSIS_TABLES = ("temporal_expressions", "events", "event_participants", "analysis_state")


def write_analyses(
    con: duckdb.DuckDBPyConnection,
    days: Sequence[dt.date],
    current_ids: Iterable[str],
    analyses: Sequence[Analysis],
    version: str,
    run_id: str | None,
    *,
    refresh_entries: bool = True,
) -> dict[str, int]:
    """Replace the analysis rows of `analyses`' articles, and drop those of articles no longer in `days`.

    `refresh_entries` rebuilds the merged `timeline_entries` in the same transaction; a caller writing
    many batches in a row passes False for all but the last.

    `current_ids` are the articles that `days` hold now; rows of any other article of those days go.
    Everything happens in one transaction.
    """
    now = _now()
    timexes, events, participants, states = [], [], [], []
    for analysis in analyses:
        t, e, p = analysis_rows(analysis, version, run_id)
        timexes += t
        events += e
        participants += p
        states.append(
            {"article_id": analysis.article.article_id, "partition_day": analysis.article.partition_day,
             "content_hash": analysis.article.content_hash, "extractor_version": version,
             "n_timexes": len(t), "n_events": len(e), "run_id": run_id, "analyzed_at": now}
        )
    current = sorted(set(current_ids))
    if parquet.parquet_root(con) is not None:
        analysed = {a.article.article_id for a in analyses}
        keep = set(current)
        counts = {}
        # analysis_state last: a crash before it leaves the day marked for re-analysis
        for table, rows in (("temporal_expressions", timexes), ("events", events),
                            ("event_participants", participants), ("analysis_state", states)):
            counts[table] = parquet.replace_day_rows(con, table, days, rows, drop_ids=analysed, keep_ids=keep,
                                                     refresh=table == "analysis_state")
        counts.pop("analysis_state")
        return counts
    with transaction(con):
        if days:
            con.register("_timeline_current", pa.table({"article_id": pa.array(current, pa.string())}))
            try:
                for table in ANALYSIS_TABLES:
                    con.execute(
                        f"DELETE FROM {table} WHERE partition_day IN (SELECT unnest(?::DATE[])) "
                        "AND article_id NOT IN (SELECT article_id FROM _timeline_current)",
                        [list(days)],
                    )
            finally:
                con.unregister("_timeline_current")
        _delete_ids(con, ANALYSIS_TABLES, [a.article.article_id for a in analyses])
        counts = {
            "temporal_expressions": insert_rows(con, "temporal_expressions", timexes),
            "events": insert_rows(con, "events", events),
            "event_participants": insert_rows(con, "event_participants", participants),
        }
        insert_rows(con, "analysis_state", states)
        if refresh_entries:
            con.execute(ENTRIES_TABLE)  # the merge across articles, in the same transaction
    return counts
