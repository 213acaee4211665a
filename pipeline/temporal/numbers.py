"""Numbers written in words or digits ("twenty-four", "2 1/2", "a couple of", "1,000")."""

from __future__ import annotations

import re

from pipeline.temporal.resources import load_lexicon

_SMALL = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30,
    "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
}


def parse_number(text: str | None) -> float | None:
    """The value of a number phrase; None when it is vague or unknown."""
    if text is None:
        return None
    s = re.sub(r"\s+", " ", text.strip().lower())
    half = 0.0
    if s.endswith(" and a half"):
        half = 0.5
        s = s[: -len(" and a half")]
    m = re.fullmatch(r"(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?(?: (\d)/(\d))?", s)
    if m:
        value = float(m.group(1).replace(",", ""))
        if m.group(2):
            value += float("0." + m.group(2))
        if m.group(3) and int(m.group(4)):
            value += int(m.group(3)) / int(m.group(4))
        return value + half
    words = load_lexicon().number_words
    if s in words:
        return float(words[s]) + half
    total = 0
    current = 0
    for part in re.split(r"[\s-]+", s):
        if part in ("and", ""):
            continue
        if part in _SMALL:
            current += _SMALL[part]
        elif part == "hundred":
            current = max(current, 1) * 100
        elif part == "thousand":
            total += max(current, 1) * 1000
            current = 0
        else:
            return None
    return float(total + current) + half


_DECADE_WORDS = {
    "twenties": 2, "thirties": 3, "forties": 4, "fifties": 5, "sixties": 6, "seventies": 7,
    "eighties": 8, "nineties": 9,
}


def parse_spoken_year(text: str) -> int | None:
    """ "nineteen ninety-six" -> 1996, "two thousand" -> 2000."""
    s = re.sub(r"^the\s+year\s+", "", text.strip().lower())
    parts = re.split(r"[\s-]+", s)
    if parts[:2] == ["two", "thousand"]:
        rest = [p for p in parts[2:] if p != "and"]
        n = parse_number(" ".join(rest)) if rest else 0
        return 2000 + int(n or 0)
    if parts[0] in ("nineteen", "twenty") and len(parts) >= 2:
        century = _SMALL[parts[0]]
        if parts[1] == "hundred":
            return century * 100
        n = parse_number(" ".join(parts[1:]))
        if n is None or n >= 100:
            return None
        return century * 100 + int(n)
    return None


def decade_word(word: str) -> int | None:
    return _DECADE_WORDS.get(word.lower())
