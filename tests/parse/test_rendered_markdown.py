"""Markdown pandoc wrote for a rendered document (``pandoc --citeproc -t markdown``, with ``link-citations``):
fenced divs around the list and each entry, heading attributes, citations as links to their entries. It was "no
bibliography found", exit 3 (session 13, users); now its list, its citations and its unresolved keys are read."""
from __future__ import annotations

import json

from typer.testing import CliRunner

from citecheck.cli.app import app
from citecheck.parse.rendered_markdown import blank_pandoc_structure

RENDERED = """# Introduction

Heat islands kill ([Zaugg and Müller 2019, 1205](#ref-zaugg2019)). Theses exist ([Kim
2015](#ref-thesis1)). Missing: ([**nokey2020?**](#ref-nokey2020)).

# References {#references .unnumbered}

::: {#refs .references .csl-bib-body .hanging-indent}
::: {#ref-thesis1 .csl-entry}
Kim, Soo. 2015. "A Thesis." PhD thesis, MIT.
:::

::: {#ref-zaugg2019 .csl-entry}
Zaugg, Anna, and Jörg Müller. 2019. "Urban Heat Islands and Night-Time
Mortality." *Journal of Geophysical Research* 124 (3): 1201--19.
:::
:::
"""


def test_the_structure_is_blanked_in_place():
    blanked = blank_pandoc_structure(RENDERED)
    assert len(blanked) == len(RENDERED) and blanked.count("\n") == RENDERED.count("\n")
    assert ":::" not in blanked and "](#ref-" not in blanked and "{#references" not in blanked
    assert "(Zaugg and Müller 2019, 1205" in " ".join(blanked.split()).replace("( ", "(")
    assert blank_pandoc_structure("plain text, no markup") == "plain text, no markup"


def test_check_reads_the_list_the_citations_and_the_unresolved_key(tmp_path):
    doc = tmp_path / "rendered.md"
    doc.write_text(RENDERED, encoding="utf-8")
    result = CliRunner().invoke(app, ["check", str(doc), "--offline", "--format", "json"])
    report = json.loads(result.stdout)
    assert len(report["references"]) == 2 and len(report["citations"]) == 3
    kinds = sorted(f["kind"] for f in report["findings"] if f["severity"] != "info")
    assert kinds == ["missing-reference"], report["findings"]
    assert result.exit_code == 1


def test_github_markdowns_div_lines_are_no_entries(tmp_path):
    """``-t gfm`` writes ``<div class="csl-entry">`` and ``</div>`` lines: each was read as an entry (23
    "references" for 7, 53 warnings)."""
    gfm = RENDERED.replace("# References {#references .unnumbered}", "# References")
    gfm = gfm.replace("::: {#refs .references .csl-bib-body .hanging-indent}\n",
                      '<div id="refs" class="references csl-bib-body hanging-indent">\n\n')
    gfm = gfm.replace("::: {#ref-thesis1 .csl-entry}\n", '<div id="ref-thesis1" class="csl-entry">\n\n')
    gfm = gfm.replace("::: {#ref-zaugg2019 .csl-entry}\n", '<div id="ref-zaugg2019" class="csl-entry">\n\n')
    gfm = gfm.replace(":::\n", "\n</div>\n")
    doc = tmp_path / "rendered.md"
    doc.write_text(gfm, encoding="utf-8")
    report = json.loads(CliRunner().invoke(app, ["check", str(doc), "--offline", "--format", "json"]).stdout)
    assert len(report["references"]) == 2 and len(report["citations"]) == 3
