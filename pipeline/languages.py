"""Word lists of the languages other than English that the news quotes, shared by quotations (a quoted
paragraph in another language, its English translation after it) and event extraction (no English
event in a stretch of another language). Data in `resources/languages.json`."""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

LANGUAGES = Path(__file__).resolve().parent / "resources" / "languages.json"


@lru_cache(maxsize=1)
def foreign_function_words() -> frozenset[str]:
    """Function words of other languages ("que", "yang", "ve"), none of them an English word."""
    data = json.loads(LANGUAGES.read_text(encoding="utf-8"))
    return frozenset(w.lower() for w in data["foreign_function_words"])
