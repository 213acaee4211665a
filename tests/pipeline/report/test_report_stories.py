"""Grouping entries into stories and laying them out on lanes."""

from __future__ import annotations

import datetime as dt

from pipeline.report import group_stories
from pipeline.report.figure import assign_lanes

from tests.pipeline.report.report_rows import P, entries, event, source


def ids(story) -> set[str]:
    return {e.entry_id for e in story.events}


def test_articles_sharing_an_organisation_form_one_story_and_places_do_not_link():
    stories = group_stories(entries())
    groups = [ids(s) for s in stories]
    assert {"m1", "m2", "m3"} in groups  # metro-1 and metro-2 both name Metropolitano de Lisboa
    assert {"o1"} in groups
    # the harbour articles share "Lisbon" with the metro story, only as a place: a story of their own
    assert {"h1", "u1"} in groups
    assert len(stories) == 3


def test_stories_are_ordered_by_first_date_and_labelled_by_their_commonest_names():
    stories = group_stories(entries())
    assert [s.first_date for s in stories] == sorted(s.first_date for s in stories)
    metro = next(s for s in stories if "m1" in ids(s))
    assert metro.label.startswith("Metropolitano de Lisboa")
    assert [e.entry_id for e in metro.events] == ["m1", "m2", "m3"]
    harbour = next(s for s in stories if "h1" in ids(s))
    assert harbour.label == "Lisbon"  # a place may name a story even though it never links one
    assert harbour.events[-1].entry_id == "u1"  # undated entries last


def test_a_story_without_named_participants_takes_its_article_title():
    story, = group_stories([event("x", dt.date(2025, 1, 2), "fell", "Prices fell.", [P("prices", None, "agent")],
                                  [source("a", "Prices fall again")])])
    assert story.label == "Prices fall again"


def test_a_name_in_most_articles_is_too_common_to_link_stories():
    wire = [event(f"e{i}", dt.date(2025, 3, i + 1), "said", f"Reuters said thing {i}.",
                  [P("Reuters", "ORG", "speaker"), P(f"Company {i}", "ORG", "agent")], [source(f"a{i}", f"T{i}")])
            for i in range(8)]
    stories = group_stories(wire)
    assert len(stories) == 8


def test_same_day_entries_get_separate_lanes_and_distant_ones_share_one():
    day = dt.date(2025, 9, 1)
    events = [event(str(i), d, "x", "s", [], []) for i, d in
              enumerate([day, day, day + dt.timedelta(days=30), day])]
    lanes = assign_lanes(events, gap_days=2)
    assert len({lanes[0], lanes[1], lanes[3]}) == 3
    assert lanes[2] == 0
