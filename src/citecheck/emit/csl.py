"""References -> CSL-JSON items (the input format of citeproc processors and pandoc).

Values are plain Unicode, but for the title and container title, which are CSL rich text when
their source marked them up (``emit.rich_text``: ``\\emph{}`` or ``<i>``, a protected ``{Wien}`` as
``<span class="nocase">``; math as written). The type is the ``EntryType`` value,
which is already a CSL type. An archived copy is not a CSL variable of its own and is
left out; ``accessed`` is written as date parts when it is an ISO date, else as ``raw``.
"""
from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator, Sequence
from typing import Any

from ..model import Name, Reference
from .bibtex import PROTECTED_TITLE, as_written
from .keys import assign_keys, make_key
from .latex import normalize_space
from .rich_text import latex_to_csl, marked_to_csl

_ISO = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")
# ``extra`` fields (BibTeX names, as the parsers keep them) that are CSL variables.
YEAR_AS_WRITTEN = "bibtex:year"  # ``extra``: a year field in words, as written (parse.bibtex)
PUBSTATE_WORDS = {"inpress": "in press", "forthcoming": "forthcoming", "submitted": "submitted",
                  "inpreparation": "in preparation", "prepublished": "prepublished"}
EXTRA_VARIABLES = {"abstract": "abstract", "keywords": "keyword", "issn": "ISSN", "series": "collection-title",
                   "language": "language"}


def csl_name(name: Name) -> dict[str, str]:
    """A CSL name object: ``{"literal": ...}`` or family/given/particles/suffix."""
    if name.is_literal:
        return {"literal": name.literal}
    item = {"family": name.family}
    if name.given:
        item["given"] = name.given
    if name.particle:
        # Shown with the family name ("van Gogh"); CSL still sorts under "Gogh" by default.
        item["non-dropping-particle"] = name.particle
    if name.suffix:
        item["suffix"] = name.suffix
    return item


def csl_date(text: str) -> dict[str, Any]:
    match = _ISO.match(text.strip())
    if not match:
        return {"raw": text}
    return {"date-parts": [[int(p) for p in match.groups() if p is not None]]}


def to_csl_item(ref: Reference) -> dict[str, Any]:
    """One CSL-JSON item; empty fields are left out."""
    extra = dict(reversed(ref.extra))  # the first value of a repeated field wins
    item: dict[str, Any] = {"id": ref.key or make_key(ref), "type": extra.get("csl:type") or ref.type.value}
    # CSL has no "et al." marker: a list cut short ("others") lists the names it has.
    authors = [csl_name(n) for n in ref.authors if n.literal != "others"]
    editors = [csl_name(n) for n in ref.editors if n.literal != "others"]
    if authors:
        item["author"] = authors
    if editors:
        item["editor"] = editors
    if ref.year is not None and not ref.no_date:
        item["issued"] = _issued(ref.year, extra.get("date", ""))
    elif extra.get(YEAR_AS_WRITTEN) and not extra.get("pubstate"):  # a year field in words, kept as written
        item["issued"] = {"literal": extra[YEAR_AS_WRITTEN]}
    if extra.get("pubstate"):  # biblatex's localisation key -> CSL's status in words
        item["status"] = PUBSTATE_WORDS.get(extra["pubstate"].strip().lower(), extra["pubstate"])
    if ref.year_suffix:
        item["year-suffix"] = ref.year_suffix
    plain = (
        ("title", rich_text(ref, "title", ref.title)), ("container-title", rich_text(ref, "container", ref.container)), ("publisher", ref.publisher),
        ("publisher-place", ref.place), ("edition", ref.edition), ("volume", ref.volume),
        ("issue", ref.issue), ("page", ref.pages), ("DOI", ref.doi), ("ISBN", ref.isbn),
    )
    for name, value in plain:
        if value:
            item[name] = value
    if ref.urls:
        item["URL"] = ref.urls[0].url
    if ref.accessed:
        item["accessed"] = csl_date(ref.accessed)
    if ref.note:
        item["note"] = ref.note
    for name, value in ref.extra:
        _add_extra(item, name, value)
    return item


def rich_text(ref: Reference, name: str, plain: str) -> str:
    """``plain`` as CSL rich text, with the markup its LaTeX had (``extra`` ``latex:NAME``, or a
    title's protected groups, ``bibtex:title``) while that is still this text; else ``plain``."""
    written = as_written(ref, name, plain)
    if written:
        return latex_to_csl(written)
    marked = next((v for k, v in ref.extra if k == PROTECTED_TITLE), "") if name == "title" else ""
    if marked and normalize_space(marked.replace("{", "").replace("}", "")) == normalize_space(plain):
        return marked_to_csl(marked)
    return plain


def _issued(year: int, date: str) -> dict[str, Any]:
    """The year, or the full date ``extra`` keeps when it is an ISO date in that year: an EDTF
    range (``1999/2000``) as two date-parts, an approximate date (``1850~``) with ``circa``."""
    date = date.strip()
    circa = date.endswith("~")
    ends = date.rstrip("~").split("/")
    matches = [_ISO.match(end) for end in ends]
    if len(ends) <= 2 and all(matches) and int(matches[0].group(1)) == year:
        issued: dict[str, Any] = {"date-parts": [[int(p) for p in m.groups() if p is not None] for m in matches]}
        if circa:
            issued["circa"] = True
        return issued
    return {"date-parts": [[year]]}


def _add_extra(item: dict[str, Any], name: str, value: str) -> None:
    """An ``extra`` field as its CSL variable, when it is one (never over a variable already set)."""
    if name == "translator":  # a BibTeX name list (``parse.bibtex.names_text``)
        from ..parse.bibtex import parse_names

        variable, data = "translator", [csl_name(n) for n in parse_names(value) if n.literal != "others"]
    elif name in EXTRA_VARIABLES:
        variable, data = EXTRA_VARIABLES[name], value
    elif name.startswith("csl:") and name != "csl:type":
        variable, data = name[4:], value
    elif name.startswith("csl-json:"):
        try:
            variable, data = name[9:], json.loads(value)
        except ValueError:
            return
    else:
        return
    item.setdefault(variable, data)


def to_csl_json(refs: Sequence[Reference]) -> str:
    """A CSL-JSON array, two-space indented, UTF-8 kept, with a trailing newline."""
    return "".join(csl_json_pieces(assign_keys(refs, keep_existing=True)))


def csl_json_pieces(refs: Iterable[Reference]) -> Iterator[str]:
    """``to_csl_json`` an item at a time, for references that have their keys already
    (``emit.keys.assign_keys``): joined, the pieces are the text ``json.dumps`` gives for the
    whole array (an item's lines indented one level more, as in the array)."""
    opening = "[\n"
    for ref in refs:
        item = json.dumps(to_csl_item(ref), indent=2, ensure_ascii=False)
        yield opening + "  " + item.replace("\n", "\n  ")
        opening = ",\n"
    yield "[]\n" if opening == "[\n" else "\n]\n"
