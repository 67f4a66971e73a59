"""HTML's italics in the body are Markdown's too (session 14, users): an MLA essay saved as a web page citing a work
by its title, "(<i>Beloved</i> 45)", read "Beloved" as an author no entry has (a false missing reference, and
Morrison's entry a false "listed but never cited"); the reference list kept its italics already."""
from __future__ import annotations

from citecheck.config import Settings
from citecheck.model import Kind
from citecheck.parse.html import html_text
from citecheck.pipeline import check

PAGE = """<html><body><p>Morrison's ghosts speak plainly (<i>Beloved</i> 45). Okafor agrees (Okafor 12).</p>
<h2>Works Cited</h2>
<p>Morrison, Toni. <i>Beloved</i>. Knopf, 1987.</p>
<p>Okafor, Chidi. <em>Lagos Stories</em>. Cassava Republic, 2018.</p>
</body></html>"""


def test_an_mla_title_citation_in_a_web_page(tmp_path, monkeypatch):
    assert "plainly (*Beloved* 45)." in html_text("p.html", PAGE).text
    monkeypatch.chdir(tmp_path)
    (tmp_path / "essay.html").write_text(PAGE, encoding="utf-8")
    result = check(["essay.html"], Settings())
    assert len(result.citations) == 2
    assert [f for f in result.findings if f.kind in (Kind.MISSING_REFERENCE, Kind.UNCITED_REFERENCE)] == []
