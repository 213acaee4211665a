"""English spelling rules that spaCy's rule lemmatizer gets wrong for verbs.

Its rules strip "-ed", "-ing", "-es" and keep the first stem it knows, so "hoped" becomes "hop" and
"staged" "stag" (both verbs exist), and an unknown doubled consonant stays ("blogged" -> "blogge").
English spelling settles both: a one-syllable verb ending in vowel + consonant doubles that consonant
before "-ed"/"-ing" ("hop" -> "hopped"), so "hoped" can only come from "hope"; and a doubled consonant
before "-ed"/"-ing" is undone ("blogged" -> "blog"). Event lemmas feed the timeline's merge of the same
event across articles and the modality cues ("hoped to" is an expectation), so they must be right.
"""

from __future__ import annotations

import re

# one syllable ending in a single vowel and a single consonant that doubles (not w, x, y; nor s, which
# American spelling leaves single: "bused", "gases")
_CVC = re.compile(r"[^aeiouy]*[aeiou][^aeiouswxy]")
# a doubled consonant spaCy left before an "e" ("blogge"); not s or t, whose "-sse", "-tte" verbs are
# words ("finesse", "silhouette")
_DOUBLED = re.compile(r"(.*[aeiou])([^aeioustwxy])\2e")


def verb_lemma(word: str, lemma: str) -> str:
    """The lemma of a verb form, `lemma` being the one spaCy gave."""
    word, fixed = word.lower(), lemma
    for suffix in ("ed", "ing", "es"):
        if word.endswith(suffix) and lemma.lower() == word[: -len(suffix)]:
            stem = lemma.lower()
            if _CVC.fullmatch(stem) and not (suffix == "es" and stem[-1] == "z"):
                return stem + "e"  # "hoped", "hoping", "hopes" -> "hope" ("gases" stays "gas")
    m = _DOUBLED.fullmatch(lemma.lower())
    if m and (word.endswith(m.group(2) * 2 + "ed") or word.endswith(m.group(2) * 2 + "ing")):
        return m.group(1) + m.group(2)  # "blogged" -> "blog", not "blogge"
    return fixed
