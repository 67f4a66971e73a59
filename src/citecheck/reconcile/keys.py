"""Key-based citations ([@key], \\cite{key}): matched by key, exactly, as LaTeX and pandoc do.

A citation with a ``key`` points at the reference with that key, compared exactly
(case-sensitive, as biber and pandoc compare; BibTeX folds case, so a key that differs
only in case is named in the evidence). A key no reference has is an "undefined key",
reported as a missing reference (one an entry lists in its biblatex ``ids`` is named: biber reads
such an alias, BibTeX and pandoc do not; in a document biber processes, ``resolve_aliases`` reads it
as the entry's key, as biber does). ``*`` (``\\nocite{*}``) cites every reference, so none
is reported as uncited. When several references share a key, the first is the target
(as BibTeX keeps the first) and the others count as cited too. A web page's note marker ("[12]",
a key ``cite_note-12`` read from the HTML) is named as its reader sees it, not by its anchor.
"""
from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from rapidfuzz import fuzz

from citecheck.model import Citation, Evidence, Reference

ALL_KEYS = "*"
CLOSE_KEY = 70.0  # a defined key this similar to an undefined one is named as a likely typo


def is_keyed(citation: Citation) -> bool:
    return bool(citation.key)


def key_candidates(
    citation: Citation, references: Sequence[Reference], index: dict[str, tuple[int, ...]] | None = None
) -> tuple[int, ...]:
    """Indices of the references ``citation`` names by key (all of them for ``*``); ``index``, the
    references' ``key_index``, when many citations are looked up in one list."""
    if citation.key == ALL_KEYS:
        return tuple(range(len(references)))
    return (key_index(references) if index is None else index).get(citation.key, ())


def key_index(references: Sequence[Reference]) -> dict[str, tuple[int, ...]]:
    """The indices of the references with each key, in order (a key listed twice has two)."""
    found: dict[str, list[int]] = {}
    for i, r in enumerate(references):
        found.setdefault(r.key, []).append(i)
    return {key: tuple(indices) for key, indices in found.items()}


# keys a page generates by number (Wikipedia's "cite_note-12"): one differing from another is no typo
_NUMBERED_KEY = re.compile(r"^cite_note-.*\d+$")


_NOTE_KEY = "cite_note-"  # the id of a page's note, which its "[12]" marker links to
_SHOWN_MARKER = re.compile(r"\[\s*(?P<label>[^\[\]]+?)\s*\]")
_TRAILING_NUMBER = re.compile(r"(\d+)$")
# a kramdown, pandoc or Substack note's id ("fn:3", "fn3", "footnote-3") on a page without a list
_ENDNOTE_KEY = re.compile(r"^(?:fn(?!ref)[:-]?|footnote-)\d+$")


def note_label(citation: Citation) -> str:
    """The note a page's marker cites as its reader sees it: "12" for "[12]" (linking to
    ``#cite_note-12``), "a" for "[a]"; "" for a citation that is no note marker."""
    if _ENDNOTE_KEY.match(citation.key) and "@" not in citation.text:  # kramdown's "[footnote 3]" (GOV.UK) or pandoc's "3", to #fn:3
        number = _TRAILING_NUMBER.search(citation.key)
        return number.group(1) if number else ""
    if not citation.key.startswith(_NOTE_KEY):
        return ""
    shown = _SHOWN_MARKER.fullmatch(citation.text.strip())
    if shown is not None:
        return shown["label"]
    number = _TRAILING_NUMBER.search(citation.key)
    return number.group(1) if number else citation.key.removeprefix(_NOTE_KEY)


def aliased(key: str, references: Sequence[Reference]) -> Reference | None:
    """The reference whose biblatex ``ids`` (its keys' aliases: Better BibTeX and JabRef keep a renamed entry's old
    key there) lists ``key``, or None. biber resolves such an alias; BibTeX and pandoc do not (jgm/citeproc#158)."""
    for ref in references:
        if any(key in (k.strip() for k in v.split(",")) for n, v in ref.extra if n.lower() == "ids"):
            return ref
    return None


def resolve_aliases(citations: Sequence[Citation], references: Sequence[Reference]) -> tuple[Citation, ...]:
    """``citations`` with each key no entry has but one lists in its ``ids`` read as that entry's key, as
    biber reads it (for a document whose bibliography biber processes); the text stays as written."""
    keys = {r.key for r in references}
    aliases = {alias.strip(): r.key for r in references for n, v in r.extra if n.lower() == "ids"
               for alias in v.split(",") if alias.strip() and alias.strip() not in keys}
    if not aliases:
        return tuple(citations)
    return tuple(replace(c, key=aliases[c.key]) if c.key in aliases else c for c in citations)


def close_key(key: str, references: Sequence[Reference]) -> str | None:
    """The defined key an undefined one most likely meant (an entry listing it in ``ids``; same letters but case,
    or similar enough)."""
    if _NUMBERED_KEY.match(key):
        return None
    alias_of = aliased(key, references)
    if alias_of is not None:
        return alias_of.key
    for ref in references:
        if ref.key.casefold() == key.casefold():
            return ref.key
    scored = [(fuzz.ratio(key, r.key), -i, r.key) for i, r in enumerate(references)]
    best = max(scored, default=None)
    return best[2] if best is not None and best[0] >= CLOSE_KEY else None


def closest_key(key: str, references: Sequence[Reference]) -> tuple[Evidence, ...]:
    """Evidence naming the nearest defined key, for an undefined one."""
    if not references:
        return (Evidence(source="bibliography", detail="the bibliography is empty"),)
    alias_of = aliased(key, references)
    if alias_of is not None:
        return (Evidence(source="bibliography", detail=f"entry {alias_of.key!r} lists {key!r} in its ids: an alias "
                         f"biber resolves, but BibTeX and pandoc do not; cite {alias_of.key!r}"),)
    folded = [r for r in references if r.key.casefold() == key.casefold()]
    if folded:
        return (Evidence(source="bibliography", detail=f"{folded[0].key!r} differs only in case "
                         "(biber and pandoc compare keys exactly; BibTeX does not)"),)
    score, _, best = max((fuzz.ratio(key, r.key), -i, r) for i, r in enumerate(references))
    if score < CLOSE_KEY or _NUMBERED_KEY.match(key):
        return (Evidence(source="bibliography", detail=f"no entry has the key {key!r}, nor one close to it"),)
    return (Evidence(source="bibliography", detail=f"no entry has the key {key!r}; closest key: "
                     f"{best.key!r} (similarity {score:.0f}/100): a typo?"),)
