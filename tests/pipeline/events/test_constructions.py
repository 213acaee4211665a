"""One example per construction, in sentences written for these tests."""

from __future__ import annotations

import datetime as dt

import pytest
import spacy
from spacy.tokens import Doc

from pipeline.events.extractor import _preview
from pipeline.models import Timex

DCT = dt.date(2026, 3, 5)  # a Thursday


def test_passive_agent_comes_from_by(analyse, event):
    events, _ = analyse("The contract was signed by Peter Novak in Vienna.", DCT)
    signed = event(events, "signed")
    assert signed.agent == "Peter Novak"
    assert signed.patient == "contract"
    assert signed.place == "Vienna"
    roles = {(p.text, p.role) for p in signed.participants}
    assert ("Peter Novak", "agent") in roles


def test_eventive_noun_takes_its_own_date(analyse, event):
    events, timexes = analyse("The meeting on Monday ended without a deal.", DCT)
    meeting = event(events, "meeting")
    assert meeting.pos == "NOUN"
    monday = next(t for t in timexes if t.text == "Monday")
    assert (meeting.timex_start, meeting.timex_end) == (monday.start, monday.end)
    assert (meeting.date_start, meeting.date_end) == (monday.range_start, monday.range_end)
    assert meeting.date_basis == "explicit"


def test_two_events_of_one_sentence_keep_different_dates(analyse, event):
    text = "The company announced on Tuesday that it will open a new plant on June 14, 2026."
    events, timexes = analyse(text, DCT)
    announced, open_ = event(events, "announced"), event(events, "open")
    tuesday = next(t for t in timexes if t.text == "Tuesday")
    assert announced.timex_start == tuesday.start
    assert announced.date_start == tuesday.range_start
    assert (open_.date_start, open_.date_end) == (dt.date(2026, 6, 14), dt.date(2026, 6, 14))
    assert open_.modality == "expected"
    assert announced.date_start != open_.date_start


def test_new_paragraph_returns_to_the_news_day(analyse, event):
    text = ("Flood waters rose across the valley on Tuesday. The storm that began on February 20 "
            "had dropped rain for a week.\n\n"
            "Firefighters evacuated two villages.")
    events, _ = analyse(text, DCT)
    evacuated = event(events, "evacuated")
    assert evacuated.date_basis == "narrative"
    assert evacuated.date_start == dt.date(2026, 3, 3)  # Tuesday, not the storm's February 20
    assert text[evacuated.timex_start:evacuated.timex_end] == "Tuesday"


def test_a_duration_says_how_long_not_when(analyse, event):
    text = ("The army retook the northern province.\n\n"
            "The rebels fought for three days in the hills.")
    events, _ = analyse(text, DCT)
    fought = event(events, "fought")
    assert (fought.date_start, fought.date_end) == (None, DCT)
    assert text[fought.timex_start:fought.timex_end] == "three days"


def test_no_publication_date_means_no_date(analyse, event):
    events, _ = analyse("The mayor resigned.", None)
    resigned = event(events, "resigned")
    assert resigned.date_basis == "none"
    assert resigned.date_start is None and resigned.date_end is None


def test_offsets_point_into_the_text(analyse, event):
    text = "Officials in Lima confirmed the arrest of two suspects after a long search."
    events, _ = analyse(text, DCT)
    assert events
    for e in events:
        assert text[e.start:e.end] == e.text
        assert text[e.sent_start:e.sent_end] == e.sentence
    assert {"confirmed", "arrest", "search"} <= {e.text for e in events}
    assert "suspects" not in {e.text for e in events}


def test_empty_and_odd_texts_do_not_break(analyse):
    assert analyse("", DCT)[0] == []
    assert analyse("   \n\n  ", DCT)[0] == []
    events, _ = analyse('He said "the vote was delayed.\n\nThen nothing.', DCT)
    assert {"said", "vote", "delayed"} <= {e.text for e in events}


def test_past_clause_under_a_dated_report_takes_the_story_time(analyse, event):
    events, timexes = analyse("Rescuers said on Saturday that they had cleared the mountain road.", DCT)
    saturday = next(t for t in timexes if t.text == "Saturday")
    said, cleared = event(events, "said"), event(events, "cleared")
    assert said.date_basis == "explicit" and said.timex_start == saturday.start
    assert cleared.date_basis == "narrative"  # dated by the story, not by its own words
    # what they had done was done by the day they said so: open before it
    assert (cleared.date_start, cleared.date_end, cleared.timex_start) == (None, saturday.range_end, saturday.start)
    events, _ = analyse("Rescuers said on Saturday that they cleared the mountain road.", DCT)
    assert event(events, "cleared").date_start == saturday.range_start  # a simple past is told of that day


def test_negated_subject_and_according_to(analyse, event):
    events, _ = analyse("No decision was taken by the committee.", DCT)
    assert event(events, "taken").modality == "negated"
    events, _ = analyse("According to the coast guard, the ferry sank near Malta.", DCT)
    sank = event(events, "sank")
    assert sank.modality == "reported"
    assert sank.speaker is not None and "coast guard" in sank.speaker
    assert sank.place == "Malta"


@pytest.mark.parametrize(("headline", "lead", "interviewee"), [
    # the headline says it is an interview, and names whom
    ("Wikinews interviews Robert Mendez, candidate for governor", "Mendez answered by e-mail.", "Robert Mendez"),
    # no "interview" in the headline: the lead says so, and names whom Wikinews spoke with
    ("A life of tricks on stage", "Wikinews spoke with William Evans, president of the guild.", "William Evans"),
])
def test_an_interview_s_unlabelled_answers_are_said_by_the_one_it_is_with(analyse, event, headline, lead,
                                                                          interviewee):
    text = "\n\n".join([headline, lead, "Why are you running?", "I founded a bakery in Dayton.",
                        "What would you change?", "I would cut the sales tax.", "Who do you admire?",
                        "My father taught me to work."])
    events, _ = analyse(text, DCT)
    founded = event(events, "founded")
    assert (founded.modality, founded.quoted, founded.speaker) == ("reported", True, interviewee)
    lead_verb = event(events, lead.split()[1])  # "answered", "spoke": the reporter's lead
    assert lead_verb.quoted is False


def test_a_quoted_stretch_keeps_its_own_expression(analyse, event):
    text = "\u201cI work in the pharmacy for ten hours,\u201d the owner said on February 26, 2026."
    events, _ = analyse(text, DCT)
    work = event(events, "work")
    assert text[work.timex_start:work.timex_end] == "ten hours"
    assert work.date_start == dt.date(2026, 2, 26)  # dated by the report, anchored to its own words


def test_a_quoted_habit_keeps_its_own_expression(analyse, event):
    text = "\u201cI work in the pharmacy every day,\u201d the owner said on February 26, 2026."
    events, _ = analyse(text, DCT)
    work = event(events, "work")
    assert text[work.timex_start:work.timex_end] == "every day"
    assert (work.date_start, work.date_end) == (None, None)  # a habit, on no one day


def test_a_comparison_baseline_does_not_date_the_event(analyse, event):
    text = "In the third quarter of 2025, the bank's net income rose from $4 million a year earlier."
    events, _ = analyse(text, DCT)
    rose = event(events, "rose")
    assert text[rose.timex_start:rose.timex_end].endswith("third quarter of 2025")
    assert (rose.date_start, rose.date_end) == (dt.date(2025, 7, 1), dt.date(2025, 9, 30))


def test_an_undated_present_perfect_cites_the_words_for_the_publication_day(analyse, event):
    text = "The court heard the case on Thursday. The defendant has pleaded innocent."
    events, _ = analyse(text, DCT)  # DCT is a Thursday
    pleaded = event(events, "pleaded")
    assert (pleaded.date_start, pleaded.date_end, pleaded.date_basis) == (None, DCT, "publication")
    assert text[pleaded.timex_start:pleaded.timex_end] == "Thursday"


def test_a_target_date_does_not_date_the_past_action_aiming_at_it(analyse, event):
    events, _ = analyse("The agency postponed until next Tuesday any action on the case.", DCT)
    postponed = event(events, "postponed")
    assert postponed.date_start == DCT and postponed.date_basis != "explicit"
    events, _ = analyse("Acme Corp. declared a dividend of five cents a share, payable April 1.", DCT)
    assert event(events, "declared").date_start == DCT


def test_an_event_dated_by_one_end_of_a_range_takes_the_whole_range(analyse, event):
    text = "Talks ran in Geneva from Feb. 9 to 11, and the 2024-25 budget was cut by a tenth."
    events, timexes = analyse(text, DCT)
    ran, cut = event(events, "ran"), event(events, "cut")
    assert (ran.date_start, ran.date_end, ran.date_basis) == (dt.date(2026, 2, 9), dt.date(2026, 2, 11), "explicit")
    assert text[ran.timex_start:ran.timex_end] == "Feb. 9 to 11"
    assert ran.timex_value == "2026-02-09/2026-02-11"  # an ISO 8601 interval
    assert (cut.date_start, cut.date_end) == (dt.date(2024, 1, 1), dt.date(2025, 12, 31))


def test_a_range_does_not_set_the_story_time(analyse, event):
    events, _ = analyse("She resigned on February 27, 2026. The agency was hit by strikes between 2011 and 2017. "
                        "Staff protested.", DCT)
    assert event(events, "protested").date_start == dt.date(2026, 2, 27)
    events, _ = analyse("She resigned on February 27, 2026, after the 2024-25 budget cuts. Staff protested.", DCT)
    assert event(events, "protested").date_start == dt.date(2026, 2, 27)


def test_an_event_counted_from_a_dated_event_is_moved_by_the_count(analyse, event):
    events, _ = analyse("Two days after the bombing on Feb. 7, police arrested three men.", DCT)
    arrested = event(events, "arrested")
    assert (arrested.date_start, arrested.date_basis) == (dt.date(2026, 2, 9), "explicit")
    assert event(events, "bombing").date_start == dt.date(2026, 2, 7)  # the origin keeps its own day
    events, _ = analyse("Three days after police raided the house on Sunday, the suspect surrendered.", DCT)
    assert event(events, "surrendered").date_start == dt.date(2026, 3, 4)


def test_a_count_from_a_mention_of_an_earlier_dated_event_uses_its_day(analyse, event):
    events, _ = analyse("The general died on Monday. Two weeks before his death, the army had been put on alert.", DCT)
    assert event(events, "put").date_start == dt.date(2026, 2, 16)  # "his death" is "died on Monday"
    events, _ = analyse("The protest on Monday drew thousands. A week after a new protest, the cabinet resigned.", DCT)
    assert event(events, "resigned").date_basis != "explicit"  # "a new protest" is not the one of Monday


def test_the_day_after_an_event_told_before_is_resolved_from_its_day(analyse, event):
    text = "The doctor was killed on Feb. 20. Two men showed up at his house the day after his death. They left."
    events, timexes = analyse(text, DCT)
    the_day = next(t for t in timexes if t.text == "the day")
    assert (the_day.value, the_day.anchor, the_day.anchor_kind) == ("2026-02-21", "2026-02-20", "event")
    assert event(events, "showed").date_start == dt.date(2026, 2, 21)
    assert event(events, "left").date_start == dt.date(2026, 2, 21)  # the story has moved on to that day
    death = event(events, "death")  # the death is the killing told before, not the day after it
    assert (death.date_start, death.date_basis) == (dt.date(2026, 2, 20), "narrative")


def test_in_the_weeks_before_an_event_is_open_up_to_its_eve(analyse, event):
    text = "The clinic was attacked on Feb. 20. His car was spotted nearby in the weeks before the attack."
    events, timexes = analyse(text, DCT)
    weeks = next(t for t in timexes if t.text == "the weeks")
    assert (weeks.value, weeks.mod, weeks.range_start, weeks.range_end) == ("2026-02-20", "BEFORE", None,
                                                                             dt.date(2026, 2, 19))
    spotted = event(events, "spotted")
    assert (spotted.date_start, spotted.date_end, spotted.date_basis) == (None, dt.date(2026, 2, 19), "explicit")


def test_durations_that_are_not_counts_and_counts_outside_the_calendar(analyse, event):
    events, _ = analyse("He was convicted on Feb. 5, 2016. He served ten years after his conviction.", DCT)
    assert event(events, "served").date_start != dt.date(2026, 2, 5)  # what he served, not when
    events, _ = analyse("Scientists said that 10,000 years after the explosion on Feb. 7, the site will "
                        "still be dangerous.", DCT)  # beyond the year 9999: no date, and no error
    assert event(events, "explosion").date_start == dt.date(2026, 2, 7)


def test_a_participant_is_never_a_time(analyse, event):
    events, _ = analyse("The clinic was attacked on Feb. 20. A car was spotted nearby in the weeks before the "
                        "attack. Police arrested two men days after the attack.", DCT)
    assert event(events, "arrested").patient == "two men"  # spaCy reads "two men days" as one DATE entity
    events, _ = analyse("The past year has seen record floods.", DCT)
    assert event(events, "seen").agent is None


def test_what_counts_from_a_day_after_an_event_counts_from_that_day(analyse, event):
    events, timexes = analyse("The general died on Feb. 7. The day after his death, protesters marched. "
                              "The next day, police arrested 40 people.", DCT)
    assert event(events, "marched").date_start == dt.date(2026, 2, 8)
    assert event(events, "arrested").date_start == dt.date(2026, 2, 9)
    assert next(t for t in timexes if t.text == "The next day").value == "2026-02-09"  # the stored expression too


def test_what_holds_until_a_date_lasts_from_now_to_then(analyse, event):
    events, _ = analyse("The exhibition runs through May 12, and the offer is valid until June 30.", DCT)
    assert (event(events, "runs").date_start, event(events, "runs").date_end) == (DCT, dt.date(2026, 5, 12))
    assert (event(events, "valid").date_start, event(events, "valid").date_end) == (DCT, dt.date(2026, 6, 30))
    events, _ = analyse("The company won't be profitable until 2028.", DCT)  # it starts then
    assert event(events, "profitable").date_start == dt.date(2028, 1, 1)
    events, _ = analyse("The agency postponed the vote until Tuesday.", DCT)  # the vote is on Tuesday
    assert event(events, "vote").date_start == event(events, "vote").date_end


def test_days_after_an_event_told_in_the_past_end_by_publication(analyse, event):
    events, _ = analyse("Days after the election on Feb. 8, the president fired his cabinet.", DCT)
    fired = event(events, "fired")
    assert (fired.date_start, fired.date_end) == (dt.date(2026, 2, 9), DCT)
    events, _ = analyse("The verdict came on Tuesday. Hours after the verdict, protesters gathered.", DCT)
    assert event(events, "gathered").date_start == dt.date(2026, 3, 3)  # the same day may be meant


def test_the_day_counted_from_is_the_events_own_not_a_date_near_it(analyse, event):
    events, timexes = analyse("The general died on Feb. 7. Protesters marched from the day after his death "
                              "until Feb. 12.", DCT)
    the_day = next(t for t in timexes if t.text == "the day")
    assert the_day.value == "2026-02-08"  # not the day after Feb. 12


def test_a_definite_mention_of_a_dated_happening_takes_its_day(analyse, event):
    text = ("A bomb exploded outside the ministry on Feb. 20.\n\n"
            "Investigators searched the site of the bombing again. Police have not named anyone behind the blast.")
    events, _ = analyse(text, DCT)
    for word in ("bombing", "blast"):  # the same happening, through same_event
        e = event(events, word)
        assert (e.date_start, e.date_end, e.date_basis) == (dt.date(2026, 2, 20), dt.date(2026, 2, 20), "narrative")
        assert text[e.timex_start:e.timex_end] == "Feb. 20"  # the words that date it
    events, _ = analyse("A bomb exploded on Feb. 10. Another exploded on Feb. 20. The bombing was condemned.", DCT)
    assert event(events, "bombing").rule != "noun:same-event"  # which of the two? the story's time decides
    events, _ = analyse("A bomb exploded on Feb. 20.\n\nA bombing in the capital is feared.", DCT)
    assert event(events, "bombing").rule != "noun:same-event"  # "a bombing": another one


def test_the_date_line_does_not_date_the_story(analyse, event):
    text = "Thursday, March 5, 2026\n\nThe singer, who had fallen ill on tour, died in hospital."
    events, _ = analyse(text, DCT)
    died = event(events, "died")
    assert died.date_basis == "publication" and died.timex_start is None  # not "narrative", citing the date line
    events, _ = analyse("The singer died in hospital on Thursday, March 5, 2026.", DCT)
    assert event(events, "died").date_basis == "explicit"  # a date in a sentence is not a date line


def test_urls_hashtags_other_scripts_and_word_parts_are_no_events(analyse):
    events, _ = analyse("North Korea test-fired a missile, @kcna said in a post at http://goo.gl/HbbYr with "
                        "#Missile. পুলিশের গুলিতে নিহত হয়েছে।", DCT)
    words = [e.text for e in events]
    assert "fired" in words and "said" in words  # the hyphenated verb is one event, found at its head
    assert not [w for w in words if w in ("test", "-") or w.startswith(("http", "#", "@")) or not w.isascii()], words


def test_a_verb_in_the_present_is_not_dated_by_a_past_date_inside_its_object(analyse, event):
    events, _ = analyse("Police are still investigating the March 1 attack on the embassy.", DCT)
    assert event(events, "investigating").date_start == DCT  # now, not March 1
    assert event(events, "attack").date_start == dt.date(2026, 3, 1)
    events, _ = analyse("Police found the weapon in a raid on March 1.", DCT)
    assert event(events, "found").date_start == dt.date(2026, 3, 1)  # a past verb keeps it


def test_negation_stays_in_its_own_clause(analyse, event):
    events, _ = analyse("No injuries were reported, but the army evacuated about 80 people.", DCT)
    assert event(events, "evacuated").modality == "asserted"
    events, _ = analyse("He did not call or write.", DCT)
    assert event(events, "write").modality == "negated"  # the shared "not"
    events, _ = analyse("The ruling not only surprised many lawyers but also angered the government.", DCT)
    assert event(events, "surprised").modality == "asserted"
    events, _ = analyse("If the rebels do not stop the broadcasts, the army will attack.", DCT)
    assert event(events, "stop").modality == "hypothetical"  # a condition, not a fact


def test_no_parse_joins_two_paragraphs(analyse, event, ev_nlp):
    text = "The court convicted the owner in 2006\n\nCritics of the verdict protested outside."
    assert [s.text.strip() for s in ev_nlp(text).sents] == ["The court convicted the owner in 2006",
                                                              "Critics of the verdict protested outside."]
    events, _ = analyse("Analysis by Matthew Ingram\n\nWriting in the Globe, he argued that banks failed.", DCT)
    assert "\n" not in (event(events, "argued").agent or "")


def test_be_to_is_a_plan_and_would_later_a_fact(analyse, event):
    events, _ = analyse("The ministers are to travel to Paris, and the summit is to be held in May.", DCT)
    assert event(events, "travel").modality == "expected"
    assert event(events, "summit").modality == "expected"
    events, _ = analyse("The club would later sign the striker.", DCT)
    assert event(events, "sign").modality == "asserted"
    events, _ = analyse("The minister said she would later meet the strikers.", DCT)
    assert event(events, "meet").modality == "expected"  # in what she said, a plan
    events, _ = analyse("The attack was to punish the village.", DCT)
    assert event(events, "attack").modality == "asserted"  # a purpose, not a plan


def test_curly_contractions_are_no_events(analyse):
    events, _ = analyse("They’re angry, and it’s over.", DCT)
    assert [e.text for e in events] == ["angry"]


def test_a_hard_wrapped_line_keeps_its_arguments(analyse, event):
    events, _ = analyse("The government of President Emmanuel\nMacron announced a plan on Monday.", DCT)
    assert event(events, "announced").agent == "government of President Emmanuel Macron"
    events, _ = analyse("Police arrested John\nSmith on Friday.", DCT)
    assert event(events, "arrested").patient == "John Smith"


def test_no_event_is_read_in_an_untranslated_quotation(analyse, event):
    text = ("The group wrote: \u201cMientras continuamos trabajando y hablando como individuo, "
            "tambi\u00e9n queremos identificar y promover nuestras metas.\u201d")
    events, _ = analyse(text, DCT)
    assert event(events, "wrote")
    assert [e.text for e in events if e.start > text.index("\u201c")] == []


def test_a_habit_is_on_no_one_day(analyse, event):
    text = "Flood waters rose on Tuesday.\n\nThe volunteers meet each week at the town hall."
    events, _ = analyse(text, DCT)
    meet = event(events, "meet")
    assert text[meet.timex_start:meet.timex_end] == "each week"
    assert (meet.date_start, meet.date_end, meet.date_basis) == (None, None, "explicit")


def test_a_when_clause_is_on_the_date_it_follows(analyse, event):
    text = "The protesters will camp in the square until May 12, when they will join the general strike."
    events, _ = analyse(text, DCT)
    join = event(events, "join")
    assert (join.date_start, join.date_basis) == (dt.date(2026, 5, 12), "explicit")
    assert text[join.timex_start:join.timex_end] == "May 12"


def test_names_with_function_words_of_other_languages_keep_their_events(analyse, event):
    for text, lemma in [("Al Jazeera reported that Al Qaeda claimed the attack.", "claimed"),
                        ("Marine Le Pen told Le Monde: \u201cWe will win.\u201d", "told"),
                        ("The suspects, Juan de la Cruz and Maria de los Santos, fled to Los Angeles.", "fled")]:
        events, _ = analyse(text, DCT)
        assert event(events, lemma), text


def test_a_pronoun_skips_a_person_of_the_other_gender(analyse, event):
    text = ("Joyce Banda was sworn in on Saturday. She is the first female president. "
            "Peter Mutharika met her on Monday. He left the capital. She said the country needed calm.")
    events, _ = analyse(text, DCT)
    said = [e for e in events if e.lemma == "say"][-1]
    assert said.agent == "Joyce Banda"
    assert event(events, "left").agent == "Peter Mutharika"


def test_a_birth_year_does_not_set_the_story_time(analyse, event):
    text = "The writer was born in 1958 in Tiberias. He was interviewed by reporters."
    events, _ = analyse(text, DCT)
    interviewed = event(events, "interviewed")
    assert (interviewed.date_start, interviewed.date_end) == (DCT, DCT)  # the lead's news, not 1958
    text = "The region bore the brunt of the storm on Monday. Rescuers reached the villages."
    events, _ = analyse(text, DCT)
    assert event(events, "reached").date_start == dt.date(2026, 3, 2)  # "bore" is no birth


def test_no_event_in_a_quoted_title(analyse, event):
    text = "Fans sang \u201cBorn This Way\u201d after the film \u201cThink Like a Man\u201d opened."
    events, _ = analyse(text, DCT)
    lemmas = {e.lemma for e in events}
    assert "sing" in lemmas and "open" in lemmas
    assert not lemmas & {"bear", "think"}


def test_a_relative_pronoun_stands_for_its_antecedent(analyse, event):
    events, _ = analyse("Ndagha, who says the leaks have killed fish, filed a suit.", DCT)
    assert event(events, "says").agent == "Ndagha"
    events, _ = analyse("The city reasoned that the fee was fair.", DCT)
    assert event(events, "reasoned").modality == "reported"


def test_an_aim_that_is_to_do_something_does_nothing(analyse, event):
    events, _ = analyse("The goal of the meeting is to draft a new law.", DCT)
    assert event(events, "draft").agent is None
    events, _ = analyse("The minister is expected to resign.", DCT)
    assert event(events, "resign").agent == "minister"


def test_the_object_of_asking_or_urging_does_what_is_asked(analyse, event):
    events, _ = analyse("The party filed a petition asking the prime minister to resign.", DCT)
    assert event(events, "resign").agent == "prime minister"
    events, _ = analyse("He wants to leave the party.", DCT)
    assert event(events, "leave").agent == "He"


def test_a_name_the_model_finds_in_lower_case_is_no_person(ev_nlp):
    """spaCy reads words of tweets in other languages as names ("jari"); a name is written with a capital."""
    from spacy.tokens import Span

    from pipeline.events.roles import DocEntities

    doc = ev_nlp("Governor Fauzi Bowo gave the gesture. A user wrote jari nya. He left.")
    jari = next(t.i for t in doc if t.text == "jari")
    fauzi = next(t.i for t in doc if t.text == "Fauzi")
    doc.ents = [Span(doc, fauzi, fauzi + 2, label="PERSON"), Span(doc, jari, jari + 1, label="PERSON")]
    entities = DocEntities(doc)
    assert entities.person_names == frozenset({"Fauzi Bowo"})
    assert entities.last_person_before(doc[-2].idx).text == "Fauzi Bowo"


def test_a_website_or_a_picture_s_credit_the_model_reads_as_a_name_is_no_person(ev_nlp):
    """spaCy may label "Twitter" a person ("on his blog and on Twitter . He writes"), and a picture's credit
    names its photographer: neither is the one a later "he" means."""
    from spacy.tokens import Span

    from pipeline.events.roles import DocEntities

    doc = ev_nlp("Paco Ruiz posted on his blog and on Twitter. Image: Nick Moreau. He writes that it is time.")
    at = {t.text: t.i for t in doc}
    doc.ents = [Span(doc, at["Paco"], at["Paco"] + 2, label="PERSON"),
                Span(doc, at["Twitter"], at["Twitter"] + 1, label="PERSON"),
                Span(doc, at["Nick"], at["Nick"] + 2, label="PERSON")]
    entities = DocEntities(doc)
    assert entities.person_names == frozenset({"Paco Ruiz"})
    he = next(t for t in doc if t.text == "He")
    assert entities.person_for_pronoun(he).text == "Paco Ruiz"


def test_a_title_abbreviation_does_not_end_the_sentence(analyse, event):
    events, _ = analyse("The strikes were approved by Pres. Obama in April.")
    assert event(events, "approved").agent == "Pres. Obama"


def test_a_prefixed_verb_stays_one_word_with_the_lemma_of_its_verb(analyse, event):
    # spaCy splits "re-tabled" at the hyphen and the small model then took "re" for the verb
    events, _ = analyse("Early this year, Uganda re-tabled a controversial bill introduced in 2009. "
                        "A co-author, archeologist Dimitrovska, wrote this on her blog.")
    tabled = event(events, "re-tabled")
    assert (tabled.agent, tabled.lemma, tabled.date_start) == ("Uganda", "table", dt.date(2026, 1, 1))
    assert event(events, "wrote").agent == "Dimitrovska"


def test_an_interview_elsewhere_makes_no_article_an_interview(analyse, event):
    # "said in an interview with the BBC": someone's interview, not this article's; its questions are the reporter's
    text = "\n\n".join(["Floods hit the capital", "The minister said in an interview with the BBC that aid is coming.",
                        "Why did the dams fail?", "Engineers blamed poor maintenance.", "Who will pay?",
                        "The government promised compensation.", "What comes next?", "Rain fell again on Friday."])
    events, _ = analyse(text, DCT)
    blamed = event(events, "blamed")
    assert (blamed.quoted, blamed.modality) == (False, "asserted")



def test_preview_lead_rooted_at_an_opening_participle():
    """The parser may root "Undefeated after seven games, the team will face Norway tomorrow" at the
    participle, the future verb joined to it: the lead still tells what is to come."""
    words = ["Undefeated", "after", "seven", "games", ",", "the", "team", "will", "face", "Norway", "tomorrow", "."]
    heads = [0, 0, 3, 1, 0, 6, 8, 8, 0, 8, 8, 0]
    deps = ["ROOT", "prep", "nummod", "pobj", "punct", "det", "nsubj", "aux", "conj", "dobj", "npadvmod", "punct"]
    tags = ["VBN", "IN", "CD", "NNS", ",", "DT", "NN", "MD", "VB", "NNP", "NN", "."]
    pos = ["VERB", "ADP", "NUM", "NOUN", "PUNCT", "DET", "NOUN", "AUX", "VERB", "PROPN", "NOUN", "PUNCT"]
    doc = Doc(spacy.blank("en").vocab, words=words, heads=heads, deps=deps, tags=tags, pos=pos,
              sent_starts=[True] + [False] * (len(words) - 1))
    tomorrow = doc[10]
    ahead = [Timex(tomorrow.idx, tomorrow.idx + 8, "tomorrow", "DATE", "2026-03-06")]
    assert doc[0].dep_ == "ROOT" and doc[8].head.i == 0
    assert _preview(doc, len(doc.text), ahead)
