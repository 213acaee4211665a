"""Which files of an inbox are candidates, and how article files and their sidecars find each other."""

from __future__ import annotations

import os
from fnmatch import fnmatch
from pathlib import Path

from .rules import rules

SIDECAR_SUFFIX = ".meta.json"


def is_sidecar(path: Path) -> bool:
    return path.name.endswith(SIDECAR_SUFFIX) and len(path.name) > len(SIDECAR_SUFFIX)


def sidecar_stem(path: Path) -> str:
    """'X' for the sidecar 'X.meta.json'."""
    return path.name[: -len(SIDECAR_SUFFIX)]


def sidecar_for(article: Path) -> Path | None:
    """The sidecar 'X.meta.json' of the article file 'X.<ext>', when it exists."""
    candidate = article.with_name(article.stem + SIDECAR_SUFFIX)
    return candidate if candidate != article and candidate.is_file() else None


def articles_of_sidecar(sidecar: Path) -> list[Path]:
    """The article files a sidecar describes: the non-sidecar files of its folder named 'X.<ext>'."""
    stem = sidecar_stem(sidecar)
    try:
        entries = list(os.scandir(sidecar.parent))
    except OSError:
        return []
    return sorted(
        Path(e.path) for e in entries
        if not e.name.startswith(".") and not e.name.endswith(SIDECAR_SUFFIX) and Path(e.name).stem == stem
    )


def is_junk(name: str) -> bool:
    return name.startswith(".") or any(fnmatch(name, pattern) for pattern in rules().junk_files)


def scan_inbox(inbox: Path) -> list[Path]:
    """Every candidate file under inbox, sorted by inbox-relative path (see the package docstring)."""
    inbox = Path(inbox)
    if not inbox.is_dir():
        raise NotADirectoryError(f"inbox {inbox} is not a directory")
    junk_dirs = rules().junk_dirs
    found: list[tuple[str, Path]] = []
    for folder, dirs, files in os.walk(inbox, followlinks=False):
        dirs[:] = [d for d in dirs if not d.startswith(".") and d not in junk_dirs]
        names = [f for f in files if not is_junk(f)]
        stems = {Path(f).stem for f in names if not f.endswith(SIDECAR_SUFFIX)}
        for name in names:
            path = Path(folder, name)
            if name.endswith(SIDECAR_SUFFIX) and name[: -len(SIDECAR_SUFFIX)] in stems:
                continue  # read together with its article
            found.append((path.relative_to(inbox).as_posix(), path))
    found.sort(key=lambda item: item[0])
    return [path for _, path in found]
