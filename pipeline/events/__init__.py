"""Event extraction (design §5): predicates with who, what, where, when, how sure and whose words.

`EventExtractor().extract(doc, timexes, dct)` works on one spaCy parse shared with the temporal
tagger; `extract_jsonl` is the `timeline extract` command's engine (design §7).
"""

from pipeline.events.extractor import EventExtractor
from pipeline.events.jsonl import extract_jsonl

__all__ = ["EventExtractor", "extract_jsonl"]
