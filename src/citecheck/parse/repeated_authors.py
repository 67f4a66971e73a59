"""The repeated-author dash: "———." opening an entry stands for the author(s) of the entry before it.

Chicago (17th ed., 15.17-15.18) writes a 3-em dash, MLA three hyphens ("---."), older lists a rule
of underscores, for the name(s) the previous entry gave. The entry reader takes the dash for a
name ("———"); ``resolve_repeated_authors`` gives such an entry the names the entry before it
lists, as citation managers do, so it is keyed, matched ("Smith 2019b") and written out with its
author. "———, ed." makes the names editors; "———, and Jane Doe" keeps the co-author. The entry's
``raw`` text and span keep what was written; each resolution is an info finding on the entry.
A pure list step: references in, references out.
"""
from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from ..model import Evidence, Finding, Kind, Name, Reference, Severity, Span

# a dash standing for a name: two or more em dashes (or horizontal bars), three or more en dashes,
# hyphens or underscores
DASH = r"(?:[—―]{2,}|–{3,}|-{3,}|_{3,})"
_DASH_NAME = re.compile(rf"^\s*{DASH}\s*\.?\s*$")
_OPENING_DASH = re.compile(rf"^\s*[*_]{{0,2}}(?P<dash>{DASH})")


def is_dash_name(name: Name) -> bool:
    """Is ``name`` only a repeated-author dash ("———", "---")?"""
    return bool(_DASH_NAME.match(name.literal or name.family)) and not name.given


def resolve_repeated_authors(refs: Sequence[Reference]) -> tuple[Reference, ...]:
    """``refs`` with each repeated-author dash replaced by the names of the entry before (after that
    entry's own dash is resolved, so a run of dashes all take the first entry's names). A dash with
    no named entry before it is left as written."""
    resolved: list[Reference] = []
    previous: tuple[Name, ...] = ()
    for ref in refs:
        if previous and _OPENING_DASH.match(ref.raw):
            ref = _resolve(ref, previous)
        resolved.append(ref)
        previous = ref.authors or ref.editors
    return tuple(resolved)


def _resolve(ref: Reference, previous: tuple[Name, ...]) -> Reference:
    in_authors = any(map(is_dash_name, ref.authors))
    in_editors = any(map(is_dash_name, ref.editors))
    if not (in_authors or in_editors):
        if ref.authors or ref.editors:
            return ref  # the entry names someone else where the dash was: not ours to guess
        in_authors = True  # the reader dropped the dash: the entry has no names at all
    authors = _replace_dash(ref.authors, previous) if in_authors else ref.authors
    editors = _replace_dash(ref.editors, previous) if in_editors else ref.editors
    return replace(ref, authors=authors, editors=editors, findings=ref.findings + (_finding(ref, previous),))


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
