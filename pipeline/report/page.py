"""The self-contained HTML page: the chart (Plotly's JS inlined, no network) and the list of entries."""

from __future__ import annotations

import datetime as dt
from typing import Sequence

import jinja2
import plotly.io as pio

from pipeline.report.figure import build_figure
from pipeline.report.model import Story

PLOT_ID = "timeline-chart"

# Plotly fills {plot_id}; a click on a marker opens the entry's first article.
_CLICK_SCRIPT = """
var plot = document.getElementById('{plot_id}');
plot.on('plotly_click', function (data) {
  var href = data.points[0].customdata && data.points[0].customdata[1];
  if (href) { window.open(href, '_blank', 'noopener'); }
});
"""

_TEMPLATE = jinja2.Environment(autoescape=True, trim_blocks=True, lstrip_blocks=True).from_string("""\
<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>{{ title }}</title>
<style>
  body { font-family: system-ui, sans-serif; margin: 1.5rem; color: #222; }
  h1 { margin-bottom: .2rem; } .meta { color: #666; margin-top: 0; }
  table { border-collapse: collapse; width: 100%; margin-bottom: 1.5rem; font-size: .92rem; }
  th, td { text-align: left; vertical-align: top; padding: .3rem .5rem; border-bottom: 1px solid #eee; }
  th { background: #fafafa; } td.when { white-space: nowrap; } .role { color: #888; font-size: .8em; }
  .basis { color: #888; font-size: .8em; } blockquote { margin: 0; color: #444; }
  h2 .swatch { display: inline-block; width: .8em; height: .8em; border-radius: 50%; margin-right: .4em; }
  .legend { color: #666; font-size: .9rem; } .story-meta { color: #666; margin-top: -.5rem; }
</style>
</head>
<body>
<h1>{{ title }}</h1>
<p class="meta">{{ n_events }} entries ({{ n_dated }} dated) in {{ stories|length }} stories from {{ n_articles }} articles{% if first %}, {{ first }} to {{ last }}{% endif %}. Generated {{ generated }}.</p>
<p class="legend">One band per story (articles sharing a named person, organisation, product or law).
● dated by its own words, ◆ by the narrative, ○ by the article's publication date; a bar spans a
multi-day date. Hover a marker for who, where and the sentence; click it to open the article.</p>
{{ chart|safe }}
{% for story in stories %}
<section class="story" id="story-{{ story.story_id }}">
<h2><span class="swatch" style="background: {{ colors[loop.index0] }}"></span>{{ story.label }}</h2>
<p class="story-meta">{{ story.events|length }} entries from {{ story.articles|length }} article{{ 's' if story.articles|length != 1 }}{% if story.entities %}; names: {{ story.entities[:6]|join(', ') }}{% endif %}</p>
<table>
<thead><tr><th>when</th><th>event</th><th>who</th><th>where</th><th>sentence</th><th>sources</th></tr></thead>
<tbody>
{% for e in story.events %}
<tr class="event" id="entry-{{ e.entry_id }}" data-date="{{ e.date_start or '' }}">
<td class="when">{{ e.when }}<br><span class="basis">{{ e.date_basis }}</span></td>
<td>{{ e.headline or e.trigger }}</td>
<td>{% for p in e.participants if p.role != 'place' %}{{ p.text }} <span class="role">{{ p.role }}</span>{% if not loop.last %}, {% endif %}{% endfor %}</td>
<td>{{ e.place or '' }}</td>
<td><blockquote>{{ e.sentence }}</blockquote></td>
<td>{% for s in e.sources %}{% if s.href %}<a href="{{ s.href }}" target="_blank" rel="noopener">{{ s.title or s.source_file }}</a>{% else %}{{ s.title or s.source_file }}{% endif %}{% if s.published %} ({{ s.published }}){% endif %}{% if not loop.last %}<br>{% endif %}{% endfor %}</td>
</tr>
{% endfor %}
</tbody>
</table>
</section>
{% endfor %}
</body>
</html>
""")


def render_page(stories: Sequence[Story], *, title: str = "Timeline", generated: dt.datetime | None = None) -> str:
    """The whole page as one string; it opens without any network access."""
    from pipeline.report.figure import PALETTE

    events = [e for s in stories for e in s.events]
    dated = [e for e in events if e.dated]
    chart = pio.to_html(
        build_figure(stories), include_plotlyjs=True, full_html=False, div_id=PLOT_ID,
        post_script=_CLICK_SCRIPT, config={"displaylogo": False, "responsive": True},
    )
    return _TEMPLATE.render(
        title=title, stories=stories, chart=chart, colors=[PALETTE[i % len(PALETTE)] for i in range(len(stories))],
        n_events=len(events), n_dated=len(dated),
        n_articles=len({s.article_id for e in events for s in e.sources}),
        first=min((e.date_start for e in dated), default=None),
        last=max((e.date_end or e.date_start for e in dated), default=None),
        generated=(generated or dt.datetime.now(dt.timezone.utc)).strftime("%Y-%m-%d %H:%M UTC"),
    )
