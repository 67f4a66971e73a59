"""Legal cases in a reference list, cited by the case's name and its reporter (Chicago 17th ed.,
14.176; APA 7, 11.4; the Bluebook): "Brown v. Board of Education, 347 U.S. 483 (1954).", the
author-date form "Brown v. Board of Education. 1954. 347 U.S. 483.", and the English reports
"Donoghue v Stevenson [1932] AC 562." or "(1932) 48 TLR 494".

Neither the rules nor the tagger know the shape: the rules took "Brown v" for a title and "Board of
Education" for its journal, the tagger the whole for a title. Here it is read from its own words:
the case's name is the title (what a citation "(Brown v. Board of Education 1954)" names), the
reporter the container ("U.S.", as CSL's ``legal_case`` has it: its ``container-title``), its
volume and first page the volume and pages, the year the year, and a court the parenthesis names
with the year ("(2d Cir. 1999)") the publisher (CSL's ``authority``, RIS's PB "Court").
``read_legal_case`` gives these fields, or None when the entry is no case so written.
"""
from __future__ import annotations

import re

from .reference_segments import strip_markup

# the case's name: "Brown v. Board of Education", "Donoghue v Stevenson", "United States v. Carolene
# Products Co.", "In re Gault", "Ex parte Milligan"; italic or not
_NAME = (r"(?P<open>\*|_)?(?P<name>(?:(?!\d)[^\[\]()*_]){1,150}?\s+v\.?\s+(?:(?!\d)[^\[\]()*_]){1,150}?"
         r"|(?:In\s+re|Ex\s+parte)\s+(?:(?!\d)[^\[\]()*_,]){1,120}?)(?(open)(?:\*|_))")
# a reporter's abbreviation: "U.S.", "S. Ct.", "F.3d", "F. Supp. 2d", "L. Ed. 2d", "AC", "TLR", "UKSC"
_REPORTER = r"(?P<reporter>[A-Z][A-Za-z0-9.'’]*(?:\s(?:[A-Z][A-Za-z0-9.'’]*|[0-9](?:d|th)|\([A-Z][a-z]+\)))*)"
_CITED = rf"(?P<volume>\d{{1,4}})\s+{_REPORTER}\s+(?P<page>\d{{1,5}})(?:,\s*\d{{1,5}}(?:[-–]\d{{1,5}})?)?"
_SHAPES = (
    # Bluebook, Chicago, APA: "Brown v. Board of Education, 347 U.S. 483 (1954)", "(2d Cir. 1999)"
    re.compile(rf"^{_NAME},\s+{_CITED}\s*\((?P<court>[^()]*?)\s*(?P<year>(?:1[6-9]|20)\d{{2}})\)"),
    # author-date: "Brown v. Board of Education. 1954. 347 U.S. 483."
    re.compile(rf"^{_NAME}\.\s+(?P<year>(?:1[6-9]|20)\d{{2}})\.\s+{_CITED}"),
    # English reports: "Donoghue v Stevenson [1932] AC 562", "[1990] 2 AC 605", "(1932) 48 TLR 494"
    re.compile(rf"^{_NAME},?\s+\[(?P<year>(?:1[6-9]|20)\d{{2}})\]\s+(?:(?P<volume>\d{{1,4}})\s+)?{_REPORTER}"
               rf"\s+(?P<page>\d{{1,5}})"),
    re.compile(rf"^{_NAME},?\s+\((?P<year>(?:1[6-9]|20)\d{{2}})\)\s+{_CITED}"),
)
_REST = re.compile(r"^[\s.,;]*$")
_VERSUS = re.compile(r"\sv\.?\s")  # what every _NAME but "In re" and "Ex parte" holds


def read_legal_case(text: str) -> dict | None:
    """The fields of a legal case's entry (``text``: the entry with its links masked), or None: title,
    container (the reporter), volume, pages, year, publisher (a court named) and ``kind`` "legal_case".
    What follows the citation must be nothing but its links (masked) or a closing full stop."""
    if "In re" not in text and "Ex parte" not in text and not (" v" in text and _VERSUS.search(text)):
        return None  # " v" alone is in every "von" and "vol.": most entries stop here
    stripped = text.strip()
    for shape in _SHAPES:
        m = shape.match(stripped)
        if m and _REST.match(stripped[m.end():]):
            return _fields(m)
    return None


def _fields(m: re.Match[str]) -> dict:
    court = (m.groupdict().get("court") or "").strip(" ,")
    return {
        "kind": "legal_case", "authors": (), "editors": (),
        "title": strip_markup(m.group("name")).strip(" ,"),
        "container": m.group("reporter").strip(),
        "volume": m.group("volume") or "",
        "pages": m.group("page"),
        "year": int(m.group("year")),
        "publisher": court,
        "place": "", "note": "",
    }
