"""The time-axis chart: one band per story, one marker per dated entry, drawn by Plotly.

A multi-day entry ("last week", "in September") is a bar from its first to its last day with its
marker in the middle. Entries of a story that would sit on top of each other are put on separate
lanes of the story's band. Hovering shows the participants and the sentence; clicking opens the
article (the page's script reads `customdata[1]`).
"""

from __future__ import annotations

import datetime as dt
import html
import textwrap
from typing import Sequence

import plotly.graph_objects as go
from plotly.colors import qualitative

from pipeline.report.model import ReportEvent, Story

PALETTE = qualitative.Plotly + qualitative.D3
SYMBOLS = {"explicit": "circle", "narrative": "diamond", "publication": "circle-open"}
MAX_LANES = 6  # beyond this, crowded entries of a story share lanes
ROW_PX, MARGIN_PX = 26, 150


def _middle(event: ReportEvent) -> dt.date:
    end = event.date_end or event.date_start
    return event.date_start + (end - event.date_start) / 2


def assign_lanes(events: Sequence[ReportEvent], gap_days: float) -> list[int]:
    """A lane per entry (in input order) so that entries closer than `gap_days` do not overlap."""
    order = sorted(range(len(events)), key=lambda i: (events[i].date_start, events[i].date_end or events[i].date_start))
    lane_end: list[dt.date] = []
    lanes = [0] * len(events)
    for i in order:
        event = events[i]
        end = event.date_end or event.date_start
        for lane, last in enumerate(lane_end):
            if (event.date_start - last).days > gap_days:
                lanes[i], lane_end[lane] = lane, end
                break
        else:
            if len(lane_end) < MAX_LANES:
                lanes[i] = len(lane_end)
                lane_end.append(end)
            else:
                lanes[i] = min(range(MAX_LANES), key=lambda lane: lane_end[lane])
                lane_end[lanes[i]] = max(lane_end[lanes[i]], end)
    return lanes


def initial_range(dated: Sequence[ReportEvent], share: float = 0.05) -> tuple[dt.date, dt.date]:
    """The dates the chart opens on: all of them, unless a few far-off dates ("in 1989") would squeeze
    the rest into a sliver; then the central 90% of the entries (all but the extremes of a few) (the range slider still shows all)."""
    starts = sorted(e.date_start for e in dated)
    ends = sorted(e.date_end or e.date_start for e in dated)
    low, high = starts[0], ends[-1]
    cut = max(1, int(len(starts) * share)) if len(starts) >= 5 else 0
    core_low, core_high = starts[cut], ends[len(ends) - 1 - cut]
    if (high - low).days > 3 * ((core_high - core_low).days + 14):
        low, high = core_low, core_high
    pad = dt.timedelta(days=max(2, (high - low).days // 20))
    return low - pad, high + pad + dt.timedelta(days=1)


def hover_text(event: ReportEvent) -> str:
    """The tooltip: what, when, who, where, the sentence and the sources (escaped; <br> for lines)."""
    esc = html.escape
    lines = [f"<b>{esc(event.headline or event.trigger)}</b>", f"{esc(event.when)} ({esc(event.date_basis)})"]
    people = [f"{esc(p.text)} <i>{esc(p.role)}</i>" for p in event.participants if p.role != "place"]
    if people:
        lines.append("who: " + ", ".join(people))
    if event.place:
        lines.append("where: " + esc(event.place))
    lines += [esc(line) for line in textwrap.wrap(f"“{event.sentence}”", 90)[:6]]
    for source in event.sources[:4]:
        lines.append("source: " + esc(source.title or source.source_file))
    if len(event.sources) > 4:
        lines.append(f"and {len(event.sources) - 4} more sources")
    return "<br>".join(lines)


def build_figure(stories: Sequence[Story]) -> go.Figure:
    """The chart of the dated entries of `stories` (undated entries are only listed below it)."""
    dated = [e for s in stories for e in s.events if e.dated]
    fig = go.Figure()
    if not dated:
        fig.add_annotation(text="No dated events yet", showarrow=False, x=0.5, y=0.5, xref="paper", yref="paper")
        fig.update_layout(height=300, xaxis={"visible": False}, yaxis={"visible": False})
        return fig
    first, last = initial_range(dated)
    span = (max(e.date_end or e.date_start for e in dated) - min(e.date_start for e in dated)).days
    gap_days = max(0.5, (last - first).days / 70)  # about one marker's width on a page-wide chart
    tickvals, ticktext, row = [], [], 0
    for index, story in enumerate(stories):
        events = [e for e in story.events if e.dated]
        if not events:
            continue
        lanes = assign_lanes(events, gap_days)
        color = PALETTE[index % len(PALETTE)]
        ys = [-(row + lane) for lane in lanes]
        tickvals.append(-row)
        ticktext.append(f"{story.label} ({len(events)})")
        row += max(lanes) + 1
        bar_x, bar_y = [], []
        for event, y in zip(events, ys):
            if event.date_end and event.date_end > event.date_start:
                bar_x += [event.date_start, event.date_end + dt.timedelta(days=1), None]
                bar_y += [y, y, None]
        if bar_x:
            fig.add_trace(go.Scatter(
                x=bar_x, y=bar_y, mode="lines", line={"color": color, "width": 6}, opacity=0.35,
                hoverinfo="skip", legendgroup=str(story.story_id), showlegend=False,
            ))
        fig.add_trace(go.Scatter(
            x=[_middle(e) for e in events], y=ys, mode="markers", name=f"{story.label} ({len(events)})",
            legendgroup=str(story.story_id),
            marker={"color": color, "size": 12, "line": {"width": 1.5, "color": color},
                    "symbol": [SYMBOLS.get(e.date_basis, "square") for e in events]},
            customdata=[[hover_text(e), e.sources[0].href if e.sources else None, e.entry_id] for e in events],
            hovertemplate="%{customdata[0]}<extra></extra>",
        ))
    fig.update_layout(
        height=max(320, MARGIN_PX + ROW_PX * row),
        margin={"l": 10, "r": 10, "t": 30, "b": 40},
        hovermode="closest",
        hoverlabel={"align": "left"},
        showlegend=False,
        plot_bgcolor="white",
        xaxis={"type": "date", "showgrid": True, "gridcolor": "#eee", "range": [first.isoformat(), last.isoformat()],
               "rangeslider": {"visible": span > 60}},
        yaxis={"tickvals": tickvals, "ticktext": ticktext, "range": [-row + 0.4, 0.6], "automargin": True,
               "showgrid": False, "zeroline": False, "fixedrange": True},
    )
    for y in tickvals[1:]:  # a thin line between story bands
        fig.add_hline(y=y + 0.5, line={"color": "#ddd", "width": 1})
    return fig
