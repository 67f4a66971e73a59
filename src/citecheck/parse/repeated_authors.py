"""The repeated-author dash: "———." opening an entry stands for the author(s) of the entry before it.

Chicago (17th ed., 15.17-15.18) writes a 3-em dash, MLA three hyphens ("---."), older lists a rule
of underscores, for the name(s) the previous entry gave. The entry reader takes the dash for a
name ("———"); ``resolve_repeated_authors`` gives such an entry the names the entry before it
lists, as citation managers do, so it is keyed, matched ("Smith 2019b") and written out with its
author. A role after the dash (Chicago 15.18: "———, ed.", "———, eds.", "———, trans."; MLA's "---,
editor.") makes the names editors or translators; "———, and Jane Doe" keeps the co-author. The
entry reader reads the text with that role blanked (``mask_dash_role``), as a plain dash, so the
role is not read as the title ("---, translator") or a year's lead ("———, ed. 2020."). The entry's
``raw`` text and span keep what was written; each resolution is an info finding on the entry.
A pure list step: references in, references out.
"""
from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from ..model import Evidence, Finding, Kind, Name, Reference, Severity, Span
from .bibtex import names_text, parse_names

# a dash standing for a name: two or more em dashes (or horizontal bars), three or more en dashes,
# hyphens or underscores
DASH = r"(?:[—―]{2,}|–{3,}|-{3,}|_{3,})"
_DASH_NAME = re.compile(rf"^\s*{DASH}\s*\.?\s*$")
_OPENING_DASH = re.compile(rf"^\s*[*_]{{0,2}}(?P<dash>{DASH})")
# the role after an opening dash: "———, ed.", "———, eds.", "———, trans.", "———, ed. and trans.", MLA's
# "---, editor." / "---, translator."; "comp." (a compiler) is cited as an editor is (Chicago 14.6)
_EDITOR_ROLE = r"(?:eds?|editors?|comps?|compilers?)"
_TRANSLATOR_ROLE = r"(?:trans|tr|translators?)"
_DASH_ROLE = re.compile(
    rf"^\s*[*_]{{0,2}}{DASH}(?P<role>\s*,\s*(?P<words>(?:{_EDITOR_ROLE}|{_TRANSLATOR_ROLE})\.?"
    rf"(?:\s*(?:,|and|&)\s*(?:{_EDITOR_ROLE}|{_TRANSLATOR_ROLE})\.?)?))(?=[\s,]|$)", re.IGNORECASE)
_TRANSLATOR_WORD = re.compile(rf"\b{_TRANSLATOR_ROLE}\b", re.IGNORECASE)
_EDITOR_WORD = re.compile(rf"\b{_EDITOR_ROLE}\b", re.IGNORECASE)


def is_dash_name(name: Name) -> bool:
    """Is ``name`` only a repeated-author dash ("———", "---")?"""
    return bool(_DASH_NAME.match(name.literal or name.family)) and not name.given


def mask_dash_role(text: str) -> str:
    """``text`` as the entry reader reads it: the role after an opening dash blanked as a full stop
    and spaces ("———, trans. 2021." -> "———.        2021."), and a dash of hyphens or underscores
    (MLA's "---.") written as the em dashes the reader takes for a name; the same length, so every
    offset holds."""
    dash = _OPENING_DASH.match(text) if text[:8].strip(" *_")[:1] in "—―–-_" else None
    if not dash:
        return text
    start, end = dash.span("dash")
    if text[start] in "-_–":
        text = text[:start] + "—" * (end - start) + text[end:]
    m = _DASH_ROLE.match(text)
    if not m:
        return text
    start, end = m.span("role")
    if text[end : end + 1] == ".":  # the role's own full stop ("ed.") ends the name part
        end += 1
    return text[:start] + "." + " " * (end - start - 1) + text[end:]


def dash_role(raw: str) -> tuple[bool, bool]:
    """Whether the role after an entry's opening dash makes the names editors, translators (both:
    "———, ed. and trans."); (False, False) for a plain dash."""
    m = _DASH_ROLE.match(raw)
    if not m:
        return False, False
    words = m.group("words")
    return bool(_EDITOR_WORD.search(words)), bool(_TRANSLATOR_WORD.search(words))


def resolve_repeated_authors(refs: Sequence[Reference]) -> tuple[Reference, ...]:
    """``refs`` with each repeated-author dash replaced by the names of the entry before (after that
    entry's own dash is resolved, so a run of dashes all take the first entry's names). A dash with
    no named entry before it is left as written."""
    resolved: list[Reference] = []
    previous: tuple[Name, ...] = ()
    for ref in refs:
        stands_for = previous if previous and _OPENING_DASH.match(ref.raw) else ()
        if stands_for:
            ref = _resolve(ref, previous)
        resolved.append(ref)
        # "———, trans.": the next dash is still theirs; so it is after "Wilson, Emily, trans.", a translator only
        previous = ref.authors or ref.editors or _translators(ref) or stands_for
    return tuple(resolved)


def _translators(ref: Reference) -> tuple[Name, ...]:
    listed = next((v for k, v in ref.extra if k == "translator" and v.strip()), "")
    return parse_names(listed) if listed else ()


def _resolve(ref: Reference, previous: tuple[Name, ...]) -> Reference:
    as_editors, as_translators = dash_role(ref.raw)
    if as_editors or as_translators:
        return _resolve_role(ref, previous, as_editors, as_translators)
    in_authors = any(map(is_dash_name, ref.authors))
    in_editors = any(map(is_dash_name, ref.editors))
    if not (in_authors or in_editors):
        if ref.authors or ref.editors:
            return ref  # the entry names someone else where the dash was: not ours to guess
        in_authors = True  # the reader dropped the dash: the entry has no names at all
    authors = _replace_dash(ref.authors, previous) if in_authors else ref.authors
    editors = _replace_dash(ref.editors, previous) if in_editors else ref.editors
    return replace(ref, authors=authors, editors=editors, findings=ref.findings + (_finding(ref, previous),))


def _resolve_role(ref: Reference, previous: tuple[Name, ...], as_editors: bool, as_translators: bool) -> Reference:
    """"———, ed." / "———, trans.": the names of the entry before are this entry's editors or
    translators (``translator`` in ``extra``, as a BibTeX name list), wherever the reader put the
    dash; co-authors written after the role stay authors."""
    if (ref.authors or ref.editors) and not any(map(is_dash_name, ref.authors + ref.editors)):
        return ref  # the entry names someone else where the dash was: not ours to guess
    authors = tuple(n for n in ref.authors if not is_dash_name(n))
    editors = tuple(n for n in ref.editors if not is_dash_name(n))
    if as_editors:
        editors = previous + tuple(n for n in editors if n not in previous)
    extra = ref.extra
    if as_translators:
        extra = tuple((k, v) for k, v in extra if k != "translator") + (("translator", names_text(previous)),)
    return replace(ref, authors=authors, editors=editors, extra=extra, findings=ref.findings + (_finding(ref, previous),))


def _replace_dash(names: tuple[Name, ...], previous: tuple[Name, ...]) -> tuple[Name, ...]:
    """``names`` with the dash as ``previous`` (no name twice); with no dash among them, ``previous``."""
    if not any(map(is_dash_name, names)):
        return previous
    out: list[Name] = []
    for name in names:
        for n in previous if is_dash_name(name) else (name,):
            if n not in out:
                out.append(n)
    return tuple(out)


def _finding(ref: Reference, previous: tuple[Name, ...]) -> Finding:
    dash = _OPENING_DASH.match(ref.raw)
    written = dash.group("dash") if dash else "———"
    names = "; ".join(n.display() for n in previous)
    return Finding(
        kind=Kind.NAME_REPAIRED,
        severity=Severity.INFO,
        message=f"the repeated-author dash {written!r} read as the name(s) of the entry before: {names}",
        evidence=(Evidence("bibliography", f"the entry before lists {names}"),),
        span=_dash_span(ref.span, ref.raw, dash.start("dash") if dash else 0, len(written)),
    )


def _dash_span(span: Span, raw: str, offset: int, length: int) -> Span:
    """Where the dash is written, when the entry's text starts where its span does."""
    if span.end - span.start < offset + length:
        return span
    return replace(span, column=span.column + offset, start=span.start + offset, end=span.start + offset + length)
