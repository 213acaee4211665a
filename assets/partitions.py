"""Daily partitions by publication day (design §2)."""

import dagster as dg

from pipeline.config import partition_start

daily_partitions = dg.DailyPartitionsDefinition(start_date=partition_start().isoformat(), end_offset=1)

# A range of days is processed in one run: re-processing a year after improving the resolver is one click.
single_run = dg.BackfillPolicy.single_run()

DUCKDB_POOL = "duckdb"  # every asset and check that opens the database; the instance limits it to 1

# What every day-partitioned asset shares: its partitions, one run per range, and the DuckDB pool.
DAILY = {"partitions_def": daily_partitions, "backfill_policy": single_run, "pool": DUCKDB_POOL}
