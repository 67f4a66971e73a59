"""Narrative citations: the names written just before a parenthesised year.

"Yoon (2019) argues", "Enos and Kim (2019)", "Smith, Jones, and Lee (2019)",
"Smith et al. (2019)", "Smith and colleagues (2019)", "Newman's (2013)", APA's "A. Smith (2019)" (the initials
kept: they tell authors of one family name apart), the list's form "Smith, J. (2019)" (the initials dropped).
Walking back from the parenthesis we take capitalised words (up to three per name, particles such as "van der" allowed),
joined by "and", "&" or a comma; a comma list counts only when it ends in "and"/"&"
("In China, Yoon (2019)" cites Yoon alone). Leading sentence words ("In", "Meanwhile",
months...) are dropped; when the lead knows the cited names, a known trailing part of
a longer run of capitalised words is preferred ("Korean NGO Yoon" -> "Yoon"). A legal case is
cited by its whole name, as a title: "In Brown v. Board of Education (1954)", not "Education".
The names never reach back across a paragraph break or into a heading: "# Background" then
"Zuagg (2019) argues" cites Zuagg, not "Background Zuagg".
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from .named_events import used_as_an_event
from .citation_parts import (
    FOREIGN_ETAL, FOREIGN_JOINERS, INITIAL, PARTICLES, Range, is_caseless, case_name_before, is_honorific, is_name_word,
    is_stop_word, near_known, norm_title, unbreak,
)

_TOKEN = re.compile(r"[^\W\d_]+(?:(?:['’.]|-(?:[ \t]*\n[ \t]*)?)[^\W\d_]+)*\.?|\S")  # "Kor-\nnacki": one word
_WINDOW = 200
_MAX_WORDS = 3
_CONJUNCTIONS = ("and", "&", "・")  # "鈴木・佐藤（2020）"
_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n")
# a line that is a heading by its mark: "## Background", "2.1 Related work", "III. Methods"
_MARKED_HEADING = re.compile(r"[ \t]*(?:#{1,6}[ \t]|(?:\d{1,2}(?:\.\d{1,2})*\.?|[IVX]{1,4}\.)[ \t]+[^\W\d_])")
_HEADING_WORDS = 8
# how a line goes on into the next: a sentence ("... shows."), a list of names ("Smith, Jones,", "Smith and"), a
# word a line end hyphenated ("Kor-")
_LINE_GOES_ON = (".", ",", ";", ":", "?", "!", " and", " &", "-")
_SENTENCE_END = (".", "?", "!", ".)", ".”", '."')


@dataclass(frozen=True)
class NarrativeNames:
    """The names before a parenthesised year: where they start, each name's range, et al., and
    whether the one name is a title (a legal case's name)."""

    start: int
    names: tuple[Range, ...]
    etal: bool
    title: bool = False


# an editor's mark between the names and the year: "Hoffmann (Hrsg.) (2020)", "Chevalier (dir.) (2019)"
_EDITOR_MARK = re.compile(r"\((?i:eds?|hrsg|hg|dir|[ée]ds?|coords?|orgs?|red)\.\)[ \t]*\Z")


def _names_end(text: str, open_paren: int) -> int:
    """Where the names end: before the whitespace, an editor's mark ("Hoffmann (Hrsg.) (2020)") and any
    possessive ("Newman's (2013)")."""
    end = open_paren
    while end > 0 and text[end - 1].isspace():
        end -= 1
    mark = _EDITOR_MARK.search(text, max(0, end - 10), end) if text[end - 1 : end] == ")" else None
    if mark is not None:
        end = mark.start()
        while end > 0 and text[end - 1].isspace():
            end -= 1
    if text[end - 2 : end] in ("'s", "’s"):
        return end - 2
    if text[end - 1 : end] in ("'", "’") and text[end - 2 : end - 1] == "s":
        return end - 1
    return end


def _is_capitalised(word: str) -> bool:
    return _capital(word) and is_name_word(word)


def _capital(word: str) -> bool:
    """Starts as a name does: a capital, or a Chinese character ("鈴木"), which has none."""
    return word[0].isupper() or is_caseless(word)


def _walk_back(tokens: list[re.Match[str]], i: int, text: str = "", known: frozenset[str] = frozenset()) -> tuple[
        list[list[re.Match[str]]], list[str]]:
    """Name pieces (token lists) and the separators between them, reading backwards from i."""
    pieces: list[list[re.Match[str]]] = []
    seps: list[str] = []
    current: list[re.Match[str]] = []
    while i >= 0:
        word = tokens[i].group()
        proper = sum(1 for t in current if t.group().casefold() not in PARTICLES)
        stem = _korean_and(tokens[i], current, text, known) if current and word[-1] in _KOREAN_AND else None
        joined = _attached_and(tokens[i], current, text, known) if current and current[0].group()[0] in _ATTACHED_AND else None
        if joined is not None:  # "לוי ומזרחי (2020)", "حسن ومحمود (2020)": "and" written onto the second listed name
            pieces.insert(0, [joined])
            current = [tokens[i]]
            seps.insert(0, "&")
        elif stem is not None:  # "이영희와 박민수(2020)": the particle "와" written onto the first of two listed names
            pieces.insert(0, current)
            current = [stem]
            seps.insert(0, "&")
        elif current and word in FOREIGN_JOINERS and _joins_known(tokens, i, current, text, known):
            pieces.insert(0, current)  # "Müller und Schmidt (2019)": both names listed, not "Ortega y Gasset"
            current = []
            seps.insert(0, "&")
        elif _is_capitalised(word) and proper < _MAX_WORDS and not (current and is_stop_word(word)):
            current.insert(0, tokens[i])
        elif current and word.casefold() in PARTICLES:
            current.insert(0, tokens[i])
        elif current and _capital(current[0].group()) and (word == "," or word in _CONJUNCTIONS):
            pieces.insert(0, current)
            current = []
            seps.insert(0, word)
            if word in _CONJUNCTIONS and i > 0 and tokens[i - 1].group() == ",":
                i -= 1
        else:
            break
        i -= 1
    if current:
        pieces.insert(0, current)
    elif seps:
        seps.pop(0)
    return pieces, seps


_SERIAL_AND = re.compile(r"\s*,\s*(?:and|&)\s*\Z")


def _prose_before_serial_and(pieces: list[list[re.Match[str]]], text: str, known: frozenset[str]) -> bool:
    """Two names joined by a comma and "and" ("Germany, and Riches (2018)"): no style writes two authors so
    (the serial comma comes after a third name, "Smith, Jones, and Lee"), so the first is the clause's end, a
    place or a thing, unless the list has that name."""
    if len(pieces) != 2 or not _SERIAL_AND.match(text[pieces[0][-1].end() : pieces[1][0].start()]):
        return False
    return not (known and near_known(norm_title(text[pieces[0][0].start() : pieces[0][-1].end()]), known))


_KOREAN_AND = ("와", "과")  # Korean "and", written onto the name before it
_WHOLE = re.compile(r"\S+")


def _korean_and(token: re.Match[str], current: list[re.Match[str]], text: str, known: frozenset[str]) -> re.Match[str] | None:
    """The name ``token`` holds before a Korean "와"/"과" that joins it to the name after (``current``), both
    listed: "이영희와 박민수"; None otherwise."""
    word = token.group()
    if len(word) < 3 or not known or not is_caseless(word) or norm_title(word[:-1]) not in known:
        return None
    if norm_title(text[current[0].start() : current[-1].end()]) not in known:
        return None
    return _WHOLE.match(text, token.start(), token.end() - 1)


_ATTACHED_AND = ("\u05d5", "\u0648")  # Hebrew's and Arabic's "and", written onto the name after it


def _attached_and(token: re.Match[str], current: list[re.Match[str]], text: str, known: frozenset[str]) -> re.Match[str] | None:
    """The second name, without its "ו"/"و", when ``token`` is a listed name and ``current`` one word that is
    "and" written onto another listed name ("לוי ומזרחי"); None otherwise ("וולך" is a name of its own)."""
    after = current[0]
    if len(current) != 1 or not known or not is_caseless(token.group()) or norm_title(token.group()) not in known:
        return None
    if norm_title(after.group()) in known or norm_title(after.group()[1:]) not in known:
        return None
    return _WHOLE.match(text, after.start() + 1, after.end())


def _joins_known(tokens: list[re.Match[str]], i: int, current: list[re.Match[str]], text: str,
                 known: frozenset[str]) -> bool:
    """Whether the "und"/"y"/"et"/"e" at token ``i`` joins two names the list has: the name after it
    and the word before it, where the list has no name holding all three ("Ortega y Gasset")."""
    if i == 0 or not known or not _is_capitalised(tokens[i - 1].group()):
        return False
    if tokens[i].group() == "và":  # Vietnamese names, family name first: "Trần Thị Bình và Lê Văn Cường", both listed
        return norm_title(current[0].group()) in known and any(
            norm_title(tokens[first].group()) in known for first in range(i - 1, max(-1, i - 5), -1)
            if all(_is_capitalised(t.group()) for t in tokens[first:i]))
    after = norm_title(text[current[0].start() : current[-1].end()])
    if after not in known:
        return False
    for first in range(i - 1, max(-1, i - 5), -1):  # the name before: "Berg", or with its particles "Van den Berg"
        word = tokens[first].group()
        if not (_is_capitalised(word) or word.casefold() in PARTICLES):
            return False
        whole = norm_title(text[tokens[first].start() : current[-1].end()])
        if norm_title(text[tokens[first].start() : tokens[i - 1].end()]) in known and whole not in known:
            return True
    return False


def _without_particles_before_acronym(piece: list[re.Match[str]]) -> list[re.Match[str]]:
    """"y la OMS (2021)", "de la CEPAL (2017)": the small words before an acronym are the sentence's, not a
    particle of a name (no acronym has one)."""
    last = piece[-1].group()
    if len(piece) > 1 and len(last) >= 2 and last.isalpha() and last.isupper() and all(
            t.group().islower() for t in piece[:-1]):
        return piece[-1:]
    return piece


def _drop_leading_stops(piece: list[re.Match[str]]) -> list[re.Match[str]]:
    """The piece without the sentence's words before the name ("In", "Meanwhile") and a title ("Dr Tedros")."""
    while piece and (is_stop_word(piece[0].group()) or len(piece) > 1 and is_honorific(piece[0].group())):
        piece = piece[1:]
    return piece


def _prefer_known(piece: list[re.Match[str]], text: str, known: frozenset[str]) -> list[re.Match[str]]:
    """The longest trailing part of the piece that is a known name, else the longest that is nearly one
    when the whole is not ("Previously Smtih (2019)", "Professor Kowalsky (2016)": the misspelt name, so the
    fix never takes the word before it), else a known family name written before its given name ("Kim Jong-un",
    "Wang Hui"), else the piece; the initials before it stay ("A. Smith (2019)":
    APA's way to tell two authors named Smith apart)."""
    if not known or len(piece) < 2:
        return piece
    parts = [norm_title(text[piece[k].start() : piece[-1].end()]) for k in range(len(piece))]
    at = next((k for k, part in enumerate(parts) if part in known), None)
    if at is None and not near_known(parts[0], known):
        at = next((k for k, part in enumerate(parts) if k and near_known(part, known)), None)
        while at is not None and at > 0 and piece[at - 1].group().casefold() in PARTICLES:
            at -= 1  # "Van der Bergh": the particles are the name's
    if at is None and len(piece) <= 3 and norm_title(piece[0].group()) in known:
        return piece[:1]  # family name first, then the given name, as East Asian names are written: "Kim Jong-un (2019)"
    if at is None:
        return piece
    while at > 0 and _is_initials([piece[at - 1]]):
        at -= 1
    return piece[at:]


def _is_initials(piece: list[re.Match[str]]) -> bool:
    return bool(piece) and all(INITIAL.fullmatch(t.group()) for t in piece)


def _without_inverted_initials(pieces: list[list[re.Match[str]]], seps: list[str]) -> tuple[
        list[list[re.Match[str]]], list[str]]:
    """ "Smith, J. (2019)", "Smith, J., & Brown, T. (2019)": a name written as the reference list writes
    it, family name first; the initials after its comma are no name of their own."""
    pieces, seps = list(pieces), list(seps)
    for i in range(len(pieces) - 1, 0, -1):
        if seps[i - 1] == "," and _is_initials(pieces[i]) and not _is_initials(pieces[i - 1]):
            del pieces[i], seps[i - 1]
    return pieces, seps


def _is_heading(text: str, start: int, end: int) -> bool:
    """Is the line text[start:end] a heading: marked as one ("## Background", "2 Methods"), or a few
    words with nothing that goes on into the next line, standing alone after a blank line, at the top,
    or after a paragraph's last sentence (a PDF's text has no blank lines: "... in 2018." / "Background")?"""
    line = text[start:end].rstrip()
    if not line.strip() or line.endswith(_LINE_GOES_ON) or len(line.split()) > _HEADING_WORDS:
        return False
    if _MARKED_HEADING.match(line):
        return True
    before = text[text.rfind("\n", 0, max(0, start - 1)) + 1 : start].strip()
    return start == 0 or not before or before.endswith(_SENTENCE_END)


def _floor(text: str, end: int, window_start: int) -> int:
    """Where names ending at ``end`` may start at the earliest: after the last paragraph break, and
    after a heading on the line just before theirs ("Background" / "Zuagg (2019) argues")."""
    floor = window_start
    for m in _PARAGRAPH_BREAK.finditer(text, window_start, end):
        floor = m.end()
    line_start = text.rfind("\n", floor, end) + 1
    if line_start > floor:
        previous = text.rfind("\n", 0, line_start - 1) + 1
        if _is_heading(text, previous, line_start - 1):
            floor = line_start
    return floor


def _foreign_etal(tokens: list[re.Match[str]], i: int, text: str) -> int:
    """How many of the tokens ending at ``i`` are "et al." in another language ("u. a.", "y col."), or 0."""
    for count in (1, 2):
        if i - count >= 0 and FOREIGN_ETAL.fullmatch(text, tokens[i - count + 1].start(), tokens[i].end()):
            return count
    return 0


_COLLEAGUES = frozenset({"colleagues", "coworkers", "co-workers", "collaborators", "associates"})
_THEIR = frozenset({"his", "her", "their"})


def _colleagues(tokens: list[re.Match[str]], i: int) -> int:
    """How many of the tokens ending at ``i`` are "and colleagues" ("and her co-workers"), English prose's "et
    al.", or 0."""
    if i < 2 or tokens[i].group() not in _COLLEAGUES:  # lower case: "Johnson and Associates (2019)" is a firm
        return 0
    count = 3 if tokens[i - 1].group().casefold() in _THEIR else 2
    return count if i - count >= 0 and tokens[i - count + 1].group() in ("and", "&") else 0


def narrative_names(text: str, open_paren: int, known: frozenset[str] = frozenset()) -> NarrativeNames | None:
    """The names of a narrative citation whose year parenthesis opens at ``open_paren``."""
    end = _names_end(text, open_paren)
    floor = _floor(text, end, max(0, end - _WINDOW))
    tokens = list(_TOKEN.finditer(text, floor, end))
    if not tokens or tokens[-1].end() != end:
        return None
    case = case_name_before(text, floor, end)
    if case is not None:
        italic = case[1] < end  # "*Roe v. Wade* (1973)": the citation's text keeps the italics
        return NarrativeNames(start=case[0] - italic, names=(case,), etal=False, title=True)
    i = len(tokens) - 1
    if i >= 2 and tokens[i].group() == "," and tokens[i - 1].group() in ("al.", "al"):
        i -= 1  # "Smith et al., (2019)"
    # "et al.", and its common slips "et. al.", "Smith, et al."
    etal = i >= 1 and tokens[i].group() in ("al.", "al") and tokens[i - 1].group() in ("et", "et.")
    comma_etal = False  # APA's "Smith, Jones, et al. (2019)": the names before "et al." are a list of their own
    if etal:
        i -= 2
        if i >= 1 and tokens[i].group() == ",":
            i -= 1
            comma_etal = True
    elif (foreign := _foreign_etal(tokens, i, text)) > 0:  # "Müller u. a. (2019)", "Ruiz y col. (2020)"
        etal = True
        i -= foreign
    elif (colleagues := _colleagues(tokens, i)) > 0:  # "Smith and colleagues (2019)"
        etal = True
        i -= colleagues
    pieces, seps = _without_inverted_initials(*_walk_back(tokens, i, text, known))
    listed_all = comma_etal and (not known or all(near_known(norm_title(text[p[0].start() : p[-1].end()]), known)
                                                  for p in pieces))
    if seps and seps[-1] == "," and not listed_all:
        pieces = pieces[-1:]
    if _prose_before_serial_and(pieces, text, known):
        pieces = pieces[-1:]  # "in the United States, and Riches (2018) extends it": a clause, then the name
    pieces = [_prefer_known(p, text, known) for p in map(_drop_leading_stops, pieces)]
    if not pieces or not pieces[-1]:
        return None
    pieces = [_without_particles_before_acronym(p) for p in pieces if p and _capital(p[-1].group())]
    # a name in Chinese characters only where the list has it: "令和2年（2020）" names no author
    pieces = [p for p in pieces if not is_caseless(p[-1].group()) or norm_title(text[p[0].start() : p[-1].end()]) in known]
    if not pieces:
        return None
    ranges = tuple((p[0].start(), p[-1].end()) for p in pieces)
    if known and (whole := _listed_whole_start(text, *ranges[-1], known)) < ranges[-1][0]:
        ranges = tuple(r for r in ranges if r[1] <= whole) + ((whole, ranges[-1][1]),)
    if known and not etal and _names_a_thing(text, ranges, known):
        return None
    return NarrativeNames(start=ranges[0][0], names=ranges, etal=etal)


_WORD_START = re.compile(r"(?<![\w'’-])[^\W\d_]")


def _listed_whole_start(text: str, start: int, end: int, known: frozenset[str]) -> int:
    """Where a listed name ending at ``end`` begins when the walk back stopped inside it, at its "of": "The Council
    of Europe (2020)", "the Library of Congress (2019)" cite the whole name, not "Europe" and "Congress" (nor
    "Department of Health and Social Care" two people, "Health" and "Social Care")."""
    if norm_title(text[start:end]) in known:
        return start
    for word in _WORD_START.finditer(text, max(0, start - 60), start):  # the longest first
        if is_stop_word(text[word.start() :].split(maxsplit=1)[0]):
            continue  # "the Library of Congress" is cited by "Library of Congress"
        if norm_title(text[word.start() : end]) in known:
            return word.start()
    return start


_ROMAN = re.compile(r"[IVXL]+")
_THING_OF_BEFORE = re.compile(r"(?<![\w])(?P<word>[^\W\d_]+)\s+of\s+(?:the\s+)?\Z")
_THING_OF_WORDS = frozenset({"battle", "siege", "edict", "peace"})  # beside the law's and event's words below
_ARTICLE_BEFORE = re.compile(r"(?:^|[^\w])(?:[Tt]he|[Aa]n|a)\s+\Z")
# words that name a law, a treaty or an event, never a person: "the Clean Air Act (1970)", "Hurricane Katrina (2005)"
_THING_WORDS = frozenset("""act acts agreement treaty accord accords protocol convention declaration war revolution
    recession depression crisis pandemic hurricane earthquake olympics summit election referendum amendment
    constitution charter operation programme program initiative scheme""".split())


def _names_a_thing(text: str, ranges: tuple[Range, ...], known: frozenset[str]) -> bool:
    """Whether names no entry has (nor nearly) name a thing, not an author: after an article ("The Great Recession
    (2008)", "in the United States (2020)"), holding a law's or an event's word ("Hurricane Katrina (2005)"), or
    one word the text uses as an event's name ("Brexit (2016)" beside "post-Brexit": ``named_events``).
    An acronym ("the WHO (2020)") may be an organisation's, cited: it stays."""
    words = [w for a, b in ranges for w in unbreak(text[a:b]).split()]  # "World Health Or-" / "ganization": one word
    if any(near_known(norm_title(unbreak(text[a:b])), known) for a, b in ranges):
        return False
    if any(near_known(norm_title(w), known) for w in words if len(w) > 3):
        return False
    if all(_ROMAN.fullmatch(w) for w in words):
        return True  # "Chapter II (1999)": a number, no one's name
    if len(words) > 1 and (len(words[-1]) == 1 and words[-1].isupper() or _ROMAN.fullmatch(words[-1])):
        return True  # "Generation Z (2021)", "Plan B", "Basel III (2010)": no cited name ends in a letter or a numeral
    if any(w.isupper() and len(w) > 1 and not _ROMAN.fullmatch(w) for w in words):
        return False  # an acronym, not a Roman numeral ("World War II (1945)")
    if len(words) == 1 and used_as_an_event(text, words[0], ranges[0][0]):
        return True  # "Since Brexit (2016)" where the text writes "post-Brexit" or "the Brexit referendum"
    thing_of = _THING_OF_BEFORE.search(text, max(0, ranges[0][0] - 24), ranges[0][0])
    if thing_of is not None and thing_of.group("word").casefold() in _THING_WORDS | _THING_OF_WORDS:
        return True  # "the Treaty of Rome (1957)", "the Battle of Hastings (1066)"
    return (bool(_ARTICLE_BEFORE.search(text, max(0, ranges[0][0] - 8), ranges[0][0]))
            or any(w.casefold().strip(".,") in _THING_WORDS for w in words))
