"""The rendered page: self-contained, every entry drawn and listed, text escaped, links safe."""

from __future__ import annotations

import datetime as dt
import json
import re

from pipeline.report import group_stories, render_page
from pipeline.report.figure import build_figure, initial_range
from pipeline.report.load import article_href

from tests.pipeline.report.report_rows import entries


def test_figure_draws_every_dated_entry_once_and_bars_for_ranges():
    stories = group_stories(entries())
    fig = build_figure(stories)
    markers = [t for t in fig.data if t.mode == "markers"]
    drawn = [c[2] for t in markers for c in t.customdata]
    assert sorted(drawn) == ["h1", "m1", "m2", "m3", "o1"]  # u1 is undated: listed, not drawn
    bars = [t for t in fig.data if t.mode == "lines"]
    assert len(bars) == 1 and str(bars[0].x[0]) == "2025-09-08"  # the Orbis launch week
    ticks = fig.layout.yaxis.ticktext
    assert sorted(ticks) == ["Harbour cleanup (1)", "Lisbon metro workers strike (3)", "Orbis launch slips (1)"]


def test_page_is_self_contained_and_lists_every_entry_with_its_sources():
    html = render_page(group_stories(entries()), title="Test timeline")
    assert not re.search(r"<script[^>]+src=", html)  # plotly.js is inlined, nothing is fetched
    assert "<link" not in html
    assert "Plotly.newPlot" in html and len(html) > 1_000_000  # the whole library is in the page
    rows = re.findall(r'<tr class="event" id="entry-(\w+)"', html)
    assert sorted(rows) == ["h1", "m1", "m2", "m3", "o1", "u1"]
    assert 'href="https://news.example.org/orbis"' in html
    assert 'href="file:///inbox/harbour-2.txt"' in html  # both sources of the merged entry
    assert "Metro workers struck on Monday in Lisbon." in html
    assert "6 entries (5 dated) in 3 stories from 5 articles, 2025-09-01 to 2025-09-14" in html
    assert "3 entries from 2 articles; names: Metropolitano de Lisboa, Lisbon" in html


def test_article_text_is_escaped_in_the_list_and_in_the_tooltips():
    html = render_page(group_stories(entries()))
    assert "<b>on Wednesday</b>" not in html.split("Plotly.newPlot")[-1].split("</script>", 1)[-1]
    assert "harbour in Lisbon &lt;b&gt;on Wednesday&lt;/b&gt;." in html
    fig = build_figure(group_stories(entries()))
    tips = [c[0] for t in fig.data if t.mode == "markers" for c in t.customdata]
    harbour = next(t for t in tips if "Volunteers" in t)
    assert "&lt;b&gt;on Wednesday&lt;/b&gt;" in harbour and "source: Harbour cleanup" in harbour
    json.dumps(tips)  # plain strings, serialisable into the page


def test_links_use_http_urls_else_the_inbox_file_and_never_other_schemes(tmp_path):
    assert article_href("https://example.org/a", "a.txt", tmp_path) == "https://example.org/a"
    assert article_href("javascript:alert(1)", "sub/a b.txt", tmp_path) == (tmp_path / "sub/a b.txt").resolve().as_uri()
    assert article_href(None, "a.txt", None) is None


def test_an_empty_timeline_still_renders_a_page():
    html = render_page([])
    assert "0 entries (0 dated) in 0 stories" in html and "No dated events yet" in html


def test_the_chart_opens_on_the_bulk_of_the_dates_when_a_few_are_far_off():
    many = entries()
    many[0].date_start = many[0].date_end = dt.date(1989, 1, 1)
    first, last = initial_range([e for e in many if e.dated][:5] + [e for e in entries() if e.dated] * 10)
    assert first > dt.date(2025, 1, 1) and last < dt.date(2025, 10, 1)
    fig = build_figure(group_stories(many))
    assert fig.layout.xaxis.range[0] > "2025" and fig.layout.xaxis.rangeslider.visible
    # without outliers every date is in view
    first, last = initial_range([e for e in entries() if e.dated])
    assert first <= dt.date(2025, 9, 1) and last > dt.date(2025, 9, 14)
