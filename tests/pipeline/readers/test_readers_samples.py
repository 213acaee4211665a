"""The bundled sample inbox reads as documented in samples/README.md; real articles read cleanly."""

from __future__ import annotations

import datetime as dt
import json
import shutil
from collections import Counter
from pathlib import Path

import pytest

from pipeline.readers import read_file, read_inbox, scan_inbox

REPO = Path(__file__).resolve().parents[3]
SAMPLES = REPO / "samples" / "inbox"
SHARED = REPO / ".." / "shared"


@pytest.fixture(scope="module")
def sample_results():
    return list(read_inbox(SAMPLES, today=dt.date(2025, 9, 15)))


def test_sample_inbox_counts(sample_results) -> None:
    assert len(sample_results) == len(scan_inbox(SAMPLES)) == 12
    articles = [a for r in sample_results for a in r.articles]
    assert len(articles) == 13
    bad = [r.file for r in sample_results if r.file.status != "ok"]
    assert [(f.path, f.status) for f in bad] == [("broken.json", "quarantined")]
    assert bad[0].reason.startswith("broken.json: invalid JSON at line")
    assert {r.file.format for r in sample_results} == {"txt", "md", "json", "jsonl", "html"}
    assert {r.file.path.rsplit(".", 1)[1] for r in sample_results} >= {"txt", "md", "json", "jsonl", "html", "htm"}


def test_sample_publication_dates(sample_results) -> None:
    articles = [a for r in sample_results for a in r.articles]
    sources = Counter(a.pub_date_source for a in articles)
    assert set(sources) == {"metadata", "sidecar", "html", "dateline", "url", "filename", "none"}
    undated = [a for a in articles if a.pub_date_source == "none"]
    assert len(undated) == 1 and undated[0].published is None and undated[0].pub_date_raw is None
    dated = [a.published for a in articles if a.published]
    assert min(dated) >= dt.date(2025, 9, 1) and max(dated) <= dt.date(2025, 9, 12)
    assert len(set(dated)) >= 8  # spread over many publication days


def test_sample_articles_are_news_sized_with_places(sample_results) -> None:
    articles = [a for r in sample_results for a in r.articles]
    for article in articles:
        assert 80 <= len(article.text.split()) <= 300, article.source_file
        assert article.title, article.source_file
        assert article.place, article.source_file
    assert len({a.article_id for a in articles}) == len(articles)


def test_sample_twin_reports_share_day_and_actors(sample_results) -> None:
    """Two articles report the Senate vote of Friday 2025-09-12, in different words."""
    articles = [a for r in sample_results for a in r.articles]
    twins = [a for a in articles if "Coastal Resilience Act" in a.text and a.published == dt.date(2025, 9, 12)]
    assert len(twins) == 2 and twins[0].source_file != twins[1].source_file
    for actor in ("Maria Delgado", "Paul Whitaker", "58", "41"):
        assert all(actor in a.text for a in twins), actor
    assert twins[0].text != twins[1].text


def test_sample_sidecar_is_read_with_its_article(sample_results) -> None:
    paths = [r.file.path for r in sample_results]
    assert "orbis-launch-delay.meta.json" not in paths
    article = next(a for r in sample_results for a in r.articles if a.source_file == "orbis-launch-delay.txt")
    assert (article.pub_date_source, article.source) == ("sidecar", "Space Desk")


@pytest.mark.shared
def test_shared_real_articles_read_as_jsonl(tmp_path: Path) -> None:
    source = SHARED / "data" / "news" / "articles.jsonl"
    if not source.is_file():
        pytest.skip(f"{source} is absent (development data is not part of the project)")
    shutil.copy(source, tmp_path / "articles.jsonl")
    result = read_file(tmp_path / "articles.jsonl", tmp_path)
    rows = [json.loads(line) for line in source.read_text(encoding="utf-8").split("\n") if line.strip()]
    assert result.file.status == "ok", result.file.reason
    assert len(result.articles) == len(rows)
    for article, row in zip(result.articles, rows):
        assert article.pub_date_source == "metadata"
        assert article.published == dt.date.fromisoformat(row["published"][:10])
        assert article.external_id == row["id"]
