"""SIGKILL in the middle of `timeline run`: no day is ever half-written, and what the next run does.

The kill must land inside a write transaction, which lasts milliseconds: timing it from outside would
be luck. So the process kills itself at an exact point (cli_hooks.py: after the k-th bulk insert into a
table, before COMMIT), which is a real SIGKILL of a real process with a real file. A second test kills
from outside, after the process reports its first committed batch (progress marks on stderr; DuckDB
forbids polling the file with a reader while the writer holds it), where the kill lands anywhere in
the next batch's analysis or write.
"""

from __future__ import annotations

import datetime as dt
import shutil
import signal
import time
from pathlib import Path

import duckdb
import pytest

from tests.reliability.conftest import DAYS, FIRST_DAY, HOOKS, PER_DAY, snapshot, start_timeline, timeline, whole_days


@pytest.fixture(scope="module")
def killed_in_write(crash_inbox, tmp_path_factory) -> Path:
    """A database whose run died inside the third analysis transaction (days 1-2 committed)."""
    db = tmp_path_factory.mktemp("killed") / "t.duckdb"
    result = timeline("run", "--inbox", str(crash_inbox), "--db", str(db), "--quiet", hooks=True,
                      TIMELINE_TEST_KILL_IN_WRITE="events:3", **HOOKS)
    assert result.returncode == -signal.SIGKILL, result.stdout + result.stderr
    assert "@@ written 2" in result.stderr and "@@ killing myself" in result.stderr
    return db


def test_a_kill_inside_a_write_leaves_only_whole_days(killed_in_write):
    analysed = whole_days(killed_in_write)
    assert analysed == {FIRST_DAY, FIRST_DAY + dt.timedelta(days=1)}  # the two committed batches, no more
    con = duckdb.connect(str(killed_in_write), read_only=True)
    n_articles = con.execute("SELECT count(*) FROM articles").fetchone()[0]
    con.close()
    assert n_articles == DAYS * PER_DAY  # the articles asset had committed before the analysis


def test_a_kill_from_outside_during_the_analysis_leaves_only_whole_days(crash_inbox, tmp_path):
    db = tmp_path / "t.duckdb"
    proc = start_timeline("run", "--inbox", str(crash_inbox), "--db", str(db), "--quiet", hooks=True, **HOOKS)
    try:
        deadline = time.monotonic() + 120
        for line in proc.stderr:
            if line.startswith("@@ written 1") or time.monotonic() > deadline:
                break
        proc.send_signal(signal.SIGKILL)
    finally:
        proc.kill()
        proc.wait()
    assert proc.returncode == -signal.SIGKILL
    analysed = whole_days(db)
    assert FIRST_DAY in analysed and len(analysed) < DAYS


def test_a_kill_between_the_inbox_index_and_the_articles_leaves_the_articles_as_before(crash_inbox, tmp_path):
    db = tmp_path / "t.duckdb"
    result = timeline("run", "--inbox", str(crash_inbox), "--db", str(db), "--quiet", hooks=True,
                      TIMELINE_TEST_KILL_IN_WRITE="articles:1", **HOOKS)
    assert result.returncode == -signal.SIGKILL, result.stderr
    con = duckdb.connect(str(db), read_only=True)
    files, articles = (con.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in ("article_files", "articles"))
    con.close()
    assert (files, articles) == (DAYS * PER_DAY, 0)  # the index is committed, the articles rolled back
    resumed = timeline("run", "--inbox", str(crash_inbox), "--db", str(db), "--quiet")
    assert resumed.returncode == 0, resumed.stderr
    con = duckdb.connect(str(db), read_only=True)
    articles = con.execute("SELECT count(*) FROM articles").fetchone()[0]
    con.close()
    assert articles == DAYS * PER_DAY


def copy_db(source, db):
    """A copy of a database file as the killed process left it, write-ahead log included."""
    shutil.copy(source, db)
    wal = source.with_name(source.name + ".wal")
    if wal.exists():
        shutil.copy(wal, db.with_name(db.name + ".wal"))
    return db


def test_the_next_run_completes_a_killed_run(killed_in_write, crash_inbox, clean_db, tmp_path):
    db = copy_db(killed_in_write, tmp_path / "t.duckdb")
    result = timeline("run", "--inbox", str(crash_inbox), "--db", str(db), "--quiet")
    assert result.returncode == 0, result.stderr
    assert "Nothing changed" not in result.stdout
    assert whole_days(db) == {FIRST_DAY + dt.timedelta(days=i) for i in range(DAYS)}
    assert snapshot(db) == snapshot(clean_db)


def test_a_forced_run_after_a_kill_equals_a_clean_run(killed_in_write, crash_inbox, clean_db, tmp_path):
    db = copy_db(killed_in_write, tmp_path / "t.duckdb")
    result = timeline("run", "--inbox", str(crash_inbox), "--db", str(db), "--quiet", "--force")
    assert result.returncode == 0, result.stdout + result.stderr
    assert whole_days(db) == {FIRST_DAY + dt.timedelta(days=i) for i in range(DAYS)}
    assert snapshot(db) == snapshot(clean_db)
