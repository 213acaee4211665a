"""Quotations found in a text, paired marks and quoted posts alike."""

from pipeline.quotes import Quotes


def _texts(text: str, q: Quotes) -> list[str]:
    """The quoted stretches of `text`, in order."""
    return [text[a:b] for a, b in q.spans]


def test_paired_marks_and_posts_on_their_own_lines_are_quotations():
    text = ('He said "we won" and left.\n\n@jdoe: Police arrested my brother.\n\n> The vote was rigged.\n\n'
            "An @mention: in a sentence is no post.")
    q = Quotes(text)
    quoted = _texts(text, q)
    assert quoted == ['"we won"', "Police arrested my brother.", "The vote was rigged."]
    post = next(s for s in q.spans if text[s[0]:s[1]].startswith("Police"))
    assert q.posters[post] == "@jdoe"
    assert q.containing(text.index("brother")) == post
    assert q.containing(text.index("mention")) is None


def test_a_paragraph_a_speech_introduces_with_a_colon_is_a_quotation():
    text = ("Kenyan blogger Njeri Wangari wrote:\n\nThe police beat the students.\n\n"
            "The ministry denied it on Tuesday. Here are the results:\n\nTurnout fell.")
    q = Quotes(text)
    assert _texts(text, q) == ["The police beat the students."]
    (span,) = q.spans
    assert text[q.introduced[span]] == ":" and q.introduced[span] < span[0]


def test_the_english_translation_after_a_quotation_in_another_language_is_quoted_too():
    text = ("The activist quoted her words:\n\nHoy marchamos por la justicia y por la paz de nuestro pueblo.\n\n"
            'Today we march for justice and for the peace of our people ("marcha").\n\nThe march ended at noon.')
    q = Quotes(text)
    quoted = _texts(text, q)
    assert quoted == ["Hoy marchamos por la justicia y por la paz de nuestro pueblo.",
                      'Today we march for justice and for the peace of our people ("marcha").']
    assert len({q.introduced[s] for s in q.spans}) == 1
    assert q.containing(text.index("march ended")) is None


def test_a_post_after_an_invisible_direction_mark_is_a_post():
    text = "Intro.\n\n\u200f@A4Mai: Dear Mr. Brennan, your policy has failed.\n\nEnd."
    q = Quotes(text)
    (span,) = q.spans
    assert text[span[0]:span[1]] == "Dear Mr. Brennan, your policy has failed."
    assert q.posters[span] == "@A4Mai"


def test_an_intro_in_the_gerund_or_an_according_to_introduces_a_quoted_paragraph():
    text = ("The mothers wrote a letter explaining:\n\nOur sons were beaten by the police.\n\n"
            "According to the blogger Ana:\n\nThe police came at night.\n\nThe march ended.")
    q = Quotes(text)
    assert _texts(text, q) == ["Our sons were beaten by the police.", "The police came at night."]


def test_the_english_after_a_post_in_another_language_is_the_same_post():
    text = ("The poet posted her impressions.\n\n@bejanmatur: bugün geldim roboskiye ve gidemedim, kızkardeşlerin "
            "sesleri bırakmadı beni\n\nI arrived at Roboski today and could not leave.\n\nThe army denied it.")
    q = Quotes(text)
    quoted = _texts(text, q)
    assert quoted[1] == "I arrived at Roboski today and could not leave."
    assert q.posters[q.spans[1]] == "@bejanmatur"
    assert q.containing(text.index("army")) is None


def test_a_post_may_give_its_author_s_name_before_the_handle():
    text = "Marcelo Ebrard @m_ebrard: The police arrested a cyclist today.\n\nAn @mention: is no post."
    q = Quotes(text)
    assert _texts(text, q) == ["The police arrested a cyclist today."]
    assert q.posters[q.spans[0]] == "@m_ebrard"


def test_any_paragraph_ending_with_its_colon_introduces_the_next_but_a_list_s():
    text = ("Aiyah Saihati, a Saudi blogger, slammed the plan:\n\nThe union is a threat to us all.\n\n"
            "Watch the video below:\n\nThe police beat the protesters.\n\nThe speakers include:\n\nJohn, Mary.")
    q = Quotes(text)
    said = text.index("The union")
    assert q.containing(said) is not None and q.introduced[q.containing(said)] == text.index(":")
    assert q.containing(text.index("The police")) is None
    assert q.containing(text.index("John")) is None


def test_a_paragraph_ending_with_its_colon_takes_the_translation_and_what_goes_on_as_a_speech_does():
    text = ("The editorial criticized the statement and its real motive, the silencing of critics:\n\n"
            "Guebuza disse que os jovens precisam de deixar de ser fofoqueiros e entregarem-se ao trabalho.\n\n"
            "Guebuza said that young people need to stop gossiping and dedicate themselves to work.\n\n"
            "We know the president is wrong and we will keep fighting.\n\nThe ministry did not reply.")
    q = Quotes(text)
    for said in ("Guebuza disse", "Guebuza said", "We know"):
        span = q.containing(text.index(said))
        assert span is not None and q.introduced[span] == text.index(":\n"), said
        assert span in q.loosely_introduced
    assert q.containing(text.index("The ministry")) is None


def test_an_interview_answer_goes_on_to_the_next_label():
    text = "\n\n".join(["GV: How did it start?", "KM: I wrote a post.", "It spread fast.",
                        "GV: And then?", "KM: Calls came in.", "Most were kind."])
    q = Quotes(text)
    spread = q.containing(text.index("It spread"))
    assert spread is not None and q.answers[spread] == "KM"
    assert q.containing(text.index("Most were")) is None  # after the last label the interview may have ended


def test_an_interview_without_labels_has_its_answers_in_the_paragraphs_after_its_questions():
    text = "\n\n".join(["Wikinews interviews Ada Moreno, candidate for mayor", "Ada Moreno answered our questions.",
                        "Why are you running?", "I grew up here.", "The costs", "What about taxes?",
                        "We cut them.", "Campaign poster. Image: Ada Moreno.", "And the river?", "It floods."])
    q = Quotes(text)
    for answer in ("I grew up", "We cut", "It floods"):
        span = q.containing(text.index(answer))
        assert span is not None and span in q.answers and q.answers[span] is None  # who: the headline's name
    for reporters in ("Ada Moreno answered", "Why are you", "The costs", "Campaign poster", "And the river"):
        assert q.containing(text.index(reporters)) is None  # the lead, a question, a heading, a caption
    assert Quotes(text.replace("Wikinews interviews", "Meet")).answers == {}  # not called an interview


def test_an_answer_stops_at_the_next_label_even_when_a_question_ends_on_its_line():
    text = "\n\n".join(["Nwachukwu Egbunike (NE): What is BattaBox?", "CP: A Nigerian conversation.",
                        "It is music and film.", "NE: Why Lagos?", "CP: Because it is vibrant."])
    q = Quotes(text)
    answer = q.containing(text.index("A Nigerian"))
    assert q.answers[answer] == "CP"
    assert q.answers[q.containing(text.index("It is music"))] == "CP"
    assert q.answers[q.containing(text.index("Why Lagos"))] == "NE"


def test_an_intro_that_asks_the_reader_introduces_no_quotation():
    text = "Share this article with friends:\n\nThe police beat the students.\n\nWhat happened in Taksim on May 5:\n\nThe police came."
    assert Quotes(text).spans == []


def test_a_quotation_set_apart_goes_on_while_its_speaker_speaks_in_the_first_person():
    text = "\n\n".join(["Denesia Venus, blogging at Outlish, says:", "As adults, we sometimes neglect our parents.",
                        "But I often wonder who of us would care for them.",
                        "Other bloggers disagree with the idea.", "Denesia Venus adds that we must act."])
    q = Quotes(text)
    colon = text.index(":")
    assert q.introduced[q.containing(text.index("As adults"))] == colon
    assert q.introduced[q.containing(text.index("But I often"))] == colon
    assert q.containing(text.index("Other bloggers")) is None  # the reporter's own words, in the third person
    assert q.containing(text.index("Denesia Venus adds")) is None


def test_a_paragraph_naming_the_speaker_or_reporting_words_is_the_reporters():
    text = "\n\n".join(["Mikhailov blogged about the need for action:", "We will need constant coverage.",
                        "At this point Mikhailov, like us, was behind the times.",
                        "We are told the blog writes about it daily."])
    q = Quotes(text)
    assert q.containing(text.index("We will need")) is not None
    assert q.containing(text.index("At this point")) is None


def test_a_straight_quotation_may_run_on_into_the_next_paragraph_and_close_at_its_end():
    text = ('After the match, the coach said, "We learned a lot today.\n\nIt was an emotional day."\n\n'
            'In the last match of the day, Tunisia faced England. "Great game," a fan said.')
    q = Quotes(text)
    first = q.containing(text.index("We learned"))
    assert first is not None and first == q.containing(text.index("It was an emotional"))
    assert q.containing(text.index("In the last match")) is None  # the marks keep their parity after it
    assert q.containing(text.index("Great game")) is not None


def test_a_straight_mark_opening_the_next_paragraph_is_no_closing_one():
    text = 'He said, "We will stay.\n\n"We will not leave," he added.'
    q = Quotes(text)
    assert q.containing(text.index("We will not leave")) is not None  # the second paragraph's own quotation
    assert q.containing(text.index("he added")) is None


def test_a_curly_mark_a_straight_one_closes_in_its_paragraph_ends_there():
    text = 'It means something like \u201cthief." The word is common.\n\nHe used it in a title: \u201cThieves\u201d.'
    q = Quotes(text)
    assert _texts(text, q) == ['\u201cthief."', '\u201cThieves\u201d']
    assert q.containing(text.index("The word")) is None


def test_a_paragraph_set_apart_takes_in_the_words_it_quotes_itself():
    text = ('Nader described what happened:\n\nThe police stormed the hall. Three hours later they apologized, '
            'stating it was an \u201cindividual error\u201d.\n\nHowever, a member of the security admitted it.')
    q = Quotes(text)
    span = q.containing(text.index("The police"))
    assert span is not None and text[span[0]:span[1]].endswith("error\u201d.")
    assert q.containing(text.index("individual")) == span
    assert q.containing(text.index("However")) is None


def test_a_quotation_resumed_by_he_continues_takes_the_paragraphs_before_it():
    # "He continues:" tells the paragraphs between it and the first one were the quoted writer's too
    text = ("Blogging from Lesotho, Michael Jordan reports:\n\nViolence has flared up ahead of the vote.\n\n"
            "So the United Nations invited Archbishop Tutu to bolster democracy.\n\nHe continues:\n\n"
            "The election is more than a contested vote.\n\nThe reporter's own paragraph follows.")
    q = Quotes(text)
    quoted = _texts(text, q)
    assert quoted == ["Violence has flared up ahead of the vote.",
                      "So the United Nations invited Archbishop Tutu to bolster democracy.",
                      "The election is more than a contested vote."]


def test_an_intro_with_a_space_before_its_colon_introduces_a_quotation():
    # French-style spacing ("Fatih Aker commented on the lack of evidence :") is common in translated blogs
    text = "Here he shares the latest state of the film industry :\n\nThe industry is dying because of piracy."
    q = Quotes(text)
    assert _texts(text, q) == ["The industry is dying because of piracy."]


def test_a_paragraph_that_resumes_with_another_subject_takes_no_paragraph_into_the_quotation():
    # "The crackdown continues:" resumes no one's words: the reporter's paragraph before it stays the reporter's
    text = ("Blogger Anna Petrova writes:\n\nWe are tired of the lies of the regime.\n\n"
            "Police detained 20 more activists in Minsk on Monday.\n\nThe crackdown continues:\n\n"
            "Riot police beat students.\n\nFighting continued: Government troops shelled Homs.")
    q = Quotes(text)
    quoted = _texts(text, q)
    assert "Police detained 20 more activists in Minsk on Monday." not in quoted
    assert not any("shelled Homs" in t for t in quoted)
