"""The assets materialized for real, on an ephemeral instance, over a small inbox the test writes."""

import datetime as dt
from pathlib import Path

import dagster as dg
import duckdb

from assets.automation import range_tags
from assets.run import all_assets_and_checks, materialize_days
from assets.resources import build_resources
from tests.conftest import write_inbox

FIRST, LAST = dt.date(2025, 9, 1), dt.date(2025, 9, 5)


def run(inbox: Path, db: Path, first=FIRST, last=LAST):
    return dg.materialize(
        all_assets_and_checks(),
        resources=build_resources(inbox, db),
        instance=dg.DagsterInstance.ephemeral(),
        tags=range_tags([first, last]),
    )


def counts(db: Path) -> dict[str, int]:
    con = duckdb.connect(str(db), read_only=True)
    try:
        return {t: con.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
                for t in ("article_files", "articles", "temporal_expressions", "events", "event_participants")}
    finally:
        con.close()


def metadata(result, key: str, name: str):
    for event in result.get_asset_materialization_events():
        mat = event.event_specific_data.materialization
        if mat.asset_key.to_user_string() == key and name in mat.metadata:
            return mat.metadata[name].value
    raise KeyError((key, name))


def test_range_run_writes_every_table_and_quarantines_the_broken_file(small_inbox, tmp_path):
    db = tmp_path / "t.duckdb"
    result = run(small_inbox, db)
    assert result.success
    c = counts(db)
    assert c["article_files"] == 3 and c["articles"] == 2
    assert c["temporal_expressions"] > 0 and c["events"] > 0 and c["event_participants"] > 0
    con = duckdb.connect(str(db), read_only=True)
    status, reason = con.execute("SELECT status, reason FROM article_files WHERE path = 'broken.json'").fetchone()
    assert status == "quarantined" and "broken.json" in reason
    # every event row knows where it came from
    missing = con.execute(
        "SELECT count(*) FROM events WHERE source_file IS NULL OR file_hash IS NULL OR run_id IS NULL"
    ).fetchone()[0]
    assert missing == 0
    assert con.execute("SELECT DISTINCT run_id FROM events").fetchall() == [(result.run_id,)]
    con.close()
    assert metadata(result, "article_files", "quarantined") == 1
    assert "broken.json" in metadata(result, "article_files", "quarantined_files")
    assert "|" in metadata(result, "timeline", "preview")  # a Markdown table of the days' entries
    evaluations = {e.asset_check_key.name: e for e in result.get_asset_check_evaluations()}
    assert evaluations["unique_event_ids"].passed and evaluations["unique_article_ids"].passed
    assert not evaluations["quarantined_files"].passed  # warns about broken.json


def test_second_run_changes_nothing_and_an_edit_redoes_only_that_article(small_inbox, tmp_path):
    db = tmp_path / "t.duckdb"
    assert run(small_inbox, db).success
    before = counts(db)
    again = run(small_inbox, db)
    assert again.success and counts(db) == before
    assert metadata(again, "article_files", "unchanged") == 3
    assert metadata(again, "events", "analysed_articles") == 0

    (small_inbox / "harbour.json").write_text(
        '{"title": "Harbour strike ends", "published": "2025-09-03", '
        '"text": "Dock workers in Rotterdam ended their strike on Wednesday."}', encoding="utf-8")
    edited = run(small_inbox, db)
    assert edited.success
    assert metadata(edited, "article_files", "changed") == 1
    assert metadata(edited, "events", "analysed_articles") == 1
    con = duckdb.connect(str(db), read_only=True)
    dupes = con.execute("SELECT count(*) - count(DISTINCT event_id) FROM events").fetchone()[0]
    con.close()
    assert dupes == 0


def test_materialize_days_reports_a_summary(small_inbox, tmp_path):
    outcome = materialize_days(small_inbox, tmp_path / "t.duckdb", FIRST, LAST,
                               instance=dg.DagsterInstance.ephemeral())
    assert outcome.success, outcome.error
    text = "\n".join(outcome.summary_lines)
    assert "events" in text and "check unique_event_ids" in text


def test_the_expressions_asset_reports_the_ranges_it_found(tmp_path):
    inbox = write_inbox(tmp_path / "inbox", {"2025-09-04-talks.txt": (
        "Talks end in Geneva\nGENEVA — Delegates met from Sept. 1 to 3 and agreed on a truce on Thursday. "
        "They will meet again on Oct. 8-10.\n")})
    result = run(inbox, tmp_path / "t.duckdb")
    assert result.success
    assert metadata(result, "temporal_expressions", "date_ranges") == 2
