"""A year alone in parentheses, cited by the author its sentence names: "Lee says so (2020)".

pandoc writes a citation whose author is suppressed (``[-@lee2020]``) as its year alone, "(2020)", in its
HTML, Word and plain-text outputs; the sentence names the author. Such a year is read as a citation only when
that is safe: the sentence, before the year, names a listed author (a capitalised word that is the first name
an entry is cited by), and exactly one entry has that name and that year (and its letter, "2020a"); it cites
that entry's key, as pandoc's citation did (the name is the sentence's, so no name check applies). Any other
year in parentheses is left as prose ("his later novel (1999)"): no citation is made of it, so none can be
reported missing or of the wrong year; at worst an entry is taken as cited that the sentence only names.
"""
from __future__ import annotations

import re
from collections.abc import Sequence

from ..model import Citation, CleanText, Reference
from .citations import ignored_mask

_BARE_YEAR = re.compile(r"\((?P<year>(?:1[5-9]|20)\d{2})(?P<suffix>[a-z]?)\)")
# where the sentence holding a year starts: after a full stop (a question, an exclamation) and a space, or a blank line
_SENTENCE_END = re.compile(r"[.!?][\"'”’)\]]*\s+(?=[\"“‘(\[]?[A-Z])|\n[ \t]*\n")
# a name of capitalised words, perhaps wrapped at a line's end ("World Health" / "Organization reported in (2021)")
_NAME = re.compile(r"(?<![\w'’-])[A-Z][\w'’-]*(?:(?:[ \t]+|[ \t]*\n[ \t]*)[A-Z][\w'’-]*)*")
MAX_SENTENCE_CHARS = 400


def bare_year_citations(text: CleanText, found: Sequence[Citation], refs: Sequence[Reference]) -> tuple[Citation, ...]:
    """The years alone in parentheses in ``text`` that cite the one entry the sentence names (see the
    module's docstring); ``found``: the citations already read, whose parentheses are passed over."""
    if "(" not in text.text or not refs:
        return ()
    by_name: dict[tuple[str, int, str], list[Reference]] = {}
    for ref in refs:
        if ref.cite_names and ref.year is not None:
            by_name.setdefault((ref.cite_names[0].casefold(), ref.year, ref.year_suffix), []).append(ref)
    if not by_name:
        return ()
    taken = sorted((c.span.start, c.span.end) for c in found)
    mask = ignored_mask(text.text)
    out: list[Citation] = []
    for m in _BARE_YEAR.finditer(text.text):
        if mask[m.start()]:
            continue
        span = text.span(m.start("year"), m.end("suffix"))
        if any(start <= span.end and span.start <= end for start, end in taken):
            continue
        before = text.text[max(0, m.start() - MAX_SENTENCE_CHARS):m.start()]
        ends = list(_SENTENCE_END.finditer(before))
        sentence_at = m.start() - len(before) + (ends[-1].end() if ends else 0)
        year, suffix = int(m.group("year")), m.group("suffix")
        named: list[tuple[tuple[str, int, str], int, int]] = []  # (entry's key, where the name starts, ends)
        for run in _NAME.finditer(text.text, sentence_at, m.start()):
            words = [(w.start() + run.start(), w.end() + run.start()) for w in re.finditer(r"\S+", run.group())]
            for i in range(len(words)):  # "Lee", "Kim Lee", "World Health Organization": each run of words
                for j in range(i + 1, len(words) + 1):
                    start, end = words[i][0], words[j - 1][1]
                    written = text.text[start:end]
                    if written.endswith(("'s", "’s")):  # "Lee's study (2020)"
                        end -= 2
                    key = (" ".join(text.text[start:end].split()).casefold(), year, suffix)
                    if key in by_name:
                        named.append((key, start, end))
        works = {id(r): r for key, _, _ in named for r in by_name[key]}
        if len(works) != 1 or not next(iter(works.values())).key:
            continue
        _, start, end = named[0]
        written = " ".join(text.text[start:end].split())
        # a citation of the entry's key, as pandoc's was: the name is the sentence's, not the citation's to check
        out.append(Citation(text=f"{written} ({m.group('year')}{suffix})", span=span, names=(), year=year,
                            year_suffix=suffix, narrative=True, group=m.group(), key=next(iter(works.values())).key))
    return tuple(out)
