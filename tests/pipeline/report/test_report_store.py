"""`write_report` over a database filled through the store's own writes (no spaCy, no Dagster)."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from pipeline import store
from pipeline.models import Analysis, Article, Event, Participant
from pipeline.report import load_events, report_path, write_report

DAY = dt.date(2025, 9, 4)


def article(aid: str, text: str, url: str | None = None, day: dt.date = DAY) -> Article:
    return Article(article_id=aid, source_file=f"{aid}.txt", file_hash="h" + aid, item_index=0, content_hash="c" + aid,
                   title=f"Title {aid}", text=text, published=day, pub_date_source="metadata",
                   pub_date_raw=day.isoformat(), url=url)


def met(a: Article, day: dt.date | None) -> Analysis:
    start = a.text.index("met")
    event = Event(start=start, end=start + 3, text="met", lemma="meet", pos="VERB", sentence=a.text, sent_start=0,
                  sent_end=len(a.text), agent="Macron", patient="Merz", date_start=day, date_end=day,
                  date_basis="explicit" if day else "none",
                  participants=[Participant("Macron", "PERSON", "agent"), Participant("Merz", "PERSON", "patient"),
                                Participant("Berlin", "GPE", "place")])
    return Analysis(article=a, timexes=[], events=[event])


@pytest.fixture()
def db(tmp_path):
    path = tmp_path / "data" / "t.duckdb"
    a = article("a", "Macron met Merz on Tuesday in Berlin.", url="https://example.org/a")
    b = article("b", "On Tuesday Macron met Merz.")
    c = article("c", "Later Macron met Merz again.", url="javascript:alert(1)")
    with store.open_db(path) as con:
        store.replace_articles(con, [DAY], [a, b, c], "run-1")
        store.write_analyses(con, [DAY], ["a", "b", "c"],
                             [met(a, dt.date(2025, 9, 2)), met(b, dt.date(2025, 9, 2)), met(c, None)], "v1", "run-1")
    return path


def test_same_happening_in_two_articles_is_one_entry_with_both_links(db, tmp_path):
    inbox = tmp_path / "inbox"
    with store.open_db(db, read_only=True) as con:
        events = load_events(con, inbox)
    dated = [e for e in events if e.dated]
    assert len(events) == 2 and len(dated) == 1
    entry = dated[0]
    assert entry.date_start == dt.date(2025, 9, 2) and entry.trigger == "met"
    assert [s.href for s in entry.sources] == ["https://example.org/a", (inbox / "b.txt").resolve().as_uri()]
    assert [(p.text, p.role) for p in entry.participants] == [("Macron", "agent"), ("Merz", "patient"), ("Berlin", "place")]
    undated = next(e for e in events if not e.dated)
    assert undated.sources[0].href == (inbox / "c.txt").resolve().as_uri()  # a javascript: url is not linked


def test_write_report_writes_the_page_beside_the_database(db, tmp_path):
    path = report_path(db)
    assert path == db.parent / "timeline_report.html"
    with store.open_db(db, read_only=True) as con:
        summary = write_report(con, tmp_path / "inbox", path)
    assert (summary.entries, summary.dated, summary.undated, summary.stories, summary.articles, summary.multi_source) \
        == (2, 1, 1, 1, 3, 1)
    html = path.read_text(encoding="utf-8")
    assert not re.search(r"<script[^>]+src=", html)
    with store.open_db(db, read_only=True) as con:
        sentences = [e.sentence for e in load_events(con)]
    assert all(s in html for s in sentences) and "Later Macron met Merz again." in sentences
    assert 'href="https://example.org/a"' in html
    assert not list(path.parent.glob("*.partial"))


def test_two_writers_at_once_leave_one_whole_page(db, tmp_path, monkeypatch):
    """Parquet mode runs partitions in parallel: each writes the report; neither may fail or leave half a page."""
    import threading

    import pipeline.report as report

    barrier = threading.Barrier(2)
    real_render = report.render_page

    def render_together(*args, **kwargs):
        page = real_render(*args, **kwargs)
        barrier.wait(timeout=10)  # both writers reach the file at the same moment
        return page

    monkeypatch.setattr(report, "render_page", render_together)
    path = report_path(db)
    errors: list[BaseException] = []

    def write() -> None:
        try:
            for _ in range(5):
                with store.open_db(db, read_only=True) as con:
                    write_report(con, tmp_path / "inbox", path)
        except BaseException as err:  # noqa: BLE001 - the test reports any failure of a writer
            errors.append(err)

    threads = [threading.Thread(target=write) for _ in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    assert path.read_text(encoding="utf-8").rstrip().endswith("</html>")
    assert not list(path.parent.glob("*.partial"))
