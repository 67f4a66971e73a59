import pytest

from citecheck.parse.html import html_text
from citecheck.parse.sections import split_sections

PAGE = """<!DOCTYPE html>
<html><head><title>Ignored</title><style>p {}</style></head>
<body><nav>Home | About</nav>
<h1>North &amp; South</h1>
<p>As Zaugg (2019) argues, <b>trafficking</b> grew.<sup class="reference"><a href="#cite_note-1">[1]</a></sup>
<p>Second paragraph (Yoon, 2018).
<div class="reflist"><ol class="references">
<li id="cite_note-1"><span class="mw-cite-backlink">^ <a>a</a> <a>b</a></span> <cite class="citation">Zaugg, J. (2019). <i>North Korean defectors</i>. BBC.</cite>
<li>Yoon, S. (2018). Another &#8211; one.</li>
</ol></div>
<footer>Footer</footer>
</body></html>
"""


def test_text_headings_and_furniture():
    clean = html_text("p.html", PAGE)
    assert clean.text.startswith("# North & South\n\nAs Zaugg (2019) argues, trafficking grew.\n\nSecond paragraph")
    for gone in ("Ignored", "Home", "[1]", "^", "p {}"):
        assert gone not in clean.text
    assert "## References\n\nZaugg, J. (2019). *North Korean defectors*. BBC.\n\nYoon, S. (2018). Another \u2013 one." in clean.text


def test_spans_point_into_the_html():
    clean = html_text("p.html", PAGE)
    start = clean.text.index("Zaugg")
    span = clean.span(start, start + 5)
    assert PAGE[span.start : span.end] == "Zaugg" and span.line == 5


def test_the_reference_list_is_the_bibliography_section():
    sections = split_sections(html_text("p.html", PAGE))
    assert sections.bibliography is not None and "Yoon, S. (2018)" in sections.bibliography.text
    assert "Yoon, S." not in sections.body.text


def test_a_heading_then_a_list():
    page = "<html><body><p>Text (Lee, 2001).</p><h2>Bibliography</h2><ul><li>Lee, K. (2001). Title.</li></ul></body></html>"
    text = html_text("p.html", page).text
    assert "## Bibliography\n\nLee, K. (2001). Title." in text and text.count("References") == 0


def test_superscript_citation_numbers_are_unicode_superscripts_and_other_superscripts_stay():
    # as the reader sees them: they were "[1,2]" and "[3]", also in messages
    from citecheck.parse.html import html_text

    page = ('<p>Nets cut deaths.<sup>1, 2</sup> In 10<sup>th</sup> place.'
            '<sup class="reference"><a href="#cite_note-1">[1]</a></sup> Then<sup>3</sup>. An area of 12 km<sup>2</sup>.</p>')
    text = html_text("a.html", page)
    assert text.text.strip() == "Nets cut deaths.¹,² In 10th place. Then³. An area of 12 km²."
    at = text.text.index("¹,²")
    assert page[text.origin[at]] == "1" and page[text.origin[at + 2]] == "2"  # the digits still point into the page
    # after a blank or a year no reading takes a superscript: "[4]" there, as before
    spaced = html_text("b.html", "<p>Nets help <sup>4</sup> and rose in 2019<sup>5</sup>, as vitamin D<sup>6</sup>.</p>")
    assert spaced.text.strip() == "Nets help [4] and rose in 2019[5], as vitamin D[6]."


@pytest.mark.parametrize(("before", "cites"), [("deaths.", True), ("Then", True), ("12 m", True), ("", False),
                                               ("children ", False), ("in 2019", False), ("vitamin D", False)])
def test_where_a_superscript_number_is_written_in_unicode(before, cites):
    from citecheck.parse.citation_numbers import superscript_in_unicode

    assert superscript_in_unicode(before) is cites  # "12 m": then read as a power, no citation


def test_a_superscript_number_cites_its_entry_and_a_unit_s_does_not(tmp_path, monkeypatch):
    from citecheck.config import Settings
    from citecheck.model import Kind
    from citecheck.pipeline import check

    monkeypatch.chdir(tmp_path)
    (tmp_path / "a.html").write_text(
        "<p>Heat kills.<sup>1</sup> Roofs cover 12 m<sup>2</sup> each.<sup>5</sup></p><h2>References</h2><ol>"
        "<li>Smith J. Heat waves. Lancet. 2019;394:1-10.</li><li>Zhang W. Cool roofs. Energy Build. 2017;140:1-9.</li>"
        "</ol>", encoding="utf-8")
    result = check(["a.html"], Settings())
    missing = [f for f in result.findings if f.kind is Kind.MISSING_REFERENCE]
    assert [f.citation for f in missing] == ["⁵"] and missing[0].message.startswith("⁵ cites entry 5")
    assert [f.reference for f in result.findings if f.kind is Kind.UNCITED_REFERENCE] == ["zhangCool2017"]


def test_a_reference_lists_web_links_and_italics_are_written_out():
    page = ('<h2>History</h2><p>See <a href="https://body.example/x">this page</a> and <i>Moby-Dick</i>.</p>'
            '<ol class="references"><li><cite>Kessler, A. (2019). <a class="external text" '
            'href="https://news.example/vellmar">"Leuchtturm"</a>. <i>Nordsee-Kurier</i>. Archived from '
            '<a href="https://news.example/vellmar">the original</a>. '
            'doi:<a href="https://doi.org/10.5555%2Fx">10.5555/x</a>. <a href="/wiki/ISBN">ISBN</a></cite></li></ol>')
    clean = html_text("w.html", page)
    body, refs = clean.text.split("## References")
    # prose is left as it reads, its links unwritten; its italics are Markdown's (MLA's "(*Beloved* 45)" cites a title)
    assert "https://body.example" not in body and "*Moby-Dick*" in body
    entry = refs.strip()
    assert entry.startswith('Kessler, A. (2019). "Leuchtturm" <https://news.example/vellmar>. *Nordsee-Kurier*.')
    assert entry.count("https://news.example/vellmar") == 1  # once per entry
    assert "doi.org" not in entry and "/wiki/" not in entry
    at = entry.index("<https://news.example") + 1
    assert page[clean.origin[clean.text.index(entry) + at]:].startswith("https://news.example/vellmar")


def test_publisher_entries_keep_their_blocks_together_and_lose_their_link_buttons():
    page = ('<h2>References</h2><ol class="c-article-references">'
            '<li><p>Kim S, Park J (2018) Defectors. Asian Surv 58(1):1–20</p>'
            '<p><a href="https://doi.org/10.1525%2Fas.58.1">Article</a> <a href="https://pubmed.example/1">PubMed</a> '
            '<a href="http://scholar.google.com/x">Google Scholar</a></p></li>'
            '<li><p>Lee H (2011) Marriage. J Korean Stud 16:221–240. https://doi.org/10.1353/jks.12</p>'
            '<p><a href="https://doi.org/10.1353%2Fjks.12">Article</a></p></li></ol>'
            '<p><a href="https://citation-needed.example/refs">Download references</a></p>')
    entries = html_text("s.html", page).text.split("## References")[1].strip().split("\n\n")
    assert entries == ["Kim S, Park J (2018) Defectors. Asian Surv 58(1):1–20. <https://doi.org/10.1525/as.58.1>",
                       "Lee H (2011) Marriage. J Korean Stud 16:221–240. https://doi.org/10.1353/jks.12"]


def test_a_dl_reference_list_keeps_number_labels_and_drops_author_date_ones():
    def entries(label: str) -> list[str]:
        page = (f'<section class="bibliography"><h2>References</h2><dl class="references"><dt class="label">{label}</dt>'
                '<dd class="reference"><div class="authors">S. Kim, J. Park</div><div class="title">Defectors</div>'
                '<div class="host">Asian Survey, 58 (2018)</div><div class="ReferenceLinks">'
                '<a href="https://www.scopus.com/x">View in Scopus</a></div></dd></dl></section>')
        text = html_text("e.html", page).text
        assert text.count("References") == 1  # the list's own heading, not a second one
        return text.split("## References")[1].strip().split("\n\n")

    assert entries("[1]") == ["[1] S. Kim, J. Park. Defectors. Asian Survey, 58 (2018)."]
    assert entries("Kim and Park, 2018") == ["S. Kim, J. Park. Defectors. Asian Survey, 58 (2018)."]


def test_a_headless_reference_list_is_headed_once():
    page = '<p>Text.</p><div class="references"><h3>Further reading</h3><ul><li>Lee, K. (2001). Title.</li></ul></div>'
    text = html_text("p.html", page).text
    assert text.count("## References") == 1 and text.index("Further reading") < text.index("## References")


def test_a_comment_never_closed_is_hidden_as_a_browser_hides_it():
    page = ("<html><body><p>Text (Smith, 2019).</p><h2>References</h2><ul><li>Smith, J. (2019). A book. Press.</li>"
            "</ul><!-- an editor's note left open")
    text = html_text("p.html", page).text
    assert "Smith, J. (2019). A book. Press." in text
    assert "editor's note" not in text and "<!--" not in text


def test_a_long_reference_list_is_read_in_linear_time():
    """Each block boundary once joined all the text so far to count its trailing newlines: a page of
    10,000 entries took a minute. 8,000 entries now take well under a second."""
    import time

    items = "".join(f"<li>Fam{i}, A. (2001). Title {i}.</li>" for i in range(8000))
    started = time.perf_counter()
    text = html_text("p.html", f"<html><body><h2>References</h2><ol>{items}</ol></body></html>").text
    assert time.perf_counter() - started < 5.0
    assert text.count("\n") >= 8000 and "Fam7999, A. (2001). Title 7999." in text


def test_a_title_linked_to_its_doi_keeps_the_doi(tmp_path, monkeypatch):
    """Wikipedia links a title to its cited url, a doi.org address when the editor gave one: the link was left
    out as if its DOI were in the text, and convert wrote the entry without DOI or URL (session 16, user). A DOI
    the entry also writes out ("doi:10.1016/...") is one DOI."""
    from typer.testing import CliRunner

    from citecheck.cli.app import app

    monkeypatch.chdir(tmp_path)
    entry = ('<li><cite>Smith, Jane (2019). <a class="external text" href="https://doi.org/10.1016/j.uclim.2019.01.001">'
             '"Urban heat islands"</a>. <i>Urban Climate</i>. <b>27</b>: 1–12.{doi}</cite></li>')
    for doi in ("", ' doi:<a href="https://doi.org/10.1016%2Fj.uclim.2019.01.001">10.1016/j.uclim.2019.01.001</a>.'):
        (tmp_path / "w.html").write_text('<p>Hot.<sup class="reference"><a href="#cite_note-1">[1]</a></sup></p>'
                                         '<h2>References</h2><ol class="references">'
                                         + entry.format(doi=doi).replace("<li>", '<li id="cite_note-1">') + "</ol>",
                                         encoding="utf-8")
        result = CliRunner().invoke(app, ["convert", "w.html", "--to", "ris", "-o", "-"])
        assert result.exit_code == 0, result.output
        assert [line for line in result.stdout.splitlines() if line.startswith(("DO", "UR"))] == [
            "DO  - 10.1016/j.uclim.2019.01.001"]
