"""Text decoded from JSON or YAML escapes whole characters only: ``"\\ud83d\\ude00"`` (a character outside
the Basic Multilingual Plane, written as UTF-16's surrogate pair; PyYAML keeps the two halves apart) is one
character, and a half without its other half (``"\\ud800"``), which no UTF-8 output can hold, is U+FFFD."""
from __future__ import annotations

import re
from typing import Any

_SURROGATE = re.compile("[\ud800-\udfff]")
REPLACEMENT = "\ufffd"


def whole_characters(value: Any) -> tuple[Any, int]:
    """``value`` (a decoded JSON or YAML value) with the surrogate pairs in its strings (keys too) joined,
    and how many lone halves were replaced by U+FFFD."""
    if isinstance(value, str):
        if not _SURROGATE.search(value):
            return value, 0
        joined = value.encode("utf-16-le", "surrogatepass").decode("utf-16-le", "replace")
        return joined, joined.count(REPLACEMENT) - value.count(REPLACEMENT)
    if isinstance(value, list):
        pairs = [whole_characters(v) for v in value]
        return [v for v, _ in pairs], sum(n for _, n in pairs)
    if isinstance(value, dict):
        out, lone = {}, 0
        for key, item in value.items():
            new_key, n = whole_characters(key)
            new_item, m = whole_characters(item)
            out[new_key] = new_item
            lone += n + m
        return out, lone
    return value, 0


def lone_halves_problem(count: int) -> str:
    """What to say of ``count`` lone halves replaced."""
    what = "a lone half" if count == 1 else f"{count} lone halves"
    return (f"{what} of a UTF-16 surrogate pair (an escape such as \\ud800 with no partner), which is no "
            "character, read as U+FFFD (\ufffd)")
