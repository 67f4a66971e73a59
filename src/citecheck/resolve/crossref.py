"""Crossref REST API: pure parsers of its answers, and a polite client.

* ``GET {base}/works/{doi}`` -> ``{"status":"ok","message-type":"work","message":{...}}``;
  an unknown DOI is HTTP 404 with the plain-text body ``Resource not found.``
* ``GET {base}/works?query.bibliographic=...&query.author=...&filter=from-pub-date:Y,until-pub-date:Y&rows=5``
  -> ``{"status":"ok","message-type":"work-list","message":{"facets":{},"total-results":N,
  "items":[{..., "score": 61.2}],"items-per-page":5,"query":{"start-index":0,"search-terms":...}}}``.

A work carries ``DOI``, ``title`` (a list), ``subtitle``, ``author`` (``given``, ``family``,
``sequence``, ``affiliation``; organisations as ``name``), ``issued.date-parts``
(``[[2006]]``, ``[[2006, 3]]``, or ``[[null]]``), ``container-title``, ``publisher``,
``type`` and, in lists, ``score``. Contact: a ``mailto:`` in the User-Agent (and the
``mailto`` parameter) puts requests in Crossref's polite pool; the rate limit it
advertises (``X-Rate-Limit-Limit`` / ``X-Rate-Limit-Interval``) is honoured by PoliteClient.
"""
from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from urllib.parse import quote

from citecheck.links.http import Transport

from .answers import Answer, first_int, load_json_object, text_list
from .polite import failure_detail, ServiceClient
from .retraction import Notice, notices_in
from .textmatch import title_similarity

CROSSREF_API = "https://api.crossref.org"
DOI_PATTERN = re.compile(r"^10\.\d{4,9}/\S+$")


@dataclass(frozen=True)
class CrossrefAuthor:
    given: str = ""
    family: str = ""
    name: str = ""  # an organisation as author
    sequence: str = ""

    def display(self) -> str:
        return self.name or " ".join(p for p in (self.given, self.family) if p)


@dataclass(frozen=True)
class CrossrefWork:
    doi: str
    title: str = ""
    subtitle: str = ""
    authors: tuple[CrossrefAuthor, ...] = ()
    year: int | None = None
    container: str = ""
    publisher: str = ""
    type: str = ""
    score: float | None = None
    notices: tuple[Notice, ...] = ()  # retraction / update notices (retraction.py)

    @property
    def full_title(self) -> str:
        return f"{self.title}: {self.subtitle}" if self.subtitle else self.title


# --- parsers (pure) -----------------------------------------------------------------------------


def parse_work(text: str) -> Answer[CrossrefWork]:
    """The body of ``/works/{doi}`` (HTTP 200)."""
    message, why = _message(text, "work")
    if message is None:
        return Answer.failed(why)
    work = _work(message)
    return Answer.hit(work) if work is not None else Answer.failed("Crossref work without a DOI")


def parse_work_list(text: str) -> Answer[tuple[CrossrefWork, ...]]:
    """The body of ``/works?query...`` (HTTP 200): the items, best score first; none is a miss."""
    message, why = _message(text, "work-list")
    if message is None:
        return Answer.failed(why)
    items = message.get("items")
    if not isinstance(items, list):
        return Answer.failed("Crossref work-list without an items list")
    works = tuple(w for w in (_work(i) for i in items if isinstance(i, dict)) if w is not None)
    if not works:
        return Answer.miss("Crossref found no matching work")
    return Answer.hit(tuple(sorted(works, key=lambda w: -(w.score or 0.0))))


def _message(text: str, kind: str) -> tuple[dict | None, str]:
    data, why = load_json_object(text)
    if data is None:
        return None, f"Crossref: {why}"
    if data.get("status") != "ok":
        return None, f"Crossref answered status {data.get('status')!r}"
    if data.get("message-type") != kind:
        return None, f"Crossref answered a {data.get('message-type')!r}, not a {kind!r}"
    message = data.get("message")
    return (message, "") if isinstance(message, dict) else (None, "Crossref answer without a message object")


def _work(item: dict) -> CrossrefWork | None:
    doi = item.get("DOI")
    if not isinstance(doi, str) or not doi.strip():
        return None
    titles, subtitles = text_list(item.get("title")), text_list(item.get("subtitle"))
    containers = text_list(item.get("container-title"))
    score = item.get("score")
    return CrossrefWork(
        doi=doi.strip().lower(),
        title=titles[0] if titles else "",
        subtitle=subtitles[0] if subtitles else "",
        authors=tuple(_author(a) for a in item.get("author") or [] if isinstance(a, dict)),
        year=_year(item),
        container=containers[0] if containers else "",
        publisher=item.get("publisher") if isinstance(item.get("publisher"), str) else "",
        type=item.get("type") if isinstance(item.get("type"), str) else "",
        score=float(score) if isinstance(score, (int, float)) and not isinstance(score, bool) else None,
        notices=notices_in(item),
    )


def _author(data: dict) -> CrossrefAuthor:
    def text(key: str) -> str:
        value = data.get(key)
        return " ".join(value.split()) if isinstance(value, str) else ""

    return CrossrefAuthor(given=text("given"), family=text("family"), name=text("name"), sequence=text("sequence"))


def _year(item: dict) -> int | None:
    for key in ("issued", "published", "published-print", "published-online"):
        parts = item.get(key, {}).get("date-parts") if isinstance(item.get(key), dict) else None
        if isinstance(parts, list) and parts and isinstance(parts[0], list):
            year = first_int(parts[0])
            if year is not None:
                return year
    return None


def accept_search_hit(
    works: Sequence[CrossrefWork], title: str, *, margin: float = 1.25, min_title: float = 85.0
) -> tuple[CrossrefWork, str] | None:
    """The best-scored work if its score clearly beats the runner-up and its title matches.

    ``margin`` is the ratio the top score must reach over the second (a lone hit needs
    none); the title must reach ``min_title`` (0..100) similarity, subtitles forgiven.
    """
    if not works or works[0].score is None:
        return None
    best = works[0]
    similarity = max(title_similarity(title, best.title), title_similarity(title, best.full_title))
    if similarity < min_title:
        return None
    if len(works) > 1:
        second = works[1].score or 0.0
        if second > 0 and best.score < margin * second:
            return None
        how = f"a Crossref search hit (score {best.score:.1f} vs {second:.1f} for the next; title {similarity:.0f}/100)"
    else:
        how = f"the only Crossref search hit (score {best.score:.1f}; title {similarity:.0f}/100)"
    return best, how


def normal_doi(text: str) -> str:
    """ "https://doi.org/10.1353/SAIS.2006.0004" -> "10.1353/sais.2006.0004"; "" if not a DOI."""
    doi = re.sub(r"^(?:https?://(?:dx\.)?doi\.org/|doi:\s*)", "", text.strip(), flags=re.I).strip().rstrip(".")
    return doi.lower() if DOI_PATTERN.match(doi) else ""


# --- client ---------------------------------------------------------------------------------------


class CrossrefClient(ServiceClient):
    """Looks works up by DOI or by a bibliographic query; every answer is an ``Answer``."""

    service = "Crossref"
    default_base = CROSSREF_API
    default_interval = 0.34

    def __init__(
        self,
        transport: Transport,
        *,
        user_agent: str,
        mailto: str = "",
        rows: int = 5,
        **pace,
    ) -> None:
        super().__init__(transport, user_agent=user_agent, **pace)
        self._mailto = mailto
        self._rows = rows

    def work(self, doi: str) -> Answer[CrossrefWork]:
        url = f"{self.base_url}/works/{quote(doi, safe='/')}"
        response = self._http.get(url, self._params({}))
        if response.status == 404:
            return Answer.miss(f"Crossref has no record of DOI {doi}")
        if not response.ok:
            return Answer.failed(failure_detail("Crossref", response))
        return parse_work(response.text())

    def search(
        self, title: str, authors: Sequence[str] = (), year: int | None = None, container: str = ""
    ) -> Answer[tuple[CrossrefWork, ...]]:
        params = {"query.bibliographic": " ".join(p for p in (title, container) if p), "rows": str(self._rows)}
        if authors:
            params["query.author"] = " ".join(authors)
        if year is not None:
            params["filter"] = f"from-pub-date:{year},until-pub-date:{year}"
        response = self._http.get(f"{self.base_url}/works", self._params(params))
        if not response.ok:
            return Answer.failed(failure_detail("Crossref", response))
        return parse_work_list(response.text())

    def _params(self, params: dict[str, str]) -> dict[str, str]:
        return {**params, "mailto": self._mailto} if self._mailto else params
