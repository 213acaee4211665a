"""The whole Definitions object loads, and holds what `dagster dev` must show."""

from __future__ import annotations

import dagster as dg


def test_definitions_load_with_assets_checks_sensor_and_schedule():
    from assets.definitions import defs

    repo = defs.get_repository_def()
    keys = {k.to_user_string() for k in repo.asset_graph.get_all_asset_keys()}
    assert keys == {"article_files", "articles", "temporal_expressions", "events", "timeline", "timeline_report"}
    checks = {k.name for k in repo.asset_graph.asset_check_keys}
    assert {"quarantined_files", "unique_article_ids", "unresolved_relative_expressions",
            "events_far_from_publication", "publication_dated_share"} <= checks
    sensor = defs.resolve_sensor_def("inbox_sensor")
    schedule = defs.resolve_schedule_def("nightly_schedule")
    assert sensor.default_status == dg.DefaultSensorStatus.RUNNING
    assert schedule.default_status == dg.DefaultScheduleStatus.RUNNING
    job = defs.resolve_job_def("timeline_job")
    assert job.partitions_def is not None


def test_every_asset_is_described_grouped_owned_and_in_the_duckdb_pool():
    from assets.definitions import defs

    graph = defs.get_repository_def().asset_graph
    for key in graph.get_all_asset_keys():
        node = graph.get(key)
        assert node.description, key
        assert node.group_name in {"ingest", "nlp", "timeline"}, key
        assert node.owners == ["team:timeline"], key
        assert node.kinds, key
    # DuckDB allows one writer: everything that opens the file shares the pool the instance limits to 1
    for definition in [*defs.assets, *defs.asset_checks]:
        assert definition.op.pool == "duckdb", definition


def test_workspace_yaml_points_at_the_definitions_module():
    import yaml
    from pipeline.config import PROJECT_ROOT

    workspace = yaml.safe_load((PROJECT_ROOT / "workspace.yaml").read_text())
    module = workspace["load_from"][0]["python_module"]["module_name"]
    assert module == "assets.definitions"
