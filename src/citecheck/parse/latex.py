"""LaTeX sources and their auxiliary files: cited keys and the bibliography files they name.

``.tex``: every citation command of natbib and biblatex (``\\cite``, ``\\citep``, ``\\citet``,
``\\citealp``, ``\\citeauthor``, ``\\parencite``, ``\\textcite``, ``\\autocite``, ``\\footcite``,
``\\fullcite``, ``\\smartcite``, ``\\supercite``, capitalised and starred forms ...) with up to two
optional arguments (``[see][p.~5]``: the last is the locator) and one or more keys
(``{a,b}``); the multi-citation commands (``\\cites``, ``\\parencites``, ``\\textcites`` ...) with
their ``(pre)(post)`` and repeated ``[..][..]{keys}``; ``\\nocite{key}`` and ``\\nocite{*}``
(key ``*``: every entry counts as cited). Bibliography files: ``\\bibliography{a,b}``
(``.bib`` added) and ``\\addbibresource[..]{refs.bib}`` (also ``\\addglobalbib``,
``\\addsectionbib``). A ``thebibliography`` environment gives references: each
``\\bibitem[label]{key}`` is read with the free-text parser (``parse.references``) after its
LaTeX markup is decoded (``\\emph``, ``{\\em ..}``, ``~``, ``\\&``, ``--``, accents, ``\\url``,
``\\newblock`` ...), the key kept, the span pointing at the .tex. A bibliography written out
under a "Bibliography"/"References" heading (paragraphs or ``\\item``s) is read the same way
(``parse.latex_written``). The text of every ``\\footnote{..}``/``\\footnotetext{..}`` is kept
(``latex_written.footnotes``: decoded, italics as ``*..*``, its citation commands left out) for the notes
reader (``parse.citation_notes``), which matches works written out in notes-bibliography style.
Included files: ``\\input``, ``\\include``, ``\\subfile``, and the import package's
``\\import{dir/}{file}``, ``\\subimport`` (named from the importing file's folder) and
``\\inputfrom``/``\\includefrom``. Comments (``%`` to the end of the line, not ``\\%`` nor a ``%``
in a ``\\url``'s address), ``verbatim``/``lstlisting``/``minted``/``comment`` environments and the false
branch of ``\\iffalse ... \\else``/``\\fi`` (nested conditionals matched as TeX matches them) are
skipped.

``.aux`` (after a LaTeX run): ``\\citation{keys}``, ``\\abx@aux@cite{..}{key}`` (biblatex) and
``\\bibdata{a,b}``. ``.bcf`` (biblatex's control file for biber): ``<bcf:citekey>`` and
``<bcf:datasource>``. These list what LaTeX saw, included files and all, as checkcites reads them.
"""
from __future__ import annotations

import bisect
import dataclasses
import re
import unicodedata
from dataclasses import dataclass
from xml.etree import ElementTree

from ..model import Citation, CleanText, Finding, Kind, Reference, Severity, Span
from .bibtex import decode_text
from .braces import brace_group_end
from .citation_notes import NoteText

NARRATIVE = frozenset({"citet", "citet*", "textcite", "Textcite", "textcites", "Textcites", "citeauthor",
                       "citeauthor*", "Citeauthor", "Citet", "Citet*"})
_COMMAND = re.compile(r"\\(?P<name>[A-Za-z]*[Cc]ite[A-Za-z]*\*?|nocite)(?![A-Za-z@])")
_RESOURCE = re.compile(r"\\(?P<cmd>bibliography|addbibresource|addglobalbib|addsectionbib)(?![A-Za-z])\s*(?:\[[^\]]*\]\s*)?\{(?P<arg>[^{}]*)\}")
_INCLUDE = re.compile(r"\\(?:input|include|subfile)(?![A-Za-z])\s*\{(?P<arg>[^{}]+)\}")
# the import package: \import{dir/}{file} names dir/file from the main document's folder, \subimport{dir/}{file}
# from the importing file's (and the files it inputs from their own)
_IMPORT = re.compile(r"\\(?P<cmd>(?:sub)?(?:import|inputfrom|includefrom))\*?(?![A-Za-z])\s*"
                     r"\{(?P<dir>[^{}]*)\}\s*\{(?P<arg>[^{}]+)\}")
# TeX's own \input chapters/intro, with no braces: the name ends at a blank (plain TeX, old templates)
_BARE_INPUT = re.compile(r"\\input[ \t]+(?P<arg>[^\s{}\\%,]+)")
_VERBATIM = re.compile(r"\\begin\{(verbatim\*?|lstlisting|minted|comment|Verbatim)\}.*?\\end\{\1\}", re.DOTALL)
# \verb|...| and \lstinline: any delimiter but a letter or a blank, the same again on the same line
_INLINE_VERBATIM = re.compile(r"\\(?:verb\*?|lstinline(?:\[[^\]\n]*\])?)(?P<d>[^A-Za-z\s*\[{])[^\n]*?(?P=d)")
_PERCENT = re.compile(r"(?<!\\)(?:\\\\)*%")  # a "%" that is no "\\%" (after "\\\\", a line break, it is one)
_NOT_CITES = frozenset({"citation", "citestyle", "citename", "citefield", "citelist", "citeurl", "citedate",
                        "citeurldate", "bibcite", "citesetup", "citereset",
                        "citetext",  # natbib's \citetext{priv.\ comm.}: words in the citation's parentheses
                        "citeproc", "citeproctext"})  # pandoc's rendered citation (``_PANDOC_CITE``) and its list


@dataclass(frozen=True)
class NamedFile:
    """A file a document names (a bibliography or an included source), and where."""

    name: str
    span: Span
    beside: bool = False  # named from the naming file's folder first (the import package's \\subimport)


@dataclass(frozen=True)
class LatexDocument:
    body: CleanText
    citations: tuple[Citation, ...]
    bibliography: tuple[NamedFile, ...]
    includes: tuple[NamedFile, ...] = ()
    references: tuple[Reference, ...] = ()
    notes: tuple[NoteText, ...] = ()  # the text of each \\footnote, for written-out citations
    problems: tuple[Finding, ...] = ()  # a command whose argument is not closed ("\\cite{key" ...)
    main: NamedFile | None = None  # a subfile's main document (\\documentclass[../main.tex]{subfiles})


def _blank(text: str, spans) -> str:
    """``text`` with each span blanked (its line breaks kept); spans that overlap (many commands never
    closed, each running on to the end) are blanked once, as their union."""
    chars = list(text)
    merged: list[list[int]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    for start, end in merged:
        chars[start:end] = [c if c == "\n" else " " for c in text[start:end]]
    return "".join(chars)


def strip_comments(text: str) -> str:
    """What LaTeX never reads blanked, offsets kept: comments, verbatim (and ``comment``)
    environments, inline ``\\verb|...|`` and ``\\lstinline``, the false branch of ``\\iffalse``, and what
    follows ``\\end{document}`` or an ``\\endinput``."""
    text = _blank(text, [m.span() for m in _VERBATIM.finditer(text)])
    text = _blank(text, [m.span() for m in _INLINE_VERBATIM.finditer(text)])
    text = _blank(text, comment_spans(text))
    text = _blank(text, iffalse_spans(text))
    return _blank(text, [(end, len(text))] if (end := _unread_end(text)) < len(text) else [])


# where LaTeX stops reading a file: after \end{document} (notes kept below it), and at the end of the
# line of an \endinput that opens a line (TeX reads that line to its end)
_END_DOCUMENT = re.compile(r"\\end\s*\{document\}")
_ENDINPUT = re.compile(r"^[ \t]*\\endinput(?![A-Za-z@])[^\n]*", re.MULTILINE)


def _unread_end(masked: str) -> int:
    """Where the text LaTeX reads ends (``len(masked)`` when it reads it all)."""
    ends = [m.end() for m in (_END_DOCUMENT.search(masked), _ENDINPUT.search(masked)) if m is not None]
    return min(ends, default=len(masked))


# \url{..} and \href{..} read their address verbatim: a "%" in it ("a%20b") starts no comment
_URL_ARGUMENT = re.compile(r"\\(?:url|href|nolinkurl|path)\s*\{[^{}\n]*\}")


def comment_spans(text: str) -> list[tuple[int, int]]:
    """Where each ``%`` comment runs, to its line's end: not a ``\\%``, nor a ``%`` in the address
    of a ``\\url{..}`` or ``\\href{..}``, which the url package reads verbatim (a URL with "%20")."""
    addresses = [m.span() for m in _URL_ARGUMENT.finditer(text)]  # in order, apart: searched, not scanned
    spans: list[tuple[int, int]] = []
    for m in _PERCENT.finditer(text):
        percent = m.end() - 1
        if spans and percent < spans[-1][1]:
            continue
        at = bisect.bisect_right(addresses, percent, key=lambda span: span[0]) - 1
        if at >= 0 and percent < addresses[at][1]:
            continue
        line_end = text.find("\n", percent)
        spans.append((percent, len(text) if line_end < 0 else line_end))
    return spans


# TeX's conditionals (primitives, e-TeX, pdfTeX, iftex's engine tests): each nests to its own \fi.
_CONDITIONALS = frozenset({
    "if", "ifcat", "ifnum", "ifdim", "ifodd", "ifvmode", "ifhmode", "ifmmode", "ifinner", "ifvoid", "ifhbox",
    "ifvbox", "ifx", "ifeof", "iftrue", "iffalse", "ifcase", "ifdefined", "ifcsname", "iffontchar", "ifincsname",
    "ifpdfprimitive", "ifpdfabsnum", "ifpdfabsdim", "ifprimitive", "ifabsnum", "ifabsdim", "ifpdf", "ifxetex",
    "ifluatex", "ifPDFTeX", "ifXeTeX", "ifLuaTeX", "ifpdftex", "ifvtex", "iftutex",
})
_IF_TOKEN = re.compile(r"\\(?P<name>if[A-Za-z@]*|fi|else)(?![A-Za-z@])")
# switches a text declares: \newif\ifdraft, \let\ifshow\iffalse (whose \iffalse starts no branch)
_DECLARED_IF = re.compile(r"\\newif\s*\\(?P<name>if[A-Za-z@]+)|\\let\s*\\(?P<let>if[A-Za-z@]+)\s*=?\s*(?=\\if)")


def iffalse_spans(masked: str) -> list[tuple[int, int]]:
    """Where each ``\\iffalse`` (outside comments) starts and its false branch ends: at the
    ``\\else`` or ``\\fi`` that matches it. Nested conditionals count when TeX counts them:
    its own (``\\ifx``, ``\\ifnum`` ...) and switches the text declares (``\\newif\\ifdraft``,
    ``\\let\\ifshow\\iffalse``, whose ``\\iffalse`` is a value, not a branch); a macro such as
    ``\\ifthenelse`` or etoolbox's ``\\ifdef`` takes no ``\\fi`` and is not counted. An
    ``\\iffalse`` without its ``\\fi`` blanks nothing: text is never dropped on a guess."""
    declared = list(_DECLARED_IF.finditer(masked))
    conditionals = _CONDITIONALS | {m.group("name") or m.group("let") for m in declared}
    values = {m.end() for m in declared if m.group("let")}  # the \iffalse of a \let
    tokens = [m for m in _IF_TOKEN.finditer(masked) if m.group("name") in conditionals | {"fi", "else"}
              and masked[m.start() - 1 : m.start()] != "\\"]  # not "\\" (a line break) + letters
    spans: list[tuple[int, int]] = []
    index = 0
    while index < len(tokens):
        opening = tokens[index]
        index += 1
        if opening.group("name") != "iffalse" or opening.start() in values:
            continue
        depth = 0
        for index in range(index, len(tokens)):
            name = tokens[index].group("name")
            if name in ("fi", "else") and depth == 0:
                break
            if name == "fi":
                depth -= 1
            elif name != "else":
                depth += 1
        else:
            return spans  # no matching \fi
        spans.append((opening.start(), tokens[index].end()))
        index += 1
    return spans


def _optional(text: str, index: int, open_: str, close: str) -> tuple[str, int] | None:
    """A ``[..]`` (or ``(..)``) argument at ``index`` (after blanks), nested brackets allowed."""
    at = index
    while at < len(text) and text[at] in " \t\n":
        at += 1
    if at >= len(text) or text[at] != open_:
        return None
    depth, end = 0, at
    while end < len(text):
        if text[end] in "{" + open_:
            depth += 1
        elif text[end] in "}" + close:
            depth -= 1
            if depth == 0:
                return text[at + 1 : end], end + 1
        end += 1
    return None


def _group(text: str, index: int) -> tuple[int, int, int] | None:
    """A mandatory ``{..}`` argument: (content start, content end, index after)."""
    at = index
    while at < len(text) and text[at] in " \t\n":
        at += 1
    if at >= len(text) or text[at] != "{":
        return None
    close = text.find("}", at)
    return (at + 1, close, close + 1) if close > 0 else None


def _keys(text: str, clean: CleanText, start: int, end: int) -> list[tuple[str, Span]]:
    keys = []
    for m in re.finditer(r"[^,\s]+", text[start:end]):
        keys.append((m.group(), clean.span(start + m.start(), start + m.end())))
    return keys


def _one_call(text: str, index: int) -> tuple[list[str], tuple[int, int, int]] | None:
    options: list[str] = []
    while len(options) < 2:
        opt = _optional(text, index, "[", "]")
        if opt is None:
            break
        options.append(opt[0])
        index = opt[1]
    group = _group(text, index)
    return (options, group) if group else None


def _citation_calls(masked: str):
    """Each citation command: (match, name, its calls, index after the command; for a command whose ``{`` is
    not closed, where its keys end: what follows is text, not part of the command)."""
    for m in _COMMAND.finditer(masked):
        name = m.group("name")
        if name in _NOT_CITES:
            continue
        calls: list[tuple[list[str], tuple[int, int, int]]] = []
        index = m.end()
        if name.rstrip("*").endswith("cites"):
            for _ in range(2):
                paren = _optional(masked, index, "(", ")")
                if paren is None:
                    break
                index = paren[1]
            while (call := _one_call(masked, index)) is not None:
                calls.append(call)
                index = call[1][2]
        else:
            call = _one_call(masked, index)
            if call is not None:
                calls.append(call)
                index = call[1][2]
        runaway = _UNCLOSED.search(masked, calls[-1][1][0], calls[-1][1][1]) if calls else None
        yield m, name, calls, runaway.start() if runaway is not None else index


# what a list of keys or file names never holds: a brace or a command (the "}" that ends the group
# is missing: "\\cite{key" ran on into the next command), or a blank line (TeX ends the argument there)
_UNCLOSED = re.compile(r"[{\\]|\n[ \t]*\n")


def find_latex_citations(clean: CleanText, masked: str) -> tuple[Citation, ...]:
    """Every citation command's keys, in order; one Citation per key."""
    return _citations_and_problems(clean, masked)[0]


_PARAMETER = re.compile(r"#+[1-9]")  # a macro's parameter: "\newcommand{\mycite}[1]{\cite{#1}}" cites no key "#1"
# A citation pandoc wrote (``pandoc --citeproc -t latex``, with link-citations): its text rendered and linked to
# the entry's anchor, ``\\hyperlink{ref-key}{Lee 2019}`` (pandoc 3.1.8 on: ``\\citeproc{ref-key}{Lee 2019}``);
# the text's braces nest once at most (``{{[}1{]}}``, a numbered style's brackets)
_PANDOC_CITE = re.compile(r"\\(?P<name>hyperlink|citeproc)\s*\{ref-(?P<key>[^{}\s]+)\}\s*"
                          r"\{(?P<text>(?:[^{}]|\{(?:[^{}]|\{[^{}]*\})*\})*)\}")
# what follows the year in a rendered citation's text: its locator ("Lee 2019, 4", "[2, p. 4]")
_RENDERED_LOCATOR = re.compile(r"(?:\b(?:1[5-9]|20)\d{2}[a-z]?|\bn\.\s?d\.|^\[?\d+)\s*,\s*(?P<locator>[^\]]+?)\]?$")
_RENDERED_YEAR_ONLY = re.compile(r"(?:1[5-9]|20)\d{2}[a-z]?|n\.\s?d\.")


def _pandoc_citations(clean: CleanText, masked: str) -> list[Citation]:
    """Each citation pandoc rendered and linked (``_PANDOC_CITE``), by the key of the entry it links to; a year
    alone, "Smith (\\hyperlink{ref-smith}{2019})", is a narrative citation, its author named outside the link."""
    found = []
    for m in _PANDOC_CITE.finditer(masked):
        shown = " ".join(decode_latex(masked, m.start("text"), m.end("text"))[0].split())
        locator = _RENDERED_LOCATOR.search(shown)
        found.append(Citation(text=shown, span=clean.span(m.start(), m.end()), names=(), key=m.group("key"),
                              locator=locator.group("locator").strip() if locator else "",
                              narrative=_RENDERED_YEAR_ONLY.fullmatch(shown) is not None, group=shown))
    return found


def _citations_and_problems(clean: CleanText, masked: str) -> tuple[tuple[Citation, ...], tuple[Finding, ...]]:
    """``find_latex_citations`` (with pandoc's rendered ones, ``_pandoc_citations``), and a warning for each
    citation command whose ``{`` is not closed: its keys are read up to where the group should have ended,
    never on into the next command."""
    found: list[Citation] = []
    problems: list[Finding] = []
    for m, name, calls, index in _citation_calls(masked):
        text = " ".join(clean.text[m.start() : index].split())
        for options, (start, end, _) in calls:
            locator = decode_text(options[-1]) if options else ""
            runaway = _UNCLOSED.search(masked, start, end)
            if runaway is not None:
                end = runaway.start()
                text = " ".join(clean.text[m.start() : end].split())
                problems.append(_unclosed(clean, m.start(), f"\\{name}{{", "its keys are read up to the line's end"))
            for key, span in _keys(masked, clean, start, end):
                if _PARAMETER.fullmatch(key):  # "\cite{#1}" in a macro's definition (pandoc 3's \citeproc): no key
                    continue
                found.append(Citation(text=text, span=span, names=(), key=key, locator=locator,
                                      narrative=name in NARRATIVE, group=text))
    rendered = _pandoc_citations(clean, masked)
    if rendered:
        found = sorted(found + rendered, key=lambda citation: citation.span.start)
    return tuple(found), tuple(problems)


_OPEN_RESOURCE = re.compile(r"\\(?P<cmd>bibliography|addbibresource|addglobalbib|addsectionbib|input|include|subfile)"
                            r"(?![A-Za-z])\s*(?:\[[^\]]*\]\s*)?\{")
_RUNAWAY = re.compile(r"\{|\n[ \t]*\n")  # in a file name list before its "}": the "}" is missing


def _unclosed_files(clean: CleanText, masked: str) -> tuple[Finding, ...]:
    """A warning for each ``\\bibliography{``, ``\\addbibresource{`` or ``\\input{`` whose ``}`` is
    missing (none follows, or another group or a blank line comes first): the file it names is not
    read (LaTeX itself stops there)."""
    problems = []
    for m in _OPEN_RESOURCE.finditer(masked):
        close = masked.find("}", m.end())
        if close < 0 or _RUNAWAY.search(masked, m.end(), close):
            problems.append(_unclosed(clean, m.start(), f"\\{m.group('cmd')}{{", "the file it names is not read"))
    return tuple(problems)


def _unclosed(clean: CleanText, at: int, command: str, consequence: str) -> Finding:
    span = clean.span(at, at + len(command))
    return Finding(kind=Kind.UNPARSED_ENTRY, severity=Severity.WARNING, span=span,
                   message=f"line {span.line}: {command} is not closed (its }} is missing): {consequence}")


def _named(pattern: re.Pattern[str], clean: CleanText, masked: str, suffix: str) -> tuple[NamedFile, ...]:
    files = []
    for m in pattern.finditer(masked):
        bibtex_style = m.groupdict().get("cmd") == "bibliography"
        for item in re.finditer(r"[^,]+", m.group("arg")):
            name = item.group().strip()
            if not name:
                continue
            if (bibtex_style or suffix == ".tex") and not name.lower().endswith(suffix):
                name += suffix
            start = m.start("arg") + item.start()
            files.append(NamedFile(name=name, span=clean.span(start, start + len(item.group()))))
    return tuple(files)


def _imported(clean: CleanText, masked: str) -> tuple[NamedFile, ...]:
    """The files of the import package's commands, their folder and name joined ("chapters/" + "intro.tex")."""
    files = []
    for m in _IMPORT.finditer(masked):
        folder, name = m.group("dir").strip(), m.group("arg").strip()
        name = name if name.lower().endswith(".tex") else name + ".tex"
        path = f"{folder.rstrip('/')}/{name}" if folder and folder not in (".", "./") else name
        files.append(NamedFile(name=path, span=clean.span(m.start("arg"), m.end("arg")),
                               beside=m.group("cmd").startswith("sub")))
    return tuple(files)


_SUBFILE_CLASS = re.compile(r"\\documentclass\s*\[(?P<arg>[^\]]+)\]\s*\{subfiles\}")


def _main_document(clean: CleanText, masked: str) -> NamedFile | None:
    """The main document a subfile names (``\\documentclass[../main.tex]{subfiles}``), whose preamble
    (its bibliography) the subfile is compiled with."""
    m = _SUBFILE_CLASS.search(masked)
    if m is None or not m.group("arg").strip():
        return None
    name = m.group("arg").strip()
    name = name if name.lower().endswith(".tex") else name + ".tex"
    return NamedFile(name=name, span=clean.span(m.start("arg"), m.end("arg")))


def parse_latex(text: str, file: str) -> LatexDocument:
    from .latex_written import footnotes, parse_written_bibliography  # built on this module's decoding

    clean = CleanText.identity(file, text)
    masked = strip_comments(text)
    citations, problems = _citations_and_problems(clean, masked)
    return LatexDocument(
        body=clean,
        citations=citations,
        bibliography=_named(_RESOURCE, clean, masked, ".bib"),
        includes=tuple(sorted(_named(_INCLUDE, clean, masked, ".tex") + _named(_BARE_INPUT, clean, masked, ".tex")
                              + _imported(clean, masked),
                              key=lambda named: (named.span.line, named.span.column))),
        references=parse_bibitems(text, file, masked) + parse_written_bibliography(text, file, masked),
        notes=footnotes(text, file, masked),
        problems=_unclosed_files(clean, masked) + problems,
        main=_main_document(clean, masked),
    )


# --- thebibliography ---------------------------------------------------------------------------

_THEBIB = re.compile(r"\\begin\{thebibliography\}(?P<body>.*?)(?:\\end\{thebibliography\}|\Z)", re.DOTALL)
_BIBITEM = re.compile(r"\\bibitem(?![A-Za-z])")
# Declarations ({\em ..}) and formatting commands whose argument stays as text.
_DROPPED = frozenset({
    "emph", "textit", "textbf", "textsc", "texttt", "textrm", "textsf", "textup", "textmd", "textsl",
    "textnormal", "mkbibquote", "enquote", "mbox", "hbox", "NoCaseChange", "relax", "it", "bf", "em", "sc",
    "tt", "rm", "sf", "sl", "itshape", "bfseries", "scshape", "upshape", "normalfont", "small", "footnotesize",
    "bibinfo", "bibfield", "bibnamefont", "bibfnamefont", "citenamefont", "urlprefix", "doiprefix",
    "BibitemOpen", "BibitemShut", "natexlab", "protect", "penalty", "allowbreak", "unskip", "ignorespaces",
    "leavevmode",
})
_SPACES = frozenset({"newblock", "par", "quad", "qquad", "hfill", "break", "linebreak", "newline", "space"})
_LOGOS = {"TeX": "TeX", "LaTeX": "LaTeX", "LaTeXe": "LaTeX2e", "BibTeX": "BibTeX", "XeTeX": "XeTeX",
          "etal": "et al.", "ldots": "\u2026", "dots": "\u2026", "textellipsis": "\u2026"}
_CONTROL_WORD = re.compile(r"\\[A-Za-z]+")
_LETTERS = re.compile(r"[A-Za-z]+")
_LETTER_ACCENTS = frozenset("uvHckrdb")  # \v{S}, \c c; a longer word (\url) is another command
_VERBATIM_ARG = frozenset({"url", "nolinkurl", "path"})
# first argument is not text (pandoc's LaTeX: an entry's anchor, ``\\hypertarget{ref-key}{}``, a citation's link,
# ``\\hyperlink{ref-key}{Lee 2019}``, pandoc 3's ``\\citeproc{ref-key}{Lee 2019}``, whose second argument is the text)
_ARG_DROPPED = frozenset({"bibinfo", "bibfield", "label", "penalty", "hypertarget", "hyperlink", "citeproc"})
# commands whose argument is a TeX number, no brace group: natbib's styles write "124\\penalty0 (3):\\penalty0
# 1201--1219" in every article (the "0" was read into the volume, "1240 (3):01201")
_NUMBER_ARG = frozenset({"penalty"})
# ``\\vadjust pre{...}`` (pandoc's LaTeX puts each entry's anchor so): its material is no text, nor is "pre"
_VADJUST = re.compile(r"[ \t]*(?:pre)?[ \t]*(?=\{)")
_TEX_NUMBER = re.compile(r"[ \t\n]*[+-]?[ \t]*\d+")
_ITALIC = frozenset({"emph", "textit", "textsl", "mkbibemph"})
_ITALIC_DECLARATION = re.compile(r"\{\s*\\(?:em|it|itshape|sl|slshape)(?![A-Za-z])\s*")


def _skip_blanks(text: str, index: int) -> int:
    while index < len(text) and text[index] in " \t\n":
        index += 1
    return index


def _accent_end(text: str, index: int) -> int:
    """End of the letter(s) an accent command applies to, starting after the accent."""
    index = _skip_blanks(text, index) if index < len(text) and text[index] == " " else index
    if index >= len(text):
        return index
    if text[index] == "{":
        return brace_group_end(text, index)
    if text[index] == "\\":
        m = _CONTROL_WORD.match(text, index)
        return m.end() if m else index + 2
    return index + 1


def decode_latex(text: str, start: int, end: int, emphasis: str = "") -> tuple[str, list[int]]:
    """``text[start:end]`` as plain text, with the offset in ``text`` of every output character.

    Markup is dropped, escapes, accents, dashes and quotes decoded; whitespace runs folded to
    one space (on one line, so the free-text parser reads it as one entry). With ``emphasis``
    ("*"), italic text (``\\emph{..}``, ``\\textit{..}``, ``{\\em ..}``, ``{\\it ..}``) is wrapped in
    it, as Markdown marks a title.
    """
    out: list[str] = []
    origin: list[int] = []

    def put(chars: str, at: int) -> None:
        for ch in chars:
            if ch.isspace():
                if not out or out[-1] == " ":
                    continue
                ch = " "
            out.append(ch)
            origin.append(at)

    def italic(open_: int, close: int, inner_start: int) -> int:
        """Put the brace group text[open_:close] (its text from ``inner_start``) between emphasis marks."""
        inner, at = decode_latex(text, inner_start, close - 1, emphasis)
        if inner.strip():
            put(emphasis, open_)
            for char, offset in zip(inner, at):
                put(char, offset)
            put(emphasis, close - 1)
        return close

    index = start
    while index < end:
        ch = text[index]
        if emphasis and ch == "{" and (declared := _ITALIC_DECLARATION.match(text, index, end)):
            index = italic(index, min(brace_group_end(text, index), end), declared.end())
            continue
        if ch == "\\" and index + 1 < end:
            nxt = text[index + 1]
            name_match = _LETTERS.match(text, index + 1, end)
            if nxt in "'`^\"~=." or (name_match and name_match.group() in _LETTER_ACCENTS):
                stop = min(_accent_end(text, index + 2), end)
                put(unicodedata.normalize("NFC", decode_text(text[index:stop])), index)
                index = stop
            elif name_match:
                name = name_match.group()
                after = index + 1 + len(name)
                if name in _VERBATIM_ARG and _skip_blanks(text, after) < end and text[_skip_blanks(text, after)] == "{":
                    open_ = _skip_blanks(text, after)
                    close = min(brace_group_end(text, open_), end)
                    for offset in range(open_ + 1, close - 1):
                        put(text[offset], offset)
                    index = close
                elif name == "href" and _skip_blanks(text, after) < end and text[_skip_blanks(text, after)] == "{":
                    open_ = _skip_blanks(text, after)
                    close = min(brace_group_end(text, open_), end)
                    for offset in range(open_ + 1, close - 1):
                        put(text[offset], offset)
                    shown = _skip_blanks(text, close)
                    index = min(brace_group_end(text, shown), end) if shown < end and text[shown] == "{" else close
                elif emphasis and name in _ITALIC and _skip_blanks(text, after) < end and text[_skip_blanks(text, after)] == "{":
                    open_ = _skip_blanks(text, after)
                    index = italic(open_, min(brace_group_end(text, open_), end), open_ + 1)
                elif name == "doi" and _skip_blanks(text, after) < end and text[_skip_blanks(text, after)] == "{":
                    put("doi:", index)
                    index = _skip_blanks(text, after) + 1
                elif name in _NUMBER_ARG and (number := _TEX_NUMBER.match(text, after, end)):
                    index = number.end()
                elif name == "vadjust" and (keyword := _VADJUST.match(text, after, end)):
                    index = min(brace_group_end(text, keyword.end()), end)
                elif name in _ARG_DROPPED and _skip_blanks(text, after) < end and text[_skip_blanks(text, after)] == "{":
                    index = min(brace_group_end(text, _skip_blanks(text, after)), end)
                elif name in _SPACES:
                    put(" ", index)
                    index = after
                elif name in _DROPPED:
                    index = _skip_blanks(text, after) if name not in {"emph"} else after
                else:  # a symbol (\ss, \TeX); an unknown command is dropped, its argument kept
                    decoded = _LOGOS.get(name) or decode_text("\\" + name + "{}")
                    if not decoded.startswith("\\"):
                        put(decoded, index)
                    index = after + 2 if text.startswith("{}", after) else _skip_blanks(text, after)
            else:  # \& \% \_ ...; \- \/ \@ \! are nothing; \\ \, \<space> a space
                decoded = "" if nxt in "-/@!" else decode_text(text[index : index + 2]) or " "
                put(decoded, index)
                index += 2
        elif ch in "{}$":
            index += 1
        elif ch == "~":
            put(" ", index)
            index += 1
        elif ch == "-" and text.startswith("--", index):
            dash = "\u2014" if text.startswith("---", index) else "\u2013"
            put(dash, index)
            index += 3 if dash == "\u2014" else 2
        elif ch == "`" and text.startswith("``", index):
            put("\u201c", index)
            index += 2
        elif ch == "'" and text.startswith("''", index):
            put("\u201d", index)
            index += 2
        else:
            put(ch, index)
            index += 1
    while out and out[-1] == " ":
        out.pop()
        origin.pop()
    return "".join(out), origin


def parse_bibitems(text: str, file: str, masked: str | None = None) -> tuple[Reference, ...]:
    """The references of every ``thebibliography`` environment, one per ``\\bibitem``, keyed."""
    from .references import parse_reference_list  # the free-text parser, used for the entry text

    masked = strip_comments(text) if masked is None else masked
    refs: list[Reference] = []
    line_starts = CleanText.identity(file, text)._starts()  # once, shared by every entry's text
    for env in _THEBIB.finditer(masked):
        body_start, body_end = env.start("body"), env.end("body")
        items = [m for m in _BIBITEM.finditer(masked, body_start, body_end)]
        for number, item in enumerate(items):
            index = item.end()
            label = _optional(masked, index, "[", "]")
            if label is not None:
                index = label[1]
            group = _group(masked, index)
            if group is None:
                continue
            key = masked[group[0] : group[1]].strip()
            stop = items[number + 1].start() if number + 1 < len(items) else body_end
            plain, origin = decode_latex(masked, group[2], stop)
            if not plain.strip():
                continue
            lead = len(plain) - len(plain.lstrip())
            plain, origin = plain[lead:], origin[lead:]
            clean = CleanText(file=file, text=plain, origin=tuple(origin) + (origin[-1] + 1,), source=text,
                              _line_starts=line_starts)
            parsed = parse_reference_list(clean)
            if not parsed:
                continue
            refs.append(dataclasses.replace(parsed[0], key=key))
    return tuple(refs)


_AUX_CITE = re.compile(r"\\(?:citation|abx@aux@cite(?:\{[^{}]*\})?)\{(?P<keys>[^{}]*)\}")
# biblatex writes \nocite{*} to the .aux as this, where BibTeX's \citation{*} names the key "*"
_AUX_NOCITE_ALL = re.compile(r"\\abx@aux@nociteall\b")
_AUX_DATA = re.compile(r"\\bibdata\{(?P<arg>[^{}]*)\}")
# the .aux of each \include'd file, which LaTeX names in the main .aux (and BibTeX reads): \@input{ch/intro.aux}
_AUX_INPUT = re.compile(r"\\@input\{(?P<arg>[^{}]+)\}")


def parse_aux(text: str, file: str) -> LatexDocument:
    """The keys a LaTeX run wrote to ``.aux`` and the ``\\bibdata`` files (``.bib`` added); ``includes``:
    the ``.aux`` of each ``\\include``d file it names (``\\@input{chapters/intro.aux}``), whose keys
    BibTeX reads as the main file's."""
    clean = CleanText.identity(file, text)
    cites: list[Citation] = []
    for m in _AUX_CITE.finditer(text):
        for key, span in _keys(text, clean, m.start("keys"), m.end("keys")):
            cites.append(Citation(text=f"\\citation{{{key}}}", span=span, names=(), key=key, group=m.group()))
    for m in _AUX_NOCITE_ALL.finditer(text):
        cites.append(Citation(text=m.group(), span=clean.span(m.start(), m.end()), names=(), key="*", group=m.group()))
    bibliography = []
    for m in _AUX_DATA.finditer(text):
        for item in re.finditer(r"[^,]+", m.group("arg")):
            name = item.group().strip()
            name = name if name.lower().endswith(".bib") else name + ".bib"
            start = m.start("arg") + item.start()
            bibliography.append(NamedFile(name=name, span=clean.span(start, start + len(item.group()))))
    includes = tuple(NamedFile(name=m.group("arg").strip(), span=clean.span(m.start("arg"), m.end("arg")))
                     for m in _AUX_INPUT.finditer(text) if m.group("arg").strip())
    return LatexDocument(body=clean, citations=tuple(cites), bibliography=tuple(bibliography), includes=includes)


def parse_bcf(text: str, file: str) -> LatexDocument:
    """The cite keys and bibtex data sources of a biblatex ``.bcf`` file."""
    clean = CleanText.identity(file, text)
    try:
        root = ElementTree.fromstring(text)
    except ElementTree.ParseError as exc:
        from ..errors import InputError

        raise InputError(f"is not a valid .bcf (XML) file: {exc}", file, exc.position[0]) from exc
    cites: list[Citation] = []
    cursor = 0
    seen: set[str] = set()
    for element in root.iter():
        tag = element.tag.rsplit("}", 1)[-1]
        if tag == "citekey" and (element.text or "").strip():
            key = element.text.strip()
            at = text.find(">" + key + "<", cursor)
            start = at + 1 if at >= 0 else 0
            cursor = max(cursor, start)
            if key in seen:  # biblatex writes a key once per refsection/context; one citation each is enough
                continue
            seen.add(key)
            cites.append(Citation(text=f"<bcf:citekey>{key}</bcf:citekey>", span=clean.span(start, start + len(key)),
                                  names=(), key=key))
    bibliography = []
    for element in root.iter():
        if element.tag.rsplit("}", 1)[-1] == "datasource" and (element.text or "").strip():
            if element.get("datatype", "bibtex") != "bibtex":
                continue
            name = element.text.strip()
            at = max(text.find(">" + name + "<"), -1) + 1
            bibliography.append(NamedFile(name=name, span=clean.span(at, at + len(name))))
    return LatexDocument(body=clean, citations=tuple(cites), bibliography=tuple(bibliography))

