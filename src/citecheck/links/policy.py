"""Pure rules: when to retry and how long to wait (``Retry``), and what a response means
(``classify``: an ``HttpResponse`` -> a closed ``LinkStatus``). No network, no clock.
"""
from __future__ import annotations

import email.utils
import re
from dataclasses import dataclass, field, replace
from datetime import datetime, timezone
from urllib.parse import urlsplit

from ..model import LinkStatus
from .http import HttpResponse, NetError

RETRY_STATUSES = frozenset({429, 500, 502, 503, 504})
RETRY_ERRORS = frozenset({NetError.TIMEOUT, NetError.RESET})
# a host that has answered nothing in this run and timed out this many times is not asked again
SILENT_AFTER = 2


@dataclass(frozen=True)
class Retry:
    """How many more attempts, and how long to wait before each (urllib3's shape, immutable).

    ``total`` is the number of retries left; ``increment()`` returns the next state.
    The wait before retry n (1-based) is ``backoff_factor * 2**(n-1)``, at most
    ``max_backoff``; a ``Retry-After`` header (seconds or an HTTP date) overrides it when
    ``respect_retry_after``, but a server asking for more than ``max_retry_after`` seconds
    is not waited for: the answer stands (rate-limited). A timeout costs a whole deadline, so
    at most ``timeout_retries`` of the retries may be spent on timeouts (one by default).
    """

    total: int = 2
    backoff_factor: float = 0.5
    max_backoff: float = 30.0
    statuses: frozenset[int] = RETRY_STATUSES
    errors: frozenset[NetError] = RETRY_ERRORS
    respect_retry_after: bool = True
    max_retry_after: float = 60.0
    timeout_retries: int = 1
    history: tuple[str, ...] = field(default=(), compare=False)

    @classmethod
    def never(cls) -> "Retry":
        return cls(total=0)

    @property
    def exhausted(self) -> bool:
        return self.total <= 0

    @property
    def attempt(self) -> int:
        """How many retries have been made so far."""
        return len(self.history)

    def increment(self, reason: str = "") -> "Retry":
        return replace(self, total=self.total - 1, history=self.history + (reason,))

    def is_retryable(self, response: HttpResponse) -> bool:
        if response.error is not None:
            if response.error is NetError.TIMEOUT and self.history.count(NetError.TIMEOUT.value) >= self.timeout_retries:
                return False
            return response.error in self.errors
        return response.status in self.statuses

    def backoff(self) -> float:
        """The exponential wait before the next retry (retry number ``attempt + 1``)."""
        if self.backoff_factor <= 0:
            return 0.0
        return min(self.max_backoff, self.backoff_factor * (2 ** self.attempt))

    def wait_for(self, response: HttpResponse, now: datetime | None = None) -> float | None:
        """Seconds to wait before retrying ``response``; None when it must not be retried."""
        if self.exhausted or not self.is_retryable(response):
            return None
        if self.respect_retry_after and response.error is None:
            after = parse_retry_after(response.header("retry-after"), now)
            if after is not None:
                return after if after <= self.max_retry_after else None
        return self.backoff()


def host_pause(response: HttpResponse, max_seconds: float, now: datetime | None = None) -> float | None:
    """How long a 429 or 503 answer asks the client to leave the whole host alone
    (its ``Retry-After``, at most ``max_seconds``); None when it asks nothing."""
    if response.error is not None or response.status not in (429, 503):
        return None
    after = parse_retry_after(response.header("retry-after"), now)
    return None if after is None else min(after, max_seconds)


def parse_retry_after(value: str, now: datetime | None = None) -> float | None:
    """``Retry-After`` as seconds from ``now``: delta-seconds or an HTTP date; None if absent/bad."""
    value = (value or "").strip()
    if not value:
        return None
    if re.fullmatch(r"\d+(\.\d+)?", value):
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    if when is None:
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=timezone.utc)
    now = now or datetime.now(timezone.utc)
    return max(0.0, (when - now).total_seconds())


# -- what a response means -------------------------------------------------------------------

PERMANENT_REDIRECTS = frozenset({301, 308})
_ERROR_STATES = {
    NetError.DNS: LinkStatus.DEAD,
    NetError.REFUSED: LinkStatus.DEAD,
    NetError.TIMEOUT: LinkStatus.TIMEOUT,
    NetError.OFFLINE: LinkStatus.SKIPPED,
    NetError.PRIVATE_ADDRESS: LinkStatus.SKIPPED,
    NetError.HOST_SILENT: LinkStatus.SKIPPED,  # not checked: never "dead"
    NetError.TLS: LinkStatus.ERROR,
    NetError.RESET: LinkStatus.ERROR,
    NetError.TOO_MANY_REDIRECTS: LinkStatus.ERROR,
    NetError.BAD_URL: LinkStatus.ERROR,
    NetError.OTHER: LinkStatus.ERROR,
}
# (name, header that must be present or None, body phrases (lower case)); a sign counts on
# an error status only, so a normal page mentioning "captcha" is not a wall.
_WALLS: tuple[tuple[str, str | None, tuple[str, ...]], ...] = (
    ("cloudflare", "cf-ray", ("just a moment", "attention required", "cf-chl", "challenge-platform",
                              "checking your browser", "enable javascript and cookies")),
    ("cloudflare", "cf-mitigated", ()),
    ("akamai", None, ("reference&#32;&#35;", "access denied</title>", "akamai")),
    ("incapsula", "x-iinfo", ()),
    ("incapsula", None, ("_incapsula_resource", "incapsula incident")),
    ("datadome", "x-datadome", ()),
    ("datadome", None, ("captcha-delivery.com",)),
    ("perimeterx", None, ("px-captcha", "perimeterx")),
    ("aws-waf", "x-amzn-waf-action", ()),
    ("ddos-guard", None, ("ddos-guard",)),
    ("sucuri", "x-sucuri-id", ()),
    ("captcha", None, ("captcha", "are you a robot", "verify you are human", "unusual traffic")),
)


def bot_wall(response: HttpResponse) -> str | None:
    """The name of the bot wall / challenge a 401/403/429/503 answer shows, if any."""
    if response.status not in (401, 403, 429, 503, 999):
        return None
    server = response.header("server").lower()
    if "akamaighost" in server:
        return "akamai"
    body = response.body[:65536].decode("utf-8", errors="replace").lower()
    for name, header, phrases in _WALLS:
        has_header = header is None or bool(response.header(header))
        if header is not None and not has_header:
            continue
        if not phrases or any(p in body for p in phrases):
            return name
    if response.status == 999:
        return "linkedin"
    return None


def is_permanent_redirect(response: HttpResponse) -> bool:
    """Every hop was 301/308 (a URL update worth proposing)."""
    return bool(response.redirects) and all(h.status in PERMANENT_REDIRECTS for h in response.redirects)


_ROOT_PATHS = frozenset({"", "/", "/index.html", "/index.htm", "/index.php", "/home", "/default.aspx"})


def redirects_to_root(response: HttpResponse) -> bool:
    """A deep link that was redirected to the site's home page: a soft-404 sign."""
    if not response.redirects:
        return False
    start, end = urlsplit(response.url), urlsplit(response.final_url or response.redirects[-1].url)
    deep = start.path.rstrip("/") not in ("", "/index.html", "/index.php") or bool(start.query)
    landed_root = end.path.lower().rstrip("/") in {p.rstrip("/") for p in _ROOT_PATHS} and not end.query
    return deep and landed_root


# a sign-in page's path ("/login", "/accounts/login", "/users/sign_in", "/signin", "/sso", "/cas/login")
_SIGN_IN_PATH = re.compile(r"/(?:log-?in|sign-?in|sign_in|signon|sso|cas/login|session/new|auth(?:enticate)?)(?:[./]|$)",
                           re.IGNORECASE)


def sign_in_wall(response: HttpResponse) -> bool:
    """A link redirected to a sign-in page ("/report/2019" -> "/accounts/login?next=/report/2019"):
    the page may well be there, behind an account, so it is neither alive nor dead to a checker; a
    link that is itself a sign-in page is what it cites."""
    if not response.redirects or not _SIGN_IN_PATH.search(urlsplit(response.final_url).path):
        return False
    return not _SIGN_IN_PATH.search(urlsplit(response.url).path)


def classify(response: HttpResponse, *, soft_404: bool = False) -> LinkStatus:
    """The link state a response stands for. ``soft_404``: the page was judged a soft-404
    (see ``soft404.assess``); a redirect of a deep link to the site root is one by itself."""
    if response.error is not None:
        if response.error is NetError.TIMEOUT and response.status is not None and 200 <= response.status < 300:
            return LinkStatus.TIMEOUT
        return _ERROR_STATES[response.error]
    status = response.status
    if status is None:
        return LinkStatus.ERROR
    if 200 <= status < 300:
        if soft_404 or redirects_to_root(response):
            return LinkStatus.SOFT_404
        if sign_in_wall(response):
            return LinkStatus.BLOCKED
        return LinkStatus.REDIRECTED if response.redirects else LinkStatus.ALIVE
    if status in (404, 410):
        return LinkStatus.DEAD
    if status == 429:
        return LinkStatus.BLOCKED if bot_wall(response) == "captcha" else LinkStatus.RATE_LIMITED
    if status in (401, 403, 451, 999):
        return LinkStatus.BLOCKED
    if status >= 500:
        return LinkStatus.BLOCKED if bot_wall(response) else LinkStatus.ERROR
    if 300 <= status < 400:
        return LinkStatus.REDIRECTED if response.header("location") else LinkStatus.ERROR
    return LinkStatus.ERROR


def describe(response: HttpResponse, status: LinkStatus) -> str:
    """A short human detail for a classified response (never matched on)."""
    if response.error is NetError.HOST_SILENT and response.detail:
        return response.detail  # "not checked: HOST did not answer ..."
    if response.error is not None:
        return f"{response.error.value}: {response.detail}" if response.detail else response.error.value
    parts = [f"HTTP {response.status}"]
    wall = bot_wall(response)
    if wall:
        parts.append(f"bot wall ({wall})")
    if response.redirects:
        kind = "permanent" if is_permanent_redirect(response) else "temporary"
        parts.append(f"{len(response.redirects)} {kind} redirect(s) to {response.final_url}")
        if status is LinkStatus.SOFT_404 and redirects_to_root(response):
            parts.append("redirected to the site root")
        if status is LinkStatus.BLOCKED and sign_in_wall(response):
            parts.append("a sign-in page")
    if response.detail:
        parts.append(response.detail)
    return "; ".join(parts)
