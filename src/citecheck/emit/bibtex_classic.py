"""References -> classic BibTeX, the dialect bibtex's standard styles (plain, natbib's plainnat...) read.

Built from the BibLaTeX entry (``emit.bibtex``: same escaping, same field choice, same
data-model filtering), then renamed to classic types and fields, which biber also reads
(it maps them to BibLaTeX itself):

=============================== =============================================
BibLaTeX                        classic BibTeX
=============================== =============================================
article (journaltitle)          article (``journal``)
book, incollection,             same types
inproceedings, proceedings
report                          techreport (the default ``type = {Report}`` dropped:
                                styles print "Technical Report")
thesis                          phdthesis, or mastersthesis for ``type = {mathesis}``;
                                ``institution`` -> ``school``
online                          misc with ``howpublished`` (the site) and
                                ``entrysubtype = {webpage}`` (ignored by bibtex, read back
                                by ``parse.bibtex`` as a web page)
patent, dataset, software       misc, ``entrysubtype`` the CSL type
misc (a film, a broadcast, a    misc, as biblatex's (``entrysubtype`` the CSL type; a
legal case)                     director's ``editortype``, a case's ``howpublished``)
unpublished (a presentation)    unpublished, its ``eventtitle`` and ``venue`` kept (biber
                                reads them; bibtex's styles ignore them)
misc                            misc
``date``, ``pubstate``          ``year`` (and ``month`` from a full ISO date, as
                                the standard macro ``month = mar``, which
                                styles print as the month's name, and ``day``,
                                which biber reads and styles ignore; a date
                                they cannot hold, a season or a range of
                                months, also as ``date``, which biber reads;
                                months of one year also as ``month = jun #
                                "--" # jul``, which the styles print);
                                n.d. keeps ``date = {XXXX}``: no year for bibtex,
                                the unspecified year for biber; an unknown
                                year (none given, not n.d.): no field at all;
                                a year more than a year ("circa 1850",
                                "1999/2000") as the source wrote it, with
                                ``date`` for biber, and one in press as
                                its words ("in press")
``location``                    ``address``
``edition = {2}``               ``edition = {Second}``, the word bibtex's styles want
                                before " edition" (``emit.editions``)
=============================== =============================================

``url``, ``doi``, ``urldate``, ``isbn`` and the archive's ``eprint`` stay: natbib's
styles print url and doi, the standard styles ignore fields they do not know.
"""
from __future__ import annotations

import logging
import re

from bibtexparser.model import Entry, Field

from ..model import Reference
from .bibtex import NO_DATE, _wanted_fields, biblatex_type, ordered_fields
from .crosswalk import SEASON_NAMES, YEAR_SUFFIX_FIELD, without_time_of_day
from .editions import classic_edition
from .latex import escape_text
from .place import entry_place

logger = logging.getLogger(__name__)

YEAR_AS_WRITTEN = "bibtex:year"  # ``extra``: a year field that is more than a year, as written (parse.bibtex)

CLASSIC_TYPES = {
    "article": "article", "book": "book", "collection": "book", "incollection": "incollection", "inproceedings": "inproceedings",
    "proceedings": "proceedings", "manual": "manual", "booklet": "booklet", "inbook": "inbook", "mvbook": "book",
    "inreference": "incollection",
    "report": "techreport", "thesis": "phdthesis", "misc": "misc", "unpublished": "unpublished",
    "xdata": "xdata", "set": "set",  # biber's; bibtex skips a type its style does not define, with a warning
}
# biblatex types classic BibTeX has not: written as @misc, the biblatex type kept in ``entrysubtype``
AS_MISC = frozenset({"online", "patent", "dataset", "software"})
RENAMES = {"journaltitle": "journal", "location": "address"}
# ``type`` values that only restate the classic type (parse.bibtex adds them when reading it).
IMPLIED_TYPE = {"techreport": {"report", "techreport"}, "phdthesis": {"thesis", "phdthesis"},
                "mastersthesis": {"mathesis", "mastersthesis"}}
_ISO = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")
_MONTHS = re.compile(r"(\d{4})-(\d{2})/\1-(\d{2})")  # a range of months of one year, "2019-06/2019-07"
_MONTH_RANGE = re.compile(r"([a-z]{3})--([a-z]{3})")  # ``_year_month``'s, written ``jun # "--" # jul``


def classic_fields(ref: Reference) -> tuple[str, list[tuple[str, str]]]:
    """The classic BibTeX type and (field, escaped value) pairs of ``ref``'s entry."""
    bibtype, wanted = biblatex_type(ref)
    if bibtype in AS_MISC:
        bibtype, wanted = "misc", _wanted_fields(ref, "misc")
        wanted["entrysubtype"] = ref.type.value
    pairs = ordered_fields(ref, bibtype, wanted)
    classic = CLASSIC_TYPES[bibtype]
    types = {name: value for name, value in pairs if name == "type"}
    if classic == "phdthesis" and types.get("type", "").strip().lower() == "mathesis":
        classic = "mastersthesis"
    pairs = _subtitle_joined(pairs)
    out: list[tuple[str, str]] = []
    year_words = _year_as_written(ref)
    suffixed = dict(pairs).get(YEAR_SUFFIX_FIELD, "") if ref.year is not None and not year_words else ""
    if year_words and not any(name == "date" for name, _ in pairs):
        pairs.append(("date", ""))  # where the year goes
    for name, value in pairs:
        if name == "type" and (value in ("Report", "Thesis") or value.strip().lower() in IMPLIED_TYPE.get(classic, ())):
            continue
        if name == YEAR_SUFFIX_FIELD and suffixed:  # the year holds it ("2019a")
            continue
        if name == "date":
            out.extend([("year", _tex_dashes(escape_text(year_words)))] if year_words else
                       _suffixed(_year_month(value, {n for n, _ in pairs}), value, suffixed))
            if year_words and value.strip() and value.strip() != NO_DATE:  # biber reads no year in words:
                out.append(("date", value))  # the EDTF date for it (bibtex ignores the field)
            continue
        if name == "institution" and classic in ("phdthesis", "mastersthesis"):
            name = "school"
        if name == "edition":
            value = classic_edition(value)  # "Second": the styles print "Second edition", never "2 edition"
        name = RENAMES.get(name, name)
        if any(name == written for written, _ in out):  # a .bib's location and its address: one address
            logger.warning("%s: a second %s left out (classic BibTeX holds one; the first is biber's): %s = {%s}",
                           entry_place(ref), name, name, value)
            continue
        out.append((name, value))
    return classic, out


def _subtitle_joined(pairs: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """``title`` with biblatex's ``subtitle`` after a colon, as biblatex prints it ("Hotter Cities: Causes and
    Consequences"): bibtex's styles know no ``subtitle`` and printed the title alone."""
    fields = dict(pairs)
    title, subtitle = fields.get("title", ""), fields.get("subtitle", "")
    if not title.strip() or not subtitle.strip():
        return pairs
    joined = title.rstrip() + ("" if title.rstrip().endswith(("?", "!", ":")) else ":") + " " + subtitle.strip()
    return [(name, joined if name == "title" else value) for name, value in pairs if name != "subtitle"]


def _suffixed(pairs: list[tuple[str, str]], date: str, suffix: str) -> list[tuple[str, str]]:
    """``year`` with its letter (``year = {2019a}``, as natbib's users write it: bibtex's styles print it so),
    and the date for biber, which reads ``date`` before ``year`` (bibtex ignores it); ``pairs`` without a letter."""
    if not suffix:
        return pairs
    out = [(name, value + suffix if name == "year" else value) for name, value in pairs]
    return out if any(name == "date" for name, _ in out) else out + [("date", date)]


def _tex_dashes(text: str) -> str:
    """A year in words with TeX's dashes ("1999--2000", which ``parse.bibtex`` reads as "1999\u20132000")."""
    return text.replace("\u2014", "---").replace("\u2013", "--")


PUBSTATE_WORDS = {"inpress": "in press", "forthcoming": "forthcoming", "submitted": "submitted",
                  "inpreparation": "in preparation", "prepublished": "prepublished"}


def _year_as_written(ref: Reference) -> str:
    """The year as the source wrote it when it is more than a year ("circa 1850", "1999/2000", "in
    press": ``extra`` ``bibtex:year``), or a publication state in words: classic BibTeX has no EDTF
    date nor ``pubstate``, and its styles print ``year`` as it is."""
    extra = dict(reversed(ref.extra))
    if extra.get(YEAR_AS_WRITTEN):
        return extra[YEAR_AS_WRITTEN]
    if ref.no_date and ref.year is None:
        return PUBSTATE_WORDS.get(extra.get("pubstate", "").strip().lower(), "")
    date = extra.get("date", "").strip()
    if ref.year is not None and date.startswith(str(ref.year)):
        if re.fullmatch(r"\d{4}~", date):  # circa a month or a day: ``year`` and ``date`` (``_year_month``)
            return f"circa {date[:-1]}"
        if re.fullmatch(r"\d{4}/\d{4}", date):
            return date.replace("/", "--")
    return ""


def _year_month(date: str, present: set[str]) -> list[tuple[str, str]]:
    """``year``, ``month`` (the standard macro) and ``day`` (biber joins the three into its date; the
    standard styles ignore ``day``) of an ISO date; a date they cannot hold (a season, a range of
    months or days, ``1850?``) also stays ``date``, which biber reads before ``year`` and bibtex ignores."""
    if date == NO_DATE:  # bibtex ignores the field (plain.bst warns "empty year"); biber reads n.d.
        return [("date", NO_DATE)]
    pairs = [("year", date[:4])]
    day_only, time = without_time_of_day(date)
    match = _ISO.fullmatch(day_only)
    season = SEASON_NAMES.get(int(match.group(2))) if match and match.group(2) and not match.group(3) else None
    if season and "month" not in present:  # "month = {Spring}", which the styles print; ``date`` for biber
        return pairs + [("month", season), ("date", date)]
    months = _MONTHS.fullmatch(date)
    if months and 1 <= int(months.group(2)) < int(months.group(3)) <= 12 and "month" not in present:
        first, last = (MONTH_MACROS[int(m) - 1] for m in months.group(2, 3))  # "June--July", as the styles print
        return pairs + [("month", f"{first}--{last}"), ("date", date)]  # it (``classic_entry``); ``date`` for biber
    if not match or not 1 <= int(match.group(2) or 1) <= 12:
        return pairs + ([("date", date)] if date != date[:4] else [])
    if match.group(2) and "month" not in present:
        pairs.append(("month", str(int(match.group(2)))))
        if match.group(3) and "day" not in present:
            pairs.append(("day", str(int(match.group(3)))))
    return pairs + [("date", date)] if time else pairs  # its time of day, which biber reads there


MONTH_MACROS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
_MONTH_NAMES = ("january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
                "november", "december")


def month_macro(value: str) -> str | None:
    """The standard BibTeX macro of a month ("3", "03", "March", "Sept.", "mar" -> its macro; JabRef's
    "#jan#", its way of writing a macro inside braces), or None."""
    text = value.strip().strip("{}").strip().rstrip(".").lower()
    if len(text) == 5 and text[0] == text[-1] == "#":
        text = text[1:-1]
    if text.isdigit():
        return MONTH_MACROS[int(text) - 1] if 1 <= int(text) <= 12 else None
    if len(text) >= 3:
        for macro, name in zip(MONTH_MACROS, _MONTH_NAMES):
            if name.startswith(text):
                return macro
    return None


def classic_entry(ref: Reference, key: str) -> Entry:
    bibtype, pairs = classic_fields(ref)
    fields = []
    for name, value in pairs:
        macro = month_macro(value) if name == "month" else None
        months = _MONTH_RANGE.fullmatch(value) if name == "month" else None
        if months and all(m in MONTH_MACROS for m in months.groups()):
            macro = f'{months.group(1)} # "--" # {months.group(2)}'
        fields.append(Field(name, macro, enclosing="no-enclosing") if macro else Field(name, value))
    return Entry(bibtype, key, fields)
