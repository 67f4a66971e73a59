"""What a metadata service said, as data: found, not found, or failed (never evidence).

Parsers of service answers are pure functions ``text -> Answer``; the clients map HTTP
outcomes (404, 429, 5xx, network errors) to the same record, so nothing downstream
matches on message text. ``FAILED`` answers are never turned into evidence.
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from enum import Enum
from typing import Generic, TypeVar

T = TypeVar("T")


class Outcome(str, Enum):
    FOUND = "found"
    NOT_FOUND = "not-found"  # the service answered: it has no such record
    FAILED = "failed"  # no usable answer: network error, rate limit, server error, malformed body


@dataclass(frozen=True)
class Answer(Generic[T]):
    outcome: Outcome
    value: T | None = None
    detail: str = ""

    @property
    def found(self) -> bool:
        return self.outcome is Outcome.FOUND and self.value is not None

    @classmethod
    def hit(cls, value: T, detail: str = "") -> "Answer[T]":
        return cls(Outcome.FOUND, value, detail)

    @classmethod
    def miss(cls, detail: str = "") -> "Answer[T]":
        return cls(Outcome.NOT_FOUND, None, detail)

    @classmethod
    def failed(cls, detail: str) -> "Answer[T]":
        return cls(Outcome.FAILED, None, detail)


def load_json_object(text: str) -> tuple[dict | None, str]:
    """``(object, "")`` for a JSON object, else ``(None, why)`` (HTML error pages, truncation...)."""
    try:
        data = json.loads(text)
    except ValueError as exc:
        head = text.lstrip()[:40].replace("\n", " ")
        return None, f"the answer is not JSON ({exc.msg} at {exc.pos}; starts {head!r})"
    if not isinstance(data, dict):
        return None, f"the answer is JSON but not an object ({type(data).__name__})"
    return data, ""


def text_list(value: object) -> tuple[str, ...]:
    """A JSON value that should be a list of strings (or one string), cleaned; junk dropped."""
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list):
        return ()
    return tuple(" ".join(v.split()) for v in value if isinstance(v, str) and v.strip())


def first_int(value: object) -> int | None:
    """An int from an int, a digit string, or the first of a list of those."""
    if isinstance(value, list):
        value = value[0] if value else None
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, str) and value.strip().isdigit():
        return int(value.strip())
    return None
