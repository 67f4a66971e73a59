"""A saved Wikipedia page whose "[5]" marker links to a note the page lacks: the finding names the
marker as its reader sees it ("[5]", note 5), not by the HTML anchor id ("cite_note-5")."""
from __future__ import annotations

from citecheck.config import Settings
from citecheck.model import Citation, Kind, Span
from citecheck.pipeline import check
from citecheck.reconcile import reconcile
from citecheck.reconcile.keys import note_label

PAGE = """<html><body><h1>Lighthouse</h1>
<p>Built in 1900.<sup id="cite_ref-1" class="reference"><a href="#cite_note-1">[1]</a></sup>
Rebuilt.<sup id="cite_ref-kim_2-0" class="reference"><a href="#cite_note-kim-2">[2]</a></sup>
Its lamp was replaced.<sup id="cite_ref-5" class="reference"><a href="#cite_note-5">&#91;5&#93;</a></sup>
And again.<sup class="reference"><a href="#cite_note-5">[5]</a></sup></p>
<h2>References</h2>
<div class="reflist"><ol class="references">
<li id="cite_note-1"><span class="mw-cite-backlink"><a href="#cite_ref-1">^</a></span> <span class="reference-text">Zaugg, J. (2019). <i>North Korean defectors</i>. BBC.</span></li>
<li id="cite_note-kim-2"><span class="mw-cite-backlink"><a href="#cite_ref-kim_2-0">^</a></span> <span class="reference-text">Kim, A. (2015). A paper. <i>Journal of X</i>, 3, 1–9.</span></li>
</ol></div>
</body></html>
"""


def test_a_dangling_marker_is_named_as_the_reader_sees_it(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "page.html").write_text(PAGE, encoding="utf-8")
    result = check(["page.html"], Settings())
    (missing,) = [f for f in result.findings if f.kind is Kind.MISSING_REFERENCE]
    assert missing.citation == "[5]" and missing.span.line == 4
    assert missing.message == "[5] cites note 5 (2 citations), but the page has no note 5"
    assert "cite_note" not in missing.message and missing.suggested is None
    assert "#cite_note-5" in missing.evidence[0].detail  # where the marker links, for whoever mends the page
    assert not [f for f in result.findings if f.kind is Kind.UNCITED_REFERENCE]


def _marker(shown: str, key: str) -> Citation:
    return Citation(text=shown, span=Span("p.html", 1, 1, 0, 1), names=(), key=key, group=shown)


def test_the_note_label_is_the_marker_text_else_the_ids_number():
    assert note_label(_marker("[5]", "cite_note-5")) == "5"
    assert note_label(_marker("[a]", "cite_note-9")) == "a"
    assert note_label(_marker("[note 1]", "cite_note-11")) == "note 1"
    assert note_label(_marker("", "cite_note-zaugg-12")) == "12"
    assert note_label(_marker("[5]", "smith2019")) == ""  # a key of a .bib, no note


def test_other_undefined_keys_keep_their_key():
    (finding,) = reconcile([_marker("[@smith2019]", "smith2019")], [], ()).findings
    assert 'undefined key "smith2019"' in finding.message
