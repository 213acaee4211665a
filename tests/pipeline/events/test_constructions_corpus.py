"""Who did what, and when, by construction: one case per convention of corpus/constructions.yaml."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

CASES = yaml.safe_load((Path(__file__).parent / "corpus" / "constructions.yaml").read_text(encoding="utf-8"))


def _nth_event(events, word: str, nth: int):
    found = [e for e in events if e.text == word]
    assert len(found) >= nth, f"no event {word!r} number {nth} among {[e.text for e in events]}"
    return found[nth - 1]


@pytest.mark.parametrize("case", CASES, ids=[c["name"] for c in CASES])
def test_construction(case, analyse):
    events, _ = analyse(case["text"], case["published"]) if "published" in case else analyse(case["text"])
    for word in case.get("no_events") or []:  # words that must not be read as events
        assert word not in {e.text for e in events}, f"{word!r} read as an event"
    for want in case.get("expect") or []:
        ev = _nth_event(events, want["trigger"], want.get("nth", 1))
        for field, expected in want.items():
            if field in ("trigger", "nth"):
                continue
            if field == "timex":  # the expression the event points to, told by the words ending with it
                words = case["text"][:ev.timex_end] if ev.timex_end is not None else ""
                assert ev.timex_start is not None and words.endswith(expected) and expected.endswith(
                    case["text"][ev.timex_start:ev.timex_end]), (want["trigger"], field, ev.timex_start, ev.timex_end)
                continue
            got = getattr(ev, field)
            if isinstance(expected, dict) and "not" in expected:
                assert got != expected["not"], (want["trigger"], field, got)
            elif isinstance(expected, dict) and "contains" in expected:
                assert got is not None and expected["contains"] in got, (want["trigger"], field, got)
            else:
                assert got == expected, (want["trigger"], field, got)
