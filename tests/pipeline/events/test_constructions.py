"""One example per construction, in sentences written for these tests."""

from __future__ import annotations

import datetime as dt

DCT = dt.date(2026, 3, 5)  # a Thursday


def test_quote_has_its_speaker(analyse, event):
    events, _ = analyse("\u201cThe plant will reopen in the spring,\u201d Maria Lopez said on Wednesday.", DCT)
    reopen = event(events, "reopen")
    assert reopen.quoted
    assert reopen.speaker == "Maria Lopez"
    said = event(events, "said")
    assert not said.quoted
    assert said.agent == "Maria Lopez"


def test_pronoun_speaker_continues_the_last_named_one(analyse, event):
    text = ("Maria Lopez said the school would reopen soon. Tom Baker, a parent, welcomed the news. "
            "\u201cWe rebuilt it in a year,\u201d she said.")
    events, _ = analyse(text, DCT)
    assert event(events, "rebuilt").speaker == "Maria Lopez"


def test_passive_agent_comes_from_by(analyse, event):
    events, _ = analyse("The contract was signed by Peter Novak in Vienna.", DCT)
    signed = event(events, "signed")
    assert signed.agent == "Peter Novak"
    assert signed.patient == "contract"
    assert signed.place == "Vienna"
    roles = {(p.text, p.role) for p in signed.participants}
    assert ("Peter Novak", "agent") in roles


def test_reported_speech(analyse, event):
    events, _ = analyse("A company spokesman told reporters that the firm closed two factories.", DCT)
    told = event(events, "told")
    assert told.modality == "reported"
    assert told.agent == "company spokesman"
    closed = event(events, "closed")
    assert closed.modality == "reported"
    assert closed.speaker == "company spokesman"
    assert not closed.quoted


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


def test_narrative_time_carries_to_the_next_past_sentence(analyse, event):
    text = "Rebels attacked the town on February 2, 2026. Hundreds of families fled."
    events, _ = analyse(text, DCT)
    fled = event(events, "fled")
    assert fled.date_basis == "narrative"
    assert fled.date_start == dt.date(2026, 2, 2)


def test_new_paragraph_returns_to_the_news_day(analyse, event):
    text = ("Flood waters rose across the valley on Tuesday. The storm that began on February 20 "
            "had dropped rain for a week.\n\n"
            "Firefighters evacuated two villages.")
    events, _ = analyse(text, DCT)
    evacuated = event(events, "evacuated")
    assert evacuated.date_basis == "narrative"
    assert evacuated.date_start == dt.date(2026, 3, 3)  # Tuesday, not the storm's February 20
    assert text[evacuated.timex_start:evacuated.timex_end] == "Tuesday"


def test_a_paragraph_opening_with_a_quote_goes_on_with_the_one_before(analyse, event):
    text = ("Flood waters rose across the valley on Tuesday.\n\n"
            "The mayor spoke to reporters on Monday.\n\n"
            "\u201cWe have never seen this,\u201d the mayor told them.\n\n"
            "Firefighters evacuated two villages.")
    events, _ = analyse(text, DCT)
    assert event(events, "told").date_start == dt.date(2026, 3, 2)  # the Monday of the paragraph before
    assert event(events, "evacuated").date_start == dt.date(2026, 3, 3)  # a new paragraph: back to Tuesday


def test_without_a_news_day_a_new_paragraph_returns_to_no_day(analyse, event):
    text = ("In 2012 the biologist began a study of ants in Finland.\n\n"
            "The team collected wild colonies from old logging sites.")
    events, _ = analyse(text, DCT)
    collected = event(events, "collected")
    assert collected.date_basis == "publication"
    assert (collected.date_start, collected.date_end) == (None, DCT)  # some time before publication, not 2012


def test_a_quoted_today_is_not_the_news_day(analyse, event):
    text = ("The poet thanked her readers: \u201cToday I feel free.\u201d\n\n"
            "In 2012 she moved to Lisbon.\n\n"
            "She wrote three books there.")
    events, _ = analyse(text, DCT)
    wrote = event(events, "wrote")
    assert (wrote.date_start, wrote.date_end) == (None, DCT)  # not the publication day as the story's day


def test_a_duration_says_how_long_not_when(analyse, event):
    text = ("The army retook the northern province.\n\n"
            "The rebels fought for three days in the hills.")
    events, _ = analyse(text, DCT)
    fought = event(events, "fought")
    assert (fought.date_start, fought.date_end) == (None, DCT)
    assert text[fought.timex_start:fought.timex_end] == "three days"


def test_a_date_ahead_is_not_the_story_time_of_a_past_event(analyse, event):
    text = "The army withdrew on Monday. A summit is planned for December. The rebels retreated."
    events, _ = analyse(text, DCT)
    assert event(events, "retreated").date_start == dt.date(2026, 3, 2)  # Monday, not December


def test_a_date_inside_a_quote_does_not_date_the_speech(analyse, event):
    text = ("Rebels attacked the town on February 2, 2026. "
            "\u201cWe lost our harvest on January 5,\u201d a farmer said.")
    events, _ = analyse(text, DCT)
    assert event(events, "said").date_start == dt.date(2026, 2, 2)


def test_background_date_dates_the_rest_of_its_paragraph(analyse, event):
    text = ("Flood waters rose across the valley on Tuesday.\n\n"
            "The river burst its banks on February 20, 2026. Farmers lost their herds.")
    events, _ = analyse(text, DCT)
    assert event(events, "lost").date_start == dt.date(2026, 2, 20)


def test_present_perfect_without_date_stays_open_before_publication(analyse, event):
    events, _ = analyse("The city has built a new bridge.", DCT)
    built = event(events, "built")
    assert built.date_basis == "publication"
    assert (built.date_start, built.date_end) == (None, DCT)


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
    assert (cleared.date_start, cleared.timex_start) == (saturday.range_start, saturday.start)


def test_event_noun_subject_shares_its_verb_time_place_and_plan(analyse, event):
    events, timexes = analyse("The trade summit is scheduled to open in Lisbon on April 20, 2026.", DCT)
    summit = event(events, "summit")
    assert summit.modality == "expected"
    assert summit.place == "Lisbon"
    assert (summit.date_start, summit.date_end) == (dt.date(2026, 4, 20), dt.date(2026, 4, 20))


def test_negated_subject_and_according_to(analyse, event):
    events, _ = analyse("No decision was taken by the committee.", DCT)
    assert event(events, "taken").modality == "negated"
    events, _ = analyse("According to the coast guard, the ferry sank near Malta.", DCT)
    sank = event(events, "sank")
    assert sank.modality == "reported"
    assert sank.speaker is not None and "coast guard" in sank.speaker
    assert sank.place == "Malta"


def test_present_tense_of_a_quote_holds_when_it_was_said(analyse, event):
    text = "\u201cThe company owns the land,\u201d the engineer said on February 26, 2026."
    events, _ = analyse(text, DCT)
    said, owns = event(events, "said"), event(events, "owns")
    assert said.date_start == dt.date(2026, 2, 26)
    assert owns.quoted
    assert (owns.date_start, owns.date_basis) == (dt.date(2026, 2, 26), "narrative")


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


def test_a_comparison_baseline_does_not_set_the_story_time(analyse, event):
    text = ("The bank earned $5 million in the third quarter of 2025. "
            "Profit fell to $3 million from $4 million a year earlier. Sales rose to $9 million.")
    events, _ = analyse(text, DCT)
    assert event(events, "rose").date_start == dt.date(2025, 7, 1)  # the quarter, not 2024


def test_a_pluperfect_background_date_does_not_move_the_story(analyse, event):
    text = ("Metro workers walked off the job on Monday.\n\n"
            "The union said it had warned the company in January. Pickets blocked the depot.")
    events, _ = analyse(text, DCT)
    assert event(events, "blocked").date_start == dt.date(2026, 3, 2)  # Monday, not January


def test_the_present_year_is_not_a_story_time(analyse, event):
    text = ("Rebels attacked the town on February 2, 2026. Prices have doubled this year. "
            "Residents fled to the hills.")
    events, _ = analyse(text, DCT)
    assert event(events, "fled").date_start == dt.date(2026, 2, 2)  # not the whole of 2026


def test_the_lead_takes_the_news_day_named_after_it(analyse, event):
    text = "Floods swept through the valley. Officials said on Tuesday that 12 people had died."
    events, _ = analyse(text, DCT)
    swept = event(events, "swept")
    assert (swept.date_start, swept.date_basis) == (dt.date(2026, 3, 3), "narrative")


def test_a_purpose_clause_takes_the_time_of_its_trip(analyse, event):
    events, _ = analyse("The minister will travel to Geneva on March 12 to sign the treaty.", DCT)
    sign = event(events, "sign")
    assert (sign.date_start, sign.date_basis) == (dt.date(2026, 3, 12), "explicit")


def test_an_undated_present_perfect_cites_the_words_for_the_publication_day(analyse, event):
    text = "The court heard the case on Thursday. The defendant has pleaded innocent."
    events, _ = analyse(text, DCT)  # DCT is a Thursday
    pleaded = event(events, "pleaded")
    assert (pleaded.date_start, pleaded.date_end, pleaded.date_basis) == (None, DCT, "publication")
    assert text[pleaded.timex_start:pleaded.timex_end] == "Thursday"


def test_a_time_adjective_of_a_thing_does_not_date_the_clause(analyse, event):
    text = "Rebels attacked the town on February 2, 2026. The mayor left his current office."
    events, _ = analyse(text, DCT)
    left = event(events, "left")
    assert (left.date_start, left.date_basis) == (dt.date(2026, 2, 2), "narrative")  # not "current": today


def test_the_participle_of_a_dated_event_noun_shares_its_date(analyse, event):
    text = "Inspections resumed under the February 23, 2026 accord signed by both governments."
    events, _ = analyse(text, DCT)
    signed = event(events, "signed")
    assert (signed.date_start, signed.date_basis) == (dt.date(2026, 2, 23), "explicit")


def test_an_event_subject_of_a_copula_takes_the_date_of_its_clause(analyse, event):
    events, _ = analyse("The pay rise was the second one in January 2026.", DCT)
    rise = event(events, "rise")
    assert (rise.date_start, rise.date_end, rise.date_basis) == (dt.date(2026, 1, 1), dt.date(2026, 1, 31), "explicit")


def test_since_a_date_is_after_it_not_on_it(analyse, event):
    events, _ = analyse("The family has lived in the village since 1989.", DCT)
    lived = event(events, "lived")
    assert (lived.date_start, lived.date_end) == (dt.date(1989, 1, 1), DCT)


def test_a_past_announcement_is_not_dated_by_the_plan_it_announces(analyse, event):
    events, _ = analyse("The minister announced plans to build a new bridge next year.", DCT)
    announced, build = event(events, "announced"), event(events, "build")
    assert announced.date_start == DCT and announced.date_basis != "explicit"
    assert (build.date_start, build.date_end) == (dt.date(2027, 1, 1), dt.date(2027, 12, 31))


def test_a_target_date_does_not_date_the_past_action_aiming_at_it(analyse, event):
    events, _ = analyse("The agency postponed until next Tuesday any action on the case.", DCT)
    postponed = event(events, "postponed")
    assert postponed.date_start == DCT and postponed.date_basis != "explicit"
    events, _ = analyse("Acme Corp. declared a dividend of five cents a share, payable April 1.", DCT)
    assert event(events, "declared").date_start == DCT


def test_eventive_nouns_of_news_are_events_with_dates(analyse, event):
    text = "Poland celebrated its entry into NATO on March 12, 2026, a week after the verdict in the case."
    events, _ = analyse(text, DCT)
    entry = event(events, "entry")
    assert entry.pos == "NOUN" and entry.date_start == dt.date(2026, 3, 12)
    assert event(events, "verdict").pos == "NOUN"


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


def test_a_count_never_puts_a_past_event_after_publication(analyse, event):
    events, _ = analyse("The vote is on March 20. Two days after the vote, the party met.", DCT)
    assert event(events, "met").date_start != dt.date(2026, 3, 22)


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


def test_a_time_that_is_the_subject_of_a_clause_does_not_date_the_verb_above(analyse, event):
    events, _ = analyse("Police said the day after the attack on Feb. 7 was the worst.", DCT)
    assert event(events, "said").date_start != dt.date(2026, 2, 8)


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


def test_a_time_counted_from_an_undated_event_adds_no_date(analyse, event):
    events, _ = analyse("Thousands have joined a group created on the day after the killing of a student.", DCT)
    created = event(events, "created")
    assert (created.date_start, created.date_end) == (None, DCT)  # some time before publication, as without it


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


def test_a_since_clause_starts_a_stretch_for_the_clause_above_it(analyse, event):
    events, _ = analyse("Rescuers said on Tuesday that 40 people had died since the rains began on Feb. 20.", DCT)
    assert (event(events, "died").date_start, event(events, "died").date_end) == (dt.date(2026, 2, 20), DCT)
    assert event(events, "began").date_end == dt.date(2026, 2, 20)  # the rains began that day


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


def test_a_quoted_post_is_a_quotation_of_its_author(analyse, event):
    text = "Protesters marched on Monday.\n\n@jdoe: Police arrested my brother last year.\n\nThe vote was held on Tuesday."
    events, _ = analyse(text, DCT)
    arrested = event(events, "arrested")
    assert (arrested.quoted, arrested.speaker, arrested.modality) == (True, "@jdoe", "reported")
    assert event(events, "marched").quoted is False


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


def test_a_date_on_the_verb_beats_a_year_deep_inside_a_phrase(analyse, event):
    events, _ = analyse("Yesterday, day five of the 2026 World Cup, Sweden defeated Korea.", DCT)
    assert event(events, "defeated").date_start == dt.date(2026, 3, 4)


def test_the_paragraph_after_wrote_colon_is_the_writers_quote(analyse, event):
    events, _ = analyse("The blogger Njeri Wangari wrote:\n\nThe police beat the students on Monday.", DCT)
    beat = event(events, "beat")
    assert (beat.quoted, beat.speaker, beat.modality) == (True, "Njeri Wangari", "reported")


def test_the_name_in_apposition_is_the_agent(analyse, event):
    events, _ = analyse("The company's chief executive, John Smith, resigned on Monday.", DCT)
    assert event(events, "resigned").agent == "John Smith"


def test_a_happening_takes_place_when_its_own_words_date_it(analyse, event):
    events, _ = analyse("Next year's competition is scheduled to take place in Mexico, and the 2028 summit will be "
                        "held in Paris.", DCT)
    assert event(events, "take").date_start == dt.date(2027, 1, 1)
    assert event(events, "held").date_start == dt.date(2028, 1, 1)


def test_an_undated_past_after_the_lead_is_open_before_publication(analyse, event):
    text = ("The minister resigned.\n\n"
            "She was born in Lyon and studied law.")
    events, _ = analyse(text, DCT)
    assert (event(events, "resigned").date_start, event(events, "resigned").date_end) == (DCT, DCT)  # the news
    born = event(events, "born")  # background: some time before publication, not on its day
    assert (born.date_start, born.date_end, born.date_basis) == (None, DCT, "publication")


def test_a_hard_wrapped_line_keeps_its_arguments(analyse, event):
    events, _ = analyse("The government of President Emmanuel\nMacron announced a plan on Monday.", DCT)
    assert event(events, "announced").agent == "government of President Emmanuel Macron"
    events, _ = analyse("Police arrested John\nSmith on Friday.", DCT)
    assert event(events, "arrested").patient == "John Smith"


def test_a_date_in_an_aside_between_parentheses_does_not_move_the_story(analyse, event):
    events, _ = analyse("The deputy demanded a criminal case on March 2 (a blogger wrote on Feb. 24 that he "
                        "lied). He also appealed to prosecutors.", DCT)
    assert event(events, "appealed").date_start == dt.date(2026, 3, 2)


def test_a_pictures_caption_does_not_set_the_story_time(analyse, event):
    text = ("The hall shortly after opening on Friday. Image: J. Doe.\n\n"
            "The fair drew thousands of fans. The finals were delayed.")
    events, _ = analyse(text, DCT)
    delayed = event(events, "delayed")
    assert delayed.date_start != dt.date(2026, 2, 27) and delayed.date_basis != "narrative"  # not the caption's Friday


def test_what_the_clause_tells_as_earlier_ends_by_the_story_time(analyse, event):
    events, _ = analyse("The party won on Monday. The party, which previously held the opposition bench, "
                        "celebrated.", DCT)
    held = event(events, "held")
    assert (held.date_start, held.date_end) == (None, dt.date(2026, 3, 2))  # some time before Monday
    assert event(events, "celebrated").date_start == dt.date(2026, 3, 2)


def test_of_two_dates_on_one_event_the_narrower_wins(analyse, event):
    events, _ = analyse("The shuttle will be retired at the end of the month, on March 29.", DCT)
    assert event(events, "retired").date_start == dt.date(2026, 3, 29)


def test_a_clause_counted_from_is_dated_back_from_the_event_that_follows_it(analyse, event):
    events, _ = analyse("The premier resigned on Monday. The resignation came one day after he asked voters "
                        "to re-elect him.", DCT)
    assert event(events, "asked").date_start == dt.date(2026, 3, 1)  # the Sunday before


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


def test_times_a_day_is_a_habit(analyse, event):
    text = "Flood waters rose on Tuesday.\n\nMosques use loudspeakers five times a day."
    events, _ = analyse(text, DCT)
    use = event(events, "use")
    assert (use.date_start, use.date_end, use.date_basis) == (None, None, "explicit")


def test_a_rate_is_no_habit(analyse, event):
    text = "The cyclone has winds of 190 kilometers per hour."
    events, _ = analyse(text, DCT)
    has = event(events, "has")
    assert has.timex_start is None
    assert has.date_end == DCT


def test_a_when_clause_is_on_the_date_it_follows(analyse, event):
    text = "The protesters will camp in the square until May 12, when they will join the general strike."
    events, _ = analyse(text, DCT)
    join = event(events, "join")
    assert (join.date_start, join.date_basis) == (dt.date(2026, 5, 12), "explicit")
    assert text[join.timex_start:join.timex_end] == "May 12"


def test_the_object_of_a_planned_event_has_its_date(analyse, event):
    text = "On Tuesday, the league plans to hold a news conference."
    events, _ = analyse(text, DCT)
    conference = event(events, "conference")
    assert conference.date_start == dt.date(2026, 3, 10)  # the next Tuesday


def test_a_present_conjunct_does_not_take_a_past_date(analyse, event):
    text = "The broadcasts began on February 10 and the ministry says it will continue them."
    events, _ = analyse(text, DCT)
    assert event(events, "began").date_start == dt.date(2026, 2, 10)
    assert event(events, "says").date_start == DCT


def test_a_background_date_does_not_reach_past_its_paragraph_before_the_news_day(analyse, event):
    text = ("The poet began writing in 1993.\n\n"
            "He went looking for his brother.\n\n"
            "On Tuesday he read at the stadium.")
    events, _ = analyse(text, DCT)
    went = event(events, "went")
    assert (went.date_start, went.date_end) == (None, DCT)  # not 1993, not yet Tuesday


def test_a_paragraph_its_intro_sets_apart_goes_on_with_the_intro(analyse, event):
    text = ("On Tuesday the party marched.\n\nIn January, the exiled journalist wrote:\n\n"
            "The broadcasters repeated the images.\n\nThe police arrested ten people.")
    events, _ = analyse(text, DCT)
    assert event(events, "repeated").date_start == dt.date(2026, 1, 1)
    assert event(events, "arrested").date_start == dt.date(2026, 3, 3)


def test_names_with_function_words_of_other_languages_keep_their_events(analyse, event):
    for text, lemma in [("Al Jazeera reported that Al Qaeda claimed the attack.", "claimed"),
                        ("Marine Le Pen told Le Monde: \u201cWe will win.\u201d", "told"),
                        ("The suspects, Juan de la Cruz and Maria de los Santos, fled to Los Angeles.", "fled")]:
        events, _ = analyse(text, DCT)
        assert event(events, lemma), text


def test_the_past_of_a_quotation_in_the_lead_is_earlier_than_the_news(analyse, event):
    text = "\u201cI was at the first meeting and I loved it,\u201d the blogger said."
    events, _ = analyse(text, DCT)
    loved = event(events, "loved")
    assert (loved.date_start, loved.date_end) == (None, DCT)
    said = event(events, "said")
    assert (said.date_start, said.date_end) == (DCT, DCT)  # the lead's own past is the day's news


def test_s_with_a_participle_and_an_object_is_has(analyse, event):
    text = "The army retook the province.\n\nShe's written two books about the war."
    events, _ = analyse(text, DCT)
    written = event(events, "written")
    assert (written.date_start, written.date_end) == (None, DCT)


def test_a_possessive_date_of_a_thing_dates_no_event(analyse, event):
    text = "The army retook the province.\n\nThe winners of this year's awards have been decided."
    events, _ = analyse(text, DCT)
    decided = event(events, "decided")
    assert (decided.date_start, decided.date_end) == (None, DCT)  # not all of 2026


def test_an_imperative_is_now_not_the_story_day(analyse, event):
    text = "In 2004 the blog was born. Don't forget to use the tag."
    events, _ = analyse(text, DCT)
    assert event(events, "use").date_start == DCT


def test_a_modal_perfect_is_before_now(analyse, event):
    text = "The army retook the province.\n\nThe migrants may have left the boat."
    events, _ = analyse(text, DCT)
    left = event(events, "left")
    assert (left.date_start, left.date_end) == (None, DCT)


def test_a_future_verb_is_not_dated_by_a_past_date_in_its_phrase(analyse, event):
    text = "Replicating last October 15, several protests will converge at the square."
    events, _ = analyse(text, DCT)
    converge = event(events, "converge")
    assert converge.date_start == DCT and converge.date_end is None


def test_a_pronoun_skips_a_person_of_the_other_gender(analyse, event):
    text = ("Joyce Banda was sworn in on Saturday. She is the first female president. "
            "Peter Mutharika met her on Monday. He left the capital. She said the country needed calm.")
    events, _ = analyse(text, DCT)
    said = [e for e in events if e.lemma == "say"][-1]
    assert said.agent == "Joyce Banda"
    assert event(events, "left").agent == "Peter Mutharika"


def test_a_participle_of_a_noun_is_done(analyse, event):
    text = "The army retook the province.\n\nThe ministry cites a note published on its website."
    events, _ = analyse(text, DCT)
    published = event(events, "published")
    assert (published.date_start, published.date_end) == (None, DCT)


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


def test_a_habit_beats_a_duration(analyse, event):
    text = "The army retook the province.\n\nFor about two weeks we count every day how many ants died."
    events, _ = analyse(text, DCT)
    count = event(events, "count")
    assert (count.date_start, count.date_end, count.date_basis) == (None, None, "explicit")


def test_since_an_event_of_a_date_runs_to_publication(analyse, event):
    text = "The public has remained apathetic since the collapse of the old regime in 2006."
    events, _ = analyse(text, DCT)
    remained = event(events, "remained")
    assert (remained.date_start, remained.date_end) == (dt.date(2006, 1, 1), DCT)


def test_what_had_been_going_on_is_before_the_news(analyse, event):
    events, _ = analyse("The sit-in had been going on for days.", DCT)
    going = event(events, "going")
    assert (going.date_start, going.date_end) == (None, DCT)


def test_an_aim_that_is_to_do_something_does_nothing(analyse, event):
    events, _ = analyse("The goal of the meeting is to draft a new law.", DCT)
    assert event(events, "draft").agent is None
    events, _ = analyse("The minister is expected to resign.", DCT)
    assert event(events, "resign").agent == "minister"


def test_a_pronoun_after_a_possessive_settles_no_gender(analyse, event):
    text = ("Peter Jones arrived in Lilongwe on Monday. John Smith praised his wife. She is a nurse. "
            "He said the hospital would close.")
    events, _ = analyse(text, DCT)
    assert event(events, "said").agent == "John Smith"


def test_a_relative_pronoun_under_a_verb_of_speech_stands_for_its_antecedent(analyse, event):
    events, _ = analyse("The leaks, which villagers say have killed fish, continue.", DCT)
    assert event(events, "killed").agent == "leaks"


def test_a_paragraph_opening_with_a_curly_single_quote_goes_on_with_the_one_before(analyse, event):
    text = ("Rebels attacked the town on Tuesday.\n\nIn 1993, the rebels burned the houses, the commander "
            "recalled.\n\n\u2018We killed the mayor,\u2019 he said.")
    events, _ = analyse(text, DCT)
    assert event(events, "killed").date_start == dt.date(1993, 1, 1)


def test_a_gerund_after_a_preposition_has_the_verbs_subject(analyse, event):
    events, _ = analyse("Maroni has reacted by proposing a new tax.", DCT)
    assert event(events, "proposing").agent == "Maroni"


def test_a_passive_with_a_subject_of_its_own_takes_no_agent_from_the_clause_before(analyse, event):
    events, _ = analyse("The campaign started and Razan was arrested.", DCT)
    arrested = event(events, "arrested")
    assert arrested.agent is None and arrested.patient == "Razan"


def test_the_object_of_asking_or_urging_does_what_is_asked(analyse, event):
    events, _ = analyse("The party filed a petition asking the prime minister to resign.", DCT)
    assert event(events, "resign").agent == "prime minister"
    events, _ = analyse("He wants to leave the party.", DCT)
    assert event(events, "leave").agent == "He"


def test_a_date_on_is_to_dates_the_planned_act(analyse, event):
    events, _ = analyse("On Wednesday, the family and their lawyers are to travel to Washington.", DCT)
    travel = event(events, "travel")
    assert (travel.date_start, travel.date_basis) == (dt.date(2026, 3, 11), "explicit")


def test_a_name_after_a_verb_of_speech_after_a_quote_is_the_speaker(analyse, event):
    text = "North Korea said it would respond. \u201cThe army will strike all loudspeakers,\u201d added KCNA."
    events, _ = analyse(text, DCT)
    added = event(events, "added")
    assert (added.agent, added.patient) == ("KCNA", None)
    assert event(events, "strike").speaker == "KCNA"


def test_a_possibility_runs_from_now_on(analyse, event):
    text = "The army retook the province.\n\nBloggers may become journalists."
    events, _ = analyse(text, DCT)
    become = event(events, "become")
    assert (become.date_start, become.date_end) == (DCT, None)


def test_a_day_named_far_down_the_story_is_not_its_news_day(analyse, event):
    background = "".join(f"Residents have long complained about item {n}.\n\n" for n in range(6))
    text = "The council approved the budget.\n\n" + background + "On Tuesday, the mayor visited the school."
    events, _ = analyse(text, DCT)
    approved = event(events, "approved")
    assert approved.date_basis != "narrative"
    assert approved.date_start != dt.date(2026, 3, 3)
    assert event(events, "visited").date_start == dt.date(2026, 3, 3)
