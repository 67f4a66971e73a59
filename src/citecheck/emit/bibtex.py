"""References -> BibLaTeX text that biber's default data model validates.

Entry types (``EntryType`` -> BibLaTeX):

=========== ============================================ ==========================
EntryType   BibLaTeX type                                container goes to
=========== ============================================ ==========================
ARTICLE     article                                      journaltitle
NEWS        article, ``entrysubtype = {newspaper}``      journaltitle
MAGAZINE    article, ``entrysubtype = {magazine}``       journaltitle
BOOK        book (a .bib's @proceedings:                 maintitle
            ``proceedings``)
CHAPTER     incollection                                 booktitle
CONFERENCE  inproceedings                                booktitle
REPORT      report, ``type = {Report}``                  titleaddon
THESIS      thesis, ``type = {phdthesis}`` / ``{mathesis}``  titleaddon
            for a PhD / master's genre, else ``{Thesis}``
WEBPAGE     online                                       organization (1st item)
PATENT      patent                                       titleaddon
DATASET     dataset                                      howpublished
SOFTWARE    software                                     howpublished
PREPRINT    misc, ``entrysubtype = {preprint}`` unless   howpublished
            an arXiv ``eprint`` says it
PRESENTATION unpublished, the genre ("Paper               eventtitle (the place:
            presentation") as ``type``                   ``venue``)
INTERVIEW   misc, ``entrysubtype = {interview}``         howpublished
FILM        misc, ``entrysubtype = {motion_picture}``    howpublished
BROADCAST   misc, ``entrysubtype = {broadcast}``         howpublished (the series)
LEGAL_CASE  misc, ``entrysubtype = {legal_case}``        howpublished: the reporter
                                                         citation, "347 U.S. 483"
DOCUMENT    misc; a manuscript (CSL ``manuscript``, a    howpublished
            .bib's @unpublished): unpublished
=========== ============================================ ==========================

biblatex has no preprint type: a preprint is ``@misc`` (its arXiv identifier as ``eprint`` with
``eprinttype = {arxiv}``, biblatex manual 3.15), as a .bib file's arXiv preprints are, so that one
read from a .bib and written out again, or through CSL-JSON (``emit.csl`` writes an arXiv @misc as
CSL's preprint type, ``article``), keeps its type; ``entrysubtype = {preprint}`` marks one with no
arXiv identifier, which ``parse.bibtex`` reads back. (``@online`` with the eprint, as
biblatex-examples.bib has an arXiv preprint, would turn every arXiv @misc into @online on that
round trip.) A paper presented at a conference and not published in its proceedings is ``@unpublished`` with the
event's name as ``eventtitle`` and its place as ``venue`` (biblatex 2.1.1); one in proceedings is
read as CONFERENCE (``@inproceedings``). An interview is ``@misc`` with ``entrysubtype =
{interview}``, as biblatex has no interview type. Films, broadcasts and legal cases are ``@misc``
too, their CSL type as ``entrysubtype``: biblatex's ``@movie``, ``@video`` and ``@jurisdiction`` are
types biber's default data model declares with no fields of their own, so that ``--validate-datamodel``
rejects every field but the global ones (title, author ...). A director is ``editor`` with
``editortype = {director}`` (biblatex manual, ``editortype``: a role its data model has no name
field for), the genre ("Film", "TV series episode") ``type``, the studio or network
``organization``. A legal case's reporter citation (volume, reporter, first page: "347 U.S. 483",
which @misc has no fields for) is its ``howpublished``, which ``parse.bibtex`` reads back into them,
and a court it names is ``organization``.

An entry lacking a field its type makes mandatory in biber's data model (an article without
its journal, a report without institution ...) keeps its type, with a warning naming the file,
the key and the field (biber's ``--validate-datamodel`` names it too); fields inherited through
``crossref``/``xref``/``xdata`` count as given. A book with editors and no author is written as
``@collection``, biblatex's type for it (classic BibTeX: ``@book``); a .bib's ``@proceedings`` stays
``@proceedings`` in both (``extra`` ``bibtex:type``, kept by ``parse.bibtex``), as biblatex's crossref
inheritance gives an ``@inproceedings`` its ``booktitle`` from a ``@proceedings``' title, not from
a ``@collection``'s or a ``@book``'s. A reference without a date
(n.d.) gets ``date = {XXXX}``, the ISO 8601-2 "unspecified year": it meets biber's date
constraint, and biber passes no date on to biblatex (styles then print "n.d." or nothing); one
in press or forthcoming gets its ``pubstate`` instead, and no date. A reference whose year is
unknown (the source gave none, nor "n.d.") gets no date field at all: no made-up date (biber's
validation then names the missing date). A date more than a year (``extra`` ``date``:
``1850~`` circa, ``1999/2000`` a range) is written as biblatex's EDTF date.

A field a .bib wrote with LaTeX markup (``{$\\alpha$}``, ``{\\LaTeX}``, ``\\emph{...}``, words it protects
in braces in a journal or booktitle) is written back as the .bib wrote it (``extra`` ``latex:NAME``,
kept by ``parse.bibtex``), while its plain text is unchanged; anything else is escaped (``emit.latex``).

A thesis's genre (CSL ``genre``, RIS ``M3``, or a note saying only "(PhD thesis)", which is
then not repeated as a note) gives ``type`` biblatex's localisation key: PhD, doctoral ->
``phdthesis``; master's, MA, MSc -> ``mathesis`` (classic BibTeX: @phdthesis / @mastersthesis).

Other fields: ``date`` (the year), ``publisher`` (``journaltitle`` for an article that has no
journal otherwise, as biblatex's article has no publisher; ``institution`` for
report/thesis, ``organization`` for misc, 2nd ``organization`` item for online),
``location``, ``edition``, ``volume``, ``number`` (the issue), ``pages`` (ranges with
``--``), ``isbn``, ``doi``, ``url``, ``urldate`` (ISO 8601), ``note``. A field the
chosen type does not accept in biber's data model (e.g. ``publisher`` on an article, which
MathSciNet, Zotero and Google Scholar export; ``isbn`` on a report) is kept, as a .bib's own
unknown field is: it is the user's data, which biblatex ignores for that type (biblatex issue 837:
"some data providers ... export to that field") and biber's ``--validate-datamodel`` names; logged
at info.

An archived copy (``Url.snapshot``) is written as ``eprint`` = the archive URL with
``eprinttype = {Wayback Machine}`` (or the archive's name): both fields are valid for
every type, ``eprint`` is verbatim (no LaTeX escaping of the URL) and biblatex prints
it as "Wayback Machine: <link>". ``url`` keeps the original URL. An entry whose ``eprint`` is its
own (an arXiv identifier, ``extra`` ``eprint``) keeps it, as an entry holds one eprint: its snapshot
goes to ``addendum`` as "Archived at \\url{SNAPSHOT}" (after any addendum it has and "; "), which biblatex prints
at the entry's end and ``parse.bibtex`` reads back as the snapshot. Only the first URL of a
reference fits a BibLaTeX entry; further URLs are logged and left out.

``extra`` pairs (fields read from BibTeX input that the model has no slot for) follow
the known fields in their input order; one biber's data model does not know for the type (a
user's own ``customfield``) is kept and logged, as nothing a user gave is dropped (biber ignores
it, with a warning under ``--validate-datamodel``), and citecheck's own notes (``doi_fragment``,
``bibtex:...``, ``latex:...``) are not fields; a CSL variable or RIS tag a CSL-JSON or RIS input had
that BibLaTeX has no field for (kept as ``csl:NAME`` / ``ris:XX``; ``emit.crosswalk`` maps the ones it
has, and RIS's ``L1`` is ``file``) is left out with one warning per entry naming the file and the key; ``type`` and a full ``date`` from ``extra`` replace
the defaults. ``bibtex:title`` (``parse.bibtex``: the title with the groups the input
protected from case changes in braces, ``{Wien}``) is how the title is written, as long as
it is still the record's title. The comments and preambles a .bib had around an entry
(``bibtex:before``, ``bibtex:after``) are written where they were. Output is byte-stable: same
records, same text.
"""
from __future__ import annotations

import logging
import re
from collections.abc import Iterable, Iterator, Sequence
from datetime import datetime
from itertools import islice

import bibtexparser
from bibtexparser.library import Library
from bibtexparser.middlewares.parsestack import default_unparse_stack
from bibtexparser.model import Entry, Field, ImplicitComment

from ..model import EntryType, Name, Reference
from ..parse.paragraphs import PARAGRAPH_FIELDS, joined, plain_paragraphs
from . import crosswalk
from .crosswalk import RIS_AS_FIELDS, keyword_items
from .file_field import AttachedFile, file_field
from .keys import assign_keys
from .place import entry_place
from .latex import (
    escape_paragraphs, escape_protected_title, escape_text, escape_title, escape_url, format_literal_list, format_names,
    normalize_space,
)

logger = logging.getLogger(__name__)

BIBLATEX_TYPES = {
    EntryType.ARTICLE: "article",
    EntryType.NEWS: "article",
    EntryType.MAGAZINE: "article",
    EntryType.BOOK: "book",
    EntryType.CHAPTER: "incollection",
    EntryType.CONFERENCE: "inproceedings",
    EntryType.REPORT: "report",
    EntryType.THESIS: "thesis",
    EntryType.WEBPAGE: "online",
    EntryType.PATENT: "patent",
    EntryType.DATASET: "dataset",
    EntryType.SOFTWARE: "software",
    EntryType.PREPRINT: "misc",
    EntryType.PRESENTATION: "unpublished",
    EntryType.INTERVIEW: "misc",
    EntryType.FILM: "misc",
    EntryType.BROADCAST: "misc",
    EntryType.LEGAL_CASE: "misc",
    EntryType.DOCUMENT: "misc",
}
SUBTYPES = {EntryType.NEWS: "newspaper", EntryType.MAGAZINE: "magazine", EntryType.INTERVIEW: "interview",
            EntryType.PREPRINT: "preprint", EntryType.FILM: EntryType.FILM.value,
            EntryType.BROADCAST: EntryType.BROADCAST.value, EntryType.LEGAL_CASE: EntryType.LEGAL_CASE.value}
DEFAULT_TYPE_FIELD = {"report": "Report", "thesis": "Thesis"}
CONTAINER_FIELD = {
    "article": "journaltitle",
    "book": "maintitle",
    "collection": "maintitle",
    "proceedings": "maintitle",
    "incollection": "booktitle",
    "inbook": "booktitle",
    "inreference": "booktitle",
    "mvbook": "maintitle",
    "booklet": "howpublished",
    "manual": "titleaddon",
    "inproceedings": "booktitle",
    "report": "titleaddon",
    "thesis": "titleaddon",
    "online": "organization",
    "patent": "titleaddon",
    "dataset": "howpublished",
    "software": "howpublished",
    "unpublished": "eventtitle",  # a presentation's event ("Annual Meeting of the ...")
    "misc": "howpublished",
}
PUBLISHER_FIELD = {
    "book": "publisher",
    "collection": "publisher",
    "proceedings": "publisher",
    "incollection": "publisher",
    "inbook": "publisher",
    "inreference": "publisher",
    "mvbook": "publisher",
    "manual": "organization",
    "inproceedings": "publisher",
    "report": "institution",
    "thesis": "institution",
    "patent": "addendum",  # the office that granted it ("U.S. Patent and Trademark Office"); holder is the owner
    "dataset": "publisher",
    "software": "organization",
    "unpublished": "howpublished",
    "misc": "organization",
    "xdata": "publisher",
}
ARCHIVE_LABELS = {"wayback": "Wayback Machine"}
# Fields written verbatim by biblatex: URL rules, never LaTeX escaping.
VERBATIM_FIELDS = frozenset({"url", "doi", "eprint", "urlraw", "verba", "verbb", "verbc"})
TITLE_FIELDS = frozenset({"title", "booktitle", "maintitle"})
LIST_FIELDS = frozenset({"organization", "institution", "publisher", "location"})
PROTECTED_TITLE = "bibtex:title"  # ``extra``: the title with its case-protected groups in braces (parse.bibtex)
COMMENTS_BEFORE, COMMENTS_AFTER = "bibtex:before", "bibtex:after"  # ``extra``: a .bib's comments (parse.bibtex)
BIBTEX_TYPE = "bibtex:type"  # ``extra``: the .bib's own type, when it is one of KEPT_TYPES (parse.bibtex)
REFERENCE_TYPE = "referencetype"  # how CSL-JSON's custom and an RIS M2 line carry it (Better BibTeX's name)
# a .bib's type written back, over the one its EntryType gives (the value)
KEPT_TYPES = {"proceedings": "book", "manual": "misc", "booklet": "misc", "inbook": "incollection", "mvbook": "book",
              "xdata": "misc", "set": "misc", "inreference": "incollection"}
# CSL's types for an entry of an encyclopedia or a dictionary: biblatex's @inreference (Better BibTeX's mapping)
REFERENCE_ENTRY_TYPES = ("entry-encyclopedia", "entry-dictionary")
NO_WORK_TYPES = frozenset({"set", "xdata"})  # an entry set, a data container: no work of their own, no date
LATEX_AS_WRITTEN = "latex:"  # ``extra`` prefix: a field as the .bib wrote it, with its LaTeX (parse.bibtex)
# ``extra`` pairs that are citecheck's own notes, never a field of the user's: not written
INTERNAL_EXTRA = frozenset({"doi_fragment"})
_FIELD_NAME = re.compile(r"^[a-z][a-z0-9_\-]*$")  # a field name BibTeX syntax takes (not "csl:type", "ris:M3")

# biber 2.18's default data model (biber-tool.conf): fields valid for every type, then per type.
_GLOBAL = set("""
abstract annotation authortype bookpagination crossref date day doi endday endhour endminute endmonth
endsecond endtimezone endyear endyeardivision entryset entrysubtype eprint eprintclass eprinttype eventdate
execute file gender hour ids indexsorttitle indextitle isan ismn iswc keywords label langid langidopts
library lista listb listc listd liste listf minute month namea nameaddon nameatype nameb namebtype namec
namectype options origdate origday origendday origendhour origendminute origendmonth origendsecond
origendtimezone origendyear origendyeardivision orighour origlocation origminute origmonth origpublisher
origsecond origtimezone origtitle origyear origyeardivision pagination presort related relatedoptions
relatedstring relatedtype second shortauthor shorteditor shorthand shorthandintro shortjournal shortseries
shorttitle sortkey sortname sortshorthand sorttitle sortyear timezone url urldate urlday urlendday urlendhour
urlendminute urlendmonth urlendsecond urlendtimezone urlendyear urlhour urlminute urlmonth urlsecond
urltimezone urlyear usera userb userc userd usere userf verba verbb verbc xdata xref year yeardivision
""".split())
_EDITORS = "editor editora editoratype editorb editorbtype editorc editorctype editortype"
_BOOKISH = f"addendum afterword annotator author chapter commentator edition {_EDITORS} eid foreword introduction isbn language location mainsubtitle maintitle maintitleaddon note number origlanguage pages part publisher pubstate series subtitle title titleaddon translator volume volumes"
_EVENT = " ".join(f"event{p}" for p in "day endday endhour endminute endmonth endsecond endtimezone endyear endyeardivision hour minute month second timezone title titleaddon year yeardivision".split())
DATAMODEL = {name: _GLOBAL | set(fields.split()) for name, fields in {
    "article": f"addendum annotator author commentator {_EDITORS} eid issn issue issuesubtitle issuetitle issuetitleaddon journalsubtitle journaltitle journaltitleaddon language note number origlanguage pages pubstate series subtitle title titleaddon translator version volume",
    "book": _BOOKISH + " pagetotal",
    "collection": _BOOKISH + " pagetotal",
    "proceedings": f"addendum chapter editor editortype eid {_EVENT} isbn language location mainsubtitle maintitle maintitleaddon note number organization pages pagetotal part publisher pubstate series subtitle title titleaddon venue volume volumes",
    "incollection": _BOOKISH + " booksubtitle booktitle booktitleaddon",
    "inbook": _BOOKISH + " bookauthor booksubtitle booktitle booktitleaddon",
    "inreference": _BOOKISH + " booksubtitle booktitle booktitleaddon",
    "mvbook": "addendum afterword annotator author commentator edition editor editora editorb editorc editortype editoratype editorbtype editorctype foreword introduction isbn language location note number origlanguage pagetotal publisher pubstate series subtitle title titleaddon translator volume volumes",
    "booklet": "addendum author chapter editor editortype eid howpublished language location note pages pagetotal pubstate subtitle title titleaddon type",
    "manual": "addendum author chapter edition editor editortype eid isbn language location note number organization pages pagetotal publisher pubstate series subtitle title titleaddon type version",
    "inproceedings": f"addendum author booksubtitle booktitle booktitleaddon chapter editor editortype eid {_EVENT} isbn language location mainsubtitle maintitle maintitleaddon note number organization pages part publisher pubstate series subtitle title titleaddon venue volume volumes",
    "report": "addendum author chapter eid institution isrn language location note number pages pagetotal pubstate subtitle title titleaddon type version",
    "thesis": "addendum author chapter eid institution language location note pages pagetotal pubstate subtitle title titleaddon type",
    "online": "addendum author editor editortype language note organization pubstate subtitle title titleaddon version",
    "misc": "addendum author editor editortype howpublished language location note organization pubstate subtitle title titleaddon type version",
    "patent": "addendum author holder location note number pubstate subtitle title titleaddon type version",
    "dataset": "addendum author edition editor editortype howpublished language location note number organization publisher pubstate series subtitle title titleaddon type version",
    "software": "addendum author editor editortype howpublished language location note organization pubstate subtitle title titleaddon type version",
    "unpublished": f"addendum author {_EVENT} howpublished language location note pubstate subtitle title titleaddon type venue",
}.items()}
# an @xdata entry holds fields for the entries that name it, of any type: every field, none mandatory
DATAMODEL["xdata"] = set().union(*DATAMODEL.values())
DATAMODEL["set"] = set(_GLOBAL)  # an entry set: its members' keys in ``entryset`` (a global field)
# Mandatory fields besides the date (biber's data model): an entry lacking one is said, and keeps its type.
MANDATORY = {
    "article": ("author", "journaltitle", "title"),
    "book": ("author", "title"),
    "collection": ("editor", "title"),
    "proceedings": ("title",),
    "incollection": ("author", "title", "booktitle"),
    "inbook": ("author", "title", "booktitle"),
    "inreference": ("title", "booktitle"),
    "mvbook": ("author", "title"),
    "booklet": (("author", "editor"), "title"),
    "manual": ("title",),
    "inproceedings": ("author", "title", "booktitle"),
    "report": ("author", "title", "institution"),
    "thesis": ("author", "title", "institution"),
    "online": ("title", ("url", "doi", "eprint")),
    "unpublished": ("author", "title"),
}
NO_DATE = "XXXX"  # ISO 8601-2 "unspecified year": satisfies biber's date constraint, prints no date
FIELD_ORDER = (
    "author", "editor", "title", "titleaddon", "maintitle", "booktitle", "journaltitle", "eventtitle", "entrysubtype",
    "howpublished", "type", "organization", "institution", "holder", "publisher", "location", "venue", "edition", "volume",
    "number", "pages", "date", crosswalk.YEAR_SUFFIX_FIELD, "isbn", "doi", "url", "urldate", "eprinttype", "eprint", "note", "addendum",
)
_DASHES = re.compile(r"\s*[-\u2010\u2011\u2012\u2013\u2014\u2212]+\s*")
_KEY_UNSAFE = re.compile(r"[\s,{}()=#%\"\\'~]")
_DATE_FORMATS = ("%Y-%m-%d", "%Y-%m", "%Y", "%d %B %Y", "%d %b %Y", "%B %d, %Y", "%b %d, %Y", "%B %d %Y", "%d.%m.%Y")


def iso_date(text: str) -> str:
    """``text`` as an ISO 8601 date, or "" when it is not a date we can read."""
    text = " ".join(text.replace(",", ", ").split()).replace(" ,", ",")
    for fmt in _DATE_FORMATS:
        try:
            parsed = datetime.strptime(text, fmt)
        except ValueError:
            continue
        return parsed.strftime({"%Y": "%Y", "%Y-%m": "%Y-%m"}.get(fmt, "%Y-%m-%d"))
    return _slashed_date(text)


_SLASHED = re.compile(r"^(\d{1,2})/(\d{1,2})/(\d{4})$")


def _slashed_date(text: str) -> str:
    """A date written day and month with slashes in the order of the exporting computer's locale (Citavi's
    ``urldate = {5/23/2021}``, ``{23/5/2021}``): the ISO date when only one order is a date (or both give the
    same), else "" (3/5/2021 is March or May)."""
    match = _SLASHED.match(text)
    if not match:
        return ""
    first, second, year = int(match.group(1)), int(match.group(2)), int(match.group(3))
    readings = {(month, day) for month, day in ((first, second), (second, first)) if 1 <= month <= 12 and 1 <= day <= 31}
    if len(readings) != 1:
        return ""
    month, day = readings.pop()
    try:
        return datetime(year, month, day).strftime("%Y-%m-%d")
    except ValueError:
        return ""


def bibtex_pages(pages: str) -> str:
    """Page ranges with BibTeX's ``--``."""
    return escape_text(_DASHES.sub("--", pages.strip()))


def _wanted_fields(ref: Reference, bibtype: str, say: bool = True) -> dict[str, str]:
    """Every field this reference would like to write, already escaped (``say``: warn of a URL or access
    date left out; ``lacking_fields`` only looks)."""
    fields: dict[str, str] = {}
    if ref.authors:
        fields["author"] = names_as_written(ref.authors)
    if ref.editors:
        fields["editor"] = names_as_written(ref.editors)
    if ref.title.strip():
        fields["title"] = _title(ref)
    if ref.type in SUBTYPES and not (ref.type is EntryType.PREPRINT and crosswalk.arxiv_id(dict(ref.extra))):
        fields["entrysubtype"] = SUBTYPES[ref.type]  # a preprint's arXiv eprint says it is one
    genre_note = False
    if bibtype == "thesis":
        kind, genre_note = thesis_kind(ref)
        fields["type"] = kind or DEFAULT_TYPE_FIELD[bibtype]
    elif bibtype in DEFAULT_TYPE_FIELD:
        fields["type"] = DEFAULT_TYPE_FIELD[bibtype]
    if bibtype == "online":
        organisations = ([ref.container] if ref.container.strip() else []) + crosswalk.list_items(ref.publisher)
        if organisations:  # the site (one item, a title), then its publishers
            fields["organization"] = format_literal_list(organisations)
    else:
        if ref.type is EntryType.LEGAL_CASE and ref.container.strip():  # "347 U.S. 483": @misc has no volume, pages
            fields["howpublished"] = escape_text(reporter_citation(ref))
        elif ref.container.strip():
            name = "howpublished" if bibtype == "unpublished" and ref.type is EntryType.DOCUMENT else CONTAINER_FIELD[bibtype]
            fields[name] = as_written(ref, "container", ref.container) or (
                escape_title(ref.container) if name in TITLE_FIELDS else escape_text(ref.container))
        if ref.publisher.strip() and bibtype == "article" and not ref.container.strip():
            fields["journaltitle"] = escape_text(ref.publisher)  # who published an article: its periodical
        elif ref.publisher.strip():
            name = PUBLISHER_FIELD.get(bibtype, "publisher")
            if name in fields:  # a manuscript's howpublished holds its collection: who holds it, as @misc's
                name = "organization"
            fields[name] = format_literal_list(crosswalk.list_items(ref.publisher))
    if ref.place.strip() and ref.type is EntryType.PRESENTATION:  # where a presentation was given: its event's venue
        fields["venue"] = escape_text(ref.place)
    elif ref.place.strip():
        fields["location"] = format_literal_list(crosswalk.list_items(ref.place))
    cited = ref.type is EntryType.LEGAL_CASE and bool(ref.container.strip())  # volume and page are in howpublished
    for name, value in (("edition", ref.edition), ("volume", "" if cited else ref.volume), ("number", ref.issue)):
        if value.strip():
            fields[name] = escape_text(value)
    if ref.pages.strip() and not cited:
        fields["pages"] = _pages_as_written(ref) or bibtex_pages(ref.pages)
    if ref.no_date:  # "in press": its pubstate says it, no date is due; a set's or data container's: none
        if not any(k == "pubstate" for k, _ in ref.extra) and bibtype not in NO_WORK_TYPES:
            fields["date"] = NO_DATE
    elif ref.year is not None:
        fields["date"] = str(ref.year)
    if ref.year_suffix.strip() and ("date" in fields or ref.no_date):  # "2019a": biblatex makes its own (``crosswalk``)
        fields[crosswalk.YEAR_SUFFIX_FIELD] = escape_text(ref.year_suffix.strip())
    if ref.isbn.strip():
        fields["isbn"] = escape_text(ref.isbn)
    if ref.doi.strip():
        fields["doi"] = escape_url(ref.doi)
    _add_urls(ref, fields, say)
    if ref.note.strip() and not genre_note:
        fields["note"] = as_written(ref, "note", ref.note) or escape_paragraphs(ref.note)
    return fields


def reporter_citation(ref: Reference) -> str:
    """A legal case's reporter citation: volume, reporter, first page ("347 U.S. 483", "[1932] AC 562"
    has no volume: "AC 562")."""
    return " ".join(p.strip() for p in (ref.volume, ref.container, ref.pages) if p.strip())


# A thesis's genre as its source words it ("PhD thesis", "Doctoral dissertation", "MA thesis",
# "Master's thesis", "MSc dissertation" ...) -> biblatex's localisation key for ``type``.
_PHD = re.compile(r"(?:ph\.?\s?d\.?|d\.?\s?phil\.?|doctoral|doctorate|doctor's)(?:\s+(?:thesis|dissertation))?|phdthesis"
                  r"|(?:thesis|dissertation)\s*\((?:ph\.?\s?d|doctoral)\.?\)|dissertation", re.IGNORECASE)
_MASTERS = re.compile(r"(?:master'?s?|m\.?\s?a\.?|m\.?\s?sc?\.?|m\.?\s?phil\.?|m\.?\s?res\.?|m\.?\s?eng\.?)"
                      r"(?:\s+(?:thesis|dissertation))?|mathesis", re.IGNORECASE)
_GENRE_SOURCES = ("type", "csl:genre", "ris:M3")


def thesis_kind(ref: Reference) -> tuple[str, bool]:
    """biblatex's ``type`` key for a thesis (``phdthesis``, ``mathesis``) from its genre (CSL
    ``genre``, RIS ``M3``, or a note that only says "(PhD thesis)"), or "" when none says; and
    whether the note said it (the note is then not written again)."""
    extra = {k.lower() if not k.startswith("ris:") else k: v for k, v in reversed(ref.extra)}
    for name in _GENRE_SOURCES:
        kind = _genre_key(extra.get(name, ""))
        if kind:
            return kind, False
    kind = _genre_key(ref.note)
    return kind, bool(kind)


def _genre_key(text: str) -> str:
    words = " ".join(text.replace("\u2019", "'").split()).strip(" .;,()[]")
    if _PHD.fullmatch(words):
        return "phdthesis"
    if _MASTERS.fullmatch(words):
        return "mathesis"
    return ""


def _title(ref: Reference) -> str:
    """The escaped title, with the groups a BibTeX input protected from case changes (``extra``
    ``bibtex:title``) kept as groups, while that marked title still is this title (a fix may have
    changed the title since)."""
    written = as_written(ref, "title", ref.title)
    if written:
        return written
    marked = next((v for k, v in ref.extra if k == PROTECTED_TITLE), "")
    if marked and normalize_space(marked.replace("{", "").replace("}", "")) == normalize_space(ref.title):
        return escape_protected_title(marked)
    return escape_title(ref.title)


def written_name_lists(ref: Reference) -> list[tuple[str, str]]:
    """(``crosswalk.NAMES_AS_WRITTEN`` + role, names as written) for the author and editor lists a .bib wrote with
    TeX for BibTeX's reading ("{\\relax Ch}ristopher Lee"), which CSL-JSON and RIS keep apart from their plain names
    (``parse.bibtex.names_as_written_back`` reads them back)."""
    found = []
    for role, names in (("author", ref.authors), ("editor", ref.editors)):
        written = names_as_written(names) if names else ""
        if written != format_names(names):
            found.append((crosswalk.NAMES_AS_WRITTEN + role, written))
    extra = dict(ref.extra)  # a translator's, a patent's holder's ... list, its LaTeX kept as ``latex:NAME``
    for role in sorted(crosswalk.NAME_LIST_FIELDS):
        written = extra.get("latex:" + role, "")
        if written.strip() and _NAME_TEX.search(written) and extra.get(role, "").strip():
            found.append((crosswalk.NAMES_AS_WRITTEN + role, written))
    return found


def names_as_written(names: Sequence[Name]) -> str:
    """``format_names``, but a name the .bib wrote with TeX for BibTeX's name reading (``{\\relax Ch}ristopher``:
    "Ch." one initial; ``{\\noopsort{a}}Zed``: a sort key) as it was written, while it still reads as this name."""
    return " and ".join(name.raw.strip() if _raw_kept(name) else format_names((name,)) for name in names)


# TeX a name is written with for BibTeX's reading of it, no text of its own: an initial of two letters, a sort key
_NAME_TEX = re.compile(r"\\(?:relax|noopsort|sortnoop|SortNoop|noop)(?![A-Za-z])")


def _raw_kept(name: Name) -> bool:
    if not _NAME_TEX.search(name.raw) or name.is_literal or " and " in name.raw or name.raw.lstrip().startswith(("{\"", "[")):
        return False
    from ..parse.bibtex import parse_name, unsafe_tex  # it builds on this package

    if unsafe_tex(name.raw) or name.raw.count("{") != name.raw.count("}"):
        return False
    read = parse_name(name.raw.strip())
    return (read.family, read.given, read.particle, read.suffix) == (name.family, name.given, name.particle, name.suffix)


def as_written(ref: Reference, name: str, plain: str) -> str:
    """The value of field ``name`` as the .bib wrote it, LaTeX markup and all (``extra``
    ``latex:NAME``, kept by ``parse.bibtex``), while its plain text is still ``plain`` (a fix may
    have changed the field since); else ""."""
    written = next((v for k, v in ref.extra if k == LATEX_AS_WRITTEN + name), "")
    if not written:
        return ""
    from ..parse.bibtex import decode_paragraphs, decode_text  # it builds on this package

    if name in PARAGRAPH_FIELDS:  # an abstract's, a note's paragraphs
        return written if decode_paragraphs(written) == joined(plain_paragraphs(plain)) else ""
    return written if decode_text(written) == normalize_space(plain) else ""


def _pages_as_written(ref: Reference) -> str:
    """The pages as the .bib wrote them with thin spaces (``1\\,--\\,10``: ``extra`` ``latex:pages``), while
    they are still the record's pages; else ""."""
    written = next((v for k, v in ref.extra if k == LATEX_AS_WRITTEN + "pages"), "")
    if not written:
        return ""
    from ..parse.bibtex import decode_text  # it builds on this package

    return written if _DASHES.sub("-", decode_text(written)) == _DASHES.sub("-", ref.pages.strip()) else ""


def _add_urls(ref: Reference, fields: dict[str, str], say: bool = True) -> None:
    _add_urldate(ref, fields, say)  # also without a URL (Zotero keeps a catalogue item's access date): kept, not lost
    if not ref.urls:
        return
    first = ref.urls[0]
    fields["url"] = escape_url(first.url)
    if first.snapshot is not None and own_eprint(ref):
        _add_archived_at(ref, fields, first.snapshot.url)
    elif first.snapshot is not None:
        fields["eprinttype"] = escape_text(ARCHIVE_LABELS.get(first.snapshot.archive, first.snapshot.archive))
        fields["eprint"] = escape_url(first.snapshot.url)
    for extra_url in ref.urls[1:] if say else ():
        logger.warning("%s: BibLaTeX holds one URL per entry; %s left out", entry_place(ref), extra_url.url)


def _add_urldate(ref: Reference, fields: dict[str, str], say: bool = True) -> None:
    if ref.accessed.strip():
        day, time = crosswalk.without_time_of_day(ref.accessed.strip())  # biblatex's urldate holds a time of day
        accessed = iso_date(day)
        if accessed:
            fields["urldate"] = f"{accessed}T{time}" if time and len(accessed) == 10 and "/" not in time else accessed
        elif say:
            logger.warning("%s: access date %r is not a date biber reads; left out", entry_place(ref), ref.accessed)


ARCHIVED_AT = "Archived at \\url{{{}}}"  # an archived copy in ``addendum``, when ``eprint`` is taken


def own_eprint(ref: Reference) -> bool:
    """Whether ``ref`` has an ``eprint`` of its own (an arXiv identifier ...), which a snapshot must not replace."""
    return any(k.lower() == "eprint" and v.strip() for k, v in ref.extra)


def archived_at(snapshot: str) -> str:
    """The addendum text of an archived copy: "Archived at \\url{...}", the URL escaped for a command's
    argument (``%`` and ``#`` would end or break it there; hyperref's ``\\url`` prints ``\\%`` as ``%``)."""
    return ARCHIVED_AT.format(escape_url(snapshot).replace("%", r"\%").replace("#", r"\#"))


def _add_archived_at(ref: Reference, fields: dict[str, str], snapshot: str) -> None:
    """The snapshot after the addendum the entry has (a patent's office, a .bib's own addendum), after
    "; " (``parse.bibtex`` takes it away again, and the addendum is as it was)."""
    own = next((as_written(ref, k, v) or _extra_value(k, v) for k, v in ref.extra if k.lower() == "addendum"), "")
    before = fields.get("addendum", "") or own
    fields["addendum"] = (before.rstrip() + "; " if before.strip() else "") + archived_at(snapshot)


DATE_FIELDS = frozenset({"date", "origdate", "eventdate", "urldate"})
_EDTF = re.compile(r"^[0-9X][0-9X/\-~?%:T+. ]*$")  # biblatex's EDTF dates: 1850~, 1999/2000, 2019-05-03


def _extra_value(name: str, value: str) -> str:
    if name in DATE_FIELDS and _EDTF.match(value.strip()):
        return value.strip()
    items = keyword_items(value) if name == "keywords" and ";" in value else []
    if any("," in item for item in items):  # a keyword with a comma in it ("Aged, 80 and over") braced,
        return ", ".join("{" + escape_text(i) + "}" if "," in i else escape_text(i) for i in items)  # as biblatex splits
    if name in PARAGRAPH_FIELDS:
        return escape_paragraphs(value)
    if name in crosswalk.NAME_LIST_FIELDS:  # a BibTeX name list in plain text (``parse.bibtex.names_text``)
        from ..parse.bibtex import parse_names  # it builds on this package

        return names_as_written(parse_names(value))
    return escape_url(value) if name in VERBATIM_FIELDS else escape_text(value)


def missing_fields(ref: Reference, fields: dict[str, str], bibtype: str) -> list[str]:
    """The fields biber's data model makes mandatory for ``bibtype`` (the date aside) that ``fields``
    lacks; none when the entry inherits fields (``crossref``, ``xref``, ``xdata``)."""
    if any(k.lower() in ("crossref", "xref", "xdata") for k, _ in ref.extra):
        return []
    missing = []
    for need in MANDATORY.get(bibtype, ()):
        options = need if isinstance(need, tuple) else (need,)
        if not any(name in fields for name in options):
            missing.append(" or ".join(options))
    return missing


def _biblatex_type_name(ref: Reference) -> str:
    """``ref``'s BibLaTeX type: a book with editors and no author is biblatex's ``collection``, the type
    its data model has for it; a .bib's ``@proceedings`` stays one (``KEPT_TYPES``)."""
    bibtype = BIBLATEX_TYPES[ref.type]
    kept = next((v for k, v in ref.extra if k == BIBTEX_TYPE), "")
    if KEPT_TYPES.get(kept) == bibtype:
        return kept
    if is_manuscript(ref):
        return "unpublished"
    if bibtype == "book" and ref.editors and not ref.authors:
        return "collection"
    return bibtype


MANUSCRIPT = "manuscript"  # CSL's type of an unpublished work (a letter, a draft): biblatex's @unpublished


def is_manuscript(ref: Reference) -> bool:
    """Is ``ref`` a manuscript (CSL's ``manuscript``, a .bib's @unpublished that is no presentation)? biblatex's
    type for it is @unpublished, as Better BibTeX and pandoc map it; it was @misc, CSL's "document" back."""
    return ref.type is EntryType.DOCUMENT and any(k == "csl:type" and v == MANUSCRIPT for k, v in ref.extra)


def lacking_fields(ref: Reference) -> tuple[str, list[str]]:
    """``ref``'s BibLaTeX type and the fields biber's data model makes mandatory for it that ``ref``
    lacks, as ``biber --validate-datamodel`` names them, the date among them ("date or year"; an entry
    that says n.d. or "in press" has its date): none for an entry that inherits (``crossref``, ``xref``,
    ``xdata``) or holds no work of its own (a ``@set``, an ``@xdata``). Nothing is logged."""
    bibtype = _biblatex_type_name(ref)
    if bibtype in NO_WORK_TYPES:
        return bibtype, []
    wanted = _wanted_fields(ref, bibtype, say=False)
    missing = missing_fields(ref, wanted, bibtype)
    if "date" not in wanted and not any(k.lower() in ("crossref", "xref", "xdata", "pubstate") for k, _ in ref.extra):
        missing.append("date or year")
    return bibtype, missing


def biblatex_type(ref: Reference) -> tuple[str, dict[str, str]]:
    """The BibLaTeX type for ``ref`` (``_biblatex_type_name``) and its wanted fields. The type is kept
    even when a mandatory field is missing (said, with the file, line and key: biber's validation names
    it too)."""
    bibtype = _biblatex_type_name(ref)
    wanted = _wanted_fields(ref, bibtype)
    missing = missing_fields(ref, wanted, bibtype)
    if missing:
        logger.warning("%s: @%s lacks %s (biber's data model wants it); kept as @%s", entry_place(ref),
                       bibtype, ", ".join(missing), bibtype)
    return bibtype, wanted


def entry_fields(ref: Reference) -> tuple[str, list[tuple[str, str]]]:
    """The BibLaTeX type and (field, escaped value) pairs of ``ref``'s entry, in output order."""
    bibtype, wanted = biblatex_type(ref)
    return bibtype, ordered_fields(ref, bibtype, wanted)


def ordered_fields(ref: Reference, bibtype: str, wanted: dict[str, str]) -> list[tuple[str, str]]:
    """``wanted`` and ``ref.extra`` as (field, escaped value) pairs biber's data model accepts for ``bibtype``."""
    extra: list[tuple[str, str]] = []
    seen: dict[str, int] = {}  # how many values of each RIS tag were written
    for k, v in ref.extra:
        if k == "file" or k in RIS_AS_FIELDS:  # the files, as one field where the first was (``_file_fields``)
            if not any(name == "file" for name, _ in extra) and _file_fields(ref):
                extra.append(("file", ";".join(_file_fields(ref))))
        elif k == RIS_TYPE_OF_WORK and _m3_is_type(ref.extra, v) and "type" in DATAMODEL[bibtype]:
            extra.append(("type", v))  # RIS's M3 of a type that has one (a report's "Working paper"): its type
        elif _RIS_TAG.match(k) and v.strip():  # a tag no field holds: a field of its own (``crosswalk.ris_field_name``)
            seen[k] = seen.get(k, 0) + 1
            extra.append((crosswalk.ris_field_name(k[4:], seen[k]), v))
        elif _kept_csl_variable(ref, k, v):  # a CSL variable no field holds: ``csl-archive`` (``crosswalk.csl_field_name``)
            extra.append((crosswalk.csl_field_name(k[4:]), v))
        else:
            extra.append((k.lower(), v))
    if bibtype == "thesis":  # a genre in words ("PhD thesis") as biblatex's key, which it localises
        extra = [(k, (_genre_key(v) or v) if k == "type" else v) for k, v in extra]
    extra_names = {k for k, _ in extra}
    if "type" in extra_names and "type" in DATAMODEL[bibtype]:  # written where the type goes
        wanted["type"] = next(as_written(ref, "type", v) or _extra_value("type", v) for k, v in extra if k == "type")
        extra = [(k, v) for k, v in extra if k != "type"]
    elif "type" in extra_names:
        wanted.pop("type", None)
    if "date" in extra_names and "date" in wanted:
        full = next(v for k, v in extra if k == "date")
        if full.strip().startswith(wanted["date"]):
            wanted.pop("date")
        else:
            extra = [(k, v) for k, v in extra if k != "date"]
    allowed = DATAMODEL[bibtype]
    outside = sorted(set(wanted) - allowed - {crosswalk.YEAR_SUFFIX_FIELD})
    if outside:  # kept, as a .bib's own field is: an article's publisher (MathSciNet's, Zotero's) is the user's data
        logger.info("%s: @%s has no %s in biber's data model; kept (biblatex ignores it)", entry_place(ref), bibtype,
                    ", ".join(outside))
    pairs = [(name, wanted[name]) for name in FIELD_ORDER if name in wanted]
    written = {name for name, _ in pairs}
    _warn_foreign(ref, list(ref.extra))
    for name, value in extra:
        if name == PROTECTED_TITLE:  # written as the title (``_title``)
            continue
        if name in written or name in INTERNAL_EXTRA or not _FIELD_NAME.match(name):
            logger.info("%s: extra field %s is written already or no BibTeX field; left out", entry_place(ref), name)
            continue
        if name not in allowed:  # a field of the user's own (a .bib's "customfield"): kept, not lost
            logger.info("%s: field %s is not in biber's data model for @%s; kept (biber ignores it)", entry_place(ref), name,
                        bibtype)
        written.add(name)
        pairs.append((name, value if name == "file" else as_written(ref, name, value) or _extra_value(name, value)))
    return pairs


_RIS_TAG = re.compile(r"^ris:[A-Z][A-Z0-9]$")  # an RIS input's tag no field holds, kept as ``ris:XX``
RIS_TYPE_OF_WORK = "ris:M3"  # ``parse.ris`` keeps an M3 as ``type`` only for the types CSL has a genre for
_DOI_SHAPED = re.compile(r"^\s*(?:https?://(?:dx\.)?doi\.org/|doi:\s*)?10\.\d{4,9}/\S+\s*$", re.IGNORECASE)


def _m3_is_type(extra: Sequence[tuple[str, str]], value: str) -> bool:
    """Whether an RIS input's M3 kept as written (``ris:M3``) is the entry's ``type``: it is no DOI (EndNote
    writes one there at times) and the entry has no ``type`` of its own."""
    return not _DOI_SHAPED.match(value) and not any(name == "type" for name, _ in extra)


def _file_fields(ref: Reference) -> list[str]:
    """The ``file`` values of ``ref``: a .bib's as written (biblatex reads the field verbatim), an RIS input's
    ``L1`` paths escaped as JabRef escapes them; a value whose braces do not pair loses its braces."""
    values = []
    for name, value in ref.extra:
        if name == "file" and value.strip():
            values.append(value.strip())
        elif name in RIS_AS_FIELDS and value.strip():
            values.append(file_field([AttachedFile(path=value.strip())]))
    return [v if _balanced(v) else v.replace("{", "").replace("}", "") for v in values]


def _balanced(value: str) -> bool:
    depth = 0
    for ch in value:
        depth += (ch == "{") - (ch == "}")
        if depth < 0:
            return False
    return depth == 0


# ``extra`` notes of the other formats that are no data of the user's: the CSL type (the entry type
# says it), Zotero's item URI (the key replaces it), CSL's status (``pubstate`` says it)
_FOREIGN_NOTES = frozenset({"csl:type", "csl:zotero-uri", "csl:status"})
CITATION_KEY = "csl:citation-key"  # CSL 1.0.2's citation key (Zotero 7), which ``parse.csl_json`` makes the key


CSL_TYPE = "csl:type"


def entry_csl_type(ref: Reference) -> str:
    """The CSL type the entry's own type says (``emit.csl``), without a ``csl:type`` of its own."""
    inreference = ref.type is EntryType.CHAPTER and any(k == BIBTEX_TYPE and v == "inreference" for k, v in ref.extra)
    return REFERENCE_ENTRY_TYPES[0] if inreference else ref.type.value


def unsaid_csl_type(ref: Reference) -> str:
    """A CSL type the entry's own type does not say (``legislation``, ``map``, ``song``, read as a document; an
    ``entry-dictionary``, read as an encyclopedia's entry), written as a field of its own, ``csl-type`` (RIS: an
    M2 line ``tex.csl-type: ...``), so that CSL-JSON -> BibLaTeX (or RIS) -> CSL-JSON keeps it; else ""."""
    said = next((v.strip() for k, v in ref.extra if k == CSL_TYPE), "")
    return said if said and said != entry_csl_type(ref) else ""


def _kept_csl_variable(ref: Reference, name: str, value: str) -> bool:
    """Is ``name`` (from ``ref.extra``) a CSL text variable BibLaTeX has no field for (``csl:archive``,
    ``csl:call-number``), written as a field of its own (``crosswalk.csl_field_name``)? Not the notes
    ``_FOREIGN_NOTES`` names (but a CSL type the entry's type does not say), the citation key, a genre the entry's
    ``type`` holds, nor a non-text value."""
    if name == CSL_TYPE:
        return value.strip() == unsaid_csl_type(ref) != ""
    return (name.startswith("csl:") and name not in _FOREIGN_NOTES and name != CITATION_KEY and bool(value.strip())
            and not (name in _GENRE_SOURCES and any(k == "type" for k, _ in ref.extra))
            and crosswalk.csl_field_name(name[4:]) is not None)


def _warn_foreign(ref: Reference, extra: list[tuple[str, str]]) -> None:
    """One warning naming the file, the key and every CSL variable (``csl:NAME``) or RIS tag (``ris:XX``)
    of ``extra`` that BibLaTeX has no field for (``emit.crosswalk`` maps the ones it has): left out."""
    names = [k.split(":", 1)[1] + (" (RIS)" if k.startswith("ris:") else "") for k, v in extra
             if k.startswith(("csl:", "csl-json:", "ris:")) and k not in _FOREIGN_NOTES and k not in RIS_AS_FIELDS
             and not _RIS_TAG.match(k) and not _kept_csl_variable(ref, k, v)  # fields of their own (``ordered_fields``)
             and not (k == CITATION_KEY and v.strip() == ref.key)  # CSL's citation-key: the entry's key
             and v.strip() and not (k == RIS_TYPE_OF_WORK and _m3_is_type(extra, v))]
    if names:
        logger.warning("%s: BibLaTeX has no field for %s; left out", entry_place(ref),
                       ", ".join(dict.fromkeys(names)))


def _safe_keys(refs: Sequence[Reference], seen: set[str]) -> list[str]:
    """Keys safe for BibTeX syntax and unique (a repeated key gets ``-2``, ``-3`` ...);
    ``seen``: the keys written before (it gets these keys too)."""
    keys = []
    for ref in refs:
        base = _KEY_UNSAFE.sub("", ref.key) or "ref"
        key, n = base, 1
        while key in seen:
            n += 1
            key = f"{base}-{n}"
        if key != ref.key:
            logger.warning("%s: citation key %r written as %r", entry_place(ref), ref.key, key)
        seen.add(key)
        keys.append(key)
    return keys


def to_entry(ref: Reference, key: str | None = None) -> Entry:
    """A bibtexparser ``Entry`` for ``ref`` (values escaped, ready to write)."""
    bibtype, pairs = entry_fields(ref)
    return Entry(bibtype, key if key is not None else ref.key, [Field(name, value) for name, value in pairs])


DIALECTS = ("biblatex", "bibtex")


def to_bibtex(refs: Sequence[Reference], dialect: str = "biblatex") -> str:
    """BibLaTeX (``dialect="biblatex"``, the default) or classic BibTeX (``"bibtex"``) text for
    ``refs``; missing keys are generated (``emit.keys``). See ``emit.bibtex_classic`` for the
    classic dialect, which bibtex's standard styles and biber both read.
    """
    return "".join(bibtex_pieces(assign_keys(refs, keep_existing=True), dialect))


BATCH = 256  # references written at a time by ``bibtex_pieces``


def bibtex_pieces(refs: Iterable[Reference], dialect: str = "biblatex") -> Iterator[str]:
    """``to_bibtex`` a batch of references at a time, for references that have their keys already
    (``emit.keys.assign_keys``): joined, the pieces are ``to_bibtex``'s text, whatever the batches.
    Keys are still made safe and unique across the whole stream."""
    if dialect not in DIALECTS:
        raise ValueError(f"unknown BibTeX dialect {dialect!r}; expected one of {', '.join(DIALECTS)}")
    from .bibtex_classic import classic_entry  # it builds on this module

    make_entry = classic_entry if dialect == "bibtex" else to_entry
    fmt = bibtexparser.BibtexFormat()
    fmt.indent = "  "
    fmt.block_separator = "\n"
    fmt.trailing_comma = True
    seen: set[str] = set()
    separator = ""  # bibtexparser puts the block separator between blocks, none after the last
    for batch in _batches(refs, BATCH):
        library = Library()
        for ref, key in zip(batch, _safe_keys(batch, seen)):
            comments = dict(ref.extra)
            if comments.get(COMMENTS_BEFORE):  # a .bib's own comments and preambles, where it wrote them
                library.add(ImplicitComment(comments[COMMENTS_BEFORE]))
            library.add(make_entry(ref, key))
            if comments.get(COMMENTS_AFTER):
                library.add(ImplicitComment(comments[COMMENTS_AFTER]))
        # the entries are this function's own: the unparse stack may change them in place (no copy)
        text = bibtexparser.write_string(library, unparse_stack=default_unparse_stack(allow_inplace_modification=True),
                                         bibtex_format=fmt)
        yield separator + text
        separator = fmt.block_separator


def _batches(items: Iterable[Reference], size: int) -> Iterator[list[Reference]]:
    iterator = iter(items)
    while batch := list(islice(iterator, size)):
        yield batch
