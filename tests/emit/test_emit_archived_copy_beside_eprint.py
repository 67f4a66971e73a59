"""An archived copy of an entry that has an ``eprint`` of its own (arXiv): the entry keeps its arXiv
identifier, and the snapshot goes to ``addendum`` ("Archived at \\url{...}"), which biber accepts for
every type and ``parse.bibtex`` reads back as the snapshot; entries without an eprint are unchanged."""
from __future__ import annotations

import shutil
import subprocess

import pytest

from citecheck.emit.bibtex import to_bibtex
from citecheck.model import ArchiveSnapshot, EntryType, Name, Reference, Span, Url
from citecheck.parse.bibtex import parse_bibtex

URL = "https://example.org/paper?id=1#top"
SNAP = "https://web.archive.org/web/20200101000000/https://example.org/paper?id=1#top"
ARXIV = (("eprint", "2101.00001"), ("eprinttype", "arxiv"))


def preprint(extra=ARXIV) -> Reference:
    return Reference(raw="", span=Span("x.bib", 1, 1, 0, 0), type=EntryType.PREPRINT, key="doe2020",
                     authors=(Name(family="Doe", given="Jane"),), title="A paper", year=2020, extra=extra,
                     urls=(Url(url=URL, snapshot=ArchiveSnapshot(url=SNAP, original=URL, timestamp="20200101000000")),))


@pytest.mark.parametrize("dialect", ["biblatex", "bibtex"])
def test_the_arxiv_eprint_stays_and_the_snapshot_goes_to_the_addendum(dialect):
    text = to_bibtex([preprint()], dialect)
    assert "  eprint = {2101.00001},\n" in text and "  eprinttype = {arxiv},\n" in text
    assert "Wayback" not in text
    assert ("  addendum = {Archived at \\url{https://web.archive.org/web/20200101000000/"
            "https://example.org/paper?id=1\\#top}},\n") in text
    (back,), problems = parse_bibtex(text, "x.bib")
    assert not problems
    assert back.urls[0].url == URL and back.urls[0].snapshot.url == SNAP
    assert back.urls[0].snapshot.archive == "wayback" and back.urls[0].snapshot.timestamp == "20200101000000"
    assert ("eprint", "2101.00001") in back.extra and "addendum" not in dict(back.extra)
    assert to_bibtex([back], dialect) == text  # a second pass changes nothing


def test_an_addendum_of_its_own_comes_first_and_is_read_back_as_it_was():
    text = to_bibtex([preprint(ARXIV + (("addendum", "Talk given in 2019."),))])
    assert "  addendum = {Talk given in 2019.; Archived at \\url{" in text
    (back,), _ = parse_bibtex(text, "x.bib")
    assert dict(back.extra)["addendum"] == "Talk given in 2019." and back.urls[0].snapshot.url == SNAP


def test_without_an_eprint_of_its_own_the_snapshot_is_still_the_eprint():
    text = to_bibtex([preprint(extra=())])
    assert "  eprinttype = {Wayback Machine},\n" in text and "addendum" not in text


@pytest.mark.biber
def test_biber_validates_the_addendum(tmp_path):
    if shutil.which("biber") is None:
        pytest.skip("biber not installed (Debian package biber)")
    (tmp_path / "refs.bib").write_text(to_bibtex([preprint()]), encoding="utf-8")
    run = subprocess.run(["biber", "--tool", "--validate-datamodel", f"--output-file={tmp_path / 'out.bib'}",
                          "refs.bib"], cwd=tmp_path, capture_output=True, text=True, timeout=300)
    lines = (run.stdout + run.stderr).splitlines()
    assert run.returncode == 0, lines
    assert not [line for line in lines if line.startswith(("ERROR", "WARN"))], lines
