"""A file path as a SARIF ``artifactLocation.uri``.

Code scanning maps a result to a file of the repository by a URI relative to the repository root
(the folder the workflow runs in). A path as the user typed it is fine when it is relative, but an
absolute one (``citecheck check $PWD/paper.md``, a path a CI script builds) written as it is,
``/home/runner/work/x/paper.md``, is no URI code scanning can place: such a path is made relative to
``root`` (the working folder) when it lies under it, else written as a ``file://`` URI, which at least
names the file unambiguously. Pure: the caller says what ``root`` is.
"""
from __future__ import annotations

import posixpath
import re
from urllib.parse import quote

_DRIVE = re.compile(r"^[A-Za-z]:/")


def sarif_uri(path: str, root: str | None = None) -> str:
    """``path`` (a file name as the spans hold it) as a URI reference for SARIF."""
    path = path.replace("\\", "/")
    if not _is_absolute(path):
        return quote(_tidy(path), safe="/")
    if root:
        base = root.replace("\\", "/").rstrip("/") + "/"
        if _fold(path).startswith(_fold(base)):
            return quote(_tidy(path[len(base):]), safe="/")
    return "file://" + ("/" if _DRIVE.match(path) else "") + quote(path, safe="/:")


def _is_absolute(path: str) -> bool:
    return path.startswith("/") or bool(_DRIVE.match(path))


def _tidy(path: str) -> str:
    """``./paper.md`` -> ``paper.md``, as code scanning names the file (one file, one URI)."""
    return posixpath.normpath(path) if path not in ("", "-") else path


def _fold(path: str) -> str:
    """Windows drive letters compare case-blind (``C:/`` and ``c:/`` are one drive)."""
    return path[0].lower() + path[1:] if _DRIVE.match(path) else path
