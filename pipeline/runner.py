"""The steps the Dagster assets (and the benchmarks) call: index the inbox, load a day's articles,
analyse what changed and write it. No Dagster here: each step is plain Python over the store."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterable, Sequence

from pipeline.inbox_changes import InboxChanges, detect_changes, known_from_index
from pipeline.models import Analysis, Article
from pipeline.readers import read_file
from pipeline import progress, store


def index_inbox(
    inbox: Path,
    previous: dict[str, dict[str, Any]],
    *,
    max_bytes: int,
    start: dt.date,
    today: dt.date | None = None,
) -> InboxChanges:
    """The `article_files` step: the inbox compared with the stored index (`previous`). An unchanged
    file keeps its row without a re-read; days before the partition `start` are left out and noted."""
    return detect_changes(inbox, known_from_index(previous), max_bytes=max_bytes, start=start, today=today)


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
