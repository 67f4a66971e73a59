"""ResearchGate's reference cards, read as one entry each, written as a reference list writes one.

A ResearchGate publication page lists its references as cards (``div.nova-legacy-v-publication-item``,
``nova-v-publication-item`` in newer pages): the title first (``…__title``), then badges ("Article",
"Full-text available"), the date and DOI (``…__meta-data-item``: "Jul 2014", "DOI: 10.1038/…"), the
authors one per item (``…person-inline-item__fullname``), an abstract, and buttons ("View", "Show
abstract"). Read as shown, each card made some seven entries ("Article", "Lei Zhao", "View" ...). Here a card
is one entry, rewritten from its fields in a reference's order, "Lei Zhao; Xuhui Lee (2014). Strong
contributions .... Nature. doi:10.1038/nature13462", each character still mapped to the page; the badges,
abstract and buttons are left out.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

_CARD = re.compile(r"^nova(?:-legacy)?-v-publication-item(?:--size-[a-z]+)?$")
_FIELDS = (
    (re.compile(r"^nova(?:-legacy)?-v-publication-item__title$"), "title"),
    (re.compile(r"^nova(?:-legacy)?-v-(?:person-inline-item__fullname|publication-item__person-list-item)$"), "author"),
    (re.compile(r"^nova(?:-legacy)?-v-(?:publication-item__person-list|person-inline-item-list)$"), "authors"),
    (re.compile(r"^nova(?:-legacy)?-v-publication-item__(?:meta-data-item|meta-right|meta)$"), "meta"),
    (re.compile(r"^nova(?:-legacy)?-(?:e-badge|c-button|v-publication-item__(?:badge|actions|description))$"), "shown"),
)
_DATE = re.compile(r"^(?:[A-Z][a-z]{2,8}\.?\s+)?(?:\d{1,2},?\s+)?(?P<year>(?:1[5-9]|20)\d{2})$")
_DOI = re.compile(r"^DOI:?\s*(?P<doi>10\.\d{4,9}/\S+)$", re.IGNORECASE)
# the kind of work and its availability, shown as plain text in some cards' meta lists, not a venue
_BADGE = re.compile(r"^(?:full-text available|preview available|available via license\b.*|file available|article|"
                    r"preprint|book|chapter|conference paper|thesis|dissertation|data|dataset|technical report|"
                    r"literature review|poster|presentation|research|working paper|patent|code)$", re.IGNORECASE)
_HIDDEN_AUTHORS = re.compile(r"^\[?(?:\.\.\.|…)\]?$")  # "[...]": the authors a card does not show


def card_part(classes: set[str]) -> str:
    """"card" for a reference card, the name of the field an element of a card holds ("shown" for what
    the page shows around the fields: a badge, the abstract, a button), or ""."""
    for name in classes:
        if _CARD.match(name):
            return "card"
        for pattern, kind in _FIELDS:
            if pattern.match(name):
                return kind
    return ""


@dataclass
class CardField:
    kind: str
    depth: int  # the element's depth in the parser's stack
    start: int  # where its text starts in the parser's characters
    end: int = -1  # where it ends (-1: still open)


def rewrite_card(chars: list[str], origin: list[int], start: int, fields: list[CardField]) -> None:
    """Rewrite the card whose text starts at ``start`` (in place: ``chars`` and ``origin`` from there)
    from its ``fields``; a card without a title is left as it is."""
    closed = [f for f in fields if f.end >= 0]
    inner = [f for f in closed if not any(g.depth > f.depth and f.start <= g.start and g.end <= f.end
                                          for g in closed)]  # a field holding others: theirs are read
    parts: dict[str, list[tuple[str, list[int]]]] = {}
    for f in inner:
        text, at = _trimmed(chars[f.start:f.end], origin[f.start:f.end])
        if text:
            parts.setdefault(f.kind, []).append((text, at))
    if not parts.get("title"):
        return
    out: list[str] = []
    out_origin: list[int] = []

    def put(text: str, at: list[int]) -> None:
        out.extend(text)
        out_origin.extend(at)

    def glue(text: str, at: int) -> None:
        put(text, [at] * len(text))

    authors = parts.get("author") or parts.get("authors") or []
    shown = [(t, a) for t, a in authors if not _HIDDEN_AUTHORS.match(t)]
    for n, (text, at) in enumerate(shown):
        if n:
            glue("; ", at[0])
        put(text, at)
    if shown and len(shown) < len(authors):
        glue(" et al.", shown[-1][1][-1])
    metas = parts.get("meta", [])
    date = next(((t, a) for t, a in metas if _DATE.match(t)), None)
    if date is not None:
        found = _DATE.match(date[0])
        year_at = found.start("year") if found else 0
        glue(" (" if out else "(", date[1][year_at])
        put(date[0][year_at:year_at + 4], date[1][year_at:year_at + 4])
        glue(").", date[1][-1])
    elif out:
        glue(".", out_origin[-1])
    for text, at in parts["title"][:1]:
        glue(" " if out else "", at[0])
        put(text, at)
        if text[-1] not in ".?!":
            glue(".", at[-1])
    dois = []
    for text, at in metas:
        if (date is not None and text == date[0]) or _BADGE.match(text):
            continue
        doi = _DOI.match(text)
        if doi:
            dois.append((text[doi.start("doi"):], at[doi.start("doi"):]))
            continue
        glue(" ", at[0])
        put(text, at)
        if text[-1] not in ".?!":
            glue(".", at[-1])
    for text, at in dois[:1]:
        glue(" doi:", at[0])
        put(text, at)
    del chars[start:], origin[start:]
    chars.extend(out)
    origin.extend(out_origin)


def _trimmed(chars: list[str], origin: list[int]) -> tuple[str, list[int]]:
    """A field's text and offsets without the spaces and the full stops the parser put at block edges."""
    first, last = 0, len(chars)
    while first < last and chars[first] in " \n.,;":
        first += 1
    while last > first and chars[last - 1] in " \n,;":
        last -= 1
    while last > first + 1 and chars[last - 1] == "." and chars[last - 2] != ".":  # a block's full stop
        last -= 1
        while last > first and chars[last - 1] in " \n":
            last -= 1
    text = " ".join("".join(chars[first:last]).split())
    if text != "".join(chars[first:last]):  # white space folded: offsets of the kept characters
        kept: list[str] = []
        at: list[int] = []
        for ch, o in zip(chars[first:last], origin[first:last]):
            if ch in " \n" and (not kept or kept[-1] == " "):
                continue
            kept.append(" " if ch == "\n" else ch)
            at.append(o)
        return "".join(kept).rstrip(), at[:len("".join(kept).rstrip())]
    return text, list(origin[first:last])
