"""Find the in-text author-date citations of a document body.

Parenthetical: "(Choe, 2019)", "(Smith, 2019; Jones & Lee, 2020b)", "(Haerens, 2012, p 16)",
"(Smith et al. 2019)", "(HP Boe, 2005)", titles as authors "(What is Human Trafficking?, n.d.)",
even with parentheses inside the title. Narrative: "Yoon (2019) argues", "Newman's (2013)", "Freud (1900, as cited in Jones, 2010)".
Without a year, a parenthesis is a citation only when it is one of ``known_titles``.

Parentheses are matched with nesting over any whitespace (line breaks from removed page
headers included); parentheses inside URLs, markdown link targets and code are ignored.
The reading of one citation is in ``citation_parts``, narrative names in ``citation_narrative``,
MLA's citations whose author the sentence names ("Gates and Jarrett trace ... (112)") in ``citation_prose``:
a page alone is read so in a document with MLA's author-page citations ("(Christian 52)"), where a
number in parentheses is no Vancouver citation "(3)"; in a document with no other citation by name and
year, only when every such number follows listed authors' names and none reads as a numeric style's.
"""
from __future__ import annotations

import logging
import re
from dataclasses import replace
from collections.abc import Collection, Iterator, Sequence

from ..model import Citation, CleanText, Reference
from ..model.names import with_particle
from .citation_narrative import narrative_names
from .quoted_pages import with_quoted_pages
from .citation_prose import BARE_PAGE, closes_clause, page_after_names, title_after_author
from .citation_parts import (
    CITED_IN, DATE, DATE_PLAIN, LONE_SUFFIX, LOCATOR, MLA_PAGE, REMARK, STOP_WORDS, WRAPPED_TITLE, Range, cited_dates,
    cited_names, fold,
    name_pieces, norm_title, parse_part, strip_range, undated, wrapped_title,
)

log = logging.getLogger(__name__)

MAX_GROUP_CHARS = 600
_YEAR_ONLY = re.compile(
    rf"\s*(?P<dates>{DATE_PLAIN}(?:\s*[,;]\s*{DATE_PLAIN}|{LONE_SUFFIX})*)(?:\s*[,:]\s*(?P<loc>{LOCATOR}))?(?:\s*,?\s*{REMARK})?\s*\Z"
)
# a narrative citation of an original read in another work: "Freud (1900, as cited in Jones, 2010)"
_THROUGH = re.compile(
    rf"\s*(?P<dates>{DATE_PLAIN})(?:\s*[,:]\s*(?P<loc>{LOCATOR}))?\s*[,;]?\s*{CITED_IN}\s+"
)
_IGNORED = re.compile(
    r"<[A-Za-z][A-Za-z0-9+.\-]*:[^<>\s]*>"  # autolink <https://...>
    r"|\]\((?:[^()\n]|\([^()\n]*\))*\)"  # markdown link target ](...)
    r"|`[^`\n]*`"  # inline code
)
_BARE_URL = re.compile(r"(?:https?|ftp)://[^\s<>]*|www\.[^\s<>]*")


def _url_end(url: str) -> int:
    """Length of a bare URL without trailing punctuation or an unbalanced ')'."""
    end = len(url)
    while end and (url[end - 1] in ".,;:!?'\"" or (url[end - 1] == ")" and url[:end].count(")") > url[:end].count("("))):
        end -= 1
    return end


def ignored_mask(text: str) -> bytearray:
    """1 for each character whose parentheses do not delimit prose (URLs, links, code)."""
    mask = bytearray(len(text))
    for match in _IGNORED.finditer(text):
        mask[match.start() : match.end()] = b"\x01" * (match.end() - match.start())
    for match in _BARE_URL.finditer(text):
        end = match.start() + _url_end(match.group())
        mask[match.start() : end] = b"\x01" * (end - match.start())
    return mask


def _closing(text: str, mask: bytearray, open_paren: int) -> int | None:
    depth = 0
    for j in range(open_paren, min(len(text), open_paren + MAX_GROUP_CHARS)):
        if mask[j]:
            continue
        if text[j] == "(":
            depth += 1
        elif text[j] == ")":
            depth -= 1
            if depth == 0:
                return j
    return None


def _split_semicolons(text: str, start: int, end: int) -> Iterator[Range]:
    """The ';'-separated parts of a parenthesis, ignoring ';' inside nested parentheses."""
    depth, pos = 0, start
    for j in range(start, end):
        ch = text[j]
        depth += (ch == "(") - (ch == ")")
        if ch == ";" and depth == 0:
            yield pos, j
            pos = j + 1
    yield pos, end


def _narrative(clean: CleanText, open_paren: int, close: int, dates: re.Match[str], known: frozenset[str]) -> tuple[Citation, ...]:
    """The names before the parenthesis, cited with its dates (``close`` ends the citation's text)."""
    text = clean.text
    bracket = _ABBREVIATION_BEFORE.search(text, max(0, open_paren - 16), open_paren) if text[open_paren - 2 : open_paren].strip().endswith("]") else None
    found = narrative_names(text, bracket.start() if bracket else open_paren, known)
    if found is None:
        log.debug("year in parentheses without a name before it at %d", open_paren)
        return ()
    names = cited_names(clean, list(found.names))
    if bracket is not None and len(names) == 1:  # APA 7's "World Health Organization [WHO] (2020)"
        names = (replace(names[0], text=f"{names[0].text} [{bracket.group('abbr')}]"),)
    common = dict(
        text=fold(text[found.start : close + 1]), span=clean.span(found.start, close + 1),
        names=names, etal=found.etal, narrative=True,
        title_as_author=found.title, group=fold(text[open_paren : close + 1]),
    )
    years, loc = cited_dates(text, dates.start("dates"), dates.end("dates"), dates.group("loc"))
    return tuple(
        Citation(**common, **d, locator=fold(loc) if loc and i == len(years) - 1 else "")
        for i, d in enumerate(years)
    )


def _citations_in(clean: CleanText, open_paren: int, close: int, known: frozenset[str]) -> tuple[Citation, ...]:
    """The citations of the parenthesis text[open_paren:close + 1], or () if it holds none."""
    text = clean.text
    dates = _YEAR_ONLY.match(text, open_paren + 1, close)
    if dates is not None:
        return _narrative(clean, open_paren, close, dates, known)
    group = fold(text[open_paren : close + 1])
    through = _THROUGH.match(text, open_paren + 1, close)
    if through is not None:  # "Freud (1900, as cited in Jones, 2010)": Freud, then the work read
        secondary = parse_part(clean, through.end(), close, known, group)
        if secondary:
            original = _narrative(clean, open_paren, close, through, known)
            return tuple(replace(c, group=group) for c in original) + secondary
    if known and ";" in group and norm_title(text[open_paren + 1 : close]) in known:
        return undated(clean, open_paren + 1, close, known, group)
    # natbib's "?" of an undefined key, with no separator before the next work: "(?Lee, 2018)" (``citation_unresolved``)
    begin = open_paren + 2 if text[open_paren + 1 : open_paren + 2] == "?" and text[open_paren + 2 : open_paren + 3].isalpha() else open_paren + 1
    parts = list(_split_semicolons(text, begin, close))
    return _one_work_names(clean, parts, known, group) or _each_part(clean, parts, known, group) or _author_in_prose(
        clean, open_paren, close, known, group)


def _each_part(clean: CleanText, parts: list[Range], known: frozenset[str], group: str) -> tuple[Citation, ...]:
    """The citations of each part; a part of dates alone cites the names of the part before: "(Lareau 2003;
    2011)" cites Lareau 2011 too."""
    found: list[Citation] = []
    before: tuple[Citation, ...] = ()
    for start, end in parts:
        cited = parse_part(clean, start, end, known, group)
        dates = _YEAR_ONLY.match(clean.text, start, end) if not cited and before and before[-1].names else None
        if dates is not None:
            common = dict(text=fold(clean.text[start:end]).strip(), span=clean.span(*strip_range(clean.text, start, end)),
                          names=before[-1].names, etal=before[-1].etal, title_as_author=before[-1].title_as_author,
                          group=group)
            years, loc = cited_dates(clean.text, dates.start("dates"), dates.end("dates"), dates.group("loc"))
            cited = tuple(Citation(**common, **d, locator=fold(loc) if loc and i == len(years) - 1 else "")
                          for i, d in enumerate(years))
        found.extend(cited)
        before = cited
    return tuple(found)


def _one_work_names(clean: CleanText, parts: list[Range], known: frozenset[str], group: str) -> tuple[Citation, ...]:
    """ABNT's (NBR 10520) "(SILVA; SOUZA, 2018)": one work's authors parted by semicolons, its year after the
    last, when every part before it is listed names alone; else () (the parts are citations of their own,
    "(Smith, 2019; Jones, 2020)")."""
    text = clean.text
    if len(parts) < 2 or not known or DATE.search(text, *parts[-1]) is None:
        return ()
    for start, end in parts[:-1]:
        pieces = name_pieces(text, *strip_range(text, start, end))
        if pieces is None or not all(norm_title(text[a:b]) in known for a, b in pieces):
            return ()
    return parse_part(clean, parts[0][0], parts[-1][1], known, group)


def _author_in_prose(clean: CleanText, open_paren: int, close: int, known: frozenset[str], group: str) -> tuple[Citation, ...]:
    """MLA's title and page when the sentence names the author (``citation_prose``)."""
    if not known:
        return ()
    title = _TITLE_PAGE.fullmatch(clean.text, open_paren, close + 1)
    if title is None or not title_cased(clean.text[slice(*wrapped_title(title))]):
        return ()
    return title_after_author(clean, title, wrapped_title(title), known, group)


# one character each: the spans stay; the Arabic comma and semicolon too ("(العلي، 2019)")
# characters that show nothing and are no space (``references.INVISIBLE``; the zero-width joiners, which shape
# Persian and Indic words, are kept)
_INVISIBLE_CHARS = "\u00ad\u061c\u200b\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2060\u2061\u2062\u2063\u2064\u2066\u2067\u2068\u2069\ufeff"
_INVISIBLE = re.compile("\u00ad[ \t]*\n[ \t]*|[" + _INVISIBLE_CHARS + "]")  # a soft hyphen at a line's end joins the word
# the emphasis marks around "et al." (Cite Them Right italicises it), left out as the markup they are
_ITALIC_ETAL_MARKS = re.compile(r"[*_]{1,2}(?=et\s+al(?![^\W_]))|(?<=et\sal\.)[*_]{1,2}|(?<=et\sal)[*_]{1,2}")
_FULL_WIDTH = str.maketrans("（），；\u060c\u061b", "(),;,;")


def names_cited_by(references: Sequence[Reference]) -> set[str]:
    """The names the references are cited by (``cite_names``), and each author's with the particle the entry
    writes ("de Figueiredo"): known so, "De Figueiredo et al. (2020)" cites the name whole, not "Figueiredo"."""
    names = {name for r in references for name in r.cite_names}
    names.update(with_particle(n.particle, n.family) for r in references for n in r.authors or r.editors
                 if n.particle and n.family)
    return names


def find_citations(text: CleanText, known_titles: Collection[str] = ()) -> tuple[Citation, ...]:
    """Every in-text author-date citation of ``text``, in document order.

    ``known_titles`` are the names the references would be cited by (titles of
    author-less entries, family names); a parenthesis without a year is a citation
    only when it is one of them (optionally followed by a locator).
    """
    if "*et al" in text.text or "_et al" in text.text:  # Harvard's italic "Smith *et al.* (2021)"
        text = text.without(_ITALIC_ETAL_MARKS)
    if _INVISIBLE.search(text.text):  # a soft hyphen or a zero-width space in "(Mül\u00adler & Zhang\u200b, 2019)"
        text = text.without(_INVISIBLE)
    if "（" in text.text or "\u060c" in text.text:  # Chinese and Japanese full-width brackets, "（山田, 2018）"; Arabic commas
        text = replace(text, text=text.text.translate(_FULL_WIDTH))
    body = text.text
    known = frozenset(norm_title(t) for t in known_titles if t.strip())
    mask = ignored_mask(body)
    found: list[Citation] = []
    pages: list[tuple[int, int]] = []  # parentheses holding a number alone: "(112)"
    i = body.find("(")
    defined: dict[str, str] = {}  # APA 7's "Centers for Disease Control and Prevention (CDC, 2019)": CDC is that name
    while i != -1:
        close = None if mask[i] else _closing(body, mask, i)
        citations = _citations_in(text, i, close, known) if close is not None else ()
        if citations and known:
            _note_abbreviation(body, i, citations, known, defined)
        found.extend(citations)
        if close is not None and not citations and BARE_PAGE.fullmatch(body, i + 1, close):
            pages.append((i, close))
        i = body.find("(", close + 1 if citations else i + 1)
    if known and "[" in body:
        found.extend(_bracketed(text, mask, known))
    if any(_author_page(c) for c in found):  # MLA's: the page alone, the author named in the sentence
        found.extend(c for i, close in pages for c in page_after_names(text, i, close, known, fold(body[i : close + 1])))
    elif pages and not any(c.year is not None or c.no_date for c in found):
        found.extend(_pages_only_after_names(text, pages, known))
    if defined:
        found = [_with_defined_name(c, defined) for c in found]
    if '"' in body or "”" in body:  # 'Kowalski (2018) writes that "..." (p. 40)': the quotation's page is the citation's
        found = with_quoted_pages(found, text)
    return tuple(sorted(found, key=lambda c: c.span.start))


_ABBREVIATION = re.compile(r"[A-Z][A-Z&]{1,9}")
_ABBREVIATION_BEFORE = re.compile(r"\s*\[(?P<abbr>[A-Z][A-Z&]{1,9})\]\s*\Z")
_NAMED_ABBREVIATION = re.compile(r"(?P<name>.+?)\s*\[(?P<abbr>[A-Z][A-Z&]{1,9})\]")
_NAME_WORDS_BEFORE = re.compile(r"(?:(?:[A-Z][\w'’&-]*|of|the|for|and|on|in|&)\s+){1,12}\Z")


def _note_abbreviation(body: str, open_paren: int, citations: tuple[Citation, ...], known: frozenset[str],
                       defined: dict[str, str]) -> None:
    """A parenthesis that cites an abbreviation ("(CDC, 2019)") right after a listed organisation's whole name
    ("The Centers for Disease Control and Prevention (CDC, 2019)", APA 7's first narrative citation) defines
    the abbreviation as that name, for this citation and the document's later ones ("CDC (2019)")."""
    names = citations[0].names
    if len(citations) != 1 or len(names) != 1:
        return
    named = _NAMED_ABBREVIATION.fullmatch(names[0].text)
    if named is not None:  # "(World Health Organization [WHO], 2020)", "... [WHO] (2020)": WHO is that name hereafter
        if norm_title(named.group("name")) in known and norm_title(named.group("abbr")) not in known:
            defined.setdefault(named.group("abbr"), named.group("name"))
        return
    if not _ABBREVIATION.fullmatch(names[0].text) or norm_title(names[0].text) in known:
        return
    before = _NAME_WORDS_BEFORE.search(body, max(0, open_paren - 160), open_paren)
    if before is None:
        return
    words = before.group(0).split()
    for k in range(len(words) - 1):  # the longest listed name ending the phrase: "The Centers ..." -> "Centers ..."
        if words[k][:1].isupper() and norm_title(" ".join(words[k:])) in known:
            defined.setdefault(names[0].text, " ".join(words[k:]))
            return


def _with_defined_name(citation: Citation, defined: dict[str, str]) -> Citation:
    """``citation`` with an abbreviation the document defined cited as "Whole Name [ABBR]" (the matching reads
    the name without its bracketed abbreviation); the span still points at what the text writes."""
    if len(citation.names) != 1 or citation.names[0].text not in defined:
        return citation
    name = citation.names[0]
    return replace(citation, names=(replace(name, text=f"{defined[name.text]} [{name.text}]"),))


# an author-date citation in square brackets, as GOST R 7.0.5 writes it: "[Кузнецова, 2018, с. 45]"; not a
# Markdown link's text, a footnote's mark, a pandoc citation or a year alone ("[1932] AC 562")
_BRACKET = re.compile(r"\[(?![\^@-])(?P<inner>[^\[\]\n]{4,200}?)\](?![(:\[])")
_HAS_YEAR = re.compile(r"(?<!\d)(?:1[5-9]|20)\d{2}(?!\d)")


def _bracketed(clean: CleanText, mask: bytearray, known: frozenset[str]) -> list[Citation]:
    """Author-date citations in square brackets whose first name the list has ("[Иванов, 2019]"), and a year in
    them after such a name ("Orwell [1949]", natbib's narrative citation in its default brackets)."""
    text = clean.text
    found: list[Citation] = []
    for m in _BRACKET.finditer(text):
        start, end = m.start("inner"), m.end("inner")
        if mask[m.start()] or not _HAS_YEAR.search(text, start, end):
            continue
        dates = _YEAR_ONLY.match(text, start, end)
        if dates is not None:  # natbib's narrative \citet in its default square brackets: "Orwell [1949] saw"
            opened = text.rfind("(", max(0, m.start() - MAX_GROUP_CHARS), m.start())
            if opened < 0 or ")" in text[opened : m.start()]:  # not Chicago's "(Durkheim [1912] 1995)", ASA's "([1899] 1996)"
                said = _narrative(clean, m.start(), m.end() - 1, dates, known)
                found.extend(said if said and all(norm_title(c.names[0].text) in known for c in said) else ())
            continue
        group = fold(m.group())
        cites = [c for a, b in _split_semicolons(text, start, end) for c in parse_part(clean, a, b, known, group)]
        if cites and all(c.names and norm_title(c.names[0].text) in known for c in cites):
            found.extend(cites)
    return found


# a parenthesis of numbers that is a numeric citation, not a page: "(1,2)", "(3, 5-7)"
_NUMBER_LIST = re.compile(r"\(\s*\d{1,3}(?:\s*[-–]\s*\d{1,3})?(?:\s*,\s*\d{1,3}(?:\s*[-–]\s*\d{1,3})?)+\s*\)")


def _pages_only_after_names(text: CleanText, pages: Sequence[tuple[int, int]], known: frozenset[str]) -> list[Citation]:
    """MLA's page alone in a document with no other MLA citation ("Gates and Jarrett trace the tradition
    back further (112)." its only one): read only when every number in parentheses that ends a clause
    follows a sentence naming listed authors, and none looks like a numeric style's: no list of
    numbers ("(1,2)"), no first number 1 (Vancouver's "(1)" numbers the works in citing order). A
    number in prose ("the sample (112).", no listed author named) keeps the document's from being read."""
    body = text.text
    at_clause_end = [(i, close) for i, close in pages if closes_clause(body, close)]
    if not at_clause_end or _NUMBER_LIST.search(body):
        return []
    first = BARE_PAGE.fullmatch(body, at_clause_end[0][0] + 1, at_clause_end[0][1])
    if first is not None and re.match(r"0*1\b", first.group("loc")):
        return []
    found: list[Citation] = []
    for i, close in at_clause_end:
        cites = page_after_names(text, i, close, known, fold(body[i : close + 1]))
        if not cites:
            return []
        found.extend(cites)
    return found


def _author_page(citation: Citation) -> bool:
    """An MLA author-page citation, "(Christian 52)": names and a page, no year."""
    return bool(citation.names) and bool(citation.locator) and not citation.year_label and not citation.narrative


# MLA's "(Adeyemi 88-90)" for a name no entry has: read only in a document that cites this way
_AUTHOR_PAGE = re.compile(
    r"\((?P<names>[^\W\d_][\w'’-]+(?:(?:,\s*|\s+)(?:and|&)\s+[^\W\d_][\w'’-]+)?)\s+"
    r"(?P<loc>\d{1,4}[a-z]?(?:\s*[-–]\s*\d{1,4}[a-z]?)?)\)")
NOT_NAMES = frozenset("""table tables figure figures fig chapter chapters section sections appendix article articles
    part parts page pages vol volume no number level step phase box exhibit map plate note notes line lines verse act
    scene book item items question questions rule rules annex schedule clause paragraph para week day year grade
    class group round stage wave model study experiment sample test""".split())


# MLA's citation of a work without an author, by its title: "(*Beloved*)", "(*Beloved* 12)", '("Toni Morrison Papers")'
_TITLE_PAGE = re.compile(rf"\((?P<title>{WRAPPED_TITLE})(?:\s+(?P<loc>{MLA_PAGE}))?\)")
# words a title leaves in lower case (MLA's title case): articles, prepositions, conjunctions, "to"
_MINOR_TITLE_WORDS = frozenset("""a an the and but or nor for so yet as at by in of off on per to up via from into
    onto over than with vs v""".split())
MAX_TITLE_WORDS = 15


def title_cased(title: str) -> bool:
    """Written as a title is: its first word and every word but the small ones capitalised, and not only
    small or sentence words ("*Beloved*", "Toni Morrison Papers", not "*sic*", "yes, really", "The")."""
    words = [w.strip("\"“”‘’'.,:;!?()[]") for w in title.split()]
    words = [w for w in words if w]
    if not words or len(words) > MAX_TITLE_WORDS or not (words[0][0].isupper() or words[0][0].isdigit()):
        return False
    if all(w.casefold() in _MINOR_TITLE_WORDS or w.casefold() in STOP_WORDS for w in words):
        return False
    return all(w[0].isupper() or w[0].isdigit() or not w[0].isalpha() or w.casefold() in _MINOR_TITLE_WORDS
               for w in words[1:])


def author_page_candidates(text: CleanText, found: Sequence[Citation]) -> tuple[Citation, ...]:
    """MLA citations of names that are in no entry ("(Adeyemi 88-90)"), and of titles no entry has
    ("(*Beloved*)", '("Toni Morrison Papers" 4)'), outside the citations already ``found``: for a
    document whose citations are MLA's author-page ones, so that a work cited but missing from Works
    Cited is reported (and one listed under its title but read otherwise still matched by it)."""
    taken = [(c.span.start, c.span.end) for c in found]
    extra = list(_title_candidates(text, taken))
    for m in _AUTHOR_PAGE.finditer(text.text):
        names = [n for n in re.split(r"(?:,\s*|\s+)(?:and|&)\s+", m.group("names"))]
        if any(n.lower() in NOT_NAMES or not n[:1].isupper() for n in names):
            continue
        span = text.span(m.start() + 1, m.end() - 1)
        if any(a < span.end and span.start < b for a, b in taken):
            continue
        at, ranges = m.start("names"), []
        for name in names:
            start = text.text.index(name, at)
            ranges.append((start, start + len(name)))
            at = start + len(name)
        extra.append(Citation(text=fold(text.text[m.start() + 1 : m.end() - 1]), span=span,
                              names=cited_names(text, ranges), locator=m.group("loc"), group=fold(m.group(0))))
    return tuple(extra)


def _title_candidates(text: CleanText, taken: Sequence[Range]) -> Iterator[Citation]:
    """MLA's title citations no entry's known title made citations of: a title written as one
    ("*Beloved*", not "*sic*" or a quoted phrase in sentence case), alone in its parenthesis or with a page."""
    for m in _TITLE_PAGE.finditer(text.text):
        start, end = wrapped_title(m)
        if not title_cased(text.text[start:end]):
            continue
        span = text.span(m.start() + 1, m.end() - 1)
        if any(a < span.end and span.start < b for a, b in taken):
            continue
        yield Citation(text=fold(text.text[m.start() + 1 : m.end() - 1]), span=span,
                       names=cited_names(text, [(start, end)]), locator=fold(m.group("loc") or ""),
                       title_as_author=True, group=fold(m.group(0)))
