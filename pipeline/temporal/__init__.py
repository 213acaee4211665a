"""Temporal tagger: finds, types and normalizes temporal expressions to TIMEX3 (design §4).

Layout (HeidelTime in spirit): `resources/lexicon.yaml` (words) and `resources/patterns.yaml`
(rules) are data; `finder` runs the rules near their trigger words and keeps the longest matches,
`context` reads tense from the spaCy tags, `normalize` applies the news conventions, `absolute`
hands absolute date strings to dateparser, `values` does the calendar arithmetic and ranges.

Conventions chosen where the corpora (TimeBank, AQUAINT, GUM/Wikinews) disagree:
- a bare weekday/month follows the tense of its clause (past: latest on or before the publication
  day, which counts; future, scheduled or present: next on or after it); a month in a present or
  tenseless clause is the occurrence nearest to publication ("takes effect in January" written in
  September: next January); a date "since" names looks back whatever the clause's tense ("will
  call an election after leading a government since January"), unless it is a clause's subject
  ("Since Monday is a holiday", since as because); "Wednesday night" is a
  DATE whose value is the day (the corpora split evenly on 2025-09-03TNI), "Wednesday evening" keeps
  its part of day (2025-09-03TEV, as all the corpora do); a possessive weekday
  ("Tuesday's close") is past unless "will" governs; a limit ahead ("as early as Monday", "until
  9 a.m. Tuesday") and a weekday looked forward to ("ahead of Sunday's vote", "on the eve of") are
  future, except "until" after a verb that sets no limit ("remained closed until Tuesday", "it was
  not until Monday that...": past; `limit_verbs` and `change_verbs` in the lexicon: "extended its offer until Tuesday");
  a weekday after a complementizer "that" takes the tense of the reported clause ("says
  that on Monday the president alluded..."); an expression before a finite past verb dates it ("On Friday, the
  government planned..."); "the previous Friday" counts back from the narrative's day; the month
  after the publication month is the coming one even in a past clause, and so is whatever a noun of
  intent announces ("announced an agreement to acquire the bank in January"); in a headline (the
  text's first line, no full stop) the present simple is a past event ("Earthquake hits Japan on
  Monday"), the infinitive a coming one ("UN envoy to visit Kabul Monday"); "effective Feb. 1" is the
  nearest Feb. 1; "this summer" is the publication year's; a full date ending the text's first line
  ("Saturday, April 4, 2009", Wikinews' date line) is metadata: it keeps its value but never sets the
  narrative time (nor, in event extraction, the story's time); "today" (and "yesterday", "tomorrow")
  inside a quotation reported in the past is of the day it was said when the story is at a day of the
  week before publication, in the quotation's paragraph or the one before ("Panama lost on Monday.
  'We learned a lot from today's game,' the coach said": Monday; anchor_kind "speech"), and in a post
  or a paragraph set apart by its intro, the day the intro names ("On May 17 the ministry tweeted:");
  a date something was moved to or given until is ahead of publication however far ("delayed until
  December"), unless it ends a past state or follows a "from" date ("postponed from May 1 to May 8");
  in a post or passage set apart with no day told for it, "today", "yesterday", "tomorrow" are left
  unresolved (`deictic.today.undated_post`: a blog may quote a post weeks old); a day, month or
  holiday without its year takes the year an earlier date of its sentence names ("In 2008, they
  organized a Halloween party"), not a bound's ("since 2008"), one in a relative clause, one of
  another tense, or one picked for another day; "October 15 of last year" is that year's; numbers
  with dots are day, month, year ("23.12.2011"); "last Thursday, the 5" is the Thursday that is a
  5th; "the next Tuesday" told in the past follows the story's day; "past midnight" after a night is
  the next day's early hours; "in the early morning of May 3" is May 3's, no morning of its own;
- not times: "one day" except before a verb ("will one day be": FUTURE_REF; "who one day believed":
  PAST_REF; "in the job one day" stays a duration), "the order/hero/hours of
  the day" (`generic_of_heads`), "our world today", "youth today" (`present_era_nouns`, as "today's
  world"), "the long term" modifying a noun, a number after "over/about/nearly" before a count of things
  ("over 2000 Palestinian prisoners") or after "Resolution/Article/Section"; holidays match with a curly
  apostrophe or none ("Mother’s Day", "Mothers Day"), and those counted from Western Easter are read
  ("Good Friday"); a capitalized "Today", "the Month" after a capitalized word is a title ("USA Today",
  "Interview of the Month"); "once in a while", "a long time enemy", "the day off", "in my twenties" (an
  age) are no times; the day named beside "today" is the day it means ("today, Tuesday May 1"); the first
  end of a range takes the year of the second ("from April 29 to May 3, 1991"); a weekday in a
  newspaper's name ("the Saturday Tribune"), a date naming a movement or a charter ("the 25 February
  movement", "the July Charter"), a holiday naming a place ("Christmas Island") and another country's
  Independence Day ("Greek Independence Day", "Mexico's Independence Day") are no times; days listed with
  a date are days of its month ("May 2, 3 and 4", "the 27th and 28th April"), a range when in a row; a date of what is called or prepared for ("called for a summit in
  July") is the nearest one even in a past clause; a two-digit year after an event's name is a year
  ("USA '94"); a date line alone on its line under the headline is metadata; "the past" as a thing is
  no time ("against the past of austerity", "hide behind the past", "the past political violence"; "in
  the past" is); a relative clause ends the phrase of a second day ("on May 19 and 20 that includes");
- weeks are ISO weeks (2025-W37), never 2025-WXX; decades are `199`, centuries `19` ("the late 90s"
  too, with "the" and a position; not "in his late 90s", an age); "in two weeks" said of a future (will,
  would, shall, going to) is that far from now, a DATE (2012-W22; TimeBank's "redeemed in five years":
  1994), elsewhere a length; "for the next year" with no story time is the stretch from now (P1Y, as
  "for the next two years"); "that summer" is the narrative year's; a schedule's line that opens with
  "20th May to 15th June" is a range without "from"; "Friday evening of 6th April" is that Friday; a
  clock time in a clause that is not future is not on a future day named before it;
- "the past three years" is a DURATION (with a range ending at the publication day), "last year" a
  DATE; "over (within, during, for, in) the next decade" is the ten years from the morrow (P10Y), not
  the 2030s ("early in the next decade" and "by the next decade" are); "the year ended June 30" a
  DURATION P1Y, "the year" without an end date the publication year; "recent weeks" a DURATION PXW but "in recent years" a
  DATE PAST_REF (a vague era, as TimeBank mostly has it); decades in durations are years (P20Y);
- "a year ago/earlier" next to a named quarter is that quarter a year back (financial news),
  unless a year-to-date span comes between ("For the nine months ... a year earlier": the year);
- "the" belongs to an expression headed by a temporal noun, not to a premodifier; early/late/mid,
  nearly/almost/more than/at least are kept in the extent, about/over/within/only are not;
- "early", "mid" and "late" keep the range of their value ("late November" is all of November, with
  `mod` END): where late November starts is a guess; "earlier this year" and "later this month" are
  cut at the publication day, which the text does imply;
- PAST_REF ends on the publication day with an open start, FUTURE_REF starts on it with an open
  end, PRESENT_REF is that day (the events module reads open ranges the same way);
- narrative expressions anchor on the last explicit date at least as fine as their unit, else on
  the publication date; clock times without a day take the narrative's day; "later" in a past clause
  before any date ("died three days later") is left unresolved rather than put after publication;
- a range is two expressions, as TimeML annotates "from 2011 to 2017", linked by `interval_start` /
  `interval_end` (`ranges`); the end a range leaves implicit ("May 8-10", "2014-15") is added with the
  other end's month and year; two weekdays read together end on the weekday after the first;
- a time counted from an event ("the day after his death", "in the weeks before the shooting") is
  left unresolved (rules `anaphoric.from_event*`): event extraction knows the event's day and resolves
  it (pipeline/events/relative.py); "two days after" stays the DURATION P2D TimeBank has;
- "9/11" in the context of the attacks is 2001-09-11 (`named_dates`); a day without a year before the noun
  of a happening it names is that happening's ("the October 7 attacks", "the January 6 Capitol riot":
  `named_days`), whatever the publication date, unless a preposition of time makes it a day of its own ("On
  October 7 Russian attacks killed five") or the attacks are on another target ("Russia's October 7 attacks
  on gas facilities"); a day before a
  noun a past relative clause tells is in the past ("a New Year's Day fire that killed 40"), and so is one
  after an infinitive a past verb governs ("tried to storm parliament on Monday");
- "a few days later" in a past clause is PAST_REF (later than the story's time, not after
  publication); "one day" set off by commas is some day (PAST_REF in a past clause, else FUTURE_REF);
- weekdays after a day the same sentence names as when something happened count on from it
  ("started on Saturday, May 5, then beat Norway on Sunday, Germany on Tuesday"), when the reading
  from publication would lie a week or more later; a day written beside today, yesterday or
  tomorrow ("tomorrow on May 17", "today, Tuesday May 1") is the day it means;
- "today" in a writing dated by its own words ("A post from April 29 tells:") is that day;
- "the same day that/as ..." is the date that ends its clause, set off by a comma ("on the same day that
  Hollande met Merkel in Berlin, May 16"), not a date of a later clause; a bare part of day in a past
  clause ("In the early morning hours the authorities intervened") is the story's day's, as "in the
  afternoon" is; years counted back from a month are a year ("Four years earlier", after "in April": 2008),
  from a day or a quarter that day or quarter (TimeBank's business news);
- "in the afternoon" of a past story is its day's afternoon; a habit's "in the morning" is no time;
- holidays include the days the United Nations observe (World Press Freedom Day ...) and Workers'
  Day; some keep their name in lower case ("on labor day"), "election day" does not;
- no time: a newspaper called a daily or a weekly ("the Arabic daily Attounisia"), "the day, when
  ...", "on a day that ...", and the year of a numbered law ("Decreto 884 de 2012");
- the day an account, footage or memory is of has been lived ("an account of July 20" said in May);
  two periods of one grain in a row joined by "and" are a range ("in 1997 and 1998"); a part of the
  day before "the next day" is that day's; "this period" with no quarter named before is no quarter;
  a weekday "a" names is any week's (XXXX-WXX-1), and so is a bare one in its present sentence; "the
  story of the week" is no week; a participle a condition opens ("if convicted this Friday") is no past;
- a year joined to its day by "of" is that day's ("September 11th of 1714"); a lower-case month after an
  ordinal is the month ("on the 26th may", not "the 3rd may be freed", "their 3rd march"); "N years ago
  today" is that very day back then; a month and day "ahead of", "in the lead-up to" or "on the eve of"
  look ahead, whatever the tense; a number after the conjunction "that" before an adjective and a plural
  noun is a count ("now that 2000 political prisoners"); a capitalized "Now" after a capitalized word is
  part of a name ("Real Democracy Now"); the numbers of a web address are no date;
- a bare month goes on with the year of the past story its paragraph tells ("In May 2005, he threw a
  tomato. In August came the egging of the embassy": 2005-08), when both follow "in" or "on", the month is
  later in that year and nothing is named between (not a thing's date, "a June 2010 resolution", nor an
  aside's, "who was elected mayor in May 2019"); a date in one bullet of a list anchors no other bullet's
  "earlier in the day" or "the previous day" (a digest's bullets are separate stories);
- a gap "later than" or "earlier than" a plan is a length, no date counted from the story ("begins three
  weeks later than originally scheduled": P3W).
"""

from pipeline.temporal.jsonl import tag_jsonl
from pipeline.temporal.tagger import TemporalTagger, tag_text

__all__ = ["TemporalTagger", "tag_text", "tag_jsonl"]
