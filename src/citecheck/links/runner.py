"""A run over references: dedupe URLs, check them with bounded concurrency (answers the cache
holds first, then the rest scheduled around per-host limits and pauses: ``schedule.py``;
the limits themselves live in the transport's HostGate), detect "offline", look up archives as a second pass
(with the archive finder's own transport and budget), and turn it all into findings."""
from __future__ import annotations

import copy
import logging
import threading
import time
from collections import defaultdict, deque
from concurrent.futures import ThreadPoolExecutor
from dataclasses import replace
from typing import Callable, Iterable, Sequence
from urllib.parse import urlsplit

from rapidfuzz import fuzz

from ..model import ArchiveSnapshot, Finding, LinkCheck, LinkStatus, Reference
from .archive import ArchiveFinder, ArchiveLookup, citation_date
from .checker import CheckOptions, UrlChecker, UrlOutcome
from .findings import ARCHIVE_WORTHY, ArchiveState, Drift, drift_finding, link_findings
from .http import NetError, Transport
from .results import LinkReport
from .save import SavePageNow
from .schedule import check_all
from .soft404 import page_info

log = logging.getLogger(__name__)

CONNECTION_LEVEL = frozenset({NetError.DNS, NetError.REFUSED, NetError.OFFLINE})
# refused by policy before any request was sent: such an outcome says nothing about the network
NOT_SENT = frozenset({NetError.PRIVATE_ADDRESS, NetError.BAD_URL})
ARCHIVE_SERVICES = {"wayback-cdx": "Wayback Machine", "wayback-availability": "Wayback Machine",
                    "memento": "Memento TimeTravel"}
DRIFT_BELOW = 60.0


def interleave_hosts(urls: Iterable[str]) -> list[str]:
    """Round-robin over hosts, so workers spread across hosts instead of queueing on one."""
    queues: dict[str, deque[str]] = defaultdict(deque)
    for url in urls:
        queues[(urlsplit(url).netloc or url).lower()].append(url)
    out: list[str] = []
    while queues:
        for host in list(queues):
            out.append(queues[host].popleft())
            if not queues[host]:
                del queues[host]
    return out


def title_similarity(cited: str, title: str) -> float:
    return fuzz.token_set_ratio(cited.lower(), title.lower())


class LinkCheckRunner:
    def __init__(
        self,
        transport: Transport,
        archive: ArchiveFinder | None = None,
        concurrency: int = 16,
        clock: Callable[[], float] = time.monotonic,
        *,
        options: CheckOptions = CheckOptions(),
        archive_all: bool = False,
        archive_concurrency: int = 2,
        offline_probe_url: str | None = None,
        drift_below: float = DRIFT_BELOW,
        progress: Callable[[int, int], None] | None = None,
        sleep: Callable[[float], None] = time.sleep,
        save: SavePageNow | None = None,
    ) -> None:
        self.transport = transport
        self.archive = archive
        self.concurrency = max(1, concurrency)
        self.clock = clock
        self.sleep = sleep  # the scheduler's wait for a paused host when nothing else may start
        self.save = save  # --save-missing: live pages the archives hold no copy of are sent to Save Page Now
        self.options = options
        self.archive_all = archive_all
        self.archive_concurrency = max(1, archive_concurrency)
        self.offline_probe_url = offline_probe_url
        self.drift_below = drift_below
        self.progress = progress  # called (done, total) from the worker threads as each URL is checked

    def with_progress(self, progress: Callable[[int, int], None] | None) -> "LinkCheckRunner":
        """A copy of this runner that reports each checked URL to ``progress(done, total)``."""
        runner = copy.copy(self)
        runner.progress = progress
        return runner

    # -- public ------------------------------------------------------------------------

    def check_urls(self, urls: Sequence[str]) -> LinkReport:
        return self._run([], list(dict.fromkeys(urls)))

    def check_references(self, refs: Sequence[Reference]) -> LinkReport:
        pairs = tuple((r.key, u.url) for r in refs for u in r.urls if u.url)
        return self._run(refs, list(dict.fromkeys(url for _, url in pairs)), pairs)

    # -- the run -----------------------------------------------------------------------

    def _run(self, refs: Sequence[Reference], urls: list[str], pairs: tuple[tuple[str, str], ...] = ()) -> LinkReport:
        started = self.clock()
        if not urls:
            return LinkReport(by_reference=pairs)
        checker = UrlChecker(self.transport, self.options)
        outcomes = check_all(checker, self.transport, interleave_hosts(urls), workers=self.concurrency,
                             clock=self.clock, sleep=self.sleep, on_done=self._counted(len(urls)))
        if self._offline(outcomes):
            log.info("no host could be reached: the network looks offline; %d link(s) skipped", len(urls))
            checks = tuple(LinkCheck(url=u, status=LinkStatus.SKIPPED, detail="offline") for u in urls)
            return LinkReport(checks=checks, by_reference=pairs, offline=True)
        refs_by_url: dict[str, list[Reference]] = defaultdict(list)
        for ref in refs:
            for u in dict.fromkeys(x.url for x in ref.urls):
                refs_by_url[u].append(ref)
        drifts = self._drifts(refs_by_url, outcomes)
        given = {u.url: u.snapshot for r in refs for u in r.urls if u.snapshot is not None}
        snapshots, archive_notes, dead_given, states, silent, per_ref = self._archive_pass(
            urls, outcomes, refs_by_url, drifts, given)
        if silent:
            failed = sum(1 for state in states.values() if state is ArchiveState.UNREACHABLE)
            log.warning("archives not answering: %s; no snapshot could be looked up for %d link(s)",
                        ", ".join(silent), failed)
        checks: dict[str, LinkCheck] = {}
        for url in urls:
            check = outcomes[url].check
            if url in snapshots:
                check = replace(check, snapshot=snapshots[url])
            checks[url] = check
        drifts = self._archived_titles(drifts, checks)
        findings = self._findings(refs, checks, outcomes, drifts, archive_notes, dead_given, states, per_ref)
        log.info("checked %d URL(s) in %.1fs", len(urls), self.clock() - started)
        return LinkReport(checks=tuple(checks[u] for u in urls), by_reference=pairs, findings=tuple(findings),
                          archives_unanswered=silent,
                          reference_snapshots=tuple((k, u, snap) for (k, u), snap in per_ref.items()))

    def _counted(self, total: int) -> Callable[[str, UrlOutcome], None] | None:
        if self.progress is None:
            return None
        done = [0]
        lock = threading.Lock()
        progress = self.progress

        def count(url: str, outcome: UrlOutcome) -> None:
            with lock:
                done[0] += 1
                progress(done[0], total)
        return count

    def _offline(self, outcomes: dict[str, UrlOutcome]) -> bool:
        """Every host asked failed at the connection level (and, with a single host, so did the
        probe). A URL refused before any request (a private address, a malformed URL) asked no
        host: it is left out, so it neither proves nor disproves that the network is there."""
        hosts: dict[str, bool] = {}
        for url, outcome in outcomes.items():
            if outcome.response.error in NOT_SENT and not outcome.response.redirects:
                continue
            host = (urlsplit(url).hostname or "").lower()
            failed = outcome.response.error in CONNECTION_LEVEL
            hosts[host] = hosts.get(host, True) and failed
        if not hosts or not all(hosts.values()):
            return False
        if len(hosts) >= 2:
            return True
        if self.offline_probe_url:
            return self.transport.request("HEAD", self.offline_probe_url, max_bytes=0).error in CONNECTION_LEVEL
        return False

    def _drifts(self, refs_by_url, outcomes) -> dict[tuple[str, str], Drift]:
        drifts: dict[tuple[str, str], Drift] = {}
        for url, refs in refs_by_url.items():
            outcome = outcomes[url]
            live = outcome.info.best_title
            if not live or not outcome.check.status.is_ok:
                continue
            for ref in refs:
                if not ref.title:
                    continue
                score = max(title_similarity(ref.title, t) for t in
                            {outcome.info.title, outcome.info.og_title, outcome.info.h1} if t)
                if score < self.drift_below:
                    drifts[(ref.key, url)] = Drift(cited=ref.title, live_title=live, score=score)
        return drifts

    def _archive_pass(self, urls, outcomes, refs_by_url, drifts, given):
        """Snapshots by URL, the archives' notes, the URLs whose cited snapshot is dead, what
        the archives said of each URL looked up (``ArchiveState``), the archive services
        that answered no lookup at all (for one notice per run), and by (reference key, URL) the
        snapshots that differ from the URL's: two references that saw one page years apart
        each get the copy nearest their own date (one more lookup per other date)."""
        snapshots: dict[str, ArchiveSnapshot] = {}
        notes: dict[str, str] = {}
        dead_given: set[str] = set()
        states: dict[str, ArchiveState] = {}
        silent: dict[str, None] = {}
        if self.archive is None:
            return snapshots, notes, dead_given, states, (), {}
        drifted = {url for _, url in drifts}
        saving = self.save is not None  # live pages must be looked up too: are they archived?
        wanted = [u for u in urls if self.archive_all or u in drifted or outcomes[u].check.status in ARCHIVE_WORTHY
                  or (saving and outcomes[u].check.status.is_ok)]
        unarchived: list[str] = []  # the archives answered, and hold no copy
        per_ref: dict[tuple[str, str], ArchiveSnapshot] = {}  # (key, url): a copy nearer that reference's date

        def run(url: str) -> tuple[str, ArchiveSnapshot | None, str, bool, ArchiveLookup | None]:
            snap = given.get(url)
            if snap is not None:
                status, _ = self.archive.check_snapshot(snap)
                if status.is_ok:
                    return url, snap, "", False, None
            if url not in wanted:
                return url, None, "", snap is not None, None
            dates = sorted({d.date(): d for d in (citation_date(r) for r in refs_by_url.get(url, ())) if d}.items())
            lookup: ArchiveLookup = self.archive.lookup(url, dates[0][1] if dates else None)
            if lookup.snapshot is None and not lookup.failed:
                unarchived.append(url)
            if lookup.snapshot is not None:
                # references that saw the page on other days get the copy nearest their own day
                by_day = {day: self.archive.lookup(url, when).snapshot or lookup.snapshot for day, when in dates[1:]}
                for ref in refs_by_url.get(url, ()):
                    when = citation_date(ref)
                    own = by_day.get(when.date()) if when else None
                    if own is not None and own != lookup.snapshot:
                        per_ref[(ref.key, url)] = own
            return url, lookup.snapshot, lookup.detail, snap is not None, lookup

        todo = list(dict.fromkeys(wanted + [u for u in given if u in outcomes]))
        if not todo:
            return snapshots, notes, dead_given, states, (), {}
        with ThreadPoolExecutor(max_workers=min(self.archive_concurrency, len(todo)), thread_name_prefix="archive") as pool:
            for url, snap, detail, given_dead, lookup in pool.map(run, todo):
                if snap is not None:
                    snapshots[url] = snap
                    states[url] = ArchiveState.FOUND
                elif lookup is not None and lookup.failed:
                    states[url] = ArchiveState.UNREACHABLE
                    silent.update(dict.fromkeys(ARCHIVE_SERVICES.get(t, t) for t in lookup.tried))
                elif lookup is not None:
                    states[url] = ArchiveState.MISSING
                if detail:
                    notes[url] = detail
                if given_dead:
                    dead_given.add(url)
        if saving:
            live = [u for u in urls if u in set(unarchived) and outcomes[u].check.status.is_ok]
            for url, result in self.save.save_all(live).items():
                if result.snapshot is not None:
                    snapshots[url] = result.snapshot
                else:
                    log.info("not saved to the Wayback Machine: %s (%s)", url, result.detail)
        return snapshots, notes, dead_given, states, tuple(silent), per_ref

    def _archived_titles(self, drifts, checks) -> dict[tuple[str, str], Drift]:
        """For drifted pages with a snapshot, compare the cited title with the archived one too."""
        if self.archive is None:
            return drifts
        out = dict(drifts)
        titles: dict[str, str] = {}
        for (key, url), drift in drifts.items():
            snap = checks[url].snapshot
            if snap is None:
                continue
            if url not in titles:
                response = self.archive.transport.request("GET", snap.url, max_bytes=self.options.body_bytes)
                titles[url] = page_info(response).best_title if response.ok else ""
            if titles[url]:
                out[(key, url)] = replace(drift, archived_title=titles[url],
                                          archived_score=title_similarity(drift.cited, titles[url]))
        return out

    def _findings(self, refs, checks, outcomes, drifts, notes, dead_given, states, per_ref) -> list[Finding]:
        findings: list[Finding] = []
        for ref in refs:
            for url in dict.fromkeys(u.url for u in ref.urls if u.url):
                check = checks[url]
                if (ref.key, url) in per_ref:
                    check = replace(check, snapshot=per_ref[(ref.key, url)])
                cited = {u.snapshot.url for u in ref.urls if u.url == url and u.snapshot is not None}
                findings += link_findings(
                    ref, url, check, permanent_redirect=outcomes[url].permanent_redirect,
                    archive=states.get(url, ArchiveState.NOT_LOOKED), archive_detail=notes.get(url, ""),
                    given_snapshot_dead=url in dead_given,
                    cites_snapshot=check.snapshot is not None and check.snapshot.url in cited,
                    not_asked=outcomes[url].response.error is NetError.HOST_SILENT)
                if (ref.key, url) in drifts:
                    findings.append(drift_finding(ref, url, check, drifts[(ref.key, url)]))
        return findings


