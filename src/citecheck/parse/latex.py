"""LaTeX sources and their auxiliary files: cited keys and the bibliography files they name.

``.tex``: every citation command of natbib and biblatex (``\\cite``, ``\\citep``, ``\\citet``,
``\\citealp``, ``\\citeauthor``, ``\\parencite``, ``\\textcite``, ``\\autocite``, ``\\footcite``,
``\\fullcite``, ``\\smartcite``, ``\\supercite``, capitalised and starred forms ...) with up to two
optional arguments (``[see][p.~5]``: the last is the locator) and one or more keys
(``{a,b}``); the multi-citation commands (``\\cites``, ``\\parencites``, ``\\textcites`` ...) with
their ``(pre)(post)`` and repeated ``[..][..]{keys}``; ``\\nocite{key}`` and ``\\nocite{*}``
(key ``*``: every entry counts as cited). Bibliography files: ``\\bibliography{a,b}``
(``.bib`` added) and ``\\addbibresource[..]{refs.bib}`` (also ``\\addglobalbib``,
``\\addsectionbib``). Included files: ``\\input``, ``\\include``, ``\\subfile``. Comments
(``%`` to the end of the line, not ``\\%``) and ``verbatim``/``lstlisting``/``minted``
environments are skipped.

``.aux`` (after a LaTeX run): ``\\citation{keys}``, ``\\abx@aux@cite{..}{key}`` (biblatex) and
``\\bibdata{a,b}``. ``.bcf`` (biblatex's control file for biber): ``<bcf:citekey>`` and
``<bcf:datasource>``. These list what LaTeX saw, included files and all, as checkcites reads them.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from xml.etree import ElementTree

from ..model import Citation, CleanText, Span
from .bibtex import decode_text

NARRATIVE = frozenset({"citet", "citet*", "textcite", "Textcite", "textcites", "Textcites", "citeauthor",
                       "citeauthor*", "Citeauthor", "Citet", "Citet*"})
_COMMAND = re.compile(r"\\(?P<name>[A-Za-z]*[Cc]ite[A-Za-z]*\*?|nocite)(?![A-Za-z@])")
_RESOURCE = re.compile(r"\\(?P<cmd>bibliography|addbibresource|addglobalbib|addsectionbib)(?![A-Za-z])\s*(?:\[[^\]]*\]\s*)?\{(?P<arg>[^{}]*)\}")
_INCLUDE = re.compile(r"\\(?:input|include|subfile)(?![A-Za-z])\s*\{(?P<arg>[^{}]+)\}")
_VERBATIM = re.compile(r"\\begin\{(verbatim\*?|lstlisting|minted|comment|Verbatim)\}.*?\\end\{\1\}", re.DOTALL)
_COMMENT = re.compile(r"(?<!\\)(?:\\\\)*%[^\n]*")
_NOT_CITES = frozenset({"citation", "citestyle", "citename", "citefield", "citelist", "citeurl", "citedate",
                        "citeurldate", "bibcite", "citesetup", "citereset"})


@dataclass(frozen=True)
class NamedFile:
    """A file a document names (a bibliography or an included source), and where."""

    name: str
    span: Span


@dataclass(frozen=True)
class LatexDocument:
    body: CleanText
    citations: tuple[Citation, ...]
    bibliography: tuple[NamedFile, ...]
    includes: tuple[NamedFile, ...] = ()


def _blank(text: str, spans) -> str:
    chars = list(text)
    for start, end in spans:
        chars[start:end] = [c if c == "\n" else " " for c in text[start:end]]
    return "".join(chars)


def strip_comments(text: str) -> str:
    """Comments and verbatim environments blanked; offsets kept."""
    text = _blank(text, [m.span() for m in _VERBATIM.finditer(text)])
    spans = []
    for m in _COMMENT.finditer(text):
        percent = m.group().index("%")
        spans.append((m.start() + percent, m.end()))
    return _blank(text, spans)


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


def find_latex_citations(clean: CleanText, masked: str) -> tuple[Citation, ...]:
    """Every citation command's keys, in order; one Citation per key."""
    found: list[Citation] = []
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
        text = " ".join(clean.text[m.start() : index].split())
        for options, (start, end, _) in calls:
            locator = decode_text(options[-1]) if options else ""
            for key, span in _keys(masked, clean, start, end):
                found.append(Citation(text=text, span=span, names=(), key=key, locator=locator,
                                      narrative=name in NARRATIVE, group=text))
    return tuple(found)


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


def parse_latex(text: str, file: str) -> LatexDocument:
    clean = CleanText.identity(file, text)
    masked = strip_comments(text)
    return LatexDocument(
        body=clean,
        citations=find_latex_citations(clean, masked),
        bibliography=_named(_RESOURCE, clean, masked, ".bib"),
        includes=_named(_INCLUDE, clean, masked, ".tex"),
    )


_AUX_CITE = re.compile(r"\\(?:citation|abx@aux@cite(?:\{[^{}]*\})?)\{(?P<keys>[^{}]*)\}")
_AUX_DATA = re.compile(r"\\bibdata\{(?P<arg>[^{}]*)\}")


def parse_aux(text: str, file: str) -> LatexDocument:
    """The keys a LaTeX run wrote to ``.aux`` and the ``\\bibdata`` files (``.bib`` added)."""
    clean = CleanText.identity(file, text)
    cites: list[Citation] = []
    for m in _AUX_CITE.finditer(text):
        for key, span in _keys(text, clean, m.start("keys"), m.end("keys")):
            cites.append(Citation(text=f"\\citation{{{key}}}", span=span, names=(), key=key, group=m.group()))
    bibliography = []
    for m in _AUX_DATA.finditer(text):
        for item in re.finditer(r"[^,]+", m.group("arg")):
            name = item.group().strip()
            name = name if name.lower().endswith(".bib") else name + ".bib"
            start = m.start("arg") + item.start()
            bibliography.append(NamedFile(name=name, span=clean.span(start, start + len(item.group()))))
    return LatexDocument(body=clean, citations=tuple(cites), bibliography=tuple(bibliography))


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

