"""Classic BibTeX as bibtex's standard styles print it (session 14, users): a BibLaTeX .bib converted with
``--to bibtex`` kept what only biber reads. An entry's ``@xdata`` fields (bibtex knows no xdata) were not in it:
"Warning--empty publisher in smith2019" and no publisher printed; its ``subtitle``, which the styles ignore, was
not printed."""
from __future__ import annotations

from pathlib import Path

from citecheck.cli.commands import convert_text, convert_written
from citecheck.parse.bibtex import parse_bibtex

BIB = """@xdata{pubinfo, publisher = {Oxford University Press}, location = {Oxford}}
@book{smith2019, author = {Smith, Alice}, title = {Hotter Cities}, subtitle = {Causes and Consequences},
  edition = {2}, date = {2019}, xdata = {pubinfo}}
@book{why, author = {Lee, Jin}, title = {Why Heat?}, subtitle = {A Primer}, edition = {12}, date = {2020},
  publisher = {Springer}}
"""


def _entry(text: str, key: str) -> str:
    return text.split("@book{" + key + ",")[1].split("\n}")[0]


def test_xdata_fields_and_a_subtitle_in_classic_bibtex():
    refs, _ = parse_bibtex(BIB, "refs.bib")
    text = convert_text(refs, "bibtex")
    smith = _entry(text, "smith2019")
    assert "title = {Hotter Cities: Causes and Consequences}" in smith and "subtitle" not in smith
    assert "publisher = {{Oxford University Press}}" in smith and "address = {{Oxford}}" in smith
    assert "xdata = {pubinfo}" in smith  # the link kept for biber
    why = _entry(text, "why")
    assert "title = {Why Heat? A Primer}" in why
    assert "@xdata{pubinfo," in text  # the container stays, as biber reads it
    biblatex = convert_text(refs, "biblatex")  # BibLaTeX: as it was, biber resolves the rest
    assert "subtitle = {Causes and Consequences}" in biblatex and "edition = {2}" in biblatex
    assert "publisher" not in _entry(biblatex, "smith2019")


def test_a_streamed_bib_with_xdata_converts_the_same(tmp_path: Path, capsys):
    source = tmp_path / "refs.bib"
    source.write_text(BIB, encoding="utf-8")
    convert_written(str(source), "bibtex", None)
    refs, _ = parse_bibtex(BIB, "refs.bib")
    assert capsys.readouterr().out == convert_text(refs, "bibtex")
