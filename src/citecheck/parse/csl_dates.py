"""CSL dates -> the model's year and BibLaTeX's EDTF date (``extra`` ``date``), for ``parse.csl_json``.

A CSL date is ``date-parts`` (with an end for a range, ``circa``, ``season``), or words: ``literal``,
``raw``, or a bare string (pandoc's YAML dates). Each is read as biblatex writes a date:

* ``date-parts`` [[1999], [2000]] -> ``1999/2000``; ``"circa": true`` -> ``1850~``;
* a season -> EDTF's season month (level 1: 21 spring, 22 summer, 23 autumn, 24 winter, which biber
  reads as ``yeardivision`` and pandoc writes as the month of ``date-parts``): ``"season": 1`` or
  ``"Spring"``, citeproc-js's months 13-16, a literal "Spring 2001"; a season given beside a month,
  or one that is no season, is a problem (said), not dropped silently;
* words naming a month ("December 2023") as that month (``2023-12``); other words as a .bib's year
  field in words is read (``parse.bibtex.year_words``): "circa 1850" ->
  ``1850~``, "n.d." -> no date (biblatex's ``date = {XXXX}``), "in press" -> ``pubstate``; the words
  are kept as written (``bibtex:year``), so that CSL-JSON and classic BibTeX give them back;
* a value no date is read from (``[["sometime"]]``, ``{"year": 2019}``) is kept as written so too (its
  words, or its JSON text), no year and no "n.d.", and said; text in ``date-parts`` is read as words
  (``[["2019-03-05"]]``).
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from ..emit import crosswalk
from .bibtex import YEAR_AS_WRITTEN, year_words

_EDTF = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")
# an EDTF date biblatex reads, kept as written: 2019-05-03, 1850~, 1850?, 1999/2000, 1999/.., 2001-21
_EDTF_DATE = re.compile(r"^\d{4}(?:-\d{2}){0,2}[~?%]?(?:/(?:\d{4}(?:-\d{2}){0,2}[~?%]?|\.\.))?$")
SEASONS = crosswalk.SEASON_MONTHS
_SEASON_WORDS = re.compile(r"^(spring|summer|autumn|fall|winter)\s*,?\s*(\d{4})$", re.IGNORECASE)


@dataclass(frozen=True)
class CslDate:
    """What a CSL date gives: the year, whether it says there is none (n.d.), the ``extra`` pairs
    (``date`` as EDTF, ``pubstate``, the words as written) and problems to report."""

    year: int | None = None
    no_date: bool = False
    extra: tuple[tuple[str, str], ...] = ()
    problems: tuple[str, ...] = ()
    suffix: str = ""


def date_parts(value: Any) -> list[int]:
    """[year, month, day] (as many as given) of a CSL date's ``date-parts``, or of its words when they
    begin with an ISO date, or the first year in them; [] when it has none readable."""
    if isinstance(value, dict):
        parts = value.get("date-parts")
        if isinstance(parts, list) and parts and isinstance(parts[0], list):
            out = []
            for part in parts[0][:3]:
                try:
                    out.append(int(part) if isinstance(part, float) and part.is_integer() else int(str(part).strip()))
                except ValueError:  # words, NaN, or more digits than Python converts
                    break
            return out
        value = value.get("raw") or value.get("literal") or ""
    match = _EDTF.match(str(value).strip()) if isinstance(value, (str, int)) else None
    if match is None:
        match = re.search(r"\b(\d{4})\b", str(value)) if isinstance(value, str) else None
        return [int(match.group(1))] if match else []
    return [int(p) for p in match.groups() if p is not None]


def iso(parts: list[int]) -> str:
    return "-".join([f"{parts[0]:04d}"] + [f"{p:02d}" for p in parts[1:]])


def read_date(value: Any, label: str = "issued") -> CslDate:
    """A CSL date (``issued``, ``original-date`` ...) as the model reads it; None: no date (n.d.)."""
    if value is None or value in ("", {}, []):
        return CslDate(no_date=True)
    if isinstance(value, dict) and isinstance(value.get("date-parts"), list):
        parts = date_parts(value)
        if parts:
            return _from_parts(value, parts, label)
    words = value.get("literal") or value.get("raw") if isinstance(value, dict) else value
    part_words = _part_words(value) if isinstance(value, dict) and not words else ""
    if part_words:  # ``[["2019-03-05"]]``: the date the text says, else kept as written
        date = _from_words(" ".join(part_words.split()), label)
        return date if date.year is not None or date.no_date else _unread(part_words, label)
    if not isinstance(words, (str, int)) or isinstance(words, bool) or not str(words).strip():
        if _blank(value):
            return CslDate(no_date=True)
        unread = value if words in (None, "") else words
        return _unread(_shown(unread, cut=False), label)
    date = _from_words(" ".join(str(words).split()), label)
    if isinstance(value, dict) and _flag(value.get("circa")) and date.year is not None:
        date = _with_circa(date)
    return date


def _part_words(value: dict) -> str:
    """The words of a ``date-parts`` that holds text, not numbers (``[["2019-03-05"]]``, ``[["Spring 2001"]]``:
    read as a literal date is), else ""."""
    parts = value.get("date-parts")
    first = parts[0] if isinstance(parts, list) and parts and isinstance(parts[0], list) else []
    texts = [str(p).strip() for p in first if isinstance(p, (str, int)) and not isinstance(p, bool) and str(p).strip()]
    return " ".join(texts) if texts and isinstance(first[0], str) else ""


def _unread(text: str, label: str) -> CslDate:
    """A date no reading makes sense of: kept as written (CSL-JSON's ``literal``, classic BibTeX's ``year``), no
    year for BibLaTeX, and said; it was "n.d." (``date = {XXXX}``), which it does not say."""
    return CslDate(extra=((YEAR_AS_WRITTEN, text),),
                   problems=(f"{label}: {_shown(text)} is not a date: no date for BibLaTeX; kept as written for "
                             "CSL-JSON and classic BibTeX",))


def _blank(value: Any) -> bool:
    """Does ``value`` hold nothing but empty lists, objects and strings (``{"date-parts": [[""]]}``)?"""
    if isinstance(value, dict):
        return all(_blank(v) for v in value.values())
    if isinstance(value, list):
        return all(_blank(v) for v in value)
    return value is None or isinstance(value, str) and not value.strip()


def _shown(value: Any, cut: bool = True) -> str:
    """A value as the JSON text writes it (a string as it is), cut short unless ``cut`` is False."""
    text = value if isinstance(value, str) else json.dumps(value, ensure_ascii=False, default=str)
    return text if len(text) <= 60 or not cut else text[:57] + "..."


def date_text(value: Any) -> str:
    """A CSL date as a BibLaTeX date field holds it: EDTF (``1850~``, ``1999/2000``), or its words."""
    date = read_date(value)
    extra = dict(date.extra)
    if "date" in extra:
        return extra["date"]
    if date.year is not None:
        return f"{date.year:04d}"
    return extra.get(YEAR_AS_WRITTEN, "")


def _from_parts(value: dict, parts: list[int], label: str) -> CslDate:
    problems: list[str] = []
    if len(parts) >= 2 and 13 <= parts[1] <= 16:  # citeproc-js's seasons: EDTF's are 21-24
        parts = [parts[0], parts[1] + 8]
    season = value.get("season")
    if season not in (None, "", 0):
        month = _season_month(season)
        if month and len(parts) == 1:
            parts = [parts[0], month]
        else:
            problems.append(f"{label} season {season!r} is " + ("given beside a month; left out" if month else
                            "not a season biblatex has (spring, summer, autumn, winter, or 1-4); left out"))
    date = iso(parts)
    ends = value["date-parts"]
    if len(ends) == 2 and isinstance(ends[1], list):
        end = date_parts({"date-parts": [ends[1]]})
        if end:
            date += "/" + iso(end)
    if _flag(value.get("circa")):
        date += "~"
    extra = (("date", date),) if date != str(parts[0]) else ()
    return CslDate(year=parts[0], extra=extra, problems=tuple(problems))


def _from_words(text: str, label: str) -> CslDate:
    if _EDTF_DATE.match(text):
        return CslDate(year=int(text[:4]), extra=(("date", text),) if text != text[:4] else ())
    match = _EDTF.match(text)
    if match and text[match.end():].startswith("T"):  # a date with its time: the date
        date = iso([int(p) for p in match.groups() if p is not None])
        return CslDate(year=int(match.group(1)), extra=(("date", date),) if len(date) > 4 else ())
    written = _month_words(text)
    if written:  # "December 2023", "3 Dec 2023": the ISO date they say
        return CslDate(year=int(written[:4]), extra=(("date", written),))
    season = _SEASON_WORDS.match(text)
    if season:
        return CslDate(year=int(season.group(2)),
                       extra=(("date", f"{season.group(2)}-{SEASONS[season.group(1).lower()]}"),))
    read = year_words(text, label=label)
    extra = read.extra
    if read.no_date and not extra:  # "n.d.": kept as written, for CSL-JSON
        extra = ((YEAR_AS_WRITTEN, text),)
    return CslDate(year=read.year, no_date=read.no_date, extra=extra,
                   problems=(read.problem,) if read.problem else (), suffix=read.suffix)


def _month_words(text: str) -> str:
    """The ISO date of a date with its month in words ("December 2023", "3 December 2023",
    "Dec. 3, 2023"), or ""."""
    from ..emit.bibtex import iso_date  # the dates a .bib's urldate is read from

    text = text.replace(".", "")
    for fmt in ("%B %Y", "%b %Y"):
        try:
            return datetime.strptime(text, fmt).strftime("%Y-%m")
        except ValueError:
            continue
    found = iso_date(text)
    return found if len(found) > 4 else ""


def _with_circa(date: CslDate) -> CslDate:
    extra = dict(date.extra)
    edtf = extra.get("date", f"{date.year:04d}")
    if not edtf.endswith(("~", "%")):
        extra["date"] = edtf + "~"
    return CslDate(date.year, date.no_date, tuple(extra.items()), date.problems, date.suffix)


def _season_month(season: Any) -> int:
    """EDTF's month for a CSL season: 1-4 (spring .. winter), or its name; else 0."""
    text = str(season).strip().lower()
    if text.isdigit() and 1 <= int(text) <= 4:
        return 20 + int(text)
    return SEASONS.get(text, 0)


def _flag(value: Any) -> bool:
    return value not in (None, False, "", 0, "false")
