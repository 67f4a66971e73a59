"""Brace groups in TeX-like text (BibTeX values, LaTeX sources)."""
from __future__ import annotations


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
