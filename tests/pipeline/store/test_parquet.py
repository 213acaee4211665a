"""The Parquet storage setting: the same store functions and SQL, one set of files per day."""

import datetime as dt

import pytest

from pipeline import store
from tests.pipeline.store.test_store import DAY, analysis, article


@pytest.fixture()
def parquet_root(tmp_path, monkeypatch):
    root = tmp_path / "lake"
    monkeypatch.setenv("TIMELINE_PARQUET_ROOT", str(root))
    return root


def test_day_files_replace_like_the_duckdb_tables(parquet_root, tmp_path):
    a, b = article("a"), article("b")
    with store.open_db(tmp_path / "ignored.duckdb") as con:
        store.replace_articles(con, [DAY], [a, b], "r1")
        store.write_analyses(con, [DAY], {"a", "b"}, [analysis(a), analysis(b)], "v1", "r1")
        store.write_analyses(con, [DAY], {"a", "b"}, [analysis(b, agent="Starmer")], "v1", "r2")
    assert (parquet_root / "events" / f"date={DAY}" / "data.parquet").exists()
    assert not (tmp_path / "ignored.duckdb").exists()
    with store.open_db(tmp_path / "ignored.duckdb", read_only=True) as con:  # a fresh connection reads the files
        events = con.execute("SELECT article_id, agent, run_id FROM events ORDER BY 1").fetchall()
        assert events == [("a", "Macron", "r1"), ("b", "Starmer", "r2")]
        assert store.analysis_state(con, [DAY]) == {"a": ("c1", "v1"), "b": ("c1", "v1")}
        _, rows = store.timeline_entries(con, store.TimelineFilter())
        assert sorted(r[4] for r in rows) == ["Macron", "Starmer"]  # the same views, over the files


def test_a_day_left_empty_loses_its_file(parquet_root, tmp_path):
    a = article("a")
    with store.open_db(tmp_path / "x.duckdb") as con:
        store.replace_articles(con, [DAY], [a], "r1")
        store.write_analyses(con, [DAY], {"a"}, [analysis(a)], "v1", "r1")
        store.write_analyses(con, [DAY], set(), [], "v1", "r2")
        assert con.execute("SELECT count(*) FROM events").fetchone()[0] == 0
    assert not (parquet_root / "events" / f"date={DAY}" / "data.parquet").exists()


def test_days_are_separate_files(parquet_root, tmp_path):
    later = DAY + dt.timedelta(days=1)
    a, b = article("a"), article("b", day=later)
    with store.open_db(tmp_path / "x.duckdb") as con:
        store.replace_articles(con, [DAY], [a], "r1")
        store.replace_articles(con, [later], [b], "r1")
        assert {r[0] for r in con.execute("SELECT article_id FROM articles").fetchall()} == {"a", "b"}
    assert sorted(p.parent.name for p in (parquet_root / "articles").glob("*/data.parquet")) == [
        f"date={DAY}", f"date={later}"]


def test_day_files_written_before_a_migration_are_read_beside_new_ones(parquet_root, tmp_path):
    import duckdb

    later = DAY + dt.timedelta(days=1)
    a, b = article("a"), article("b", day=later)
    with store.open_db(tmp_path / "x.duckdb") as con:
        store.replace_articles(con, [DAY], [a], "r1")
        store.write_analyses(con, [DAY], {"a"}, [analysis(a)], "v1", "r1")
    old = parquet_root / "temporal_expressions" / f"date={DAY}" / "data.parquet"
    # the file as a version without migration 3 wrote it: no interval columns
    duckdb.sql(f"COPY (SELECT * EXCLUDE (interval_start, interval_end) FROM read_parquet('{old}')) "
               f"TO '{old}.tmp' (FORMAT parquet)")
    (old.parent / "data.parquet.tmp").replace(old)
    with store.open_db(tmp_path / "x.duckdb") as con:
        store.replace_articles(con, [later], [b], "r2")
        store.write_analyses(con, [later], {"b"}, [analysis(b)], "v1", "r2")
        rows = con.execute("SELECT article_id, interval_start FROM temporal_expressions ORDER BY 1").fetchall()
    assert rows == [("a", None), ("b", None)]
