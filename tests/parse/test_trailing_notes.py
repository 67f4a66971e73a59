"""Footnotes written after the reference list (Markdown's habit: definitions at the end of the file)
are the body's notes: their citations count, and none of them is read as an entry."""
from __future__ import annotations

from citecheck.config import Settings
from citecheck.model import Kind
from citecheck.pipeline import check

ESSAY = """# Brides

Trafficking has grown (Barr, 2019).[^1] Defectors differ (Kim & Park, 2018).[^long]

## References

Barr, H. (2019). China's bride trafficking problem. The Diplomat.

Kim, S., & Park, J. (2018). North Korean defectors in China. Asian Survey, 58(1), 1–20.

Lane, C. (2014). The culture of quality. Polity.

[^1]: See also Lane (2014) on quality, and Zaugg (2019).

[^long]: A note of two paragraphs,
run on here.

    Its second paragraph, indented.
"""


def test_notes_after_the_list_are_read_with_the_body(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "essay.md").write_text(ESSAY, encoding="utf-8")
    result = check(["essay.md"], Settings())
    assert sorted(r.key for r in result.references) == ["barrChinas2019", "kimNorth2018", "laneCulture2014"]
    crossed = [(f.kind, f.span.line) for f in result.findings
               if f.kind in {Kind.MISSING_REFERENCE, Kind.UNCITED_REFERENCE, Kind.UNPARSED_ENTRY}]
    assert crossed == [(Kind.MISSING_REFERENCE, 13)]  # Zaugg (2019), named in note 1, has no entry


def test_an_entry_after_the_notes_keeps_the_list_as_it_was(tmp_path, monkeypatch):
    # not notes only after the first definition: nothing is moved (the list reads as before)
    monkeypatch.chdir(tmp_path)
    text = ESSAY + "\nZaugg, J. (2019). Bride trafficking in Asia. CNN.\n"
    (tmp_path / "essay.md").write_text(text, encoding="utf-8")
    result = check(["essay.md"], Settings())
    assert "zauggBride2019" in [r.key for r in result.references]


def test_convert_lists_no_note_as_an_entry(tmp_path):
    from citecheck.inputs import read_source
    from citecheck.parse.document import convert_references

    (tmp_path / "essay.md").write_text(ESSAY, encoding="utf-8")
    refs = convert_references(read_source(str(tmp_path / "essay.md")))
    assert [r.key for r in refs] == ["barrChinas2019", "kimNorth2018", "laneCulture2014"]


PANDOC_HTML = """<html><body>
<h1 id="intro">Intro</h1>
<p>Trafficking has grown <span class="citation" data-cites="barr2019">(Barr 2019)</span>.<a href="#fn1"
class="footnote-ref" id="fnref1" role="doc-noteref"><sup>1</sup></a></p>
<h1 class="unnumbered" id="bibliography">References</h1>
<div id="refs" class="references csl-bib-body hanging-indent" role="doc-bibliography">
<div id="ref-barr2019" class="csl-entry" role="doc-biblioentry">
Barr, Heather. 2019. <span>“China’s Bride Trafficking Problem.”</span> <em>The Diplomat</em>.
</div>
<div id="ref-lane2014" class="csl-entry" role="doc-biblioentry">
Lane, Christel. 2014. <em>The Culture of Quality</em>. Cambridge: Polity.
</div>
</div>
<section class="footnotes footnotes-end-of-document" role="doc-endnotes">
<hr />
<ol>
<li id="fn1" role="doc-endnote"><p>As <span class="citation"
data-cites="lane2014">Lane (2014)</span> shows.<a href="#fnref1"
class="footnote-back" role="doc-backlink">↩︎</a></p></li>
</ol>
</section>
</body></html>
"""


def test_pandoc_html_endnotes_are_read_with_the_body(tmp_path, monkeypatch):
    # pandoc writes its endnotes after the bibliography, below a rule: Lane (2014) is cited in note 1
    from citecheck.parse.html import html_text

    monkeypatch.chdir(tmp_path)
    (tmp_path / "paper.html").write_text(PANDOC_HTML, encoding="utf-8")
    text = html_text("paper.html", PANDOC_HTML).text
    assert "grown (Barr 2019).[^fn1]" in text and "[^fn1]: As Lane (2014) shows." in text and "↩" not in text
    result = check(["paper.html"], Settings())
    assert [r.key for r in result.references] == ["barrChinas2019", "laneCulture2014"]
    assert [c.text for c in result.citations] == ["Barr 2019", "Lane (2014)"]
    assert result.findings == () or all(f.kind is Kind.LOW_CONFIDENCE_FIELD for f in result.findings)


PLAIN = """As shown (Smith and Doe 2019, 33–35), things hold.

A note.[1]

References

Cap, Tom. 2003. “Caption Work.” J.

Smith, John, and Jane Doe. 2019. “A Study of Things.” Journal of Stuff
3: 1–10.

[1] As Cap (2003) shows.
"""

IEEE = """Bed nets work [1], and spraying less [2].

References

[1] C. Okeke, “Bed nets in Enugu,” Lancet, 2019.

[2] B. Adeyemi, “Spraying,” Malaria J., 2018.
"""


def test_pandoc_plain_text_notes_after_an_author_date_list_are_notes(tmp_path, monkeypatch):
    # pandoc -t plain writes its notes "[1] ..." after the bibliography; in an IEEE list "[1]" is an entry
    monkeypatch.chdir(tmp_path)
    (tmp_path / "paper.txt").write_text(PLAIN, encoding="utf-8")
    (tmp_path / "ieee.txt").write_text(IEEE, encoding="utf-8")
    result = check(["paper.txt"], Settings())
    assert [r.key for r in result.references] == ["capCaption2003", "smithStudy2019"]
    assert not [f for f in result.findings if f.kind in {Kind.MISSING_REFERENCE, Kind.UNCITED_REFERENCE}]
    ieee = check(["ieee.txt"], Settings())
    assert len(ieee.references) == 2 and not [f for f in ieee.findings if f.kind is Kind.UNCITED_REFERENCE]


def test_a_numbered_list_whose_first_label_stands_alone_keeps_its_next_entry(tmp_path, monkeypatch):
    # a PDF's "[1]" on a line of its own, the entry below: "[2] ..." after it is the list's, not a note
    monkeypatch.chdir(tmp_path)
    (tmp_path / "ieee.txt").write_text(IEEE.replace("[1] C. Okeke", "[1]\nC. Okeke"), encoding="utf-8")
    result = check(["ieee.txt"], Settings())
    assert len(result.references) == 2
    assert not [f for f in result.findings if f.kind in {Kind.MISSING_REFERENCE, Kind.UNCITED_REFERENCE}]
