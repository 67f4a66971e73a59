"""Apply decided fixes to the text of the input files, as minimal edits at known spans."""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from typing import Sequence

from ..model import Fix, Span
from ..parse.capital_names import recased
from ..parse.cleanup import HYPHENS
from ..parse.references import INVISIBLE
from .archive import archive_insertion

ARCHIVE = "archive"  # a Fix field: keep the dead URL, add its archived copy after it
# between two characters of a fix's text, the invisible characters the parser leaves out of its fields
# (a soft hyphen or a zero-width space inside a name: "Hae\u00adrans" is read "Haerans")
_HIDDEN = "[" + "".join(sorted(INVISIBLE)) + "]*"
# a "-" the parser read may be Unicode's hyphen or Word's non-breaking one in the file ("Kowalski\u2011Nowak")
_HYPHEN = "[-" + "".join(sorted(HYPHENS)) + "]"
_KEPT_AS_WRITTEN = frozenset(INVISIBLE) | frozenset(HYPHENS)


def _char(ch: str) -> str:
    """A pattern for one character of a fix's text as the file may write it: a hyphen as Unicode's, an accented
    letter with combining marks ("n" + U+0303 for "ñ", a dotless i under the accent for "í"), which the parser
    composed (``parse.composed_letters``)."""
    if ch == "-":
        return _HYPHEN
    decomposed = unicodedata.normalize("NFD", ch)
    if decomposed == ch:
        return re.escape(ch)
    forms = [ch, decomposed] + (["\u0131" + decomposed[1:]] if decomposed[0] == "i" else [])
    return "(?:" + "|".join(re.escape(f) for f in forms) + ")"


@dataclass(frozen=True)
class Edit:
    start: int
    end: int
    after: str


def edits_for(file: str, source: str, fixes: Sequence[Fix]) -> tuple[Edit, ...]:
    """Non-overlapping edits, in file order, that carry out ``fixes`` on ``file``.

    A location is a span containing the ``before`` text: exactly it (a cited name)
    or somewhere inside it (a reference entry); a fix whose text is not found there
    (already fixed, or edited since) is skipped, which makes fixing idempotent.
    An ``archive`` fix inserts the archived copy after the URL (``fix.archive``).
    """
    found: list[Edit] = []
    for fix in fixes:
        for loc in fix.locations:
            if loc.file == file:
                edit = (_archive(source, loc, fix.before, fix.after) if fix.field == ARCHIVE
                        else _locate(source, loc, fix.before, fix.after, names=fix.field == "author"))
                if edit is not None:
                    found.append(edit)
    found.sort(key=lambda e: (e.start, e.end))
    edits: list[Edit] = []
    for edit in found:
        if edits and edit.start < edits[-1].end:
            continue
        edits.append(edit)
    return tuple(edits)


def _archive(source: str, loc: Span, url: str, snapshot: str) -> Edit | None:
    found = archive_insertion(source, loc, url, snapshot)
    return Edit(found[0], found[0], found[1]) if found is not None else None


def _in_capitals(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters)


def _other_case(pattern: str, window: str, before: str) -> re.Match[str] | None:
    """``before`` written in capitals in ``window``, or written as a name where ``before`` is in capitals."""
    for found in re.finditer(pattern, window, re.IGNORECASE):
        if _in_capitals(found.group()) or (_in_capitals(before) and found.group()[:1].isupper()):
            return found
    return None


def _as_written(written: str, name: str) -> str:
    """``name`` in capitals where ``written`` is ("QUASCHNING"), written as a name where it is not, though the fix
    names it in capitals (ABNT's narrative "Quaschnig (2020)" beside "(QUASCHNIG, 2020)")."""
    if _in_capitals(written):
        return name.upper()
    return recased(name) if _in_capitals(name) else name


def _locate(source: str, loc: Span, before: str, after: str, names: bool = False) -> Edit | None:
    """The edit of ``before`` inside ``loc`` into ``after``; a name (``names``) is found in any case and
    written in the case of the text it replaces when that is capitals, as ABNT writes "(QUASCHNING, 2020)"
    and DIN's list "QUASCHNING, Volker" for a name read "Quaschning"."""
    if not before or before == after:
        return None
    window = source[loc.start : loc.end]
    if names:
        after = _sentence_capital(source, loc.start, after)  # "Dijk (2013) shows" opening a sentence: "Van Dijk"
    if window == before or (names and window.casefold() == before.casefold()):
        return Edit(loc.start, loc.end, _as_written(window, after) if names else after)
    # Citation text is whitespace-folded; the file may wrap it over lines, and hold invisible characters
    # inside a word, which the parsed text leaves out.
    pattern = r"\s+".join(_HIDDEN.join(_char(ch) for ch in part) for part in before.split())
    if before[:1].isalnum():
        pattern = r"(?<![\w-])" + pattern
    if before[-1:].isalnum():
        pattern += r"(?![\w-])"
    match = re.search(pattern, window) or (_other_case(pattern, window, before) if names else None)
    if match is None:
        return None
    start, end = loc.start + match.start(), loc.start + match.end()
    if names and _in_capitals(match.group()) != _in_capitals(before):
        before, after = match.group(), _as_written(match.group(), after)
    if not _KEPT_AS_WRITTEN.isdisjoint(match.group()):
        return _around_invisible(source, start, end, before, after)
    if after.startswith(before):  # an insertion (", 2016"): keep the original's line breaks
        return Edit(end, end, after[len(before) :])
    return Edit(start, end, after)


_SENTENCE_END = re.compile(r"(?:\A|[.!?][\"”’')\]]*\s+|\n[ \t]*\n[ \t]*|^#{1,6}[ \t]+)\Z", re.MULTILINE)


def _sentence_capital(source: str, start: int, name: str) -> str:
    """``name`` with a capital when it opens a sentence at ``start`` and begins with a particle in small letters
    ("van Dijk" for a narrative "Dijk (2013) shows" after a full stop); as it is elsewhere ("(van Dijk, 2013)")."""
    if not name[:1].islower():
        return name
    return name[:1].upper() + name[1:] if _SENTENCE_END.search(source, max(0, start - 12), start) else name


def _around_invisible(source: str, start: int, end: int, before: str, after: str) -> Edit:
    """The edit of ``source[start:end]``, which reads ``before`` once its invisible characters are left
    out, into ``after``: only the characters that change are replaced, so an invisible character in
    what stays ("Hae\u00adrans" -> "Hae\u00adrens") stays where it is; those inside the change go. So does a
    hyphen written as Unicode's ("Kowalsky\u2011Nowak" -> "Kowalski\u2011Nowak")."""
    places: list[tuple[int, int]] = []  # (start, end) in ``source`` of each character of the folded ``before``
    for i in range(start, end):
        if source[i] in INVISIBLE:
            continue
        if source[i].isspace() and places and source[places[-1][0]].isspace():
            places[-1] = (places[-1][0], i + 1)  # a run of whitespace is one space of ``before``
        else:
            places.append((i, i + 1))
    folded, wanted = " ".join(before.split()), after
    if len(places) != len(folded):  # not the text read (cannot happen: the pattern matched it)
        return Edit(start, end, after)
    same = 0  # the characters both begin with
    while same < min(len(folded), len(wanted)) and folded[same] == wanted[same]:
        same += 1
    kept = 0  # the characters both end with, after those
    while kept < min(len(folded), len(wanted)) - same and folded[-1 - kept] == wanted[-1 - kept]:
        kept += 1
    changed = folded[same : len(folded) - kept]
    cut = places[same - 1][1] if same else start  # just after the last character kept in front
    if changed:
        cut = places[same][0]
    stop = places[len(folded) - kept - 1][1] if changed else cut
    return Edit(cut, stop, wanted[same : len(wanted) - kept])


def apply_edits(source: str, edits: Sequence[Edit]) -> str:
    parts: list[str] = []
    pos = 0
    for edit in edits:
        parts.append(source[pos : edit.start])
        parts.append(edit.after)
        pos = edit.end
    parts.append(source[pos:])
    return "".join(parts)
