"""Save Page Now (SPN2) with `responses` fixtures shaped like the service's answers."""
from __future__ import annotations

import pytest
import responses
from responses import matchers

from citecheck.links.archive import ArchiveFinder
from citecheck.links.gate import HostGate
from citecheck.links.policy import Retry
from citecheck.links.runner import LinkCheckRunner
from citecheck.links.save import SavePageNow
from citecheck.links.transport import RequestsTransport
from citecheck.model import LinkStatus

SAVE = "https://web.archive.org/save"
PAGE = "https://example.org/report"
AUTH = {"Authorization": "LOW key:secret", "Accept": "application/json"}
PENDING = {"status": "pending", "job_id": "spn2-1a2b", "resources": ["https://example.org/report"]}
SUCCESS = {"status": "success", "job_id": "spn2-1a2b", "original_url": PAGE, "timestamp": "20240501120000",
           "duration_sec": 6.2, "http_status": 200, "resources": [PAGE], "outlinks": {}}


def transport(clock=None):
    gate = HostGate(min_gap=0) if clock is None else HostGate(min_gap=0, clock=clock, sleep=clock.sleep)
    return RequestsTransport(resolver=lambda h: ["93.184.216.34"], retry=Retry.never(), gate=gate)


def saver(clock, **kw):
    return SavePageNow(transport(clock), "key", "secret", clock=clock, sleep=clock.sleep, **kw)


def submitted(mock):
    return [c for c in mock.calls if c.request.method == "POST"]


def test_from_env_needs_both_keys():
    assert SavePageNow.from_env(transport(), {"IA_ACCESS_KEY": "k"}) is None
    client = SavePageNow.from_env(transport(), {"IA_ACCESS_KEY": "k", "IA_SECRET_KEY": "s"})
    assert client is not None and client._auth == "LOW k:s"


def test_capture_then_poll_until_success(clock):
    with responses.RequestsMock() as mock:
        mock.post(SAVE, json={"url": PAGE, "job_id": "spn2-1a2b"},
                  match=[matchers.header_matcher(AUTH), matchers.urlencoded_params_matcher(
                      {"url": PAGE, "skip_first_archive": "1", "if_not_archived_within": "30d"})])
        mock.get(f"{SAVE}/status/spn2-1a2b", json=PENDING, match=[matchers.header_matcher(AUTH)])
        mock.get(f"{SAVE}/status/spn2-1a2b", json=SUCCESS)
        results = saver(clock).save_all([PAGE])
    result = results[PAGE]
    assert result.saved and result.job_id == "spn2-1a2b"
    assert result.snapshot.url == f"https://web.archive.org/web/20240501120000/{PAGE}"
    assert result.snapshot.timestamp == "20240501120000" and result.snapshot.status == 200
    assert clock.sleeps == [5.0, 5.0]  # polls no closer than poll_every


def test_budget_and_jobs_in_flight_are_limited(clock):
    urls = [f"https://example.org/p{i}" for i in range(5)]
    with responses.RequestsMock() as mock:
        for i, u in enumerate(urls[:3]):
            mock.post(SAVE, json={"url": u, "job_id": f"job{i}"})
        for i, u in enumerate(urls[:3]):
            mock.get(f"{SAVE}/status/job{i}", json={**SUCCESS, "job_id": f"job{i}", "original_url": u})
        results = saver(clock, budget=3, max_in_flight=2).save_all(urls)
        posts = submitted(mock)
    assert len(posts) == 3
    assert [r.saved for r in results.values()].count(True) == 3
    assert {u for u, r in results.items() if not r.saved} == set(urls[3:])
    assert all("budget" in results[u].detail for u in urls[3:])


def test_session_limit_waits_retry_after_then_submits_again(clock):
    with responses.RequestsMock() as mock:
        mock.post(SAVE, status=429, headers={"Retry-After": "20"},
                  json={"status": "error", "status_ext": "error:user-session-limit",
                        "message": "You have already reached the limit of active sessions."})
        mock.post(SAVE, json={"url": PAGE, "job_id": "spn2-1a2b"})
        mock.get(f"{SAVE}/status/spn2-1a2b", json=SUCCESS)
        results = saver(clock).save_all([PAGE])
    assert results[PAGE].saved and clock.sleeps[0] == 20.0 and sum(clock.sleeps) == 25.0  # the pause, one poll


def test_daily_limit_stops_saving_for_the_run(clock):
    other = "https://example.org/other"
    with responses.RequestsMock() as mock:
        mock.post(SAVE, json={"status": "error", "status_ext": "error:too-many-daily-captures",
                              "message": "This user has reached the daily limit of captures."})
        results = saver(clock).save_all([PAGE, other])
        assert len(submitted(mock)) == 1
    assert not results[PAGE].saved and "too-many-daily-captures" in results[PAGE].detail
    assert not results[other].saved and "daily" in results[other].detail


def test_job_error_and_recent_capture_are_reported_not_saved(clock):
    with responses.RequestsMock() as mock:
        mock.post(SAVE, json={"url": PAGE, "job_id": "j1"})
        mock.get(f"{SAVE}/status/j1", json={"status": "error", "status_ext": "error:not-found",
                                             "message": "Server returned HTTP 404.", "job_id": "j1"})
        assert "error:not-found" in saver(clock).save_all([PAGE])[PAGE].detail
    with responses.RequestsMock() as mock:
        mock.post(SAVE, json={"url": PAGE, "job_id": None,
                              "message": "The same snapshot had been made 12 minutes ago."})
        result = saver(clock).save_all([PAGE])[PAGE]
    assert not result.saved and "12 minutes ago" in result.detail


def test_a_job_that_never_finishes_is_given_up(clock):
    with responses.RequestsMock() as mock:
        mock.post(SAVE, json={"url": PAGE, "job_id": "slow"})
        mock.get(f"{SAVE}/status/slow", json={"status": "pending", "job_id": "slow"})
        result = saver(clock, max_wait=30).save_all([PAGE])[PAGE]
    assert not result.saved and "pending" in result.detail and len(clock.sleeps) <= 7


def test_runner_saves_live_pages_the_archives_do_not_hold(web, local_transport, clock):
    web.routes["/live"] = lambda h: web.send(h, 200, web.page("Live page", "text"))
    web.routes["/archived"] = lambda h: web.send(h, 200, web.page("Archived page", "text"))
    live, archived = web.url("/live"), web.url("/archived")
    cdx = "https://web.archive.org/cdx/search/cdx"
    row = ["urlkey", "timestamp", "original", "mimetype", "statuscode", "digest", "length"]
    with responses.RequestsMock(passthru_prefixes=("http://127.0.0.1",)) as mock:
        mock.get(cdx, json=[], match=[matchers.query_param_matcher({"url": live}, strict_match=False)])
        mock.get(cdx, json=[row, ["k", "20200101000000", archived, "text/html", "200", "D", "1"]],
                 match=[matchers.query_param_matcher({"url": archived}, strict_match=False)])
        mock.post(SAVE, json={"url": live, "job_id": "j9"},
                  match=[matchers.urlencoded_params_matcher({"url": live, "skip_first_archive": "1",
                                                             "if_not_archived_within": "30d"})])
        mock.get(f"{SAVE}/status/j9", json={**SUCCESS, "job_id": "j9", "original_url": live})
        finder = ArchiveFinder(transport(), use_availability=False, timetravel_url=None)
        runner = LinkCheckRunner(local_transport, archive=finder, save=saver(clock))
        report = runner.check_urls([live, archived])
        assert len(submitted(mock)) == 1
    assert report.check_for(live).status is LinkStatus.ALIVE
    assert report.check_for(live).snapshot.url == f"https://web.archive.org/web/20240501120000/{live}"
    assert report.check_for(archived).snapshot.timestamp == "20200101000000"


def test_keys_are_required():
    with pytest.raises(ValueError):
        SavePageNow(transport(), "", "secret")
