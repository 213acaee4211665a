"""The HTML timeline report: entries on a time axis, one band per story, with their sources.

`write_report(con, inbox, path)` reads the store and writes one self-contained page (Plotly inlined);
`load_events`, `group_stories` and `render_page` are its steps, each testable on hand-built rows.
"""

from __future__ import annotations

import datetime as dt
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path

import duckdb

from pipeline.report.load import article_href, load_events
from pipeline.report.model import ReportEvent, SourceLink, Story
from pipeline.report.page import render_page
from pipeline.report.stories import group_stories

REPORT_NAME = "timeline_report.html"


def report_path(db: str | Path) -> Path:
    """Where the report of database `db` is written: beside it."""
    return Path(db).resolve().parent / REPORT_NAME


@dataclass(frozen=True, slots=True)
class ReportSummary:
    path: Path
    entries: int
    dated: int
    undated: int
    stories: int
    articles: int
    multi_source: int  # entries reported by more than one article


def write_report(con: duckdb.DuckDBPyConnection, inbox: Path | None, path: Path, *, title: str = "Timeline",
                 generated: dt.datetime | None = None) -> ReportSummary:
    """Render the whole timeline to `path`, replacing the previous page atomically."""
    events = load_events(con, inbox)
    stories = group_stories(events)
    page = render_page(stories, title=title, generated=generated)
    path.parent.mkdir(parents=True, exist_ok=True)
    # A temporary name of its own: two runs may write the report at once (Parquet mode runs day
    # partitions in parallel); the last complete page wins, never half of one.
    fd, partial = tempfile.mkstemp(prefix=path.name + ".", suffix=".partial", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as out:
            out.write(page)
        os.chmod(partial, 0o644)
        os.replace(partial, path)
    except BaseException:
        Path(partial).unlink(missing_ok=True)
        raise
    dated = sum(e.dated for e in events)
    return ReportSummary(
        path=path, entries=len(events), dated=dated, undated=len(events) - dated, stories=len(stories),
        articles=len({s.article_id for e in events for s in e.sources}),
        multi_source=sum(len(e.sources) > 1 for e in events),
    )


__all__ = [
    "REPORT_NAME", "ReportEvent", "ReportSummary", "SourceLink", "Story", "article_href", "group_stories",
    "load_events", "render_page", "report_path", "write_report",
]
