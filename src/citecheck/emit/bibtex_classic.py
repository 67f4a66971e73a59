"""References -> classic BibTeX, the dialect bibtex's standard styles (plain, natbib's plainnat...) read.

Built from the BibLaTeX entry (``emit.bibtex``: same escaping, same field choice, same
data-model filtering), then renamed to classic types and fields, which biber also reads
(it maps them to BibLaTeX itself):

=============================== =============================================
BibLaTeX                        classic BibTeX
=============================== =============================================
article (journaltitle)          article (``journal``)
book, incollection,             same types
inproceedings
report                          techreport (the default ``type = {Report}`` dropped:
                                styles print "Technical Report")
thesis                          phdthesis, or mastersthesis for ``type = {mathesis}``;
                                ``institution`` -> ``school``
online                          misc with ``howpublished`` (the site) and
                                ``entrysubtype = {webpage}`` (ignored by bibtex, read back
                                by ``parse.bibtex`` as a web page)
misc                            misc
``date``                        ``year`` (and ``month`` from a full ISO date, as
                                the standard macro ``month = mar``, which
                                styles print as the month's name);
                                n.d. keeps ``date = {XXXX}``: no year for bibtex,
                                the unspecified year for biber; an unknown
                                year (none given, not n.d.): no field at all
``location``                    ``address``
=============================== =============================================

``url``, ``doi``, ``urldate``, ``isbn`` and the archive's ``eprint`` stay: natbib's
styles print url and doi, the standard styles ignore fields they do not know.
"""
from __future__ import annotations

import re

from bibtexparser.model import Entry, Field

from ..model import EntryType, Reference
from .bibtex import NO_DATE, _wanted_fields, biblatex_type, ordered_fields

CLASSIC_TYPES = {
    "article": "article", "book": "book", "incollection": "incollection", "inproceedings": "inproceedings",
    "report": "techreport", "thesis": "phdthesis", "misc": "misc",
}
RENAMES = {"journaltitle": "journal", "location": "address"}
# ``type`` values that only restate the classic type (parse.bibtex adds them when reading it).
IMPLIED_TYPE = {"techreport": {"report", "techreport"}, "phdthesis": {"thesis", "phdthesis"},
                "mastersthesis": {"mathesis", "mastersthesis"}}
_ISO = re.compile(r"^(\d{4})-(\d{2})")


def classic_fields(ref: Reference) -> tuple[str, list[tuple[str, str]]]:
    """The classic BibTeX type and (field, escaped value) pairs of ``ref``'s entry."""
    bibtype, wanted = biblatex_type(ref)
    if bibtype == "online":
        bibtype, wanted = "misc", _wanted_fields(ref, "misc")
        wanted["entrysubtype"] = EntryType.WEBPAGE.value
    pairs = ordered_fields(ref, bibtype, wanted)
    classic = CLASSIC_TYPES[bibtype]
    types = {name: value for name, value in pairs if name == "type"}
    if classic == "phdthesis" and types.get("type", "").strip().lower() == "mathesis":
        classic = "mastersthesis"
    out: list[tuple[str, str]] = []
    for name, value in pairs:
        if name == "type" and (value in ("Report", "Thesis") or value.strip().lower() in IMPLIED_TYPE.get(classic, ())):
            continue
        if name == "date":
            out.extend(_year_month(value, {n for n, _ in pairs}))
            continue
        if name == "institution" and classic in ("phdthesis", "mastersthesis"):
            name = "school"
        out.append((RENAMES.get(name, name), value))
    return classic, out


def _year_month(date: str, present: set[str]) -> list[tuple[str, str]]:
    if date == NO_DATE:  # bibtex ignores the field (plain.bst warns "empty year"); biber reads n.d.
        return [("date", NO_DATE)]
    pairs = [("year", date[:4])]
    match = _ISO.match(date)
    if match and "month" not in present:
        pairs.append(("month", str(int(match.group(2)))))
    return pairs


MONTH_MACROS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
_MONTH_NAMES = ("january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
                "november", "december")


def month_macro(value: str) -> str | None:
    """The standard BibTeX macro of a month ("3", "03", "March", "Sept.", "mar" -> its macro), or None."""
    text = value.strip().strip("{}").strip().rstrip(".").lower()
    if text.isdigit():
        return MONTH_MACROS[int(text) - 1] if 1 <= int(text) <= 12 else None
    if len(text) >= 3:
        for macro, name in zip(MONTH_MACROS, _MONTH_NAMES):
            if name.startswith(text):
                return macro
    return None


def classic_entry(ref: Reference, key: str) -> Entry:
    bibtype, pairs = classic_fields(ref)
    fields = []
    for name, value in pairs:
        macro = month_macro(value) if name == "month" else None
        fields.append(Field(name, macro, enclosing="no-enclosing") if macro else Field(name, value))
    return Entry(bibtype, key, fields)
