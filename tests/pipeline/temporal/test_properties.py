"""Properties that hold for any input: no exception, offsets inside the text, sorted and disjoint
spans, ordered ranges, values in the TIMEX3 grammar."""

from __future__ import annotations

import datetime as dt

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pipeline.temporal.values import VALUE_GRAMMAR

WORDS = [
    "Thursday", "last", "next", "week", "year", "years", "ago", "March", "May", "may", "3", "2,000", "the",
    "third", "quarter", "1990s", "Sept.", "4", ",", "2025", "two", "days", "later", "earlier", "this",
    "morning", "now", "every", "daily", "10:30", "a.m.", "p.m.", "noon", "Friday", "night", "fiscal", "1989",
    "recent", "past", "summer", "century", "20th", "half", "mid-", "early", "late", "-", "'s", ".", "\n",
    "that", "day", "following", "Christmas", "04/09/2025", "2025-09-04", "tonight", "O'Clock", "the", "%",
]

texts = st.one_of(
    st.text(max_size=200),
    st.lists(st.sampled_from(WORDS), max_size=40).map(" ".join),
)
dates = st.one_of(st.none(), st.dates(min_value=dt.date(1, 1, 1), max_value=dt.date(9999, 12, 31)))


def _check(text, timexes):
    prev_end = 0
    for t in timexes:
        assert 0 <= t.start < t.end <= len(text)
        assert text[t.start:t.end] == t.text
        assert t.start >= prev_end, "sorted and non-overlapping"
        prev_end = t.end
        assert t.type in ("DATE", "TIME", "DURATION", "SET")
        if t.value is not None:
            assert VALUE_GRAMMAR.match(t.value), t.value
        if t.range_start is not None and t.range_end is not None:
            assert t.range_start <= t.range_end


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=texts, dct=dates)
def test_tag_never_raises_and_keeps_its_invariants(nlp, tagger, text, dct):
    _check(text, tagger.tag(nlp(text), dct))


@settings(max_examples=60, deadline=None)
@given(year=st.integers(1600, 2099), month=st.integers(1, 12), day=st.integers(1, 28))
def test_value_ranges_round_trip(year, month, day):
    from pipeline.temporal.values import Period, period_of, range_of_value

    d = dt.date(year, month, day)
    for gran in ("day", "week", "weekend", "month", "quarter", "half", "year", "decade", "season"):
        p = period_of(gran, d)
        start, end, g = range_of_value(p.value)
        assert (start, end) == (p.start, p.end), (gran, p.value)
        assert start <= d <= end or gran == "weekend"
        assert VALUE_GRAMMAR.match(p.value)
    assert isinstance(period_of("century", d), Period)
