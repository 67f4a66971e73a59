"""Zotero's Extra field, one ``key: value`` a line: the fields its lines name.

Zotero keeps what it has no field for in Extra, a line each: a CSL variable by its name or Zotero's label
(``original-date: 1850``, ``Original Date: 1850``, ``PMID: 8589715``), a creator as ``container-author:
Family || Given``, and Better BibTeX's ``tex.NAME: value`` for any BibLaTeX field (which it exports as that
field). Zotero's CSL-JSON export writes Extra as the item's ``note``; an RIS export as ``M2`` lines
(``parse.ris``). A line naming a field the item already has, and any other line, stays in the text.
"""
from __future__ import annotations

from ..emit import crosswalk
from ..model import Name
from .bibtex import names_text


# fields the model has a slot for: never read from a line (``tex.title: ...`` stays text)
SLOT_FIELDS = frozenset({"title", "author", "editor", "year", "date", "journaltitle", "journal", "booktitle", "publisher",
                         "location", "address", "volume", "number", "issue", "pages", "edition", "url", "doi", "isbn",
                         "urldate", "note"})


def keyed_lines(text: str, have: set[str]) -> tuple[list[tuple[str, str]], str]:
    """The (BibLaTeX field, value) pairs the lines of ``text`` name (``crosswalk.ris_keyed_field``), fields of
    ``have`` left out, and the other lines, as they were."""
    from .ris import keyed_name  # the M2 lines' reader, which reads these lines too

    pairs: list[tuple[str, str]] = []
    names: dict[str, list[Name]] = {}
    rest: list[str] = []
    for line in text.split("\n"):
        keyed = crosswalk.ris_keyed_field(line)
        if keyed is None or keyed[0] in SLOT_FIELDS or keyed[0] in have:
            rest.append(line)
        elif keyed[0] in crosswalk.RIS_KEYED_NAMES:  # one line per name: "container-author: Family || Given"
            names.setdefault(keyed[0], []).append(keyed_name(keyed[1]))
        elif keyed[0] not in {k for k, _ in pairs}:
            pairs.append(keyed)
        else:
            rest.append(line)
    pairs += [(name, names_text(found)) for name, found in names.items()]
    return pairs, "\n".join(rest).strip("\n")
