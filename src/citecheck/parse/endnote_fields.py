"""EndNote's citation fields in a Word document, read as CSL items.

EndNote writes each citation as a field ``ADDIN EN.CITE <EndNote><Cite>...</Cite></EndNote>``
(one ``<Cite>`` per cited work, each carrying the whole ``<record>`` of its library entry) and
the bibliography as ``ADDIN EN.REFLIST``. A record's fields are nested elements::

    <record><rec-number>12</rec-number><ref-type name="Journal Article">17</ref-type>
      <contributors><authors><author>Barr, Heather</author></authors></contributors>
      <titles><title>China's bride trafficking problem</title>
              <secondary-title>The Diplomat</secondary-title></titles>
      <dates><year>2019</year></dates><pages>1-20</pages><volume>3</volume><number>2</number>
      <publisher>...</publisher><pub-location>...</pub-location><isbn>...</isbn>
      <electronic-resource-num>10.1/x</electronic-resource-num>
      <urls><related-urls><url>https://...</url></related-urls></urls></record>

(text inside may be wrapped in ``<style face="normal" ...>`` elements; a thesis's or report's type of work,
``<work-type>PhD thesis</work-type>``, is CSL's ``genre``). ``cites`` turns each
``<Cite>`` into a CSL item (``parse.csl_json`` reads it on) and how it is cited: the record
number is the key, ``<Pages>`` of the Cite its locator, ``AuthorYear="1"`` a narrative
citation. A field whose XML cannot be read raises ``ValueError``.

For long citations EndNote keeps the XML out of the instruction: the field ``ADDIN EN.CITE`` holds a
nested field ``ADDIN EN.CITE.DATA``, and the ``w:fldData`` of their ``begin`` marks carries the same
XML base64-encoded. The .docx reader decodes it (``decode_field_data``) and hands the field on as
``ADDIN EN.CITE <EndNote>...``; a field left encoded (no data, or data that is no EndNote XML)
raises ``EncodedField``.
"""
from __future__ import annotations

import base64
import binascii
import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass

# EndNote reference types (the ref-type's name) -> CSL types
REF_TYPES = {
    "journal article": "article-journal", "magazine article": "article-magazine",
    "newspaper article": "article-newspaper", "book": "book", "edited book": "book", "book section": "chapter",
    "conference paper": "paper-conference", "conference proceedings": "paper-conference", "thesis": "thesis",
    "report": "report", "government document": "report", "web page": "webpage", "blog": "post-weblog",
    "dataset": "dataset", "film or broadcast": "motion_picture", "generic": "document",
}
_CODE = re.compile(r"^\s*ADDIN\s+EN\.CITE(?!\.)\b(?P<rest>.*)$", re.DOTALL)
_XML = re.compile(r"^\s*(?P<xml><EndNote>.*</EndNote>)\s*$", re.DOTALL)
_REFLIST = re.compile(r"^\s*ADDIN\s+EN\.REFLIST\b")


class EncodedField(ValueError):
    """The field keeps its records encoded (``ADDIN EN.CITE.DATA``) and their data is missing or unreadable."""


_DATA = re.compile(r"^\s*ADDIN\s+EN\.CITE\.DATA\b")


def is_encoded_data(code: str) -> bool:
    """The nested field ``ADDIN EN.CITE.DATA`` whose ``w:fldData`` carries its parent's records."""
    return bool(_DATA.match(code))


def decode_field_data(data: str) -> str | None:
    """The EndNote XML a ``w:fldData`` carries (base64; UTF-8, or UTF-16 with a byte-order mark), or
    None when it carries none."""
    try:
        raw = base64.b64decode("".join(data.split()), validate=True)
    except (binascii.Error, ValueError):
        return None
    encoding = "utf-16" if raw[:2] in (b"\xff\xfe", b"\xfe\xff") else "utf-8-sig"
    try:
        text = raw.decode(encoding).rstrip("\x00").strip()
    except UnicodeDecodeError:
        return None
    return text if text.startswith("<EndNote>") else None


@dataclass(frozen=True)
class EndNoteCite:
    key: str
    item: dict  # CSL-JSON
    locator: str = ""
    narrative: bool = False


def is_citation(code: str) -> bool:
    return bool(_CODE.match(code))


def is_bibliography(code: str) -> bool:
    return bool(_REFLIST.match(code))


def _text(node: ET.Element | None) -> str:
    return " ".join("".join(node.itertext()).split()) if node is not None else ""


def _name(text: str) -> dict:
    family, _, given = text.partition(",")
    if not given.strip() and " " not in family.strip():
        return {"family": family.strip()}
    if not given.strip():
        return {"literal": text.strip()}  # an organisation ("World Health Organization")
    return {"family": family.strip(), "given": given.strip()}


def _item(record: ET.Element, key: str) -> dict:
    kind = record.find("ref-type")
    item: dict = {"id": key, "type": REF_TYPES.get((kind.get("name", "") if kind is not None else "").lower(), "document")}
    for role, path in (("author", "contributors/authors/author"), ("editor", "contributors/secondary-authors/author")):
        names = [_name(_text(n)) for n in record.findall(path) if _text(n)]
        if names:
            item[role] = names
    for csl, path in (("title", "titles/title"), ("container-title", "titles/secondary-title"),
                      ("collection-title", "titles/tertiary-title"), ("volume", "volume"), ("issue", "number"),
                      ("page", "pages"), ("edition", "edition"), ("publisher", "publisher"),
                      ("publisher-place", "pub-location"), ("ISBN", "isbn"), ("DOI", "electronic-resource-num"),
                      ("genre", "work-type")):  # the type of work: a thesis's "PhD thesis", a report's "Working paper"
        value = _text(record.find(path))
        if value:
            item[csl] = value
    year = _text(record.find("dates/year"))
    if year[:4].isdigit():
        item["issued"] = {"date-parts": [[int(year[:4])]]}
    urls = [_text(u) for u in record.findall("urls/related-urls/url") if _text(u)]
    if urls:
        item["URL"] = urls[0]
    return item


def cites(code: str) -> list[EndNoteCite]:
    """The cited works of an ``ADDIN EN.CITE`` field, in order."""
    match = _CODE.match(code)
    if match is None:
        return []
    if "EN.CITE.DATA" in match.group("rest"):
        raise EncodedField("EndNote stored it encoded (EN.CITE.DATA) and its field data is missing or no EndNote XML")
    xml = _XML.match(match.group("rest"))
    if xml is None:
        raise ValueError("its EndNote XML is incomplete")
    try:
        root = ET.fromstring(xml.group("xml"))
    except ET.ParseError as exc:
        raise ValueError(f"its EndNote XML is malformed ({exc})") from None
    found = []
    for cite in root.iter("Cite"):
        record = cite.find("record")
        key = _text(cite.find("RecNum")) or (_text(record.find("rec-number")) if record is not None else "")
        if not key:
            continue
        item = _item(record, key) if record is not None else {}
        found.append(EndNoteCite(key=key, item=item, locator=_text(cite.find("Pages")),
                                 narrative=cite.get("AuthorYear") == "1"))
    return found
