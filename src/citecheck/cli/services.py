"""Build the networked services for an online run (the CLI's job: the pipeline only receives them)."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Sequence

from ..config import Settings
from ..links.archive import ArchiveFinder
from ..links.gate import HostGate
from ..links.http import Transport
from ..links.runner import LinkCheckRunner
from ..links.transport import RequestsTransport
from ..resolve import NameEvidenceSource, PageFetcher, online_sources
from ..store.http_cache import CachingTransport, HttpCache


@dataclass(frozen=True)
class Services:
    links: LinkCheckRunner | None
    sources: Sequence[NameEvidenceSource] | None  # None: the offline sources


def build_services(settings: Settings) -> Services:
    if settings.offline:
        return Services(links=None, sources=None)
    cache = HttpCache(settings.cache_dir / "http.sqlite3") if settings.cache_dir is not None else None

    def transport(gate: HostGate) -> Transport:
        inner = RequestsTransport(user_agent=settings.user_agent, gate=gate, allow_private=settings.allow_private)
        return CachingTransport(inner, cache) if cache is not None else inner

    web = transport(HostGate(per_host=2, min_gap=0.2))
    archive = ArchiveFinder(transport(HostGate(per_host=1, min_gap=1.0)))  # the archives' own budget
    runner = LinkCheckRunner(
        web, archive, concurrency=settings.concurrency, archive_all=settings.archive_all,
        offline_probe_url="https://web.archive.org/",
    )
    # Pages go through the same cached transport as the link checker: one fetch per URL per run.
    pages = PageFetcher(web, user_agent=settings.user_agent)
    services = transport(HostGate(per_host=2, min_gap=0.2))  # metadata services: their own budget
    sources = online_sources(services, contact=settings.contact, mailto=settings.mailto, fetch=pages)
    return Services(links=runner, sources=sources)
