"""An organisation that leads an entry is its author, not a title-first entry's title: one whose
name has a word of an organisation's ("Panel"), or whose acronym follows it in brackets."""
from __future__ import annotations

from citecheck.model import EntryType

from one_reference import read_one as _read


def test_an_apa_organisation_author_before_an_italic_title():
    ref = _read("Intergovernmental Panel on Climate Change. (2021). *Climate change 2021: The physical science "
                "basis*. Cambridge University Press. https://doi.org/10.1017/9781009157896")
    assert [n.literal for n in ref.authors] == ["Intergovernmental Panel on Climate Change"]
    assert ref.title == "Climate change 2021: The physical science basis"
    assert (ref.publisher, ref.place, ref.type) == ("Cambridge University Press", "", EntryType.BOOK)


def test_a_harvard_organisation_author_with_its_acronym_in_brackets():
    ref = _read("World Tourism Organization (UNWTO) (2019) International tourism highlights, 2019 edition. "
                "Madrid: UNWTO.")
    assert [n.literal for n in ref.authors] == ["World Tourism Organization (UNWTO)"]
    assert ref.title == "International tourism highlights"
    assert (ref.place, ref.publisher) == ("Madrid", "UNWTO")
