"""Building the online evidence sources (page, Crossref, OpenAlex, OpenLibrary) plus the offline ones.

``online_sources(transport, ...)`` is what ``--online`` hands to reconcile: every
service base URL is a parameter, requests carry a descriptive User-Agent with a contact
(``mailto:`` as Crossref asks), and the cited pages go through one ``PageFetcher`` so a
page the link checker already fetched is not fetched again (pass ``fetch``).
"""
from __future__ import annotations

import re
from collections.abc import Callable
from importlib import metadata

from citecheck.links.http import HttpResponse, Transport

from .crossref import CROSSREF_API, CrossrefClient
from .evidence import NameEvidenceSource
from .offline import offline_sources
from .openalex import OPENALEX_API, OpenAlexClient
from .openlibrary import OPENLIBRARY, OpenLibraryClient
from .page_source import WAYBACK, PageAuthorEvidence, PageFetcher
from .work_sources import CrossrefEvidence, OpenAlexEvidence, OpenLibraryEvidence

HOMEPAGE = "https://github.com/citecheck/citecheck"
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")


def user_agent(contact: str = "", mailto: str = "") -> str:
    """ "citecheck/0.1.0 (https://github.com/citecheck/citecheck; mailto:me@example.org)".

    ``contact`` may be a URL or text holding an e-mail address; ``mailto`` wins when given.
    """
    try:
        version = metadata.version("citecheck")
    except metadata.PackageNotFoundError:
        version = "0"
    email = mailto or next(iter(_EMAIL.findall(contact)), "")
    url = next(iter(re.findall(r"https?://[^\s);]+", contact)), HOMEPAGE)
    return f"citecheck/{version} ({url}" + (f"; mailto:{email}" if email else "") + ")"


def online_sources(
    transport: Transport,
    *,
    contact: str = "",
    mailto: str = "",
    fetch: Callable[[str], HttpResponse] | None = None,
    crossref_base: str = CROSSREF_API,
    openalex_base: str = OPENALEX_API,
    openlibrary_base: str = OPENLIBRARY,
    wayback_base: str | None = WAYBACK,
    include_offline: bool = True,
) -> list[NameEvidenceSource]:
    """The cited page, Crossref, OpenAlex and OpenLibrary over ``transport``, then the offline sources.

    ``fetch`` (url -> HttpResponse) lets the pipeline share the link checker's pages; by
    default a ``PageFetcher`` over ``transport`` fetches each page once.
    """
    agent = user_agent(contact, mailto)
    pages = fetch if fetch is not None else PageFetcher(transport, user_agent=agent)
    online: list[NameEvidenceSource] = [
        PageAuthorEvidence(pages, wayback_base=wayback_base),
        CrossrefEvidence(CrossrefClient(transport, user_agent=agent, mailto=mailto, base_url=crossref_base)),
        OpenAlexEvidence(OpenAlexClient(transport, user_agent=agent, mailto=mailto, base_url=openalex_base)),
        OpenLibraryEvidence(OpenLibraryClient(transport, user_agent=agent, base_url=openlibrary_base)),
    ]
    return online + (list(offline_sources()) if include_offline else [])
