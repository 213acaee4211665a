"""Word lists of the languages other than English that the news quotes, shared by quotations (a quoted
paragraph in another language, its English translation after it) and event extraction (no English
event in a stretch of another language). Data in `resources/languages.json`."""

from __future__ import annotations

import json
import re
from functools import lru_cache
from pathlib import Path

LANGUAGES = Path(__file__).resolve().parent / "resources" / "languages.json"


@lru_cache(maxsize=1)
def foreign_function_words() -> frozenset[str]:
    """Function words of other languages ("que", "yang", "ve"), none of them an English word."""
    data = json.loads(LANGUAGES.read_text(encoding="utf-8"))
    return frozenset(w.lower() for w in data["foreign_function_words"])


# English's commonest words: a paragraph with few of them among many words is in another language (the
# original a translation follows: "Jordan commented on Twitter:" then the Spanish tweet, then its English)
_ENGLISH_WORDS = frozenset(
    "the a an and or of to in on at for with from by is are was were be been it this that these those "
    "we you he she they i not but as has have had will would".split())
ENGLISH_SHARE = 0.15  # a text with this share of English's commonest words is English
_WORD = re.compile(r"[^\W\d_]+")
_LATIN = re.compile(r"[a-zà-ÿāăąćčďđēėęěğīįıłńňōőœřśşšţťūůűųźżž]+")


def is_foreign_paragraph(paragraph: str) -> bool:
    """Another language: few of English's commonest words, and either another language's own ("que",
    "ve", "yang") or another script ("Начинать", "세금으로")."""
    words = _WORD.findall(paragraph.lower())
    if len(words) < 6 or sum(w in _ENGLISH_WORDS for w in words) >= ENGLISH_SHARE * len(words):
        return False
    accented = sum(not w.isascii() for w in words)  # "bugün", "kızkardeşlerin", "mañana"
    other_script = sum(not w.isascii() and not _LATIN.fullmatch(w) for w in words)
    theirs = foreign_function_words()
    return sum(w in theirs for w in words) >= 2 or accented >= 2 or other_script * 2 > len(words)


def english_share(text: str) -> float:
    """The share of English's commonest words among the words of `text` (1.0 for no words)."""
    words = _WORD.findall(text.lower())
    return sum(w in _ENGLISH_WORDS for w in words) / len(words) if words else 1.0
