"""Dates written in references: ISO forms of "3 March 2020", and the full publication date an entry
gives beside its year ("Doe, Jane (15 July 2019)", APA's "(2020, November 3)", Vancouver's "2011
Jul 23;", "July 15, 2019")."""
from __future__ import annotations

import re
from collections.abc import Iterator

MONTHS = "january february march april may june july august september october november december".split()
MONTH = (r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|"
         r"Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\b\.?")  # a month's name, not "Jane." or "Marches"
_DAY = r"(?:[12]\d|3[01]|0?[1-9])"
# "n.d." as other languages write it, without its last full stop: German "o. J." (ohne Jahr), French, Italian
# and Portuguese "s. d." (sans date, senza data, sem data), Spanish "s. f." (sin fecha), Dutch "z. j." (zonder
# jaar), Polish and Czech "b. r." or "b. d." (bez roku, brak daty), Turkish "t. y." (tarih yok), Swedish "u. å."
# (utan år), Greek "χ. χ." (χωρίς χρονολογία); in its own case, whatever the pattern's flags: initials ("O. J.",
# "S. D.") are no date
FOREIGN_NO_DATE = r"(?-i:o\.\s?J|[sS]\.\s?[df]|[zZ]\.\s?j|[bB]\.\s?[rd]|[tT]\.\s?y|[uU]\.\s?å|χ\.\s?χ)"
_FOREIGN_NO_DATE = re.compile(rf"(?<![\w.])(?P<open>[(\[]?){FOREIGN_NO_DATE}\.(?P<close>[)\]]?)(?!\w)")
# the second half of each of those, which opens with a full stop: found by a scan for "." (a literal first)
_NO_DATE_HINT = re.compile(r"\.\s?[Jdfjryåχ]\.")


def english_no_date(text: str) -> str:
    """``text`` with each "n.d." of another language ("(o. J.)", "S. d.", "[s.f.]") written "n.d.", spaces
    before it keeping its length (and so every offset after it): the form the tagger learnt."""
    if _NO_DATE_HINT.search(text) is None:  # most entries: the sub below tries every position
        return text
    return _FOREIGN_NO_DATE.sub(_as_english_no_date, text)


def _as_english_no_date(m: re.Match[str]) -> str:
    english = f"{m.group('open')}n.d.{m.group('close')}"
    return " " * (len(m.group(0)) - len(english)) + english


def iso_date(text: str) -> str:
    """"3 March 2020" / "March 3, 2020" / "2020-03-03" -> "2020-03-03"; "March 2020" -> "2020-03"."""
    words = re.findall(r"[A-Za-z]+|\d+", text)
    month = next((i + 1 for w in words if w.isalpha() for i, m in enumerate(MONTHS) if m.startswith(w.lower()[:3])), None)
    numbers = [int(w) for w in words if w.isdigit()]
    year = next((n for n in numbers if n > 999), None)
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", text.strip()):
        return text.strip()
    if year is None or month is None:
        return text.strip()
    day = next((n for n in numbers if n <= 31), None)
    return f"{year:04d}-{month:02d}-{day:02d}" if day else f"{year:04d}-{month:02d}"


# a date is a field of its own: it starts the entry or follows a bracket or punctuation, and ends
# before one ("... about July 4, 2019 events" is a title's words)
_OPENS = r"(?:^|(?<=[(\[,.;:])|(?<=[(\[,.;:]\s))"
_CLOSES = r"(?=\s*(?:[)\],.;:]|$))"


_Y = r"(?<!\d)(?P<{name}>\d{{4}})(?![\d\-–/])"
_FORMS = (
    rf"{_DAY}\s+{MONTH},?\s+{_Y.format(name='y1')}",  # 15 July 2019
    rf"{MONTH}\s+{_DAY},?\s+{_Y.format(name='y2')}",  # July 15, 2019
    rf"{_Y.format(name='y3')}[,.]?\s+{MONTH}\s+{_DAY}",  # (2020, November 3); 2011 Jul 23;
    r"(?<!\d)(?P<y4>\d{4})-(?:0[1-9]|1[0-2])-(?:[0-2]\d|3[01])",  # 2019-07-15
    rf"(?<=\(){_Y.format(name='y5')},\s+{MONTH}(?=\))|(?<=\(){MONTH}\s+{_Y.format(name='y6')}(?=\))",  # (2020, November)
    rf"(?<=,\s){MONTH}\s+{_Y.format(name='y7')}",  # IEEE's "..., Sep. 1995."
    rf"{_Y.format(name='y8')}\s+{MONTH}(?=\s*;)",  # Vancouver's "2020 Mar;8(3)", no day
)
# one pattern for every form (compiled once: a pattern per year would be compiled per entry)
_FULL_DATE = re.compile(f"{_OPENS}(?:{'|'.join(f'(?:{form})' for form in _FORMS)}){_CLOSES}", re.IGNORECASE)
_ANY_MONTH = re.compile(MONTH, re.IGNORECASE)


def publication_date(text: str, year: int | None) -> str:
    """The full date (ISO, "2019-07-15" or "2020-11") an entry gives with its publication ``year``,
    or "". ``text`` is the entry with its access date and links masked, so "Retrieved 20 July 2019"
    is not read; the first full date of that year wins."""
    wanted = f"{year:04d}" if year else ""
    if not wanted or not _month_near(text, wanted):
        return ""
    for m in _full_dates(text):
        if wanted in m.groupdict().values():
            date = iso_date(m.group(0).strip("()"))
            return date if date.startswith(f"{wanted}-") else ""
    return ""


def _full_dates(text: str) -> Iterator[re.Match[str]]:
    """``_FULL_DATE.finditer(text)``, the pattern tried only where ``_OPENS`` lets a date start: at the text's
    start, and after a bracket or punctuation mark, or after one and a space (the finditer tried it at every
    character, 120,000 instructions an entry)."""
    starts = {0}
    for mark in _OPENING_MARK.finditer(text):
        at = mark.end()
        starts.add(at)
        if text[at : at + 1].isspace():
            starts.add(at + 1)
    yield from matches_from(_FULL_DATE, text, starts)


def matches_from(pattern: re.Pattern[str], text: str, starts: set[int]) -> Iterator[re.Match[str]]:
    """``pattern.finditer(text)`` for a pattern that can start only at ``starts``: tried there alone, in order,
    each try after the last match's end (the same matches, without a try at every character)."""
    end = 0
    for at in sorted(starts):
        if at >= end:
            m = pattern.match(text, at)
            if m:
                yield m
                end = m.end()


_OPENING_MARK = re.compile(r"[(\[,.;:]")  # what comes before a date in _OPENS


def full_date(text: str, start: int = 0) -> re.Match[str] | None:
    """The first full date ("12 June 2017", "June 12, 2017") in ``text`` from ``start``, or None."""
    return _FULL_DATE.search(text, start)


def _month_near(text: str, year: str) -> bool:
    """Is a month named, or an ISO date begun, within a few words of ``year`` (a quick test: most
    entries give a year alone)?"""
    at = text.find(year)
    while at >= 0:
        if text.startswith("-", at + 4):
            return True
        start = max(0, at - 16)
        window = text[start:at + 16]
        # every month's name begins with one of _MONTH_STARTS, in any case: the search needs one (in
        # ASCII text; elsewhere re's case-blind "ſ" is an "s" that str.lower leaves)
        if not window.isascii() or any(name in window.lower() for name in _MONTH_STARTS):
            if _ANY_MONTH.search(text, start, at + 16):
                return True
        at = text.find(year, at + 4)
    return False


_MONTH_STARTS = tuple(month[:3] for month in MONTHS)


# An event's days, a range of them ("12–15 March 2019", "March 12–15, 2019", APA's "(2019, March
# 12–15)", or across a month's end: "30 March – 2 April 2019", "March 30–April 2, 2019")
_TO = r"\s*(?:[-\u2010-\u2015]|to)\s*"
_M1, _M2 = (f"(?P<m{n}>{MONTH})" for n in (1, 2))
_D1, _D2 = (rf"(?P<d{n}>{_DAY})(?!\d)" for n in (1, 2))
_YEAR = r"(?P<y>\d{4})(?![\d\-\u2010-\u2015/])"
_EVENT_FORMS = (
    rf"(?<!\d){_D1}(?:\s+{_M1})?{_TO}{_D2}\s+{_M2},?\s+{_YEAR}",  # 12–15 March 2019; 30 March – 2 April 2019
    rf"{_M1}\s+{_D1}{_TO}(?:{_M2}\s+)?{_D2},?\s+{_YEAR}",  # March 12–15, 2019; March 30–April 2, 2019
    rf"(?<=\(){_YEAR},\s+{_M1}\s+{_D1}{_TO}(?:{_M2}\s+)?{_D2}(?=\))",  # (2019, March 12–15)
)
_EVENT_DAYS = [re.compile(f"{_OPENS}{form}{_CLOSES}", re.IGNORECASE) for form in _EVENT_FORMS]


def event_days(text: str) -> tuple[str, re.Match[str]] | None:
    """The first range of days ``text`` gives as an EDTF interval ("12–15 March 2019" ->
    "2019-03-12/2019-03-15", biblatex's ``eventdate``, CSL's ``event-date``), with its match, or None
    (also for a range that is no range: 15–12 March)."""
    for pattern in _EVENT_DAYS:
        for m in pattern.finditer(text):
            first_month = _month_number(m["m1"] or m["m2"])
            last_month = _month_number(m["m2"] or m["m1"])
            start = (int(m["y"]), first_month, int(m["d1"]))
            end = (int(m["y"]), last_month, int(m["d2"]))
            if start < end:
                return "{:04d}-{:02d}-{:02d}/{:04d}-{:02d}-{:02d}".format(*start, *end), m
    return None


def _month_number(name: str) -> int:
    return next(i + 1 for i, month in enumerate(MONTHS) if month.startswith(name.lower().rstrip(".")[:3]))
