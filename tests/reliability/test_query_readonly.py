"""`timeline query` cannot write: not to the database, and not to any other file.

A bare read-only DuckDB connection refuses INSERT/UPDATE/DELETE/CREATE/DROP on its own database, but
still allows COPY ... TO a file, EXPORT DATABASE, ATTACH of another file READ_WRITE (and writing
there), CREATE TEMP TABLE, SET, PRAGMA and CHECKPOINT. pipeline.store.run_readonly accepts only SELECT
and EXPLAIN statements and turns off file system access before the user's SQL runs.
"""

from __future__ import annotations

import hashlib
import subprocess
from pathlib import Path

import duckdb
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pipeline import store
from tests.reliability.conftest import CODE, cli_command, cli_env
from tests.reliability.test_upgrade import current_database

WRITES = [
    "DELETE FROM articles",
    "INSERT INTO articles (article_id, source_file, partition_day) VALUES ('x', 'x', DATE '2025-09-04')",
    "UPDATE articles SET title = 'changed'",
    "CREATE TABLE stolen AS SELECT * FROM articles",
    "DROP VIEW timeline",
    "CREATE TEMP TABLE t AS SELECT 1",
    "ATTACH '{dir}/new.duckdb' AS n (READ_WRITE); CREATE TABLE n.x AS SELECT * FROM articles",
    "COPY articles TO '{dir}/out.csv'",
    "COPY (SELECT text FROM articles) TO '{dir}/out.parquet' (FORMAT parquet)",
    "EXPORT DATABASE '{dir}/dump'",
    "SELECT 1; COPY articles TO '{dir}/hidden.csv'",
    "SET enable_external_access = true; COPY articles TO '{dir}/again.csv'",
    "INSTALL httpfs",
    "CHECKPOINT",
    "PRAGMA enable_profiling = 'json'; SET profiling_output = '{dir}/profile.json'; SELECT 1",
    "SELECT * FROM read_text('{dir}/../outside.txt')",  # not a write, but no other file is reachable
]


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture()
def readonly_db(tmp_path) -> tuple[Path, Path]:
    db = current_database(tmp_path / "db" / "t.duckdb")
    work = tmp_path / "work"
    work.mkdir()
    (tmp_path / "outside.txt").write_text("a file next to the work folder")
    return db, work


def test_timeline_query_refuses_every_write(readonly_db):
    db, work = readonly_db
    before = digest(db), sorted(p.name for p in db.parent.iterdir())
    procs = {sql: subprocess.Popen(cli_command("query", sql.format(dir=work), "--db", str(db)), cwd=CODE,
                                   env=cli_env(), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
             for sql in WRITES}  # read-only connections may all be open at once
    for sql, proc in procs.items():
        out, err = proc.communicate(timeout=120)
        assert proc.returncode == 1, (sql, out, err)
        assert "Traceback" not in err and ("read-only" in err or "disabled" in err), (sql, err)
    assert (digest(db), sorted(p.name for p in db.parent.iterdir())) == before
    assert list(work.iterdir()) == []
    ok = subprocess.run(cli_command("query", "SELECT count(*) AS n FROM timeline", "--db", str(db), "--format", "csv"),
                        cwd=CODE, env=cli_env(), capture_output=True, text=True, timeout=120)
    assert ok.returncode == 0 and ok.stdout.split() == ["n", "1"], ok.stderr


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(statements=st.lists(st.sampled_from(WRITES + ["SELECT 42", "EXPLAIN SELECT * FROM events"]),
                           min_size=1, max_size=4))
def test_no_mix_of_statements_writes(readonly_db, statements):
    db, work = readonly_db
    before = digest(db)
    sql = "; ".join(s.format(dir=work) for s in statements)
    with store.open_db(db, read_only=True) as con:
        try:
            store.run_readonly(con, sql)
            wrote_nothing_allowed = all(s.startswith(("SELECT 42", "EXPLAIN")) for s in statements)
            assert wrote_nothing_allowed, f"accepted: {sql}"
        except (store.StoreError, duckdb.Error):
            pass
    assert digest(db) == before and list(work.iterdir()) == []
