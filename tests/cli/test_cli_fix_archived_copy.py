"""A dead link with a Wayback snapshot: the report says the archive fix "will apply with --fix", and
`--fix` applies it: the entry keeps the dead URL and gains the archived copy after it, in the
document's own style (text: "(archived at ...)"; a .bib the document names: eprint fields, as
`--bib-out` writes them). A second `--fix` of the fixed copy changes nothing.

The dead page and the Wayback Machine's CDX API are answered by ``responses``."""
from __future__ import annotations

import json
import re

import responses
from typer.testing import CliRunner

from citecheck.cli.app import app

URL = "http://example.org/gone/article"
SNAP = f"https://web.archive.org/web/20190601000000/{URL}"
CDX = re.compile(r"https://web\.archive\.org/cdx/search/cdx.*")
CDX_ROWS = [["urlkey", "timestamp", "original", "mimetype", "statuscode", "digest", "length"],
            ["k", "20190601000000", URL, "text/html", "200", "D", "1"]]
ENTRY = f"Jones, A. (2020). Gone article. Example Site. {URL} (accessed 1 May 2020)."
ESSAY = f"# Essay\n\nJones disagrees (Jones, 2020).\n\n## References\n\n{ENTRY}\n"


def online_fix(*args: str):
    with responses.RequestsMock(assert_all_requests_are_fired=False) as mock:
        mock.get(CDX, json=CDX_ROWS)
        for method in (responses.GET, responses.HEAD):
            mock.add(method, re.compile(r"(?!https://web\.archive\.org/cdx/)https?://.*"), status=404)
        return CliRunner().invoke(app, ["check", *args, "--online", "--no-verify", "--no-cache", "--allow-private",
                                        "--fix"])


def test_the_promised_archive_fix_is_made_in_the_document(tmp_path):
    essay = tmp_path / "essay.md"
    essay.write_text(ESSAY, encoding="utf-8")
    result = online_fix(str(essay))
    assert "fix the reference archive" in result.stdout and "will apply with --fix" in result.stdout
    fixed = (tmp_path / "essay.fixed.md").read_text(encoding="utf-8")
    assert fixed == ESSAY.replace(URL + " ", f"{URL} (archived at {SNAP}) ", 1)
    assert f"wrote {tmp_path / 'essay.fixed.md'} (1 edit)" in result.stderr


def test_fixing_the_fixed_copy_again_changes_nothing(tmp_path):
    essay = tmp_path / "essay.md"
    essay.write_text(ESSAY, encoding="utf-8")
    online_fix(str(essay))
    again = tmp_path / "again.md"
    again.write_text((tmp_path / "essay.fixed.md").read_text(encoding="utf-8"), encoding="utf-8")
    result = online_fix(str(again))
    assert "(0 edits)" in result.stderr
    assert (tmp_path / "again.fixed.md").read_text(encoding="utf-8") == again.read_text(encoding="utf-8")


def test_a_bib_named_by_the_document_gains_the_snapshot_as_bib_out_writes_it(tmp_path):
    bib = (f"@online{{jones2020,\n  author = {{Jones, Ann}},\n  title = {{Gone article}},\n  year = {{2020}},\n"
           f"  url = {{{URL}}}\n}}\n")
    (tmp_path / "refs.bib").write_text(bib, encoding="utf-8")
    tex = tmp_path / "paper.tex"
    tex.write_text("\\documentclass{article}\n\\begin{document}\nSee \\cite{jones2020}.\n"
                   "\\bibliography{refs}\n\\end{document}\n", encoding="utf-8")
    result = online_fix(str(tex), "--format", "json", "--bib-out", str(tmp_path / "out.bib"))
    (finding,) = [f for f in json.loads(result.stdout)["findings"] if f["fix"] and f["fix"]["field"] == "archive"]
    assert finding["fix"]["after"] == SNAP
    fixed = (tmp_path / "refs.fixed.bib").read_text(encoding="utf-8")
    assert fixed == bib.replace(f"  url = {{{URL}}}\n",
                                f"  url = {{{URL}}},\n  eprinttype = {{Wayback Machine}},\n  eprint = {{{SNAP}}}\n")
    out = (tmp_path / "out.bib").read_text(encoding="utf-8")
    assert "eprinttype = {Wayback Machine}" in out and f"eprint = {{{SNAP}}}" in out
