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
the bibliography files, relative to the document.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from ..model import Citation, CleanText, Span

_FRONT = re.compile(r"\A(?:\ufeff)?---[ \t]*\n(.*?\n)(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.DOTALL)
_KEY_BODY = r"[\w](?:[\w:.#$%&\-+?<>~/]*[\w])?"
_KEY = re.compile(rf"(?P<minus>-)?@(?:\{{(?P<braced>[^{{}}\s]+)\}}|(?P<plain>{_KEY_BODY}))")
_BRACKET = re.compile(r"\[(?P<inner>[^\[\]\n]*(?:\n[^\[\]\n]+)*)\]")
_FENCE = re.compile(r"^(?P<fence>```+|~~~+).*?^(?P=fence)[ \t]*$", re.MULTILINE | re.DOTALL)
_CODE_SPAN = re.compile(r"(`+)(?:(?!\1).)+?\1", re.DOTALL)
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


def _masked(text: str, front_end: int) -> str:
    """``text`` with front matter, fenced code and code spans blanked (offsets kept)."""
    chars = list(text)
    spans = [(0, front_end)] + [m.span() for m in _FENCE.finditer(text)]
    for start, end in spans:
        chars[start:end] = [c if c == "\n" else " " for c in text[start:end]]
    masked = "".join(chars)
    for m in _CODE_SPAN.finditer(masked):
        chars[m.start() : m.end()] = [c if c == "\n" else " " for c in text[m.start() : m.end()]]
    return "".join(chars)


def front_matter_bibliography(text: str, clean: CleanText) -> tuple[tuple[BibliographyRef, ...], int]:
    """The files ``bibliography:`` names, and where the front matter ends (0 if none)."""
    match = _FRONT.match(text)
    if not match:
        return (), 0
    block, base = match.group(1), match.start(1)
    found: list[BibliographyRef] = []
    head = re.search(r"^bibliography:[ \t]*(.*)$", block, re.MULTILINE)
    if head:
        value = head.group(1).strip()
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
                found.append(_ref(item.group(1), clean, start))
    return tuple(found), match.end()


def _ref(value: str, clean: CleanText, start: int) -> BibliographyRef:
    name = value.strip().strip("'\"")
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
        locator = suffix[1:] if suffix.startswith(",") else suffix
        found.append(_citation(clean, key, base + position, item.strip(), match.group(), locator, False))
        position += len(item) + 1
    return found


def _is_key_start(text: str, index: int) -> bool:
    """An ``@`` (or ``-@``) not inside a word or an e-mail address."""
    return index == 0 or not (text[index - 1].isalnum() or text[index - 1] in "._@")


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
        if any(start <= key.start() < end for start, end in taken):
            continue
        locator = _NARRATIVE_LOCATOR.match(masked, key.end())
        end = locator.end() if locator else key.end()
        text = masked[key.start() : end]
        found.append((key.start(), _citation(clean, key, 0, text, text, locator.group("loc") if locator else "", True)))
    found.sort(key=lambda pair: pair[0])
    return tuple(c for _, c in found)


def parse_pandoc(text: str, file: str) -> PandocDocument:
    clean = CleanText.identity(file, text)
    bibliography, front_end = front_matter_bibliography(text, clean)
    return PandocDocument(body=clean, citations=find_key_citations(clean, front_end), bibliography=bibliography)

