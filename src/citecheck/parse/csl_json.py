"""CSL-JSON text -> Reference records (the format of citeproc, pandoc and Zotero's exports).

Accepts an array of items, an object with an ``items`` array, an object of items keyed by their ids
(citeproc-js's ``{"ITEM-1": {...}}``), a single item, or Crossref's REST API answer (``{"status":
"ok", "message": ...}``: its work or its list's items). Per item:
``id`` (the key; for Zotero's item URI, which is none, its ``citation-key`` or Better BibTeX's "Citation Key: ..."
line in its note), ``type`` (a CSL type, or Crossref's name for one, ``journal-article``:
``CROSSREF_TYPES``; types the model has no slot for keep their name in ``extra`` as ``csl:type``), ``author``/``editor`` name objects (family, given,
non-dropping-particle / dropping-particle, suffix, or literal), ``issued`` (date-parts,
an EDTF string, or raw/literal text, read by ``parse.csl_dates``: a full date, a range, circa and a
season are kept in ``extra`` as the EDTF ``date``, "n.d." is no date),
``year-suffix``, ``accessed``, title, container-title, publisher, publisher-place,
edition, volume, issue, page, DOI, ISBN, URL and note (its line breaks kept, as an abstract's:
``MULTILINE``). A URL a line break (or space) split is
rejoined as ``parse.urls`` rejoins a wrapped URL, with the same ``url-repaired`` finding. The
variables ``emit.crosswalk`` maps (``title-short``, ``container-title-short``, ``original-date``,
``number-of-pages``, ``event-title``, ``event-place``, ``PMID``, ``genre`` ... ``abstract``,
``keyword``, ``ISSN``, ``collection-title``, ``language``) go to ``extra`` under their BibLaTeX
names, and so do the ``translator`` and ``container-author`` (``bookauthor``) names (as a BibTeX
name list) and what the item's ``custom``
object holds under BibTeX field names (``emit.csl`` writes there what CSL has no variable for).
``number`` is the entry's number (the model's ``issue``) for a report, thesis, web page or document,
``collection-number`` for a book, chapter or paper in proceedings; Zotero's preprint
(``number`` "arXiv:ID", ``publisher`` "arXiv") is BibLaTeX's ``eprint`` and ``eprinttype = {arxiv}``,
and CSL's ``article`` is a preprint (CSL 1.0.2: a preprint or working paper), ``speech`` a
presentation, whose ``event-title`` and ``event-place`` are its container and place, and
``interview`` an interview; ``director`` names are the editors, with ``editortype = director`` (as
``emit.bibtex`` writes a film's director), and a ``legal_case``'s ``authority`` (the court) is its
publisher. A literal name ``others`` ends a
list cut short (BibTeX's ``and others``). Any other variable is kept as ``csl:NAME``
(``csl-json:NAME`` for a non-text value, as JSON) and written back by ``emit.csl``.

A JSON syntax error is an InputError naming the line and column (a trailing comma said so); an item that is not an object,
or has neither title nor author, is a finding naming its line, and the rest is read.
"""
from __future__ import annotations

import bisect
import dataclasses
import json
import re
from typing import Any
from urllib.parse import unquote

from ..errors import InputError
from ..model import ArchiveSnapshot, EntryType, Finding, Fix, Kind, Name, Reference, Severity, Span, Target, Url
from ..emit import crosswalk
from ..emit.rich_text import csl_to_latex, has_rich_text
from .bibtex import ARCHIVES, BIBTEX_TYPE, holds_no_work, kept_type, names_as_written_back, names_text
from .composed_letters import composed_text
from .csl_dates import date_parts, date_text, iso, read_date
from .extra_lines import keyed_lines
from .paragraphs import PARAGRAPH_FIELDS
from .surrogates import lone_halves_problem, whole_characters
from .urls import to_url, wayback_snapshot

CSL_TYPES = {t.value: t for t in EntryType} | {
    "post-weblog": EntryType.WEBPAGE, "post": EntryType.WEBPAGE,
    "entry-encyclopedia": EntryType.CHAPTER, "entry-dictionary": EntryType.CHAPTER, "entry": EntryType.CHAPTER,
    "manuscript": EntryType.DOCUMENT, "standard": EntryType.REPORT, "legislation": EntryType.DOCUMENT,
}
# Crossref's own type names (its REST API's, which some DOI content negotiation answers carry in CSL-JSON)
# -> the CSL types they are, as Crossref's CSL transform writes them: read as those (and written so)
CROSSREF_TYPES = {
    "journal-article": "article-journal", "proceedings-article": "paper-conference", "posted-content": "article",
    "book-chapter": "chapter", "book-section": "chapter", "book-part": "chapter", "reference-entry": "entry",
    "monograph": "book", "edited-book": "book", "reference-book": "book", "book-set": "book",
    "dissertation": "thesis", "report-component": "report", "database": "dataset",
}
TO_EXTRA = crosswalk.FROM_CSL  # text variables -> their BibLaTeX names in ``extra``
_BIBTEX_FIELD = re.compile(r"^(?:[a-z][a-z0-9_\-]*|ris:[A-Z][A-Z0-9])$")  # a custom key kept as a field
PLAIN = {"title": "title", "container-title": "container", "publisher": "publisher",
         "publisher-place": "place", "edition": "edition", "volume": "volume", "issue": "issue",
         "page": "pages", "DOI": "doi", "ISBN": "isbn", "note": "note"}
PUBSTATES = {"in press": "inpress", "forthcoming": "forthcoming", "submitted": "submitted",
             "in preparation": "inpreparation", "prepublished": "prepublished"}
RICH_TEXT = {"title": "title", "container-title": "container"}  # variables whose rich text is read
LATEX_AS_WRITTEN = "latex:"  # ``extra``: a field as LaTeX, markup and all (``emit.bibtex`` writes it)
HANDLED = frozenset({"id", "type", "author", "editor", *crosswalk.FROM_CSL_NAMES, "issued", "year-suffix", "accessed",
                     "URL",
                     "genre", "language", "custom", *PLAIN, *TO_EXTRA, *crosswalk.FROM_CSL_DATES})
# A Zotero item URI, which Zotero's CSL-JSON export gives as the "id" (it is no citation key).
ITEM_URI = re.compile(r"^https?://(?:www\.)?zotero\.org/(?:users|groups)/\w+/items/\w+$")


# runs of blanks squeezed to one space; a thin space (U+2009, U+202F: LaTeX's ``\,``, as in "J.\u202fR.") is kept
_BLANKS = re.compile(r"[^\S\u2009\u202f]+")


def _squeezed(text: str) -> str:
    return composed_text(_BLANKS.sub(" ", text).strip(" "))  # "Mun\u0303oz" is "Muñoz" (``parse.composed_letters``)


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, list):  # some exporters give ISBN/ISSN/URL as lists
        return ", ".join(_text(v) for v in value)
    return _squeezed(str(value))


# Variables whose line breaks are kept: Zotero writes its Extra field to ``note``, one ``key: value`` per
# line (``PMID: ...``, ``original-date: ...``), which Zotero and citeproc-js read line by line; an
# abstract's paragraphs. Blanks within a line are still squeezed.
MULTILINE = frozenset({"note", "abstract"})


def _lines(value: Any) -> str:
    """A text value with its line breaks kept (``MULTILINE``), each line's blanks squeezed."""
    if value is None or isinstance(value, list):
        return _text(value)
    lines = [_squeezed(line) for line in str(value).splitlines()]
    return "\n".join(lines).strip("\n")


def _value(name: str, value: Any) -> str:
    return _lines(value) if name in MULTILINE else _text(value)


def csl_name_to_name(obj: Any) -> Name | None:
    """A Name for one CSL name object (None if it is not one)."""
    if isinstance(obj, str):
        return Name(literal=obj.strip(), raw=obj)
    if not isinstance(obj, dict):
        return None
    raw = json.dumps(obj, ensure_ascii=False)
    if _text(obj.get("literal")):
        return Name(literal=_text(obj["literal"]), raw=raw)
    particle = _text(obj.get("non-dropping-particle"))
    family, given = _text(obj.get("family")), _text(obj.get("given"))
    dropping = _text(obj.get("dropping-particle"))
    if dropping and given:  # "Ludwig van" Beethoven: kept after the given name, as BibTeX's "Beethoven, Ludwig
        given = f"{given} {dropping}"  # van" and Zotero hold it (emit.csl writes it back as dropping-particle)
    elif dropping:
        particle = " ".join(p for p in (dropping, particle) if p)
    if not family and not given:
        return None
    if not family:  # a mononym given only as "given"
        family, given = given, ""
    return Name(family=family, given=given, particle=particle, suffix=_text(obj.get("suffix")), raw=raw)


def _accessed(value: Any) -> str:
    if isinstance(value, dict) and "date-parts" in value:
        parts = date_parts(value)
        return iso(parts) if parts else ""
    if isinstance(value, dict):
        return _text(value.get("raw") or value.get("literal"))
    return _text(value)


def _names(item: dict, field: str, problems: list[str]) -> tuple[Name, ...]:
    value = item.get(field) or []
    if not isinstance(value, list):
        value = [value]
    names = []
    for obj in value:
        name = csl_name_to_name(obj)
        if name is None:
            problems.append(f"{field}: {json.dumps(obj, ensure_ascii=False)[:60]} is not a name; skipped")
        else:
            names.append(name)
    return tuple(names)


_DOI_ADDRESS = re.compile(r"^\s*(?:https?://(?:dx\.)?doi\.org/|doi:\s*)(?=10\.)", re.IGNORECASE)


def item_to_reference(item: dict, raw: str, span: Span) -> tuple[Reference, list[str]]:
    problems: list[str] = []
    csl_type = _text(item.get("type"))
    csl_type = CROSSREF_TYPES.get(csl_type, csl_type)
    kind = CSL_TYPES.get(csl_type, EntryType.DOCUMENT)
    item = _event(item, kind)
    if (kind not in (EntryType.CONFERENCE, EntryType.PRESENTATION) and _text(item.get("event-place"))
            and _text(item.get("event-place")) == _text(item.get("publisher-place"))):
        # Zotero's CSL export writes an item's place as both: one place, no event's venue (biber refuses
        # ``venue`` on a @book)
        item = {k: v for k, v in item.items() if k != "event-place"}
    item, roles = _director_and_court(item, kind)
    extra: list[tuple[str, str]] = list(roles)
    if csl_type and csl_type != kind.value:
        extra.append(("csl:type", csl_type))
    if csl_type in ("entry-encyclopedia", "entry-dictionary") and kind is EntryType.CHAPTER:
        extra.append((BIBTEX_TYPE, "inreference"))  # biblatex's type for it (emit.bibtex), as Better BibTeX maps it
    issued = read_date(item.get("issued"))
    extra.extend(issued.extra)
    problems.extend(issued.problems)
    status = _text(item.get("status"))
    if status.lower() in PUBSTATES and not any(k == "pubstate" for k, _ in extra):  # biblatex's pubstate
        extra.append(("pubstate", PUBSTATES[status.lower()]))
    for name, target in ((n, TO_EXTRA[n]) for n in item if n in TO_EXTRA):  # in the item's order: CSL -> CSL keeps it
        if _text(item.get(name)) and target not in {k for k, _ in extra}:
            value = _value(name, item[name])
            if target in crosswalk.RICH_FIELDS and has_rich_text(value):  # a short title's protected words, an
                value, latex = csl_to_latex(value, title=target in crosswalk.RICH_TITLES, lines=name in MULTILINE)
                extra.append((LATEX_AS_WRITTEN + target, latex))  # abstract's <i>: plain text, and the LaTeX
            extra.append((target, value))
    for name, target in crosswalk.FROM_CSL_DATES.items():
        if item.get(name) not in (None, "", {}, []):
            extra.append((target, date_text(item[name])))
    if _text(item.get("genre")):
        extra.append(("type", crosswalk.genre_key(_text(item["genre"]))))
    if _text(item.get("language")):
        extra.append(crosswalk.language_fields(_text(item["language"])))
    custom = _custom(item.get("custom"))
    item, preprint = _preprint(item, kind, {k for k, _ in custom})
    extra.extend(preprint + [(k, v) for k, v in custom if k != "url"])  # "url": the item's URL is the entry's
    item = _number(item, kind)
    if kind is EntryType.ARTICLE and _text(item.get("number")) and not any(k == "eid" for k, _ in extra):
        # Zotero's "Article Number", a journal article's CSL ``number``: biblatex's ``eid`` (RIS C7), not left out
        extra.append(("eid", _text(item["number"])))
        item = {k: v for k, v in item.items() if k != "number"}
    for variable, target in crosswalk.FROM_CSL_NAMES.items():  # translators, a chapter's book's authors
        names = _names(item, variable, problems)
        if names:  # kept as a .bib file gives them, for every format that has them
            extra.append((target, names_text(names)))
    for name, value in item.items():
        if name in HANDLED or value in (None, "", [], {}):
            continue
        if isinstance(value, (str, int, float)) and not isinstance(value, bool):
            extra.append((f"csl:{name}", _text(value)))
        else:
            extra.append((f"csl-json:{name}", json.dumps(value, ensure_ascii=False, sort_keys=True)))
    plain = {attr: _value(name, item.get(name)) for name, attr in PLAIN.items()}
    # a DOI written as its address, "https://doi.org/10.1000/abc" (Crossref's ``URL``, some exporters' ``DOI``): the
    # DOI, as the .bib and RIS readers take it (BibLaTeX's doi is the bare DOI; biblatex linked doi.org twice)
    plain["doi"] = unquote(_DOI_ADDRESS.sub("", plain["doi"])) if _DOI_ADDRESS.match(plain["doi"]) else plain["doi"]
    if plain["note"]:  # Zotero's Extra: its lines naming a field ("Original Date: 1850", "tex.howpublished: ...")
        read, plain["note"] = keyed_lines(plain["note"], {k for k, _ in extra})
        extra.extend(read)
    for name, attr in RICH_TEXT.items():  # <i>, <span class="nocase"> ...: plain text, and the LaTeX for BibTeX
        if has_rich_text(plain[attr]):
            plain[attr], latex = csl_to_latex(plain[attr], title=name == "title")
            extra.append((LATEX_AS_WRITTEN + attr, latex))
    urls, repairs = _urls(item.get("URL"), span)
    urls, extra = _archived_copy(urls, extra)
    ref = Reference(
        raw=raw, span=span, type=kind, key=_text(item.get("id")),
        authors=_names(item, "author", problems), editors=_names(item, "editor", problems),
        year=issued.year, no_date=issued.no_date, year_suffix=_text(item.get("year-suffix")) or issued.suffix,
        urls=urls, accessed=_accessed(item.get("accessed")), extra=kept_type(extra), findings=repairs, **plain,
    )
    ref = names_as_written_back(ref)  # "{\\relax Ch}ristopher Lee" (``emit.csl``)
    if not ref.title and not ref.authors and not holds_no_work(ref):  # an entry set, a data container has neither
        problems.append("item has neither a title nor an author")
    return ref, problems


# Better BibTeX's pinned key in Zotero's Extra (the item's ``note``), one line "Citation Key: smith2020"
_CITATION_KEY_LINE = re.compile(r"^\s*citation[ -]key\s*:\s*(\S+)\s*$", re.IGNORECASE | re.MULTILINE)


def _without_key_line(note: str, key: str) -> str:
    """``note`` without its "Citation Key: ``key``" line."""
    kept = [line for line in note.split("\n")
            if not ((found := _CITATION_KEY_LINE.match(line)) and found.group(1) == key)]
    return "\n".join(kept).strip("\n")


def citation_key(item: dict) -> str:
    """The key an item gives besides its ``id``: CSL 1.0.2's ``citation-key`` (Zotero 7 exports it), or a
    "Citation Key: ..." line of its note (Better BibTeX's Extra); "" when none."""
    key = _text(item.get("citation-key"))
    if key and not re.search(r"\s", key):
        return key
    found = _CITATION_KEY_LINE.search(str(item.get("note") or ""))
    return found.group(1) if found else ""


def _custom(value: Any) -> list[tuple[str, str]]:
    """``extra`` pairs for what a ``custom`` object holds under BibTeX field names (or ``ris:XX``),
    with text values (``emit.csl`` writes there the fields CSL has no variable for); the rest of
    the object is kept as ``csl-json:custom``."""
    if not isinstance(value, dict):
        return [("csl-json:custom", json.dumps(value, ensure_ascii=False, sort_keys=True))] if value else []
    fields: list[tuple[str, str]] = []
    for k, v in value.items():
        if not isinstance(k, str) or not _BIBTEX_FIELD.match(k):
            continue
        if isinstance(v, (str, int, float)) and not isinstance(v, bool):
            fields.append((k, _lines(v) if k in PARAGRAPH_FIELDS else _text(v)))  # an annotation's paragraphs
        elif k.startswith("ris:") and isinstance(v, list) and v and all(isinstance(one, str) for one in v):
            fields += [(k, _text(one)) for one in v]  # a repeated RIS tag (``emit.csl``)
    kept = {k for k, _ in fields}
    rest = {k: v for k, v in value.items() if k not in kept}
    return fields + ([("csl-json:custom", json.dumps(rest, ensure_ascii=False, sort_keys=True))] if rest else [])


def _preprint(item: dict, kind: EntryType, custom: set[str]) -> tuple[dict, list[tuple[str, str]]]:
    """Zotero's arXiv preprint (``number`` "arXiv:ID", ``publisher`` "arXiv") as BibLaTeX's ``eprint``
    and ``eprinttype = {arxiv}`` (unless ``custom`` gave the type as written), the item without them."""
    match = crosswalk.ARXIV_NUMBER.match(_text(item.get("number")))
    if not match or kind not in (EntryType.PREPRINT, EntryType.DOCUMENT, EntryType.WEBPAGE) or "eprint" in custom:
        return item, []
    item = {k: v for k, v in item.items() if k != "number"}
    if _text(item.get("publisher")).lower() == crosswalk.ARXIV:
        del item["publisher"]
    if _text(item.get("URL")) == crosswalk.arxiv_url(match.group(1)) and "url" not in custom:
        del item["URL"]  # the link emit.csl makes of the eprint (custom "url" says the entry gave it)
    kinds = [] if custom & {"eprinttype", "archiveprefix"} else [("eprinttype", crosswalk.ARXIV)]
    return item, [("eprint", match.group(1))] + kinds


def _event(item: dict, kind: EntryType) -> dict:
    """A presentation's item with its event's name and place (``event-title``, pandoc's older
    ``event``; ``event-place``) as its container and place, where it has none of its own."""
    if kind is not EntryType.PRESENTATION:
        return item
    item = dict(item)
    for event, own in (("event-title", "container-title"), ("event", "container-title"), ("event-place", "publisher-place")):
        if _text(item.get(event)) and not _text(item.get(own)):
            item[own] = item.pop(event)
    return item


def _director_and_court(item: dict, kind: EntryType) -> tuple[dict, list[tuple[str, str]]]:
    """The item with its ``director`` names as its editors, with ``editortype = director`` (biblatex's
    way to name the role: ``emit.bibtex``), when it has no editors of its own; and a legal case's
    ``authority`` (the court) as its publisher, when it has none."""
    extra: list[tuple[str, str]] = []
    if item.get("director") and not item.get("editor"):
        item = {**{k: v for k, v in item.items() if k != "director"}, "editor": item["director"]}
        extra.append(("editortype", "director"))
    if kind is EntryType.LEGAL_CASE and _text(item.get("authority")) and not _text(item.get("publisher")):
        item = {**{k: v for k, v in item.items() if k != "authority"}, "publisher": item["authority"]}
    return item, extra


def _number(item: dict, kind: EntryType) -> dict:
    """The item with its number (``number`` for a report ..., ``collection-number`` for a book ...)
    as ``issue``, the model's slot for BibLaTeX's ``number``, when it has no issue."""
    variable = crosswalk.NUMBER_VARIABLES.get(kind)
    if variable is None or _text(item.get("issue")) or not _text(item.get(variable)):
        return item
    return {("issue" if k == variable else k): v for k, v in item.items()}


def _urls(value: Any, span: Span) -> tuple[tuple[Url, ...], tuple[Finding, ...]]:
    """The URLs of an item's ``URL`` (a string, "a, b", or a list), and a ``url-repaired`` finding
    for each one a line break or space split (joined as ``parse.urls`` joins a wrapped URL)."""
    texts = [str(v) for v in value] if isinstance(value, list) else [str(value)] if value is not None else []
    urls: list[Url] = []
    repairs: list[Finding] = []
    for text in texts:
        for raw in re.split(r",\s+(?=[a-z][a-z0-9+.-]*://|www\.)", text.strip(), flags=re.IGNORECASE):
            if not raw.strip():
                continue
            if not re.search(r"\s", raw.strip()):
                urls.append(_url(raw.strip()))
                continue
            url, changes = to_url(raw)
            urls.append(url)
            repaired = url.snapshot.url if url.snapshot else url.url
            before = json.dumps(raw, ensure_ascii=False)[1:-1]  # as the JSON text writes it
            fix = Fix(Target.REFERENCE, "url", before, repaired, locations=(span,))
            message = f"line {span.line}: URL repaired ({'; '.join(changes)}): {before} -> {repaired}"
            repairs.append(Finding(kind=Kind.URL_REPAIRED, severity=Severity.INFO, message=message, span=span, fix=fix))
    return tuple(urls), tuple(repairs)


def _archived_copy(urls: tuple[Url, ...], extra: list[tuple[str, str]]) -> tuple[tuple[Url, ...], list[tuple[str, str]]]:
    """The URL with its archived copy, when ``custom`` gave one as BibLaTeX's ``eprinttype`` ("Wayback Machine")
    and ``eprint`` (a URL: ``emit.csl``), those two fields taken out; else as they are."""
    fields = dict(extra)
    eprint, label = fields.get("eprint", "").strip(), fields.get("eprinttype", "").strip()
    if not urls or urls[0].snapshot is not None or not label or not re.match(r"https?://", eprint):
        return urls, extra
    stamp = re.search(r"/web/(\d{4,14})", eprint)
    snapshot = ArchiveSnapshot(url=eprint, original=urls[0].url, timestamp=stamp.group(1) if stamp else "",
                               archive=ARCHIVES.get(label, label))  # as parse.bibtex reads the two fields
    return ((dataclasses.replace(urls[0], snapshot=snapshot),) + urls[1:],
            [(k, v) for k, v in extra if k not in ("eprint", "eprinttype")])


def _url(text: str) -> Url:
    snapshot = wayback_snapshot(text)
    if snapshot is not None:
        return Url(url=snapshot.original, raw=text, snapshot=snapshot)
    return Url(url=text, raw=text)


def _items(text: str, file: str) -> list[tuple[Any, int, int]]:
    """(value, start, end) of every item, with its place in the text."""
    decoder = json.JSONDecoder(parse_int=_integer, parse_constant=str,  # NaN, Infinity: no JSON, kept as written
                               object_pairs_hook=_object)
    try:
        data = decoder.decode(text)
    except json.JSONDecodeError as exc:
        closing = text[exc.pos:exc.pos + 1]
        comma = text[:exc.pos].rstrip().endswith(",")  # "[1, 2, ]": a trailing comma; '"title": ]' is a value missing
        hint = (f"; a trailing comma before {closing!r}?" if exc.msg == "Expecting value" and closing and closing in "]}"
                and comma else "")
        if exc.msg == "Extra data" and closing in "{[":  # JSON Lines, one item a line: CSL-JSON is one list
            hint = "; one item a line (JSON Lines)? CSL-JSON is one list of items: [{...}, {...}]"
        raise InputError(f"is not valid JSON ({exc.msg}, column {exc.colno}{hint})", file, exc.lineno) from exc
    if isinstance(data, dict) and isinstance(data.get("message"), dict) and "message-type" in data:
        # Crossref's REST API answer ({"status": "ok", "message": {...}}): its work, or its list's items
        opening = text.find("{", text.find('"message"') + len('"message"'))
        if not isinstance(data["message"].get("items"), list):
            message, end = decoder.raw_decode(text, opening)
            return [(message, opening, end)]
        data, text_from = data["message"], opening
    else:
        text_from = 0
    # a list of items under "items" (Crossref's list, Zotero's API), or under "references", as pandoc's metadata
    # (its YAML bibliography's key) holds them: it was read as one item with neither title nor author
    wrapper = next((k for k in ("items", "references") if isinstance(data, dict) and isinstance(data.get(k), list)), "")
    if wrapper:
        start = text.find("[", text.find(f'"{wrapper}"', text_from))
    elif isinstance(data, list):
        start = text.find("[")
    elif isinstance(data, dict) and data and all(isinstance(v, dict) and ("type" in v or "title" in v) for v in data.values()):
        return _keyed_items(text, decoder)
    else:
        return [(data, len(text) - len(text.lstrip()), len(text.rstrip()))]
    items = []
    index = start + 1
    while True:
        index = _skip(text, index, " \t\r\n,")
        if index >= len(text) or text[index] == "]":
            return items
        value, end = decoder.raw_decode(text, index)
        items.append((value, index, end))
        index = end


class _Object(dict):
    """A JSON object, with the keys it (or an object inside it) gives more than once: JSON readers keep
    the last value of a key given twice, and what the first said is lost unless someone says so."""

    repeated: tuple[str, ...] = ()


def _object(pairs: list[tuple[str, Any]]) -> _Object:
    obj = _Object(pairs)
    inner = [v for value in obj.values() for v in (value if isinstance(value, list) else (value,))]
    nested = tuple(key for v in inner if isinstance(v, _Object) for key in v.repeated)
    if len(obj) < len(pairs) or nested:
        counts: dict[str, int] = {}
        for key, _ in pairs:
            counts[key] = counts.get(key, 0) + 1
        obj.repeated = tuple(key for key, n in counts.items() if n > 1) + nested
    return obj


def _integer(digits: str) -> int | str:
    """A JSON integer; one too long for Python to convert (over 4,300 digits: no CSL value) kept as its
    digits, not an error that stops the file."""
    try:
        return int(digits)
    except ValueError:
        return digits


def _keyed_items(text: str, decoder: json.JSONDecoder) -> list[tuple[Any, int, int]]:
    """(item, start, end) of an object of items keyed by their ids, as citeproc-js's examples hold
    them (``{"ITEM-1": {...}, ...}``); an item without an ``id`` has its key as one."""
    items = []
    index = text.find("{") + 1
    while True:
        index = _skip(text, index, " \t\r\n,")
        if index >= len(text) or text[index] == "}":
            return items
        key, index = decoder.raw_decode(text, index)
        index = _skip(text, index, " \t\r\n:")
        value, end = decoder.raw_decode(text, index)
        items.append(({"id": key, **value} if "id" not in value else value, index, end))
        index = end


def _json_kind(value: Any) -> str:
    """What a JSON value is, in JSON's words ("null", "a number")."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true or false"
    if isinstance(value, (int, float)):
        return "a number"
    return "a string" if isinstance(value, str) else "a list"


def _skip(text: str, index: int, blanks: str) -> int:
    """The index of the first character at or after ``index`` that is none of ``blanks``."""
    while index < len(text) and text[index] in blanks:
        index += 1
    return index


def parse_csl_json(text: str, file: str) -> tuple[tuple[Reference, ...], tuple[Finding, ...]]:
    """Every item of a CSL-JSON file, and findings for the ones that are not usable."""
    starts = [0] + [i + 1 for i, ch in enumerate(text) if ch == "\n"]
    refs: list[Reference] = []
    findings: list[Finding] = []
    for value, start, end in _items(text, file):
        line = bisect.bisect_right(starts, start)
        span = Span(file=file, line=line, column=start - starts[line - 1] + 1, start=start, end=end)
        if not isinstance(value, dict):
            findings.append(Finding(kind=Kind.UNPARSED_ENTRY, severity=Severity.ERROR, span=span,
                                    message=f"line {line}: a CSL-JSON item must be an object, not {_json_kind(value)}"))
            continue
        repeated = getattr(value, "repeated", ())
        value, lone = whole_characters(value) if "\\" in text[start:end] else (value, 0)
        ref, problems = item_to_reference(value, text[start:end], span)
        problems = [f'"{key}" is given twice in one object; the last is read, the first left out'
                    for key in dict.fromkeys(repeated)] + ([lone_halves_problem(lone)] if lone else []) + problems
        if ITEM_URI.match(ref.key) or not ref.key:  # Zotero's item URI: no citation key, unless the item gives one
            cited = citation_key(value)  # (CSL's citation-key); else one is made (emit.keys); the URI kept
            ref = dataclasses.replace(ref, key=cited, extra=ref.extra + ((("csl:zotero-uri", ref.key),) if ref.key else ()))
        if ref.key and _CITATION_KEY_LINE.search(ref.note):  # Better BibTeX's pinned key, the entry's key: no note
            ref = dataclasses.replace(ref, note=_without_key_line(ref.note, ref.key))
        findings.extend(Finding(kind=Kind.MALFORMED_REFERENCE, severity=Severity.WARNING, span=span,
                                reference=ref.key or None, message=f"line {line}: {p}") for p in problems)
        refs.append(ref)
    return tuple(refs), tuple(findings)

