"""DOI resolution: does a DOI exist at all (any registration agency)? The Handle System's REST API.

* ``GET {base}/api/handles/{doi}`` (base ``https://doi.org``) -> HTTP 200
  ``{"responseCode": 1, "handle": "10.1000/1", "values": [{"index": 1, "type": "URL", "data":
  {"format": "string", "value": "https://..."}, "ttl": 86400, "timestamp": "..."}]}``;
* an unregistered DOI -> HTTP 404 ``{"responseCode": 100, "handle": "10.1000/nope"}``
  (200 without values, responseCode 200, is "no values" for a registered handle).

Crossref and OpenAlex do not hold DataCite, mEDRA or other agencies' DOIs: only this check
can say a DOI was never registered.
"""
from __future__ import annotations

import time
from collections.abc import Callable
from urllib.parse import quote

from citecheck.links.http import Transport

from .answers import Answer, load_json_object
from .polite import PoliteClient, failure_detail

DOI_RESOLVER = "https://doi.org"


def parse_handle(text: str, status: int) -> Answer[str]:
    """The URL the DOI points to ("" when it has none) if registered; a miss for responseCode 100."""
    data, why = load_json_object(text)
    if data is None:
        return Answer.failed(f"doi.org: {why}")
    code = data.get("responseCode")
    if code == 100 or status == 404:
        return Answer.miss("doi.org: the DOI is not registered (responseCode 100)")
    if code not in (1, 200):
        return Answer.failed(f"doi.org answered responseCode {code!r}")
    for value in data.get("values") or []:
        if isinstance(value, dict) and value.get("type") == "URL" and isinstance(value.get("data"), dict):
            target = value["data"].get("value")
            if isinstance(target, str):
                return Answer.hit(target)
    return Answer.hit("")


class DoiResolver:
    def __init__(self, transport: Transport, *, user_agent: str, base_url: str = DOI_RESOLVER,
                 min_interval: float = 0.2, clock: Callable[[], float] = time.monotonic,
                 sleep: Callable[[float], None] = time.sleep) -> None:
        self.base_url = base_url.rstrip("/")
        self._http = PoliteClient(transport, service="doi.org", user_agent=user_agent, min_interval=min_interval,
                                  clock=clock, sleep=sleep)

    def resolve(self, doi: str) -> Answer[str]:
        response = self._http.get(f"{self.base_url}/api/handles/{quote(doi, safe='/')}")
        if response.status in (200, 404) and response.error is None:
            return parse_handle(response.text(), response.status)
        return Answer.failed(failure_detail("doi.org", response))
