"""Vancouver's corporate author and "[Internet]" title (new user, round 8): the tagger ran the title into
the bracketed medium as one genre; the words before the bracket are the title."""
from __future__ import annotations

import pytest

from citecheck.model import CleanText
from citecheck.parse.references import parse_reference_list

WHO = ("World Health Organization. Global report on infection prevention and control [Internet]. Geneva: WHO; "
       "2020. Available from: https://www.who.int/publications/i/item/9789240051164")


@pytest.mark.parametrize("label", ["", "2. ", "[2] "])
def test_a_corporate_author_keeps_the_title_before_internet(label):
    (ref,) = parse_reference_list(CleanText.identity("r.md", label + WHO + "\n"))
    assert [n.literal for n in ref.authors] == ["World Health Organization"]
    assert ref.title == "Global report on infection prevention and control"
    assert (ref.place, ref.publisher, ref.year) == ("Geneva", "WHO", 2020)
    assert [u.url for u in ref.urls] == ["https://www.who.int/publications/i/item/9789240051164"]
    assert ref.note == "[Internet]"
    assert not ref.findings
