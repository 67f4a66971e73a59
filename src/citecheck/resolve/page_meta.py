"""What a web page says about itself: authors, title, date, site name, and which tag said it.

Pure: ``extract_page_metadata(html, url)`` reads the forms publishers use:
``<meta name="author">``, Highwire / Google Scholar ``citation_*`` tags, Dublin Core
(``dc.creator``, ``DC.Creator``, ``dcterms.creator``), Open Graph (``og:title``,
``og:site_name``, ``article:author``), JSON-LD (``author`` as text, a Person, a list, an
Organization, ``@graph`` arrays with ``@id`` references; ``headline``, ``name``,
``datePublished``), visible bylines ("By Julie Zaugg, CNN") and ``<title>`` minus the
site suffix (" - CNN", " | Reuters"). Conflicting author tags are all kept, each with
its source; malformed JSON-LD is skipped and noted, never fatal.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass
from enum import Enum
from urllib.parse import urlsplit

from .html_scan import PageScan, scan_html
from .textmatch import fold


class AuthorForm(str, Enum):
    """Where a page names an author; evidence weights are chosen per form (page_source.py)."""

    CITATION = "citation_author"
    JSONLD_PERSON = "json-ld person"
    JSONLD_TEXT = "json-ld text"
    JSONLD_ORGANIZATION = "json-ld organization"
    DUBLIN_CORE = "dublin core"
    META_AUTHOR = "meta author"
    OPEN_GRAPH = "article:author"
    BYLINE = "byline"


@dataclass(frozen=True)
class PageAuthor:
    name: str
    form: AuthorForm
    tag: str  # the tag as found: '<meta name="citation_author">', 'JSON-LD NewsArticle.author (Person)'


@dataclass(frozen=True)
class Found:
    """One value for one field (``title``, ``date``, ``site_name``) and the tag it came from."""

    field: str
    value: str
    tag: str


@dataclass(frozen=True)
class PageMetadata:
    url: str
    authors: tuple[PageAuthor, ...] = ()
    title: str = ""
    date: str = ""
    site_name: str = ""
    found: tuple[Found, ...] = ()  # every title/date/site-name value seen, best first per field
    notes: tuple[str, ...] = ()  # what was skipped and why (malformed JSON-LD ...)

    def source_of(self, field: str) -> str:
        """The tag the chosen ``title`` / ``date`` / ``site_name`` came from ("" if none)."""
        value = getattr(self, field)
        return next((f.tag for f in self.found if f.field == field and f.value == value), "")

    @property
    def year(self) -> int | None:
        match = re.search(r"\b(1[5-9]\d\d|20\d\d)\b", self.date)
        return int(match.group(1)) if match else None


_TITLE_KEYS = ("citation_title", "og:title", "dc.title", "dcterms.title", "twitter:title")
_DATE_KEYS = (
    "citation_publication_date", "citation_date", "article:published_time", "dc.date", "dcterms.issued",
    "dcterms.created", "dc.date.issued", "date", "pubdate", "publishdate", "sailthru.date",
)
_SITE_KEYS = ("og:site_name", "application-name", "citation_journal_title", "dc.publisher")
_DC_CREATORS = ("dc.creator", "dcterms.creator", "dc.contributor.author")
_ARTICLE_TYPES = re.compile(r"(article|posting|report|book|webpage|creativework|scholarly|thesis|chapter)$", re.I)
_TITLE_SEPARATORS = re.compile(r"\s+(?:\||-|\u2013|\u2014|::|\u00b7|\u2022)\s+")
_BY = re.compile(r"^\s*(?:written\s+)?by[:\s]+", re.I)
_AND = re.compile(r"\s+(?:and|&)\s+", re.I)
_PERSON_WORD = re.compile(r"^[A-Z\u00c0-\u024f][\w.'\u2019\-]*$|^(?:van|von|de|der|den|da|di|du|la|le|bin|al)$")


def extract_page_metadata(html: str, url: str) -> PageMetadata:
    scan = scan_html(html)
    notes: list[str] = []
    ld_authors, ld_found = _json_ld(scan.json_ld, notes)
    site = _site_name(scan, ld_found)
    outlet_words = _outlet_keys(site, url)
    authors = _meta_authors(scan, outlet_words) + ld_authors + _bylines(scan, outlet_words)
    found = _fields(scan, ld_found, outlet_words)
    first = {f.field: f.value for f in reversed(found)}
    return PageMetadata(
        url=url, authors=tuple(authors), title=first.get("title", ""), date=first.get("date", ""),
        site_name=first.get("site_name", ""), found=tuple(found), notes=tuple(notes),
    )


def _meta_authors(scan: PageScan, outlet: set[str]) -> list[PageAuthor]:
    authors = []
    for meta in scan.metas:
        key, tag, content = meta.key, meta.tag, meta.content
        if key == "citation_author":
            authors.append(PageAuthor(content, AuthorForm.CITATION, tag))
        elif key in _DC_CREATORS:
            authors.append(PageAuthor(content, AuthorForm.DUBLIN_CORE, tag))
        elif key == "author":
            authors.extend(PageAuthor(n, AuthorForm.META_AUTHOR, tag) for n in _split_names(content, outlet))
        elif key == "article:author" and not re.match(r"https?://", content):
            authors.extend(PageAuthor(n, AuthorForm.OPEN_GRAPH, tag) for n in _split_names(content, outlet))
    return authors


def _bylines(scan: PageScan, outlet: set[str]) -> list[PageAuthor]:
    authors: list[PageAuthor] = []
    for text in scan.bylines:
        if len(text) > 200:
            continue
        names = _split_names(text, outlet)
        authors.extend(PageAuthor(n, AuthorForm.BYLINE, "visible byline") for n in names if _looks_like_person(n))
    return [a for i, a in enumerate(authors) if a.name not in {b.name for b in authors[:i]}]


def _split_names(text: str, outlet: set[str]) -> list[str]:
    """ "Julie Zaugg, CNN" -> ["Julie Zaugg"]; "A Bee and C Dee" -> both; "Zaugg, Julie" stays whole."""
    text = _TITLE_SEPARATORS.sub(", ", _BY.sub("", " ".join(text.split()))).strip(" ,;|")
    parts = [p.strip() for p in re.split(r"[,;]", text) if p.strip()]
    while len(parts) > 1 and _is_outlet(parts[-1], outlet):
        parts.pop()
    if len(parts) == 2 and len(parts[0].split()) == 1 and len(parts[1].split()) <= 2 and not _AND.search(text):
        return [f"{parts[0]}, {parts[1]}"]  # "Zaugg, Julie": an inverted name
    names = [n.strip() for p in parts for n in _AND.split(p) if n.strip()]
    return [n for n in names if not _is_outlet(n, outlet)]


def _looks_like_person(name: str) -> bool:
    """A byline name: two to five words, capitalised (particles aside), no digits."""
    words = name.replace(",", " ").split()
    return 2 <= len(words) <= 5 and len(name) <= 60 and all(_PERSON_WORD.match(w) for w in words)


def _is_outlet(text: str, outlet: set[str]) -> bool:
    key = fold(text)
    if not key or key in outlet or key.replace(" ", "") in outlet:
        return True
    words = text.split()
    if any(ch.isdigit() for ch in text) or re.search(r"\b(updated|published|staff|reporter|correspondent)\b", text, re.I):
        return True
    return len(words) == 1 and (text.isupper() or not _PERSON_WORD.match(text))


def _outlet_keys(site: str, url: str) -> set[str]:
    host = urlsplit(url).hostname or ""
    labels = [p for p in host.split(".") if p not in ("www", "com", "org", "net", "co", "uk", "edu", "gov", "news")]
    keys = {fold(site), fold(site).replace(" ", "")} | set(labels)
    return {k for k in keys if k}


def _site_name(scan: PageScan, ld_found: list[Found]) -> str:
    for key in _SITE_KEYS:
        value = scan.meta(key)
        if value:
            return value
    return next((f.value for f in ld_found if f.field == "site_name"), "")


_FIELD_KEYS = {"title": _TITLE_KEYS, "date": _DATE_KEYS, "site_name": _SITE_KEYS}
_FIELD_ORDER = {"title": 0, "date": 1, "site_name": 2}


def _fields(scan: PageScan, ld_found: list[Found], outlet: set[str]) -> list[Found]:
    """Every title / date / site-name value, best first per field: meta tags in key order
    (citation_ beats og:), then JSON-LD, then ``<title>``."""
    ranked: list[tuple[int, int, Found]] = []
    for meta in scan.metas:
        for field, keys in _FIELD_KEYS.items():
            if meta.key in keys and meta.content:
                ranked.append((keys.index(meta.key), len(ranked), Found(field, meta.content, meta.tag)))
    ranked.extend((100, len(ranked) + i, f) for i, f in enumerate(ld_found))
    if scan.title:
        ranked.append((200, len(ranked), Found("title", _strip_site_suffix(scan.title, outlet), "<title> minus the site suffix")))
    ranked.sort(key=lambda r: (_FIELD_ORDER[r[2].field], r[0], r[1]))
    return [f for _, _, f in ranked]


def _names_site(text: str, outlet: set[str]) -> bool:
    """A title part that is the site's name (not the byline heuristics: headlines hold digits)."""
    key = fold(text)
    return not key or key in outlet or key.replace(" ", "") in outlet


def _strip_site_suffix(title: str, outlet: set[str]) -> str:
    parts = _TITLE_SEPARATORS.split(" ".join(title.split()))
    if len(parts) > 1 and not _names_site(parts[-1], outlet) and not _names_site(parts[0], outlet):
        if len(parts[-1].split()) <= 4 and len(parts[-1]) < len(parts[0]):
            parts.pop()  # "Headline - The Economist": a short last part is the site
    while len(parts) > 1 and _names_site(parts[-1], outlet):
        parts.pop()
    while len(parts) > 1 and _names_site(parts[0], outlet):
        parts.pop(0)
    return " - ".join(parts)


# --- JSON-LD ------------------------------------------------------------------------------------


def _json_ld(blocks: tuple[str, ...], notes: list[str]) -> tuple[list[PageAuthor], list[Found]]:
    nodes: list[dict] = []
    for number, block in enumerate(blocks, 1):
        try:
            data = json.loads(block)
        except ValueError as exc:
            notes.append(f"JSON-LD block {number} is malformed ({exc.msg}, char {exc.pos}); skipped")
            continue
        nodes.extend(_flatten(data))
    by_id = {n["@id"]: n for n in nodes if isinstance(n.get("@id"), str)}
    authors: list[PageAuthor] = []
    found: list[Found] = []
    for node in nodes:
        kind = _type_of(node)
        if not (_ARTICLE_TYPES.search(kind) or "author" in node):
            continue
        label = f"JSON-LD {kind or 'object'}"
        for value in _as_list(node.get("author")):
            authors.extend(_ld_author(_resolve(value, by_id), f"{label}.author"))
        for field, key in (("title", "headline"), ("title", "name"), ("date", "datePublished")):
            value = node.get(key)
            if isinstance(value, str) and value.strip() and _ARTICLE_TYPES.search(kind):
                found.append(Found(field, " ".join(value.split()), f"{label}.{key}"))
        publisher = _resolve(node.get("publisher"), by_id)
        if isinstance(publisher, dict) and isinstance(publisher.get("name"), str):
            found.append(Found("site_name", publisher["name"].strip(), f"{label}.publisher.name"))
    return authors, found


def _flatten(data: object) -> list[dict]:
    if isinstance(data, list):
        return [n for item in data for n in _flatten(item)]
    if not isinstance(data, dict):
        return []
    graph = data.get("@graph")
    return [data] + (_flatten(graph) if isinstance(graph, list) else [])


def _type_of(node: dict) -> str:
    kind = node.get("@type", "")
    if isinstance(kind, list):
        kind = next((k for k in kind if isinstance(k, str) and _ARTICLE_TYPES.search(k)), kind[0] if kind else "")
    return kind if isinstance(kind, str) else ""


def _as_list(value: object) -> list:
    return value if isinstance(value, list) else ([] if value is None else [value])


def _resolve(value: object, by_id: dict[str, dict]) -> object:
    if isinstance(value, dict) and set(value) == {"@id"} and value["@id"] in by_id:
        return by_id[value["@id"]]
    return value


def _ld_author(value: object, label: str) -> list[PageAuthor]:
    if isinstance(value, str) and value.strip():
        return [PageAuthor(n, AuthorForm.JSONLD_TEXT, f"{label} (text)") for n in _split_names(value, set())]
    if not isinstance(value, dict):
        return []
    kind = _type_of(value) or "Person"
    name = value.get("name")
    if isinstance(name, list):
        name = next((n for n in name if isinstance(n, str)), "")
    if not isinstance(name, str) or not name.strip():
        name = " ".join(v for v in (value.get("givenName"), value.get("familyName")) if isinstance(v, str))
    if not name.strip():
        return []
    if kind.casefold() in ("organization", "newsmediaorganization", "corporation"):
        return [PageAuthor(name.strip(), AuthorForm.JSONLD_ORGANIZATION, f"{label} ({kind})")]
    return [PageAuthor(" ".join(name.split()), AuthorForm.JSONLD_PERSON, f"{label} ({kind})")]
