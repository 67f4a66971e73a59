"""Finding an archived copy of a URL near the date it was cited.

Order: the Wayback Machine CDX API (``closest=<ts>&sort=closest&filter=statuscode:200``),
then the Wayback availability API (known to be flaky), then Memento TimeTravel (which
aggregates archive.today, national and other archives). Every call goes through an
injected ``Transport`` (so the run's deadline, retry, cache and a separate host budget
apply, and tests use ``responses``). waybackpy is deliberately not used here: it calls
requests without a timeout, sleeps between availability calls and raises on every
miss; the two Wayback endpoints it wraps are a few lines each through our transport.

Choice rule: among archived-200 captures, the nearest one at or before the citation date
wins, unless the nearest one after it is more than ``PREFER_BEFORE_DAYS`` closer. The
citation date is a day (an access date has no hour), so a capture made on that day, at any
hour, counts as "at" it: the page as the author saw it that day beats last year's copy.
"""
from __future__ import annotations

import json
import logging
import re
from dataclasses import dataclass, replace
from datetime import datetime, timezone
from typing import Iterable, Sequence
from urllib.parse import urlsplit

from ..model import ArchiveSnapshot, LinkStatus, Reference
from .http import HttpResponse, Transport
from .policy import classify

log = logging.getLogger(__name__)

CDX_URL = "https://web.archive.org/cdx/search/cdx"
AVAILABILITY_URL = "https://archive.org/wayback/available"
WAYBACK_WEB = "https://web.archive.org/web"
TIMETRAVEL_URL = "http://timetravel.mementoweb.org/api/json"
PREFER_BEFORE_DAYS = 365
TS_FORMAT = "%Y%m%d%H%M%S"
WAYBACK_URL = re.compile(r"^https?://(?:web\.)?archive\.org/web/(\d{4,14})[a-z_]*/(.+)$", re.IGNORECASE)


@dataclass(frozen=True)
class ArchiveLookup:
    """What the archives said about ``url``: the snapshot chosen (or None) and why.

    ``failed`` is True when no service could answer (network/service errors), as opposed
    to services answering that they hold no copy.
    """

    url: str
    snapshot: ArchiveSnapshot | None
    tried: tuple[str, ...] = ()
    detail: str = ""
    failed: bool = False


def to_timestamp(when: datetime) -> str:
    return when.astimezone(timezone.utc).strftime(TS_FORMAT)


def from_timestamp(ts: str) -> datetime:
    ts = (ts + "0101000000"[max(0, len(ts) - 4):])[:14] if len(ts) < 14 else ts[:14]
    return datetime.strptime(ts, TS_FORMAT).replace(tzinfo=timezone.utc)


_MONTHS = {m: i for i, m in enumerate(
    ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"], start=1)}


def parse_access_date(text: str) -> datetime | None:
    """'2019-05-03', '3 May 2019', 'May 3, 2019', 'May 2019', '2019' -> a UTC datetime."""
    text = (text or "").strip()
    m = re.search(r"(\d{4})-(\d{1,2})(?:-(\d{1,2}))?", text)
    if m:
        return _date(int(m[1]), int(m[2]), int(m[3] or 15))
    year = re.search(r"\b(1[89]\d\d|20\d\d)\b", text)
    if not year:
        return None
    month = next((n for name, n in _MONTHS.items() if re.search(rf"\b{name}[a-z]*\.?\b", text, re.IGNORECASE)), None)
    day = re.search(r"\b([0-3]?\d)(?:st|nd|rd|th)?\b(?!\d)", text.replace(year[1], ""))
    if month is None:
        return _date(int(year[1]), 7, 1)
    return _date(int(year[1]), month, int(day[1]) if day and 1 <= int(day[1]) <= 31 else 15)


def _date(year: int, month: int, day: int) -> datetime | None:
    try:
        return datetime(year, month, day, 12, tzinfo=timezone.utc)
    except ValueError:
        try:
            return datetime(year, month, 15, 12, tzinfo=timezone.utc)
        except ValueError:
            return None


def citation_date(ref: Reference) -> datetime | None:
    """When the reference saw the page: its access date, else mid-year of its year."""
    accessed = parse_access_date(ref.accessed) if ref.accessed else None
    if accessed:
        return accessed
    if ref.year:
        return datetime(ref.year, 7, 1, tzinfo=timezone.utc)
    return None


def choose(captures: Iterable[tuple[str, str]], target: datetime | None) -> tuple[str, str] | None:
    """Pick (timestamp, url) by the rule in the module docstring; None target = newest."""
    items = [(from_timestamp(ts), ts, url) for ts, url in captures if ts[:4].isdigit()]
    if not items:
        return None
    if target is None:
        best = max(items)
        return best[1], best[2]
    day = target.astimezone(timezone.utc).date()
    before = [i for i in items if i[0].date() <= day]
    after = [i for i in items if i[0].date() > day]
    b = max(before) if before else None
    a = min(after) if after else None
    if b and a and (day - b[0].date()).days - (a[0].date() - day).days > PREFER_BEFORE_DAYS:
        b = None
    pick = b or a
    return pick[1], pick[2]


def parse_cdx(payload: object) -> list[dict[str, str]]:
    """Rows of a CDX ``output=json`` answer: a list of lists whose first row is the header."""
    if not isinstance(payload, list) or not payload or not isinstance(payload[0], list):
        return []
    header = [str(h) for h in payload[0]]
    return [dict(zip(header, (str(v) for v in row))) for row in payload[1:] if isinstance(row, list)]


def archive_name(url: str) -> str:
    host = (urlsplit(url).hostname or "").lower()
    if host.endswith("archive.org"):
        return "wayback"
    if host.split(".")[0] == "archive" and host.rsplit(".", 1)[-1] in ("today", "ph", "is", "li", "vn", "md", "fo"):
        return "archive.today"
    return host or "memento"


def parse_wayback_url(url: str) -> tuple[str, str] | None:
    """(timestamp, original URL) of a Wayback Machine URL, else None."""
    m = WAYBACK_URL.match(url.strip())
    return (m[1], m[2]) if m else None


class ArchiveFinder:
    """Looks up snapshots; give it a transport with its own HostGate (a separate budget)."""

    def __init__(
        self,
        transport: Transport,
        *,
        cdx_url: str = CDX_URL,
        availability_url: str = AVAILABILITY_URL,
        wayback_web: str = WAYBACK_WEB,
        timetravel_url: str | None = TIMETRAVEL_URL,
        use_availability: bool = True,
        limit: int = 20,
    ) -> None:
        self.transport = transport
        self.cdx_url = cdx_url
        self.availability_url = availability_url
        self.wayback_web = wayback_web.rstrip("/")
        self.timetravel_url = timetravel_url.rstrip("/") if timetravel_url else None
        self.use_availability = use_availability
        self.limit = limit

    def lookup(self, url: str, target: datetime | None = None) -> ArchiveLookup:
        """The archived copy of ``url`` nearest ``target``. A fragment ("#section-2") is never sent to
        a server, so no archive captured one: the archives are asked for the page, and the copy found
        opens at the fragment, as the cited URL does."""
        page, hash_mark, fragment = url.partition("#")
        found = self._lookup(page, target)
        if found.snapshot is None or not hash_mark:
            return replace(found, url=url)
        return replace(found, url=url, snapshot=replace(found.snapshot, url=f"{found.snapshot.url}#{fragment}"))

    def _lookup(self, url: str, target: datetime | None) -> ArchiveLookup:
        tried: list[str] = []
        problems: list[str] = []
        answered = False
        steps = [("wayback-cdx", self._cdx)]
        if self.use_availability:
            steps.append(("wayback-availability", self._availability))
        if self.timetravel_url:
            steps.append(("memento", self._timetravel))
        for name, step in steps:
            tried.append(name)
            snapshot, ok, problem = step(url, target)
            answered = answered or ok
            if snapshot is not None:
                return ArchiveLookup(url, snapshot, tuple(tried))
            if problem:
                problems.append(f"{name}: {problem}")
        detail = "; ".join(problems) or "no archived copy with status 200"
        return ArchiveLookup(url, None, tuple(tried), detail, failed=not answered)

    def check_snapshot(self, snapshot: ArchiveSnapshot) -> tuple[LinkStatus, HttpResponse]:
        """Does a cited snapshot URL still resolve (200 after redirects)?"""
        response = self.transport.request("GET", snapshot.url, max_bytes=64 * 1024)
        return classify(response), response

    # -- services -----------------------------------------------------------------------

    def _get_json(self, url: str, params: dict[str, str] | None = None) -> tuple[object | None, bool, str]:
        response = self.transport.request("GET", url, params=params, max_bytes=2 * 1024 * 1024,
                                          headers={"Accept": "application/json"})
        if response.error is not None:
            return None, False, f"{response.error.value} ({response.detail})"
        if response.status == 404:
            return None, True, "none"
        if not response.ok:
            return None, False, f"HTTP {response.status}"
        if not response.body.strip():
            return [], True, ""
        try:
            return json.loads(response.text()), True, ""
        except ValueError:
            return None, False, "invalid JSON"

    def _snapshot(self, ts: str, original: str, status: int | None = 200, archive: str = "wayback",
                  url: str | None = None) -> ArchiveSnapshot:
        return ArchiveSnapshot(url=url or f"{self.wayback_web}/{ts}/{original}", original=original,
                               timestamp=ts, archive=archive, status=status)

    def _cdx(self, url: str, target: datetime | None):
        params = {"url": url, "output": "json", "filter": "statuscode:200", "limit": str(self.limit)}
        if target is not None:
            params.update(closest=to_timestamp(target), sort="closest")
        else:
            params.update(limit=f"-{self.limit}")  # the newest captures
        payload, ok, problem = self._get_json(self.cdx_url, params)
        rows = [r for r in parse_cdx(payload) if r.get("statuscode") == "200" and r.get("timestamp")]
        pick = choose(((r["timestamp"], r.get("original") or url) for r in rows), target)
        if pick is None:
            return None, ok, problem
        return self._snapshot(pick[0], pick[1]), True, ""

    def _availability(self, url: str, target: datetime | None):
        params = {"url": url}
        if target is not None:
            params["timestamp"] = to_timestamp(target)
        payload, ok, problem = self._get_json(self.availability_url, params)
        closest = (payload or {}).get("archived_snapshots", {}).get("closest") if isinstance(payload, dict) else None
        if not isinstance(closest, dict) or not closest.get("available") or str(closest.get("status")) != "200":
            return None, ok, problem
        ts = str(closest.get("timestamp", ""))
        parsed = parse_wayback_url(str(closest.get("url", "")))
        original = parsed[1] if parsed else url
        return self._snapshot(ts, original, url=str(closest.get("url")) or None), True, ""

    def _timetravel(self, url: str, target: datetime | None):
        stamp = to_timestamp(target or datetime.now(timezone.utc))
        payload, ok, problem = self._get_json(f"{self.timetravel_url}/{stamp}/{url}")
        mementos = payload.get("mementos", {}) if isinstance(payload, dict) else {}
        captures: list[tuple[str, str]] = []
        for key in ("closest", "prev", "next", "first", "last"):
            memento = mementos.get(key) if isinstance(mementos, dict) else None
            if not isinstance(memento, dict):
                continue
            uris = memento.get("uri")
            uri = uris[0] if isinstance(uris, list) and uris else uris
            when = str(memento.get("datetime", ""))
            if isinstance(uri, str) and when:
                captures.append((re.sub(r"\D", "", when)[:14], uri))
        pick = choose(captures, target)
        if pick is None:
            return None, ok, problem
        original = str(payload.get("original_uri") or url)
        return self._snapshot(pick[0], original, status=None, archive=archive_name(pick[1]), url=pick[1]), True, ""


def snapshots_given(refs: Sequence[Reference]) -> dict[str, ArchiveSnapshot]:
    """The archive copies references cite themselves, by original URL."""
    return {u.url: u.snapshot for r in refs for u in r.urls if u.snapshot is not None}
