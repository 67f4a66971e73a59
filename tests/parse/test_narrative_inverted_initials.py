"""A narrative citation written as the reference list writes the name, "Smith, J. (2019)", cites Smith,
not an author named "J."."""
from __future__ import annotations

import pytest

from citecheck.model import CleanText
from citecheck.parse.citations import find_citations


@pytest.mark.parametrize("text, cited", [
    ("Smith, J. (2019) and Brown, T. (2018) disagree.", [("Smith",), ("Brown",)]),
    ("Smith, J., & Brown, T. (2017) agree.", [("Smith", "Brown")]),
    ("Smith, J. R. (2016) agrees.", [("Smith",)]),
    ("In China, Yoon (2019) agrees.", [("Yoon",)]),  # a sentence's comma still cuts the name list
])
def test_initials_after_the_family_name_are_no_name(text, cited):
    found = find_citations(CleanText.identity("e.md", text), known_titles=("Smith", "Brown", "Yoon"))
    assert [c.name_texts for c in found] == cited
    assert found[0].text.startswith(cited[0][0])
