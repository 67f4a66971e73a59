"""Letters written as a base letter and combining marks (a PDF's "Garcı\u0301a", macOS's decomposed text) are the
letters the reference list writes: citations are found and matched, spans still point into the file."""
from __future__ import annotations

from citecheck.config import Settings
from citecheck.model import CleanText
from citecheck.parse.bibtex import parse_bibtex
from citecheck.parse.composed_letters import compose_letters, composed_letter, composed_text
from citecheck.parse.csl_json import parse_csl_json
from citecheck.parse.ris import parse_ris
from citecheck.pipeline import check

DOTLESS_ACUTE = "Garc\u0131\u0301a"  # a PDF's text of TeX's Garc\'{\i}a
NFD_TILDE = "Mun\u0303oz"


def test_a_letter_and_its_marks_are_one_letter_and_a_dotless_i_under_an_accent_is_an_i():
    assert composed_letter("n\u0303") == "ñ"
    assert composed_letter("\u0131\u0301") == "í"
    assert composed_letter("x\u0301") == "x\u0301"  # Unicode has no such letter: left as written
    assert composed_text(f"{DOTLESS_ACUTE} and {NFD_TILDE}") == "García and Muñoz"
    assert composed_text("Bakırcı") == "Bakırcı"  # a Turkish dotless i without an accent stays one


def test_composed_text_still_maps_to_the_file_and_a_span_takes_in_the_marks():
    source = f"See {NFD_TILDE} and Herv\u0065\u0301 (2019)."
    text = compose_letters(CleanText.identity("doc.md", source))
    assert text.text == "See Muñoz and Hervé (2019)."
    start = text.text.index("Hervé")
    span = text.span(start, start + len("Hervé"))
    assert source[span.start:span.end] == "Herve\u0301"  # the accent too: a fix replaces the whole name
    start = text.text.index("Muñoz")
    assert source[text.span(start, start + 5).start:text.span(start, start + 5).end] == NFD_TILDE


ESSAY = f"""# Land and water in the Andes

{DOTLESS_ACUTE} (2019) surveyed 300 households. {NFD_TILDE} (2017) disagrees, and so do
Lo\u0308we and {DOTLESS_ACUTE} (2020). See also (Lo\u0308we & {DOTLESS_ACUTE}, 2020; {NFD_TILDE}, 2017).

## References

García, M. (2019). *Agua y poder en los Andes*. La Paz: Plural Editores.

Löwe, K., & García, M. (2020). Water boards and the state. *World Development*, 12, 1-20.

Muñoz, R. (2017). Irrigation committees and the state. *Journal of Latin American Studies*, 49(2), 211-236.
"""


def test_citations_written_with_combining_marks_cite_the_entries_the_list_writes_composed(tmp_path, monkeypatch):
    # "Mun\u0303oz (2017)" was no citation (a combining mark is no letter of a name), and "(Lo\u0308we &
    # Garcı\u0301a, 2020)" a missing reference: every entry was reported uncited
    monkeypatch.chdir(tmp_path)
    (tmp_path / "doc.md").write_text(ESSAY, encoding="utf-8")
    result = check(["doc.md"], Settings())
    assert not [f for f in result.findings if f.severity.name in ("ERROR", "WARNING")]
    assert len(result.citations) == 5 and all(result.citation_targets)


def test_the_list_written_with_combining_marks_is_matched_by_composed_citations(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    document = ("# Water\n\nReforms reshaped rural life (García, 2019; Muñoz, 2017).\n\n## References\n\n"
                f"{DOTLESS_ACUTE}, M. (2019). *Agua y poder en los Andes*. La Paz: Plural Editores.\n\n"
                f"{NFD_TILDE}, R. (2017). Irrigation committees and the state. *Journal of Latin American Studies*, "
                "49(2), 211-236.\n")
    (tmp_path / "doc.md").write_text(document, encoding="utf-8")
    result = check(["doc.md"], Settings())
    assert all(result.citation_targets) and not result.findings
    assert [r.authors[0].family for r in result.references] == ["García", "Muñoz"]


def test_structured_exports_are_read_composed():
    # pdflatex's inputenc stops on a combining mark in a .bib written from them
    (ris,), _ = parse_ris(f"TY  - BOOK\nAU  - {DOTLESS_ACUTE}, Mari\u0301a\nPY  - 2019\nTI  - Agua\nER  - \n", "r.ris")
    assert (ris.authors[0].family, ris.authors[0].given) == ("García", "María")
    (csl,), _ = parse_csl_json('[{"id": "m", "type": "book", "title": "Agua", "issued": {"date-parts": [[2019]]},'
                               f' "author": [{{"family": "{NFD_TILDE}", "given": "Rosa"}}]}}]', "r.json")
    assert csl.authors[0].family == "Muñoz"
    (bib,), _ = parse_bibtex(f"@book{{g, author = {{{DOTLESS_ACUTE}, Luis and Mar{{\\'\\i}}a Pe{{\\~n}}a}},"
                             " title = {Santa Mar\\'\\i a del Mar}, year = 2019}", "r.bib")
    assert [(n.family, n.given) for n in bib.authors] == [("García", "Luis"), ("Peña", "María")]
    assert bib.title == "Santa María del Mar"  # TeX skips the blank after "\\i": it was "Marí a"
