"""One spaCy pass per article feeding the temporal tagger and event extraction (design §1)."""

from __future__ import annotations

from typing import Iterable, Iterator

from pipeline.models import Analysis, Article
from pipeline.nlp import load_nlp


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

    @property
    def version(self) -> str:
        """Changes whenever the tagger or the extractor changes its output: then articles are redone."""
        return analyzer_version()

    def analyze(self, articles: Iterable[Article]) -> Iterator[Analysis]:
        """Timexes and events of each article, in input order."""
        pairs = ((a.text, a) for a in articles)
        for doc, article in self.nlp.pipe(pairs, as_tuples=True, batch_size=self.batch_size, n_process=self.n_process):
            timexes = self.tagger.tag(doc, article.published)
            events = self.extractor.extract(doc, timexes, article.published)
            yield Analysis(article=article, timexes=timexes, events=events)


def analyzer_version() -> str:
    """The version `Analyzer.version` will report, without loading spaCy."""
    from pipeline.events import EventExtractor
    from pipeline.temporal import TemporalTagger

    return f"tagger-{TemporalTagger.version}+events-{EventExtractor.version}"
