"""The HTML timeline report: the whole timeline on a time axis, one band per story (issue 5)."""


import dagster as dg
from dagster_duckdb import DuckDBResource

from assets.ingest import OWNERS
from assets.partitions import DUCKDB_POOL
from assets.resources import InboxResource, open_store
from pipeline import store
from pipeline.report import report_path, write_report


@dg.asset(
    deps=["timeline"],
    group_name="timeline",
    kinds={"html", "plotly"},
    owners=OWNERS,
    pool=DUCKDB_POOL,
    description=(
        "A self-contained HTML page (`timeline_report.html` beside the database, no network needed) "
        "drawing every timeline entry on a time axis, one band per story (articles sharing a named "
        "person, organisation, product or law), with its participants, its sentence and links to its "
        "articles. Not partitioned: it always shows the whole timeline, and joins every range run."
    ),
)
def timeline_report(inbox: InboxResource, database: DuckDBResource) -> dg.MaterializeResult:
    lake = store.parquet_setting()  # under the Parquet setting the report sits in the Parquet root
    path = report_path(lake / "timeline.duckdb" if lake else database.database)
    with open_store(database) as con:
        summary = write_report(con, inbox.root, path)
    return dg.MaterializeResult(
        metadata={
            "path": dg.MetadataValue.path(str(summary.path)),
            "url": dg.MetadataValue.url(summary.path.as_uri()),
            "dagster/row_count": summary.entries,
            "entries": summary.entries,
            "dated_entries": summary.dated,
            "undated_entries": summary.undated,
            "multi_source_entries": summary.multi_source,
            "stories": summary.stories,
            "articles": summary.articles,
            "size_kb": round(summary.path.stat().st_size / 1024, 1),
        }
    )
