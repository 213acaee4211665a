"""A news dateline ("LISBON —") is the article's place, never the subject of its first sentence."""

import pytest

from tests.pipeline.events.conftest import first_event


@pytest.mark.parametrize(
    ("text", "verb", "agent"),
    [
        ("OSLO — Thousands of ferry workers in Bergen walked off the job on Monday.", "walked", "Thousands"),
        ("GENEVA, Switzerland — Negotiators signed the accord on Tuesday.", "signed", "Negotiators"),
        ("NAIROBI (Reuters) - The central bank raised its main rate on Wednesday.", "raised", "bank"),
        ("WASHINGTON, Sept. 12 (Wire) - The Senate on Friday passed the bill.", "passed", "Senate"),
    ],
)
def test_the_dateline_is_not_the_agent(analyse, text, verb, agent):
    event = first_event(analyse(text)[0], verb)
    assert event.agent is not None and agent in event.agent
    assert event.agent.isupper() is False
    assert not any(w.isupper() and len(w) > 2 for w in event.agent.split()), event.agent  # no dateline word


def test_an_upper_case_subject_without_a_dash_is_still_a_subject(analyse):
    event = first_event(analyse("NATO approved the plan on Monday.")[0], "approved")
    assert event.agent == "NATO"
