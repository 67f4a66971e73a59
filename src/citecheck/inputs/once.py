"""Each input read once: a file given twice counted once, and standard input or a pipe, which can be
read only once, read once for the check, the report and the fixes."""
from __future__ import annotations

import logging
import os
from collections.abc import Callable, Sequence

from ..model import SourceDoc
from .read import STDIN, read_source

log = logging.getLogger(__name__)


def distinct_inputs(paths: Sequence[str]) -> list[str]:
    """``paths`` with each file once (the first name it is given by): a file given twice, by one
    name or two (a link, ``./a.md`` and ``a.md``), or standard input given twice, is read once
    and said so, not counted twice."""
    kept: list[str] = []
    for path in paths:
        same = next((k for k in kept if _same_input(path, k)), None)
        if same is not None:
            again = "given twice" if path == same else f"the same file as {same}, given before"
            log.warning("%s: %s; read once", path, again)
            continue
        kept.append(path)
    return kept


def _same_input(a: str, b: str) -> bool:
    if a == b:
        return True
    if STDIN in (a, b):
        return False
    try:
        return os.path.samefile(a, b)
    except (OSError, ValueError):
        return False


class ReadOnce:
    """``read_source`` that reads each path once and gives the same SourceDoc again: standard input
    and a pipe (``<(...)``) can be read only once, and what a report or a fix needs of an input
    (its text) must be what was checked."""

    def __init__(self, read: Callable[[str], SourceDoc] | None = None) -> None:
        self._read = read or read_source
        self._docs: dict[str, SourceDoc] = {}

    def __call__(self, path: str) -> SourceDoc:
        if path not in self._docs:
            self._docs[path] = self._read(path)
        return self._docs[path]
