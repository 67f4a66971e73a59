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
            ``bibliography:`` in front matter)
markdown    .md .markdown .mdown
pdf         .pdf                                 bytes ``%PDF-`` (read by ``inputs.pdf``)
docx        .docx                                a ZIP with ``word/document.xml`` (``inputs.docx``)
text        anything else
=========== ==================================== ==============================================
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
_CODE = re.compile(r"^(```+|~~~+).*?^\1[ \t]*$|`[^`\n]*`", re.MULTILINE | re.DOTALL)


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


def is_pandoc(text: str) -> bool:
    """Markdown with pandoc citations: front matter naming a bibliography, or ``[@key]``."""
    front = _FRONT.match(text)
    if front and re.search(r"^(?:bibliography|references):", front.group(1), re.MULTILINE):
        return True
    return bool(_PANDOC_CITE.search(_CODE.sub("", text[front.end() if front else 0 :])))


def sniff_format(path: str, text: str) -> str:
    """The format of a text input (see the module docstring)."""
    suffix = PurePath(path).suffix.lower()
    if suffix in BIBTEX_SUFFIXES:
        return "bibtex"
    if suffix in MARKDOWN_SUFFIXES:
        return "pandoc" if is_pandoc(text) else "markdown"
    if suffix in SUFFIXES:
        return SUFFIXES[suffix]
    head = text.lstrip("\ufeff \t\r\n")[:4000]
    if head.startswith("@") and _BIBTEX_ENTRY.search(head):
        return "bibtex"
    if _RIS_START.match(head):
        return "ris"
    if head[:1] in "[{" and _CSL_VARIABLE.search(head):
        return "csl-json"
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
