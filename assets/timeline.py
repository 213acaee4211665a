"""The timeline: events of the day merged across articles, previewed on every materialization."""


import dagster as dg
from dagster_duckdb import DuckDBResource

from assets.ingest import OWNERS, partition_days
from assets.metadata import markdown_table
from assets.partitions import DUCKDB_POOL, daily_partitions, single_run
from assets.resources import open_store
from pipeline import store


@dg.asset(
    deps=["temporal_expressions", "events"],
    partitions_def=daily_partitions,
    backfill_policy=single_run,
    group_name="timeline",
    kinds={"duckdb", "sql"},
    owners=OWNERS,
    pool=DUCKDB_POOL,
    description=(
        "The `timeline` and `timeline_entries` views: each event with its article, and the same event "
        "reported by several articles (same day, same predicate, a participant in common) merged into one "
        "entry listing its sources. The metadata previews the entries of the days materialized."
    ),
)
def timeline(context: dg.AssetExecutionContext, database: DuckDBResource) -> dg.MaterializeResult:
    days = partition_days(context)
    with open_store(database) as con:
        columns, rows = store.timeline_entries(con, store.TimelineFilter(start=min(days), end=max(days)))
        schema = dg.TableSchema(
            columns=[dg.TableColumn(name=r[0], type=str(r[1])) for r in con.execute("DESCRIBE timeline_entries").fetchall()]
        )
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
