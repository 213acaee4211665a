"""Helpers of the reliability suite: `timeline` in real subprocesses, and table snapshots to compare.

The subprocesses run a copy of `pipeline/` and `assets/` taken when the suite starts (CODE): several
people edit this checkout at once, and tests that compare two runs (a killed-then-resumed run with a
clean one) must not see the tagger change between the two.
"""

from __future__ import annotations

import datetime as dt
import atexit
import os
import shutil
import subprocess
import tempfile
import sys
from pathlib import Path

import duckdb
import pytest

REPO = Path(__file__).resolve().parents[2]


def _freeze_code() -> Path:
    code = Path(tempfile.mkdtemp(prefix="timeline-code-"))
    atexit.register(shutil.rmtree, code, ignore_errors=True)
    skip = shutil.ignore_patterns("__pycache__", "*.pyc")
    for package in ("pipeline", "assets"):
        shutil.copytree(REPO / package, code / package, ignore=skip)
    (code / "tests" / "reliability").mkdir(parents=True)
    shutil.copy(Path(__file__).with_name("cli_hooks.py"), code / "tests" / "reliability" / "cli_hooks.py")
    return code


CODE = _freeze_code()
HOOKS_SCRIPT = CODE / "tests" / "reliability" / "cli_hooks.py"
TABLES = ("article_files", "articles", "analysis_state", "temporal_expressions", "events", "event_participants")
# Columns that legitimately differ between two runs over the same inbox: when, and by which run.
VOLATILE = {"run_id", "indexed_at", "ingested_at", "analyzed_at"}


def cli_env(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k != "DAGSTER_HOME" and not k.startswith("TIMELINE_TEST_")}
    env.update({"COLUMNS": "400", "PYTHONUNBUFFERED": "1", "PYTHONPATH": str(CODE), **extra})
    return env


def cli_command(*args: str, hooks: bool = False) -> list[str]:
    return [sys.executable, str(HOOKS_SCRIPT), *args] if hooks else [sys.executable, "-m", "pipeline.cli", *args]


def timeline(*args: str, hooks: bool = False, timeout: float = 300, **env: str) -> subprocess.CompletedProcess:
    """`timeline ARGS` in a subprocess, as a user runs it (on the frozen copy of the code)."""
    return subprocess.run(cli_command(*args, hooks=hooks), cwd=CODE, env=cli_env(**env), capture_output=True,
                          text=True, timeout=timeout)


def start_timeline(*args: str, hooks: bool = False, **env: str) -> subprocess.Popen:
    return subprocess.Popen(cli_command(*args, hooks=hooks), cwd=CODE, env=cli_env(**env), stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)


def snapshot(db: Path) -> dict[str, list[tuple]]:
    """Every row of every table, without the columns that say when and by which run: sorted, comparable."""
    con = duckdb.connect(str(db), read_only=True)
    try:
        out = {}
        for table in TABLES:
            columns = [r[0] for r in con.execute(f"DESCRIBE {table}").fetchall() if r[0] not in VOLATILE]
            rows = con.execute(f"SELECT {', '.join(map(_quote, columns))} FROM {table}").fetchall()
            out[table] = sorted(rows, key=repr)
        return out
    finally:
        con.close()


def _quote(name: str) -> str:
    return f'"{name}"'


def news_article(day: dt.date, n: int) -> str:
    """A short dated news story of our own, with relative dates and named people to extract."""
    people = ["Anna Berg", "Tomas Lind", "Maria Costa", "Jonas Weber", "Ilse Moreau", "Pedro Alves"]
    cities = ["Lisbon", "Oslo", "Vienna", "Dublin", "Prague", "Madrid"]
    who, other, city = people[n % 6], people[(n + 1) % 6], cities[n % 6]
    return (
        f"Council approves harbour plan {n}\n"
        f"{city.upper()} — Mayor {who} announced on Tuesday that the city council approved the harbour plan. "
        f"{other} met union leaders in {city} on Monday. The council will vote again next week.\n"
    )


# A many-day inbox, and its clean run, shared by the crash and concurrency tests.
FIRST_DAY, DAYS, PER_DAY, BATCH = dt.date(2025, 9, 1), 6, 3, 3  # one day per analysis batch
HOOKS = {"TIMELINE_TEST_BATCH": str(BATCH), "TIMELINE_TEST_MARKS": "1"}


@pytest.fixture(scope="session")
def crash_inbox(tmp_path_factory) -> Path:
    inbox = tmp_path_factory.mktemp("crash") / "inbox"
    inbox.mkdir()
    for i in range(DAYS * PER_DAY):
        day = FIRST_DAY + dt.timedelta(days=i // PER_DAY)
        (inbox / f"{day.isoformat()}-story-{i:02d}.txt").write_text(news_article(day, i))
    return inbox


@pytest.fixture(scope="session")
def clean_db(crash_inbox, tmp_path_factory) -> Path:
    db = tmp_path_factory.mktemp("clean") / "t.duckdb"
    result = timeline("run", "--inbox", str(crash_inbox), "--db", str(db), "--quiet", hooks=True, **HOOKS)
    assert result.returncode == 0, result.stdout + result.stderr
    return db


def whole_days(db: Path) -> set[dt.date]:
    """Assert that every day is whole (all its articles analysed, with all their rows, or none), and
    that nothing is duplicated; return the analysed days."""
    con = duckdb.connect(str(db), read_only=True)
    try:
        per_day = con.execute(
            "SELECT a.partition_day, count(*), count(s.article_id) FROM articles a "
            "LEFT JOIN analysis_state s USING (article_id) GROUP BY 1").fetchall()
        half = [(d, n, k) for d, n, k in per_day if k not in (0, n)]
        assert not half, f"half-analysed days (day, articles, analysed): {half}"
        wrong_counts = con.execute(
            "SELECT s.article_id FROM analysis_state s WHERE "
            "s.n_events <> (SELECT count(*) FROM events e WHERE e.article_id = s.article_id) OR "
            "s.n_timexes <> (SELECT count(*) FROM temporal_expressions t WHERE t.article_id = s.article_id)"
        ).fetchall()
        assert not wrong_counts, f"articles whose rows do not match their analysis_state: {wrong_counts}"
        for table in ("events", "temporal_expressions", "event_participants"):
            orphans = con.execute(
                f"SELECT count(*) FROM {table} WHERE article_id NOT IN (SELECT article_id FROM analysis_state)"
            ).fetchone()[0]
            assert orphans == 0, f"{orphans} rows of {table} without their analysis_state"
        for table, key in (("articles", "article_id"), ("analysis_state", "article_id"), ("events", "event_id"),
                           ("temporal_expressions", "timex_id")):
            n, distinct = con.execute(f"SELECT count(*), count(DISTINCT {key}) FROM {table}").fetchone()
            assert n == distinct, f"duplicate {key} in {table}"
        return {d for d, n, k in per_day if k == n}
    finally:
        con.close()


