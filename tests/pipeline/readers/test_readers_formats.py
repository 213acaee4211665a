"""Each format read into Articles: text, title, place, metadata, ids and hashes."""

from __future__ import annotations

import datetime as dt
import json
import os
from pathlib import Path

from pipeline.readers import file_sha256, read_file

TODAY = dt.date(2025, 9, 15)


def write(inbox: Path, rel: str, content: str | bytes) -> Path:
    path = inbox / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return path


def read(inbox: Path, rel: str, content: str | bytes, **kwargs):
    return read_file(write(inbox, rel, content), inbox, today=kwargs.pop("today", TODAY), **kwargs)


def test_txt_headline_dateline_and_filename_date(tmp_path: Path) -> None:
    result = read(
        tmp_path, "news/2025-09-04-summit.txt",
        "Leaders meet in Paris\n\nPARIS — President Macron met Chancellor Merz on Thursday.\n\nThey will meet again.\n",
    )
    assert result.file.status == "ok" and result.file.format == "txt" and result.file.n_articles == 1
    article = result.articles[0]
    assert article.title == "Leaders meet in Paris"
    assert article.text.startswith("PARIS — President Macron")
    assert article.place == "PARIS"
    assert (article.published, article.pub_date_source, article.pub_date_raw) == (dt.date(2025, 9, 4), "filename", "2025-09-04")
    assert article.source_file == "news/2025-09-04-summit.txt"


def test_txt_first_line_sentence_is_not_a_headline(tmp_path: Path) -> None:
    text = "The council met on Monday to discuss the budget.\nIt agreed to meet again next week.\n"
    article = read(tmp_path, "council.txt", text).articles[0]
    assert article.title is None
    assert article.text == text.strip()
    assert article.pub_date_source == "none" and article.published is None


def test_txt_dateline_forms(tmp_path: Path) -> None:
    cases = {
        "a.txt": ("SAN JUAN, Puerto Rico — Power returned.", "SAN JUAN, Puerto Rico"),
        "b.txt": ("NEW YORK (AP) — Stocks rose.", "NEW YORK"),
        "c.txt": ("PARIS, Sept. 4 (Reuters) - The minister resigned.", "PARIS"),
        "d.txt": ("BREAKING — Stocks fell.", None),
        "e.txt": ("Paris is calm - for now.", None),
    }
    for name, (text, place) in cases.items():
        assert read(tmp_path, name, text).articles[0].place == place, name


def test_reuters_dateline_without_year_takes_the_year_before_arrival(tmp_path: Path) -> None:
    path = write(tmp_path, "wire.txt", "PARIS, Sept. 4 (Reuters) - The minister resigned on Thursday.")
    arrival = dt.datetime(2026, 1, 10, 12, tzinfo=dt.timezone.utc).timestamp()
    os.utime(path, (arrival, arrival))
    article = read_file(path, tmp_path, today=dt.date(2026, 1, 12)).articles[0]
    assert (article.published, article.pub_date_source, article.pub_date_raw) == (dt.date(2025, 9, 4), "dateline", "Sept. 4")
    assert article.arrived == dt.date(2026, 1, 10)


def test_wikinews_style_first_line_date(tmp_path: Path) -> None:
    text = "Ants treat their own infections Tuesday, September 1, 2015\n\nBiologists in Helsinki said ants eat peroxide."
    article = read(tmp_path, "ants.txt", text).articles[0]
    assert article.title == "Ants treat their own infections"
    assert (article.published, article.pub_date_source) == (dt.date(2015, 9, 1), "dateline")
    assert article.pub_date_raw == "Tuesday, September 1, 2015"


def test_date_line_before_dateline(tmp_path: Path) -> None:
    text = "Senate passes bill\nJuly 02, 2008\n\nWASHINGTON — The Senate passed the bill."
    article = read(tmp_path, "senate.txt", text).articles[0]
    assert (article.published, article.pub_date_source, article.place) == (dt.date(2008, 7, 2), "dateline", "WASHINGTON")


def test_markdown_front_matter_and_cleanup(tmp_path: Path) -> None:
    text = (
        "---\ntitle: Talks resume\ndate: 2025-09-03\nsource: Lisbon Courier\nurl: https://example.org/talks\nid: lc-1\n---\n"
        "# Talks resume\n\nLISBON — **Negotiators** met on [Wednesday](https://example.org/x)\nat the `ministry`.\n\n"
        "- The union wants 5%.\n- The company offers 2%.\n\n> \"Nobody wins,\" the minister said.\n"
    )
    result = read(tmp_path, "talks.md", text)
    article = result.articles[0]
    assert result.file.format == "md"
    assert (article.title, article.source, article.url, article.external_id) == (
        "Talks resume", "Lisbon Courier", "https://example.org/talks", "lc-1")
    assert (article.published, article.pub_date_source, article.pub_date_raw) == (dt.date(2025, 9, 3), "metadata", "2025-09-03")
    assert article.text == (
        "LISBON — Negotiators met on Wednesday at the ministry.\n\nThe union wants 5%.\n\n"
        "The company offers 2%.\n\n\"Nobody wins,\" the minister said."
    )
    assert article.place == "LISBON"


def test_markdown_title_from_h1_without_front_matter(tmp_path: Path) -> None:
    article = read(tmp_path, "note.md", "# Dam opens\n\nThe dam opened *on Monday*.\n").articles[0]
    assert article.title == "Dam opens"
    assert article.text == "The dam opened on Monday."


def test_json_aliases(tmp_path: Path) -> None:
    obj = {"headline": "Port reopens", "body": "ROTTERDAM — The port reopened on Wednesday.",
           "datePublished": "September 3, 2025", "source": {"name": "Harbour News"}, "id": 42,
           "link": "https://example.org/port"}
    article = read(tmp_path, "port.json", json.dumps(obj)).articles[0]
    assert (article.title, article.source, article.external_id, article.url) == (
        "Port reopens", "Harbour News", "42", "https://example.org/port")
    assert (article.published, article.pub_date_source, article.pub_date_raw) == (dt.date(2025, 9, 3), "metadata", "September 3, 2025")
    assert article.place == "ROTTERDAM"


def test_jsonl_partial_with_stable_ids_and_per_line_hashes(tmp_path: Path) -> None:
    lines = [
        json.dumps({"title": "One", "text": "First story.", "published": "2025-09-01"}),
        json.dumps({"title": "Two", "text": "Second story.", "published": "2025-09-02"}),
        '{"title": "Three", "text": "broken" "published": "2025-09-03"}',
        "",
        json.dumps({"title": "Five", "text": "Fifth story.", "date": "2025-09-05"}),
    ]
    result = read(tmp_path, "feed.jsonl", "\n".join(lines) + "\n")
    assert result.file.status == "partial" and result.file.n_articles == 3
    column = lines[2].index('"published"') + 1  # 1-based, where the comma is missing
    assert result.file.reason == (
        f"feed.jsonl: 1 of 4 lines skipped: line 3: invalid JSON at column {column}: Expecting ',' delimiter"
    )
    assert [a.item_index for a in result.articles] == [0, 1, 4]
    assert len({a.article_id for a in result.articles}) == 3
    assert all(a.file_hash == result.file.file_hash for a in result.articles)

    lines[1] = json.dumps({"title": "Two", "text": "Second story, corrected.", "published": "2025-09-02"})
    again = read(tmp_path, "feed.jsonl", "\n".join(lines) + "\n")
    assert [a.article_id for a in again.articles] == [a.article_id for a in result.articles]
    changed = [a.content_hash != b.content_hash for a, b in zip(result.articles, again.articles)]
    assert changed == [False, True, False]
    assert again.file.file_hash != result.file.file_hash


def test_ids_depend_on_path_and_hash_on_bytes(tmp_path: Path) -> None:
    first = read(tmp_path, "a/story.txt", "Some story text.").articles[0]
    same = read_file(tmp_path / "a/story.txt", tmp_path, today=TODAY).articles[0]
    moved = read(tmp_path, "b/story.txt", "Some story text.").articles[0]
    assert first.article_id == same.article_id and first.content_hash == same.content_hash
    assert moved.article_id != first.article_id
    assert first.content_hash == moved.content_hash  # same content, other place
    assert first.file_hash == file_sha256(tmp_path / "a/story.txt")


HTML = """<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<title>Bridge reopens after repairs | City Post</title>
<meta property="og:title" content="Bridge reopens after repairs">
<meta property="og:site_name" content="City Post">
<meta property="article:published_time" content="2025-09-04T23:30:00-05:00">
<meta property="article:modified_time" content="2025-09-08T10:00:00-05:00">
<link rel="canonical" href="https://citypost.example/2025/09/06/bridge-reopens">
</head><body><nav><a href="/">Home</a> <a href="/sports">Sports</a></nav>
<article><h1>Bridge reopens after repairs</h1>
<p>PITTSBURGH — The Fort Pitt Bridge reopened to traffic on Thursday after four months of repairs, the city said.</p>
<p>Mayor Ed Gainey said the work had finished two weeks early and under budget. Buses will return to the bridge on Monday.</p>
</article><footer>Copyright City Post. Subscribe today.</footer></body></html>"""


def test_html_main_text_title_and_original_date(tmp_path: Path) -> None:
    result = read(tmp_path, "bridge.html", HTML)
    article = result.articles[0]
    assert result.file.format == "html"
    assert article.title == "Bridge reopens after repairs"
    assert article.text.startswith("PITTSBURGH — The Fort Pitt Bridge reopened")
    assert "Buses will return to the bridge on Monday." in article.text
    assert "Subscribe" not in article.text and "Sports" not in article.text
    # the original date, in its own time zone (UTC would say the 5th), not the update nor the URL date
    assert (article.published, article.pub_date_source) == (dt.date(2025, 9, 4), "html")
    assert article.source == "City Post"
    assert article.url == "https://citypost.example/2025/09/06/bridge-reopens"
    assert article.place == "PITTSBURGH"


def test_htm_suffix_and_url_date_when_no_meta_date(tmp_path: Path) -> None:
    html = HTML.replace('<meta property="article:published_time" content="2025-09-04T23:30:00-05:00">', "")
    html = html.replace('<meta property="article:modified_time" content="2025-09-08T10:00:00-05:00">', "")
    article = read(tmp_path, "bridge.htm", html).articles[0]
    assert (article.published, article.pub_date_source, article.pub_date_raw) == (dt.date(2025, 9, 6), "url", "2025/09/06")
