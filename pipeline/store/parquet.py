"""Parquet storage: each day partition is its own files, so days run on separate workers with no lock.

Setting `TIMELINE_PARQUET_ROOT` (or passing `parquet_root`) switches the store from one DuckDB file to a
folder of Parquet files, `TABLE/date=YYYY-MM-DD/data.parquet` (and `article_files/data.parquet`), read
through an in-memory DuckDB whose views have the tables' names: the same SQL works in both modes.
A day's file of each table is written to a temporary name and renamed into place; `analysis_state` is
written last, so a crash between tables leaves the day marked for re-analysis, which rewrites it whole.
"""

from __future__ import annotations

import datetime as dt
import os
import uuid
from pathlib import Path
from typing import Sequence

import duckdb
import pyarrow as pa

from pipeline.store.schema import ENTRIES_VIEW, MIGRATIONS, VIEWS

TABLES = ("article_files", "articles", "analysis_state", "temporal_expressions", "events", "event_participants")
_ROOT_VARIABLE = "timeline_parquet_root"


def parquet_root(con: duckdb.DuckDBPyConnection) -> Path | None:
    """The Parquet root this connection stores into, or None for an ordinary DuckDB database."""
    try:
        value = con.execute(f"SELECT getvariable('{_ROOT_VARIABLE}')").fetchone()[0]
    except duckdb.Error:
        return None
    return Path(value) if value else None


def _files(root: Path, table: str) -> list[Path]:
    if table == "article_files":
        path = root / table / "data.parquet"
        return [path] if path.exists() else []
    return sorted((root / table).glob("date=*/data.parquet"))


def all_files(root: Path) -> list[Path]:
    """Every Parquet file the views read."""
    return [f for table in TABLES for f in _files(root, table)]


def refresh_views(con: duckdb.DuckDBPyConnection, root: Path) -> None:
    """Point each table's view at the Parquet files that exist now (an empty typed table when none)."""
    for table in TABLES:
        files = _files(root, table)
        if files:
            listing = ", ".join(f"'{f.as_posix()}'" for f in files)
            source = f"SELECT * FROM _empty.{table} UNION ALL BY NAME SELECT * FROM read_parquet([{listing}], hive_partitioning = false, union_by_name = true)"
        else:
            source = f"SELECT * FROM _empty.{table}"
        con.execute(f"CREATE OR REPLACE VIEW main.{table} AS {source}")
    con.execute(VIEWS)
    con.execute(ENTRIES_VIEW)


def attach(con: duckdb.DuckDBPyConnection, root: Path) -> None:
    """Make `con` (in-memory) a view of the Parquet store at `root`."""
    root.mkdir(parents=True, exist_ok=True)
    con.execute(f"SET VARIABLE {_ROOT_VARIABLE} = ?", [str(root)])
    con.execute("CREATE SCHEMA IF NOT EXISTS _empty")
    con.execute("SET schema = '_empty'")
    try:
        for ddl in MIGRATIONS:
            for statement in ddl.split(";"):
                if statement.strip():
                    con.execute(statement.replace("CREATE TABLE", "CREATE TABLE IF NOT EXISTS"))
    finally:
        con.execute("SET schema = 'main'")
    refresh_views(con, root)


def _arrow(con: duckdb.DuckDBPyConnection, sql: str) -> pa.Table:
    """A query's result as Arrow (`to_arrow_table` in DuckDB 1.4+, `arrow` before)."""
    relation = con.sql(sql)
    method = getattr(relation, "to_arrow_table", None) or relation.arrow
    return method()


def _write(con: duckdb.DuckDBPyConnection, arrow: pa.Table, target: Path) -> None:
    """Write `arrow` to `target` atomically (temporary file, then rename); no rows removes the file."""
    target.parent.mkdir(parents=True, exist_ok=True)
    if arrow.num_rows == 0:
        target.unlink(missing_ok=True)
        return
    tmp = target.with_name(f".{target.name}.{uuid.uuid4().hex}.tmp")
    con.register("_timeline_out", arrow)
    try:
        con.execute(f"COPY (SELECT * FROM _timeline_out) TO '{tmp.as_posix()}' (FORMAT parquet)")
    finally:
        con.unregister("_timeline_out")
    os.replace(tmp, target)


def _day_file(root: Path, table: str, day: dt.date) -> Path:
    return root / table / f"date={day.isoformat()}" / "data.parquet"


def _typed(con: duckdb.DuckDBPyConnection, table: str, rows: Sequence[dict]) -> pa.Table:
    """Rows as an Arrow table with exactly the table's columns and types."""
    con.execute(f"CREATE OR REPLACE TEMP TABLE _typed AS SELECT * FROM _empty.{table} LIMIT 0")
    if rows:
        con.register("_timeline_rows", pa.Table.from_pylist(list(rows)))
        try:
            con.execute("INSERT INTO _typed BY NAME SELECT * FROM _timeline_rows")
        finally:
            con.unregister("_timeline_rows")
    return _arrow(con, "SELECT * FROM _typed")


def replace_article_files(con: duckdb.DuckDBPyConnection, rows: Sequence[dict]) -> None:
    root = parquet_root(con)
    _write(con, _typed(con, "article_files", rows), root / "article_files" / "data.parquet")
    refresh_views(con, root)


def replace_day_rows(
    con: duckdb.DuckDBPyConnection,
    table: str,
    days: Sequence[dt.date],
    new_rows: Sequence[dict],
    drop_ids: set[str] | None,
    keep_ids: set[str] | None,
    *,
    refresh: bool = True,
) -> int:
    """For each day: keep the stored rows of `keep_ids` not in `drop_ids` (None: keep none), add the new
    rows of that day, and rewrite the day's file. `refresh=False` leaves the views to the caller, who
    writes several tables in a row (each call reads only its own table's view)."""
    root = parquet_root(con)
    by_day: dict[dt.date, list[dict]] = {d: [] for d in days}
    for row in new_rows:
        by_day.setdefault(row["partition_day"], []).append(row)
    for day, rows in by_day.items():
        fresh = _typed(con, table, rows)
        if keep_ids is None:
            merged = fresh
        else:
            kept_ids = sorted(keep_ids - (drop_ids or set()))
            con.register("_timeline_keep", pa.table({"article_id": pa.array(kept_ids, pa.string())}))
            try:
                old = _arrow(
                    con,
                    f"SELECT * FROM main.{table} WHERE partition_day = DATE '{day.isoformat()}' "
                    "AND article_id IN (SELECT article_id FROM _timeline_keep)",
                )
            finally:
                con.unregister("_timeline_keep")
            merged = pa.concat_tables([old.cast(fresh.schema), fresh]) if old.num_rows else fresh
        _write(con, merged, _day_file(root, table, day))
    if refresh:
        refresh_views(con, root)
    return len(new_rows)
