"""`citecheck convert` from every input to every output, and `check` on key-based documents."""
from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from citecheck.cli.app import app
from citecheck.parse.bibtex import parse_bibtex
from citecheck.parse.ris import parse_ris

CASES = Path(__file__).resolve().parents[1] / "cases"


@pytest.fixture
def paper(tmp_path, monkeypatch):
    for name in ("input.tex", "library.bib"):
        shutil.copy(CASES / "latex-keys" / name, tmp_path / name)
    monkeypatch.chdir(tmp_path)
    return tmp_path / "input.tex"


def invoke(*args):
    result = CliRunner().invoke(app, [str(a) for a in args])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result


def test_convert_tex_to_each_format(paper):
    classic = invoke("convert", paper, "--to", "bibtex")
    assert classic.exit_code == 0 and "journal = {Nature}" in classic.stdout and "journaltitle" not in classic.stdout
    biblatex = invoke("convert", paper, "--to", "biblatex")
    assert "journaltitle = {Nature}" in biblatex.stdout
    assert len(parse_bibtex(biblatex.stdout, "x")[0]) == 6
    ris = invoke("convert", paper, "--to", "ris")
    refs, findings = parse_ris(ris.stdout, "x.ris")
    assert len(refs) == 6 and not findings and refs[0].key == "walker2017"
    items = json.loads(invoke("convert", paper, "--to", "csl-json").stdout)
    assert [i["id"] for i in items][:2] == ["walker2017", "diekelmann2010"]


@pytest.mark.parametrize("suffix, marker", [(".ris", "TY  - "), (".json", '"id"'), (".bib", "journal = {")])
def test_the_output_suffix_chooses_the_format(paper, suffix, marker):
    target = paper.parent / f"out{suffix}"
    assert invoke("convert", paper, "-o", target).exit_code == 0
    assert marker in target.read_text(encoding="utf-8")


def test_convert_ris_input_back_to_ris_is_stable(paper):
    first = invoke("convert", paper, "--to", "ris").stdout
    (paper.parent / "refs.ris").write_text(first, encoding="utf-8")
    assert invoke("convert", "refs.ris", "--to", "ris").stdout == first


def test_check_tex_reports_undefined_and_unused_keys(paper):
    result = invoke("check", paper, "--format", "json")
    assert result.exit_code == 1
    report = json.loads(result.stdout)
    found = sorted((f["kind"], f["reference"] or f["citation"]) for f in report["findings"])
    assert found == [("missing-reference", "\\autocite{walkr2017}"), ("missing-reference", "\\footcite{nobody2020}"),
                     ("uncited-reference", "unused1999")]


def test_a_json_syntax_error_names_the_line(tmp_path):
    (tmp_path / "bad.json").write_text('[\n{"id": "a",,}\n]')
    result = invoke("convert", tmp_path / "bad.json")
    assert result.exit_code == 3 and "bad.json:2" in result.stderr and "Traceback" not in result.stderr


@pytest.mark.parametrize("to", ["biblatex", "csl-json"])  # the streamed path and the whole-file one
def test_convert_says_which_block_it_left_out(tmp_path, monkeypatch, caplog, to):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "refs.bib").write_text(
        "@article{broken,\n  author = {Doe, Jane,\n  title = {Unclosed\n}\n\n"
        "@book{ok, author = {Lee, K.}, title = {After it}, year = 2001, publisher = {Pub}}\n", encoding="utf-8")
    with caplog.at_level("WARNING"):
        result = invoke("convert", "refs.bib", "--to", to)
    assert result.exit_code == 0 and "After it" in result.output
    said = [r.getMessage() for r in caplog.records if r.name.startswith("citecheck")]
    assert len(said) == 1 and said[0].startswith("refs.bib: line 1: could not parse BibTeX block")


def test_a_paper_gets_what_it_inherits_from_its_proceedings_in_csl_json_and_ris(tmp_path, monkeypatch):
    """CSL-JSON and RIS have no crossref, and citeproc resolves none: a paper whose proceedings (after it, as
    BibTeX wants them) gave its booktitle, editors, publisher and year came out with none of them."""
    monkeypatch.chdir(tmp_path)
    Path("refs.bib").write_text(
        "@inproceedings{paper, author = {Nguyen, Bao}, title = {A paper}, crossref = {proc}, pages = {10--20}}\n"
        "@xdata{springer, publisher = {Springer and Nature}, location = {Berlin}}\n"
        "@proceedings{proc, editor = {Miller, Anne}, title = {Proceedings of the Workshop}, date = {2019}, xdata = {springer}}\n",
        encoding="utf-8")
    item = json.loads(invoke("convert", "refs.bib", "--to", "csl-json").stdout)[0]
    assert (item["container-title"], item["editor"], item["issued"], item["publisher"], item["publisher-place"]) == (
        "Proceedings of the Workshop", [{"family": "Miller", "given": "Anne"}], {"date-parts": [[2019]]},
        "Springer; Nature", "Berlin")
    assert item["custom"] == {"crossref": "proc"}  # the link stays, for BibLaTeX
    ris = invoke("convert", "refs.bib", "--to", "ris").stdout
    assert "T2  - Proceedings of the Workshop\nPY  - 2019\n" in ris and "M2  - tex.crossref: proc\n" in ris
    biblatex = invoke("convert", "refs.bib", "--to", "biblatex").stdout  # biber resolves it: nothing written out
    assert biblatex.startswith("@inproceedings{paper,\n  author = {Nguyen, Bao},\n  title = {A paper},\n  pages = {10--20},\n")


def test_an_output_name_that_chooses_no_format_asks_for_to(tmp_path):
    """"-o refs.yaml" (or refs.txt) without --to wrote BibTeX into it without a word (session 14, users)."""
    from typer.testing import CliRunner

    from citecheck.cli.app import app

    source = tmp_path / "refs.bib"
    source.write_text("@book{a, author = {Lee, Ann}, title = {T}, year = {2001}, publisher = {P}}\n", encoding="utf-8")
    for name in ("refs.yaml", "refs.txt", "refs"):
        result = CliRunner().invoke(app, ["convert", str(source), "-o", str(tmp_path / name)])
        assert result.exit_code == 2 and "give --to" in result.output and not (tmp_path / name).exists()
    ok = CliRunner().invoke(app, ["convert", str(source), "-o", str(tmp_path / "refs.txt"), "--to", "ris"])
    assert ok.exit_code == 0 and (tmp_path / "refs.txt").read_text(encoding="utf-8").startswith("TY  - BOOK")
    assert CliRunner().invoke(app, ["convert", str(source), "-o", str(tmp_path / "out.json")]).exit_code == 0
