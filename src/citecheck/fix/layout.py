"""Edits made on a file's text, put back into the file's own bytes.

``inputs.read_source`` gives the text decoded, without its byte-order mark and with every line
ending as ``\\n``, and spans are offsets into that text. A fixed file must differ from its input only
where a fix changed it: the byte-order mark, the encoding (UTF-8, or UTF-16 with its mark) and each
line ending (CRLF, CR or LF, even mixed) are kept, and text a fix inserts uses the file's own line
ending.
"""
from __future__ import annotations

import codecs
import re
from bisect import bisect_left
from collections import Counter
from dataclasses import dataclass
from typing import Sequence

from .text import Edit

_BOMS = ((codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be"))


@dataclass(frozen=True)
class Layout:
    """How a text file is written: its byte-order mark, encoding and text with its own line endings."""

    bom: bytes
    encoding: str
    raw: str

    @property
    def text(self) -> str:
        """The text as ``inputs.read_source`` gives it: the offsets fixes point at."""
        return self.raw.replace("\r\n", "\n").replace("\r", "\n")

    @property
    def newline(self) -> str:
        """The file's most common line ending (``\\n`` for a file of one line)."""
        counts = Counter(re.findall(r"\r\n|\r|\n", self.raw))
        return counts.most_common(1)[0][0] if counts else "\n"


def layout_of(data: bytes) -> Layout:
    """The layout of a file's bytes (UTF-8 unless a byte-order mark says otherwise)."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return Layout(bom, encoding, data[len(bom) :].decode(encoding))
    return Layout(b"", "utf-8", data.decode("utf-8"))


def fixed_bytes(layout: Layout, edits: Sequence[Edit]) -> bytes:
    """The file's bytes with ``edits`` (non-overlapping, in order, offsets into ``layout.text``)
    made; everything else byte for byte as it was."""
    crlf = [m.start() for m in re.finditer("\r\n", layout.raw)]
    crlf_at = [p - i for i, p in enumerate(crlf)]  # where each CRLF's "\n" is in the normalised text

    def raw_offset(offset: int) -> int:
        return offset + bisect_left(crlf_at, offset)

    parts: list[str] = []
    pos = 0
    for edit in edits:
        start, end = raw_offset(edit.start), raw_offset(edit.end)
        parts.append(layout.raw[pos:start])
        parts.append(edit.after.replace("\n", layout.newline))
        pos = end
    parts.append(layout.raw[pos:])
    return layout.bom + "".join(parts).encode(layout.encoding)
