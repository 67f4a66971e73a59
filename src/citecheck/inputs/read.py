"""Read an input file (or stdin) into a SourceDoc, refusing what cannot be text."""
from __future__ import annotations

import codecs
import sys
from pathlib import Path

from ..errors import InputError
from ..model import SourceDoc
from .docx import docx_text
from .pdf import pdf_text
from .sniff import binary_format, binary_kind, looks_like_utf16, sniff_format

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


_UTF16_BOMS = (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)


def decode_text(data: bytes, path: str) -> str:
    """Decode UTF-8 (with or without BOM), or UTF-16 with its byte-order mark (as Windows tools
    save "Unicode" text), normalising newlines; binary data (named by its first bytes when known: an
    ELF executable has NUL runs that once passed for UTF-16), UTF-16 without a mark and other
    encodings are errors that say what the file looks like and where it stops being UTF-8."""
    if data.startswith(_UTF16_BOMS):
        try:
            text = data.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise InputError("starts with a UTF-16 byte-order mark but is not valid UTF-16 text", path) from exc
        return text.replace("\r\n", "\n").replace("\r", "\n")
    head = data[:8192]
    if b"\x00" in head:  # no text holds a NUL; the first bytes only name what it is ("MZ" may open a text)
        if looks_like_utf16(head):
            raise InputError("looks like UTF-16 text without a byte-order mark; save it as UTF-8", path)
        kind = binary_kind(head)
        raise InputError(f"not a text file: binary data{f' ({kind}?)' if kind else ''}", path)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        hint = " (perhaps Latin-1 or Windows-1252: save it as UTF-8, e.g. with iconv -f cp1252 -t utf-8)"
        raise InputError(f"is not valid UTF-8 text{hint}", path, line) from exc
    return text.replace("\r\n", "\n").replace("\r", "\n")
