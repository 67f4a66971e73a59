"""A BibTeX entry's attached files (the ``file`` field), read and written as JabRef writes them.

JabRef, Zotero's and Mendeley's BibTeX exports and Better BibTeX keep an entry's files in one ``file``
field: ``Description:path:Type`` for each, ``;`` between them, and a backslash escaping a ``:``, ``;`` or
backslash inside a part (JabRef's ``FileFieldParser`` and ``FileFieldWriter``)::

    file = {:C\\:\\\\Users\\\\me\\\\paper.pdf:PDF;Supplement:papers/supp.pdf:PDF}
    file = {Full Text PDF:/home/me/Zotero/storage/ABCD1234/paper.pdf:application/pdf}
    file = {/home/me/a.pdf;/home/me/b.pdf}

A file of one part is its path (Better BibTeX's form), as JabRef reads it. Mendeley Desktop writes the
escaping backslash as ``$\\backslash$`` (``:C$\\backslash$:/Users/me/paper.pdf:pdf``), Papers braces the whole
field (``{{name.pdf:/Users/me/name.pdf:application/pdf}}``: the braces are no part of a file); a drive letter or a URL's
scheme whose colon was not escaped (``C:/Users/...``, ``https://...``) stays part of the path. biblatex reads
the field verbatim, so ``parse.bibtex`` keeps it as written and ``emit.bibtex`` writes it back so; RIS has a
file's path alone, one ``L1`` each (``emit.ris``).
"""
from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

MENDELEY_BACKSLASH = "$\\backslash$"
_JOINED = re.compile(r"^(?:[A-Za-z]|https?|ftp|file)$")  # a drive letter or URL scheme before an unescaped ":"


@dataclass(frozen=True)
class AttachedFile:
    """One attached file: its path (or URL), and the description and file type JabRef keeps beside it."""

    path: str
    description: str = ""
    kind: str = ""  # "PDF", "application/pdf"


def attached_files(value: str) -> tuple[AttachedFile, ...]:
    """The files of a ``file`` field as JabRef reads them (see the module docstring)."""
    files: list[AttachedFile] = []
    parts: list[str] = []
    piece: list[str] = []
    escaped = False
    for ch in value.replace(MENDELEY_BACKSLASH, "\\").replace("{", "").replace("}", ""):  # Papers' {{...}}
        if escaped:
            piece.append(ch)
            escaped = False
        elif ch == "\\":
            escaped = True
        elif ch in ":;":
            parts.append("".join(piece))
            piece = []
            if ch == ";":
                files.extend(_file(parts))
                parts = []
        else:
            piece.append(ch)
    if piece or parts:
        parts.append("".join(piece))
        files.extend(_file(parts))
    return tuple(files)


def _file(parts: list[str]) -> list[AttachedFile]:
    """The file of one ``;``-separated item's parts (none when it is blank)."""
    joined: list[str] = []
    for part in parts:  # "C" + "/Users/me/a.pdf", "https" + "//example.org/a.pdf": a colon no one escaped
        if joined and _JOINED.match(joined[-1].strip()) and part.startswith(("/", "\\")):
            joined[-1] = joined[-1].strip() + ":" + part
        else:
            joined.append(part)
    items = [p.strip() for p in joined]
    if not any(items):
        return []
    if len(items) == 1:
        return [AttachedFile(path=items[0])]
    description, path, kind = items[0], items[1], ":".join(items[2:])
    if not path:  # JabRef: a lone part is the path, wherever it stands
        path, description, kind = (description, "", kind) if description else (kind, "", "")
    return [AttachedFile(path=path, description=description, kind=kind)]


def _escaped(part: str) -> str:
    return part.replace("\\", "\\\\").replace(":", "\\:").replace(";", "\\;")


def file_field(files: Iterable[AttachedFile]) -> str:
    """A ``file`` field for ``files``: ``Description:path:Type`` each (a file with neither, its path alone),
    escaped as JabRef escapes them, ``;`` between them."""
    items = []
    for one in files:
        if one.description or one.kind:
            items.append(":".join(_escaped(p) for p in (one.description, one.path, one.kind)))
        else:
            items.append(_escaped(one.path))
    return ";".join(items)


def described(files: Iterable[AttachedFile]) -> bool:
    """Whether any of ``files`` has a description or a file type (which RIS's ``L1``, a path, cannot hold)."""
    return any(one.description or one.kind for one in files)
