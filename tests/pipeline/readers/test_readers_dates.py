"""Publication date: order of trust, sources, raw strings, time zones, and sidecar precedence."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from pipeline.readers import read_file

TODAY = dt.date(2025, 9, 15)


def write(inbox: Path, rel: str, content: str) -> Path:
    path = inbox / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(content, encoding="utf-8")
    return path


def read_one(inbox: Path, rel: str, content: str, sidecar: dict | None = None):
    path = write(inbox, rel, content)
    if sidecar is not None:
        write(inbox, rel.rsplit(".", 1)[0] + ".meta.json", json.dumps(sidecar))
    result = read_file(path, inbox, today=TODAY)
    assert result.file.status == "ok", result.file.reason
    return result.articles[0]


def html_page(published: str | None, canonical: str = "https://example.org/news/story") -> str:
    meta = f'<meta property="article:published_time" content="{published}">' if published else ""
    return (
        f'<html><head><title>Flood barrier tested</title>{meta}<link rel="canonical" href="{canonical}"></head>'
        "<body><article><h1>Flood barrier tested</h1><p>ROTTERDAM — Engineers closed the Maeslant barrier on "
        "Saturday for its yearly test, the water authority said.</p><p>The test lasted four hours.</p>"
        "</article></body></html>"
    )


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2025-09-04", dt.date(2025, 9, 4)),
        ("2025-09-04T23:30:00-05:00", dt.date(2025, 9, 4)),  # its own time zone, not UTC
        ("2025-09-04T01:30:00+09:00", dt.date(2025, 9, 4)),
        ("2025-09-04T23:30:00Z", dt.date(2025, 9, 4)),
        ("Thu, 04 Sep 2025 23:30:00 -0500", dt.date(2025, 9, 4)),
        ("September 4, 2025", dt.date(2025, 9, 4)),
        ("4 September 2025", dt.date(2025, 9, 4)),
        (1756944000, dt.date(2025, 9, 4)),  # Unix seconds, UTC
        (1756944000000, dt.date(2025, 9, 4)),  # milliseconds
        (20250904, dt.date(2025, 9, 4)),  # YYYYMMDD, not 1970
    ],
)
def test_metadata_date_formats(tmp_path: Path, value: object, expected: dt.date) -> None:
    article = read_one(tmp_path, "a.json", json.dumps({"text": "Some text.", "published": value}))
    assert (article.published, article.pub_date_source, article.pub_date_raw) == (expected, "metadata", str(value))


def test_order_metadata_over_sidecar_and_sidecar_fills_the_rest(tmp_path: Path) -> None:
    article = read_one(
        tmp_path, "a.json", json.dumps({"text": "Some text.", "published": "2025-09-03", "title": "Own title"}),
        sidecar={"published": "2025-09-01", "title": "Sidecar title", "url": "https://example.org/a", "source": "Wire"},
    )
    assert (article.published, article.pub_date_source) == (dt.date(2025, 9, 3), "metadata")
    assert article.title == "Own title"  # the file's explicit field wins
    assert (article.url, article.source) == ("https://example.org/a", "Wire")  # the sidecar fills the blanks


def test_front_matter_title_beats_sidecar_but_sidecar_beats_txt_headline(tmp_path: Path) -> None:
    md = read_one(tmp_path, "m.md", "---\ntitle: Front matter title\n---\nBody text.", sidecar={"title": "Sidecar"})
    assert md.title == "Front matter title"
    txt = read_one(tmp_path, "t.txt", "A guessed headline\n\nBody text here.", sidecar={"title": "Sidecar title"})
    assert txt.title == "Sidecar title"
    assert txt.text == "Body text here."


def test_order_sidecar_over_html(tmp_path: Path) -> None:
    article = read_one(tmp_path, "p.html", html_page("2025-09-06T10:00:00+02:00"), sidecar={"published": "2025-09-07"})
    assert (article.published, article.pub_date_source, article.pub_date_raw) == (dt.date(2025, 9, 7), "sidecar", "2025-09-07")


def test_order_html_over_dateline_and_url(tmp_path: Path) -> None:
    page = html_page("2025-09-06T10:00:00+02:00", canonical="https://example.org/2025/09/01/story")
    page = page.replace("ROTTERDAM —", "ROTTERDAM, Sept. 5 (Reuters) -")
    article = read_one(tmp_path, "2025-08-30-p.html", page)
    assert (article.published, article.pub_date_source) == (dt.date(2025, 9, 6), "html")


def test_order_dateline_over_url_over_filename(tmp_path: Path) -> None:
    url = "https://example.org/2025/09/02/story"
    dated = read_one(tmp_path, "2025-08-30-a.json", json.dumps({"text": "PARIS, Sept. 4 (Reuters) - Talks ended.", "url": url}))
    assert (dated.published, dated.pub_date_source, dated.pub_date_raw) == (dt.date(2025, 9, 4), "dateline", "Sept. 4")
    by_url = read_one(tmp_path, "2025-08-30-b.json", json.dumps({"text": "PARIS — Talks ended.", "url": url}))
    assert (by_url.published, by_url.pub_date_source, by_url.pub_date_raw) == (dt.date(2025, 9, 2), "url", "2025/09/02")
    by_name = read_one(tmp_path, "2025-08-30-c.json", json.dumps({"text": "PARIS — Talks ended."}))
    assert (by_name.published, by_name.pub_date_source, by_name.pub_date_raw) == (dt.date(2025, 8, 30), "filename", "2025-08-30")
    compact = read_one(tmp_path, "wire/20250831_d.txt", "Talks ended.")
    assert (compact.published, compact.pub_date_source) == (dt.date(2025, 8, 31), "filename")
    folders = read_one(tmp_path, "2025/09/01/e.txt", "Talks ended.")
    assert (folders.published, folders.pub_date_source) == (dt.date(2025, 9, 1), "filename")


def test_no_date_anywhere(tmp_path: Path) -> None:
    article = read_one(tmp_path, "story-19.txt", "Volunteers cleaned the beach on Saturday. They will return next month.")
    assert (article.published, article.pub_date_source, article.pub_date_raw) == (None, "none", None)
    assert article.arrived is not None and article.partition_day == article.arrived


def test_mid_sentence_date_is_not_a_publication_date(tmp_path: Path) -> None:
    text = "The treaty signed on September 4, 2025 in Geneva was ratified by the assembly after a long debate."
    article = read_one(tmp_path, "treaty.txt", text)
    assert article.pub_date_source == "none"


def test_impossible_metadata_dates_are_quarantined(tmp_path: Path) -> None:
    for name, content in {
        "a.json": json.dumps({"text": "x", "published": "2025-02-30"}),
        "b.md": "---\ndate: 2025-02-30\n---\nBody.",
        "c.json": json.dumps({"text": "x", "date": "February 30, 2025"}),
        "d.json": json.dumps({"text": "x", "date": "2025-13-01T10:00:00Z"}),
    }.items():
        result = read_file(write(tmp_path, name, content), tmp_path, today=TODAY)
        assert result.file.status == "quarantined" and not result.articles
        assert result.file.reason.startswith(f"{name}: impossible publication date '"), result.file.reason
    reason = read_file(write(tmp_path, "a.json", json.dumps({"text": "x", "published": "2025-02-30"})), tmp_path).file.reason
    assert reason == "a.json: impossible publication date '2025-02-30'"


def test_unreadable_metadata_date_is_quarantined(tmp_path: Path) -> None:
    result = read_file(write(tmp_path, "a.json", json.dumps({"text": "x", "published": "soon"})), tmp_path, today=TODAY)
    assert result.file.reason == "a.json: unreadable publication date 'soon'"
    year_only = read_file(write(tmp_path, "b.json", json.dumps({"text": "x", "published": 2025})), tmp_path, today=TODAY)
    assert year_only.file.reason.startswith("b.json: unreadable publication date 2025")


def test_paths_outside_the_inbox_and_relative_inboxes(tmp_path: Path, monkeypatch) -> None:
    write(tmp_path, "inbox/a.txt", "Text.")
    write(tmp_path, "elsewhere/b.txt", "Text.")
    outside = read_file(tmp_path / "elsewhere/b.txt", tmp_path / "inbox", today=TODAY)
    assert outside.file.status == "quarantined" and "not inside the inbox" in outside.file.reason
    monkeypatch.chdir(tmp_path)
    mixed = read_file(tmp_path / "inbox/a.txt", Path("inbox"), today=TODAY)
    assert mixed.file.status == "ok" and mixed.articles[0].source_file == "a.txt"


def test_impossible_date_in_sidecar_quarantines_the_article(tmp_path: Path) -> None:
    path = write(tmp_path, "a.txt", "Some text.")
    write(tmp_path, "a.meta.json", json.dumps({"published": "2025-02-30"}))
    result = read_file(path, tmp_path, today=TODAY)
    assert result.file.status == "quarantined"
    assert result.file.reason == "a.txt: impossible publication date '2025-02-30' in its sidecar"


def test_far_future_is_quarantined_and_two_days_ahead_is_not(tmp_path: Path) -> None:
    soon = read_one(tmp_path, "soon.json", json.dumps({"text": "x", "published": "2025-09-17"}))
    assert soon.published == dt.date(2025, 9, 17)
    result = read_file(write(tmp_path, "later.json", json.dumps({"text": "x", "published": "2025-09-18"})), tmp_path, today=TODAY)
    assert result.file.status == "quarantined"
    assert result.file.reason.startswith("later.json: publication date 2025-09-18 ('2025-09-18') is in the future")
    named = read_file(write(tmp_path, "2031-01-01-x.txt", "Text."), tmp_path, today=TODAY)
    assert named.file.status == "quarantined" and "in the future" in named.file.reason


def test_impossible_date_in_a_filename_is_ignored_not_fatal(tmp_path: Path) -> None:
    article = read_one(tmp_path, "2025-02-30-notes.txt", "Some text.")
    assert article.pub_date_source == "none"


def test_far_future_html_meta_date_is_quarantined_not_ignored(tmp_path: Path) -> None:
    path = write(tmp_path, "future.html", html_page("2031-05-01T10:00:00+00:00"))
    result = read_file(path, tmp_path, today=TODAY)
    assert result.file.status == "quarantined"
    assert result.file.reason.startswith("future.html: publication date 2031-05-01")
