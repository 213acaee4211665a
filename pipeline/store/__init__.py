"""The DuckDB store: schema and migrations, connections, bulk writes, reads (design §6)."""

from pipeline.store.connection import (
    DatabaseLocked,
    DatabaseMissing,
    StoreError,
    connect,
    current_version,
    migrate,
    open_db,
    parquet_setting,
)
from pipeline.store.queries import (
    ReadOnlyQuery,
    TimelineFilter,
    analysis_state,
    articles_for_days,
    indexed_files,
    run_readonly,
    timeline_entries,
    unfinished_days,
)
from pipeline.store.schema import SCHEMA_VERSION
from pipeline.store.writes import replace_article_files, replace_articles, stable_id, transaction, write_analyses

__all__ = [
    "DatabaseLocked", "ReadOnlyQuery", "DatabaseMissing", "StoreError", "SCHEMA_VERSION", "TimelineFilter", "analysis_state",
    "articles_for_days", "connect", "current_version", "indexed_files", "migrate", "open_db", "parquet_setting",
    "replace_article_files", "replace_articles", "run_readonly", "stable_id", "timeline_entries",
    "transaction", "unfinished_days", "write_analyses",
]
