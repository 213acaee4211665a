"""Opening the DuckDB file: migrations on open, retries with jitter, and clear lock errors.

DuckDB allows one read-write process or many read-only ones, never both (design §6). A writer that
finds the file locked waits and retries with jitter; past its timeout it fails with a message naming
the process that holds the lock (DuckDB reports its PID), never a bare stack trace.
"""

from __future__ import annotations

import os
import random
import re
import time
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

import duckdb

from pipeline.store import parquet
from pipeline.store.schema import ENTRIES_TABLE, MIGRATIONS, SCHEMA_VERSION, VIEWS

PARQUET_ENV = "TIMELINE_PARQUET_ROOT"


def parquet_setting() -> Path | None:
    """The Parquet root when the storage setting asks for Parquet files instead of one DuckDB file."""
    value = os.environ.get(PARQUET_ENV)
    return Path(value) if value else None


class StoreError(RuntimeError):
    """A problem with the database a user can act on; the message says what to do."""


class DatabaseLocked(StoreError):
    """Another process holds the database file."""


class DatabaseMissing(StoreError):
    """A read-only open of a database that does not exist yet."""


_LOCK_HOLDER = re.compile(r"Conflicting lock is held in (?P<holder>.+?\(PID \d+\)|\S+)")


def _is_lock_error(exc: Exception) -> bool:
    text = str(exc)
    return "lock" in text.lower() and ("Conflicting" in text or "Could not set lock" in text)


def lock_holder(exc: Exception) -> str:
    """The process DuckDB names as the holder of a lock, as far as its message says."""
    match = _LOCK_HOLDER.search(str(exc))
    return match.group("holder").strip() if match else "another process"


def connect(
    path: str | Path,
    *,
    read_only: bool = False,
    timeout_s: float | None = None,
    migrate_on_open: bool = True,
) -> duckdb.DuckDBPyConnection:
    """A connection to the database at `path`, created and migrated when opened read-write.

    `timeout_s` (default: TIMELINE_LOCK_TIMEOUT_S, 60 s) bounds the wait for another process's lock.
    """
    if timeout_s is None:
        from pipeline.config import lock_timeout_s

        timeout_s = lock_timeout_s()
    root = parquet_setting()
    if root is not None:  # Parquet mode: an in-memory DuckDB over the files, no lock to take
        con = duckdb.connect(":memory:", config=_config())
        parquet.attach(con, root)
        return con
    path = Path(path)
    if read_only and not path.exists():
        raise DatabaseMissing(f"no database at {path}: run `timeline run` first")
    if not read_only:
        path.parent.mkdir(parents=True, exist_ok=True)
    deadline = time.monotonic() + timeout_s
    delay = 0.05
    while True:
        try:
            con = duckdb.connect(str(path), read_only=read_only, config=_config())
            break
        except (duckdb.IOException, duckdb.ConnectionException) as exc:
            if not _is_lock_error(exc):
                raise StoreError(f"cannot open {path}: {exc}") from exc
            if time.monotonic() >= deadline:
                raise DatabaseLocked(
                    f"{path} is locked by {lock_holder(exc)}; gave up after {timeout_s:.0f}s. "
                    "Another pipeline run or a `timeline query` holds it: wait for it to finish."
                ) from exc
            time.sleep(delay * (0.5 + random.random()))
            delay = min(delay * 2, 2.0)
    if not read_only and migrate_on_open:
        migrate(con)
    return con


@contextmanager
def open_db(path: str | Path, *, read_only: bool = False, timeout_s: float | None = None) -> Iterator[duckdb.DuckDBPyConnection]:
    """`connect` as a context manager that always closes, so the lock is held as briefly as possible."""
    con = connect(path, read_only=read_only, timeout_s=timeout_s)
    try:
        yield con
    finally:
        con.close()


def current_version(con: duckdb.DuckDBPyConnection) -> int:
    """The schema version recorded in the database (0 for an empty file)."""
    exists = con.execute(
        "SELECT count(*) FROM information_schema.tables WHERE table_name = 'schema_version'"
    ).fetchone()[0]
    if not exists:
        return 0
    row = con.execute("SELECT max(version) FROM schema_version").fetchone()
    return int(row[0] or 0)


def migrate(con: duckdb.DuckDBPyConnection) -> int:
    """Apply the migrations the database lacks, each in its own transaction; recreate the views.

    An in-memory connection under the Parquet setting gets views over the Parquet files instead.
    """
    root = parquet.parquet_root(con)
    if root is None and parquet_setting() is not None and _in_memory(con):
        root = parquet_setting()
    if root is not None:
        parquet.attach(con, root)
        return SCHEMA_VERSION
    con.execute(
        "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL, applied_at TIMESTAMP DEFAULT current_timestamp)"
    )
    version = current_version(con)
    if version > SCHEMA_VERSION:
        raise StoreError(
            f"the database has schema version {version}, newer than this code's {SCHEMA_VERSION}: upgrade timeline"
        )
    for number in range(version + 1, SCHEMA_VERSION + 1):
        con.execute("BEGIN TRANSACTION")
        try:
            con.execute(MIGRATIONS[number - 1])
            con.execute("INSERT INTO schema_version (version) VALUES (?)", [number])
            con.execute("COMMIT")
        except Exception:
            con.execute("ROLLBACK")
            raise
    con.execute(VIEWS)
    kind = con.execute(
        "SELECT table_type FROM information_schema.tables WHERE table_name = 'timeline_entries'"
    ).fetchone()
    if kind is None or kind[0] != "BASE TABLE":  # new file, or one whose entries were a view
        con.execute("DROP VIEW IF EXISTS timeline_entries")
        con.execute(ENTRIES_TABLE)
    return SCHEMA_VERSION


def _config() -> dict[str, str]:
    """DuckDB's memory bound (TIMELINE_DUCKDB_MEMORY, default 512MB): past it, joins spill to disk, so the
    pipeline's peak memory does not grow with the corpus."""
    return {"memory_limit": os.environ.get("TIMELINE_DUCKDB_MEMORY", "512MB")}


def _in_memory(con: duckdb.DuckDBPyConnection) -> bool:
    return con.execute("SELECT current_database()").fetchone()[0] == "memory"
