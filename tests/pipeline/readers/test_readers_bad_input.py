"""Bad input is quarantined with a reason naming the file and the problem; read_file never raises."""

from __future__ import annotations

import codecs
import datetime as dt
import json
import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pipeline.readers import ARTICLE_SUFFIXES, read_file, scan_inbox
from pipeline.readers import reader as reader_module

TODAY = dt.date(2025, 9, 15)


def quarantined(inbox: Path, rel: str, content: bytes | str, **kwargs) -> str:
    path = inbox / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(content.encode("utf-8") if isinstance(content, str) else content)
    result = read_file(path, inbox, today=TODAY, **kwargs)
    assert result.file.status == "quarantined", result
    assert result.articles == [] and result.file.n_articles == 0
    assert result.file.reason.startswith(f"{rel}: ")
    return result.file.reason


def test_malformed_json_reason_has_line_and_column(tmp_path: Path) -> None:
    text = '{\n  "title": "x",\n  "text": "y"\n  "published": "2025-09-04"\n}\n'
    reason = quarantined(tmp_path, "broken.json", text)
    assert reason == "broken.json: invalid JSON at line 4 column 3: Expecting ',' delimiter"


def test_json_not_an_object_and_without_text(tmp_path: Path) -> None:
    assert quarantined(tmp_path, "list.json", '[{"text": "a"}]') == (
        "list.json: JSON is a list, not an article object (one article per .json file; use .jsonl for many)")
    assert quarantined(tmp_path, "str.json", '"hello"') == "str.json: JSON is a string, not an article object"
    reason = quarantined(tmp_path, "notext.json", '{"title": "Only a title", "text": "  "}')
    assert reason.startswith("notext.json: JSON article without text")
    assert "not a string" in quarantined(tmp_path, "numtext.json", '{"text": ["a", "b"]}')
    assert "nested too deeply" in quarantined(tmp_path, "deep.json", "[" * 100_000 + "]" * 100_000)


def test_jsonl_with_no_good_line_is_quarantined(tmp_path: Path) -> None:
    reason = quarantined(tmp_path, "feed.jsonl", '{"title": "no text"}\n[1, 2]\n')
    assert reason.startswith("feed.jsonl: no readable line (2 of 2 lines bad): line 1: JSON article without text")
    assert "line 2: JSON is a list" in reason


def test_empty_and_whitespace_files(tmp_path: Path) -> None:
    assert quarantined(tmp_path, "empty.txt", b"") == "empty.txt: empty file"
    assert quarantined(tmp_path, "blank.md", "  \n\n\t\n") == "blank.md: empty file (only whitespace)"
    assert quarantined(tmp_path, "fm.md", "---\ntitle: Just metadata\n---\n\n") == "fm.md: no article text"


def test_binary_files(tmp_path: Path) -> None:
    assert quarantined(tmp_path, "nul.txt", b"abc\x00def") == "nul.txt: binary file, not text (contains NUL bytes)"
    png = b"\x89PNG\r\n\x1a\n" + bytes(range(256))
    assert quarantined(tmp_path, "photo.html", png) == "photo.html: binary file, not text (looks like PNG image)"
    assert "control characters" in quarantined(tmp_path, "ctl.txt", b"\x01\x02\x03\x04 text \x05\x06")


def test_oversized_file(tmp_path: Path) -> None:
    reason = quarantined(tmp_path, "big.txt", "word " * 300, max_bytes=1000)
    assert reason == "big.txt: too large: 1500 bytes (limit 1000)"


def test_encodings(tmp_path: Path) -> None:
    latin1 = "Caf\u00e9 owners protested in Li\u00e8ge.".encode("latin-1")
    assert quarantined(tmp_path, "latin1.txt", latin1) == (
        "latin1.txt: not valid UTF-8 at byte 3 (0xE9); save the file as UTF-8")
    truncated = "Protest in Li\u00e8".encode()[:-1]  # cut inside the two bytes of "è"
    assert quarantined(tmp_path, "cut.txt", truncated) == (
        "cut.txt: truncated UTF-8: the file ends inside a character (byte 13)")
    bad16 = codecs.BOM_UTF16_LE + "ok".encode("utf-16-le") + b"\x00\xd8"  # lone surrogate
    assert quarantined(tmp_path, "bad16.txt", bad16).startswith("bad16.txt: not valid UTF-16 at byte")


@pytest.mark.parametrize(
    "encoded",
    [
        codecs.BOM_UTF8 + "Protest in Li\u00e8ge on Monday.\r\nMore text.".encode(),
        "Protest in Li\u00e8ge on Monday.\r\nMore text.".encode("utf-16"),  # with BOM
        codecs.BOM_UTF16_BE + "Protest in Li\u00e8ge on Monday.\r\nMore text.".encode("utf-16-be"),
        "Protest in Li\u00e8ge on Monday.\r\nMore text.".encode("utf-32"),
    ],
)
def test_byte_order_marks_decide_the_encoding(tmp_path: Path, encoded: bytes) -> None:
    (tmp_path / "bom.txt").write_bytes(encoded)
    result = read_file(tmp_path / "bom.txt", tmp_path, today=TODAY)
    assert result.file.status == "ok"
    assert result.articles[0].text == "Protest in Li\u00e8ge on Monday.\nMore text."


def test_html_may_declare_its_own_charset(tmp_path: Path) -> None:
    html = (
        '<html><head><meta charset="windows-1252"><title>Caf\u00e9s reopen</title></head><body><article>'
        "<p>LI\u00c8GE \u2014 Caf\u00e9s reopened on Monday after the floods, the city said.</p>"
        "<p>Owners said trade was slow but improving.</p></article></body></html>"
    ).encode("cp1252")
    (tmp_path / "cafe.html").write_bytes(html)
    result = read_file(tmp_path / "cafe.html", tmp_path, today=TODAY)
    assert result.file.status == "ok"
    assert "Caf\u00e9s reopened on Monday" in result.articles[0].text


def test_html_without_article_text(tmp_path: Path) -> None:
    reason = quarantined(tmp_path, "nav.html", "<html><head><title>Home</title></head><body></body></html>")
    assert reason == "nav.html: no article text found in the HTML"


def test_markdown_front_matter_problems(tmp_path: Path) -> None:
    assert quarantined(tmp_path, "open.md", "---\ntitle: x\nBody") == (
        "open.md: front matter opened with '---' on line 1 is never closed")
    assert quarantined(tmp_path, "yaml.md", "---\ntitle: [unclosed\n---\nBody").startswith(
        "yaml.md: invalid YAML front matter")
    assert quarantined(tmp_path, "list.md", "---\n- a\n- b\n---\nBody") == (
        "list.md: front matter is a list, not a mapping of keys to values")


def test_unreadable_file_permissions(tmp_path: Path) -> None:
    if os.geteuid() == 0:
        pytest.skip("root reads files whatever their mode")
    path = tmp_path / "secret.txt"
    path.write_text("text")
    path.chmod(0)
    try:
        assert read_file(path, tmp_path).file.reason == "secret.txt: permission denied: the file cannot be read"
    finally:
        path.chmod(0o644)


def test_permission_error_while_opening(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The same path for root, who cannot be denied by file mode: the open itself fails."""
    (tmp_path / "secret.txt").write_text("text")

    def denied(path: Path, max_bytes: int) -> bytes:
        raise PermissionError(13, "Permission denied", str(path))

    monkeypatch.setattr(reader_module, "_read_bytes", denied)
    result = read_file(tmp_path / "secret.txt", tmp_path, today=TODAY)
    assert result.file.status == "quarantined"
    assert result.file.reason == "secret.txt: permission denied: the file cannot be read"
    assert result.file.size_bytes == 4  # what was learnt before the failure is kept


def test_file_deleted_between_scan_and_read(tmp_path: Path) -> None:
    (tmp_path / "gone.txt").write_text("Some text.")
    (tmp_path / "kept.txt").write_text("Other text.")
    paths = scan_inbox(tmp_path)
    (tmp_path / "gone.txt").unlink()
    results = {p.name: read_file(p, tmp_path, today=TODAY) for p in paths}
    assert results["gone.txt"].file.reason == "gone.txt: disappeared while reading"
    assert results["gone.txt"].file.file_hash is None
    assert results["kept.txt"].file.status == "ok"


def test_symlinks(tmp_path: Path) -> None:
    inbox, outside = tmp_path / "inbox", tmp_path / "outside"
    inbox.mkdir()
    outside.mkdir()
    (outside / "secret.txt").write_text("Not for the inbox.")
    (inbox / "real.txt").write_text("An article inside the inbox.")
    (inbox / "escape.txt").symlink_to(outside / "secret.txt")
    (inbox / "alias.txt").symlink_to(inbox / "real.txt")
    (inbox / "dangling.txt").symlink_to(inbox / "missing.txt")
    results = {p.name: read_file(p, inbox, today=TODAY) for p in scan_inbox(inbox)}
    assert results["escape.txt"].file.status == "quarantined"
    assert results["escape.txt"].file.reason.startswith("escape.txt: symlink pointing outside the inbox")
    assert results["alias.txt"].file.status == "ok"
    assert results["alias.txt"].articles[0].source_file == "alias.txt"
    assert results["dangling.txt"].file.reason.startswith("dangling.txt: broken symlink")


def test_fifo_is_not_read(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "pipe.txt")
    result = read_file(tmp_path / "pipe.txt", tmp_path, today=TODAY)  # must not block
    assert result.file.reason == "pipe.txt: not a regular file (device, pipe or socket)"


def test_sidecars(tmp_path: Path) -> None:
    (tmp_path / "orphan.meta.json").write_text('{"published": "2025-09-02"}')
    (tmp_path / "story.txt").write_text("Story text.")
    (tmp_path / "story.meta.json").write_text('{"published": "2025-09-02"')  # broken
    paths = [p.name for p in scan_inbox(tmp_path)]
    assert paths == ["orphan.meta.json", "story.txt"]
    orphan = read_file(tmp_path / "orphan.meta.json", tmp_path, today=TODAY).file
    assert orphan.reason == "orphan.meta.json: sidecar without its article (no file named 'orphan.<ext>' beside it)"
    story = read_file(tmp_path / "story.txt", tmp_path, today=TODAY).file
    assert story.status == "quarantined"
    assert story.reason == "story.txt: sidecar story.meta.json: invalid JSON at line 1 column 27: Expecting ',' delimiter"
    (tmp_path / "story.meta.json").write_text("[1]")
    assert read_file(tmp_path / "story.txt", tmp_path).file.reason == "story.txt: sidecar story.meta.json is not a JSON object"


def test_unsupported_format_is_listed_and_quarantined_junk_is_not_listed(tmp_path: Path) -> None:
    for name in ("report.pdf", "notes", ".DS_Store", ".hidden.txt", "Thumbs.db", "draft.txt~", "a.txt"):
        (tmp_path / name).write_bytes(b"%PDF-1.4 data" if name.endswith(".pdf") else b"text")
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "config.txt").write_text("x")
    assert [p.name for p in scan_inbox(tmp_path)] == ["a.txt", "notes", "report.pdf"]
    reason = read_file(tmp_path / "report.pdf", tmp_path).file.reason
    assert reason.startswith("report.pdf: unsupported format '.pdf'")
    assert read_file(tmp_path / "notes", tmp_path).file.reason.startswith("notes: unsupported format '(no extension)'")


def test_a_directory_named_like_an_article(tmp_path: Path) -> None:
    (tmp_path / "folder.txt").mkdir()
    assert read_file(tmp_path / "folder.txt", tmp_path).file.reason == "folder.txt: is a directory, not a file"


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.one_of(st.binary(max_size=400), st.text(max_size=300).map(lambda s: s.encode("utf-8"))),
       suffix=st.sampled_from(ARTICLE_SUFFIXES + (".meta.json", ".pdf")))
def test_read_file_never_raises_on_arbitrary_bytes(tmp_path: Path, data: bytes, suffix: str) -> None:
    path = tmp_path / f"fuzz{suffix}"
    path.write_bytes(data)
    result = read_file(path, tmp_path, max_bytes=300, today=TODAY)
    assert result.file.status in ("ok", "partial", "quarantined")
    if result.file.status == "quarantined":
        assert result.file.reason.startswith(f"fuzz{suffix}: ") and not result.articles
        assert "internal error" not in result.file.reason, result.file.reason
    else:
        assert result.articles and all(a.text.strip() for a in result.articles)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(obj=st.dictionaries(
    st.sampled_from(["text", "title", "published", "date", "url", "source", "id", "body", "headline"]),
    st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=True), st.text(max_size=40),
              st.lists(st.integers(), max_size=3), st.dictionaries(st.text(max_size=5), st.text(max_size=5), max_size=2)),
))
def test_read_file_never_raises_on_arbitrary_json_objects(tmp_path: Path, obj: dict) -> None:
    path = tmp_path / "item.json"
    path.write_text(json.dumps(obj))
    result = read_file(path, tmp_path, today=TODAY)
    assert result.file.status in ("ok", "quarantined")
    assert result.file.status == "ok" or "internal error" not in result.file.reason, result.file.reason
