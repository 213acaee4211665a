"""Scale-out setting: two day partitions run in two processes at once, with no shared lock."""

import os
import subprocess
import sys
import textwrap

import duckdb

from pipeline.config import PROJECT_ROOT

RUN_ONE_DAY = textwrap.dedent("""
    import datetime as dt, sys
    import dagster as dg
    from pathlib import Path
    from assets.run import materialize_days
    day = dt.date.fromisoformat(sys.argv[2])
    outcome = materialize_days(Path(sys.argv[1]), Path("unused.duckdb"), day, day,
                               instance=dg.DagsterInstance.ephemeral())
    print("OK" if outcome.success else f"FAILED {outcome.error}")
""")


def test_two_partitions_in_two_processes_then_the_same_sql(small_inbox, tmp_path):
    root = tmp_path / "lake"
    env = {**os.environ, "TIMELINE_PARQUET_ROOT": str(root), "PYTHONPATH": str(PROJECT_ROOT)}
    env.pop("DAGSTER_HOME", None)
    procs = [
        subprocess.Popen([sys.executable, "-c", RUN_ONE_DAY, str(small_inbox), day], cwd=tmp_path, env=env,
                         stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        for day in ("2025-09-03", "2025-09-04")
    ]
    outputs = [p.communicate(timeout=300) for p in procs]
    for (out, errout), proc in zip(outputs, procs):
        assert proc.returncode == 0 and out.strip().endswith("OK"), out + errout[-2000:]
    assert not (tmp_path / "unused.duckdb").exists()  # nothing took the DuckDB file
    days = sorted(p.parent.name for p in (root / "events").glob("*/data.parquet"))
    assert days == ["date=2025-09-03", "date=2025-09-04"]

    # The same SQL over the files, from a plain DuckDB session through the project's views
    env_query = {**env}
    query = subprocess.run(
        [sys.executable, "-m", "pipeline.cli", "query",
         "SELECT count(DISTINCT article_id) AS n, count(*) FILTER (WHERE date_start IS NULL) AS undated FROM timeline",
         "--format", "csv"],
        env=env_query, capture_output=True, text=True, timeout=120,
    )
    assert query.returncode == 0, query.stderr
    assert query.stdout.splitlines()[1].split(",")[0] == "2"
    con = duckdb.connect()
    n = con.execute(f"SELECT count(*) FROM read_parquet('{root.as_posix()}/articles/*/data.parquet')").fetchone()[0]
    assert n == 2
