"""A Word document (.docx) -> text, through python-docx.

Body paragraphs in order, one per block separated by blank lines (so each entry of a
reference list is its own paragraph); a paragraph styled "Heading N" or "Title" becomes a
Markdown heading (``## References``), so ``parse.sections`` finds the bibliography the
way it does in Markdown; table cells are read row by row. Footnotes and endnotes are written
as pandoc footnotes (a marker ``[^3]`` where the note is referenced, its text as ``[^3]: ...``
after the paragraph), so notes-bibliography citations are read as in Markdown. Comments and
text boxes are not read.

The citation fields of reference managers (Zotero's ``ADDIN ZOTERO_ITEM CSL_CITATION {json}``
and ``ADDIN ZOTERO_BIBL``, Mendeley's ``ADDIN CSL_CITATION {json}``, as complex fields of
``w:fldChar``/``w:instrText`` runs or as ``w:fldSimple``) are collected in document order with
the text Word shows for them, and appended after the text as a trailer
(``parse.word_fields``), which ``parse.document`` takes off again to read them as key
citations and cited items.
"""
from __future__ import annotations

import io
import re
import xml.etree.ElementTree as ET
import zipfile

from ..errors import InputError

_HEADING = re.compile(r"^(?:heading|überschrift|titre|título)\s*(\d)$", re.IGNORECASE)


def _heading_level(style_name: str) -> int:
    if style_name.strip().lower() == "title":
        return 1
    match = _HEADING.match(style_name.strip())
    return int(match.group(1)) if match else 0


def _notes(data: bytes) -> dict[str, str]:
    """The text of each footnote ("3") and endnote ("e3") of a .docx, by the label its marker gets."""
    notes: dict[str, str] = {}
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        names = set(archive.namelist())
        for part, tag, prefix in (("word/footnotes.xml", "footnote", ""), ("word/endnotes.xml", "endnote", "e")):
            if part not in names:
                continue
            root = ET.fromstring(archive.read(part))
            for note in root.iter(_W + tag):
                if note.get(_W + "type") in ("separator", "continuationSeparator", "continuationNotice"):
                    continue
                paragraphs = ["".join(t.text or "" for t in p.iter(_W + "t")) for p in note.iter(_W + "p")]
                text = " ".join(" ".join(paragraphs).split())
                if text:
                    notes[prefix + (note.get(_W + "id") or "")] = text
    return notes


_SUPERSCRIPT_NUMBERS = re.compile(r"^\s*\d{1,4}(?:\s*[,–-]\s*\d{1,4})*\s*$")


def _superscript(element) -> bool:
    """A w:t in a run set in superscript (Vancouver's citation numbers)."""
    run = element.getparent()
    align = run.find(f"{_W}rPr/{_W}vertAlign") if run is not None else None
    return align is not None and align.get(_W + "val") == "superscript"


def _paragraph_with_markers(paragraph) -> tuple[str, list[str]]:
    """A paragraph's text with its note references as pandoc markers ("[^3]") and superscript
    citation numbers in brackets ("¹²" -> "[1,2]", as ``parse.citation_numbers`` reads them),
    and the note labels."""
    parts: list[str] = []
    labels: list[str] = []
    for element in paragraph._p.iter():
        if element.tag == _W + "t":
            text = element.text or ""
            if _SUPERSCRIPT_NUMBERS.match(text) and _superscript(element):
                text = f"[{text.strip()}]"
            parts.append(text)
        elif element.tag in (_W + "tab", _W + "br"):
            parts.append(" ")
        elif element.tag in (_W + "footnoteReference", _W + "endnoteReference"):
            label = ("e" if element.tag.endswith("endnoteReference") else "") + (element.get(_W + "id") or "")
            parts.append(f"[^{label}]")
            labels.append(label)
    return " ".join("".join(parts).split()), labels


def _blocks(document, notes: dict[str, str] | None = None) -> list[str]:
    """Paragraphs (headings as Markdown headings) and table rows; a paragraph citing footnotes or
    endnotes carries their markers and is followed by their definitions (pandoc's form), which
    ``parse.citation_notes`` reads as notes-bibliography citations."""
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    notes = notes or {}
    blocks: list[str] = []
    for block in document.iter_inner_content():
        if isinstance(block, Paragraph):
            labels: list[str] = []
            if block._p.xpath(".//w:footnoteReference | .//w:endnoteReference | .//w:vertAlign[@w:val='superscript']"):
                text, labels = _paragraph_with_markers(block)
            else:
                text = " ".join(block.text.split())
            if not text:
                continue
            style = block.style.name if block.style is not None else ""
            level = _heading_level(style or "")
            blocks.append(("#" * level + " " + text) if level else text)
            blocks.extend(f"[^{label}]: {notes[label]}" for label in labels if label in notes)
        elif isinstance(block, Table):
            for row in block.rows:
                cells = [" ".join(c.text.split()) for c in row.cells]
                line = " ".join(c for c in cells if c)
                if line:
                    blocks.append(line)
    return blocks


_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def _decoded(code: str, data: str) -> str:
    """An EndNote citation whose records are in its field data (``EN.CITE.DATA``), with them written
    into its instruction as EndNote writes short ones; any other field as it is."""
    from ..parse import endnote_fields as endnote

    if not data or not endnote.is_citation(code) or "<EndNote>" in code:
        return code
    xml = endnote.decode_field_data(data)
    return f"ADDIN EN.CITE {xml}" if xml else code


def reference_fields(document) -> list[tuple[str, str]]:
    """(instruction, shown text) of every Zotero, Mendeley or EndNote field of the body, in order
    (EndNote's encoded records decoded: ``_decoded``)."""
    from ..parse import endnote_fields as endnote
    from ..parse.word_fields import is_reference_field

    found: list[tuple[str, str]] = []
    stack: list[dict] = []  # open complex fields: instruction, shown text, whether past "separate"

    def shown(text: str) -> None:
        for field in stack:
            if field["separated"]:
                field["result"].append(text)

    for element in document.element.body.iter():
        tag = element.tag if isinstance(element.tag, str) else ""
        if tag == _W + "fldChar":
            kind = element.get(_W + "fldCharType")
            if kind == "begin":
                data = element.find(_W + "fldData")
                stack.append({"code": [], "result": [], "separated": False,
                              "data": (data.text or "") if data is not None else ""})
            elif kind == "separate" and stack:
                stack[-1]["separated"] = True
            elif kind == "end" and stack:
                field = stack.pop()
                code = "".join(field["code"])
                if endnote.is_encoded_data(code):  # EndNote's nested data field: its records are its parent's
                    if stack:
                        stack[-1]["data"] = stack[-1]["data"] or field["data"]
                        stack[-1]["code"].append(" ADDIN EN.CITE.DATA")
                    continue
                found.append((_decoded(code, field["data"]), " ".join("".join(field["result"]).split())))
        elif tag == _W + "instrText" and stack and not stack[-1]["separated"]:
            stack[-1]["code"].append(element.text or "")
        elif tag == _W + "fldSimple":
            result = "".join(t.text or "" for t in element.iter(_W + "t"))
            found.append((element.get(_W + "instr") or "", " ".join(result.split())))
        elif tag == _W + "t" and stack:
            shown(element.text or "")
        elif tag in (_W + "tab", _W + "br", _W + "p") and stack:
            shown(" ")
    return [(code.strip(), result) for code, result in found if is_reference_field(code)]


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
    try:
        notes = _notes(data)
    except ET.ParseError as exc:
        raise InputError(f"its footnotes or endnotes cannot be read ({exc})", path) from exc
    text = "\n\n".join(_blocks(document, notes))
    if not text.strip():
        raise InputError("the Word document has no text", path)
    fields = reference_fields(document)
    if fields:
        from ..parse.word_fields import write_trailer

        return text + "\n\n" + write_trailer(fields)
    return text + "\n"


def is_docx(data: bytes) -> bool:
    if not data.startswith(b"PK\x03\x04"):
        return False
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            return "word/document.xml" in archive.namelist()
    except zipfile.BadZipFile:
        return False
