"""Benchmark of date ranges on real news: the GUM date mentions of 43 Wikinews articles.

TimeBank scores TIMEX3 values; GUM's annotators wrote the calendar range each expression means
("this week" -> from/to, "March" -> 2014-03), in journalist-written Wikinews. This script tags each
article with the project's tagger and prints how many gold ranges it finds and gets exactly right,
with the misses and differences when asked (`--show N`).

    .venv/bin/python bench/bench_gum.py [--shared ../shared] [--show 20]
"""

from __future__ import annotations

import argparse
import calendar
import datetime as dt
import json
import re
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from pipeline.nlp import load_nlp  # noqa: E402
from pipeline.temporal import TemporalTagger  # noqa: E402


def iso_range(value: str | None, last: bool) -> str | None:
    """'2013' / '2013-09' / '2013-09-15' -> the first (or last) day it covers; None for partial dates."""
    if not value or value.startswith("-"):
        return None
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        return value
    if m := re.fullmatch(r"(\d{4})-(\d{2})", value):
        y, mo = int(m[1]), int(m[2])
        return dt.date(y, mo, calendar.monthrange(y, mo)[1] if last else 1).isoformat()
    if re.fullmatch(r"\d{4}", value):
        return f"{value}-12-31" if last else f"{value}-01-01"
    return None


def gold_range(m: dict) -> tuple[str, str] | None:
    if "when" in m:
        a, b = iso_range(m["when"], False), iso_range(m["when"], True)
    else:
        a = iso_range(m.get("from") or m.get("notBefore"), False)
        b = iso_range(m.get("to") or m.get("notAfter"), True)
    return (a, b) if a and b else None


def locate(text: str, m: dict) -> int:
    """Offset of the mention: its surface inside its sentence (GUM sentences are tokenized text)."""
    words = m["sentence"].split()[:6]
    pattern = r"\s*".join(re.escape(w) for w in words)
    s = re.search(pattern, text)
    start = s.start() if s else 0
    surface = r"\s*".join(re.escape(w) for w in m["surface"].split())
    hit = re.compile(surface).search(text, start)
    return hit.start() if hit else -1


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--shared", type=Path, default=REPO / ".." / "shared")
    ap.add_argument("--show", type=int, default=0, help="print up to N misses and differences")
    a = ap.parse_args()
    news = a.shared / "data" / "news"
    articles = {}
    for line in (news / "articles.jsonl").open(encoding="utf-8"):
        row = json.loads(line)
        articles[row["id"]] = row
    mentions = [json.loads(line) for line in (news / "gum_date_mentions.jsonl").open(encoding="utf-8")]
    nlp, tagger = load_nlp(), TemporalTagger()
    tagged: dict[str, list] = {}
    total = found = exact = 0
    report: list[str] = []
    for m in mentions:
        art, gold = articles.get(m["doc_id"]), gold_range(m)
        if art is None or gold is None:
            continue
        if m["doc_id"] not in tagged:
            pub = dt.date.fromisoformat(m["published"][:10])
            tagged[m["doc_id"]] = tagger.tag(nlp(art["text"]), pub)
        total += 1
        at = locate(art["text"], m)
        hits = [t for t in tagged[m["doc_id"]] if at >= 0 and t.start <= at < t.end or
                (at >= 0 and at <= t.start < at + len(m["surface"]))]
        if not hits:
            report.append(f"MISS {m['surface']!r} gold={gold}")
            continue
        found += 1
        t = hits[0]
        pred = (t.range_start.isoformat() if t.range_start else None,
                t.range_end.isoformat() if t.range_end else None)
        if pred == gold:
            exact += 1
        else:
            report.append(f"DIFF {m['surface']!r} gold={gold} ours={pred} value={t.value} rule={t.rule}")
    print(f"GUM Wikinews date mentions with a full gold range: {total}")
    print(f"found {found} ({100 * found / total:.1f}%), range exactly right {exact} "
          f"({100 * exact / total:.1f}% of all, {100 * exact / max(found, 1):.1f}% of found)")
    for line in report[:a.show]:
        print("  " + line)


if __name__ == "__main__":
    main()
