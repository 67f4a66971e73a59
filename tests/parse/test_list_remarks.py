"""A remark written into a reference list ("Note: all links were accessed on 3 March 2022.") is no entry:
it was read as a work by "Note", key note2022, and reported "listed but never cited". It is set apart and
said in an info finding with its line."""
from __future__ import annotations

import pytest

from citecheck.config import Settings
from citecheck.model import Kind, Severity
from citecheck.pipeline import check

LIST = ("Smith, A. (2019). Hot cities. Journal of Heat, 1, 1-2.\n\n"
        "Jones, B. (2018). Cold cities. Journal of Cold, 2, 3-4.\n\n")


@pytest.mark.parametrize("remark", [
    "Note: all links were accessed on 3 March 2022.",
    "Notes. Works marked with an asterisk are primary sources.",
    "N.B. Two of the reports are in Korean.",
    "All URLs last accessed 1 May 2023.",
    "All websites were checked on 12 January 2021.",
])
def test_a_remark_in_the_list_is_said_not_read_as_an_entry(tmp_path, remark):
    doc = tmp_path / "essay.md"
    doc.write_text(f"Cities warm (Smith, 2019) and cool (Jones, 2018).\n\n## References\n\n{LIST}{remark}\n",
                   encoding="utf-8")
    result = check([str(doc)], Settings())
    assert sorted(r.year for r in result.references) == [2018, 2019]
    assert not [f for f in result.findings if f.kind is Kind.UNCITED_REFERENCE]
    said = [f for f in result.findings if f.kind is Kind.UNPARSED_ENTRY]
    assert len(said) == 1 and said[0].severity is Severity.INFO and said[0].span.line == 9
    assert remark[:20] in said[0].message


@pytest.mark.parametrize("entry", [
    "Notes, Jane. (2017). Field notes on cities. Urban Press.",  # a family name
    "Note: Data Sheet. (2020). https://example.org/datasheet.pdf",  # a link of its own: a work
])
def test_an_entry_that_only_looks_like_a_remark_is_kept(tmp_path, entry):
    doc = tmp_path / "essay.md"
    doc.write_text(f"Cities warm (Smith, 2019) and cool (Jones, 2018).\n\n## References\n\n{LIST}{entry}\n",
                   encoding="utf-8")
    result = check([str(doc)], Settings())
    assert len(result.references) == 3
