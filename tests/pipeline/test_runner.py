"""The runner's steps without Dagster: indexing against the stored index, incremental analysis in batches."""

import datetime as dt
from contextlib import contextmanager

from pipeline import runner, store
from pipeline.inbox_changes import fingerprint
from pipeline.models import Analysis, Article

START = dt.date(2000, 1, 1)


def test_index_marks_new_unchanged_and_changed_files(small_inbox):
    first = runner.index_inbox(small_inbox, {}, max_bytes=5_000_000, start=START)
    assert first.counts == {"new": 3, "changed": 0, "unchanged": 0, "removed": 0}
    assert [f.path for f in first.quarantined] == ["broken.json"]
    assert first.all_days == [dt.date(2025, 9, 3), dt.date(2025, 9, 4)]

    stored = {f.path: {"file_hash": f.file_hash, "size_bytes": f.size_bytes, "mtime": f.mtime, "format": f.format,
                       "status": f.status, "reason": f.reason, "n_articles": f.n_articles, "days": days,
                       "fingerprint": f.fingerprint}
              for f, days in first.files}
    (small_inbox / "harbour.json").write_text('{"published": "2025-09-02", "text": "Workers struck on Monday."}')
    second = runner.index_inbox(small_inbox, stored, max_bytes=5_000_000, start=START)
    # broken.json is quarantined, so it is read again, but its hash is the same: unchanged
    assert second.counts == {"new": 0, "changed": 1, "unchanged": 2, "removed": 0}
    assert second.keys == [f"harbour.json@{fingerprint(small_inbox / 'harbour.json')}"]
    assert second.days == [dt.date(2025, 9, 2), dt.date(2025, 9, 3)]
    # every file has its row: the unchanged summit file keeps the stored one
    rows = {f.path: f for f, _ in second.files}
    summit = "2025-09-04-paris-summit.txt"
    assert set(rows) == set(stored) and rows[summit].mtime == stored[summit]["mtime"]


def test_days_before_the_partition_start_are_left_out_and_said(small_inbox):
    summary = runner.index_inbox(small_inbox, {}, max_bytes=5_000_000, start=dt.date(2025, 9, 4))
    harbour = next(f for f, _ in summary.files if f.path == "harbour.json")
    assert harbour.status == "partial" and "before the partition start" in harbour.reason
    assert summary.all_days == [dt.date(2025, 9, 4)]


def test_day_batches_keep_days_whole():
    day = dt.date(2025, 9, 1)
    arts = [Article(f"a{i}", "f", "h", i, "c", None, "t", day + dt.timedelta(days=i // 3), "metadata", None)
            for i in range(9)]
    batches = runner.day_batches(arts, max_articles=4)
    assert batches == [[day], [day + dt.timedelta(days=1)], [day + dt.timedelta(days=2)]]
    assert runner.day_batches(arts, max_articles=100) == [[day + dt.timedelta(days=i) for i in range(3)]]


def test_analyse_days_is_incremental_and_writes_in_batches(tmp_path):
    db = tmp_path / "t.duckdb"
    day = dt.date(2025, 9, 1)
    arts = [Article(f"a{i}", f"f{i}.txt", "h", 0, "c1", None, "text", day + dt.timedelta(days=i % 3), "metadata", None)
            for i in range(6)]
    with store.open_db(db) as con:
        store.replace_articles(con, sorted({a.partition_day for a in arts}), arts, "r1")

    @contextmanager
    def factory():
        with store.open_db(db) as con:
            yield con

    seen: list[list[str]] = []

    def analyze(batch):
        seen.append([a.article_id for a in batch])
        return [Analysis(a, [], []) for a in batch]

    days = [day + dt.timedelta(days=i) for i in range(3)]
    summary = runner.analyse_days(factory, days, analyze, "v1", "r1", batch_articles=2)
    assert summary.analysed == 6 and len(seen) == 3  # one batch per day: 2 articles each
    again = runner.analyse_days(factory, days, analyze, "v1", "r2")
    assert again.analysed == 0 and again.unchanged == 6
    newer = runner.analyse_days(factory, days, analyze, "v2", "r3")
    assert newer.analysed == 6  # a new extractor version redoes everything


def test_day_ranges_split_at_gaps():
    d = dt.date(2025, 9, 1)
    days = [d, d + dt.timedelta(days=2), d + dt.timedelta(days=5), d + dt.timedelta(days=400)]
    assert runner.day_ranges(days) == [(d, d + dt.timedelta(days=5)), (days[-1], days[-1])]
    assert runner.day_ranges([]) == []
