"""Link checking: the only stage (with resolve/) that will touch the network.

0.1 is offline: this module defines the seam the link checker plugs into. A
``LinkChecker`` takes the URLs of the references and returns one ``LinkCheck`` per
unique URL; the pipeline receives it injected, so tests pass fakes.
"""
from __future__ import annotations

from typing import Protocol, Sequence

from ..model import LinkCheck, LinkStatus


class LinkChecker(Protocol):
    def check(self, urls: Sequence[str]) -> Sequence[LinkCheck]: ...


class OfflineLinkChecker:
    """Checks nothing: every URL is ``skipped`` with the reason."""

    def check(self, urls: Sequence[str]) -> Sequence[LinkCheck]:
        unique = dict.fromkeys(urls)
        return tuple(LinkCheck(url=u, status=LinkStatus.SKIPPED, detail="offline") for u in unique)
