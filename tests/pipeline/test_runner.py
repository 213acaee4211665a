"""The runner's steps without Dagster: indexing, change detection, incremental analysis in batches."""

import datetime as dt
from contextlib import contextmanager

from pipeline import runner, store
from pipeline.models import Analysis, Article

START = dt.date(2000, 1, 1)


def test_index_marks_new_unchanged_and_changed_files(small_inbox):
    first = runner.index_inbox(small_inbox, {}, max_bytes=5_000_000, start=START)
    assert (first.new, first.changed, first.unchanged) == (3, 0, 0)
    assert [f.path for f in first.quarantined] == ["broken.json"]
    assert first.days == [dt.date(2025, 9, 3), dt.date(2025, 9, 4)]

    stored = {f.path: {"file_hash": f.file_hash, "size_bytes": f.size_bytes, "mtime": f.mtime, "format": f.format,
                       "status": f.status, "reason": f.reason, "n_articles": f.n_articles, "days": days,
                       "fingerprint": f.fingerprint}
              for f, days in first.files}
    (small_inbox / "harbour.json").write_text('{"published": "2025-09-02", "text": "Workers struck on Monday."}')
    second = runner.index_inbox(small_inbox, stored, max_bytes=5_000_000, start=START)
    # broken.json is quarantined, so it is read again, but its hash is the same: unchanged
    assert (second.new, second.changed, second.unchanged) == (0, 1, 2)
    assert second.changed_days(stored) == [dt.date(2025, 9, 2), dt.date(2025, 9, 3)]


def test_days_before_the_partition_start_are_left_out_and_said(small_inbox):
    summary = runner.index_inbox(small_inbox, {}, max_bytes=5_000_000, start=dt.date(2025, 9, 4))
    harbour = next(f for f, _ in summary.files if f.path == "harbour.json")
    assert harbour.status == "partial" and "before the partition start" in harbour.reason
    assert summary.days == [dt.date(2025, 9, 4)]


def test_detect_changes_reads_only_what_changed(small_inbox):
    first = runner.detect_changes(small_inbox, {}, max_bytes=5_000_000)
    assert len(first.changed) == 3
    again = runner.detect_changes(small_inbox, first.state, max_bytes=5_000_000)
    assert again.changed == [] and again.days == set()
    (small_inbox / "2025-09-04-paris-summit.txt").unlink()
    gone = runner.detect_changes(small_inbox, again.state, max_bytes=5_000_000)
    assert gone.changed == ["2025-09-04-paris-summit.txt@removed"] and gone.days == {dt.date(2025, 9, 4)}


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


def test_editing_only_a_sidecar_counts_as_a_change(small_inbox):
    meta = small_inbox / "2025-09-04-paris-summit.meta.json"
    meta.write_text('{"published": "2025-09-04"}')
    first = runner.detect_changes(small_inbox, {}, max_bytes=5_000_000)
    meta.write_text('{"published": "2025-09-05"}')
    second = runner.detect_changes(small_inbox, first.state, max_bytes=5_000_000)
    assert [c.split("@")[0] for c in second.changed] == ["2025-09-04-paris-summit.txt"]
    assert dt.date(2025, 9, 5) in second.days


def test_day_ranges_split_at_gaps():
    d = dt.date(2025, 9, 1)
    days = [d, d + dt.timedelta(days=2), d + dt.timedelta(days=5), d + dt.timedelta(days=400)]
    assert runner.day_ranges(days) == [(d, d + dt.timedelta(days=5)), (days[-1], days[-1])]
    assert runner.day_ranges([]) == []
