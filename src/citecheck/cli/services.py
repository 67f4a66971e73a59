"""Build the networked services for an online run (the CLI's job: the pipeline only receives them)."""
from __future__ import annotations

import logging
import sqlite3
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Sequence, TypeVar

from ..config import Settings
from ..links.archive import ArchiveFinder
from ..links.gate import HostGate
from ..links.http import Transport
from ..links.memo import RunMemo
from ..links.policy import Retry
from ..links.runner import LinkCheckRunner
from ..links.save import SavePageNow
from ..resolve import (
    ExistenceSources, NameEvidenceSource, PageFetcher, SqliteAnswerCache, existence_sources, online_sources,
)
from ..store.http_cache import CachingTransport, HttpCache


log = logging.getLogger(__name__)
T = TypeVar("T")


@dataclass(frozen=True)
class Services:
    links: LinkCheckRunner | None
    sources: Sequence[NameEvidenceSource] | None  # None: the offline sources
    existence: ExistenceSources | None = None
    existence_cache: SqliteAnswerCache | None = None


def build_services(settings: Settings) -> Services:
    if settings.offline:
        return Services(links=None, sources=None)
    from ..links.transport import RequestsTransport  # requests, imported only by a run that goes online

    cache = _opened(HttpCache, settings.cache_dir / "http.sqlite3") if settings.cache_dir is not None else None

    def transport(gate: HostGate) -> Transport:
        inner = RequestsTransport(user_agent=settings.user_agent, gate=gate, allow_private=settings.allow_private,
                                  pause_host=settings.pause_host)
        return CachingTransport(inner, cache) if cache is not None else inner

    # One request per URL per run, whoever asks: the page reader, the link checker and the archive
    # pass share one memo (each stack keeps its own host budget), with or without the HTTP cache.
    memo = RunMemo()
    web = memo.over(transport(HostGate(per_host=settings.per_host, min_gap=settings.host_gap)))
    archive_gate = HostGate(per_host=1, min_gap=1.0)  # the archives' own budget, Save Page Now included
    archive = ArchiveFinder(memo.over(transport(archive_gate)))
    runner = LinkCheckRunner(
        web, archive, concurrency=settings.concurrency, archive_all=settings.archive_all,
        offline_probe_url="https://web.archive.org/", save=_saver(settings, archive_gate),
    )
    # Pages go through the same transport as the link checker: one fetch per URL per run.
    pages = PageFetcher(web, user_agent=settings.user_agent)
    services = transport(HostGate(per_host=settings.per_host, min_gap=settings.host_gap))  # services: own budget
    bases = dict(crossref_base=settings.crossref_base, openalex_base=settings.openalex_base,
                 openlibrary_base=settings.openlibrary_base)
    sources = online_sources(services, contact=settings.contact, mailto=settings.mailto, fetch=pages, **bases)
    if not settings.verify:
        return Services(links=runner, sources=sources)
    # Existence answers are cached by the existence layer itself (found: days; not found: hours),
    # so its metadata transport bypasses the HTTP cache, which would keep an empty search for a week.
    bare = RequestsTransport(user_agent=settings.user_agent, allow_private=settings.allow_private,
                             gate=HostGate(per_host=settings.per_host, min_gap=settings.host_gap))
    existence = existence_sources(
        bare, contact=settings.contact, mailto=settings.mailto, fetch=pages,
        archive_transport=memo.over(transport(HostGate(per_host=1, min_gap=1.0))), arxiv_base=settings.arxiv_base,
        doi_base=settings.doi_base, semantic_scholar_base=settings.semantic_scholar_base or None, **bases,
    )
    answers = _opened(SqliteAnswerCache, settings.cache_dir / "existence.sqlite3") if settings.cache_dir is not None \
        else None
    return Services(links=runner, sources=sources, existence=existence, existence_cache=answers)


def _opened(store: Callable[[Path], T], path: Path) -> T | None:
    """A cache opened at ``path``, or None (the run goes on without it, said once) when it cannot be: the
    cache folder is a file or read-only, the file is no SQLite database. A cache only saves requests."""
    try:
        return store(path)
    except (OSError, sqlite3.Error) as exc:
        if path.parent.exists() and not path.parent.is_dir():
            why = f"{path.parent} is not a folder"
        else:
            why = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
        log.warning("%s: the cache cannot be used (%s); running without it (delete it, or give --cache-dir or "
                    "--no-cache)", path, why)
        return None


def _saver(settings: Settings, gate: HostGate) -> SavePageNow | None:
    """Save Page Now for --save-missing, with the credentials from the environment (no cache: it POSTs)."""
    if not settings.save_missing:
        return None
    from ..links.transport import RequestsTransport

    spn = SavePageNow.from_env(RequestsTransport(user_agent=settings.user_agent, gate=gate, retry=Retry.never()))
    if spn is None:
        log.warning("--save-missing needs IA_ACCESS_KEY and IA_SECRET_KEY in the environment; not saving")
    return spn
