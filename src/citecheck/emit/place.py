"""Where a writer's warning about an entry points: the entry's file and line, then its key.

A warning that names only the key ("smith2019heat: @article has no publisher ...") leaves the user
to search the input for it; with ``refs.bib:12: smith2019heat: ...`` the editor opens on the entry."""
from __future__ import annotations

from ..model import Reference


def entry_place(ref: Reference) -> str:
    """``FILE:LINE: KEY`` for ``ref`` (``FILE: KEY`` without a line, the key alone without a file)."""
    span = ref.span
    if span is None or not span.file:
        return ref.key
    return f"{span.file}:{span.line}: {ref.key}" if span.line else f"{span.file}: {ref.key}"
