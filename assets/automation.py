"""The inbox sensor and the nightly schedule, both RUNNING by default (design §2)."""


import datetime as dt
import hashlib
import json

import dagster as dg

from assets.resources import InboxResource
from pipeline.config import partition_start
from pipeline.inbox_changes import detect_changes, known_from_cursor
from pipeline.runner import day_ranges

RANGE_START = "dagster/asset_partition_range_start"
RANGE_END = "dagster/asset_partition_range_end"

timeline_job = dg.define_asset_job(
    "timeline_job",
    selection=dg.AssetSelection.all(),
    # Every step waits on the one-writer DuckDB pool anyway: running them in one process saves a
    # spaCy import and model load per step.
    executor_def=dg.in_process_executor,
    description="Index the inbox, then parse, tag, extract and merge the days that changed.",
)


def range_tags(days: list[dt.date]) -> dict[str, str]:
    """Tags that make one run cover every partition from the first to the last day."""
    return {RANGE_START: min(days).isoformat(), RANGE_END: max(days).isoformat()}


@dg.sensor(
    job=timeline_job,
    minimum_interval_seconds=15,
    default_status=dg.DefaultSensorStatus.RUNNING,
    description="Watches the inbox; a new or changed article starts a run over the days it touches.",
)
def inbox_sensor(context: dg.SensorEvaluationContext, inbox: InboxResource):
    known = known_from_cursor(json.loads(context.cursor) if context.cursor else {})
    changes = detect_changes(inbox.root, known, max_bytes=inbox.max_file_bytes, today=dt.date.today())
    changed = changes.keys
    start, last = partition_start(), dt.date.today() + dt.timedelta(days=1)
    days = {d for d in changes.days if start <= d <= last}
    context.update_cursor(json.dumps(changes.cursor(), sort_keys=True))
    if not changed:
        return dg.SkipReason("no new or changed file in the inbox")
    if not days:
        # Only quarantined or out-of-range files changed: re-index so the quarantine is recorded.
        days = {dt.date.today()}
    run_key = "inbox-" + hashlib.sha256("\n".join(sorted(changed)).encode()).hexdigest()[:20]
    # One run per cluster of nearby days: a run pays for every partition of its range.
    return [
        dg.RunRequest(
            run_key=f"{run_key}-{first.isoformat()}",
            tags={**range_tags([first, last]), "timeline/changed_files": str(len(changed))},
        )
        for first, last in day_ranges(days)
    ]


@dg.schedule(
    job=timeline_job,
    cron_schedule="0 2 * * *",
    default_status=dg.DefaultScheduleStatus.RUNNING,
    description="Nightly catch-up: re-indexes the inbox and re-processes the last week of days.",
)
def nightly_schedule(context: dg.ScheduleEvaluationContext):
    today = context.scheduled_execution_time.date()
    days = [max(partition_start(), today - dt.timedelta(days=7)), today]
    return dg.RunRequest(run_key=f"nightly-{today.isoformat()}", tags=range_tags(days))


__all__ = ["inbox_sensor", "nightly_schedule", "timeline_job"]
