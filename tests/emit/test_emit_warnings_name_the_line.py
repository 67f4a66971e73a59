"""A writer's warning names the entry's file and line before its key, as every other message does:
"refs.bib:12: mendeley: BibLaTeX holds one URL per entry" (session 12, structured 25: the warnings
named the key alone, and the key-renaming one not even the key's file)."""
from __future__ import annotations

import logging

from citecheck.emit.bibtex import to_bibtex
from citecheck.emit.csl import to_csl_json
from citecheck.parse.bibtex import parse_bibtex

BIB = """@article{scholar,
  title={Heat islands},
  author={Smith, John},
  journal={Nature},
  year={2019},
  publisher={Nature Publishing Group UK London}
}

@article{mendeley,
  author = {Doe, Jane},
  title = {Two links},
  journal = {J},
  year = {2010},
  url = {http://a.org http://b.org},
}

@book{dup, author = {Roe, R.}, title = {First}, publisher = {P}, year = 2010}
@book{dup, author = {Roe, R.}, title = {Second}, publisher = {P}, year = 2011}
"""


def warnings(caplog, write) -> list[str]:
    refs, _ = parse_bibtex(BIB, "refs.bib")
    with caplog.at_level(logging.WARNING):
        write(refs)
    return [r.getMessage() for r in caplog.records if r.levelno == logging.WARNING]


def test_biblatex_warnings_name_the_file_and_line(caplog):
    said = warnings(caplog, to_bibtex)
    assert not any("scholar" in m for m in said)  # an article's publisher is kept (biblatex ignores it): nothing to say
    assert "refs.bib:9: mendeley: BibLaTeX holds one URL per entry; http://b.org left out" in said
    assert "refs.bib:18: dup: citation key 'dup' written as 'dup-2'" in said


def test_csl_json_warnings_name_the_file_and_line(caplog):
    assert "refs.bib:9: mendeley: CSL-JSON holds one URL per item; http://b.org left out" in warnings(caplog, to_csl_json)
