"""Ingest: the inbox index (`article_files`) and the parsed articles of each publication day."""


import datetime as dt
from collections import Counter

import dagster as dg
from dagster_duckdb import DuckDBResource

from assets.metadata import column_schema, markdown_table
from assets.partitions import DAILY, DUCKDB_POOL
from assets.resources import InboxResource, open_store
from pipeline import runner, store
from pipeline.config import partition_start

OWNERS = ["team:timeline"]


@dg.asset(
    group_name="ingest",
    kinds={"python", "duckdb"},
    owners=OWNERS,
    pool=DUCKDB_POOL,
    description=(
        "Index of every file in the inbox: hash, size, format, the publication days of its articles, "
        "and for a file that could not be read, status `quarantined` with a reason naming the file and "
        "the problem. Unchanged files (same hash) are not read again."
    ),
)
def article_files(context: dg.AssetExecutionContext, inbox: InboxResource, database: DuckDBResource) -> dg.MaterializeResult:
    with open_store(database) as con:
        previous = store.indexed_files(con)
    changes = runner.index_inbox(
        inbox.root, previous, max_bytes=inbox.max_file_bytes, start=partition_start(), today=dt.date.today()
    )
    with open_store(database) as con:
        store.replace_article_files(con, changes.files, context.run.run_id)
        schema = column_schema(con, "article_files")
    quarantined = changes.quarantined
    for f in quarantined:
        context.log.warning(f"quarantined {f.reason}")
    statuses = Counter(f.status for f, _ in changes.files)
    return dg.MaterializeResult(
        metadata={
            "dagster/row_count": len(changes.files),
            "dagster/column_schema": schema,
            **changes.counts,  # new, changed, unchanged, removed
            "quarantined": len(quarantined),
            "partial": statuses.get("partial", 0),
            "days": len(changes.all_days),
            "quarantined_reasons": dg.MetadataValue.json([f.reason for f in quarantined]),
            "quarantined_files": dg.MetadataValue.md(
                markdown_table(["file", "reason"], [(f.path, f.reason) for f in quarantined])
            ),
        }
    )


@dg.asset_check(asset=article_files, pool=DUCKDB_POOL, description="Lists files that could not be read (warns, never blocks).")
def quarantined_files(database: DuckDBResource) -> dg.AssetCheckResult:
    with open_store(database) as con:
        rows = con.execute(
            "SELECT path, reason FROM article_files WHERE status = 'quarantined' ORDER BY path"
        ).fetchall()
        total = con.execute("SELECT count(*) FROM article_files").fetchone()[0]
    return dg.AssetCheckResult(
        passed=not rows,
        severity=dg.AssetCheckSeverity.WARN,
        metadata={"quarantined": len(rows), "files": total, "reasons": dg.MetadataValue.md(markdown_table(["file", "reason"], rows))},
    )


def partition_days(context: dg.AssetExecutionContext) -> list[dt.date]:
    """The days this run covers: one partition, or a whole range in a single-run backfill."""
    return [dt.date.fromisoformat(k) for k in context.partition_keys]


@dg.asset(
    deps=[article_files],
    **DAILY,
    group_name="ingest",
    kinds={"python", "duckdb"},
    owners=OWNERS,
    description=(
        "Articles parsed from the inbox, one row per article, partitioned by publication day (the day "
        "the file arrived when no source gives a date). Re-materializing a day replaces its rows in one "
        "transaction."
    ),
)
def articles(context: dg.AssetExecutionContext, inbox: InboxResource, database: DuckDBResource) -> dg.MaterializeResult:
    days = partition_days(context)
    with open_store(database) as con:
        files = [
            (path, row["days"] or [])
            for path, row in store.indexed_files(con).items()
            if row["status"] != "quarantined"
        ]
    loaded = runner.load_articles(inbox.root, files, days, max_bytes=inbox.max_file_bytes, today=dt.date.today())
    with open_store(database) as con:
        store.replace_articles(con, days, loaded, context.run.run_id)
        schema = column_schema(con, "articles")
    sources = Counter(a.pub_date_source for a in loaded)
    return dg.MaterializeResult(
        metadata={
            "dagster/row_count": len(loaded),
            "dagster/column_schema": schema,
            "days": len(days),
            "pub_date_sources": dg.MetadataValue.json(dict(sources)),
            "undated": sources.get("none", 0),
            "preview": dg.MetadataValue.md(
                markdown_table(
                    ["published", "source", "title", "file"],
                    [(a.published, a.pub_date_source, a.title, a.source_file) for a in loaded],
                )
            ),
        }
    )


@dg.asset_check(asset=articles, pool=DUCKDB_POOL, blocking=True, description="No article id appears twice.")
def unique_article_ids(database: DuckDBResource) -> dg.AssetCheckResult:
    with open_store(database) as con:
        dupes = con.execute(
            "SELECT article_id, count(*) n FROM articles GROUP BY 1 HAVING n > 1 ORDER BY n DESC LIMIT 20"
        ).fetchall()
    return dg.AssetCheckResult(passed=not dupes, metadata={"duplicates": len(dupes)})


@dg.asset_check(
    asset=articles, pool=DUCKDB_POOL,
    description="Share of articles whose publication date came from a source (not the arrival day).",
)
def publication_date_coverage(database: DuckDBResource) -> dg.AssetCheckResult:
    with open_store(database) as con:
        total, dated = con.execute(
            "SELECT count(*), count(*) FILTER (WHERE pub_date_source <> 'none') FROM articles"
        ).fetchone()
    share = dated / total if total else 1.0
    return dg.AssetCheckResult(
        passed=share >= 0.8,
        severity=dg.AssetCheckSeverity.WARN,
        metadata={"articles": total, "dated": dated, "coverage": round(share, 3)},
    )
