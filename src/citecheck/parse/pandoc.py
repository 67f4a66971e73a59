"""Pandoc Markdown: ``[@key]`` citations and the bibliography files the front matter names.

Citation syntax (pandoc's manual, "Citation syntax"):

* ``[@key]``, ``[see @key, p. 33; @key2]``, ``[-@key]`` (author suppressed): a bracketed
  group of ``;``-separated items, each with an optional prefix, the key and an optional
  locator/suffix;
* ``@key`` in running text (narrative), optionally followed by ``[p. 33]``;
* keys start with a letter, digit or ``_`` and may contain ``:.#$%&-+?<>~/`` inside
  (trailing punctuation is not part of the key), or are braced: ``@{my key}``.

An ``@`` preceded by a letter, digit or ``.`` (an e-mail address), text in code spans,
fenced code blocks and the YAML front matter are not citations. The front matter's
``bibliography:`` (a single file, a ``[a.bib, b.json]`` list, or a ``- item`` list) names
the bibliography files, relative to the document. Its ``references:`` (a list of CSL items
in YAML, as pandoc's manual describes) are read as references (``parse.csl_json``'s item
reader; their strings are Markdown, as pandoc reads them: ``*Origin*`` is emphasis,
``parse.markdown_text``; a date YAML reads as a date, or a pandoc-citeproc ``[{year: .., month: ..}]``, is
taken as the CSL date it means), each with the span of its item in the document. Its
``nocite:`` (``nocite: '@a, @b'``, or a block ``nocite: |`` with the keys on the lines below;
``@*`` for every entry) cites its keys without a mark in the text, as ``\\nocite`` does in LaTeX.
"""
from __future__ import annotations

import bisect
import datetime
import re
from dataclasses import dataclass
from typing import Any

from ..model import Citation, CleanText, Finding, Kind, Reference, Severity, Span
from ..emit.rich_text import csl_to_latex, has_rich_text
from .csl_json import RICH_TEXT, item_to_reference
from .markdown_text import markdown_to_csl
from .surrogates import lone_halves_problem, whole_characters

_FRONT = re.compile(r"\A(?:\ufeff)?---[ \t]*\n(.*?\n)(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.DOTALL)
_KEY_BODY = r"[\w](?:[\w:.#$%&\-+?<>~/]*[\w])?"
_KEY = re.compile(rf"(?P<minus>-)?@(?:\{{(?P<braced>[^{{}}\s]+)\}}|(?P<plain>{_KEY_BODY}))")
_BRACKET = re.compile(r"\[(?P<inner>[^\[\]\n]*(?:\n[^\[\]\n]+)*)\]")
_BRACED_LOCATOR = re.compile(r"\{(?P<locator>[^{}]*)\}")
_FENCE = re.compile(r"^(?P<fence>```+|~~~+).*?^(?P=fence)[ \t]*$", re.MULTILINE | re.DOTALL)
_CODE_SPAN = re.compile(r"(`+)(?:(?!\1).)+?\1", re.DOTALL)
_HTML_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)  # raw HTML pandoc leaves out: a citation in it cites nothing
# addresses, where "@" is a character of the URL (https://medium.com/@jane/post): a link's "](...)", an
# autolink "<https://...>" and a reference link's definition "[post]: https://..." (not a note's "[^1]:")
_ADDRESSES = re.compile(r"(?<=\]\()[^)\s]+|<[A-Za-z][A-Za-z0-9+.-]{1,31}:[^\s<>]*>"
                        r"|(?<=\]:)[ \t]*(?:<[^>\n]*>|\S+)(?<=\S)", re.MULTILINE)
_LINK_DEFINITION = re.compile(r"^ {0,3}\[(?!\^)[^\]\n]+\]:", re.MULTILINE)
_NARRATIVE_LOCATOR = re.compile(r"[ \t]?\[(?P<loc>[^\[\]@\n]*)\]")


@dataclass(frozen=True)
class BibliographyRef:
    """A bibliography file named by the document, and where."""

    name: str
    span: Span


@dataclass(frozen=True)
class PandocDocument:
    body: CleanText
    citations: tuple[Citation, ...]
    bibliography: tuple[BibliographyRef, ...]
    references: tuple[Reference, ...] = ()
    findings: tuple[Finding, ...] = ()


def _masked(text: str, front_end: int) -> str:
    """``text`` with front matter, fenced code, HTML comments, code spans and link addresses blanked
    (offsets kept)."""
    chars = list(text)
    spans = [(0, front_end)] + [m.span() for m in _FENCE.finditer(text)] + [m.span() for m in _HTML_COMMENT.finditer(text)]
    for start, end in spans:
        chars[start:end] = [c if c == "\n" else " " for c in text[start:end]]
    masked = "".join(chars)
    for m in _CODE_SPAN.finditer(masked):
        chars[m.start() : m.end()] = [c if c == "\n" else " " for c in text[m.start() : m.end()]]
    for start, end in _indented_code(masked):
        chars[start:end] = [c if c == "\n" else " " for c in text[start:end]]
    definitions = {m.end() for m in _LINK_DEFINITION.finditer(masked)}
    for m in _ADDRESSES.finditer(masked):
        if masked[m.start() - 1 : m.start()] == ":" and m.start() not in definitions:
            continue  # "]:" in running text, or a note's "[^1]:", is no link definition
        chars[m.start() : m.end()] = [" "] * (m.end() - m.start())
    return "".join(chars)


_INDENTED = re.compile(r"(?: {4}|\t)")
_LIST_ITEM = re.compile(r"[ \t]{0,3}(?:[-*+]|\d{1,9}[.)]|#\.|\(?[A-Za-z][.)]|\[\^[^\]]+\]:)(?:[ \t]|$)")


def _indented_code(text: str) -> list[tuple[int, int]]:
    """Where each indented code block is (lines indented four spaces or a tab, after a blank line), as pandoc
    reads one: not when the paragraph before it opens a list item or a note, or is itself indented (then
    the indented lines go on with the item: a list's or a note's second paragraph)."""
    spans: list[tuple[int, int]] = []
    lines = text.split("\n")
    offsets = [0]
    for line in lines:
        offsets.append(offsets[-1] + len(line) + 1)
    index = 0
    while index < len(lines):
        if not (_INDENTED.match(lines[index]) and lines[index].strip() and (index == 0 or not lines[index - 1].strip())):
            index += 1
            continue
        before = index - 1
        while before >= 0 and not lines[before].strip():
            before -= 1
        opening = before
        while opening > 0 and lines[opening - 1].strip():
            opening -= 1
        in_list = before >= 0 and (_LIST_ITEM.match(lines[opening]) is not None or _INDENTED.match(lines[opening]) is not None)
        end = index
        while end < len(lines) and (_INDENTED.match(lines[end]) or not lines[end].strip()):
            end += 1
        while end > index and not lines[end - 1].strip():
            end -= 1
        if not in_list:
            spans.append((offsets[index], offsets[end] - 1))
        index = end
    return spans


def front_matter_bibliography(text: str, clean: CleanText) -> tuple[tuple[BibliographyRef, ...], int]:
    """The files ``bibliography:`` names, and where the front matter ends (0 if none)."""
    match = _FRONT.match(text)
    if not match:
        return (), 0
    block, base = match.group(1), match.start(1)
    found: list[BibliographyRef] = []
    head = re.search(r"^bibliography:[ \t]*(.*)$", block, re.MULTILINE)
    if head:
        value = _uncommented(head.group(1)).strip()
        if value.startswith("["):
            offset = base + head.start(1)
            for item in re.finditer(r"[^\[\],\s][^\[\],]*", value):
                found.append(_ref(item.group(), clean, offset + item.start()))
        elif value:
            found.append(_ref(value, clean, base + head.start(1)))
        else:
            after = head.end()
            for item in re.finditer(r"^[ \t]+-[ \t]+(.+)$|^(?P<stop>\S)", block[after:].lstrip("\n"), re.MULTILINE):
                if item.group("stop"):
                    break
                start = base + after + (len(block[after:]) - len(block[after:].lstrip("\n"))) + item.start(1)
                found.append(_ref(_uncommented(item.group(1)), clean, start))
    return tuple(found), match.end()


_NOCITE = re.compile(r"^nocite:[^\n]*(?:\n[ \t]+[^\n]*)*", re.MULTILINE)  # the key and its indented lines
_NOCITE_KEY = re.compile(rf"@(?:\*|\{{[^{{}}\s]+\}}|{_KEY_BODY})")


def front_matter_nocite(text: str, clean: CleanText) -> tuple[Citation, ...]:
    """The keys the front matter's ``nocite:`` cites (``*``: every entry), each spanning its ``@key``."""
    match = _FRONT.match(text)
    if not match:
        return ()
    block, base = match.group(1), match.start(1)
    found: list[Citation] = []
    for entry in _NOCITE.finditer(block):
        for key in _NOCITE_KEY.finditer(entry.group(), len("nocite:")):
            start = base + entry.start() + key.start()
            name = key.group()[1:].strip("{}")
            found.append(Citation(text=key.group(), span=clean.span(start, start + len(key.group())), names=(),
                                  key=name, group="nocite"))
    return tuple(found)


_YAML_COMMENT = re.compile(r"(?:^|[ \t])#.*$")  # YAML's comment: a "#" after a blank, to the line's end
_QUOTED = re.compile(r"""^\s*(?:"(?:[^"\\]|\\.)*"|'(?:[^']|'')*')""")


def _uncommented(value: str) -> str:
    """A front-matter value without its YAML comment ("refs.bib  # from Zotero" is "refs.bib"); a quoted
    value is kept whole up to its closing quote (a "#" in it is no comment)."""
    quoted = _QUOTED.match(value)
    if quoted:
        return quoted.group()
    return _YAML_COMMENT.sub("", value)


def _ref(value: str, clean: CleanText, start: int) -> BibliographyRef:
    name = value.strip().strip("'\"“”‘’")
    return BibliographyRef(name=name, span=clean.span(start, start + len(value.rstrip())))


def _citation(clean: CleanText, key: re.Match[str], offset: int, text: str, group: str, locator: str,
              narrative: bool) -> Citation:
    start, end = offset + key.start(), offset + key.end()
    name = key.group("braced") or key.group("plain")
    return Citation(text=" ".join(text.split()), span=clean.span(start, end), names=(), key=name,
                    locator=locator.strip(), narrative=narrative, group=" ".join(group.split()))


def _bracketed(clean: CleanText, masked: str, match: re.Match[str]) -> list[Citation]:
    inner, base = match.group("inner"), match.start("inner")
    if not any(_is_key_start(inner, k.start()) for k in _KEY.finditer(inner)):
        return []
    found: list[Citation] = []
    position = 0
    for item in inner.split(";"):
        keys = [k for k in _KEY.finditer(item) if _is_key_start(item, k.start())]
        if not keys:
            position += len(item) + 1
            continue
        key = keys[0]
        suffix = item[key.end() :].lstrip()
        braced = _BRACED_LOCATOR.match(suffix)  # pandoc's "[@smith{pp. 33-41}, with a remark]": the braces hold it
        locator = braced.group("locator") if braced else suffix[1:] if suffix.startswith(",") else suffix
        found.append(_citation(clean, key, base + position, item.strip(), match.group(), locator, False))
        position += len(item) + 1
    return found


def _is_key_start(text: str, index: int) -> bool:
    """An ``@`` (or ``-@``) not inside a word or an e-mail address, nor escaped (``\\@``, a literal @;
    after ``\\\\``, an escaped backslash, it is a citation again)."""
    if index == 0:
        return True
    if text[index - 1] == "\\":
        return (index - len(text[:index].rstrip("\\"))) % 2 == 0
    return not (text[index - 1].isalnum() or text[index - 1] in "._@")


def _inside(spans: list[tuple[int, int]], index: int) -> bool:
    """Is ``index`` inside one of ``spans`` (in order, not overlapping, as ``finditer`` gives them)?
    A search, not a scan: a document with 20,000 citations has as many spans."""
    at = bisect.bisect_right(spans, index, key=lambda span: span[0]) - 1
    return at >= 0 and spans[at][0] <= index < spans[at][1]


def find_key_citations(clean: CleanText, front_end: int = 0) -> tuple[Citation, ...]:
    """Every pandoc citation of the text, in order."""
    masked = _masked(clean.text, front_end)
    found: list[tuple[int, Citation]] = []
    taken: list[tuple[int, int]] = []
    for match in _BRACKET.finditer(masked):
        cites = _bracketed(clean, masked, match)
        if cites:
            taken.append(match.span())
            found.extend((match.start(), c) for c in cites)
    for key in _KEY.finditer(masked):
        if key.group("minus") or not _is_key_start(masked, key.start()):
            continue
        if _inside(taken, key.start()):
            continue
        locator = _NARRATIVE_LOCATOR.match(masked, key.end())
        end = locator.end() if locator else key.end()
        text = masked[key.start() : end]
        found.append((key.start(), _citation(clean, key, 0, text, text, locator.group("loc") if locator else "", True)))
    found.sort(key=lambda pair: pair[0])
    return tuple(c for _, c in found)


def _csl_value(value: Any) -> Any:
    """A YAML value as the JSON value CSL means: dates as ISO text, ``[{year: ..}]`` as date-parts."""
    if isinstance(value, (datetime.date, datetime.datetime)):
        return value.isoformat()[:10]
    if isinstance(value, dict):
        return {str(k): _csl_value(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_csl_value(v) for v in value]
    return value


# CSL's text variables whose Markdown pandoc reads: the title and container title as CSL rich text
# (``parse.csl_json.RICH_TEXT``: LaTeX markup in BibLaTeX), the rest as the plain text it means
MARKDOWN_PLAIN = frozenset({
    "collection-title", "title-short", "container-title-short", "original-title", "volume-title", "part-title",
    "reviewed-title", "publisher", "publisher-place", "original-publisher", "original-publisher-place",
    "event-title", "event", "event-place", "note", "abstract", "genre", "medium", "edition", "section", "annote",
})


def _markdown(item: dict) -> dict:
    """The item with its text variables' Markdown read (``parse.markdown_text``), as pandoc reads them."""
    out = dict(item)
    for name, value in item.items():
        if not isinstance(value, str):
            continue
        if name in RICH_TEXT:
            out[name] = markdown_to_csl(value)
        elif name in MARKDOWN_PLAIN:  # line by line: a note's lines are kept (``parse.csl_json.MULTILINE``)
            out[name] = "\n".join(_plain(markdown_to_csl(line)) for line in value.split("\n"))
    return out


def _plain(rich: str) -> str:
    return csl_to_latex(rich)[0] if has_rich_text(rich) else rich


def _csl_item(item: dict) -> dict:
    item = _markdown(_csl_value(item))
    for name in ("issued", "accessed", "original-date", "event-date", "submitted"):
        value = item.get(name)
        if isinstance(value, dict) and "year" in value:
            value = [value]
        if isinstance(value, list) and value and isinstance(value[0], dict) and "year" in value[0]:
            parts = [value[0].get(p) for p in ("year", "month", "day")]
            item[name] = {"date-parts": [[p for p in parts if p is not None]]}
    return item


# a YAML value a word processor or pandoc's --smart wrote in curly quotes ("title: “A title”", "- ‘Kim’"):
# the whole value, from its opening quote to its closing one at the line's end (a comment may follow)
_CURLY_VALUE = re.compile(
    r"^(?P<lead>[ \t]*(?:-[ \t]+)*(?:[^\s:#'\"\[\]{}-][^:#\n]*?:[ \t]+)?)(?P<open>[“‘„])(?P<body>[^\n]*?)"
    r"(?P<close>[”’“])(?P<tail>[ \t]*(?:[ \t]#[^\n]*)?)$", re.MULTILINE)


def straight_quoted(block: str) -> str:
    """The YAML ``block`` with each value written wholly in curly quotes (“…”, ‘…’, as smart quotes make
    of ``"…"``) quoted with straight ones, which YAML reads as quotes: its text is the value, not the
    quotes with it, and a colon inside ("“Cells: a review”") no error. Every offset holds (one character
    for one; a value holding a straight quote or backslash of the kind it would need escaped takes the
    other kind of quote, and one holding both is left as written)."""
    if "“" not in block and "‘" not in block and "„" not in block:
        return block

    def straight(m: re.Match[str]) -> str:
        body = m.group("body")
        if m.group("open") == "‘" and m.group("close") != "’" or m.group("open") != "‘" and m.group("close") == "’":
            return m.group(0)  # "‘Kim” ": quotes that do not pair
        if m.group("open") != "‘" and ("“" in body or "”" in body):
            return m.group(0)  # "“A” and “B”": two quotations, not one quoted value
        if '"' not in body and "\\" not in body:
            quote = '"'
        elif "'" not in body:
            quote = "'"
        else:
            return m.group(0)
        return f"{m.group('lead')}{quote}{body}{quote}{m.group('tail')}"

    return _CURLY_VALUE.sub(straight, block)


def front_matter_references(text: str, clean: CleanText, yaml_file: bool = False) -> tuple[tuple[Reference, ...], tuple[Finding, ...]]:
    """The CSL items of the front matter's ``references:`` list, each with its span; ``yaml_file``: the
    text is a bibliography file of pandoc's YAML form (``refs.yaml``), whose ``---`` fences are optional."""
    match = _FRONT.match(text)
    if match:
        block, base = match.group(1), match.start(1)
    elif yaml_file:
        block, base = text, 0
    else:
        return (), ()
    if not re.search(r"^references:", block, re.MULTILINE):
        return (), ()
    import yaml  # only for a document whose front matter holds references

    from .yaml_nodes import MAX_ITEM_VALUES, expanded_size, yaml_loader

    loader = yaml_loader(straight_quoted(block))
    refs: list[Reference] = []
    findings: list[Finding] = []
    try:
        root = loader.get_single_node()
        if not isinstance(root, yaml.MappingNode):
            return (), ()
        entry = next(((k, v) for k, v in root.value if isinstance(k, yaml.ScalarNode) and k.value == "references"), None)
        if entry is None:
            return (), ()
        key, items = entry
        if not isinstance(items, yaml.SequenceNode):
            span = clean.span(base + key.start_mark.index, base + key.end_mark.index)
            return (), (Finding(kind=Kind.UNPARSED_ENTRY, severity=Severity.ERROR, span=span,
                                message=f"line {span.line}: the front matter's references: is not a list of items"),)
        for node in items.value:
            start, end = base + node.start_mark.index, base + node.end_mark.index
            raw = text[start:end].rstrip()
            span = clean.span(start, start + len(raw))
            if expanded_size(node) >= MAX_ITEM_VALUES:  # "billion laughs": aliases of aliases, built never
                findings.append(Finding(kind=Kind.UNPARSED_ENTRY, severity=Severity.ERROR, span=span, message=(
                    f"line {span.line}: a references: item whose aliases (*name) expand to more than "
                    f"{MAX_ITEM_VALUES:,} values, more than any reference holds; skipped")))
                continue
            value = loader.construct_document(node)
            if not isinstance(value, dict):
                findings.append(Finding(kind=Kind.UNPARSED_ENTRY, severity=Severity.ERROR, span=span,
                                        message=f"line {span.line}: a references: item must be a mapping"))
                continue
            value, lone = whole_characters(value) if "\\" in raw else (value, 0)
            ref, problems = item_to_reference(_csl_item(value), raw, span)
            problems = ([lone_halves_problem(lone)] if lone else []) + problems
            findings.extend(Finding(kind=Kind.MALFORMED_REFERENCE, severity=Severity.WARNING, span=span,
                                    reference=ref.key or None, message=f"line {span.line}: {p}") for p in problems)
            refs.append(ref)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
        at = base + (mark.index if mark is not None else 0)
        span = clean.span(min(at, len(text)), min(at, len(text)))
        findings.append(Finding(kind=Kind.UNPARSED_ENTRY, severity=Severity.ERROR, span=span,
                                message=f"line {span.line}: the YAML {'file' if yaml_file else 'front matter'} cannot be read: "
                                        f"{getattr(exc, 'problem', None) or exc}"))
    finally:
        loader.dispose()
    return tuple(refs), tuple(findings)


def parse_csl_yaml(text: str, file: str) -> tuple[tuple[Reference, ...], tuple[Finding, ...]]:
    """A bibliography file in pandoc's YAML form (``refs.yaml``: a ``references:`` list of CSL
    items, with or without ``---`` fences), read as the front matter's ``references:`` are."""
    return front_matter_references(text, CleanText.identity(file, text), yaml_file=True)


def _yaml_problem(exc: Any, block: str) -> tuple[int, str]:
    """Where in ``block`` a YAML error is, and what it is: an error at the end of the block
    (a bracket or quote never closed) is placed where the unclosed thing opens."""
    problem = getattr(exc, "problem_mark", None)
    context = getattr(exc, "context_mark", None)
    what = str(getattr(exc, "problem", None) or exc).replace("'<stream end>'", "the end of the front matter")
    what = what.replace("end of stream", "end of the front matter")
    end = len(block.rstrip())
    if context is not None and (problem is None or problem.index >= end):
        index, what = context.index, f"{getattr(exc, 'context', None) or 'while reading'}, {what}"
    else:
        index = problem.index if problem is not None else 0
    if index >= end:  # still the end: the last line of the front matter
        index = block.rfind("\n", 0, end) + 1
    return index, what


def front_matter_problem(text: str, clean: CleanText) -> Finding | None:
    """A warning when the front matter is not YAML that can be read (pandoc stops on it): its
    ``bibliography:`` and ``nocite:`` are then read line by line, or not at all, and it says so.
    A front matter with ``references:`` is not checked here: ``front_matter_references`` reads it."""
    match = _FRONT.match(text)
    if not match or not match.group(1).strip() or re.search(r"^references:", match.group(1), re.MULTILINE):
        return None
    block, base = match.group(1), match.start(1)
    import yaml  # only for a document with front matter

    loader = yaml.SafeLoader(straight_quoted(block))
    try:
        loader.get_single_node()
        return None
    except yaml.YAMLError as exc:
        index, what = _yaml_problem(exc, block)
    finally:
        loader.dispose()
    at = min(base + index, len(text))
    span = clean.span(at, at)
    named, _ = front_matter_bibliography(text, clean)
    if named:
        used = f"; its bibliography: ({', '.join(b.name for b in named)}) is read anyway"
    elif re.search(r"^bibliography:", block, re.MULTILINE):
        used = "; its bibliography: is not used"
    else:
        used = ""
    return Finding(kind=Kind.UNPARSED_ENTRY, severity=Severity.WARNING, span=span,
                   message=f"line {span.line}: the YAML front matter cannot be read: {what}{used}")


def parse_pandoc(text: str, file: str) -> PandocDocument:
    clean = CleanText.identity(file, text)
    bibliography, front_end = front_matter_bibliography(text, clean)
    references, findings = front_matter_references(text, clean)
    problem = front_matter_problem(text, clean)
    if problem is not None:
        findings = (problem,) + findings
    citations = find_key_citations(clean, front_end) + front_matter_nocite(text, clean)
    return PandocDocument(body=clean, citations=citations, bibliography=bibliography,
                          references=references, findings=findings)

