"""Does every cited work exist? One verdict per reference, with its evidence (issue 7).

``check_existence(references, sources, *, offline, clock)`` asks the scholarly indexes
(Crossref by DOI and title, OpenAlex, arXiv by identifier, OpenLibrary for books, Semantic
Scholar when enabled), the DOI system for DOIs no index knows, and for references with a
URL the cited page and its Wayback captures; ``exist_verdict.decide`` turns the replies
into verified / mismatch / not-found / undecided, ``exist_findings`` into findings.

Outage semantics: a source counts only for the questions it answered; a circuit breaker
per source stops asking after repeated failures; answers are cached (positive for days,
negative briefly, failures never); offline, nothing is asked, the run says so once and
every reference is undecided. Never is a failure reported as "not found".

``existence_sources(transport, ...)`` builds the sources; every base URL is a parameter.
"""
from __future__ import annotations

import json
import logging
import time
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field, replace

from citecheck.links.archive import ArchiveFinder, CDX_URL, WAYBACK_WEB
from citecheck.links.http import HttpResponse, Transport
from citecheck.model import ExistenceCheck, Finding, Reference, Verdict

from .answers import Outcome as Outcome_
from .arxiv import ARXIV_API, ArxivClient, arxiv_id
from .crossref import CROSSREF_API, CrossrefClient, normal_doi
from .doi_handle import DOI_RESOLVER, DoiResolver
from .exist_findings import offline_finding, retraction_findings, verdict_finding
from .exist_match import SAME_WORK, Grade, cited_families, score
from .exist_records import Reply, Status, Work
from .exist_sources import (
    ArxivSearch, CrossrefSearch, OpenAlexSearch, OpenLibrarySearch, Searcher, SemanticScholarSearch,
)
from .exist_verdict import DOI_SOURCE, Outcome, decide
from .exist_web import WebSource, page_urls
from .guard import AnswerCache, Breaker, MemoryAnswerCache
from .openalex import OPENALEX_API, OpenAlexClient
from .openlibrary import OPENLIBRARY, OpenLibraryClient
from .page_source import PageFetcher
from .semantic_scholar import SemanticScholarClient
from .sources import user_agent

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class ExistenceSources:
    indexes: tuple[Searcher, ...] = ()
    web: WebSource | None = None
    doi: DoiResolver | None = None

    @property
    def empty(self) -> bool:
        return not self.indexes and self.web is None


def existence_sources(
    transport: Transport,
    *,
    contact: str = "",
    mailto: str = "",
    fetch: Callable[[str], HttpResponse] | None = None,
    archive_transport: Transport | None = None,
    crossref_base: str = CROSSREF_API,
    openalex_base: str = OPENALEX_API,
    openlibrary_base: str = OPENLIBRARY,
    arxiv_base: str = ARXIV_API,
    doi_base: str = DOI_RESOLVER,
    semantic_scholar_base: str | None = None,  # None: Semantic Scholar is not asked (optional source)
    wayback_cdx: str | None = CDX_URL,  # None: no archive lookups
    wayback_web: str = WAYBACK_WEB,
    clock: Callable[[], float] = time.monotonic,
    sleep: Callable[[float], None] = time.sleep,
) -> ExistenceSources:
    """The sources over ``transport`` (metadata services) and ``archive_transport`` (the archives' budget)."""
    agent = user_agent(contact, mailto)
    timing = {"clock": clock, "sleep": sleep}
    indexes: list[Searcher] = [
        CrossrefSearch(CrossrefClient(transport, user_agent=agent, mailto=mailto, base_url=crossref_base, **timing)),
        OpenAlexSearch(OpenAlexClient(transport, user_agent=agent, mailto=mailto, base_url=openalex_base, **timing)),
        ArxivSearch(ArxivClient(transport, user_agent=agent, base_url=arxiv_base, **timing)),
        OpenLibrarySearch(OpenLibraryClient(transport, user_agent=agent, base_url=openlibrary_base, **timing)),
    ]
    if semantic_scholar_base:
        indexes.append(SemanticScholarSearch(
            SemanticScholarClient(transport, user_agent=agent, base_url=semantic_scholar_base, **timing)))
    pages = fetch if fetch is not None else PageFetcher(transport, user_agent=agent)
    archive = None
    if wayback_cdx:
        finder = ArchiveFinder(archive_transport or transport, cdx_url=wayback_cdx, wayback_web=wayback_web,
                               use_availability=False, timetravel_url=None)
        archive = finder.lookup
    return ExistenceSources(tuple(indexes), WebSource(pages, archive),
                            DoiResolver(transport, user_agent=agent, base_url=doi_base, **timing))


def check_existence(
    references: Sequence[Reference],
    sources: ExistenceSources | None,
    *,
    offline: bool = False,
    clock: Callable[[], float] = time.time,
    cache: AnswerCache | None = None,
    max_workers: int = 4,
    breaker_limit: int = 3,
) -> tuple[tuple[ExistenceCheck, ...], tuple[Finding, ...]]:
    """A verdict per reference (in order) and the findings: not-found / mismatch / undecided / retracted."""
    if offline or sources is None or sources.empty:
        why = "the run is offline" if offline or sources is None else "no existence source is configured"
        checks = tuple(_undecided(r, why) for r in references)
        return checks, ((offline_finding(len(references), why),) if references else ())
    run = _Run(sources, cache if cache is not None else MemoryAnswerCache(clock=clock), breaker_limit)
    if max_workers > 1 and len(references) > 1:
        with ThreadPoolExecutor(max_workers=max_workers, thread_name_prefix="existence") as pool:
            outcomes = list(pool.map(run.check, references))
    else:
        outcomes = [run.check(r) for r in references]
    return tuple(o.check for o in outcomes), _findings(references, outcomes, run)


def _undecided(reference: Reference, why: str) -> ExistenceCheck:
    return ExistenceCheck(reference=reference.key, verdict=Verdict.UNDECIDED, detail=f"not checked: {why}")


def _findings(references: Sequence[Reference], outcomes: list[Outcome], run: "_Run") -> tuple[Finding, ...]:
    silent = all(o.check.verdict is Verdict.UNDECIDED and not o.check.answered for o in outcomes)
    if silent and outcomes:  # nothing answered at all: say so once, not once per reference
        stopped = ", ".join(b.source for b in run.breakers.values() if b.open)
        why = "no source answered (network down or services unreachable" + (f"; stopped asking {stopped}" if stopped else "") + ")"
        return (offline_finding(len(outcomes), why),)
    findings: list[Finding] = []
    for reference, outcome in zip(references, outcomes):
        found = verdict_finding(reference, outcome)
        if found is not None:
            findings.append(found)
        findings.extend(retraction_findings(reference, _noticed(outcome)))
    return tuple(findings)


def _noticed(outcome: Outcome) -> Work | None:
    return outcome.matched if outcome.check.verdict in (Verdict.VERIFIED, Verdict.MISMATCH) else None


@dataclass
class _Run:
    sources: ExistenceSources
    cache: AnswerCache
    limit: int
    breakers: dict[str, Breaker] = field(default_factory=dict)

    def __post_init__(self) -> None:
        names = [s.name for s in self.sources.indexes] + ["Wayback Machine", DOI_SOURCE]
        self.breakers = {n: Breaker(n, self.limit) for n in names}

    def check(self, reference: Reference) -> Outcome:
        replies = [self._ask(s.name, "find", reference, lambda s=s: s.find(reference)) for s in self.sources.indexes]
        if self._others_only(reference, replies):
            for s in self.sources.indexes:
                second = self._ask(s.name, "by_author", reference, lambda s=s: s.by_author(reference)
                                   or Reply(s.name, Status.SKIPPED))
                if second.status is not Status.SKIPPED:
                    replies.append(second)
        doi = normal_doi(reference.doi)
        if doi and self.sources.doi is not None and not _found_by(replies, f"DOI {doi}"):
            replies.append(self._ask(DOI_SOURCE, "resolve", reference, lambda: _resolve(self.sources.doi, doi)))
        if self.sources.web is not None and page_urls(reference) and not self._matched(reference, replies):
            replies.extend(self._web(reference))
        outcome = decide(reference, [r for r in replies if r.status is not Status.SKIPPED])
        return _with_notices(outcome, replies)

    def _ask(self, source: str, method: str, reference: Reference, call: Callable[[], Reply]) -> Reply:
        breaker = self.breakers.setdefault(source, Breaker(source, self.limit))
        key = f"{source}|{method}|{_fingerprint(reference)}"
        cached = self.cache.get(key)
        if cached is not None:
            return cached
        if breaker.open:
            return breaker.stopped()
        reply = call()
        breaker.record(reply)
        self.cache.put(key, reply)
        return reply

    def _web(self, reference: Reference) -> list[Reply]:
        archive_breaker = self.breakers["Wayback Machine"]  # pages are many hosts: one failing site says nothing
        if archive_breaker.open:
            return [archive_breaker.stopped()]
        key = f"web|find|{_fingerprint(reference)}"
        cached = self.cache.get(key + "|page"), self.cache.get(key + "|archive")
        if all(cached):
            return list(cached)
        page, archive = self.sources.web.find(reference)
        archive_breaker.record(archive)
        for suffix, reply in (("|page", page), ("|archive", archive)):
            self.cache.put(key + suffix, reply)
        return [page, archive]

    @staticmethod
    def _others_only(reference: Reference, replies: list[Reply]) -> bool:
        scores = [score(reference, w) for r in replies for w in r.works if w.title]
        return any(s.grade is Grade.AUTHORS for s in scores) and not any(s.grade is Grade.MATCH for s in scores) \
            and bool(cited_families(reference))

    @staticmethod
    def _matched(reference: Reference, replies: list[Reply]) -> bool:
        return any(score(reference, w).grade is Grade.MATCH for r in replies for w in r.works if w.title)



def _with_notices(outcome: Outcome, replies: list[Reply]) -> Outcome:
    """The outcome whose matched record carries the retraction notices another index gave for its DOI."""
    matched = outcome.matched
    if matched is None or matched.notices or not matched.doi:
        return outcome
    noticed = next((w for r in replies for w in r.works if w.notices and w.doi == matched.doi), None)
    return replace(outcome, matched=noticed) if noticed is not None else outcome


def _found_by(replies: list[Reply], ident: str) -> bool:
    return any(w.by_id == ident and w.title for r in replies for w in r.works)


def _resolve(resolver: DoiResolver, doi: str) -> Reply:
    answer = resolver.resolve(doi)
    if answer.found:
        return Reply(DOI_SOURCE, Status.ANSWERED, detail=f"DOI {doi} is registered")
    if answer.outcome is Outcome_.NOT_FOUND:
        return Reply(DOI_SOURCE, Status.ANSWERED, detail=answer.detail, missing_id=f"DOI {doi}")
    return Reply(DOI_SOURCE, Status.FAILED, detail=answer.detail)


def _fingerprint(reference: Reference) -> str:
    return json.dumps([normal_doi(reference.doi), reference.title.casefold().strip(), reference.isbn,
                       arxiv_id(reference), cited_families(reference)[:3], reference.year, reference.type.value,
                       [u.url for u in reference.urls]], ensure_ascii=False)


__all__ = ["ExistenceSources", "check_existence", "existence_sources", "SAME_WORK"]
