"""The edit that records an archived copy beside a dead URL, written in the entry's own style.

A dead link keeps its address (it is what the author cited); the archived copy is added after it:

- a BibTeX entry gains ``eprinttype = {Wayback Machine}`` and ``eprint = {SNAPSHOT}`` after its ``url``
  field, as ``emit.bibtex`` writes a snapshot and ``parse.bibtex`` reads one back (same spacing,
  delimiters, case and layout as the ``url`` field); an entry whose ``eprint`` is its own (an arXiv
  identifier) keeps it, and gains "Archived at \\url{SNAPSHOT}" in ``addendum`` instead (a new field
  after ``url``, or after the text of the addendum it has, with "; "), as ``emit.bibtex`` writes it;
- a RIS record gains a second ``UR`` line, the archive after its original (as ``parse.ris`` reads it);
- text gains " (archived at SNAPSHOT)" after the URL ("; archived at SNAPSHOT" inside the brackets of
  a URL in brackets), the snapshot wrapped as the URL is: ``\\url{...}``
  in LaTeX, ``<...>`` in Markdown, a ``[archived copy](...)`` link after a Markdown link, an ``<a>``
  after an HTML link. The free-text parser reads such a pair as one URL and its snapshot.

A CSL-JSON item has no variable for it. An entry that already gives the snapshot is left alone, so
fixing twice changes nothing.
"""
from __future__ import annotations

import html
import re
from urllib.parse import urlsplit

from ..emit.bibtex import archived_at
from ..model import Span

_AFTER_URL = r"(?![\w/%~+#?=&@-])"  # not a prefix of a longer address
_BEFORE_URL = r"(?<![\w/])"  # not inside another address (a Wayback URL ends with the original)
_EPRINT_FIELD = re.compile(r"(?i)(?:^|[\s,{])eprint\s*=\s*[{\"]?(?P<value>\S{0,12})")
_ADDENDUM_FIELD = re.compile(r"(?i)(?:^|[\s,{])addendum\s*=\s*(?P<open>[{\"])")
_URL_FIELD = re.compile(r"[,{](?P<space>\s*)(?P<name>url)(?P<eq>\s*=\s*)(?P<open>[{\"])", re.IGNORECASE)
_RIS_LINE = re.compile(r"(?m)^(?P<tag>[A-Z][A-Z0-9])(?P<sep>  - ?)(?P<value>.*?)[ \t]*$")


def archive_insertion(source: str, loc: Span, url: str, snapshot: str) -> tuple[int, str] | None:
    """Where to insert the archived copy ``snapshot`` of ``url`` in the entry at ``loc``, and what.

    None when the entry already gives the snapshot, ``url`` is not written there as such (edited
    since), or the entry has no place for it.
    """
    window = source[loc.start : loc.end]
    if not url or not snapshot or snapshot in window or url == snapshot:
        return None
    found = re.search(_BEFORE_URL + re.escape(url) + _AFTER_URL, window)
    if found is None:
        return None
    if window.lstrip().startswith("@"):
        return _bibtex(window, found, snapshot, loc.start)
    if _RIS_LINE.match(window.lstrip("\n")):
        return _ris(window, found, snapshot, loc.start)
    if re.search(r'"\s*:\s*"$', window[: found.start()]):
        return None  # CSL-JSON: no variable for an archived copy
    return _text(window, found, snapshot, loc.start)


def archive_label(snapshot: str) -> str:
    """The archive's name as ``emit.bibtex`` writes it in ``eprinttype``."""
    host = (urlsplit(snapshot).hostname or "").lower()
    return "Wayback Machine" if host.endswith("archive.org") else host


def _bibtex(window: str, found: re.Match, snapshot: str, base: int) -> tuple[int, str] | None:
    eprint = _EPRINT_FIELD.search(window)
    if any(c in snapshot for c in '{}"') or archived_at(snapshot) in window or (eprint and "http" in eprint["value"].lower()):
        return None  # an eprint that is a URL: an archived copy given already
    fields = [m for m in _URL_FIELD.finditer(window) if m.end() <= found.start()]
    field = fields[-1] if fields else None
    if field is None or window[field.end() : found.start()].strip():
        return None  # the URL is not the value of a url field
    close = "}" if field["open"] == "{" else '"'
    end = window.find(close, found.end())
    if end < 0:
        return None
    space, eq, opened = field["space"], field["eq"], field["open"]
    upper = field["name"].isupper()
    if eprint:  # the entry's own (arXiv): the snapshot goes to the addendum
        addendum = _ADDENDUM_FIELD.search(window)
        if addendum:
            return _after_addendum(window, addendum, archived_at(snapshot), base)
        name = "ADDENDUM" if upper else "addendum"
        return base + end + 1, f",{space}{name}{eq}{opened}{archived_at(snapshot)}{close}"
    names = ("EPRINTTYPE", "EPRINT") if upper else ("eprinttype", "eprint")
    label = archive_label(snapshot)
    text = (f",{space}{names[0]}{eq}{opened}{label}{close}"
            f",{space}{names[1]}{eq}{opened}{snapshot}{close}")
    return base + end + 1, text


def _after_addendum(window: str, field: re.Match, text: str, base: int) -> tuple[int, str] | None:
    """``text`` after "; " at the end of the value of the ``addendum`` field ``field``, or None when
    its value does not end in the window."""
    closing = "}" if field["open"] == "{" else '"'
    depth, pos = 0, field.end()
    while pos < len(window):
        char = window[pos]
        if char == "\\":  # an escape (\{, \"): the next character is text
            pos += 2
            continue
        if depth == 0 and char == closing:
            value = window[field.end() : pos]
            return base + field.end() + len(value.rstrip()), ("; " if value.strip() else "") + text
        depth += {"{": 1, "}": -1}.get(char, 0)
        pos += 1
    return None


def _ris(window: str, found: re.Match, snapshot: str, base: int) -> tuple[int, str] | None:
    for line in _RIS_LINE.finditer(window):
        if line.start("value") <= found.start() and found.end() <= line.end("value"):
            if line["tag"] != "UR":
                return None
            return base + line.end(), f"\n{line['tag']}{line['sep']}{snapshot}"
    return None


def _text(window: str, found: re.Match, snapshot: str, base: int) -> tuple[int, str]:
    start, end = found.start(), found.end()
    before, after = window[:start], window[end:]
    latex = re.search(r"\\(url|href)\{$", before)
    if latex and after.startswith("}"):
        end += 1
        if latex[1] == "href":
            label = re.match(r"\{[^{}]*\}", window[end:])
            end += label.end() if label else 0
        return base + end, f" (archived at \\url{{{snapshot}}})"
    if before.endswith("<") and after.startswith(">"):
        return base + end + 1, f" (archived at <{snapshot}>)"
    if before.endswith("](") and after.startswith(")"):
        return base + end + 1, f" ([archived copy]({snapshot}))"
    if re.search(r"href\s*=\s*[\"']$", before):
        closing = window.find("</a>", end)
        if closing >= 0:
            safe = html.escape(snapshot, quote=True)
            return base + closing + 4, f' (archived at <a href="{safe}">{safe}</a>)'
    if before.endswith("(") and after.startswith(")"):  # "(http://...)": "(http://...; archived at ...)"
        return base + end, f"; archived at {snapshot}"
    return base + end, f" (archived at {snapshot})"
