"""Quoted stretches of a text: the temporal tagger reads a quotation's "today" at the time it was said,
event extraction marks what is quoted and by whom. Shared by both, so it lives apart from either."""

from __future__ import annotations

import bisect
import re
from functools import lru_cache

from pipeline.languages import is_foreign_paragraph
from pipeline.paragraphs import PARAGRAPH_BREAK, crosses_paragraph

# opening and closing marks, curly, TeX-style (TimeBank), straight and guillemets
QUOTE_PAIRS: tuple[tuple[str, str], ...] = (('“', '”'), ('``', "''"), ('"', '"'), ('«', '»'))


# (direction marks may lead the line: Arabic tweets start with U+200F)
_POST_LINE = re.compile(r"(?m)^[ \t\u200e\u200f\u202a-\u202e\ufeff]*(?:(?:(?!(?:A|An|The|This|That|My|Our|His|Her|Their|Its|One|Another|Every|Each|Some)\b)"
                        r"[A-Z][\w.'’-]*[ \t]+){0,3}(?P<handle>@\w{1,30}):|>"
                        # an interview's answer: "KM: Yes, ...", "Kondwani Munthali (KM): Many people ..."
                        r"|(?P<label>(?!(?:NOTE|UPDATE|UPD|EDIT|PS|NB|FYI|PHOTO|VIDEO|SOURCE)\b)[A-Z]{1,3}"
                        r"|[A-Z][\w'.-]+(?: [A-Z][\w'.-]+){0,3} \([A-Z]{1,3}\)):(?=[ \t]))"
                        r"[ \t]*(?P<said>\S(?:[^\n]*\S)?)")


# the line that introduces it has a speech verb a few words before its closing colon ("wrote:", "denied
# the allegations:", "to say the following:")
_INTRODUCED = re.compile(
    r"(?m)(?:\b(?:say|said|says|saying|wrote|writes|writing|tweeted|tweets|tweeting|posted|posts|posting|added|adds|"
    r"adding|stated|states|stating|explained|explains|explaining|commented|comments|commenting|noted|notes|noting|"
    r"told\s+\w+|asked|asks|asking|replied|replies|replying|argued|argues|arguing|denied|denies|denying|declared|"
    r"declaring|announced|announcing|quoted|quoting|insisted|insisting|warned|warning|claimed|claiming|responded|"
    r"responding|observed|recalled|reads|blogged|confessed|urged|pointed\s+out|concluded|concludes|remarked|"
    r"describe|describes|described|describing|wondered|wonders|wondering|expressed|expresses|suggested|suggests|"
    r"tells|recounts|recounted|reported|reports)\b"
    r"|\b(?:[Hh]e|[Ss]he|[Tt]hey)\s+(?:continues|continued|goes\s+on|went\s+on)\b"  # (not "Fighting continued:")
    r"|\b[Aa]ccording\s+to\b)"
    # the quotation is the next paragraph, or the rest of the intro's own line when a sentence starts
    # right after the colon ("Here is how they describe the project: We are funding ...")
    r"[^\n:.!?]{0,60}(?P<colon>:)(?:[ \t]*\n\s*\n?|[ \t]+(?=[A-Z\"\u201c]))(?P<said>[^\n]+(?:\n(?![ \t]*\n)[^\n]+)*)")
# (a quotation's lines run to the paragraph's end: a letter or a poem set line by line)
# a paragraph of three words or more that ends with its colon, then the paragraph it introduces
_ENDS_WITH_COLON = re.compile(r"(?m)^(?P<intro>[ \t]*\S+(?:[ \t]+\S+){2,}?)[ \t]?(?P<colon>:)[ \t]*\n\s*\n?"
                              r"(?P<said>[^\n]+(?:\n(?![ \t]*\n)[^\n]+)*)")
# what introduces a list, a picture or a link, no one's words ("the following:", "Watch the video:")
_LIST_INTRO = re.compile(r"\b(?:here\s+(?:is|are)|the\s+following|below|as\s+follows)\b[^.!?]*$"
                         r"|\b(?:following|include|includes|including|video|photo|photos|picture|pictures|image|"
                         r"images|link|links|list|results|these|are|were|here)\W*$", re.IGNORECASE)
INTERVIEW_LABELS = 4  # labelled answers that make a text an interview
INTERVIEW_QUESTIONS = 3  # question paragraphs that make an interview's headline one of questions and answers
_INTERVIEW_HEADLINE = re.compile(r"\binterview|\b(?:tells|talks\s+to|speaks\s+(?:to|with))\s+Wikinews\b", re.IGNORECASE)
_PARAGRAPH_TEXT = re.compile(r"[^\s][^\n]*[^\s]")
# the lead says the article is an interview ("Wikinews interviewed him for May's Interview of the Month"), not
# that someone gave one elsewhere ("said in an interview with the BBC")
_INTERVIEWED = re.compile(r"\b(?:Wikinews|[Ww]e|I)\s+(?:interviewed|spoke\s+(?:to|with)|talked\s+(?:to|with))\b"
                          r"|\b[Ii]nterview\s+of\s+the\s+[Mm]onth\b")
# the words before whom an interview is with ("Wikinews spoke with William Evans")
INTERVIEWED_WHOM = re.compile(r"\b(?:interview(?:ed|s)?|spoke\s+(?:to|with)|talked\s+(?:to|with))\s+$", re.IGNORECASE)
_YOU = re.compile(r"\b(?:you|your)\b", re.IGNORECASE)  # a question put to the one interviewed
_QUESTION_END = re.compile(r"\?[\"'”’)\]]*$")
_SENTENCE_END = re.compile(r"[.!\"'”’)\]]$")
_CAPTION = re.compile(r"\b(?:Image|Photo|Photograph|Picture|Credit)s?:", re.IGNORECASE)
# an intro that asks the reader ("Share this article with friends:", "Click here:")
_READER_INTRO = re.compile(r"\s*(?:please\s+)?(?:share|follow|click|read|subscribe|sign|join|watch|see|listen|"
                           r"download|visit|check|update|updated|note|what|who|how|why|when|where)\b", re.IGNORECASE)
_NEXT_PARAGRAPH = re.compile(r"[ \t]*\n\s*\n?(?P<said>[^\n]+)")


class Quotes:
    """Quoted stretches of a text, found from paired quotation marks, with the speaker of each."""

    def __init__(self, text: str, pairs: tuple[tuple[str, str], ...] = QUOTE_PAIRS):
        spans: list[tuple[int, int]] = []
        self.posters: dict[tuple[int, int], str] = {}  # a quoted post -> its "@handle"
        # an interview's answer -> its speaker's label ("KM"): said by them, but each answer is a paragraph
        # of its own (the story's time does not run on through the interview as through a post's lines)
        self.answers: dict[tuple[int, int], str | None] = {}
        self.introduced: dict[tuple[int, int], int] = {}  # a quoted paragraph -> the offset of its intro's colon
        # those of them whose intro names no speech ("X slammed the plan:"): quotations for modality, but
        # too loosely known to be someone's post for the tagger to leave its "today" undated
        self.loosely_introduced: set[tuple[int, int]] = set()
        for open_q, close_q in pairs:
            pos = 0
            while True:
                a = text.find(open_q, pos)
                if a < 0:
                    break
                b = text.find(close_q, a + len(open_q))
                if b < 0:
                    break
                # A straight quote pair must not swallow a whole paragraph break, but for one quotation
                # that runs on into the next paragraph and closes at its end ('said, "I think we have
                # learned a lot.' then 'It was a very emotional day."'): no mark opens that paragraph
                if open_q == close_q and crosses_paragraph(text, a, b) and not _runs_on(text, a, b):
                    pos = a + 1
                    continue
                if open_q != close_q and crosses_paragraph(text, a, b):
                    # a curly mark a straight one closes in its own paragraph ('like “whore." Kremliad is'):
                    # the quotation ends there, not at the next curly close paragraphs down
                    brk = PARAGRAPH_BREAK.search(text, a, b)
                    straight = text.find('"', a + len(open_q), brk.start())
                    if straight > a + len(open_q) and (text[straight - 1].isalpha() or text[straight - 1] in ".,!?"):
                        spans.append((a, straight + 1))
                        pos = straight + 1
                        continue
                spans.append((a, b + len(close_q)))
                pos = b + len(close_q)
        # A quoted post on a line of its own: "@handle: text" (a tweet) or "> text" (a block quote).
        for m in _POST_LINE.finditer(text):
            a, b = m.start("said"), m.end("said")
            if b > a and not any(s < b and a < e for s, e in spans):
                spans.append((a, b))
                if m.group("label"):
                    self.answers[(a, b)] = m.group("label")
                if m.group("handle"):
                    self.posters[(a, b)] = m.group("handle")
                    # a post in another language, then its English ("@bejanmatur: bugün geldim ..." then
                    # "I arrived at Roboski today"): the same post
                    translation = _translation_after(text, a, b)
                    if translation is not None and not _POST_LINE.match(text, translation[0]) \
                            and _take(spans, translation):
                        self.posters[translation] = m.group("handle")
        # A paragraph a speech introduces with a colon ("Njeri Wangari wrote:", "the Church denied the
        # allegations:"): the whole next paragraph is the quotation, said by whoever the intro names.
        for m in _INTRODUCED.finditer(text):
            a, b = m.start("said"), m.end("said")
            # (a paragraph of its own takes in the words it quotes; the rest of the intro's line does not:
            # 'He said: “We will win.” Then "it is over," she added')
            own_paragraph = "\n" in text[m.start("colon"):a]
            if b > a and (_free(spans, a, b, self.posters.keys() | self.answers.keys()) if own_paragraph
                          else not any(s < b and a < e for s, e in spans)):
                self._set_apart(text, spans, a, b, m.start("colon"))
        # An interview's answer goes on over the paragraphs up to the next label ("CT: ..." then two more
        # paragraphs of the answer, then "SG: ..."): in an interview, one with labels on four lines or more
        labelled = sorted(self.answers)
        if len(labelled) >= INTERVIEW_LABELS:
            for (a, b), (nxt_a, _) in zip(labelled, labelled[1:]):
                end = b
                while ((m := _NEXT_PARAGRAPH.match(text, end)) is not None and m.start("said") < nxt_a
                       and not _POST_LINE.match(text, m.start("said"))):  # not the next label's own line
                    more = (m.start("said"), m.end("said"))
                    if not _take(spans, more):
                        break
                    self.answers[more] = self.answers[(a, b)]
                    end = more[1]
        if not labelled:
            self._unlabelled_answers(text, spans)
        # Any other paragraph that ends with a colon ("@eromanp is ironic:", "Fernando Sanchez confirmed via
        # his sources:"): in news and blogs what follows it on its own is a quotation too
        for m in _ENDS_WITH_COLON.finditer(text):
            a, b = m.start("said"), m.end("said")
            intro = m.group("intro")
            if b > a and _free(spans, a, b, self.posters.keys() | self.answers.keys() | self.introduced.keys()) \
                    and not _LIST_INTRO.search(intro) \
                    and not _READER_INTRO.match(intro):
                # (with its translation and what goes on after it, as for a speech's intro)
                self.loosely_introduced.update(self._set_apart(text, spans, a, b, m.start("colon")))
        spans.sort()
        self.spans = spans
        self._starts = [s for s, _ in spans]

    def _set_apart(self, text: str, spans: list[tuple[int, int]], a: int, b: int, colon: int) -> list[tuple[int, int]]:
        """Take the quotation at a..b an intro's colon sets apart, with its translation, the further
        originals and translations after it, and the paragraphs that read as more of it; return them."""
        taken = [(a, b)]
        spans.append((a, b))
        self.introduced[(a, b)] = colon
        end = b
        translation = _translation_after(text, a, b)
        if translation is not None and _take(spans, translation):
            self.introduced[translation] = colon
            taken.append(translation)
            end = translation[1]
        # the quotation goes on while another original follows, with its translation ("Bassem
        # writes:" then Arabic, English, Arabic, English ...)
        while (nxt := _NEXT_PARAGRAPH.match(text, end)) is not None and is_foreign_paragraph(nxt.group("said")):
            original = (nxt.start("said"), nxt.end("said"))
            translation = _translation_after(text, *original)
            if translation is None or not _take(spans, original) or not _take(spans, translation):
                break
            self.introduced[original] = self.introduced[translation] = colon
            taken += [original, translation]
            end = translation[1]
        # a quotation of several paragraphs goes on while the next reads as more of it: not a
        # paragraph of the reporter's (one that names the speaker, reports words, opens a quotation
        # of its own or introduces one)
        names = _names_in(text[intro_start(text, colon):colon])
        resumed = _resumed_after(text, end, names)
        for _ in range(QUOTED_PARAGRAPHS_MORE):
            nxt = _NEXT_PARAGRAPH.match(text, end)
            if nxt is None or not (nxt.end("said") < resumed or _goes_on(nxt.group("said"), names)):
                break
            more = (nxt.start("said"), nxt.end("said"))
            if not _take(spans, more):
                break
            self.introduced[more] = colon
            taken.append(more)
            end = more[1]
        return taken

    def _unlabelled_answers(self, text: str, spans: list[tuple[int, int]]) -> None:
        """A question-and-answer interview without labels (Wikinews: the reporter's questions, each a
        paragraph that ends with a question mark; the answers in the paragraphs after them): the answers
        are the interviewee's words. Only with three questions or more, where the headline or the text
        before the first question says it is an interview, or three of the questions are put to "you" and
        answered; headings and captions between them are no one's words. Their label is None: who answers
        is read from the headline's names (see the event extractor)."""
        line_end = text.find("\n")
        paragraphs = [(m.start(), m.end()) for m in _PARAGRAPH_TEXT.finditer(text)]
        questions = {i for i, (a, b) in enumerate(paragraphs) if _QUESTION_END.search(text, a, b)}
        if len(questions) < INTERVIEW_QUESTIONS:
            return
        if not (_INTERVIEW_HEADLINE.search(text[:line_end if line_end >= 0 else len(text)])
                or _INTERVIEWED.search(text, 0, paragraphs[min(questions)][0])
                or sum(bool(_YOU.search(text, *paragraphs[i])) and i + 1 < len(paragraphs) and i + 1 not in questions
                       for i in questions) >= INTERVIEW_QUESTIONS):
            return  # (the lead says so: "Wikinews interviewed him"; or three questions put to "you", each answered)
        for i in range(min(questions) + 1, len(paragraphs)):
            a, b = paragraphs[i]
            if i in questions or not _SENTENCE_END.search(text, a, b) or _CAPTION.search(text, a, b):
                continue  # a question, a heading ("The costs"), a picture's caption
            if _take(spans, (a, b)):
                self.answers[(a, b)] = None

    def containing(self, offset: int) -> tuple[int, int] | None:
        i = bisect.bisect_right(self._starts, offset) - 1
        if i >= 0 and self.spans[i][0] <= offset < self.spans[i][1]:
            return self.spans[i]
        return None


QUOTED_PARAGRAPHS_MORE = 3  # paragraphs a quotation set apart may run on after its first
# what marks a paragraph as the reporter's again: words reported ("writes", "according to"), a quotation
# opening it, a colon closing it
_REPORTERS_PARAGRAPH = re.compile(
    r"\b(?:says?|said|writes?|wrote|tweets?|tweeted|posts?|posted|adds?|added|notes?|noted|explains?|explained|"
    r"comments?|commented|argues?|argued|continues?|continued|concludes?|concluded|states?|stated|asks?|asked|"
    r"blogs?|blogged|replie[sd]|reply|responds?|responded|points?\s+out|pointed\s+out|describes?|described|"
    r"according\s+to|reports?|reported|recalls?|recalled|believes?|thinks?|agrees?|disagrees?)\b"
    r"|^\s*[\"“«'‘]|:\s*$", re.IGNORECASE)
# the one quoted speaks in the first person; the reporter of a roundup rarely does
_FIRST_PERSON = re.compile(r"\b(?:I|I'm|I’m|I've|I’ve|we|We|my|My|our|Our|us|me)\b")
_NAME = re.compile(r"\b[A-Z][a-z]{2,}\b")
# capitalized words that open sentences, not names
_NOT_NAMES = frozenset({"The", "And", "But", "Also", "Another", "One", "Some", "His", "Her", "Their", "Its", "This",
                        "That", "These", "Those", "She", "They", "Meanwhile", "However", "Here", "There", "When",
                        "While", "After", "Before", "For", "From", "With", "Other", "Many", "Most", "Several"})


def intro_start(text: str, colon: int) -> int:
    """Where the sentence that ends at an intro's colon starts."""
    cut = max(text.rfind(". ", 0, colon), text.rfind("\n", 0, colon))
    return cut + 1


def _names_in(intro: str) -> set[str]:
    """The capitalized words of an intro but those that open sentences: the speaker's name, mostly."""
    return {w for w in _NAME.findall(intro)} - _NOT_NAMES


# a paragraph that resumes a quotation: "He continues:", "She adds:" (a pronoun, or one of the names its intro
# gave: "Jordan adds:"; not "The crackdown continues:", nor "Amnesty International adds:")
_RESUMED = re.compile(r"(?P<who>[A-Z][\w'’-]*)\s+(?:continues|goes\s+on|adds|concludes|further\s+notes)\b[^\n]{0,40}:\s*$")
_RESUMING_PRONOUNS = frozenset({"He", "She", "They"})


def _resumed_after(text: str, end: int, names: set[str]) -> int:
    """Where the paragraph that resumes the quotation ending at `end` starts ("He continues:"), when one
    does within the next few paragraphs with no other intro before it: the paragraphs up to it are the
    quotation's too. -1 when none does."""
    at = end
    for _ in range(QUOTED_PARAGRAPHS_MORE + 1):
        nxt = _NEXT_PARAGRAPH.match(text, at)
        if nxt is None:
            return -1
        said = nxt.group("said")
        resumed = _RESUMED.fullmatch(said.strip())
        if resumed and (resumed.group("who") in _RESUMING_PRONOUNS or resumed.group("who") in names):
            return nxt.start("said")
        if said.rstrip().endswith(":") or is_foreign_paragraph(said):
            return -1  # another intro, or an original: the reporter's again
        at = nxt.end("said")
    return -1


def _goes_on(paragraph: str, names: set[str]) -> bool:
    """The paragraph after a quotation reads as more of it: English, in the first person, none of the
    reporter's marks, and not naming the one quoted."""
    if is_foreign_paragraph(paragraph) or _REPORTERS_PARAGRAPH.search(paragraph) or not _FIRST_PERSON.search(paragraph):
        return False
    return not any(re.search(rf"\b{re.escape(n)}\b", paragraph) for n in names)


def _runs_on(text: str, a: int, b: int) -> bool:
    """A quotation opened at `a` runs on over one paragraph break to its closing mark at `b`, which ends its
    paragraph (and the paragraph it runs into opens with no mark of its own)."""
    breaks = list(PARAGRAPH_BREAK.finditer(text, a, b))
    if len(breaks) != 1:
        return False
    rest = text[b + 1:b + 3]
    return (not rest.strip() or rest.startswith("\n")) and text[breaks[0].end():breaks[0].end() + 1] not in ('"', "“")


SCARE_QUOTE_WORDS = 2  # a quotation of this many words or fewer inside a sentence marks a word, not a speech
_SENTENCE_WORD_BEFORE = re.compile(r"[A-Za-z,]\s*$")


def marks_a_word(text: str, quote: tuple[int, int]) -> bool:
    """A word or two in quotation marks inside the writer's own sentence (Morales "suspended" the decree,
    the so-called "reform"): the writer's distance from the word, not someone's words."""
    a, b = quote
    inner = text[a:b].strip("\"“”'‘’`« »")
    return (len(inner.split()) <= SCARE_QUOTE_WORDS and not re.search(r"[.!?:;]", inner)
            and _SENTENCE_WORD_BEFORE.search(text, max(0, a - 3), a) is not None
            and re.match(r"\s*[A-Za-z0-9]", text[b:b + 3]) is not None)


def _free(spans: list[tuple[int, int]], a: int, b: int, own: "set[tuple[int, int]] | dict") -> bool:
    """No quotation found so far overlaps a..b but words in marks wholly inside it, which give way to it (a
    paragraph set apart that quotes words of its own: 'They apologized, stating it was an "individual
    error"'); those are dropped from `spans`. (`own`: the posts and answers, which never give way.)"""
    if any(s < b and a < e and (not a <= s < e <= b or (s, e) in own) for s, e in spans):
        return False
    spans[:] = [(s, e) for s, e in spans if not a <= s < e <= b]
    return True


def _take(spans: list[tuple[int, int]], span: tuple[int, int]) -> bool:
    """Adds a translation's span unless it overlaps a quotation partly; the quotations inside it ("transport
    strike") give way to it."""
    a, b = span
    if any(s < b and a < e and not a <= s < e <= b for s, e in spans):
        return False
    spans[:] = [(s, e) for s, e in spans if not a <= s < e <= b]
    spans.append(span)
    return True


def _translation_after(text: str, a: int, b: int) -> tuple[int, int] | None:
    """The paragraph after a quotation in another language (its English translation), if it is one."""
    if not is_foreign_paragraph(text[a:b]):
        return None
    m = _NEXT_PARAGRAPH.match(text, b)
    if m is None or is_foreign_paragraph(m.group("said")):
        return None
    return m.start("said"), m.end("said")


@lru_cache(maxsize=8)
def quotes_of(text: str) -> Quotes:
    """The quotations of a text, found once: the tagger and event extraction (twice, when a count from an
    event is resolved) read the same text."""
    return Quotes(text)
