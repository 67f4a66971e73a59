"""Math in a title survives BibLaTeX -> CSL-JSON -> BibLaTeX: CSL has no markup for math, so it is
written as LaTeX writes it ($\\alpha$) and read back as math, by pandoc's rule for ``$`` (user round 4, 01)."""
from __future__ import annotations

import json

from citecheck.emit.bibtex import to_bibtex
from citecheck.emit.csl import to_csl_json
from citecheck.emit.rich_text import csl_to_latex
from citecheck.parse.bibtex import parse_bibtex
from citecheck.parse.csl_json import parse_csl_json

BIB = "@article{m, author={A, B}, title={A study of $\\alpha$-helices and $x^2$}, journaltitle={J}, date={2019}}"


def test_round_trip_through_csl_keeps_the_math():
    refs, _ = parse_bibtex(BIB, "in.bib")
    csl = to_csl_json(refs)
    # each in a nocase span: citeproc's title case made "$\\alpha$" "$\\Alpha$" (session 12, structured 20)
    assert json.loads(csl)[0]["title"] == (
        'A study of <span class="nocase">$\\alpha$</span>-helices and <span class="nocase">$x^2$</span>')
    back, _ = parse_csl_json(csl, "out.json")
    assert "  title = {A study of $\\alpha$-helices and $x^2$},\n" in to_bibtex(back)


def test_dollars_that_are_no_math_and_unsafe_tex_are_text():
    assert csl_to_latex("The $5 meal and $10 wine")[1] == "The \\$5 meal and \\$10 wine"
    assert csl_to_latex("<i>Cells</i> with $\\beta$")[1] == "\\emph{Cells} with $\\beta$"
    latex = csl_to_latex("A $\\input{/etc/passwd}$ title")[1]
    assert "\\input" not in latex and "\\textbackslash{}input" in latex


def test_math_in_a_protected_group_gets_one_span_and_a_span_around_math_alone_is_the_math():
    refs, _ = parse_bibtex("@article{m, title={On {Navier $x$ flows} and {$\\alpha$}}, journaltitle={J}, date={2019}}",
                           "in.bib")
    title = json.loads(to_csl_json(refs))[0]["title"]
    assert title == 'On <span class="nocase">Navier $x$ flows</span> and <span class="nocase">$\\alpha$</span>'
    assert csl_to_latex('Of <span class="nocase">$\\mathbb{R}^3$</span>')[1] == "Of $\\mathbb{R}^3$"
