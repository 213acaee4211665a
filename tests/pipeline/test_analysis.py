"""The analysis pass: one article that trips event extraction loses only its events."""

from __future__ import annotations

import datetime as dt
import logging

from pipeline.analysis import Analyzer
from pipeline.models import Article


def _article(aid: str, text: str) -> Article:
    return Article(article_id=aid, source_file=f"{aid}.txt", file_hash="h", item_index=0, content_hash="c",
                   title=None, text=text, published=dt.date(2025, 9, 4), pub_date_source="metadata",
                   pub_date_raw="2025-09-04")


def test_an_extraction_error_keeps_the_article_dates_and_the_other_articles(caplog):
    analyzer = Analyzer()
    real = analyzer.extractor.extract

    def extract(doc, timexes, dct):
        if "broken" in doc.text:
            raise RuntimeError("a bug")
        return real(doc, timexes, dct)

    analyzer.extractor.extract = extract
    arts = [_article("a", "The broken one was announced on Tuesday."), _article("b", "Ministers met on Monday.")]
    with caplog.at_level(logging.ERROR):
        out = list(analyzer.analyze(arts))
    assert [a.article.article_id for a in out] == ["a", "b"]
    assert out[0].events == [] and [t.text for t in out[0].timexes] == ["Tuesday"]
    assert any(e.lemma == "meet" for e in out[1].events)
    assert "a.txt" in caplog.text
