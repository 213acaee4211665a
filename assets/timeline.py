"""The timeline: events of the day merged across articles, previewed on every materialization."""


import dagster as dg
from dagster_duckdb import DuckDBResource

from assets.ingest import OWNERS, partition_days
from assets.metadata import column_schema, markdown_table
from assets.partitions import DAILY
from assets.resources import open_store
from pipeline import store


@dg.asset(
    deps=["temporal_expressions", "events"],
    **DAILY,
    group_name="timeline",
    kinds={"duckdb", "sql"},
    owners=OWNERS,
    description=(
        "The `timeline` view (each event with its article) and the `timeline_entries` table: the same "
        "event reported by several articles (same day, same predicate, a participant in common) merged "
        "into one entry listing its sources. The metadata previews the headline entries of the days."
    ),
)
def timeline(context: dg.AssetExecutionContext, database: DuckDBResource) -> dg.MaterializeResult:
    days = partition_days(context)
    with open_store(database) as con:
        columns, rows = store.timeline_entries(con, store.TimelineFilter(start=min(days), end=max(days)))
        schema = column_schema(con, "timeline_entries")
    merged = sum(1 for r in rows if r[columns.index("n_sources")] > 1)
    preview = [
        (r[0], r[2], r[3], r[4], r[6], r[8], ", ".join(r[10])) for r in rows
    ]
    return dg.MaterializeResult(
        metadata={
            "dagster/row_count": len(rows),
            "dagster/column_schema": schema,
            "entries": len(rows),
            "merged_entries": merged,
            "preview": dg.MetadataValue.md(
                markdown_table(["date", "basis", "event", "who", "where", "sentence", "sources"], preview, limit=40)
            ),
        }
    )
