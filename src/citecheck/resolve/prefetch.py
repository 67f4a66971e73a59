"""Concurrent lookups across references, with each service's politeness kept by its own client.

``lookup_all`` runs every (reference, source) lookup on a small thread pool and returns the
records in order; ``prefetch`` does the same to warm the clients' per-run memo before a
sequential consumer (reconcile's name-mismatch decisions call ``weigh``, which repeats the
lookup and is then answered from memory). The clients are thread-safe: each PoliteClient
spaces its own service's requests, so concurrency overlaps different services and pages.
"""
from __future__ import annotations

from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor

from citecheck.model import Reference

from .record import WorkRecord, WorkSource


def lookup_all(references: Sequence[Reference], sources: Sequence[WorkSource], *,
               max_workers: int = 4) -> list[tuple[WorkRecord | None, ...]]:
    """Per reference, the record each source found (None where it found nothing)."""
    pairs = [(r, s) for r in references for s in sources]
    if max_workers > 1 and len(pairs) > 1:
        with ThreadPoolExecutor(max_workers=max_workers, thread_name_prefix="lookup") as pool:
            flat = list(pool.map(lambda pair: pair[1].lookup(pair[0]), pairs))
    else:
        flat = [s.lookup(r) for r, s in pairs]
    width = len(sources)
    return [tuple(flat[i * width:(i + 1) * width]) for i in range(len(references))]


def prefetch(references: Sequence[Reference], sources: Sequence[object], *, max_workers: int = 4) -> None:
    """Warm the online sources' memo for ``references`` (sources without ``lookup`` are skipped)."""
    online = [s for s in sources if isinstance(s, WorkSource)]
    if online:
        lookup_all(references, online, max_workers=max_workers)
