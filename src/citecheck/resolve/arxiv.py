"""arXiv: identifiers in references, a pure parser of the API's Atom feed, and a polite client.

* ``GET {base}?id_list=2106.01345&max_results=1`` (base ``https://export.arxiv.org/api/query``)
  -> an Atom ``<feed>`` (namespaces Atom, ``http://a9.com/-/spec/opensearch/1.1/`` and
  ``http://arxiv.org/schemas/atom``) with ``<opensearch:totalResults>`` and one ``<entry>``
  per paper: ``<id>http://arxiv.org/abs/2106.01345v2</id>``, ``<published>``, ``<title>``,
  ``<author><name>``..., ``<arxiv:doi>``, ``<arxiv:journal_ref>``, ``<arxiv:primary_category>``.
* An unknown (well-formed) identifier: ``totalResults`` 0 and no entry (older versions sent an
  entry without a title); a malformed one: an entry whose ``<id>`` is
  ``http://arxiv.org/api/errors#incorrect_id_format_for_...`` (HTTP 400 on newer servers).

arXiv asks for at most one request every three seconds: the client's ``min_interval``.
"""
from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass

from citecheck.model import Reference

from .answers import Answer
from .crossref import normal_doi
from .polite import failure_detail, ServiceClient

ARXIV_API = "https://export.arxiv.org/api/query"
_ATOM = "{http://www.w3.org/2005/Atom}"
_ARXIV = "{http://arxiv.org/schemas/atom}"
_OPENSEARCH = "{http://a9.com/-/spec/opensearch/1.1/}"
_NEW_ID = r"\d{4}\.\d{4,5}"
_OLD_ID = r"[a-z][a-z\-]+(?:\.[A-Z]{2})?/\d{7}"
_ID = re.compile(rf"(?<![\w.])({_NEW_ID}|{_OLD_ID})(?:v\d+)?(?![\w])")
_MENTION = re.compile(rf"(?:arxiv[:\s]*|arxiv\.org/(?:abs|pdf)/|10\.48550/arxiv\.)({_NEW_ID}|{_OLD_ID})", re.I)


@dataclass(frozen=True)
class ArxivEntry:
    id: str  # without version: "2106.01345"
    title: str = ""
    authors: tuple[str, ...] = ()
    year: int | None = None
    doi: str = ""
    journal_ref: str = ""


def arxiv_id(reference: Reference) -> str:
    """The arXiv identifier a reference gives (DOI 10.48550/arXiv.X, an arxiv.org URL, "arXiv:X", eprint)."""
    extra = dict((k.casefold(), v) for k, v in reference.extra)
    if extra.get("eprint") and extra.get("archiveprefix", "arxiv").casefold() == "arxiv":
        found = _ID.search(extra["eprint"])
        if found:
            return found.group(1)
    texts = [reference.doi, *(u.url for u in reference.urls), reference.container, reference.note, reference.raw,
             *(v for _, v in reference.extra)]
    for text in texts:
        found = _MENTION.search(text or "")
        if found:
            return found.group(1)
    return ""


def parse_feed(text: str) -> Answer[tuple[ArxivEntry, ...]]:
    """The Atom feed of ``/api/query``: its entries; none (or only an error entry) is a miss."""
    try:
        root = ET.fromstring(text)
    except ET.ParseError as exc:
        head = text.lstrip()[:40].replace("\n", " ")
        return Answer.failed(f"arXiv: the answer is not XML ({exc}; starts {head!r})")
    if root.tag != f"{_ATOM}feed":
        return Answer.failed(f"arXiv: the answer is not an Atom feed ({root.tag})")
    entries = []
    for entry in root.findall(f"{_ATOM}entry"):
        ident = _text(entry, f"{_ATOM}id")
        if "/api/errors" in ident:
            return Answer.miss(f"arXiv rejects the identifier: {_text(entry, f'{_ATOM}summary') or ident}")
        found = _ID.search(ident.rsplit("/abs/", 1)[-1])
        title = _text(entry, f"{_ATOM}title")
        if found is None or not title:
            continue
        published = _text(entry, f"{_ATOM}published")
        entries.append(ArxivEntry(
            id=found.group(1), title=title,
            authors=tuple(n for n in (_text(a, f"{_ATOM}name") for a in entry.findall(f"{_ATOM}author")) if n),
            year=int(published[:4]) if published[:4].isdigit() else None,
            doi=normal_doi(_text(entry, f"{_ARXIV}doi")), journal_ref=_text(entry, f"{_ARXIV}journal_ref"),
        ))
    if entries:
        return Answer.hit(tuple(entries))
    total = _text(root, f"{_OPENSEARCH}totalResults")
    return Answer.miss(f"arXiv has no such paper (totalResults {total or '?'})")


def _text(node: ET.Element, tag: str) -> str:
    child = node.find(tag)
    return " ".join((child.text or "").split()) if child is not None else ""


class ArxivClient(ServiceClient):
    service = "arXiv"
    default_base = ARXIV_API
    default_interval = 3.0

    def by_id(self, ident: str) -> Answer[ArxivEntry]:
        response = self._http.get(self.base_url, {"id_list": ident, "max_results": "1"},
                                  accept="application/atom+xml")
        if response.status == 400 and response.body:
            answer = parse_feed(response.text())  # an error feed: a malformed identifier
            return Answer(answer.outcome, None, answer.detail) if not answer.found else Answer.failed("arXiv: HTTP 400")
        if not response.ok:
            return Answer.failed(failure_detail("arXiv", response))
        answer = parse_feed(response.text())
        if not answer.found:
            return Answer(answer.outcome, None, answer.detail)
        return Answer.hit(answer.value[0])
