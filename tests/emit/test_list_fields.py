"""BibLaTeX's list fields (publisher, location, institution, organization) are "and"-separated lists:
.bib -> .bib keeps their items, CSL-JSON and RIS get them as pandoc writes them, "X; Y" (user round 4, 12)."""
from __future__ import annotations

import json
import shutil
import subprocess

import pytest

from citecheck.emit.bibtex import to_bibtex
from citecheck.emit.csl import to_csl_json
from citecheck.emit.ris import to_ris
from citecheck.parse.bibtex import parse_bibtex
from citecheck.parse.csl_json import parse_csl_json

BIB = ("@book{b, author={A, B}, title={T}, publisher={Routledge and Taylor \\& Francis},"
       " location={London and New York and Paris}, date={2019}}\n"
       "@book{c, author={A, B}, title={T}, publisher={{Barnes and Noble}}, date={2000}}\n")


def refs():
    found, _ = parse_bibtex(BIB, "in.bib")
    return found


def test_bib_to_bib_keeps_the_items():
    text = to_bibtex(refs())
    assert "publisher = {{Routledge} and {Taylor \\& Francis}}," in text
    assert "location = {{London} and {New York} and {Paris}}," in text
    assert "publisher = {{Barnes and Noble}}," in text  # one item, braced as written
    again, _ = parse_bibtex(text, "out.bib")
    assert to_bibtex(again) == text


def test_csl_and_ris_get_pandocs_form_and_read_it_back():
    items = json.loads(to_csl_json(refs()))
    assert (items[0]["publisher"], items[0]["publisher-place"]) == ("Routledge; Taylor & Francis", "London; New York; Paris")
    assert items[1]["publisher"] == "Barnes and Noble"
    lines = to_ris(refs()).splitlines()
    assert "PB  - Routledge; Taylor & Francis" in lines and "CY  - London; New York; Paris" in lines
    back, _ = parse_csl_json(json.dumps(items), "x.json")
    assert "location = {{London} and {New York} and {Paris}}," in to_bibtex(back)


@pytest.mark.biber
def test_biber_validates_the_lists(tmp_path):
    if shutil.which("biber") is None:
        pytest.skip("biber not installed (Debian package biber)")
    (tmp_path / "refs.bib").write_text(to_bibtex(refs()), encoding="utf-8")
    run = subprocess.run(["biber", "--tool", "--validate-datamodel", f"--output-file={tmp_path / 'out.bib'}",
                          "refs.bib"], cwd=tmp_path, capture_output=True, text=True, timeout=300)
    lines = (run.stdout + run.stderr).splitlines()
    assert run.returncode == 0 and not [line for line in lines if line.startswith(("ERROR", "WARN"))], lines
