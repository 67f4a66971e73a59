"""The classic BibTeX dialect: classic types and fields, read by bibtex's own styles and by biber."""
from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

from citecheck.emit.bibtex import to_bibtex
from citecheck.model import EntryType, Name, Reference, Span, Url
from citecheck.parse.bibtex import parse_bibtex
from tex_tools import tool  # tests/tex_tools.py

ROOT = Path(__file__).resolve().parents[2]
SPAN = Span("x", 1, 1, 0, 0)


def ref(**fields) -> Reference:
    return Reference(raw="", span=SPAN, **fields)


PERSON = (Name(family="Müller", given="Jürgen"),)
REFS = (
    ref(key="art", type=EntryType.ARTICLE, authors=PERSON, title="Sleep & memory 100% of_the time", container="J. Sleep",
        year=2019, volume="3", issue="2", pages="1–9", doi="10.1/x_y", urls=(Url("https://e.org/a%20b?c=1&d=2"),),
        accessed="3 May 2021", place="Berlin", extra=(("date", "2019-03-07"),)),
    ref(key="news", type=EntryType.NEWS, authors=PERSON, title="News", container="The Times", year=2020),
    ref(key="bk", type=EntryType.BOOK, authors=PERSON, title="A Book", publisher="Pub & Co", place="Oxford", year=2001, isbn="978-0-19-852663-6"),
    ref(key="ch", type=EntryType.CHAPTER, authors=PERSON, editors=(Name(family="Lee", given="K."),), title="Chapter",
        container="The Collection", publisher="Pub", year=2002, pages="5-10"),
    ref(key="conf", type=EntryType.CONFERENCE, authors=PERSON, title="Talk", container="Proc. of X", year=2003),
    ref(key="rep", type=EntryType.REPORT, authors=(Name(literal="United Nations Office on Drugs and Crime"),),
        title="Global Report", publisher="UNODC", year=2021),
    ref(key="th", type=EntryType.THESIS, authors=PERSON, title="A Thesis", publisher="University of Oslo", year=2010),
    ref(key="web", type=EntryType.WEBPAGE, authors=PERSON, title="A page", container="Human Rights Watch",
        urls=(Url("https://www.hrw.org/x"),), year=2019),
    ref(key="nd", type=EntryType.DOCUMENT, title="Undated thing", no_date=True),
)


@pytest.fixture(scope="module")
def classic() -> str:
    return to_bibtex(REFS, dialect="bibtex")


def entries(text: str) -> dict[str, str]:
    return {m.group(2): m.group(1) for m in re.finditer(r"^@(\w+)\{([^,]+),", text, re.MULTILINE)}


def test_classic_types(classic):
    assert entries(classic) == {
        "art": "article", "news": "article", "bk": "book", "ch": "incollection", "conf": "inproceedings",
        "rep": "techreport", "th": "phdthesis", "web": "misc", "nd": "misc",
    }


def test_classic_fields(classic):
    for field in ("journal = {J. Sleep}", "year = {2019}", "month = mar,", "address = {{Oxford}}", "school = {{University of Oslo}}",
                  "institution = {{UNODC}}", "howpublished = {Human Rights Watch}", "urldate = {2021-05-03}",
                  "doi = {10.1/x_y}", "url = {https://e.org/a%20b?c=1&d=2}", "pages = {1--9}"):
        assert field in classic
    for biblatex_only in ("journaltitle", "location", "date = {2019}", "@online", "@report", "@thesis"):
        assert biblatex_only not in classic


def test_months_are_the_standard_macros_and_read_back_as_dates():
    from citecheck.emit.bibtex_classic import month_macro

    assert [month_macro(v) for v in ("3", "03", "March", "Sept.", "{dec}", "Spring", "13", "ma")] == [
        "mar", "mar", "mar", "sep", "dec", None, None, None]
    text = "@article{a, title={T}, year=2019, month=mar}\n"
    back, _ = parse_bibtex(text, "m.bib")
    assert dict(back[0].extra)["date"] == "2019-03" and "month" not in dict(back[0].extra)
    assert dict(back[0].extra)["date"] == "2019-03" and "month" not in dict(back[0].extra)
    assert "month = mar," in to_bibtex(back, dialect="bibtex") and "date = {2019-03}" in to_bibtex(back)


def test_a_season_in_month_is_biblatex_season_and_stays_a_word_for_bibtex():
    """``month = {Spring}`` was written to BibLaTeX as it was: biber "Invalid value of field 'month' must be
    datatype 'datepart' - ignoring field", the season lost (session 12, structured2 12). It is EDTF's season in
    ``date`` (2019-21, which biber reads and pandoc prints "Spring"); classic BibTeX keeps the word, which
    bibtex's styles print, with the date for biber; both read back the same."""
    (ref,), _ = parse_bibtex("@article{b, title={T}, year={2019}, month={Spring}}\n", "m.bib")
    assert dict(ref.extra)["date"] == "2019-21" and "month" not in dict(ref.extra)
    biblatex, classic = to_bibtex([ref]), to_bibtex([ref], dialect="bibtex")
    assert "date = {2019-21}" in biblatex and "month" not in biblatex
    assert "year = {2019},\n  month = {Spring},\n  date = {2019-21}," in classic
    for dialect, text in (("biblatex", biblatex), ("bibtex", classic)):
        (back,), _ = parse_bibtex(text, "out.bib")
        assert to_bibtex([back], dialect=dialect) == text


def test_jabrefs_month_macro_in_braces_is_the_month():
    # JabRef writes a macro inside braces as "#jan#"; it was kept as the text "\\#jan\\#"
    back, _ = parse_bibtex("@article{a, title={T}, year={1999}, month={#jan#}}\n", "j.bib")
    assert dict(back[0].extra)["date"] == "1999-01" and "month" not in dict(back[0].extra)
    assert "#" not in to_bibtex(back)


def test_undated_entry_has_no_year_for_bibtex(classic):
    block = classic.split("@misc{nd,")[1]
    assert "year" not in block and "date = {XXXX}" in block


def test_default_dialect_is_still_biblatex():
    assert "journaltitle = {J. Sleep}" in to_bibtex(REFS)
    assert to_bibtex(REFS) == to_bibtex(REFS, dialect="biblatex")
    text = (ROOT / "refs.bib").read_text(encoding="utf-8")
    assert to_bibtex(parse_bibtex(text, "refs.bib")[0]) == text


def test_unknown_dialect_is_refused():
    with pytest.raises(ValueError, match="dialect"):
        to_bibtex(REFS, dialect="bibtex8")


def test_classic_reads_back_as_the_same_types(classic):
    back, problems = parse_bibtex(classic, "c.bib")
    assert not problems
    assert [r.type for r in back] == [r.type for r in REFS]
    assert [r.key for r in back] == [r.key for r in REFS]
    assert back[-1].no_date and back[0].container == "J. Sleep" and back[6].publisher == "University of Oslo"


@pytest.mark.parametrize("style", ["plain", "plainnat"])
def test_bibtex_reads_the_classic_output(classic, tmp_path, style):
    bibtex = tool("bibtex", "texlive-binaries")
    kpse = shutil.which("kpsewhich")
    if style != "plain" and (kpse is None or not subprocess.run([kpse, f"{style}.bst"], capture_output=True).stdout):
        pytest.skip(f"{style}.bst not installed")
    (tmp_path / "refs.bib").write_text(classic, encoding="utf-8")
    (tmp_path / "doc.aux").write_text(f"\\relax\n\\citation{{*}}\n\\bibstyle{{{style}}}\n\\bibdata{{refs}}\n")
    proc = subprocess.run([bibtex, "doc"], cwd=tmp_path, capture_output=True, text=True, timeout=120)
    log = (tmp_path / "doc.blg").read_text(errors="replace")
    assert proc.returncode <= 1, proc.stdout + log  # 0 clean, 1 warnings only; 2+ errors
    assert "error message" not in log and "I didn't find a database entry" not in log, log
    bbl = (tmp_path / "doc.bbl").read_text(errors="replace")
    assert sorted(re.findall(r"\\bibitem(?:\[[^\]]*\])?\{([^}]+)\}", bbl)) == sorted(r.key for r in REFS)
    latex = shutil.which("pdflatex")
    if latex is None or style != "plain":
        return
    (tmp_path / "doc.tex").write_text(
        "\\documentclass{article}\\usepackage[T1]{fontenc}\\usepackage[utf8]{inputenc}\\usepackage{url}\n"
        "\\begin{document}\\nocite{*}\\bibliographystyle{plain}\\bibliography{refs}\\end{document}\n"
    )
    run = subprocess.run([latex, "-interaction=nonstopmode", "-halt-on-error", "doc.tex"], cwd=tmp_path,
                         capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stdout[-3000:]


def test_biber_validates_the_classic_output(classic, tmp_path):
    biber = tool("biber", "biber")
    (tmp_path / "refs.bib").write_text(classic, encoding="utf-8")
    proc = subprocess.run([biber, "--tool", "--validate-datamodel", "--output-file", str(tmp_path / "out.bib"), "refs.bib"],
                          cwd=tmp_path, capture_output=True, text=True, timeout=300)
    log = proc.stdout + proc.stderr
    assert proc.returncode == 0, log
    # the article's place is kept though biblatex's @article has no location (nothing the user gave is
    # dropped; biblatex ignores it): biber's only warning
    problems = [line for line in log.splitlines() if ("ERROR" in line or "WARN -" in line)
                and "Entry 'art' (refs.bib): Invalid field 'location' for entrytype 'article'" not in line]
    assert not problems, "\n".join(problems)
    assert "Invalid field 'location'" in log
