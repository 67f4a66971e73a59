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
_PART = re.compile(r"(?:(?<=[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uff09)\]])\.\s+|．\s*|。\s*)")
_NAME_SEP = re.compile(r"\s*[,，、・]\s*")
_YEAR = r"(?P<year>(?:1[5-9]|20)\d{2})"
_NUMBERS = re.compile(
    rf"^{_YEAR}(?:\s*,\s*vol\.\s*(?P<volume>[\w-]+))?(?:\s*,\s*no\.\s*(?P<issue>[\w-]+))?"
    r"(?:\s*,\s*p+\.\s*(?P<pages>\d+(?:\s*[-–]\s*\d+)?))?(?:\s*,\s*(?P<extent>\d+\s*p))?\.?$", re.IGNORECASE)
_IMPRINT = re.compile(rf"^(?P<publisher>[^,，]+?)\s*[,，]\s*{_YEAR}(?:\s*[,，]\s*(?P<extent>\d+\s*p))?\.?$")


# GB/T 7714's mark of the kind after the title, "[J]" (a journal's article), "[M]" (a book), "[D]" (a thesis),
# "[C]" (proceedings), "[R]" (a report), "[N]" (a newspaper), "[EB/OL]" (on the web) ...
_GB_MARK = re.compile(r"\s*\[(?P<mark>[A-Z]{1,2})(?:/OL)?\]$")
_GB_SERIALS = frozenset({"J", "N"})  # a journal's article, a newspaper's: a container, its volume and issue
# "地理学报, 2019, 74(3): 401-415" and its access date after it, "[2022-03-12]"
_GB_JOURNAL = re.compile(
    rf"^(?P<container>[^,，]+?)\s*[,，]\s*{_YEAR}\s*(?:[,，]\s*(?P<volume>[\w-]+))?\s*(?:[(（](?P<issue>[\w-]+)[)）])?"
    r"\s*(?:[:：]\s*(?P<pages>\d+(?:\s*[-–]\s*\d+)?))?\s*(?:\[(?P<accessed>\d{4}-\d{2}-\d{2})\])?\s*\.?$")
# "北京: 高等教育出版社, 2018: 45-60" (a book's place, publisher, year and cited pages)
_GB_IMPRINT = re.compile(
    rf"^(?:(?P<place>[^:：,，]+?)\s*[:：]\s*)?(?P<publisher>[^,，:：]+?)\s*[,，]\s*{_YEAR}"
    r"\s*(?:[:：]\s*(?P<pages>\d+(?:\s*[-–]\s*\d+)?))?\s*(?:\[(?P<accessed>\d{4}-\d{2}-\d{2})\])?\s*\.?$")
_GB_EDITION = re.compile(r"^(?P<edition>\d+)\s*版$")  # "2版"


# Japanese author-date with the title in 「」 and the journal or book in 『』: "佐藤花子 (2017) 「地方都市の再生」『都市計画』66(2),
# 45-52." and "山田太郎 (2018) 『人口減少社会の行方』東京大学出版会."
_BRACKETED = re.compile(
    rf"^(?P<names>[^(（「『]+?)\s*[(（]{_YEAR}[)）]\.?\s*(?:「(?P<title>[^」]+)」\s*)?『(?P<work>[^』]+)』\s*"
    r"(?:(?P<volume>\d+)\s*(?:[(（](?P<issue>[\w-]+)[)）])?\s*[,，、]\s*(?:pp?\.\s*)?(?P<pages>\d+(?:\s*[-–]\s*\d+)?)"
    r"|(?P<publisher>[^\d,，.。]+?))?\s*[.。]?$")


def _bracketed_entry(text: str) -> dict | None:
    """A Japanese entry with 「」 and 『』 (``_BRACKETED``): an article ("「title」『journal』volume(issue), pages") or a
    book ("『title』publisher"); None in another shape."""
    m = _BRACKETED.match(text.strip())
    if m is None or not _CJK.search(m.group("names")):
        return None
    authors = tuple(_person(n) for n in _NAME_SEP.split(m.group("names").strip()) if n)
    values: dict = {"authors": authors, "editors": (), "note": "", "year": int(m.group("year"))}
    if m.group("title"):
        values.update(title=m.group("title").strip(), container=m.group("work").strip())
        for name in ("volume", "issue", "pages"):
            if m.group(name):
                values[name] = m.group(name).replace(" ", "")
        return values
    if m.group("volume"):
        return None
    values.update(title=m.group("work").strip(), publisher=(m.group("publisher") or "").strip(), title_italic=True)
    return values


def read_cjk_entry(text: str) -> dict | None:
    """The fields of an entry in Chinese or Japanese characters (``text``: links masked), or None."""
    if _CJK.search(text[:40]) is None:
        return None
    if "『" in text:
        bracketed = _bracketed_entry(text)
        if bracketed is not None:
            return bracketed
    parts = [p.strip() for p in _PART.split(text.strip()) if p.strip(" .")]
    if len(parts) < 3 or not all(_CJK.search(p) for p in parts[:2]):
        return None
    dated = _APA_YEAR.search(parts[0])
    if dated is not None:  # APA's order, as Korean lists keep it: "최지영, 정수진 (2021). 제목. 국토연구, 108, 1-20."
        return _apa_entry(parts[0][: dated.start()], int(dated.group("year")), parts[1:])
    authors = tuple(_person(n) for n in _NAME_SEP.split(parts[0]) if n)
    mark = _GB_MARK.search(parts[1])
    if mark is not None:
        return _gb_entry(authors, parts[1][: mark.start()], mark.group("mark"), parts[2:])
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


_APA_YEAR = re.compile(rf"\s*[(（]{_YEAR}[)）]$")
# "국토연구, 108, 1-20", "한국지역개발학회지, 32(2), 45-67"
_APA_JOURNAL = re.compile(r"^(?P<container>[^,，]+?)\s*[,，]\s*(?P<volume>\d+)\s*(?:[(（](?P<issue>[\w-]+)[)）])?"
                          r"\s*[,，]\s*(?P<pages>\d+(?:\s*[-–]\s*\d+)?)\s*\.?$")
_APA_IMPRINT = re.compile(r"^(?P<place>[^:：,，]+?)\s*[:：]\s*(?P<publisher>[^:：]+?)\s*\.?$")  # "서울: 한울아카데미"


def _apa_entry(names: str, year: int, rest: list[str]) -> dict | None:
    """An entry in those characters in APA's order: names, "(year)", the title, then a journal with its volume,
    issue and pages or a book's place and publisher; None in another shape."""
    if len(rest) != 2 or not _CJK.search(names):
        return None
    authors = tuple(_person(n) for n in _NAME_SEP.split(names.strip()) if n)
    values: dict = {"authors": authors, "editors": (), "title": rest[0], "note": "", "year": year}
    journal = _APA_JOURNAL.match(rest[1])
    if journal is not None:
        values.update(container=journal.group("container").strip("『』「」"), volume=journal.group("volume"),
                      pages=journal.group("pages").replace(" ", ""))
        if journal.group("issue"):
            values["issue"] = journal.group("issue")
        return values
    imprint = _APA_IMPRINT.match(rest[1])
    if imprint is None:
        return None
    values.update(place=imprint.group("place"), publisher=imprint.group("publisher"), title_italic=True)
    return values


def _gb_entry(authors: tuple[Name, ...], title: str, mark: str, rest: list[str]) -> dict | None:
    """GB/T 7714's "作者. 题名[J]. 刊名, 年, 卷(期): 页码." or "作者. 书名[M]. 2版. 出版地: 出版者, 年.": the
    parts after the title read by the kind its mark names; None when they are in no such shape."""
    values: dict = {"authors": authors, "editors": (), "title": title.strip(), "note": ""}
    if rest and (edition := _GB_EDITION.match(rest[0])) is not None:
        values["edition"] = edition.group("edition")
        rest = rest[1:]
    if len(rest) != 1:
        return None
    journal = _GB_JOURNAL.match(rest[0]) if mark in _GB_SERIALS else None
    imprint = _GB_IMPRINT.match(rest[0]) if journal is None else None
    found = journal or imprint
    if found is None:
        return None
    values["year"] = int(found.group("year"))
    if journal is not None:
        values["container"] = journal.group("container")
        for name in ("volume", "issue"):
            if journal.group(name):
                values[name] = journal.group(name)
    else:
        values.update(publisher=found.group("publisher"), place=found.group("place") or "", title_italic=mark != "D")
    if mark == "D":  # a thesis: the publisher its university
        values["thesis_genre"] = "学位论文"
    if found.group("pages"):
        values["pages"] = found.group("pages").replace(" ", "")
    if found.group("accessed"):
        values["accessed"] = found.group("accessed")
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
