"""Read a BibTeX file piece by piece, for a conversion whose memory does not grow with the file.

``bibtex_text_source`` gives a reader only when ``read_source`` would read the file as BibTeX text
without complaint (a readable ``.bib``/``.bibtex`` file within the size limit, valid UTF-8, not
empty, not a PDF or Word file in disguise, nor RIS or CSL-JSON named .bib): a first pass over the bytes checks that. Otherwise it
gives None, and ``read_source`` reads the file (or says why it cannot), as before. The text each
reading gives is ``read_source``'s: UTF-8 with or without a BOM, newlines normalised to ``\\n``.
"""
from __future__ import annotations

import codecs
from collections.abc import Callable, Iterator
from pathlib import Path, PurePath

from .read import MAX_BYTES, STDIN
from .sniff import BIBTEX_SUFFIXES, binary_format, misnamed_format

READ_BYTES = 1 << 20  # bytes read at a time
TEXT_PIECE = 1 << 18  # characters given at a time
_HEAD = 8192  # read_source looks for a binary file's first bytes in this many


def bibtex_text_source(path: str) -> Callable[[], Iterator[str]] | None:
    """A reader of the BibTeX file ``path`` piece by piece (each call reads it again from its start),
    or None when the file is not one ``read_source`` would read as BibTeX text without complaint."""
    if path == STDIN or PurePath(path).suffix.lower() not in BIBTEX_SUFFIXES:
        return None
    p = Path(path)
    try:
        if not p.is_file() or p.stat().st_size > MAX_BYTES or not _clean_text(p):
            return None
    except OSError:
        return None
    return lambda: _pieces(p)


def _clean_text(path: Path) -> bool:
    """True if the file is valid UTF-8 with some text, no NUL byte, and no PDF or Word file."""
    decoder = codecs.getincrementaldecoder("utf-8-sig")()
    blank = True
    with path.open("rb") as handle:
        head = handle.read(READ_BYTES)
        if b"\x00" in head[:_HEAD] or not head[:_HEAD].strip() or binary_format(str(path), head) is not None:
            return False  # an all-blank head: read_source looks further for "%PDF-"
        if misnamed_format(str(path), head.decode("utf-8", errors="ignore")) is not None:
            return False  # RIS or CSL-JSON named .bib: read_source reads it as what it holds, and says so
        data = head
        while data:
            if b"\x00" in data:  # read_source refuses it, naming the line
                return False
            try:
                text = decoder.decode(data)
            except UnicodeDecodeError:
                return False
            blank = blank and not text.strip()
            data = handle.read(READ_BYTES)
    try:
        decoder.decode(b"", final=True)
    except UnicodeDecodeError:
        return False
    return not blank


def _pieces(path: Path) -> Iterator[str]:
    # newline=None: "\r\n" and "\r" become "\n", as read_source's decode_text does
    with path.open("r", encoding="utf-8-sig", newline=None) as handle:
        while piece := handle.read(TEXT_PIECE):
            yield piece
