"""The Dagster UI in a real browser: `dagster dev` over a copy of the sample inbox, driven by Chromium.

It checks what a person would: the asset graph shows our assets and their edges; a run launched through
the webserver's GraphQL API (as the sensor would: one run over the range of days the inbox touches)
succeeds; the report asset's page shows its metadata; the HTML report opens from disk and draws the
events. Screenshots go to the test's tmp_path, and the graph and report ones to docs/screenshots/ for
the README. Every process started here is stopped at the end, whatever happens.

Needs Debian's Chromium (/usr/bin/chromium, installed by .ci/run) and the playwright package (the
`dev` extra); Playwright never downloads a browser here. Without either, the test skips and says why.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Callable, Iterator

import pytest

pytestmark = pytest.mark.slow

REPO = Path(__file__).resolve().parents[2]
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run"]
SCREENSHOTS = REPO / "docs" / "screenshots"
LOCATION, REPOSITORY, JOB = "timeline", "__repository__", "timeline_job"
ASSETS = {"article_files", "articles", "temporal_expressions", "events", "timeline", "timeline_report"}
EDGES = {("article_files", "articles"), ("articles", "temporal_expressions"), ("articles", "events"),
         ("temporal_expressions", "timeline"), ("events", "timeline"), ("timeline", "timeline_report")}
SERVER_TIMEOUT_S, RUN_TIMEOUT_S = 150, 300

# Reads the lineage SVG: each asset node is a <foreignObject> box, each edge a path from the right side
# of one box to the left side of another.
EDGES_JS = """() => {
  const svg = document.querySelector('svg[class*=svgContainer]');
  const nodes = [];
  for (const label of svg.querySelectorAll('[class*=AssetNode_assetName]')) {
    const box = label.closest('foreignObject');
    if (!box) continue;
    const [x, y, w, h] = ['x', 'y', 'width', 'height'].map((a) => parseFloat(box.getAttribute(a)));
    nodes.push({name: label.textContent.trim(), x, y, w, h});
  }
  const near = (a, b) => Math.abs(a - b) < 20;
  const edges = [];
  for (const path of svg.querySelectorAll('path[marker-end]')) {
    const n = (path.getAttribute('d').match(/-?\\d+(\\.\\d+)?/g) || []).map(Number);
    if (n.length < 4) continue;
    const [x1, y1, x2, y2] = [n[0], n[1], n[n.length - 2], n[n.length - 1]];
    const from = nodes.find((b) => near(x1, b.x + b.w) && y1 >= b.y && y1 <= b.y + b.h);
    const to = nodes.find((b) => near(x2, b.x) && y2 >= b.y && y2 <= b.y + b.h);
    edges.push([from ? from.name : null, to ? to.name : null]);
  }
  return {nodes: nodes.map((b) => b.name), edges};
}"""


def require_browser():
    """Debian's Chromium and the playwright package, or a skip that says which one is missing."""
    if not CHROMIUM.exists():
        pytest.skip(f"{CHROMIUM} is missing: `apt-get install -y chromium` (as .ci/run does) to run the UI test")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError as exc:
        pytest.skip(f"the playwright package is missing ({exc}): `pip install -e '.[dev]'`")
    return sync_playwright


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def log_tail(log: Path, lines: int = 40) -> str:
    return "\n".join(log.read_text(errors="replace").splitlines()[-lines:]) if log.exists() else "(no log)"


@contextmanager
def dagster_dev(tmp: Path, inbox: Path, db: Path) -> Iterator[tuple[subprocess.Popen, int, Path]]:
    """`dagster dev` in its own process group; the group is terminated, then killed, on the way out."""
    home = tmp / "home"
    home.mkdir()
    shutil.copy(REPO / "deploy" / "dagster.yaml", home / "dagster.yaml")
    port, log = free_port(), tmp / "dagster-dev.log"
    env = {**os.environ, "TIMELINE_INBOX": str(inbox), "TIMELINE_DB": str(db), "DAGSTER_HOME": str(home),
           "DO_NOT_TRACK": "1", "DAGSTER_DISABLE_TELEMETRY": "1"}
    dagster = Path(sys.executable).parent / "dagster"
    with open(log, "wb") as out:
        proc = subprocess.Popen(
            [str(dagster), "dev", "-h", "127.0.0.1", "-p", str(port), "-w", str(REPO / "workspace.yaml")],
            cwd=REPO, env=env, stdout=out, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
            start_new_session=True, preexec_fn=_default_interrupts,
        )
    try:
        yield proc, port, log
    finally:
        stop_group(proc)


def _default_interrupts() -> None:
    """In the child: SIGINT back to its default. A shell's background job (CI) ignores SIGINT, the child
    would inherit that, and `dagster dev` maps SIGTERM onto its SIGINT handler: it would ignore both."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def stop_group(proc: subprocess.Popen) -> None:
    """SIGTERM to the whole group (webserver, daemon, code server, run workers), SIGKILL after 30 s."""
    pgid = proc.pid  # start_new_session: the group id is the leader's pid
    for sig, grace in ((signal.SIGTERM, 30.0), (signal.SIGKILL, 10.0)):
        try:
            os.killpg(pgid, sig)
        except ProcessLookupError:
            break
        deadline = time.monotonic() + grace
        while time.monotonic() < deadline:
            try:
                proc.wait(timeout=0.2)
            except subprocess.TimeoutExpired:
                pass
            try:
                os.killpg(pgid, 0)  # anyone left in the group?
            except ProcessLookupError:
                return
    proc.wait(timeout=5)


def gql(port: int, query: str, variables: dict | None = None, timeout_s: float = 30) -> dict[str, Any]:
    body = json.dumps({"query": query, "variables": variables or {}}).encode()
    request = urllib.request.Request(f"http://127.0.0.1:{port}/graphql", data=body,
                                     headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(request, timeout=timeout_s) as response:
        payload = json.load(response)
    if payload.get("errors"):
        raise AssertionError(f"GraphQL errors: {payload['errors']}")
    return payload["data"]


def wait_for(what: str, check: Callable[[], Any], timeout_s: float, proc: subprocess.Popen, log: Path,
             every_s: float = 1.0) -> Any:
    """Poll `check` until it returns something truthy; fail with the server log if it dies or times out."""
    deadline = time.monotonic() + timeout_s
    while True:
        if proc.poll() is not None:
            pytest.fail(f"dagster dev exited ({proc.returncode}) while waiting for {what}:\n{log_tail(log)}")
        try:
            result = check()
        except (urllib.error.URLError, ConnectionError, TimeoutError, OSError):
            result = None
        if result:
            return result
        if time.monotonic() > deadline:
            pytest.fail(f"timed out after {timeout_s:.0f}s waiting for {what}:\n{log_tail(log)}")
        time.sleep(every_s)


def location_loaded(port: int):
    data = gql(port, """{ workspaceOrError { ... on Workspace { locationEntries { name loadStatus
        locationOrLoadError { __typename ... on PythonError { message } } } } } }""")
    for entry in data["workspaceOrError"]["locationEntries"]:
        if entry["name"] == LOCATION and entry["loadStatus"] == "LOADED":
            error = entry["locationOrLoadError"]
            if error and error["__typename"] == "PythonError":
                pytest.fail(f"the code location failed to load: {error['message']}")
            return True
    return False


def stop_sensor(port: int) -> str:
    """The test launches its own run; the inbox sensor (RUNNING by default) would launch a second one."""
    selector = {"repositoryLocationName": LOCATION, "repositoryName": REPOSITORY, "sensorName": "inbox_sensor"}
    data = gql(port, """query($s: SensorSelector!) { sensorOrError(sensorSelector: $s) {
        __typename ... on Sensor { sensorState { id status } } } }""", {"s": selector})
    state_id = data["sensorOrError"]["sensorState"]["id"]
    data = gql(port, """mutation($id: String!) { stopSensor(id: $id) { __typename
        ... on StopSensorMutationResult { instigationState { status } } ... on PythonError { message } } }""",
               {"id": state_id})
    return data["stopSensor"]["instigationState"]["status"]


def inbox_days(inbox: Path) -> tuple[dt.date, dt.date]:
    """The busiest range of publication days in the inbox, as the sensor clusters them into runs."""
    from pipeline.config import max_file_bytes
    from pipeline.runner import day_ranges, detect_changes

    days = detect_changes(inbox, {}, max_bytes=max_file_bytes(), today=dt.date.today()).days
    ranges = day_ranges(days)
    assert ranges, "the sample inbox yields no publication day"
    return max(ranges, key=lambda r: sum(r[0] <= d <= r[1] for d in days))


def launch_range_run(port: int, first: dt.date, last: dt.date) -> str:
    """One run of the job over first..last, as the sensor requests it. Its steps run in one process
    when the job's executor lets the run choose: every step waits on the DuckDB pool anyway, and a
    process per step costs seconds of imports each."""
    tags = [{"key": "dagster/asset_partition_range_start", "value": first.isoformat()},
            {"key": "dagster/asset_partition_range_end", "value": last.isoformat()},
            {"key": "timeline/source", "value": "e2e-test"}]
    for run_config in ({"execution": {"config": {"in_process": {}}}}, {}):
        params = {"selector": {"repositoryLocationName": LOCATION, "repositoryName": REPOSITORY, "jobName": JOB},
                  "runConfigData": run_config, "executionMetadata": {"tags": tags}}
        data = gql(port, """mutation($p: ExecutionParams!) { launchRun(executionParams: $p) { __typename
            ... on LaunchRunSuccess { run { runId } } ... on Error { message } } }""", {"p": params}, timeout_s=120)
        result = data["launchRun"]
        if result["__typename"] != "RunConfigValidationInvalid":  # an executor without the choice
            break
    assert result["__typename"] == "LaunchRunSuccess", result
    return result["run"]["runId"]


def run_status(port: int, run_id: str) -> str:
    data = gql(port, "query($id: ID!) { runOrError(runId: $id) { ... on Run { status } } }", {"id": run_id})
    return data["runOrError"]["status"]


def run_failures(port: int, run_id: str) -> list[str]:
    data = gql(port, """query($id: ID!) { logsForRun(runId: $id) { ... on EventConnection { events {
        __typename ... on ExecutionStepFailureEvent { stepKey error { message } } } } } }""", {"id": run_id})
    events = data["logsForRun"].get("events", [])
    return [f"{e['stepKey']}: {e['error']['message']}" for e in events if e["__typename"] == "ExecutionStepFailureEvent"]


def report_metadata(port: int) -> dict[str, str]:
    data = gql(port, """{ assetOrError(assetKey: {path: ["timeline_report"]}) { ... on Asset {
        assetMaterializations(limit: 1) { metadataEntries { label __typename
            ... on PathMetadataEntry { path } ... on IntMetadataEntry { intValue } } } } } }""")
    materializations = data["assetOrError"]["assetMaterializations"]
    assert materializations, "timeline_report has no materialization"
    return {e["label"]: e.get("path", e.get("intValue")) for e in materializations[0]["metadataEntries"]}


def open_lineage(browser, port: int):
    """The global lineage in a fresh page: navigation and asset tree hidden, every group expanded."""
    page = new_page(browser)
    page.goto(f"http://127.0.0.1:{port}/asset-groups", wait_until="networkidle")
    page.wait_for_selector("svg[class*=svgContainer] foreignObject", timeout=60_000)
    page.get_by_role("button", name="Hide navigation").click()
    page.locator("button:has([aria-label=panel_show_right])").last.click()  # the asset tree
    page.locator("button:has([aria-label=settings])").last.click()  # the graph's settings menu
    page.get_by_role("menuitem", name=re.compile("Expand all groups")).click()
    page.keyboard.press("Escape")
    page.wait_for_function(
        "document.querySelectorAll('svg[class*=svgContainer] [class*=AssetNode_assetName]').length >= 6",
        timeout=30_000)
    page.wait_for_timeout(500)  # the graph animates to its fitted zoom
    return page


def hover_first_visible(page, points) -> None:
    """Move the mouse onto a drawn marker inside the plot area (the chart may open zoomed in)."""
    area = page.locator(".js-plotly-plot .draglayer .xy .nsewdrag").first.bounding_box()
    for i in range(points.count()):
        box = points.nth(i).bounding_box()
        if box and area["x"] < box["x"] and box["x"] + box["width"] < area["x"] + area["width"] \
                and area["y"] < box["y"] and box["y"] + box["height"] < area["y"] + area["height"]:
            page.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
            return
    pytest.fail("no drawn marker lies inside the plot area")


def new_page(browser):
    """A page in a fresh context (the UI keeps layout choices in localStorage)."""
    context = browser.new_context(viewport={"width": 1800, "height": 900})
    # Dagster's first-visit "join the community" dialog would cover the page.
    context.add_init_script("window.localStorage.setItem('communityNux', '\"1\"')")
    return context.new_page()


def test_dagster_ui_lineage_run_metadata_and_report(tmp_path):
    sync_playwright = require_browser()
    started = time.monotonic()
    inbox, db = tmp_path / "inbox", tmp_path / "t.duckdb"
    inbox.mkdir()  # empty until the sensor is stopped, so that it launches nothing of its own
    shots = tmp_path / "screenshots"
    shots.mkdir()
    timings: dict[str, float] = {}

    with dagster_dev(tmp_path, inbox, db) as (proc, port, log):
        wait_for("the code location", lambda: location_loaded(port), SERVER_TIMEOUT_S, proc, log)
        timings["server"] = time.monotonic() - started
        assert stop_sensor(port) == "STOPPED"
        for item in (REPO / "samples" / "inbox").iterdir():
            shutil.copy(item, inbox / item.name)
        first, last = inbox_days(inbox)

        with sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS)
            try:
                page = open_lineage(browser, port)
                graph = page.evaluate(EDGES_JS)
                assert set(graph["nodes"]) == ASSETS
                assert {tuple(e) for e in graph["edges"]} == EDGES
                page.screenshot(path=str(shots / "asset-graph-before.png"))

                page.context.close()  # the lineage page's live polling competes with the run for CPU
                timings["lineage"] = time.monotonic() - started - timings["server"]
                t0 = time.monotonic()
                run_id = launch_range_run(port, first, last)
                timings["launch"] = time.monotonic() - t0
                status = wait_for(
                    f"run {run_id} over {first}..{last}",
                    lambda: (s := run_status(port, run_id)) in ("SUCCESS", "FAILURE", "CANCELED") and s,
                    RUN_TIMEOUT_S, proc, log, every_s=2.0)
                timings["run"] = time.monotonic() - t0 - timings["launch"]
                assert status == "SUCCESS", f"run {status}: {run_failures(port, run_id)}\n{log_tail(log)}"

                meta = report_metadata(port)
                report = Path(meta["path"])
                assert report == db.parent / "timeline_report.html" and report.exists()
                assert meta["entries"] > 0 and meta["stories"] > 0

                page = new_page(browser)
                page.goto(f"http://127.0.0.1:{port}/runs/{run_id}", wait_until="networkidle")
                page.get_by_text("Success", exact=False).first.wait_for(timeout=30_000)
                page.screenshot(path=str(shots / "run.png"))

                page.goto(f"http://127.0.0.1:{port}/assets/timeline_report", wait_until="networkidle")
                page.get_by_text(str(report)).first.wait_for(timeout=30_000)  # the `path` metadata entry
                for label in ("entries", "stories", "dated_entries"):
                    assert page.get_by_text(label, exact=True).count() >= 1, label
                page.screenshot(path=str(shots / "timeline_report-asset.png"), full_page=True)

                page.context.close()
                page = open_lineage(browser, port)
                assert page.get_by_text("Never materialized").count() == 0  # every asset ran
                page.screenshot(path=str(shots / "asset-graph.png"))

                page.context.close()
                page = new_page(browser)
                page.goto(report.as_uri())
                points = page.locator(".js-plotly-plot .cartesianlayer .scatterlayer .point")
                points.first.wait_for(timeout=30_000)
                assert points.count() == meta["dated_entries"]  # every dated entry is drawn
                rows = page.locator("tr.event")
                assert rows.count() == meta["entries"]  # and every entry listed
                assert page.locator("section.story").count() == meta["stories"]
                assert page.locator("tr.event a[href]").count() >= meta["entries"]  # each links its article
                hover_first_visible(page, points)
                tip = page.locator(".hoverlayer .hovertext")
                tip.first.wait_for(timeout=10_000)
                assert "source:" in tip.first.text_content()
                page.screenshot(path=str(shots / "timeline-report.png"))
            finally:
                browser.close()

    if os.environ.get("TIMELINE_UPDATE_SCREENSHOTS"):  # `make screenshots`: refresh the README's pictures
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        for name in ("asset-graph.png", "timeline-report.png"):
            shutil.copy(shots / name, SCREENSHOTS / name)
    total = time.monotonic() - started
    print(f"UI test: server {timings['server']:.0f}s, lineage {timings['lineage']:.0f}s, "
          f"launch {timings['launch']:.0f}s, run {timings['run']:.0f}s, total {total:.0f}s")
