"""Grouping entries into stories and laying them out on lanes."""

from __future__ import annotations

import datetime as dt

from pipeline.report import SourceLink, group_stories
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


def test_stories_are_ordered_by_median_date_and_named_after_their_first_headline():
    stories = group_stories(entries())
    assert [s.middle_date for s in stories] == sorted(s.middle_date for s in stories)
    metro = next(s for s in stories if "m1" in ids(s))
    assert metro.label == "Lisbon metro workers strike"
    assert metro.entities[0] == "Metropolitano de Lisboa"  # named in both metro articles
    assert [e.entry_id for e in metro.events] == ["m1", "m2", "m3"]
    harbour = next(s for s in stories if "h1" in ids(s))
    assert harbour.events[-1].entry_id == "u1"  # undated entries last
    assert harbour.entities == ["Lisbon"]  # a place may describe a story even though it never links one


def test_one_far_off_date_does_not_make_a_story_first():
    old = event("old", dt.date(1989, 1, 1), "founded", "Orbis was founded in 1989.", [P("Orbis", "ORG", "agent")],
                [source("orbis-2", "Orbis profile")])
    before = [s.label for s in group_stories(entries())]
    stories = group_stories([*entries(), old])
    assert [s.label for s in stories] == before
    assert stories[-1].events[0].entry_id == "old"  # the Orbis story, last as before, now begins in 1989


def test_without_headlines_a_story_is_named_by_its_names_then_its_first_entry():
    untitled = SourceLink(article_id="a", title=None, href=None, source_file="a.txt")
    story, = group_stories([event("x", dt.date(2025, 1, 2), "fell", "Prices fell.",
                                  [P("prices", None, "agent"), P("Acme", "ORG", "agent")], [untitled])])
    assert story.label == "Acme"
    story, = group_stories([event("x", dt.date(2025, 1, 2), "fell", "Prices fell.", [P("prices", None, "agent")],
                                  [untitled], agent="Prices")])
    assert story.label == "Prices fell"


def test_entries_with_a_start_but_no_end_and_stories_with_only_undated_entries_sort():
    half = event("half", dt.date(2025, 2, 1), "opened", "It opened.", [], [source("b", "B")])
    half.date_end = None
    lone = event("lone", None, "said", "He said.", [], [source("c", "C")])
    stories = group_stories([lone, half, *entries()])
    assert stories[-1].events == [lone]
    assert stories[0].events == [half]


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


def test_open_dates_say_which_end_is_known():
    from pipeline.report.model import ReportEvent

    fields = {f: None for f in ReportEvent.__dataclass_fields__}
    until = ReportEvent(**{**fields, "date_start": None, "date_end": dt.date(2025, 8, 19)})
    since = ReportEvent(**{**fields, "date_start": dt.date(2025, 8, 21), "date_end": None})
    assert (until.when, since.when) == ("until 2025-08-19", "from 2025-08-21")


def test_an_entry_known_only_by_its_end_sits_at_that_end():
    story = [source("s", "S")]
    early = event("early", dt.date(2025, 8, 1), "met", "They met.", [], story)
    late = event("late", dt.date(2025, 9, 1), "voted", "They voted.", [], story)
    until = event("until", None, "stayed", "They stayed.", [], story)
    until.date_end = dt.date(2025, 8, 19)
    [only] = group_stories([late, until, early])
    assert [e.entry_id for e in only.events] == ["early", "until", "late"]
