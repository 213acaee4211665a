"""Grouping timeline entries into stories a reader recognises.

A story is a connected group of articles: two articles belong to the same story when they report the
same merged timeline entry, or when their events share a distinctive named participant (a person, an
organisation, a product, a law...). Places and nationalities do not link stories: "Paris" or "French"
would chain unrelated news together. A participant named in a large share of all articles is too
common to be distinctive and does not link either. Every entry then goes to its articles' story.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from typing import Iterable, Sequence

from pipeline.report.model import ReportEvent, SourceLink, Story

# spaCy labels of participants that identify a story; GPE, LOC and NORP only label one.
LINKING_LABELS = frozenset({"PERSON", "ORG", "PRODUCT", "EVENT", "LAW", "WORK_OF_ART", "FAC"})
LABEL_LABELS = LINKING_LABELS | {"GPE", "LOC", "NORP"}
COMMON_SHARE = 0.4  # a participant in more than this share of the articles (and > 3 of them) is too common
MAX_LABEL_CHARS = 48
ROLE_RANK = {"agent": 0, "speaker": 1, "patient": 2, "participant": 3, "place": 4}


class _Components:
    """Union-find over article ids."""

    def __init__(self) -> None:
        self.parent: dict[str, str] = {}

    def find(self, item: str) -> str:
        self.parent.setdefault(item, item)
        root = item
        while self.parent[root] != root:
            root = self.parent[root]
        while self.parent[item] != root:
            self.parent[item], item = root, self.parent[item]
        return root

    def union(self, items: Iterable[str]) -> None:
        items = list(items)
        for other in items[1:]:
            a, b = self.find(items[0]), self.find(other)
            if a != b:
                self.parent[max(a, b)] = min(a, b)


def _key(text: str) -> str:
    return " ".join(text.lower().split())


def _shorten(text: str, limit: int = MAX_LABEL_CHARS) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def group_stories(events: Sequence[ReportEvent]) -> list[Story]:
    """Stories, earliest (median date) first (stories with only undated entries last); entries sorted by date."""
    components = _Components()
    mentions: dict[str, set[str]] = defaultdict(set)  # participant key -> articles naming it
    for event in events:
        article_ids = [s.article_id for s in event.sources] or [f"entry:{event.entry_id}"]
        components.union(article_ids)  # one merged entry: its articles report the same happening
        for p in event.participants:
            if p.label in LINKING_LABELS and p.role != "place":
                mentions[_key(p.text)].update(article_ids)
    n_articles = len(components.parent)
    too_common = max(3, COMMON_SHARE * n_articles)
    for articles in mentions.values():
        if len(articles) <= too_common:
            components.union(sorted(articles))

    grouped: dict[str, list[ReportEvent]] = defaultdict(list)
    for event in events:
        first = event.sources[0].article_id if event.sources else f"entry:{event.entry_id}"
        grouped[components.find(first)].append(event)

    stories = [_story(members) for members in grouped.values()]
    # By each story's median date, so that one old date quoted in a story does not move it first.
    stories.sort(key=lambda s: (s.middle_date is None, s.middle_date or dt.date.min, s.label))
    for number, story in enumerate(stories, start=1):
        story.story_id = number
    return stories


def _sort_key(event: ReportEvent):
    """By the first known day: an entry "until Aug. 19" sits at Aug. 19, as `timeline show` puts it."""
    first = event.date_start or event.date_end
    return (first is None, first or dt.date.min, event.date_end or dt.date.min, event.entry_id)


def _story(members: list[ReportEvent]) -> Story:
    """The story of `members`: named after its first article's headline, with its names ranked by
    how many of its articles mention them (then how many entries), agents before patients."""
    members = sorted(members, key=_sort_key)
    articles: dict[str, SourceLink] = {}
    named_in: dict[str, set[str]] = defaultdict(set)
    entries: Counter[str] = Counter()
    spelling: dict[str, str] = {}
    best_role: dict[str, int] = {}
    linking: set[str] = set()
    for event in members:
        for source in event.sources:
            articles.setdefault(source.article_id, source)
        for key in {_key(p.text) for p in event.participants if p.label in LABEL_LABELS}:
            entries[key] += 1
            named_in[key].update(s.article_id for s in event.sources)
        for p in event.participants:
            if p.label in LABEL_LABELS:
                key = _key(p.text)
                spelling.setdefault(key, " ".join(p.text.split()))
                best_role[key] = min(best_role.get(key, 9), ROLE_RANK.get(p.role, 5))
                if p.label in LINKING_LABELS:
                    linking.add(key)
    ranked = sorted(entries, key=lambda k: (-len(named_in[k]), -entries[k], k not in linking, best_role[k], k))
    entities = [spelling[k] for k in ranked]
    ordered = sorted(articles.values(), key=lambda a: (a.published is None, a.published or dt.date.min, a.article_id))
    titles = [a.title for a in ordered if a.title]
    if titles:
        label = titles[0]
    elif entities:
        label = " · ".join(entities[:2])
    else:
        label = members[0].headline or members[0].trigger
    return Story(story_id=0, label=_shorten(label), events=members, entities=entities, articles=ordered)
