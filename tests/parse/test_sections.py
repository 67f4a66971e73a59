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
