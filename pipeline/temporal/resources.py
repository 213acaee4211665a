"""Loads the word lists and rules of `resources/` and compiles the rules' regular expressions.

The data files hold what varies with the language and the corpus (words, patterns); this module only
turns them into Python structures once per process.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources as importlib_resources
from typing import Any

import yaml

_PACKAGE = "pipeline.temporal"


def _load_yaml(name: str) -> Any:
    text = importlib_resources.files(_PACKAGE).joinpath("resources").joinpath(name).read_text(encoding="utf-8")
    return yaml.safe_load(text)


def _apostrophe_variants(names: dict[str, dict[str, int]]) -> dict[str, dict[str, int]]:
    """Each name as written in the lexicon, with a curly apostrophe, and without one ("Mothers Day")."""
    out = dict(names)
    for name, spec in names.items():
        if "'" in name:
            out.setdefault(name.replace("'", "’"), spec)
            out.setdefault(name.replace("'", ""), spec)
    return out


def _named_days(entries: list[dict[str, str]]) -> dict[tuple[int, int], list[tuple[dt.date, re.Pattern[str]]]]:
    """(month, day) -> the happenings that day names, each with its day and what must follow the day: up to
    two words, then the happening's noun ("the January 6 Capitol riot")."""
    days: dict[tuple[int, int], list[tuple[dt.date, re.Pattern[str]]]] = {}
    for entry in entries:
        day = dt.date.fromisoformat(entry["date"])
        after = re.compile(r"(?:st|nd|rd|th)?(?:\s+[A-Za-z][\w-]*){0,2}?\s+(?:%s)\b" % entry["after"], re.IGNORECASE)
        days.setdefault((day.month, day.day), []).append((day, after))
    return days


def alternation(words: list[str], optional_period: set[str] | None = None) -> str:
    """Regex alternation of `words`, longest first, spaces matching any whitespace."""
    parts = []
    for word in sorted(set(words), key=len, reverse=True):
        body = r"\s+".join(re.escape(w) for w in word.split())
        if optional_period and word in optional_period:
            body += r"\.?"
        parts.append(body)
    return "|".join(parts)


@dataclass(frozen=True)
class Rule:
    """One extraction rule of patterns.yaml, with its compiled expression."""

    name: str
    type: str
    kind: str
    regex: re.Pattern[str]
    det: bool = False
    det_required: bool = False
    priority: int = 0
    before: re.Pattern[str] | None = None
    triggers: frozenset[str] = frozenset()


@dataclass
class Lexicon:
    """The word lists of lexicon.yaml, as the normalizers use them."""

    months: dict[str, int]
    ambiguous_months: set[str]
    day_nouns: set[str]
    weekdays: dict[str, int]
    weekday_abbreviations: set[str]
    seasons: dict[str, str]
    parts_of_day: dict[str, str]
    number_words: dict[str, int]
    vague_numbers: set[str]
    ordinals: dict[str, int]
    units: dict[str, dict[str, Any]]
    unit_by_form: dict[str, str]
    references: dict[str, str]
    sets: dict[str, str]
    holidays: dict[str, dict[str, Any]]
    named_dates: dict[str, str]
    quantity_words: set[str]
    future_cues: set[str]
    position_mods: dict[str, str]
    approx_mods: dict[str, str]
    ranges: dict[str, Any] = field(default_factory=dict)
    goal_before: re.Pattern[str] | None = None  # a date of what is called or prepared for ("called for a summit in July")
    record_before: re.Pattern[str] | None = None  # a date of a record ("an account of July 20"): past
    change_verbs: re.Pattern[str] | None = None  # moving a date ("postponed ... from May 1 to May 8")
    limit_verbs: re.Pattern[str] | None = None  # granting time ("gave them until Tuesday")
    duration_verbs: frozenset[str] = frozenset()  # taking a duration ("took months before")
    game_words: frozenset[str] = frozenset()  # a game's report: "the first half" is the match's
    game_words_strong: frozenset[str] = frozenset()  # one of them in the sentence is enough
    newspaper_words: frozenset[str] = frozenset()  # "the Saturday Tribune": a paper's name, no day
    place_nouns: frozenset[str] = frozenset()  # "Christmas Island": a place's name, no day
    named_after_date: re.Pattern[str] | None = None  # "the 25 February movement": a group named by a date
    year_words_before: frozenset[str] = frozenset()  # words after which a number before a plural stays a year
    year_nouns: frozenset[str] = frozenset()  # plurals a year modifies ("2000 levels")
    generic_of_heads: frozenset[str] = frozenset()  # "the order of the day": no day
    present_era_nouns: frozenset[str] = frozenset()  # "our world today": the present era
    lowercase_holidays: frozenset[str] = frozenset()  # "on labor day": a holiday's name in lower case too
    national_holidays: dict[str, frozenset[str]] = field(default_factory=dict)  # "Greek Independence Day": not ours
    named_days: dict[tuple[int, int], list[tuple[dt.date, re.Pattern[str]]]] = field(default_factory=dict)  # "the October 7 attacks"
    fragments: dict[str, str] = field(default_factory=dict)


_TENS = "twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety"
_ONES = "one|two|three|four|five|six|seven|eight|nine"
_TEENS = "ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen"


def _build_fragments(lex: Lexicon) -> dict[str, str]:
    """Placeholder name -> regex fragment with a `{g}` slot for the group name."""
    month_abbrevs = {m for m in lex.months if len(m) <= 4 and m not in ("may", "june", "july")}
    day_abbrevs = set(lex.weekday_abbreviations)
    month_alt = alternation(list(lex.months), optional_period=month_abbrevs)
    full_days = [d for d in lex.weekdays if d not in day_abbrevs]
    weekday_alt = alternation(full_days) + "|" + "|".join(
        re.escape(d) + r"\." for d in sorted(day_abbrevs, key=len, reverse=True)
    )
    number_word_alt = alternation(list(lex.number_words))
    num = (
        r"(?P<{g}>(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?(?:\s+\d/\d)?"
        rf"|(?:{_TENS})(?:[\s-](?:{_ONES}))?(?:\s+hundred)?|(?:{_TEENS})|(?:{_ONES})\s+hundred"
        rf"|{number_word_alt})(?:\s+and\s+a\s+half)?"
    )
    unit_forms = []
    plural_forms = []
    for unit, spec in lex.units.items():
        unit_forms += [unit, spec["plural"]]
        plural_forms.append(spec["plural"])
    ordinal_alt = alternation(list(lex.ordinals)) + r"|\d{1,2}(?:st|nd|rd|th)"
    pmod = (
        r"(?:(?P<pmod>early|late|earlier|later|mid"
        r"|(?:the\s+)?(?:beginning|start|end|middle|close)\s+of(?:\s+the)?"
        r"|(?:the\s+)?(?:early|late|latter|last|first)\s+part\s+of(?:\s+the)?)(?:\s*-\s*|\s+))?"
    )
    approx = (
        r"(?:(?P<approx>around|approximately|roughly|nearly|almost|less\s+than|fewer\s+than"
        r"|up\s+to|no\s+more\s+than|at\s+most|more\s+than|at\s+least|no\s+less\s+than)\s+)?"
    )
    return {
        "MONTH": rf"(?P<{{g}}>{month_alt})",
        "WEEKDAY": rf"(?P<{{g}}>{weekday_alt})",
        "DAY": r"(?P<{g}>3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?(?!\d|:\d)",
        "YEAR": r"(?P<{g}>1[6-9]\d\d|20\d\d)(?![\d])",
        "NUM": num,
        "UNIT": rf"(?P<{{g}}>{alternation(unit_forms)})",
        "ANYUNIT": rf"(?P<{{g}}>{alternation(unit_forms)})",
        "UNITS": rf"(?P<{{g}}>{alternation(plural_forms)})",
        "SEASON": rf"(?P<{{g}}>{alternation(list(lex.seasons))})",
        "POD": rf"(?P<{{g}}>{alternation(list(lex.parts_of_day))})",
        "ORD": rf"(?P<{{g}}>{ordinal_alt})",
        "PMOD": pmod,
        "APPROX": approx,
        "REFERENCE": rf"(?P<{{g}}>{alternation(list(lex.references))})",
        "SETWORD": rf"(?P<{{g}}>{alternation(list(lex.sets))})",
        "HOLIDAY": rf"(?P<{{g}}>{alternation(list(lex.holidays))})",
    }


_DEFAULT_GROUP = {
    "MONTH": "month", "WEEKDAY": "weekday", "DAY": "day", "YEAR": "year", "NUM": "num",
    "UNIT": "unit", "ANYUNIT": "unit", "UNITS": "unit", "SEASON": "season", "POD": "pod", "ORD": "ord",
    "REFERENCE": "ref", "SETWORD": "setword", "HOLIDAY": "holiday",
}
_PLACEHOLDER = re.compile(r"\{([A-Z]+)(?:@([a-z0-9_]+))?\}")


def expand(pattern: str, fragments: dict[str, str]) -> str:
    """Replaces {X} / {X@name} placeholders of a rule pattern with their fragments."""

    def repl(m: re.Match[str]) -> str:
        key, name = m.group(1), m.group(2)
        if key not in fragments:
            return m.group(0)
        frag = fragments[key]
        if key in ("PMOD", "APPROX"):
            return frag
        return frag.replace("{g}", name or _DEFAULT_GROUP[key])

    return _PLACEHOLDER.sub(repl, pattern)


@lru_cache(maxsize=1)
def load_lexicon() -> Lexicon:
    """The lexicon of lexicon.yaml, with its regex fragments."""
    raw = _load_yaml("lexicon.yaml")
    units = raw["units"]
    unit_by_form = {}
    for unit, spec in units.items():
        unit_by_form[unit] = unit
        unit_by_form[spec["plural"]] = unit
    lex = Lexicon(
        months=raw["months"],
        ambiguous_months=set(raw["ambiguous_months"]),
        day_nouns=set(raw["day_nouns"]),
        weekdays=raw["weekdays"],
        weekday_abbreviations=set(raw["weekday_abbreviations"]),
        seasons=raw["seasons"],
        parts_of_day=raw["parts_of_day"],
        number_words=raw["number_words"],
        vague_numbers=set(raw["vague_numbers"]),
        ordinals=raw["ordinals"],
        units=units,
        unit_by_form=unit_by_form,
        references=raw["references"],
        sets=raw["sets"],
        holidays=_apostrophe_variants(raw["holidays"]),
        named_dates={str(k): str(v) for k, v in raw["named_dates"].items()},
        named_days=_named_days(raw["named_days"]),
        quantity_words=set(raw["quantity_words"]),
        future_cues=set(raw["future_cues"]),
        position_mods=raw["position_mods"],
        approx_mods=raw["approx_mods"],
        ranges=raw["ranges"],
        goal_before=re.compile(raw["goal_before"], re.IGNORECASE),
        record_before=re.compile(raw["record_before"], re.IGNORECASE),
        change_verbs=re.compile(raw["change_verbs"], re.IGNORECASE),
        limit_verbs=re.compile(raw["limit_verbs"], re.IGNORECASE),
        duration_verbs=frozenset(w.lower() for w in raw["duration_verbs"]),
        game_words=frozenset(w.lower() for w in raw["game_words"]),
        game_words_strong=frozenset(w.lower() for w in raw["game_words_strong"]),
        newspaper_words=frozenset(raw["newspaper_words"]),
        place_nouns=frozenset(raw["place_nouns"]),
        named_after_date=re.compile(raw["named_after_date"], re.IGNORECASE),
        year_words_before=frozenset(w.lower() for w in raw["year_words_before"]),
        year_nouns=frozenset(w.lower() for w in raw["year_nouns"]),
        generic_of_heads=frozenset(w.lower() for w in raw["generic_of_heads"]),
        present_era_nouns=frozenset(w.lower() for w in raw["present_era_nouns"]),
        lowercase_holidays=frozenset(_apostrophe_variants({w.lower(): {} for w in raw["lowercase_holidays"]})),
        national_holidays={name: frozenset(spec["others"]) for name, spec in raw["national_holidays"].items()},
    )
    lex.fragments = _build_fragments(lex)
    return lex


_CATEGORY_OF_PLACEHOLDER = {
    "MONTH": "MONTH", "WEEKDAY": "WEEKDAY", "UNIT": "UNIT", "UNITS": "UNIT", "ANYUNIT": "UNIT", "SEASON": "SEASON",
    "POD": "POD", "REFERENCE": "REFERENCE", "SETWORD": "SETWORD", "HOLIDAY": "HOLIDAY", "YEAR": "YEAR",
}
_SPECIAL_TRIGGERS = {
    "YEAR": r"\d{4}", "OLDYEAR": r"\bin\s[1-9]\d\d\b", "CLOCK": r"\d\s*[ap]\.?m\b", "SLASH": r"\d/\d", "DECADE": r"\d0s\b", "COLON": r"\d:\d\d",
}


def _rule_triggers(spec: dict) -> frozenset[str]:
    """Categories / words one of which every match of the rule contains."""
    cats = {_CATEGORY_OF_PLACEHOLDER[m.group(1)] for m in _PLACEHOLDER.finditer(spec["pattern"])
            if m.group(1) in _CATEGORY_OF_PLACEHOLDER}
    for t in spec.get("trigger", []) or []:
        cats.add(t if t.isupper() else t.lower())
    return frozenset(cats)


_WORD = re.compile(r"[A-Za-z]+")


@dataclass(frozen=True, eq=False)
class Trigger:
    """Finds the trigger words of every rule: a dictionary lookup per word (much faster than one
    big case-insensitive alternation) plus one small regex for digit-shaped triggers."""

    special: dict[str, re.Pattern[str]]
    categories: dict[str, frozenset[str]]

    def category_spans(self, text: str, lowers=None, starts=None, lengths=None) -> dict[str, list[tuple[int, int]]]:
        """Category (or literal word) -> spans of its trigger words in `text`. With the token
        arrays of a spaCy Doc (LOWER hashes, IDX, LENGTH) the lookup is vectorized."""
        out: dict[str, list[tuple[int, int]]] = {}
        if lowers is not None:
            import numpy as np

            by_hash = self._by_hash()
            for i in np.nonzero(np.isin(lowers, self._hashes()))[0].tolist():
                start = int(starts[i])
                span = (start, start + int(lengths[i]))
                for cat in by_hash[int(lowers[i])]:
                    out.setdefault(cat, []).append(span)
        else:
            get = self.categories.get
            for m in _WORD.finditer(text):
                cats = get(m.group(0).lower())
                if cats:
                    span = m.span()
                    for cat in cats:
                        out.setdefault(cat, []).append(span)
        # one pass per shape: in a single alternation "7:15" (COLON) would hide "15 p.m." (CLOCK)
        for name, rx in self.special.items():
            for m in rx.finditer(text):
                out.setdefault(name, []).append(m.span())
        return out

    @lru_cache(maxsize=1)
    def _by_hash(self) -> dict[int, frozenset[str]]:
        from spacy.strings import hash_string

        table: dict[int, frozenset[str]] = {}
        for word, cats in self.categories.items():
            for form in (word, word + "."):
                table[hash_string(form)] = cats
        return table

    @lru_cache(maxsize=1)
    def _hashes(self):
        import numpy as np

        return np.array(sorted(self._by_hash()), dtype=np.uint64)

    def __hash__(self) -> int:  # lru_cache on methods of this frozen singleton
        return id(self)


@lru_cache(maxsize=1)
def load_trigger() -> Trigger:
    """The trigger of all rules. The rules only run in windows around their trigger words, which
    keeps the tagger fast (most of a text holds none)."""
    lex = load_lexicon()
    cats: dict[str, set[str]] = {}

    def add(words, cat):
        for w in words:
            for part in _WORD.findall(w.lower()):
                cats.setdefault(part, set()).add(cat if cat is not None else w.lower())

    add(lex.months, "MONTH")
    add(lex.weekdays, "WEEKDAY")
    add([u for u in lex.units] + [s["plural"] for s in lex.units.values()], "UNIT")
    add(lex.seasons, "SEASON")
    add(lex.parts_of_day, "POD")
    add([w.split()[-1] for w in lex.references], "REFERENCE")
    add(lex.sets, "SETWORD")
    add([w.split()[-1] for w in lex.holidays], "HOLIDAY")
    for rule in load_rules():
        for t in rule.triggers:
            if not t.isupper():
                # a literal trigger word: every word part of it leads to the literal
                for part in _WORD.findall(t):
                    cats.setdefault(part, set()).add(t)
    categories = {w: frozenset(cs) for w, cs in cats.items()}
    special = {name: re.compile(rx, re.IGNORECASE) for name, rx in _SPECIAL_TRIGGERS.items()}
    return Trigger(special, categories)


@lru_cache(maxsize=1)
def load_rules() -> tuple[Rule, ...]:
    """The rules of patterns.yaml, compiled (case-insensitive, bounded by non-word characters)."""
    lex = load_lexicon()
    rules = []
    for spec in _load_yaml("patterns.yaml")["rules"]:
        body = expand(spec["pattern"], lex.fragments)
        regex = re.compile(rf"(?<![\w'])(?:{body})(?!\w)", re.IGNORECASE)
        rules.append(
            Rule(
                name=spec["name"],
                type=spec["type"],
                kind=spec["kind"],
                regex=regex,
                det=bool(spec.get("det", False)),
                det_required=spec.get("det") == "required",
                priority=int(spec.get("priority", 0)),
                before=re.compile(spec["before"], re.IGNORECASE) if spec.get("before") else None,
                triggers=_rule_triggers(spec),
            )
        )
    return tuple(rules)
