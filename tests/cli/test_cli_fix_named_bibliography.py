"""`--fix` carries out a reference fix in the .bib a document names (LaTeX's `\\bibliography{refs}`,
pandoc's `bibliography:`), as the report promises: refs.fixed.bib beside it (or refs.bib itself with
`--in-place`, keeping refs.bib.bak), and the summary names every file written with its edit count.

The moved page is answered by ``responses`` (a permanent redirect), the archives find nothing."""
from __future__ import annotations

import re

import pytest
import responses
from typer.testing import CliRunner

from citecheck.cli.app import app

OLD, NEW = "http://example.org/moved/lee", "http://example.org/ok/new/lee"
BIB = f"@online{{moved2018, author={{Lee, Bo}}, title={{Moved page}}, year={{2018}}, url={{{OLD}}}}}\n"
DOCUMENTS = {
    "paper.tex": ("\\documentclass{article}\n\\usepackage{natbib}\n\\begin{document}\n"
                  "See \\citep[p.~3]{moved2018}.\n\\bibliographystyle{plainnat}\n\\bibliography{refs}\n"
                  "\\end{document}\n"),
    "doc.md": "---\nbibliography: refs.bib\n---\n\nSee [@moved2018, p. 3].\n",
}


def online_fix(path, *more: str):
    page = "<html><head><title>Moved page</title></head><body><p>Bo Lee. Moved page.</p></body></html>"
    with responses.RequestsMock(assert_all_requests_are_fired=False) as mock:
        for method in (responses.GET, responses.HEAD):
            mock.add(method, OLD, status=301, headers={"Location": NEW})
            mock.add(method, NEW, body=page, content_type="text/html; charset=utf-8")
            mock.add(method, re.compile(rf"(?!({re.escape(OLD)}|{re.escape(NEW)})$)https?://.*"), status=404)
        return CliRunner().invoke(app, ["check", str(path), "--online", "--no-verify", "--no-cache",
                                        "--allow-private", "--fix", *more])


@pytest.fixture(params=sorted(DOCUMENTS))
def document(request, tmp_path):
    (tmp_path / "refs.bib").write_text(BIB, encoding="utf-8")
    path = tmp_path / request.param
    path.write_text(DOCUMENTS[request.param], encoding="utf-8")
    return path


def test_the_moved_url_is_fixed_in_a_copy_of_the_named_bib(document, tmp_path):
    result = online_fix(document)
    assert "fix the reference url" in result.stdout and "will apply with --fix" in result.stdout
    assert (tmp_path / "refs.fixed.bib").read_text(encoding="utf-8") == BIB.replace(OLD, NEW)
    assert (tmp_path / "refs.bib").read_text(encoding="utf-8") == BIB
    fixed_doc = document.with_name(document.stem + ".fixed" + document.suffix)
    assert f"wrote {fixed_doc} (0 edits)" in result.stderr
    assert f"wrote {tmp_path / 'refs.fixed.bib'} (1 edit)" in result.stderr


def test_in_place_fixes_the_named_bib_and_keeps_a_backup(document, tmp_path):
    result = online_fix(document, "--in-place")
    assert (tmp_path / "refs.bib").read_text(encoding="utf-8") == BIB.replace(OLD, NEW)
    assert (tmp_path / "refs.bib.bak").read_text(encoding="utf-8") == BIB
    assert f"fixed {tmp_path / 'refs.bib'} in place (1 edit; backup {tmp_path / 'refs.bib.bak'})" in result.stderr
    assert f"{document}: nothing to fix" in result.stderr
    assert document.read_text(encoding="utf-8") == DOCUMENTS[document.name]


def test_a_bib_given_as_well_is_fixed_once(document, tmp_path):
    result = online_fix(document, str(tmp_path / "refs.bib"))  # given, and named by the document
    assert result.stderr.count("refs.fixed.bib") == 1
    assert (tmp_path / "refs.fixed.bib").read_text(encoding="utf-8") == BIB.replace(OLD, NEW)


def test_a_bib_given_under_another_name_is_fixed_once(document, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = online_fix(document, "./refs.bib")  # the same file as the one the document names
    assert result.stderr.count("refs.fixed.bib") == 1, result.stderr
    assert (tmp_path / "refs.fixed.bib").read_text(encoding="utf-8") == BIB.replace(OLD, NEW)
