"""First names that are a woman's or a man's, and the endings of Slavic and Central Asian family names that
tell it (data in `resources/first_names.json`): the gender of a person the text itself does not settle, so
that "she" does not stand for a man named just before her."""

from __future__ import annotations

import json
import re
from functools import lru_cache
from pathlib import Path

FIRST_NAMES = Path(__file__).resolve().parent / "resources" / "first_names.json"
PLATFORMS = Path(__file__).resolve().parent / "resources" / "platforms.json"


@lru_cache(maxsize=1)
def _genders() -> dict[str, str]:
    data = json.loads(FIRST_NAMES.read_text(encoding="utf-8"))
    out = {name.lower(): "f" for name in data["female"]}
    out.update({name.lower(): "m" for name in data["male"]})
    return out


@lru_cache(maxsize=1)
def _surname_endings() -> tuple[tuple[tuple[str, str], ...], tuple[str, ...]]:
    data = json.loads(FIRST_NAMES.read_text(encoding="utf-8"))
    # the longest ending first
    ends = tuple(sorted(((e, g) for g, es in data["surname_endings"].items() for e in es), key=lambda x: -len(x[0])))
    return ends, tuple(data["surname_exceptions"])


def first_name_gender(name: str) -> str | None:
    """"f", "m" or None for a person's name by its first word ("Serkalem Fasil" is unknown, "Mary Smith" f),
    else by the ending of a Slavic or Central Asian family name ("Begimai Bolotbekova" f)."""
    words = name.split()
    if not words:
        return None
    known = _genders().get(words[0].lower().strip(".,"))
    if known is not None or len(words) < 2:
        return known
    last = re.sub(r"['’]s$", "", words[-1].lower()).strip(".,")
    ends, exceptions = _surname_endings()
    if last.endswith(exceptions):
        return None  # "Giacomo Casanova", "Sixto Villanueva"
    return next((g for end, g in ends if last.endswith(end) and len(last) > len(end) + 2), None)


@lru_cache(maxsize=1)
def _platforms() -> frozenset[str]:
    return frozenset(name.lower() for name in json.loads(PLATFORMS.read_text(encoding="utf-8"))["platforms"])


def is_platform(name: str) -> bool:
    """A website or service ("Twitter", "LiveJournal"), which the entity model may read as a person."""
    return name.strip().lower() in _platforms()
