"""The CLI's clock, and dates typed on the command line.

``CITECHECK_NOW`` (an ISO 8601 date or date-time; UTC when no offset is given) replaces the
wall clock for every date the CLI records or compares. It is a testing hook: the CLI tests run
``citecheck links --history`` as if on consecutive days, in seconds, through the real argument
parsing and exit codes (a CliRunner cannot hand a clock object to a command). It is read here
and nowhere else; the library and the store always receive ``now`` as an argument.
"""
from __future__ import annotations

import os
import re
from datetime import datetime, timedelta, timezone
from typing import Mapping

NOW_ENV = "CITECHECK_NOW"


class DateError(ValueError):
    """A date on the command line (or in CITECHECK_NOW) that cannot be read."""


def parse_moment(text: str) -> datetime:
    """An ISO 8601 date or date-time as an aware datetime (UTC when no offset is given)."""
    try:
        moment = datetime.fromisoformat(text.strip())
    except ValueError:
        raise DateError(f"{text!r} is not an ISO 8601 date (YYYY-MM-DD or YYYY-MM-DDTHH:MM)") from None
    return moment.replace(tzinfo=timezone.utc) if moment.tzinfo is None else moment.astimezone(timezone.utc)


def cli_now(environ: Mapping[str, str] = os.environ) -> datetime:
    """Now, or the moment ``CITECHECK_NOW`` names."""
    value = environ.get(NOW_ENV, "").strip()
    if not value:
        return datetime.now(timezone.utc)
    try:
        return parse_moment(value)
    except DateError as exc:
        raise DateError(f"{NOW_ENV}: {exc}") from None


def parse_since(text: str, now: datetime) -> datetime:
    """``--since``: an ISO date / date-time, or a span back from now such as ``7d`` or ``12h``."""
    span = re.fullmatch(r"\s*(\d+)\s*([dhw])\s*", text)
    if span:
        amount, unit = int(span[1]), span[2]
        return now - timedelta(**{{"d": "days", "h": "hours", "w": "weeks"}[unit]: amount})
    return parse_moment(text)
