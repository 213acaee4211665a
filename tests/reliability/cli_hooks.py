"""`timeline` with test hooks, for what cannot be timed from outside a process: run as a script.

The real CLI (`pipeline.cli.main`) runs unchanged in a real process; environment variables only add:

- TIMELINE_TEST_VANISH=<name>: the inbox file <name> is deleted by the indexing step (the
  `article_files` asset) after the inbox was scanned and the file stat'ed, just before its bytes are
  read, i.e. "deleted while the run reads it", at the same point every time.
- TIMELINE_TEST_BATCH=<n>: analysis writes batches of about n articles (default 500), so that a small
  inbox makes several write transactions.
- TIMELINE_TEST_MARKS=1: prints "@@ written <k>" on stderr after the k-th analysis batch is committed,
  progress a test can watch (rich draws no bar when stdout is not a terminal).
- TIMELINE_TEST_TRACE_CONNECT=1: prints "@@ connect <mode> <ok|locked> <monotonic time>" on stderr for
  every attempt to open a DuckDB file, so a test can see how a writer waits for a lock.
- TIMELINE_TEST_KILL_IN_WRITE=<table>:<k>: the process SIGKILLs itself inside a write transaction,
  right after its k-th bulk insert into <table> and before COMMIT: a crash mid-write. `events:3` dies
  inside the third analysis batch (events written, analysis_state not yet); `articles:1` inside the
  `articles` asset, after the inbox index was committed.
"""

from __future__ import annotations

import os
import signal
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from pipeline import cli, runner  # noqa: E402
from pipeline.readers import reader  # noqa: E402
from pipeline.store import writes  # noqa: E402


def _install() -> None:
    vanish = os.environ.get("TIMELINE_TEST_VANISH")
    if vanish:
        indexing = {"on": False}
        original_index, original_read_bytes = runner.index_inbox, reader._read_bytes

        def index_inbox(*args, **kwargs):
            indexing["on"] = True
            try:
                return original_index(*args, **kwargs)
            finally:
                indexing["on"] = False

        def read_bytes(path: Path, max_bytes: int) -> bytes:
            if indexing["on"] and Path(path).name == vanish and Path(path).exists():
                Path(path).unlink()
                print(f"@@ deleted {path}", file=sys.stderr, flush=True)
            return original_read_bytes(path, max_bytes)

        runner.index_inbox = index_inbox
        reader._read_bytes = read_bytes

    if os.environ.get("TIMELINE_TEST_TRACE_CONNECT") == "1":
        import time

        import duckdb

        original_connect = duckdb.connect

        def connect(*args, **kwargs):
            mode = "ro" if kwargs.get("read_only") else "rw"
            try:
                con = original_connect(*args, **kwargs)
            except duckdb.Error:
                print(f"@@ connect {mode} locked {time.monotonic():.3f}", file=sys.stderr, flush=True)
                raise
            print(f"@@ connect {mode} ok {time.monotonic():.3f}", file=sys.stderr, flush=True)
            return con

        duckdb.connect = connect

    batch = os.environ.get("TIMELINE_TEST_BATCH")
    if batch:
        runner.analyse_days.__kwdefaults__["batch_articles"] = int(batch)

    kill_table, _, kill_at = os.environ.get("TIMELINE_TEST_KILL_IN_WRITE", ":0").partition(":")
    marks = os.environ.get("TIMELINE_TEST_MARKS") == "1"
    original_write, original_insert = writes.write_analyses, writes.insert_rows
    count: dict[str, int] = {}

    def insert_rows(con, table, rows):
        n = original_insert(con, table, rows)
        count[table] = count.get(table, 0) + 1
        if table == kill_table and count[table] == int(kill_at):
            print(f"@@ killing myself inside a write ({table} insert {kill_at})", file=sys.stderr, flush=True)
            os.kill(os.getpid(), signal.SIGKILL)
        return n

    def write_analyses(*args, **kwargs):
        result = original_write(*args, **kwargs)
        count["batches"] = count.get("batches", 0) + 1
        if marks:
            print(f"@@ written {count['batches']}", file=sys.stderr, flush=True)
        return result

    writes.insert_rows = insert_rows  # the write functions look it up in their module at call time
    runner.store.write_analyses = write_analyses  # runner calls store.write_analyses


if __name__ == "__main__":
    _install()
    raise SystemExit(cli.main(sys.argv[1:]))
