"""Works written out in a .tex rather than cited by key: the text of its footnotes (a
notes-bibliography document: ``\\footnote{Barr, ``China's Bride,'' 3.}``), read by
``parse.citation_notes``, and a bibliography written out under a "Bibliography"/"References"
heading, read by the free-text parser. Both decode LaTeX as ``parse.latex`` does and keep
spans into the .tex.
"""
from __future__ import annotations

import dataclasses
import re

from ..model import CleanText, Reference
from .braces import group_ends
from .citation_notes import NoteText
from .latex import _blank, _citation_calls, _optional, _skip_blanks, decode_latex, strip_comments


# --- footnotes (notes-bibliography citations written out) -----------------------------------

_FOOTNOTE = re.compile(r"\\(?:footnote|footnotetext|endnote|endnotetext)(?![A-Za-z])\*?")


def footnotes(text: str, file: str, masked: str | None = None, first: int = 1) -> tuple[NoteText, ...]:
    """The text of every ``\\footnote{..}`` / ``\\footnotetext[n]{..}`` (``\\endnote`` too), decoded
    (italics as ``*..*``, quotes as curly quotes) and mapped to the .tex, its citation commands
    left out (they are key citations already); numbered in order from ``first``, or by their
    ``[n]``. A footnote that holds nothing but citation commands is no note here."""
    masked = strip_comments(text) if masked is None else masked
    without_cites = _blank(masked, [(m.start(), index) for m, _, _, index in _citation_calls(masked)])
    line_starts = CleanText.identity(file, text)._starts()
    notes: list[NoteText] = []
    number = first - 1
    found = list(_FOOTNOTE.finditer(masked))
    ends = group_ends(masked) if found else {}
    for at, m in enumerate(found):
        index = m.end()
        mark = _optional(masked, index, "[", "]")
        if mark is not None:
            index = mark[1]
        open_ = _skip_blanks(masked, index)
        if open_ >= len(masked) or masked[open_] != "{":
            continue
        close = ends.get(open_)
        if close is None:  # never closed: read up to the next note (read on its own), not each to the end
            close = (found[at + 1].start() if at + 1 < len(found) else len(masked)) + 1
        number = int(mark[0]) if mark is not None and mark[0].strip().isdigit() else number + 1
        plain, origin = decode_latex(without_cites, open_ + 1, close - 1, emphasis="*")
        lead = len(plain) - len(plain.lstrip())
        plain, origin = plain[lead:], origin[lead:]
        if not plain.strip(" .;,"):
            continue
        clean = CleanText(file=file, text=plain, origin=tuple(origin) + (origin[-1] + 1,), source=text,
                          _line_starts=line_starts)
        notes.append(NoteText(str(number), clean))
    return tuple(notes)


# --- a bibliography written out under a heading --------------------------------------------

_BIB_HEADING = re.compile(
    r"\\(?:section|chapter|subsection|paragraph)\*?\s*(?:\[[^\]]*\]\s*)?\{\s*(?:Selected\s+)?"
    r"(?:Bibliography|References|Works\s+Cited|Literature\s+Cited|Sources(?:\s+Cited)?|Reference\s+List)\s*\}"
    r"|\\begin\{CSLReferences\}(?:\{[^{}]*\}){0,2}",  # pandoc's list (``--citeproc -t latex``), under no heading of its own
    re.IGNORECASE)
# pandoc's anchor of an entry, ``\\hypertarget{ref-key}{}`` (pandoc 3.1.8 on: ``\\bibitem[\\citeproctext]{ref-key}``):
# the entry's key, which its citations link to (``latex._PANDOC_CITE``)
_PANDOC_ANCHOR = re.compile(r"\\(?:hypertarget|bibitem\s*(?:\[[^\]]*\])?)\s*\{ref-(?P<key>[^{}\s]+)\}")
_BIB_SECTION_END = re.compile(r"\\(?:section|chapter|part|appendix|printbibliography|bibliography(?![A-Za-z])|"
                              r"begin\{thebibliography\}|end\{document\})")
MIN_ENTRY_WORDS = 3  # a shorter paragraph of the section ("Primary sources") is no entry
_ENTRY_BREAK = re.compile(r"\n[ \t]*\n\s*|\\(?:subsection|subsubsection|paragraph)\*?\s*\{[^{}]*\}\s*|\\item(?![A-Za-z])(?:\s*\[[^\]]*\])?\s*|\\par(?![A-Za-z])\s*")
# layout, not text: \begin{hangparas}{..}{..}, \noindent, \hangindent=2em, \vspace{..} ...
_LAYOUT = re.compile(
    r"\\(?:begin|end)\{[^{}]*\}(?:\{[^{}]*\}){0,2}"
    r"|\\(?:hangindent|hangafter|parindent|parskip|leftskip)\s*=?\s*-?[\d.]*\s*(?:em|ex|pt|cm|mm|in)?"
    r"|\\bibitem\s*(?:\[[^\]]*\])?\s*\{[^{}]*\}"
    r"|\\(?:vspace|hspace|setlength|addcontentsline|markboth|markright|label|phantomsection|noindent|"
    r"interlinepenalty|raggedright|small|footnotesize|bibliographystyle|clearpage|newpage|pagebreak|"
    r"thispagestyle|pagestyle|frenchspacing|sloppy|centering)\*?(?![A-Za-z])(?:\s*\{[^{}]*\})*")


def parse_written_bibliography(text: str, file: str, masked: str | None = None) -> tuple[Reference, ...]:
    """The entries written out under a "Bibliography" / "References" heading of a .tex (no
    ``thebibliography``): one per paragraph or ``\\item``, each decoded and read with the
    free-text parser, spans pointing at the .tex."""
    from .references import parse_reference_list

    masked = strip_comments(text) if masked is None else masked
    refs: list[Reference] = []
    line_starts = CleanText.identity(file, text)._starts()
    end = 0
    for heading in _BIB_HEADING.finditer(masked):
        if heading.start() < end:  # pandoc's list under the heading just read
            continue
        stop = _BIB_SECTION_END.search(masked, heading.end())
        end = stop.start() if stop else len(masked)
        layout = [m.span() for m in _LAYOUT.finditer(masked, heading.end(), end)]
        layout += [(m.start(), index) for m, _, _, index in _citation_calls(masked[:end]) if m.start() >= heading.end()]
        section = _blank(masked, layout)
        chars: list[str] = []
        origin: list[int] = []
        at = heading.end()
        for brk in [*_ENTRY_BREAK.finditer(section, heading.end(), end), None]:
            stop_at = brk.start() if brk else end
            decoded, where = decode_latex(section, at, stop_at, emphasis="*")
            plain = decoded.strip()
            if len(plain.split()) >= MIN_ENTRY_WORDS:
                lead = len(decoded) - len(decoded.lstrip())
                if chars:
                    chars.extend("\n\n")
                    origin.extend([origin[-1] + 1] * 2)
                chars.extend(plain)
                origin.extend(where[lead : lead + len(plain)])
            at = brk.end() if brk else end
        if not chars:
            continue
        clean = CleanText(file=file, text="".join(chars), origin=tuple(origin) + (origin[-1] + 1,), source=text,
                          _line_starts=line_starts)
        refs.extend(_anchored(parse_reference_list(clean), masked, heading.end(), end))
    return tuple(refs)


def _anchored(refs: tuple[Reference, ...], masked: str, start: int, end: int) -> tuple[Reference, ...]:
    """The entries of pandoc's list keyed by their anchors (``_PANDOC_ANCHOR``), the key a citation links to:
    each anchor keys the one entry read between it and the next. Unkeyed unless every anchor has one entry."""
    anchors = list(_PANDOC_ANCHOR.finditer(masked, start, end))
    if not anchors or len(anchors) != len(refs):
        return refs
    bounds = [m.start() for m in anchors[1:]] + [end]
    keyed = []
    for ref, anchor, bound in zip(refs, anchors, bounds):
        if not anchor.start() < ref.span.start < bound:
            return refs
        keyed.append(dataclasses.replace(ref, key=anchor.group("key")))
    return tuple(keyed)
