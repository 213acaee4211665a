"""The public API: tag(), tag_text(), tag_jsonl(), unresolved expressions without a publication date."""

from __future__ import annotations

import datetime as dt
import io
import json

import spacy

from pipeline.temporal import TemporalTagger, tag_jsonl, tag_text


def test_required_components_and_version():
    assert set(TemporalTagger.required_components) <= {"tok2vec", "tagger", "parser", "attribute_ruler",
                                                      "lemmatizer", "ner"}
    assert TemporalTagger.version


def test_without_publication_date_relative_expressions_stay_unresolved(nlp, tagger):
    text = "Officials met on Thursday and signed the deal on March 3, 2021, two days later."
    timexes = {t.text: t for t in tagger.tag(nlp(text), None)}
    assert timexes["Thursday"].value is None and timexes["Thursday"].resolved is False
    assert timexes["March 3, 2021"].value == "2021-03-03" and timexes["March 3, 2021"].resolved
    # narrative expressions still anchor on the explicit date before them
    assert timexes["two days later"].value == "2021-03-05"


def test_rule_and_anchor_are_recorded(nlp, tagger):
    [t] = tagger.tag(nlp("Macron announced Thursday a new plan."), dt.date(2025, 9, 4))
    assert t.rule == "weekday.past_tense"
    assert t.anchor == "2025-09-04" and t.anchor_kind == "publication" and t.relative


def test_tag_text_loads_the_pipeline_itself():
    [t] = tag_text("The talks resume next week.", dt.date(2025, 9, 4))
    assert t.value == "2025-W37"


def test_a_doc_from_a_bigger_or_blank_pipeline_is_fine(tagger):
    blank = spacy.blank("en")
    blank.add_pipe("sentencizer")
    timexes = tagger.tag(blank("He said on Tuesday that prices rose 5% last year."), dt.date(2025, 9, 4))
    assert [(t.text, t.value) for t in timexes] == [("Tuesday", "2025-09-02"), ("last year", "2024")]


def test_tag_jsonl_writes_one_line_per_document(nlp):
    docs = [
        {"doc_id": "a", "dct": "2025-09-04", "text": "Macron announced Thursday a plan for next year."},
        {"doc_id": "b", "dct": None, "text": "It rained on Monday, May 5, 2025."},
    ]
    out = io.StringIO()
    n = tag_jsonl(io.StringIO("".join(json.dumps(d) + "\n" for d in docs) + "\n"), out, nlp=nlp)
    assert n == 2
    lines = [json.loads(line) for line in out.getvalue().splitlines()]
    assert [line["doc_id"] for line in lines] == ["a", "b"]
    first = lines[0]["timexes"]
    assert {"start", "end", "text", "type", "value", "range_start", "range_end", "granularity", "rule",
            "anchor"} <= set(first[0])
    assert [(t["text"], t["value"], t["range_start"]) for t in first] == [
        ("Thursday", "2025-09-04", "2025-09-04"), ("next year", "2026", "2026-01-01")]
    for doc, line in zip(docs, lines):
        for t in line["timexes"]:
            assert doc["text"][t["start"]:t["end"]] == t["text"]
    assert lines[1]["timexes"][0]["value"] == "2025-05-05"


def test_a_doc_with_every_component_gives_the_same_answer(nlp, tagger):
    from pipeline.nlp import load_nlp

    full = load_nlp(None)  # the shared pipeline of the project: parser, ner... as well
    text = "The minister said on Tuesday that she will travel to Kyiv next week.\n\nTalks began Aug. 12."
    published = dt.date(2025, 9, 4)
    mine = [(t.start, t.end, t.value) for t in tagger.tag(nlp(text), published)]
    shared = [(t.start, t.end, t.value) for t in tagger.tag(full(text), published)]
    expected = [(text.index(s), text.index(s) + len(s), v)
                for s, v in (("Tuesday", "2025-09-02"), ("next week", "2025-W37"), ("Aug. 12", "2025-08-12"))]
    assert mine == shared == expected


def test_the_tagger_alone_keeps_an_until_in_its_sentence():
    """`timeline tag` runs only the tagger's components, which mark no sentences: the verb that decides
    an "until" is still looked for in its own sentence."""
    text = "The army extended a curfew. Residents of the old town until Tuesday had no water."
    [t] = tag_text(text, dt.date(2025, 9, 4))
    assert t.value == "2025-09-02"
