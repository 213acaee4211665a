"""What the report shows: timeline entries with their participants and sources, grouped into stories.

Plain dataclasses so the grouping and the rendering can be tested with rows a test builds by hand.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from pipeline.models import Participant


@dataclass(frozen=True, slots=True)
class SourceLink:
    """One article that reports an entry, and where a reader can open it."""

    article_id: str
    title: str | None
    href: str | None  # the article's http(s) url, else a file:// link to the inbox file
    source_file: str
    published: dt.date | None = None
    outlet: str | None = None


@dataclass(slots=True)
class ReportEvent:
    """One timeline entry: a happening, possibly reported by several articles."""

    entry_id: str
    date_start: dt.date | None
    date_end: dt.date | None
    date_basis: str
    trigger: str
    sentence: str
    lemma: str | None = None
    agent: str | None = None
    patient: str | None = None
    place: str | None = None
    modality: str = "asserted"
    participants: list[Participant] = field(default_factory=list)
    sources: list[SourceLink] = field(default_factory=list)

    @property
    def dated(self) -> bool:
        return self.date_start is not None

    @property
    def headline(self) -> str:
        """'who did what to whom', as short as the extractor's fields allow."""
        words = " ".join(x for x in (self.agent, self.trigger, self.patient) if x)
        if self.modality not in ("asserted", None):
            words += f" ({self.modality})"
        return words

    @property
    def when(self) -> str:
        if self.date_start is None:
            return "undated" if self.date_end is None else f"until {self.date_end.isoformat()}"
        if self.date_end is None:
            return f"from {self.date_start.isoformat()}"
        if self.date_end == self.date_start:
            return self.date_start.isoformat()
        return f"{self.date_start.isoformat()} to {self.date_end.isoformat()}"


@dataclass(slots=True)
class Story:
    """Entries about the same thing: their articles share a distinctive named participant."""

    story_id: int
    label: str
    events: list[ReportEvent]
    entities: list[str] = field(default_factory=list)  # its names, the most widely reported first
    articles: list[SourceLink] = field(default_factory=list)  # earliest published first

    @property
    def first_date(self) -> dt.date | None:
        dates = [e.date_start for e in self.events if e.date_start is not None]
        return min(dates) if dates else None

    @property
    def middle_date(self) -> dt.date | None:
        """The (upper) median start date: where the story mostly happens."""
        dates = sorted(e.date_start for e in self.events if e.date_start is not None)
        return dates[len(dates) // 2] if dates else None
