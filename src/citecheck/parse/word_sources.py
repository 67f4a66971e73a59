"""Word's own citations: the sources of a document's bibliography part, and its CITATION fields.

Word's citation manager (References > Insert Citation) keeps the document's sources in a custom
XML part (``customXml/itemN.xml``) in the bibliography namespace of ECMA-376 (§22.6)::

    <b:Sources xmlns:b="http://schemas.openxmlformats.org/officeDocument/2006/bibliography" ...>
      <b:Source><b:Tag>Zau19</b:Tag><b:SourceType>InternetSite</b:SourceType>
        <b:Author><b:Author><b:NameList><b:Person><b:Last>Zaugg</b:Last><b:First>Julie</b:First>
        </b:Person></b:NameList></b:Author></b:Author>
        <b:Title>...</b:Title><b:Year>2019</b:Year><b:URL>https://...</b:URL></b:Source>
    </b:Sources>

and cites them with fields ``CITATION Zau19 \\l 1033 \\p 45 \\m Bar19`` (the tag; ``\\p`` pages,
``\\v`` volume, ``\\m`` another cited source, ``\\n`` the author suppressed, ``\\y``, ``\\t``, ``\\f``,
``\\s``, ``\\l`` as Word documents them); the field ``BIBLIOGRAPHY`` is the list Word writes.
``sources_items`` turns each ``b:Source`` into a CSL item keyed by its tag (``parse.csl_json`` reads
it on); ``cited_tags`` reads a CITATION field.
"""
from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass

NAMESPACE = "http://schemas.openxmlformats.org/officeDocument/2006/bibliography"
_B = "{" + NAMESPACE + "}"
ET.register_namespace("b", NAMESPACE)  # a source's raw text is written with Word's own prefix

# ST_SourceType -> CSL type
SOURCE_TYPES = {
    "Book": "book", "BookSection": "chapter", "JournalArticle": "article-journal",
    "ArticleInAPeriodical": "article-magazine", "ConferenceProceedings": "paper-conference", "Report": "report",
    "SoundRecording": "song", "Performance": "performance", "Art": "graphic", "DocumentFromInternetSite": "webpage",
    "InternetSite": "webpage", "Film": "motion_picture", "Interview": "interview", "Patent": "patent",
    "ElectronicSource": "document", "Case": "legal_case", "Misc": "document",
}
# contributor roles (children of the outer b:Author) -> CSL name variables; the first of these a source
# has is its author when it has no b:Author role itself (an interview's interviewee, a film's director)
ROLES = {
    "Author": "author", "Editor": "editor", "Translator": "translator", "BookAuthor": "container-author",
    "Compiler": "compiler", "Composer": "composer", "Director": "director", "Interviewer": "interviewer",
    "Inventor": "author", "Artist": "author", "Writer": "author", "Interviewee": "author",
    "Performer": "performer", "Conductor": "conductor", "ProducerName": "producer", "Counsel": "author",
}
# CSL variable <- the first of these Source children present
TEXT_FIELDS = (
    ("title", ("Title",)),
    ("container-title", ("JournalName", "PeriodicalTitle", "BookTitle", "ConferenceName", "InternetSiteTitle",
                         "PublicationTitle", "AlbumTitle", "BroadcastTitle", "Reporter")),
    ("publisher", ("Publisher", "Institution", "ProductionCompany", "Distributor", "Broadcaster", "Station",
                   "Court", "Theater")),
    ("volume", ("Volume",)), ("issue", ("Issue",)), ("page", ("Pages",)), ("edition", ("Edition",)),
    ("genre", ("ThesisType", "Type")), ("DOI", ("DOI",)), ("URL", ("URL",)), ("number", ("PatentNumber", "CaseNumber")),
    ("chapter-number", ("ChapterNumber",)), ("number-of-volumes", ("NumberVolumes",)), ("medium", ("Medium",)),
    ("version", ("Version",)), ("note", ("Comments",)), ("title-short", ("ShortTitle",)),
    ("department", ("Department",)),
)
MONTHS = {m: i for i, m in enumerate(
    "january february march april may june july august september october november december".split(), 1)}
_ISBN = re.compile(r"(?:ISBN[-:\s]*)?((?:97[89][-\s]?)?\d[\d\s-]{7,15}[\dXx])")
_CITATION = re.compile(r"^\s*CITATION\s+(?P<rest>.*)$", re.DOTALL | re.IGNORECASE)
_BIBLIOGRAPHY = re.compile(r"^\s*BIBLIOGRAPHY\b", re.IGNORECASE)
_WORD = re.compile(r'"[^"]*"|\S+')  # a field's words: a switch's quoted argument is one


def is_citation(code: str) -> bool:
    return bool(_CITATION.match(code))


def is_bibliography(code: str) -> bool:
    return bool(_BIBLIOGRAPHY.match(code))


def is_sources_part(xml: bytes | str) -> bool:
    """Whether a custom XML part is Word's bibliography (its root is ``b:Sources``)."""
    head = xml[:512] if isinstance(xml, str) else xml[:512].decode("utf-8", "replace")
    return NAMESPACE in head and "Sources" in head


@dataclass(frozen=True)
class WordCite:
    tag: str
    locator: str = ""  # \p pages, or "vol. N" from \v


def cited_tags(code: str) -> list[WordCite]:
    """The sources one CITATION field cites, in order (its tag, then each ``\\m`` tag); ``\\p``/``\\v``
    belong to the source named just before them, as Word applies them."""
    match = _CITATION.match(code)
    if match is None:
        return []
    words = [w[1:-1] if w[:1] == '"' and w[-1:] == '"' and len(w) > 1 else w for w in _WORD.findall(match.group("rest"))]
    cites: list[dict] = []
    takes_value = {"\\l", "\\f", "\\s", "\\p", "\\v", "\\m"}
    i = 0
    while i < len(words):
        word = words[i]
        value = words[i + 1] if i + 1 < len(words) else ""
        if word.lower() in takes_value:
            i += 2
            if word.lower() == "\\m" and value:
                cites.append({"tag": value, "locator": ""})
            elif word.lower() == "\\p" and cites and value:
                cites[-1]["locator"] = value
            elif word.lower() == "\\v" and cites and value and not cites[-1]["locator"]:
                cites[-1]["locator"] = f"vol. {value}"
            continue
        if not word.startswith("\\") and not cites:
            cites.append({"tag": word, "locator": ""})
        i += 1
    return [WordCite(c["tag"], c["locator"]) for c in cites]


def _child_text(source: ET.Element, name: str) -> str:
    node = source.find(_B + name)
    return " ".join("".join(node.itertext()).split()) if node is not None else ""


def _names(role: ET.Element) -> list[dict]:
    names: list[dict] = []
    corporate = _child_text(role, "Corporate")
    if corporate:
        names.append({"literal": corporate})
    for person in role.iter(_B + "Person"):
        family = _child_text(person, "Last")
        given = " ".join(p for p in (_child_text(person, "First"), _child_text(person, "Middle")) if p)
        if family and given:
            names.append({"family": family, "given": given})
        elif family or given:
            names.append({"family": family or given})
    return names


def _month(text: str) -> int:
    """1-12 for "3", "March", "Mar." (0 when it is none of these)."""
    if text.isdigit():
        return int(text) if 1 <= int(text) <= 12 else 0
    head = text.lower()[:3]
    return next((n for name, n in MONTHS.items() if name.startswith(head)), 0) if len(head) == 3 else 0


def _date(year: str, month: str, day: str) -> dict | None:
    if not year[:4].isdigit():
        return {"literal": year} if year else None
    parts = [int(year[:4])]
    number = _month(month)
    if number:
        parts.append(number)
        if day.isdigit() and 1 <= int(day) <= 31:
            parts.append(int(day))
    return {"date-parts": [parts]}


def source_item(source: ET.Element) -> dict:
    """One ``b:Source`` as a CSL item (``id``: its tag)."""
    kind = _child_text(source, "SourceType")
    item: dict = {"id": _child_text(source, "Tag"), "type": SOURCE_TYPES.get(kind, "document")}
    contributors = source.find(_B + "Author")
    if contributors is not None:
        for role in contributors:
            name = role.tag.removeprefix(_B)
            variable = ROLES.get(name)
            names = _names(role)
            if not variable or not names:
                continue
            if variable == "author" and "author" in item:
                continue  # a source's own b:Author first, then the stand-ins
            item[variable] = names
    for variable, children in TEXT_FIELDS:
        value = next((v for v in map(lambda c: _child_text(source, c), children) if v), "")
        if value:
            item[variable] = value
    place = ", ".join(v for v in (_child_text(source, "City"), _child_text(source, "StateProvince"),
                                  _child_text(source, "CountryRegion")) if v)
    if place:
        item["publisher-place"] = place
    standard = _child_text(source, "StandardNumber")
    isbn = _ISBN.fullmatch(standard.strip()) if standard else None
    if isbn:
        item["ISBN"] = isbn.group(1)
    elif standard:
        item["number"] = item.get("number") or standard
    issued = _date(_child_text(source, "Year"), _child_text(source, "Month"), _child_text(source, "Day"))
    if issued:
        item["issued"] = issued
    accessed = _date(_child_text(source, "YearAccessed"), _child_text(source, "MonthAccessed"),
                     _child_text(source, "DayAccessed"))
    if accessed and "date-parts" in accessed:
        item["accessed"] = accessed
    return item


def sources_items(xml: str) -> dict[str, tuple[dict, str]]:
    """Each source of a bibliography part by its tag: its CSL item and its own XML (the raw text kept
    with the reference). ``ValueError`` when the part is not well-formed XML."""
    try:
        root = ET.fromstring(xml)
    except ET.ParseError as exc:
        raise ValueError(f"Word's bibliography sources are malformed XML ({exc})") from None
    found: dict[str, tuple[dict, str]] = {}
    for source in root.iter(_B + "Source"):
        item = source_item(source)
        if item["id"] and item["id"] not in found:
            found[item["id"]] = (item, ET.tostring(source, encoding="unicode"))
    return found
