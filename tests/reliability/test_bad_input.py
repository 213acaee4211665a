"""Every kind of bad input in ONE inbox, through `timeline run` in a real process: each bad file is
quarantined with a reason naming it and its problem, the good articles all come through, the run
succeeds, and nothing hangs (a FIFO once blocked the run forever)."""

from __future__ import annotations

import json
import os
from pathlib import Path

import duckdb
import pytest

from tests.reliability.conftest import news_article, timeline

BIG_BYTES = 50 * 1024 * 1024  # ten times the 5 MB limit; written in tmp, never committed

# file -> words its quarantine reason must contain (after "<file>: ")
QUARANTINED = {
    "empty.txt": "empty file",
    "whitespace.md": "only whitespace",
    "photo.txt": "binary file",
    "truncated.txt": "truncated UTF-8",
    "latin1.txt": "not valid UTF-8 at byte",
    "huge.txt": "too large",
    "list.json": "not an article object",
    "broken.json": "invalid JSON at line 1",
    "menu.html": "no article text",
    "impossible.md": "impossible publication date '2025-02-30'",
    "future.json": "in the future",
    "unclosed.md": "never closed",
    "escape.txt": "symlink pointing outside the inbox",
    "dangling.txt": "broken symlink",
    "2025-09-08-vanishing.txt": "disappeared while reading",
    "orphan.meta.json": "sidecar without its article",
    "report.pdf": "unsupported format '.pdf'",
    "pipe.txt": "not a regular file",
    "sub/deep/old-latin1.md": "not valid UTF-8",
}
# (source_file, item_index) of every article that must come through
GOOD = {
    ("2025-09-01-harbour.txt", 0), ("2025-09-02-story.md", 0), ("item.json", 0), ("2025-09-04-utf16.txt", 0),
    ("feed.jsonl", 0), ("feed.jsonl", 2), ("with-sidecar.txt", 0),
}


def write_bad_inbox(root: Path) -> Path:
    import datetime as dt

    inbox, outside = root / "inbox", root / "outside"
    inbox.mkdir()
    outside.mkdir()
    story = news_article(dt.date(2025, 9, 1), 0)
    files: dict[str, bytes | str] = {
        # good ones
        "2025-09-01-harbour.txt": story,
        "2025-09-02-story.md": "---\ntitle: Dock strike\ndate: 2025-09-02\n---\n" + news_article(dt.date(2025, 9, 2), 1),
        "item.json": json.dumps({"title": "Port deal", "published": "2025-09-03", "text": news_article(dt.date(2025, 9, 3), 2)}),
        "2025-09-04-utf16.txt": news_article(dt.date(2025, 9, 4), 3).replace("Mayor", "Maire L\u00e8ge").encode("utf-16"),
        "feed.jsonl": "\n".join([
            json.dumps({"published": "2025-09-05", "text": news_article(dt.date(2025, 9, 5), 4)}),
            '{"published": "2025-09-05", "text": "this line is cut',
            json.dumps({"published": "2025-09-06", "text": news_article(dt.date(2025, 9, 6), 5)}),
        ]) + "\n",
        "with-sidecar.txt": news_article(dt.date(2025, 9, 7), 6),
        "with-sidecar.meta.json": json.dumps({"published": "2025-09-07", "source": "Test Wire"}),
        "2025-09-08-vanishing.txt": news_article(dt.date(2025, 9, 8), 7),
        # bad ones
        "empty.txt": b"",
        "whitespace.md": " \n\t\n",
        "photo.txt": b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4,
        "truncated.txt": "Strike in Li\u00e8".encode()[:-1],
        "latin1.txt": "Caf\u00e9 owners protested in Li\u00e8ge on Monday.".encode("latin-1"),
        "list.json": json.dumps([{"text": "an article inside a list"}]),
        "broken.json": '{"title": "never closed", ',
        "menu.html": (
            "<html><head><title>Example News</title></head><body><nav><ul><li><a href='/'>Home</a></li>"
            "<li><a href='/world'>World</a></li></ul></nav><footer><p>Copyright 2025 Example Media.</p>"
            "</footer></body></html>"
        ),
        "impossible.md": "---\ntitle: Leap\ndate: 2025-02-30\n---\nThe council met on Monday.\n",
        "future.json": json.dumps({"published": "2999-01-01", "text": "The council met on Monday."}),
        "unclosed.md": "---\ntitle: never closed\nThe council met on Monday.\n",
        "orphan.meta.json": json.dumps({"published": "2025-09-02"}),
        "report.pdf": b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n",
        "sub/deep/old-latin1.md": "---\ndate: 2025-09-02\n---\nR\u00e9sum\u00e9 of the talks.".encode("latin-1"),
    }
    for name, content in files.items():
        path = inbox / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
    with open(inbox / "huge.txt", "wb") as handle:  # real text, so only its size is wrong
        line = (story.replace("\n", " ") + "\n").encode()
        handle.write(line * (BIG_BYTES // len(line) + 1))
    (outside / "secret.txt").write_text(story)
    (inbox / "escape.txt").symlink_to(outside / "secret.txt")
    (inbox / "dangling.txt").symlink_to(inbox / "nowhere.txt")
    os.mkfifo(inbox / "pipe.txt")
    return inbox


@pytest.fixture(scope="module")
def bad_run(tmp_path_factory):
    root = tmp_path_factory.mktemp("bad")
    inbox, db = write_bad_inbox(root), root / "t.duckdb"
    result = timeline("run", "--inbox", str(inbox), "--db", str(db), "--quiet", hooks=True, timeout=240,
                      TIMELINE_TEST_VANISH="2025-09-08-vanishing.txt")
    return inbox, db, result


def test_the_run_succeeds_without_a_traceback(bad_run):
    _, _, result = bad_run
    assert result.returncode == 0, result.stdout + result.stderr
    assert "succeeded" in result.stdout
    assert "Traceback" not in result.stdout + result.stderr
    assert "@@ deleted" in result.stderr  # the hook did delete the file in the middle of the run
    # One Dagster run: every run of `timeline run` re-indexes the whole inbox, so a second range would
    # index the inbox again after the deletion and (rightly) forget the vanished file.
    assert result.stdout.count("Run ") == 1, result.stdout


def test_every_bad_file_is_quarantined_with_a_reason_naming_it_and_its_problem(bad_run):
    _, db, _ = bad_run
    con = duckdb.connect(str(db), read_only=True)
    rows = {p: (s, r) for p, s, r in con.execute("SELECT path, status, reason FROM article_files").fetchall()}
    con.close()
    assert len(QUARANTINED) >= 15
    for path, problem in QUARANTINED.items():
        assert path in rows, f"{path} is missing from article_files"
        status, reason = rows[path]
        assert status == "quarantined", (path, status, reason)
        assert reason.startswith(f"{path}: ") and problem in reason, (path, reason)
    assert {p for p, (s, _) in rows.items() if s == "quarantined"} == set(QUARANTINED)


def test_the_jsonl_file_keeps_its_good_lines_and_names_the_bad_one(bad_run):
    _, db, _ = bad_run
    con = duckdb.connect(str(db), read_only=True)
    status, reason, n = con.execute(
        "SELECT status, reason, n_articles FROM article_files WHERE path = 'feed.jsonl'").fetchone()
    con.close()
    assert (status, n) == ("partial", 2)
    assert reason.startswith("feed.jsonl: 1 of 3 lines skipped: line 2: ")


def test_every_good_article_is_stored_and_analysed_once(bad_run):
    _, db, _ = bad_run
    con = duckdb.connect(str(db), read_only=True)
    articles = con.execute("SELECT source_file, item_index, article_id, text FROM articles").fetchall()
    analysed = con.execute(
        "SELECT a.source_file, a.item_index, s.n_events FROM articles a JOIN analysis_state s USING (article_id)"
    ).fetchall()
    dupes = con.execute("SELECT count(*) - count(DISTINCT event_id) FROM events").fetchone()[0]
    con.close()
    assert {(f, i) for f, i, _, _ in articles} == GOOD and len(articles) == len(GOOD)
    assert {(f, i) for f, i, _ in analysed} == GOOD and len(analysed) == len(GOOD)
    assert all(n > 0 for _, _, n in analysed)  # each of our stories has events (announced, met...)
    assert dupes == 0
    utf16 = next(t for f, _, _, t in articles if f == "2025-09-04-utf16.txt")
    assert "L\u00e8ge" in utf16  # decoded by its BOM, not mangled


def test_the_output_says_how_many_files_were_quarantined_and_why(bad_run):
    _, _, result = bad_run
    lines = [" ".join(line.split()) for line in result.stdout.splitlines()]
    summary = next(line for line in lines if line.startswith("article_files "))
    assert f"; {len(QUARANTINED)} quarantined" in summary, summary
    for path, problem in QUARANTINED.items():
        assert any(line.startswith(f"quarantined {path}: ") and problem in line for line in lines), path
