"""A signal set in italics, as legal styles and Word's Markdown set it, "(*see also* Smith, 2021)", is a signal:
the citation after it is read (the asterisks kept it from being read at all)."""
from __future__ import annotations

import pytest

from citecheck.model import CleanText
from citecheck.parse.citations import find_citations


@pytest.mark.parametrize("text", ["grew (*see* Smith, 2021).", "grew (*see also* Smith, 2021).",
                                  "grew (_cf._ Smith, 2021).", "grew (*e.g.*, Smith, 2021)."])
def test_an_italic_signal_is_skipped(text):
    (found,) = find_citations(CleanText.identity("f", text))
    assert (found.text, found.name_texts, found.year) == ("Smith, 2021", ("Smith",), 2021)

