"""The steps the Dagster assets (and the benchmarks) call: index the inbox, load a day's articles,
analyse what changed and write it. No Dagster here: each step is plain Python over the store."""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterable, Sequence


from pipeline.models import Analysis, Article, ArticleFile
from pipeline.readers import file_sha256, read_file, scan_inbox, sidecar_for
from pipeline import progress, store


@dataclass(slots=True)
class IndexSummary:
    """What indexing the inbox found: each file with the days its articles belong to."""

    files: list[tuple[ArticleFile, list[dt.date]]] = field(default_factory=list)
    new: int = 0
    changed: int = 0
    unchanged: int = 0
    removed: int = 0

    @property
    def quarantined(self) -> list[ArticleFile]:
        return [f for f, _ in self.files if f.status == "quarantined"]

    @property
    def days(self) -> list[dt.date]:
        return sorted({d for _, days in self.files for d in days})

    def changed_days(self, previous: dict[str, dict[str, Any]]) -> list[dt.date]:
        """Days whose files were added, changed or removed since `previous`."""
        out: set[dt.date] = set()
        seen = set()
        for f, days in self.files:
            seen.add(f.path)
            old = previous.get(f.path)
            if old is None or old["fingerprint"] != f.fingerprint:
                out.update(days)
                if old is not None:
                    out.update(old["days"] or [])
        for path, old in previous.items():
            if path not in seen:
                out.update(old["days"] or [])
        return sorted(out)


def fingerprint(path: Path) -> str:
    """What decides whether a file changed: its bytes, and those of its sidecar when it has one."""
    digest = file_sha256(path)
    sidecar = sidecar_for(path)
    if sidecar is None:
        return digest
    return hashlib.sha256(f"{digest}+{file_sha256(sidecar)}".encode()).hexdigest()


def _clip_days(result_file: ArticleFile, articles: list[Article], start: dt.date) -> list[dt.date]:
    days = sorted({a.partition_day for a in articles if a.partition_day is not None})
    early = [d for d in days if d < start]
    if early:
        note = f"{result_file.path}: {len(early)} day(s) before the partition start {start} are not processed"
        result_file.reason = f"{result_file.reason}; {note}" if result_file.reason else note
        if result_file.status == "ok":
            result_file.status = "partial"
    return [d for d in days if d >= start]


def index_inbox(
    inbox: Path,
    previous: dict[str, dict[str, Any]],
    *,
    max_bytes: int,
    start: dt.date,
    today: dt.date | None = None,
) -> IndexSummary:
    """Index every inbox file. A file whose hash is unchanged keeps its stored row without a re-read."""
    inbox = Path(inbox)
    summary = IndexSummary()
    seen: set[str] = set()
    for path in scan_inbox(inbox):
        rel = path.relative_to(inbox).as_posix()
        seen.add(rel)
        old = previous.get(rel)
        if old is not None and old["status"] != "quarantined" and path.is_file() and not path.is_symlink():
            try:
                digest = fingerprint(path)
            except OSError:
                digest = None
            if digest is not None and digest == old["fingerprint"]:
                summary.unchanged += 1
                summary.files.append(
                    (
                        ArticleFile(
                            path=rel, file_hash=old["file_hash"], size_bytes=old["size_bytes"], mtime=old["mtime"],
                            format=old["format"], status=old["status"], reason=old["reason"],
                            n_articles=old["n_articles"], fingerprint=digest,
                        ),
                        list(old["days"] or []),
                    )
                )
                continue
        result = read_file(path, inbox, max_bytes=max_bytes, today=today)
        days = _clip_days(result.file, result.articles, start)
        try:
            result.file.fingerprint = fingerprint(path)
        except OSError:
            result.file.fingerprint = None
        if old is None:
            summary.new += 1
        elif old["fingerprint"] == result.file.fingerprint:
            summary.unchanged += 1
        else:
            summary.changed += 1
        summary.files.append((result.file, days))
    summary.removed = len(set(previous) - seen)
    return summary


def load_articles(
    inbox: Path, files: Iterable[tuple[str, Sequence[dt.date]]], days: Sequence[dt.date], *, max_bytes: int,
    today: dt.date | None = None,
) -> list[Article]:
    """Read the articles of `days` from the inbox files the index places on those days."""
    wanted = set(days)
    articles: list[Article] = []
    for rel, file_days in files:
        if not wanted.intersection(file_days):
            continue
        result = read_file(Path(inbox) / rel, Path(inbox), max_bytes=max_bytes, today=today)
        articles += [a for a in result.articles if a.partition_day in wanted]
    return articles


@dataclass(slots=True)
class AnalysisSummary:
    analysed: int = 0
    unchanged: int = 0
    removed: int = 0
    counts: dict[str, int] = field(default_factory=dict)


def day_batches(articles: Sequence[Article], max_articles: int) -> list[list[dt.date]]:
    """Consecutive groups of whole days holding about `max_articles` articles each (at least one day)."""
    per_day: dict[dt.date, int] = {}
    for a in articles:
        per_day[a.partition_day] = per_day.get(a.partition_day, 0) + 1
    batches: list[list[dt.date]] = []
    current: list[dt.date] = []
    size = 0
    for day in sorted(per_day):
        if current and size + per_day[day] > max_articles:
            batches.append(current)
            current, size = [], 0
        current.append(day)
        size += per_day[day]
    if current:
        batches.append(current)
    return batches


def analyse_days(
    con_factory: Callable[[], Any],
    days: Sequence[dt.date],
    analyze: Callable[[Iterable[Article]], Iterable[Analysis]],
    version: str,
    run_id: str | None,
    *,
    force: bool = False,
    batch_articles: int = 500,
) -> AnalysisSummary:
    """Analyse the articles of `days` whose content or extractor version changed, then write them.

    `con_factory` opens the migrated database (a context manager: `store.open_db`, or the assets'
    `open_store`), briefly: to read what is there, then once per
    batch of whole days to write it. All NLP work happens in between with no connection open (design
    §6), and each batch is one transaction, so memory stays bounded and no day is ever half-written.
    """
    with con_factory() as con:
        articles = store.articles_for_days(con, days)
        state = store.analysis_state(con, days)
    current = {a.article_id for a in articles}
    summary = AnalysisSummary(removed=len(set(state) - current))
    todo = [a for a in articles if force or state.get(a.article_id) != (a.content_hash, version)]
    summary.unchanged = len(articles) - len(todo)
    progress.report("analyse", 0, len(todo))
    todo_days = day_batches(todo, batch_articles)
    # Days with nothing to analyse still lose the rows of articles that left them.
    idle_days = sorted(set(days) - {d for batch in todo_days for d in batch})
    batches = [idle_days, *todo_days] if idle_days else todo_days
    for number, batch in enumerate(batches, start=1):
        wanted = set(batch)
        batch_todo = [a for a in todo if a.partition_day in wanted]
        batch_current = {a.article_id for a in articles if a.partition_day in wanted}
        analyses = []
        for analysis in analyze(batch_todo):
            analyses.append(analysis)
            progress.report("analyse", 1)
        with con_factory() as con:
            counts = store.write_analyses(con, batch, batch_current, analyses, version, run_id,
                                          refresh_entries=number == len(batches))
        summary.analysed += len(batch_todo)
        for key, value in counts.items():
            summary.counts[key] = summary.counts.get(key, 0) + value
    return summary


@dataclass(slots=True)
class InboxChanges:
    """Files added, edited or removed since a known state, and the publication days they touch."""

    state: dict[str, dict]  # rel path -> {"m": mtime_ns, "s": size, "h": sha256, "d": [ISO days]}
    changed: list[str]  # "path@hash" or "path@removed"
    days: set[dt.date]


def _stat_key(path: Path) -> tuple[int, int]:
    """mtime and size of a file and its sidecar together: equal keys mean nothing to re-hash."""
    stat = path.stat()
    sidecar = sidecar_for(path)
    if sidecar is None:
        return stat.st_mtime_ns, stat.st_size
    side = sidecar.stat()
    return max(stat.st_mtime_ns, side.st_mtime_ns), stat.st_size + side.st_size + 1


def detect_changes(inbox: Path, known: dict[str, dict], *, max_bytes: int, today: dt.date | None = None) -> InboxChanges:
    """Compare the inbox with `known` (a sensor cursor, or the stored index).

    A file whose size and mtime match is not even hashed; a file whose hash changed is read to learn
    the days of its articles; a removed file's old days count as touched.
    """
    inbox = Path(inbox)
    state: dict[str, dict] = {}
    changed: list[str] = []
    days: set[dt.date] = set()
    for path in scan_inbox(inbox):
        rel = path.relative_to(inbox).as_posix()
        try:
            mtime, size = _stat_key(path)
        except OSError:
            continue
        old = known.get(rel)
        if old and old.get("m") == mtime and old.get("s") == size:
            state[rel] = old
            continue
        try:
            digest = fingerprint(path)
        except OSError:
            continue
        if old and old.get("h") == digest:
            state[rel] = {**old, "m": mtime, "s": size}
            continue
        result = read_file(path, inbox, max_bytes=max_bytes, today=today)
        file_days = sorted({a.partition_day for a in result.articles if a.partition_day})
        state[rel] = {"m": mtime, "s": size, "h": digest, "d": [d.isoformat() for d in file_days]}
        changed.append(f"{rel}@{digest}")
        days.update(file_days)
        if old:
            days.update(dt.date.fromisoformat(d) for d in old.get("d", []))
    for rel in set(known) - set(state):
        changed.append(f"{rel}@removed")
        days.update(dt.date.fromisoformat(d) for d in known[rel].get("d", []))
    return InboxChanges(state=state, changed=changed, days=days)


def known_from_index(index: dict[str, dict[str, Any]]) -> dict[str, dict]:
    """The stored inbox index in the shape `detect_changes` compares against (hashes, no mtimes)."""
    return {
        path: {"h": row["fingerprint"], "d": [d.isoformat() for d in (row["days"] or [])]}
        for path, row in index.items()
        if row["status"] != "quarantined"
    }


def day_ranges(days: Iterable[dt.date], max_gap: int = 3) -> list[tuple[dt.date, dt.date]]:
    """Group days into ranges, split where more than `max_gap` days lie between two of them.

    One run per range: a run over a range pays for every partition in it, so an article that arrived
    today beside a corpus of last year is two small runs, not one over every day in between.
    """
    ranges: list[tuple[dt.date, dt.date]] = []
    for day in sorted(set(days)):
        if ranges and (day - ranges[-1][1]).days <= max_gap:
            ranges[-1] = (ranges[-1][0], day)
        else:
            ranges.append((day, day))
    return ranges
