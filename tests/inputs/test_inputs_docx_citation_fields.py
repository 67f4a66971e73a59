"""Word documents written with Zotero or Mendeley: citation fields read as key citations and cited items."""
from __future__ import annotations

import json
from xml.sax.saxutils import escape

import pytest

from citecheck.config import Settings
from citecheck.inputs import read_source
from citecheck.model import Kind, Severity
from citecheck.parse.document import convert_references, parse_document
from citecheck.parse.word_fields import Trailer, split_trailer

docx = pytest.importorskip("docx")
from docx.oxml import parse_xml  # noqa: E402
from docx.oxml.ns import nsdecls  # noqa: E402

LANE = {"id": 16, "type": "book", "title": "The culture of quality", "publisher": "Polity",
        "author": [{"family": "Lane", "given": "Christel"}], "issued": {"date-parts": [["2014"]]}}
KIM = {"id": 23, "type": "article-journal", "title": "North Korean defectors", "container-title": "Asian Survey",
       "volume": "58", "page": "1-20", "DOI": "10.1525/as.2018.58.1.1",
       "author": [{"family": "Kim", "given": "Suzy"}, {"family": "Park", "given": "Ji-won"}],
       "issued": {"date-parts": [[2018, 3]]}}
SCHEMA = "https://github.com/citation-style-language/schema/raw/master/csl-citation.json"


def zotero(citation_id: str, items: list[dict], shown: str) -> str:
    return "ADDIN ZOTERO_ITEM CSL_CITATION " + json.dumps({
        "citationID": citation_id,
        "properties": {"formattedCitation": shown, "plainCitation": shown, "noteIndex": 0},
        "citationItems": items, "schema": SCHEMA})


def item(data: dict, **extra) -> dict:
    return {"id": data["id"], "uris": [f"http://zotero.org/users/1/items/K{data['id']}"], "itemData": data, **extra}


def runs(*texts: str) -> str:
    return "".join(f'<w:r><w:t xml:space="preserve">{escape(t)}</w:t></w:r>' for t in texts)


def field(code: str, shown_runs: str) -> str:
    """A complex field, its instruction split over two runs as Word often writes it."""
    half = len(code) // 2
    return ('<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
            f'<w:r><w:instrText xml:space="preserve"> {escape(code[:half])}</w:instrText></w:r>'
            f'<w:r><w:instrText xml:space="preserve">{escape(code[half:])} </w:instrText></w:r>'
            '<w:r><w:fldChar w:fldCharType="separate"/></w:r>'
            f'{shown_runs}<w:r><w:fldChar w:fldCharType="end"/></w:r>')


def paragraph(document, xml: str, style: str | None = None):
    para = document.add_paragraph(style=style)
    for child in parse_xml(f"<w:p {nsdecls('w')}>{xml}</w:p>"):
        para._p.append(child)
    return para


def zotero_docx(path):
    document = docx.Document()
    document.add_heading("An essay", level=1)
    paragraph(document, runs("Quality is cultural ") + field(zotero("a1", [item(LANE, locator="12")], "(Lane, 2014, p. 12)"),
                                                              runs("(Lane, 2014, p. 12)"))
              + runs(", and defectors differ ")
              + field(zotero("b2", [item(KIM), item(LANE)], "(Kim & Park, 2018; Lane, 2014)"),
                      runs("(Kim & Park, ", "2018; Lane, 2014)")) + runs("."))
    paragraph(document, runs("Kim and Park ") + field(zotero("c3", [item(KIM, **{"suppress-author": True})], "(2018)"),
                                                      runs("(2018)")) + runs(" agree."))
    document.add_heading("References", level=2)
    # The bibliography field spans two paragraphs: begin in the first, end in the last.
    bibl = 'ADDIN ZOTERO_BIBL {"uncited":[],"omitted":[],"custom":[]} CSL_BIBLIOGRAPHY'
    paragraph(document, '<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
                        f'<w:r><w:instrText xml:space="preserve"> {bibl} </w:instrText></w:r>'
                        '<w:r><w:fldChar w:fldCharType="separate"/></w:r>'
                        + runs("Kim, S., & Park, J. (2018). North Korean defectors. Asian Survey, 58, 1–20."))
    paragraph(document, runs("Lane, C. (2014). The culture of quality. Polity.")
              + '<w:r><w:fldChar w:fldCharType="end"/></w:r>')
    document.save(path)


@pytest.fixture
def folder(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_fields_are_collected_and_the_text_is_unchanged(folder):
    zotero_docx(folder / "essay.docx")
    doc = read_source("essay.docx")
    text, trailer = split_trailer(doc.text)
    fields = trailer.fields
    assert trailer.sources == ""  # no Word bibliography part
    assert [code.split()[1] for code, _ in fields] == ["ZOTERO_ITEM", "ZOTERO_ITEM", "ZOTERO_ITEM", "ZOTERO_BIBL"]
    assert [shown for _, shown in fields][:3] == ["(Lane, 2014, p. 12)", "(Kim & Park, 2018; Lane, 2014)", "(2018)"]
    assert json.loads(fields[0][0].split(" ", 3)[3])["citationItems"][0]["locator"] == "12"
    assert "ADDIN" not in text and "citecheck:word-fields" not in text
    assert "Quality is cultural (Lane, 2014, p. 12), and defectors differ (Kim & Park, 2018; Lane, 2014)." in text


def test_zotero_citations_are_keys_and_items_are_references(folder):
    zotero_docx(folder / "essay.docx")
    doc = read_source("essay.docx")
    parsed = parse_document(doc)
    assert [(c.key, c.locator, c.narrative) for c in parsed.citations] == [
        ("laneCulture2014", "12", False), ("kimNorth2018", "", False), ("laneCulture2014", "", False), ("kimNorth2018", "", False)]
    first = parsed.citations[0]
    assert doc.text[first.span.start : first.span.end] == "(Lane, 2014, p. 12)" and first.span.line == 3
    assert doc.text[parsed.citations[3].span.start : parsed.citations[3].span.end] == "(2018)"
    lane, kim = parsed.references
    assert (lane.key, lane.year, lane.title, lane.publisher) == ("laneCulture2014", 2014, "The culture of quality", "Polity")
    assert [a.family for a in kim.authors] == ["Kim", "Park"] and kim.doi == "10.1525/as.2018.58.1.1"
    assert parsed.findings == () and "References" not in parsed.body.text


def test_check_cross_checks_exactly(folder):
    from citecheck.pipeline import check

    zotero_docx(folder / "essay.docx")
    result = check(["essay.docx"], Settings())
    crossed = [f for f in result.findings if f.kind in {Kind.MISSING_REFERENCE, Kind.UNCITED_REFERENCE}]
    assert crossed == []
    # keyed as citecheck keys a work, not by Zotero's item numbers ("16", "23": no key a .bib is cited by)
    assert sorted(r.key for r in convert_references(read_source("essay.docx"))) == ["kimNorth2018", "laneCulture2014"]


def test_mendeley_fields_and_a_broken_field(folder):
    mendeley = "ADDIN CSL_CITATION " + json.dumps({
        "citationItems": [{"id": "ITEM-1", "uris": ["http://www.mendeley.com/documents/?uuid=0a1b2c3d-1111-2222-3333-444455556666"],
                           "itemData": {**LANE, "id": "ITEM-1"}}],
        "mendeley": {"formattedCitation": "(Lane, 2014)"}, "properties": {"noteIndex": 0}, "schema": SCHEMA})
    other = "ADDIN CSL_CITATION " + json.dumps({
        "citationItems": [{"id": "ITEM-1", "itemData": {**KIM, "id": "ITEM-1"}}], "schema": SCHEMA})
    document = docx.Document()
    paragraph(document, runs("First ") + field(mendeley, runs("(Lane, 2014)")) + runs(" then ")
              + field(other, runs("(Kim & Park, 2018)")) + runs(" and ")
              + field("ADDIN ZOTERO_ITEM CSL_CITATION {broken", runs("(Broken, 2000)")) + runs("."))
    paragraph(document, runs("A ") + field("HYPERLINK \"https://example.org\"", runs("link")) + runs(" is no citation."))
    document.save(folder / "m.docx")
    parsed = parse_document(read_source("m.docx"))
    assert [c.key for c in parsed.citations] == ["laneCulture2014", "kimNorth2018"]  # not the uuid nor "ITEM-1"
    assert [r.title for r in parsed.references] == ["The culture of quality", "North Korean defectors"]
    (broken,) = parsed.findings
    assert broken.kind == Kind.UNPARSED_ENTRY and "(Broken, 2000)" in broken.message and broken.span.line == 1


def test_a_docx_without_fields_reads_as_before(folder):
    document = docx.Document()
    document.add_paragraph("As Lane (2014) says.")
    document.add_heading("References", level=2)
    document.add_paragraph("Lane, C. (2014). The culture of quality. Polity.")
    document.save(folder / "plain.docx")
    doc = read_source("plain.docx")
    assert split_trailer(doc.text) == (doc.text, Trailer())
    parsed = parse_document(doc)
    assert parsed.citations is None and len(parsed.references) == 1


def endnote(*cites: str) -> str:
    return "ADDIN EN.CITE <EndNote>" + "".join(cites) + "</EndNote>"


def cite(number: int, record: str, *, pages: str = "", narrative: bool = False) -> str:
    attrs = ' AuthorYear="1"' if narrative else ""
    return (f"<Cite{attrs}><Author>x</Author><Year>x</Year><RecNum>{number}</RecNum>"
            + (f"<Pages>{pages}</Pages>" if pages else "")
            + f"<record><rec-number>{number}</rec-number>{record}</record></Cite>")


BARR = ('<ref-type name="Newspaper Article">23</ref-type><contributors><authors><author><style face="normal">'
        "Barr, Heather</style></author></authors></contributors><titles><title>China&apos;s bride trafficking "
        "problem</title><secondary-title>The Diplomat</secondary-title></titles><dates><year>2019</year></dates>"
        "<urls><related-urls><url>https://www.hrw.org/news/2019/10/31/chinas-bride-trafficking-problem</url>"
        "</related-urls></urls>")
WHO = ('<ref-type name="Report">27</ref-type><contributors><authors><author>World Health Organization</author>'
       "</authors></contributors><titles><title>Trafficking in women</title></titles><dates><year>2012</year></dates>"
       "<pub-location>Geneva</pub-location><publisher>WHO</publisher><electronic-resource-num>10.1000/who.2012"
       "</electronic-resource-num>")


def test_endnote_fields_are_key_citations_of_their_records(folder):
    from citecheck.pipeline import check

    document = docx.Document()
    paragraph(document, runs("Brides are sold ") + field(endnote(cite(12, BARR, pages="3"), cite(7, WHO)),
                                                         runs("(Barr, 2019, p. 3; World Health Organization, 2012)"))
              + runs(". As ") + field(endnote(cite(12, BARR, narrative=True)), runs("Barr (2019)"))
              + runs(" says. ") + field("ADDIN EN.CITE <EndNote><Cite>", runs("(Broken)"))
              + runs(" and ") + field("ADDIN EN.CITE ADDIN EN.CITE.DATA", runs("(Long, 2001)")) + runs("."))
    document.add_heading("References", level=2)
    paragraph(document, '<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
                        '<w:r><w:instrText xml:space="preserve"> ADDIN EN.REFLIST </w:instrText></w:r>'
                        '<w:r><w:fldChar w:fldCharType="separate"/></w:r>'
                        + runs("Barr, H. (2019). China's bride trafficking problem. The Diplomat.")
                        + '<w:r><w:fldChar w:fldCharType="end"/></w:r>')
    document.save(folder / "en.docx")
    parsed = parse_document(read_source("en.docx"))
    assert [(c.key, c.locator, c.narrative) for c in parsed.citations] == [
        ("barrChinas2019", "3", False), ("whoTrafficking2012", "", False), ("barrChinas2019", "", True)]
    barr, who = parsed.references
    assert ([a.family for a in barr.authors], barr.year, barr.title, barr.container) == (
        ["Barr"], 2019, "China's bride trafficking problem", "The Diplomat")
    assert barr.urls[0].url.startswith("https://www.hrw.org/") and who.authors[0].literal == "World Health Organization"
    assert (who.publisher, who.place, who.doi) == ("WHO", "Geneva", "10.1000/who.2012")
    broken, encoded = parsed.findings
    assert broken.kind == Kind.UNPARSED_ENTRY and "EndNote" in broken.message and "(Broken)" in broken.message
    assert broken.severity == Severity.ERROR
    assert encoded.severity == Severity.WARNING and "EN.CITE.DATA" in encoded.message and "(Long, 2001)" in encoded.message
    result = check(["en.docx"], Settings())
    assert not [f for f in result.findings if f.kind in {Kind.MISSING_REFERENCE, Kind.UNCITED_REFERENCE}]


def encoded_field(xml: str, shown_runs: str, *, data: str | None = None, outer_data: bool = True) -> str:
    """EndNote's form for long citations: "ADDIN EN.CITE" holding a nested "ADDIN EN.CITE.DATA", the
    XML base64-encoded in the w:fldData of the begin marks (both of them, or only the inner one)."""
    import base64

    payload = base64.b64encode(xml.encode("utf-8")).decode("ascii") if data is None else data
    wrapped = "\n".join(payload[i:i + 76] for i in range(0, len(payload), 76))  # Word wraps it

    def begin(with_data: bool) -> str:
        inner = f'<w:fldData xml:space="preserve">{wrapped}</w:fldData>' if with_data else ""
        return f'<w:r><w:fldChar w:fldCharType="begin">{inner}</w:fldChar></w:r>'

    return (begin(outer_data) + '<w:r><w:instrText xml:space="preserve"> ADDIN EN.CITE </w:instrText></w:r>'
            + begin(True) + '<w:r><w:instrText xml:space="preserve"> ADDIN EN.CITE.DATA </w:instrText></w:r>'
            + '<w:r><w:fldChar w:fldCharType="end"/></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>'
            + shown_runs + '<w:r><w:fldChar w:fldCharType="end"/></w:r>')


@pytest.mark.parametrize("outer_data", [True, False])
def test_endnote_records_kept_in_field_data_are_decoded(folder, outer_data):
    xml = endnote(cite(12, BARR, pages="3"), cite(7, WHO))[len("ADDIN EN.CITE "):]
    document = docx.Document()
    paragraph(document, runs("Brides are sold ")
              + encoded_field(xml, runs("(Barr, 2019, p. 3; World Health Organization, 2012)"), outer_data=outer_data)
              + runs(". Then ") + encoded_field("", runs("(Lost, 2001)"), data="bm90IEVuZE5vdGU=") + runs("."))
    document.save(folder / "long.docx")
    parsed = parse_document(read_source("long.docx"))
    assert [(c.key, c.locator) for c in parsed.citations] == [("barrChinas2019", "3"), ("whoTrafficking2012", "")]
    barr, who = parsed.references
    assert (barr.title, barr.container, who.authors[0].literal) == (
        "China's bride trafficking problem", "The Diplomat", "World Health Organization")
    (lost,) = parsed.findings  # data that is no EndNote XML ("not EndNote"): a warning naming the citation
    assert lost.severity == Severity.WARNING and "EN.CITE.DATA" in lost.message and "(Lost, 2001)" in lost.message


def with_footnotes(path, notes: dict[int, str], *, xml: bool = False) -> None:
    """Add word/footnotes.xml to a saved .docx (python-docx writes no footnotes) and turn each
    "{fn N}" in the body into a footnote reference, as Word stores them (``xml``: each note is
    given as the runs it holds, fields and all)."""
    import re
    import shutil
    import zipfile

    w = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    footnotes = (f'<w:footnotes {w}><w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p>'
                 '</w:footnote><w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/>'
                 "</w:r></w:p></w:footnote>" + "".join(
                     f'<w:footnote w:id="{n}"><w:p><w:r><w:footnoteRef/></w:r>'
                     + (text if xml else f'<w:r><w:t xml:space="preserve"> {escape(text)}</w:t></w:r>')
                     + "</w:p></w:footnote>" for n, text in notes.items()) + "</w:footnotes>")
    tmp = path.with_suffix(".tmp")
    shutil.move(path, tmp)
    with zipfile.ZipFile(tmp) as src, zipfile.ZipFile(path, "w") as out:
        for item in src.infolist():
            data = src.read(item.filename)
            if item.filename == "word/document.xml":
                data = re.sub(rb"\{fn (\d+)\}", lambda m: b'</w:t></w:r><w:r><w:footnoteReference w:id="' + m.group(1)
                              + b'"/></w:r><w:r><w:t xml:space="preserve">', data)
            out.writestr(item, data)
        out.writestr("word/footnotes.xml", footnotes)
    tmp.unlink()


def test_word_footnotes_are_notes_bibliography_citations(folder):
    from citecheck.pipeline import check

    document = docx.Document()
    document.add_paragraph("Brides are sold across the border.{fn 1} Few escape.{fn 2}")
    document.add_heading("Bibliography", level=2)
    document.add_paragraph('Barr, Heather. "China\'s Bride Trafficking Problem." The Diplomat, October 31, 2019.')
    document.add_paragraph("Lee, Min-ji. Crossing the Tumen. Seoul: Hanul, 2015.")
    document.save(folder / "nb.docx")
    with_footnotes(folder / "nb.docx", {1: 'Heather Barr, "China\'s Bride Trafficking Problem," The Diplomat, 2019.',
                                        2: "Ibid., 4."})
    text = read_source("nb.docx").text
    assert "border.[^1] Few escape.[^2]" in text and '[^1]: Heather Barr, "China' in text and "[^2]: Ibid., 4." in text
    result = check(["nb.docx"], Settings())
    assert [c.key for c in result.citations] == ["barrChinas2019", "barrChinas2019"]
    uncited = [f.reference for f in result.findings if f.kind is Kind.UNCITED_REFERENCE]
    assert uncited == ["leeCrossing2015"] and not [f for f in result.findings if f.kind is Kind.MISSING_REFERENCE]


def test_word_notes_are_numbered_as_word_shows_them_and_an_unlisted_book_is_missing(folder):
    """Session 14, users: a .docx pandoc wrote numbers its footnotes from 20 (and a Word file keeps a deleted
    note's id): the findings named "note 22" for the third note the reader sees. And a note citing a book that
    is not listed, its italics lost in Word, "Evrydiki Sifneos, Imperial Odessa (Leiden: Brill, 2018), 3", was
    taken for a remark: no finding at all."""
    from citecheck.pipeline import check

    document = docx.Document()
    document.add_paragraph("The port grew.{fn 22} Grain dominated.{fn 20} Historians disagree.{fn 23}")
    document.add_heading("Bibliography", level=2)
    document.add_paragraph("Herlihy, Patricia. Odessa: A History, 1794-1914. Cambridge, MA: Harvard University Press, 1986.")
    document.add_paragraph("King, Charles. Odessa: Genius and Death in a City of Dreams. New York: W. W. Norton, 2011.")
    document.save(folder / "nb.docx")
    with_footnotes(folder / "nb.docx", {
        22: "Patricia Herlihy, Odessa: A History, 1794-1914 (Cambridge, MA: Harvard University Press, 1986), 45.",
        20: "Ibid., 50.",
        23: "Charles King, Odessa: Genius and Death (New York: W. W. Norton, 2011), 12; see also Evrydiki Sifneos, "
            "Imperial Odessa (Leiden: Brill, 2018), 3."})
    text = read_source("nb.docx").text
    assert "grew.[^1] Grain dominated.[^2] Historians disagree.[^3]" in text and "[^2]: Ibid., 50." in text
    result = check(["nb.docx"], Settings())
    assert [c.key for c in result.citations] == ["herlihyOdessa1986", "herlihyOdessa1986", "kingOdessa2011"]
    (missing,) = [f for f in result.findings if f.kind is Kind.MISSING_REFERENCE]
    assert missing.message.startswith('note 3 cites "Evrydiki Sifneos, Imperial Odessa (Leiden: Brill, 2018), 3"')


def test_zotero_fields_in_footnotes_are_key_citations(folder):
    """A Zotero document in a note style (Chicago notes) has every citation field in a footnote, and
    often no bibliography: the fields there are read, in order, with spans on the notes' text."""
    from citecheck.pipeline import check

    document = docx.Document()
    paragraph(document, runs("Quality is cultural.{fn 1} Defectors differ.{fn 2}"))
    document.save(folder / "notes.docx")
    lane = field(zotero("a1", [item(LANE, locator="12")], "Lane, Culture of Quality, 12."),
                 runs("Christel Lane, The Culture of Quality (Polity, 2014), 12."))
    kim = field(zotero("b2", [item(KIM)], "Kim and Park, “North Korean Defectors.”"),
                runs("Suzy Kim and Ji-won Park, “North Korean Defectors,” Asian Survey 58 (2018)."))
    with_footnotes(folder / "notes.docx", {1: lane, 2: kim}, xml=True)
    doc = read_source("notes.docx")
    parsed = parse_document(doc)
    assert [(c.key, c.locator) for c in parsed.citations] == [("laneCulture2014", "12"), ("kimNorth2018", "")]
    assert doc.text[parsed.citations[1].span.start : parsed.citations[1].span.end].startswith("Suzy Kim and Ji-won Park")
    assert [r.title for r in parsed.references] == ["The culture of quality", "North Korean defectors"]
    result = check(["notes.docx"], Settings())
    assert not [f for f in result.findings if f.kind in {Kind.MISSING_REFERENCE, Kind.UNCITED_REFERENCE}]


def test_superscript_citation_numbers_in_word_cite_a_numbered_list(folder):
    from citecheck.pipeline import check

    sup = '<w:r><w:rPr><w:vertAlign w:val="superscript"/></w:rPr><w:t>{}</w:t></w:r>'
    document = docx.Document()
    paragraph(document, runs("Bed nets cut deaths.") + sup.format("1, 2") + runs(" Spraying helps less.")
              + sup.format("5") + runs(" In 10") + sup.format("th") + runs(" place. A 12 m") + sup.format("2")
              + runs(" room."))
    document.add_heading("References", level=2)
    for entry in ("1. Okeke C, Adeyemi B. Bed nets in Enugu. Lancet Glob Health. 2019;7(3):e123-30.",
                  "2. World Health Organization. World malaria report 2020. Geneva: WHO; 2020.",
                  "3. Smith AB, Jones CD. Indoor spraying. N Engl J Med. 2004;351(2):100-9."):
        document.add_paragraph(entry)
    document.save(folder / "v.docx")
    # the numbers as the reader sees them (they were "[1,2]" and "[5]", also in messages); an area is no citation
    assert "deaths.¹,² Spraying helps less.⁵ In 10th place. A 12 m² room." in read_source("v.docx").text
    result = check(["v.docx"], Settings())
    assert len(result.citations) == 2
    kinds = sorted((f.kind.value, f.citation) for f in result.findings
                   if f.kind in {Kind.MISSING_REFERENCE, Kind.UNCITED_REFERENCE})
    assert kinds == [("missing-reference", "⁵"), ("uncited-reference", None)]
    (missing,) = [f for f in result.findings if f.kind is Kind.MISSING_REFERENCE]
    assert missing.message.startswith("⁵ cites entry 5")


def test_a_superscript_number_after_a_blank_or_a_year_still_cites(folder):
    # "children ¹", "in 2019²" and "vitamin D¹" are no superscripts parse.citation_numbers takes in text (a blank, a
    # power, a variable's "x²"): "[1]" there, as before
    from citecheck.pipeline import check

    sup = '<w:r><w:rPr><w:vertAlign w:val="superscript"/></w:rPr><w:t>{}</w:t></w:r>'
    document = docx.Document()
    paragraph(document, runs("Malaria kills children ") + sup.format("1") + runs(" and resistance rose in 2019")
              + sup.format("2") + runs(". Many lack vitamin D") + sup.format("1") + runs("."))
    document.add_heading("References", level=2)
    for entry in ("1. World Health Organization. World malaria report 2021. Geneva: WHO; 2021.",
                  "2. Smith J, Jones K. Drug resistance. Lancet. 2019;393(10170):100-10."):
        document.add_paragraph(entry)
    document.save(folder / "s.docx")
    assert "children [1] and resistance rose in 2019[2]. Many lack vitamin D[1]." in read_source("s.docx").text
    result = check(["s.docx"], Settings())
    assert len(result.citations) == 3 and not [f for f in result.findings if f.kind in {
        Kind.MISSING_REFERENCE, Kind.UNCITED_REFERENCE}]


def test_an_endnote_records_type_of_work_is_its_genre():
    """EndNote's ``<work-type>`` (a thesis's "Ph.D. thesis", a report's "Working paper") was not read: the
    thesis came out of BibLaTeX, CSL-JSON and RIS without its type."""
    from citecheck.parse.endnote_fields import cites

    thesis = ('<ref-type name="Thesis">32</ref-type><contributors><authors><author>Doe, Jane</author></authors>'
              "</contributors><titles><title>A thesis</title></titles><dates><year>2018</year></dates>"
              "<publisher>University of Oxford</publisher><work-type>Ph.D. thesis</work-type>")
    (one,) = cites(endnote(cite(3, thesis)))
    assert (one.item["type"], one.item["genre"]) == ("thesis", "Ph.D. thesis")


def mendeley_cite(items: list[dict], shown: str, *, urlsafe: bool = False) -> str:
    """A citation as Mendeley Cite keeps it: a content control tagged with its JSON in base64."""
    import base64

    data = {"citationID": "MENDELEY_CITATION_1", "properties": {"noteIndex": 0}, "isEdited": False,
            "citationTag": "MENDELEY_CITATION_v3_", "citationItems": items}
    encoded = base64.b64encode(json.dumps(data).encode()).decode()
    if urlsafe:
        encoded = encoded.replace("+", "-").replace("/", "_").rstrip("=")
    return (f'<w:sdt><w:sdtPr><w:tag w:val="MENDELEY_CITATION_v3_{encoded}"/><w:id w:val="7"/></w:sdtPr>'
            f"<w:sdtContent>{runs(shown)}</w:sdtContent></w:sdt>")


def test_mendeley_cite_content_controls_are_key_citations(folder):
    """Mendeley Reference Manager's Word add-in keeps each citation in a content control, not a field:
    its items are the references (this document has no bibliography yet) and its citations keys."""
    from citecheck.pipeline import check

    lane, kim = {**LANE, "id": "0c1d-lane"}, {**KIM, "id": "9f8e-kim"}
    document = docx.Document()
    paragraph(document, runs("Quality is cultural ")
              + mendeley_cite([{"id": "0c1d-lane", "itemData": lane, "locator": "12", "label": "page"}], "(Lane, 2014, p. 12)")
              + runs(" and defectors differ ")
              + mendeley_cite([{"id": "9f8e-kim", "itemData": kim}, {"id": "0c1d-lane", "itemData": lane}],
                              "(Kim & Park, 2018; Lane, 2014)", urlsafe=True)
              + runs(" or not ") + '<w:sdt><w:sdtPr><w:tag w:val="MENDELEY_CITATION_v3_%%%"/></w:sdtPr>'
              f'<w:sdtContent>{runs("(Broken, 2000)")}</w:sdtContent></w:sdt>' + runs("."))
    document.save(folder / "cite.docx")
    doc = read_source("cite.docx")
    parsed = parse_document(doc)
    assert [(c.key, c.locator) for c in parsed.citations] == [("laneCulture2014", "12"), ("kimNorth2018", ""), ("laneCulture2014", "")]
    assert doc.text[parsed.citations[0].span.start : parsed.citations[0].span.end] == "(Lane, 2014, p. 12)"
    assert [r.title for r in parsed.references] == ["The culture of quality", "North Korean defectors"]
    (broken,) = parsed.findings  # a tag that does not decode: said on its citation
    assert broken.kind == Kind.UNPARSED_ENTRY and "(Broken, 2000)" in broken.message
    result = check(["cite.docx"], Settings())
    assert not [f for f in result.findings if f.kind in {Kind.MISSING_REFERENCE, Kind.UNCITED_REFERENCE}]


def test_citations_and_entries_typed_beside_the_fields_are_read(folder):
    """A co-author without Zotero types "(Orwell, 1949)" and its entry under the generated list: both are
    read (a typed citation no entry has is missing), and a typed copy of a field item's entry (a
    bibliography unlinked to text) is no second reference."""
    from citecheck.pipeline import check

    document = docx.Document()
    paragraph(document, runs("Quality is cultural ") + field(zotero("a1", [item(LANE)], "(Lane, 2014)"), runs("(Lane, 2014)"))
              + runs(", and a co-author typed (Orwell, 1949) and (Ghost, 2001) by hand; ")
              + field("ADDIN ZOTERO_ITEM CSL_CITATION {broken", runs("(Broken, 2000)")) + runs("."))
    document.add_heading("References", level=2)
    bibl = 'ADDIN ZOTERO_BIBL {"uncited":[],"omitted":[],"custom":[]} CSL_BIBLIOGRAPHY'
    paragraph(document, '<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
                        f'<w:r><w:instrText xml:space="preserve"> {bibl} </w:instrText></w:r>'
                        '<w:r><w:fldChar w:fldCharType="separate"/></w:r>'
                        + runs("Lane, C. (2014). The culture of quality. Polity.") + '<w:r><w:fldChar w:fldCharType="end"/></w:r>')
    document.add_paragraph("Orwell, G. (1949). Nineteen eighty-four. Secker & Warburg.")
    document.add_paragraph("Lane, C. (2014). The culture of quality. Polity Press.")  # typed again: the same work
    document.save(folder / "mixed.docx")
    parsed = parse_document(read_source("mixed.docx"))
    assert [(r.key, r.authors[0].family) for r in parsed.references] == [("laneCulture2014", "Lane"), ("", "Orwell")]
    assert [(c.key, c.text) for c in parsed.citations] == [("laneCulture2014", "(Lane, 2014)"), ("", "Orwell, 1949"),
                                                           ("", "Ghost, 2001")]
    result = check(["mixed.docx"], Settings())
    assert sorted((f.kind.value, f.citation or "") for f in result.findings if f.severity is Severity.ERROR) == [
        ("missing-reference", "Ghost, 2001"), ("unparsed-entry", "")]
    assert not [f for f in result.findings if f.kind is Kind.UNCITED_REFERENCE]


def test_an_item_keyed_by_better_bibtex_keeps_its_citation_key(folder):
    """Zotero with Better BibTeX puts the item's citation key in its data: that is the key, not Zotero's "16"."""
    document = docx.Document()
    pinned = {**LANE, "citation-key": "lane2014quality"}
    paragraph(document, runs("Quality ") + field(zotero("a1", [item(pinned), item(KIM)], "(Lane, 2014; Kim & Park, 2018)"),
                                                 runs("(Lane, 2014; Kim & Park, 2018)")) + runs("."))
    document.save(folder / "bbt.docx")
    parsed = parse_document(read_source("bbt.docx"))
    assert [c.key for c in parsed.citations] == ["lane2014quality", "kimNorth2018"]
    assert [r.key for r in parsed.references] == ["lane2014quality", "kimNorth2018"]
