"""Writes input.docx beside this file: an author-date essay with Word footnotes and a reference list.

Two footnotes cite author-date too: one a listed work (Lindahl), one a work not listed (Nwosu).

Run with the project's venv (python-docx is a dependency of citecheck):
    .venv/bin/python tests/cases/docx-footnotes/make_input.py
python-docx cannot add footnotes, so the document is saved first with placeholders ("{{FN1}}")
and the footnotes part is added to the package afterwards. Core properties and the ZIP entries'
timestamps are fixed, so the output is byte-stable.
"""
from __future__ import annotations

import datetime
import io
import re
import zipfile
from pathlib import Path

import docx

HERE = Path(__file__).resolve().parent
FIXED = datetime.datetime(2024, 5, 6, 9, 30, 0)
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"

TITLE = "Shade as infrastructure: street trees and urban heat"
BODY = [
    "Cities are warmer than the countryside around them, and the difference is largest on still "
    "summer nights (Oduya & Brandt, 2018). Street trees cool the air beneath them by shading "
    "asphalt and by transpiring water, and a mature plane tree can lower the surface temperature "
    "of the pavement below it by more than ten degrees (Varga, 2015).{{FN1}}",
    "The benefits are not shared evenly. Neighbourhoods that were redlined in the 1930s have "
    "fewer trees today than their neighbours (Castellanos et al., 2021), and their residents are "
    "admitted to hospital more often during heatwaves (Public Health Agency of Sweden, 2020).{{FN2}} "
    "Planting programmes that rely on residents to request a tree reproduce the gap, because "
    "requests come from owners rather than tenants (Mbeki-Lawson, 2020).",
    "Trees also cost money to keep alive. A survey of twelve municipal forestry departments found "
    "that a third of newly planted trees died within five years, mostly for want of water "
    "(Fitzgerald & Honda, 2022).{{FN3}} An earlier study reported similar losses in Lagos and Nairobi "
    "(Okereke, 2012). Shade, in other words, is infrastructure, and like roads "
    "and pipes it needs a maintenance budget (Varga, 2015, p. 214).",
]
FOOTNOTES = {
    1: "Grass and green roofs cool too, but far less at street level (Lindahl, 2016).",
    2: "The agency's figures cover Stockholm, Gothenburg and Malmö only.",
    3: "The survey's response rate was low, and the departments that answered may be the better-run ones, "
       "as Nwosu (2019) warns.",
}
REFERENCES = [
    "Castellanos, R., Whitaker, J., & Moreno-Díaz, L. (2021). Redlining and the urban canopy: "
    "Tree cover in 37 American cities. Landscape and Urban Planning, 209, 104051. "
    "https://doi.org/10.5555/lup.2021.104051",
    "Fitzgerald, E., & Honda, K. (2022). Why street trees die: A survey of municipal forestry "
    "departments. Urban Forestry & Urban Greening, 71, 127562.",
    "Lindahl, P. (2016). Green roofs, lawns and trees compared: Cooling at pedestrian height. "
    "Building and Environment, 104, 88–99.",
    "Mbeki-Lawson, T. (2019). Who asks for a tree? Request-based planting and inequality. "
    "Journal of Urban Affairs, 41(6), 802–819.",
    "Oduya, N., & Brandt, S. (2018). The nocturnal urban heat island: Causes and consequences. "
    "Urban Climate, 24, 312–330.",
    "Public Health Agency of Sweden. (2020). Heatwaves and hospital admissions, 2010–2019 "
    "(Report 20045). https://www.folkhalsomyndigheten.example.se/publications/ "
    "heatwaves-hospital-admissions-2010-2019.pdf",
    "Vargas, M. (2015). The shaded city: Trees, asphalt and the urban energy balance. Island Press.",
    "Ziegler, H. (2017). Planting for the next century: Species choice under climate change. "
    "Arboricultural Journal, 39(2), 71–86.",
]


def base_document() -> bytes:
    document = docx.Document()
    props = document.core_properties
    props.author = "Ines Halloran"
    props.last_modified_by = "Ines Halloran"
    props.title = TITLE
    props.created = FIXED
    props.modified = FIXED
    props.revision = 1
    document.add_heading(TITLE, level=1)
    document.add_paragraph("Ines Halloran")
    for text in BODY:
        document.add_paragraph(text)
    document.add_heading("References", level=2)
    for text in REFERENCES:
        document.add_paragraph(text)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def footnote_reference(match: re.Match) -> str:
    number = match.group(1)
    return (f'</w:t></w:r><w:r><w:rPr><w:rStyle w:val="FootnoteReference"/><w:vertAlign w:val="superscript"/>'
            f'</w:rPr><w:footnoteReference w:id="{number}"/></w:r><w:r><w:t xml:space="preserve">')


def footnotes_xml() -> str:
    notes = [
        '<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>',
        '<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/></w:r></w:p></w:footnote>',
    ]
    for number, text in FOOTNOTES.items():
        notes.append(
            f'<w:footnote w:id="{number}"><w:p><w:pPr><w:pStyle w:val="FootnoteText"/></w:pPr>'
            f'<w:r><w:rPr><w:vertAlign w:val="superscript"/></w:rPr><w:footnoteRef/></w:r>'
            f'<w:r><w:t xml:space="preserve"> {text}</w:t></w:r></w:p></w:footnote>')
    return (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:footnotes xmlns:w="{W}">'
            + "".join(notes) + "</w:footnotes>")


def with_footnotes(data: bytes) -> bytes:
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            body = source.read(info.filename)
            if info.filename == "word/document.xml":
                body = re.sub(r"\{\{FN(\d+)\}\}", footnote_reference, body.decode("utf-8")).encode("utf-8")
            elif info.filename == "word/_rels/document.xml.rels":
                rel = ('<Relationship Id="rIdFootnotes" Type="http://schemas.openxmlformats.org/officeDocument/'
                       '2006/relationships/footnotes" Target="footnotes.xml"/>')
                body = body.decode("utf-8").replace("</Relationships>", rel + "</Relationships>").encode("utf-8")
            elif info.filename == "[Content_Types].xml":
                override = ('<Override PartName="/word/footnotes.xml" ContentType="application/'
                            'vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"/>')
                body = body.decode("utf-8").replace("</Types>", override + "</Types>").encode("utf-8")
            target.writestr(zipfile.ZipInfo(info.filename, date_time=FIXED.timetuple()[:6]), body,
                            compress_type=zipfile.ZIP_DEFLATED)
        target.writestr(zipfile.ZipInfo("word/footnotes.xml", date_time=FIXED.timetuple()[:6]),
                        footnotes_xml().encode("utf-8"), compress_type=zipfile.ZIP_DEFLATED)
    return out.getvalue()


if __name__ == "__main__":
    (HERE / "input.docx").write_bytes(with_footnotes(base_document()))
