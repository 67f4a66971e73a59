"""Dates written with their month (or season) in words, as exports and people write them: EndNote's "Mar",
MEDLINE's "2019 Jan 10", Web of Science's "DEC 2017", "March 3, 2022", the day first ("12 March 2021"), a journal
issue's months ("Mar-Apr 2019": EDTF's ``2019-03/2019-04``) and a season ("Spring 2020": EDTF's ``2020-21``).
Read for RIS's DA and Y2 (``parse.ris_dates``) and a .bib's year in words (``parse.bibtex.year_words``)."""
from __future__ import annotations

import re

from ..emit import crosswalk

# a date with its month in words, as EndNote's DA ("Mar", "Jan 10"), MEDLINE's ("2019 Jan 10") and Web
# of Science's ("DEC", "DEC 2017") give it
_WORDY = re.compile(r"^\s*(?:(\d{4})\s+)?([A-Za-z]{3,9})\.?(?:\s+(\d{1,2}))?(?:,?\s+(\d{4}))?\s*$")
# ... the day first, as British and European exports write it ("12 March 2021", "3rd Mar. 2021")
_DAY_FIRST = re.compile(r"^\s*(\d{1,2})(?:st|nd|rd|th)?\s+([A-Za-z]{3,9})\.?,?\s+(\d{4})\s*$")
# ... a journal issue's months ("Mar-Apr 2019", "March–April 2019", "Jan./Feb. 2019"): EDTF's 2019-03/2019-04
_MONTHS = re.compile(r"^\s*([A-Za-z]{3,9})\.?\s*(?:-{1,2}|/|\u2013|\u2014)\s*([A-Za-z]{3,9})\.?,?\s+(\d{4})\s*$")
_MONTH_NAMES = ("january", "february", "march", "april", "may", "june", "july", "august", "september",
                "october", "november", "december")


def _month(word: str) -> int:
    """1-12 for a month's name or its abbreviation ("Mar", "Sept"), else 0."""
    word = word.lower()
    return next((i for i, name in enumerate(_MONTH_NAMES, 1) if len(word) >= 3 and name.startswith(word)), 0)


def wordy_date(value: str, year: int | None) -> str:
    """The ISO date of a date with its month (or season) in words, in ``year`` when it gives none; the day
    first ("12 March 2021") or a range of months ("Mar-Apr 2019": EDTF's 2019-03/2019-04) too."""
    day_first = _DAY_FIRST.match(value)
    if day_first and _month(day_first.group(2)) and 1 <= int(day_first.group(1)) <= 31:
        said = int(day_first.group(3))
        return "" if year is not None and said != year else (
            f"{said:04d}-{_month(day_first.group(2)):02d}-{int(day_first.group(1)):02d}")
    months = _MONTHS.match(value)
    if months and 0 < _month(months.group(1)) < _month(months.group(2)):
        said = int(months.group(3))
        return "" if year is not None and said != year else (
            f"{said:04d}-{_month(months.group(1)):02d}/{said:04d}-{_month(months.group(2)):02d}")
    match = _WORDY.match(value)
    if not match or match.group(1) and match.group(4):
        return ""
    said = match.group(1) or match.group(4)
    if said and year is not None and int(said) != year or not said and year is None:
        return ""
    word, day = match.group(2).lower(), match.group(3)
    month = crosswalk.SEASON_MONTHS.get(word, 0) if not day else 0
    month = month or _month(word)
    if not month or day and not 1 <= int(day) <= 31:
        return ""
    return f"{int(said) if said else year:04d}-{month:02d}" + (f"-{int(day):02d}" if day else "")
