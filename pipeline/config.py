"""Where things are by default; each can be overridden by an environment variable or a CLI flag."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parents[1]
SAMPLE_INBOX = PROJECT_ROOT / "samples" / "inbox"


def default_inbox() -> Path:
    return Path(os.environ.get("TIMELINE_INBOX", SAMPLE_INBOX))


def default_db() -> Path:
    return Path(os.environ.get("TIMELINE_DB", PROJECT_ROOT / "data" / "timeline.duckdb"))


def partition_start() -> dt.date:
    """The first day partition. News older than this is indexed but not processed."""
    return dt.date.fromisoformat(os.environ.get("TIMELINE_START_DATE", "2000-01-01"))


def max_file_bytes() -> int:
    return int(os.environ.get("TIMELINE_MAX_FILE_BYTES", 5 * 1024 * 1024))


def lock_timeout_s() -> float:
    """How long a writer waits for another process to let go of the DuckDB file before giving up."""
    return float(os.environ.get("TIMELINE_LOCK_TIMEOUT_S", 60))
