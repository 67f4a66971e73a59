"""Free-text reference lists: split into entries, parse each entry into a Reference.

Entries are blank-line separated paragraphs, one entry per line, numbered (``[12]``,
``12.``) or bulleted, or wrapped over several lines (an entry continues while the next
line does not look like the start of one). Each entry is read as author-date first:
``Lead (Year). Segments... <urls>``, where the lead is the authors or, with no author,
the title; the segments after the year are the title, an italic ``*Container*`` or a
plain publisher, journal details (``26(1), 131-141``) and ``Place: Publisher``. Chicago,
MLA and Harvard shapes are read on a best-effort basis. Every repair and every defect
becomes a Finding on the Reference; nothing here touches files or the network.
"""
from __future__ import annotations

import gc
import logging
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field, replace
from functools import lru_cache
from typing import Any, Final, NamedTuple

from ..model import CleanText, EntryType, Finding, Fix, Kind, Name, Reference, Severity, Span, Target, Url
from ..model.reference import make_reference, replace_reference
from .bibtex import names_text
from .access_dates import foreign_access
from .dates import FOREIGN_NO_DATE, MONTH, english_no_date, iso_date, matches_from, publication_date
from .entry_details import read_details
from .interview_entries import read_interview
from .cjk_entries import read_cjk_entry
from .gost_entries import read_gost_entry
from .legal_cases import read_legal_case
from .media_entries import read_media_roles, read_titled_film
from .lines import (
    MIN_SHAPED_ENTRIES, body_opens_year_entry, capitals_body_starts_entry, capitals_person_starts_entry, entry_shape, titled_line_starts_entry, label_in_reach, line_goes_on, list_shape,
    opens_with_capitals_lead, starts_numbered_entry,
)
from .names import (
    FOREIGN_ORGANISATION_WORDS, ORGANISATION_WORDS, caseless_word, english_editor_marks, is_organisation, is_vietnamese_name_list, parse_author_list, repair_name_text, strip_editor_marker, strip_role_marker,
    vancouver_list_sole_authors,
)
from .capital_names import recase_capital_family_names
from .given_first_lists import given_first_list_persons
from .given_names import is_given_name, is_given_name_anywhere
from .standard_entries import read_standard_entry
from .entry_bodies import body_leads, headline_sentences, is_news_outlet, symbol_as_note
from .title_leads import title_read_as_body, year_read_into_title
from .person_leads import imprint_only, lead_person, title_only_person, unlisted_person
from .repeated_authors import DASH, mask_dash_role, resolve_repeated_authors
from .reference_segments import (
    Segment,
    clean_title,
    english_container_marks,
    italic_lead,
    journal_details,
    keep_abbreviation_stop,
    keep_place_stop,
    place_publisher,
    split_segments,
    strip_markup,
)
from .tagger.combine import decide, rules_may_win
from .tagger.fields import edition_of, editors_of
from .tagger.model import TaggedToken, load_tagger
from .urls import cut_rest, extract_urls, find_doi_fragment, locate_doi, mentions, schemeless_urls, spaced_rest

logger = logging.getLogger(__name__)

# A field read with less confidence than this is reported for review (a MALFORMED_REFERENCE info).
LOW_CONFIDENCE = 0.5
FALLBACK_YEAR_CONFIDENCE = 0.45  # a year only found by scanning (``_fallback_year``): reported for review
_YEAR = r"(?:1[5-9]|20)\d{2}"
_YEAR_PAREN = re.compile(  # in brackets, a year before 1500 too: Chaucer's "(1400)"
    rf"\((?:(?P<year>{_YEAR}|1[0-4]\d{{2}})(?P<suffix>[a-z])?(?:\s*[,/–-][^()]*)?|(?P<nd>n\.\s?d\.?|{FOREIGN_NO_DATE}\.?|in\s+press|forthcoming)(?:\s*-?\s*(?P<ndsuffix>[a-z]))?)\)",
    re.IGNORECASE,
)
# (both start with a character and look behind it, for the "." or "," before the space and for what may not come
# before the year: the same matches as with ``(?<=[.,])\s+`` and ``(?<![\d\-–/])`` first, but the search skips at
# once to where that first character is, which it cannot do past a look-behind: half the time of each search)
_YEAR_BARE = re.compile(  # Chicago's "Smith, John. 2019." / "n.d." / "Forthcoming."; ABNT's "[s.d.]."
    rf"\s(?<=[.,]\s)\s*(?:(?P<year>{_YEAR})(?P<suffix>[a-z])?|(?P<nd>n\.\s?d|forthcoming|in\s+press|{FOREIGN_NO_DATE}"
    rf"|\[{FOREIGN_NO_DATE}\.\]))\.?(?<=\.)(?=\s|$)", re.IGNORECASE)
_YEAR_ANY = re.compile(rf"({_YEAR})(?<![\d\-–/][\s\S]{{4}})(?![\d\-–/])")  # _YEAR: four characters
_ACCESS = re.compile(
    r"[\[(]?\b(?:retrieved|accessed|viewed|consulted|cited)(?:\s+on)?:?\s*"
    rf"(?P<date>\d{{1,2}}\s+{MONTH}\s+\d{{4}}|{MONTH}\s+\d{{1,2}},?\s+\d{{4}}|\d{{4}}-\d{{2}}-\d{{2}}|{MONTH}\s+\d{{4}}"
    rf"|\d{{4}}\s+{MONTH}(?:\s+\d{{1,2}})?)?"  # Vancouver: "[cited 2019 Mar 22]"
    r",?\s*(?:from\b)?[\])]?\.?",
    re.IGNORECASE,
)
# Link labels around a URL ("Available at:", "[Online]"): masked like access phrases.
# the same before a URL in other languages: es/pt "Recuperado de", "Retirado de", "Disponible en",
# "Disponível em"; fr "Disponible sur", "En ligne"; de "Online verfügbar unter", "Abrufbar unter"; it "Disponibile
# su/all'indirizzo"; nl "Beschikbaar op/via"; pl "Dostępne w"; tr "Erişim adresi" (the tagger never learnt them:
# its text has them masked too)
_FOREIGN_LINK_LABEL = (
    r"\b(?:recuperado\s+de|retirado\s+de|disponible\s+(?:en|sur)|dispon[ií]vel\s+em|en\s+ligne|"
    r"(?:online\s+)?verf[üu]gbar\s+unter|abrufbar\s+unter|disponibile\s+(?:su|all['’]indirizzo)|beschikbaar\s+(?:op|via)"
    r"|dostępne\s+w|erişim\s+adresi)\s*:?(?=\s|$)"
)
_LINK_LABEL = re.compile(
    r"\[(?:online|internet|electronic resource)\]\.?|\b(?:available\s+(?:at|from|online)|online\s+at|url)\s*:?(?=\s|$)"
    rf"|{_FOREIGN_LINK_LABEL}",
    re.IGNORECASE,
)
_FOREIGN_LINK_LABELS = re.compile(_FOREIGN_LINK_LABEL, re.IGNORECASE)
# Words without which the two patterns above cannot match (``mentions`` tests for them first).
_ACCESS_WORDS = ("retrieved", "accessed", "viewed", "consulted", "cited")
# APA's bracket after the title: roles "(J. Strachey, Trans.)", "(P. Guyer & A. W. Wood, Eds. & Trans.)",
# an edition "(2nd ed.)", or both, "(H. Weaver, Trans.; 2nd ed.)"
_APA_BRACKET = re.compile(r"\s(?<=\S\s)\((?P<inner>[^()]{2,200})\)")  # the space first: see _YEAR_BARE
_APA_ROLE = re.compile(r"^(?P<names>[^\W\d_][^;]*?),\s*(?P<role>(?:Eds?\.|Trans\.)(?:\s*(?:&|and)\s*(?:Eds?\.|Trans\.))?)$")
# ... and in other languages' ordinals and words: "(2.ª ed.)", "(2a ed.)", "(2e éd.)", "(3. Aufl.)", "(2e dr.)"
_APA_EDITION = re.compile(r"^(?:\d{1,3}(?:st|nd|rd|th|\.?\s?[ªºa]|e|\.)|rev(?:ised)?\.?|special|expanded|abridged)\s+"
                          r"(?:ed|éd|aufl|dr)\.$", re.IGNORECASE)
# the ellipsis APA 7 puts before the last of 21 or more authors ("Feng, S., . . . Ye, Z.")
_AUTHOR_ELLIPSIS = re.compile(r"(?<=,)\s*(?:(?:\.\s?){2}\.|…)(?=\s+[^\W\d_])")
# APA's "(Original work published 1962)", MLA's "Originally published in 1962."
_ORIGINAL = re.compile(r"\(?\b(?:original\s+work\s+published|originally\s+published(?:\s+in)?)\s+(?P<year>\d{3,4})\)?\.?",
                       re.IGNORECASE)
# Chicago's and ASA's first year before the year of the edition read: "Du Bois, W. E. B. [1899] 1996.", "(1899) 1996."
# (the space first, the full stop looked at behind it: see _YEAR_BARE)
_ORIGINAL_BEFORE = re.compile(r"\s(?<=\.\s)\s*(?:\[(?P<year>1[0-9]{3}|20[0-9]{2})\]|\((?P<paren>1[0-9]{3}|20[0-9]{2})\))"
                              r"(?=\s+(?:1[0-9]{3}|20[0-9]{2})[a-z]?\.)")
# "ISBN 978-0-230-57408-9", "ISBN-13: 9780230574089", "ISBN 0 19 852663 6" (checked for 10 or 13 digits)
_ISBN = re.compile(r"\bISBN(?:-?1[03])?\s*:?\s*(?P<isbn>[\d](?:[\d\s-]{7,15})[\dXx])(?![\w-])[.,;]?", re.IGNORECASE)
# the foreign link labels' words (whole enough: "eri" and "dost" are in "America" and "Dostoevsky"), then all
_FOREIGN_LINK_LABEL_WORDS = ("recuperado", "retirado", "dispon", "ligne", "verf", "abrufbar", "beschikbaar",
                             "dostępne", "erişim")
_LINK_LABEL_WORDS = ("online", "internet", "electronic", "available", "url", *_FOREIGN_LINK_LABEL_WORDS)
# a list label: "[3]", "3." / "3)", ACS's "(3)"; a bullet
# ... or BibTeX's alpha label, "[Knu84]", "[GGH+15]", "[ZLSO14a]" (``ALPHA_LABEL``)
# (a name's particle and apostrophe and its letters beyond ASCII too: amsalpha's "[vdBLK01]", alpha's "[O'C00]",
# "[Ól94]")
ALPHA_LABEL = r"(?:[A-Z]|[a-z]{1,3}(?=[A-Z])|[^\W\d_a-zA-Z])(?:[^\W\d_]|['’](?=[^\W\d_])){0,6}\+?\d{2}[a-z]?"
# ... or apalike's author-year label, "[Smith and Jones, 1990]", "[Jensen et al., 2013]" (LaTeX's \\cite without natbib)
AUTHOR_YEAR_LABEL = r"[^\W\d_][^\[\]\n]{0,80}?,[ \t](?:1[5-9]|20)\d{2}[a-z]?"
_LINE_MARKER = re.compile(r"^\s*(?:\[(?P<a>\d{1,4})\][.:]?|(?P<b>\d{1,4})[.)](?=\s)|\((?P<c>\d{1,4})\)(?=\s)|[-+•]\s|\*\s"
                          rf"|\[(?P<alpha>{ALPHA_LABEL})\](?=\s)|\[(?P<ay>{AUTHOR_YEAR_LABEL})\](?=\s))\s*")
_SKIP_LINE = re.compile(r"^\s*(?:#{1,6}\s|(?:-{3,}|\*{3,}|_{3,})\s*$)")
_INVERTED_START = re.compile(r"^[^\W\d_][\w'’\-]*(?:\s[^\W\d_][\w'’\-]*){0,2},\s+\S")
_TERMINAL = tuple(".>)]?!\"'”’*")
_QUOTE_OR_ITALIC = re.compile(r"[*\"“”]")
_SENTENCE_END = re.compile(r"(?<![A-Z])\.\s")
_ENDS_WITH_INITIAL = re.compile(r"\b[A-Z]\.$")
_ARXIV_ID = re.compile(r"\barxiv:\s?[\w./-]+", re.IGNORECASE)
_SPACES = re.compile(r"\s+")
SOFT_HYPHEN = "\u00ad"
# characters that show nothing and are no space: the soft hyphen, the zero-width space, word joiner
# and byte-order mark, the invisible operators, and the bidirectional marks, embeddings and isolates
# (a web page's or a word processor's, copied with the text); the zero-width (non-)joiners, which
# shape the letters of Persian or Indic words, are kept
INVISIBLE = frozenset("\u00ad\u061c\u200b\u200e\u200f\u202a\u202b\u202c\u202d\u202e"
                      "\u2060\u2061\u2062\u2063\u2064\u2066\u2067\u2068\u2069\ufeff")
_INVISIBLE_CHARS = "".join(sorted(INVISIBLE))
_INVISIBLE = re.compile("[" + _INVISIBLE_CHARS + "]")
_NAME_WORD = re.compile(r"^(?:[A-ZÀ-ÖØ-Þ][\w'’\-.]*|&|and|et|al\.?|(?:[A-Z]\.)+|van|von|de|der|den|del|della|di|da|du|la|le)$")
_ORG_SMALL = frozenset("of on and the for to in & de du des la le et van von der den del della di da dos zu".split())  # "Ludwig van Beethoven Society"
@dataclass(frozen=True)
class Entry:
    """Where one entry sits in the cleaned text (``start:end``), and its list label if numbered."""

    start: int
    end: int
    label: str = ""


def parse_reference_list(text: CleanText, use_tagger: bool = True) -> tuple[Reference, ...]:
    """Every entry of a reference list, parsed; ``key`` is left empty for the caller to assign.

    ``use_tagger=False`` reads with the rules alone (the bench compares both).

    The garbage collector is paused meanwhile (as ``timeit`` pauses it): the parse leaves no reference
    cycle behind (a test checks), and each of the collector's passes would walk the objects the process
    keeps, the tagger's tables and the token caches, for nothing (43M instructions a 1,000 references).
    """
    paused = gc.isenabled()
    if paused:
        gc.disable()
    try:
        return _parse_reference_list(text, use_tagger)
    finally:
        if paused:
            gc.enable()


def _parse_reference_list(text: CleanText, use_tagger: bool) -> tuple[Reference, ...]:
    refs = resolve_repeated_authors([parse_entry(text, entry, use_tagger) for entry in split_entries(text)])
    refs = _list_sole_authors(_given_first_persons(refs))
    refs = recase_capital_family_names(refs)  # "QUASCHNING, Volker" in a list that writes family names in capitals
    refs = tuple(body_leads(r) for r in refs)  # "Reuters. (2020).", "Paris Call. (2018). Paris Call for Trust ..."
    refs = tuple(title_read_as_body(r) for r in refs)  # "Labour Migration Report. (2021). The Economist."
    # "Barack Obama. (2009).", "Jane Eyre. (1847). Smith, Elder and Co.", "Wuthering Heights. 1847. London: ..."
    refs = tuple(year_read_into_title(title_only_person(lead_person(r))) for r in refs)
    refs = tuple(headline_sentences(r) for r in refs)  # "Title. Here's what's happening. The Washington Post."
    refs = tuple(symbol_as_note(r) for r in refs)  # a UN or WTO document's symbol, "IP/C/W/669", is no publisher
    logger.debug("parsed %d references from %s", len(refs), text.file)
    return refs


def _given_first_persons(refs: tuple[Reference, ...]) -> tuple[Reference, ...]:
    """"Chidi Okafor and Oluwaseun Adeyemi", kept whole, are persons in a list that writes its first authors
    given name first (``given_first_list_persons``)."""
    authors = [r.authors for r in refs]
    judged = given_first_list_persons(authors)
    if judged == authors:
        return refs
    return tuple(r if a is r.authors else replace(r, authors=a) for r, a in zip(refs, judged))


def _list_sole_authors(refs: tuple[Reference, ...]) -> tuple[Reference, ...]:
    """A sole "Siemens AG" read as a person is a firm again in a list with no Vancouver names
    (``vancouver_list_sole_authors``)."""
    authors = [r.authors for r in refs]
    judged = vancouver_list_sole_authors(authors)
    if judged == authors:
        return refs
    return tuple(r if a is r.authors else replace_reference(r, authors=a) for r, a in zip(refs, judged))


# --- splitting --------------------------------------------------------------------------------


def split_entries(text: CleanText) -> tuple[Entry, ...]:
    """The entries of a reference list, in order (see the module docstring for the forms), then
    split again where a line opens in the list's own shape (``_split_at_list_shape``)."""
    groups = _split_run_together(text.text, _split_after_years(text.text, _split_at_list_shape(text.text, _line_groups(text.text))))
    entries = (Entry(lines[0][0], lines[-1][1], label) for lines, label, _ in groups)
    return tuple(e for e in entries if _visible(text.text[e.start : e.end]))


def _visible(piece: str) -> bool:
    """Does ``piece`` hold a character one sees? Not when it is whitespace and invisible characters
    (``INVISIBLE``: a soft hyphen, a zero-width space) alone, which ``_fold`` leaves out."""
    return bool(piece.strip()) and (piece.isascii() or _INVISIBLE.search(piece) is None
                                    or bool(_INVISIBLE.sub("", piece).strip()))


class _Group(NamedTuple):
    """The lines of one entry as first split: (start, end) of each, its list label, and whether a
    list marker ("12.", "[3]", "-") opened it."""

    lines: list[tuple[int, int]]
    label: str
    marked: bool


def _line_groups(text: str) -> list[_Group]:
    groups: list[_Group] = []
    current: list[tuple[int, int]] = []  # (start, end) of the lines of the open entry
    label = ""
    marked = False
    last_number: int | None = None  # the number of the list's latest numbered entry
    # (closed by _close, no nested function: compiled, a closure and the environment holding it make a
    # reference cycle, left to the garbage collector)
    pos = 0
    lines = text.split("\n")
    for at, line in enumerate(lines):
        start, end = pos, pos + len(line)
        pos = end + 1
        if not line.strip() or _SKIP_LINE.match(line) or _subheading(lines, at):
            _close(groups, current, label, marked)
            continue
        marker = _LINE_MARKER.match(line)
        number = marker and (marker.group("a") or marker.group("b") or marker.group("c"))
        if number and not label_in_reach(int(number), last_number):
            marker = number = None  # "1932. Title", "[1932] AC 562": a year, in a list not yet at 1000
        if marker and number and current and not starts_numbered_entry(
                int(number), last_number, text[current[0][0] : current[-1][1]],
                looks_like_entry_start(line[marker.end() :].strip()), bracketed=bool(marker.group("a"))):
            marker = number = None  # "234. https://doi.org/...": a wrapped line of the open entry
        if marker and (number or not line.lstrip().startswith("**")):
            _close(groups, current, label, marked)
            label, marked = number or marker.group("alpha") or marker.group("ay") or "", True
            last_number = int(number) if number else last_number
            current.append((start + marker.end(), end))
            continue
        following = _following(lines, at + 1)
        # in a list whose every entry so far opens with its label ("[3]", "[Knu84]"), a line without one goes on
        # with the entry: "Nature, 511(7508):216-219, 2014." is a wrapped line of "[ZLSO14] Lei Zhao, ..."
        # (the first entry's wrapped line too, when the next label ahead is the list's next: "[1] ..." / "Environment
        # International, vol. 75, ..." / "[2] ...")
        labelled = marked and bool(label) and (all(g.marked and g.label for g in groups) if groups
                                               else _next_label_ahead(lines, at + 1, label))
        if current and not labelled and _starts_new_entry(line, text[current[0][0] : current[-1][1]],
                                                          _indent_of(text, current[0][0]), following):
            _close(groups, current, label, marked)
            label, marked = "", False
        if not current:
            label, marked = "", False
        current.append((start + len(line) - len(line.lstrip()), end))
    _close(groups, current, label, marked)
    return groups


def _close(groups: list[_Group], current: list[tuple[int, int]], label: str, marked: bool) -> None:
    """The open entry's lines (``current``), if any, made a group of ``groups``; ``current`` emptied."""
    if current:
        groups.append(_Group(current.copy(), label, marked))
        current.clear()


# a plain-text subheading of a reference list, as a copy from Word or Google Docs keeps "### Books" ("Books",
# "Journal articles", "Websites", "Further reading", "Primary sources:"): no entry
_SUBHEADING = re.compile(
    r"^[ \t]*[*_]{0,2}(?:(?:further|additional|suggested|recommended|other|selected|primary|secondary|online|printed|"
    r"archival|academic|government|official|legal|news|media|web|internet)[ \t]+)?(?:reading|readings|sources|"
    r"resources|books?(?:[ \t]+(?:and|&)[ \t]+(?:book[ \t]+)?chapters|[ \t]+chapters)?|chapters|(?:journal[ \t]+)?articles|"
    r"journals|websites?|web[ \t]?pages?|reports|documents|publications|legislation|statutes|cases|case[ \t]+law|"
    r"newspapers?(?:[ \t]+articles)?|datasets|data|software|films?|videos?|interviews|archives|material|literature)"
    r"[ \t]*:?[*_]{0,2}[ \t]*$", re.IGNORECASE)


def _subheading(lines: list[str], at: int) -> bool:
    """Is ``lines[at]`` a subheading of the list (``_SUBHEADING``), alone in its paragraph?"""
    return (_SUBHEADING.match(lines[at]) is not None and (at == 0 or not lines[at - 1].strip())
            and (at + 1 >= len(lines) or not lines[at + 1].strip()))


def _split_at_list_shape(text: str, groups: list[_Group]) -> list[_Group]:
    """Split an unmarked entry again at a line that opens in the shape the list's entries open with
    ("Garcia, M. (2020). Report."), although the line before it has no final full stop and so did
    not end the entry ("... Available at: https://example.org/a.html" / "Accessed 3 May 2020"). A
    line indented deeper than the entry's first (a hanging indent), or after a line that goes on
    ("Lee, B., Kim, C., &"), stays in the entry: so do wrapped lines that merely start with a
    capital, since they are not in the list's shape."""
    if len(groups) < MIN_SHAPED_ENTRIES or not any(len(g.lines) > 1 and not g.marked for g in groups):
        return groups
    shape = list_shape(text[g.lines[0][0] : g.lines[0][1]] for g in groups)
    if shape is None:
        return groups
    out: list[_Group] = []
    for group in groups:
        if group.marked or len(group.lines) == 1:
            out.append(group)
            continue
        indent = _indent_of(text, group.lines[0][0])
        lines = [group.lines[0]]
        for i, (start, end) in enumerate(group.lines[1:], 1):
            line = text[text.rfind("\n", 0, start) + 1 : end]
            previous = text[group.lines[i - 1][0] : group.lines[i - 1][1]]
            if (len(line) - len(line.lstrip()) <= indent and not line_goes_on(previous)
                    and (entry_shape(line.strip()) == shape or body_opens_year_entry(line.strip(), shape, previous))
                    and not _names_cut_at_initial(text[lines[0][0] : lines[-1][1]])):
                out.append(_Group(lines, "", False))  # an unmarked entry has no label
                lines = []
            lines.append((start, end))
        out.append(_Group(lines, "", False))
    return out


# an entry that ends with its year, as BibTeX's standard styles end one (plain, plainnat, abbrvnat: "John Smith
# and Jane Doe. A study of things. Journal of Stuff, 3:1-10, 2019.")
# ... with its identifiers after the year, as plainnat, abbrvnat and unsrtnat print them ("..., 2019. doi:
# 10.1016/j.uclim.2019.01.001." or "2019. ISBN 978-0-19-954218-8. URL"), the last one wrapped onto a line of its own,
# and a note of when it was accessed after them ("2021. Accessed 2022-03-01.")
_ACCESS_NOTE = r"(?:\s+(?:Accessed|Retrieved|Last accessed|Visited|Viewed)\b.{0,40}\.)?"
_YEAR_LAST = re.compile(r"\b(?:1[5-9]|20)\d{2}[a-z]?\.(?:\s+(?:ISBN|ISSN|doi:|URL)\s+\S+?(?:\s?\.)?)*" + _ACCESS_NOTE + "$")
# (or its first part, a URL pdflatex's \url broke after a "/": "2018. URL https://example.org/papers/")
# (a DOI biblatex's and url's breakpoints cut after a "." too: "1990. doi: 10.1000/uc." / "1990.0.")
_YEAR_LAST_OPEN = re.compile(r"\b(?:1[5-9]|20)\d{2}[a-z]?\.(?:\s+(?:ISBN|ISSN|doi:|URL)\s+\S+?\.?)*\s+(?:ISBN|ISSN|doi:|URL)"
                             r"(?:\s+\S*[/\-_?=&#]|(?<=doi:)\s+10\.(?:\S*[.])?)?$")
# the identifiers plainnat prints after the year on a line of their own: "doi: 10.1000/uc.2002.12."
_IDENTIFIERS_LINE = re.compile(r"(?:(?:ISBN|ISSN|doi:|URL)\s+\S+\s?\.?\s*)+$")
# the identifier (or the rest of it) wrapped onto the next line, alone on it; pypdf may give a space before its full
# stop, "green_roofs_seoul.pdf ."
_ALONE = re.compile(r"\S+(?:\s[.,])?" + _ACCESS_NOTE + "$")
# ... or with its year and no full stop, as a DIN 1505 list pasted one entry a line may ("München : Hanser, 2020"),
# when the next line opens as such an entry does: "KEMFERT, Claudia: ...", "WORLD HEALTH ORGANIZATION: ..."
_YEAR_LAST_BARE = re.compile(r",[ \t]*(?:1[5-9]|20)\d{2}[a-z]?$")
MIN_YEAR_ENDINGS = 2  # lines of one group ending so before it is read as entries run together
# how a line goes on with the entry above it, after its date: "Accessed May 3, 2020.", "Reprint, Oxford ..."
_GOES_ON_WORD = re.compile(r"(?:Accessed|Retrieved|Available|Last|Published|Updated|Reprint(?:ed)?|Originally|First|"
                           r"Translated|Edited|In|URL|DOI|Vol|Volume|Edition|Archived)\b")


# a given name first, as BibTeX's standard styles print an entry's first author: "George Orwell.", "Jane Smith and"
_GIVEN_FIRST_LEAD = re.compile(r"([^\W\d_][\w'’-]+)(?:[ \t]+[A-Z]\.)*[ \t]+[^\W\d_a-z][\w'’-]+(?:[.,]|[ \t]+and[ \t])")


def _opens_given_first(line: str) -> bool:
    """Does ``line`` open with a person's name, a known given name first? Two entries of a list in a standard
    style (a two-entry list has one year-ending line before its last, where ``MIN_YEAR_ENDINGS`` asks two)."""
    lead = _GIVEN_FIRST_LEAD.match(line)
    return lead is not None and is_given_name(lead.group(1))


def _split_after_years(text: str, groups: list[_Group]) -> list[_Group]:
    """Split an unmarked group after each line that ends with a year and a full stop when the next line
    opens with a capital and the group has ``MIN_YEAR_ENDINGS`` such lines or more before its last: a
    list of BibTeX's standard styles taken from a PDF, one line each with no blank line between entries
    ("Tom Cap. Caption work. J, 2003." / "Fay Foot. Footnote work. J, 2004."), whose entries open with
    the given name and so in no shape ``_starts_new_entry`` knows (the year may be followed by the entry's
    ISBN, ISSN, doi and URL, as plainnat prints them, the last perhaps on a line of its own, and a note of
    when it was accessed); or after a line ending ", 2020" with no full
    stop before a line opening as a DIN 1505 entry (``_opens_like_din``)."""
    out: list[_Group] = []
    for group in groups:
        lines = [text[start:end].strip() for start, end in group.lines]
        ends = [i for i, line in enumerate(lines[:-1]) if lines[i + 1][:1].isupper() and not _GOES_ON_WORD.match(lines[i + 1])
                and (_YEAR_LAST.search(line) or (_YEAR_LAST_BARE.search(line) and _opens_like_din(lines[i + 1]))
                     or (i > 0 and _ALONE.match(line) is not None and _YEAR_LAST_OPEN.search(lines[i - 1]) is not None)
                     or (i > 0 and _IDENTIFIERS_LINE.match(line) is not None and _YEAR_LAST.search(lines[i - 1]) is not None))]
        if group.marked or len(ends) < MIN_YEAR_ENDINGS and not (
                len(ends) == 1 and _opens_given_first(lines[0]) and _opens_given_first(lines[ends[0] + 1])):
            out.append(group)
            continue
        first = 0
        for i in ends:
            out.append(_Group(group.lines[first : i + 1], group.label if first == 0 else "", False))
            first = i + 1
        out.append(_Group(group.lines[first:], "", False))
    return out


# Entries run together on one line, as a PDF's or a web page's copy may give them with their line breaks lost
# ("... Journal of Heat, 1, 1-2. Jones, B. (2018). Cold cities. ..."): a lead after an entry's full stop (or its link)
# starts an entry of its own, when the group opens with such a lead: APA's and Harvard's names and bracketed year
# ("Jones, B., & Park, S. (2018).", "World Health Organization. (2021).", "Jones, B. and Park, S. (2018) 'Title'"),
# Chicago's inverted name and bare year ("Jones, Bob, and Carl Lee. 2018.")
_APA_AUTHOR = r"[^\W\d_a-z][\w'’\-]*(?:[ \-][^\W\d_a-z][\w'’\-]*){0,2},[ \t]+(?:[A-Z]\.(?:[ \t]?-?[A-Z]\.){0,3})"
_APA_LEAD = (rf"(?:(?:{_APA_AUTHOR}(?:,[ \t]+{_APA_AUTHOR}){{0,19}}(?:,?[ \t]+(?:&|and)[ \t]+{_APA_AUTHOR})?"
             r"|(?:[^\W\d_a-z][\w&'’\-]*[ \t]+){0,7}[^\W\d_a-z][\w'’\-]+\.)"  # or an organisation, "World Health Organization."
             r"[ \t]+\((?:(?:1[5-9]|20)\d{2}[a-z]?|n\.[ \t]?d\.)(?:,[ \t]+[^()\n]{1,20})?\)(?:\.|[ \t]+(?=['‘\"“*_]?[^\W\d_]))"
             r"|[^\W\d_a-z][\w'’\-]+,[ \t]+[^\W\d_a-z][\w'’\-]+(?:[ \t]+[^\W\d_][\w.'’\-]*){0,3}"  # Chicago's
             r"(?:,[ \t]+(?:and[ \t]+)?[^\W\d_a-z][\w.'’\-]*(?:[ \t]+[^\W\d_][\w.'’\-]*){0,3}){0,9}"
             r"\.[ \t]+(?:1[5-9]|20)\d{2}[a-z]?\.[ \t])")
_APA_OPENS = re.compile(_APA_LEAD)
_APA_INSIDE = re.compile(r"[ \t]+(?=" + _APA_LEAD + ")")
# the year of every lead above, "(2018" or ". 2017" (not a link's or DOI's ".2008.02"), or an undated entry's "n.d."
_YEAR_MARK: Final = re.compile(r"(?:\(|\.[ \t]+)(?:(?:1[5-9]|20)\d\d(?![\d.]\d)|n\.[ \t]?d\.)")
_LAST_WORD = re.compile(r"\S+$")
_BRACKET_LABEL = re.compile(r"\[(\d{1,4})\][ \t]*$")  # the "[12]" that opens a numbered group


def _split_run_together(text: str, groups: list[_Group]) -> list[_Group]:
    """Split a group again inside a line where entries were pasted one after another on one line: an unmarked group
    that opens with a lead (``_APA_LEAD``) before each lead after an entry's end, a full stop or a link; a group
    labelled "[n]" before "[n+1]" after a full stop. Before, all but the first were lost, in no reference and in
    no finding (or "[2]" a false missing reference)."""
    out: list[_Group] = []
    for group in groups:
        number = _BRACKET_LABEL.search(text, text.rfind("\n", 0, group.lines[0][0]) + 1, group.lines[0][0])
        if group.marked and number is not None:
            out.extend(_split_numbered(text, group, int(number.group(1))))
            continue
        if group.marked or not _APA_OPENS.match(text, group.lines[0][0]):
            out.append(group)
            continue
        lines: list[tuple[int, int]] = []
        label = group.label
        for at, (start, end) in enumerate(group.lines):
            # a second entry's lead has a year of its own, "(2018" or ". 2017", beside the group's (in its first line):
            # a line without one holds none ("Youdas, James W., David A. Krause, ... Rindflesch. 2007." was cut after
            # "David A.", its inner "Krause, Nathan J. ... 2007." taken for a lead), and is not searched at every
            # blank (a lookahead at each blank of every entry was 64M instructions a 1,000 references)
            if len(_YEAR_MARK.findall(text, start, end)) < (2 if at == 0 else 1):
                lines.append((start, end))
                continue
            for cut in _APA_INSIDE.finditer(text, start, end):
                # the entry before the cut has a date of its own: a lead inside a long author list ("Kaptchuk, Ted J.,
                # John M. | Kelley, Aaron Deykin, ... Wechsler. 2008.") ends on an initial's full stop, with no year
                if not _ends_entry(text, start, cut.start()) or (
                        _YEAR_MARK.search(text, lines[0][0] if lines else start, cut.start()) is None):
                    continue
                lines.append((start, cut.start()))
                out.append(_Group(lines, label, False))
                lines, start, label = [], cut.end(), ""
            lines.append((start, end))
        out.append(_Group(lines, label, False))
    return out


def _split_numbered(text: str, group: _Group, number: int) -> list[_Group]:
    """``group``, labelled "[number]", split before each "[number + 1]", "[number + 2]" ... inside its lines."""
    out: list[_Group] = []
    lines: list[tuple[int, int]] = []
    label = group.label
    for start, end in group.lines:
        while (cut := re.compile(rf"[ \t]+\[{number + 1}\][ \t]+").search(text, start, end)) is not None:
            if not _ends_entry(text, start, cut.start()):
                break
            lines.append((start, cut.start()))
            out.append(_Group(lines, label, True))
            lines, start, label, number = [], cut.end(), str(number + 1), number + 1
        lines.append((start, end))
    out.append(_Group(lines, label, True))
    return out


def _ends_entry(text: str, start: int, end: int) -> bool:
    """Does ``text[start:end]`` end as an entry does, with a full stop or a link?"""
    last = _LAST_WORD.search(text, start, end)
    return last is not None and (last.group().endswith(".") or last.group().startswith(("http://", "https://")))


def _opens_like_din(line: str) -> bool:
    """Does ``line`` open as a DIN 1505 or ABNT entry: an inverted name ("KEMFERT, Claudia: ..."), or a body in capitals and its full stop or colon ("WORLD HEALTH ORGANIZATION: Air quality ...")?"""
    return bool(_INVERTED_START.match(line)) or opens_with_capitals_lead(line)


def _indent_of(text: str, start: int) -> int:
    """How far the line holding ``start`` is indented up to ``start``."""
    return start - (text.rfind("\n", 0, start) + 1)


def _starts_new_entry(line: str, so_far: str, first_indent: int, following: str = "") -> bool:
    """Does ``line`` open a new entry after the open one's text ``so_far``? Only after an entry's end (a
    full stop, a link), and only a line that opens as an entry does: its names and year, or names that a
    long author list wraps before the year, on the ``following`` line ("Ward, P. J., ..., Coughlan de" /
    "Perez, E., ... (2015). Usefulness ...")."""
    indent = len(line) - len(line.lstrip())
    if indent > first_indent:
        return False  # a hanging indent continues the entry
    prev = so_far.rstrip()
    if prev[-1:] in INVISIBLE:  # "... Verlag." and a left-to-right mark: the full stop ends it
        prev = prev.rstrip(_INVISIBLE_CHARS).rstrip()
    if not (prev.endswith(_TERMINAL) or _ENDS_WITH_LINK.search(prev)) and not _stray_line_after_an_end(prev):
        return False
    if _names_cut_at_initial(prev):
        return False  # "Wouters, Olivier J., ..., Heidi J." / "Larson, ... and Mark Jit. (2021).": one author list
    if (looks_like_entry_start(line.strip()) or capitals_body_starts_entry(line.strip(), so_far)
            or capitals_person_starts_entry(line.strip(), so_far) or titled_line_starts_entry(line.strip(), so_far)
            or _names_then_bare_year(line.strip())):
        return True
    names = line.strip()
    if _title_then_year(names, following.strip()):
        return True
    if not (following.strip() and _INVERTED_START.match(names)):
        return False
    if line_goes_on(names) or _ENDS_WITH_INITIAL.search(names):  # "..., Andrew J. Pollard, Heidi J." / "Larson, ..."
        return _names_only(names) and _names_then_year(following.strip(), given_names=True)
    # the author list ends its line and the year opens the next: "Black, Richard, ... and David Thomas." / "(2011). ..."
    return names.endswith(".") and _names_only(names[:-1]) and _YEAR_PAREN.match(following.strip()) is not None


_STRAY_LINE = 60  # the most characters of a stray line after an entry's end ("click here to subscribe")


def _stray_line_after_an_end(so_far: str) -> bool:
    """Does the open entry end with a short line in lower case after a line that ended it ("... 1-5.
    https://doi.org/10.1000/xyz" / "click here to subscribe", a web page's leftover)? The next line may open an
    entry then, as after the end itself: else the stray line swallowed the entry after it."""
    body, _, last = so_far.rpartition("\n")
    last = last.strip()
    body = body.rstrip()
    return (bool(body) and 0 < len(last) <= _STRAY_LINE and last[:1].islower()
            and (body.endswith(_TERMINAL) or _ENDS_WITH_LINK.search(body) is not None))


def _next_label_ahead(lines: list[str], at: int, label: str, most: int = 8) -> bool:
    """Does the next line from ``at`` that opens with a list label (within ``most`` lines) open with the label
    after ``label`` ("[2]" after "[1]"; an alpha label after an alpha label)?"""
    for line in lines[at : at + most]:
        marker = _LINE_MARKER.match(line)
        if marker is None:
            continue
        number = marker.group("a") or marker.group("b") or marker.group("c")
        if number and label.isdigit():
            return int(number) == int(label) + 1
        return bool(marker.group("alpha") or marker.group("ay")) and not label.isdigit()
    return False


# ACM's and Chicago's names given name first, then the year: "Chidi Okafor and Oluwaseun Adeyemi. 2021. Mobile ...",
# "Donald E. Knuth. 1997. The Art ...", "Tran Van Hung and Le Thi Lan. 2020."
_NAMES_BARE_YEAR = re.compile(rf"(?P<names>[^\n]{{2,160}}?[^\W\d_]{{2}})\.[ \t]+{_YEAR}[a-z]?\.[ \t]")


def _names_then_bare_year(line: str) -> bool:
    """Does ``line`` open with names, each word a name's (``_NAME_WORD``: capitalised, initials, "and", a particle),
    then a bare year with its full stop (ACM's "Donald E. Knuth. 1997. The Art of ...")? After a finished entry
    (``_starts_new_entry``) that opens an entry whatever the names' order."""
    m = _NAMES_BARE_YEAR.match(line) if line[:1].isupper() else None
    if m is None:
        return False
    words = m.group("names").replace(",", " ").split()
    return 2 <= len(words) <= 16 and all(_NAME_WORD.match(w) for w in words) and not _org_like(m.group("names"))


def _following(lines: list[str], at: int, most: int = 3) -> str:
    """The next lines from ``at``, up to ``most`` and none past a blank one, as one: an author list may
    wrap over two lines before its year ("Cellini, N., Conte, F., ..., Malloggi," / "S., Reyt, M., ..., &"
    / "Ficca, G. (2020b). Changes ...")."""
    taken: list[str] = []
    for line in lines[at : at + most]:
        if not line.strip():
            break
        taken.append(line.strip())
    return " ".join(taken)


def _names_then_year(line: str, given_names: bool = False) -> bool:
    """Does ``line`` go on with names to the entry's year ("Perez, E., ... & Winsemius, H. C. (2015).",
    "Yarleque, C, ... & Sicart, J-E 2018, 'Rapid ...")? ``given_names``: the list's first line was names
    alone, so these need no initials ("Jacob Schewe and Amelia Midgley. (2018).", "Larson, Yot Teerawattananon and
    Mark Jit. (2021).")."""
    head = line[:250]
    year = _YEAR_PAREN.search(head) or _YEAR_ANY.search(head)
    if year is None or year.start() == 0:
        return year is not None
    names = head[: year.start()].rstrip().removesuffix(".")  # the last name's full stop: "... Amelia Midgley. (2018)."
    if given_names:
        return all(_NAME_LINE_WORD.fullmatch(w) for w in names.split())
    return _names_only(names)


def _names_cut_at_initial(so_far: str) -> bool:
    """Is the open entry ``so_far`` an author list yet, cut after a given name's initial ("Wouters, Olivier J., ...,
    Heidi J.")? Names only on its lines, an initial's full stop at its end, and no year read."""
    text = " ".join(so_far.split())
    return (bool(_ENDS_WITH_INITIAL.search(text)) and _YEAR_PAREN.search(text) is None
            and _YEAR_ANY.search(text) is None and _names_only(text.removesuffix(".")))


def _title_then_year(line: str, following: str) -> bool:
    """Does ``line`` hold a whole title-first entry's title, its year opening the next line ("Statement on a
    Mechanism for ... Trade Disputes." / "(2020). World Trade Organization. ...")? A sentence's end closes the line
    and the next opens with the bracketed year and its full stop."""
    year = _YEAR_PAREN.match(following)
    return (year is not None and line[:1].isupper() and line.endswith((".", "?", "!"))
            and following[year.end() : year.end() + 1] in (".", ","))


# a word of a line of names only, as a long APA author list wraps before its year ("Ward, P. J., Jongman, B.,
# ... Coughlan de"): a capitalised name, initials, "&" or "and", a particle
_NAME_LINE_WORD = re.compile(r"[^\W\d_a-z][\w'’\-]*,?|(?:[A-Z]\.)(?:-?[A-Z]\.)*,?|&|and|[a-z]{1,3}")
_INITIALS_WORD = re.compile(r"[A-Z]\.(?:-?[A-Z]\.)*,?|[A-Z]{1,2}(?:-[A-Z])?,")  # "P. J.", Harvard's bare "M,"


def _names_only(line: str) -> bool:
    """Is ``line`` only names, with initials among them (an APA author list cut before its year), or given names
    written out, three names at least, each closed by its comma ("Rigaud, Kanta Kumari, Alex de Sherbinin,")?"""
    words = line.split()
    return (all(_NAME_LINE_WORD.fullmatch(w) for w in words)
            and (any(_INITIALS_WORD.fullmatch(w) for w in words) or sum(w.endswith(",") for w in words) >= 3))


# an entry that ends with a link, or with the piece of a link wrapped onto the next line
# ("https://www.example.com/" + "   abs/v3/p1-9/")
# ... or wrapped over several lines and broken by spaces after its hyphens and slashes, as a PDF's text gives it
# ("https://" + "www.ohchr.org/.../climate-change-" + "asylum-claims", ".../global- report/grid2021/"), or whose last
# line is one word after a line that ends in a link (".../climate" + "change-disasters": the break took its hyphen)
_ENDS_WITH_LINK = re.compile(r"https?://\S+$|https?://\S+\s*\n\s*[\w.~%+\-]*/[\w.~%+/?=&#\-]*$"
                             r"|https?://\S+[-/_.]\s*\n\s*[\w.~%+\-]+$"  # "https://doi.org/10.2112/JCR-D-19-" + "00045.1"
                             r"|https?:/(?:\S*(?:[-/_][ \t]+|[ \t]*\n[ \t]*))+[\w.~%+/?=&#()\-]+$")


def looks_like_entry_start(line: str) -> bool:
    """Does a line open a reference ("Family, Given ... (2019)" or "Title. (2019).")? Invisible
    characters (a bidirectional mark around a name) are not looked at."""
    if _INVISIBLE.search(line, 0, 250):
        line = _INVISIBLE.sub("", line).strip()
    if line[:1] in "—―–-_" and _DASH_START.match(line):  # "———. 2012a. “Narrating China ...": the author again
        return bool(_YEAR_PAREN.search(line[:80]) or _YEAR_BARE.search(line[:80]) or _YEAR_ANY.search(line[:40]))
    if not line or not (line[0].isupper() or line[0].isdigit() or line[0] in "*\"“'‘"):
        return False
    head = line[:250]
    year = _YEAR_PAREN.search(head)
    if year and head[year.end() : year.end() + 1].isalnum():
        year = None  # inside a word: a link's rest, "EPRS_BRI(2018)621893_EN.pdf", is no entry's year
    if year and len(head[: year.start()].split()) <= 30:
        return True
    if _INVERTED_START.match(line) and (_YEAR_BARE.search(head) or _YEAR_ANY.search(head[:120])):
        return True
    if _STANDARD_START.match(head):  # "DIN EN ISO 9001:2015-11: Qualitätsmanagementsysteme", "ISO/IEC 27001:2013."
        return True
    # Chicago's "World Bank. 2019. Leveraging ...", Harvard's "World Bank 2021, Peru: ...": an organisation, the year
    org = _ORG_YEAR_START.match(head)
    return org is not None and _org_like(org.group("lead"))


_DASH_START = re.compile(rf"{DASH}\s*[.,]")
# a standard named by its designation and year, as lists of standards open an entry
_STANDARD_START = re.compile(r"(?:(?:DIN|EN|ISO|IEC|BS|ANSI|ASTM|NF|ÖNORM|SN|CEN|CSA|AS|NZS)[\s/]+)+[A-Z]?\s?\d+"
                             r"(?:[-.]\d+)*:(?:1[89]|20)\d{2}(?:-\d{2})?\b")
# ... its abbreviation after it too: "World Meteorological Organization (WMO). 2020."
_ORG_YEAR_START = re.compile(r"(?P<lead>[A-Z][^.()\d]{1,80}?)(?:\s+\([A-Z][\w&.\- ]{0,15}\))?"
                             r"(?:\.\s+(?:1[5-9]|20)\d{2}[a-z]?\.|\s+(?:1[5-9]|20)\d{2}[a-z]?,)\s")


# --- one entry --------------------------------------------------------------------------------


@dataclass
class _Draft:
    """The mutable state while one entry is read (never leaves this module)."""

    clean: CleanText
    folded: str
    index: Sequence[int]  # the offset in the text of each character of ``folded`` (``_fold``)
    span: Span
    findings: list[Finding] = field(default_factory=list)
    confidence: dict[str, float] = field(default_factory=dict)
    values: dict[str, Any] = field(default_factory=dict)
    rests: list[tuple[int, int]] = field(default_factory=list)  # a cut URL's or DOI's rest, joined to it

    def span_of(self, start: int, end: int) -> Span:
        start, end = max(start, 0), min(end, len(self.folded))
        if end <= start:
            return self.span
        return self.clean.span(self.index[start], self.index[end - 1] + 1)

    def report(self, kind: Kind, severity: Severity, message: str, where: Span | None = None, fix: Fix | None = None):
        self.findings.append(Finding(kind=kind, severity=severity, message=message, fix=fix, span=where or self.span))

    def fix(self, name: str, before: str, after: str, confidence: float = 1.0) -> Fix:
        return Fix(Target.REFERENCE, name, before, after, locations=(self.span,), confidence=confidence)

    def line_break(self, at: int) -> bool:
        """Was the space at ``folded[at]`` a line break of the source (a URL cut there may go on)?"""
        if at + 1 >= len(self.index):
            return False
        return "\n" in self.clean.text[self.index[at] : self.index[at + 1]]


_NON_SPACE = re.compile(r"\S+")


def _fold(text: str, start: int, end: int) -> tuple[str, Sequence[int]]:
    """``text[start:end]`` with each run of whitespace as one space (none at either end), and the
    offset in ``text`` of each character kept (a run's space: the run's first character). A word
    hyphenated at a line break ("interna-\\ntional", or "interna- tional" once the break was pasted
    as a space) is joined again (``_rejoin``). Invisible characters (``INVISIBLE``) are left out, as
    ligatures are written out: the text keeps them, so every offset still points into the file; a
    soft hyphen at a line break joins its word ("Din\\u00ad" + "ge" is "Dinge")."""
    piece = text[start:end]
    invisible = not piece.isascii() and _INVISIBLE.search(piece) is not None  # (every INVISIBLE is beyond ASCII)
    if not invisible and piece == " ".join(piece.split()) and "- " not in piece and "10 . " not in piece:
        return piece, range(start, end)  # already folded (the common case): every character kept (not listed)
    closed = _spaced_doi_gaps(text, start, end) if "10 . " in piece else set()
    parts: list[str] = []
    index: list[int] = []
    previous_end = -1
    goes_on = False  # the word before ended in a soft hyphen: the next one continues it
    for m in _NON_SPACE.finditer(text, start, end):
        word = m.group()
        kept: list[int] = []  # the offsets of a word's visible characters, where it holds invisible ones
        if invisible and _INVISIBLE.search(word):
            kept = [i for i in range(m.start(), m.end()) if text[i] not in INVISIBLE]
            word = "".join(text[i] for i in kept)
            if not word:  # invisible characters alone between spaces: nothing there
                goes_on = goes_on or text[m.end() - 1] == SOFT_HYPHEN
                continue
        line_end = "\n" in text[previous_end : m.start()]
        if goes_on or previous_end in closed:
            joined: str | None = "-"  # "-": joined as it is (nothing to add or take away)
        else:
            joined = _rejoin(parts[-1], word, text, line_end) if parts else "-"  # "-": nothing between
        if joined == "":  # a soft hyphen: the word goes on without it
            parts[-1] = parts[-1][:-1]
            index.pop()
        elif joined is None:
            parts.append(" ")
            index.append(previous_end)
        parts.append(word)
        index.extend(kept if kept else range(m.start(), m.end()))
        previous_end = m.end()
        goes_on = text[m.end() - 1] == SOFT_HYPHEN
    return "".join(parts), index


# biblatex prints a DOI through \url, whose breakpoints after "." and "/" a PDF's text gives as spaces:
# "doi: 10 . 1038 / nature13462", "10 . 1016 / j . cell . 2019 . 01 . 002"
_SPACED_DOI = re.compile(r"\bdoi:?\s*10 \. \d{4,9}\s/\s*[^\s\"<>]+(?:\s[./]\s[^\s\"<>]+)*", re.IGNORECASE)


def _spaced_doi_gaps(text: str, start: int, end: int) -> set[int]:
    """Where the spaces inside a DOI written so (``_SPACED_DOI``) start: the DOI is read whole."""
    gaps: set[int] = set()
    for m in _SPACED_DOI.finditer(text, start, end):
        label = re.match(r"doi:?\s*", m.group(), re.IGNORECASE)
        at = m.start() + (label.end() if label else 0)
        gaps.update(at + gap.start() for gap in re.finditer(r"\s+", text[at:m.end()]))
    return gaps


_BROKEN_WORD = re.compile(r"(?P<left>[^\W\d_]{2,})-$")  # a word cut at its end ("interna-", "(Devel-")
_NEXT_WORD = re.compile(r"^(?P<right>[^\W\d_]+)")
_URL_REST = re.compile(r"/|^[\w-]+\.(?:html?|php|aspx?|jsp|pdf|xml|json|txt|csv)(?![\w/])")  # a path's, a file's
_SUSPENDED = frozenset("and or to nor und oder et ou y o e".split())  # "pre- and post-war"
_HYPHEN_PREFIXES = frozenset("self non co well ex quasi cross half all".split())  # "well-\\nknown"


def _rejoin(before: str, word: str, text: str, line_end: bool = False) -> str | None:
    """How the token ``before`` (ending in "-") and the next one ``word`` join across the space or
    line break between them: "" (a soft hyphen, dropped: "interna-" + "tional"), "-" (a real hyphen:
    "well-" + "known", a form the document writes hyphenated elsewhere, or a capital on the next
    line, ``line_end``: "Addison-" + "Wesley", as a PDF's lines break a compound), or None (no join:
    "pre- and", a capital after a space, a URL or a number)."""
    if before[-1:] in "–—-" and before[-2:-1].isdigit() and word[:1].isdigit() and "/" not in before:
        return "-"  # a number range wrapped after its dash ("221–" + "234."): joined without a space
    cut = _BROKEN_WORD.search(before) if before.endswith("-") else None
    if cut and line_end and word[:1].isdigit() and "/" not in before:
        return "-"  # no word is hyphenated before a digit: a compound's own hyphen ("COVID-" + "19", "SARS-CoV-" + "2")
    after = _NEXT_WORD.match(word) if cut else None
    if not cut or not after or "/" in before or after["right"].lower() in _SUSPENDED:
        return None
    if _URL_REST.search(word):  # a URL's words spaced out by the PDF's breakpoints: "…/city- heat- islands.html"
        return "-"
    if before.count("-") >= 3 or word.count("-") >= 2:  # a slug's words, a URL's line without its "/": "...-accord-on-
        return "-"  # pandemic-" + "prevention-preparedness-and-response" (and prose's "state-of-the-" + "art")
    if not after["right"][0].islower():  # a capital after a space goes on a name ("Sang- Hun"), which the
        return "-" if line_end and after["right"][0].isupper() else None  # name reader repairs and reports
    left, right = cut["left"], after["right"]
    if left.lower() in _HYPHEN_PREFIXES or f"{left}-{right}".lower() in _lowered(text):
        return "-"
    return ""


@lru_cache(maxsize=4)
def _lowered(text: str) -> str:
    """The document in lower case, made once (a str keeps its hash, so the lookup is cheap)."""
    return text.lower()


def _marker(text: str, entry: Entry) -> str:
    """The number an entry of a numbered list is written with ("[28]", "28."), or ""."""
    if not entry.label.isdigit():  # none, or an alpha label ("[Knu84]"), which the tagger never learnt
        return ""
    return text[text.rfind("\n", 0, entry.start) + 1 : entry.start].strip()


def _tag(folded: str, marker: str) -> list:
    """The tagger's reading of an entry. A numbered entry is tagged with its number in front, as the
    tagger learnt IEEE and Vancouver entries ("[28] Wikipedia contributors, ..." reads the lead as
    the author; without "[28]" it took it for the title); the number's own tokens are left out."""
    if not marker:
        return load_tagger().tag(folded)
    shift = len(marker) + 1
    return [t._replace(start=t.start - shift, end=t.end - shift)
            for t in load_tagger().tag(f"{marker} {folded}") if t.start >= shift]


# an entry longer than any reference, a page of prose or a megabyte-long line, is read by the rules alone: the
# tagger's features of a 5 MB line took 3 GB and 20 s, for no reading a reference's fields could use
_TAGGED_AT_MOST = 20_000


def parse_entry(clean: CleanText, entry: Entry, use_tagger: bool = True) -> Reference:
    folded, index = _fold(clean.text, entry.start, entry.end)
    if not folded:
        raise ValueError("empty reference entry")
    draft = _Draft(clean, folded, index, clean.span(index[0], index[-1] + 1))
    masked = _take_links(draft, folded)
    masked = _take_doi(draft, masked)
    masked = _take_access(draft, masked)
    masked = _take_isbn(draft, masked)
    masked = _take_series(draft, masked)
    masked = _take_identifiers(draft, masked)
    masked = _masked_extras(masked)
    masked = _take_original_date(draft, masked)
    masked, roles = _take_roles(masked)
    masked = mask_dash_role(masked)  # "———, ed." is read as "———." (``resolve_repeated_authors`` gives the role)
    ellipsis = (_AUTHOR_ELLIPSIS.search(masked, 0, 2000)  # APA 7's 21+ authors: "S., . . . Ye, Z."
                if ". ." in masked or "…" in masked else None)
    if ellipsis:
        masked = _mask(masked, ellipsis.start(), ellipsis.end())
    normalised = len(draft.findings)  # findings of the pre-normalisation (URLs, DOIs) hold for every reading
    lead, rest, lead_start, rest_start = _split_at_year(draft, masked)
    segments = split_segments(rest, rest_start)
    draft.values["authors"], draft.values["editors"] = _read_lead(draft, lead, lead_start, segments)
    _give_roles(draft, roles)
    year_span = draft.values.pop("_year_span", None)
    # the tagger misreads a bracket of roles (an edition alone, "(3rd ed.)", it knows)
    tag_text = _mask(folded, roles.start, roles.end) if roles and (roles.editors or roles.translators) else folded
    tag_text = mask_dash_role(tag_text)  # ... and a role after the repeated-author dash
    tag_text = _masked_extras(tag_text, archived=False)  # ... and an ISSN
    identifiers = draft.values.pop("_identifiers", [])
    series = draft.values.pop("_series", None)
    if series is not None:  # ... and a book's series bracket, "(= edition suhrkamp, Bd. 1365)"
        tag_text = _mask(tag_text, series[0], series[1])
    for start, end, _ in identifiers:  # ... and Wikipedia's identifiers, kept for the note
        tag_text = _mask(tag_text, start, end)
    original_span = draft.values.pop("_original_span", None)
    if original_span is not None:  # ... and Chicago's "(1912)" before the year of the edition used
        tag_text = _mask(tag_text, original_span[0], original_span[1])
    tag_text = english_no_date(tag_text)  # ... and another language's "n.d.", "(o. J.)", "S. d."
    tag_text = english_editor_marks(tag_text)  # ... and its editor's mark, "(Hrsg.)", "(dir.)", "(org.)"
    tag_text = english_container_marks(tag_text)  # ... and its "Dans :", "sous la dir. de", "hrsg. v."
    if mentions(tag_text, _FOREIGN_LINK_LABEL_WORDS):  # ... and its "Online verfügbar unter", "Disponível em"
        for label in _FOREIGN_LINK_LABELS.finditer(tag_text):
            tag_text = _mask(tag_text, label.start(), label.end())
    if ellipsis:  # ... and the ellipsis
        tag_text = _mask(tag_text, ellipsis.start(), ellipsis.end())
    for rest_start, rest_end in draft.rests:  # ... and the rest of a URL or DOI a line break cut
        tag_text = _mask(tag_text, rest_start, rest_end)
    original = draft.values.pop("_original_span", None)
    if original is not None:  # ... and Chicago's first year, "[1897] 1951.", before the year
        tag_text = _mask(tag_text, original[0], original[1])
    tagged = _tag(tag_text, _marker(clean.text, entry)) if use_tagger and len(tag_text) <= _TAGGED_AT_MOST else None
    if _rest_read_by_rules(draft, masked, tagged, year_span):
        _read_segments(draft, segments)
        _check_markup(draft, masked)
        _check_completeness(draft, bool(draft.values["authors"] or draft.values["editors"]))
    decision = decide(folded, tagged, draft.values, draft.confidence, year_span) if tagged is not None else None
    if decision is not None:
        lead_translators = draft.values.get("translators", ()) if not draft.values.get("authors") else ()
        draft.values, draft.confidence = decision.values, decision.confidence
        if decision.mode == "tagger":
            _fallback_year(draft, masked)
            _reread_checks(draft, masked, normalised)
            _give_roles(draft, roles)
            _keep_lead_translators(draft, lead_translators)
    _read_own_shape(draft, masked, normalised)
    _read_media_roles(draft, masked, normalised)
    values = draft.values
    if series is not None:
        values["series"] = series[2]
        values["number"] = values.get("number") or series[3]
    read_details(values, folded, masked)
    pubmed = _pubmed_identifiers(identifiers)
    identifiers = [i for i in identifiers if not _PUBMED_IDENTIFIER.match(i[2])]
    if identifiers:
        values["note"] = "; ".join(n for n in (str(values.get("note") or "").strip(" .;"), ". ".join(i for _, _, i in identifiers)) if n)
    if values.get("publisher"):  # "Longmans, Green, and Co.": the readers drop the stop ending the field
        values["publisher"] = keep_abbreviation_stop(str(values["publisher"]), folded)
    if values.get("place"):  # "Washington, D.C.", "St. Louis, Mo."
        values["place"] = keep_place_stop(str(values["place"]), folded)
    fields = dict(
        raw=folded,
        span=draft.span,
        authors=tuple(values.get("authors", ())),
        editors=tuple(values.get("editors", ())),
        year=values.get("year"),
        year_suffix=values.get("year_suffix", ""),
        no_date=values.get("no_date", False),
        title=values.get("title", ""),
        container=values.get("container", ""),
        publisher=values.get("publisher", ""),
        place=values.get("place", ""),
        volume=values.get("volume", ""),
        issue=values.get("issue", ""),
        pages=values.get("pages", ""),
        edition=values.get("edition", ""),
        urls=tuple(values.get("urls", ())),
        doi=values.get("doi", ""),
        isbn=values.get("isbn", ""),
        accessed=values.get("accessed", ""),
        note=values.get("note", ""),
        extra=tuple((k, str(v)) for k, v in (("label", entry.label), ("doi_fragment", values.get("doi_fragment", "")),
                                             ("pubstate", values.get("pubstate", "")),
                                             ("date", values.get("date") or publication_date(masked, values.get("year"))),
                                             ("origdate", values.get("origdate", "")),
                                             ("eventdate", values.get("eventdate", "")),
                                             ("type", values.get("thesis_genre") or values.get("presentation_genre")
                                              or values.get("media_genre", "")),
                                             ("editortype", values.get("editortype", "")),
                                             ("number", values.get("number", "")),
                                             ("version", values.get("version", "")),
                                             ("eprint", values.get("arxiv", "")),
                                             ("eprinttype", "arxiv" if values.get("arxiv") else ""),
                                             ("translator", names_text(values.get("translators", ()))),
                                             ("pmid", pubmed.get("pmid", "")), ("pmcid", pubmed.get("pmcid", "")),
                                             ("series", values.get("series", ""))) if v),
    )
    ref = make_reference(**fields)
    entry_type, type_confidence = classify(ref, title_italic=bool(values.get("title_italic")), kind=values.get("kind", ""))
    if decision is not None and decision.mode == "tagger" and values.get("kind") not in _SAID_KINDS:
        entry_type, type_confidence = classify_tagged(ref, str(values.get("genre", "")), (entry_type, type_confidence))
    draft.confidence["type"] = type_confidence
    ref = _pages_as_page_count(ref, entry_type)
    _report_low_confidence(draft, ref)
    confidence = tuple(sorted(draft.confidence.items()))
    return replace_reference(ref, type=entry_type, field_confidence=confidence, findings=tuple(draft.findings))


# a book's or thesis's number of pages, where a part's pages would go: Vancouver's "2005. 240 p.", French "248p",
# German "312 S.", with the front matter's roman count before it ("xii, 240 p.", "xii + 240 pp.")
_PAGE_COUNT: Final = re.compile(r"(?:[ivxlc]+\s*[,+]\s*)?(\d+)\s*(?:pp?|S|s|pages|str)\.?", re.IGNORECASE)


def _pages_as_page_count(ref: Reference, entry_type: EntryType) -> Reference:
    """A whole book's or thesis's "240 p." is its number of pages (biblatex's ``pagetotal``, CSL's
    ``number-of-pages``), not the pages of a part: ``pages = {240 p}`` printed "p. 240 p"."""
    if entry_type not in (EntryType.BOOK, EntryType.THESIS) or not ref.pages:
        return ref
    count = _PAGE_COUNT.fullmatch(ref.pages.strip())
    if count is None:
        return ref
    return replace_reference(ref, pages="", extra=(*ref.extra, ("pagetotal", count.group(1))))


def _read_own_shape(draft: _Draft, masked: str, normalised: int) -> None:
    """Chicago's interview ("Smith, Ida. Interview by John Doe. July 3, 1975. Transcript. ..."), a legal
    case ("Brown v. Board of Education, 347 U.S. 483 (1954)."), MLA's film listed under its title
    ("*Beloved*. Directed by Jonathan Demme, ..."), a GOST entry ("Иванов И. И. Экономика. – Москва :
    Юрайт, 2019.") and one in Chinese or Japanese characters ("山田太郎. 人口減少社会の行方. 東京大学出版会,
    2018.") and a standard listed under its designation ("DIN EN ISO 9001:2015-11: Qualitätsmanagementsysteme."),
    which both readings misread, read from their own words (``interview_entries``, ``legal_cases``,
    ``media_entries``, ``gost_entries``, ``cjk_entries``, ``standard_entries``); its links, DOI and access date
    stay the entry's, and its shape is checked anew."""
    interview = (read_interview(masked) or read_legal_case(masked) or read_titled_film(masked) or read_gost_entry(masked)
                 or read_cjk_entry(masked) or read_standard_entry(masked))
    if interview is None:
        return
    keep = {k: v for k, v in draft.values.items() if k in ("urls", "doi", "accessed", "isbn", "doi_fragment", "origdate")}
    draft.values = {**interview, **keep}
    for name in ("authors", "editors", "title", "year", "container", "publisher", "place", "note", "volume", "pages"):
        if interview.get(name):
            draft.confidence[name] = 0.9
    _reread_checks(draft, masked, normalised)


def _read_media_roles(draft: _Draft, masked: str, normalised: int) -> None:
    """A film's director, a podcast's host named with their role (APA's "Jenkins, B. (Director).",
    Chicago's "Demme, Jonathan, dir."), and APA's genre ("[Film]", "[TV series episode]"): the names in
    their role and the entry's kind (``media_entries``); the rest of the reading stands."""
    if draft.values.get("kind"):
        return
    media = read_media_roles(draft.values, masked)
    if media is None:
        return
    for name in ("authors", "editors", "title", "note"):
        if media.get(name) != draft.values.get(name) and media.get(name):
            draft.confidence[name] = 0.9
    draft.values = media
    _reread_checks(draft, masked, normalised)


def _rest_read_by_rules(
    draft: _Draft, masked: str, tagged: list[TaggedToken] | None, year_span: tuple[int, int] | None
) -> bool:
    """Is the rules' reading of the entry after its lead used? Always without the tagger; with it,
    when ``decide`` may keep the rules' reading, or for an incomplete DOI that reading may find (the
    tagger's reading keeps only the rules' URLs, DOI and DOI fragment, and checks the entry anew)."""
    if tagged is None:
        return True
    return rules_may_win(draft.folded, tagged, draft.values, year_span) or _may_hold_doi_fragment(draft, masked)


_DOT_DIGITS = re.compile(r"\.\d{3}")


def _may_hold_doi_fragment(draft: _Draft, masked: str) -> bool:
    """Could ``_read_segments`` find an incomplete DOI (``find_doi_fragment``) in this entry? Not when
    it has a DOI, nor without "doi" or a full stop before three digits (markup marks aside, which
    ``strip_markup`` may remove from between them): every fragment pattern needs one of the two."""
    if draft.values.get("doi"):
        return False
    bare = masked.replace("*", "").replace("_", "").replace("\\", "")
    return mentions(bare, ("doi",)) or bool(_DOT_DIGITS.search(bare))


# not a decade: "Fiction of the 1980s", "the 1990's" (a year the entry is about, not its date)
_LONE_YEAR = re.compile(r"(?<![\d.,:\-–])((?:1[5-9]|20)\d{2})(?![\d\-–]|\.\d|,\d|[’']?s\b)")


def _fallback_year(draft: _Draft, masked: str) -> None:
    """Neither reading found a year: take the first year-like number of the entry (outside its
    links, DOI and access date, which ``masked`` hides; not part of a page range or a larger
    number), at a confidence that reports it for review. Chicago's "London: Continuum, 2010.",
    "[May 2015]" and "2007年" are years the tagger sometimes leaves unlabelled."""
    values = draft.values
    if values.get("year") is not None or values.get("no_date"):
        return
    m = _LONE_YEAR.search(masked)
    if m:
        values["year"] = int(m.group(1))
        draft.confidence["year"] = FALLBACK_YEAR_CONFIDENCE


def _reread_checks(draft: _Draft, masked: str, normalised: int) -> None:
    """The tagger's reading replaced the rules': their findings about the entry's shape no longer hold."""
    del draft.findings[normalised:]
    values = draft.values
    if values.get("year") is None and not values.get("no_date"):
        draft.report(Kind.MALFORMED_REFERENCE, Severity.WARNING, "reference has no year (nor n.d.)")
    _check_markup(draft, masked)
    _check_completeness(draft, bool(values.get("authors") or values.get("editors")))


_REVIEWED_FIELDS = (
    "authors", "editors", "year", "title", "container", "publisher", "place", "volume", "issue", "pages", "edition",
)


def _report_low_confidence(draft: _Draft, ref: Reference) -> None:
    """A field the parser is unsure of is reported for review rather than silently trusted."""
    for name in _REVIEWED_FIELDS:
        conf = draft.confidence.get(name)
        value = getattr(ref, name)
        if conf is None or conf >= LOW_CONFIDENCE or value in ("", (), None):
            continue
        shown = "; ".join(n.sort_name for n in value) if isinstance(value, tuple) else value
        message = f"low confidence in the {name} field ({conf:.2f}): {shown!r}; please check it"
        draft.report(Kind.LOW_CONFIDENCE_FIELD, Severity.INFO, message)


def _mask(text: str, start: int, end: int) -> str:
    return text[:start] + " " * (end - start) + text[end:]


# a Markdown link's text that only names the link ("[archived copy](...)", "[PDF](...)"), no part of the work
_LINK_NAME = re.compile(r"^\W*(?:archived?|copy|link|here|pdf|html|online|web|url|doi|full text|available)\b",
                        re.IGNORECASE)


def _mask_link(text: str, start: int, end: int) -> str:
    """``text`` with the URL found at ``start:end`` masked; of a Markdown link ``[Title](url)`` only
    the brackets and the target, so its text stays the entry's words ("Link, L. (2016). [A linked
    page](http://...)." has a title), unless that text is a URL or only names the link."""
    label_end = text.rfind("](", start, end) if text[start] == "[" else -1
    label = text[start + 1 : label_end] if label_end > start else ""
    if len(label.split()) < 2 or _LINK_NAME.match(label) or re.match(r"\s*(?:https?://|www\.)", label):
        return _mask(text, start, end)
    return _mask(_mask(text, label_end, end), start, start + 1)


def _take_links(draft: _Draft, text: str) -> str:
    urls: list[Url] = []
    for found in extract_urls(text, draft.line_break):
        doi = locate_doi(found.repaired)
        if doi and re.search(r"doi\.org/", found.repaired, re.IGNORECASE):
            draft.values.setdefault("doi", doi.doi)
        else:
            urls.append(found.url)
        cut = text.find(" ", found.start, found.end) if " " in found.url.raw else -1
        if cut > found.start and found.changes[:1] and found.changes[0].startswith("joined a URL cut"):
            draft.rests.append((cut, found.end))  # "…/annual." + "2019/summary.pdf": the tagger reads no rest
        if found.changes:
            raw_at = text.find(found.url.raw, found.start, found.end)
            at, until = (raw_at, raw_at + len(found.url.raw)) if raw_at >= 0 else (found.start, found.end)
            message = f"URL repaired ({'; '.join(found.changes)}): {found.url.raw} -> {found.repaired}"
            fix = draft.fix("url", found.url.raw, found.repaired)
            draft.report(Kind.URL_REPAIRED, Severity.INFO, message, draft.span_of(at, until), fix)
        _report_spaced_rest(draft, text, found.start, found.end, found.repaired)
        _report_cut_rest(draft, text, found.start, found.end, "URL", found.repaired)
        text = _mask_link(text, found.start, found.end)
    for found in schemeless_urls(text):  # MLA's "site.com/path", once the full URLs are masked
        urls.append(found.url)
        text = _mask(text, found.start, found.end)
    draft.values["urls"] = urls = _with_snapshots(urls)
    if urls:
        draft.confidence["urls"] = 1.0
    return text


def _report_spaced_rest(draft: _Draft, text: str, start: int, end: int, url: str) -> None:
    """A URL followed by words that read as the rest of its path ("…/slug-name with underscores.html"):
    cut at spaces, which a PDF's text may hold where the URL had underscores (pypdf cannot give them
    back: pdflatex's ``\\url`` draws them as rules). Said, not guessed: "_", "-" or "%20" may be meant."""
    rest = spaced_rest(text, start, end) if re.match(r"(?:https?://|www\.)", text[start:end], re.IGNORECASE) else ""
    if not rest:  # a bare URL only: a link's or an autolink's end is marked
        return
    at = text.find(rest, end)
    joined = url + "_" + "_".join(rest.split())
    message = (f"URL looks cut at a space: {url} is followed by {rest!r}, which reads as the rest of its path "
               f"(a PDF's text shows a URL's underscores as spaces: {joined}?); check the URL")
    draft.report(Kind.MALFORMED_REFERENCE, Severity.WARNING, message, draft.span_of(start, at + len(rest)))


def _report_cut_rest(draft: _Draft, text: str, start: int, end: int, what: str, value: str) -> None:
    """A URL or DOI cut at a line end before a word that reads as its rest ("…/" + "coronavirus"), where
    more text follows that word, so that joining them is a guess: said, not guessed."""
    rest = cut_rest(text, start, end, draft.line_break)
    if rest:
        message = (f"{what} looks cut at a line end: {value} is followed on the next line by {rest!r}, which may be "
                   f"its rest ({value}{rest}?); check the {what}")
        draft.report(Kind.MALFORMED_REFERENCE, Severity.WARNING, message, draft.span_of(start, end + 1 + len(rest)))


def _with_snapshots(urls: list[Url]) -> list[Url]:
    """One record per address: an archived copy of an address the entry also gives (Wikipedia's
    "Archived from the original", its link beside the original's) is that address's snapshot."""
    merged: list[Url] = []
    for url in urls:
        same = next((i for i, m in enumerate(merged) if m.url == url.url), None)
        if same is None:
            merged.append(url)
        elif merged[same].snapshot is None and url.snapshot is not None:
            merged[same] = replace(merged[same], snapshot=url.snapshot)
    return merged


def _take_doi(draft: _Draft, text: str) -> str:
    found = locate_doi(text, draft.line_break)
    if not found:
        return text
    draft.values.setdefault("doi", found.doi)
    draft.confidence["doi"] = 1.0
    if found.joined:  # "doi:10.1073/pnas.18175" + "61116": the line break was no space of the DOI
        draft.rests.append((found.end - len(found.joined), found.end))
        cut = found.doi[: -len(found.joined)]
        how = "after a full stop inside it" if cut.endswith(".") else "before its rest, the entry's last word"
        message = f"DOI repaired (joined a DOI cut at a line end {how}): {cut} {found.joined} -> {found.doi}"
        fix = draft.fix("doi", f"{cut} {found.joined}", found.doi)
        draft.report(Kind.URL_REPAIRED, Severity.INFO, message, draft.span_of(found.start, found.end), fix)
    else:
        _report_cut_rest(draft, text, found.start, found.end, "DOI", found.doi)
    return _mask(text, found.start, found.end)


class _Bracket(NamedTuple):
    """What APA's bracket after the title gives, and where it is in the entry."""

    editors: tuple[Name, ...]
    translators: tuple[Name, ...]
    edition: str
    start: int
    end: int


def _take_roles(text: str) -> tuple[str, _Bracket | None]:
    """APA's bracket after the title, of roles ("(J. Strachey, Trans.)") and an edition ("(2nd ed.)"):
    the text without it, and what it gives (None: the entry has none)."""
    for m in _APA_BRACKET.finditer(text) if "(" in text else ():
        editors: tuple[Name, ...] = ()
        translators: tuple[Name, ...] = ()
        edition = ""
        for part in (p.strip() for p in m.group("inner").split(";")):
            role = _APA_ROLE.match(part)
            if _APA_EDITION.match(part):
                edition = edition_of(part)
            elif role:
                names = editors_of(role.group("names"))
                kind = role.group("role")
                editors = names if "Ed" in kind else editors
                translators = names if "Trans" in kind else translators
            else:
                break
        else:
            return _mask(text, m.start(), m.end()), _Bracket(editors, translators, edition, m.start(), m.end())
    return text, None


def _give_roles(draft: _Draft, bracket: _Bracket | None) -> None:
    """The editors, translators and edition of APA's bracket, where no reading gave any."""
    if bracket is None:
        return
    for name, value in (("editors", bracket.editors), ("translators", bracket.translators), ("edition", bracket.edition)):
        if value and not draft.values.get(name):
            draft.values[name] = value
            draft.confidence[name] = 1.0


def _keep_lead_translators(draft: _Draft, translators: tuple[Name, ...]) -> None:
    """The translators the lead named ("Wilson, Emily, trans."), which the tagger reads as editors
    or authors: they stay translators, and no other role of theirs."""
    if not translators:
        return
    draft.values["translators"] = translators
    for role in ("authors", "editors"):
        draft.values[role] = tuple(n for n in draft.values.get(role, ()) if n not in translators)


def _take_isbn(draft: _Draft, text: str) -> str:
    """An ISBN the entry gives ("ISBN 978-0-230-57408-9."): the ``isbn`` field, out of the text the
    rules read on (it was left in the note)."""
    m = _ISBN.search(text) if mentions(text, ("isbn",)) else None
    digits = re.sub(r"[\s-]", "", m.group("isbn")) if m else ""
    if not m or len(digits) not in (10, 13):
        return text
    draft.values["isbn"] = re.sub(r"\s+", "-", m.group("isbn").strip())
    draft.confidence["isbn"] = 1.0
    return _mask(text, m.start(), m.end())


# a book's series in a bracket that ends the entry, as German lists give it: "(= edition suhrkamp, Bd. 1365)",
# "(Studien zur Soziologie; 12)", "(Reihe Politik, Band 3)", "(Lecture Notes in Computer Science, vol. 1234)"
_SERIES = re.compile(r"\s\((?:=\s*(?P<marked>[^()=;]{2,80}?)|(?P<plain>[^()=;,]{2,80}?))\s*(?:,\s*(?:Bd\.|Band|Nr\.|Heft|vol\.|no\.)|;)"
                     r"\s*(?P<number>\d[\w.-]*)\)\.?\s*$")


def _take_series(draft: _Draft, text: str) -> str:
    """A book's series bracket at the entry's end (``_SERIES``): its ``series`` and number, out of the text the rules
    and the tagger read (the bracket took the place and publisher before it with it, or was read as a title)."""
    m = _SERIES.search(text) if text.rstrip(" .").endswith(")") else None
    if m is None:
        return text
    name = (m.group("marked") or m.group("plain") or "").strip()
    if not name or not name[:1].isalpha():
        return text
    draft.values["_series"] = (m.start(), m.end(), name, m.group("number"))
    return _mask(text, m.start(), m.end())


# the identifiers Wikipedia's citation templates write after a work: "Bibcode:2008Wthr...63..153M", "PMID 25832402",
# "PMC 3001234", "S2CID 4454786", "JSTOR 40931234", "OCLC 12345678", "hdl:10125/1234"
# ... and PubMed's "PMID: 29405270", "PMCID: PMC5812345" (PLOS writes "pmid:26003380"), whose numbers are the
# entry's ``pmid`` and ``pmcid``
_WIKI_IDENTIFIER = re.compile(
    r"(?<![\w-])(?:Bibcode:\s?\d{4}[\w&.]{14}[\w.]|(?:(?i:pmid|pmcid)|PMC|S2CID|JSTOR|OCLC):?\s?(?:PMC)?\d{3,12}"
    r"|hdl:\s?\d[\w./-]*\w)(?=[.,;]?(?:\s|$))")
_PUBMED_IDENTIFIER = re.compile(r"^(?P<kind>(?i:pmid|pmcid)|PMC):?\s?(?P<value>(?:PMC)?\d{3,12})$")
_WIKI_IDENTIFIER_WORDS = ("bibcode", "pmid", "pmc", "s2cid", "jstor", "oclc", "hdl:")


def _pubmed_identifiers(identifiers: list[tuple[int, int, str]]) -> dict[str, str]:
    """PubMed's identifiers among an entry's ``identifiers``: "PMID: 29405270" its ``pmid``, "PMCID: PMC5812345" or
    "PMC 5812345" its ``pmcid`` (written "PMC5812345", as CSL's PMCID and RIS's C2 have it)."""
    found: dict[str, str] = {}
    for _, _, written in identifiers:
        m = _PUBMED_IDENTIFIER.match(written)
        if m is None:
            continue
        value = m.group("value")
        if m.group("kind").upper() == "PMID":
            found.setdefault("pmid", value)
        else:
            found.setdefault("pmcid", value if value.startswith("PMC") else f"PMC{value}")
    return found


def _take_identifiers(draft: _Draft, text: str) -> str:
    """Wikipedia's identifiers after a work (``_WIKI_IDENTIFIER``): kept in the note, out of the text the rules and
    the tagger read (a "Bibcode:2008Wthr..." was read as a place and a publisher, a "JSTOR 40931234" dropped)."""
    if not mentions(text, _WIKI_IDENTIFIER_WORDS):
        return text
    found = list(_WIKI_IDENTIFIER.finditer(text))
    if not found:
        return text
    draft.values["_identifiers"] = [(m.start(), m.end(), m.group(0)) for m in found]
    for m in found:
        text = _mask(text, m.start(), m.end())
    return text


# what an entry gives beside its work and no field holds: a serial's ISSN (Wikipedia's "The New York Times.
# ISSN 0362-4331.", not a volume and issue), the date a copy was archived ("Archived from the original on 2
# April 2019.", not the work's date)
_EXTRAS = re.compile(r"\bISSN:?\s*\d{4}-?\d{3}[\dXx]\b[.,;]?"
                     rf"|\bArchived\s+from\s+the\s+original\s+on\s+(?:\d{{1,2}}\s+{MONTH}\s+\d{{4}}|{MONTH}\s+\d{{1,2}},?\s+\d{{4}}"
                     r"|\d{4}-\d{2}-\d{2})[.,;]?", re.IGNORECASE)


def _masked_extras(text: str, archived: bool = True) -> str:
    """``text`` with an ISSN and (``archived``) an archive's date blanked (``_EXTRAS``), offsets kept."""
    if not mentions(text, ("issn", "archived") if archived else ("issn",)):
        return text
    for m in _EXTRAS.finditer(text):
        if archived or m.group(0)[:1] in "Ii":
            text = _mask(text, m.start(), m.end())
    return text


def _take_original_date(draft: _Draft, text: str) -> str:
    """The year a republished work first came out: biblatex's ``origdate``, out of the text the
    rules read (it is not a note, nor the year): APA's "(Original work published 1962)", Chicago's "[1899] 1996."."""
    m = _ORIGINAL.search(text) if mentions(text, ("published",)) else None
    if not m:
        if "[" not in text and "(" not in text:
            return text
        before = _ORIGINAL_BEFORE.search(text, 0, 300)  # "Du Bois, W. E. B. [1899] 1996."
        if before is None:
            return _take_bracketed_original(draft, text)  # "1990 [1925]", "Durkheim, Émile, (1912) 1995."
        draft.values["origdate"] = before.group("year") or before.group("paren")
        draft.values["_original_span"] = (before.start(), before.end())
        return _mask(text, before.start(), before.end())
    draft.values["origdate"] = m.group("year")
    return _mask(text, m.start(), m.end())


# the year first published beside the year of the edition used: AAA's and Chicago's "1990 [1925]" (the text keeps
# it: the year is read as before) and Chicago's "(1912) 1995." after the names (masked: the year is 1995)
_BRACKETED_ORIGINAL = re.compile(rf"(?<![\d\[])(?P<year>{_YEAR})\s\[(?P<original>1[0-9]\d\d)\](?=[\s.),])")
_ORIGINAL_FIRST = re.compile(rf"(?<=[.,])\s\((?P<original>1[0-9]\d\d)\)(?=\s(?P<year>{_YEAR})\.(?:\s|$))")


def _take_bracketed_original(draft: _Draft, text: str) -> str:
    """``text`` with Chicago's "(1912)" before the year masked; an original year, earlier than the
    year, is the entry's ``origdate`` (biblatex; CSL ``original-date``)."""
    head = text[:300]
    found = _BRACKETED_ORIGINAL.search(head) if " [1" in head else None
    if (found is not None and int(found.group("original")) < int(found.group("year"))
            and not _YEAR_ANY.search(head, 0, found.start())):  # the entry's date, its first year; not a title's
        draft.values["origdate"] = found.group("original")
        return text
    first = _ORIGINAL_FIRST.search(head) if ") 1" in head or ") 2" in head else None
    if first is not None and int(first.group("original")) < int(first.group("year")):
        draft.values["origdate"] = first.group("original")
        draft.values["_original_span"] = (first.start(), first.end())
        return _mask(text, first.start(), first.end())
    return text


def _an_access(m: re.Match[str]) -> bool:
    """Is an ``_ACCESS`` match an access phrase: with its date, "Retrieved from", or bracketed ("[cited 2019 Mar
    22]", "[Accessed]"); not a title's word alone ("*Never Cited Book*", "Viewed from Below" is one still)."""
    return bool(m.group("date")) or m.group().lstrip()[:1] in "[(" or re.search(r"\bfrom\b", m.group(), re.IGNORECASE) is not None


def _accesses(text: str) -> Iterator[re.Match[str]]:
    """``_ACCESS.finditer(text)``; in ASCII text the pattern tried only where one of its words starts, or at a
    bracket before one (the finditer tried it at every character, 100,000 instructions an entry)."""
    if not text.isascii():  # (where the lower case may not keep each character's place)
        yield from _ACCESS.finditer(text)
        return
    lowered = text.lower()
    starts: set[int] = set()
    for word in _ACCESS_WORDS:
        at = lowered.find(word)
        while at >= 0:
            starts.add(at)
            if text[at - 1 : at] in ("[", "("):
                starts.add(at - 1)
            at = lowered.find(word, at + 1)
    yield from matches_from(_ACCESS, text, starts)


def _take_access(draft: _Draft, text: str) -> str:
    if mentions(text, _LINK_LABEL_WORDS):
        for label in _LINK_LABEL.finditer(text):
            text = _mask(text, label.start(), label.end())
    m = next((a for a in _accesses(text) if _an_access(a)), None) if mentions(text, _ACCESS_WORDS) else None
    if not m:
        foreign = foreign_access(text)  # "abgerufen am 12. März 2022", "consulté le 15 janvier 2022" ...
        if foreign is None:
            return text
        start, end, draft.values["accessed"] = foreign
        draft.confidence["accessed"] = 1.0
        return _mask(text, start, end)
    if m.group("date"):
        draft.values["accessed"] = iso_date(m.group("date"))
        draft.confidence["accessed"] = 1.0
    return _mask(text, m.start(), m.end())


def _split_at_year(draft: _Draft, text: str) -> tuple[str, str, int, int]:
    """The lead (authors or title), the rest after the year, and their offsets in ``text``."""
    for pattern, confidence in ((_YEAR_PAREN, 1.0), (_YEAR_BARE, 0.8)):
        for m in pattern.finditer(text):
            if _QUOTE_OR_ITALIC.search(text, 0, m.start()):
                break
            _set_year(draft, m, confidence)
            draft.values["_year_span"] = (m.start(), m.end())
            return text[: m.start()], text[m.end() :], 0, m.end()
    year = _YEAR_ANY.search(text)
    if year:
        draft.values["year"] = int(year.group(1))
        draft.confidence["year"] = 0.5
    else:
        draft.report(Kind.MALFORMED_REFERENCE, Severity.WARNING, "reference has no year (nor n.d.)")
    first = _SENTENCE_END.search(text)  # no year marker: the first sentence may be the authors
    if first and _name_like(text[: first.start()]):
        return text[: first.start()], text[first.end() :], 0, first.end()
    return "", text, 0, 0


def _set_year(draft: _Draft, m: re.Match[str], confidence: float) -> None:
    if m.group("nd"):
        draft.values["no_date"] = True
        suffix = m.groupdict().get("ndsuffix") or ""
        status = m.group("nd").lower()
        if status.startswith(("in", "forthcoming")):  # "in press", "forthcoming": biblatex's pubstate says so
            draft.values["pubstate"] = "inpress" if status.startswith("in") else "forthcoming"
    else:
        draft.values["year"] = int(m.group("year"))
        suffix = m.group("suffix") or ""
    draft.values["year_suffix"] = suffix.lower()
    draft.confidence["year"] = confidence


_BRACKETED_ACRONYM = re.compile(r"\s+\([A-Z]{2,10}\)(?=[.,]?$)")
_ACRONYM_SPELLED_OUT = re.compile(r"^[A-Z][A-Z&]{1,9}\s+\((?P<name>[A-Z][^()]+)\)[.,]?$")


def _name_like(text: str) -> bool:
    words = text.strip().rstrip(".").split()
    return 0 < len(words) <= 16 and all(_NAME_WORD.match(w.strip(",;")) or caseless_word(w.strip(",;"))
                                        for w in words if w.strip(",;"))


def _org_like(text: str) -> bool:
    """An organisation's name, as an author: capitalised words (and "of", "and" ...), one of them an
    organisation's ("Intergovernmental Panel on Climate Change"), or an acronym; the acronym it goes
    by may follow in brackets ("World Tourism Organization (UNWTO)"), or lead with the name in brackets
    ("NOAA (National Oceanic and Atmospheric Administration)", Chicago's author-date form)."""
    spelled = _ACRONYM_SPELLED_OUT.match(text)  # Chicago's "NOAA (National Oceanic and Atmospheric Administration)"
    if spelled:
        return _org_like(spelled.group("name"))
    words = _BRACKETED_ACRONYM.sub("", text).split()
    if not words or len(words) > 10 or re.search(r"[:?!\"“*]", text):
        return False
    if not all(w[:1].isupper() or w.lower() in _ORG_SMALL or w[:1].isdigit() for w in words):
        # French, Spanish, Italian, Portuguese write a body's name in sentence case: "Ministère de la Transition
        # écologique", "Agence nationale de la recherche"; known by its first word, a body's, and a "de" after it
        return (words[0][:1].isupper() and words[0].lower() in FOREIGN_ORGANISATION_WORDS
                and any(w.lower() in _ORG_SMALL for w in words[1:]))
    acronym = len(words) == 1 and words[0].isupper() and len(words[0]) >= 2
    return acronym or any(w.lower().strip(".,") in ORGANISATION_WORDS for w in words)


def _lead_is_author(lead: str, segments: list[Segment]) -> bool:
    text = _without_translator_role(strip_editor_marker(lead.strip())[0])
    bare = text.rstrip(".").strip()
    if not bare or bare.endswith(("?", "!")) or _QUOTE_OR_ITALIC.search(bare):
        return False
    if "," in bare and _INVERTED_START.match(bare) and _name_like(bare):
        return True
    if _org_like(bare):  # an organisation as author, unless the one part after it is the organisation
        return len(segments) >= 2 or (len(segments) == 1 and not _org_like(segments[0].plain.rstrip(".")))
    if is_vietnamese_name_list(bare):  # "Trần Thị Bình và Lê Văn Cường (2020), ...": family names first
        return bool(segments)
    words = bare.split()
    handle = len(words) <= 3 and not text.endswith(".") and _name_like(bare)
    # a title follows the name: not an encyclopedia's "In Wikipedia" (the lead is then the article's title,
    # "Barack Obama. (2020). In Wikipedia."), nor a publisher alone ("Jane Eyre. (1847). Smith, Elder and Co.")
    if (handle and len(segments) >= 2) or not segments or segments[0].plain.startswith("In "):
        return handle and len(segments) >= 2
    rest = ". ".join(s.plain for s in segments)
    return ((_given_first_person(words) or text.endswith(".") and unlisted_person(bare, rest))
            and not _org_like(segments[0].plain.rstrip(".")) and not imprint_only(rest))


# words a title written in title case holds that no person's name does ("Grace Under Pressure", "Jane in Love")
_TITLE_CASE_SMALL: Final = frozenset("a an and as at but by for from in into of on or over the to under upon with".split())


def _given_first_person(words: list[str]) -> bool:
    """APA's and Harvard's "Jane Goodall. (2021). Speech at the World Health Assembly.": a person's name written
    given name first before the year (it was read as a title-first entry, its title as the note): two to four
    capitalised words, the first a known given name, none a title's small word."""
    return (2 <= len(words) <= 4
            and all(w[:1].isupper() and w.replace("-", "").replace("'", "").replace("’", "").isalpha()
                    and w.lower() not in _TITLE_CASE_SMALL for w in words)
            and is_given_name_anywhere(words[0]))  # (the name lists asked last: the world's loads on first use)


def _read_lead(
    draft: _Draft, lead: str, start: int, segments: list[Segment]
) -> tuple[tuple[Name, ...], tuple[Name, ...]]:
    """Authors (or editors) from the lead; a lead that is a title goes back in front of ``segments``."""
    text = lead.strip()
    if not text:
        return (), ()
    offset = start + (len(lead) - len(lead.lstrip()))
    if not _lead_is_author(text, segments):
        segments.insert(0, Segment(text=text, start=offset, end=offset + len(text), title_first=True))
        return (), ()
    bare = text.rstrip(".").rstrip() if not _ENDS_WITH_INITIAL.search(text) else text
    repaired = repair_name_text(bare)
    if repaired != bare:
        where = draft.span_of(offset, offset + len(bare))
        message = f"name broken by a line wrap repaired: {bare!r} -> {repaired!r}"
        draft.report(Kind.NAME_REPAIRED, Severity.INFO, message, where, draft.fix("author", bare, repaired))
    names_text, is_editor = strip_editor_marker(repaired)
    if _without_translator_role(names_text) != names_text:  # Chicago's "Wilson, Emily, trans.": the translators
        names_text = _without_translator_role(names_text)
        draft.values["translators"] = parse_author_list(names_text)
        draft.confidence["translators"] = 1.0 if "," in names_text else 0.7
        return (), ()
    names = parse_author_list(names_text)
    inverted = "," in names_text
    draft.confidence["editors" if is_editor else "authors"] = 1.0 if inverted else 0.7
    return ((), names) if is_editor else (names, ())


def _without_translator_role(lead: str) -> str:
    """The lead without its translator's role ("Wilson, Emily, trans." -> "Wilson, Emily"); other
    leads as they are (a director's or host's role is ``media_entries``')."""
    rest, role = strip_role_marker(lead)
    return rest if role == "translator" else lead


def _read_segments(draft: _Draft, segments: list[Segment]) -> None:
    if not segments:
        return
    first = segments.pop(0)
    title_parts = [first]
    if not first.italic and first.trailing_italic and not first.title_first:
        title_seg, container_seg = first.split_trailing_italic()
        title_parts = [title_seg]
        segments.insert(0, container_seg)
        where = draft.span_of(title_seg.end, container_seg.start)
        draft.report(Kind.MALFORMED_REFERENCE, Severity.INFO, "no full stop between the title and the container", where)
        draft.confidence["title"] = 0.8
    elif not first.title_first and not first.italic:
        later_italic = next((i for i, s in enumerate(segments) if s.italic and not place_publisher(s.plain)), None)
        if later_italic:  # plain sentences before an italic container all belong to the title
            title_parts += segments[:later_italic]
            del segments[:later_italic]
            draft.confidence["title"] = 0.8
    _set_title(draft, title_parts)
    notes: list[str] = []  # joined once: appended to the note one at a time, a megabyte of prose took minutes
    for seg in segments:
        _read_segment(draft, seg, notes)
    if notes:
        note = draft.values.get("note")
        draft.values["note"] = ". ".join([note, *notes] if note else notes)


def _set_title(draft: _Draft, parts: list[Segment]) -> None:
    raw_title = ". ".join(strip_markup(p.text).rstrip(".") for p in parts)
    title, stray = clean_title(raw_title)
    draft.values["title"] = title
    # "*Fyrar och fyrvaktare* [*Lighthouses and keepers*] (in Swedish)": an italic title with a gloss
    draft.values["title_italic"] = len(parts) == 1 and (parts[0].italic or parts[0].text.lstrip().startswith("*"))
    draft.confidence.setdefault("title", 0.9 if parts[0].title_first else 1.0)
    if stray:
        where = draft.span_of(parts[0].start, parts[-1].end)
        message = f"stray quotation mark {stray!r} at the end of the title removed"
        fix = draft.fix("title", raw_title, title, confidence=0.9)
        draft.report(Kind.MALFORMED_REFERENCE, Severity.WARNING, message, where, fix)


# a segment naming the work an entry is in, and nothing else: "In Wikipedia", "In Encyclopaedia Britannica"
_IN_REFERENCE_WORK: Final = re.compile(r"In\s+([^\W\d_][^\d.;:,]{0,60})")
_TRAILING_MONTH_DAY = re.compile(rf",\s*(?:{MONTH}\s+\d{{1,2}}|\d{{1,2}}\s+{MONTH})(?:,?\s+\d{{4}})?$")


def _read_segment(draft: _Draft, seg: Segment, notes: list[str]) -> None:
    values, plain = draft.values, seg.plain.rstrip(".").strip()
    if not plain:
        return
    details = journal_details(seg.text)
    if details:
        for key in ("container", "volume", "issue", "pages"):
            if key == "pages" and details[key] == str(values.get("year")):
                continue  # "*Journal*, 14(1), 2006.": the entry's year again, not a page
            if details.get(key):
                values.setdefault(key, details[key])
                draft.confidence.setdefault(key, 1.0 if key != "container" else (1.0 if seg.italic_lead else 0.8))
        if details.get("year") and values.get("year") is None:
            values["year"] = int(details["year"])
            draft.confidence["year"] = 0.8
        _read_tail(draft, details.get("tail", ""), seg, notes)
        return
    place = place_publisher(plain)
    if place and ("publisher" not in values):
        values["place"], values["publisher"] = place
        draft.confidence["place"] = draft.confidence["publisher"] = 1.0 if seg.italic else 0.9
        return
    if seg.italic and "container" not in values:
        values["container"] = plain
        draft.confidence["container"] = 1.0
        return
    lead = italic_lead(seg.text)
    if lead and "container" not in values:  # "*Outlet*, 14 January": the italic part, then a date or note
        values["container"] = lead[0]
        draft.confidence["container"] = 0.9
        if lead[1].strip(" .,;"):
            _read_tail(draft, lead[1], seg, notes)
        return
    if len(plain.split()) == 1 and find_doi_fragment(plain):
        _read_tail(draft, plain, seg, notes)
        return
    work = _IN_REFERENCE_WORK.fullmatch(plain)
    if work and "container" not in values:  # APA's "Plate tectonics. (2021). In Wikipedia. URL": the work it is in
        values["container"] = work.group(1)
        draft.confidence["container"] = 0.8
        return
    if not seg.italic and "publisher" not in values:
        dated = _TRAILING_MONTH_DAY.search(plain)  # Chicago's "NPR, January 18": the outlet, then the day
        values["publisher"] = plain[: dated.start()] if dated and dated.start() else plain
        draft.confidence["publisher"] = 0.8
        return
    notes.append(plain)
    draft.confidence["note"] = 0.5


def _read_tail(draft: _Draft, tail: str, seg: Segment, notes: list[str]) -> None:
    tail = tail.strip(" .,;")
    if not tail:
        return
    fragment = find_doi_fragment(tail)
    arxiv = _ARXIV_ID.search(seg.text) if fragment else None
    if arxiv and fragment and fragment in arxiv.group(0):
        fragment = None  # "arXiv:2001.01234" is an arXiv identifier (``entry_details``), no truncated DOI
    if fragment and not draft.values.get("doi"):
        at = seg.start + max(seg.text.find(fragment), 0)
        where = draft.span_of(at, at + len(fragment))
        message = f"DOI is incomplete or truncated: {fragment!r} is not a valid DOI (10.prefix/suffix)"
        draft.report(Kind.MALFORMED_REFERENCE, Severity.WARNING, message, where)
        draft.values["doi_fragment"] = fragment
        return
    notes.append(tail)


def _check_markup(draft: _Draft, masked: str) -> None:
    stars = masked.count("*")
    if stars % 2:
        draft.report(Kind.MALFORMED_REFERENCE, Severity.WARNING, "unbalanced italic markup ('*')")
    if masked.count("(") != masked.count(")") or masked.count("[") != masked.count("]"):
        draft.report(Kind.MALFORMED_REFERENCE, Severity.INFO, "unbalanced brackets")


def _check_completeness(draft: _Draft, has_names: bool) -> None:
    values = draft.values
    if not values.get("title"):
        draft.report(Kind.MALFORMED_REFERENCE, Severity.WARNING, "reference has no title")
    dated = values.get("year") is not None or values.get("no_date")
    located = any(values.get(k) for k in ("urls", "doi", "container", "publisher", "place", "volume"))
    # names alone, with no title, date or place of publication, name no work ("hello world" read as its author)
    if not (dated or located or has_names and values.get("title")):
        draft.report(Kind.UNPARSED_ENTRY, Severity.WARNING, "entry could not be read as a reference")


# --- types ------------------------------------------------------------------------------------


_PDF = re.compile(r"\.pdf(?:$|[?#])", re.IGNORECASE)
_MAGAZINE = re.compile(r"\bmagazine\b", re.IGNORECASE)
_REPORT_WORD = re.compile(r"\breport\b", re.IGNORECASE)
# data and preprint repositories that give a work a DOI and stand where a publisher would: no book's publisher
_REPOSITORY = re.compile(r"\b(?:zenodo|figshare|dryad|osf|open science framework|arxiv|biorxiv|medrxiv|ssrn"
                         r"|psyarxiv|dataverse|pangaea|mendeley data)\b", re.IGNORECASE)
_REPORT_NOTE = re.compile(r"^(?:technical\s+|research\s+|annual\s+)?(?:report|policy\s+brief|working\s+paper|white\s+paper)\b",
                          re.IGNORECASE)
_THESIS = re.compile(r"\b(?:thesis|dissertation|phd|ph\.d|doctoral|master'?s|mémoire|doktorarbeit)\b|(?<!\w)дисс?\.|学位论文|博士论文|硕士论文|博士論文|修士論文"
                     r"|\b(?:masterarbeit|bachelorarbeit|diplomarbeit|magisterarbeit|habilitationsschrift|thèse|these de doctorat"
                     r"|tesis doctoral|tesi di dottorato)\b",
                     re.IGNORECASE)  # ... and GOST's "дис. … канд. экон. наук", GB/T 7714's [D] and Japanese theses
_CONFERENCE = re.compile(r"\b(?:proceedings|conference|symposium|workshop|congress|meeting|conf)\b|\bproc\."
                         r"|\bdig(?:\.|est\b)\s*(?:of\s+)?tech(?:\.|nical\b)\s*papers\b",  # ISSCC's "Dig. Tech. Papers"
                         re.IGNORECASE)
_REPORT = re.compile(r"\b(?:report|working paper|technical|white paper|brief)\b", re.IGNORECASE)


def _proceedings(ref: Reference) -> bool:
    """Is the container a conference's proceedings? Its name says so ("Proc. IEEE PowerAfrica Conf.",
    "IEEE ISSCC Dig. Tech. Papers"), unless it gives a volume and an issue, as a journal does that is
    named proceedings ("Proceedings of the National Academy of Sciences, 116(15)", "Proc. IEEE, vol.
    98, no. 3"): a conference's proceedings have no issues."""
    return bool(ref.container and _CONFERENCE.search(ref.container)) and not (ref.volume and ref.issue)


def _conference_venue(ref: Reference) -> bool:
    """IEEE's "in *Venue*, San Francisco, CA, USA, Feb. 2010, pp. 222–223": a container with the place
    it met at and pages, no volume, issue or publisher. A journal gives no place, a book its publisher."""
    return bool(ref.container and ref.place and ref.pages) and not (ref.volume or ref.issue or ref.publisher)


def classify_tagged(ref: Reference, genre: str, fallback: tuple[EntryType, float]) -> tuple[EntryType, float]:
    """The type of an entry read by the tagger: its genre words and editors refine ``classify``."""
    # (a field that is empty, as most are, is not searched: a pattern's call costs far more than the test)
    if genre and _THESIS.search(genre) or ref.publisher and not ref.container and _THESIS.search(ref.publisher):
        return EntryType.THESIS, 0.8
    if _proceedings(ref) or genre and _CONFERENCE.search(genre):
        return EntryType.CONFERENCE, 0.7
    if ref.editors and ref.container:
        return EntryType.CHAPTER, 0.8
    if fallback[0] is EntryType.DOCUMENT and genre and _REPORT.search(genre):
        return EntryType.REPORT, 0.6
    if fallback[0] is EntryType.DOCUMENT and ref.publisher and not ref.container and not ref.urls:
        return EntryType.BOOK, 0.6
    return fallback


_KINDS = {"patent": EntryType.PATENT, "dataset": EntryType.DATASET, "software": EntryType.SOFTWARE,
          "preprint": EntryType.PREPRINT, "presentation": EntryType.PRESENTATION, "interview": EntryType.INTERVIEW,
          "film": EntryType.FILM, "broadcast": EntryType.BROADCAST, "legal_case": EntryType.LEGAL_CASE}
# kinds the entry's own words give, which the tagger's genre does not override ("Annual Meeting" is no proceedings)
_SAID_KINDS = frozenset({"preprint", "presentation", "interview", "film", "broadcast", "legal_case"})


def classify(ref: Reference, title_italic: bool = False, kind: str = "") -> tuple[EntryType, float]:
    """The entry type and how sure we are of it; ``kind`` is what the entry says it is, a patent, a data
    set, software, a preprint, a presentation (``entry_details``), an interview, a film, a broadcast or a
    legal case."""
    if kind in _KINDS:
        return _KINDS[kind], 0.8
    venue = (ref.container, ref.publisher)
    is_pdf = any(_PDF.search(u.url) for u in ref.urls)
    if _proceedings(ref):  # "in *Proc. IEEE PowerAfrica Conf.*", pp. 210-215
        return EntryType.CONFERENCE, 0.8
    if _conference_venue(ref):
        return EntryType.CONFERENCE, 0.6
    if ref.note and not ref.container and _THESIS.search(ref.note):  # "*Title* (PhD thesis). University of Bremen."
        return EntryType.THESIS, 0.7
    if any(k == "type" and _THESIS.search(v) for k, v in ref.extra):  # APA's "[Doctoral dissertation, ...]"
        return EntryType.THESIS, 0.9
    if (any(k == "number" for k, _ in ref.extra) and not ref.container  # "Report No. WR-2018-04" was read
            and not any(k == "series" for k, _ in ref.extra)):  # (not a book's number in its series)
        return EntryType.REPORT, 0.8
    if ref.note and not ref.container and _REPORT_NOTE.search(ref.note):  # APA "*Title* (Report No. 20045)."
        return EntryType.REPORT, 0.7
    if ref.editors and ref.container and not ref.issue:  # "In O. Ashenfelter & D. Card (Eds.), *Handbook* (Vol. 3, pp. ...)"
        return EntryType.CHAPTER, 0.8
    if ref.container and ref.publisher and ref.place and not ref.volume and not ref.issue:
        return EntryType.CHAPTER, 0.7  # IEEE's "in *Book Title*. Norwood, MA, USA: Artech House, 2015, pp. 141-198."
    book_only = not ref.container and bool(ref.publisher or ref.isbn)  # "*Title*. Vol. 1. London: Harvey."
    if (ref.volume or ref.issue or (ref.pages and ref.container)) and not book_only:
        return EntryType.ARTICLE, 0.9
    if ref.container and not ref.publisher and any(k == "pubstate" for k, _ in ref.extra):
        return EntryType.ARTICLE, 0.7  # "Lee, A. (in press). Water futures. *Water Policy*."
    if any(is_news_outlet(v) for v in venue):
        return EntryType.NEWS, 0.8
    if _MAGAZINE.search(ref.container):
        return EntryType.MAGAZINE, 0.7
    if title_italic and (ref.publisher or ref.place) and not ref.urls:
        return EntryType.BOOK, 0.9
    if ref.publisher and is_organisation(ref.publisher) and _REPORT_WORD.search(ref.title):
        return EntryType.REPORT, 0.7
    if is_pdf and any(venue):
        return EntryType.REPORT, 0.6
    if title_italic and ref.publisher and ref.place and not any(a.literal for a in ref.authors):
        # a person's book with its place and publisher, and a link ("Pyongyang: Foreign Languages
        # Publishing House. https://..."); an organisation's own is more often a report or a page
        return EntryType.BOOK, 0.7
    if ref.doi and ref.publisher and not ref.container and not ref.urls and not _REPOSITORY.search(ref.publisher):
        return EntryType.BOOK, 0.6  # "Title. Chicago: University of Chicago Press. doi:10.7208/...": a book's DOI
    if ref.urls:
        return EntryType.WEBPAGE, 0.6
    if ref.doi and ref.container:
        return EntryType.ARTICLE, 0.6
    if title_italic and (ref.publisher or ref.place):
        return EntryType.BOOK, 0.6
    return EntryType.DOCUMENT, 0.3
