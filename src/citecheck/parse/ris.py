"""RIS text -> Reference records.

A record is a run of ``XX  - value`` lines from ``TY`` to ``ER``. Tags read:
TY (type), ID (the key), AU/A1 (authors), A2/ED (editors), A4 (translators, kept in ``extra`` as a
BibTeX name list), TI/T1 (title),
T2/JO/JF/JA/BT (container; the first given wins), PY/Y1 (year), DA (full date: ``parse.ris_dates``,
which also reads seasons, circa, EDTF dates, months in words; a DA no date is read from stays ``ris:DA``),
Y2 (access date), VL, IS, SP/EP (pages), ET (edition), PB, CY, UR (one per line),
DO, SN (ISBN, or ISSN when it has that shape or says so, "00167061 (ISSN)"; a record's ISSNs
are one ``issn``, "0028-0836, 1476-4687", as CSL's list is read), AB (else N2, the specification's
abstract), KW (several on one line split at ";", as Zotero does), N1,
and the tags ``emit.crosswalk`` maps to BibLaTeX fields in ``extra``: ST (``shorttitle``), J2
(``shortjournal``; else JA when another tag gave the container; a journal tag naming it otherwise is
kept as ``ris:XX``), T3 (``series``), NV (``volumes``), L1 (``file``), LA (``langid`` for a
language tag such as "en", else ``language``) and M3 (the type of
work: ``type`` for a thesis, report, web page or document, "PhD thesis" as biblatex's
``phdthesis``; a DOI there, as EndNote sometimes writes, stays ``ris:M3``). Tags by type
(``crosswalk.RIS_TYPED``): a conference paper (CONF, CPAPER) with C3 has it as its container
(Zotero's proceedingsTitle) and T2 as ``eventtitle``, with C1 has it as its place and CY as
``venue`` (without them T2 and CY are the proceedings and the place, as databases write them); a
report's or patent's SN is its number unless it is an ISBN (valid check digit) or ISSN, a book's M1
and a chapter's SV its number (IS when they are absent); a book's or thesis's lone SP is
``pagetotal`` (SE its pages; SP-EP are still its pages); OP shaped as a date is ``origdate`` for
JOUR, BOOK, CHAP, GEN; an article's C2 shaped ``PMC...`` is ``pmcid``, its C7 ``eid`` (the article
number); ET is the ``version`` of software and data sets; and M2 lines ``key: value`` whose key is a
CSL variable of ``crosswalk.RIS_KEYS`` (Zotero's labels too: "Original Date") or ``tex.NAME`` (any
BibLaTeX field, as Better BibTeX writes one) are those fields. Any other tag is
kept in ``extra`` as ``ris:XX`` and written back by ``emit.ris``; AB, KW and an ISSN go to
``extra`` as ``abstract``, ``keywords`` (joined by ``, ``) and ``issn``, the names
BibTeX uses. Y2, the access date, is ``YYYY/MM/DD/other`` (Zotero writes the time as the
"other" part: ``2023/04/11/08:15:22``): read as the ISO date. A line without a tag continues the previous value (exporters wrap AB, TI, UR):
text joins with a space; a URL or DOI tag (UR, DO, L1, L2, L4, LK) joins with nothing, as a
URL has no spaces, and a URL so rejoined is a ``url-repaired`` finding (the free-text
path's finding for a URL wrapped over lines); a note (N1) continues on a new line of its own after a
short line (Zotero's rule: under 60 characters), as Web of Science writes its "Times Cited" lines; after a
blank line an abstract (AB, N2) or a note continues in a new paragraph (``"\n\n"``), as Zotero reads it. A
record with no year (PY, Y1 or DA) is a finding too; its year is unknown, not "n.d.".

JSTOR's "Full publication date: Jan., 1989" (C1, or its older M1) is the date when PY gives the year alone.

Tolerant: a line that is no tag line outside a record is skipped, and said (a finding naming
its line); so are tag lines outside a record that hold no title nor author (no reference is
made of them). The header publishers write before the first record ("Provider: JSTOR
http://www.jstor.org", "Database: JSTOR", "Content: text/plain") is skipped unsaid: it is no reference. A tag line before any ``TY``, a record with no ``ER`` (the next ``TY`` or the
end of the file closes it), a record without a title or author, and an unknown type are
findings naming the line; the record is still parsed. Names are ``Family, Given[, Suffix]``;
a name without a comma is an organisation (a literal), as RIS exporters write them, and so is a
company with its designation after a comma ("Pfizer, Inc.").
"""
from __future__ import annotations

import bisect
import dataclasses
import html
import re
from dataclasses import dataclass, field

from ..emit import crosswalk
from ..emit.file_field import attached_files
from ..model import EntryType, Finding, Fix, Kind, Name, Reference, Severity, Span, Target, Url
from .bibtex import holds_no_work, kept_type, names_as_written_back, names_text
from .composed_letters import composed_text
from .ris_dates import RisDate, access_day, read_dates
from .urls import wayback_snapshot

RIS_TYPES = {
    "JOUR": EntryType.ARTICLE, "JFULL": EntryType.ARTICLE, "EJOUR": EntryType.ARTICLE, "ABST": EntryType.ARTICLE,
    "NEWS": EntryType.NEWS, "MGZN": EntryType.MAGAZINE,
    "BOOK": EntryType.BOOK, "EBOOK": EntryType.BOOK, "EDBOOK": EntryType.BOOK, "ENCYC": EntryType.BOOK,
    "CHAP": EntryType.CHAPTER, "ECHAP": EntryType.CHAPTER,
    "CONF": EntryType.CONFERENCE, "CPAPER": EntryType.CONFERENCE,
    "RPRT": EntryType.REPORT, "GOVDOC": EntryType.REPORT,
    "THES": EntryType.THESIS,
    "ELEC": EntryType.WEBPAGE, "WEB": EntryType.WEBPAGE, "BLOG": EntryType.WEBPAGE,
    "GEN": EntryType.DOCUMENT, "UNPB": EntryType.DOCUMENT, "STAND": EntryType.DOCUMENT,
    "DATA": EntryType.DATASET, "COMP": EntryType.SOFTWARE, "PAT": EntryType.PATENT,
    "SLIDE": EntryType.PRESENTATION, "PCOMM": EntryType.DOCUMENT, "MANSCPT": EntryType.DOCUMENT,
    "MPCT": EntryType.FILM, "VIDEO": EntryType.FILM, "ADVS": EntryType.FILM, "CASE": EntryType.LEGAL_CASE,
}
MANUSCRIPT_TAG = "MANSCPT"  # the RIS specification's and Zotero's RIS.js type of a manuscript
# Types whose AU is the director (Zotero's RIS.js: a film's, a TV broadcast's, a video's), read as
# editors with ``editortype = director`` (as ``emit.ris`` writes a film's director)
DIRECTED_TAGS = frozenset({"MPCT", "VIDEO", "ADVS"})
_TAG = re.compile(r"^([A-Z][A-Z0-9])  ?-(?: (.*)|\s*)$")
_ISSN = re.compile(r"^\d{4}-?\d{3}[\dXx]$")
_RANGE = re.compile(r"^\s*\S+\s*(?:-+|\u2013|\u2014)\s*\S+\s*$")
# the journal's full name first (JF before JO: Zotero's RIS.js reads JO as the journal's abbreviation)
CONTAINER_TAGS = ("T2", "JF", "JO", "JA", "BT")
# Tags of a date or a number, which no exporter wraps onto a second line: a line without a tag after one (it was
# joined to the year and dropped by the date's reading, "PY  - 2002" + "some stray text") is a note, and said
UNWRAPPED_TAGS = frozenset({"PY", "Y1", "Y2", "DA", "VL", "IS", "SP", "EP"})
# Tags whose value is a URL or DOI: a wrapped value continues with no space.
LINK_TAGS = frozenset({"UR", "DO", "L1", "L2", "L4", "LK"})
NOTE_LINE = 60  # an N1 line shorter than this, continued, ends a line of the note (Zotero's RIS.js rule)
PARAGRAPH_TAGS = frozenset({"AB", "N2", "N1"})  # a blank line in their lines ends a paragraph
WRAP = "\n"  # kept between a link tag's value and its continuation line, until the URLs are read
KNOWN = frozenset("TY ID AU A1 A2 A4 ED TI T1 PY Y1 DA Y2 VL IS SP EP ET PB CY UR DO SN AB KW N1 ER LA".split()) | set(
    CONTAINER_TAGS) | set(crosswalk.FROM_RIS)
# Types whose M3 ("type of work") is BibLaTeX's ``type`` (Zotero: thesisType, reportType, websiteType ...).
TYPE_OF_WORK = frozenset({EntryType.THESIS, EntryType.REPORT, EntryType.WEBPAGE, EntryType.DOCUMENT,
                          EntryType.PRESENTATION, EntryType.FILM, EntryType.BROADCAST, EntryType.DATASET,
                          EntryType.SOFTWARE, EntryType.PATENT})  # (DATA "Type of Data", COMP "Type", PAT "Patent Type")
_DOI = re.compile(r"^\s*(?:https?://(?:dx\.)?doi\.org/|doi:\s*)?10\.\d{4,9}/\S+\s*$", re.IGNORECASE)


@dataclass
class _Record:
    start_line: int  # 1-based line of TY (or of the first tag line)
    start: int  # character offset
    end: int = 0
    tags: list[tuple[str, str]] = field(default_factory=list)
    closed: bool = False

    def values(self, *tags: str) -> list[str]:
        return [v for t, v in self.tags if t in tags and v.strip()]

    def first(self, *tags: str) -> str:
        for tag in tags:  # tag order is the preference order
            found = self.values(tag)
            if found:
                return found[0].strip()
        return ""


# what follows a company's name after a comma ("Pfizer, Inc.", "Smith & Sons, Ltd."): no given name
_COMPANY = re.compile(r"^(?:inc|ltd|llc|llp|plc|co|corp|gmbh|ag|s\.?\s?a|b\.?\s?v|n\.?\s?v|pty\.?\s?ltd|limited|"
                      r"incorporated|corporation|company)\.?$", re.IGNORECASE)


def parse_ris_name(text: str) -> Name:
    """``Family, Given[, Suffix]``; without a comma, an organisation (literal), and so is a company
    written with its designation after a comma ("Pfizer, Inc.")."""
    parts = [p.strip() for p in text.split(",")]
    if len(parts) == 1 or len(parts) == 2 and _COMPANY.match(parts[1]):
        return Name(literal=text.strip(), raw=text)
    family, given = parts[0], parts[1]
    suffix = ", ".join(p for p in parts[2:] if p)
    particle = ""
    words = family.split()
    while len(words) > 1 and words[0][:1].islower():
        particle = f"{particle} {words.pop(0)}".strip()
    return Name(family=" ".join(words), given=given, particle=particle, suffix=suffix, raw=text)


# the header JSTOR, Wiley, Taylor & Francis and other publishers write before the first record
_EXPORT_HEADER = re.compile(r"^\s*(?:Provider|Database|Content|Copyright)\s*:", re.IGNORECASE)


def _split_records(text: str, file: str, starts: list[int]) -> tuple[list[_Record], list[Finding]]:
    records: list[_Record] = []
    findings: list[Finding] = []
    current: _Record | None = None
    offset = 0
    blank = False  # the line before was blank
    for number, line in enumerate(text.split("\n"), start=1):
        line_start, offset = offset, offset + len(line) + 1
        stripped = line.rstrip().lstrip("\ufeff")
        match = _TAG.match(stripped)
        after_blank, blank = blank, not stripped.strip()
        if match is None:
            if (current is not None and not current.closed and current.tags and stripped.strip()
                    and current.tags[-1][0] in UNWRAPPED_TAGS):  # text no exporter wraps a year or a page into
                findings.append(_finding(file, text, starts, line_start, line,
                                         f"a line without a tag after {current.tags[-1][0]}, whose value no exporter "
                                         "wraps: kept as a note (N1)"))
                current.tags.append(("N1", composed_text(stripped.strip())))
                current.end = line_start + len(line)
            elif current is not None and not current.closed and current.tags and stripped.strip():
                tag, value = current.tags[-1]
                joint = WRAP if tag in LINK_TAGS and value else " "
                if tag == "N1" and value and len(value.rsplit("\n", 1)[-1]) < NOTE_LINE:
                    joint = "\n"  # a note's next line (Web of Science's "Times Cited: ..." lines), as Zotero reads one
                if tag in PARAGRAPH_TAGS and value and after_blank:
                    joint = "\n\n"  # a blank line between an abstract's or a note's paragraphs (Zotero's reading)
                current.tags[-1] = (tag, f"{value}{joint}{composed_text(stripped.strip())}".strip())
                current.end = line_start + len(line)
            elif current is None and _EXPORT_HEADER.match(stripped):
                continue  # "Provider: JSTOR http://www.jstor.org": the export's header, no reference
            elif stripped.strip():
                findings.append(_finding(file, text, starts, line_start, line, "not an RIS tag line outside a record; skipped"))
            continue
        tag, value = match.group(1), composed_text((match.group(2) or "").strip())  # "Mun\u0303oz" is "Muñoz"
        if tag == "TY":
            if current is not None and not current.closed:
                findings.append(_finding(file, text, starts, current.start, "", f"record starting on line {current.start_line} has no ER line; closed at the next TY"))
                records.append(current)
            current = _Record(start_line=number, start=line_start)
        elif current is None or current.closed:
            if tag == "ER":
                findings.append(_finding(file, text, starts, line_start, line, "ER without a record; skipped"))
                continue
            findings.append(_finding(file, text, starts, line_start, line, f"{tag} line before TY: a record without a type (read as a generic document)"))
            current = _Record(start_line=number, start=line_start)
            current.tags.append(("TY", ""))
        if tag == "ER":
            current.closed = True
            current.end = line_start + len(line)
            records.append(current)
            continue
        current.tags.append((tag, value))
        current.end = line_start + len(line)
    if current is not None and not current.closed:
        if current.tags:
            findings.append(_finding(file, text, starts, current.start, "", f"record starting on line {current.start_line} has no ER line at the end of the file"))
            records.append(current)
    return records, findings


def _finding(file: str, text: str, starts: list[int], offset: int, raw: str, message: str, key: str | None = None) -> Finding:
    span = _span(file, starts, offset, offset + len(raw))
    return Finding(kind=Kind.MALFORMED_REFERENCE, severity=Severity.WARNING,
                   message=f"line {span.line}: {message}", reference=key, span=span)


def _span(file: str, starts: list[int], start: int, end: int) -> Span:
    line = bisect.bisect_right(starts, start)
    return Span(file=file, line=line, column=start - starts[line - 1] + 1, start=start, end=end)


def _pages(record: _Record) -> str:
    first, last = record.first("SP"), record.first("EP")
    if first and last and last != first:
        return f"{first}-{last}"
    return first or last


# JSTOR's full date, in C1 ("Full publication date: Jan., 1989") or in its older M1 ("ArticleType: research-article
# / Full publication date: Sep., 2004 / Copyright ..."), beside a PY of the year alone
_JSTOR_DATE = re.compile(r"\bFull publication date:\s*([^/]+?)\s*(?:/|$)", re.IGNORECASE)


def _dates(record: _Record) -> RisDate:
    """PY, Y1 and DA; JSTOR's "Full publication date" (C1, M1) when they give no more than the year."""
    dates = read_dates(record.first("PY"), record.first("Y1"), record.first("DA"))
    if dates.full or record.first("DA"):
        return dates
    for tag in ("C1", "M1"):
        said = _JSTOR_DATE.search(record.first(tag))
        jstor = read_dates(record.first("PY"), record.first("Y1"), said.group(1)) if said else None
        if jstor is not None and jstor.full and jstor.year == dates.year:
            return dataclasses.replace(dates, full=jstor.full)
    return dates


def _accessed(record: _Record) -> str:
    """Y2, the access date, as an ISO date (``parse.ris_dates.access_day``: Zotero's time of access kept)."""
    return access_day(record.first("Y2"))


_URL_START = re.compile(r"^(?:[a-z][a-z0-9+.-]*://|www\.)", re.IGNORECASE)


@dataclass(frozen=True)
class _Rejoined:
    """A URL or DOI value a line wrap split: as written (with the line break) and rejoined."""

    what: str  # "URL" or "DOI"
    raw: str
    joined: str


def _urls(record: _Record, rejoined: list[_Rejoined]) -> tuple[Url, ...]:
    urls: list[str] = []
    for value in record.values("UR"):
        lines = value.split(WRAP)
        parts = lines[0].split()  # some exporters put several URLs on one line
        for line in lines[1:]:
            pieces = line.split()
            if parts and pieces and not _URL_START.match(pieces[0]):  # the wrapped rest of the last URL
                rejoined.append(_Rejoined("URL", f"{parts[-1]}\n{pieces[0]}", parts[-1] + pieces[0]))
                parts[-1] += pieces.pop(0)
            parts.extend(pieces)
        urls.extend(parts)
    return tuple(Url(url=part, raw=part) for part in urls)


def _link_value(value: str, what: str, rejoined: list[_Rejoined]) -> str:
    """A DOI-like value with its wrapped lines joined (no space)."""
    if WRAP not in value:
        return value
    joined = "".join(piece.strip() for piece in value.split(WRAP))
    rejoined.append(_Rejoined(what, value, joined))
    return joined


def _says_no_date(record: _Record) -> bool:
    """PY, Y1 or DA says "n.d." (or "no date", "undated")."""
    return any(re.fullmatch(r"\s*(?:n\.\s?d\.?|no date|undated)\s*", record.first(tag), re.IGNORECASE)
               for tag in ("PY", "Y1", "DA"))


def _no_year(year: int | None, span: Span, no_date: bool) -> tuple[Finding, ...]:
    """A record without a year, as the free-text path reports one (its year is unknown, not n.d.)."""
    if year is not None or no_date:
        return ()
    return (Finding(kind=Kind.MALFORMED_REFERENCE, severity=Severity.WARNING, span=span,
                    message=f"line {span.line}: record has no year (PY, Y1 or DA) nor n.d."),)


def _repair_findings(rejoined: list[_Rejoined], raw: str, span: Span) -> tuple[Finding, ...]:
    """``url-repaired`` findings, as the free-text path gives for a URL wrapped over lines; the fix
    rewrites the value on one line (found inside the record's text)."""
    findings = []
    for item in sorted(rejoined, key=lambda r: raw.find(_as_written(r.raw, raw))):  # in the record's order
        before = _as_written(item.raw, raw)
        fix = Fix(Target.REFERENCE, "url" if item.what == "URL" else "doi", before, item.joined, locations=(span,))
        message = (f"line {span.line}: {item.what} repaired (joined a {item.what} broken across lines): "
                   f"{item.raw.replace(WRAP, ' ')} -> {item.joined}")
        findings.append(Finding(kind=Kind.URL_REPAIRED, severity=Severity.INFO, message=message, span=span, fix=fix))
    return tuple(findings)


def _as_written(value: str, raw: str) -> str:
    """``value`` (pieces joined by WRAP) as the record's text has it: the line break with its blanks."""
    pieces = [re.escape(p.strip()) for p in value.split(WRAP)]
    match = re.search(r"[ \t]*\r?\n[ \t]*".join(pieces), raw)
    return match.group(0) if match else value


def record_to_reference(record: _Record, raw: str, span: Span) -> tuple[Reference, list[str]]:
    """One record, and the problems found in it (messages)."""
    problems: list[str] = []
    rejoined: list[_Rejoined] = []
    ty = record.first("TY").upper()
    kind = _said_kind(ty, record.first("M3")) or _genre_kind(ty, record.first("M3")) or RIS_TYPES.get(ty, EntryType.DOCUMENT)
    if ty and ty not in RIS_TYPES and kind is EntryType.DOCUMENT:
        problems.append(f"unknown RIS type {ty!r}; read as a generic document")
    dates = _dates(record)
    year, full_date = dates.year, dates.full
    extra: list[tuple[str, str]] = list(dates.extra)
    if full_date:
        extra.append(("date", full_date))
    if dates.unread:
        extra.append(("ris:DA", dates.unread))  # a DA no date is read from: kept, not dropped
    if ty == MANUSCRIPT_TAG and kind is EntryType.DOCUMENT:  # CSL's manuscript (biblatex's @unpublished)
        extra.append(("csl:type", "manuscript"))
    isbn, number = "", ""
    issns: list[str] = []
    number_tag = crosswalk.RIS_NUMBER_TAGS.get(kind.value, "IS")
    for said in record.values("SN"):
        value, label = _sn_label(said)
        if _ISSN.match(value.strip()) or label == "issn" and value.strip():
            issns.append(value.strip())  # print and electronic: one field, as CSL's ISSN list is read
        elif number_tag == "SN" and not number and not _valid_isbn(value):
            number = value.strip()  # a report's or patent's number
        elif not isbn:
            isbn = value.strip()
        else:
            extra.append(("ris:SN", value.strip()))
    if issns:
        extra.append(("issn", ", ".join(dict.fromkeys(issns))))
    if number_tag in ("M1", "SV"):
        number = record.first(number_tag)  # a book's or chapter's number in its series
    if number and record.first("IS"):
        extra.append(("ris:IS", record.first("IS")))
    container = _container(record, kind)
    aliased = _aliased_fields(record, container)
    extra.extend((name, value) for _, name, value in aliased)
    translators = [parse_ris_name(v) for v in record.values("A4")]  # RIS's "subsidiary author"
    if translators:
        extra.append(("translator", names_text(translators)))
    # one KW a keyword, or several on one line split by semicolons (Scopus's "Carbon; Soil"), as Zotero reads them
    keywords = [k.strip() for value in record.values("KW") for k in value.split(";") if k.strip()]
    if keywords:
        extra.append(("keywords", crosswalk.keywords_text(keywords)))
    extra.extend(_crosswalk_fields(record, kind))
    typed = _typed_fields(record, kind)
    extra.extend((name, value) for name, value in typed.fields if name != "edition")
    authors = tuple(parse_ris_name(v) for v in record.values("AU", "A1"))
    editors = tuple(parse_ris_name(v) for v in record.values("ED", *(() if kind is EntryType.LEGAL_CASE else ("A2",))))
    if ty in DIRECTED_TAGS and authors and not editors:
        authors, editors = (), authors  # the director
        extra.append(("editortype", "director"))
    read_aliases = {(tag, value) for tag, _, value in aliased}
    m3_doi = _m3_doi(record)
    repeated = {("N2", record.first("AB")), ("L3", record.first("DO")), ("L3", _doi(record.first("DO")))}
    # the files an M2 ``tex.file: ...`` line gives (``emit.ris``: JabRef's field, with their descriptions) are its L1s
    described = {one.path for name, value in typed.fields if name == "file" for one in attached_files(value)}
    for tag, value in record.tags:
        if (tag, value.strip()) in read_aliases:
            continue  # read as its BibLaTeX field (``_aliased_fields``)
        if tag in LEFTOVER_CONTAINER_TAGS and value.strip() and value.strip() != container:
            extra.append((f"ris:{tag}", value.strip()))  # a second journal name: kept, not dropped
            continue
        if tag == "M3" and m3_doi and _doi(value) == m3_doi:
            continue  # the DOI (``_m3_doi``)
        if tag == "M3" and (kind in TYPE_OF_WORK and not _DOI.match(value) or _said_kind(ty, value)):
            continue  # read as ``type`` (``_crosswalk_fields``)
        if tag == number_tag and number and value.strip() == number:
            continue  # the entry's number (M1, SV)
        if tag == "L1" and _link_value(value.strip(), "URL", []) in described:
            continue  # a file of the ``file`` field read from M2
        if (tag, value.strip()) in repeated:
            continue  # EBSCO's N2 that repeats AB, its L3 that repeats the DOI
        if tag == crosswalk.RIS_KEYED and year_suffix(value):
            continue  # the year's letter (``year_suffix``)
        archived = crosswalk.FROM_RIS_ARCHIVE.get(tag)
        if archived and value.strip() and archived not in dict(extra):  # DB the archive, AN the place in it
            extra.append((archived, value.strip()))  # (``crosswalk.RIS_ARCHIVE``: Zotero's RIS.js)
            continue
        if tag not in KNOWN and value.strip() and (tag, value) not in typed.read:
            extra.append((f"ris:{tag}", _link_value(value.strip(), "URL", rejoined) if tag in LINK_TAGS else value.strip()))
    ref = Reference(
        raw=raw, span=span, type=kind, key=record.first("ID"),
        authors=authors, editors=editors, year=year, no_date=year is None and (dates.no_date or _says_no_date(record)),
        year_suffix=next((year_suffix(v) for v in record.values(crosswalk.RIS_KEYED) if year_suffix(v)), ""),
        title=record.first("TI", "T1"),
        container=typed.container or container,
        publisher=record.first("PB"), place=typed.place or record.first("CY"), volume=record.first("VL"),
        issue=number or record.first("IS"), pages=typed.pages if typed.pages is not None else _pages(record),
        edition=dict(typed.fields).get("edition", "") if kind in VERSIONED else record.first("ET"),
        urls=_with_snapshots(_urls(record, rejoined)), doi=_doi(_link_value(record.first("DO"), "DOI", rejoined)) or m3_doi,
        isbn=isbn, accessed=_accessed(record), note="\n".join(_note_text(v) for v in record.values("N1")), extra=kept_type(extra),
        findings=_repair_findings(rejoined, raw, span),
    )
    if holds_no_work(ref):  # an entry set, a data container: no title, author or year of its own
        return ref, problems
    ref = dataclasses.replace(ref, findings=_no_year(year, span, ref.no_date) + ref.findings)
    if not ref.title and not ref.authors:
        problems.append("record has neither a title (TI) nor an author (AU)")
    return ref, problems


# Zotero writes a child note as its HTML, "<p>My note with <b>HTML</b></p>" (its RIS import reads the HTML back):
# in a .bib, CSL-JSON or RIS note, which is text, the tags were printed as written ("\textless{}p\textgreater{}")
_BLOCK = r"(?:p|div|h[1-6]|ul|ol|li|blockquote|pre|table|tr|td)"
_HTML_NOTE = re.compile(rf"\A\s*<{_BLOCK}\b[^<>]*>.*</{_BLOCK}>\s*\Z", re.DOTALL | re.IGNORECASE)
_BLOCK_END = re.compile(rf"</{_BLOCK}>\s*", re.IGNORECASE)
_LINE_BREAK = re.compile(r"<br\s*/?>", re.IGNORECASE)
_HTML_TAG = re.compile(r"<[^<>]*>")


def _html_note_text(value: str) -> str:
    """A note Zotero wrote as HTML, as text: each block a paragraph, ``<br>`` a line break, entities decoded."""
    text = _HTML_TAG.sub("", _BLOCK_END.sub("\n\n", _LINE_BREAK.sub("\n", value.replace("\n", " "))))
    return html.unescape(text)


def _note_text(value: str) -> str:
    """An N1 value's lines, blanks squeezed, its paragraphs (a blank line read between them) kept; a note
    Zotero wrote as HTML as its text."""
    if _HTML_NOTE.match(value):
        value = _html_note_text(value)
    return "\n\n".join("\n".join(" ".join(line.split()) for line in paragraph.split("\n") if line.strip())
                       for paragraph in value.split("\n\n") if paragraph.strip())


def _container(record: _Record, kind: EntryType) -> str:
    """The container: the first of T2, JF, JO, JA, BT (a case's reporter: A2 after them)."""
    return record.first(*CONTAINER_TAGS, *(("A2",) if kind is EntryType.LEGAL_CASE else ()))


# Journal tags not chosen as the container: kept (as ``ris:XX``) when they name it otherwise; JA, JO
# and Web of Science's JI are the journal's abbreviation (``crosswalk.RIS_ALIASES``) when it is free
LEFTOVER_CONTAINER_TAGS = frozenset({"JO", "JF", "JA", "BT"})


def _aliased_fields(record: _Record, container: str) -> list[tuple[str, str, str]]:
    """(tag, BibLaTeX field, value) for AB and the tags ``crosswalk.RIS_ALIASES`` reads as a field when
    the record has none of its own: N2 the abstract (AB first), JA the short journal (J2 first) when
    another tag gave the container, then JO (EndNote's beside JF) and JI (Web of Science's ISO abbreviation).
    Zotero reads them so (RIS.js: N2 abstractNote, JA and JO journalAbbreviation)."""
    found = {"abstract": record.first("AB"), "shortjournal": record.first(crosswalk.RIS_TAGS["shortjournal"])}
    pairs = [("AB", "abstract", found["abstract"])] if found["abstract"] else []
    for tag, name in crosswalk.RIS_ALIASES.items():
        value = record.first(tag)
        if value and not found[name] and not (tag in CONTAINER_TAGS and value == container):
            found[name] = value
            pairs.append((tag, name, value))
    return pairs


@dataclass(frozen=True)
class _Typed:
    """What a record's type-specific tags give (``emit.crosswalk.RIS_TYPED``, M2 ``key: value``
    lines): BibLaTeX fields, the model's slots they change (None: as generically read), and the
    (tag, value) lines so read (not kept as ``ris:XX``)."""

    fields: tuple[tuple[str, str], ...] = ()
    read: frozenset[tuple[str, str]] = frozenset()
    container: str = ""
    place: str = ""
    pages: str | None = None


VERSIONED = crosswalk.RIS_TYPED["version"][1]  # types whose ET is their version (COMP, DATA)
_PMCID = re.compile(r"^\s*PMC\d+\s*$", re.IGNORECASE)
_ORIGINAL_DATE = re.compile(r"^\s*\d{4}[^A-Za-z]*$")  # 1850, 1850/03/, 1850-03, 1850~, 1850/1860


def _typed_fields(record: _Record, kind: EntryType) -> _Typed:
    """The type-specific tags of ``emit.crosswalk``: a conference paper's T2 (the conference) and
    CY (its place) beside C3 (the proceedings, the container) and C1 (the place of publication); a
    book's or thesis's lone SP (its number of pages; SE its pages); OP an original date; an
    article's C2 a PMCID (``PMC...``); ET the version of software and data sets; and M2 lines
    ``key: value`` (``crosswalk.ris_keyed_field``). Without C3 or C1 a conference paper's T2 and
    CY are its proceedings and place, as databases write them."""
    fields: dict[str, str] = {}
    read: set[tuple[str, str]] = set()

    def take(tag: str, name: str, raw: str, value: str | None = None) -> None:
        if raw.strip() and name not in fields:  # a second value for a field stays ``ris:XX``
            fields[name] = raw.strip() if value is None else value
            read.add((tag, raw))

    container = place = ""
    pages = None
    if kind == EntryType.CONFERENCE:
        container, place = record.first(crosswalk.RIS_PROCEEDINGS), record.first(crosswalk.RIS_PUBLISHED_IN)
        read |= {(crosswalk.RIS_PROCEEDINGS, _raw(record, crosswalk.RIS_PROCEEDINGS)),
                 (crosswalk.RIS_PUBLISHED_IN, _raw(record, crosswalk.RIS_PUBLISHED_IN))}
        if container and record.first("T2") != container:
            take("T2", "eventtitle", _raw(record, "T2"))
        if place:
            take("CY", "venue", _raw(record, "CY"))
    if kind in crosswalk.RIS_TYPED["pagetotal"][1] and not record.first("EP") and not _RANGE.match(record.first("SP")):
        take("SP", "pagetotal", _raw(record, "SP"))
        pages = record.first("SE")
        read.add(("SE", _raw(record, "SE")))
    if kind in crosswalk.RIS_TYPED["origdate"][1] and _ORIGINAL_DATE.match(record.first("OP")):
        take("OP", "origdate", _raw(record, "OP"))
    if kind in crosswalk.RIS_TYPED["pmcid"][1] and _PMCID.match(record.first("C2")):
        take("C2", "pmcid", _raw(record, "C2"))
    if kind in crosswalk.RIS_TYPED["eid"][1]:  # Scopus's and Web of Science's article number
        take("C7", "eid", _raw(record, "C7"))
    if kind in VERSIONED:
        take("ET", "version", _raw(record, "ET"))
    names: dict[str, list[Name]] = {}
    for raw in record.values(crosswalk.RIS_KEYED):
        keyed = crosswalk.ris_keyed_field(raw)
        if keyed and keyed[0] in crosswalk.RIS_KEYED_NAMES:  # one line per name: ``key: Family || Given``
            names.setdefault(keyed[0], []).append(keyed_name(keyed[1]))
            read.add((crosswalk.RIS_KEYED, raw))
        elif keyed and (keyed[0] != "edition" or kind in VERSIONED):  # elsewhere ET is the edition
            variable = crosswalk.csl_variable_of_field(keyed[0])  # "tex.csl-type: map": CSL's, as a .bib's field
            take(crosswalk.RIS_KEYED, f"csl:{variable}" if variable else keyed[0], raw, keyed[1])
    for name, found in names.items():
        fields.setdefault(name, names_text(found))
    return _Typed(tuple(fields.items()), frozenset(read), container, place, pages)


_YEAR_SUFFIX_LINE = re.compile(r"^\s*year[- ]suffix\s*:\s*([a-z]{1,2})\s*$", re.IGNORECASE)


def year_suffix(line: str) -> str:
    """The year's letter an M2 line ``year-suffix: a`` gives (``emit.crosswalk.YEAR_SUFFIX_KEY``: "2019a"), else ""."""
    match = _YEAR_SUFFIX_LINE.match(line)
    return match.group(1).lower() if match else ""


def keyed_name(text: str) -> Name:
    """A name of an M2 line (Zotero's Extra form): ``Family || Given``, else a literal name."""
    family, bar, given = text.partition("||")
    if not bar:
        return Name(literal=text.strip(), raw=text)
    if not family.strip():
        return Name(literal=given.strip(), raw=text)
    # as an AU line: "van Gogh, V." has the particle "van"
    return parse_ris_name(f"{family.strip()}, {given.strip()}" if given.strip() else f"{family.strip()},")


def _raw(record: _Record, tag: str) -> str:
    """The first non-blank value of ``tag`` as the record has it (unstripped), or ""."""
    return next((v for t, v in record.tags if t == tag and v.strip()), "")


_SN_LABEL = re.compile(r"^(.*?)\s*\(\s*(e-?issn|issn|isbn|print|electronic|online|linking)\s*\)\s*$", re.IGNORECASE)


def _sn_label(value: str) -> tuple[str, str]:
    """An SN value without the label Scopus and MEDLINE-derived exports put after it ("00167061 (ISSN)",
    "1533-4406 (Electronic)"), and the label's kind: "issn", "isbn" or ""."""
    match = _SN_LABEL.match(value)
    if not match:
        return value, ""
    label = match.group(2).lower()
    return match.group(1), "isbn" if label == "isbn" else "issn"


def _valid_isbn(value: str) -> bool:
    """An ISBN-10 or ISBN-13 (hyphens and blanks allowed) whose check digit is right."""
    digits = re.sub(r"[\s-]", "", value).upper()
    if re.fullmatch(r"\d{9}[\dX]", digits):
        return sum((10 - i) * (10 if c == "X" else int(c)) for i, c in enumerate(digits)) % 11 == 0
    if re.fullmatch(r"97[89]\d{10}", digits):
        return sum((3 if i % 2 else 1) * int(c) for i, c in enumerate(digits)) % 10 == 0
    return False


def isbn_or_issn(value: str) -> bool:
    """Whether an SN value reads as an ISBN or an ISSN (not as a report's or patent's number)."""
    return bool(_ISSN.match(value.strip())) or _valid_isbn(value)


# RIS types whose M3 says what the entry is, as ``emit.ris`` writes an interview (Zotero's PCOMM)
# and a preprint (GEN, which Zotero writes for one; UNPB, "unpublished work", as some tools do)
_SAID_KINDS = {("PCOMM", "interview"): EntryType.INTERVIEW, ("GEN", "preprint"): EntryType.PREPRINT,
               ("UNPB", "preprint"): EntryType.PREPRINT, ("MPCT", "broadcast"): EntryType.BROADCAST,
               ("SOUND", "broadcast"): EntryType.BROADCAST}
# a broadcast's genre in M3 ("TV series episode", "Audio podcast"): a TV broadcast's MPCT, a radio
# broadcast's or podcast's SOUND (Zotero's RIS.js), kept as the entry's ``type``
_BROADCAST_GENRE = re.compile(r"^(?:(?:tv|television|radio|web)\s+(?:series|program(?:me)?|broadcast|show|episode)"
                              r"|(?:audio\s+|video\s+)?podcast)\b", re.IGNORECASE)


def _said_kind(ty: str, work: str) -> EntryType | None:
    return _SAID_KINDS.get((ty, work.strip().lower()))


def _genre_kind(ty: str, work: str) -> EntryType | None:
    """The kind a genre in M3 gives a record of a type it shares: a broadcast's MPCT or SOUND."""
    return EntryType.BROADCAST if ty in ("MPCT", "SOUND") and _BROADCAST_GENRE.match(work.strip()) else None


def _crosswalk_fields(record: _Record, kind: EntryType) -> list[tuple[str, str]]:
    """``extra`` pairs, under BibLaTeX names, for the tags ``emit.crosswalk`` maps (ST, J2, T3, L1,
    LA, and M3 for the types whose type of work biblatex's ``type`` holds)."""
    pairs = [(name, record.first(tag)) for tag, name in crosswalk.FROM_RIS.items() if record.first(tag)]
    if record.first("LA"):
        pairs.append(crosswalk.language_fields(record.first("LA")))
    work = record.first("M3")
    if work and kind in TYPE_OF_WORK and not _DOI.match(work) and _said_kind(record.first("TY").upper(), work) is None:
        pairs.append(("type", crosswalk.genre_key(work)))
    return pairs


def _m3_doi(record: _Record) -> str:
    """The DOI an M3 gives ("doi: 10.1016/...", as ScienceDirect's and Springer's RIS write it) when the
    record has no DO: Zotero's RIS.js reads M3 so."""
    value = record.first("M3")
    return _doi(value) if not record.first("DO") and _DOI.match(value) else ""


def _doi(value: str) -> str:
    return re.sub(r"^(?:https?://(?:dx\.)?doi\.org/|doi:\s*)", "", value.strip(), flags=re.IGNORECASE)


def _with_snapshots(urls: tuple[Url, ...]) -> tuple[Url, ...]:
    """An archive URL that follows its original becomes the original's snapshot."""
    out: list[Url] = []
    for url in urls:
        snapshot = wayback_snapshot(url.url)
        if snapshot is not None and out and out[-1].snapshot is None and out[-1].url == snapshot.original:
            out[-1] = Url(url=out[-1].url, raw=out[-1].raw, snapshot=snapshot)
        else:
            out.append(url)
    return tuple(out)


def parse_ris(text: str, file: str) -> tuple[tuple[Reference, ...], tuple[Finding, ...]]:
    """Every record of an RIS file, and findings for malformed ones (each naming its line)."""
    starts = [0] + [i + 1 for i, ch in enumerate(text) if ch == "\n"]
    records, findings = _split_records(text, file, starts)
    refs: list[Reference] = []
    for record in records:
        if not record.first("TY") and not record.first("TI", "T1", "AU", "A1", *CONTAINER_TAGS):
            # stray tag lines outside a record (no TY, nothing a reference has): skipped, and said
            tags = ", ".join(dict.fromkeys(tag for tag, _ in record.tags if tag != "TY"))
            findings = [f for f in findings if not (f.span and f.span.start == record.start)]  # said once, here
            findings.append(_finding(file, text, starts, record.start, text[record.start:record.end],
                                     f"{tags or 'tag'} line(s) outside a record (no TY, no title nor author); skipped"))
            continue
        raw = text[record.start : record.end]
        span = _span(file, starts, record.start, record.end)
        ref, problems = record_to_reference(record, raw, span)
        ref = names_as_written_back(ref)  # "{\\relax Ch}ristopher Lee" on an M2 line (``emit.ris``)
        findings.extend(
            Finding(kind=Kind.MALFORMED_REFERENCE, severity=Severity.WARNING, message=f"line {span.line}: {p}",
                    reference=ref.key or None, span=span)
            for p in problems
        )
        refs.append(ref)
    findings.sort(key=lambda f: f.span.start if f.span else 0)
    return tuple(refs), tuple(findings)

