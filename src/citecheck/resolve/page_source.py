"""Evidence from the cited page itself: the authors its metadata names.

``PageFetcher`` fetches each URL at most once per run over a Transport (and accepts the
response the link checker already has, via ``remember``). ``PageAuthorEvidence`` reads
the reference's page (live; its archived copy when the reference gives a snapshot or
when the live page fails) and weighs candidate spellings by the tag that names them:
``citation_author`` and a JSON-LD Person are the publisher's own records (+4), a
generic ``<meta name=author>`` is good (+3), a visible byline weaker (+2).
"""
from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from citecheck.links.http import HttpResponse, Transport
from citecheck.model import Evidence, Reference, Url

from .page_meta import AuthorForm, PageMetadata, extract_page_metadata
from .record import RecordAuthor, WorkRecord, weigh_record
from .textmatch import family_of

log = logging.getLogger(__name__)

FORM_WEIGHTS: dict[AuthorForm, float] = {
    AuthorForm.CITATION: 4.0,
    AuthorForm.JSONLD_PERSON: 4.0,
    AuthorForm.DUBLIN_CORE: 3.5,
    AuthorForm.META_AUTHOR: 3.0,
    AuthorForm.JSONLD_TEXT: 3.0,
    AuthorForm.OPEN_GRAPH: 3.0,
    AuthorForm.BYLINE: 2.0,
}  # JSON-LD Organizations name no person: they never weigh a surname
HTML_TYPES = ("text/html", "application/xhtml+xml")
WAYBACK = "https://web.archive.org/web/"

Fetch = Callable[[str], HttpResponse]


class PageFetcher:
    """url -> HttpResponse, one request per URL per run (thread-safe memo over a Transport)."""

    def __init__(self, transport: Transport, *, user_agent: str, max_bytes: int = 2 * 1024 * 1024) -> None:
        self._transport = transport
        self._headers = {"User-Agent": user_agent, "Accept": "text/html,application/xhtml+xml;q=0.9,*/*;q=0.5"}
        self._max_bytes = max_bytes
        self._pages: dict[str, HttpResponse] = {}
        self._lock = threading.Lock()

    def remember(self, url: str, response: HttpResponse) -> None:
        """Hand over a page fetched elsewhere (the link checker's GET), so it is not fetched again."""
        with self._lock:
            self._pages.setdefault(url, response)

    def __call__(self, url: str) -> HttpResponse:
        with self._lock:
            if url in self._pages:
                return self._pages[url]
        response = self._transport.request("GET", url, headers=self._headers, max_bytes=self._max_bytes)
        with self._lock:
            return self._pages.setdefault(url, response)


@dataclass(frozen=True)
class _Read:
    metadata: PageMetadata
    via: str  # "" for the live page, else "its archived copy (...)"


class PageAuthorEvidence:
    """Evidence source: the cited page's own author metadata (live, or archived)."""

    name = "cited page metadata"

    def __init__(self, fetch: Fetch, *, wayback_base: str | None = WAYBACK,
                 weights: dict[AuthorForm, float] | None = None) -> None:
        self._fetch = fetch
        self._wayback = wayback_base
        self._weights = dict(FORM_WEIGHTS if weights is None else weights)

    def weigh(self, candidates: Sequence[str], reference: Reference) -> Sequence[Evidence]:
        failures: list[str] = []
        record = self._lookup(reference, failures)
        if record is None and failures:
            detail = f"not verified online: the cited page did not answer ({'; '.join(failures)})"
            return (Evidence(source=self.name, detail=detail),)
        return weigh_record(record, candidates, self.name, says=self._says)

    def lookup(self, reference: Reference) -> WorkRecord | None:
        return self._lookup(reference, [])

    def _lookup(self, reference: Reference, failures: list[str]) -> WorkRecord | None:
        for url in reference.urls:
            read = self._read(url, reference.year, failures)
            if read is None:
                continue
            record = self._record(read)
            if record.authors:
                return record
        return None

    def _read(self, url: Url, year: int | None, failures: list[str]) -> _Read | None:
        live = self._fetch(url.url)
        metadata = _metadata(live, url.url)
        if _no_answer(live):
            failures.append(f"{url.url}: {live.error.value if live.error else f'HTTP {live.status}'}")
        if metadata is not None and metadata.authors:
            return _Read(metadata, "")
        archived = self._archive_url(url, year, live)
        if archived is None:
            return _Read(metadata, "") if metadata is not None else None
        copy = self._fetch(archived)
        old = _metadata(copy, url.url)
        if old is not None:
            failures.clear()  # the archived copy answered for it
        if old is not None and (old.authors or metadata is None):
            return _Read(old, f"its archived copy ({archived})")
        return _Read(metadata, "") if metadata is not None else None

    def _archive_url(self, url: Url, year: int | None, live: HttpResponse) -> str | None:
        if url.snapshot is not None:
            return url.snapshot.url
        if self._wayback and not live.ok:
            return f"{self._wayback}{year or 2}id_/{url.url}"
        return None

    def _record(self, read: _Read) -> WorkRecord:
        page = read.metadata
        authors = tuple(
            RecordAuthor(name=a.name, family=family_of(a.name), form=a.tag, weight=self._weights[a.form])
            for a in page.authors
            if a.form in self._weights
        )
        where = f"the cited page ({page.url})" + (f", {read.via}" if read.via else "")
        return WorkRecord(
            source="cited page", authors=authors, title=page.title, year=page.year, publisher=page.site_name,
            url=page.url, how=where, weight=max((a.weight for a in authors), default=0.0), exact=True,
        )

    @staticmethod
    def _says(record: WorkRecord, author: RecordAuthor) -> str:
        return f"{record.how} names '{author.name}' in {author.form}"


def _no_answer(response: HttpResponse) -> bool:
    """No usable answer (network error, rate limit, server error), as opposed to "gone" (404/410)."""
    return response.error is not None or response.status is None or response.status == 429 or response.status >= 500


def _metadata(response: HttpResponse, url: str) -> PageMetadata | None:
    if not response.ok:
        log.info("page %s: no page (%s)", url, response.error.value if response.error else response.status)
        return None
    kind = response.header("content-type").split(";")[0].strip().casefold()
    if kind and kind not in HTML_TYPES:
        log.info("page %s: %s is not HTML; no metadata read", url, kind)
        return None
    metadata = extract_page_metadata(response.text(), url)
    for note in metadata.notes:
        log.info("page %s: %s", url, note)
    return metadata
