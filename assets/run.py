"""`timeline run` in one Dagster run: every asset and check over a range of day partitions.

The CLI imports this lazily; it runs in-process. With DAGSTER_HOME set (as `make run` does) the run is
recorded in that instance, so `make dev` shows its lineage and metadata afterwards.
"""


import datetime as dt
import os
import warnings
from dataclasses import dataclass, field
from pathlib import Path

import dagster as dg

# The CLI's user sees a progress bar and a summary, not Dagster's notes on its own beta parameters.
for _category in (dg.BetaWarning, dg.PreviewWarning, dg.SupersessionWarning):
    warnings.filterwarnings("ignore", category=_category)

from assets import analysis, ingest, report, timeline  # noqa: E402
from assets.automation import range_tags
from assets.resources import build_resources


@dataclass
class RunOutcome:
    success: bool
    run_id: str
    error: str | None = None
    summary_lines: list[str] = field(default_factory=list)


def _instance() -> dg.DagsterInstance:
    home = os.environ.get("DAGSTER_HOME")
    if home and (Path(home) / "dagster.yaml").exists():
        return dg.DagsterInstance.get()
    return dg.DagsterInstance.ephemeral()


def describe(asset: str, meta: dict) -> list[str]:
    """What a person wants to read of an asset's materialization, in a line or a few."""
    rows = meta.get("dagster/row_count", "")
    if asset == "article_files":
        out = [f"  {asset:<22} {rows} files: {meta.get('new', 0)} new, {meta.get('changed', 0)} changed, "
               f"{meta.get('unchanged', 0)} unchanged, {meta.get('removed', 0)} removed; "
               f"{meta.get('quarantined', 0)} quarantined"]
        out += [f"    quarantined {reason}" for reason in meta.get("quarantined_reasons", [])]
        return out
    if asset == "articles":
        return [f"  {asset:<22} {rows} articles ({meta.get('undated', 0)} without a publication date)"]
    if asset == "temporal_expressions":
        return [f"  {asset:<22} {rows} expressions ({meta.get('unresolved_relative', 0)} relative ones unresolved; "
                f"{meta.get('analysed_articles', 0)} articles analysed, {meta.get('unchanged_articles', 0)} unchanged)"]
    if asset == "events":
        bases = ", ".join(f"{k} {v}" for k, v in sorted((meta.get("events_by_date_basis") or {}).items()))
        return [f"  {asset:<22} {rows} events (dated by: {bases})"]
    if asset == "timeline":
        return [f"  {asset:<22} {meta.get('entries', rows)} entries, {meta.get('merged_entries', 0)} merged across articles"]
    if "path" in meta:
        return [f"  {asset:<22} {meta['path']}"]
    return [f"  {asset:<22} {rows} rows"]


def _root_cause(error) -> str:
    """The innermost error of a step failure: the user's exception, not Dagster's wrapper."""
    while error.cause is not None:
        error = error.cause
    return error.message.strip()


def all_assets_and_checks() -> list:
    modules = [ingest, analysis, timeline, report]
    return [*dg.load_assets_from_modules(modules), *dg.load_asset_checks_from_modules(modules)]


def materialize_days(inbox: Path, db: Path, first: dt.date, last: dt.date, *, force: bool = False,
                     instance: dg.DagsterInstance | None = None) -> RunOutcome:
    """Materialize everything for the days first..last (one run), with checks; never raises on failure."""
    result = dg.materialize(
        all_assets_and_checks(),
        resources=build_resources(inbox, db),
        instance=instance or _instance(),
        tags={**range_tags([first, last]), "timeline/source": "cli"},
        run_config={
            "ops": {"analyse_articles": {"config": {"force": force}}},
            "loggers": {"console": {"config": {"log_level": "CRITICAL"}}},  # the CLI prints its own summary
        },
        raise_on_error=False,
    )
    lines = []
    for event in result.get_asset_materialization_events():
        mat = event.event_specific_data.materialization
        if mat.partition not in (None, first.isoformat()):
            continue  # a range run repeats the same metadata on every day
        meta = {k: v.value for k, v in mat.metadata.items()}
        lines += describe(mat.asset_key.to_user_string(), meta)
    for check in result.get_asset_check_evaluations():
        status = "passed" if check.passed else ("[yellow]warned[/]" if check.severity == dg.AssetCheckSeverity.WARN else "[red]failed[/]")
        lines.append(f"  check {check.asset_check_key.name:<34} {status}")
    error = None
    if not result.success:
        failures = [e for e in result.all_events if e.is_step_failure]
        error = "; ".join(f"{e.step_key}: {_root_cause(e.event_specific_data.error)}" for e in failures) or (
            "see the Dagster logs"
        )
    return RunOutcome(success=result.success, run_id=result.run_id, error=error, summary_lines=lines)
