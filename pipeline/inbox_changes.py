"""What changed in the inbox since a known state: one notion for the index asset, the sensor and `timeline run`.

A file is unchanged when its mtime and size (its sidecar's included) match the known ones, or else when
its fingerprint (the hash of its bytes and its sidecar's) does; only the stat is free, so the hash is
computed just for files whose stat changed or is not known. A file that is new or changed is read once,
to learn its index row and the days of its articles (the articles themselves are not kept).

The known state comes from a sensor cursor (stat, fingerprint, days) or from the stored inbox index
(fingerprint, days and the whole row, but no stat: the index does not record the sidecar's).
"""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from pipeline.models import ArticleFile
from pipeline.readers import file_sha256, read_file, scan_inbox, sidecar_for

StatKey = tuple[int, int]
Kind = Literal["new", "changed", "unchanged"]


def fingerprint(path: Path) -> str:
    """What decides whether a file changed: its bytes, and those of its sidecar when it has one."""
    digest = file_sha256(path)
    sidecar = sidecar_for(path)
    if sidecar is None:
        return digest
    return hashlib.sha256(f"{digest}+{file_sha256(sidecar)}".encode()).hexdigest()


def stat_key(path: Path) -> StatKey:
    """mtime and size of a file and its sidecar together: equal keys mean nothing to re-hash."""
    stat = path.stat()
    sidecar = sidecar_for(path)
    if sidecar is None:
        return stat.st_mtime_ns, stat.st_size
    side = sidecar.stat()
    return max(stat.st_mtime_ns, side.st_mtime_ns), stat.st_size + side.st_size + 1


@dataclass(slots=True, frozen=True)
class KnownFile:
    """What was known of one inbox file the last time it was looked at."""

    fingerprint: str | None
    days: tuple[dt.date, ...] = ()
    stat: StatKey | None = None  # None when not known: the file is then hashed
    row: ArticleFile | None = None  # its stored index row, reused while the file is unchanged
    reread: bool = False  # read even when unchanged: its row is a quarantine that may no longer hold


@dataclass(slots=True)
class InboxFile:
    """One file now in the inbox, and whether it is new, changed or unchanged since the known state."""

    path: str  # relative to the inbox
    kind: Kind
    fingerprint: str | None  # None when the file could not be hashed (unreadable, vanished, a FIFO...)
    stat: StatKey | None
    days: list[dt.date]  # the days of its articles now
    previous_days: tuple[dt.date, ...] = ()  # the days they were on before, for a changed file
    row: ArticleFile | None = None  # fresh when the file was read, else the known row (None from a cursor)


@dataclass(slots=True)
class InboxChanges:
    """Every file of the inbox compared with a known state, and the known files that are gone."""

    entries: list[InboxFile] = field(default_factory=list)  # in path order
    removed: dict[str, tuple[dt.date, ...]] = field(default_factory=dict)  # path -> the days it had

    @property
    def counts(self) -> dict[str, int]:
        """How many files are new, changed, unchanged and removed."""
        out = {"new": 0, "changed": 0, "unchanged": 0}
        for f in self.entries:
            out[f.kind] += 1
        return {**out, "removed": len(self.removed)}

    @property
    def keys(self) -> list[str]:
        """One "path@fingerprint" per new or changed file and "path@removed" per removed one."""
        keys = [f"{f.path}@{f.fingerprint}" for f in self.entries if f.kind != "unchanged"]
        return keys + [f"{path}@removed" for path in self.removed]

    @property
    def days(self) -> list[dt.date]:
        """The days touched: those of new and changed files (before and after), and of removed ones."""
        out: set[dt.date] = set()
        for f in self.entries:
            if f.kind != "unchanged":
                out.update(f.days)
                out.update(f.previous_days)
        for days in self.removed.values():
            out.update(days)
        return sorted(out)

    @property
    def all_days(self) -> list[dt.date]:
        """The days of every file now in the inbox."""
        return sorted({d for f in self.entries for d in f.days})

    @property
    def files(self) -> list[tuple[ArticleFile, list[dt.date]]]:
        """The inbox index to store: each file's row with its days (all files when known from the index)."""
        return [(f.row, f.days) for f in self.entries if f.row is not None]

    @property
    def quarantined(self) -> list[ArticleFile]:
        return [row for row, _ in self.files if row.status == "quarantined"]

    def cursor(self) -> dict[str, dict]:
        """The state to compare with next time, as a sensor cursor (JSON-ready)."""
        return {
            f.path: {
                "m": f.stat[0] if f.stat else None,
                "s": f.stat[1] if f.stat else None,
                "h": f.fingerprint,
                "d": [d.isoformat() for d in f.days],
            }
            for f in self.entries
        }


def known_from_cursor(cursor: dict[str, dict]) -> dict[str, KnownFile]:
    """A sensor cursor (written by `InboxChanges.cursor`) as the known state."""
    return {
        path: KnownFile(
            fingerprint=entry.get("h"),
            days=tuple(dt.date.fromisoformat(d) for d in entry.get("d", [])),
            stat=(entry["m"], entry["s"]) if entry.get("m") is not None and entry.get("s") is not None else None,
        )
        for path, entry in cursor.items()
    }


def known_from_index(index: dict[str, dict[str, Any]]) -> dict[str, KnownFile]:
    """The stored inbox index (`store.indexed_files`) as the known state."""
    known: dict[str, KnownFile] = {}
    for path, row in index.items():
        stored = ArticleFile(
            path=path, file_hash=row["file_hash"], size_bytes=row["size_bytes"], mtime=row["mtime"],
            format=row["format"], status=row["status"], reason=row["reason"], n_articles=row["n_articles"],
            fingerprint=row["fingerprint"],
        )
        known[path] = KnownFile(
            fingerprint=row["fingerprint"], days=tuple(row["days"] or []), row=stored,
            reread=row["status"] == "quarantined",
        )
    return known


def _clip_days(row: ArticleFile, days: list[dt.date], start: dt.date) -> list[dt.date]:
    """Drop the days before the partition start, and say so on the file's row."""
    early = [d for d in days if d < start]
    if early:
        note = f"{row.path}: {len(early)} day(s) before the partition start {start} are not processed"
        row.reason = f"{row.reason}; {note}" if row.reason else note
        if row.status == "ok":
            row.status = "partial"
    return [d for d in days if d >= start]


def detect_changes(
    inbox: Path,
    known: dict[str, KnownFile],
    *,
    max_bytes: int,
    start: dt.date | None = None,
    today: dt.date | None = None,
) -> InboxChanges:
    """Compare every inbox file with `known` (see `known_from_cursor`, `known_from_index`).

    Stat first, then the fingerprint, and only a file whose fingerprint changed (or whose known row is
    a quarantine, or which is a symlink or not a regular file) is read. A file that cannot be stat'ed
    or hashed is still read, so that its index row says why it is quarantined. With `start`, days
    before it are left out and noted on the row (the partition start of the index asset).
    """
    inbox = Path(inbox)
    changes = InboxChanges()
    for path in scan_inbox(inbox):
        rel = path.relative_to(inbox).as_posix()
        old = known.get(rel)
        try:
            stat: StatKey | None = stat_key(path)
        except OSError:
            stat = None
        if old is not None and not old.reread and stat is not None and old.stat == stat:
            changes.entries.append(InboxFile(rel, "unchanged", old.fingerprint, stat, list(old.days), row=old.row))
            continue
        try:
            digest: str | None = fingerprint(path)
        except OSError:
            digest = None
        same = old is not None and old.fingerprint == digest
        if same and not old.reread and digest is not None and path.is_file() and not path.is_symlink():
            changes.entries.append(InboxFile(rel, "unchanged", digest, stat, list(old.days), row=old.row))
            continue
        result = read_file(path, inbox, max_bytes=max_bytes, today=today)
        result.file.fingerprint = digest
        days = sorted({a.partition_day for a in result.articles if a.partition_day is not None})
        if start is not None:
            days = _clip_days(result.file, days, start)
        kind: Kind = "new" if old is None else "unchanged" if same else "changed"
        previous = old.days if old is not None else ()
        changes.entries.append(InboxFile(rel, kind, digest, stat, days, previous, result.file))
    seen = {f.path for f in changes.entries}
    changes.removed = {path: old.days for path, old in known.items() if path not in seen}
    return changes
