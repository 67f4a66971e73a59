"""The crosswalk of the fields BibLaTeX, CSL-JSON and RIS share, beyond the model's own slots.

``Reference.extra`` keeps a field the model has no slot for under its BibLaTeX name (as
``parse.bibtex`` reads it); ``parse.csl_json`` and ``parse.ris`` translate their variables and tags
into these names through this table, and ``emit.csl`` / ``emit.ris`` translate them back, so each
round trip (BibLaTeX, CSL-JSON, RIS) keeps every field the target format can hold:

================ ========================= ======== ==========================================
BibLaTeX         CSL-JSON                  RIS      notes
================ ========================= ======== ==========================================
shorttitle       title-short               ST
shortjournal     container-title-short     J2       also CSL ``journalAbbreviation`` (Zotero's export) and
                 (journalAbbreviation)     (JA)     RIS JA (the "standard abbreviation" of EndNote's
                                                    exports) when it is not the only journal tag
series           collection-title          T3
abstract         abstract                  AB       also RIS N2 (the abstract in the RIS specification
                                                    and EndNote's exports)
volumes          number-of-volumes         NV
bookauthor       container-author          M2       names; RIS: one ``container-author: Family || Given``
                                                    line per name (Zotero's Extra form for a creator)
keywords         keyword                   KW       one KW per keyword in RIS
issn             ISSN                      SN       (an ISSN-shaped SN)
langid           language                  LA       babel name <-> BCP 47 tag (english <-> en)
language         language                  LA       when there is no langid, or not a known code
type             genre                     M3       biblatex's keys as words (phdthesis <-> "PhD thesis")
number           number                    SN       a report's or patent's number (RPRT, PAT: "Report
                 (collection-number)       M1, SV   Number", "Patent Number"); the number in its series
                                           IS       of a book (BOOK M1) or chapter (CHAP SV: "Series
                                                    Volume"); IS elsewhere
pagetotal        number-of-pages           SP       BOOK, THES ("Number of Pages"; a book's pages are then
                                                    SE, its "Pages"); elsewhere M2
eventtitle       event-title (``event``)   T2       CPAPER ("Conference Name"), when the proceedings'
                                                    title (the container) is C3; elsewhere M2
venue            event-place               CY       CPAPER ("Conference Location"), when the place of
                                                    publication is C1; elsewhere M2
eventdate        event-date                M2
origdate         original-date             OP       JOUR, BOOK, CHAP, GEN ("Original Publication"); M2
                                                    elsewhere (OP is "Contents" or "Priority Numbers")
pmid             PMID                      M2
pmcid            PMCID                     C2       JOUR ("PMCID"), a PMC-shaped value; elsewhere M2
eid              number (an article's),    C7       JOUR ("Article Number", Scopus's and Web of
                 else (``custom``)                  Science's e-locator); elsewhere M2 ``tex.eid``
version          version                   ET       COMP, DATA ("Version"; their edition is then M2);
                                                    elsewhere M2
file             (``custom``)              L1       a Zotero/JabRef attachment, kept as written
                                                    (``parse.ris`` keeps L1 as ``ris:L1``)
eprint ...       number "arXiv:ID",        M2       ``tex.eprint``, ``tex.eprinttype``, ``tex.eprintclass``;
                 publisher "arXiv"                  see ``emit.csl`` (Zotero's encoding of a preprint)
================ ========================= ======== ==========================================

RIS's tags mean different things per type. The type-specific homes above are the ones the RIS
specification (RefMan/EndNote, 2011: the per-type tables of its ``RISFormatSpecs`` zip, as
transcribed in citation-js/ris-mappings ``specs/new/props/*.csv``) and Zotero's RIS translator
(zotero/translators ``RIS.js``, ``fieldMap``) agree on: T2 conferenceName, C3 proceedingsTitle and
C1 place for a conference paper; SN reportNumber / patentNumber; M1 a book's and SV a book
section's seriesNumber; SP numPages for a book or thesis; ET versionNumber for software and data
sets. OP (Original Publication), CY (Conference Location) and C2 (PMCID) are the specification's,
which Zotero has no field for. A field that would be ambiguous in its type-specific tag (an event
title without the proceedings' title, a venue without a place of publication, a PMCID not shaped
``PMC...``) goes to M2 instead.

M2, "key: value": a field no tool has a tag for is written as one ``M2`` line ``key: value``, the
key being its CSL variable (``original-date: 1850``, ``PMID: 8589715``, ``event-place: Paris``)
or, for a BibLaTeX field CSL lacks, ``tex.NAME`` (``tex.eprint: 1706.03762``). Zotero's RIS.js
reads M2 into the item's Extra field, one line each (``degenerateImportFieldMap``: ``M2: "extra"``;
it writes RefMan's ``PM:`` URL there as ``PMID: ...`` too); Extra lines ``key: value`` naming a CSL
variable are Zotero's own encoding of the variables it has no field for, which its citation
processor reads, and ``tex.NAME`` lines are Better BibTeX's, which it writes back as BibLaTeX
fields (retorquere/zotero-better-bibtex ``site/content/exporting/extra-fields.md``). ``parse.ris``
reads such M2 lines back (the key case-insensitively, Zotero's labels such as "Original Date"
too); any other M2 is kept as ``ris:M2``. N1 is not used: it is the entry's note (``note``).

BibLaTeX's list fields (``publisher``, ``location``, ``institution``, ``organization``: items joined
by "and", as names are) are the model's publisher and place, their items joined by "; " as pandoc
writes them in CSL (``"London; New York"``), and so in RIS's PB and CY (``LIST_SEPARATOR``). A season
(EDTF's month 21-24) is CSL's date-parts month, as pandoc writes it, and the "other" part of RIS's DA.

A BibLaTeX field CSL has no variable for is written in the item's ``custom`` object (CSL-JSON
schema 1.0.2: "additional information that does not have a designated CSL JSON field"), which
citeproc processors ignore and ``parse.csl_json`` reads back; a field RIS has neither a tag nor
an M2 key for (``addendum``, a CSL variable kept as ``csl:NAME`` ...) is left out of RIS with a
warning naming the file, the key and the fields (once per entry), and so is a CSL variable or
RIS tag BibLaTeX has no field for.
"""
from __future__ import annotations

import re

from dataclasses import replace

from ..model import EntryType, Reference

# BibLaTeX field -> CSL variable (text values)
CSL_TEXT = {
    "shorttitle": "title-short", "shortjournal": "container-title-short", "series": "collection-title",
    "abstract": "abstract", "keywords": "keyword", "issn": "ISSN", "pagetotal": "number-of-pages",
    "eventtitle": "event-title", "venue": "event-place", "pmid": "PMID", "pmcid": "PMCID", "version": "version",
    "volumes": "number-of-volumes",
}
# fields whose LaTeX markup (a protected word, ``\emph``) CSL-JSON carries as rich text, as a title's
# (an abstract's ``\emph{Drosophila}`` as ``<i>Drosophila</i>``; RIS has its plain text); of them, the titles
RICH_FIELDS = frozenset({"shorttitle", "series", "abstract"})
RICH_TITLES = frozenset({"shorttitle", "series"})
# BibLaTeX name-list field -> CSL name variable (``extra`` keeps the names as a BibTeX name list)
CSL_NAMES = {"translator": "translator", "bookauthor": "container-author", "csl-reviewed-author": "reviewed-author"}
# biblatex's name lists besides author and editor: ``extra`` keeps each as a BibTeX name list in plain text
# (``parse.bibtex.names_text``), its corporate names braced ("{World Health Organization} and Doe, Jane")
NAME_LIST_FIELDS = frozenset({"translator", "bookauthor", "editora", "editorb", "editorc", "annotator", "commentator",
                              "introduction", "foreword", "afterword", "holder",
                              # CSL's reviewed-author (a review's), which biblatex has no name list for: a field of
                              # its own, as ``csl_field_name`` gives a text variable's, a BibTeX name list
                              "csl-reviewed-author"})
FROM_CSL_NAMES = {v: k for k, v in CSL_NAMES.items()}
# BibLaTeX date field -> CSL date variable
CSL_DATES = {"origdate": "original-date", "eventdate": "event-date"}
# CSL variable -> BibLaTeX field, with the older names pandoc still writes
FROM_CSL = {v: k for k, v in CSL_TEXT.items()} | {"event": "eventtitle", "journalAbbreviation": "shortjournal"}
FROM_CSL_DATES = {v: k for k, v in CSL_DATES.items()}
# CSL's variable for the entry's ``number`` (the model's ``issue``), by type (``emit.csl`` writes it,
# ``parse.csl_json`` reads it back): else "issue"
NUMBER_VARIABLES = {EntryType.REPORT: "number", EntryType.THESIS: "number", EntryType.WEBPAGE: "number",
                    EntryType.PATENT: "number", EntryType.DATASET: "number", EntryType.SOFTWARE: "number",
                    EntryType.PREPRINT: "number", EntryType.PRESENTATION: "number", EntryType.INTERVIEW: "number",
                    EntryType.FILM: "number", EntryType.BROADCAST: "number", EntryType.LEGAL_CASE: "number",
                    EntryType.DOCUMENT: "number", EntryType.BOOK: "collection-number",
                    EntryType.CHAPTER: "collection-number", EntryType.CONFERENCE: "collection-number"}


def number_as_issue(ref: Reference) -> Reference:
    """``ref`` with its ``number`` field (a free-text entry's report, patent or standard number, which the reading
    keeps in ``extra``; a book's number in its series) as the model's number, ``issue``, when it has none and its
    type's number is CSL's ``number`` or ``collection-number``: so CSL-JSON writes it as that and RIS under the type's
    number tag, as for a .bib's ``@techreport`` or ``@book`` with its ``number``, not in ``custom`` or a ``tex.number``
    line."""
    if ref.issue or NUMBER_VARIABLES.get(ref.type) not in ("number", "collection-number"):
        return ref
    number = next((v for k, v in ref.extra if k == "number" and v.strip()), "")
    if not number:
        return ref
    return replace(ref, issue=number, extra=tuple((k, v) for k, v in ref.extra if k != "number"))


# BibLaTeX field -> RIS tag, for the tags read and written generically (AB, KW, SN, M3, LA are special)
RIS_TAGS = {"shorttitle": "ST", "shortjournal": "J2", "series": "T3", "file": "L1", "volumes": "NV"}
# RIS tags read as a BibLaTeX field when the record has no tag of that field's own above: N2, the
# specification's abstract (AB is read first), and JA, a journal's standard abbreviation, when the
# container is another tag's (T2, JF), then JO (Zotero's RIS.js: journalAbbreviation) and Web of
# Science's JI (its ISO abbreviation)
RIS_ALIASES = {"N2": "abstract", "JA": "shortjournal", "JO": "shortjournal", "JI": "shortjournal"}
# RIS tag -> BibLaTeX field, read so by ``parse.ris``; L1 is kept as ``ris:L1`` (a link tag, joined as
# one when wrapped) and written as ``file`` by ``emit.bibtex`` (``RIS_AS_FIELDS``)
FROM_RIS = {v: k for k, v in RIS_TAGS.items() if v != "L1"}
RIS_AS_FIELDS = {"ris:L1": "file"}
# An RIS tag no BibLaTeX field holds (Scopus's AD and DB, Web of Science's AN and J9), kept by parse.ris as
# ``ris:XX``, is written to a .bib as a field of its own, ``ris-ad`` (a second AD ``ris-ad-2``), which biber
# ignores and parse.bibtex reads back as the tag: RIS -> BibLaTeX -> RIS keeps it.
_RIS_FIELD = re.compile(r"^ris-([a-z][a-z0-9])(?:-\d+)?$")


def ris_field_name(tag: str, nth: int) -> str:
    """The .bib field for the ``nth`` (1, 2 ...) value of the RIS tag ``tag`` (``AD``): ``ris-ad``, ``ris-ad-2``."""
    return f"ris-{tag.lower()}" + (f"-{nth}" if nth > 1 else "")


# A year's letter ("2019a", CSL's ``year-suffix``): biblatex makes its own (``extradate``) and biber refuses
# ``date = {2019a}`` or drops ``year = {2019a}`` (a datepart), so BibLaTeX has ``date = {2019}`` and the letter in
# a field of its own, which biber ignores and parse.bibtex reads back; classic BibTeX has ``year = {2019a}``, as
# natbib's users write it; RIS an M2 line ``year-suffix: a``.
YEAR_SUFFIX_FIELD = "csl-year-suffix"
YEAR_SUFFIX_KEY = "year-suffix"
_CSL_NAME = re.compile(r"^[a-z][a-z0-9_\-]*$")
_CSL_FIELD = re.compile(r"^csl-([a-z][a-z0-9_\-]*)$")


def csl_field_name(variable: str) -> str | None:
    """The .bib field for a CSL variable BibLaTeX has no field for (``archive``): ``csl-archive``, which biber
    ignores and parse.bibtex reads back as the variable, so CSL-JSON -> BibLaTeX -> CSL-JSON keeps it; None
    for a name no BibTeX field can be."""
    return f"csl-{variable}" if _CSL_NAME.match(variable) else None


def csl_variable_of_field(name: str) -> str | None:
    """The CSL variable a .bib field written by ``csl_field_name`` holds (``archive``), else None."""
    match = _CSL_FIELD.match(name.lower())
    return match.group(1) if match and name.lower() not in CSL_NAMES else None  # a name list: its own field


def ris_tag_of_field(name: str) -> str | None:
    """The RIS tag a .bib field written by ``ris_field_name`` holds (``AD``), else None."""
    match = _RIS_FIELD.match(name.lower())
    return match.group(1).upper() if match else None
# BibLaTeX field -> (RIS tag, the types, as CSL type names (``model.EntryType`` values), whose tag it
# is); sources in the docstring: the RIS specification's per-type tables (citation-js/ris-mappings
# specs/new/props: "Book.csv" SP "Number of Pages", OP "Original Publication"; "Thesis.csv" SP;
# "Conference Paper.csv" T2 "Conference Name", CY "Conference Location", C1 "Place Published";
# "Journal Article.csv" C2 "PMCID", OP; "Book Section.csv" OP; "Generic.csv" OP; "Computer
# Program.csv" / "Data File.csv" ET "Version") and zotero/translators RIS.js fieldMap (T2
# conferenceName, C3 proceedingsTitle, C1 place: conferencePaper; SP numPages: book, thesis; ET
# versionNumber: computerProgram, dataset; SN reportNumber, patentNumber). ``emit.ris`` / ``parse.ris``
# add the conditions that keep each unambiguous (see the docstring).
RIS_TYPED = {
    "pagetotal": ("SP", frozenset({"book", "thesis"})),
    "origdate": ("OP", frozenset({"article-journal", "book", "chapter", "document"})),
    "eventtitle": ("T2", frozenset({"paper-conference"})),
    "venue": ("CY", frozenset({"paper-conference"})),
    "pmcid": ("C2", frozenset({"article-journal"})),
    "version": ("ET", frozenset({"software", "dataset"})),
    # "Journal Article.csv" C7 "Article Number": Scopus and Web of Science write an article's e-locator there
    "eid": ("C7", frozenset({"article-journal"})),
}
# The tag of the BibLaTeX ``number`` (the model's ``issue``) by type, else IS (Zotero: reportNumber,
# patentNumber, the seriesNumber of a book and of a book section; the specification's "Report
# Number", "Patent Number", "Series Volume": Report.csv, Patent.csv, Book.csv M1, Book Section.csv
# SV); and where a conference paper keeps the proceedings' title and the place of publication when
# T2 and CY hold the event's.
RIS_NUMBER_TAGS = {"report": "SN", "patent": "SN", "book": "M1", "chapter": "SV"}
RIS_PROCEEDINGS, RIS_PUBLISHED_IN = "C3", "C1"
# The tag of the "key: value" lines for the fields that have no tag (Zotero reads it into Extra).
RIS_KEYED = "M2"
# BibLaTeX field -> its key on an M2 line: its CSL variable, else Better BibTeX's ``tex.NAME``.
RIS_KEYS = {
    "origdate": "original-date", "eventtitle": "event-title", "venue": "event-place", "eventdate": "event-date",
    "pagetotal": "number-of-pages", "version": "version", "pmid": "PMID", "pmcid": "PMCID",
    "eprint": "tex.eprint", "eprinttype": "tex.eprinttype", "eprintclass": "tex.eprintclass",
    "bookauthor": "container-author", "eid": "tex.eid", "csl-reviewed-author": "reviewed-author",
    "csl:archive-place": "archive-place",  # (Zotero has no field for it: Extra's CSL variable, as M2 is)
}
# CSL's archive and the place in it -> their RIS tags, as Zotero's RIS.js maps them (fieldMap: DB archive, AN
# archiveLocation, which Zotero's CSL-JSON writes as archive and archive_location); the archive's place is an M2
# line (``RIS_KEYS``). ``parse.ris`` reads the first DB and AN so (Scopus's "DB  - Scopus" is Zotero's archive too).
# The catalogue a record came from (RIS.js: DP libraryCatalog, which Zotero's CSL-JSON writes as source: "JSTOR",
# "EBSCOhost") is DP likewise.
RIS_ARCHIVE = {"csl:archive": "DB", "csl:archive_location": "AN", "csl:source": "DP"}
FROM_RIS_ARCHIVE = {v: k for k, v in RIS_ARCHIVE.items()}
# BibLaTeX name lists written as one M2 line per name, ``key: Family || Given`` (Zotero's Extra form of
# a creator; a literal name as written), and read back into one BibTeX name list.
RIS_KEYED_NAMES = frozenset({"bookauthor", "csl-reviewed-author"})
# The separator of a BibLaTeX list's items (``publisher``, ``location``, ``institution``,
# ``organization``: "and"-separated, as names are) in the model's plain text, CSL-JSON and RIS: "; ",
# as pandoc writes them ("London; New York"); ``emit.bibtex`` splits at it, ``parse.bibtex`` joins with it.
LIST_SEPARATOR = "; "


# EDTF's seasons (level 1: the month 21-24; biber reads them, pandoc writes them so in CSL's date-parts)
# and their names: RIS writes one in the "other" part of DA (``2001///Spring``: RIS has no season tag)
SEASON_NAMES = {21: "Spring", 22: "Summer", 23: "Autumn", 24: "Winter"}
SEASON_MONTHS = {v.lower(): k for k, v in SEASON_NAMES.items()} | {"fall": 23}


def keyword_items(value: str) -> list[str]:
    """The keywords of a ``keywords`` value: ", " between them, or "; " when one holds a comma (MeSH's
    "Aged, 80 and over": ``keywords_text``)."""
    return [item.strip() for item in value.split(";" if ";" in value else ",") if item.strip()]


def keywords_text(items: list[str]) -> str:
    """Keywords as one ``keywords`` value (``keyword_items`` splits it again)."""
    return ("; " if any("," in item for item in items) else ", ").join(items)


def list_items(value: str) -> list[str]:
    """The items of a list field in the model's plain text (``LIST_SEPARATOR``), blanks stripped."""
    return [item.strip() for item in value.split(LIST_SEPARATOR.strip()) if item.strip()]
# An M2 key (lower case, blanks as hyphens: Zotero's label "Original Date" too) -> BibLaTeX field;
# "edition" is the model's edition (software and data sets, whose ET is their version).
FROM_RIS_KEYS = {v.lower(): k for k, v in RIS_KEYS.items()} | {"edition": "edition"}
_RIS_KEYED_LINE = re.compile(r"^\s*([A-Za-z][A-Za-z0-9 ._-]*?)\s*:\s*(\S.*?)\s*$")


def ris_keyed_line(name: str, value: str) -> str:
    """The M2 value for a BibLaTeX field RIS has no tag for: ``key: value`` (``RIS_KEYS``)."""
    return f"{RIS_KEYS.get(name, name)}: {value.strip()}"


def ris_keyed_field(line: str) -> tuple[str, str] | None:
    """The (BibLaTeX field, value) of an M2 line ``key: value`` whose key ``RIS_KEYS`` gives (or
    "edition", or ``tex.NAME``: the field NAME), else None (another M2, kept as written)."""
    match = _RIS_KEYED_LINE.match(line)
    if not match:
        return None
    key = re.sub(r"\s+", "-", match.group(1).strip().lower())
    name = FROM_RIS_KEYS.get(key) or (key[4:] if _TEX_KEY.match(key) else "")
    return (name, match.group(2)) if name else None


_TEX_KEY = re.compile(r"^tex\.[a-z][a-z0-9_-]*$")  # Better BibTeX's ``tex.NAME``: any BibLaTeX field

# biblatex's localisation keys for ``type`` and the words CSL's ``genre`` / RIS's ``M3`` give them.
GENRE_WORDS = {
    "phdthesis": "PhD thesis", "mathesis": "Master's thesis", "candthesis": "Candidate thesis",
    "techreport": "Technical report", "resreport": "Research report", "software": "Computer software",
    "datacd": "CD-ROM", "audiocd": "Audio CD", "patent": "Patent", "patentus": "U.S. patent",
}
GENRE_KEYS = {v: k for k, v in GENRE_WORDS.items()}


def genre_words(key: str) -> str:
    """The words for a BibLaTeX ``type`` (its localisation key, or the user's own words)."""
    return GENRE_WORDS.get(key.strip(), key)


def genre_key(words: str) -> str:
    """The BibLaTeX ``type`` for a CSL genre / RIS M3: biblatex's key when the words are exactly the
    ones ``genre_words`` gives for it (so a round trip gives the key back), else the words as written
    (``emit.bibtex`` still reads a thesis's "Doctoral dissertation" as ``phdthesis``)."""
    return GENRE_KEYS.get(words.strip(), words.strip())


# babel/polyglossia language names (biblatex's ``langid``) <-> BCP 47 tags (CSL's ``language``).
LANGUAGES = {
    "english": "en", "american": "en-US", "british": "en-GB", "canadian": "en-CA", "australian": "en-AU",
    "newzealand": "en-NZ", "french": "fr", "german": "de", "ngerman": "de-1996", "austrian": "de-AT",
    "naustrian": "de-AT-1996", "swissgerman": "de-CH", "nswissgerman": "de-CH-1996", "spanish": "es",
    "italian": "it", "dutch": "nl", "portuguese": "pt", "brazilian": "pt-BR", "russian": "ru",
    "polish": "pl", "czech": "cs", "slovak": "sk", "swedish": "sv", "danish": "da", "norsk": "nb",
    "nynorsk": "nn", "finnish": "fi", "icelandic": "is", "greek": "el", "turkish": "tr",
    "hungarian": "hu", "romanian": "ro", "croatian": "hr", "serbian": "sr", "slovene": "sl",
    "ukrainian": "uk", "bulgarian": "bg", "catalan": "ca", "basque": "eu", "galician": "gl",
    "latin": "la", "hebrew": "he", "arabic": "ar", "japanese": "ja", "chinese": "zh", "korean": "ko",
    "estonian": "et", "latvian": "lv", "lithuanian": "lt", "irish": "ga", "welsh": "cy",
}
BABEL = {v.lower(): k for k, v in LANGUAGES.items()}


def bcp47(langid: str) -> str:
    """CSL's ``language`` for a BibLaTeX ``langid`` (its BCP 47 tag; an unknown name as written)."""
    return LANGUAGES.get(langid.strip().lower(), langid.strip())


def language_fields(language: str) -> tuple[str, str]:
    """The BibLaTeX (field, value) for a CSL ``language`` / RIS ``LA``: ``langid`` and its babel name
    for a tag ``bcp47`` gives, else ``language`` as written ("English", "Deutsch")."""
    babel = BABEL.get(language.strip().lower())
    return ("langid", babel) if babel else ("language", language.strip())


ARXIV = "arxiv"
ARXIV_NUMBER = re.compile(r"^arXiv:\s*(\S+)$", re.IGNORECASE)


def arxiv_id(extra: dict[str, str]) -> str:
    """The arXiv identifier of an entry's ``eprint`` when ``eprinttype`` (or classic BibTeX's
    ``archiveprefix``) says arXiv, else ""."""
    kind = (extra.get("eprinttype") or extra.get("archiveprefix") or "").strip().lower()
    eprint = extra.get("eprint", "").strip()
    return eprint if kind == ARXIV and eprint and not eprint.lower().startswith(("http:", "https:")) else ""


def arxiv_url(ident: str) -> str:
    """The abstract page of an arXiv preprint (the link pandoc makes of an arXiv ``eprint``)."""
    return f"https://arxiv.org/abs/{ident}"


# a name list as a .bib wrote it for BibTeX's reading ("{\relax Ch}ristopher Lee": "Ch." one initial), in CSL-JSON's
# ``custom`` and an RIS M2 line ``tex.bibtex-author: ...``, where names are plain text (``emit.bibtex.written_name_lists``)
NAMES_AS_WRITTEN = "bibtex-"

# biblatex's date may give a time of day, ISO 8601's "2020-05-31T12:00:00" (with "Z" or "+02:00"), at either end
# of a range: CSL's date-parts and RIS's date have no place for it, and the whole date was lost with it
TIME_OF_DAY = re.compile(r"T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}(?::?\d{2})?)?(?=$|/|~)")


def without_time_of_day(date: str) -> tuple[str, str]:
    """``date`` without the times of day it gives, and those times ("12:00:00"; "" when none)."""
    times = [m.group()[1:] for m in TIME_OF_DAY.finditer(date)]
    return TIME_OF_DAY.sub("", date), "/".join(times)
