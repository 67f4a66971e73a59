"""References -> CSL-JSON items (the input format of citeproc processors and pandoc).

Values are plain Unicode, but for the title and container title, which are CSL rich text when
their source marked them up (``emit.rich_text``: ``\\emph{}`` or ``<i>``, a protected ``{Wien}`` as
``<span class="nocase">``; math as written). The type is the ``EntryType`` value,
which is already a CSL type. An archived copy is not a CSL variable of its own: it is
in ``custom`` as BibLaTeX's ``eprinttype``/``eprint`` (as ``emit.bibtex`` writes it), read back as the copy;
``accessed`` is written as date parts when it is an ISO date, else as ``raw``.

Fields the model has no slot for (``extra``, BibLaTeX names) are written as their CSL variables
through ``emit.crosswalk`` (``shorttitle`` as ``title-short``, ``origdate`` as ``original-date``,
``type`` as ``genre`` ...); one CSL has no variable for (``file``, ``eprintclass``, a user's own
field, an RIS tag kept as ``ris:XX``) goes to the item's ``custom`` object (CSL-JSON schema 1.0.2),
which ``parse.csl_json`` reads back; so does a .bib's type CSL lacks (``@set``, ``@xdata``, ``@manual`` ...), as
``referencetype`` (Better BibTeX's name for it), but ``@inreference``, CSL's ``entry-encyclopedia``. An abstract's
and a note's paragraphs are apart by ``"\n\n"``. The entry's ``number`` is CSL's ``number`` for a report, a
thesis, a web page or a document, ``collection-number`` (the number in its series) for a book, a
chapter or a paper in proceedings, and ``issue`` for a periodical's article. A presentation's
container and place are its event's (``event-title``, ``event-place``), as Zotero writes them.
Editors whose ``editortype`` is ``director`` (a film's, a broadcast's) are CSL's ``director``; a legal
case's publisher (the court) is its ``authority``, its reporter the ``container-title`` (CSL 1.0.2). A list cut short
(BibTeX's ``and others``) ends with the literal name ``others``, as pandoc writes it (and renders it:
"et al."). An arXiv preprint (``eprint`` with ``eprinttype = {arxiv}``, or classic BibTeX's
``archiveprefix``) that is a preprint, a document or a web page with no publisher nor number of its own is written
as Zotero writes one: type ``article`` (CSL's preprint), ``number`` "arXiv:ID" and ``publisher``
"arXiv", which styles print, and the ``URL`` https://arxiv.org/abs/ID when it has none (as
pandoc links an arXiv eprint); otherwise its fields go to ``custom``.
"""
from __future__ import annotations

import json
import logging
import re
from collections.abc import Iterable, Iterator, Sequence
from typing import Any

from ..model import EntryType, Name, Reference
from ..parse.paragraphs import PARAGRAPH_FIELDS
from . import crosswalk
from .bibtex import (
    ARCHIVE_LABELS, BIBTEX_TYPE, PROTECTED_TITLE, REFERENCE_ENTRY_TYPES, REFERENCE_TYPE, as_written, iso_date,
    own_eprint, written_name_lists,
)
from .keys import assign_keys, make_key
from .latex import normalize_space
from .place import entry_place
from .rich_text import latex_to_csl, marked_to_csl

logger = logging.getLogger(__name__)
_ISO = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")
# ``extra`` fields (BibTeX names, as the parsers keep them) that are CSL variables.
YEAR_AS_WRITTEN = "bibtex:year"  # ``extra``: a year field in words, as written (parse.bibtex)
PUBSTATE_WORDS = {"inpress": "in press", "forthcoming": "forthcoming", "submitted": "submitted",
                  "inpreparation": "in preparation", "prepublished": "prepublished"}
DIRECTOR = "director"  # biblatex's ``editortype`` for a director: CSL's name variable ``director``
_FIELD_NAME = re.compile(r"^[a-z][a-z0-9_\-]*$")  # a BibTeX field name (not "bibtex:title", "latex:note")
ARXIV_TYPES = (EntryType.PREPRINT, EntryType.DOCUMENT, EntryType.WEBPAGE)  # written as Zotero's arXiv preprint
_RIS_TAG = re.compile(r"^ris:[A-Z][A-Z0-9]$")
# ``extra`` names written otherwise (the date, the publication state) or citecheck's own notes
NOT_CUSTOM = frozenset({"date", "pubstate", "translator", "doi_fragment", "langid", "language"})


def csl_name(name: Name) -> dict[str, str]:
    """A CSL name object: ``{"literal": ...}`` or family/given/particles/suffix."""
    if name.is_literal:
        return {"literal": name.literal}
    item = {"family": name.family}
    given, dropping = dropping_particle(name.given)
    if given:
        item["given"] = given
    if dropping:
        item["dropping-particle"] = dropping
    if name.particle:
        # Shown with the family name ("van Gogh"); CSL still sorts under "Gogh" by default.
        item["non-dropping-particle"] = name.particle
    if name.suffix:
        item["suffix"] = name.suffix
    return item


# particles a given name can end with ("Ludwig van" Beethoven): CSL's dropping-particle, as citeproc-js and
# Zotero's CSL export split them off a given name
PARTICLES = frozenset("van von de der den del della delle dei degli di da du la le les des dos das do ten ter te "
                      "zu zum zur af av al el bin ibn op het".split())


def dropping_particle(given: str) -> tuple[str, str]:
    """A given name without the lowercase particles it ends with, and those particles ("" when none)."""
    words = given.split()
    cut = len(words)
    while cut > 1 and words[cut - 1] in PARTICLES:
        cut -= 1
    return (" ".join(words[:cut]), " ".join(words[cut:])) if cut < len(words) else (given, "")


def csl_date(text: str) -> dict[str, Any]:
    """A CSL date for an ISO date, or an EDTF range (``2019-06-02/2019-06-07``) or approximate date
    (``1850~``) of ISO dates; else ``raw``."""
    stripped = text.strip()
    ends = stripped.rstrip("~").split("/")
    matches = [_ISO.match(end) for end in ends]
    if len(ends) > 2 or not all(matches):
        return {"raw": text}
    date: dict[str, Any] = {"date-parts": [[int(p) for p in m.groups() if p is not None] for m in matches]}
    if stripped.endswith("~"):
        date["circa"] = True
    return date


def to_csl_item(ref: Reference) -> dict[str, Any]:
    """One CSL-JSON item; empty fields are left out."""
    ref = crosswalk.number_as_issue(ref)  # a free-text report's number: CSL's number
    extra = dict(reversed(ref.extra))  # the first value of a repeated field wins
    reference_entry = extra.get(BIBTEX_TYPE) == "inreference" and ref.type is EntryType.CHAPTER  # an encyclopedia's
    item: dict[str, Any] = {"id": ref.key or make_key(ref), "type": extra.get("csl:type") or (
        REFERENCE_ENTRY_TYPES[0] if reference_entry else ref.type.value)}
    # CSL has no "et al." marker: a list cut short ends with the literal "others", as pandoc has it.
    authors = [csl_name(n) for n in ref.authors]
    editors = [csl_name(n) for n in ref.editors]
    if authors:
        item["author"] = authors
    directed = extra.get("editortype", "").strip().lower() == DIRECTOR  # a film's director: CSL's own variable
    if editors:
        item["director" if directed else "editor"] = editors
    if ref.year is not None and not ref.no_date:
        date, time = crosswalk.without_time_of_day(extra.get("date", ""))
        if time:
            logger.warning("%s: CSL-JSON dates hold no time of day; %s left out", entry_place(ref), time)
        item["issued"] = _issued(ref.year, date)
    elif extra.get(YEAR_AS_WRITTEN) and not extra.get("pubstate"):  # a year field in words, kept as written
        item["issued"] = {"literal": extra[YEAR_AS_WRITTEN]}
    if extra.get("pubstate"):  # biblatex's localisation key -> CSL's status in words
        item["status"] = PUBSTATE_WORDS.get(extra["pubstate"].strip().lower(), extra["pubstate"])
    if ref.year_suffix:
        item["year-suffix"] = ref.year_suffix
    event = ref.type is EntryType.PRESENTATION  # its container is the event, its place the event's
    court = ref.type is EntryType.LEGAL_CASE  # its publisher is the court, CSL's authority
    plain = (
        ("title", rich_text(ref, "title", ref.title)),
        ("event-title" if event else "container-title", rich_text(ref, "container", ref.container)),
        ("authority" if court else "publisher", ref.publisher), ("event-place" if event else "publisher-place", ref.place),
        ("edition", ref.edition), ("volume", ref.volume),
        (crosswalk.NUMBER_VARIABLES.get(ref.type, "issue"), ref.issue), ("page", ref.pages), ("DOI", ref.doi), ("ISBN", ref.isbn),
    )
    for name, value in plain:
        if value:
            item[name] = value
    if ref.urls:
        item["URL"] = ref.urls[0].url
    for extra_url in ref.urls[1:]:  # as emit.bibtex says of BibLaTeX's url
        logger.warning("%s: CSL-JSON holds one URL per item; %s left out", entry_place(ref), extra_url.url)
    custom: dict[str, Any] = {}
    snapshot = ref.urls[0].snapshot if ref.urls else None
    if snapshot is not None and not own_eprint(ref):  # an archived copy: no CSL variable; BibLaTeX's fields for it
        custom["eprinttype"] = ARCHIVE_LABELS.get(snapshot.archive, snapshot.archive)  # (emit.bibtex's), read back
        custom["eprint"] = snapshot.url  # by parse.csl_json as the copy
    consumed = _arxiv(ref, extra, item, custom)
    custom.update(written_name_lists(ref))  # "{\relax Ch}ristopher Lee": read back by parse.csl_json
    if ref.accessed:  # "April 5, 2023" as BibLaTeX's urldate has it: date parts, not raw; no time of day
        accessed, time = crosswalk.without_time_of_day(ref.accessed)
        if time:
            logger.warning("%s: CSL-JSON dates hold no time of day; the access time %s left out", entry_place(ref), time)
        item["accessed"] = csl_date(iso_date(accessed) or accessed)
    if ref.note:
        item["note"] = ref.note
    _language(item, extra)
    if directed:
        consumed.add("editortype")
    for name, value in ref.extra:
        if name not in consumed:
            _add_extra(item, custom, name, rich_text(ref, name, value) if name in crosswalk.RICH_FIELDS else value, extra)
    if custom:
        item["custom"] = custom
    return item


def _arxiv(ref: Reference, extra: dict[str, str], item: dict[str, Any], custom: dict[str, Any]) -> set[str]:
    """Zotero's encoding of an arXiv preprint (type ``article``, ``number`` "arXiv:ID", ``publisher``
    "arXiv") for a document or web page with an arXiv ``eprint`` and no publisher nor number of its
    own; the ``extra`` names it holds (``parse.csl_json`` reads them back from it)."""
    ident = crosswalk.arxiv_id(extra)
    if not ident or ref.type not in ARXIV_TYPES or ref.publisher or ref.issue:
        return set()
    item["number"] = f"arXiv:{ident}"
    item["publisher"] = "arXiv"
    if item["type"] == EntryType.DOCUMENT.value:
        item["type"] = "article"
    link = crosswalk.arxiv_url(ident)  # as pandoc links an arXiv eprint; read back as no URL ...
    if item.setdefault("URL", link) == link and ref.urls:
        custom["url"] = link  # ... unless the entry gave it itself
    return {"eprint"} | ({"eprinttype"} if extra.get("eprinttype") == crosswalk.ARXIV else set())


def _language(item: dict[str, Any], extra: dict[str, str]) -> None:
    """CSL's ``language``: ``langid`` as its BCP 47 tag (english -> en), else ``language`` as written."""
    if extra.get("langid", "").strip():
        item["language"] = crosswalk.bcp47(extra["langid"])
    elif extra.get("language", "").strip():
        item["language"] = extra["language"].strip()


def rich_text(ref: Reference, name: str, plain: str) -> str:
    """``plain`` as CSL rich text, with the markup its LaTeX had (``extra`` ``latex:NAME``, or a
    title's protected groups, ``bibtex:title``) while that is still this text; else ``plain``."""
    written = as_written(ref, name, plain)
    if written:
        return latex_to_csl(written, paragraphs=name in PARAGRAPH_FIELDS)
    marked = next((v for k, v in ref.extra if k == PROTECTED_TITLE), "") if name == "title" else ""
    if marked and normalize_space(marked.replace("{", "").replace("}", "")) == normalize_space(plain):
        return marked_to_csl(marked)
    return plain


def _issued(year: int, date: str) -> dict[str, Any]:
    """The year, or the full date ``extra`` keeps when it is an ISO date in that year: an EDTF
    range (``1999/2000``) as two date-parts, an approximate date (``1850~``) with ``circa``; an
    uncertain (``1850?``) or open (``1999/..``) date as ``raw``."""
    date = date.strip()
    circa = date.endswith("~")
    ends = date.rstrip("~").split("/")
    matches = [_ISO.match(end) for end in ends]
    if len(ends) <= 2 and all(matches) and int(matches[0].group(1)) == year:
        issued: dict[str, Any] = {"date-parts": [[int(p) for p in m.groups() if p is not None] for m in matches]}
        if circa:
            issued["circa"] = True
        return issued
    if _EDTF_ONLY.match(date) and date.startswith(f"{year:04d}"):  # 1850?, 1850%, 1999/..: as it is, for
        return {"raw": date}  # citeproc-js and pandoc read a raw EDTF date (parse.csl_dates reads it back)
    return {"date-parts": [[year]]}


# an EDTF date CSL's date-parts cannot hold (uncertain, approximate and uncertain, open)
_EDTF_ONLY = re.compile(r"^\d{4}(?:-\d{2}){0,2}[?%]$|^\d{4}(?:-\d{2}){0,2}[~?%]?/\.\.$")


def _add_extra(item: dict[str, Any], custom: dict[str, Any], name: str, value: str, extra: dict[str, str]) -> None:
    """An ``extra`` field as its CSL variable (never over a variable already set), or in ``custom``
    when CSL has none (a BibTeX field, an RIS tag); citecheck's own notes are no field."""
    if name in crosswalk.CSL_NAMES:  # a BibTeX name list (``parse.bibtex.names_text``)
        from ..parse.bibtex import parse_names

        variable, data = crosswalk.CSL_NAMES[name], [csl_name(n) for n in parse_names(value)]
    elif name in crosswalk.CSL_TEXT:
        variable, data = crosswalk.CSL_TEXT[name], value
    elif name in crosswalk.CSL_DATES:
        variable, data = crosswalk.CSL_DATES[name], csl_date(value)
    elif name == "eid" and item.get("type") == "article-journal":  # Zotero's "Article Number"
        variable, data = "number", value
    elif name == "type":
        variable, data = "genre", crosswalk.genre_words(value)
    elif name == "language" and extra.get("langid", "").strip():  # CSL's language is the langid's
        custom.setdefault(name, value)
        return
    elif name == BIBTEX_TYPE:  # a .bib's @set, @xdata, @manual ...: Better BibTeX's name for it, read back
        if not (value == "inreference" and item.get("type") in REFERENCE_ENTRY_TYPES):  # (the CSL type says that)
            custom.setdefault(REFERENCE_TYPE, value)
        return
    elif name.startswith("csl:") and name != "csl:type":
        variable, data = name[4:], value
    elif name.startswith("csl-json:"):
        try:
            variable, data = name[9:], json.loads(value)
        except ValueError:
            return
        if variable == "custom" and isinstance(data, dict):  # what a CSL input's custom held besides fields
            for key, inner in data.items():
                custom.setdefault(key, inner)
            return
    elif _RIS_TAG.match(name) and name in custom:  # a repeated RIS tag (two AD lines): a list of its values
        have = custom[name]
        custom[name] = (have if isinstance(have, list) else [have]) + [value]
        return
    elif (_FIELD_NAME.match(name) and name not in NOT_CUSTOM) or _RIS_TAG.match(name):
        custom.setdefault(name, value)
        return
    else:
        return
    item.setdefault(variable, data)


def to_csl_json(refs: Sequence[Reference]) -> str:
    """A CSL-JSON array, two-space indented, UTF-8 kept, with a trailing newline."""
    return "".join(csl_json_pieces(assign_keys(refs, keep_existing=True)))


def csl_json_pieces(refs: Iterable[Reference]) -> Iterator[str]:
    """``to_csl_json`` an item at a time, for references that have their keys already
    (``emit.keys.assign_keys``): joined, the pieces are the text ``json.dumps`` gives for the
    whole array (an item's lines indented one level more, as in the array)."""
    opening = "[\n"
    for ref in refs:
        item = json.dumps(to_csl_item(ref), indent=2, ensure_ascii=False)
        yield opening + "  " + item.replace("\n", "\n  ")
        opening = ",\n"
    yield "[]\n" if opening == "[\n" else "\n]\n"
