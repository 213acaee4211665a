"""One spaCy pass per article feeding `temporal_expressions` and `events` (a multi-asset)."""


import dagster as dg
from dagster_duckdb import DuckDBResource

from assets.ingest import OWNERS, articles, partition_days
from assets.metadata import column_schema, markdown_table
from assets.partitions import DAILY, DUCKDB_POOL
from assets.resources import AnalyzerResource, open_store
from pipeline import runner

TIMEX_DESCRIPTION = (
    "Every temporal expression of every article, normalized to a TIMEX3 value and an inclusive calendar "
    "range, with the rule that resolved it and the anchor it used (publication date or narrative time)."
)
EVENT_DESCRIPTION = (
    "Events: a predicate with its trigger, agent, patient, participants, place, date (and `date_basis`: "
    "explicit, narrative or publication) and modality, with the sentence it comes from."
)


class AnalysisConfig(dg.Config):
    force: bool = False  # re-analyse every article of the days, even unchanged ones


@dg.multi_asset(
    specs=[
        dg.AssetSpec("temporal_expressions", deps=[articles], description=TIMEX_DESCRIPTION, group_name="nlp",
                     kinds={"spacy", "duckdb"}, owners=OWNERS),
        dg.AssetSpec("events", deps=[articles], description=EVENT_DESCRIPTION, group_name="nlp",
                     kinds={"spacy", "duckdb"}, owners=OWNERS),
    ],
    **DAILY,
    name="analyse_articles",
)
def analyse_articles(
    context: dg.AssetExecutionContext, config: AnalysisConfig, database: DuckDBResource, analyzer: AnalyzerResource
):
    days = partition_days(context)
    nlp = analyzer.get()
    summary = runner.analyse_days(
        lambda: open_store(database), days, nlp.analyze, nlp.version, context.run.run_id, force=config.force
    )
    with open_store(database) as con:
        timex_schema = column_schema(con, "temporal_expressions")
        event_schema = column_schema(con, "events")
        stats = con.execute(
            "SELECT count(*), count(*) FILTER (WHERE relative AND NOT resolved), "
            "count(DISTINCT (article_id, interval_start)) FILTER (WHERE interval_start IS NOT NULL) "
            "FROM temporal_expressions WHERE partition_day BETWEEN ? AND ?", [min(days), max(days)]
        ).fetchone()
        bases = dict(con.execute(
            "SELECT date_basis, count(*) FROM events WHERE partition_day BETWEEN ? AND ? GROUP BY 1",
            [min(days), max(days)],
        ).fetchall())
        rules = con.execute(
            "SELECT text, value, rule, anchor FROM temporal_expressions WHERE partition_day BETWEEN ? AND ? "
            "ORDER BY partition_day, article_id, start LIMIT 25", [min(days), max(days)],
        ).fetchall()
    common = {"analysed_articles": summary.analysed, "unchanged_articles": summary.unchanged,
              "removed_articles": summary.removed, "extractor_version": nlp.version}
    yield dg.MaterializeResult(
        asset_key="temporal_expressions",
        metadata={
            **common,
            "dagster/row_count": stats[0],
            "dagster/column_schema": timex_schema,
            "written": summary.counts.get("temporal_expressions", 0),
            "unresolved_relative": stats[1],
            "date_ranges": stats[2],  # "May 8-10", "from 2011 to 2017": two linked expressions each
            "preview": dg.MetadataValue.md(markdown_table(["text", "value", "rule", "anchor"], rules)),
        },
    )
    yield dg.MaterializeResult(
        asset_key="events",
        metadata={
            **common,
            "dagster/row_count": sum(bases.values()),
            "dagster/column_schema": event_schema,
            "written": summary.counts.get("events", 0),
            "participants_written": summary.counts.get("event_participants", 0),
            "events_by_date_basis": dg.MetadataValue.json(bases),
        },
    )


@dg.asset_check(
    asset="temporal_expressions", pool=DUCKDB_POOL,
    description="Share of relative expressions (weekdays, 'last week', 'two days later') left unresolved.",
)
def unresolved_relative_expressions(database: DuckDBResource) -> dg.AssetCheckResult:
    with open_store(database) as con:
        total, unresolved, undated = con.execute(
            "SELECT count(*) FILTER (WHERE t.relative), count(*) FILTER (WHERE t.relative AND NOT t.resolved), "
            "count(*) FILTER (WHERE t.relative AND NOT t.resolved AND a.pub_date_source = 'none') "
            "FROM temporal_expressions t JOIN articles a USING (article_id)"
        ).fetchone()
    share = unresolved / total if total else 0.0
    # Relative expressions of undated articles stay unresolved on purpose (design §2): not a failure.
    share_dated = (unresolved - undated) / total if total else 0.0
    return dg.AssetCheckResult(
        passed=share_dated <= 0.1,
        severity=dg.AssetCheckSeverity.WARN,
        metadata={"relative": total, "unresolved": unresolved, "unresolved_in_undated_articles": undated,
                  "unresolved_share": round(share, 3)},
    )


@dg.asset_check(asset="events", pool=DUCKDB_POOL, blocking=True, description="No event id appears twice.")
def unique_event_ids(database: DuckDBResource) -> dg.AssetCheckResult:
    with open_store(database) as con:
        dupes = con.execute("SELECT event_id FROM events GROUP BY 1 HAVING count(*) > 1 LIMIT 20").fetchall()
    return dg.AssetCheckResult(passed=not dupes, metadata={"duplicates": len(dupes)})


@dg.asset_check(
    asset="events", pool=DUCKDB_POOL,
    description="Events dated more than 400 days from their article's publication without an explicit expression.",
)
def events_far_from_publication(database: DuckDBResource) -> dg.AssetCheckResult:
    with open_store(database) as con:
        rows = con.execute(
            "SELECT e.article_id, e.text, e.date_start, a.published, e.date_basis FROM events e "
            "JOIN articles a USING (article_id) WHERE e.date_basis <> 'explicit' AND a.published IS NOT NULL "
            "AND abs(date_diff('day', a.published, e.date_start)) > 400 LIMIT 20"
        ).fetchall()
    return dg.AssetCheckResult(
        passed=not rows,
        severity=dg.AssetCheckSeverity.WARN,
        metadata={"flagged": len(rows), "examples": dg.MetadataValue.md(
            markdown_table(["article", "event", "date", "published", "basis"], rows))},
    )


@dg.asset_check(
    asset="events", pool=DUCKDB_POOL,
    description="Share of events dated only by their article's publication date (no expression of their own).",
)
def publication_dated_share(database: DuckDBResource) -> dg.AssetCheckResult:
    with open_store(database) as con:
        total, by_pub = con.execute(
            "SELECT count(*), count(*) FILTER (WHERE date_basis = 'publication') FROM events"
        ).fetchone()
    share = by_pub / total if total else 0.0
    return dg.AssetCheckResult(
        passed=share <= 0.8,
        severity=dg.AssetCheckSeverity.WARN,
        metadata={"events": total, "publication_dated": by_pub, "share": round(share, 3)},
    )
