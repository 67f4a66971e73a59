import pytest

from citecheck.model import CleanText, SourceDoc
from citecheck.parse.document import parse_document
from citecheck.parse.sections import split_sections


def sections(text: str):
    return split_sections(CleanText.identity("f.md", text))


@pytest.mark.parametrize("heading", ["## Bibliography", "# References", "**Works Cited**", "Sources", "References:",
                                     "## Literaturverzeichnis", "## Références", "## Список литературы", "## 参考文献",
                                     "## Referencias bibliográficas", "## References and Notes"])
def test_headings_are_found(heading):
    s = sections(f"Body (Smith, 2019).\n\n{heading}\n\nSmith, J. (2019). Title.\n")
    assert s.bibliography is not None
    assert s.bibliography.text.strip() == "Smith, J. (2019). Title."
    assert s.body.text.strip() == "Body (Smith, 2019)."


def test_section_ends_at_rule_or_next_heading():
    s = sections("Body.\n\n## References\n\nA, B. (2019). T.\n\n---\n\n## About the author\n\nBio.\n")
    assert "Bio" not in s.bibliography.text
    assert "About" not in s.bibliography.text


def test_trailing_list_without_heading():
    text = "An essay paragraph (Smith, 2019).\n\nSmith, J. (2019). One.\n\nJones, K. (2018). Two.\n\nLee, M. (2017). Three.\n"
    s = sections(text)
    assert s.bibliography is not None and s.bibliography.text.startswith("Smith, J.")
    assert s.heading is None


def test_no_bibliography():
    s = sections("Just prose without any references.\n")
    assert s.bibliography is None


def test_bibliography_spans_map_to_the_file():
    text = "Body.\n\n## References\n\nSmith, J. (2019). Title.\n"
    s = sections(text)
    i = s.bibliography.text.index("Smith")
    assert s.bibliography.span(i, i + 5).line == 5


SUPPLEMENT = """Sleep was studied (Okafor, 2021) and measured at scale (Nguyen, 2020).

## References

Okafor, C. (2021). Flexible working and sleep. *Sleep Health, 7*(3), 301–309.

## Appendix A: Instruments

The instruments are listed here (Buysse et al., 1989).

## Supplementary References

Buysse, D. J., & Kupfer, D. J. (1989). The Pittsburgh Sleep Quality Index. *Psychiatry Research, 28*(2), 193–213.

Nguyen, T. (2020). *Measuring sleep at scale*. Cambridge University Press.
"""


@pytest.mark.parametrize("text", [SUPPLEMENT, SUPPLEMENT.replace("## ", "")])  # Markdown, and a PDF's text
def test_a_supplementary_list_after_an_appendix_is_read_with_the_first_and_the_appendix_is_body(text):
    # the supplementary list was not read (Nguyen a missing reference) or, without heading marks, the
    # appendix's heading and text were entries of the first list
    s = sections(text)
    entries = [line for line in s.bibliography.text.split("\n") if line.strip()]
    assert [e.split(",")[0] for e in entries] == ["Okafor", "Buysse", "Nguyen"]
    assert "instruments are listed here (Buysse et al., 1989)" in s.body.text and "Supplementary" not in s.body.text
    i = s.bibliography.text.index("Nguyen")
    j = s.body.text.index("(Buysse")
    assert s.bibliography.span(i, i + 6).line == 15 and s.body.span(j, j + 1).line == 9


def test_a_plain_appendix_heading_ends_the_list_of_a_pdfs_text():
    text = ("Body (Lee, 2019).\nReferences\nLee, K. (2019). A title. https://example.org/lee\n"
            "Appendix B: Questionnaire\nItem one asks about sleep in the\nlast month.\n")
    s = sections(text)
    assert s.bibliography.text.strip() == "Lee, K. (2019). A title. https://example.org/lee"  # was the appendix too
    assert "Appendix" not in s.body.text


def test_an_entry_line_that_opens_with_appendix_does_not_end_the_list():
    text = ("Body (Lee, 2019; Kim, 2020).\nReferences\nLee, K. (2019). Annual report, vol. 2.\n"
            "Appendix B: Data tables. London: HMSO.\nKim, J. (2020). Another title. Sleep, 3, 1-9.\n")
    assert "Kim, J. (2020)" in sections(text).bibliography.text


CHAPTERS = """# Chapter 1: Heat

Cities are warmer (Zhao et al., 2014). Oke et al. (2017) describe the physics.

## References

Oke, T. R., & Mills, G. (2017). *Urban climates*. Cambridge University Press.

Zhao, L., & Lee, X. (2014). Strong contributions of local background climate. *Nature*, 511, 216–219.

# Chapter 2: Health

Heat kills (Gasparrini et al., 2015). Again (Zhao & Lee, 2014).

## References

Gasparrini, A., & Guo, Y. (2015). Mortality risk attributable to ambient temperature. *The Lancet*, 386, 369–375.

Zhao, L., & Lee, X. (2014). Strong contributions of local background climate. *Nature*, 511, 216–219.
"""


def test_chapter_bibliographies_are_one_bibliography_and_the_chapters_between_them_body():
    # each chapter's list was body but the last's: its entries read as citations ("Oke, T. R., & Mills, G. (2017)"),
    # Oke reported missing; a work two chapters list is one work, not the same work listed twice
    parsed = parse_document(SourceDoc("thesis.md", CHAPTERS, "markdown"))
    assert [(r.authors[0].family, r.year) for r in parsed.references] == [("Oke", 2017), ("Zhao", 2014), ("Gasparrini", 2015)]
    assert "Heat kills" in parsed.body.text and "Mills, G." not in parsed.body.text
    text = CHAPTERS.replace("## ", "").replace("# ", "").replace("Chapter 2: Health", "Chapter 2\nHealth")  # a PDF's
    parsed = parse_document(SourceDoc("thesis.txt", text, "text"))
    assert [r.authors[0].family for r in parsed.references] == ["Oke", "Zhao", "Gasparrini"]
    assert "Heat kills" in parsed.body.text and "Mills, G." not in parsed.body.text
    one = CHAPTERS.replace("# Chapter 2: Health\n\nHeat kills (Gasparrini et al., 2015). Again (Zhao & Lee, 2014).\n\n## References\n\n", "")
    assert [r.authors[0].family for r in parse_document(SourceDoc("p.md", one, "markdown")).references] == [
        "Oke", "Zhao", "Gasparrini", "Zhao"]  # one list naming a work twice keeps both (said as listed twice)


def test_lists_one_after_another_are_one_bibliography():
    # biblatex's \printbibliography[keyword=primary,title={Primary Sources}] then the secondary list: the first
    # list was body (its entries read as citations) or, in a PDF, no bibliography was found at all
    text = ("Letters show it (Adams, 1801), as historians agree (Baker, 2010).\n\nPrimary Sources\n"
            "Adams, J. (1801). Letter to his wife. Boston: Archive.\n\nSecondary Sources\n"
            "Baker, T. (2010). The Adams letters. New York: Norton.\n")
    parsed = parse_document(SourceDoc("p.txt", text, "text"))
    assert [r.authors[0].family for r in parsed.references] == ["Adams", "Baker"]
    assert parsed.body.text.strip() == "Letters show it (Adams, 1801), as historians agree (Baker, 2010)."


def test_a_sources_or_literature_section_in_the_body_is_no_chapter_list():
    text = ("## Literature\n\nSmith (2019) found more heat (Lee, 2020).\n\n## Results\n\nAs expected (Smith, 2019).\n\n"
            "## References\n\nLee, K. (2020). Heat. Cambridge University Press.\n\nSmith, J. (2019). More heat. Verso.\n")
    parsed = parse_document(SourceDoc("p.md", text, "markdown"))
    assert [r.authors[0].family for r in parsed.references] == ["Lee", "Smith"]
    assert "Smith (2019) found more heat" in parsed.body.text


def test_without_marks_a_list_followed_by_prose_and_no_chapter_heading_is_not_read_as_running_on():
    # "2 Health" is no chapter heading this reader knows: the prose after the first list must not become entries
    text = ("Heat rises (Smith, 2019).\nReferences\nSmith, J. (2019). More heat. Verso.\n2 Health\n"
            "Heat kills the old and the young alike, as many have shown (Lee, 2020), in every city.\n"
            "References\nLee, K. (2020). Heat. Cambridge University Press.\n")
    parsed = parse_document(SourceDoc("p.txt", text, "text"))
    assert "Heat kills the old" in parsed.body.text
    assert [r.authors[0].family for r in parsed.references] == ["Lee"]


LIST = "Jones, A. (2018). A book about things. Oxford: OUP.\n\nSmith, J. (2019). Another book. London: Verso.\n\n" \
       "Brown, K. (2020). A third book. Paris: Seuil.\n"


@pytest.mark.parametrize("prose", ["Some prose citing Smith (2019).", "As argued by Smith (2019), books matter.",
                                   "Prior work by Smith and Jones (2019) shows that books matter."])
def test_a_sentence_citing_a_work_before_an_unheaded_list_is_body(prose):
    s = sections(f"Introduction to the topic.\n\n{prose}\n\n{LIST}")
    assert s.bibliography is not None and s.bibliography.text.startswith("Jones, A.")
    assert prose in s.body.text


@pytest.mark.parametrize("entry", ["World Health Organization (2019). Global report. Geneva: WHO.",
                                   "Cybersex trafficking explained. (2019). Retrieved from https://example.org/c",
                                   "Smith J and Jones K (2019) 'Books', Journal of Books 3: 1-9."])
def test_an_entry_dated_after_its_author_or_title_still_opens_the_list(entry):
    s = sections(f"Introduction to the topic.\n\n{entry}\n\n{LIST}")
    assert s.bibliography is not None and s.bibliography.text.startswith(entry)
