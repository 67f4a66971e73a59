"""Pure rules: Retry (immutable, backoff, Retry-After) and classify()."""
from __future__ import annotations

from dataclasses import FrozenInstanceError
from datetime import datetime, timezone

import pytest

from citecheck.links.http import Hop, HttpResponse, NetError
from citecheck.links.policy import (Retry, bot_wall, classify, describe, is_permanent_redirect, parse_retry_after,
                                    redirects_to_root)
from citecheck.model import LinkStatus

NOW = datetime(2024, 5, 1, 12, 0, 0, tzinfo=timezone.utc)


def resp(status=None, error=None, url="https://example.org/a/b", final=None, redirects=(), headers=None, body=b""):
    return HttpResponse(url=url, status=status, error=error, final_url=final or url, redirects=tuple(redirects),
                        headers=headers or {}, body=body)


def test_retry_is_immutable_and_increment_returns_a_new_value():
    r = Retry(total=2)
    r2 = r.increment("503")
    assert r.total == 2 and r2.total == 1 and r2.history == ("503",)
    with pytest.raises(FrozenInstanceError):
        r.total = 5  # type: ignore[misc]


def test_backoff_is_exponential_and_capped():
    r = Retry(total=10, backoff_factor=1.0, max_backoff=5.0)
    waits = []
    for _ in range(5):
        waits.append(r.backoff())
        r = r.increment()
    assert waits == [1.0, 2.0, 4.0, 5.0, 5.0]


def test_wait_for_uses_retry_after_seconds_and_dates():
    r = Retry(total=1)
    assert r.wait_for(resp(429, headers={"retry-after": "7"}), NOW) == 7.0
    date = "Wed, 01 May 2024 12:00:30 GMT"
    assert r.wait_for(resp(503, headers={"retry-after": date}), NOW) == 30.0
    assert r.wait_for(resp(429, headers={"retry-after": "3600"}), NOW) is None  # beyond max_retry_after
    assert r.wait_for(resp(404), NOW) is None
    assert r.wait_for(resp(error=NetError.TIMEOUT), NOW) == 0.5
    assert r.wait_for(resp(error=NetError.DNS), NOW) is None
    assert Retry(total=0).wait_for(resp(503), NOW) is None


@pytest.mark.parametrize("value, expected", [("", None), ("abc", None), ("0", 0.0), ("1.5", 1.5),
                                             ("Wed, 01 May 2024 11:00:00 GMT", 0.0)])
def test_parse_retry_after(value, expected):
    assert parse_retry_after(value, NOW) == expected


@pytest.mark.parametrize("response, state", [
    (resp(200), LinkStatus.ALIVE),
    (resp(200, final="https://example.org/c", redirects=[Hop(301, "https://example.org/c")]), LinkStatus.REDIRECTED),
    (resp(404), LinkStatus.DEAD),
    (resp(410), LinkStatus.DEAD),
    (resp(error=NetError.DNS), LinkStatus.DEAD),
    (resp(error=NetError.REFUSED), LinkStatus.DEAD),
    (resp(403), LinkStatus.BLOCKED),
    (resp(401), LinkStatus.BLOCKED),
    (resp(403, headers={"cf-ray": "1"}, body=b"<title>Just a moment...</title>"), LinkStatus.BLOCKED),
    (resp(503, headers={"cf-ray": "1"}, body=b"<title>Just a moment...</title>"), LinkStatus.BLOCKED),
    (resp(429), LinkStatus.RATE_LIMITED),
    (resp(error=NetError.TIMEOUT), LinkStatus.TIMEOUT),
    (resp(500), LinkStatus.ERROR),
    (resp(503), LinkStatus.ERROR),
    (resp(error=NetError.TLS), LinkStatus.ERROR),
    (resp(error=NetError.RESET), LinkStatus.ERROR),
    (resp(error=NetError.TOO_MANY_REDIRECTS), LinkStatus.ERROR),
    (resp(error=NetError.OFFLINE), LinkStatus.SKIPPED),
    (resp(error=NetError.PRIVATE_ADDRESS), LinkStatus.SKIPPED),
    (resp(200, final="https://example.org/", redirects=[Hop(302, "https://example.org/")]), LinkStatus.SOFT_404),
])
def test_classify(response, state):
    assert classify(response) is state


def test_classify_soft_404_flag_only_applies_to_2xx():
    assert classify(resp(200), soft_404=True) is LinkStatus.SOFT_404
    assert classify(resp(404), soft_404=True) is LinkStatus.DEAD


@pytest.mark.parametrize("headers, body, wall", [
    ({"cf-ray": "8a1", "server": "cloudflare"}, b"<title>Attention Required! | Cloudflare</title>", "cloudflare"),
    ({"server": "AkamaiGHost"}, b"<html>Access Denied</html>", "akamai"),
    ({}, b"<p>Please complete the CAPTCHA</p>", "captcha"),
    ({"x-datadome": "protected"}, b"", "datadome"),
    ({}, b"<p>Forbidden</p>", None),
])
def test_bot_wall_signs(headers, body, wall):
    assert bot_wall(resp(403, headers=headers, body=body)) == wall


def test_bot_wall_never_on_success():
    assert bot_wall(resp(200, headers={"cf-ray": "1"}, body=b"captcha")) is None


def test_permanent_redirect_needs_every_hop_permanent():
    assert is_permanent_redirect(resp(200, redirects=[Hop(301, "a"), Hop(308, "b")]))
    assert not is_permanent_redirect(resp(200, redirects=[Hop(301, "a"), Hop(302, "b")]))
    assert not is_permanent_redirect(resp(200))


def test_redirect_to_root_only_for_deep_links():
    assert redirects_to_root(resp(200, url="https://x.org/a", final="https://x.org/", redirects=[Hop(301, "https://x.org/")]))
    assert not redirects_to_root(resp(200, url="http://x.org/", final="https://x.org/", redirects=[Hop(301, "https://x.org/")]))
    assert not redirects_to_root(resp(200, url="https://x.org/a", final="https://x.org/b", redirects=[Hop(301, "https://x.org/b")]))


@pytest.mark.parametrize("final", ["https://x.org/accounts/login?next=/report/2019", "https://x.org/users/sign_in",
                                   "https://sso.x.org/cas/login?service=x", "https://x.org/signin/"])
def test_a_deep_link_sent_to_a_sign_in_page_is_blocked_not_alive(final):
    r = resp(200, url="https://x.org/report/2019", final=final, redirects=[Hop(302, final)])
    assert classify(r) is LinkStatus.BLOCKED
    assert "a sign-in page" in describe(r, LinkStatus.BLOCKED)


def test_a_sign_in_page_cited_as_such_or_a_login_word_elsewhere_stays_what_it_is():
    cited = resp(200, url="https://x.org/login", final="https://x.org/login/", redirects=[Hop(301, "https://x.org/login/")])
    assert classify(cited) is LinkStatus.REDIRECTED
    blog = resp(200, url="https://x.org/a", final="https://x.org/blog/login-tips", redirects=[Hop(301, "https://x.org/blog/login-tips")])
    assert classify(blog) is LinkStatus.REDIRECTED


def test_a_timeout_is_retried_at_most_once_whatever_the_total():
    r = Retry(total=5, backoff_factor=0.1)
    assert r.wait_for(resp(error=NetError.TIMEOUT), NOW) == 0.1
    r = r.increment(NetError.TIMEOUT.value)
    assert r.wait_for(resp(error=NetError.TIMEOUT), NOW) is None  # a second full deadline: no
    assert r.wait_for(resp(503), NOW) == 0.2  # other transient answers keep their budget
    assert Retry(total=5, timeout_retries=0).wait_for(resp(error=NetError.TIMEOUT), NOW) is None


def test_host_pause_reads_retry_after_on_429_and_503_only():
    from citecheck.links.policy import host_pause
    assert host_pause(resp(429, headers={"retry-after": "7"}), 60, NOW) == 7.0
    assert host_pause(resp(503, headers={"retry-after": "3600"}), 60, NOW) == 60.0  # capped
    assert host_pause(resp(429), 60, NOW) is None
    assert host_pause(resp(500, headers={"retry-after": "7"}), 60, NOW) is None
