"""A Word document (.docx) -> text, through python-docx.

Body paragraphs in order, one per block separated by blank lines (so each entry of a
reference list is its own paragraph); a paragraph styled "Heading N" or "Title" becomes a
Markdown heading (``## References``), so ``parse.sections`` finds the bibliography the
way it does in Markdown; table cells are read row by row. Footnotes and endnotes are written
as pandoc footnotes (a marker ``[^3]`` where the note is referenced, its text as ``[^3]: ...``
after the paragraph), so notes-bibliography citations are read as in Markdown. Comments and
text boxes are not read.

The citation fields of reference managers (Zotero's ``ADDIN ZOTERO_ITEM CSL_CITATION {json}``
and ``ADDIN ZOTERO_BIBL``, Mendeley's ``ADDIN CSL_CITATION {json}``, EndNote's ``ADDIN EN.CITE``,
Word's own ``CITATION Tag`` and ``BIBLIOGRAPHY``, as complex fields of ``w:fldChar``/``w:instrText``
runs or as ``w:fldSimple``; Mendeley Cite's content controls, ``_mendeley_cite``) are collected in
document order with the text Word shows for them
(those of footnotes and endnotes too, each note's after the paragraph that refers to it),
and appended after the text as a trailer (``parse.word_fields``) with Word's bibliography part
(the sources its CITATION fields name), which ``parse.document`` takes off again to read them as
key citations and cited items.

A paragraph's text is everything Word shows in it, read from its XML: runs in hyperlinks,
content controls, tracked insertions and simple fields too (python-docx's ``Paragraph.text``
reads only a paragraph's own runs), and paragraphs inside block content controls (a bibliography
Word generates sits in one); deleted text is not read. A paragraph Word numbers (a reference list in
the "List Number" style) starts with the number Word shows, "1." (``inputs.docx_numbering``).
"""
from __future__ import annotations

import base64
import io
import re
import xml.etree.ElementTree as ET
import zipfile

from ..errors import InputError
from ..parse.citation_numbers import superscript_in_unicode
from .docx_numbering import ListNumbers, paragraph_numbering

_HEADING = re.compile(r"^(?:heading|überschrift|titre|título)\s*(\d)$", re.IGNORECASE)


def _heading_level(style_name: str) -> int:
    if style_name.strip().lower() == "title":
        return 1
    match = _HEADING.match(style_name.strip())
    return int(match.group(1)) if match else 0


def _note_elements(data: bytes) -> dict[str, ET.Element]:
    """Each footnote ("3") and endnote ("e3") of a .docx, by the label its marker gets."""
    notes: dict[str, ET.Element] = {}
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        names = set(archive.namelist())
        for part, tag, prefix in (("word/footnotes.xml", "footnote", ""), ("word/endnotes.xml", "endnote", "e")):
            if part not in names:
                continue
            root = ET.fromstring(archive.read(part))
            for note in root.iter(_W + tag):
                if note.get(_W + "type") in ("separator", "continuationSeparator", "continuationNotice"):
                    continue
                notes[prefix + (note.get(_W + "id") or "")] = note
    return notes


def _notes(elements: dict[str, ET.Element]) -> dict[str, str]:
    """The text of each footnote and endnote (``_note_elements``), by its label."""
    notes: dict[str, str] = {}
    for label, note in elements.items():
        paragraphs = ["".join(t.text or "" for t in p.iter(_W + "t")) for p in note.iter(_W + "p")]
        text = " ".join(" ".join(paragraphs).split())
        if text:
            notes[label] = text
    return notes


_SUPERSCRIPT_NUMBERS = re.compile(r"^\s*\d{1,4}(?:\s*[,–-]\s*\d{1,4})*\s*$")


def _superscript(element) -> bool:
    """A w:t in a run set in superscript (Vancouver's citation numbers)."""
    run = element.getparent()
    align = run.find(f"{_W}rPr/{_W}vertAlign") if run is not None else None
    return align is not None and align.get(_W + "val") == "superscript"


_SUPERSCRIPT_DIGITS = str.maketrans("0123456789-\u2013", "⁰¹²³⁴⁵⁶⁷⁸⁹⁻⁻")


def _as_superscript(text: str, before: str) -> str:
    """Citation numbers Word sets in superscript as the Unicode superscripts the reader sees ("2, 3" -> "²,³",
    "4–6" -> "⁴⁻⁶"), which ``parse.citation_numbers`` reads as it reads them in text copied from an article: so a
    message quotes "deaths.¹,²" as the document shows it, where it quoted "[1,2]", and "12 m²" set in Word is an
    area there, not a citation of entry 2. Where that reading takes no superscript, which Word's formatting makes
    sure of (``before``: the text before it), they are "[1]" as before: after a blank, a digit or nothing
    ("children ¹", "in 2019²") and after a word of one letter that is no unit ("vitamin D¹", which copied text
    cannot tell from "x²"): ``parse.citation_numbers.superscript_in_unicode``."""
    numbers = "".join(text.split())
    return numbers.translate(_SUPERSCRIPT_DIGITS) if superscript_in_unicode(before) else f"[{numbers}]"


_TEXT_TAGS = frozenset({"t", "tab", "br", "cr", "noBreakHyphen", "footnoteReference", "endnoteReference"})
_SKIPPED = frozenset({  # what a paragraph holds that is not its text
    "txbxContent",  # text boxes (not read)
    "Fallback",  # mc:Fallback repeats its mc:AlternateContent's choice
    "del", "moveFrom",  # tracked deletions
    "instrText", "delInstrText",  # field instructions (``reference_fields`` reads them)
    "pPr", "rPr", "sdtPr", "sdtEndPr",  # properties
})


def _local(tag) -> str:
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def _paragraph_text(p, links: dict[str, str] | None = None,
                    shown: dict[str, str] | None = None) -> tuple[str, list[str]]:
    """A paragraph's shown text with its note references as pandoc markers ("[^3]") and superscript
    citation numbers as Unicode superscripts ("1,2" -> "¹,²", as ``parse.citation_numbers`` reads them), and the
    note labels. Everything Word shows is read: runs inside hyperlinks, content controls (where Word's
    own citations sit), tracked insertions, smart tags and simple fields (python-docx's
    ``Paragraph.text`` reads only the paragraph's own runs and hyperlinks); deleted text, text boxes
    and field instructions are not. With ``links`` (relationship id -> external target), a
    hyperlink's web address is written after its text (``_show_link``). With ``shown`` (a note's label -> the
    number Word shows for it, filled in as notes are met), a note's marker is the number the reader sees: Word
    numbers notes in the order they are referenced, whatever their ids (pandoc's start at 20, a deleted note's
    leaves a gap)."""
    parts: list[str] = []
    labels: list[str] = []
    italic = False  # inside an italic stretch, written "*...*" as pandoc writes Word's italics in Markdown

    stack = [iter(p)]  # depth first, in document order, without recursion (a deeply nested file is no error)
    while stack:
        child = next(stack[-1], None)
        if child is None:
            stack.pop()
            continue
        if isinstance(child, tuple):  # the end of a hyperlink: (its target, where its text began)
            _show_link(parts, *child)
            continue
        name = _local(child.tag)
        if name in _SKIPPED:
            continue
        if name == "hyperlink" and links and links.get(child.get(_R + "id") or ""):
            stack.append(iter([(links[child.get(_R + "id") or ""], len(parts))]))
            stack.append(iter(child))
        elif name not in _TEXT_TAGS:
            stack.append(iter(child))
        elif name == "t":
            text = child.text or ""
            if _SUPERSCRIPT_NUMBERS.match(text) and _superscript(child):
                text = _as_superscript(text, "".join(parts[-4:])[-40:])
            if text.strip() and _italic(child) != italic:
                italic = not italic
                if italic:  # "*" against the first letter: "(*Beloved* 45)"
                    parts.append(text[: len(text) - len(text.lstrip())] + "*")
                    text = text.lstrip()
                else:
                    _close_italic(parts)
            parts.append(text)
        elif name == "noBreakHyphen":
            parts.append("-")
        elif name in ("footnoteReference", "endnoteReference"):
            kind = "e" if name == "endnoteReference" else ""
            label = kind + (child.get(_W + "id") or "")
            if shown is not None and label not in shown:
                shown[label] = kind + str(1 + sum(1 for known in shown if known.startswith("e") == bool(kind)))
            parts.append(f"[^{shown.get(label, label) if shown is not None else label}]")
            labels.append(label)
        else:  # a tab; a line break (Shift+Enter, w:br, w:cr) is one, as Word shows it: entries one a line
            parts.append("\n" if name in ("br", "cr") else " ")
    if italic:
        _close_italic(parts)
    lines = (" ".join(line.split()) for line in "".join(parts).split("\n"))
    return "\n".join(line for line in lines if line), labels


def _italic(element) -> bool:
    """A w:t in a run set in italics (a title, in MLA's "(*Beloved* 45)" and in a reference list's entries)."""
    run = element.getparent()
    mark = run.find(f"{_W}rPr/{_W}i") if run is not None else None
    return mark is not None and (mark.get(_W + "val") or "true").lower() not in ("0", "false", "off")


def _close_italic(parts: list[str]) -> None:
    """End an italic stretch with "*" against its last letter (its trailing blanks after the mark)."""
    for index in range(len(parts) - 1, -1, -1):
        if parts[index].strip():
            kept = parts[index].rstrip()
            parts[index] = kept + "*" + parts[index][len(kept):]
            return
    parts.append("*")


_WEB_URL = re.compile(r"^https?://\S+$", re.IGNORECASE)


def _show_link(parts: list[str], url: str, start: int) -> None:
    """Write a hyperlink's web address after its text, "Heat and health <https://...>", as
    ``parse.html`` does for a reference list's ``<a href>``: a title linked to the page it cites
    (Insert > Link, or pasted from the web) has its URL only in the link, and the free-text parser
    reads "<https://...>" as the entry's URL. A link whose text is its address, or an address the
    paragraph already shows, is not repeated; only http(s) addresses are written (no mailto:)."""
    url = url.strip()
    shown = "".join(parts[start:]).strip()
    bare = re.sub(r"^https?://", "", url, flags=re.IGNORECASE).rstrip("/").lower()
    if not _WEB_URL.match(url) or bare in "".join(parts).lower():
        return
    parts.append(f" <{url}>" if shown else f"<{url}>")


def _block_elements(container):
    """The paragraphs and tables of the body in order, also those inside block content controls
    (``w:sdt``: a bibliography Word writes, a cover page) and custom XML blocks."""
    for child in container:
        name = _local(child.tag)
        if name in ("p", "tbl"):
            yield child
        elif name == "sdt":
            content = child.find(_W + "sdtContent")
            if content is not None:
                yield from _block_elements(content)
        elif name == "customXml":
            yield from _block_elements(child)


_TYPED_LABEL = re.compile(r"^(?:\[\d{1,4}\]|\(?\d{1,4}[.)])(?:\s|$)")  # "[3] ", "3. ", "(3) " typed in


def _blocks(document, notes: dict[str, str] | None = None, numbers: ListNumbers | None = None) -> list[str]:
    """Paragraphs (headings as Markdown headings) and table rows; a paragraph citing footnotes or
    endnotes carries their markers and is followed by their definitions (pandoc's form), which
    ``parse.citation_notes`` reads as notes-bibliography citations. A paragraph of a numbered list
    starts with the label Word shows for it ("3." or "[3]", ``inputs.docx_numbering``), unless its
    text starts with one typed in. In the bibliography (after a heading or a line "References",
    "Bibliography" ..., up to the next heading), a hyperlink's address is written after its text
    (``_show_link``); prose is left as it reads, as ``parse.html`` leaves it. A reference list with
    no heading at all keeps only the URLs its text shows."""
    from docx.text.paragraph import Paragraph

    from ..parse.sections import is_bibliography_heading

    notes = notes or {}
    numbers = numbers or ListNumbers()
    links = _external_links(document)
    blocks: list[str] = []
    body = document._body
    in_bibliography = False
    shown: dict[str, str] = {}  # a note's label -> the number Word shows for it
    for element in _block_elements(document.element.body):
        if _local(element.tag) == "p":
            style = Paragraph(element, body).style
            level = _heading_level(style.name or "") if style is not None else 0
            text, labels = _paragraph_text(element, links if in_bibliography and not level else None, shown)
            if level or is_bibliography_heading(text):
                in_bibliography = is_bibliography_heading(text)
            numbering = paragraph_numbering(element, style) if not level else None
            number = numbers.label(*numbering) if numbering and text else ""  # an empty paragraph shows no number
            if not text:
                continue
            if number and not _TYPED_LABEL.match(text):
                text = f"{number} {text}"
            blocks.append(("#" * level + " " + text) if level else text)
            blocks.extend(f"[^{shown.get(label, label)}]: {notes[label]}" for label in labels if label in notes)
        else:
            for row in element.findall(_W + "tr"):  # a merged cell is one w:tc (python-docx repeats it)
                cells = [" ".join(_paragraph_text(p)[0] for p in cell.iter(_W + "p")) for cell in row.findall(_W + "tc")]
                line = " ".join(" ".join(c.split()) for c in cells if c.strip())
                if line:
                    blocks.append(line)
    return blocks


_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_R = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"


def _external_links(document) -> dict[str, str]:
    """relationship id -> target of the document's external links (hyperlinks to web pages)."""
    return {r_id: rel.target_ref for r_id, rel in document.part.rels.items() if rel.is_external}


def _decoded(code: str, data: str) -> str:
    """An EndNote citation whose records are in its field data (``EN.CITE.DATA``), with them written
    into its instruction as EndNote writes short ones; any other field as it is."""
    from ..parse import endnote_fields as endnote

    if not data or not endnote.is_citation(code) or "<EndNote>" in code:
        return code
    xml = endnote.decode_field_data(data)
    return f"ADDIN EN.CITE {xml}" if xml else code


class _Fields:
    """The fields of a run of elements, fed in document order: (instruction, shown text) of each, once
    it ends (a field may begin in one paragraph and end in another, as Zotero's bibliography does)."""

    def __init__(self) -> None:
        self.found: list[tuple[str, str]] = []
        self.stack: list[dict] = []  # open complex fields: instruction, shown text, whether past "separate"

    def shown(self, text: str) -> None:
        for field in self.stack:
            if field["separated"]:
                field["result"].append(text)

    def feed(self, element) -> None:  # noqa: ANN001 - an lxml or ElementTree element
        from ..parse import endnote_fields as endnote

        for node in element.iter():
            tag = node.tag if isinstance(node.tag, str) else ""
            if tag == _W + "fldChar":
                kind = node.get(_W + "fldCharType")
                if kind == "begin":
                    data = node.find(_W + "fldData")
                    self.stack.append({"code": [], "result": [], "separated": False,
                                       "data": (data.text or "") if data is not None else ""})
                elif kind == "separate" and self.stack:
                    self.stack[-1]["separated"] = True
                elif kind == "end" and self.stack:
                    field = self.stack.pop()
                    code = "".join(field["code"])
                    if endnote.is_encoded_data(code):  # EndNote's nested data field: its records are its parent's
                        if self.stack:
                            self.stack[-1]["data"] = self.stack[-1]["data"] or field["data"]
                            self.stack[-1]["code"].append(" ADDIN EN.CITE.DATA")
                        continue
                    self.found.append((_decoded(code, field["data"]), " ".join("".join(field["result"]).split())))
            elif tag == _W + "sdt" and (cited := _mendeley_cite(node)) is not None:
                self.found.append(cited)
            elif tag == _W + "instrText" and self.stack and not self.stack[-1]["separated"]:
                self.stack[-1]["code"].append(node.text or "")
            elif tag == _W + "fldSimple":
                result = "".join(t.text or "" for t in node.iter(_W + "t"))
                self.found.append((node.get(_W + "instr") or "", " ".join(result.split())))
            elif tag == _W + "t" and self.stack:
                self.shown(node.text or "")
            elif tag in (_W + "tab", _W + "br", _W + "p") and self.stack:
                self.shown(" ")


MENDELEY_CITE = "MENDELEY_CITATION_v3_"


def _mendeley_cite(sdt) -> tuple[str, str] | None:  # noqa: ANN001 - an lxml or ElementTree element
    """A citation of Mendeley Cite (Mendeley Reference Manager's Word add-in), which keeps no field: a content
    control whose tag is "MENDELEY_CITATION_v3_" and the citation's JSON in base64 (the csl-citation schema,
    as Mendeley Desktop's ``ADDIN CSL_CITATION`` field holds it), as that field's instruction and shown
    text; None for any other content control. A tag that does not decode keeps its broken instruction,
    which ``parse.word_fields`` reports on its citation."""
    tag = sdt.find(f"{_W}sdtPr/{_W}tag")
    value = (tag.get(_W + "val") or "") if tag is not None else ""
    if not value.startswith(MENDELEY_CITE):
        return None
    payload = value[len(MENDELEY_CITE):].strip().replace("-", "+").replace("_", "/")  # either alphabet
    try:
        decoded = base64.b64decode(payload + "=" * (-len(payload) % 4), validate=True).decode("utf-8")
    except (ValueError, UnicodeDecodeError):
        decoded = ""
    if not decoded.lstrip().startswith("{"):
        decoded = "{not the base64 of a citation: " + payload[:40]
    content = sdt.find(_W + "sdtContent")
    shown = "".join(t.text or "" for t in content.iter(_W + "t")) if content is not None else ""
    return "ADDIN CSL_CITATION " + decoded, " ".join(shown.split())


_NOTE_REFERENCES = {_W + "footnoteReference": "", _W + "endnoteReference": "e"}


def reference_fields(document, notes: dict[str, ET.Element] | None = None) -> list[tuple[str, str]]:
    """(instruction, shown text) of every Zotero, Mendeley or EndNote field, in order (EndNote's encoded
    records decoded: ``_decoded``): the body's, and those of the footnotes and endnotes (``notes``, by
    label), each note's after the body element that refers to it, as the text writes the note after its
    paragraph (a Zotero or EndNote document in a note style has every citation in a footnote)."""
    from ..parse.word_fields import is_reference_field

    notes = notes or {}
    body = _Fields()
    pending: list[str] = []
    read: set[str] = set()
    for child in document.element.body:
        body.feed(child)
        for node in child.iter(*_NOTE_REFERENCES):
            label = _NOTE_REFERENCES[node.tag] + (node.get(_W + "id") or "")
            if label in notes and label not in read:
                read.add(label)
                pending.append(label)
        if body.stack:  # inside a field that goes on (a bibliography): its notes come after it
            continue
        for label in pending:
            note = _Fields()
            note.feed(notes[label])
            body.found.extend(note.found)
        pending = []
    return [(code.strip(), result) for code, result in body.found if is_reference_field(code)]


def word_sources(data: bytes) -> str:
    """The XML of the document's bibliography part (Word's sources, ``customXml/itemN.xml``), or "" when
    it has none or none with a source in it (Word's blank template has an empty one)."""
    from ..parse.word_sources import is_sources_part

    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        for name in sorted(archive.namelist()):
            if re.fullmatch(r"customXml/item\d+\.xml", name):
                part = archive.read(name)
                if is_sources_part(part) and re.search(rb"<(?:\w+:)?Source[\s>]", part):
                    return part.decode("utf-8-sig", errors="replace")
    return ""


def docx_text(data: bytes, path: str) -> str:
    """The text of a .docx file; InputError when it is not one python-docx can open."""
    try:
        import docx
    except ImportError as exc:  # a dependency of the package; missing only in a broken install
        raise InputError("reading .docx needs python-docx (pip install python-docx)", path) from exc
    from lxml.etree import XMLSyntaxError  # python-docx parses with lxml

    _refuse_too_large(data, path)
    try:
        document = docx.Document(io.BytesIO(data))
    except (zipfile.BadZipFile, KeyError, ValueError, XMLSyntaxError) as exc:
        raise InputError(f"is not a readable Word (.docx) document ({exc})", path) from exc
    try:
        note_elements = _note_elements(data)
    except ET.ParseError as exc:
        raise InputError(f"its footnotes or endnotes cannot be read ({exc})", path) from exc
    text = "\n\n".join(_blocks(document, _notes(note_elements), ListNumbers.read(data)))
    if not text.strip():
        raise InputError("the Word document has no text", path)
    fields = reference_fields(document, note_elements)
    if fields:
        from ..parse.word_fields import write_trailer

        return text + "\n\n" + write_trailer(fields, word_sources(data))
    return text + "\n"


MAX_UNPACKED = 256 * 1024 * 1024  # the XML parts a Word file unpacks to: a long thesis is a few MiB


def _refuse_too_large(data: bytes, path: str) -> None:
    """Refuse a .docx whose XML parts unpack to more than MAX_UNPACKED (a ZIP bomb would fill memory
    before any parser complained); its images and other media do not count, they are not read."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            size = sum(i.file_size for i in archive.infolist() if i.filename.lower().endswith((".xml", ".rels")))
    except zipfile.BadZipFile:
        return  # python-docx says what is wrong with it
    if size > MAX_UNPACKED:
        raise InputError(f"unpacks to {size // (1024 * 1024)} MiB of XML, more than any Word document holds "
                         f"(at most {MAX_UNPACKED // (1024 * 1024)} MiB are read)", path)


def is_docx(data: bytes) -> bool:
    if not data.startswith(b"PK\x03\x04"):
        return False
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            return "word/document.xml" in archive.namelist()
    except zipfile.BadZipFile:
        return False
