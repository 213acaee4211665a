"""The records that flow through the pipeline, shared by readers, tagger, events and store.

Plain dataclasses so that the pure logic can be tested without spaCy, DuckDB or Dagster; the store
turns lists of them into Arrow tables for bulk writes.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Literal

FileStatus = Literal["ok", "partial", "quarantined"]
PubDateSource = Literal["metadata", "sidecar", "html", "dateline", "url", "filename", "none"]
TimexType = Literal["DATE", "TIME", "DURATION", "SET"]
DateBasis = Literal["explicit", "narrative", "publication", "none"]
Modality = Literal["asserted", "negated", "reported", "expected", "hypothetical"]


@dataclass(slots=True)
class Article:
    """One article as read from the inbox (a JSONL file holds many, every other format one)."""

    article_id: str  # stable: derived from the file's path inside the inbox and the item index
    source_file: str  # path relative to the inbox, POSIX separators
    file_hash: str  # sha256 of the whole file's bytes
    item_index: int  # 0 for single-article files; the line number (0-based) for JSONL
    content_hash: str  # sha256 of this article's title, text and publication metadata
    title: str | None
    text: str  # body text; every character offset in the project points into this string
    published: dt.date | None
    pub_date_source: PubDateSource
    pub_date_raw: str | None  # the string the date was read from, as the source wrote it
    url: str | None = None
    source: str | None = None  # outlet or site name
    place: str | None = None  # dateline place ("WASHINGTON —")
    external_id: str | None = None  # an id the source itself gave (JSON "id")
    arrived: dt.date | None = None  # the day the file arrived (mtime), used when `published` is None

    @property
    def partition_day(self) -> dt.date | None:
        """The publication day, else the day the file arrived (design §2)."""
        return self.published or self.arrived


@dataclass(slots=True)
class ArticleFile:
    """The index row of one inbox file: what it is, and whether it was read or quarantined."""

    path: str  # relative to the inbox
    file_hash: str | None  # None when the file could not even be read
    size_bytes: int | None
    mtime: dt.datetime | None
    format: str | None  # txt, md, json, jsonl, html
    status: FileStatus
    reason: str | None  # names the file and the problem when status != "ok"
    n_articles: int = 0
    fingerprint: str | None = None  # hash of the file and its sidecar: what decides that it changed


@dataclass(slots=True)
class ReadResult:
    """What a reader makes of one file: its index row and the articles it yielded."""

    file: ArticleFile
    articles: list[Article] = field(default_factory=list)


@dataclass(slots=True)
class Timex:
    """A temporal expression found in a text and normalized to TIMEX3 (design §4)."""

    start: int  # character offsets into the article text; text[start:end] == self.text
    end: int
    text: str
    type: TimexType
    value: str | None  # TIMEX3 value (2025-09-04, 2025-W37, P30D, PRESENT_REF...); None if unresolved
    range_start: dt.date | None = None  # inclusive calendar range, for DATE (and TIME) values
    range_end: dt.date | None = None
    granularity: str | None = None  # day, week, weekend, month, quarter, season, half, year, decade, century, time
    mod: str | None = None  # TIMEX3 mod: START, MID, END, APPROX, BEFORE, AFTER...
    rule: str = ""  # the rule that found / resolved it
    anchor: str | None = None  # the date (ISO) it was resolved against, if relative
    anchor_kind: str | None = None  # "publication", "narrative", "event" ("the day after his death"), "speech" (a quotation's "today") or None
    relative: bool = False  # needs an anchor to resolve
    resolved: bool = True  # False when relative and no anchor was available
    # Both ends of a range ("May 8-10", "from 2011 to 2017") carry the offsets of the whole range:
    # an event dated by either end is dated by the stretch (pipeline/temporal/ranges.py).
    interval_start: int | None = None
    interval_end: int | None = None


@dataclass(slots=True)
class Participant:
    """A named participant of an event, with its role."""

    text: str
    label: str | None  # spaCy entity label (PERSON, ORG, GPE...) or None for a plain noun phrase
    role: str  # agent, patient, participant, place, speaker


@dataclass(slots=True)
class Event:
    """A predicate with who, what, where, when and how sure (design §5)."""

    start: int  # trigger offsets into the article text
    end: int
    text: str
    lemma: str
    pos: str  # VERB or NOUN
    sentence: str
    sent_start: int
    sent_end: int
    agent: str | None = None
    patient: str | None = None
    place: str | None = None
    timex_start: int | None = None  # offsets of the temporal expression that dates it
    timex_end: int | None = None
    timex_value: str | None = None
    date_start: dt.date | None = None
    date_end: dt.date | None = None
    date_basis: DateBasis = "none"
    modality: Modality = "asserted"
    quoted: bool = False
    speaker: str | None = None
    participants: list[Participant] = field(default_factory=list)
    rule: str = ""


@dataclass(slots=True)
class Analysis:
    """Everything one spaCy pass over one article yields."""

    article: Article
    timexes: list[Timex]
    events: list[Event]
