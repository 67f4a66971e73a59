"""Saved pages of more sites: reference lists written in <div>s (OUP, IEEE Xplore, Cambridge Core,
Frontiers), their link buttons, back matter and footers after the list, blog and kramdown notes."""
from __future__ import annotations

import pytest

from citecheck.config import Settings
from citecheck.errors import InputError
from citecheck.model import Kind
from citecheck.parse.html import html_text
from citecheck.pipeline import check


def _check(tmp_path, monkeypatch, page: str):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "page.html").write_text(page, encoding="utf-8")
    return check(["page.html"], Settings())


def _entries(page: str, heading: str = "References") -> list[str]:
    text = html_text("p.html", page).text
    return text.split(f"## {heading}", 1)[1].split("\n\n---", 1)[0].strip().split("\n\n")


# Oxford Academic (MNRAS): one <div> per entry, each field of it in a <div> its CSS shows inline
OUP = """<h1>Galaxy winds</h1>
<p>Winds regulate star formation (<a reveal-id="bib1" class="link link-ref xref-bibr">Heckman, Armus &amp; Miley 1990</a>;
<a reveal-id="bib2" class="link link-ref xref-bibr">Springel &amp; Hernquist 2003</a>).</p>
<h2 class="backreferences-title">REFERENCES</h2><div class="ref-list js-splitview-ref-list">
<div content-id="bib1" class="js-splitview-ref-item"><div id="ref-auto-bib1" class="ref-content"><div class="mixed-citation citation"><div class="name"><div class="surname">Heckman</div> <div class="given-names">T. M.</div></div>, <div class="name"><div class="surname">Armus</div> <div class="given-names">L.</div></div>, <div class="name"><div class="surname">Miley</div> <div class="given-names">G. K.</div></div>, <div class="year">1990</div>, <div class="source">ApJS</div>, <div class="volume">74</div>, <div class="fpage">833</div></div><div class="citation-links"><div class="crossref-doi"><a href="https://doi.org/10.1086/191522">Crossref</a></div><div class="adsDoiReference"><a href="http://adsabs.harvard.edu/abs/1990ApJS...74..833H">Search ADS</a></div><p class="citation-links-compatibility"><a href="https://scholar.google.com/x">Google Scholar</a></p><p><a class="openurl-link" href="https://example.org/openurl">Find in my library</a></p></div></div></div>
<div content-id="bib2" class="js-splitview-ref-item"><div id="ref-auto-bib2" class="ref-content"><div class="mixed-citation citation"><div class="name"><div class="surname">Springel</div> <div class="given-names">V.</div></div>, <div class="name"><div class="surname">Hernquist</div> <div class="given-names">L.</div></div>, <div class="year">2003</div>, <div class="source">MNRAS</div>, <div class="volume">339</div>, <div class="fpage">289</div></div><div class="citation-links"><div class="crossref-doi"><a href="https://doi.org/10.1046/j.1365-8711.2003.06206.x">Crossref</a></div><p><a href="https://www.worldcat.org/x">WorldCat</a></p></div></div></div>
</div>"""


def test_oup_entries_in_divs_are_one_entry_each_with_their_fields_inline(tmp_path, monkeypatch):
    # each field was a line and each button paragraph an entry: "Find in my library" and "WorldCat" were references
    assert _entries(OUP, "REFERENCES") == [
        "Heckman T. M., Armus L., Miley G. K., 1990, ApJS, 74, 833. <https://doi.org/10.1086/191522>",
        "Springel V., Hernquist L., 2003, MNRAS, 339, 289. <https://doi.org/10.1046/j.1365-8711.2003.06206.x>"]
    result = _check(tmp_path, monkeypatch, OUP)
    assert [r.key for r in result.references] == ["heckman1990", "springel2003"]
    assert [r.authors[1].family for r in result.references] == ["Armus", "Hernquist"]
    assert not [f for f in result.findings if f.kind in (Kind.MISSING_REFERENCE, Kind.UNCITED_REFERENCE)]


# IEEE Xplore: div.reference-container, its number in a <div> of its own, "Show in Context" buttons
IEEE = """<h1>Edge inference</h1><p>Residual networks [<a ref-type="bibr" anchor="ref1">1</a>] and transformers
[<a ref-type="bibr" anchor="ref2">2</a>] are heavy.</p>
<div id="references-section-container"><h2>References</h2>
<div class="reference-container"><div class="number"><span>1.</span></div><div class="col"><div>K. He, X. Zhang, S. Ren and J. Sun, "Deep residual learning for image recognition", <em>Proc. CVPR</em>, pp. 770-778, 2016.</div><div class="ref-links-container"><span class="ref-link"><a href="#context_ref_1_1">Show in Context</a></span> <span class="ref-link"><a href="/document/7780459">View Article</a></span> <span class="ref-link"><a href="https://scholar.google.com/x">Google Scholar</a></span></div></div></div>
<div class="reference-container"><div class="number"><span>2.</span></div><div class="col"><div>A. Vaswani et al., "Attention is all you need", <em>Proc. NeurIPS</em>, pp. 5998-6008, 2017.</div><div class="ref-links-container"><span class="ref-link"><a href="#context_ref_2_1">Show in Context</a></span></div></div></div>
</div>"""


def test_ieee_xplore_numbered_entries_in_divs_are_cited_by_number(tmp_path, monkeypatch):
    # the numbers and the texts were lines of their own: no citation matched, "Show in Context 2" an entry's title
    assert _entries(IEEE) == [
        '1. K. He, X. Zhang, S. Ren and J. Sun, "Deep residual learning for image recognition", *Proc. CVPR*, pp. 770-778, 2016.',
        '2. A. Vaswani et al., "Attention is all you need", *Proc. NeurIPS*, pp. 5998-6008, 2017.']
    result = _check(tmp_path, monkeypatch, IEEE)
    assert len(result.references) == 2 and len(result.citations) == 2
    assert not [f for f in result.findings if f.kind in (Kind.MISSING_REFERENCE, Kind.UNCITED_REFERENCE)]


# Cambridge Core: div.circle-list__item, the number in a <div>, the text and the buttons in two more
CAMBRIDGE = """<p>Trust declined (<a class="xref bibr" href="#r1">Norris and Inglehart 2019</a>; <a class="xref bibr" href="#r2">Mudde 2004</a>).</p>
<div class="references"><h2>References</h2><div class="circle-list">
<div class="circle-list__item" id="r1"><div class="circle-list__item__number">1</div><div class="circle-list__item__grouped"><div class="circle-list__item__grouped__content"><span class="mixed-citation book"><span class="surname">Norris</span>, <span class="given-names">P</span> and <span class="surname">Inglehart</span>, <span class="given-names">R</span> (<span class="year">2019</span>) <span class="source">Cultural Backlash</span>. Cambridge: Cambridge University Press.</span></div><div class="circle-list__item__grouped__content"><a class="ref-link" href="https://doi.org/10.1017/9781108595841">CrossRef</a><a class="ref-link" href="https://scholar.google.com/x">Google Scholar</a></div></div></div>
<div class="circle-list__item" id="r2"><div class="circle-list__item__number">2</div><div class="circle-list__item__grouped"><div class="circle-list__item__grouped__content"><span class="mixed-citation journal">Mudde, C (2004) The populist zeitgeist. <span class="source">Government and Opposition</span> 39, 541–563.</span></div><div class="circle-list__item__grouped__content"><a class="ref-link" href="https://doi.org/10.1111/j.1477-7053.2004.00135.x">CrossRef</a></div></div></div>
</div></div>"""


def test_cambridge_core_entries_are_not_run_together(tmp_path, monkeypatch):
    # the entries were lines of one paragraph: read as one entry of 2004, "Norris 2019" a year mismatch, Mudde missing
    result = _check(tmp_path, monkeypatch, CAMBRIDGE)
    assert [(r.authors[0].family, r.year, r.doi) for r in result.references] == [
        ("Norris", 2019, "10.1017/9781108595841"), ("Mudde", 2004, "10.1111/j.1477-7053.2004.00135.x")]
    assert [f.kind for f in result.findings if f.severity.name == "ERROR"] == []


# Frontiers: div.References per entry, its text in p.ReferencesCopy1 and its buttons in p.ReferencesCopy2;
# the article's back matter after the list
FRONTIERS = """<h1>Sleep</h1><p>Sleep supports memory (<a href="#B1">Diekelmann and Born, 2010</a>; <a href="#B2">Crowley et al., 2018</a>).</p>
<h2>References</h2>
<div class="References"><p class="ReferencesCopy1"><a name="B1" id="B1"></a>Diekelmann, S., and Born, J. (2010). The memory function of sleep. <i>Nat. Rev. Neurosci.</i> 11, 114–126. doi: 10.1038/nrn2762</p>
<p class="ReferencesCopy2"><a href="http://www.ncbi.nlm.nih.gov/pubmed/20046194">PubMed Abstract</a> | <a href="https://doi.org/10.1038/nrn2762">CrossRef Full Text</a> | <a href="http://scholar.google.com/x">Google Scholar</a></p></div>
<div class="References"><p class="ReferencesCopy1"><a name="B2" id="B2"></a>Crowley, S. J., Wolfson, A. R., Tarokh, L., and Carskadon, M. A. (2018). An update on adolescent sleep. <i>J. Adolesc.</i> 67, 55–65.</p>
<p class="ReferencesCopy2"><a href="http://scholar.google.com/y">Google Scholar</a></p></div>
<div class="AbstractSummary"><p>Keywords: sleep, memory</p><p>Citation: Smith J (2020) Sleep and memory. Front. Psychol. 11:123.</p>
<p>Received: 01 January 2020; Accepted: 02 February 2020; Published: 03 March 2020.</p>
<p>Copyright © 2020 Smith. This is an open-access article.</p><p>*Correspondence: John Smith, john@example.org</p></div>"""


def test_frontiers_buttons_and_back_matter_are_no_entries(tmp_path, monkeypatch):
    # "PubMed Abstract | CrossRef Full Text" and each line of the back matter were entries (ten in all)
    assert _entries(FRONTIERS) == [
        "Diekelmann, S., and Born, J. (2010). The memory function of sleep. *Nat. Rev. Neurosci.* 11, 114–126. "
        "doi: 10.1038/nrn2762.",
        "Crowley, S. J., Wolfson, A. R., Tarokh, L., and Carskadon, M. A. (2018). An update on adolescent sleep. "
        "*J. Adolesc.* 67, 55–65."]
    result = _check(tmp_path, monkeypatch, FRONTIERS)
    assert [r.doi for r in result.references] == ["10.1038/nrn2762", ""]
    assert [f.kind for f in result.findings if f.severity.name != "INFO"] == []


def test_back_matter_ends_only_a_reference_list():
    prose = "<h2>Methods</h2><p>Received: 12 samples.</p><p>More text.</p>"
    assert "---" not in html_text("p.html", prose).text


def test_more_link_buttons_and_back_links_are_dropped():
    acm = ('<h2>References</h2><ol class="rlist references__list"><li id="ref-00001" class="references__item">'
           '<span class="references__note">Douglas Comer. 1979. Ubiquitous B-Tree. <i>ACM Comput. Surv.</i> 11, 2 (1979), '
           '121–137.<span class="references__suffix"><a href="https://scholar.google.com/y">Google Scholar</a>'
           '<a href="https://doi.org/10.1145/356770.356776">Cross Ref</a><a href="/doi/10.1145/356770.356776">'
           'Digital Library</a></span></span></li></ol>')
    assert _entries(acm) == ["Douglas Comer. 1979. Ubiquitous B-Tree. *ACM Comput. Surv.* 11, 2 (1979), 121–137. "
                             "<https://doi.org/10.1145/356770.356776>"]
    # bioRxiv (HighWire): a "↵" back to the text first, authors in an inner list, "Abstract/FREE Full Text"
    biorxiv = ('<h2>References</h2><ol class="cit-list"><li><a class="rev-xref-ref" href="#xref-ref-1-1" id="ref-1">↵</a>'
               '<div class="cit ref-cit"><div class="cit-metadata"><ol class="cit-auth-list"><li>Cryan, J. F., &amp; </li>'
               '<li>Dinan, T. G.</li></ol> (2012). Mind-altering microorganisms. <i>Nat Rev Neurosci</i>, 13, 701–712.</div>'
               '<div class="cit-extra"><a href="/lookup/external-ref?x"><span>Abstract</span>/<span>FREE Full Text</span></a>'
               '<a href="/openurl?x"><span>OpenUrl</span></a></div></div></li></ol>')
    assert _entries(biorxiv) == ["Cryan, J. F., & Dinan, T. G. (2012). Mind-altering microorganisms. *Nat Rev Neurosci*, "
                                 "13, 701–712."]
    # MDPI: italics in span.html-italic, "[Green Version]" a button
    mdpi = ('<h2>References</h2><ol class="html-xx"><li id="B2-x" class="html-x">Santamouris, M. Cooling the cities. '
            '<span class="html-italic">Sol. Energy</span> <b>2014</b>, <span class="html-italic">103</span>, 682–703. '
            '[<a href="https://scholar.google.com/x">Google Scholar</a>] [<a href="https://doi.org/10.1016/j.solener.2012.07.003">'
            'CrossRef</a>] [<a href="https://discovery.example.ac.uk/x.pdf">Green Version</a>]</li></ol>')
    assert _entries(mdpi) == ["1. Santamouris, M. Cooling the cities. *Sol. Energy* 2014, *103*, 682–703. "
                              "<https://doi.org/10.1016/j.solener.2012.07.003>"]


# Substack: a note's marker a.footnote-anchor, its note div.footnote; the post's footer and the site's in <div>s
SUBSTACK = """<article><h1>Why cities are hotter</h1><div class="body markup">
<p>Cities are hotter (Oke, 1982).<a class="footnote-anchor" id="footnote-anchor-1" href="#footnote-1">1</a></p>
<h3>References</h3><ul><li><p>Oke, T. R. (1982). The energetic basis of the urban heat island. <em>QJRMS</em>, 108, 1–24.</p></li></ul>
<div class="footnote"><a id="footnote-1" href="#footnote-anchor-1" class="footnote-number">1</a><div class="footnote-content"><p>See also Santamouris (2014) for roofs.</p></div></div>
</div><div class="post-footer"><a>Like</a><a href="x">12 Comments</a><a>Share</a></div></article>
<div class="footer-wrap publication-footer"><p>© 2023 Ann Lee</p><p><a>Privacy</a> ∙ <a>Terms</a></p></div>"""


def test_substack_notes_are_read_with_the_text_and_its_footers_left_out(tmp_path, monkeypatch):
    # the note's number "1" and its text were entries, and so were "Like 12 Comments Share", "© 2023 Ann Lee" ...
    text = html_text("p.html", SUBSTACK).text
    assert "(Oke, 1982).[^footnote-1]" in text and "[^footnote-1]: See also Santamouris (2014) for roofs." in text
    assert "Comments" not in text and "Privacy" not in text
    result = _check(tmp_path, monkeypatch, SUBSTACK)
    assert [r.key for r in result.references] == ["okeEnergetic1982"]
    assert [(f.kind, f.message.split('"')[1]) for f in result.findings if f.severity.name != "INFO"] == [
        (Kind.MISSING_REFERENCE, "Santamouris (2014)")]


def test_kramdown_note_markers_are_notes():
    # GOV.UK and Jekyll (kramdown): <sup role="doc-noteref"><a href="#fn:1" rel="footnote">[footnote 1]</a></sup>
    page = ('<p>Deaths rose.<sup id="fnref:1" role="doc-noteref"><a href="#fn:1" class="govuk-link" rel="footnote">'
            '[footnote 1]</a></sup></p><div class="footnotes" role="doc-endnotes"><ol><li id="fn:1" role="doc-endnote">'
            '<p>As Lane (2014) shows. <a href="#fnref:1" class="reversefootnote" role="doc-backlink">↩</a></p></li></ol></div>')
    text = html_text("p.html", page).text
    assert "Deaths rose.[^fn:1]" in text and "[^fn:1]: As Lane (2014) shows." in text and "[footnote 1]" not in text


# GOV.UK: no reference list; its kramdown notes hold the works, each marker cites its note
GOVUK = """<main><h1>Air pollution: applying All Our Health</h1><div class="govspeak">
<p>Air pollution causes up to 36,000 deaths a year.<sup id="fnref:1" role="doc-noteref"><a href="#fn:1" class="govuk-link" rel="footnote">[footnote 1]</a></sup>
Nitrogen dioxide is a key pollutant.<sup id="fnref:2" role="doc-noteref"><a href="#fn:2" rel="footnote">[footnote 2]</a></sup>
It harms children.<sup role="doc-noteref"><a href="#fn:3" rel="footnote">[footnote 3]</a></sup></p>
<div class="footnotes" role="doc-endnotes"><ol>
<li id="fn:1" role="doc-endnote"><p>Public Health England (2018). <a href="https://www.gov.uk/government/publications/no2-mortality" class="govuk-link">Associations of nitrogen dioxide with mortality</a>. <a href="#fnref:1" class="reversefootnote" role="doc-backlink">↩</a></p></li>
<li id="fn:2" role="doc-endnote"><p>Public Health England (2019). <a href="https://www.gov.uk/government/publications/air-pollution-review">Review of interventions to improve outdoor air quality and public health</a>. <a href="#fnref:2" role="doc-backlink">↩</a></p></li>
</ol></div></div></main>"""


def test_a_page_whose_kramdown_notes_hold_its_works(tmp_path, monkeypatch):
    # "no bibliography found": the notes were read as prose, and convert found no references
    result = _check(tmp_path, monkeypatch, GOVUK)
    assert [(r.year, r.urls[0].url) for r in result.references] == [
        (2018, "https://www.gov.uk/government/publications/no2-mortality"),
        (2019, "https://www.gov.uk/government/publications/air-pollution-review")]
    assert [c.text for c in result.citations] == ["[footnote 1]", "[footnote 2]", "[footnote 3]"]
    missing = [f for f in result.findings if f.kind is Kind.MISSING_REFERENCE]
    assert len(missing) == 1 and GOVUK[missing[0].span.start:].startswith('<a href="#fn:3" rel="footnote">[footnote 3]</a>')
    assert missing[0].message == "[3] cites note 3 (1 citation), but the page has no note 3"


# Substack with no reference list: its notes hold the works (Chicago's notes), each marker cites its note
SUBSTACK_NOTES = """<article><h1>Why cities are hot</h1><div class="body markup">
<p>Streets trap heat<a class="footnote-anchor" id="footnote-anchor-1" href="#footnote-1">1</a>, trees help<a
class="footnote-anchor" id="footnote-anchor-2" href="#footnote-2">2</a>, roofs too<a class="footnote-anchor"
href="#footnote-4">4</a>.</p>
<div class="footnote"><a id="footnote-1" href="#footnote-anchor-1" class="footnote-number">1</a><div class="footnote-content"><p>John Smith and Mary Jones, “Urban heat islands and vegetation,” <em>Journal of Urban Climate</em> 12 (2019): 1–20.</p></div></div>
<div class="footnote"><a id="footnote-2" href="#footnote-anchor-2" class="footnote-number">2</a><div class="footnote-content"><p>Ann Lee, <a href="https://example.org/trees">“Trees and tarmac”</a> (2017).</p></div></div>
</div><div class="post-footer"><a>Like</a><a>Share</a></div></article>"""


def test_a_substack_post_whose_notes_hold_its_works(tmp_path, monkeypatch):
    # before: "no bibliography found" (exit 3), and a note's link lost its address ("See this post.")
    result = _check(tmp_path, monkeypatch, SUBSTACK_NOTES)
    assert [(r.key, r.year) for r in result.references] == [("footnote-1", 2019), ("footnote-2", 2017)]
    assert [u.url for u in result.references[1].urls] == ["https://example.org/trees"]
    assert [c.text for c in result.citations] == ["1", "2", "4"]
    missing = [f for f in result.findings if f.kind is Kind.MISSING_REFERENCE]
    assert [f.message for f in missing] == ["[4] cites note 4 (1 citation), but the page has no note 4"]


SUBSTACK_REMARKS = """<article><h1>A walk through Vienna</h1><div class="body markup">
<p>We started at the Naschmarkt<a class="footnote-anchor" id="footnote-anchor-1" href="#footnote-1">1</a> and gave up
on the Ring<a class="footnote-anchor" id="footnote-anchor-2" href="#footnote-2">2</a>.</p>
<div class="footnote"><a id="footnote-1" href="#footnote-anchor-1" class="footnote-number">1</a><div class="footnote-content"><p>Go early: the stalls open at six, and the best coffee is at the far end.</p></div></div>
<div class="footnote"><a id="footnote-2" href="#footnote-anchor-2" class="footnote-number">2</a><div class="footnote-content"><p>My friend insists it is the most beautiful street in Europe.</p></div></div>
</div></article>"""


def test_a_substack_post_whose_notes_are_remarks_has_no_bibliography(tmp_path, monkeypatch):
    # before: each remark was a reference "with no year", "could not be read as a reference" (exit 0, 3 warnings)
    with pytest.raises(InputError, match="no bibliography found"):
        _check(tmp_path, monkeypatch, SUBSTACK_REMARKS)


def test_pandoc_notes_beside_a_reference_list_stay_notes(tmp_path, monkeypatch):
    page = ('<p>Trafficking grew (Barr 2019).<a href="#fn1" class="footnote-ref" id="fnref1" role="doc-noteref"><sup>1</sup>'
            '</a></p><h1>References</h1><div class="csl-entry">Barr, Heather. 2019. China’s Bride Trafficking Problem. '
            '<em>The Diplomat</em>.</div><section class="footnotes" role="doc-endnotes"><hr /><ol><li id="fn1" '
            'role="doc-endnote"><p>As Barr (2019) shows.<a href="#fnref1" role="doc-backlink">↩︎</a></p></li></ol></section>')
    result = _check(tmp_path, monkeypatch, page)
    assert [r.key for r in result.references] == ["barrChinas2019"]
    assert [c.text for c in result.citations] == ["Barr 2019", "Barr (2019)"]


def test_a_wrapper_around_a_list_is_not_one_entry():
    page = ('<h2>References</h2><div class="citation-container references-container"><ul><li>Lee, K. (2001). One.</li>'
            '<li>Kim, S. (2002). Two.</li></ul></div>')
    assert _entries(page) == ["Lee, K. (2001). One.", "Kim, S. (2002). Two."]


# ResearchGate: each reference a card, its title first, then badges, date, venue and DOI, authors, abstract, buttons
def _card(title: str, meta: list[str], authors: list[str]) -> str:
    items = "".join(f'<li class="nova-legacy-e-list__item nova-legacy-v-publication-item__meta-data-item"><span>{m}</span></li>'
                    for m in meta)
    people = "".join(f'<li class="nova-legacy-e-list__item nova-legacy-v-publication-item__person-list-item"><a class='
                     f'"nova-legacy-v-person-inline-item" href="profile/x"><span class="nova-legacy-v-person-inline-item__fullname">'
                     f'{a}</span></a></li>' for a in authors)
    return (
        '<div class="nova-legacy-o-stack__item"><div class="nova-legacy-v-publication-item nova-legacy-v-publication-item--size-m">'
        '<div class="nova-legacy-v-publication-item__body"><div class="nova-legacy-v-publication-item__stack">'
        '<div class="nova-legacy-v-publication-item__stack-item"><div class="nova-legacy-e-text nova-legacy-e-text--size-l '
        f'nova-legacy-v-publication-item__title"><a class="nova-legacy-e-link nova-legacy-e-link--theme-bare" href="publication/1">{title}</a></div></div>\n'
        '<div class="nova-legacy-v-publication-item__stack-item"><div class="nova-legacy-v-publication-item__meta">'
        '<div class="nova-legacy-v-publication-item__meta-left"><span class="nova-legacy-e-badge nova-legacy-v-publication-item__badge">Article</span></div>'
        '<div class="nova-legacy-v-publication-item__meta-left"><span class="nova-legacy-e-badge nova-legacy-v-publication-item__badge">Full-text available</span></div>'
        f'<div class="nova-legacy-v-publication-item__meta-right"><ul class="nova-legacy-e-list nova-legacy-v-publication-item__meta-data">{items}</ul></div></div></div>\n'
        '<div class="nova-legacy-v-publication-item__stack-item"><ul class="nova-legacy-e-list nova-legacy-v-publication-item__person-list">'
        f'{people}</ul></div>\n'
        '<div class="nova-legacy-v-publication-item__stack-item"><div class="nova-legacy-v-publication-item__description">'
        'The urban heat island is one of the most significant human-induced changes (2014).</div></div>\n'
        '<div class="nova-legacy-v-publication-item__stack-item"><div class="nova-legacy-v-publication-item__actions">'
        '<a class="nova-legacy-c-button" href="publication/1"><span class="nova-legacy-c-button__label">View</span></a>'
        '<button class="nova-legacy-c-button"><span>Show abstract</span></button></div></div></div></div></div></div>\n')


RESEARCHGATE = (
    '<h1 class="nova-legacy-e-text">Heat, health and the city</h1><div class="nova-legacy-c-card"><h2>Abstract</h2>'
    '<div>Cities are warmer (Zhao et al., 2014), and heat kills (Gasparrini et al., 2015).</div></div>'
    '<div class="nova-legacy-c-card js-target-reference"><div class="nova-legacy-c-card__header"><h2 class="nova-legacy-e-text">'
    'References (2)</h2></div><div class="nova-legacy-c-card__body"><div class="nova-legacy-o-stack">\n'
    + _card("Strong contributions of local background climate to urban heat islands",
            ["Jul 2014", "Nature", "DOI:<!-- --> <!-- -->10.1038/nature13462"], ["Lei Zhao", "Xuhui Lee", "Ronald B. Smith"])
    + _card("Mortality risk attributable to high and low ambient temperature", ["May 2015", "The Lancet"],
            ["Antonio Gasparrini", "Yuming Guo", "[...]", "Ben Armstrong"])
    + '</div></div></div><footer>© 2008-2024 ResearchGate GmbH. All rights reserved.</footer>')


def test_researchgate_reference_cards_are_one_entry_each_with_their_fields(tmp_path, monkeypatch):
    assert _entries(RESEARCHGATE) == [
        "Lei Zhao; Xuhui Lee; Ronald B. Smith (2014). Strong contributions of local background climate to urban heat "
        "islands. Nature. doi:10.1038/nature13462",
        "Antonio Gasparrini; Yuming Guo; Ben Armstrong et al. (2015). Mortality risk attributable to high and low "
        "ambient temperature. The Lancet."]
    result = _check(tmp_path, monkeypatch, RESEARCHGATE)
    assert [(r.authors[0].family, r.year, r.doi) for r in result.references] == [
        ("Zhao", 2014, "10.1038/nature13462"), ("Gasparrini", 2015, "")]
    assert not [f for f in result.findings if f.kind in (Kind.MISSING_REFERENCE, Kind.UNCITED_REFERENCE)]


def test_google_docs_redirect_links_are_the_addresses_they_carry():
    # Google Docs' "Download > Web page" links every address through google.com/url: the entry had two URLs,
    # and the redirect was the one checked
    page = ('<h2>References</h2><p class="c3"><span class="c1">Zhao, L. (2014). Strong contributions. </span>'
            '<span class="c7">Nature, 511</span><span class="c1">, 216&ndash;219. </span><span class="c11"><a class="c10" '
            'href="https://www.google.com/url?q=https://www.nature.com/articles/nature13462&amp;sa=D&amp;source=editors'
            '&amp;ust=1700000000000000&amp;usg=AOvVaw1xyz">https://www.nature.com/articles/nature13462</a></span></p>'
            '<p class="c3"><span class="c1">Lane, R. (2014). </span><span class="c7">Quality</span><span class="c1">. '
            '<a href="https://www.google.com/url?q=https://example.org/lane%3Fid%3D3&amp;sa=D">the publisher</a>.</span></p>')
    assert _entries(page) == [
        "Zhao, L. (2014). Strong contributions. Nature, 511, 216–219. https://www.nature.com/articles/nature13462",
        "Lane, R. (2014). Quality. the publisher <https://example.org/lane?id=3>."]


# Sphinx with sphinxcontrib-bibtex (as Jupyter Book builds it): a "¶" permalink after each heading, a
# div.citation-list of div.citation entries, each its alpha label in a span, then its text in a <p>
SPHINX = """<section id="heat"><h1>Heat<a class="headerlink" href="#heat" title="Link to this heading">¶</a></h1>
<p>Heat kills <span id="id1">[<a class="reference internal" href="#id4" title="">GGH15</a>]</span>.</p>
<section id="references"><h2>References<a class="headerlink" href="#references" title="Link to this heading">¶</a></h2>
<div class="docutils container" id="id7"><div role="list" class="citation-list">
<div class="citation" id="id4" role="doc-biblioentry">
<span class="label"><span class="fn-bracket">[</span>GGH15<span class="fn-bracket">]</span></span>
<p>Antonio Gasparrini, Yuming Guo, and Masahiro Hashizume. Mortality risk attributable to temperature.
<em>The Lancet</em>, 386(9991):369–375, 2015.</p></div>
<div class="citation" id="id6" role="doc-biblioentry">
<span class="label"><span class="fn-bracket">[</span>OMCV17<span class="fn-bracket">]</span></span>
<p>Timothy R. Oke and Gerald Mills. <em>Urban Climates</em>. Cambridge University Press, Cambridge, 2017.</p></div>
</div></div></section></section>"""


def test_sphinx_bibliography_entries_keep_their_labels_and_cite_by_them(tmp_path, monkeypatch):
    # the heading read "References¶" and got a second "## References"; the first entry's label was an entry of its
    # own, the others' followed by " . "; "[GGH15]" cited nothing
    assert _entries(SPHINX) == [
        "[GGH15] Antonio Gasparrini, Yuming Guo, and Masahiro Hashizume. Mortality risk attributable to temperature. "
        "*The Lancet*, 386(9991):369–375, 2015.",
        "[OMCV17] Timothy R. Oke and Gerald Mills. *Urban Climates*. Cambridge University Press, Cambridge, 2017."]
    result = _check(tmp_path, monkeypatch, SPHINX)
    assert [c.text for c in result.citations] == ["[GGH15]"] and result.citation_targets[0] == result.references[0].key
    assert [f.kind for f in result.findings if f.severity > 0] == [Kind.UNCITED_REFERENCE]
