"""Paragraph breaks: blank lines, and the line break before each bullet of a list."""

from pipeline.paragraphs import (crosses_list_item, crosses_paragraph, paragraph_spans, section_headings, topic_labels,
                                 trailing_sources)


def test_blank_lines_and_bullets_end_paragraphs() -> None:
    text = "Headline\n\nFirst paragraph\nhard-wrapped.\n- A bullet.\n* Another (AP)\n• A third\n2. Not a bullet"
    spans = [text[a:b] for a, b in paragraph_spans(text)]
    assert spans == ["Headline", "First paragraph\nhard-wrapped.", "- A bullet.", "* Another (AP)",
                     "• A third\n2. Not a bullet"]


def test_a_dash_at_a_wrapped_lines_start_is_no_bullet() -> None:
    text = "Supporters say it will save lives\n- and money - over the next decade.\n- Critics disagree."
    assert not crosses_paragraph(text, 0, text.index("money"))
    assert crosses_paragraph(text, 0, text.index("Critics"))


def test_a_list_a_colon_introduces_goes_on_with_its_sentence() -> None:
    text = "Under the plan, Hamas will:\n- Release all hostages\n- Hand over its weapons\n\nMarkets rose.\n- Oil fell."
    assert not crosses_paragraph(text, 0, text.index("Hand"))
    assert crosses_paragraph(text, text.index("Markets"), text.index("Oil"))


def test_only_a_bullet_ends_a_list_item() -> None:
    text = "- Talks resume on April 1.\n- MPs voted earlier in the day,\nafter a long debate."
    assert crosses_list_item(text, text.index("April"), text.index("earlier"))
    assert not crosses_list_item(text, text.index("earlier"), text.index("debate"))


def test_a_topic_label_is_a_bullet_over_other_bullets_that_does_not_end_as_prose() -> None:
    text = ("World\n- Sudanese civil war\n- The army signals plans to continue. (AFP) (Reuters)\n- Murder of Agnes Wanjiru\n"
            "- A soldier is charged. (BBC)\n- Protesters march\n\nThe measures include:\n- A ban on gatherings\n- A curfew")
    assert [text[a:b] for a, b in topic_labels(text)] == ["World", "- Sudanese civil war", "- Murder of Agnes Wanjiru"]


def test_the_sources_after_a_paragraphs_last_sentence() -> None:
    text = "- Three people are killed. (AFP via Courthouse News Service) (AP)\n- A court rules. (Prison sentence: 11 years.)"
    assert [text[a:b] for a, b in trailing_sources(text)] == [" (AFP via Courthouse News Service) (AP)"]


def test_a_note_on_a_source_with_an_aside_of_its_own_is_part_of_the_sources() -> None:
    text = "- The president resigns. (BBC) (Link dead as of 22:46, 14 January 2007 (UTC))\n- Floods kill 20. (AP)"
    assert [text[a:b] for a, b in trailing_sources(text)] == [
        " (BBC) (Link dead as of 22:46, 14 January 2007 (UTC))", " (AP)"]


def test_a_line_right_over_a_list_of_two_bullets_labels_it() -> None:
    text = ("Disasters\n- A bus crashes in Peru. (AP)\n- A fire kills 14 in Cairo. (AP)\n\nFloods\n\n- A dam bursts.\n"
            "- Rain falls.\n\nThe story goes on.\n\nIt goes on again.\n\nAnd it ends.")
    assert [text[a:b] for a, b in topic_labels(text)] == ["Disasters"]  # ("Floods" a blank line sets apart)


def test_a_short_line_between_paragraphs_heads_a_section() -> None:
    text = ("Protests spread across the country on Monday.\n\nReactions online\n\nBloggers wrote about it.\n\n"
            "Khalil notes:\n\nShe had no choice\n\n1. First rumors spread\n\nDepending on the year --\n\nThe end.")
    assert [text[a:b] for a, b in section_headings(text)] == ["Reactions online"]

