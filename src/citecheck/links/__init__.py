"""Link checking and the network seam: the only stage (with resolve/) that touches the network.

``http.py`` defines the records and the Transport protocol; ``transport.py`` the
requests implementation (the only importer of requests).
"""
from __future__ import annotations

from typing import Protocol, Sequence

from ..model import LinkCheck, LinkStatus
from .http import Hop, HttpResponse, NetError, Transport


class LinkChecker(Protocol):
    def check(self, urls: Sequence[str]) -> Sequence[LinkCheck]: ...


class OfflineLinkChecker:
    """Checks nothing: every URL is ``skipped`` with the reason."""

    def check(self, urls: Sequence[str]) -> Sequence[LinkCheck]:
        unique = dict.fromkeys(urls)
        return tuple(LinkCheck(url=u, status=LinkStatus.SKIPPED, detail="offline") for u in unique)


__all__ = ["Hop", "HttpResponse", "LinkChecker", "NetError", "OfflineLinkChecker", "Transport"]
