"""Wikipedia's numbered notes: ``[1]`` markers are key citations of the ``cite_note-`` entries they link to."""
from __future__ import annotations

from citecheck.config import Settings
from citecheck.inputs import read_source
from citecheck.model import Kind, SourceDoc
from citecheck.parse.document import convert_references, parse_document
from citecheck.parse.html import wiki_footnotes

PAGE = """<html><body><h1>Topic</h1>
<p>Defectors grew.<sup id="cite_ref-zaugg_1-0" class="reference"><a href="#cite_note-zaugg-1">[1]</a></sup> Also this.<sup class="reference"><a href="#cite_note-3">[3]</a></sup>
And again.<sup class="reference"><a href="#cite_note-zaugg-1">&#91;1&#93;</a></sup> Short.<sup class="reference"><a href="#cite_note-FOOTNOTELee200112-4">[4]</a></sup> Gone.<sup class="reference"><a href="#cite_note-9">[9]</a></sup></p>
<h2>References</h2>
<div class="reflist"><ol class="references">
<li id="cite_note-zaugg-1"><span class="mw-cite-backlink">^ <a href="#cite_ref-zaugg_1-0">a</a> <a href="#cite_ref-zaugg_1-1">b</a></span> <span class="reference-text"><cite class="citation">Zaugg, J. (2019). <i>North Korean defectors</i>. BBC.</cite></span></li>
<li id="cite_note-2"><span class="mw-cite-backlink"><a href="#cite_ref-2">^</a></span> <span class="reference-text">Yoon, S. (2018). Never cited. Press.</span></li>
<li id="cite_note-3"><span class="mw-cite-backlink"><a href="#cite_ref-3">^</a></span> <span class="reference-text">Kim, A. (2015). A paper. Journal of X, 3, 1–9.</span></li>
<li id="cite_note-FOOTNOTELee200112-4"><span class="mw-cite-backlink"><a href="#cite_ref-4">^</a></span> <span class="reference-text"><a href="#CITEREFLee2001">Lee 2001</a>, p. 12.</span></li>
</ol></div>
<h2>Sources</h2>
<ul><li><cite id="CITEREFLee2001" class="citation book">Lee, K. (2001). <i>A Book</i>. Pub.</cite></li>
<li><cite id="CITEREFPark2010" class="citation book">Park, M. (2010). <i>Other Book</i>. Pub.</cite></li></ul>
</body></html>
"""


def test_markers_and_notes():
    notes = wiki_footnotes("p.html", PAGE)
    assert [c.key for c in notes.citations] == ["cite_note-zaugg-1", "cite_note-3", "cite_note-zaugg-1",
                                                "cite_note-FOOTNOTELee200112-4", "cite_note-9", "CITEREFLee2001"]
    first = notes.citations[0]
    assert first.text == "[1]" and first.span.line == 2 and PAGE[first.span.start:].startswith("<sup id=")
    assert notes.citations[2].text == "[1]"  # &#91;1&#93;
    assert [n[0] for n in notes.notes][:2] == ["cite_note-zaugg-1", "cite_note-2"]
    assert notes.note_key(PAGE.index("Kim, A.")) == "cite_note-3" and notes.note_key(0) == ""


def test_notes_are_keyed_references():
    parsed = parse_document(SourceDoc("p.html", PAGE, "html"))
    by_key = {r.key: r for r in parsed.references}
    assert list(by_key) == ["cite_note-zaugg-1", "cite_note-2", "cite_note-3", "CITEREFLee2001", "CITEREFPark2010"]
    assert by_key["cite_note-zaugg-1"].year == 2019 and by_key["cite_note-zaugg-1"].title == "North Korean defectors"
    assert by_key["CITEREFLee2001"].span.line == 12
    # the short note's marker [4] cites the Sources entry it links to
    assert [c.key for c in parsed.citations] == ["cite_note-zaugg-1", "cite_note-3", "cite_note-zaugg-1",
                                                 "CITEREFLee2001", "cite_note-9"]
    assert parsed.citations[3].text == "[4]" and parsed.citations[3].span.line == 3


def test_check_reports_dangling_markers_and_uncited_notes(tmp_path, monkeypatch):
    from citecheck.pipeline import check

    monkeypatch.chdir(tmp_path)
    (tmp_path / "page.html").write_text(PAGE, encoding="utf-8")
    result = check(["page.html"], Settings())
    found = sorted((f.kind.value, f.reference or f.citation) for f in result.findings
                   if f.kind in {Kind.MISSING_REFERENCE, Kind.UNCITED_REFERENCE})
    assert [k for k, _ in found] == ["missing-reference", "uncited-reference", "uncited-reference"]
    assert "9" in found[0][1] and {v for _, v in found[1:]} == {"cite_note-2", "CITEREFPark2010"}
    keys = [r.key for r in convert_references(read_source("page.html"))]
    assert len(keys) == 5 and not any(k.startswith(("cite_note", "CITEREF")) for k in keys)


def test_a_page_without_notes_is_read_as_prose():
    page = ("<html><body><p>As Lee (2001) says.<sup class=\"reference\"><a href=\"#cite_note-1\">[1]</a></sup></p>"
            "<h2>References</h2><ul><li>Lee, K. (2001). Title. Pub.</li></ul></body></html>")
    parsed = parse_document(SourceDoc("p.html", page, "html"))
    assert parsed.citations is None and len(parsed.references) == 1


def test_a_short_note_whose_entry_is_missing_cites_by_name_and_year(tmp_path, monkeypatch):
    from citecheck.pipeline import check

    page = PAGE.replace("FOOTNOTELee200112", "FOOTNOTELee200312").replace(
        '<a href="#CITEREFLee2001">Lee 2001</a>', '<a href="#CITEREFLee2003">Lee 2003</a>')
    parsed = parse_document(SourceDoc("p.html", page, "html"))
    assert "cite_note-FOOTNOTELee200312-4" not in {r.key for r in parsed.references}  # no junk entry "Lee 2003, p. 12"
    (dangling,) = [c for c in parsed.citations if not c.key]
    assert (dangling.name_texts, dangling.year) == (("Lee",), 2003)
    monkeypatch.chdir(tmp_path)
    (tmp_path / "page.html").write_text(page, encoding="utf-8")
    kinds = {(f.kind.value, f.reference) for f in check(["page.html"], Settings()).findings}
    assert ("year-mismatch", "CITEREFLee2001") in kinds
    assert not any(k == "missing-reference" and "Lee" in str(r) for k, r in kinds)
