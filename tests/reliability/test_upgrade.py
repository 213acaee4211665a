"""An old database is migrated on open and keeps its data; a failing migration changes nothing.

The mechanism is tested with a temporary migration after the current ones, patched where `migrate`
reads it (pipeline.store.connection binds MIGRATIONS and SCHEMA_VERSION at import); the real migration
2 is tested on a database written by the version-1 schema.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import duckdb
import pytest

from pipeline import store
from pipeline.models import Analysis, Article, Event, Participant, Timex
from pipeline.store import connection, schema
from tests.reliability.conftest import TABLES

DAY = dt.date(2025, 9, 4)
BASE = schema.SCHEMA_VERSION  # the schema this code writes; the temporary migration comes after it
V2_OK = "ALTER TABLE articles ADD COLUMN language VARCHAR DEFAULT 'en'; CREATE INDEX articles_day ON articles (partition_day);"
V2_BROKEN = "ALTER TABLE articles ADD COLUMN language VARCHAR; UPDATE articles SET title = NULL; SELECT * FROM no_such_table;"


def with_migration(monkeypatch: pytest.MonkeyPatch, sql: str) -> None:
    migrations = [*schema.MIGRATIONS, sql]
    for module in (schema, connection):
        monkeypatch.setattr(module, "MIGRATIONS", migrations)
        monkeypatch.setattr(module, "SCHEMA_VERSION", len(migrations))


def current_database(path: Path) -> Path:
    """A database at the current schema version holding an article, its timex, event and participant."""
    text = "Mayor Anna Berg announced on Tuesday that the council approved the plan."
    art = Article(article_id="a1", source_file="a1.txt", file_hash="h1", item_index=0, content_hash="c1",
                  title="Plan", text=text, published=DAY, pub_date_source="metadata", pub_date_raw="2025-09-04")
    timex = Timex(start=24, end=31, text="Tuesday", type="DATE", value="2025-09-02", range_start=dt.date(2025, 9, 2),
                  range_end=dt.date(2025, 9, 2), granularity="day", rule="weekday.past", anchor="2025-09-04",
                  anchor_kind="publication", relative=True)
    event = Event(start=15, end=24, text="announced", lemma="announce", pos="VERB", sentence=text, sent_start=0,
                  sent_end=len(text), agent="Anna Berg", timex_start=24, timex_end=31, timex_value="2025-09-02",
                  date_start=dt.date(2025, 9, 2), date_end=dt.date(2025, 9, 2), date_basis="explicit",
                  participants=[Participant("Anna Berg", "PERSON", "agent")])
    with store.open_db(path) as con:
        assert store.current_version(con) == BASE
        store.replace_articles(con, [DAY], [art], "r1")
        store.write_analyses(con, [DAY], {"a1"}, [Analysis(art, [timex], [event])], "v1", "r1")
    return path


def rows(path: Path) -> dict[str, list[tuple]]:
    con = duckdb.connect(str(path), read_only=True)
    try:
        return {t: sorted(con.execute(f"SELECT * FROM {t}").fetchall(), key=repr) for t in TABLES}
    finally:
        con.close()


def test_a_database_is_migrated_to_a_new_version_on_open_and_keeps_its_data(tmp_path, monkeypatch):
    db = current_database(tmp_path / "old.duckdb")
    before = rows(db)
    with_migration(monkeypatch, V2_OK)
    with store.open_db(db) as con:  # opening read-write migrates
        assert store.current_version(con) == BASE + 1
        versions = [r[0] for r in con.execute("SELECT version FROM schema_version ORDER BY 1").fetchall()]
        languages = con.execute("SELECT DISTINCT language FROM articles").fetchall()
        entries = con.execute("SELECT trigger, agent, sources FROM timeline_entries").fetchall()  # views recreated
    assert versions == list(range(1, BASE + 2)) and languages == [("en",)]
    assert entries == [("announced", "Anna Berg", ["a1.txt"])]
    after = rows(db)
    assert after["articles"] == [r + ("en",) for r in before["articles"]]  # the new column, at the end
    assert {t: after[t] for t in TABLES if t != "articles"} == {t: before[t] for t in TABLES if t != "articles"}
    with store.open_db(db) as con:  # a second open has nothing to do
        assert con.execute("SELECT count(*) FROM schema_version").fetchone()[0] == BASE + 1


def test_a_failing_migration_leaves_the_database_as_it_was(tmp_path, monkeypatch):
    db = current_database(tmp_path / "old.duckdb")
    before = rows(db)
    with_migration(monkeypatch, V2_BROKEN)
    with pytest.raises(Exception, match="no_such_table"):
        store.connect(db)
    with store.open_db(db, read_only=True) as con:
        assert store.current_version(con) == BASE
        columns = [r[0] for r in con.execute("DESCRIBE articles").fetchall()]
    assert "language" not in columns
    assert rows(db) == before  # the UPDATE of the same transaction was rolled back too


def test_a_read_only_open_of_an_old_database_does_not_migrate_it(tmp_path, monkeypatch):
    db = current_database(tmp_path / "old.duckdb")
    with_migration(monkeypatch, V2_OK)
    with store.open_db(db, read_only=True) as con:  # `timeline query` on a database not yet upgraded
        _, result = store.run_readonly(con, "SELECT count(*) FROM articles")
        assert result == [(1,)] and store.current_version(con) == BASE


def test_a_database_of_schema_1_gains_the_headline_column_and_keeps_its_events(tmp_path, monkeypatch):
    """The real migration 2, on a file written by the version-1 schema."""
    db = tmp_path / "v1.duckdb"
    con = duckdb.connect(str(db))  # the tables as schema 1 made them (views are rebuilt on every open)
    con.execute("CREATE TABLE schema_version (version INTEGER NOT NULL, applied_at TIMESTAMP DEFAULT current_timestamp)")
    con.execute(schema.MIGRATIONS[0])
    con.execute("INSERT INTO schema_version (version) VALUES (1)")
    con.execute("INSERT INTO events (event_id, article_id, partition_day, text, lemma) "
                "VALUES ('e1', 'a1', DATE '2025-09-04', 'announced', 'announce')")
    con.close()
    with store.open_db(db) as con:
        assert store.current_version(con) == BASE
        assert con.execute("SELECT event_id, headline FROM events").fetchall() == [("e1", True)]
