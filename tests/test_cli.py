"""The command line end to end, as a user runs it: the console script in subprocesses."""

import json
import shutil
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest

from pipeline.config import SAMPLE_INBOX

TIMELINE = [sys.executable, "-m", "pipeline.cli"]


def timeline(*args: str, input: str | None = None, env_home: Path | None = None) -> subprocess.CompletedProcess:
    import os

    env = {k: v for k, v in os.environ.items() if k != "DAGSTER_HOME"}
    env["COLUMNS"] = "200"
    return subprocess.run([*TIMELINE, *args], capture_output=True, text=True, input=input, env=env, timeout=600)


@pytest.fixture(scope="module")
def sample_run(tmp_path_factory) -> tuple[Path, str]:
    """The bundled sample inbox, run once through `timeline run`: (database, what it printed)."""
    db = tmp_path_factory.mktemp("cli") / "timeline.duckdb"
    result = timeline("run", "--inbox", str(SAMPLE_INBOX), "--db", str(db))
    assert result.returncode == 0, result.stdout + result.stderr
    return db, result.stdout


@pytest.fixture(scope="module")
def sample_db(sample_run) -> Path:
    return sample_run[0]


def test_run_prints_the_timeline_of_the_sample(sample_run):
    sample_db, out = sample_run
    assert "Timeline (" in out
    assert "2025-09" in out
    con = duckdb.connect(str(sample_db), read_only=True)
    n_files, n_quarantined = con.execute(
        "SELECT count(*), count(*) FILTER (WHERE status = 'quarantined') FROM article_files").fetchone()
    n_articles, n_undated = con.execute(
        "SELECT count(*), count(*) FILTER (WHERE pub_date_source = 'none') FROM articles").fetchone()
    merged = con.execute("SELECT count(*) FROM timeline_entries WHERE n_sources > 1").fetchone()[0]
    con.close()
    inbox_files = [p for p in SAMPLE_INBOX.iterdir() if not p.name.endswith(".meta.json")]
    assert n_files == len(inbox_files)
    assert n_quarantined == 1
    assert 10 <= n_articles <= 20 and n_undated == 1
    assert merged >= 1  # the story reported by two articles is one entry with two sources


def test_second_run_over_the_same_inbox_changes_nothing(sample_db):
    con = duckdb.connect(str(sample_db), read_only=True)
    before = con.execute("SELECT count(*), max(run_id) FROM events").fetchone()
    con.close()
    result = timeline("run", "--inbox", str(SAMPLE_INBOX), "--db", str(sample_db), "--quiet")
    assert result.returncode == 0, result.stderr
    assert "Nothing changed" in result.stdout
    con = duckdb.connect(str(sample_db), read_only=True)
    assert con.execute("SELECT count(*), max(run_id) FROM events").fetchone() == before
    con.close()


def test_show_filters_by_entity_and_dates(sample_db):
    everything = timeline("show", "--db", str(sample_db))
    narrowed = timeline("show", "--db", str(sample_db), "--from", "2025-09-04", "--to", "2025-09-04")
    assert everything.returncode == narrowed.returncode == 0
    n_all = int(everything.stdout.split("Timeline (")[1].split()[0])
    n_day = int(narrowed.stdout.split("Timeline (")[1].split()[0])
    assert 0 < n_day < n_all


def test_query_reads_and_cannot_write(sample_db):
    ok = timeline("query", "SELECT count(*) AS n FROM articles", "--db", str(sample_db), "--format", "json")
    assert ok.returncode == 0 and json.loads(ok.stdout)["n"] > 0
    bad = timeline("query", "DELETE FROM articles", "--db", str(sample_db))
    assert bad.returncode != 0 and "read-only" in bad.stderr


def test_query_on_a_missing_database_says_so(tmp_path):
    result = timeline("query", "SELECT 1", "--db", str(tmp_path / "none.duckdb"))
    assert result.returncode == 1 and "timeline run" in result.stderr


def test_explain_resolves_a_past_weekday_to_the_publication_day():
    result = timeline("explain", "--published", "2025-09-04", "Macron announced Thursday that he will travel Monday.")
    assert result.returncode == 0, result.stderr
    assert "2025-09-04" in result.stdout and "2025-09-08" in result.stdout


def test_tag_and_extract_speak_jsonl():
    doc = {"doc_id": "d1", "dct": "2025-09-04", "text": "The talks collapsed on Tuesday."}
    tagged = timeline("tag", "-", input=json.dumps(doc) + "\n")
    assert tagged.returncode == 0, tagged.stderr
    line = json.loads(tagged.stdout)
    assert line["doc_id"] == "d1" and line["timexes"][0]["value"] == "2025-09-02"
    extracted = timeline("extract", "-", input=json.dumps(doc) + "\n")
    assert extracted.returncode == 0, extracted.stderr
    events = json.loads(extracted.stdout)["events"]
    assert any(e["lemma"] == "collapse" and e["date_start"] == "2025-09-02" for e in events)


def test_tag_and_extract_read_id_and_published_and_name_bad_lines():
    lines = [json.dumps({"id": "a1", "published": "2025-09-04T08:00:00Z", "text": "Talks collapsed on Tuesday."}),
             "not json",
             json.dumps({"id": "a2", "published": "Sept. 4", "text": "Talks resume Monday."}),
             json.dumps({"id": "a3", "published": "2025-09-04", "text": "Talks will resume Monday."})]
    for command in ("tag", "extract"):
        result = timeline(command, "-", input="\n".join(lines) + "\n")
        assert result.returncode == 2  # some lines were no documents
        out = [json.loads(line) for line in result.stdout.splitlines()]
        assert [o["doc_id"] for o in out] == ["a1", "a3"]  # the good lines all went through
        assert out[0]["timexes"][0]["value"] == "2025-09-02" and out[1]["timexes"][0]["value"] == "2025-09-08"
        assert "line 2: not JSON" in result.stderr and "line 3: publication date" in result.stderr


def test_run_on_the_seed_dates_thursday_and_tuesday(shared_dir, seed_file, tmp_path):
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    shutil.copy(seed_file, inbox / seed_file.name)
    (inbox / (seed_file.stem + ".meta.json")).write_text(json.dumps({"published": "2025-09-04"}))
    db = tmp_path / "seed.duckdb"
    result = timeline("run", "--inbox", str(inbox), "--db", str(db), "--quiet")
    assert result.returncode == 0, result.stdout + result.stderr
    con = duckdb.connect(str(db), read_only=True)
    values = con.execute("SELECT lower(text), value FROM temporal_expressions").fetchall()
    n_0828 = con.execute("SELECT count(*) FROM events WHERE date_start = DATE '2025-08-28'").fetchone()[0]
    con.close()
    assert {v for t, v in values if t == "thursday"} == {"2025-09-04"}
    assert {v for t, v in values if t == "tuesday"} == {"2025-09-02"}
    assert not any("19th" in t for t, _ in values)
    assert n_0828 == 0


def test_show_says_which_end_of_an_open_date_is_known_and_sorts_by_it(sample_db):
    out = timeline("show", "--db", str(sample_db)).stdout
    days = [line.split("│")[1].strip() for line in out.splitlines() if line.startswith("│")]
    opened = [d for d in days if d.startswith("until ")]
    assert opened, "the sample has events known only to have happened by a day"
    firsts = [d.split()[1] if d.split()[0] in ("until", "from") else d.split()[0] for d in days if d]
    firsts = [d for d in firsts if d[:1].isdigit()]
    assert firsts == sorted(firsts)  # an "until" entry sits among the days, at its end
