"""Read an input file (or stdin) into a SourceDoc, refusing what cannot be text."""
from __future__ import annotations

import codecs
import errno
import logging
import os
import re
import sys
from pathlib import Path

from ..errors import InputError
from ..model import SourceDoc
from .docx import docx_text
from .mhtml import is_mhtml, mhtml_page
from .pdf import pdf_text
from .sniff import (
    FORMAT_NAMES,
    UNREAD_EXPORTS,
    binary_format,
    binary_kind,
    looks_like_utf16,
    looks_like_utf32,
    misnamed_format,
    named_format,
    sniff_format,
    unread_export,
)

logger = logging.getLogger(__name__)

STDIN = "-"
MAX_BYTES = 50 * 1024 * 1024


def read_source(path: str) -> SourceDoc:
    """Read ``path`` (``-`` for standard input) as UTF-8 text and sniff its format.

    A PDF or Word (.docx) document is read as bytes and its text extracted
    (``inputs.pdf``, ``inputs.docx``): the SourceDoc holds that text, with format ``pdf``
    or ``docx``; a web page saved as one MHTML file (``inputs.mhtml``) holds its page's HTML, with
    format ``mhtml``. Raises InputError for a missing, unreadable, empty, binary or
    undecodable file.
    """
    data = _read_bytes(path)
    binary = binary_format(path, data)
    if binary is not None and data:
        _refuse_mislabelled(binary, data, path)
        text = pdf_text(data, path) if binary == "pdf" else docx_text(data, path)
        return SourceDoc(path=path, text=text, format=binary)
    if data and is_mhtml(path, data):  # a page saved as one file: its HTML part, read as a saved .html
        return SourceDoc(path=path, text=_mhtml_text(data, path), format="mhtml")
    text = decode_text(data, path)
    if not text.strip():
        raise InputError("the file is empty", path)
    if text.lstrip("\ufeff \t\n").startswith("{\\rtf"):  # text, but markup no reader here understands
        raise InputError("is an RTF document, which citecheck does not read" + _SAVE_AS_DOCX, path)
    export = unread_export(text) if sniff_format(path, text) in ("text", "markdown") else None
    if export is not None:
        name, advice = UNREAD_EXPORTS[export]
        raise InputError(f"is in {name}, which citecheck does not read: {advice}", path, 1)
    held = misnamed_format(path, text)
    if held is not None:  # read as what it holds, and said: its name promised another format
        logger.warning("%s: holds %s, not the %s its name says (line 1: %r); read as %s", path,
                       FORMAT_NAMES[held], FORMAT_NAMES[named_format(path) or ""], _first_line(text),
                       FORMAT_NAMES[held])
    return SourceDoc(path=path, text=text, format=sniff_format(path, text))


def _first_line(text: str) -> str:
    """The first line that is not blank (a byte-order mark off), cut to 60 characters."""
    line = next((line for line in text.lstrip("\ufeff").splitlines() if line.strip()), "")
    return line.strip()[:60]


def _mhtml_text(data: bytes, path: str) -> str:
    """The page of an MHTML archive as text: in the charset its part names, else as a saved page is read."""
    page, charset = mhtml_page(data, path)
    if charset:
        try:
            return _lines(page.decode(charset))
        except (LookupError, UnicodeDecodeError):
            pass  # a charset Python does not know, or one its bytes are not in: read as a saved page
    return decode_text(page, path)


_BINARY_NAMES = {"pdf": "a PDF", "docx": "a Word (.docx) document"}
_OLD_OFFICE = "old Word/Excel (.doc/.xls) document"
_SAVE_AS_DOCX = "; save it as .docx (Word's Save As, or soffice --headless --convert-to docx FILE)"


def _refuse_mislabelled(binary: str, data: bytes, path: str) -> None:
    """A file named .pdf or .docx whose first bytes say it is something else (a PNG, an old .doc):
    named for what it is, rather than left to the PDF or ZIP reader's puzzling complaint."""
    kind = binary_kind(data[:64])
    looks_right = b"%PDF-" in data[:1024] if binary == "pdf" else data.startswith(b"PK")
    if looks_right or kind is None:
        return
    hint = _SAVE_AS_DOCX if kind == _OLD_OFFICE else ""
    article = "an" if kind[0].lower() in "aeiou" else "a"
    raise InputError(f"is not {_BINARY_NAMES[binary]}: by its first bytes it is {article} {kind}{hint}", path)


def _read_bytes(path: str) -> bytes:
    if path == STDIN:
        return _within_limit(sys.stdin.buffer.read(MAX_BYTES + 1), path)  # never cut short unsaid
    p = Path(path)
    if not p.exists():
        raise InputError(_missing(p), path)
    if p.is_dir():
        raise InputError("is a directory, not a file", path)
    try:
        with p.open("rb") as handle:
            data = handle.read(MAX_BYTES + 1)
    except OSError as exc:
        raise InputError(f"cannot be read ({exc.strerror or exc})", path) from exc
    return _within_limit(data, path)


def _within_limit(data: bytes, path: str) -> bytes:
    if len(data) > MAX_BYTES:
        raise InputError(f"is larger than {MAX_BYTES // (1024 * 1024)} MiB", path)
    return data


def _missing(p: Path) -> str:
    """Why ``p`` cannot be found: no such file, a symbolic link to nothing, or one that loops."""
    if not p.is_symlink():
        return "no such file"
    try:
        os.stat(p)
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            return "is a symbolic link that loops (too many levels of symbolic links)"
    return f"is a broken symbolic link (to {os.readlink(p)}, which does not exist)"


_UTF16_BOMS = (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)
_UTF32_BOMS = (codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)  # UTF-32-LE's opens with UTF-16-LE's: tried first


def decode_text(data: bytes, path: str) -> str:
    """Decode UTF-8 (with or without BOM), or UTF-16 with its byte-order mark (as Windows tools
    save "Unicode" text), normalising newlines; binary data (named by its first bytes when known: an
    ELF executable has NUL runs that once passed for UTF-16), UTF-16 without a mark and other
    encodings are errors that say what the file looks like and where it stops being UTF-8 (but a web page
    is read in the charset its <meta> declares, such as Windows-1252)."""
    for boms, encoding in ((_UTF32_BOMS, "UTF-32"), (_UTF16_BOMS, "UTF-16")):
        if data.startswith(boms):
            try:
                text = data.decode(encoding.lower())
            except UnicodeDecodeError as exc:
                raise InputError(f"starts with a {encoding} byte-order mark but is not valid {encoding} text", path) from exc
            return _without_nul(_lines(text), path)
    head = data[:8192]
    if b"\x00" in head and not _stray_nuls(data):  # the first bytes only name what it is ("MZ" may open a text)
        for looks_like, encoding in ((looks_like_utf16, "UTF-16"), (looks_like_utf32, "UTF-32")):
            if looks_like(head):
                raise InputError(f"looks like {encoding} text without a byte-order mark; save it as UTF-8", path)
        kind = binary_kind(head)
        if kind == "ZIP archive" and b"application/vnd.oasis.opendocument" in head[:200]:
            kind = "OpenDocument (.odt) file"
        hint = _SAVE_AS_DOCX if kind in (_OLD_OFFICE, "OpenDocument (.odt) file") else ""
        raise InputError(f"not a text file: binary data{f' ({kind}?)' if kind else ''}{hint}", path)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        page = _in_declared_charset(data)
        if page is not None:  # a saved web page in the charset its <meta> names
            return _without_nul(_lines(page), path)
        line = data[: exc.start].count(b"\n") + 1
        raise InputError(f"is not valid UTF-8 text{_encoding_hint(data, exc.start)}", path, line) from exc
    return _without_nul(_lines(text), path)


# what a few stray NUL bytes in a text are at most (a binary file's head is a tenth NUL or more)
_STRAY_NULS = 1 / 1000


def _stray_nuls(data: bytes) -> bool:
    """Is ``data`` text with a few NUL bytes in it (a bad copy, an editor's slip), rather than binary data?"""
    if data.count(b"\x00") > max(1, len(data) * _STRAY_NULS) or binary_kind(data[:64]) is not None:
        return False
    try:
        data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return False
    return True


def _without_nul(text: str, path: str) -> str:
    """``text``, refused with the line of its first NUL if it holds one: no text holds a NUL, and one written
    into a .bib, a report or a fixed copy would break what reads it."""
    at = text.find("\x00")
    if at < 0:
        return text
    count = text.count("\x00")
    what = "a NUL byte" if count == 1 else f"{count} NUL bytes (the first here)"
    them = "it" if count == 1 else "them"
    raise InputError(f"holds {what}, which no text holds: remove {them} (e.g. tr -d '\\000' < FILE > NEW)", path,
                     text.count("\n", 0, at) + 1)


# encodings a text not in UTF-8 is in that a single-byte guess would misname (iconv's names)
_MULTIBYTE = {"cp932": "CP932", "shift_jis": "SHIFT_JIS", "euc_jp": "EUC-JP", "iso2022_jp": "ISO-2022-JP",
              "gb2312": "GB2312", "gbk": "GBK", "gb18030": "GB18030", "big5": "BIG5", "big5hkscs": "BIG5-HKSCS",
              "cp949": "CP949", "euc_kr": "EUC-KR", "johab": "JOHAB", "cp950": "CP950"}
_LATIN_HINT = " (perhaps Latin-1 or Windows-1252: save it as UTF-8, e.g. with iconv -f cp1252 -t utf-8)"


def _encoding_hint(data: bytes, at: int) -> str:
    """How to convert a text that is not UTF-8: an East Asian encoding when ``charset_normalizer`` (installed
    with requests) finds one around ``at``, where decoding failed; else Latin-1/Windows-1252."""
    from charset_normalizer import from_bytes

    sample = data[max(0, at - 32768): at + 32768]
    best = from_bytes(sample).best()
    iconv = _MULTIBYTE.get(best.encoding) if best is not None else None
    if iconv is None:
        return _LATIN_HINT
    return f" (perhaps {iconv}, {best.language or 'East Asian'} text: save it as UTF-8, e.g. with iconv -f {iconv} -t utf-8)"


_META_CHARSET = re.compile(rb"<meta\b[^>]*?charset\s*=\s*[\"']?\s*([A-Za-z0-9_.:-]{1,40})", re.IGNORECASE)


def _in_declared_charset(data: bytes) -> str | None:
    """A page not in UTF-8 decoded in the charset its ``<meta charset>`` (or ``http-equiv`` Content-Type)
    declares in its first 4 KB; ISO-8859-1 and ASCII read as Windows-1252, as browsers read them. None when
    it declares none, one Python does not know, or one its bytes are not in."""
    found = _META_CHARSET.search(data[:4096])
    try:
        name = codecs.lookup(found.group(1).decode("ascii")).name if found else "utf-8"
        name = "cp1252" if name in ("latin-1", "iso8859-1", "ascii") else name
        return None if name.startswith("utf") else data.decode(name)
    except (LookupError, UnicodeDecodeError):
        return None


def _lines(text: str) -> str:
    """Newlines as ``\\n``; a byte-order mark opening a line (files joined with ``cat``, each with its
    mark) read as the blank it shows as, so "## References" after it is still a heading: one
    character for one, so every offset into the text stays where ``fix.layout`` finds it."""
    return text.replace("\r\n", "\n").replace("\r", "\n").replace("\n\ufeff", "\n ")
