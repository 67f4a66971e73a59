"""Standards listed under their designation, as lists of standards and DIN 1505 write them: "DIN EN ISO
9001:2015-11: Qualitätsmanagementsysteme – Anforderungen. Berlin: Beuth.", "ISO 9001:2015. Quality management
systems — Requirements. Geneva: ISO.", "ISO/IEC 27001:2022, Information security management systems.".

Both readings misread the shape: the rules took "DIN EN" for a family name and "ISO" for initials, the tagger
the year inside the designation for no year. Here the designation is the entry's ``number`` (a report's, as
CSL and BibTeX have no standard type: ``@techreport`` with its ``number``), its year the entry's year, the words
after it the title, and "Place: Publisher" after the title the place and the publisher (else the first body of
the designation, "DIN", "ISO"). That first body is the author too, as a citation names it: "(ISO 2015)". ``read_standard_entry`` gives these fields, or None when the entry opens otherwise.
"""
from __future__ import annotations

import re

from ..model import Name
from .reference_segments import strip_markup

_BODIES = r"DIN|EN|ISO|IEC|BS|ANSI|ASTM|NF|ÖNORM|SN|CEN|CSA|AS|NZS|IEEE"
# "DIN EN ISO 9001:2015-11", "ISO/IEC 27001:2022", "BS EN 1990:2002+A1:2005", "ISO 690:2021"
DESIGNATION = (rf"(?P<designation>(?P<body>{_BODIES})(?:[\s/]+(?:{_BODIES}))*\s+[A-Z]?\s?\d+(?:[-.]\d+)*"
               r":(?P<year>(?:1[89]|20)\d{2})(?:-(?P<month>0[1-9]|1[0-2]))?(?:\+A\d+:(?:1[89]|20)\d{2})?)\b")
_ENTRY = re.compile(rf"^{DESIGNATION}\s*[:.,]?\s+(?P<rest>\S.*)$")
# the imprint after the title: "Berlin: Beuth", "Geneva: International Organization for Standardization, 2015"
_IMPRINT = re.compile(r"\.\s+(?P<place>[A-Z][^\W\d_]+(?:[ -][A-Z]?[^\W\d_]+){0,2})\s*:\s*(?P<publisher>[^:.]+?)"
                      r"(?:,\s*(?:1[89]|20)\d{2})?\.?$")


def read_standard_entry(text: str) -> dict | None:
    """The fields of a standard's entry (``text``: the entry with its links masked), or None."""
    stripped = strip_markup(text).strip()
    m = _ENTRY.match(stripped) if stripped[:1] in "ABCDEINSÖ" else None
    if m is None:
        return None
    rest = m.group("rest").strip()
    imprint = _IMPRINT.search(rest)
    title = rest[: imprint.start()] if imprint else rest
    title = title.strip(" .,;")
    if not title:
        return None
    body = m.group("body")  # the author a citation names: "(ISO 2015)", "(DIN 2015)"
    values: dict = {"authors": (Name(literal=body, raw=body),), "editors": (), "title": title, "year": int(m.group("year")),
                    "number": " ".join(m.group("designation").split()),
                    "publisher": imprint.group("publisher").strip() if imprint else m.group("body"),
                    "place": imprint.group("place").strip() if imprint else ""}
    if m.group("month"):
        values["date"] = f"{m.group('year')}-{m.group('month')}"
    return values
