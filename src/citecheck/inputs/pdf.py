"""A PDF -> text, through pypdf (pure Python, maintained).

Pages are extracted in order and joined by newlines; running headers and footers
(lines repeated on most pages) are left in: ``parse.cleanup`` removes them, and joins a
sentence or citation they split, exactly as for text copied out of a PDF by hand. A PDF
without a text layer (a scan), an encrypted one or a damaged one is an InputError.
"""
from __future__ import annotations

import io
import logging
import re

from ..errors import InputError

log = logging.getLogger(__name__)
_PAGE_NUMBER = re.compile(r"^\s*(?:page\s+)?\d{1,4}(?:\s*(?:/|of)\s*\d{1,4})?\s*$", re.IGNORECASE)


def pdf_text(data: bytes, path: str) -> str:
    try:
        from pypdf import PdfReader
        from pypdf.errors import PdfReadError
    except ImportError as exc:
        raise InputError("reading PDF needs pypdf (pip install pypdf)", path) from exc
    logging.getLogger("pypdf").setLevel(logging.ERROR)
    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted:
            try:
                reader.decrypt("")
            except Exception as exc:  # noqa: BLE001 - pypdf raises several types here
                raise InputError("is an encrypted PDF; decrypt it first", path) from exc
        pages = [page.extract_text() or "" for page in reader.pages]
    except PdfReadError as exc:
        raise InputError(f"is not a readable PDF ({exc})", path) from exc
    except InputError:
        raise
    except Exception as exc:  # noqa: BLE001 - a damaged PDF can fail anywhere inside pypdf
        raise InputError(f"is not a readable PDF ({type(exc).__name__}: {exc})", path) from exc
    lines = []
    for number, page in enumerate(pages, start=1):
        page_lines = page.replace("\r\n", "\n").replace("\r", "\n").split("\n")
        kept = [line.rstrip() for line in page_lines if not _PAGE_NUMBER.match(line)]
        log.debug("%s: page %d: %d lines", path, number, len(kept))
        lines.extend(kept)
    text = "\n".join(lines).strip()
    if not text:
        raise InputError("the PDF has no text layer (a scan?); run OCR on it first", path)
    return text + "\n"


def is_pdf(data: bytes) -> bool:
    return data.lstrip()[:5] == b"%PDF-"
