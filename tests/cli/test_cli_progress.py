"""The progress bar: only on a terminal, never with --quiet; the runner reports each checked URL."""
from __future__ import annotations

import io
import threading

from citecheck.cli.progress import link_progress, progress_wanted
from citecheck.links.http import HttpResponse
from citecheck.links.runner import LinkCheckRunner
from citecheck.links.checker import CheckOptions


class Tty(io.StringIO):
    def isatty(self) -> bool:
        return True


class FakeTransport:
    def __init__(self) -> None:
        self.lock = threading.Lock()

    def request(self, method, url, **kwargs):
        return HttpResponse(url=url, status=200, final_url=url, headers={"content-type": "text/plain"})


def test_progress_only_on_a_terminal_and_not_when_quiet():
    assert progress_wanted(False, Tty()) is True
    assert progress_wanted(True, Tty()) is False
    assert progress_wanted(False, io.StringIO()) is False


def test_the_bar_draws_on_the_given_stream_and_none_when_disabled():
    with link_progress(False) as update:
        assert update is None
    stream = Tty()
    with link_progress(True, stream=stream) as update:
        update(1, 4)
        update(4, 4)
    assert "4/4" in stream.getvalue()


def test_the_runner_reports_every_url_and_the_copy_leaves_the_original_alone():
    calls: list[tuple[int, int]] = []
    urls = [f"https://example.org/{i}" for i in range(7)]
    runner = LinkCheckRunner(FakeTransport(), options=CheckOptions(soft404=False), concurrency=3)
    counted = runner.with_progress(lambda done, total: calls.append((done, total)))
    report = counted.check_urls(urls)
    assert len(report.checks) == 7
    assert sorted(calls) == [(n, 7) for n in range(1, 8)]
    assert runner.progress is None
    runner.check_urls(urls)
    assert len(calls) == 7
