"""MLA's citations whose author is named in the sentence, not in the parenthesis.

MLA 9 leaves out of the parenthesis what the sentence already says: "Gates and Jarrett trace the
tradition back further (112)" cites Gates and Jarrett's work at page 112, and "Morrison insists that
memory is physical (*Beloved* 45)" cites Morrison's *Beloved* (the title tells her works apart).
A bare number in parentheses is read so only when the sentence before it names authors the reference
list has (``known`` family names, capitalised as names are) and the parenthesis closes the clause (".", ",", ";" after it): "(1) cost" is an enumeration, and
"the sample (112)." in a sentence naming no listed author is no citation. (``citations`` reads a page
alone only in a document that has MLA's author-page citations, "(Christian 52)", too.)
"""
from __future__ import annotations

import re

from ..model import Citation, CleanText
from .citation_narrative import NarrativeNames
from .citation_parts import Range, cited_names, fold, norm_title

_WINDOW = 300
# a sentence ends at ".", "!" or "?" and a space, but not after "et al.", an initial ("J."), "e.g.", "cf."
_SENTENCE_END = re.compile(r"(?<!\bal)(?<!\b[A-Z])(?<!\be\.g)(?<!\bi\.e)(?<!\bcf)(?<!\bvs)[.!?][\"”’)]*\s+(?=[\"“(]?[^\W\d_])"
                           r"|\n[ \t]*\n")
_WORD = re.compile(r"[^\W\d_]+(?:['’\-][^\W\d_]+)*")
_JOINER = re.compile(r"\s*(?:,\s*(?:and\s+|&\s*)?|\s+and\s+|\s*&\s*)")
_ETAL = re.compile(r"\s+et\s+al\.?")
_POSSESSIVE = ("'s", "’s")
BARE_PAGE = re.compile(r"\s*(?P<loc>\d{1,4}(?:\s*[-–]\s*\d{1,4})?)\s*")
_CLAUSE_END = frozenset(".,;:!?")
MAX_NAMES = 3


def closes_clause(text: str, close: int) -> bool:
    """The parenthesis ends a clause or the text: "... further (112).", not "(1) cost"."""
    after = text[close + 1 : close + 2]
    return not after or after in _CLAUSE_END or after == "\n"


def _sentence_start(text: str, at: int) -> int:
    floor = max(0, at - _WINDOW)
    start = floor
    for m in _SENTENCE_END.finditer(text, floor, at):
        start = m.end()
    return start


def _known_at(text: str, start: int, end: int, known: frozenset[str]) -> int | None:
    """The end of a listed family name (of up to three words) starting at ``start``, capitalised."""
    if not text[start:start + 1].isupper():
        return None
    words = list(_WORD.finditer(text, start, end))
    found = None
    for count in range(1, min(MAX_NAMES, len(words)) + 1):
        stop = words[count - 1].end()
        if count > 1 and not text[words[count - 2].end():words[count - 1].start()].isspace():
            break
        if norm_title(text[start:stop]) in known:
            found = stop
        elif text[start:stop].endswith(_POSSESSIVE) and norm_title(text[start:stop - 2]) in known:
            found = stop - 2  # "Hurston's essay ... (24-25)"
    return found


def prose_names(text: str, open_paren: int, known: frozenset[str]) -> NarrativeNames | None:
    """The first names of listed authors in the sentence before ``open_paren`` (after a parenthesis
    before it in the sentence, if any): "Gates and Jarrett", "Gilbert et al.", "Morrison" (also
    "Morrison's"); None when it names none."""
    if not known:
        return None
    start = _sentence_start(text, open_paren)
    # a parenthesis earlier in the sentence closes its own names' clause: "Hughes insisted ... (692), and
    # Hurston's essay ... (24-25)" cites Hurston at 24-25
    start = max(start, text.rfind(")", start, open_paren) + 1)
    for word in _WORD.finditer(text, start, open_paren):
        end = _known_at(text, word.start(), open_paren, known)
        if end is None:
            continue
        names: list[Range] = [(word.start(), end)]
        while len(names) < MAX_NAMES and (joiner := _JOINER.match(text, end, open_paren)) is not None:
            following = _known_at(text, joiner.end(), open_paren, known)
            if following is None:
                break
            names.append((joiner.end(), following))
            end = following
        etal = _ETAL.match(text, end, open_paren) is not None and len(names) == 1
        return NarrativeNames(start=word.start(), names=tuple(names), etal=etal)
    return None


def page_after_names(clean: CleanText, open_paren: int, close: int, known: frozenset[str],
                     group: str) -> tuple[Citation, ...]:
    """ "Gates and Jarrett trace ... (112).": the names in the sentence, the page in the parenthesis."""
    text = clean.text
    page = BARE_PAGE.fullmatch(text, open_paren + 1, close)
    if page is None or not closes_clause(text, close):
        return ()
    found = prose_names(text, open_paren, known)
    if found is None:
        return ()
    return (Citation(text=fold(text[found.start : close + 1]), span=clean.span(found.start, close + 1),
                     names=cited_names(clean, list(found.names)), etal=found.etal, locator=fold(page.group("loc")),
                     narrative=True, group=group),)


def title_after_author(clean: CleanText, found: re.Match[str], title: Range, known: frozenset[str],
                       group: str) -> tuple[Citation, ...]:
    """ "Morrison insists ... (*Beloved* 45)": the title citation ``found`` (its parenthesis; ``title``
    without italics or quotes) while the sentence names a listed author: narrative, so it may fit an
    entry listed under an author, by its title."""
    text = clean.text
    if prose_names(text, found.start(), known) is None:
        return ()
    start, end = found.start() + 1, found.end() - 1
    return (Citation(text=fold(text[start:end]), span=clean.span(start, end), names=cited_names(clean, [title]),
                     locator=fold(found.group("loc") or ""), title_as_author=True, narrative=True, group=group),)
