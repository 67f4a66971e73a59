"""A citation pandoc could not resolve, as its output shows it: the key and a question mark, "(ghost2020?)".

pandoc's citeproc writes a citation whose key no bibliography entry has as the key followed by "?" (in bold in
HTML and Word), "Unknown (ghost2020?)", "[smith2019?; @lee2018]" rendered "(smith2019?; Lee 2018)", and only warns
on its standard error, which a rendered document no longer carries. Such a key is read as a key citation, so the
check reports it as the missing reference it is ("undefined key ..."). Only a key that holds a digit (as the keys
of Zotero, Better BibTeX and Google Scholar do: "smith2019", "lee_heat_2018") and stands alone in its part of
a parenthesis or bracket is read so: "(really?)" and "(is it 2019?)" are questions, not keys, and so are
"(CO2?)" and "(H1N1?)": a key holds small letters.

LaTeX prints a citation of an undefined key as a question mark: natbib's "(?)", "(Smith and Jones, 2019; ?)",
the standard styles' "[?]", "[1, ?]". In a PDF's text that mark is all that is left of it, and it is read as a
citation of ``UNRESOLVED_KEY``, which no entry has (reported as LaTeX's undefined citation). A "(?)" alone may
also be a writer's mark of doubt ("born 1850 (?)"), and the check says so (``reconcile.checks``). Only text LaTeX
can have printed holds such marks (``LATEX_OUTPUT_FORMATS``: a PDF, and plain text copied out of one): in a Markdown,
Word or HTML document, a writer's own, "(?)" and "[?]" are a doubt or an illegible word, as in a transcription.
"""
from __future__ import annotations

import re
from collections.abc import Sequence

from ..model import UNRESOLVED_KEY, Citation, CleanText
from .citations import ignored_mask

_KEY = r"[A-Za-z_][\w:.#$%&+<>~/-]*?\d[\w:.#$%&+<>~/-]*?"
_UNRESOLVED = re.compile(rf"(?<=[(\[;])\s*(?P<key>{_KEY})\?(?=\s*[)\];,])")
# LaTeX's "?" for an undefined key: alone in parentheses or brackets, or one part of a group ("[1, ?]", "(Smith and
# Jones, 2019; ?)", "[?, 3]"); pypdf may space it, "( ? )"
# (natbib prints no separator after it before the next work: "[?Lee, 2020]", "(?Lee, 2020)")
_LATEX_MARK = re.compile(r"(?P<open>[(\[])[ \t]?\?[ \t]?(?P<close>[)\]])|(?<=[;,])[ \t]*\?(?=[ \t]*[)\],;])|(?<=\[)[ \t]?\?(?=,)"
                         r"|(?<=[(\[])\?(?=[^\W\d_][^\W\d_]+[^()\[\]\n]*?(?:1[5-9]|20)\d\d[a-z]?[)\]])")


# the formats whose text LaTeX may have printed: a PDF, and plain text (a PDF's text copied out)
LATEX_OUTPUT_FORMATS = frozenset({"pdf", "text"})


def _is_acronym(word: str) -> bool:
    """A word of capitals and digits, "H1N1", "CO2", "G20", "COVID-19": a question about a thing ("which gas
    (CO2?)"), never a citation key, which reference managers write with small letters ("smith2019",
    "Smith2019", "lee_heat_2018")."""
    return sum(c.isalpha() for c in word) < 2 or not any(c.islower() for c in word)


def unresolved_key_citations(text: CleanText, found: Sequence[Citation],
                             latex_output: bool = True) -> tuple[Citation, ...]:
    """The keys pandoc left unresolved in ``text`` ("(ghost2020?)"), each a citation of its key, and, when
    ``latex_output`` (``text`` may be LaTeX's output), LaTeX's "?" for an undefined key; ``found``: the
    citations already read, whose text is passed over."""
    if "?" not in text.text:
        return ()
    taken = sorted((c.span.start, c.span.end) for c in found)
    mask = ignored_mask(text.text)
    out: list[Citation] = []
    for m in _UNRESOLVED.finditer(text.text):
        span = text.span(m.start("key"), m.end() + 1)
        if (mask[m.start("key")] or _is_acronym(m.group("key"))
                or any(start < span.end and span.start < end for start, end in taken)):
            continue
        out.append(Citation(text=f"{m.group('key')}?", span=span, names=(), group=m.group(), key=m.group("key")))
    for m in _LATEX_MARK.finditer(text.text) if latex_output else ():
        at = text.text.index("?", m.start())
        span = text.span(at, at + 1)
        if mask[at] or any(start < span.end and span.start < end for start, end in taken):
            continue
        group = "(?)" if m.group("open") == "(" and m.group("close") == ")" else m.group().strip()
        out.append(Citation(text="?", span=span, names=(), group=group, key=UNRESOLVED_KEY))
    return tuple(sorted(out, key=lambda c: c.span.start))
