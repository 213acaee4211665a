"""One spaCy pass per article feeding the temporal tagger and event extraction (design §1)."""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass
from typing import Iterable, Iterator

from pipeline.models import Analysis, Article
from pipeline.nlp import load_nlp


log = logging.getLogger(__name__)


@dataclass(slots=True)
class StageTimes:
    """Seconds spent in each stage, summed over everything analysed (read by the benchmarks)."""

    spacy: float = 0.0
    tagger: float = 0.0
    events: float = 0.0
    docs: int = 0


class Analyzer:
    """Holds the loaded model, tagger and extractor; `analyze` streams articles through `nlp.pipe`."""

    def __init__(self, batch_size: int = 32, n_process: int = 1) -> None:
        from pipeline.events import EventExtractor
        from pipeline.temporal import TemporalTagger

        self.tagger = TemporalTagger()
        self.extractor = EventExtractor()
        self.components = tuple(sorted(set(self.tagger.required_components) | set(self.extractor.required_components)))
        self.nlp = load_nlp(self.components)
        self.batch_size = batch_size
        self.n_process = n_process
        self.times = StageTimes()

    @property
    def version(self) -> str:
        """Changes whenever the tagger or the extractor changes its output: then articles are redone."""
        return analyzer_version()

    def analyze(self, articles: Iterable[Article]) -> Iterator[Analysis]:
        """Timexes and events of each article, in input order."""
        pairs = ((a.text, a) for a in articles)
        docs = self.nlp.pipe(pairs, as_tuples=True, batch_size=self.batch_size, n_process=self.n_process)
        times = self.times
        clock = time.perf_counter
        while True:
            t0 = clock()
            try:
                doc, article = next(docs)
            except StopIteration:
                times.spacy += clock() - t0
                return
            t1 = clock()
            timexes = self.tagger.tag(doc, article.published, text=article.text)
            t2 = clock()
            try:
                events = self.extractor.extract(doc, timexes, article.published)
            except Exception:  # a bug on one odd article must not stop the others: keep its dates
                log.exception("events: could not extract the events of %s (article %s)",
                              article.source_file, article.article_id)
                events = []
            t3 = clock()
            times.spacy += t1 - t0
            times.tagger += t2 - t1
            times.events += t3 - t2
            times.docs += 1
            yield Analysis(article=article, timexes=timexes, events=events)


def analyzer_version() -> str:
    """The version `Analyzer.version` will report, without loading spaCy."""
    from pipeline.events import EventExtractor
    from pipeline.temporal import TemporalTagger

    return f"tagger-{TemporalTagger.version}+events-{EventExtractor.version}"
