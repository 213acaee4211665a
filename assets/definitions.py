"""The one Dagster entry point: assets, checks, jobs, the sensor, the schedule and resources."""

import dagster as dg

from assets import analysis, ingest, report, timeline
from assets.automation import inbox_sensor, nightly_schedule, timeline_job
from assets.resources import build_resources

defs = dg.Definitions(
    assets=dg.load_assets_from_modules([ingest, analysis, timeline, report]),
    asset_checks=dg.load_asset_checks_from_modules([ingest, analysis, timeline, report]),
    jobs=[timeline_job],
    sensors=[inbox_sensor],
    schedules=[nightly_schedule],
    resources=build_resources(),
)
