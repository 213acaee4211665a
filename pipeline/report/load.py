"""Reading the report's entries from the store: `timeline_entries` with participants and sources."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from urllib.parse import urlparse

import duckdb

from pipeline.models import Participant
from pipeline.report.model import ReportEvent, SourceLink

ROLE_ORDER = {"agent": 0, "patient": 1, "participant": 2, "speaker": 3, "place": 4}

_ENTRIES = """
SELECT entry_id, date_start, date_end, date_basis, trigger, lemma, agent, patient, place, modality,
       sentence, article_ids, event_ids
FROM timeline_entries
WHERE headline  -- the headline timeline (pipeline/headline.py), as `timeline show` prints it
ORDER BY coalesce(date_start, date_end) NULLS LAST, date_end, entry_id
"""
_PARTICIPANTS = "SELECT event_id, text, label, role FROM event_participants ORDER BY event_id, role, text"
_ARTICLES = "SELECT article_id, title, url, source_file, published, source FROM articles"


def article_href(url: str | None, source_file: str, inbox: Path | None) -> str | None:
    """The article's own http(s) url, else a file:// link to its inbox file (None without an inbox).

    Other schemes (javascript:, data:) are never linked: the url comes from the article's metadata.
    """
    if url and urlparse(url.strip()).scheme in ("http", "https"):
        return url.strip()
    if inbox is not None:
        return (Path(inbox) / source_file).resolve().as_uri()
    return None


def load_events(con: duckdb.DuckDBPyConnection, inbox: Path | None = None) -> list[ReportEvent]:
    """Every timeline entry, earliest first, with the participants of its events and its articles."""
    participants: dict[str, list[Participant]] = {}
    for event_id, text, label, role in con.execute(_PARTICIPANTS).fetchall():
        participants.setdefault(event_id, []).append(Participant(text=text, label=label, role=role))
    sources: dict[str, SourceLink] = {}
    for article_id, title, url, source_file, published, outlet in con.execute(_ARTICLES).fetchall():
        sources[article_id] = SourceLink(
            article_id=article_id, title=title, href=article_href(url, source_file, inbox),
            source_file=source_file, published=published, outlet=outlet,
        )
    events = []
    for row in con.execute(_ENTRIES).fetchall():
        (entry_id, start, end, basis, trigger, lemma, agent, patient, place, modality, sentence,
         article_ids, event_ids) = row
        events.append(ReportEvent(
            entry_id=entry_id, date_start=_date(start), date_end=_date(end), date_basis=basis or "none",
            trigger=trigger or "", sentence=sentence or "", lemma=lemma, agent=agent, patient=patient,
            place=place, modality=modality or "asserted",
            participants=_merge_participants(participants.get(e, []) for e in event_ids),
            sources=[sources[a] for a in article_ids if a in sources],
        ))
    return events


def _date(value) -> dt.date | None:
    if value is None or isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        return value
    return value.date() if isinstance(value, dt.datetime) else dt.date.fromisoformat(str(value))


def _merge_participants(groups) -> list[Participant]:
    """The participants of all events of an entry, each name once, agents first."""
    merged: dict[str, Participant] = {}
    for group in groups:
        for p in group:
            key = " ".join(p.text.lower().split())
            known = merged.get(key)
            if known is None or ROLE_ORDER.get(p.role, 9) < ROLE_ORDER.get(known.role, 9):
                merged[key] = p
    return sorted(merged.values(), key=lambda p: (ROLE_ORDER.get(p.role, 9), p.text.lower()))
