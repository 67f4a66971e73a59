"""OpenAlex: pure parsers of its answers, and a polite client, for scholarly works.

* ``GET {base}/works/doi:{doi}`` -> one work: ``{"id": "https://openalex.org/W..",
  "doi": "https://doi.org/10..", "title", "display_name", "publication_year": 2006,
  "type", "authorships": [{"author_position", "author": {"id", "display_name", "orcid"},
  "raw_author_name", "institutions": [...]}], "primary_location": {"source": {"display_name"}}}``;
  an unknown DOI is HTTP 404.
* ``GET {base}/works?search=...&filter=publication_year:Y&per-page=5`` ->
  ``{"meta": {"count", "db_response_time_ms", "page", "per_page", "groups_count"},
  "results": [work, ...], "group_by": []}`` (search results add ``relevance_score``);
  a miss is ``count: 0`` and ``results: []``.

The ``mailto`` parameter puts requests in the polite pool.
"""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from urllib.parse import quote

from citecheck.links.http import Transport

from .answers import Answer, first_int, load_json_object
from .crossref import normal_doi
from .polite import failure_detail, ServiceClient
from .textmatch import fold, title_similarity

OPENALEX_API = "https://api.openalex.org"


@dataclass(frozen=True)
class OpenAlexWork:
    id: str
    title: str = ""
    authors: tuple[str, ...] = ()  # display names (raw_author_name when there is none)
    year: int | None = None
    doi: str = ""  # bare, lower case
    venue: str = ""
    type: str = ""
    relevance: float | None = None


def parse_work(text: str) -> Answer[OpenAlexWork]:
    data, why = load_json_object(text)
    if data is None:
        return Answer.failed(f"OpenAlex: {why}")
    work = _work(data)
    return Answer.hit(work) if work is not None else Answer.failed("OpenAlex answer is not a work (no id)")


def parse_work_list(text: str) -> Answer[tuple[OpenAlexWork, ...]]:
    data, why = load_json_object(text)
    if data is None:
        return Answer.failed(f"OpenAlex: {why}")
    results, meta = data.get("results"), data.get("meta")
    if not isinstance(results, list) or not isinstance(meta, dict):
        return Answer.failed("OpenAlex list answer without meta and results")
    works = tuple(w for w in (_work(r) for r in results if isinstance(r, dict)) if w is not None)
    return Answer.hit(works) if works else Answer.miss("OpenAlex found no matching work")


def _work(data: dict) -> OpenAlexWork | None:
    if not isinstance(data.get("id"), str):
        return None
    authors = []
    for authorship in data.get("authorships") or []:
        if not isinstance(authorship, dict):
            continue
        author = authorship.get("author") if isinstance(authorship.get("author"), dict) else {}
        name = author.get("display_name") or authorship.get("raw_author_name")
        if isinstance(name, str) and name.strip():
            authors.append(" ".join(name.split()))
    title = data.get("title") or data.get("display_name")
    location = data.get("primary_location") if isinstance(data.get("primary_location"), dict) else {}
    source = location.get("source") if isinstance(location.get("source"), dict) else {}
    relevance = data.get("relevance_score")
    return OpenAlexWork(
        id=data["id"],
        title=" ".join(title.split()) if isinstance(title, str) else "",
        authors=tuple(authors),
        year=first_int(data.get("publication_year")),
        doi=normal_doi(data["doi"]) if isinstance(data.get("doi"), str) else "",
        venue=source.get("display_name") if isinstance(source.get("display_name"), str) else "",
        type=data.get("type") if isinstance(data.get("type"), str) else "",
        relevance=float(relevance) if isinstance(relevance, (int, float)) and not isinstance(relevance, bool) else None,
    )


def accept_work(works: Sequence[OpenAlexWork], title: str, *, min_title: float = 90.0) -> tuple[OpenAlexWork, str] | None:
    """The work whose title matches, unless several matching works name different authors."""
    agreeing = [w for w in works if title_similarity(title, w.title) >= min_title]
    if not agreeing:
        return None
    if len({tuple(sorted(fold(a) for a in w.authors)) for w in agreeing if w.authors}) > 1:
        return None
    return agreeing[0], f"an OpenAlex search hit (title agrees; {len(agreeing)} agreeing record(s) of {len(works)})"


class OpenAlexClient(ServiceClient):
    service = "OpenAlex"
    default_base = OPENALEX_API
    default_interval = 0.1

    def __init__(
        self,
        transport: Transport,
        *,
        user_agent: str,
        mailto: str = "",
        per_page: int = 5,
        **pace,
    ) -> None:
        super().__init__(transport, user_agent=user_agent, **pace)
        self._mailto = mailto
        self._per_page = per_page

    def work(self, doi: str) -> Answer[OpenAlexWork]:
        response = self._http.get(f"{self.base_url}/works/doi:{quote(doi, safe='/')}", self._params({}))
        if response.status == 404:
            return Answer.miss(f"OpenAlex has no work with DOI {doi}")
        if not response.ok:
            return Answer.failed(failure_detail("OpenAlex", response))
        return parse_work(response.text())

    def search(self, title: str, year: int | None = None) -> Answer[tuple[OpenAlexWork, ...]]:
        params = {"search": title, "per-page": str(self._per_page)}
        if year is not None:
            params["filter"] = f"publication_year:{year}"
        response = self._http.get(f"{self.base_url}/works", self._params(params))
        if not response.ok:
            return Answer.failed(failure_detail("OpenAlex", response))
        return parse_work_list(response.text())

    def _params(self, params: dict[str, str]) -> dict[str, str]:
        return {**params, "mailto": self._mailto} if self._mailto else params
