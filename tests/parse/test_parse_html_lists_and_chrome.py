"""HTML: the numbers an <ol> shows before its entries, and the site around an article left out."""
from __future__ import annotations

from citecheck.model import CleanText, Kind
from citecheck.parse.citation_numbers import find_numbered_citations, numbered_labels
from citecheck.parse.html import html_text
from citecheck.parse.references import parse_reference_list
from citecheck.parse.sections import split_sections


def _entries(page: str) -> list[str]:
    return html_text("p.html", page).text.split("## References")[1].strip().split("\n\n")


IEEE = ('<p>Widgets are common [5], [7]. See also [9].</p><h2>References</h2><ol start="5">'
        '<li>J. Smith, "Widgets," <i>IEEE Trans. Widgets</i>, vol. 1, pp. 3-4, 2019.</li>'
        '<li>K. Jones, "More widgets," in <i>Proc. ICW</i>, 2020, pp. 5-6.'
        '<li>A. Lee, <i>Widget Book</i>. New York, NY, USA: Wiley, 2018.</ol>')


def test_an_ordered_reference_list_gets_the_numbers_a_browser_shows():
    clean = html_text("p.html", IEEE)
    assert _entries(IEEE) == ['5. J. Smith, "Widgets," *IEEE Trans. Widgets*, vol. 1, pp. 3-4, 2019.',
                              '6. K. Jones, "More widgets," in *Proc. ICW*, 2020, pp. 5-6.',
                              "7. A. Lee, *Widget Book*. New York, NY, USA: Wiley, 2018."]
    at = clean.text.index("5. J. Smith")
    assert clean.origin[at] == IEEE.index("J. Smith")  # the number points at the entry's text
    sections = split_sections(clean)
    references = parse_reference_list(sections.bibliography)
    assert sorted(numbered_labels(references)) == ["5", "6", "7"]
    citations, findings = find_numbered_citations(sections.body, references)
    assert [c.text for c in citations] == ["[5]", "[7]"]
    assert [f.kind for f in findings] == [Kind.MISSING_REFERENCE]


def test_li_value_typed_labels_nested_and_site_lists():
    page = ('<h2>References</h2><ol><li value="3">A. B, Title, 2019.</li><li>[9] C. D, Other, 2020.</li>'
            '<li>E. F, Third, 2021.<ol><li>a note</li></ol></li></ol>')
    assert _entries(page) == ["3. A. B, Title, 2019.", "[9] C. D, Other, 2020.", "5. E. F, Third, 2021. a note."]
    # a site's own reference list is numbered (or not) by its CSS: Springer's author-date <ol>
    springer = '<h2>References</h2><ol class="c-article-references"><li>Kim S (2018) Defectors. Asian Surv.</li></ol>'
    assert _entries(springer) == ["Kim S (2018) Defectors. Asian Surv."]
    unstyled = '<h2>References</h2><ol style="list-style: none"><li>Kim S (2018) Defectors.</li></ol>'
    assert _entries(unstyled) == ["Kim S (2018) Defectors."]
    prose = "<h2>Steps</h2><ol><li>first</li></ol>"
    assert html_text("p.html", prose).text.strip() == "## Steps\n\nfirst"


PAGE = """<html><body><header><a href="/">Blog Inc.</a> Home | Archive</header>
<article><header><h1>Urban heat</h1></header>
<p>Urban heat is rising (Smith, 2019).</p>
<h2>References</h2>
<ul><li>Smith, J. (2019). Heat waves in London. <i>Weather</i>, 74(3), 90&ndash;95.</li></ul>
<aside>Related posts: Cold (2021)</aside>
</article>
<footer><p>&copy; 2023 Blog Inc. All rights reserved.</p><p>Posted by Ann Editor, 12 March 2023.</p></footer>
<div role="contentinfo">Contact (2023)</div>
</body></html>"""


def test_the_site_around_the_article_is_left_out():
    text = html_text("p.html", PAGE).text.rstrip("\n") + "\n"
    assert text == ("# Urban heat\n\nUrban heat is rising (Smith, 2019).\n\n## References\n\n"
                    "Smith, J. (2019). Heat waves in London. *Weather*, 74(3), 90–95.\n")
    bibliography = split_sections(CleanText.identity("p.md", text)).bibliography
    assert len(parse_reference_list(bibliography)) == 1


def test_notes_in_an_aside_or_footer_are_kept():
    page = ('<p>Text.</p><aside class="footnotes" role="doc-endnotes"><h2>References</h2><ul><li>Lee, K. (2001). '
            'Title.</li></ul></aside><footer id="references"><p>Kim, S. (2002). Other.</p></footer>')
    text = html_text("p.html", page).text
    assert "Lee, K. (2001). Title." in text and "Kim, S. (2002). Other." in text


SHARED = """<html><body><article><h1>Urban heat</h1><p>Hot (Smith, 2019).</p>
<h2>References</h2><ul><li>Smith, J. (2019). Heat waves in London. <em>Weather</em>, 74(3), 90–95.</li></ul>
<section class="share"><h3>Share this article</h3><a href="#">Twitter</a> <a href="#">Facebook</a></section>
<section class="related"><h3>Related articles</h3><ul><li><a href="/a">Heat waves in Europe (2021)</a></li>
<li><a href="/b">Trees and cities, 2019</a></li></ul></section>
<h3>3 Comments</h3><p>Ann Lee (2023). Great post!</p>
</article></body></html>"""


def test_a_site_section_after_the_list_ends_it():
    """A blog's "Share this article" and "Related articles" under headings of their own inside the <article>, after
    its reference list (session 14, users): before, "Twitter Facebook", "Heat waves in Europe (2021)" and "Trees and
    cities, 2019" were three more entries, each a false "listed but never cited" (and "has no title")."""
    clean = html_text("p.html", SHARED)
    bibliography = split_sections(clean).bibliography
    refs = parse_reference_list(bibliography)
    assert [r.title for r in refs] == ["Heat waves in London"]
    assert "Twitter" not in bibliography.text and "Related" not in bibliography.text


def test_a_subheading_of_the_list_stays_in_it():
    page = ("<h2>References</h2><h3>Books</h3><ul><li>Lee, K. (2001). <em>A book</em>. Wiley.</li></ul>"
            "<h3>Articles</h3><ul><li>Kim, S. (2002). A paper. <em>Nature</em>, 1, 2-3.</li></ul>")
    refs = parse_reference_list(split_sections(html_text("p.html", page)).bibliography)
    assert [r.year for r in refs] == [2001, 2002]
