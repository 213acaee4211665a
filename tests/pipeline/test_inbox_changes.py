"""One notion of what changed in the inbox: stat first, then the fingerprint, for cursor and index alike."""

import datetime as dt
import json
import os

from pipeline.inbox_changes import detect_changes, fingerprint, known_from_cursor, known_from_index

SUMMIT = "2025-09-04-paris-summit.txt"


def again(inbox, changes):
    """The next look at the inbox, from the cursor the previous one left (through JSON, as the sensor)."""
    cursor = json.loads(json.dumps(changes.cursor(), sort_keys=True))
    return detect_changes(inbox, known_from_cursor(cursor), max_bytes=5_000_000)


def as_index(changes):
    """What `store.indexed_files` would return after storing `changes.files`."""
    return {f.path: {"file_hash": f.file_hash, "size_bytes": f.size_bytes, "mtime": f.mtime, "format": f.format,
                     "status": f.status, "reason": f.reason, "n_articles": f.n_articles, "days": days,
                     "fingerprint": f.fingerprint}
            for f, days in changes.files}


def test_a_cursor_sees_new_then_nothing_then_a_removal(small_inbox):
    first = detect_changes(small_inbox, {}, max_bytes=5_000_000)
    assert first.counts == {"new": 3, "changed": 0, "unchanged": 0, "removed": 0}
    assert first.keys == [f"{f.path}@{fingerprint(small_inbox / f.path)}" for f in first.entries]
    assert first.days == [dt.date(2025, 9, 3), dt.date(2025, 9, 4)]
    second = again(small_inbox, first)
    assert second.keys == [] and second.days == [] and second.cursor() == first.cursor()
    (small_inbox / SUMMIT).unlink()
    gone = again(small_inbox, second)
    assert gone.keys == [f"{SUMMIT}@removed"] and gone.days == [dt.date(2025, 9, 4)]


def test_editing_only_a_sidecar_counts_as_a_change(small_inbox):
    meta = small_inbox / "2025-09-04-paris-summit.meta.json"
    meta.write_text('{"published": "2025-09-04"}')
    first = detect_changes(small_inbox, {}, max_bytes=5_000_000)
    meta.write_text('{"published": "2025-09-05"}')
    second = again(small_inbox, first)
    assert [k.split("@")[0] for k in second.keys] == [SUMMIT]
    assert dt.date(2025, 9, 5) in second.days


def test_the_stat_decides_first_and_the_fingerprint_only_when_it_moved(small_inbox):
    path = small_inbox / "harbour.json"
    first = detect_changes(small_inbox, {}, max_bytes=5_000_000)
    before = path.stat()
    # Same bytes, newer mtime: the stat moved, the fingerprint did not, so nothing changed.
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns + 10**9))
    touched = again(small_inbox, first)
    assert touched.keys == [] and touched.cursor()["harbour.json"]["m"] == before.st_mtime_ns + 10**9
    # Other bytes of the same size under the old mtime: the cursor trusts the stat and does not hash;
    # the stored index keeps no stat, so it hashes and sees the edit.
    path.write_text(path.read_text().replace("Rotterdam", "Amsterdam"))
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns + 10**9))
    assert again(small_inbox, touched).keys == []
    from_index = detect_changes(small_inbox, known_from_index(as_index(first)), max_bytes=5_000_000)
    assert from_index.counts["changed"] == 1 and from_index.keys[0].startswith("harbour.json@")


def test_the_index_rereads_a_quarantined_file_and_counts_it_unchanged(small_inbox):
    first = detect_changes(small_inbox, {}, max_bytes=5_000_000, start=dt.date(2000, 1, 1))
    second = detect_changes(small_inbox, known_from_index(as_index(first)), max_bytes=5_000_000)
    assert second.counts == {"new": 0, "changed": 0, "unchanged": 3, "removed": 0}
    broken = next(f for f, _ in second.files if f.path == "broken.json")
    assert broken.status == "quarantined" and broken.fingerprint == fingerprint(small_inbox / "broken.json")


def test_a_file_that_cannot_be_hashed_is_quarantined_once_not_at_every_look(small_inbox):
    os.mkfifo(small_inbox / "pipe.txt")
    first = detect_changes(small_inbox, {}, max_bytes=5_000_000)
    pipe = next(f for f in first.entries if f.path == "pipe.txt")
    assert pipe.kind == "new" and pipe.fingerprint is None and pipe.row.status == "quarantined"
    assert "not a regular file" in pipe.row.reason
    assert again(small_inbox, first).keys == []
    from_index = detect_changes(small_inbox, known_from_index(as_index(first)), max_bytes=5_000_000)
    assert from_index.keys == [] and len(from_index.files) == 4
