"""The temporal tagger's entry points: `TemporalTagger.tag(doc, dct)` and `tag_text(text, dct)`."""

from __future__ import annotations

import datetime as dt
import logging
import re
from functools import lru_cache
from typing import TYPE_CHECKING

from pipeline.models import Timex
from pipeline.temporal.context import DocContext
from pipeline.temporal.finder import Finder
from pipeline.temporal.normalize import Normalizer
from pipeline.temporal.ranges import RangeLinker
from pipeline.temporal.resources import load_lexicon, load_rules

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Doc

log = logging.getLogger(__name__)


class TemporalTagger:
    """Finds, types and normalizes the temporal expressions of a spaCy Doc (design §4).

    Only the tagger's fine-grained tags are needed (tense decides which "Thursday"; "may" the
    modal is not May); the parser and the attribute ruler cost more than they bring here.
    """

    required_components: tuple[str, ...] = ("tok2vec", "tagger")
    version: str = "1.40.0"

    def __init__(self) -> None:
        self.lexicon = load_lexicon()
        self.rules = load_rules()
        self.finder = Finder(self.rules, self.lexicon)
        self.ranges = RangeLinker(self.lexicon)

    def tag(self, doc: "Doc", dct: dt.date | None, *, text: str | None = None,
            known: list[Timex] | None = None) -> list[Timex]:
        """Temporal expressions of `doc`, sorted and non-overlapping, resolved against `dct`
        (the publication date; None leaves relative expressions unresolved).

        `known` (optional): expressions resolved since by event extraction ("the day after his death");
        tagging again with them lets the expressions after them count from their day ("the next day").

        `text` (optional) is the string `doc` was made from: spaCy rebuilds `doc.text` from the
        tokens on every access, which costs more than the tagging of a short article."""
        if isinstance(dct, dt.datetime):
            dct = dct.date()
        if text is None or (len(doc) and doc[-1].idx + len(doc[-1].text_with_ws) != len(text)):
            text = doc.text
        ctx = DocContext(doc, text)
        candidates = self.finder.find(text, ctx)
        normalizer = Normalizer(dct, ctx, self.lexicon)
        if known:
            normalizer.known = {(t.start, t.end): t for t in known}
        out: list[Timex] = []
        for c in candidates:
            try:
                timex = normalizer.resolve(c)
            except Exception:  # one odd expression must never lose the article
                log.exception("temporal: could not normalize %r (%s)", text[c.start:c.end], c.rule.name)
                continue
            prior = normalizer.known.get((timex.start, timex.end))
            if prior is not None and not timex.resolved:
                timex = prior  # an open range ("in the weeks before the shooting") as event extraction left it
            out.append(timex)
        _name_apposed_days(out, text)
        try:
            return self.ranges.link(out, text, ctx, dct)
        except Exception:  # the expressions stand on their own without their ranges
            log.exception("temporal: could not link the ranges of a text of %d characters", len(text))
            return out


_APPOSITION = re.compile(r"\s*,\s*")


def _name_apposed_days(timexes: list[Timex], text: str) -> None:
    """ "today, Tuesday May 1": the day the writer names beside "today" (or "yesterday", "tomorrow") is the
    day it means, though the article came out the next day."""
    for a, b in zip(timexes, timexes[1:]):
        if (a.rule in ("deictic.today", "deictic.yesterday", "deictic.tomorrow") and b.granularity == "day"
                and not b.rule.startswith("deictic.") and b.range_start is not None
                and b.range_start != a.range_start and _APPOSITION.fullmatch(text, a.end, b.start)):
            a.value, a.range_start, a.range_end = b.value, b.range_start, b.range_end
            a.rule += ".apposition"


@lru_cache(maxsize=1)
def default_tagger() -> TemporalTagger:
    """One tagger per process (the resources are loaded once)."""
    return TemporalTagger()


def tag_text(text: str, dct: dt.date | None, nlp=None) -> list[Timex]:
    """Tags a plain string; loads the shared spaCy pipeline with the tagger's components if needed."""
    if nlp is None:
        from pipeline.nlp import load_nlp

        nlp = load_nlp(TemporalTagger.required_components)
    return default_tagger().tag(nlp(text), dct)
