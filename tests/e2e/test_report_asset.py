"""The `timeline_report` asset materialized by Dagster, alone and inside a whole range run."""

from __future__ import annotations

import datetime as dt
import re

import dagster as dg
import duckdb

from assets.report import timeline_report
from assets.resources import build_resources
from assets.run import materialize_days
from pipeline import store
from pipeline.models import Analysis, Article, Event, Participant
from pipeline.report import report_path

DAY = dt.date(2025, 9, 4)


def report_metadata(result) -> dict:
    for event in result.get_asset_materialization_events():
        mat = event.event_specific_data.materialization
        if mat.asset_key.to_user_string() == "timeline_report":
            return {k: v.value for k, v in mat.metadata.items()}
    raise AssertionError("timeline_report was not materialized")


def test_report_alone_reads_the_store_and_links_its_page(tmp_path):
    db, inbox = tmp_path / "db" / "t.duckdb", tmp_path / "inbox"
    inbox.mkdir()
    text = "Rail workers in Lyon struck on Tuesday."
    art = Article(article_id="a1", source_file="lyon.txt", file_hash="h", item_index=0, content_hash="c",
                  title="Lyon rail strike", text=text, published=DAY, pub_date_source="metadata", pub_date_raw="x")
    event = Event(start=21, end=27, text="struck", lemma="strike", pos="VERB", sentence=text, sent_start=0,
                  sent_end=len(text), agent="Rail workers", date_start=dt.date(2025, 9, 2), date_end=dt.date(2025, 9, 2),
                  date_basis="explicit", participants=[Participant("SNCF", "ORG", "agent")])
    with store.open_db(db) as con:
        store.replace_articles(con, [DAY], [art], "r")
        store.write_analyses(con, [DAY], ["a1"], [Analysis(article=art, timexes=[], events=[event])], "v", "r")

    result = dg.materialize([timeline_report], resources=build_resources(inbox, db),
                            instance=dg.DagsterInstance.ephemeral())
    assert result.success
    meta = report_metadata(result)
    path = report_path(db)
    assert meta["path"] == str(path) and meta["url"] == path.as_uri()
    assert (meta["entries"], meta["dated_entries"], meta["stories"], meta["articles"]) == (1, 1, 1, 1)
    html = path.read_text(encoding="utf-8")
    assert text in html and (inbox / "lyon.txt").resolve().as_uri() in html


def test_range_run_writes_a_report_with_every_headline_entry(small_inbox, tmp_path):
    db = tmp_path / "t.duckdb"
    outcome = materialize_days(small_inbox, db, dt.date(2025, 9, 1), dt.date(2025, 9, 5),
                               instance=dg.DagsterInstance.ephemeral())
    assert outcome.success, outcome.error
    assert any("timeline_report" in line for line in outcome.summary_lines)
    html = report_path(db).read_text(encoding="utf-8")
    assert not re.search(r"<script[^>]+src=", html)  # opens without network
    con = duckdb.connect(str(db), read_only=True)
    entries = con.execute("SELECT entry_id, sentence FROM timeline_entries WHERE headline").fetchall()
    hidden = con.execute("SELECT entry_id FROM timeline_entries WHERE NOT headline").fetchall()
    con.close()
    assert entries
    listed = set(re.findall(r'<tr class="event" id="entry-(\w+)"', html))
    assert listed == {e for e, _ in entries}
    assert hidden and not listed & {e for (e,) in hidden}  # speech frames and light verbs stay out
    # the sentences appear as the page escapes them
    import html as html_lib
    assert all(html_lib.escape(sentence) in html for _, sentence in entries)
