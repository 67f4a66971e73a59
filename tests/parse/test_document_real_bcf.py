"""A real biblatex run's .aux and .bcf, as checkcites reads them: the undefined key and the unused entry.

``data/biblatex_run`` was made on Debian 12 (TeX Live 2022: biblatex 3.18b, biber 2.18) from its ``doc.tex`` and
``doc.bib`` by ``latex doc.tex && biber doc``; ``doc.bcf.gz`` is the ``doc.bcf`` latex wrote (gzip -9; 107 kB,
mostly biblatex's data model), ``doc.aux`` as latex wrote it. biber's own log says "I didn't find a database entry
for 'missingkey'"; checkcites reports ``missingkey`` undefined and ``unusedsite`` unused. ``knuth1984`` is cited only
through a loop of ``\\nocite`` over macro-held keys, which no reading of the .tex can see: the .aux's
``\\abx@aux@cite`` and the .bcf's ``<bcf:citekey>`` list it (tests need no TeX: the files are kept)."""
from __future__ import annotations

import gzip
import os
import shutil
from pathlib import Path

import pytest

from citecheck.config import Settings
from citecheck.model import Kind
from citecheck.parse.latex import parse_bcf
from citecheck.pipeline import check

DATA = Path(__file__).parent / "data" / "biblatex_run"


@pytest.fixture
def run(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    for name in ("doc.tex", "doc.bib", "doc.aux"):
        shutil.copy(DATA / name, tmp_path / name)
    (tmp_path / "doc.bcf").write_bytes(gzip.decompress((DATA / "doc.bcf.gz").read_bytes()))
    later = os.stat(tmp_path / "doc.tex").st_mtime + 10  # written by the LaTeX run, after the .tex
    for name in ("doc.aux", "doc.bcf"):
        os.utime(tmp_path / name, (later, later))
    return tmp_path


def _checkcites(paths: list[str]) -> tuple[list[str], list[str]]:
    result = check(paths, Settings())
    undefined = sorted({f.citation or "" for f in result.findings if f.kind is Kind.MISSING_REFERENCE})
    unused = sorted({f.reference or "" for f in result.findings if f.kind is Kind.UNCITED_REFERENCE})
    return undefined, unused


def test_the_bcf_lists_what_latex_cited_and_the_bib_biber_reads(run):
    parsed = parse_bcf((run / "doc.bcf").read_text(encoding="utf-8"), "doc.bcf")
    assert [c.key for c in parsed.citations] == ["knuth1984", "lamport1986", "missingkey"]
    assert [b.name for b in parsed.bibliography] == ["doc.bib"]


@pytest.mark.parametrize("paths", [["doc.tex"], ["doc.bcf"]], ids=["tex", "bcf"])
def test_undefined_and_unused_keys_as_checkcites_reports_them(run, paths):
    undefined, unused = _checkcites(paths)
    assert len(undefined) == 1 and "missingkey" in undefined[0]
    assert unused == ["unusedsite"]  # knuth1984, cited only through the loop, is not unused


def test_the_bcf_alone_beside_the_tex_is_read_too(run):
    (run / "doc.aux").unlink()  # biblatex also writes its citations to the .aux; without it, the .bcf says them
    undefined, unused = _checkcites(["doc.tex"])
    assert len(undefined) == 1 and "missingkey" in undefined[0] and unused == ["unusedsite"]
