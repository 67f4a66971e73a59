"""Link checking and the network seam: the only stage (with resolve/) that touches the network.

``http.py`` defines the records and the Transport protocol; ``transport.py`` is the
requests implementation (the only importer of requests); ``runner.py`` checks the URLs
of references with per-host limits, soft-404 detection and an archive pass.
"""
from __future__ import annotations

from .archive import ArchiveFinder
from .checker import CheckOptions
from .gate import HostGate
from .http import Hop, HttpResponse, NetError, Transport
from .policy import Retry
from .results import LinkReport
from .runner import LinkCheckRunner

__all__ = [
    "ArchiveFinder", "CheckOptions", "Hop", "HostGate", "HttpResponse", "LinkCheckRunner", "LinkReport",
    "NetError", "RequestsTransport", "Retry", "Transport",
]


def __getattr__(name: str) -> object:
    """``RequestsTransport`` on first use: requests is imported by a run that checks links, not by an
    offline one (it is a fifth of the command's start-up)."""
    if name == "RequestsTransport":
        from .transport import RequestsTransport

        return RequestsTransport
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
