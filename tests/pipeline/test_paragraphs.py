"""Paragraph breaks: blank lines, and the line break before each bullet of a list."""

from pipeline.paragraphs import crosses_list_item, crosses_paragraph, paragraph_spans, topic_labels


def test_blank_lines_and_bullets_end_paragraphs() -> None:
    text = "Headline\n\nFirst paragraph\nhard-wrapped.\n- A bullet.\n* Another (AP)\n• A third\n2. Not a bullet"
    spans = [text[a:b] for a, b in paragraph_spans(text)]
    assert spans == ["Headline", "First paragraph\nhard-wrapped.", "- A bullet.", "* Another (AP)",
                     "• A third\n2. Not a bullet"]


def test_a_dash_inside_a_line_is_no_bullet() -> None:
    text = "Talks went on - and on\n- until late."
    assert not crosses_paragraph(text, 0, text.index("and"))
    assert crosses_paragraph(text, 0, text.index("until"))


def test_a_bullet_that_does_not_end_as_prose_labels_a_topic() -> None:
    text = "- Sudanese civil war\n- The army signals plans to continue. (AFP) (Reuters)\n- Protesters march"
    assert [text[a:b] for a, b in topic_labels(text)] == ["- Sudanese civil war", "- Protesters march"]


def test_only_a_bullet_ends_a_list_item() -> None:
    text = "- Talks resume on April 1.\n- MPs voted earlier in the day,\nafter a long debate."
    assert crosses_list_item(text, text.index("April"), text.index("earlier"))
    assert not crosses_list_item(text, text.index("earlier"), text.index("debate"))
