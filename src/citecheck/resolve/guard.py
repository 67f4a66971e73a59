"""Outage semantics for existence checks: a circuit breaker per source, and a cache of answers.

* ``Breaker``: after ``limit`` consecutive failed replies a source is no longer asked for
  the rest of the run (its replies become ``stopped``); an answer resets the count.
* ``AnswerCache``: replies by (source, question). Positive answers (works found) are kept
  for days, negative ones (answered, nothing found) briefly, failures never: an index that
  missed a brand-new paper yesterday is asked again today, one that was down is asked now.
  ``MemoryAnswerCache`` lives for the run; ``SqliteAnswerCache`` persists (plain JSON).
"""
from __future__ import annotations

import json
import threading
import time
from collections.abc import Callable
from dataclasses import asdict
from pathlib import Path
from typing import Protocol

from ..store.sqlite import SqliteFile
from .exist_records import Reply, Status, Work
from .retraction import Notice

DAY = 86400.0
POSITIVE_TTL = 7 * DAY
NEGATIVE_TTL = 6 * 3600.0


class Breaker:
    def __init__(self, source: str, limit: int = 3) -> None:
        self.source = source
        self.limit = limit
        self._failures = 0
        self._lock = threading.Lock()

    @property
    def open(self) -> bool:
        with self._lock:
            return self._failures >= self.limit

    def record(self, reply: Reply) -> None:
        with self._lock:
            if reply.status is Status.ANSWERED:
                self._failures = 0
            elif reply.status is Status.FAILED:
                self._failures += 1

    def stopped(self) -> Reply:
        return Reply(self.source, Status.STOPPED,
                     detail=f"{self.source} failed {self.limit} times in a row: not asked again in this run")


def ttl_for(reply: Reply, positive: float = POSITIVE_TTL, negative: float = NEGATIVE_TTL) -> float:
    if reply.status is not Status.ANSWERED:
        return 0.0
    return positive if reply.works else negative


class AnswerCache(Protocol):
    def get(self, key: str) -> Reply | None: ...

    def put(self, key: str, reply: Reply) -> None: ...


class MemoryAnswerCache:
    def __init__(self, *, clock: Callable[[], float] = time.time, positive_ttl: float = POSITIVE_TTL,
                 negative_ttl: float = NEGATIVE_TTL) -> None:
        self._clock = clock
        self._ttls = (positive_ttl, negative_ttl)
        self._items: dict[str, tuple[float, Reply]] = {}
        self._lock = threading.Lock()

    def get(self, key: str) -> Reply | None:
        with self._lock:
            item = self._items.get(key)
        return item[1] if item is not None and item[0] > self._clock() else None

    def put(self, key: str, reply: Reply) -> None:
        ttl = ttl_for(reply, *self._ttls)
        if ttl > 0:
            with self._lock:
                self._items[key] = (self._clock() + ttl, reply)


class SqliteAnswerCache(SqliteFile):
    """Replies as JSON rows with an expiry (wall clock), safe across threads."""

    def __init__(self, path: str | Path, *, clock: Callable[[], float] = time.time,
                 positive_ttl: float = POSITIVE_TTL, negative_ttl: float = NEGATIVE_TTL) -> None:
        super().__init__(path)
        self._clock = clock
        self._ttls = (positive_ttl, negative_ttl)
        with self._lock:
            self._db.execute("CREATE TABLE IF NOT EXISTS replies (key TEXT PRIMARY KEY, reply TEXT NOT NULL,"
                             " expires_at REAL NOT NULL)")

    def get(self, key: str) -> Reply | None:
        with self._lock:
            row = self._db.execute("SELECT reply FROM replies WHERE key = ? AND expires_at > ?",
                                   (key, self._clock())).fetchone()
        return reply_from_json(row[0]) if row else None

    def put(self, key: str, reply: Reply) -> None:
        ttl = ttl_for(reply, *self._ttls)
        if ttl > 0:
            with self._lock:
                self._db.execute("INSERT OR REPLACE INTO replies (key, reply, expires_at) VALUES (?, ?, ?)",
                                 (key, reply_to_json(reply), self._clock() + ttl))



def reply_to_json(reply: Reply) -> str:
    return json.dumps(asdict(reply))


def reply_from_json(text: str) -> Reply:
    data = json.loads(text)
    works = []
    for w in data.pop("works"):
        notices = tuple(Notice(**n) for n in w.pop("notices"))
        lists = {k: tuple(w.pop(k)) for k in ("authors", "families", "years")}
        works.append(Work(**w, **lists, notices=notices))
    return Reply(source=data["source"], status=Status(data["status"]), works=tuple(works), detail=data["detail"],
                 missing_id=data["missing_id"])
