"""Label repairs of an entry's titles: where a title or its container begins and ends (italics,
quotes, an edition, a second year, a dash subtitle, a repeated-author dash). Run in order by
``label_repairs.repaired``.
"""
from __future__ import annotations

import re
from typing import Final

from ..names import is_organisation
from .model import TaggedToken
from .name_repairs import vancouver_date, vancouver_names_end
from .repair_tokens import ASCII_DIGIT, EDITORS_AFTER, FAMILY_NAME_COMMA, INITIAL_MARK, YEAR_TOKEN


def close_open_container(tagged: list[TaggedToken]) -> list[TaggedToken]:
    """A container run that stops mid-sentence before a publisher run ("... Workshop on Machine" +
    "Learning. Morgan Kaufmann."): the publisher's first word, up to its full stop, ends the container."""
    out = list(tagged)
    for i in range(1, len(out) - 1):
        prev, cur = out[i - 1], out[i]
        if (prev.label == "container" and cur.label == "publisher" and prev.token[-1:].isalpha()
                and cur.token.endswith((".", ",")) and out[i + 1].label == "publisher"):
            out[i] = cur._replace(label="container")
    return out


_LINK_WORDS = re.compile(r"^(?:retrieved|available|accessed|viewed|consulted|online|url|see|last)\b", re.IGNORECASE)


def untitled_note_after_the_date_is_the_title(tagged: list[TaggedToken]) -> list[TaggedToken]:
    """An entry with no title whose names and year are followed by a note ("Stewart III, Charles and
    Jonathan Woon. 2009. Congressional Committee Assignments, 103rd to 112th Congresses.", all a
    note; "Oxfam (2019) Annual report 2019.", a genre and a year of its own): what an author-date
    entry gives first after its year is its title, unless it is words
    a link or an access date brings ("Retrieved from ...")."""
    if any(t.label in ("title", "container") for t in tagged):
        return tagged
    i = 0
    while i < len(tagged) and tagged[i].label in ("author", "editor"):
        i += 1
    if i == 0 or i >= len(tagged) or tagged[i].label != "date":
        return tagged
    while i < len(tagged) and tagged[i].label == "date":
        i += 1
    j = i
    while j < len(tagged) and tagged[j].label == "note":
        j += 1
    if j == i < len(tagged) and tagged[i].label == "genre":  # "Annual report 2019.": a genre has no year of its own, a title may
        while j < len(tagged) and tagged[j].label == "genre" and tagged[j].token[:1] not in "[(":
            j += 1
        if j == i or j >= len(tagged) or tagged[j].label != "date" or not YEAR_TOKEN.match(tagged[j].token):
            return tagged
        j += 1
    if j - i < 2 or _LINK_WORDS.match(tagged[i].token.lstrip("([")):
        return tagged
    return [*tagged[:i], *(t._replace(label="title") for t in tagged[i:j]), *tagged[j:]]


def words_before_a_bracketed_medium_are_the_title(tagged: list[TaggedToken]) -> list[TaggedToken]:
    """Vancouver's "World Health Organization. Global report on infection prevention and control
    [Internet]. Geneva: WHO; 2020.": an entry with no title whose names are followed by words the
    tagger ran into the bracketed medium ("[Internet]", "[dissertation]") as one genre: the words
    before the bracket are the title, the bracket the genre."""
    if any(t.label == "title" for t in tagged):
        return tagged
    i = 0
    while i < len(tagged) and tagged[i].label in ("author", "editor", "date"):
        i += 1
    lead_as_publisher = False
    if i == 0:  # "American Medical Association. Telehealth implementation playbook [Internet]. Chicago: AMA; 2020."
        while i < len(tagged) and tagged[i].label == "publisher":
            i += 1
        lead = " ".join(t.token for t in tagged[:i])
        lead_as_publisher = i > 0 and lead.endswith(".") and is_organisation(lead.rstrip("."))
        if not lead_as_publisher:
            return tagged
    if i == 0 or i >= len(tagged) or tagged[i].label != "genre":
        return tagged
    j = i
    while j < len(tagged) and tagged[j].label == "genre" and not tagged[j].token.startswith("["):
        j += 1
    if j == i or j >= len(tagged) or tagged[j].label != "genre" or not tagged[j].token.startswith("["):
        return tagged
    if tagged[j - 1].token.endswith((".", ",", ":", ";")):  # the words end before the bracket: no title of its
        return tagged
    names = [t._replace(label="author") for t in tagged[:i]] if lead_as_publisher else tagged[:i]
    return [*names, *(t._replace(label="title") for t in tagged[i:j]), *tagged[j:]]


_SPLIT_OFF = frozenset({"genre", "note", "publisher", "location", "edition"})


def italics_hold_one_field(tagged: list[TaggedToken]) -> list[TaggedToken]:
    """An italic title or container the tagger cut in two ("*Chicago climate action plan: Progress
    report 2015*", its end read as a genre; MLA's "*... African American Culture, 1892-1938*. Princeton
    UP, 2007.", its years read as the date): italics set one work's name, so its words keep the
    label of its first word."""
    out = list(tagged)
    i = 0
    while i < len(out):
        tok = out[i]
        if tok.label in ("title", "container") and tok.token[:1] in "*_" and not _closes_italic(tok.token[1:]):
            j = next((k for k in range(i + 1, min(len(out), i + 40)) if _closes_italic(out[k].token)), None)
            # a year (range) in the italics is the work's own when the entry is dated after them
            split_off = _SPLIT_OFF | {"date"} if j is not None and any(t.label == "date" for t in out[j + 1:]) else _SPLIT_OFF
            if j is not None and all(t.label == tok.label or t.label in split_off for t in out[i + 1:j + 1]):
                out[i + 1:j + 1] = [t._replace(label=tok.label) for t in out[i + 1:j + 1]]
            i = j if j is not None else i
        i += 1
    return out


def italic_container_ends_with_its_italics(tagged: list[TaggedToken]) -> list[TaggedToken]:
    """IEEE's "in *Proc. IEEE Conf. (CVPR)*, Las Vegas, NV, USA, Jun. 2016": a container set in
    italics ends where they close; plain words after it, before a location, are the location."""
    out = list(tagged)
    start = next((i for i, t in enumerate(out) if t.label == "container"), len(out))
    opened_by_in = start < len(out) and out[start].token.lower() in ("in", "in:")
    if opened_by_in:
        start += 1
    if start >= len(out) or out[start].label != "container" or out[start].token[:1] not in "*_":
        return out
    end = start  # the token closing the italics
    while end < len(out) and out[end].label == "container" and not _closes_italic(out[end].token[1:] if end == start else out[end].token):
        end += 1
    if end >= len(out) or out[end].label != "container":
        return out
    rest = end + 1
    while rest < len(out) and out[rest].label == "container":
        rest += 1
    if end + 1 < rest < len(out) and (out[rest].label == "location" or opened_by_in and out[rest].label == "date"
                                      and rest - end <= 4 and all(_PLACE_PART.match(t.token) for t in out[end + 1:rest])):
        # (IEEE's "in *Proc. IEEE PowerAfrica Conf.*, Accra, Ghana, 2019,": a place's words before the date; MLA's
        # "*Borgen Magazine*, Oxfam, 13 Feb. 2004," names the publisher there)
        out[end + 1:rest] = [t._replace(label="location") for t in out[end + 1:rest]]
    return out


_PLACE_PART = re.compile(r"^(?:[A-Z][a-z]+|[A-Z]{2,3}|(?:[A-Z]\.){2,3}),$")  # "Accra,", "Ghana,", "NV,", "U.K.,"


# (the constants marked Final are read for every token: compiled, a Final constant is read directly, any other
# global looked up in the module's dict at each use)
_BRIDGED: Final = frozenset({"publisher", "container"})


def one_token_gap_is_bridged(tagged: list[TaggedToken]) -> list[TaggedToken]:
    """A run broken by one token of a place or publisher label ("Dept. Elect. | Eng., | MIT", the
    abbreviations misleading the tagger): that token belongs to the run around it."""
    out = list(tagged)
    for i in range(1, len(out) - 1):
        label = out[i - 1].label
        if (label in _BRIDGED and out[i + 1].label == label and out[i].label in ("location", "publisher")
                and out[i].label != label and not ASCII_DIGIT.search(out[i].token)):
            out[i] = out[i]._replace(label=label)
    return out


_BARE_YEAR_IN_A_NAME: Final = re.compile(r"^(?:1[89]|20)\d{2}$")  # "1990": no mark after it
_NAME_AFTER_ITS_YEAR: Final = frozenset({"container", "title"})


def year_inside_the_containers_name(tagged: list[TaggedToken]) -> list[TaggedToken]:
    """"In Proceedings of the Winter 1990 USENIX Conference, pages 163-176", "In Proceedings of the 1993
    Connectionist Models Summer School, pp. 335-342": a year inside a meeting's (or a book's) name, with the name's words
    on both sides and no mark after it, which the tagger read as the date (and the words after it as a title),
    is part of the name, up to the name's comma or stop ("Proceedings of the IEEE 2004, vol. 92" keeps its date)."""
    n = len(tagged)
    for i in range(1, n - 1):
        year = tagged[i]
        if year.label != "date" or tagged[i - 1].label != "container":
            continue
        before, after = tagged[i - 1], tagged[i + 1]
        if (not _BARE_YEAR_IN_A_NAME.match(year.token)
                or before.token[-1:] in ",.;:)" or after.label not in _NAME_AFTER_ITS_YEAR or not after.token[:1].isupper()):
            continue
        end = i + 1
        while end < n and tagged[end].label == after.label:
            end += 1
            if tagged[end - 1].token[-1:] in ",.;:":
                break
        if tagged[end - 1].token[-1:] not in ",.;:":
            continue
        if after.label == "title" and not any(t.label == "date" for k, t in enumerate(tagged) if k != i):
            continue  # the entry's only date, before words the tagger reads as a title: left as read
        return [*tagged[:i], *(t._replace(label="container") for t in tagged[i:end]), *tagged[end:]]
    return tagged


def year_edition_ends_the_title(tagged: list[TaggedToken]) -> list[TaggedToken]:
    """Harvard's "UNWTO (2019) International tourism highlights, 2019 edition. Madrid: ...": a year and
    the word "edition" after the title's comma name the edition the title gives; they are the title's
    end, not a second date and an edition "edition"."""
    for i in range(1, len(tagged) - 1):
        year, word = tagged[i], tagged[i + 1]
        if (year.label == "date" and year.token.isdigit() and len(year.token) == 4 and word.label == "edition"
                and _EDITION_WORD.match(word.token) and tagged[i - 1].label == "title" and tagged[i - 1].token.endswith(",")):
            return [*tagged[:i], year._replace(label="title"), word._replace(label="title"), *tagged[i + 2:]]
    return tagged


_BARE_YEAR = re.compile(r"^(?:1[5-9]|20)\d{2}[.,]?$")


def second_year_ends_the_title(tagged: list[TaggedToken]) -> list[TaggedToken]:
    """German author-date's "BMBF (2019): Bildung in Deutschland 2018. Berlin.": a year written on after the
    title's last word, no stop between them, in an entry whose date came before the title, is the title's end
    (a report's year or an edition's), not a second date."""
    first_date = next((i for i, t in enumerate(tagged) if t.label == "date"), -1)
    if first_date < 0:
        return tagged
    for i in range(first_date + 2, len(tagged)):
        year, before = tagged[i], tagged[i - 1]
        if (year.label == "date" and before.label == "title" and _BARE_YEAR.match(year.token)
                and before.token[-1:].isalnum() and tagged[first_date].label == "date"
                and all(t.label != "date" for t in tagged[first_date + 1:i - 1])):
            return [*tagged[:i], year._replace(label="title"), *tagged[i + 1:]]
    return tagged


_YEAR_COLON = re.compile(r"^(?:1[5-9]|20)\d{2}:$")
_INITIAL_STOP = re.compile(r"^(?:[A-Z]\.)+$")


def title_year_after_the_body_is_the_titles(tagged: list[TaggedToken]) -> list[TaggedToken]:
    """AMA's report, "World Health Organization. WHO Guidelines for Safe Surgery 2009: Safe Surgery Saves Lives.
    World Health Organization; 2009.": the words after the body's full stop and the year with its colon, which the
    tagger reads as more of the author and a date, are the title's beginning when the entry's date comes later."""
    end = 0
    while end < len(tagged) and tagged[end].label == "author":
        end += 1
    if end < 3 or end >= len(tagged) - 1 or not _YEAR_COLON.match(tagged[end].token) or tagged[end].label != "date":
        return tagged
    if not any(t.label == "date" for t in tagged[end + 1:]):
        return tagged
    stop = next((i for i in range(end - 1) if tagged[i].token.endswith(".") and not _INITIAL_STOP.match(tagged[i].token)
                 and len(tagged[i].token) > 3), -1)
    if stop < 0 or not all(t.token[:1].isupper() or t.token.islower() for t in tagged[stop + 1:end]):
        return tagged
    return [*tagged[:stop + 1], *(t._replace(label="title") for t in tagged[stop + 1:end + 1]), *tagged[end + 1:]]


_VOLUMES = re.compile(r"^vols?\.?,?$", re.IGNORECASE)


def volume_count_after_the_italic_title(tagged: list[TaggedToken]) -> list[TaggedToken]:
    """Chicago's "*The Printing Press as an Agent of Change*. 2 vols. Cambridge: ...": the number of
    volumes after the italic title, which the tagger ran the title on into, is a note; and so after a
    title's full stop or comma in plain text ("Sense and Sensibility, 2 vols. New York: Holby, 1906.",
    "Quaestiones disputatae “Antequam esset frater.” 3 vols.")."""
    for i in range(1, len(tagged) - 1):
        if (tagged[i].label == "title" and tagged[i].token.isdigit() and _VOLUMES.match(tagged[i + 1].token)
                and tagged[i + 1].label == "title" and tagged[i - 1].label == "title"
                and (_closes_italic(tagged[i - 1].token) or tagged[i - 1].token.rstrip("”’\"'").endswith((".", ",")))):
            return [*tagged[:i], *(t._replace(label="note") for t in tagged[i:i + 2]), *tagged[i + 2:]]
    return tagged


def _closes_italic(token: str) -> bool:
    return token.rstrip(".,;:)]")[-1:] in ("*", "_")


_SPACED_DASHES: Final = frozenset({"—", "–", "-"})
_TITLE_YEAR: Final = re.compile(r"^(?:1[5-9]|20)\d{2}(?:[–-]\d{2,4})?\.$")  # "2019.", "2016–17."
_DASH_SUBTITLE_WORDS: Final = 12  # "— United States, January 1–October 1, 2019." is ten


def dash_subtitle_and_its_year_end_the_title(tagged: list[TaggedToken]) -> list[TaggedToken]:
    """MMWR's titles end in a place and a year after a dash ("Measles cases and outbreaks — United States,
    2019. MMWR Morb Mortal Wkly Rep 2020;69:1-5."): the tagger takes the title for names and the year for
    the entry's date, and the journal for the title. In an entry with Vancouver's date, a dash inside the
    title's sentence, then a year ending that sentence, end the title; the words after it, up to the date's
    digits, are the journal. The title starts after Vancouver names, or after an organisation's full stop."""
    dash = next((i for i, t in enumerate(tagged) if t.token in _SPACED_DASHES and t.label in ("author", "title")), 0)
    if not dash or not vancouver_date(tagged):
        return tagged
    year = next((k for k in range(dash + 1, min(dash + _DASH_SUBTITLE_WORDS, len(tagged)))
                 if tagged[k].token.endswith(".")), 0)
    if not year or not _TITLE_YEAR.match(tagged[year].token):
        return tagged
    journal_end = next((k for k in range(year + 1, len(tagged)) if ASCII_DIGIT.search(tagged[k].token)), 0)
    if journal_end <= year + 1 or journal_end - year > 9:
        return tagged
    title_start = next((i for i in range(dash) if tagged[i].label == "title"), 0)
    if not title_start:
        title_start = vancouver_names_end(tagged) or next(
            (i + 1 for i in range(dash) if tagged[i].token.endswith(".")), 0)
    if not title_start or title_start >= dash or any(t.token.endswith(".") for t in tagged[title_start:dash]):
        return tagged
    out = list(tagged)
    out[title_start:year + 1] = [t._replace(label="title") for t in out[title_start:year + 1]]
    out[year + 1:journal_end] = [t._replace(label="container") for t in out[year + 1:journal_end]]
    return out


_EDITION_NUMBER = re.compile(r"^\d{1,3}\.$")  # German and French editions: "11. Aufl.", "3. éd."
_EDITION_WORD = re.compile(r"^(?:Aufl(?:age)?|[ée]d(?:ition)?|edn|Ausg(?:abe)?)\.?[,.;]?$", re.IGNORECASE)


def numbered_edition_ends_the_title(tagged: list[TaggedToken]) -> list[TaggedToken]:
    """DIN 1505's "*Regenerative Energiesysteme*. 11. Aufl. München : Hanser, 2019": the edition after
    the title, a number with a full stop then "Aufl." ("3. éd."), which the tagger runs into the title."""
    out = list(tagged)
    for i in range(1, len(out) - 1):
        if (out[i].label == "title" and out[i + 1].label == "title" and len(out[i].token) <= 4  # (_EDITION_NUMBER's most)
                and _EDITION_NUMBER.match(out[i].token)
                and _EDITION_WORD.match(out[i + 1].token) and out[i - 1].token.endswith((".", ",", "*"))
                and (i + 2 >= len(out) or out[i + 2].label != "title")):
            out[i], out[i + 1] = out[i]._replace(label="edition"), out[i + 1]._replace(label="edition")
    return out


# an edition's ordinal ("2nd", "(3rd", "4ème", "1ª", "1.", "second", "rev."), the words that may follow it
# ("American", "rev.", "nd" of "2 nd"), and its word ("ed.", "edn", "edition.", "éd.),")
_EDITION_ORDINAL: Final = re.compile(
    r"^\(?(?:\d{1,2}(?:st|nd|rd|th|d|e|er|ème|ª)?\.?|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth"
    r"|rev\.|revised|enlarged|expanded)$", re.IGNORECASE)
_EDITION_QUALIFIER: Final = re.compile(r"^(?:st|nd|rd|th|rev\.|revised|enlarged|expanded|updated|american|english|edition)$",
                                       re.IGNORECASE)
_EDITION_LAST_WORD: Final = re.compile(r"^(?:ed|edn|edition|éd|Aufl|Auflage)\.?\)?[,.;:]?$", re.IGNORECASE)
_EDITION_WORD_FIRST: Final = "eEéÉaA"  # the first letters of _EDITION_LAST_WORD's words
_EDITION_WORDS: Final = 4  # the most words of an edition: "(2nd edition ed.)", "2 nd edition."
_EDITION_OF: Final = frozenset({"title", "container"})  # a book's title, or the book a chapter is in


def ordinal_edition_ends_the_title(tagged: list[TaggedToken]) -> list[TaggedToken]:
    """The edition a book's title is followed by, in APA's "*Title* (2nd ed.). Publisher.", Chicago's "Title.
    2nd ed. New York: Knopf", Harvard's "Title, 5th edn (London: Longman, 1997)" or "Title, 2 nd edition.":
    an ordinal and the word "edition" (some words between: "1st American ed.", "4th rev. edn"), the
    title's last words after its stop, comma or opening bracket, are the edition, which the tagger ran
    into the title (or into the book's a chapter is in: "In *Handbook of Psychology* (3rd ed.), pp.")."""
    n = len(tagged)
    out = tagged
    for end in range(2, n):
        last = tagged[end]
        # (the first letter before the pattern: most title words are no edition's word)
        if (last.label not in _EDITION_OF or last.token[:1] not in _EDITION_WORD_FIRST or not _EDITION_LAST_WORD.match(last.token)
                or (end + 1 < n and tagged[end + 1].label == last.label)):
            continue
        for first in range(end - 1, max(end - _EDITION_WORDS, 0), -1):
            t = tagged[first]
            if t.label != last.label:
                break
            if _EDITION_ORDINAL.match(t.token) and tagged[first - 1].label == last.label and (
                    t.token.startswith("(") or tagged[first - 1].token.endswith((".", ","))):
                if all(_EDITION_QUALIFIER.match(x.token) for x in tagged[first + 1:end]):
                    if out is tagged:
                        out = list(tagged)
                    out[first:end + 1] = [x._replace(label="edition") for x in tagged[first:end + 1]]
                break
    return out


_REVISION_WORDS: Final = frozenset({"revised", "expanded", "enlarged", "updated", "corrected", "and", "&"})
_REVISION_FIRST_WORDS: Final = frozenset({"revised", "expanded", "enlarged"})  # the repair's marks
_REVISION_SENTENCE_WORDS: Final = 3  # "Revised and expanded."


def revision_sentence_ending_the_title_is_the_edition(tagged: list[TaggedToken]) -> list[TaggedToken]:
    """Chicago's edition named by its revision, a sentence of its own after the title: "Kern, Hermann.
    Labyrinthe: Erscheinungsformen und Deutungen. Revised and expanded. München: Prestel, 1983.", "The Art of
    Hunger. Expanded. New York: Penguin": the sentence of revision words ending the title is the edition."""
    n = len(tagged)
    for end in range(2, n + 1):
        if tagged[end - 1].label != "title" or (end < n and tagged[end].label == "title"):
            continue
        if not tagged[end - 1].token.endswith("."):
            return tagged
        first = end - 1
        while first > 0 and end - first < _REVISION_SENTENCE_WORDS and not tagged[first - 1].token.endswith("."):
            first -= 1
        words = [t.token.rstrip(".").lower() for t in tagged[first:end]]
        if (first > 0 and tagged[first - 1].label == "title" and tagged[first - 1].token.endswith(".")
                and words[0] in _REVISION_FIRST_WORDS and all(w in _REVISION_WORDS for w in words)
                and all(t.label == "title" for t in tagged[first:end])):
            return [*tagged[:first], *(t._replace(label="edition") for t in tagged[first:end]), *tagged[end:]]
        return tagged
    return tagged


_REPORT_FIRST: Final = frozenset({"tech.", "tech", "technical"})
_REPORT_SECOND: Final = frozenset({"rep", "report", "rept"})
_REPORT_READ_AS: Final = frozenset({"container", "title", "publisher"})
_REPORT_NUMBER_WORDS: Final = 4  # the most words of a report's number after its mark ("TU Wien rr-02-92,")


def report_mark_is_the_genre(tagged: list[TaggedToken]) -> list[TaggedToken]:
    """IEEE's "“Optimal guidance ...,” NASA, Tech. Rep., 1988." and the ACM's "Modula/R language definition.
    Technical Report TU Wien rr-02-92, version 2.0, Dept. for Real-Time Systems, ...": the mark of a technical
    report, which the tagger read as a journal or the publisher's first words ("Technical report University of
    Notre Dame") or ran the title into, is the genre, with the report's number
    after it up to its comma; and the institution before it after the title's comma (IEEE's) the publisher."""
    n = len(tagged)
    for i in range(1, n - 1):
        first, second = tagged[i], tagged[i + 1]
        if (first.label not in _REPORT_READ_AS or second.label != first.label or first.token.lower() not in _REPORT_FIRST
                or second.token.lower().rstrip(".,;:") not in _REPORT_SECOND):
            continue
        if first.label == "title" and not tagged[i - 1].token.endswith("."):
            return tagged  # a title about reports: "Writing the Technical Report"
        if first.label == "publisher" and tagged[i - 1].label == "publisher":
            return tagged  # a publisher's own words: "Office of Technical Reports"
        end = i + 2
        if not second.token.endswith((",", ".")) and first.label != "publisher":  # (the publisher's name follows)
            while (end < n and tagged[end].label == first.label and end - i - 2 < _REPORT_NUMBER_WORDS
                   and not tagged[end - 1].token.endswith(",")):
                end += 1
            if not tagged[end - 1].token.endswith(","):
                end = i + 2
        out = [*tagged[:i], *(t._replace(label="genre") for t in tagged[i:end]), *tagged[end:]]
        start = i  # IEEE's institution: "..., NASA, Tech. Rep."
        while start > 0 and tagged[start - 1].label == "container" and first.label == "container":
            start -= 1
        if start < i and tagged[i - 1].token.endswith(",") and i - start <= _REPORT_NUMBER_WORDS:
            out[start:i] = [t._replace(label="publisher") for t in tagged[start:i]]
        return out
    return tagged


_BY_ROLES = frozenset({"edited", "translated", "ed.", "trans.", "transl.", "compiled"})
_ROLE_LABELS = frozenset({"author", "editor", "translator"})


def work_before_its_edited_by_is_the_title(tagged: list[TaggedToken]) -> list[TaggedToken]:
    """Chicago's "Ovid. Metamorphoseon. Edited by Michael von Albrecht.", "Andrade, Mário de.
    Macunaíma. Translated by E. A. Goodland.": an entry with no title whose names run, in the tagger's
    reading, into the sentence before "Edited by": that sentence, after the author's, is the title,
    and the sentence before it the author's, whose editors are those named after "by"."""
    if any(t.label == "title" for t in tagged):
        return tagged
    by = next((k for k in range(1, len(tagged) - 1) if tagged[k].token.lower() in _BY_ROLES
               and tagged[k + 1].token.lower() == "by"), 0)
    if not by or not tagged[by - 1].token.endswith(".") or any(t.label not in _ROLE_LABELS for t in tagged[:by]):
        return tagged
    start = by - 1  # back to the full stop that ends the author's sentence (an initial's is no end)
    while start > 0 and not (tagged[start - 1].token.endswith(".") and not INITIAL_MARK.match(tagged[start - 1].token)):
        start -= 1
    if start == 0 or INITIAL_MARK.match(tagged[by - 1].token):
        return tagged
    lead = [t._replace(label="author") if t.label == "editor" else t for t in tagged[:start]]
    return [*lead, *(t._replace(label="title") for t in tagged[start:by]), *tagged[by:]]


_JOURNAL_ABBREVIATION = re.compile(r"^[A-Z][a-z]{1,7}\.$")  # "Int.", "Theor.", "Opt.", "Fortsch."

_NUMBER_LABELS = frozenset({"volume", "date", "pages"})


def physics_entry_has_no_title(tagged: list[TaggedToken]) -> list[TaggedToken]:
    """Physics' "J. Polchinski, Int. J. Mod. Phys. A16, 707-718 (2001).", "E. Yablonovitch, Opt.
    Lett. 1983, 8, 491.": names, then a journal's abbreviated name and its numbers, no title. The
    tagger reads a word or two between the names and the journal as a title: an abbreviation is the
    journal's first word when a comma ends the names (as is one it left with the names, "Maldacena,
    Adv. Theor. Math. Phys."), a family name after its initial the last author's."""
    title = [k for k, t in enumerate(tagged) if t.label == "title"]
    if not title or len(title) > 2 or title[-1] - title[0] != len(title) - 1:
        return tagged
    first, after = title[0], title[-1] + 1
    if first == 0 or tagged[first - 1].label != "author" or after >= len(tagged) - 1 or tagged[after].label != "container":
        return tagged
    end = after
    while end < len(tagged) and tagged[end].label == "container":
        end += 1
    if end >= len(tagged) or tagged[end].label not in _NUMBER_LABELS:
        return tagged
    out = list(tagged)
    if len(title) == 1 and FAMILY_NAME_COMMA.match(tagged[first].token) and INITIAL_MARK.match(tagged[first - 1].token):
        out[first] = tagged[first]._replace(label="author")
        return out
    if not all(_JOURNAL_ABBREVIATION.match(tagged[k].token) for k in title):
        return tagged
    start = first
    while (start > 1 and tagged[start - 1].label == "author" and _JOURNAL_ABBREVIATION.match(tagged[start - 1].token)
           and tagged[start - 2].token.endswith(",")):
        start -= 1
    if not tagged[start - 1].token.endswith(","):  # "Lee, J. Optics. Appl. Opt.": a title after the names' full stop
        return tagged
    for k in range(start, after):
        out[k] = tagged[k]._replace(label="container")
    return out


def second_title_after_the_editors_is_the_container(tagged: list[TaggedToken]) -> list[TaggedToken]:
    """"Join on a cube: Analysis ... In M. Kitsuregawa and H. Tanaka, editors, Database Machines and
    Knowledge Base Machines. Kluwer, 1987.": a title after the chapter's title (and its pages), behind "In"
    and the editors, is the book's, the container."""
    labels = [t.label for t in tagged]
    if "container" in labels or "title" not in labels:
        return tagged
    first_end = labels.index("title")
    while first_end < len(labels) and labels[first_end] == "title":
        first_end += 1
    while first_end < len(labels) and labels[first_end] == "pages":
        first_end += 1  # the chapter's pages before "In": "... Perspective (pp. 1-27). In R. Gunther & A. Mughan (Eds.)"
    editors = first_end
    while editors < len(labels) and labels[editors] == "editor":
        editors += 1
    if (editors == first_end or editors >= len(labels) or labels[editors] != "title"
            or tagged[first_end].token.lower() not in ("in", "in:") or not EDITORS_AFTER.match(tagged[editors - 1].token)):
        return tagged
    end = editors
    while end < len(labels) and labels[end] == "title":
        end += 1
    return [*tagged[:editors], *(t._replace(label="container") for t in tagged[editors:end]), *tagged[end:]]


_SHORT_YEAR = re.compile(r"^['’]\d\d[,.;:)]?$")  # "'88,", "’13,"


def short_year_ends_the_proceedings(tagged: list[TaggedToken]) -> list[TaggedToken]:
    """"In Proceedings of Supercomputing '88, Orlando, FL, November 1988.": the conference's year
    written short, after its name, is the container's last word, not a volume or a date."""
    out = list(tagged)
    for k in range(1, len(tagged)):
        if tagged[k - 1].label == "container" and tagged[k].label != "container" and _SHORT_YEAR.match(tagged[k].token):
            out[k] = tagged[k]._replace(label="container")
    return out


_REPEATED_AUTHOR = re.compile(r"^[-–—_]{2,}\.$")  # "———.", "–––––.", "______."


def words_after_the_repeated_author_dash_are_the_title(tagged: list[TaggedToken]) -> list[TaggedToken]:
    """"———. Point Counter Point. Garden City, N.Y.: Doubleday, 1928.", "–––––. Wieland; or The
    Transformation.": the dash that repeats the entry before's names ends with its full stop; the
    words the tagger reads as more names after it are the title's (names added to the dash's follow a
    comma: "———, and Jane Doe.")."""
    if len(tagged) < 2 or tagged[0].label != "author" or not _REPEATED_AUTHOR.match(tagged[0].token):
        return tagged
    end = 1
    while end < len(tagged) and tagged[end].label == "author":
        end += 1
    if end == 1 or any(t.token.lower() in ("and", "&", "ed.", "eds.") for t in tagged[1:end]):
        return tagged
    return [tagged[0], *(t._replace(label="title") for t in tagged[1:end]), *tagged[end:]]


_VOLUME_MARKS = frozenset({"vol", "vol.", "vols.", "volume", "bd.", "band", "t.", "tome", "jg."})


def volume_mark_is_no_part_of_the_container(tagged: list[TaggedToken]) -> list[TaggedToken]:
    """"Greek, Roman and Byzantine Studies Vol. 37 (1996)", "Encyclopaedia Iranica. Vol. XIII, Fasc.
    3": the volume's mark the tagger ran the journal on into, and what follows it up to the volume
    it reads, are the volume's."""
    for k in range(1, len(tagged) - 1):
        if (tagged[k].label == "container" and tagged[k - 1].label == "container"
                and tagged[k].token.lower() in _VOLUME_MARKS):
            end = k + 1
            while end < len(tagged) and tagged[end].label == "container" and end - k < 4:
                end += 1
            if end < len(tagged) and tagged[end].label == "volume":
                return [*tagged[:k], *(t._replace(label="volume") for t in tagged[k:end]), *tagged[end:]]
            return tagged
    return tagged


_NUMBER_MARKS: Final = frozenset({"no.", "nr.", "n°", "nº", "no", "(suppl", "suppl.", "(suppl.", "suppl"})


def number_mark_ending_the_container_is_the_volumes(tagged: list[TaggedToken]) -> list[TaggedToken]:
    """"Bulletin of the Texas Memorial Museum No. 6.", "ACA Monograph No. 3.", "Am J Ind Med (Suppl 1), 104–106":
    the number's mark the tagger ended the series or journal with, right before the number it read as the
    volume, is the volume's."""
    for k in range(1, len(tagged) - 1):
        if (tagged[k].label == "container" and tagged[k + 1].label == "volume" and tagged[k - 1].label == "container"
                and tagged[k].token.lower() in _NUMBER_MARKS):
            return [*tagged[:k], tagged[k]._replace(label="volume"), *tagged[k + 1:]]
    return tagged


_QUOTE_PAIRS = {"‘": "’", "“": "”", "«": "»", '"': '"', "„": "“"}
_QUOTED_SPLIT_OFF = frozenset({"volume", "pages", "date", "issue", "note", "genre", "container"})


def quotes_hold_the_title(tagged: list[TaggedToken]) -> list[TaggedToken]:
    """"‘Further Reflexions on Philippians 2: 5-11’ (264-276) in ...", "« L’égalité de traitement ... À
    propos de la directive 2006/54 CE du 5 juillet 2006 », Dr soc., 2007": a quoted title the tagger cut
    at its numbers, read as a volume, pages or a date: the quotes set one title, so the words up to
    the closing quote are the title's, when the entry has a date of its own after them."""
    for i, tok in enumerate(tagged):
        if tok.label != "title":
            continue
        closing = _QUOTE_PAIRS.get(tok.token[:1])
        if closing is None or tok.token.rstrip(".,;:").endswith(closing) and len(tok.token) > 1:
            return tagged
        j = next((k for k in range(i + 1, min(len(tagged), i + 60))
                  if tagged[k].token.rstrip(".,;:)").endswith(closing)), None)
        if j is None or not any(t.label == "date" for t in tagged[j + 1:]):
            return tagged
        inside = tagged[i + 1:j + 1]
        if not any(t.label != "title" for t in inside) or not all(
                t.label == "title" or t.label in _QUOTED_SPLIT_OFF for t in inside):
            return tagged
        return [*tagged[:i + 1], *(t._replace(label="title") for t in inside), *tagged[j + 1:]]
    return tagged


_ROLE_AFTER_NAMES = frozenset({"(trans.)", "(trans.),", "(trans.).", "(ed.)", "(ed.),", "(ed.).", "(eds.)", "(eds.),",
                                "(eds.).", "trans.", "trans.,"})
_EDITOR_MARK_AFTER = frozenset({"ed.", "eds.", "edited", "ed.,"})


def words_after_the_closing_quote_are_no_title(tagged: list[TaggedToken]) -> list[TaggedToken]:
    """A quoted title the tagger ran on past its closing quote: into the translator's name and mark (Chicago's
    "“The ‘Tannhäuser’ Scandal in March 1861,” Daphne Ellis (trans.), Wagner, 24"), which are the
    translator's, or into the book before its editor's mark (MLA's '"Benjamin's Flaneur and the problem of
    realism." Problems of Modernity. Ed. A. Benjamin.'), which is the container."""
    start = next((i for i, t in enumerate(tagged) if t.label == "title"), None)
    if start is None or tagged[start].token[:1] not in ('"', "“"):
        return tagged
    closing = _QUOTE_PAIRS[tagged[start].token[:1]]
    j = start  # the token that closes the quote
    while j < len(tagged) and tagged[j].label == "title":
        bare = tagged[j].token.rstrip(".,;:)")
        if bare.endswith(closing) and (j > start or len(bare) > 1):
            break
        j += 1
    else:
        return tagged
    end = j + 1
    while end < len(tagged) and tagged[end].label == "title" and end - j <= 12:
        end += 1
    run = tagged[j + 1:end]
    if not run or (end < len(tagged) and tagged[end].label == "title"):
        return tagged
    if run[-1].token.lower() in _ROLE_AFTER_NAMES and 2 <= len(run) <= 5:
        label = "editor"
    elif end < len(tagged) and tagged[end].label == "editor" and tagged[end].token.lower() in _EDITOR_MARK_AFTER:
        label = "container"
    else:
        return tagged
    return [*tagged[:j + 1], *(t._replace(label=label) for t in run), *tagged[end:]]


_JOURNAL_WORD = re.compile(r"^[A-Z][a-z]{0,7}\.$")  # "Pap.", "Roy.", "P.", "Soc."
_PLAIN_CAPITAL_WORD = re.compile(r"^[A-Z][a-z]+$")  # "Harvard" (before "Pap.")
_TAKEN_FROM = frozenset({"title", "editor", "note", "publisher"})
JOURNAL_WORD_UNSURE = 0.9


def abbreviated_journal_words_before_the_container(tagged: list[TaggedToken]) -> list[TaggedToken]:
    """"... (Cruciferae). Harvard Pap. Bot. 13: 165–170.", "... termites. P. Roy. Soc. B: Biol. Sci. 277,": the
    tagger reads an abbreviated journal's first words as more title (or as an editor, "P. Roy."), its last ones
    as the journal. The abbreviated words after the title's full stop, before a journal that opens with one and
    is followed by its volume or pages, are the journal's, when the tagger is unsure of them."""
    for c in range(1, len(tagged) - 1):
        if tagged[c].label != "container" or tagged[c - 1].label == "container":
            continue
        if not _JOURNAL_WORD.match(tagged[c].token):
            return tagged
        e = c
        while e < len(tagged) and tagged[e].label == "container":
            e += 1
        if e >= len(tagged) or tagged[e].label not in ("volume", "pages"):
            return tagged
        j = c
        while (j > 1 and c - j < 4 and tagged[j - 1].label in _TAKEN_FROM and tagged[j - 1].confidence < JOURNAL_WORD_UNSURE
               and (_JOURNAL_WORD.match(tagged[j - 1].token) or _PLAIN_CAPITAL_WORD.match(tagged[j - 1].token)
                    and _JOURNAL_WORD.match(tagged[j].token))):
            j -= 1
        taken = tagged[j:c]
        if (not taken or not tagged[j - 1].token.endswith(".") or _JOURNAL_WORD.match(tagged[j - 1].token)
                or not any(len(t.token) > 3 and _JOURNAL_WORD.match(t.token) for t in taken)):
            return tagged
        return [*tagged[:j], *(t._replace(label="container") for t in taken), *tagged[c:]]
    return tagged


def title_after_its_comma_goes_on_into_the_journal(tagged: list[TaggedToken]) -> list[TaggedToken]:
    """"... in the Northern Guam Lens Aquifer, Territory of Guam, USA. Hydrogeology Journal 21(3): 643–654.": the
    title's last part after its comma, which the tagger ran into the journal, is the title's up to its full stop (a
    journal's name opens no sentence after a title's comma)."""
    for c in range(1, len(tagged)):
        if tagged[c].label != "container" or tagged[c - 1].label != "title":
            continue
        if not tagged[c - 1].token.endswith(","):
            return tagged
        end = c
        while end < len(tagged) and tagged[end].label == "container" and not tagged[end].token.endswith("."):
            end += 1
        rest = end + 1
        if (end - c >= 6 or rest >= len(tagged) or tagged[rest].label != "container"
                or any(_JOURNAL_WORD.match(t.token) or not t.token.strip(".,").isalpha() for t in tagged[c:end + 1])):
            return tagged  # (an abbreviated journal's "Int. J. Pharm.", "EOS (Trans.", a meeting's year: the journal's)
        last = rest
        while last < len(tagged) and tagged[last].label == "container":
            last += 1
        if last >= len(tagged) or tagged[last].label not in ("volume", "pages"):
            return tagged
        return [*tagged[:c], *(t._replace(label="title") for t in tagged[c:end + 1]), *tagged[end + 1:]]
    return tagged


_LANGUAGE_MARK_END = re.compile(r"^[A-Z][a-z]+\)[.,;]?$")  # "French).", "German),"


def language_mark_is_a_note(tagged: list[TaggedToken]) -> list[TaggedToken]:
    """Wikipedia's '"Les Restos du Cœur face à une demande record" (in French). *Libération*.': the language mark
    is a note, not the start of the newspaper's name (after a title, the title keeps it, as AnyStyle's do: "Meteorite
    craters (in Russian). Priroda, v. 10")."""
    for i in range(len(tagged) - 1):
        if tagged[i].token.lower() == "(in" and _LANGUAGE_MARK_END.match(tagged[i + 1].token) and tagged[i].label in ("container", "publisher"):
            return [*tagged[:i], *(t._replace(label="note") for t in tagged[i:i + 2]), *tagged[i + 2:]]
    return tagged


# languages NLM's Citing Medicine names after a reference in another language ("... 2005;91(3):233-40. Icelandic.")
_LANGUAGES: Final = frozenset(
    "Afrikaans Arabic Bulgarian Catalan Chinese Croatian Czech Danish Dutch English Estonian Finnish French German Greek"
    " Hebrew Hungarian Icelandic Indonesian Italian Japanese Korean Latvian Lithuanian Norwegian Persian Polish Portuguese"
    " Romanian Russian Serbian Slovak Slovenian Spanish Swedish Thai Turkish Ukrainian Vietnamese".split())
_BEFORE_THE_LANGUAGE: Final = frozenset({"pages", "volume", "date", "note"})


def language_ending_the_entry_is_a_note(tagged: list[TaggedToken]) -> list[TaggedToken]:
    """Vancouver (NLM's Citing Medicine) ends a reference in another language with the language: "Jónsson J.
    Saga heilsugæslu. Læknablaðið. 2005;91(3):233-40. Icelandic.", "Reykjavík: Mál og menning; 2002. 240 p.
    Icelandic.". The tagger reads the lone word after the pages as a publisher or place: it is a note."""
    if len(tagged) < 2:
        return tagged
    last, before = tagged[-1], tagged[-2]
    if (last.label != "note" and last.token.endswith(".") and last.token[:-1] in _LANGUAGES
            and before.label in _BEFORE_THE_LANGUAGE and before.token.endswith(".")):
        return [*tagged[:-1], last._replace(label="note")]
    return tagged


_JOURNAL_AFTER_THE_TITLE: Final = frozenset({"volume", "pages"})
_JOURNAL_WORDS: Final = 6  # the most words of a journal read off the title's end
# words before a title's closing name ("Recueil des actes de Henri II,", "the history of the United States,")
_TITLE_NAME_JOINS: Final = frozenset("of the a an and in on for to at by from with de du des la le les l' et à au aux en "
                                     "von der die das und zu für di del della e y".split())


def journal_ending_the_title_before_its_volume(tagged: list[TaggedToken]) -> list[TaggedToken]:
    """Elsevier's unpunctuated "... in older African–American subjects Diabetes Care, 20 (1997), pp. 1503-1511":
    with no stop after the title, the tagger ran the journal into it. In an entry with no container, the
    capitalised words that end the title with a comma right before the volume or pages, after a word in
    lower case, are the journal ("Diabetes Care,", "Diabetes Educ.,", "The Age: Extra,")."""
    n = len(tagged)
    for i in range(n - 1):
        t = tagged[i]
        if t.label == "container":
            return tagged
        if (t.label != "title" or tagged[i + 1].label not in _JOURNAL_AFTER_THE_TITLE or not t.token.endswith(",")
                or not t.token[:1].isupper()):
            continue
        if tagged[i + 1].label == "pages" and not tagged[i + 1].token.startswith("p"):
            return tagged  # "Charte départementale des éoliennes du Finistère, 41 p.": a page count
        first = i
        while first > 0 and tagged[first - 1].label == "title" and tagged[first - 1].token[:1].isupper():
            first -= 1
        before = tagged[first - 1].token if first > 0 and tagged[first - 1].label == "title" else ""
        if not before[:1].islower() or before in _TITLE_NAME_JOINS:
            return tagged  # "... actes de Henri II, n°525": a name the title holds
        if i + 1 - first > _JOURNAL_WORDS or any(x.label == "container" for x in tagged[i + 1:]):
            return tagged
        return [*tagged[:first], *(x._replace(label="container") for x in tagged[first:i + 1]), *tagged[i + 1:]]
    return tagged


_ORDINAL: Final = re.compile(r"^\d{1,3}(?:st|nd|rd|th)$")  # "9th", "145th"


def ordinal_opens_the_conference(tagged: list[TaggedToken]) -> list[TaggedToken]:
    """"Sustainability Education in Resource Development Fields, 9th International Conference on ...": the
    conference's ordinal the tagger left at the end of the title is the container's first word."""
    for i in range(1, len(tagged) - 1):
        t = tagged[i]
        if (t.label == "title" and tagged[i + 1].label == "container" and tagged[i - 1].label == "title"
                and tagged[i - 1].token.endswith(",") and _ORDINAL.match(t.token)):
            return [*tagged[:i], t._replace(label="container"), *tagged[i + 1:]]
    return tagged


def book_after_the_editors_goes_on_past_its_comma(tagged: list[TaggedToken]) -> list[TaggedToken]:
    """"... older adult. In K.L. Eckstrand & J.M. Ehrenfeld (Eds.), Lesbian, gay, bisexual, and transgender
    healthcare ...", "In L. Roman, and L. Eyre (Eds.), Dangerous territories: struggles for difference ...": the
    tagger ended the book after the editors at a comma or colon and read the rest as a second title; the
    chapter's title came before the editors, so the rest is the book's."""
    n = len(tagged)
    for i in range(1, n - 1):
        if not (tagged[i].label == "container" and tagged[i - 1].label == "editor" and EDITORS_AFTER.match(tagged[i - 1].token)):
            continue
        if not any(t.label == "title" for t in tagged[:i]):
            return tagged
        end = i
        while end < n and tagged[end].label == "container":
            end += 1
        if end >= n or tagged[end].label != "title" or not tagged[end - 1].token.endswith((",", ":")):
            return tagged
        book = end
        while book < n and tagged[book].label == "title":
            book += 1
        return [*tagged[:end], *(t._replace(label="container") for t in tagged[end:book]), *tagged[book:]]
    return tagged


_DAY: Final = re.compile(r"^\d{1,2}$")
_MONTH_NAMES: Final = frozenset("January February March April May June July August September October November December".split())
_PERIODICAL_WORDS: Final = 3  # the most words of a periodical's name read as a place or publisher


def periodical_before_its_day_is_the_container(tagged: list[TaggedToken]) -> list[TaggedToken]:
    """"Lamb, Christina, ‘Is Obama Stalking You?’, Spectator, 27 October 2012.", "..., Observer, 3 December
    2006.": a name right after the title and before a day and month is the newspaper or magazine the article
    appeared in, not a place or publisher the tagger read it as."""
    n = len(tagged)
    for i in range(1, n - 2):
        if tagged[i].label not in ("publisher", "location") or tagged[i - 1].label != "title":
            continue
        end = i
        while end < n and tagged[end].label == tagged[i].label:
            end += 1
        if (end + 1 < n and end - i <= _PERIODICAL_WORDS and tagged[end - 1].token.endswith(",")
                and tagged[end].label == "date" and _DAY.match(tagged[end].token)
                and tagged[end + 1].token.rstrip(".,") in _MONTH_NAMES):
            return [*tagged[:i], *(t._replace(label="container") for t in tagged[i:end]), *tagged[end:]]
        return tagged
    return tagged


def special_issue_after_the_journal_is_a_note(tagged: list[TaggedToken]) -> list[TaggedToken]:
    """"Computer, Special Issue on Fault-Tolerant Systems, Vol. 23", "Journal of Applied Non-Classical Logic,
    Special Issue: Belief Change, 17(3)": the special issue the tagger ran on after the journal's comma is a
    note about the issue, not the journal's name."""
    n = len(tagged)
    for i in range(1, n - 1):
        if (tagged[i].label == "container" and tagged[i - 1].label == "container" and tagged[i - 1].token.endswith(",")
                and tagged[i].token == "Special" and tagged[i + 1].token.lower().startswith("issue")
                and tagged[i + 1].label == "container"):
            end = i
            while end < n and tagged[end].label == "container":
                end += 1
            return [*tagged[:i], *(t._replace(label="note") for t in tagged[i:end]), *tagged[end:]]
    return tagged


_SERIES_WORDS: Final = re.compile(r"^(?:[Ss]eries|[Tt]exts|[Mm]onographs?)[.,]?$")


def series_sentence_ending_the_title_is_the_collection(tagged: list[TaggedToken]) -> list[TaggedToken]:
    """"Lectures on Polytopes. Graduate texts in mathematics. Springer-Verlag, 1995.", "Numerical Methods for
    Unconstrained Optimization. Prentice-Hall Series in Computational Mathematics.": the book's series the tagger
    ran into the title, a sentence of its own after the title's full stop that names a series, before the
    imprint, is the collection."""
    n = len(tagged)
    for i in range(2, n - 1):
        t = tagged[i]
        if t.label != "title" or tagged[i - 1].label != "title" or not tagged[i - 1].token.endswith("."):
            continue
        if INITIAL_MARK.match(tagged[i - 1].token) or len(tagged[i - 1].token) < 4:
            continue  # an initial's or an abbreviation's stop
        end = i
        while end < n and tagged[end].label == "title":
            end += 1
        if end >= n or tagged[end].label not in ("publisher", "location", "genre") or not tagged[end - 1].token.endswith("."):
            return tagged
        if any(_SERIES_WORDS.match(x.token) for x in tagged[i:end]):
            return [*tagged[:i], *(x._replace(label="collection") for x in tagged[i:end]), *tagged[end:]]
    return tagged


_JOURNAL_HEAD_WORDS: Final = 8  # the most words of a journal's or book's first part the tagger left in the title
_SENTENCE_END: Final = re.compile(r"(?:[a-zà-ÿ)]{2}|\))[.?!][”’\"']?$")  # "insects.", "(abstract).", "Crystal?”"


def container_head_ending_the_title(tagged: list[TaggedToken]) -> list[TaggedToken]:
    """"Eastern forest insects. Miscellaneous publications, United States Department of Agriculture 1175: 1-642",
    "... later life. The Journals of Gerontology Series B: Psychological Sciences and Social Sciences, 65B(6)": the
    container's first part, after the title's full stop and up to its comma or colon, that the tagger left in the
    title before the rest of the container, is the container's (a title's last sentence ends with a full stop, not
    a comma, before the journal)."""
    n = len(tagged)
    for j in range(1, n):
        if tagged[j].label != "container" or tagged[j - 1].label != "title":
            continue
        last = tagged[j - 1].token
        if not last.endswith((",", ":")):
            return tagged
        k = j - 1
        while k > 0 and tagged[k - 1].label == "title" and not _SENTENCE_END.search(tagged[k - 1].token):
            k -= 1
        if k == 0 or tagged[k - 1].label != "title" or j - k > _JOURNAL_HEAD_WORDS or not tagged[k].token[:1].isupper():
            return tagged
        start = k - 1
        while start > 0 and tagged[start - 1].label == "title":
            start -= 1
        if start == 0 or tagged[start - 1].token.endswith(","):
            return tagged  # a style whose title ends with a comma ("Bouchard, The Origins ... A Reassessment, The American ...")
        return [*tagged[:k], *(t._replace(label="container") for t in tagged[k:j]), *tagged[j:]]
    return tagged


_INTERNET_MEDIUM: Final = re.compile(r"^\[internet\][.,;]?$", re.IGNORECASE)


def journal_before_the_internet_medium_is_the_container(tagged: list[TaggedToken]) -> list[TaggedToken]:
    """Vancouver's (NLM's) journal article on the web, "Nguyen VT, Tran HM, Le QA. Dengue hospitalisations in Ho Chi
    Minh City, 2010–2019. Trop Med Health [Internet]. 2021 [cited 2023 Apr 2];49(1):33.": the journal, between the
    title's full stop and "[Internet]" that the date follows, which the tagger ran into the title, is the container
    (a book's or a page's title before "[Internet]" has its place after it: "[Internet]. London: ...")."""
    for m in range(2, len(tagged) - 1):
        if not _INTERNET_MEDIUM.match(tagged[m].token) or tagged[m + 1].label != "date" or tagged[m - 1].label != "title":
            continue
        k = m - 1
        while k > 0 and tagged[k - 1].label == "title" and not _TITLE_END.search(tagged[k - 1].token):
            k -= 1
        if k == 0 or tagged[k - 1].label != "title" or m - k > _JOURNAL_HEAD_WORDS:
            return tagged
        return [*tagged[:k], *(t._replace(label="container") for t in tagged[k:m]), *tagged[m:]]
    return tagged


_TITLE_END: Final = re.compile(r"(?:[a-zà-ÿ0-9)]{2}|\))[.?!][”’\"']?$")  # "adolescents.", "2010–2019.", "(ED)."


def to_appear_is_a_note(tagged: list[TaggedToken]) -> list[TaggedToken]:
    """A paper not yet out, "A Model of Authorization for Next-Generation Database Systems, to appear in ACM
    Transactions on Database Systems.": "to appear" and the words after it up to the end of the run the tagger read
    it into (the title or the journal) are a note, after the title's comma or full stop (the labelled data has
    them a note in all of its 7 entries)."""
    for i in range(1, len(tagged) - 1):
        t = tagged[i]
        if t.token.lower() != "to" or not tagged[i + 1].token.lower().startswith("appear") or t.label not in ("title", "container"):
            continue
        if tagged[i - 1].label != t.label or not tagged[i - 1].token.endswith((",", ".")):
            return tagged
        end = i + 1
        while end < len(tagged) and tagged[end].label == t.label:
            end += 1
        return [*tagged[:i], *(x._replace(label="note") for x in tagged[i:end]), *tagged[end:]]
    return tagged


_VOLUME_NUMBER_WORD: Final = re.compile(r"^(?:\d{1,4}|[IVXLC]{1,6})[.,]?$")


def works_after_their_volume_number_are_the_container(tagged: list[TaggedToken]) -> list[TaggedToken]:
    """Chicago's one volume of a multivolume work, "Hesse, Hermann. Der Steppenwolf. Vol. 4 of Gesammelte
    Dichtungen. Berlin: Suhrkamp, 1958.": "of" and the work's title after the volume's number, up to its full stop,
    are the container, in an entry with none (in proceedings, "volume 60 of Math. Sci. Res. Inst. Publ." is their
    series)."""
    if any(t.label == "container" for t in tagged):
        return tagged
    for i in range(1, len(tagged) - 1):
        t = tagged[i]
        if (t.token != "of" or tagged[i - 1].label != "volume" or not _VOLUME_NUMBER_WORD.match(tagged[i - 1].token)
                or t.label not in ("title", "volume", "publisher", "collection")):
            continue
        end = i + 1
        while end < len(tagged) and tagged[end].label == tagged[i + 1].label and tagged[end].label in ("title", "publisher", "collection", "volume"):
            end += 1
            if tagged[end - 1].token.endswith("."):
                break
        if end == i + 1 or not tagged[end - 1].token.endswith(".") or not tagged[i + 1].token[:1].isupper():
            return tagged
        return [*tagged[:i], *(x._replace(label="container") for x in tagged[i:end]), *tagged[end:]]
    return tagged


_NOTE_OPENINGS_NO_TITLE: Final = frozenset({"available", "retrieved", "accessed", "accessed:", "[cited", "in", "in:",
                                            "see", "online", "unpublished", "personal", "cited", "url:", "doi:"})
_NOTE_TITLE_WORDS: Final = 40  # the most words of a title read as the note's first sentence


def first_sentence_of_the_note_after_the_names_is_the_title(tagged: list[TaggedToken]) -> list[TaggedToken]:
    """An entry with no title whose names (and date) the tagger read right and the words after them as a note,
    "Pierre Sermanet, Andrea Frome, and Esteban Real. Attention for fine-grained categorization. arXiv preprint
    arXiv: 1412.7054, 2014.", "Verlinden, J., ... & van der Mast, C. Voice Annotation in Virtual Environments,
    paper submitted to ...": the note's first sentence, opening in a capital, is the title (not a link's or an
    access date's lead: "Available at", "Retrieved", "[cited")."""
    n = len(tagged)
    if any(t.label == "title" for t in tagged):
        return tagged
    start = 0
    while start < n and tagged[start].label == "number":
        start += 1
    if start >= n or tagged[start].label != "author":
        return tagged
    s = start
    while s < n and tagged[s].label in ("author", "date"):
        s += 1
    if s >= n or tagged[s].label != "note" or not tagged[s].token[:1].isupper():
        return tagged
    if tagged[s].token.lower() in _NOTE_OPENINGS_NO_TITLE or not tagged[s - 1].token.endswith((".", ")", ":")):
        return tagged
    end = s
    while end < n and tagged[end].label == "note" and end - s < _NOTE_TITLE_WORDS:
        end += 1
        if _TITLE_END.search(tagged[end - 1].token) or tagged[end - 1].token.endswith((",", ":")) and end - s > 2:
            break
    return [*tagged[:s], *(t._replace(label="title") for t in tagged[s:end]), *tagged[end:]]
