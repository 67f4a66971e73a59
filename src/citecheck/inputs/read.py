"""Read an input file (or stdin) into a SourceDoc, refusing what cannot be text."""
from __future__ import annotations

import sys
from pathlib import Path

from ..errors import InputError
from ..model import SourceDoc
from .docx import docx_text
from .pdf import pdf_text
from .sniff import binary_format, sniff_format

STDIN = "-"
MAX_BYTES = 50 * 1024 * 1024


def read_source(path: str) -> SourceDoc:
    """Read ``path`` (``-`` for standard input) as UTF-8 text and sniff its format.

    A PDF or Word (.docx) document is read as bytes and its text extracted
    (``inputs.pdf``, ``inputs.docx``): the SourceDoc holds that text, with format ``pdf``
    or ``docx``. Raises InputError for a missing, unreadable, empty, binary or
    undecodable file.
    """
    data = _read_bytes(path)
    binary = binary_format(path, data)
    if binary is not None and data:
        text = pdf_text(data, path) if binary == "pdf" else docx_text(data, path)
        return SourceDoc(path=path, text=text, format=binary)
    text = decode_text(data, path)
    if not text.strip():
        raise InputError("the file is empty", path)
    return SourceDoc(path=path, text=text, format=sniff_format(path, text))


def _read_bytes(path: str) -> bytes:
    if path == STDIN:
        return sys.stdin.buffer.read(MAX_BYTES + 1)
    p = Path(path)
    if not p.exists():
        raise InputError("no such file", path)
    if p.is_dir():
        raise InputError("is a directory, not a file", path)
    try:
        with p.open("rb") as handle:
            data = handle.read(MAX_BYTES + 1)
    except OSError as exc:
        raise InputError(f"cannot be read ({exc.strerror or exc})", path) from exc
    if len(data) > MAX_BYTES:
        raise InputError(f"is larger than {MAX_BYTES // (1024 * 1024)} MiB", path)
    return data


def decode_text(data: bytes, path: str) -> str:
    """Decode UTF-8 (with or without BOM), normalising newlines; binary data is an error."""
    if b"\x00" in data[:8192]:
        raise InputError("looks like a binary file, not text", path)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise InputError("is not valid UTF-8 text", path, line) from exc
    return text.replace("\r\n", "\n").replace("\r", "\n")
