"""Shared fixtures: the ../shared folder (optional) and small inboxes written by the tests."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("TIMELINE_SHARED", REPO.parent / "shared"))

os.environ.setdefault("DO_NOT_TRACK", "1")
os.environ.setdefault("DAGSTER_DISABLE_TELEMETRY", "1")


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    """../shared beside the checkout; tests that need it skip cleanly when it is absent."""
    if not SHARED.is_dir():
        pytest.skip(f"{SHARED} is absent (development data is not part of the project)")
    return SHARED


@pytest.fixture(scope="session")
def seed_file(shared_dir: Path) -> Path:
    files = sorted((shared_dir / "seeds").glob("000_*.txt"))
    if not files:
        pytest.skip("the seed article is absent from ../shared/seeds")
    return files[0]


ARTICLES = {
    "2025-09-04-paris-summit.txt": (
        "Leaders pledge support at Paris summit\n"
        "PARIS — French President Emmanuel Macron announced Thursday that twenty countries would send "
        "engineers to Ukraine. Chancellor Friedrich Merz met Macron on Tuesday in Berlin. "
        "The leaders will meet again on Monday in Rome.\n"
    ),
    "harbour.json": (
        '{"title": "Harbour strike ends", "published": "2025-09-03", '
        '"text": "Dock workers in Rotterdam ended their strike on Wednesday after the port authority '
        'agreed to a new contract. The union said last week that talks had stalled."}'
    ),
    "broken.json": '{"title": "never closed", ',
}


def write_inbox(folder: Path, files: dict[str, str] = ARTICLES) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in files.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


@pytest.fixture()
def small_inbox(tmp_path: Path) -> Path:
    """Two good articles (txt with a dateline, json) and one broken file."""
    return write_inbox(tmp_path / "inbox")
