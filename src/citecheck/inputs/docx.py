"""A Word document (.docx) -> text, through python-docx.

Body paragraphs in order, one per block separated by blank lines (so each entry of a
reference list is its own paragraph); a paragraph styled "Heading N" or "Title" becomes a
Markdown heading (``## References``), so ``parse.sections`` finds the bibliography the
way it does in Markdown; table cells are read row by row. Footnotes, comments, text
boxes and the field codes of reference managers (Zotero, Mendeley) are not read.
"""
from __future__ import annotations

import io
import re
import zipfile

from ..errors import InputError

_HEADING = re.compile(r"^(?:heading|überschrift|titre|título)\s*(\d)$", re.IGNORECASE)


def _heading_level(style_name: str) -> int:
    if style_name.strip().lower() == "title":
        return 1
    match = _HEADING.match(style_name.strip())
    return int(match.group(1)) if match else 0


def _blocks(document) -> list[str]:
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    blocks: list[str] = []
    for block in document.iter_inner_content():
        if isinstance(block, Paragraph):
            text = " ".join(block.text.split())
            if not text:
                continue
            style = block.style.name if block.style is not None else ""
            level = _heading_level(style or "")
            blocks.append(("#" * level + " " + text) if level else text)
        elif isinstance(block, Table):
            for row in block.rows:
                cells = [" ".join(c.text.split()) for c in row.cells]
                line = " ".join(c for c in cells if c)
                if line:
                    blocks.append(line)
    return blocks


def docx_text(data: bytes, path: str) -> str:
    """The text of a .docx file; InputError when it is not one python-docx can open."""
    try:
        import docx
    except ImportError as exc:  # a dependency of the package; missing only in a broken install
        raise InputError("reading .docx needs python-docx (pip install python-docx)", path) from exc
    try:
        document = docx.Document(io.BytesIO(data))
    except (zipfile.BadZipFile, KeyError, ValueError) as exc:
        raise InputError(f"is not a readable Word (.docx) document ({exc})", path) from exc
    text = "\n\n".join(_blocks(document))
    if not text.strip():
        raise InputError("the Word document has no text", path)
    return text + "\n"


def is_docx(data: bytes) -> bool:
    if not data.startswith(b"PK\x03\x04"):
        return False
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            return "word/document.xml" in archive.namelist()
    except zipfile.BadZipFile:
        return False
