"""Tell the input formats apart: by file name first, then by content.

=========== ==================================== ==============================================
format      suffixes                             content (any other name, or standard input)
=========== ==================================== ==============================================
bibtex      .bib .bibtex                         starts with ``@type{``
ris         .ris                                 first line ``TY  - ``
csl-json    .json .csljson                       a JSON array/object with CSL variables
csl-yaml    .yaml .yml                           pandoc's YAML bibliography: ``references:`` first
latex       .tex .ltx .latex                     ``\\documentclass``, ``\\begin{document}`` ...
aux         .aux                                 ``\\relax`` then ``\\citation``/``\\bibdata``
bcf         .bcf                                 XML with biblatex's ``bcf:`` namespace
html        .html .htm .xhtml                    ``<!DOCTYPE html``, ``<html``
pandoc      .md ... (with ``[@key]`` or a        (as for markdown)
            ``bibliography:`` in front matter;
            not a ``[@handle]`` of a reference
            list: APA's "Obama, B. [@BarackObama].")
markdown    .md .markdown .mdown
pdf         .pdf                                 bytes ``%PDF-`` (read by ``inputs.pdf``)
docx        .docx                                a ZIP with ``word/document.xml`` (``inputs.docx``)
mhtml       .mht .mhtml                          MIME headers, ``multipart/related`` (``inputs.mhtml``)
text        anything else
=========== ==================================== ==============================================

A ``.bib``, ``.ris`` or ``.json`` whose content is another of those three, and has nothing of its own
format (an RIS export saved as ``refs.bib``), is that other format (``misnamed_format``).
"""
from __future__ import annotations

import re
from pathlib import PurePath

BIBTEX_SUFFIXES = {".bib", ".bibtex"}
MARKDOWN_SUFFIXES = {".md", ".markdown", ".mdown", ".pmd", ".qmd", ".rmd"}
SUFFIXES = {
    ".ris": "ris", ".json": "csl-json", ".csljson": "csl-json", ".tex": "latex", ".ltx": "latex",
    ".latex": "latex", ".aux": "aux", ".bcf": "bcf", ".html": "html", ".htm": "html", ".xhtml": "html",
    ".yaml": "csl-yaml", ".yml": "csl-yaml",
}
BINARY_SUFFIXES = {".pdf": "pdf", ".docx": "docx"}
_BIBTEX_ENTRY = re.compile(r"^\s*@\s*[A-Za-z]+\s*[{(]", re.MULTILINE)
_RIS_START = re.compile(r"\A\s*TY  ?- ")
_CSL_VARIABLE = re.compile(r'"(?:type|issued|author|title|container-title|DOI)"\s*:')
_LATEX = re.compile(r"\\(?:documentclass|begin\{document\}|bibliography\{|addbibresource|usepackage)")
_AUX = re.compile(r"\\(?:citation|bibdata|bibstyle|abx@aux@cite)\{")
_HTML = re.compile(r"\A(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html)[\s>]", re.IGNORECASE | re.DOTALL)
_FRONT = re.compile(r"\A---[ \t]*\n(.*?\n)(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.DOTALL)
_PANDOC_CITE = re.compile(r"\[[^\[\]\n]*?(?<![\w.@])-?@[\w{]")
_CSL_YAML = re.compile(r"\A(?:---[ \t]*\n)?references:[ \t]*\n")
# a reference list's heading ("## References", "Bibliography:"): the section it opens holds no citations
_BIB_HEADING = re.compile(
    r"^[ \t]*(?P<marks>#{1,6}[ \t]+)?[*_]{0,2}[ \t]*(?:bibliography|references|reference list|works cited|"
    r"literature cited|sources cited|works consulted)[ \t]*:?[ \t]*[*_]{0,2}[ \t]*$",
    re.IGNORECASE | re.MULTILINE,
)
_ANY_HEADING = re.compile(r"^[ \t]*(#{1,6})[ \t]+\S", re.MULTILINE)
# APA 7's social-media handle after the author, then the date: "Obama, B. [@BarackObama]. (2020, March 3)."
_HANDLE_THEN_DATE = re.compile(r"\[@\w+\]\.?[ \t]*\((?:\d{4}|n\.[ \t]?d\.)")
# ... or after an inverted name opening an entry: "- Obama, B. [@BarackObama]." (the handle alone in its brackets)
_NAME_THEN_HANDLE = re.compile(
    r"^[ \t]*(?:[-*+][ \t]+|\d{1,3}[.)][ \t]+|\[\d{1,3}\][ \t]*)?[^\W\d_][\w'’\-]*(?:[ \t][^\W\d_][\w'’\-]*)?,"
    r"(?:[ \t]+[^\W\d_][\w'’\-]*\.?)+[ \t]*\[@\w+\]\.", re.MULTILINE)
_CODE = re.compile(r"^(```+|~~~+).*?^\1[ \t]*$|`[^`\n]*`", re.MULTILINE | re.DOTALL)


def _content_format(head: str) -> str | None:
    """``bibtex``, ``ris`` or ``csl-json`` when a text's start (blanks and a byte-order mark off) is one."""
    if head.startswith("@") and _BIBTEX_ENTRY.search(head):
        return "bibtex"
    if _RIS_START.match(head):
        return "ris"
    if head[:1] in "[{" and _CSL_VARIABLE.search(head):
        return "csl-json"
    return None


def binary_format(path: str, data: bytes) -> str | None:
    """``pdf`` or ``docx`` for a binary document (by name, else by its first bytes), else None."""
    suffix = PurePath(path).suffix.lower()
    if suffix in BINARY_SUFFIXES:
        return BINARY_SUFFIXES[suffix]
    if data.lstrip()[:5] == b"%PDF-":
        return "pdf"
    if data.startswith(b"PK\x03\x04") and b"word/" in data[:4096]:
        return "docx"
    return None


# the first bytes of binary files passed by mistake, to name them in the refusal ("ELF executable?")
_MAGIC = (
    (b"\x7fELF", "ELF executable"), (b"MZ", "Windows executable"), (b"\xcf\xfa\xed\xfe", "Mach-O executable"),
    (b"\xce\xfa\xed\xfe", "Mach-O executable"), (b"\xca\xfe\xba\xbe", "Java class or Mach-O executable"),
    (b"\x00asm", "WebAssembly module"), (b"\x1f\x8b", "gzip archive"), (b"PK\x03\x04", "ZIP archive"),
    (b"BZh", "bzip2 archive"), (b"\xfd7zXZ\x00", "xz archive"), (b"7z\xbc\xaf\x27\x1c", "7-Zip archive"),
    (b"\x28\xb5\x2f\xfd", "zstd archive"), (b"\x89PNG", "PNG image"), (b"\xff\xd8\xff", "JPEG image"),
    (b"GIF8", "GIF image"), (b"SQLite format 3\x00", "SQLite database"),
    (b"\xd0\xcf\x11\xe0", "old Word/Excel (.doc/.xls) document"),
)
# a file counts as UTF-16 without a byte-order mark when one byte of each pair is mostly NUL (the high
# byte of Latin text: "T\x00e\x00") and the other almost never is; a binary file has NUL runs on both
_UTF16_HIGH_NULS = 1 / 3
_UTF16_LOW_NULS = 1 / 50


def binary_kind(data: bytes) -> str | None:
    """What a binary file is by its first bytes ("ELF executable", "PNG image"), None when unknown."""
    return next((kind for magic, kind in _MAGIC if data.startswith(magic)), None)


def looks_like_utf16(head: bytes) -> bool:
    """Is ``head`` (a file's first bytes, holding NULs) UTF-16 text without a byte-order mark, rather
    than binary data? Latin text in UTF-16 has a NUL in every other byte and nowhere else."""
    if len(head) <= 16 or binary_kind(head) is not None:
        return False
    for high, low in ((head[1::2], head[0::2]), (head[0::2], head[1::2])):  # little-endian, then big
        if high.count(0) >= len(high) * _UTF16_HIGH_NULS and low.count(0) <= len(low) * _UTF16_LOW_NULS:
            return True
    return False


def looks_like_utf32(head: bytes) -> bool:
    """Is ``head`` UTF-32 text without a byte-order mark? A character is four bytes, its highest always NUL
    and the next almost always (any character below U+10000), its lowest almost never ("T\\0\\0\\0" little-
    endian, "\\0\\0\\0T" big-endian); a binary file has no such rhythm."""
    size = len(head) - len(head) % 4
    if size < 16 or binary_kind(head) is not None:
        return False
    chars = size // 4
    for top, next_, low in ((3, 2, 0), (0, 1, 3)):  # little-endian, then big
        if (head[top:size:4].count(0) == chars and head[next_:size:4].count(0) >= chars * 0.9
                and head[low:size:4].count(0) <= chars * _UTF16_LOW_NULS):
            return True
    return False


def is_pandoc(text: str) -> bool:
    """Markdown with pandoc citations: front matter naming a bibliography, or ``[@key]``."""
    front = _FRONT.match(text)
    if front and re.search(r"^(?:bibliography|references):", front.group(1), re.MULTILINE):
        return True
    body = _CODE.sub("", text[front.end() if front else 0 :])
    sections: list[tuple[int, int]] | None = None
    for m in _PANDOC_CITE.finditer(body):
        if _is_handle(body, m.start()):
            continue
        if sections is None:
            sections = _reference_sections(body)
        if not any(start <= m.start() < end for start, end in sections):
            return True
    return False


def _is_handle(text: str, at: int) -> bool:
    """Is the bracket at ``at`` APA's social-media handle after an author ("Obama, B. [@BarackObama].
    (2020, March 3)."), not a pandoc citation?"""
    if _HANDLE_THEN_DATE.match(text, at):
        return True
    handle = _NAME_THEN_HANDLE.match(text, text.rfind("\n", 0, at) + 1)
    return bool(handle) and handle.end() > at


def _reference_sections(text: str) -> list[tuple[int, int]]:
    """Where each bibliography section runs (its handles, "[@NASA]", are no citations): from its
    heading to the next heading of its level or above."""
    sections = []
    for heading in _BIB_HEADING.finditer(text):
        level = len((heading.group("marks") or "").strip()) or 7
        end = next((m.start() for m in _ANY_HEADING.finditer(text, heading.end()) if len(m.group(1)) <= level),
                   len(text))
        sections.append((heading.end(), end))
    return sections


# the bibliography formats a file's name can name and its content can tell apart; one named for one of
# them and holding another (an RIS export saved as .bib) is read as what it holds (``misnamed_format``)
BIBLIOGRAPHY_FORMATS = frozenset({"bibtex", "ris", "csl-json"})
_RIS_LINE = re.compile(r"^TY  ?- ", re.MULTILINE)
FORMAT_NAMES = {"bibtex": "BibTeX", "ris": "RIS", "csl-json": "CSL-JSON"}


# exports of reference databases no reader here reads, which the free-text parser made nonsense of:
# EndNote's tagged format ("%0 Journal Article", "%A Smith, John": the .enw of "Export to EndNote"
# buttons, Refer's) and its XML ("<xml><records><record>"); Web of Science's plain text ("FN Clarivate
# Analytics Web of Science", "PT J", "AU Smith, J"); PubMed's MEDLINE (.nbib: "PMID- 12345678")
_TAGGED_LINE = re.compile(r"^%[0-9A-Z@!#$&()*+^|~?\]] \S", re.MULTILINE)
_ENDNOTE_XML = re.compile(r"\A(?:<\?xml[^>]*\?>\s*)?<xml>\s*<records>\s*<record>")
_WOS_START = re.compile(r"\A(?:FN [^\n]*\n(?:VR [^\n]*\n)?)?PT [A-Z]\s*\n")
_WOS_LINE = re.compile(r"^(?:[A-Z][A-Z0-9] \S|   \S|ER\s*$|EF\s*$)")
_MEDLINE_START = re.compile(r"\APMID- ?\d+\s*\n")
_MEDLINE_LINE = re.compile(r"^(?:[A-Z][A-Z0-9]{1,3} *- |      \S)")
_RIS_ADVICE = "export the library as RIS instead (EndNote: File > Export, output style \"RefMan (RIS) Export\")"
UNREAD_EXPORTS = {
    "enw": ("EndNote's tagged (.enw) format", _RIS_ADVICE),
    "endnote-xml": ("EndNote XML", _RIS_ADVICE),
    "wos": ("Web of Science's plain-text (tagged) format",
            "export the records as RIS instead (Web of Science: Export > RIS (other reference software))"),
    "medline": ("PubMed's MEDLINE (.nbib) format",
                "import it into a reference manager (Zotero, EndNote ...) and export RIS or CSL-JSON from there"),
}


def unread_export(text: str) -> str | None:
    """Which export of ``UNREAD_EXPORTS`` ``text`` is (its key), else None: formats citecheck does not read,
    which the free-text parser would make nonsense of. Most of a file's first lines must be the format's."""
    head = text.lstrip("\ufeff \t\r\n")[:4000]
    if _ENDNOTE_XML.match(head):
        return "endnote-xml"
    lines = [line for line in head.splitlines()[:20] if line.strip()]
    for key, start, line_shape in (("enw", re.compile(r"\A%0 "), _TAGGED_LINE), ("wos", _WOS_START, _WOS_LINE),
                                   ("medline", _MEDLINE_START, _MEDLINE_LINE)):
        shaped = sum(bool(line_shape.match(line)) for line in lines)
        if start.match(head) and shaped >= 3 and shaped * 2 >= len(lines):
            return key
    return None


def named_format(path: str) -> str | None:
    """The format ``path``'s suffix names (None for a suffix that names none)."""
    suffix = PurePath(path).suffix.lower()
    return "bibtex" if suffix in BIBTEX_SUFFIXES else SUFFIXES.get(suffix)


def misnamed_format(path: str, text: str) -> str | None:
    """The bibliography format ``text`` holds when ``path``'s suffix names another one and the text has
    nothing of that one (a Scopus RIS export saved as ``refs.bib``: no ``@type{`` anywhere), else None."""
    named = named_format(path)
    if named not in BIBLIOGRAPHY_FORMATS:
        return None
    held = _content_format(text.lstrip("\ufeff \t\r\n")[:4000])
    if held not in BIBLIOGRAPHY_FORMATS or held == named:
        return None
    if named == "bibtex" and _BIBTEX_ENTRY.search(text) or named == "ris" and _RIS_LINE.search(text):
        return None
    return held


def sniff_format(path: str, text: str) -> str:
    """The format of a text input (see the module docstring)."""
    suffix = PurePath(path).suffix.lower()
    misnamed = misnamed_format(path, text)
    if misnamed is not None:
        return misnamed
    if suffix in BIBTEX_SUFFIXES:
        return "bibtex"
    if suffix in MARKDOWN_SUFFIXES:
        return "pandoc" if is_pandoc(text) else "markdown"
    if suffix in SUFFIXES:
        return SUFFIXES[suffix]
    head = text.lstrip("\ufeff \t\r\n")[:4000]
    held = _content_format(head)
    if held is not None:
        return held
    if _CSL_YAML.match(head):
        return "csl-yaml"
    if _HTML.match(head):
        return "html"
    if head.startswith("<?xml") and "bcf:controlfile" in head:
        return "bcf"
    if head.startswith("\\relax") and _AUX.search(text):
        return "aux"
    if _LATEX.search(text[:20000]):
        return "latex"
    if is_pandoc(text):
        return "pandoc"
    return "text"
