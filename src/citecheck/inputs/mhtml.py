"""A web page saved as one file, MHTML (``.mht``, ``.mhtml``: Chrome's and Edge's "Webpage, Single
File", Internet Explorer's and Word's "Web Archive") -> the bytes of its page's HTML.

An MHTML file is a MIME message (``multipart/related``) whose first ``text/html`` part is the page, in
quoted-printable or base64, and whose other parts are its images and style sheets. The page is read as a
saved ``.html`` is (``parse.html``); its spans point into the page, not into the archive's encoded lines.
Standard library only (``email``).
"""
from __future__ import annotations

import email
import re
from email import policy
from pathlib import PurePath

from ..errors import InputError

MHTML_SUFFIXES = frozenset({".mht", ".mhtml"})
_MIME_HEAD = re.compile(rb"^content-type:\s*multipart/related", re.IGNORECASE | re.MULTILINE)


def is_mhtml(path: str, data: bytes) -> bool:
    """An MHTML archive: by its name, else by a ``multipart/related`` MIME header in its first lines."""
    if PurePath(path).suffix.lower() in MHTML_SUFFIXES:
        return True
    head = data[:4096]
    return b"MIME-Version:" in head[:2048] and bool(_MIME_HEAD.search(head))


def mhtml_page(data: bytes, path: str) -> tuple[bytes, str | None]:
    """The HTML of the archive's page, decoded from its transfer encoding, and the charset its part
    declares (None when it names none: Chrome's ``text/html`` part is UTF-8 or says so in a ``<meta>``)."""
    message = email.message_from_bytes(data, policy=policy.compat32)
    if not message.is_multipart() and message.get_content_type() != "text/html":
        raise InputError("is named as an MHTML web archive but holds no MIME parts (save the page again, "
                         "or as 'Webpage, HTML only')", path)
    for part in message.walk():
        if part.get_content_type() == "text/html":
            payload = part.get_payload(decode=True)
            if isinstance(payload, bytes) and payload.strip():
                return payload, part.get_content_charset()
    raise InputError("is an MHTML web archive with no HTML page in it", path)
