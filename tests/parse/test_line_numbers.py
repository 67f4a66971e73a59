"""A manuscript's margin line numbers (lineno, Word's line numbering), copied with its text, are taken off
the lines: the reference list was not found ("no bibliography") and titles read "416 References 417"."""
from __future__ import annotations

from citecheck.model import CleanText
from citecheck.parse.citations import find_citations
from citecheck.parse.cleanup import remove_page_headers
from citecheck.parse.document import parse_document
from citecheck.parse.line_numbers import strip_line_numbers
from citecheck.inputs.read import read_source

PREPRINT = """Sleep after infection
412 Sleep was studied by Buysse et al. (1989) and later (Okafor & Smith-Jones, 2021;
413 Jahrami et al., 2021). Efficient workflows were reviewed (Lee-Fischer & van der Berg,
414 2019).
415
416 References
417 Buysse, D. J., Reynolds, C. F., Monk, T. H., Berman, S. R., & Kupfer, D. J. (1989). The
418 Pittsburgh Sleep Quality Index: A new instrument for psychiatric practice and research.
419 Psychiatry Research, 28(2), 193–213. https://doi.org/10.1016/0165-1781(89)90047-4
420 Jahrami, H., BaHammam, A. S., Bragazzi, N. L., Saif, Z., Faris, M., & Vitiello, M. V. (2021).
421 Sleep problems during the COVID-19 pandemic by population: A systematic review and
422 meta-analysis. Journal of Clinical Sleep Medicine, 17(2), 299–313.
423 Lee-Fischer, A., & van der Berg, T. (2019). Office affiliation, efficient workflows and
424 first-shift workers: A difficult balance. Occupational Medicine, 69(8–9), 611–617.
425 Okafor, C., & Smith-Jones, P. (2021). Flexible working and sleep: Evidence from fifty
426 workplaces. Sleep Health, 7(3), 301–309. https://doi.org/10.1016/j.sleh.2021.02.004
"""


def test_margin_line_numbers_are_taken_off_and_the_list_read(tmp_path):
    path = tmp_path / "preprint.txt"
    path.write_text(PREPRINT, encoding="utf-8")
    parsed = parse_document(read_source(str(path)))
    assert [r.title for r in parsed.references][:2] == [
        "The Pittsburgh Sleep Quality Index: A new instrument for psychiatric practice and research",
        "Sleep problems during the COVID-19 pandemic by population: A systematic review and meta-analysis"]
    assert len(parsed.references) == 4 and "413" not in parsed.body.text
    found = find_citations(parsed.body)
    assert [c.name_texts for c in found][:2] == [("Buysse",), ("Okafor", "Smith-Jones")]
    okafor = parsed.references[3]
    assert (okafor.span.line, okafor.span.column) == (15, 5)  # still where the file has it, after "425 "


def test_the_numbers_of_a_list_or_of_lines_that_open_with_capitals_are_kept():
    vancouver = "".join(f"{n} Author{n} A. A title of work {n}. J Stud. 2020;{n}:1-9.\n" for n in range(1, 13))
    text, taken = strip_line_numbers(CleanText.identity("refs.txt", vancouver))
    assert taken == 0 and text.text == vancouver
    cleaned = remove_page_headers("p.txt", PREPRINT).text
    assert cleaned.text.startswith("Sleep after infection\nSleep was studied") and "\n\nReferences\n" in cleaned.text
