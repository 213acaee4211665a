"""scan_inbox: recursive, sorted by relative path, without hidden files, junk, followed folder links."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.readers import read_inbox, scan_inbox, sidecar_for


def test_scan_is_recursive_sorted_and_skips_hidden_and_junk(tmp_path: Path) -> None:
    for rel in ("b.txt", "a/z.md", "a/b/c.json", "A.html", ".hidden/x.txt", "a/.DS_Store", "__MACOSX/a.txt",
                "x.meta.json", "x.txt", "lonely.meta.json", "~$draft.txt"):
        path = tmp_path / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("Text.")
    (tmp_path / "linked").symlink_to(tmp_path / "a", target_is_directory=True)
    rels = [p.relative_to(tmp_path).as_posix() for p in scan_inbox(tmp_path)]
    assert rels == ["A.html", "a/b/c.json", "a/z.md", "b.txt", "lonely.meta.json", "x.txt"]
    assert sidecar_for(tmp_path / "x.txt") == tmp_path / "x.meta.json"
    assert sidecar_for(tmp_path / "b.txt") is None
    assert [r.file.path for r in read_inbox(tmp_path)] == rels


def test_scan_of_a_missing_inbox_says_so(tmp_path: Path) -> None:
    with pytest.raises(NotADirectoryError):
        scan_inbox(tmp_path / "nope")
