"""Generated input the existing property tests do not cover: Markdown front matter and sidecar shapes,
JSONL files mixing good, broken and odd lines. (Arbitrary bytes per format and arbitrary JSON objects
are in tests/pipeline/readers/test_readers_bad_input.py; the tagger's offsets and values on arbitrary
text in tests/pipeline/temporal/test_properties.py.)"""

from __future__ import annotations

import datetime as dt
import json

import yaml
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from pipeline.readers import read_file

TODAY = dt.date(2025, 9, 15)
KEYS = ["title", "date", "published", "datePublished", "url", "source", "id", "text", "body", "headline", "tags"]
scalars = st.one_of(
    st.none(), st.booleans(), st.integers(-10**20, 10**20), st.floats(allow_nan=True, allow_infinity=True),
    st.text(max_size=30), st.dates(), st.datetimes(),
    st.sampled_from(["2025-02-30", "2025-13-01", "0000-00-00", "9999-12-31", "yesterday", "4 septembre 2025",
                     "Sept. 4, 2025", "1e400", "", " ", "2025-09-04T25:61:00Z", "-1"]),
)
values = st.one_of(scalars, st.lists(scalars, max_size=3), st.dictionaries(st.text(max_size=5), scalars, max_size=2))
metadata = st.dictionaries(st.sampled_from(KEYS), values, max_size=6)
SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


def check(result, name: str) -> None:
    assert result.file.status in ("ok", "partial", "quarantined")
    if result.file.status == "quarantined":
        assert result.file.reason.startswith(f"{name}: ") and not result.articles
        assert "internal error" not in result.file.reason, result.file.reason
    else:
        assert result.articles
        for a in result.articles:
            assert a.text.strip() and a.partition_day is not None
            assert a.published is None or a.published <= TODAY + dt.timedelta(days=2)


@SETTINGS
@given(front=metadata, body=st.text(max_size=80))
def test_markdown_front_matter_of_any_shape(tmp_path, front, body):
    path = tmp_path / "story.md"
    path.write_text("---\n" + yaml.safe_dump(front, allow_unicode=True) + "---\n" + body, encoding="utf-8")
    check(read_file(path, tmp_path, today=TODAY), "story.md")


@SETTINGS
@given(side=st.one_of(metadata, st.lists(scalars, max_size=2), scalars))
def test_sidecars_of_any_shape(tmp_path, side):
    (tmp_path / "story.txt").write_text("PARIS — The council met on Monday to approve the plan.")
    (tmp_path / "story.meta.json").write_text(json.dumps(side, default=str))
    check(read_file(tmp_path / "story.txt", tmp_path, today=TODAY), "story.txt")


@SETTINGS
@given(lines=st.lists(st.one_of(
    metadata.map(lambda d: json.dumps(d, default=str)),
    st.just(json.dumps({"published": "2025-09-04", "text": "The council met on Monday."})),
    st.text(max_size=30), st.just(""), st.just("   "), st.just("[1, 2]"), st.just('{"text": "cut'),
), min_size=1, max_size=8))
@example(lines=[json.dumps({"published": "2025-09-04", "text": "The council met on Monday."}), "\x1f\x1f", "\x1f\x1f"])
def test_jsonl_files_of_any_lines(tmp_path, lines):
    path = tmp_path / "feed.jsonl"
    path.write_text("\n".join(lines), encoding="utf-8")
    result = read_file(path, tmp_path, today=TODAY)
    check(result, "feed.jsonl")
    good = sum(1 for line in lines if line == json.dumps({"published": "2025-09-04", "text": "The council met on Monday."}))
    assert len(result.articles) >= good  # a good line is never lost because of its neighbours
