"""Writing an output made piece by piece (``citecheck convert`` of a large BibTeX file), with
``output.write_output``'s care: never over an input, the file replaced only when complete."""
from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

from ..errors import InputError
from .output import _same


def write_output_pieces(path: Path, pieces: Iterator[str], inputs: list[str]) -> None:
    """``write_output`` for text given in pieces. The first piece is made before the output is
    checked (an input that cannot be converted is reported first, as when the text is made at
    once); the pieces go to a temporary file in the same folder, which replaces ``path`` only once
    the last piece is written (an error on the way leaves ``path`` as it was)."""
    first = next(pieces, "")
    path = Path(path)
    if any(_same(path, Path(i)) for i in inputs if i != "-"):
        raise InputError("is one of the inputs; choose another output file (use --in-place to edit inputs)", str(path))
    if not path.parent.exists():
        raise InputError("folder does not exist", str(path.parent))
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent or ".")
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as handle:
            handle.write(first)
            for piece in pieces:
                handle.write(piece)
        if path.exists():
            shutil.copymode(path, tmp)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
