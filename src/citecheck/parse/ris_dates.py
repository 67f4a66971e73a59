"""RIS dates -> the model's year and BibLaTeX's EDTF date, for ``parse.ris``.

PY (or Y1) is the year, DA the full date (``YYYY/MM/DD/other``, the RIS specification's form). Read
beyond the specification's numbers, as ``emit.ris`` writes dates and as tools write them: a season in
DA's "other" part (``2001///Spring``, EDTF's season month ``2001-21``); circa in words before the date
or as its "other" part (``circa 1850``, ``1850///circa``: ``1850~``); an EDTF date RIS cannot hold
otherwise, as it is (``1999/2000``, ``1850?``, ``1999/..``), and a range of years "2019-2020" as
``2019/2020``; a month in words (EndNote's "Mar",
MEDLINE's "2019 Jan 10", Web of Science's "DEC"), the day first ("12 March 2021") or a journal issue's months
("Mar-Apr 2019": ``2019-03/2019-04``); and a year in words in PY ("n.d.", "in press"). A DA read no further than
its year ("Winter 2018/2019") still gives the year. An access date in words (Y2 "April 5, 2023") is the ISO date
(``access_day``), as CSL-JSON and BibLaTeX want it.
A DA no date is read from is given back (``RisDate.unread``) to be kept, never dropped.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from ..emit import crosswalk
from .bibtex import YEAR_AS_WRITTEN, year_words
from .word_dates import wordy_date

_YEAR = re.compile(r"^\s*(\d{4})")
_YEAR_IN_WORDS = re.compile(r"^\s*[A-Za-z]{3,9}\.?,?\s+(\d{4})(?!\d)")  # a DA that opens with a word, then the year
DATE = re.compile(r"^\s*(\d{4})(?:[/-](\d{1,2})(?!\d))?(?:[/-](\d{1,2})(?!\d))?")
# a range of years ("2019-2020", an academic year): EDTF's 2019/2020 (not the season "2019-20")
_YEARS = re.compile(r"^\s*(\d{4})\s*(?:-{1,2}|\u2013|\u2014)\s*(\d{4})\s*$")
_SEASON = re.compile(r"^\s*(\d{4})///\s*([A-Za-z]+)\s*$")  # DA's "other" part naming a season: 2001///Spring


def iso(match: re.Match[str]) -> str:
    year, month, day = match.groups()
    parts = [year] + [f"{int(p):02d}" for p in (month, day) if p]
    return "-".join(parts)


@dataclass(frozen=True)
class RisDate:
    """What PY, Y1 and DA say: the year, the full date (EDTF, for ``extra`` ``date``), the
    ``extra`` pairs a year in words gives ("in press": ``pubstate``), whether they say n.d., and
    a DA no date is read from (kept as ``ris:DA``, never dropped)."""

    year: int | None = None
    full: str = ""
    extra: tuple[tuple[str, str], ...] = ()
    no_date: bool = False
    unread: str = ""


# DA as EDTF, which ``emit.ris`` writes for a date RIS's YYYY/MM/DD/other cannot hold (a range, an
# uncertain or open date): 1999/2000, 2001-03-05/2001-03-09, 1850?, 1850%, 1999/..
_EDTF = re.compile(r"^\s*(\d{4}(?:-\d{2}){0,2}[~?%]?(?:/(?:\d{4}(?:-\d{2}){0,2}[~?%]?|\.\.))?|\.\./\d{4}(?:-\d{2}){0,2})\s*$")
# circa in words before the date ("circa 1850", "ca. 1850/03", as ``emit.ris`` writes ``1850~``), or as
# DA's "other" part ("1850///circa")
_CIRCA_WORDS = r"(?:circa|ca\.?|c\.|approx\.?|approximately)"
_CIRCA_BEFORE = re.compile(rf"^\s*{_CIRCA_WORDS}\s*(\d{{4}})(?:/(\d{{1,2}})?(?:/(\d{{1,2}})?)?/?)?\s*$", re.IGNORECASE)
_CIRCA_AFTER = re.compile(rf"^\s*(\d{{4}})(?:/(\d{{1,2}})?(?:/(\d{{1,2}})?)?)?/+\s*{_CIRCA_WORDS}\s*$", re.IGNORECASE)


def _edtf(value: str, year: int | None) -> str:
    """The EDTF date a PY, Y1 or DA value gives beyond its year ("" when none): a numeric date, a
    season, circa, an EDTF date, a month in words."""
    match = _EDTF.match(value)
    if match and not re.fullmatch(r"\s*\d{4}\s*", value):
        return value.strip() if year is None or value.strip().startswith(f"{year:04d}") else ""
    circa = _CIRCA_BEFORE.match(value) or _CIRCA_AFTER.match(value)
    if circa:
        return f"{iso(circa)}~" if year is None or int(circa.group(1)) == year else ""
    years = _YEARS.match(value)
    if years and int(years.group(1)) < int(years.group(2)) and (year is None or int(years.group(1)) == year):
        return f"{years.group(1)}/{years.group(2)}"
    match = DATE.match(value)
    if match and match.group(2) and (year is None or int(match.group(1)) == year) and _real(match):
        return iso(match)
    season = _SEASON.match(value)
    if season and season.group(2).lower() in crosswalk.SEASON_MONTHS and (year is None or int(season.group(1)) == year):
        return f"{season.group(1)}-{crosswalk.SEASON_MONTHS[season.group(2).lower()]}"  # EDTF's season
    return wordy_date(value, year)


def _real(match: re.Match[str]) -> bool:
    """A month 1-12 and a day 1-31 (a "2019/13/01" is no date biber reads)."""
    return 1 <= int(match.group(2)) <= 12 and (match.group(3) is None or 1 <= int(match.group(3)) <= 31)


def read_dates(py: str, y1: str, da: str) -> RisDate:
    """The year (PY/Y1, else DA) and a full date when one is given (DA, or a dated PY); a year in
    words ("n.d.", "in press", "circa 1850") as ``parse.bibtex.year_words`` reads a .bib's."""
    said = {"PY": py.strip(), "Y1": y1.strip(), "DA": da.strip()}
    year = None
    for tag in ("PY", "Y1", "DA"):
        match = _YEAR.match(said[tag])
        if match:
            year = int(match.group(1))
            break
    extra: tuple[tuple[str, str], ...] = ()
    no_date = False
    if year is None:  # PY in words: n.d., in press, circa 1850
        words = said["PY"] or said["Y1"]
        read = year_words(words) if words else None
        if read is not None and (read.year is not None or read.no_date):
            year, no_date = read.year, read.no_date
            extra = tuple((k, v) for k, v in read.extra if k != YEAR_AS_WRITTEN)
    full = next((found for found in (_edtf(said[tag], year) for tag in ("DA", "PY", "Y1")) if found), "")
    full = full or dict(extra).get("date", "")
    if year is None and full:
        year = int(full[:4]) if full[:4].isdigit() else None
    if year is None and (in_words := _YEAR_IN_WORDS.search(said["DA"])):
        year = int(in_words.group(1))  # "Winter 2018/2019": the year, the DA kept as written (below)
    day = said["DA"]
    unread = day if day and not _edtf(day, year) and not _YEAR.fullmatch(day) and not re.fullmatch(r"\s*\d{4}/*\s*", day) else ""
    extra = tuple((k, v) for k, v in extra if k != "date")
    return RisDate(year, full, extra, no_date, unread)


_TIME = re.compile(r"\d{2}:\d{2}(?::\d{2})?")


def access_day(value: str) -> str:
    """Y2, the access date: as ISO (``YYYY/MM/DD/other``, or in words, "April 5, 2023", "5 April 2023"), else as
    written; Zotero's time of access in its "other" part, "2021/05/03/14:22:01", as BibLaTeX's ``urldate`` holds
    it, ``2021-05-03T14:22:01`` (it was dropped)."""
    match = DATE.match(value)
    if match and re.fullmatch(r"\s*\d{4}(?:[/-]\d{1,2}){0,2}(?:/[^/]*)?\s*", value):  # YYYY/MM/DD/other
        time = _TIME.fullmatch(value.strip().split("/")[-1]) if value.count("/") == 3 else None
        return iso(match) + (f"T{time.group()}" if time and match.group(3) else "")
    return wordy_date(value, None) or value
