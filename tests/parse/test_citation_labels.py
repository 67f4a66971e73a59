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


APALIKE = """Cities are warm [Smith and Jones, 1990]. Trees help [García, 1991, Lee et al., 1993],
and so do roofs [Smith and Jones, 1990, p. 5]. Others disagree [Nobody, 2001].
References
[García, 1991] García, C. (1991). A Book About Heat, Volume 1 . Oxford
University Press, Oxford.
[Lee et al., 1993] Lee, A., Kim, B., and Park, C. (1993). Study number 3 of
urban heat. Journal of Urban Climate , 4(4):31–39.
[Smith and Jones, 1990] Smith, A. and Jones, B. (1990). Study number 0 of
urban heat. Journal of Urban Climate , 1(1):1–9.
[Zhang, 1998] Zhang, D. (1998). Measuring street temperatures. In Proceedings
, pages 8–16.
"""


def test_apalike_author_year_labels_open_entries_and_cite_them(tmp_path, monkeypatch):
    """\\\\bibliographystyle{apalike} with LaTeX's own \\\\cite (no natbib) labels each entry "[Smith and Jones, 1990]"
    and cites it so (session 14, users): the whole list was one entry and no citation was read."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "paper.txt").write_text(APALIKE, encoding="utf-8")
    result = check(["paper.txt"], Settings())
    assert [dict(r.extra)["label"] for r in result.references] == [
        "García, 1991", "Lee et al., 1993", "Smith and Jones, 1990", "Zhang, 1998"]
    assert [r.year for r in result.references] == [1991, 1993, 1990, 1998]
    keys = [r.key for r in result.references]
    assert [(c.key, c.locator) for c in result.citations] == [
        (keys[2], ""), (keys[0], ""), (keys[1], ""), (keys[2], "p. 5")]
    errors = [(f.kind, f.message) for f in result.findings if f.kind is Kind.MISSING_REFERENCE]
    assert errors == [(Kind.MISSING_REFERENCE, "[Nobody, 2001] cites [Nobody, 2001], but the reference list has no "
                                               "entry labelled so")]
    assert [f.reference for f in result.findings if f.kind is Kind.UNCITED_REFERENCE] == [keys[3]]
