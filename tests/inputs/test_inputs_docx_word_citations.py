"""Word documents cited with Word's own citation manager (CITATION fields and the sources part), and
the text Word shows that python-docx's ``Paragraph.text`` misses (content controls, tracked changes)."""
from __future__ import annotations

import io
import zipfile
from xml.sax.saxutils import escape

import pytest

from citecheck.cli.app import app
from citecheck.inputs import read_source
from citecheck.model import Kind
from citecheck.parse.document import convert_references, parse_document
from citecheck.parse.word_fields import split_trailer
from citecheck.parse.word_sources import cited_tags, sources_items

docx = pytest.importorskip("docx")
from docx.oxml import parse_xml  # noqa: E402
from docx.oxml.ns import nsdecls  # noqa: E402
from typer.testing import CliRunner  # noqa: E402

B = "http://schemas.openxmlformats.org/officeDocument/2006/bibliography"
# Sources as Word 2016 writes them (Insert Citation > Add New Source), trimmed of b:Guid and b:RefOrder
SOURCES = f"""<?xml version="1.0" standalone="yes"?>
<b:Sources SelectedStyle="\\APASixthEditionOfficeOnline.xsl" StyleName="APA" Version="6" xmlns:b="{B}" xmlns="{B}">
<b:Source><b:Tag>Zau19</b:Tag><b:SourceType>DocumentFromInternetSite</b:SourceType>
<b:Author><b:Author><b:NameList><b:Person><b:Last>Zaugg</b:Last><b:First>Julie</b:First></b:Person></b:NameList></b:Author></b:Author>
<b:Title>North Korean women are being sold as brides in China</b:Title><b:InternetSiteTitle>CNN</b:InternetSiteTitle>
<b:Year>2019</b:Year><b:Month>June</b:Month><b:Day>4</b:Day>
<b:YearAccessed>2022</b:YearAccessed><b:MonthAccessed>March</b:MonthAccessed><b:DayAccessed>1</b:DayAccessed>
<b:URL>https://edition.cnn.com/2019/06/04/asia/north-korea-brides-intl</b:URL></b:Source>
<b:Source><b:Tag>Kim18</b:Tag><b:SourceType>JournalArticle</b:SourceType>
<b:Author><b:Author><b:NameList><b:Person><b:Last>Kim</b:Last><b:First>Suzy</b:First></b:Person>
<b:Person><b:Last>Park</b:Last><b:First>Ji</b:First><b:Middle>Won</b:Middle></b:Person></b:NameList></b:Author></b:Author>
<b:Title>North Korean defectors</b:Title><b:JournalName>Asian Survey</b:JournalName><b:Year>2018</b:Year>
<b:Volume>58</b:Volume><b:Issue>1</b:Issue><b:Pages>1-20</b:Pages><b:DOI>10.1525/as.2018.58.1.1</b:DOI></b:Source>
<b:Source><b:Tag>Hum20</b:Tag><b:SourceType>Report</b:SourceType>
<b:Author><b:Author><b:Corporate>Human Rights Watch</b:Corporate></b:Author></b:Author>
<b:Title>Worth less than a dog</b:Title><b:Year>2020</b:Year><b:Publisher>HRW</b:Publisher><b:City>New York</b:City></b:Source>
<b:Source><b:Tag>Unc01</b:Tag><b:SourceType>Book</b:SourceType><b:Title>Never cited</b:Title><b:Year>2001</b:Year></b:Source>
</b:Sources>"""


def runs(*texts: str) -> str:
    return "".join(f'<w:r><w:t xml:space="preserve">{escape(t)}</w:t></w:r>' for t in texts)


def citation(code: str, shown: str) -> str:
    """A CITATION field in the inline content control Word wraps it in."""
    return ('<w:sdt><w:sdtPr><w:id w:val="1"/><w:citation/></w:sdtPr><w:sdtContent>'
            '<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
            f'<w:r><w:instrText xml:space="preserve"> {escape(code)} </w:instrText></w:r>'
            '<w:r><w:fldChar w:fldCharType="separate"/></w:r>'
            f'{runs(shown)}<w:r><w:fldChar w:fldCharType="end"/></w:r></w:sdtContent></w:sdt>')


def add(document, xml: str):
    para = document.add_paragraph()
    for child in parse_xml(f"<w:p {nsdecls('w')}>{xml}</w:p>"):
        para._p.append(child)
    return para


def with_sources(path, sources: str) -> None:
    """Put ``sources`` in the document's bibliography part (python-docx's template has an empty one)."""
    data = path.read_bytes()
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as old, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as new:
        names = old.namelist()
        assert "customXml/item1.xml" in names
        for name in names:
            new.writestr(name, sources.encode("utf-8") if name == "customXml/item1.xml" else old.read(name))
    path.write_bytes(out.getvalue())


def word_docx(path, sources: str = SOURCES) -> None:
    document = docx.Document()
    add(document, runs("Brides are sold ") + citation("CITATION Zau19 \\l 1033", "(Zaugg, 2019)")
        + runs(" and defectors differ ") + citation("CITATION Kim18 \\p 12 \\l 1033 \\m Hum20", "(Kim & Park, 2018, p. 12; Human Rights Watch, 2020)")
        + runs(", a point ") + citation("CITATION Smi99 \\l 1033", "(Smi99)") + runs(" leaves open."))
    # the bibliography Word writes: a block content control holding a heading and a BIBLIOGRAPHY field
    bibliography = parse_xml(
        f'<w:sdt {nsdecls("w")}><w:sdtPr><w:docPartObj><w:docPartGallery w:val="Bibliographies"/>'
        '<w:docPartUnique/></w:docPartObj></w:sdtPr><w:sdtContent>'
        '<w:p><w:pPr><w:pStyle w:val="Heading1"/></w:pPr>' + runs("References") + '</w:p>'
        '<w:p><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> BIBLIOGRAPHY </w:instrText></w:r>'
        '<w:r><w:fldChar w:fldCharType="separate"/></w:r>' + runs("Human Rights Watch. (2020). Worth less than a dog.") + '</w:p>'
        '<w:p>' + runs("Kim, S., & Park, J. W. (2018). North Korean defectors. Asian Survey, 58(1), 1-20.") + '</w:p>'
        '<w:p>' + runs("Zaugg, J. (2019, June 4). North Korean women. CNN.")
        + '<w:r><w:fldChar w:fldCharType="end"/></w:r></w:p></w:sdtContent></w:sdt>')
    document.element.body.insert(len(document.element.body) - 1, bibliography)  # before w:sectPr
    document.save(path)
    with_sources(path, sources)


@pytest.fixture()
def folder(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_sources_become_csl_items_keyed_by_their_tags():
    items = {tag: item for tag, (item, _) in sources_items(SOURCES).items()}
    assert list(items) == ["Zau19", "Kim18", "Hum20", "Unc01"]
    assert items["Zau19"]["type"] == "webpage" and items["Zau19"]["container-title"] == "CNN"
    assert items["Zau19"]["issued"] == {"date-parts": [[2019, 6, 4]]}
    assert items["Zau19"]["accessed"] == {"date-parts": [[2022, 3, 1]]}
    assert items["Kim18"]["author"] == [{"family": "Kim", "given": "Suzy"}, {"family": "Park", "given": "Ji Won"}]
    assert (items["Kim18"]["volume"], items["Kim18"]["issue"], items["Kim18"]["page"]) == ("58", "1", "1-20")
    assert items["Kim18"]["DOI"] == "10.1525/as.2018.58.1.1"
    assert items["Hum20"]["author"] == [{"literal": "Human Rights Watch"}]
    assert items["Hum20"]["publisher-place"] == "New York" and items["Hum20"]["type"] == "report"
    with pytest.raises(ValueError, match="malformed"):
        sources_items("<b:Sources")


def test_citation_fields_name_their_sources_with_pages_and_more_sources():
    assert [(c.tag, c.locator) for c in cited_tags("CITATION Kim18 \\p 12 \\l 1033 \\m Hum20 \\p 3-4")] == [
        ("Kim18", "12"), ("Hum20", "3-4")]
    assert [(c.tag, c.locator) for c in cited_tags('CITATION Zau19 \\v 2 \\f "see " \\n \\l 2057')] == [("Zau19", "vol. 2")]
    assert cited_tags("BIBLIOGRAPHY") == []


def test_word_citations_are_key_citations_of_the_sources_they_name(folder):
    word_docx(folder / "essay.docx")
    doc = read_source("essay.docx")
    text, trailer = split_trailer(doc.text)
    assert "<b:Source>" in trailer.sources or "Zau19" in trailer.sources
    # the shown text of citations in content controls and the bibliography in its block control are read
    assert "Brides are sold (Zaugg, 2019) and defectors differ (Kim & Park, 2018, p. 12; Human Rights Watch, 2020)" in text
    assert "# References" in text and "Zaugg, J. (2019, June 4)." in text
    parsed = parse_document(doc)
    assert [(c.key, c.locator) for c in parsed.citations] == [("Zau19", ""), ("Kim18", "12"), ("Hum20", ""), ("Smi99", "")]
    # the cited sources are the references: the one never cited is not in the list Word writes
    assert [r.key for r in parsed.references] == ["Zau19", "Kim18", "Hum20"]
    kim = parsed.references[1]
    assert kim.container == "Asian Survey" and kim.doi == "10.1525/as.2018.58.1.1" and kim.year == 2018
    assert "<b:Tag>Kim18</b:Tag>" in kim.raw
    assert [r.key for r in convert_references(doc)] == ["Zau19", "Kim18", "Hum20"]


def test_check_reports_a_tag_with_no_source(folder):
    word_docx(folder / "essay.docx")
    result = CliRunner().invoke(app, ["check", "essay.docx", "--offline", "--format", "json"])
    assert result.exit_code == 1, result.output
    assert '"missing-reference"' in result.output and "Smi99" in result.output
    assert '"uncited-reference"' not in result.output


def test_broken_sources_are_an_error_naming_the_citation_not_a_traceback(folder):
    word_docx(folder / "essay.docx", sources=f'<b:Sources xmlns:b="{B}"><b:Source><b:Tag>Zau19')
    parsed = parse_document(read_source("essay.docx"))
    assert parsed.references == ()  # nothing readable: no sources, the citations stay
    problems = [f for f in parsed.findings if f.kind == Kind.UNPARSED_ENTRY]
    assert len(problems) == 1 and "sources are malformed" in problems[0].message


def test_text_word_shows_is_read_and_deleted_text_is_not(folder):
    document = docx.Document()
    add(document, runs("Kept ") + '<w:ins w:id="1" w:author="A" w:date="2024-01-01T00:00:00Z">' + runs("inserted ") + "</w:ins>"
        + '<w:del w:id="2" w:author="A" w:date="2024-01-01T00:00:00Z"><w:r><w:delText>deleted </w:delText></w:r></w:del>'
        + '<w:fldSimple w:instr=" DATE "><w:r><w:t>simple field</w:t></w:r></w:fldSimple>'
        + '<w:smartTag w:uri="u" w:element="e">' + runs(" tagged") + "</w:smartTag>")
    table = document.add_table(rows=1, cols=3)
    merged = table.cell(0, 0).merge(table.cell(0, 1))
    merged.text = "Merged cell"
    table.cell(0, 2).text = "Other cell"
    document.save(folder / "changes.docx")
    text = read_source("changes.docx").text
    assert "Kept inserted simple field tagged" in text and "deleted" not in text
    assert text.count("Merged cell") == 1 and "Merged cell Other cell" in text
