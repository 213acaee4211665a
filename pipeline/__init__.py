"""timeline: news articles in, a dated, queryable timeline of events out.

The domain core. Nothing in this package imports Dagster (only `pipeline.cli` loads the Dagster
definitions, lazily, for `timeline run`).
"""

__version__ = "0.1.0"
