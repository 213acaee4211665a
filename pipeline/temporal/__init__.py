"""Temporal tagger: finds, types and normalizes temporal expressions to TIMEX3 (design §4)."""

from pipeline.temporal.jsonl import tag_jsonl
from pipeline.temporal.tagger import TemporalTagger, tag_text

__all__ = ["TemporalTagger", "tag_text", "tag_jsonl"]
