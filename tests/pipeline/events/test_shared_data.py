"""Checks on ../shared: the seed article's expectations and a floor on TimeBank trigger F1 (skip when absent)."""

from __future__ import annotations

import datetime as dt
import json

import pytest

pytestmark = pytest.mark.shared

SEED_DAY = dt.date(2025, 9, 4)  # the seed's publication day (its README)


@pytest.fixture(scope="module")
def seed_events(seed_file, analyse):
    text = seed_file.read_text(encoding="utf-8")
    events, _ = analyse(text, SEED_DAY)
    return text, events


def _sentence_events(events, lemma, *words):
    """Events with this lemma in a sentence containing all `words`."""
    return [e for e in events if e.lemma == lemma and all(w in e.sentence for w in words)]


def test_seed_announcement_and_signal_are_paris_events_of_the_day(seed_events):
    _, events = seed_events
    announced = _sentence_events(events, "announce", "Macron")
    assert announced, "Macron's announcement not found"
    a = announced[0]
    assert (a.date_start, a.date_end) == (SEED_DAY, SEED_DAY)
    assert a.agent and "Macron" in a.agent
    assert a.place == "Paris"
    signaled = _sentence_events(events, "signal", "Europeans")
    assert signaled, "the Europeans' signal not found"
    s = signaled[0]
    assert (s.date_start, s.date_end) == (SEED_DAY, SEED_DAY)
    assert s.agent == "Europeans"
    assert s.place == "Paris"


def test_seed_expected_call_between_trump_and_zelensky(seed_events):
    _, events = seed_events
    calls = _sentence_events(events, "call", "Zelensky", "expected")
    assert calls, "the expected call not found"
    call = calls[0]
    assert call.modality == "expected"
    assert (call.date_start, call.date_end) == (SEED_DAY, SEED_DAY)
    names = {p.text for p in call.participants} | {call.agent, call.patient}
    assert any(n and "Trump" in n for n in names)
    assert any(n and "Zelensky" in n for n in names)


def test_seed_official_told_the_post_on_tuesday(seed_events):
    _, events = seed_events
    told = _sentence_events(events, "tell", "The Post")
    assert told
    assert told[0].modality == "reported"
    assert (told[0].date_start, told[0].date_end) == (dt.date(2025, 9, 2), dt.date(2025, 9, 2))
    assert "official" in (told[0].agent or "")


def test_seed_has_no_event_a_week_early(seed_events):
    _, events = seed_events
    wrong = dt.date(2025, 8, 28)
    assert not [e for e in events if e.date_start == wrong or e.date_end == wrong]


def test_seed_recent_development_is_not_dated_to_the_publication_day(seed_events):
    _, events = seed_events
    dev = _sentence_events(events, "develop", "Flamingo")
    assert dev
    d = dev[0]
    assert d.date_basis != "explicit"
    assert (d.date_start, d.date_end) != (SEED_DAY, SEED_DAY)
    assert d.date_end is None or d.date_end <= SEED_DAY


def _overlap(a0, a1, b0, b1):
    return a0 < b1 and b0 < a1


def test_timebank_trigger_f1_floor(shared_dir, analyse):
    """Trigger F1 (any-overlap, as ../shared/bench/score_events.py counts it) on the first TimeBank docs."""
    path = shared_dir / "data" / "tempeval" / "timebank.jsonl"
    if not path.exists():
        pytest.skip("timebank.jsonl is absent")
    with path.open(encoding="utf-8") as f:
        docs = [json.loads(next(f)) for _ in range(12)]
    tp_p = n_pred = tp_r = n_gold = 0
    for d in docs:
        events, _ = analyse(d["text"], dt.date.fromisoformat(d["dct"]))
        gold = d["events"]
        n_pred += len(events)
        n_gold += len(gold)
        tp_p += sum(any(_overlap(p.start, p.end, g["start"], g["end"]) for g in gold) for p in events)
        tp_r += sum(any(_overlap(p.start, p.end, g["start"], g["end"]) for p in events) for g in gold)
    precision, recall = tp_p / n_pred, tp_r / n_gold
    f1 = 2 * precision * recall / (precision + recall)
    assert f1 >= 0.78, f"trigger F1 {f1:.3f} (P {precision:.3f}, R {recall:.3f})"
