"""Reads: the state incremental runs compare against, articles of a day, and the timeline."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any, Sequence

import duckdb

from pipeline.models import Article
from pipeline.store import parquet
from pipeline.store.connection import StoreError


def indexed_files(con: duckdb.DuckDBPyConnection) -> dict[str, dict[str, Any]]:
    """The inbox index as stored: path -> its row (hash, size, mtime, status, days...)."""
    cur = con.execute("SELECT * FROM article_files")
    names = [d[0] for d in cur.description]
    return {row[0]: dict(zip(names, row)) for row in cur.fetchall()}


def analysis_state(con: duckdb.DuckDBPyConnection, days: Sequence[dt.date]) -> dict[str, tuple[str, str]]:
    """article_id -> (content_hash, extractor_version) of what was analysed for `days`."""
    rows = con.execute(
        "SELECT article_id, content_hash, extractor_version FROM analysis_state "
        "WHERE partition_day IN (SELECT unnest(?::DATE[]))",
        [list(days)],
    ).fetchall()
    return {r[0]: (r[1], r[2]) for r in rows}


_ARTICLE_COLUMNS = (
    "article_id, source_file, file_hash, item_index, content_hash, title, text, published, "
    "pub_date_source, pub_date_raw, url, source, place, external_id, arrived"
)


def articles_for_days(con: duckdb.DuckDBPyConnection, days: Sequence[dt.date]) -> list[Article]:
    """The stored articles of `days`, as the readers made them."""
    rows = con.execute(
        f"SELECT {_ARTICLE_COLUMNS} FROM articles WHERE partition_day IN (SELECT unnest(?::DATE[])) "
        "ORDER BY partition_day, source_file, item_index",
        [list(days)],
    ).fetchall()
    return [Article(*row) for row in rows]


@dataclass(slots=True)
class TimelineFilter:
    """What `timeline show` narrows the timeline to."""

    start: dt.date | None = None
    end: dt.date | None = None
    entity: str | None = None  # a participant, agent, patient or place, case-insensitive substring
    text: str | None = None  # a substring of the sentence
    bases: tuple[str, ...] = ("explicit", "narrative", "publication")
    limit: int | None = None
    headline_only: bool = True  # leave out speech and light verbs, hypotheticals (pipeline/headline.py)


def timeline_entries(con: duckdb.DuckDBPyConnection, flt: TimelineFilter) -> tuple[list[str], list[tuple]]:
    """Merged timeline entries, earliest first, with their sources."""
    where, params = ["date_basis IN (SELECT unnest(?::VARCHAR[]))"], [list(flt.bases)]
    if flt.headline_only:
        where.append("headline")
    # an open end ("until Aug. 19", "from Aug. 21") reaches as far as the filter asks; undated entries
    # have no end at all and stay out of a dated window
    if flt.start:
        where.append("coalesce(date_end, DATE '9999-12-31') >= ? AND (date_start IS NOT NULL OR date_end IS NOT NULL)")
        params.append(flt.start)
    if flt.end:
        where.append("coalesce(date_start, DATE '0001-01-01') <= ? AND (date_start IS NOT NULL OR date_end IS NOT NULL)")
        params.append(flt.end)
    if flt.text:
        where.append("sentence ILIKE ?")
        params.append(f"%{flt.text}%")
    if flt.entity:
        where.append(
            "(coalesce(agent,'') ILIKE ? OR coalesce(patient,'') ILIKE ? OR coalesce(place,'') ILIKE ? "
            "OR EXISTS (SELECT 1 FROM event_participants p WHERE list_contains(event_ids, p.event_id) AND p.text ILIKE ?))"
        )
        params += [f"%{flt.entity}%"] * 4
    sql = (
        "SELECT date_start, date_end, date_basis, trigger, agent, patient, place, modality, sentence, "
        "n_sources, sources FROM timeline_entries WHERE " + " AND ".join(where)
        + " ORDER BY coalesce(date_start, date_end) NULLS LAST, date_end, sources, trigger"
    )
    if flt.limit:
        sql += f" LIMIT {int(flt.limit)}"
    cur = con.execute(sql, params)
    return [d[0] for d in cur.description], cur.fetchall()


_UNFINISHED_DAYS = """
SELECT DISTINCT partition_day FROM analysis_state WHERE extractor_version <> $version
UNION
SELECT DISTINCT a.partition_day FROM articles a LEFT JOIN analysis_state s USING (article_id)
WHERE s.article_id IS NULL OR s.content_hash IS DISTINCT FROM a.content_hash
UNION
SELECT DISTINCT d FROM (
    SELECT unnest(f.days) AS d FROM article_files f
    WHERE f.status <> 'quarantined' AND len(f.days) > 0
      AND NOT EXISTS (SELECT 1 FROM articles a WHERE a.source_file = f.path AND a.file_hash = f.file_hash)
)
"""


def unfinished_days(con: duckdb.DuckDBPyConnection, version: str) -> set[dt.date]:
    """Days a run must (re)do beyond the files that changed: analysed by another extractor version, or
    left unfinished by a run that was killed (articles without their analysis, files without their
    articles)."""
    return {r[0] for r in con.execute(_UNFINISHED_DAYS, {"version": version}).fetchall()}


READ_STATEMENTS = {duckdb.StatementType.SELECT, duckdb.StatementType.EXPLAIN}


class ReadOnlyQuery(StoreError):
    """A statement other than a read was given to `timeline query`."""


def run_readonly(con: duckdb.DuckDBPyConnection, sql: str) -> tuple[list[str], list[tuple]]:
    """Run a user's SQL on a read-only connection, with no access to any other file.

    A read-only connection refuses writes to its own database only: DuckDB still lets it `COPY ... TO`
    a file, `EXPORT DATABASE`, or `ATTACH` another database READ_WRITE and write there. So file system
    access is switched off and the configuration locked before the user's SQL runs (the connection is
    spent afterwards: open a fresh one for anything else).
    """
    kinds = {statement.type for statement in con.extract_statements(sql)}
    refused = kinds - READ_STATEMENTS
    if refused:
        names = ", ".join(sorted(k.name for k in refused))
        raise ReadOnlyQuery(f"timeline query is read-only: it runs SELECT and EXPLAIN, not {names}")
    lake = parquet.parquet_root(con)
    if lake is not None:  # the views read the day files: those, and nothing else, stay reachable
        con.execute("SET allowed_paths = ?", [[f.as_posix() for f in parquet.all_files(lake)]])
    con.execute("SET enable_external_access = false")
    con.execute("SET lock_configuration = true")
    cur = con.execute(sql)
    if cur.description is None:
        return [], []
    return [d[0] for d in cur.description], cur.fetchall()
