"""Interviews in a reference list: "Smith, Ida. Interview by John Doe. July 3, 1975. Transcript. Oral
History Collection, University of Oklahoma, Norman." (Chicago 17th ed., 14.219; published ones, 14.215:
"Poitier, Sidney. Interview by Walter Cronkite. CBS Evening News, April 3, 1983.").

Neither the rules nor the tagger know the shape: the whole entry was read as a title. Here it is
read from its own words: the interviewee (the author), a title if one is quoted, "Interview by ..."
(the description Chicago writes where a title goes: the title of an untitled interview, else a
note; the records have no slot for the interviewer), the date, the medium ("Transcript"), and the
archive and its place ("Oral History Collection, University of Oklahoma", "Norman": the publisher
and the place) or the programme that published it with its date ("CBS Evening News": the
container). ``read_interview`` gives these fields, or None when the entry is no interview so written.
"""
from __future__ import annotations

import re

from .dates import MONTH, iso_date
from .entry_details import split_trailing_place
from .names import parse_author_list
from .reference_segments import clean_title, strip_markup

# a person's name: words and initials ("John Doe", "Milton J. E. Senn", "Jon Pareles")
_PERSON = r"(?:(?:[A-Z]\.|[A-Z][\w'’-]+)\s+){0,4}[A-Z][\w'’-]+"
_INTERVIEW = re.compile(
    rf"(?<=[.”\"])\s+(?P<phrase>(?:An\s+)?[Ii]nterview(?:ed)?\s+(?:by|with)\s+(?P<who>{_PERSON}|the\s+author)"
    r"|(?:[Pp]ersonal|[Tt]elephone|[Pp]hone|[Ee]-?mail|[Vv]ideo|Zoom|Skype)\s+interview)(?P<end>[.,])(?=\s|$)")
# a full stop ending a sentence: not an initial's, nor a month's ("12 Mar. 2020", MLA) or an
# abbreviation's before a number ("no. 128", "pp. 83-125", "vol. 3")
_SENTENCE = re.compile(r"(?<!\b[A-Z])(?<!\bJan|\bFeb|\bMar|\bApr|\bJun|\bJul|\bAug|\bSep|\bOct|\bNov|\bDec)"
                       r"(?<!\bSept)(?<!\bno|\bpp|\bNo)(?<!\bvol|\bVol)(?<!\bp)\.(?:\s+|$)")
# MLA's interview published in a periodical: "*The Paris Review*, no. 128, 1993, pp. 83-125"
_PUBLISHED_IN = re.compile(r"^\*(?P<container>[^*]+)\*(?P<rest>,.*)?$")
_IN_YEAR = re.compile(r"(?<!\d)((?:1[5-9]|20)\d{2})(?!\d)")
_IN_ISSUE = re.compile(r"\bno\.\s*(?P<issue>[\w/-]+)", re.IGNORECASE)
_IN_VOLUME = re.compile(r"\bvol\.\s*(?P<volume>[\w/-]+)", re.IGNORECASE)
_IN_PAGES = re.compile(r"\bpp?\.\s*(?P<pages>\d+(?:\s*[-–]\s*\d+)?)")
_QUOTED = re.compile(r"^[\"“](?P<title>.+?)[.,]?[\"”]\.?$")
_YEAR = re.compile(r"^(?:1[5-9]|20)\d{2}[a-z]?$")
_DATE = re.compile(rf"(?:{MONTH}\.?\s+\d{{1,2}},?\s+\d{{4}}|\d{{1,2}}\s+{MONTH}\.?\s+\d{{4}}|{MONTH}\.?\s+\d{{4}}"
                   rf"|{MONTH}\.?\s+\d{{1,2}})$", re.IGNORECASE)
_MEDIUM = re.compile(r"^(?:transcript|typescript|notes|(?:audio|video|tape|sound|digital)\s+recording|"
                     r"(?:mp3|mp4|wav)\s+(?:audio|video)\s+file|audio|video|recording)\b.*$", re.IGNORECASE)
_TRAILING_DATE = re.compile(rf",\s*(?P<date>(?:{MONTH}\.?\s+\d{{1,2}},?\s+\d{{4}}|\d{{1,2}}\s+{MONTH}\.?\s+\d{{4}}))$",
                            re.IGNORECASE)


def read_interview(text: str) -> dict | None:
    """The fields of an interview entry (``text``: the entry with its links masked), or None: authors,
    title, year, date (ISO), note, container, publisher, place and ``kind`` "interview"."""
    m = _INTERVIEW.search(text) if "nterview" in text else None
    if not m:
        return None
    lead = [s.strip() for s in _SENTENCE.split(text[: m.start()].strip()) if s.strip()]
    if not lead:
        return None
    authors = parse_author_list(lead[0])
    if not authors or any(n.literal for n in authors) or re.search(r"\d", lead[0]):
        return None  # a title or an organisation before "Interview with ...": not this shape
    values: dict = {"kind": "interview", "authors": authors, "editors": (), "title": "", "note": "",
                    "container": "", "publisher": "", "place": ""}
    phrase = m.group("phrase")
    year = ""
    for part in lead[1:]:
        quoted = _QUOTED.match(part)
        if quoted:
            # the entry's full stop inside a quotation it ends: "Lady Gaga: 'I'm Not Going to Stop.'"
            values["title"] = re.sub(r"\.(?=[’'”\"]?$)", "", clean_title(quoted.group("title").strip())[0])
        elif _YEAR.match(part):  # author-date: "Smith, Ida. 1975. Interview by John Doe. July 3."
            year = part[:4]
        else:
            return None
    notes = [phrase] if values["title"] else []
    values["title"] = values["title"] or phrase
    date = ""
    others: list[str] = []
    for part in (s.strip() for s in _SENTENCE.split(text[m.end() :].strip()) if s.strip()):
        if _DATE.match(part) and not date:
            date = part
        elif _MEDIUM.match(part) and not others:
            notes.append(part)
        else:
            others.append(part)
    published = next((p for p in others if _PUBLISHED_IN.match(p)), None)
    if published is not None:  # "*The Paris Review*, no. 128, 1993, pp. 83-125"
        others.remove(published)
        year = year or _read_published_in(values, published)
    if others:
        *rest, where = others
        notes.extend(rest)
        dated = _TRAILING_DATE.search(where)
        if dated and not date:  # "CBS Evening News, April 3, 1983": the programme, then its date
            date, values["container"] = dated.group("date"), strip_markup(where[: dated.start()]).strip()
        else:
            values["publisher"], values["place"] = split_trailing_place(where)
    _set_date(values, date, year)
    values["note"] = "; ".join(notes)
    return values


def _read_published_in(values: dict, part: str) -> str:
    """The periodical an interview was published in, its volume, issue and pages; its year ("")."""
    m = _PUBLISHED_IN.match(part)
    assert m is not None  # called only on a part _PUBLISHED_IN matches
    values["container"] = m.group("container").strip()
    rest = m.group("rest") or ""
    for pattern, name in ((_IN_VOLUME, "volume"), (_IN_ISSUE, "issue"), (_IN_PAGES, "pages")):
        found = pattern.search(rest)
        if found:
            values[name] = found.group(name)
    year = _IN_YEAR.search(_IN_PAGES.sub("", rest))
    return year.group(1) if year else ""


def _set_date(values: dict, date: str, year: str) -> None:
    """The year and the full date: "July 3, 1975", or "July 3" with the year written before it."""
    if date and year and not re.search(r"\d{4}", date):
        date = f"{date}, {year}"
    iso = iso_date(date) if date else ""
    if iso[:4].isdigit():
        values["year"], values["date"] = int(iso[:4]), iso if len(iso) > 4 else ""
    elif year:
        values["year"] = int(year)

