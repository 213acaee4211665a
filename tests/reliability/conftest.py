"""Helpers of the reliability suite: `timeline` in real subprocesses, and table snapshots to compare."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
from pathlib import Path

import duckdb

REPO = Path(__file__).resolve().parents[2]
HOOKS = Path(__file__).with_name("cli_hooks.py")
TABLES = ("article_files", "articles", "analysis_state", "temporal_expressions", "events", "event_participants")
# Columns that legitimately differ between two runs over the same inbox: when, and by which run.
VOLATILE = {"run_id", "indexed_at", "ingested_at", "analyzed_at"}


def cli_env(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k != "DAGSTER_HOME" and not k.startswith("TIMELINE_TEST_")}
    env.update({"COLUMNS": "200", "PYTHONUNBUFFERED": "1", **extra})
    return env


def cli_command(*args: str, hooks: bool = False) -> list[str]:
    return [sys.executable, str(HOOKS), *args] if hooks else [sys.executable, "-m", "pipeline.cli", *args]


def timeline(*args: str, hooks: bool = False, timeout: float = 300, **env: str) -> subprocess.CompletedProcess:
    """`timeline ARGS` in a subprocess, as a user runs it (cwd: the repository)."""
    return subprocess.run(cli_command(*args, hooks=hooks), cwd=REPO, env=cli_env(**env), capture_output=True,
                          text=True, timeout=timeout)


def start_timeline(*args: str, hooks: bool = False, **env: str) -> subprocess.Popen:
    return subprocess.Popen(cli_command(*args, hooks=hooks), cwd=REPO, env=cli_env(**env), stdout=subprocess.PIPE,
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
