"""A name and year outside parentheses, cited as natbib's ``\\citealp`` writes a citation: "see also García, 2020".

``\\citealp{garcia2020}`` prints the citation without its parentheses ("García, 2020"; "Smith and Jones 2019" with
the plain year separator), for the writer's own parenthesis or a sentence such as "see also García, 2020." In a
PDF or a LaTeX document's text nothing else marks it. Such a pair is read as a citation only when that is safe:
it is outside every citation already read, its first name (one to four capitalised words, "World Health
Organization") is the first name an entry is cited by, and exactly one entry has that name and that year (and
its letter, "2020a"). A name and year no entry has stay prose ("the Paris 2024 games"): no citation is made of
them, so none can be reported missing; the citation is otherwise read as any other (its second author and
"et al." checked against the entry).
"""
from __future__ import annotations

import re
from collections.abc import Sequence

from ..model import Citation, CleanText, Reference
from .citation_parts import fold, norm_title, parse_part
from .citations import ignored_mask

_WORD = r"[A-Z][\w'’-]*"
_BARE_PAIR = re.compile(
    rf"(?<![\w'’(\[@-])(?P<first>{_WORD}(?:[ \t]+{_WORD}|[ \t]*\n[ \t]*{_WORD}){{0,3}})"
    rf"(?:,?\s+(?:and|&)\s+{_WORD}|\s+et\s+al\.?)?,?\s+(?P<year>(?:1[5-9]|20)\d{{2}})(?P<suffix>[a-z]?)"
    r"(?![\w/–-]|\s*\)|[.,]\d)")


def bare_name_year_citations(text: CleanText, found: Sequence[Citation], refs: Sequence[Reference]) -> tuple[Citation, ...]:
    """The name-and-year pairs outside parentheses in ``text`` that cite the one entry they name (see the
    module's docstring); ``found``: the citations already read, whose text is passed over."""
    by_name: dict[tuple[str, int, str], list[Reference]] = {}
    for ref in refs:
        if ref.cite_names and ref.year is not None:
            by_name.setdefault((norm_title(ref.cite_names[0]), ref.year, ref.year_suffix), []).append(ref)
    if not by_name:
        return ()
    known = frozenset(norm_title(name) for ref in refs for name in ref.cite_names)
    taken = sorted((c.span.start, c.span.end) for c in found)
    mask = ignored_mask(text.text)
    out: list[Citation] = []
    for m in _BARE_PAIR.finditer(text.text):
        span = text.span(m.start(), m.end())  # where the source has it, as the citations found are placed
        if mask[m.start()] or any(start < span.end and span.start < end for start, end in taken):
            continue
        words = m.group("first").split()
        for i in range(len(words)):  # "Urban heat, as Smith, 2019": the longest run of words ending the name
            key = (norm_title(" ".join(words[i:])), int(m.group("year")), m.group("suffix"))
            if key in by_name:
                break
        else:
            continue
        if len(by_name[key]) != 1:
            continue
        start = m.start("first") + len(m.group("first")) - len(m.group("first").lstrip())
        for word in words[:i]:  # the first cited word
            start = text.text.index(word, start) + len(word)
        start = text.text.index(words[i], start)
        cited = parse_part(text, start, m.end(), known, fold(text.text[start : m.end()]))
        if len(cited) == 1 and cited[0].year == key[1]:
            out.append(cited[0])
    return tuple(out)
