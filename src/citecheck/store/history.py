"""The link history store: every check of every URL, one row per (url, checked_at), in SQLite
(plain columns, no pickle), so repeated runs build a timeline per URL.

Times are stored as ISO 8601 text in UTC (sortable, readable with the sqlite3 shell). The
clock is injected (``clock`` gives an aware datetime; every writing method also takes
``now``), so tests record days of runs in seconds. Thread-safe: one connection behind a lock.
A ``schema_version`` table guards against files written by a newer citecheck.
"""
from __future__ import annotations

import json
import logging
import sqlite3
from datetime import datetime, timezone
from pathlib import Path
from typing import Callable, Iterable, Sequence

from ..errors import CitecheckError
from ..history.records import Observation, RunInfo, observe
from ..model import LinkCheck, LinkStatus
from .sqlite import SqliteFile

log = logging.getLogger(__name__)

SCHEMA_VERSION = 1
DEFAULT_NAME = "history.sqlite3"

_SCHEMA = """
CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS runs (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    started_at TEXT NOT NULL,
    documents TEXT NOT NULL DEFAULT '[]',
    urls INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE IF NOT EXISTS checks (
    url TEXT NOT NULL,
    checked_at TEXT NOT NULL,
    status TEXT NOT NULL,
    http_status INTEGER,
    final_url TEXT,
    snapshot_url TEXT,
    snapshot_timestamp TEXT,
    detail TEXT NOT NULL DEFAULT '',
    run_id INTEGER REFERENCES runs (id),
    PRIMARY KEY (url, checked_at)
);
CREATE INDEX IF NOT EXISTS checks_time ON checks (checked_at);
"""
_COLUMNS = "url, checked_at, status, http_status, final_url, snapshot_url, snapshot_timestamp, detail, run_id"


class StoreError(CitecheckError):
    """The history file cannot be used (not SQLite, or written by a newer citecheck)."""

    def __init__(self, message: str, path: str) -> None:
        super().__init__(f"{path}: {message}")
        self.path = path


def utc_now() -> datetime:
    return datetime.now(timezone.utc)


def to_text(when: datetime) -> str:
    if when.tzinfo is None:
        raise ValueError("history times must be timezone-aware")
    return when.astimezone(timezone.utc).isoformat(timespec="microseconds")


def from_text(text: str) -> datetime:
    return datetime.fromisoformat(text)


class HistoryStore(SqliteFile):
    def __init__(self, path: str | Path, *, clock: Callable[[], datetime] = utc_now) -> None:
        super().__init__(path)
        self._clock = clock
        try:
            with self._lock:
                self._db.executescript(_SCHEMA)
                self._check_version()
        except sqlite3.DatabaseError as exc:
            self._db.close()
            raise StoreError(f"not a citecheck history store ({exc})", str(path)) from None
        except StoreError:
            self._db.close()
            raise

    def _check_version(self) -> None:
        row = self._db.execute("SELECT MAX(version) FROM schema_version").fetchone()
        if row[0] is None:
            self._db.execute("INSERT INTO schema_version (version) VALUES (?)", (SCHEMA_VERSION,))
        elif row[0] > SCHEMA_VERSION:
            raise StoreError(f"written by a newer citecheck (schema {row[0]}; this one reads {SCHEMA_VERSION})",
                             str(self.path))

    # -- writing ----------------------------------------------------------------------------

    def record_run(self, documents: Sequence[str], checks: Sequence[LinkCheck],
                   now: datetime | None = None) -> tuple[int, tuple[Observation, ...]]:
        """Record one run and its checks at ``now``; returns the run id and the observations."""
        when = now or self._clock()
        with self._lock:
            self._db.execute("BEGIN")
            try:
                run_id = self._db.execute(
                    "INSERT INTO runs (started_at, documents, urls) VALUES (?, ?, ?)",
                    (to_text(when), json.dumps(list(documents)), len(checks))).lastrowid
                observations = tuple(observe(c, when, run_id) for c in checks)
                self._db.executemany(
                    f"INSERT OR REPLACE INTO checks ({_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    [_row(o) for o in observations])
                self._db.execute("COMMIT")
            except BaseException:
                self._db.execute("ROLLBACK")
                raise
        log.info("recorded run %d: %d check(s) at %s", run_id, len(observations), to_text(when))
        return run_id, observations

    # -- reading ----------------------------------------------------------------------------

    def timeline(self, url: str) -> tuple[Observation, ...]:
        """Every recorded check of ``url``, oldest first."""
        return self._select("WHERE url = ? ORDER BY checked_at", (url,))

    def timelines(self, urls: Iterable[str] | None = None, *, since: datetime | None = None,
                  until: datetime | None = None) -> dict[str, tuple[Observation, ...]]:
        """Timelines (oldest first) of ``urls`` (default: every URL), checks in [since, until]."""
        clauses, args = [], []
        if since is not None:
            clauses.append("checked_at >= ?")
            args.append(to_text(since))
        if until is not None:
            clauses.append("checked_at <= ?")
            args.append(to_text(until))
        where = f"WHERE {' AND '.join(clauses)} " if clauses else ""
        wanted = None if urls is None else set(urls)
        out: dict[str, list[Observation]] = {}
        for obs in self._select(f"{where}ORDER BY url, checked_at", tuple(args)):
            if wanted is None or obs.url in wanted:
                out.setdefault(obs.url, []).append(obs)
        return {url: tuple(obs) for url, obs in out.items()}

    def runs(self) -> tuple[RunInfo, ...]:
        with self._lock:
            rows = self._db.execute("SELECT id, started_at, documents, urls FROM runs ORDER BY started_at, id").fetchall()
        return tuple(RunInfo(id=i, started_at=from_text(t), documents=tuple(json.loads(d)), urls=n)
                     for i, t, d, n in rows)

    def __len__(self) -> int:
        with self._lock:
            return self._db.execute("SELECT COUNT(*) FROM checks").fetchone()[0]

    def _select(self, tail: str, args: tuple) -> tuple[Observation, ...]:
        with self._lock:
            rows = self._db.execute(f"SELECT {_COLUMNS} FROM checks {tail}", args).fetchall()
        return tuple(_observation(r) for r in rows)


def _row(o: Observation) -> tuple:
    return (o.url, to_text(o.checked_at), o.status.value, o.http_status, o.final_url, o.snapshot_url,
            o.snapshot_timestamp, o.detail, o.run_id)


def _observation(row: tuple) -> Observation:
    url, at, status, http_status, final_url, snap_url, snap_ts, detail, run_id = row
    return Observation(url=url, checked_at=from_text(at), status=LinkStatus(status), http_status=http_status,
                       final_url=final_url, snapshot_url=snap_url, snapshot_timestamp=snap_ts, detail=detail,
                       run_id=run_id)
