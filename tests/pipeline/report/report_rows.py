"""Hand-built timeline entries for the report tests: three stories, a merged entry, a range, an undated one."""

from __future__ import annotations

import datetime as dt

from pipeline.models import Participant
from pipeline.report import ReportEvent, SourceLink

D = dt.date


def source(aid: str, title: str, url: str | None = None) -> SourceLink:
    return SourceLink(article_id=aid, title=title, href=url or f"file:///inbox/{aid}.txt", source_file=f"{aid}.txt",
                      published=D(2025, 9, 4))


def event(eid: str, day: dt.date | None, trigger: str, sentence: str, participants: list[Participant],
          sources: list[SourceLink], *, end: dt.date | None = None, basis: str = "explicit", **kw) -> ReportEvent:
    return ReportEvent(entry_id=eid, date_start=day, date_end=end or day, date_basis=basis if day else "none",
                       trigger=trigger, sentence=sentence, participants=participants, sources=sources, **kw)


def P(text: str, label: str | None, role: str = "participant") -> Participant:
    return Participant(text=text, label=label, role=role)


METRO_1, METRO_2 = source("metro-1", "Lisbon metro workers strike"), source("metro-2", "Metro deal reached")
ORBIS = source("orbis", "Orbis launch slips", "https://news.example.org/orbis")
HARBOUR = source("harbour", "Harbour cleanup")


def entries() -> list[ReportEvent]:
    return [
        event("m1", D(2025, 9, 1), "struck", "Metro workers struck on Monday in Lisbon.",
              [P("Metropolitano de Lisboa", "ORG", "agent"), P("Lisbon", "GPE", "place")], [METRO_1],
              agent="Metro workers", place="Lisbon"),
        event("m2", D(2025, 9, 5), "signed", "The union and Metropolitano de Lisboa signed a deal on Friday.",
              [P("Metropolitano de Lisboa", "ORG", "patient"), P("the union", None, "agent")], [METRO_2],
              agent="the union", patient="a deal"),
        event("m3", D(2025, 9, 5), "ended", "The strike ended the same day.", [P("the strike", None, "agent")],
              [METRO_2], basis="narrative"),
        event("o1", D(2025, 9, 8), "launch", "Orbis will launch its Kestrel satellite next week.",
              [P("Orbis", "ORG", "agent"), P("Kestrel", "PRODUCT", "patient")], [ORBIS],
              end=D(2025, 9, 14), modality="expected", agent="Orbis"),
        # a merged entry: one happening reported by two articles
        event("h1", D(2025, 9, 3), "cleaned", "Volunteers cleaned the harbour in Lisbon <b>on Wednesday</b>.",
              [P("Volunteers", None, "agent"), P("Lisbon", "GPE", "place")], [HARBOUR, source("harbour-2", "Cleanup")],
              basis="publication"),
        event("u1", None, "promised", "Officials promised more inspections.", [P("Officials", None, "agent")], [HARBOUR]),
    ]
