"""A cited page outside the cited work's pages: "(Smith, 2019, p. 40)" for an article on pages 1–12 is a
warning with both sides as evidence; a citation whose year differs (perhaps of another work), a paragraph, a chapter, Roman pages and an entry without a page
range never give one."""
from __future__ import annotations

import pytest

from citecheck.config import Settings
from citecheck.model import Kind, Severity
from citecheck.pipeline import check
from citecheck.reconcile.pages import cited_pages

ESSAY = """# Sleep

The effect is large (Smith, 2019, p. 40), as Park (2014, pp. 399-401) and Lee (2017, 1234–36) say. The
page is right here (Smith, 2019, p. 4; Park, 2014, p. 402; Lee, 2017, pp. 1230, 1233), and a paragraph
or a chapter is no page (Taylor, 2015, para. 40; Smith, 2019, ch. 30; Taylor, 2015, p. 310). A year that
differs may cite another work: its year is reported, not its page (Park, 2015, p. 900).

## References

Lee, A. (2017). Naps. *Sleep Medicine*, *30*, 1230–5.

Park, S. (2014). REM. *Journal of Sleep Research*, *23*(4), 400–405.

Smith, J. (2019). Sleep and learning. *Psychological Science*, *30*(1), 1–12.

Taylor, E. (2015). *Sleep is memory*. Penguin.
"""


def test_a_page_outside_the_entrys_pages_is_a_warning_with_its_evidence(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "essay.md").write_text(ESSAY, encoding="utf-8")
    found = [f for f in check(["essay.md"], Settings()).findings if f.kind is Kind.PAGE_OUT_OF_RANGE]
    assert [(f.citation, f.reference) for f in found] == [
        ("Smith, 2019, p. 40", "smithSleep2019"), ("Park (2014, pp. 399-401)", "parkRem2014"),
        ("Lee (2017, 1234–36)", "leeNaps2017"),
    ]
    first = found[0]
    assert first.severity is Severity.WARNING and "page 40" in first.message and "1–12" in first.message
    assert [e.detail for e in first.evidence] == ["the entry smithSleep2019 gives pages 1–12",
                                                  'the citation gives "p. 40"']


@pytest.mark.parametrize("locator, pages", [
    ("p. 40", (40,)), ("pp. 300-310", (300, 310)), ("S. 45", (45,)), ("45–47", (45, 47)), ("12ff.", (12,)),
    ("pp. 1234-36", (1234, 1236)), ("pp. 4 and 9", (4, 9)), ("para. 4", ()), ("ch. 3", ()), ("p. xii", ()),
    ("n. 4", ()), ("fig. 2", ()),
])
def test_the_pages_a_locator_cites(locator, pages):
    assert cited_pages(locator) == pages


REPRINTED = """# Essays

A reprint is cited by its own pages (King, 1950/2005, p. 300), a law review's page by its thousands (Nolan, 2009,
p. 1,234), and a page outside both still is told (King, 1950/2005, p. 500), as is one inside a DOI's or an ISSN's
numbers (Orne, 1989, p. 1000).

## References

King, K. (2005). Reprinted. In L. Editor (Ed.), *Reader* (pp. 290–310). Publisher. (Original work published 1950 in *Journal*, *3*, 10–30)

Nolan, N. (2009). Thousands. *Law Review*, *88*, 1200–1250.

Orne, O. (1989). Hypnosis. *Psychiatry Research*, *2*, 1–12. ISSN 0165-1781. https://doi.org/10.1016/0165-1781(89)90047-4
"""


def test_a_reprints_pages_and_a_thousands_separator_give_no_warning(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "essay.md").write_text(REPRINTED, encoding="utf-8")
    found = [f for f in check(["essay.md"], Settings()).findings if f.kind is Kind.PAGE_OUT_OF_RANGE]
    assert [f.citation for f in found] == ["King, 1950/2005, p. 500", "Orne, 1989, p. 1000"]


def test_one_locator_for_several_latex_keys_is_checked_against_each_of_their_entries(tmp_path, monkeypatch):
    # \cite[p.~104]{a,b}: natbib prints the page after the last key; it is page 104 of the first entry (100-112),
    # not outside the second's (45-60), which was warned about
    monkeypatch.chdir(tmp_path)
    (tmp_path / "refs.bib").write_text(
        "@article{muller, author={M{\\\"u}ller, T.}, title={Trees}, journal={Urban Climate}, year={2020}, pages={100--112}}\n"
        "@article{okafor, author={Okafor, N.}, title={Shade}, journal={Cities}, year={2018}, pages={45--60}}\n",
        encoding="utf-8")
    (tmp_path / "p.tex").write_text(
        "\\documentclass{article}\\begin{document}\nTrees cool \\cite[p.~104]{muller,okafor}; shade "
        "\\cite[p.~300]{muller,okafor}.\n\\bibliographystyle{plain}\\bibliography{refs}\\end{document}\n",
        encoding="utf-8")
    result = check(["p.tex"], Settings())
    out = [(f.citation, f.reference) for f in result.findings if f.kind is Kind.PAGE_OUT_OF_RANGE]
    assert out == [("\\cite[p.~300]{muller,okafor}", "muller"), ("\\cite[p.~300]{muller,okafor}", "okafor")]
