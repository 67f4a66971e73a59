"""What an entry inherits through ``crossref`` and ``xdata``, written out for CSL-JSON and RIS.

biber gives a paper that names its proceedings in ``crossref`` the proceedings' title as its
``booktitle``, and their editors, publisher, place, date, volume ... it lacks; an entry naming an
``@xdata`` container gets every field the container holds (biblatex manual, "Cross-referencing" and
appendix B). CSL-JSON and RIS have no such link, and citeproc processors and reference managers
resolve none: a paper converted with its ``crossref`` alone printed no proceedings and no year. So
``with_inherited`` gives each entry the fields it inherits, as biber would, before it is written as
CSL-JSON or RIS; its own fields win, and its ``crossref`` and ``xdata`` stay (``custom``, ``M2``), so
converting back to BibLaTeX keeps the link. BibLaTeX output needs none of this: biber resolves it.
"""
from __future__ import annotations

import dataclasses
from collections.abc import Iterable

from ..model import EntryType, Reference
from .crosswalk import LIST_SEPARATOR

INHERITING = ("crossref", "xdata")  # ``xref`` links without inheriting
# an entry whose container is its parent's title (biber: booktitle <- title of a @proceedings, @book, @collection)
CONTAINED = frozenset({EntryType.CHAPTER, EntryType.CONFERENCE})
# ``extra`` fields never inherited (biber's defaults), or citecheck's own notes
NOT_INHERITED = frozenset({"ids", "crossref", "xref", "xdata", "entryset", "entrysubtype", "execute", "label",
                           "options", "presort", "related", "relatedoptions", "relatedstring", "relatedtype",
                           "shorthand", "shorthandintro", "sortkey", "date"})
_CONTAINER_FIELDS = ("booktitle", "journaltitle", "journal", "maintitle")  # an @xdata's container, under its name
_PUBLISHER_FIELDS = ("publisher", "institution", "organization")
DEPTH = 8  # chains followed (a paper -> its proceedings -> an @xdata ...)


def with_inherited(refs: Iterable[Reference], links: tuple[str, ...] = INHERITING) -> list[Reference]:
    """``refs``, each with the fields it inherits from the entries its ``crossref`` and ``xdata`` name (``links``:
    those of them followed; classic BibTeX, whose bibtex resolves ``crossref`` itself and knows no ``xdata``, wants
    ``("xdata",)``)."""
    listed = list(refs)
    by_key: dict[str, Reference] = {}
    for ref in listed:
        by_key.setdefault(ref.key, ref)
    return [_inherited(ref, by_key, 0, links) for ref in listed]


def names_parents(extra: Iterable[tuple[str, str]]) -> bool:
    return any(k.lower() in INHERITING and v.strip() for k, v in extra)


def _inherited(ref: Reference, by_key: dict[str, Reference], depth: int,
               links: tuple[str, ...] = INHERITING) -> Reference:
    if depth >= DEPTH:
        return ref
    for name, value in list(ref.extra):
        if name.lower() not in links:
            continue
        for key in (k.strip() for k in value.split(",")):
            parent = by_key.get(key)
            if parent is not None and parent is not ref:
                ref = _filled(ref, _inherited(parent, by_key, depth + 1, links), name.lower() == "xdata")
    return ref


def _filled(child: Reference, parent: Reference, data: bool) -> Reference:
    """``child`` with the fields it lacks taken from ``parent`` (an @xdata container when ``data``)."""
    held = dict(reversed(parent.extra))
    if data:  # an @xdata's fields are kept under their own names
        container = next((held[n] for n in _CONTAINER_FIELDS if held.get(n, "").strip()), "") or parent.container
        publisher = parent.publisher or next((held[n] for n in _PUBLISHER_FIELDS if held.get(n, "").strip()), "")
        publisher = publisher.replace(" and ", LIST_SEPARATOR)  # a BibLaTeX list, as the model writes one
    else:
        container = parent.title if child.type in CONTAINED else ""
        publisher = parent.publisher
    changes: dict[str, object] = {}
    for slot, value in (("container", container), ("publisher", publisher), ("place", parent.place),
                        ("volume", parent.volume), ("edition", parent.edition), ("isbn", parent.isbn)):
        if value and not str(getattr(child, slot)).strip():
            changes[slot] = value
    if parent.editors and not child.editors:
        changes["editors"] = parent.editors
    extra = list(child.extra)
    if child.year is None and not child.no_date and parent.year is not None:
        changes["year"] = parent.year
        extra += [(k, v) for k, v in parent.extra if k == "date"]
    have = {k.lower() for k, _ in child.extra}
    used = {"booktitle", "journaltitle", "journal", "maintitle", *_PUBLISHER_FIELDS} if data else set()
    extra += [(k, v) for k, v in parent.extra if ":" not in k and k.lower() not in NOT_INHERITED
              and k.lower() not in have and k.lower() not in used]
    if extra != list(child.extra):
        changes["extra"] = tuple(extra)
    return dataclasses.replace(child, **changes) if changes else child  # type: ignore[arg-type]
