"""Saved publisher pages: numbered markers linked to their entries, link buttons, charsets, other languages."""
from __future__ import annotations

from citecheck.config import Settings
from citecheck.model import Kind
from citecheck.parse.html import html_text
from citecheck.pipeline import check


def _check(tmp_path, monkeypatch, page: str | bytes):
    monkeypatch.chdir(tmp_path)
    if isinstance(page, bytes):
        (tmp_path / "page.html").write_bytes(page)
    else:
        (tmp_path / "page.html").write_text(page, encoding="utf-8")
    return check(["page.html"], Settings())


def _entry(page: str, start: str) -> str:
    return next(line for line in html_text("p.html", page).text.split("\n") if start in line)


# Springer Nature: an <ol> the site numbers with CSS, each entry's id on its <p>; markers link to it
SPRINGER = """<main><article><h1>Folding</h1>
<p>Prediction advanced<sup><a data-track="click" href="#ref-CR1" id="ref-link-1">1</a>,<a href="#ref-CR2">2</a></sup>.
Coevolution<sup><a href="#ref-CR3">3</a></sup> and models<sup><a href="#ref-CR4">4</a>,<a href="#ref-CR9">9</a></sup>.</p>
<h2 class="c-article-section__title">References</h2><ol class="c-article-references">
<li class="c-article-references__item" data-counter="1."><p class="c-article-references__text" id="ref-CR1">Jumper, J. et al. Highly accurate protein structure prediction. <i>Nature</i> <b>596</b>, 583–589 (2021).</p><p class="c-article-references__links"><a href="https://doi.org/10.1038%2Fs41586-021-03819-2">Article</a> <a href="http://scholar.google.com/x">Google Scholar</a></p></li>
<li class="c-article-references__item" data-counter="2."><p class="c-article-references__text" id="ref-CR2">Baek, M. et al. Accurate prediction of protein structures. <i>Science</i> <b>373</b>, 871–876 (2021).</p></li>
<li class="c-article-references__item" data-counter="3."><p class="c-article-references__text" id="ref-CR3">Marks, D. S. et al. Protein 3D structure from sequence variation. <i>PLoS One</i> <b>6</b>, 1–20 (2011).</p></li>
<li class="c-article-references__item" data-counter="4."><p class="c-article-references__text" id="ref-CR4">Lin, Z. et al. Evolutionary-scale prediction of atomic-level protein structure. <i>Science</i> <b>379</b>, 1123–1130 (2023).</p></li>
<li class="c-article-references__item" data-counter="5."><p class="c-article-references__text" id="ref-CR5">Senior, A. W. et al. Improved protein structure prediction. <i>Nature</i> <b>577</b>, 706–710 (2020).</p></li>
</ol></article></main>"""


def test_springer_markers_cite_the_entries_they_link_to(tmp_path, monkeypatch):
    result = _check(tmp_path, monkeypatch, SPRINGER)
    assert len(result.references) == 5 and len(result.citations) == 4
    found = sorted((f.kind, f.message.split(":")[0]) for f in result.findings
                   if f.kind in {Kind.MISSING_REFERENCE, Kind.UNCITED_REFERENCE})
    assert [k for k, _ in found] == [Kind.MISSING_REFERENCE, Kind.UNCITED_REFERENCE]
    missing = next(f for f in result.findings if f.kind == Kind.MISSING_REFERENCE)
    assert "entry 9" in missing.message
    assert SPRINGER[missing.span.start:missing.span.end] == '4</a>,<a href="#ref-CR9">9'  # the markers, no more
    uncited = next(f for f in result.findings if f.kind == Kind.UNCITED_REFERENCE)
    assert "Senior" in uncited.message and uncited.span.line == 9
    assert SPRINGER[uncited.span.start:].startswith("Senior, A. W.")


# PubMed Central: a <ul> of <li id="R1">; "[3–5]" links to R3 and R5 only; buttons in brackets
PMC = """<div class="jig-ncbiinpagenav"><h1>Sleep</h1>
<p>Sleep consolidates memory [<a href="#R1" rid="R1" class=" bibr popnode">1</a>,<a href="#R2" class="bibr">2</a>]. Slow oscillations [<a href="#R3" class="bibr">3</a>–<a href="#R5" class="bibr">5</a>].</p>
<h2 class="head">References</h2><div class="ref-list-sec"><ul class="back-ref-list">
<li id="R1"><span class="element-citation">Diekelmann S, Born J. The memory function of sleep. <span class="ref-journal">Nat Rev Neurosci. </span>2010;11:114–126.</span> [<a href="https://doi.org/10.1038/nrn2762" class="int-reflink">DOI</a>] [<a href="https://pubmed.ncbi.nlm.nih.gov/20046194">PubMed</a>] [<a href="https://scholar.google.com/x">Google Scholar</a>]</li>
<li id="R2"><span class="element-citation">Rasch B, Born J. About sleep's role in memory. <span class="ref-journal">Physiol Rev. </span>2013;93:681–766.</span> [<a href="https://www.ncbi.nlm.nih.gov/pmc/articles/PMC3768102/">PMC free article</a>] [<a href="https://scholar.google.com/y">Google Scholar</a>]</li>
<li id="R3"><span class="element-citation">Marshall L, Born J. Boosting slow oscillations during sleep. <span class="ref-journal">Nature. </span>2006;444:610–613.</span></li>
<li id="R4"><span class="element-citation">Tononi G, Cirelli C. Sleep and the price of plasticity. <span class="ref-journal">Neuron. </span>2014;81:12–34.</span></li>
<li id="R5"><span class="element-citation">Walker MP, Stickgold R. Sleep-dependent learning. <span class="ref-journal">Neuron. </span>2004;44:121–133.</span></li>
</ul></div></div>"""


def test_pmc_markers_and_a_range_between_them(tmp_path, monkeypatch):
    result = _check(tmp_path, monkeypatch, PMC)
    assert len(result.references) == 5 and len(result.citations) == 5
    assert not [f for f in result.findings if f.kind in {Kind.MISSING_REFERENCE, Kind.UNCITED_REFERENCE}]
    assert _entry(PMC, "Tononi").startswith("4. Tononi G")


def test_pmc_bracketed_link_buttons_leave_no_empty_brackets():
    assert _entry(PMC, "Diekelmann").endswith("2010;11:114–126. <https://doi.org/10.1038/nrn2762>")
    assert _entry(PMC, "Rasch").endswith("2013;93:681–766.")


# arXiv's HTML (LaTeXML): <li class="ltx_bibitem"> with its "[3]" tag and blocks in spans; an
# author-date citation linking its names and its year to the entry
ARXIV = """<article class="ltx_document"><h1 class="ltx_title">Attention</h1>
<p class="ltx_p">Transformers <cite class="ltx_cite">[<a href="#bib.bib12" class="ltx_ref">12</a>]</cite> dominate. Sparse variants <cite class="ltx_cite">[<a href="#bib.bib3" class="ltx_ref">3</a>]</cite>, kernels <cite class="ltx_cite ltx_citemacro_citep">(<a href="#bib.bib5" class="ltx_ref">Choromanski et al.</a>, <a href="#bib.bib5" class="ltx_ref">2021</a>)</cite>.</p>
<section id="bib" class="ltx_bibliography"><h2 class="ltx_title ltx_title_bibliography">References</h2><ul class="ltx_biblist">
<li id="bib.bib3" class="ltx_bibitem"><span class="ltx_tag ltx_role_refnum ltx_tag_bibitem">[3]</span><span class="ltx_bibblock">I. Beltagy, M. E. Peters, and A. Cohan.</span><span class="ltx_bibblock">Longformer: the long-document transformer.</span><span class="ltx_bibblock"><span class="ltx_text ltx_font_italic">arXiv preprint arXiv:2004.05150</span>, 2020.</span></li>
<li id="bib.bib5" class="ltx_bibitem"><span class="ltx_tag ltx_role_refnum ltx_tag_bibitem">[5]</span><span class="ltx_bibblock">K. Choromanski, V. Likhosherstov, and D. Dohan.</span><span class="ltx_bibblock">Rethinking attention with performers.</span><span class="ltx_bibblock">In <span class="ltx_text ltx_font_italic">International Conference on Learning Representations</span>, 2021.</span></li>
<li id="bib.bib12" class="ltx_bibitem"><span class="ltx_tag ltx_role_refnum ltx_tag_bibitem">[12]</span><span class="ltx_bibblock">A. Vaswani and N. Shazeer.</span><span class="ltx_bibblock">Attention is all you need.</span><span class="ltx_bibblock">In <span class="ltx_text ltx_font_italic">Advances in Neural Information Processing Systems</span>, pp. 5998–6008, 2017.</span></li>
</ul></section></article>"""


def test_arxiv_bibitems_keep_their_tag_blocks_and_italics(tmp_path, monkeypatch):
    assert _entry(ARXIV, "Beltagy") == ("[3] I. Beltagy, M. E. Peters, and A. Cohan. Longformer: the long-document "
                                        "transformer. *arXiv preprint arXiv:2004.05150*, 2020.")
    assert _entry(ARXIV, "Choromanski, V").startswith("[5] K. Choromanski")  # no "2021. " from its year's link
    result = _check(tmp_path, monkeypatch, ARXIV)
    assert len(result.citations) == 3 and not [f for f in result.findings if f.severity.value >= 2]
    by_key = {r.key: r for r in result.references}
    assert any(r.container == "International Conference on Learning Representations" for r in by_key.values())


# a page in another language, in the charset its <meta> declares
GERMAN = """<!DOCTYPE html><html lang="de"><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1252">
<title>Migration – ein Überblick</title></head><body><h1>Migration – ein Überblick</h1>
<p>Wie Müller (2019) zeigt, ist die „Flüchtlingskrise“ ein Diskurs (Weiß, 2020).</p>
<h2>Literatur</h2>
<ul><li>Müller, J. (2019). <i>Grenzen der Migration</i>. Frankfurt am Main: Suhrkamp.</li>
<li>Weiß, B. (2020). Flucht und Asyl – eine Bilanz. <i>Zeitschrift für Soziologie</i>, 49(2), 101–120.</li></ul>
</body></html>"""


def test_a_windows_1252_page_as_its_meta_charset_says(tmp_path, monkeypatch):
    result = _check(tmp_path, monkeypatch, GERMAN.encode("cp1252"))
    assert [r.authors[0].family for r in result.references] == ["Müller", "Weiß"]
    assert len(result.citations) == 2 and not [f for f in result.findings if f.severity.value >= 2]


def test_reference_headings_in_other_languages(tmp_path, monkeypatch):
    for title in ("Literatur", "Bibliographie", "Referencias", "Einzelnachweise", "Références"):
        page = GERMAN.replace("<h2>Literatur</h2>", f"<h2>{title}</h2>")
        result = _check(tmp_path, monkeypatch, page)
        assert len(result.references) == 2 and len(result.citations) == 2, title
    text = html_text("p.html", GERMAN)
    at = text.text.index("## References") + 3
    assert GERMAN[text.origin[at]:].startswith("Literatur</h2>")


HEAT = """<main><article><h1>Urban heat islands</h1>
<p>Cities are warmer (Oke, 1982). Green roofs help (Santamouris, 2014).</p>
LIST
</article></main>"""
ENTRIES = """<ul><li>Oke, T. R. (1982). The energetic basis of the urban heat island. <i>Quarterly Journal of the Royal Meteorological Society</i>, 108(455), 1–24.</li>
<li>Santamouris, M. (2014). Cooling the cities. <i>Solar Energy</i>, 103, 682–703.</li></ul>"""


def test_a_reference_list_folded_in_details_or_loaded_from_a_template(tmp_path, monkeypatch):
    shapes = {"details": f'<details class="acc"><summary>References (2)</summary>{ENTRIES}</details>',
              "counted heading": f"<h2>References (2)</h2>{ENTRIES}",
              "template": f'<h2>References</h2><div><button>Show references</button></div><template id="refs">{ENTRIES}</template>'}
    for shape, block in shapes.items():
        page = HEAT.replace("LIST", block)
        result = _check(tmp_path, monkeypatch, page)
        assert len(result.references) == 2 and len(result.citations) == 2, shape
        assert not [f for f in result.findings if f.severity.value >= 2], shape
        assert "Show references" not in html_text("p.html", page).text
    other = HEAT.replace("LIST", f"<p>x</p><template id='modal'><p>Cite this (Nobody, 2001)</p></template><h2>References</h2>{ENTRIES}")
    assert "Nobody" not in html_text("p.html", other).text  # any other template is inert


def test_sciencedirect_buttons_and_counts_leave_the_entry(tmp_path, monkeypatch):
    page = """<article><h1>Microplastics</h1><div>Ubiquitous <a class="anchor" href="#bib1" name="bbib1"><span class="anchor-text">[1]</span></a>.</div>
<section class="bibliography"><h2 class="section-title">References</h2><ol class="references">
<li><span class="label"><a href="#bbib1" id="ref-id-bib1"><span class="anchor-text">[1]</span></a></span><span class="reference" id="bib1"><div class="contribution"><div class="authors">A.L. Andrady</div><div class="title text-m">Microplastics in the marine environment</div></div><div class="host">Mar. Pollut. Bull., 62 (2011), pp. 1596-1605</div><div class="comment">Cited by (1234)</div><div class="ReferenceLinks"><a href="https://doi.org/10.1016/j.marpolbul.2011.05.030"><span class="anchor-text">View PDF</span></a><a href="/science/article/pii/S0025326X11003055">View article</a><a href="https://www.scopus.com/inward/record.url?eid=2"><span class="anchor-text">View in Scopus</span></a></div></span></li>
<li><span class="label"><a href="#bbib2" id="ref-id-bib2">[2]</a></span><span class="reference" id="bib2"><div class="authors">M. Eriksen</div><div class="title">Microplastic pollution in the Great Lakes</div><div class="host">Mar. Pollut. Bull., 77 (2013), pp. 177-182</div></span></li>
</ol></section></article>"""
    assert _entry(page, "Andrady") == ("[1] A.L. Andrady. Microplastics in the marine environment. Mar. Pollut. Bull., "
                                       "62 (2011), pp. 1596-1605. <https://doi.org/10.1016/j.marpolbul.2011.05.030>")


def test_wiley_hidden_doi_and_times_cited(tmp_path, monkeypatch):
    page = """<article><h1>Anxiety</h1><p>Common (<a href="#b2" class="bibLink">Beesdo, <span>2009</span></a>).</p>
<h2>References</h2><ul class="rlist separator"><li data-bib-id="b2" id="b2"><span class="author">Beesdo, K.</span> (<span class="pubYear">2009</span>). <span class="articleTitle">Anxiety disorders in adolescents</span>. <i>Psychiatric Clinics of North America</i>, <span class="vol">32</span>, 483–524.<div class="extra-links getFTR"><span class="hidden data-doi">10.1016/j.psc.2009.06.002</span><a href="/servlet/linkout?key=x" class="ref__link ref-cr">CrossRef</a><a href="/servlet/linkout?dbid=128" class="ref__link ref-wos">Web of Science®</a>Times Cited: 1,204<a href="/servlet/linkout?dbid=11">Google Scholar</a><span class="sr-only">(opens in new window)</span></div></li></ul></article>"""
    assert _entry(page, "Beesdo, K.").endswith("North America*, 32, 483–524. <https://doi.org/10.1016/j.psc.2009.06.002>")
    result = _check(tmp_path, monkeypatch, page)
    assert [r.doi for r in result.references] == ["10.1016/j.psc.2009.06.002"] and len(result.citations) == 1


def test_taylor_and_francis_buttons_and_the_doi_their_linkout_carries():
    page = """<article><h1>Populism</h1><p>Attacks (Krämer <a class="ref lazy-ref bibr" data-rid="CIT0003" href="#CIT0003">2018</a>).</p>
<h2>References</h2><ul class="references numeric-ordered-list">
<li id="CIT0002">Engesser, S. 2017. “Populism and Social Media.” <i>Information, Communication &amp; Society</i> 20 (8): 1109–1126. doi:<a href="https://doi.org/10.1080/1369118X.2016.1207697">10.1080/1369118X.2016.1207697</a>.<span class="refLink-block"> <span class="xlinks-container"><a href="/servlet/linkout?suffix=CIT0002&amp;dbid=16&amp;doi=10.1080%2Fx&amp;key=10.1080%2F1369118X.2016.1207697">[Taylor &amp; Francis Online]</a>, <a href="/servlet/linkout?dbid=128">[Web of Science ®]</a></span>, <a href="http://scholar.google.com/x">[Google Scholar]</a></span></li>
<li id="CIT0003">Krämer, B. 2018. “Populism, Media, and the Form of Society.” <i>Communication Theory</i> 28 (4): 444–465.<span class="refLink-block"> <span class="xlinks-container"><a href="/servlet/linkout?suffix=CIT0003&amp;dbid=16&amp;key=10.1093%2Fct%2Fqty017">[Crossref]</a>, <a href="/servlet/linkout?dbid=128">[Web of Science ®]</a></span></span></li>
</ul></article>"""
    assert _entry(page, "Engesser").endswith("1109–1126. doi:10.1080/1369118X.2016.1207697.")
    assert _entry(page, "Krämer, B.").endswith("28 (4): 444–465. <https://doi.org/10.1093/ct/qty017>")
    assert not _entry(page, "Krämer, B.").startswith("2018")  # the year its citation links is no number


def test_a_bold_paragraph_heads_the_list_and_a_rule_ends_it(tmp_path, monkeypatch):
    page = """<article><header class="entry-header"><h1 class="entry-title">The Liberal Order in Crisis?</h1></header>
<div class="entry-content"><p>Ikenberry (2018) argues it survives; others disagree (Nye, 2017).</p>
<p><strong>Bibliography</strong></p>
<p>Ikenberry, G. J. (2018) ‘The end of liberal international order?’, <em>International Affairs</em>, 94(1), pp. 7–23.</p>
<p>Nye, J. S. (2017) ‘Will the Liberal Order Survive?’, <em>Foreign Affairs</em>, 96(1), pp. 10–16.</p>
<hr>
<p><strong>Written at:</strong> University of Warwick<br><strong>Date written:</strong> January 2021</p>
</div></article>"""
    assert _entry(page, "Nye, J. S.").endswith("*Foreign Affairs*, 96(1), pp. 10–16.")
    result = _check(tmp_path, monkeypatch, page)
    assert [r.authors[0].family for r in result.references] == ["Ikenberry", "Nye"]
    assert not [f for f in result.findings if f.severity.value >= 2]
    decorated = "<h2>References</h2><hr><ul><li>Nye, J. S. (2017) ‘Will the Liberal Order Survive?’, <em>Foreign Affairs</em>, 96(1), pp. 10–16.</li></ul>"
    assert "Nye, J. S." in _entry(decorated, "Nye") and "---" not in html_text("p.html", decorated).text


def test_plos_label_glued_to_its_entry_and_its_link_buttons(tmp_path, monkeypatch):
    page = """<div class="article-content"><h1>Bees</h1><p>Declining [<a href="#pbio.ref001" class="ref-tip">1</a>,<a href="#pbio.ref002" class="ref-tip">2</a>].</p>
<h2>References</h2><ol class="references">
<li><span class="label">1.</span><a id="pbio.ref001" name="pbio.ref001" class="link-target"></a>Potts SG, Kunin WE. Global pollinator declines: trends, impacts and drivers. Trends Ecol Evol. 2010;25(6):345–353. <ul class="reflinks"><li><a href="https://doi.org/10.1016/j.tree.2010.01.007">View Article</a></li><li><a href="http://www.ncbi.nlm.nih.gov/pubmed/20188434">PubMed/NCBI</a></li><li><a href="http://scholar.google.com/x">Google Scholar</a></li></ul></li>
<li><span class="label">2.</span><a id="pbio.ref002" name="pbio.ref002" class="link-target"></a>Goulson D, Rotheray EL. Bee declines driven by combined stress. Science. 2015;347(6229):1255957.</li>
</ol></div>"""
    assert _entry(page, "Potts SG") == ("1. Potts SG, Kunin WE. Global pollinator declines: trends, impacts and drivers. "
                                        "Trends Ecol Evol. 2010;25(6):345–353. <https://doi.org/10.1016/j.tree.2010.01.007>")
    result = _check(tmp_path, monkeypatch, page)
    assert len(result.citations) == 2 and not [f for f in result.findings if f.severity.value >= 2]
    assert [r.urls for r in result.references][0] == ()


def test_pandoc_numeric_csl_entries_keep_their_number_with_their_text(tmp_path, monkeypatch):
    refs = """<div id="refs" class="references csl-bib-body" role="list">
<div id="ref-lal2004" class="csl-entry" role="listitem">
<div class="csl-left-margin">1. </div><div class="csl-right-inline">Lal R. Soil carbon sequestration impacts on global climate change. Science. 2004;304(5677):1623–7. </div>
</div>
<div id="ref-scharlemann2014" class="csl-entry" role="listitem">
<div class="csl-left-margin">2. </div><div class="csl-right-inline">Scharlemann JP, Kapos V. Global soil carbon. Carbon Management. 2014;5(1):81–91. </div>
</div></div>"""
    body = """<p>Soils store carbon <span class="citation">[<a href="#ref-lal2004" role="doc-biblioref">1</a>]</span>, more than plants <span class="citation">[<a href="#ref-scharlemann2014" role="doc-biblioref">2</a>, <a href="#ref-lal2004" role="doc-biblioref">1</a>]</span>.</p>"""
    for heading in ('<h1 class="unnumbered" id="references">References</h1>', ""):
        page = body + heading + refs
        assert _entry(page, "Lal R.").startswith("1. Lal R. Soil carbon")
        result = _check(tmp_path, monkeypatch, page)
        assert len(result.references) == 2 and len(result.citations) == 3, heading
        assert not [f for f in result.findings if f.severity.value >= 2], heading


def test_springer_book_button_keeps_its_doi():
    page = """<h2>References</h2><ul class="c-article-references"><li class="c-article-references__item"><p class="c-article-references__text" id="ref-CR1">Constable N (ed) (2005) Cross-border marriages. University of Pennsylvania Press, Philadelphia</p><p class="c-article-references__links u-hide-print"><a href="https://doi.org/10.9783%2F9780812201079">Book</a>&#160;<a href="http://www.emis.de/MATH-item?x">MATH</a>&#160;<a href="http://scholar.google.com/x">Google Scholar</a>&#160;</p></li></ul>"""
    assert _entry(page, "Constable") == ("Constable N (ed) (2005) Cross-border marriages. University of Pennsylvania "
                                         "Press, Philadelphia. <https://doi.org/10.9783/9780812201079>")


def test_a_cited_by_link_is_no_part_of_the_entry():
    page = ('<h2>References</h2><ul><li>Lee, B. (2001). <i>Title</i>. Pub. <a href="https://scholar.google.com/'
            'scholar?cites=1">Cited by 12</a> <a href="https://x.org/c">Cited by (3)</a></li></ul>')
    assert _entry(page, "Lee, B.") == "Lee, B. (2001). *Title*. Pub."


def test_wikipedia_doi_label_link_stays_while_pmc_doi_button_goes():
    wiki = ('<h2>References</h2><ol class="references"><li id="cite_note-1"><span class="reference-text"><cite>Hughes, T. '
            '(2017). "Bleaching". <i>Nature</i>. <b>543</b>: 373–377. <a href="/wiki/Doi_(identifier)">doi</a>:'
            '<a href="https://doi.org/10.1038%2Fnature21707">10.1038/nature21707</a>.</cite></span></li></ol>')
    assert _entry(wiki, "Hughes").endswith("373–377. doi:10.1038/nature21707.")
    pmc = ('<h2>References</h2><ul><li id="R1">Born J. Sleep. Nat Rev Neurosci. 2010;11:114–126. '
           '[<a href="https://doi.org/10.1038/nrn2762">DOI</a>] [<a href="https://pubmed.ncbi.nlm.nih.gov/1">PubMed</a>]</li></ul>')
    assert _entry(pmc, "Born J.") == "Born J. Sleep. Nat Rev Neurosci. 2010;11:114–126. <https://doi.org/10.1038/nrn2762>"


# arXiv's HTML (LaTeXML) of a natbib author-year paper: each entry opens with a tag repeating its citation
ARXIV_AUTHOR_YEAR = """<article class="ltx_document"><div class="ltx_para"><p class="ltx_p">Cities are warmer
<cite class="ltx_cite ltx_citemacro_citep">(<a href="#bib.bib2" class="ltx_ref">Zhao et al.</a>, <a href="#bib.bib2"
class="ltx_ref">2014</a>)</cite>; <cite class="ltx_cite ltx_citemacro_citet"><a href="#bib.bib1" class="ltx_ref">Oke
et al.</a> (<a href="#bib.bib1" class="ltx_ref">2017</a>)</cite> describe it.</p></div>
<section id="bib" class="ltx_bibliography"><h2 class="ltx_title ltx_title_bibliography">References</h2>
<ul class="ltx_biblist">
<li id="bib.bib1" class="ltx_bibitem">
<span class="ltx_tag ltx_role_refnum ltx_tag_bibitem">Oke et al. (2017)</span>
<span class="ltx_bibblock"> Oke, T. R., Mills, G., &amp; Voogt, J. A. (2017). <em class="ltx_emph ltx_font_italic">Urban climates</em>.
Cambridge University Press.
</span></li>
<li id="bib.bib2" class="ltx_bibitem">
<span class="ltx_tag ltx_role_refnum ltx_tag_bibitem">Zhao et al. (2014)</span>
<span class="ltx_bibblock"> Zhao, L., Lee, X., &amp; Smith, R. B. (2014). Strong contributions of local background climate.
<em class="ltx_emph ltx_font_italic">Nature</em>, 511, 216–219.
</span></li></ul></section></article>"""


def test_arxiv_author_year_tags_are_left_out_of_their_entries(tmp_path, monkeypatch):
    # "Zhao et al. (2014) . Zhao, L., ..." was read with "Zhao and others" as its authors and no title
    text = html_text("p.html", ARXIV_AUTHOR_YEAR).text
    assert "\n\nZhao, L., Lee, X., & Smith, R. B. (2014). Strong contributions" in text
    assert "Zhao et al. (2014) ." not in text
    result = _check(tmp_path, monkeypatch, ARXIV_AUTHOR_YEAR)
    assert [(r.authors[1].family, r.title) for r in result.references] == [
        ("Mills", "Urban climates"), ("Lee", "Strong contributions of local background climate")]
    assert not [f for f in result.findings if f.severity > 0]


# ScienceDirect: each entry opens with its author-date label, then the authors, title and host in <div>s
SCIENCEDIRECT = """<article><h1>Urban heat</h1>
<div class="Body"><p>Heat islands are documented (<a class="anchor" href="#bib2"><span class="anchor-text">Smith et al.,
2019</span></a>; <a class="anchor" href="#bib1"><span class="anchor-text">García, 2020</span></a>).</p></div>
<section class="bibliography"><h2 class="section-title">References</h2><ol class="references">
<li><span class="label u-font-sans"><a class="anchor" href="#bbib1" id="ref-id-bib1"><span class="anchor-text">García,
2020</span></a></span><span class="reference" id="sref1"><div class="contribution"><div class="authors u-font-sans">M.
García</div><div class="title text-m">Cities in the Anthropocene</div></div><div class="host u-font-sans">Oxford
University Press, Oxford (2020)</div></span><div class="ReferenceLinks u-font-sans"><a class="link"
href="https://scholar.google.com/x">Google Scholar</a></div></li>
<li><span class="label u-font-sans"><a class="anchor" href="#bbib2" id="ref-id-bib2"><span class="anchor-text">Smith et
al., 2019</span></a></span><span class="reference" id="sref2"><div class="contribution"><div class="authors
u-font-sans">J. Smith, M. Jones, K. Lee</div><div class="title text-m">Urban heat islands and vegetation</div></div><div
class="host u-font-sans">J. Urban Clim., 12 (2019), pp. 1-20</div></span></li>
</ol></section></article>"""


def test_sciencedirect_author_date_labels_are_left_out_of_their_entries(tmp_path, monkeypatch):
    """Before, the label "Smith et al., 2019" opened the entry and was read as its authors (Smith and others):
    the entry's three named authors were lost."""
    assert _entry(SCIENCEDIRECT, "J. Smith") == ("J. Smith, M. Jones, K. Lee. Urban heat islands and vegetation. "
                                                 "J. Urban Clim., 12 (2019), pp. 1-20.")
    result = _check(tmp_path, monkeypatch, SCIENCEDIRECT)
    assert [[a.family for a in r.authors] for r in result.references] == [["García"], ["Smith", "Jones", "Lee"]]
    assert len(result.citations) == 2 and not [f for f in result.findings if f.severity > 0]
