"""Entries in GOST 7.0.5 / GOST R 7.0.100 (Russian bibliographic references), and ISO 690's like form.

"Иванов И. И. Экономика России : учебник. – 3-е изд. – Москва : Юрайт, 2019. – 512 с." and
"Кузнецова А. В. Инфляция и рост // Вопросы экономики. – 2018. – № 4. – С. 40–58.": the authors
(family name, then initials with full stops), the title, after "//" the journal or book the work is in,
then areas set apart by ". – ": the edition ("3-е изд."), the place, publisher and year ("Москва :
Юрайт, 2019"), a year alone, the volume and issue ("Т. 64, № 2"; "Vol. 4, No. 2"), the pages ("С. 40–58")
and a book's extent ("512 с.", kept as a note).

Neither the rules nor the tagger know the shape (the tagger took "–" for a journal and "изд." for
pages). Here it is read from its own marks; ``read_gost_entry`` gives the fields, or None when the
entry is not so written (an area it does not know, no area separator, no initials after the name).
"""
from __future__ import annotations

import re

from .names import parse_author_list

_UPPER = r"[^\W\d_a-zß-ÿа-яё]"
_PERSON = rf"[^\W\d_][\w'’\-]+\s(?:{_UPPER}\.\s?){{1,3}}"
_HEAD = re.compile(rf"^(?P<authors>{_PERSON}(?:,\s*{_PERSON})*)\s*(?P<body>.+)$")
_AREA = re.compile(r"\.?\s+[–—]\s+")  # ". – ", the area separator (an en or em dash between spaces)
_CONTAINER = re.compile(r"\s+//\s+")
_YEAR = r"(?:1[5-9]|20)\d{2}"
_EDITION = re.compile(r"^(?P<n>\d{1,3})-?[еeоo]\s+изд\.?(?:,\s*[^–]+)?$|^Изд\.\s*(?P<m>\d{1,3})-?[еe]$|"
                      r"^(?P<k>\d{1,3})(?:st|nd|rd|th)\s+ed\.?$", re.IGNORECASE)
_IMPRINT = re.compile(rf"^(?P<place>[^:;,]+?)\s*:\s*(?P<publisher>[^;]+?),\s*(?P<year>{_YEAR})$")
_YEAR_ALONE = re.compile(rf"^(?P<year>{_YEAR})$")
_PLACE_YEAR = re.compile(rf"^(?P<place>[^\W\d_][^:;,]*?),\s*(?P<year>{_YEAR})$")  # a thesis's "Москва, 2017"
# a thesis's description after its title: "Региональная политика : дис. … канд. экон. наук : 08.00.05"
_THESIS_DESCRIPTION = re.compile(r"\s+:\s+(?P<genre>(?:дисс?\.|автореф\.)[^:]*?)(?:\s+:\s+[\d.]+)?\s*$")
_VOLUME = r"(?:Т\.|Vol\.|Bd\.)\s*(?P<volume>[\w/–-]+)"
_ISSUE = r"(?:№|No\.|Nr\.|Вып\.)\s*(?P<issue>[\w/–-]+)"
_PARTS = re.compile(rf"^(?:{_VOLUME})?(?:(?<=\S),\s*)?(?:{_ISSUE})?$", re.IGNORECASE)
_PAGES = re.compile(r"^(?:С\.|P\.|pp?\.|S\.)\s*(?P<pages>\d+(?:\s*[–-]\s*\d+)?)$")
_EXTENT = re.compile(r"^\d+\s*(?:с\.?|p\.?|pp\.?|S\.?)(?:\s*:\s*[^.–]+)?$")
_LINKS = re.compile(r"^(?:URL:?|DOI:?|EDN:?|ISBN|\(дата обращения[^)]*\))", re.IGNORECASE)


def read_gost_entry(text: str) -> dict | None:
    """The fields of a GOST entry (``text``: the entry with its links masked), or None."""
    if "– " not in text and "— " not in text:
        return None  # every GOST entry has an area separator: most entries stop here
    head = _HEAD.match(text.strip().rstrip("–— "))  # (a separator left dangling where a masked ISBN or link ended it)
    if head is None:
        return None
    areas = [a.strip() for a in _AREA.split(head.group("body").strip()) if a.strip(" .")]
    if len(areas) < 2:
        return None
    first = areas[0].rstrip(". ")
    parts = _CONTAINER.split(first, maxsplit=1)
    values: dict = {"authors": parse_author_list(head.group("authors").strip(" ,")), "editors": (),
                    "title": parts[0].strip(" .:/"), "note": ""}
    if len(parts) == 2:
        values["container"] = parts[1].strip(" .")
    thesis = _THESIS_DESCRIPTION.search(values["title"]) if "дис" in values["title"] or "автореф" in values["title"] else None
    if thesis is not None and thesis.start() > 0:
        values["title"], values["thesis_genre"] = values["title"][:thesis.start()].strip(), thesis.group("genre").strip()
    if not values["title"] or any(n.literal for n in values["authors"]):
        return None  # a name read as an organisation's: no GOST list of persons
    notes: list[str] = []
    for written in areas[1:]:
        area = written.rstrip(" .")
        if not _read_area(area, values):
            if _LINKS.match(area) or not area:
                continue
            if _EXTENT.match(area):
                notes.append(written.strip())  # "512 с.": the abbreviation keeps its stop
                continue
            return None
    if "year" not in values:
        return None
    values["note"] = "; ".join(notes)
    if not values.get("container") and values.get("publisher"):
        values["title_italic"] = True  # a book: GOST sets no italics, its imprint tells it
    return values


def _read_area(area: str, values: dict) -> bool:
    """Read one area into ``values``; False when it is none of the known ones."""
    edition = _EDITION.match(area)
    if edition:
        values["edition"] = edition.group("n") or edition.group("m") or edition.group("k")
        return True
    imprint = _IMPRINT.match(area)
    if imprint:
        values.update(place=imprint.group("place").strip(), publisher=imprint.group("publisher").strip(),
                      year=int(imprint.group("year")))
        return True
    place_year = _PLACE_YEAR.match(area) if "place" not in values else None
    if place_year:
        values.update(place=place_year.group("place").strip(), year=int(place_year.group("year")))
        return True
    year = _YEAR_ALONE.match(area)
    if year:
        values["year"] = int(year.group("year"))
        return True
    parts = _PARTS.match(area)
    if parts and (parts.group("volume") or parts.group("issue")):
        if parts.group("volume"):
            values["volume"] = parts.group("volume")
        if parts.group("issue"):
            values["issue"] = parts.group("issue")
        return True
    pages = _PAGES.match(area)
    if pages:
        values["pages"] = pages.group("pages").replace(" ", "")
        return True
    return False
