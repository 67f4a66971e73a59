"""``urls._doi_starts`` finds what ``_DOI_START.finditer`` finds, each search started just before a "10."."""
from __future__ import annotations

from pathlib import Path

from citecheck.parse.tagger import read_sequences
from citecheck.parse.urls import _DOI_START, _doi_starts

ROOT = Path(__file__).resolve().parents[2]


def test_doi_starts_are_the_patterns_matches_on_every_labelled_reference():
    texts = [r.text for path in sorted((ROOT / "data").glob("*/*.xml"))
             for r in read_sequences(path.read_text(encoding="utf-8"), path.stem)]
    texts += ["doi:      \n 10.1234/x", "HTTPS://DX.DOI.ORG/10.1000/182 10.1000 / 183", "x10.1234/5 a/10.1234/6",
              "doi 10.12/x doi:10.1234/y", "10.10.1234/z", "doi:\u00a010.1234/w", "10.", ""]
    for text in texts:
        assert [m.span() for m in _doi_starts(text)] == [m.span() for m in _DOI_START.finditer(text)], text
