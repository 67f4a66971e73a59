"""Semantic Scholar (optional): a pure parser of its paper search, and a polite client.

* ``GET {base}/graph/v1/paper/search?query=...&fields=title,year,authors,externalIds,venue&limit=5``
  -> ``{"total": 2, "offset": 0, "next": 5, "data": [{"paperId": "649def34...", "title": ...,
  "year": 2018, "venue": ..., "externalIds": {"DOI": ..., "ArXiv": ..., "CorpusId": 1},
  "authors": [{"authorId": "1741101", "name": "Waleed Ammar"}]}]}``; a miss is ``total: 0``
  (``data`` empty or absent).
* Without an API key the shared pool answers 429 ``{"message": "Too Many Requests. ...",
  "code": "429"}`` often: the client keeps one request per second and honours Retry-After.
"""
from __future__ import annotations

from dataclasses import dataclass

from citecheck.links.http import Transport

from .answers import Answer, first_int, load_json_object
from .crossref import normal_doi
from .polite import failure_detail, ServiceClient

SEMANTIC_SCHOLAR_API = "https://api.semanticscholar.org"
FIELDS = "title,year,authors,externalIds,venue"


@dataclass(frozen=True)
class ScholarPaper:
    id: str
    title: str = ""
    authors: tuple[str, ...] = ()
    year: int | None = None
    doi: str = ""
    arxiv: str = ""
    venue: str = ""


def parse_search(text: str) -> Answer[tuple[ScholarPaper, ...]]:
    data, why = load_json_object(text)
    if data is None:
        return Answer.failed(f"Semantic Scholar: {why}")
    total, papers = data.get("total"), data.get("data", [])
    if not isinstance(total, int) or isinstance(total, bool) or not isinstance(papers, list):
        return Answer.failed("Semantic Scholar search answer without total and data")
    found = tuple(p for p in (_paper(d) for d in papers if isinstance(d, dict)) if p is not None)
    return Answer.hit(found) if found else Answer.miss("Semantic Scholar found no matching paper")


def _paper(data: dict) -> ScholarPaper | None:
    if not isinstance(data.get("paperId"), str) or not isinstance(data.get("title"), str):
        return None
    ids = data.get("externalIds") if isinstance(data.get("externalIds"), dict) else {}
    names = tuple(" ".join(a["name"].split()) for a in data.get("authors") or []
                  if isinstance(a, dict) and isinstance(a.get("name"), str) and a["name"].strip())
    return ScholarPaper(
        id=data["paperId"], title=" ".join(data["title"].split()), authors=names, year=first_int(data.get("year")),
        doi=normal_doi(ids["DOI"]) if isinstance(ids.get("DOI"), str) else "",
        arxiv=ids["ArXiv"] if isinstance(ids.get("ArXiv"), str) else "",
        venue=data["venue"] if isinstance(data.get("venue"), str) else "",
    )


class SemanticScholarClient(ServiceClient):
    service = "Semantic Scholar"
    default_base = SEMANTIC_SCHOLAR_API
    default_interval = 1.0

    def __init__(
        self,
        transport: Transport,
        *,
        user_agent: str,
        limit: int = 5,
        **pace,
    ) -> None:
        super().__init__(transport, user_agent=user_agent, **pace)
        self._limit = limit

    def search(self, title: str) -> Answer[tuple[ScholarPaper, ...]]:
        params = {"query": title, "fields": FIELDS, "limit": str(self._limit)}
        response = self._http.get(f"{self.base_url}/graph/v1/paper/search", params)
        if not response.ok:
            return Answer.failed(failure_detail("Semantic Scholar", response))
        return parse_search(response.text())
