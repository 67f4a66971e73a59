"""A web page's site and its publisher stay apart through BibLaTeX and classic BibTeX (issue #3, session 15).

biblatex's @online documents ``organization`` as who published it (biblatex manual 2.2.2) and has no field for the
site: the site is ``titleaddon``, as a manual's container is. Before, both went to ``organization`` (site first), so
a CSL ``webpage`` with only a ``publisher`` came back from BibLaTeX as its ``container-title``."""
from __future__ import annotations

import json
import shutil
import subprocess

import pytest

from citecheck.emit.bibtex import to_bibtex
from citecheck.emit.csl import to_csl_json
from citecheck.parse.bibtex import parse_bibtex
from citecheck.parse.csl_json import parse_csl_json

PAGES = [
    {"id": "who", "type": "webpage", "title": "Fact sheet on malaria", "publisher": "World Health Organization",
     "URL": "https://www.who.int/malaria", "issued": {"date-parts": [[2021]]}},
    {"id": "bbc", "type": "webpage", "title": "Page", "container-title": "BBC News",
     "URL": "https://bbc.co.uk/x", "issued": {"date-parts": [[2020]]}},
    {"id": "tc", "type": "webpage", "title": "Page two", "container-title": "The Conversation",
     "publisher": "The Conversation Trust; Melbourne University", "URL": "https://tc.com/x",
     "issued": {"date-parts": [[2020]]}},
]
KEPT = ("title", "container-title", "publisher", "URL", "issued", "type")


def _through(write) -> list[dict]:
    refs, _ = parse_csl_json(json.dumps(PAGES), "pages.json")
    text = write(refs)
    back, problems = parse_bibtex(text, "pages.bib")
    assert not problems
    return json.loads(to_csl_json(back))


@pytest.mark.parametrize("dialect", ["biblatex", "bibtex"])
def test_csl_webpage_keeps_its_site_and_publisher_through_a_bib(dialect):
    for given, back in zip(PAGES, _through(lambda refs: to_bibtex(refs, dialect))):
        assert {k: back.get(k) for k in KEPT} == {k: given.get(k) for k in KEPT}


def test_biblatex_writes_the_publisher_as_organization_and_the_site_as_titleaddon():
    refs, _ = parse_csl_json(json.dumps(PAGES), "pages.json")
    text = to_bibtex(refs)
    who, bbc, tc = text.split("\n\n")
    assert "organization = {{World Health Organization}}" in who and "titleaddon" not in who
    assert "titleaddon = {BBC News}" in bbc and "organization" not in bbc
    assert "titleaddon = {The Conversation}" in tc
    assert "organization = {{The Conversation Trust} and {Melbourne University}}" in tc


def test_a_lone_organization_of_a_users_online_entry_is_its_publisher():
    # Better BibTeX writes a Zotero page's website title here; biblatex and pandoc read it as the publisher
    refs, _ = parse_bibtex("@online{t, title={Model X}, organization={Tesla}, url={https://tesla.com}, date={2017}}",
                           "in.bib")
    assert (refs[0].publisher, refs[0].container) == ("Tesla", "")
    assert "organization = {{Tesla}}" in to_bibtex(refs)


@pytest.mark.biber
def test_biber_validates_the_pages_without_a_warning(tmp_path):
    if shutil.which("biber") is None:
        pytest.skip("biber not installed (Debian package biber)")
    refs, _ = parse_csl_json(json.dumps(PAGES), "pages.json")
    (tmp_path / "refs.bib").write_text(to_bibtex(refs), encoding="utf-8")
    run = subprocess.run(["biber", "--tool", "--validate-datamodel", f"--output-file={tmp_path / 'out.bib'}",
                          "refs.bib"], cwd=tmp_path, capture_output=True, text=True, timeout=300)
    lines = (run.stdout + run.stderr).splitlines()
    assert run.returncode == 0 and not [line for line in lines if line.startswith(("ERROR", "WARN"))], lines
