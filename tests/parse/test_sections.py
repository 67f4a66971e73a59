import pytest

from citecheck.model import CleanText
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
