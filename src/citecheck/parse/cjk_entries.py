"""Entries written in Chinese or Japanese characters, in SIST 02's order (and GB/T 7714's like it).

"鈴木一郎, 佐藤花子. 地方都市の人口動態. 日本地理学会誌. 2020, vol. 93, no. 2, p. 101-120." and
"山田太郎. 人口減少社会の行方. 東京大学出版会, 2018, 256p.": the authors, the title, the journal (an
article) or the publisher (a book), then the year, volume, issue and pages. Words are not set apart by
spaces, so the tagger, which reads words, reads no field of them; the parts are set apart by full stops
(". ", "．", "。") and read from their order here. ``read_cjk_entry`` gives the fields, or None when the
entry's leading parts are not in those characters or its shape is another.

A name written without a space keeps its family name first: a four-character name is two and two
("山田太郎": 山田, 太郎), two characters one and one; others stay whole as the family name, which a
citation names ("（山田, 2018）").
"""
from __future__ import annotations

import re

from ..model import Name

_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af]")
# a part ends at a full stop after those characters ("人口動態. "), not at "vol. 93"
_PART = re.compile(r"(?:(?<=[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uff09)])\.\s+|．\s*|。\s*)")
_NAME_SEP = re.compile(r"\s*[,，、・]\s*")
_YEAR = r"(?P<year>(?:1[5-9]|20)\d{2})"
_NUMBERS = re.compile(
    rf"^{_YEAR}(?:\s*,\s*vol\.\s*(?P<volume>[\w-]+))?(?:\s*,\s*no\.\s*(?P<issue>[\w-]+))?"
    r"(?:\s*,\s*p+\.\s*(?P<pages>\d+(?:\s*[-–]\s*\d+)?))?(?:\s*,\s*(?P<extent>\d+\s*p))?\.?$", re.IGNORECASE)
_IMPRINT = re.compile(rf"^(?P<publisher>[^,，]+?)\s*[,，]\s*{_YEAR}(?:\s*[,，]\s*(?P<extent>\d+\s*p))?\.?$")


def read_cjk_entry(text: str) -> dict | None:
    """The fields of an entry in Chinese or Japanese characters (``text``: links masked), or None."""
    if _CJK.search(text[:40]) is None:
        return None
    parts = [p.strip() for p in _PART.split(text.strip()) if p.strip(" .")]
    if len(parts) < 3 or not all(_CJK.search(p) for p in parts[:2]):
        return None
    authors = tuple(_person(n) for n in _NAME_SEP.split(parts[0]) if n)
    values: dict = {"authors": authors, "editors": (), "title": parts[1], "note": ""}
    imprint = _IMPRINT.match(parts[2]) if len(parts) == 3 else None
    if imprint is not None:  # a book: "東京大学出版会, 2018, 256p."
        values.update(publisher=imprint.group("publisher"), year=int(imprint.group("year")),
                      note=imprint.group("extent") or "", title_italic=True)
        return values
    numbers = _NUMBERS.match(parts[3]) if len(parts) == 4 else None
    if numbers is None:
        return None
    values.update(container=parts[2], year=int(numbers.group("year")))
    for name in ("volume", "issue", "pages"):
        if numbers.group(name):
            values[name] = numbers.group(name).replace(" ", "")
    if numbers.group("extent"):
        values["note"] = numbers.group("extent")
    return values


def _person(name: str) -> Name:
    """A name in those characters, family name first ("山田太郎"), or as written when it has a space."""
    if " " in name or not _CJK.search(name):
        family, _, given = name.partition(" ")
        return Name(family=family, given=given.strip(), raw=name)
    if len(name) in (2, 4):
        half = len(name) // 2
        return Name(family=name[:half], given=name[half:], raw=name)
    return Name(family=name, raw=name)
