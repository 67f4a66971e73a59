"""A block that cannot be read is kept in the output as comment lines, with every at sign written "(at)"
so that bibtex and biber start no entry in it; the heading line said "(with @ as (at))", whose own "@"
bibtex took for an entry ("I was expecting a `,' or a `)'") and biber for junk (session 12, structured 12)."""
from __future__ import annotations

import subprocess

from citecheck.emit.bibtex import to_bibtex
from citecheck.parse.bibtex import parse_bibtex

from tex_tools import tool  # tests/tex_tools.py

BIB = """@article{a,
  author = {Smith, John},
  title = {Unbalanced {brace},
  year = 2019
}

@article{b,
  author = {Doe, Jane},
  title = {Fine},
  journal = {J},
  year = {2020},
}
"""


def written(dialect: str) -> str:
    refs, _ = parse_bibtex(BIB, "in.bib")
    return to_bibtex(refs, dialect=dialect)


def test_the_kept_block_holds_no_at_sign():
    for dialect in ("biblatex", "bibtex"):
        text = written(dialect)
        assert "% citecheck: the block at line 1 could not be read" in text and "(at)article{a," in text
        assert text.count("@") == 1  # @article{b: the only entry


def test_bibtex_and_biber_read_the_output_without_an_error(tmp_path):
    bibtex = tool("bibtex", "texlive-binaries")
    (tmp_path / "refs.bib").write_text(written("bibtex"), encoding="utf-8")
    (tmp_path / "doc.aux").write_text("\\relax\n\\citation{*}\n\\bibstyle{plain}\n\\bibdata{refs}\n")
    proc = subprocess.run([bibtex, "doc"], cwd=tmp_path, capture_output=True, text=True, timeout=120)
    assert proc.returncode <= 1 and "error message" not in (tmp_path / "doc.blg").read_text(errors="replace")
    biber = tool("biber", "biber")
    (tmp_path / "latex.bib").write_text(written("biblatex"), encoding="utf-8")
    proc = subprocess.run([biber, "--tool", "--validate-datamodel", "--output-file", str(tmp_path / "out.bib"),
                           "latex.bib"], cwd=tmp_path, capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0 and "junk" not in proc.stdout + proc.stderr, proc.stdout + proc.stderr
