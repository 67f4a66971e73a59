"""References -> RIS, the tagged format of reference managers (EndNote, Zotero, Mendeley).

Each record is ``TY`` ... ``ER`` with the tags ``parse.ris`` reads, in a fixed order:
TY, ID (the key), AU (``Family, Given, Suffix``; an organisation as written), ED, A4 (translators),
TI, T2 (container), PY (year; "n.d." or a publication state in words when there is none), DA (full
date from ``extra``; a season, EDTF's month 21-24, in its "other" part: ``2001///Spring``; circa in
words, ``circa 1850``; another EDTF date as it is, ``1999/2000``: ``date_pairs``), VL, IS, SP/EP (a range is
split at its dash), ET, PB, CY, SN (ISBN, then ISSN), DO, UR (every URL; an archived
copy follows its original as another UR), Y2 (access date, ``YYYY/MM/DD`` when ISO), AB (its paragraphs on
the lines after it, a blank line between them, as Zotero writes and reads them), KW (one per keyword), N1 (one a
line of the note; a note in paragraphs one N1, as AB), the BibLaTeX fields ``emit.crosswalk`` maps to tags (ST short
title, J2 short journal, T3 series, NV number of volumes, L1 file (one a file: its path, ``emit.file_field``; the
descriptions and types JabRef's field gives them on an M2 line ``tex.file: ...``), LA language: a ``langid`` as its BCP 47 tag,
M3 the type of work: ``phdthesis`` as "PhD thesis"), OP (original date) and C2 (PMCID), the
M2 ``key: value`` lines, then ``extra`` pairs kept as ``ris:XX``.
Tags by type (``crosswalk.RIS_TYPED``, the RIS specification's and Zotero's RIS.js's): a conference
paper's T2 is the conference (``eventtitle``) when C3 holds the proceedings' title, and CY its place
(``venue``) when C1 holds the place of publication; a report's or patent's number is SN (before its
ISBN), a book's M1 and a chapter's SV (its number in the series); a book's or thesis's SP is its
number of pages (``pagetotal``), its pages then SE unless a range; the ET of software and data sets
is their version (an edition goes to M2). A field no tool has a tag for (``eventdate``, ``pmid``,
``eprint`` ..., or one whose tag would be ambiguous) is an M2 line ``key: value``
(``crosswalk.ris_keyed_line``), which Zotero reads into its Extra field.
A list cut short (BibTeX's ``and others``) ends with the author ``others``, which ``parse.ris``
reads back as such. Any other BibLaTeX field (``addendum``, ``annotation``, JabRef's ``owner``) is an
M2 line ``tex.NAME: value``, as Better BibTeX writes one into Zotero's Extra field; what is no
field (a CSL variable kept as ``csl:NAME`` ...) is left out with one warning per record naming the file,
the key and the fields. Values are plain text
on one line (RIS has no markup; newlines become spaces). Records are separated by a
blank line; the output ends with a newline. Byte-stable: same records, same text.
"""
from __future__ import annotations

import logging
import re
from collections.abc import Iterable, Iterator, Sequence

from ..model import EntryType, Name, Reference
from ..model.names import with_particle
from ..parse.paragraphs import PARAGRAPH_BREAK, joined, plain_paragraphs
from . import crosswalk
from .bibtex import (BIBTEX_TYPE, CITATION_KEY, CSL_TYPE, REFERENCE_TYPE, is_manuscript, unsaid_csl_type,
                     written_name_lists)
from .bibtex_classic import PUBSTATE_WORDS, YEAR_AS_WRITTEN
from .file_field import attached_files, described, file_field
from .keys import assign_keys
from .place import entry_place

logger = logging.getLogger(__name__)

TYPE_TAGS = {
    EntryType.ARTICLE: "JOUR", EntryType.NEWS: "NEWS", EntryType.MAGAZINE: "MGZN", EntryType.BOOK: "BOOK",
    EntryType.CHAPTER: "CHAP", EntryType.CONFERENCE: "CPAPER", EntryType.REPORT: "RPRT",
    EntryType.THESIS: "THES", EntryType.WEBPAGE: "ELEC", EntryType.DOCUMENT: "GEN",
    EntryType.PATENT: "PAT", EntryType.DATASET: "DATA", EntryType.SOFTWARE: "COMP",
    # zotero/translators RIS.js: a presentation is SLIDE (T2 its meeting, CY its place); an interview
    # PCOMM (its degenerate type); a preprint, which no RIS type names, the default GEN. The M3 words
    # (``SAID_TYPES``) tell the last two apart from a letter and a generic document.
    EntryType.PRESENTATION: "SLIDE", EntryType.INTERVIEW: "PCOMM", EntryType.PREPRINT: "GEN",
    # RIS.js: a film is MPCT (AU its director, PB its distributor), a TV broadcast MPCT, a radio broadcast
    # and a podcast SOUND (``broadcast_tag``; M3, the genre or "Broadcast", tells them from a film or a
    # recording); a case CASE (the RIS specification's Case.csv and RIS.js agree: A2 the reporter, VL
    # its volume, SP the first page, PB the court)
    EntryType.FILM: "MPCT", EntryType.BROADCAST: "MPCT", EntryType.LEGAL_CASE: "CASE",
}
SAID_TYPES = {EntryType.INTERVIEW: "Interview", EntryType.PREPRINT: "Preprint",  # their M3 when no genre is given
              EntryType.BROADCAST: "Broadcast"}
DIRECTED = frozenset({EntryType.FILM, EntryType.BROADCAST})  # types whose AU is the director (RIS.js)
_SOUND = re.compile(r"\b(?:audio|radio|podcast|sound)\b", re.IGNORECASE)  # a broadcast one hears: SOUND
_RANGE = re.compile(r"^\s*([^\s\u2013\u2014-]+)\s*(?:-+|\u2013|\u2014)\s*(\S+)\s*$")
_ISO = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")
_BLANKS = re.compile(r"[^\S\u2009\u202f]+")  # blanks on one line; a thin space (LaTeX's ``\\,``) is kept
# ``extra`` names written by their own tags, or citecheck's own notes (never a field of the user's)
WRITTEN = frozenset({"translator", "date", "issn", "abstract", "keywords", "langid", "language", "type", "editortype",
                     "doi_fragment", "csl:type", "csl:zotero-uri", *crosswalk.RIS_TAGS, *crosswalk.RIS_KEYS,
                     *crosswalk.RIS_ARCHIVE})
_OWN_NOTES = ("bibtex:", "latex:", "ris:")


def ris_name(name: Name) -> str:
    if name.is_literal:
        return name.literal
    family = with_particle(name.particle, name.family)
    return ", ".join(p for p in (family, name.given, name.suffix) if p) if name.given or name.suffix else family + ","


def _ris_date(iso: str, time: str = "") -> str:
    match = _ISO.match(iso.strip())
    if not match:
        return iso
    year, month, day = match.groups()
    if month and int(month) in crosswalk.SEASON_NAMES:  # EDTF's season: DA's "other" part, as its name
        return f"{year}///{crosswalk.SEASON_NAMES[int(month)]}"
    return f"{year}/{month or ''}/{day or ''}/{time}" if month else year  # a time of day: the "other" part


_CIRCA = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?~$")  # EDTF's approximate date: 1850~, 1850-03~
_EDTF = re.compile(r"^(?:\d{4}|\.\.)[0-9X/\-~?%.]*$")  # a date biblatex reads that RIS's date cannot hold
NO_DATE_WORDS = "n.d."


def date_pairs(ref: Reference, dates: list[str], pubstate: str) -> list[tuple[str, str]]:
    """PY (the year; "n.d." or a publication state in words, "in press", when there is none) and DA,
    the full date: ``YYYY/MM/DD/`` for an ISO date, a season in its "other" part (``2001///Spring``),
    circa in words before it (``circa 1850``: Zotero's RIS import keeps a DA it cannot split as
    written, and ``parse.ris`` reads it back as ``1850~``), and another EDTF date (a range
    ``1999/2000``, ``1850?``) as it is."""
    if ref.year is None:
        if not ref.no_date:  # a date in words no year is read from ("sometime in the 1990s"): DA as written,
            words = next((v.strip() for k, v in ref.extra if k == YEAR_AS_WRITTEN and v.strip()), "")
            return [("DA", words)] if words else []  # which Zotero keeps so and parse.ris keeps as ris:DA
        return [("PY", PUBSTATE_WORDS.get(pubstate.strip().lower(), NO_DATE_WORDS) if pubstate.strip() else NO_DATE_WORDS)]
    pairs = [("PY", str(ref.year))]
    date, time = crosswalk.without_time_of_day(next((d.strip() for d in dates if d.strip()), ""))
    if not date.startswith(f"{ref.year:04d}") or date == f"{ref.year:04d}":
        return pairs
    circa = _CIRCA.match(date)
    if _ISO.match(date):  # (an ISO date is EDTF too: written once, as RIS's date)
        pairs.append(("DA", _ris_date(date, time if "/" not in time else "")))
    if "/" in time or time and not _ISO.match(date):  # DA's "other" part holds one time, of one date
        logger.warning("%s: RIS's date holds no time of day for this date; %s left out", entry_place(ref), time)
    elif circa:
        pairs.append(("DA", "circa " + "/".join(p for p in circa.groups() if p)))
    elif _EDTF.match(date) and not _ISO.match(date):  # (an ISO date is DA's ``YYYY/MM/DD/`` above, once)
        pairs.append(("DA", date))
    return pairs


def _line(tag: str, value: str) -> str:
    if tag in _LONG_TAGS and "\n" in value.strip():  # an abstract's or a note's paragraphs: the lines after
        lines = [line.strip(" \t\r") for line in value.strip().split("\n")]  # the tag's continue it, a blank
        return f"{tag}  - " + "\n".join(_BLANKS.sub(" ", line) for line in lines)  # line between paragraphs
    return f"{tag}  - {_BLANKS.sub(' ', value).strip()}"


_LONG_TAGS = frozenset({"AB", "N1"})


def _pages(pages: str) -> list[tuple[str, str]]:
    match = _RANGE.match(pages)
    if match:
        return [("SP", match.group(1)), ("EP", match.group(2))]
    return [("SP", pages)] if pages.strip() else []


def record_lines(ref: Reference) -> list[str]:
    """The RIS lines of one record, TY to ER."""
    ref = crosswalk.number_as_issue(ref)  # a free-text report's number: the type's number tag
    extra = list(ref.extra)
    take = lambda name: [v for k, v in extra if k == name]  # noqa: E731
    first = {name: values[0] for name in (*crosswalk.RIS_TYPED, *crosswalk.RIS_KEYS)
             if (values := [v for v in take(name) if v.strip()])}
    typed = _typed_fields(ref, first)
    pairs: list[tuple[str, str]] = [("TY", broadcast_tag(ref) if ref.type is EntryType.BROADCAST else
                                     "MANSCPT" if is_manuscript(ref) else TYPE_TAGS[ref.type])]  # RIS.js's manuscript
    if ref.key:
        pairs.append(("ID", ref.key))
    directors = ref.type in DIRECTED and not ref.authors and (take("editortype") or [""])[0].strip().lower() == "director"
    pairs += [("AU", ris_name(n)) for n in ref.authors]  # "others": a list cut short, read back so
    pairs += [("AU" if directors else "ED", ris_name(n)) for n in ref.editors]  # a film's director is its AU
    for value in take("translator")[:1]:  # a BibTeX name list (``parse.bibtex.names_text``)
        from ..parse.bibtex import parse_names

        pairs += [("A4", ris_name(n)) for n in parse_names(value)]
    if "eventtitle" in typed:  # a conference paper: T2 the conference, C3 the proceedings
        pairs += [("TI", ref.title), ("T2", first["eventtitle"]), (crosswalk.RIS_PROCEEDINGS, ref.container)]
    else:  # a case's reporter is A2
        pairs += [("TI", ref.title), ("A2" if ref.type is EntryType.LEGAL_CASE else "T2", ref.container)]
    pairs += date_pairs(ref, take("date"), (take("pubstate") or [""])[0])
    number_tag = _number_tag(ref)
    pairs += [("VL", ref.volume), ("IS", ref.issue if number_tag == "IS" else ""), *_page_pairs(ref, first, typed)]
    versioned = ref.type in crosswalk.RIS_TYPED["version"][1]  # ET is the version of software, data sets
    pairs.append(("ET", first.get("version", "") if versioned else ref.edition))
    places = [("C1", ref.place), ("CY", first["venue"])] if "venue" in typed else [("CY", ref.place)]
    pairs += [("PB", ref.publisher), *places, ("SN", ref.issue if number_tag == "SN" else ""), ("SN", ref.isbn)]
    pairs += [(tag, ref.issue if number_tag == tag else "") for tag in ("M1", "SV")]
    pairs += [("SN", v) for value in take("issn") for v in re.split(r"\s*[,;]\s*|\s+", value.strip()) if v]  # one each
    pairs.append(("DO", ref.doi))
    for url in ref.urls:
        pairs.append(("UR", url.url))
        if url.snapshot is not None:
            pairs.append(("UR", url.snapshot.url))
    if ref.accessed:  # a time of access in the "other" part, as Zotero writes it
        pairs.append(("Y2", _ris_date(*crosswalk.without_time_of_day(ref.accessed))))
    pairs += [("AB", joined(plain_paragraphs(v))) for v in take("abstract")[:1]]  # each paragraph one line
    for value in take("keywords")[:1]:
        pairs += [("KW", k) for k in crosswalk.keyword_items(value)]
    if PARAGRAPH_BREAK.search(ref.note):  # a note in paragraphs: one N1, its lines following it (Zotero's form)
        pairs.append(("N1", "\n\n".join("\n".join(" ".join(line.split()) for line in p.split("\n") if line.strip())
                                           for p in PARAGRAPH_BREAK.split(ref.note.strip()) if p.strip())))
    else:
        pairs += [("N1", line) for line in ref.note.split("\n")]
    pairs += [(tag, v) for name, tag in crosswalk.RIS_TAGS.items() for v in take(name)[:1] if name != "file"]
    pairs += [(tag, v) for name, tag in crosswalk.RIS_ARCHIVE.items() for v in take(name)[:1]]  # DB, AN (Zotero's)
    attached = [one for value in take("file") for one in attached_files(value)]  # a .bib's file field (JabRef's)
    pairs += [("L1", one.path) for one in attached] + [("L1", v) for v in take("ris:L1")]  # an RIS input's L1
    language = (take("langid") or [""])[0]
    pairs.append(("LA", crosswalk.bcp47(language) if language.strip() else (take("language") or [""])[0]))
    pairs += [("M3", crosswalk.genre_words(v)) for v in take("type")[:1] or [SAID_TYPES.get(ref.type, "")]]
    pairs += [(tag, first[name]) for name, tag in typed.items() if tag in ("OP", "C2", "C7")]
    keyed = [(name, value) for name, value in first.items() if name in crosswalk.RIS_KEYS and name not in typed]
    if versioned and ref.edition.strip():
        keyed.append(("edition", ref.edition))
    for name, value in keyed:
        pairs += [(crosswalk.RIS_KEYED, crosswalk.ris_keyed_line(name, line)) for line in _keyed_values(name, value)]
    if ref.year_suffix.strip() and (ref.year is not None or ref.no_date):  # "2019a": PY holds a year (``crosswalk``)
        pairs.append((crosswalk.RIS_KEYED, f"{crosswalk.YEAR_SUFFIX_KEY}: {ref.year_suffix.strip()}"))
    pairs += [(k[4:], v) for k, v in extra if k.startswith("ris:") and re.fullmatch(r"[A-Z][A-Z0-9]", k[4:]) and k != "ris:L1"]
    pairs += [(crosswalk.RIS_KEYED, f"tex.{name}: {value.strip()}") for name, value in _left_out(ref, extra)
              if _TEX_FIELD.match(name)]
    pairs += [(crosswalk.RIS_KEYED, f"tex.{name}: {value}") for name, value in written_name_lists(ref)]  # "{\relax Ch}"
    if described(attached):  # the files' descriptions and types, which L1 (a path) cannot hold: the field
        pairs.append((crosswalk.RIS_KEYED, f"tex.file: {file_field(attached)}"))  # (``parse.ris`` reads it back)
    _warn_left_out(ref, extra)
    return [_line(tag, value) for tag, value in pairs if value and value.strip()] + ["ER  - "]


def _keyed_values(name: str, value: str) -> list[str]:
    """The values of a field's M2 lines: one per name, ``Family || Given`` (Zotero's Extra form of a
    creator), for a name list (``crosswalk.RIS_KEYED_NAMES``); else the value."""
    if name not in crosswalk.RIS_KEYED_NAMES:
        return [value]
    from ..parse.bibtex import parse_names

    return [n.literal if n.is_literal else f"{with_particle(n.particle, n.family)} || "  # a suffix after the given
            + ", ".join(p for p in (n.given, n.suffix) if p) for n in parse_names(value)]  # names, as an AU line has it


def broadcast_tag(ref: Reference) -> str:
    """A broadcast's RIS type, as Zotero's RIS.js writes one: SOUND for a radio broadcast or a
    podcast (its genre says so: "Audio podcast"), MPCT for a TV broadcast."""
    genre = next((v for k, v in ref.extra if k == "type"), "")
    return "SOUND" if _SOUND.search(genre) else "MPCT"


_PMCID = re.compile(r"^PMC\d+$", re.IGNORECASE)
_ORIGINAL_DATE = re.compile(r"^\d{4}[^A-Za-z]*$")  # EDTF: 1850, 1850-03, 1850~, 1850/1860


def _typed_fields(ref: Reference, first: dict[str, str]) -> dict[str, str]:
    """BibLaTeX field -> the tag ``crosswalk.RIS_TYPED`` gives it in this record's type, when it
    is unambiguous there (the rest of ``crosswalk.RIS_KEYS`` is written on M2 lines): T2 and CY
    are a conference's name and place only beside the proceedings' title (C3, another title) and
    the place of publication (C1); C2 is a PMCID shaped ``PMC...``; OP an original date."""
    typed = {name: tag for name, (tag, types) in crosswalk.RIS_TYPED.items() if ref.type in types and name in first}
    if not ref.container.strip() or first.get("eventtitle", "").strip() == ref.container.strip():
        typed.pop("eventtitle", None)
    if not ref.place.strip():
        typed.pop("venue", None)
    if not _PMCID.match(first.get("pmcid", "").strip()):
        typed.pop("pmcid", None)
    if not _ORIGINAL_DATE.match(first.get("origdate", "").strip()):
        typed.pop("origdate", None)
    return typed


def _number_tag(ref: Reference) -> str:
    """The tag of the entry's number (``crosswalk.RIS_NUMBER_TAGS``; IS elsewhere, and for a number
    SN would read back as an ISBN or ISSN)."""
    from ..parse.ris import isbn_or_issn

    tag = crosswalk.RIS_NUMBER_TAGS.get(ref.type.value, "IS")
    return "IS" if tag == "SN" and isbn_or_issn(ref.issue) else tag


def _page_pairs(ref: Reference, first: dict[str, str], typed: dict[str, str]) -> list[tuple[str, str]]:
    """SP/EP; for a book or thesis SP is its number of pages, and its pages, unless a range
    without one, are SE (the specification's "Pages" of a book)."""
    if ref.type not in crosswalk.RIS_TYPED["pagetotal"][1]:
        return _pages(ref.pages)
    total = [("SP", first["pagetotal"])] if "pagetotal" in typed else []
    if not total and _RANGE.match(ref.pages):
        return _pages(ref.pages)
    return total + [("SE", ref.pages)]


# a BibLaTeX field's name (a .bib's own: JabRef's ``owner``, Mendeley's ``mendeley-groups``), which an M2
# line ``tex.NAME: value`` carries, as Better BibTeX writes a field Zotero has none for into Extra
_TEX_FIELD = re.compile(r"^[a-z][a-z0-9_-]*$")


def _left_out(ref: Reference, extra: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """The fields of ``extra`` RIS has no tag for, in order (one value a field)."""
    langid = any(k == "langid" for k, _ in extra)
    out: dict[str, str] = {}
    for k, v in extra:
        if k == BIBTEX_TYPE and v.strip():  # a .bib's @set, @xdata, @manual ...: "tex.referencetype: set"
            out.setdefault(REFERENCE_TYPE, v)
        if not v.strip() or k.startswith(_OWN_NOTES) or k in out:
            continue
        if k == CSL_TYPE and v.strip() == unsaid_csl_type(ref):  # a type TY does not say: "tex.csl-type: map"
            out.setdefault(crosswalk.csl_field_name("type") or "", v)
        elif k not in WRITTEN or k == "language" and langid:  # LA holds the langid
            # a CSL variable no tag holds, as its .bib field (``csl-archive-place``), which parse.ris reads back
            variable = crosswalk.csl_field_name(k[4:]) if k.startswith("csl:") and k != CITATION_KEY else None
            out.setdefault(variable or k, v)
    if ref.year is None and ref.no_date:
        out.pop("pubstate", None)  # PY holds it in words ("in press")
    return list(out.items())


def _warn_left_out(ref: Reference, extra: list[tuple[str, str]]) -> None:
    """One warning for the fields of ``extra`` RIS has neither a tag nor an M2 line for (left out: a
    CSL variable BibLaTeX has no field for, ``csl:NAME``)."""
    names = [name for name, value in _left_out(ref, extra) if not _TEX_FIELD.match(name)
             and not (name == "csl:citation-key" and value.strip() == ref.key)]  # the key: ID
    if names:
        logger.warning("%s: RIS has no tag for %s; left out", entry_place(ref),
                       ", ".join(names))


def to_ris(refs: Sequence[Reference]) -> str:
    """RIS text for ``refs``; missing keys are generated (``emit.keys``) and written as ID."""
    return "".join(ris_pieces(assign_keys(refs, keep_existing=True)))


def ris_pieces(refs: Iterable[Reference]) -> Iterator[str]:
    """``to_ris`` a record at a time, for references that have their keys already
    (``emit.keys.assign_keys``): records separated by a blank line."""
    separator = ""
    for ref in refs:
        yield separator + "\n".join(record_lines(ref)) + "\n"
        separator = "\n"
