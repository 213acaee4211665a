"""Resources: where the inbox is, the DuckDB file, and the loaded NLP models."""


from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

import dagster as dg
from dagster_duckdb import DuckDBResource

from pipeline import store
from pipeline.config import default_db, default_inbox, max_file_bytes

_ANALYZERS: dict[tuple[int, int], object] = {}


class InboxResource(dg.ConfigurableResource):
    """The folder articles land in, and the size above which a file is quarantined."""

    path: str
    max_file_bytes: int = 5 * 1024 * 1024

    @property
    def root(self) -> Path:
        return Path(self.path)


class AnalyzerResource(dg.ConfigurableResource):
    """spaCy, the temporal tagger and the event extractor, loaded once per process."""

    batch_size: int = 32
    n_process: int = 1

    def get(self):
        from pipeline.analysis import Analyzer

        key = (self.batch_size, self.n_process)
        if key not in _ANALYZERS:
            _ANALYZERS[key] = Analyzer(batch_size=self.batch_size, n_process=self.n_process)
        return _ANALYZERS[key]


class TimelineDuckDB(DuckDBResource):
    """dagster-duckdb's resource, opened through the store: retries with jitter while another process
    holds the file, names that process when it gives up, migrates, and always closes the connection."""

    lock_timeout_s: float | None = None  # None: TIMELINE_LOCK_TIMEOUT_S, else 60 s

    @contextmanager
    def get_connection(self):
        con = store.connect(self.database, timeout_s=self.lock_timeout_s, migrate_on_open=False)
        try:
            yield con
        finally:
            con.close()


@contextmanager
def open_store(database: DuckDBResource) -> Iterator:
    """A connection from the DuckDB resource, migrated (or, under the Parquet setting, viewing the files)."""
    with database.get_connection() as con:
        store.migrate(con)
        yield con


def build_resources(inbox: str | Path | None = None, db: str | Path | None = None) -> dict[str, object]:
    """The resources for a given inbox and database (defaults: environment, then the bundled sample)."""
    db_path = Path(db) if db else default_db()
    if store.parquet_setting() is not None:
        database = TimelineDuckDB(database=":memory:")  # views over the Parquet files, no file lock
    else:
        db_path.parent.mkdir(parents=True, exist_ok=True)
        database = TimelineDuckDB(database=str(db_path))
    return {
        "inbox": InboxResource(path=str(Path(inbox) if inbox else default_inbox()), max_file_bytes=max_file_bytes()),
        "database": database,
        "analyzer": AnalyzerResource(),
    }
