"""The inbox sensor and the nightly schedule, evaluated directly."""

import datetime as dt
import json

import dagster as dg

from assets.automation import RANGE_END, RANGE_START, inbox_sensor, nightly_schedule
from assets.resources import InboxResource


def evaluate(inbox, cursor=None):
    """One sensor tick: its single run request (or skip reason) and the new cursor."""
    context = dg.build_sensor_context(cursor=cursor, resources={"inbox": InboxResource(path=str(inbox))})
    result = inbox_sensor(context)
    if isinstance(result, list):
        assert len(result) == 1, result
        result = result[0]
    return result, context.cursor


def test_new_files_request_one_run_over_their_days_then_nothing(small_inbox):
    result, cursor = evaluate(small_inbox)
    assert isinstance(result, dg.RunRequest)
    assert result.tags[RANGE_START] == "2025-09-03" and result.tags[RANGE_END] == "2025-09-04"
    assert set(json.loads(cursor)) == {"2025-09-04-paris-summit.txt", "harbour.json", "broken.json"}

    again, cursor2 = evaluate(small_inbox, cursor)
    assert isinstance(again, dg.SkipReason)
    assert cursor2 == cursor


def test_an_edited_file_gets_a_new_run_key_with_its_hash(small_inbox):
    first, cursor = evaluate(small_inbox)
    (small_inbox / "harbour.json").write_text(
        '{"title": "t", "published": "2025-09-02", "text": "Workers struck on Monday."}', encoding="utf-8")
    second, _ = evaluate(small_inbox, cursor)
    assert isinstance(second, dg.RunRequest)
    assert second.run_key != first.run_key
    # the article moved from the 3rd to the 2nd: both days are re-run
    assert second.tags[RANGE_START] == "2025-09-02" and second.tags[RANGE_END] == "2025-09-03"


def test_a_removed_file_reruns_its_day(small_inbox):
    _, cursor = evaluate(small_inbox)
    (small_inbox / "harbour.json").unlink()
    result, _ = evaluate(small_inbox, cursor)
    assert isinstance(result, dg.RunRequest)
    assert result.tags[RANGE_START] == result.tags[RANGE_END] == "2025-09-03"


def test_nightly_schedule_covers_the_last_week():
    context = dg.build_schedule_context(scheduled_execution_time=dt.datetime(2025, 9, 10, 2, 0))
    request = nightly_schedule(context)
    assert request.tags[RANGE_START] == "2025-09-03" and request.tags[RANGE_END] == "2025-09-10"


def test_far_apart_days_get_separate_runs(small_inbox):
    (small_inbox / "late.json").write_text('{"published": "2025-12-01", "text": "Talks resumed on Monday."}')
    context = dg.build_sensor_context(resources={"inbox": InboxResource(path=str(small_inbox))})
    requests = inbox_sensor(context)
    assert [(r.tags[RANGE_START], r.tags[RANGE_END]) for r in requests] == [
        ("2025-09-03", "2025-09-04"), ("2025-12-01", "2025-12-01")]
    assert len({r.run_key for r in requests}) == 2
