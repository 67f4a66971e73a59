"""Details read from a free-text entry once its fields are decided: identifiers and descriptions
that the rules and the tagger leave in a note, split or cut (a report's number, an arXiv identifier,
a standard's number, APA's thesis bracket and "[Paper presentation]", an abbreviated journal's last
full stop). Each reading names the entry shape it is for."""
from __future__ import annotations

import re

from .reference_segments import strip_markup
from .urls import mentions

_REPORT_NUMBER = re.compile(  # "Report No. 20045", "Tech. Rep. NASA/TM-2020-220567"; not "report 2020", a year
    r"\b(?:(?:tech(?:nical)?\.?\s+)?rep(?:ort|t)?\.?|working\s+paper|discussion\s+paper)\s+"
    r"(?:(?:no\.?\s*|number\s+)(?P<numbered>(?=[\w./-]*\d)[A-Z0-9][\w./-]*\w)"
    r"|(?P<number>(?=[\w./-]*\d)(?!(?:1[5-9]|20)\d\d\b)[A-Z0-9][\w./-]*\w))", re.IGNORECASE)
_IMPRINT = re.compile(  # "2nd ed. New York: Norton", "1925; repr., New York: Dover", "Rev. ed. London: Verso"
    r"^(?:(?P<edition>\d+(?:st|nd|rd|th)\s+ed(?:n|ition)?\.?|rev(?:ised)?\.?\s+ed(?:n|ition)?\.?)\s+)?"
    r"(?:(?P<original>\d{4});\s*repr(?:int)?\.?,?\s+)?(?P<place>[A-Z][^:;]{1,40}):\s*(?P<publisher>[^:;]+)$", re.IGNORECASE)
_PATENT = re.compile(r"\b(?:U\.?\s?S\.?\s+)?Patent\s+(?:No\.?\s*)?(?P<number>\d[\d,]{4,}\d|[A-Z]{2}\s?\d[\d,]*\d\s?[A-Z]?\d?)",
                     re.IGNORECASE)  # "U.S. Patent No. 10,123,456", "Patent EP 1234567 B1"
_VERSION = re.compile(r"\(?(?:version|v\.)\s*([\w.-]+)\)?", re.IGNORECASE)
_KIND = re.compile(r"\[?(?:computer\s+software|software|data\s*set)\]?", re.IGNORECASE)
_ARXIV = re.compile(r"\barXiv:\s?(?P<id>\d{4}\.\d{4,5}(?:v\d+)?|[a-z-]+(?:\.[A-Z]{2})?/\d{7}(?:v\d+)?)", re.IGNORECASE)
_TITLE_GENRE = re.compile(  # APA's descriptions (a bracket of other words, "[In Russian]", a translation, is the title's)
    r"\s*\[((?:paper|poster|conference|keynote|symposium|data\s+set|dataset|computer\s+software|software|tweet|video|"
    r"podcast|audio|film|motion\s+picture|blog\s+post|preprint|fact\s+sheet|press\s+release|infographic|map|"
    r"photograph|unpublished|manuscript|lecture|powerpoint|slides|editorial|letter|brochure|television|interview)"
    r"[^\[\]]{0,40})\]$", re.IGNORECASE)
# a standard's number: "IEEE Std 686-2017", "ANSI Std. Z39.29", "ISO 690:2021", "ISO/IEC 27001:2013", "ASTM D638-14"
_STANDARD = re.compile(
    r"\b(?:(?P<body>IEEE|ANSI|BS|DIN|EN)\s+Std\.?|(?P<named>ISO(?:/IEC)?|ASTM))\s+[A-Z]?\d+(?:[.:/-]\d+)*\b")
_ABBREVIATED = re.compile(r"\b[A-Z][a-z]{1,6}\.\s")  # "Mach. Learn", "J. Appl. Phys" (not "U.S. News")
# APA's "[Doctoral dissertation, University of Tokyo]", "[Master's thesis, ...]", "[Unpublished doctoral dissertation]"
_THESIS_BRACKET = re.compile(
    r"\[(?P<genre>[^\[\],]*\b(?:dissertation|thesis)\b[^\[\],]*)(?:,\s*(?P<university>[^\[\]]+))?\]", re.IGNORECASE)


def _read_numbers_and_eprint(values: dict, text: str) -> None:
    """A patent's or a report's number ("U.S. Patent No. 10,123,456", "Report No. WR-2018-04", IEEE's
    "Tech. Rep. NASA/TM-2020-220567") is its ``number`` (a patent's also says its kind), and an arXiv
    identifier ("arXiv:2103.01234") its ``eprint``: all were dropped."""
    patent = _PATENT.search(text) if mentions(text, ("patent",)) else None
    if patent:
        values["number"] = patent.group("number").replace(",", "")
        values["kind"] = "patent"
        values["note"] = "; ".join(n for n in values.get("note", "").split("; ") if n and patent.group(0) not in n)
    report = _REPORT_NUMBER.search(text) if not patent and mentions(text, ("rep", "paper")) else None
    if report and report.group(0).split()[0].lower() in values.get("container", "").lower():
        report = None  # a journal's name: "Sci. Rep. 12, 3456" is Scientific Reports' volume
    if report:
        values["number"] = report.group("numbered") or report.group("number")
        if values.get("note", "").strip(" .") == report.group(0).strip(" ."):
            values["note"] = ""
        elif values.get("note", "").strip(" .").lower() in ("tech. rep", "tech. rep.", "technical report"):
            values["note"] = "Technical report"
    arxiv = _ARXIV.search(text) if "arxiv" in text.lower() else None
    if arxiv and not values.get("doi"):
        values["arxiv"] = arxiv.group("id")


def _read_version_and_kind(values: dict) -> None:
    """APA's "(Version 4.3.1) [Computer software]", "(Version 2) [Data set]", left in the note: the
    ``version``, and the kind of work (software, data set)."""
    notes = [n for n in values.get("note", "").split("; ") if n]
    kept = []
    for note in notes:
        version = _VERSION.fullmatch(note)
        if version:
            values["version"] = version.group(1)
        elif _KIND.fullmatch(note):
            values["kind"] = "software" if "soft" in note.lower() else "dataset"
        else:
            kept.append(note)
    values["note"] = "; ".join(kept)


def _split_imprint(values: dict) -> None:
    """Chicago's "2nd ed. New York: Norton" and "1925; repr., New York: Dover", read whole as the
    publisher: the edition, the original year, the place and the publisher."""
    m = _IMPRINT.match(values.get("publisher", ""))
    if not m or not (m.group("edition") or m.group("original")):
        return
    if m.group("edition"):
        values["edition"] = values.get("edition") or re.sub(r"\D", "", m.group("edition")) or m.group("edition")
    if m.group("original"):
        values["origdate"] = values.get("origdate") or m.group("original")
    values["place"] = values.get("place") or m.group("place").strip()
    values["publisher"] = m.group("publisher").strip(" .")


def _genre_bracket_out_of_title(values: dict) -> None:
    """APA's description after a title, "*Urban heat islands* [Paper presentation]", is a note (the
    entry's kind), not title words."""
    title = values.get("title", "")
    m = _TITLE_GENRE.search(title) if title.endswith("]") else None
    if m and m.start() > 0:
        values["title"] = title[: m.start()].rstrip()
        notes = [n for n in (values.get("note", ""), m.group(1)) if n]
        values["note"] = "; ".join(dict.fromkeys(notes))


def _read_standard_number(values: dict, text: str) -> None:
    """A standard's number ("IEEE Std 686-2017", "ISO 690:2021") is kept in the note, whole, and its
    body is the publisher: the reading split it into a publisher "IEEE Std" and a date."""
    m = _STANDARD.search(text) if mentions(text, ("std", "iso", "astm", "ansi")) else None
    if not m:
        return
    number = " ".join(m.group(0).split())
    if number not in values.get("note", ""):
        values["note"] = "; ".join(filter(None, [values.get("note", ""), number]))
    body = m.group("body") or m.group("named")
    if not values.get("publisher") or values["publisher"].lower().startswith(body.lower()):
        values["publisher"] = body


def _keep_abbreviation_stop(values: dict, text: str) -> None:
    """An abbreviated journal keeps the full stop of its last word ("*Mach. Learn.*, vol. 20" is
    "Mach. Learn.", as "Proc. IEEE Conf." keeps its "Conf."): the reading cut it as a field's end."""
    container = values.get("container", "")
    if not container or container.endswith(".") or not _ABBREVIATED.search(container):
        return
    last = container.split()[-1]
    if len(last) <= 6 and last[:1].isupper() and last[1:].islower() and f"{container}." in strip_markup(text):
        values["container"] = f"{container}."


def _read_thesis_bracket(values: dict, text: str) -> None:
    """APA's "[Doctoral dissertation, University of Tokyo]": the genre (the thesis's ``type``) and the
    university, which is the institution; a database named after it ("ProQuest Dissertations and
    Theses Global") is a note, not the publisher."""
    m = _THESIS_BRACKET.search(text) if mentions(text, ("thesis", "dissertation")) else None
    if not m:
        return
    genre, university = m.group("genre").strip(), (m.group("university") or "").strip()
    values["thesis_genre"] = genre
    notes = [n for n in re.split(r";\s*", values.get("note", "")) if n and genre.lower() not in n.lower()]
    if university:
        held = values.get("publisher", "")
        if held and held.lower() not in university.lower():
            notes.append(held)
        values["publisher"] = university
    values["note"] = "; ".join(notes)


def read_details(values: dict, text: str, masked: str) -> None:
    """Complete ``values`` (an entry's decided fields) from its ``text``; ``masked`` is the text with
    links, DOIs and access dates blanked out."""
    _read_thesis_bracket(values, masked)
    _keep_abbreviation_stop(values, text)
    _read_standard_number(values, text)
    _read_numbers_and_eprint(values, text)
    _genre_bracket_out_of_title(values)
    _read_version_and_kind(values)
    _split_imprint(values)
