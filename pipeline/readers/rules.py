"""The readers' data (reader_rules.yaml), loaded once and compiled, so patterns stay apart from code."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

RULES_FILE = Path(__file__).with_name("reader_rules.yaml")


@dataclass(frozen=True)
class Rules:
    junk_files: tuple[str, ...]
    junk_dirs: frozenset[str]
    keys: dict[str, tuple[str, ...]]
    headline_max_chars: int
    headline_max_words: int
    headline_bad_endings: tuple[str, ...]
    dateline: re.Pattern[str]
    not_places: frozenset[str]
    first_line_dates: tuple[re.Pattern[str], ...]
    path_dates: tuple[re.Pattern[str], ...]
    magic: tuple[tuple[bytes, str], ...]
    date_languages: tuple[str, ...]
    html_boilerplate: tuple[str, ...] = ()


def _expand(pattern: str, raw: dict) -> str:
    return pattern.replace("{month}", raw["month"]).replace("{weekday}", raw["weekday"])


@cache
def rules() -> Rules:
    """Load and compile the rules on first use (yaml is imported only then)."""
    import yaml

    raw = yaml.safe_load(RULES_FILE.read_text(encoding="utf-8"))
    headline = raw["headline"]
    return Rules(
        junk_files=tuple(raw["junk_files"]),
        junk_dirs=frozenset(raw["junk_dirs"]),
        keys={name: tuple(aliases) for name, aliases in raw["keys"].items()},
        headline_max_chars=int(headline["max_chars"]),
        headline_max_words=int(headline["max_words"]),
        headline_bad_endings=tuple(headline["bad_endings"]),
        dateline=re.compile(_expand(raw["dateline"], raw)),
        not_places=frozenset(raw["not_places"]),
        first_line_dates=tuple(re.compile(_expand(p, raw)) for p in raw["first_line_dates"]),
        path_dates=tuple(re.compile(p) for p in raw["path_dates"]),
        magic=tuple((k.encode("latin-1"), v) for k, v in raw["magic"].items()),
        date_languages=tuple(raw["date_languages"]),
        html_boilerplate=tuple(raw.get("html_boilerplate", ())),
    )
