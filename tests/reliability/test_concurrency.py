"""Several processes on one DuckDB file: a held lock makes `timeline run` wait and retry, then go on;
a lock held too long gives a message naming the holder; two runs at once duplicate nothing.

DuckDB allows one read-write process or many read-only ones. Inside `timeline run`, the Dagster steps
open the file through dagster_duckdb's DuckDBResource (10 retries, delays 0.1 s doubling to 51.2 s,
about 102 s in all, no jitter); the CLI's own reads go through pipeline.store.connect (jittered
retries, a DatabaseLocked error naming DuckDB's PID for the holder).
"""

from __future__ import annotations

import subprocess
import sys
import textwrap
import time
from pathlib import Path


from pipeline import store
from tests.reliability.conftest import news_article, snapshot, start_timeline, timeline, whole_days


HOLDER = textwrap.dedent("""
    import sys, duckdb
    con = duckdb.connect(sys.argv[1], read_only=sys.argv[2] == "ro")
    print("holding", flush=True)
    sys.stdin.readline()  # hold until the test says so (or closes stdin)
    con.close()
    print("released", flush=True)
""")


class Holder:
    """A process holding the database, read-only (like `timeline query`) or read-write (like a run)."""

    def __init__(self, db: Path, mode: str) -> None:
        self.proc = subprocess.Popen([sys.executable, "-c", HOLDER, str(db), mode], stdin=subprocess.PIPE,
                                     stdout=subprocess.PIPE, text=True)
        assert self.proc.stdout.readline().strip() == "holding"
        self.pid = self.proc.pid

    def release(self) -> float:
        self.proc.stdin.write("\n")
        self.proc.stdin.flush()
        assert self.proc.stdout.readline().strip() == "released"
        return time.monotonic()

    def close(self) -> None:
        self.proc.kill()
        self.proc.wait()


def small_inbox(root: Path, days: int = 2) -> Path:
    import datetime as dt

    inbox = root / "inbox"
    inbox.mkdir()
    for i in range(days * 2):
        day = dt.date(2025, 9, 1) + dt.timedelta(days=i // 2)
        (inbox / f"{day.isoformat()}-story-{i}.txt").write_text(news_article(day, i))
    return inbox


def empty_db(root: Path) -> Path:
    db = root / "t.duckdb"
    store.connect(db).close()  # a migrated, empty database a reader can open
    return db


def test_a_reader_makes_the_writer_wait_and_retry_then_it_proceeds(tmp_path):
    inbox, db = small_inbox(tmp_path), empty_db(tmp_path)
    holder = Holder(db, "ro")
    run = start_timeline("run", "--inbox", str(inbox), "--db", str(db), "--quiet", hooks=True,
                         TIMELINE_TEST_TRACE_CONNECT="1")
    try:
        failed: list[float] = []
        for line in run.stderr:  # the run plans with a read-only connection, then its first step writes
            if line.startswith("@@ connect rw locked"):
                failed.append(float(line.split()[-1]))
                if time.monotonic() - failed[0] > 2.5:
                    break
        released = holder.release()
        rest = run.stderr.read()
        out = run.stdout.read()
        run.wait(timeout=300)
    finally:
        holder.close()
        run.kill()
    assert run.returncode == 0, out + rest
    assert len(failed) >= 3, "the writer retried while the reader held the file"
    gaps = [b - a for a, b in zip(failed, failed[1:])]
    # exponential back-off with jitter: not strictly increasing step by step, but growing overall
    assert gaps[-1] > 2 * gaps[0], f"growing back-off: {gaps}"
    first_ok = float(next(line for line in rest.splitlines() if line.startswith("@@ connect rw ok")).split()[-1])
    assert first_ok >= released  # it proceeded once the reader let go
    assert "Traceback" not in out + rest
    assert len(whole_days(db)) == 2


def test_query_while_a_writer_holds_the_file_names_the_holder(tmp_path):
    db = empty_db(tmp_path)
    holder = Holder(db, "rw")
    try:
        began = time.monotonic()
        result = timeline("query", "SELECT count(*) FROM articles", "--db", str(db))
        waited = time.monotonic() - began
    finally:
        holder.close()
    assert result.returncode == 1
    assert f"PID {holder.pid}" in result.stderr and "locked" in result.stderr
    assert "Traceback" not in result.stderr
    assert waited >= 10  # `timeline query` retries for 10 s before giving up


def test_two_runs_at_once_duplicate_nothing_and_both_succeed(crash_inbox, clean_db, tmp_path):
    db = tmp_path / "t.duckdb"
    runs = [start_timeline("run", "--inbox", str(crash_inbox), "--db", str(db), "--quiet") for _ in range(2)]
    outputs = [r.communicate(timeout=300) for r in runs]
    for r, (out, err) in zip(runs, outputs):
        assert r.returncode == 0, out + err
        assert "Traceback" not in out + err
    whole_days(db)  # also asserts that no key is duplicated
    assert snapshot(db) == snapshot(clean_db)  # the same rows as one run alone


def run_while_held(tmp_path, mode: str):
    """`timeline run` on a small inbox while another process holds its database (`mode` "rw" or "ro"),
    with a 4 s lock timeout."""
    inbox, db = small_inbox(tmp_path), empty_db(tmp_path)
    holder = Holder(db, mode)
    try:
        result = timeline("run", "--inbox", str(inbox), "--db", str(db), "--quiet", timeout=300,
                          TIMELINE_LOCK_TIMEOUT_S="4")
    finally:
        holder.close()
    return result, holder


def test_a_run_blocked_by_a_writer_for_too_long_names_it(tmp_path):
    """The CLI plans with store.connect (read-only): past its lock timeout it says who holds the file."""
    result, holder = run_while_held(tmp_path, "rw")
    assert result.returncode != 0
    assert f"PID {holder.pid}" in result.stdout + result.stderr
    assert "Traceback" not in result.stderr


def test_a_run_blocked_by_a_reader_for_too_long_names_it(tmp_path):
    """The Dagster steps retry with jitter up to the lock timeout, then the failure names the holder."""
    result, holder = run_while_held(tmp_path, "ro")
    assert result.returncode == 1
    assert f"PID {holder.pid}" in result.stderr and "The run failed" in result.stderr
    assert "Traceback" not in result.stdout + result.stderr
