"""BibTeX's alpha style (parse.citation_labels): entries labelled "[ZLSO14]" and cited by their labels, as a
pdflatex PDF of a paper with \\bibliographystyle{alpha} reads; a wrapped line of a labelled entry stays in it."""
from __future__ import annotations

from citecheck.config import Settings
from citecheck.model import Kind
from citecheck.pipeline import check

ALPHA = """Cities are warmer than their surroundings [ZLSO14], and heat kills [GGH15,
Wor18]. Green roofs help [MGL19, p. 50]; see also [Knu84].
References
[GGH15] Antonio Gasparrini, Yuming Guo, and Masahiro Hashizume. Mor-
tality risk attributable to high and low ambient temperature. The Lancet, 386(9991):369–375,
2015.
[MGL19] Anna Müller and José García-López. Cooling the city: green roofs
and street trees. In Karl Bauer, editor, Handbook of Urban Ecology,
pages 45–67. Springer, Berlin, 2019.
[Wor18] World Health Organization. Heat and health in the who european
region. Technical report, WHO Regional Office for Europe, Copen-
hagen, 2018.
[ZLSO14] Lei Zhao, Xuhui Lee, Ronald B. Smith, and Keith Oleson. Strong
contributions of local background climate to urban heat islands.
Nature, 511(7508):216–219, 2014.
"""


def test_alpha_labels_open_entries_and_cite_them(tmp_path, monkeypatch):
    # the entries were one or two junk entries and none of the citations was read
    monkeypatch.chdir(tmp_path)
    (tmp_path / "paper.txt").write_text(ALPHA, encoding="utf-8")
    result = check(["paper.txt"], Settings())
    assert [dict(r.extra)["label"] for r in result.references] == ["GGH15", "MGL19", "Wor18", "ZLSO14"]
    assert result.references[3].raw.endswith("Nature, 511(7508):216–219, 2014.")
    assert [(c.text, c.locator) for c in result.citations] == [
        ("[ZLSO14]", ""), ("[GGH15, Wor18]", ""), ("[GGH15, Wor18]", ""), ("[MGL19, p. 50]", "p. 50")]
    keys = [r.key for r in result.references]
    assert result.citation_targets == (keys[3], keys[0], keys[2], keys[1])
    errors = [f for f in result.findings if f.severity > 0]
    assert [(f.kind, f.citation) for f in errors] == [(Kind.MISSING_REFERENCE, "[Knu84]")]


def test_labels_of_particles_apostrophes_and_accented_names(tmp_path, monkeypatch):
    """alpha's "[O'C00]" and "[Ól94]", amsalpha's "[vdBLK01]" (session 14, users): the entry went into the one
    above it and its citations were read as nothing, in no reference and no finding."""
    monkeypatch.chdir(tmp_path)
    text = ("Heat [Gar91], [O'C00], [Ól94] and [vdBLK01, p. 12].\nReferences\n"
            "[Gar91] Carl García. A Book About Heat, Volume\n1 . Oxford University Press, Oxford, 1991.\n"
            "[O'C00] Carl O'Connor. A Book About Heat, Vol-\nume 10 . Oxford University Press, Oxford,\n2000.\n"
            "[Ól94] Carl Ólafsson. A Book About Heat, Volume 4 .\nOxford University Press, Oxford, 1994.\n"
            "[vdBLK01] Dana van der Berg, Eve Lee, and Fay Kim.\nMeasuring heat. In Proceedings, pages 11–19, 2001.\n")
    (tmp_path / "paper.txt").write_text(text, encoding="utf-8")
    result = check(["paper.txt"], Settings())
    assert [dict(r.extra)["label"] for r in result.references] == ["Gar91", "O'C00", "Ól94", "vdBLK01"]
    assert [c.text for c in result.citations] == ["[Gar91]", "[O'C00]", "[Ól94]", "[vdBLK01, p. 12]"]
    assert not [f for f in result.findings if f.severity > 0]
