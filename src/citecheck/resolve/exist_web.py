"""Web sources: the cited page (live, or a copy the reference gives) and its Wayback captures.

A page that is read gives a ``Work`` with its title and authors ("cited page"). When the live
page is gone (404/410, no such host) or its title does not match, the Wayback Machine is
asked for captures near the citation date: a capture proves the URL existed (link rot, not
fabrication) and its copy is read for the title ("Wayback Machine"). Pages that block us
(401/403/429), time out or fail on the server are ``failed``: they prove nothing either way.
"""
from __future__ import annotations

import logging
import re
from collections.abc import Callable

from citecheck.links.archive import ArchiveLookup, citation_date
from citecheck.links.http import HttpResponse, NetError
from citecheck.model import Reference, Url

from .exist_match import SAME_WORK
from .exist_records import Reply, Status, Work
from .page_meta import PageMetadata, extract_page_metadata
from .textmatch import family_of, title_similarity

log = logging.getLogger(__name__)

PAGE = "cited page"
WAYBACK = "Wayback Machine"
GONE_STATUS = (404, 410)
GONE_ERRORS = (NetError.DNS, NetError.REFUSED)
HTML_TYPES = ("text/html", "application/xhtml+xml", "")
_IDENTIFIER_HOSTS = re.compile(r"^https?://(?:dx\.)?doi\.org/|^https?://(?:export\.)?arxiv\.org/", re.I)
_WAYBACK_COPY = re.compile(r"(/web/\d{4,14})(?:[a-z]{2}_)?/", re.I)

Fetch = Callable[[str], HttpResponse]
Archive = Callable[[str, "datetime | None"], ArchiveLookup]


def page_urls(reference: Reference) -> tuple[Url, ...]:
    """The URLs of the work itself (identifier URLs such as doi.org and arxiv.org are checked as identifiers)."""
    return tuple(u for u in reference.urls if not _IDENTIFIER_HOSTS.match(u.url))


class WebSource:
    """Reads the cited page; asks the archive when the page is gone or does not match."""

    def __init__(self, fetch: Fetch, archive: Archive | None) -> None:
        self._fetch = fetch
        self._archive = archive

    def find(self, reference: Reference) -> tuple[Reply, Reply]:
        """(the page's reply, the archive's reply) for the first URL that settles anything."""
        urls = page_urls(reference)
        if not urls:
            skipped = "the reference gives no URL"
            return Reply(PAGE, Status.SKIPPED, detail=skipped), Reply(WAYBACK, Status.SKIPPED, detail=skipped)
        replies: tuple[Reply, Reply] | None = None
        for url in urls:
            replies = self._one(url, reference)
            if any(_matches(w, reference) for r in replies for w in r.works):
                return replies
        return replies

    def _one(self, url: Url, reference: Reference) -> tuple[Reply, Reply]:
        live = self._fetch(url.url)
        page = _page_reply(live, url.url)
        if any(_matches(w, reference) for w in page.works):
            return page, Reply(WAYBACK, Status.SKIPPED, detail="the live page matches")
        return page, self._archived(url, reference)

    def _archived(self, url: Url, reference: Reference) -> Reply:
        if url.snapshot is not None:
            copy = self._read_copy(url.snapshot.url, url.url, url.snapshot.timestamp)
            if copy is not None:
                return Reply(WAYBACK, Status.ANSWERED, (copy,), detail="the copy the reference gives")
        if self._archive is None:
            return Reply(WAYBACK, Status.SKIPPED, detail="no archive configured")
        lookup = self._archive(url.url, citation_date(reference))
        if lookup.snapshot is None:
            if lookup.failed:
                return Reply(WAYBACK, Status.FAILED, detail=lookup.detail or "the archives did not answer")
            return Reply(WAYBACK, Status.ANSWERED, detail=lookup.detail or "no capture",
                         missing_id=f"a capture of {url.url}")
        snap = lookup.snapshot
        copy = self._read_copy(snap.url, url.url, snap.timestamp)
        if copy is None:  # the capture exists, its copy could not be read: the URL existed all the same
            copy = Work(source=WAYBACK, title="", url=snap.url, kind="webpage", by_id=f"capture {snap.timestamp}")
        return Reply(WAYBACK, Status.ANSWERED, (copy,), detail=f"capture {snap.timestamp} ({snap.archive})")

    def _read_copy(self, archived: str, original: str, timestamp: str) -> Work | None:
        raw = _WAYBACK_COPY.sub(r"\1id_/", archived, count=1)
        response = self._fetch(raw)
        metadata = _metadata(response, original)
        if metadata is None:
            return None
        return _work(metadata, WAYBACK, archived, f"capture {timestamp}")


def _page_reply(response: HttpResponse, url: str) -> Reply:
    if response.error in GONE_ERRORS or response.status in GONE_STATUS:
        why = response.error.value if response.error else f"HTTP {response.status}"
        return Reply(PAGE, Status.ANSWERED, detail=f"{url}: {why}", missing_id=f"URL {url}")
    if not response.ok:
        why = response.error.value if response.error else f"HTTP {response.status}"
        return Reply(PAGE, Status.FAILED, detail=f"{url}: {why}")
    metadata = _metadata(response, url)
    if metadata is None:  # a PDF or other file: it exists, its title is not read here
        return Reply(PAGE, Status.ANSWERED, (Work(source=PAGE, title="", url=url, kind="webpage", by_id=f"URL {url}"),),
                     detail=f"{url}: not an HTML page")
    return Reply(PAGE, Status.ANSWERED, (_work(metadata, PAGE, url, f"URL {url}"),), detail=url)


def _metadata(response: HttpResponse, url: str) -> PageMetadata | None:
    if not response.ok:
        return None
    kind = response.header("content-type").split(";")[0].strip().casefold()
    if kind not in HTML_TYPES:
        return None
    return extract_page_metadata(response.text(), url)


def _work(page: PageMetadata, source: str, url: str, by_id: str) -> Work:
    titles = tuple(dict.fromkeys(t for t in (page.title, *(f.value for f in page.found if f.field == "title")) if t))
    names = tuple(a.name for a in page.authors)
    return Work(source=source, title=titles[0] if titles else "", authors=names,
                families=tuple(family_of(n) for n in names),
                publisher=page.site_name, url=url, kind="webpage", by_id=by_id,
                container=" | ".join(titles[1:4]))  # other title forms, compared too


def page_titles(work: Work) -> tuple[str, ...]:
    return tuple(t for t in (work.title, *work.container.split(" | ")) if t) if work.kind == "webpage" else (work.title,)


def web_title_score(reference: Reference, work: Work) -> float:
    return max((title_similarity(reference.title, t) for t in page_titles(work)), default=0.0)


def _matches(work: Work, reference: Reference) -> bool:
    return bool(reference.title) and web_title_score(reference, work) >= SAME_WORK
