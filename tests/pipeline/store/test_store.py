"""The DuckDB store: migrations, per-day replacement, read-only queries and lock errors."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
import textwrap
import time

import pytest

from pipeline import store
from pipeline.models import Analysis, Article, Event, Participant, Timex

DAY = dt.date(2025, 9, 4)


def article(aid: str, day: dt.date = DAY, content: str = "c1", source_file: str | None = None) -> Article:
    return Article(
        article_id=aid, source_file=source_file or f"{aid}.txt", file_hash="h-" + aid, item_index=0,
        content_hash=content, title=f"Title {aid}", text="Macron announced Thursday a pledge.",
        published=day, pub_date_source="metadata", pub_date_raw=day.isoformat(),
    )


def analysis(a: Article, agent: str = "Macron") -> Analysis:
    timex = Timex(start=19, end=27, text="Thursday", type="DATE", value=a.published.isoformat(),
                  range_start=a.published, range_end=a.published, granularity="day",
                  rule="weekday.past", anchor=a.published.isoformat(), anchor_kind="publication", relative=True)
    event = Event(start=7, end=16, text="announced", lemma="announce", pos="VERB", sentence=a.text,
                  sent_start=0, sent_end=len(a.text), agent=agent, timex_start=19, timex_end=27,
                  timex_value=timex.value, date_start=a.published, date_end=a.published, date_basis="explicit",
                  participants=[Participant(agent, "PERSON", "agent")])
    return Analysis(article=a, timexes=[timex], events=[event])


@pytest.fixture()
def db(tmp_path):
    return tmp_path / "t.duckdb"


def test_new_database_gets_current_schema_and_views(db):
    with store.open_db(db) as con:
        assert store.current_version(con) == store.SCHEMA_VERSION
        names = {r[0] for r in con.execute("SELECT table_name FROM information_schema.tables").fetchall()}
    assert {"article_files", "articles", "temporal_expressions", "events", "event_participants",
            "timeline", "timeline_entries", "daily_counts", "schema_version"} <= names


def test_migrate_is_idempotent(db):
    for _ in range(3):
        with store.open_db(db) as con:
            store.migrate(con)
    with store.open_db(db) as con:
        assert con.execute("SELECT count(*) FROM schema_version").fetchone()[0] == store.SCHEMA_VERSION


def test_newer_database_is_refused(db):
    with store.open_db(db) as con:
        con.execute("INSERT INTO schema_version (version) VALUES (999)")
    with pytest.raises(store.StoreError, match="newer"):
        store.connect(db)


def test_replace_articles_replaces_the_day(db):
    with store.open_db(db) as con:
        store.replace_articles(con, [DAY], [article("a"), article("b")], "run1")
        store.replace_articles(con, [DAY], [article("b", content="c2")], "run2")
        rows = con.execute("SELECT article_id, content_hash, run_id FROM articles").fetchall()
    assert rows == [("b", "c2", "run2")]


def test_write_analyses_replaces_only_what_changed(db):
    a, b = article("a"), article("b")
    with store.open_db(db) as con:
        store.replace_articles(con, [DAY], [a, b], "run1")
        store.write_analyses(con, [DAY], {"a", "b"}, [analysis(a), analysis(b)], "v1", "run1")
        assert store.analysis_state(con, [DAY]) == {"a": ("c1", "v1"), "b": ("c1", "v1")}
        # b is re-analysed, a is unchanged, nothing is duplicated
        store.write_analyses(con, [DAY], {"a", "b"}, [analysis(b, agent="Starmer")], "v1", "run2")
        events = con.execute("SELECT article_id, agent, run_id FROM events ORDER BY 1").fetchall()
        assert events == [("a", "Macron", "run1"), ("b", "Starmer", "run2")]
        # a vanished from the day: its rows go
        store.write_analyses(con, [DAY], {"b"}, [], "v1", "run3")
        assert con.execute("SELECT DISTINCT article_id FROM events").fetchall() == [("b",)]
        assert con.execute("SELECT count(*) FROM event_participants WHERE article_id = 'a'").fetchone()[0] == 0


def test_events_carry_provenance(db):
    a = article("a")
    with store.open_db(db) as con:
        store.replace_articles(con, [DAY], [a], "run1")
        store.write_analyses(con, [DAY], {"a"}, [analysis(a)], "v1", "run1")
        row = con.execute(
            "SELECT e.source_file, e.file_hash, e.run_id, e.extractor_version, t.rule, t.anchor "
            "FROM events e JOIN temporal_expressions t ON e.timex_id = t.timex_id"
        ).fetchone()
    assert row == ("a.txt", "h-a", "run1", "v1", "weekday.past", "2025-09-04")


def test_same_event_from_two_articles_is_one_entry(db):
    a, b, c = article("a"), article("b"), article("c")
    with store.open_db(db) as con:
        store.replace_articles(con, [DAY], [a, b, c], "r")
        store.write_analyses(con, [DAY], {"a", "b", "c"},
                             [analysis(a), analysis(b), analysis(c, agent="Merz")], "v1", "r")
        columns, rows = store.timeline_entries(con, store.TimelineFilter())
    sources = sorted(r[columns.index("sources")] for r in rows)
    assert sources == [["a.txt", "b.txt"], ["c.txt"]]


def test_timeline_filters(db):
    a = article("a")
    later = article("z", day=DAY + dt.timedelta(days=3))
    with store.open_db(db) as con:
        store.replace_articles(con, [DAY, later.published], [a, later], "r")
        store.write_analyses(con, [DAY, later.published], {"a", "z"}, [analysis(a), analysis(later, agent="Merz")], "v1", "r")
        _, rows = store.timeline_entries(con, store.TimelineFilter(start=DAY + dt.timedelta(days=1)))
        assert [r[0] for r in rows] == [later.published]
        _, rows = store.timeline_entries(con, store.TimelineFilter(entity="macron"))
        assert [r[4] for r in rows] == ["Macron"]
        _, rows = store.timeline_entries(con, store.TimelineFilter(text="pledge", bases=("narrative",)))
        assert rows == []


def test_read_only_connection_cannot_write(db):
    store.connect(db).close()
    for sql in ("DELETE FROM articles", "CREATE TABLE x (a INT)", "COPY articles TO 'out.csv'",
                "ATTACH 'other.duckdb' AS other"):
        with store.open_db(db, read_only=True) as con:
            with pytest.raises(store.ReadOnlyQuery, match="read-only"):
                store.run_readonly(con, sql)


def test_read_only_open_of_missing_database_says_what_to_do(tmp_path):
    with pytest.raises(store.DatabaseMissing, match="timeline run"):
        store.connect(tmp_path / "none.duckdb", read_only=True)


def test_locked_database_names_the_holder(db):
    store.connect(db).close()
    holder = subprocess.Popen(
        [sys.executable, "-c", textwrap.dedent(f"""
            import duckdb, sys, time
            con = duckdb.connect({str(db)!r})
            print("ready", flush=True)
            time.sleep(30)
        """)],
        stdout=subprocess.PIPE, text=True,
    )
    try:
        assert holder.stdout.readline().strip() == "ready"
        began = time.monotonic()
        with pytest.raises(store.DatabaseLocked) as info:
            store.connect(db, timeout_s=1.0)
        assert time.monotonic() - began >= 0.9  # it waited and retried before giving up
        assert str(db) in str(info.value)
        assert f"PID {holder.pid}" in str(info.value)
    finally:
        holder.kill()
        holder.wait()


def test_a_range_is_stored_on_both_ends_and_an_event_cites_its_first_end(db):
    a = article("a")
    a.text = "Talks ran from Sept. 1 to 3."
    ends = [Timex(start=s, end=e, text=a.text[s:e], type="DATE", value=d.isoformat(), range_start=d, range_end=d,
                  granularity="day", rule=r, interval_start=15, interval_end=27)
            for s, e, d, r in ((15, 22, dt.date(2025, 9, 1), "month_day.past_tense"),
                               (26, 27, dt.date(2025, 9, 3), "range.day_end"))]
    ran = Event(start=6, end=9, text="ran", lemma="run", pos="VERB", sentence=a.text, sent_start=0,
                sent_end=len(a.text), timex_start=15, timex_end=27, timex_value="2025-09-01/2025-09-03",
                date_start=dt.date(2025, 9, 1), date_end=dt.date(2025, 9, 3), date_basis="explicit")
    with store.open_db(db) as con:
        store.replace_articles(con, [DAY], [a], "run1")
        store.write_analyses(con, [DAY], {"a"}, [Analysis(article=a, timexes=ends, events=[ran])], "v1", "run1")
        rows = con.execute("SELECT text, interval_start, interval_end FROM temporal_expressions ORDER BY start").fetchall()
        cited = con.execute("SELECT t.text, e.timex_value FROM events e JOIN temporal_expressions t "
                            "ON e.timex_id = t.timex_id").fetchall()
    assert rows == [("Sept. 1", 15, 27), ("3", 15, 27)]
    assert cited == [("Sept. 1", "2025-09-01/2025-09-03")]


def test_open_dates_fall_in_the_windows_they_reach(db):
    arts, analyses = [], []
    for aid, start, end in (("until", None, DAY), ("from", DAY, None), ("undated", None, None)):
        a = article(aid)
        an = analysis(a, agent=aid)
        an.events[0].date_start, an.events[0].date_end = start, end
        an.events[0].date_basis = "publication"
        arts.append(a)
        analyses.append(an)
    with store.open_db(db) as con:
        store.replace_articles(con, [DAY], arts, "r")
        store.write_analyses(con, [DAY], {a.article_id for a in arts}, analyses, "v1", "r")

        def agents(**window):
            _, rows = store.timeline_entries(con, store.TimelineFilter(**window))
            return sorted(r[4] for r in rows)

        assert agents(start=DAY - dt.timedelta(days=30), end=DAY - dt.timedelta(days=1)) == ["until"]
        assert agents(start=DAY + dt.timedelta(days=1)) == ["from"]
        assert agents(end=DAY) == ["from", "until"]
