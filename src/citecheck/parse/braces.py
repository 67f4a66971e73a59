"""Brace groups in TeX-like text (BibTeX values, LaTeX sources)."""
from __future__ import annotations

import re


def brace_group_end(text: str, start: int) -> int:
    """Index just past the brace group opened at ``text[start]`` (escaped braces skipped)."""
    depth, index = 0, start
    while index < len(text):
        ch = text[index]
        if ch == "\\":
            index += 2
            continue
        if ch == "{":
            depth += 1
        elif ch == "}":
            depth -= 1
            if depth == 0:
                return index + 1
        index += 1
    return len(text)


_BRACE_OR_ESCAPE = re.compile(r"\\.|[{}]", re.DOTALL)


def group_ends(text: str) -> dict[int, int]:
    """``brace_group_end(text, i)`` for every ``{`` at ``i`` (not escaped) that is closed, in one pass over
    ``text`` (a group never closed has no end here): where a text has many groups to close, some never
    closed, each found in a scan of its own would make reading it quadratic."""
    ends: dict[int, int] = {}
    opened: list[int] = []
    for m in _BRACE_OR_ESCAPE.finditer(text):
        ch = m.group()
        if ch == "{":
            opened.append(m.start())
        elif ch == "}" and opened:
            ends[opened.pop()] = m.end()
    return ends
