"""Defect 04: when no archive answers, a failed link's snapshot is unknown, not missing: its own
finding says "archive not reachable: could not look for a snapshot", no `archive-missing` is
claimed, and the run gives one notice naming the archives that did not answer."""
from __future__ import annotations

import logging
import re
import socket

import requests
import responses
import urllib3.exceptions as u3

from citecheck.links.archive import AVAILABILITY_URL, CDX_URL, TIMETRAVEL_URL, ArchiveFinder
from citecheck.links.gate import HostGate
from citecheck.links.policy import Retry
from citecheck.links.runner import LinkCheckRunner
from citecheck.links.transport import RequestsTransport
from citecheck.model import Kind, Reference, Span, Url

SPAN = Span("essay.md", 7, 1, 0, 10)


def ref(key, url):
    return Reference(raw=key, span=SPAN, key=key, year=2020, urls=(Url(url),))


def dns_failure(url):
    reason = u3.NameResolutionError("web.archive.org", None, socket.gaierror(-2, "Name or service not known"))
    return requests.exceptions.ConnectionError(u3.MaxRetryError(None, url, reason))


def archive_transport():
    return RequestsTransport(resolver=lambda h: ["93.184.216.34"], retry=Retry.never(), gate=HostGate(min_gap=0))


def failed_links_report(web, local_transport, mock):
    web.routes["/gone/article"] = lambda h: web.send(h, 404, web.page("Not Found"))
    web.routes["/500/article"] = lambda h: web.send(h, 500, b"err")
    for base in (CDX_URL, AVAILABILITY_URL, TIMETRAVEL_URL):
        mock.get(re.compile(re.escape(base) + ".*"), body=dns_failure(base))
    finder = ArchiveFinder(archive_transport())
    return LinkCheckRunner(local_transport, archive=finder).check_references(
        [ref("jones", web.url("/gone/article")), ref("ray", web.url("/500/article"))])


def test_unreachable_archives_are_not_reported_as_missing(web, local_transport):
    with responses.RequestsMock(passthru_prefixes=("http://127.0.0.1",)) as mock:
        report = failed_links_report(web, local_transport, mock)
    assert Kind.ARCHIVE_MISSING not in [f.kind for f in report.findings]
    assert [(f.reference, f.kind) for f in report.findings] == [("jones", Kind.URL_DEAD), ("ray", Kind.URL_ERROR)]
    for finding in report.findings:
        assert finding.message.endswith("archive not reachable: could not look for a snapshot")
        assert any(e.source == "archives" and "not reachable" in e.detail for e in finding.evidence)


def test_one_notice_for_the_run_names_the_archives_that_did_not_answer(web, local_transport, caplog):
    with caplog.at_level(logging.WARNING, logger="citecheck.links"):
        with responses.RequestsMock(passthru_prefixes=("http://127.0.0.1",)) as mock:
            report = failed_links_report(web, local_transport, mock)
    notices = [r.getMessage() for r in caplog.records if "archives not answering" in r.getMessage()]
    assert notices == ["archives not answering: Wayback Machine, Memento TimeTravel; "
                       "no snapshot could be looked up for 2 link(s)"]
    assert report.archives_unanswered == ("Wayback Machine", "Memento TimeTravel")


def test_archives_that_answer_with_no_copy_still_give_archive_missing(web, local_transport):
    web.routes["/gone/article"] = lambda h: web.send(h, 404, web.page("Not Found"))
    with responses.RequestsMock(passthru_prefixes=("http://127.0.0.1",)) as mock:
        mock.get(CDX_URL, json=[])
        finder = ArchiveFinder(archive_transport(), use_availability=False, timetravel_url=None)
        report = LinkCheckRunner(local_transport, archive=finder).check_references([ref("j", web.url("/gone/article"))])
    assert [f.kind for f in report.findings] == [Kind.URL_DEAD, Kind.ARCHIVE_MISSING]
    assert report.archives_unanswered == ()


def test_without_an_archive_finder_nothing_is_claimed_about_snapshots(web, local_transport):
    web.routes["/gone/article"] = lambda h: web.send(h, 404, web.page("Not Found"))
    report = LinkCheckRunner(local_transport).check_references([ref("j", web.url("/gone/article"))])
    assert [f.kind for f in report.findings] == [Kind.URL_DEAD]
