"""Asking the Wayback Machine's Save Page Now (SPN2) to archive live pages that have no snapshot.

Opt-in (``--save-missing``) and authenticated: SPN2 takes the archive.org S3 keys of an
account in an ``Authorization: LOW <access>:<secret>`` header, read here from the environment
(``IA_ACCESS_KEY`` / ``IA_SECRET_KEY``; ``from_env`` returns None when they are not set).

The API (SPN2 public API docs, V. Banos): ``POST https://web.archive.org/save`` with the
form field ``url`` (plus options such as ``if_not_archived_within``) answers
``{"url": ..., "job_id": ...}``, or ``{"status": "error", "status_ext": "error:...",
"message": ...}`` (HTTP 429 among others when a limit is hit). ``GET /save/status/<job_id>``
then answers ``{"status": "pending", ...}`` until ``{"status": "success", "timestamp":
"YYYYMMDDhhmmss", "original_url": ..., ...}`` or ``{"status": "error", "status_ext": ...}``.

Limits kept: a budget of captures per run (``budget``, 25 by default, far below the daily
allowance), few jobs in flight at once (``max_in_flight``, 3, below the per-account session
limit), status polls no closer than ``poll_every`` seconds, ``if_not_archived_within`` so a
page saved recently is not captured again, and a give-up time per job (``max_wait``). A
429 or ``error:user-session-limit`` waits (Retry-After, else ``poll_every``) before the
next submission; ``error:too-many-daily-captures`` stops submitting for the run. Requests
go through an injected transport that must not cache (give it the archive's own
``RequestsTransport`` with ``Retry.never()``: a POST is not retried blindly, this module
decides).
"""
from __future__ import annotations

import json
import logging
import os
import time
from collections import deque
from dataclasses import dataclass
from typing import Callable, Iterable, Mapping

from ..model import ArchiveSnapshot
from .http import HttpResponse
from .policy import parse_retry_after

log = logging.getLogger(__name__)

SAVE_URL = "https://web.archive.org/save"
WAYBACK_WEB = "https://web.archive.org/web"
ACCESS_ENV = "IA_ACCESS_KEY"
SECRET_ENV = "IA_SECRET_KEY"
DAILY_LIMIT = frozenset({"error:too-many-daily-captures"})
BUSY = frozenset({"error:user-session-limit", "error:too-many-requests"})


@dataclass(frozen=True)
class SaveResult:
    """What became of one URL: ``saved`` with its snapshot, or why not (``detail``)."""

    url: str
    saved: bool
    snapshot: ArchiveSnapshot | None = None
    job_id: str = ""
    detail: str = ""


class SavePageNow:
    def __init__(
        self,
        transport,
        access_key: str,
        secret_key: str,
        *,
        save_url: str = SAVE_URL,
        wayback_web: str = WAYBACK_WEB,
        budget: int = 25,
        max_in_flight: int = 3,
        poll_every: float = 5.0,
        max_wait: float = 180.0,
        if_not_archived_within: str = "30d",
        clock: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        if not access_key or not secret_key:
            raise ValueError("Save Page Now needs an archive.org access key and secret")
        self.transport = transport
        self._auth = f"LOW {access_key}:{secret_key}"
        self.save_url = save_url.rstrip("/")
        self.wayback_web = wayback_web.rstrip("/")
        self.budget = max(0, budget)
        self.max_in_flight = max(1, max_in_flight)
        self.poll_every = max(0.0, poll_every)
        self.max_wait = max_wait
        self.if_not_archived_within = if_not_archived_within
        self._clock, self._sleep = clock, sleep
        self.used = 0  # captures asked for so far (the budget spans every call on this instance)

    @classmethod
    def from_env(cls, transport, environ: Mapping[str, str] | None = None, **kwargs) -> "SavePageNow | None":
        """A client with the keys from IA_ACCESS_KEY / IA_SECRET_KEY, or None when either is unset."""
        env = os.environ if environ is None else environ
        access, secret = env.get(ACCESS_ENV, "").strip(), env.get(SECRET_ENV, "").strip()
        if not access or not secret:
            return None
        return cls(transport, access, secret, **kwargs)

    # -- public ----------------------------------------------------------------------------

    def save_all(self, urls: Iterable[str]) -> dict[str, SaveResult]:
        """Ask for a capture of each URL (within the budget) and wait for the jobs; a result per URL."""
        todo = deque(dict.fromkeys(urls))
        results: dict[str, SaveResult] = {}
        jobs: dict[str, tuple[str, float]] = {}  # job id -> (url, started)
        not_before = 0.0  # no submission before this (after a 429 / session limit)
        stop = ""  # why no more submissions this run
        while todo or jobs:
            now = self._clock()
            while todo and not stop and len(jobs) < self.max_in_flight and now >= not_before:
                if self.used >= self.budget:
                    stop = f"the run's Save Page Now budget ({self.budget}) is spent"
                    break
                url = todo.popleft()
                outcome = self._submit(url)
                if isinstance(outcome, str):  # a job id
                    self.used += 1
                    jobs[outcome] = (url, now)
                    continue
                result, wait, halt = outcome
                if wait is not None:  # busy: put the URL back and submit later
                    todo.appendleft(url)
                    not_before = now + wait
                    break
                results[url] = result
                if halt:
                    stop = result.detail
            if stop:
                for url in todo:
                    results[url] = SaveResult(url, False, detail=stop)
                todo.clear()
            if not jobs:
                if todo:
                    self._sleep(max(0.0, not_before - self._clock()))
                continue
            self._sleep(self.poll_every)
            for job_id, (url, started) in list(jobs.items()):
                result = self._status(job_id, url)
                if result is None and self._clock() - started < self.max_wait:
                    continue
                del jobs[job_id]
                results[url] = result or SaveResult(url, False, job_id=job_id,
                                                    detail=f"still pending after {self.max_wait:.0f}s")
        return results

    # -- the two calls -----------------------------------------------------------------------

    def _headers(self) -> dict[str, str]:
        return {"Accept": "application/json", "Authorization": self._auth}

    def _submit(self, url: str) -> str | tuple[SaveResult, float | None, bool]:
        """A job id, or (result, seconds to wait before retrying the URL or None, stop saving)."""
        data = {"url": url, "skip_first_archive": "1"}
        if self.if_not_archived_within:
            data["if_not_archived_within"] = self.if_not_archived_within
        response = self.transport.request("POST", self.save_url, headers=self._headers(), data=data,
                                          max_bytes=64 * 1024, follow_redirects=False)
        payload = _json(response)
        job_id = payload.get("job_id") if isinstance(payload, dict) else None
        if response.ok and isinstance(job_id, str) and job_id:
            return job_id
        ext = str(payload.get("status_ext", "")) if isinstance(payload, dict) else ""
        message = str(payload.get("message", "")) if isinstance(payload, dict) else ""
        if response.ok and not ext and message:  # e.g. "The same snapshot had been made 12 minutes ago"
            return SaveResult(url, False, detail=f"not captured: {message}"), None, False
        if response.status == 429 or ext in BUSY:
            after = parse_retry_after(response.header("retry-after"))
            return SaveResult(url, False, detail=ext or "HTTP 429"), after if after is not None else self.poll_every, False
        if ext in DAILY_LIMIT:
            return SaveResult(url, False, detail=f"{ext}: {message}".strip(": ")), None, True
        if response.status in (401, 403):
            return SaveResult(url, False, detail=f"HTTP {response.status}: the archive.org keys were refused"), None, True
        what = ext or (response.error.value if response.error else f"HTTP {response.status}")
        return SaveResult(url, False, detail=f"{what}: {message}".strip(": ")), None, False

    def _status(self, job_id: str, url: str) -> SaveResult | None:
        """The finished job's result, or None while it is pending (or the status call failed)."""
        response = self.transport.request("GET", f"{self.save_url}/status/{job_id}", headers=self._headers(),
                                          max_bytes=1024 * 1024)
        payload = _json(response)
        if not response.ok or not isinstance(payload, dict):
            return None
        status = payload.get("status")
        if status == "success":
            ts, original = str(payload.get("timestamp", "")), str(payload.get("original_url") or url)
            if not ts.isdigit():
                return SaveResult(url, False, job_id=job_id, detail="success without a timestamp")
            snap = ArchiveSnapshot(url=f"{self.wayback_web}/{ts}/{original}", original=original, timestamp=ts,
                                   archive="wayback", status=200)
            return SaveResult(url, True, snap, job_id, "saved by Save Page Now")
        if status == "error":
            detail = ": ".join(x for x in (str(payload.get("status_ext", "")), str(payload.get("message", ""))) if x)
            return SaveResult(url, False, job_id=job_id, detail=detail or "error")
        return None


def _json(response: HttpResponse) -> object:
    if not response.body:
        return None
    try:
        return json.loads(response.text())
    except ValueError:
        return None
