"""DOCX: the numbers Word draws before a numbered list, and the addresses of hyperlinks in a bibliography."""
from __future__ import annotations

import pytest

from citecheck.config import Settings
from citecheck.inputs import read_source
from citecheck.model import Kind
from citecheck.pipeline import check

docx = pytest.importorskip("docx")

ENTRIES = ['J. Smith, "Widgets," IEEE Trans. Widgets, vol. 1, no. 2, pp. 3-4, 2019.',
           'K. Jones and T. Brown, "More widgets," in Proc. ICW, 2020, pp. 5-6.',
           "A. Lee, Widget Book. New York, NY, USA: Wiley, 2018."]


def _numbered_paper(path, style: str = "List Number") -> str:
    document = docx.Document()
    document.add_paragraph("Widgets are common [1], [3]. Nets differ [2]. See also [4].")
    document.add_heading("References", level=1)
    for entry in ENTRIES:
        document.add_paragraph(entry, style=style)
    document.save(str(path))
    return str(path)


def test_a_list_word_numbers_gets_its_numbers_as_labels(tmp_path):
    text = read_source(_numbered_paper(tmp_path / "paper.docx")).text
    assert "# References\n\n1. J. Smith" in text and "\n\n2. K. Jones" in text and "\n\n3. A. Lee" in text
    result = check([str(tmp_path / "paper.docx")], Settings())
    assert len(result.citations) == 3 and all(c.key for c in result.citations)
    (missing,) = [f for f in result.findings if f.kind is Kind.MISSING_REFERENCE]
    assert "entry 4" in missing.message
    assert not [f for f in result.findings if f.kind is Kind.UNCITED_REFERENCE]


def test_a_bulleted_list_gets_no_numbers_and_a_typed_label_is_kept(tmp_path):
    assert "\n\nJ. Smith" in read_source(_numbered_paper(tmp_path / "b.docx", "List Bullet")).text
    document = docx.Document()
    document.add_paragraph("[7] J. Smith, Widgets, 2019.", style="List Number")
    document.add_paragraph("K. Jones, Nets, 2020.", style="List Number")
    document.save(str(tmp_path / "typed.docx"))
    assert read_source(str(tmp_path / "typed.docx")).text == "[7] J. Smith, Widgets, 2019.\n\n2. K. Jones, Nets, 2020.\n"


def _linked_paper(path, url: str, shown: str, heading: bool = True) -> str:
    from docx.opc.constants import RELATIONSHIP_TYPE
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    document = docx.Document()
    prose = document.add_paragraph("The report is online (World Health Organization, 2020), see ")
    if heading:
        document.add_heading("References", level=1)
    entry = document.add_paragraph("World Health Organization. (2020). ")
    for paragraph in (prose, entry):
        link = OxmlElement("w:hyperlink")
        link.set(qn("r:id"), paragraph.part.relate_to(url, RELATIONSHIP_TYPE.HYPERLINK, is_external=True))
        run, text = OxmlElement("w:r"), OxmlElement("w:t")
        text.text = shown
        run.append(text)
        link.append(run)
        paragraph._p.append(link)
    entry.add_run(". Retrieved May 1, 2021.")
    document.save(str(path))
    return str(path)


URL = "https://www.who.int/news-room/fact-sheets/detail/climate-change-heat-and-health"


def test_a_hyperlink_in_the_bibliography_keeps_its_address(tmp_path):
    text = read_source(_linked_paper(tmp_path / "essay.docx", URL, "Heat and health")).text
    assert f"World Health Organization. (2020). Heat and health <{URL}>. Retrieved May 1, 2021." in text
    assert "see Heat and health\n" in text  # prose is left as it reads
    (reference,) = check([str(tmp_path / "essay.docx")], Settings()).references
    assert [u.url for u in reference.urls] == [URL]


def test_a_link_showing_its_own_address_is_not_repeated(tmp_path):
    text = read_source(_linked_paper(tmp_path / "a.docx", URL, URL.removeprefix("https://"))).text
    assert text.count("www.who.int") == 2 and "<" not in text
    assert "<" not in read_source(_linked_paper(tmp_path / "m.docx", "mailto:a@b.org", "mail us")).text
